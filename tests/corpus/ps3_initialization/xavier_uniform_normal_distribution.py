# answer: xavier_uniform
# expect: fail test_xavier_uniform
# message: normal distribution
# source: invented
# note: the right variance, the wrong distribution
def xavier_uniform(shape, rng=None, dtype=np.float32):
    """Xavier uniform."""
    fan_in, fan_out = fans(shape)
    return rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=shape).astype(dtype)
