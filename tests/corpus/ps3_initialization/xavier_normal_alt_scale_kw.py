# answer: xavier_normal
# expect: pass
# source: invented (correct)
def xavier_normal(shape, rng=None, dtype=np.float32):
    """Xavier normal."""
    fan_in, fan_out = fans(shape)
    return rng.normal(scale=(2 / (fan_in + fan_out)) ** 0.5, size=shape).astype(np.float32)
