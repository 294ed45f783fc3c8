# answer: he_normal
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# message: first argument is the mean
# source: invented
# note: rng.normal(std, size=shape) draws N(std, 1)
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    return rng.normal(np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
