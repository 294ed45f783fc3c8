# answer: he_normal
# expect: fail test_he_normal_conv
# message: fan_in, fan_out
# source: invented
# note: returns (fan_in, fan_out) for a kernel; dense shapes are right
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, fan_out = fans(shape)
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out)).astype(dtype)
