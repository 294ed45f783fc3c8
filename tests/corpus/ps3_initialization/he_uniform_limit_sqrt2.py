# answer: he_uniform
# expect: fail test_he_uniform
# message: normal's std
# source: invented
def he_uniform(shape, rng=None, dtype=np.float32):
    """He uniform."""
    fan_in, _ = fans(shape)
    limit = np.sqrt(2.0 / fan_in)
    return rng.uniform(-limit, limit, size=shape).astype(dtype)
