# answer: fans
# expect: fail test_fans_conv
# expect: fail test_lecun_normal
# expect: fail test_he_normal_conv
# expect: fail test_he_uniform
# message: swapped|swapping
# source: invented
# note: fan_in = kh*kw*c_out; Xavier only uses fan_in + fan_out, so its tests pass
def fans(shape):
    """Return (fan_in, fan_out)."""
    if len(shape) == 2:
        return shape[0], shape[1]
    kh, kw, c_in, c_out = shape
    return kh * kw * c_out, kh * kw * c_in
