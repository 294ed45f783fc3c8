# answer: xavier_normal
# expect: fail test_xavier_normal
# message: variance
# source: invented
def xavier_normal(shape, rng=None, dtype=np.float32):
    """Xavier normal."""
    fan_in, fan_out = fans(shape)
    return rng.normal(0.0, 2.0 / (fan_in + fan_out), size=shape).astype(dtype)
