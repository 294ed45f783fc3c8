# answer: he_uniform
# expect: fail test_he_uniform
# message: >= 0
# source: invented
def he_uniform(shape, rng=None, dtype=np.float32):
    """He uniform."""
    fan_in, _ = fans(shape)
    return (rng.random(shape) * np.sqrt(6.0 / fan_in)).astype(dtype)
