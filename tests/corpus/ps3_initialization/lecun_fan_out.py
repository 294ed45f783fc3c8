# answer: lecun_normal
# expect: fail test_lecun_normal
# message: fan_out
# source: invented
def lecun_normal(shape, rng=None, dtype=np.float32):
    """LeCun normal."""
    _, fan_out = fans(shape)
    return rng.normal(0.0, np.sqrt(1.0 / fan_out), size=shape).astype(dtype)
