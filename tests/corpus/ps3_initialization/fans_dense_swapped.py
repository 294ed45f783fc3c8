# answer: fans
# expect: fail test_fans_dense
# expect: fail test_lecun_normal
# expect: fail test_he_normal_std
# expect: fail test_he_uniform
# message: fan_in = shape\[0\]
# source: invented
# note: W as (out, in), PyTorch's Linear layout; Xavier is symmetric in the fans and passes
def fans(shape):
    """Return (fan_in, fan_out)."""
    if len(shape) == 2:
        return shape[1], shape[0]
    kh, kw, c_in, c_out = shape
    return kh * kw * c_in, kh * kw * c_out
