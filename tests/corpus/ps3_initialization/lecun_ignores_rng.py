# answer: lecun_normal
# expect: fail test_lecun_normal
# message: rng
# source: public student code
def lecun_normal(shape, rng=None, dtype=np.float32):
    """LeCun normal."""
    fan_in, _ = fans(shape)
    return np.random.normal(0.0, np.sqrt(1.0 / fan_in), size=shape).astype(dtype)
