# answer: xavier_uniform
# expect: fail test_xavier_uniform
# message: normal's std
# source: invented
def xavier_uniform(shape, rng=None, dtype=np.float32):
    """Xavier uniform."""
    fan_in, fan_out = fans(shape)
    limit = np.sqrt(2.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape).astype(dtype)
