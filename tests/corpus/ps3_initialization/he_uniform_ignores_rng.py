# answer: he_uniform
# expect: fail test_he_uniform
# message: rng
# source: public student code
def he_uniform(shape, rng=None, dtype=np.float32):
    """He uniform."""
    fan_in, _ = fans(shape)
    limit = np.sqrt(6.0 / fan_in)
    return np.random.uniform(-limit, limit, size=shape).astype(dtype)
