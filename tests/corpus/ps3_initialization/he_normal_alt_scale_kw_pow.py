# answer: he_normal
# expect: pass
# source: invented (correct)
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    return rng.normal(scale=(2 / fan_in) ** 0.5, size=shape).astype(np.float32)
