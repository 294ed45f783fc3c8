# answer: he_normal
# expect: pass
# source: invented (correct)
# note: float64 values with the right statistics are accepted
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    return rng.normal(0, np.sqrt(2 / fan_in), shape)
