# answer: xavier_uniform
# expect: fail test_xavier_uniform
# message: >= 0
# source: invented
# note: uniform in [0, limit): the mean is not 0
def xavier_uniform(shape, rng=None, dtype=np.float32):
    """Xavier uniform."""
    fan_in, fan_out = fans(shape)
    return (rng.random(shape) * np.sqrt(6.0 / (fan_in + fan_out))).astype(dtype)
