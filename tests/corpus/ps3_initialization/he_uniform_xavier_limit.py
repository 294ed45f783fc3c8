# answer: he_uniform
# expect: fail test_he_uniform
# message: Xavier's limit
# source: invented
def he_uniform(shape, rng=None, dtype=np.float32):
    """He uniform."""
    fan_in, fan_out = fans(shape)
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape).astype(dtype)
