# answer: lecun_normal
# expect: fail test_lecun_normal
# message: variance
# source: invented
def lecun_normal(shape, rng=None, dtype=np.float32):
    """LeCun normal."""
    fan_in, _ = fans(shape)
    return rng.normal(0.0, 1.0 / fan_in, size=shape).astype(dtype)
