# answer: he_normal
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# message: LeCun
# source: invented
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    return rng.normal(0.0, np.sqrt(1.0 / fan_in), size=shape).astype(dtype)
