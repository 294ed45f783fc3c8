# answer: he_normal
# expect: pass
# source: invented (correct)
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in = fans(shape)[0]
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(dtype)
