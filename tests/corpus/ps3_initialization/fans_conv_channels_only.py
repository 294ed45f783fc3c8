# answer: fans
# expect: fail test_fans_conv
# expect: fail test_lecun_normal
# expect: fail test_xavier_normal
# expect: fail test_xavier_uniform
# expect: fail test_he_normal_conv
# expect: fail test_he_uniform
# message: channels only
# source: public student code
def fans(shape):
    """Return (fan_in, fan_out)."""
    if len(shape) == 2:
        return shape[0], shape[1]
    kh, kw, c_in, c_out = shape
    return c_in, c_out
