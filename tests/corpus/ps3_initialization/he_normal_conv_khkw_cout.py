# answer: he_normal
# expect: fail test_he_normal_conv
# message: fan-out|fan_out
# source: invented
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    if len(shape) == 2:
        fan_in = shape[0]
    else:
        kh, kw, c_in, c_out = shape
        fan_in = kh * kw * c_out
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
