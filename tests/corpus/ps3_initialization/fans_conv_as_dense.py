# answer: fans
# expect: fail test_fans_conv
# expect: fail test_lecun_normal
# expect: fail test_xavier_normal
# expect: fail test_xavier_uniform
# expect: fail test_he_normal_conv
# expect: fail test_he_uniform
# message: dense rule|as a dense|shape\[0\] and shape\[1\]
# source: public student code
# note: treats a (kh, kw, c_in, c_out) kernel like a (fan_in, fan_out) matrix
def fans(shape):
    """Return (fan_in, fan_out)."""
    return shape[0], shape[1]
