# answer: he_normal
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# message: fan_out|fan-out
# source: invented
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    _, fan_out = fans(shape)
    return rng.normal(0.0, np.sqrt(2.0 / fan_out), size=shape).astype(dtype)
