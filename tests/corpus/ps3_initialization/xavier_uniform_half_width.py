# answer: xavier_uniform
# expect: fail test_xavier_uniform
# message: limit/2
# source: invented
def xavier_uniform(shape, rng=None, dtype=np.float32):
    """Xavier uniform."""
    fan_in, fan_out = fans(shape)
    return ((rng.random(shape) - 0.5) * np.sqrt(6.0 / (fan_in + fan_out))).astype(dtype)
