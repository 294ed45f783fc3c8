# answer: he_normal
# expect: fail test_he_normal_reproducible
# message: rng
# source: public student code
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    return (np.random.randn(*shape) * np.sqrt(2.0 / fan_in)).astype(dtype)
