# answer: he_normal
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# message: normal distribution|uniform
# source: invented
# note: the right variance from a uniform distribution
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    limit = np.sqrt(6.0 / fan_in)
    return rng.uniform(-limit, limit, size=shape).astype(dtype)
