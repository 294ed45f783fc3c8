# answer: fans
# expect: fail test_fans_conv
# expect: fail test_lecun_normal
# expect: fail test_xavier_normal
# expect: fail test_xavier_uniform
# expect: fail test_he_normal_conv
# expect: fail test_he_uniform
# message: PyTorch
# source: public student code (PyTorch's kernel layout)
# note: PyTorch's _calculate_fan_in_and_fan_out on a (c_out, c_in, kh, kw) tensor, applied to numpynet's (kh, kw, c_in, c_out)
def fans(shape):
    """Return (fan_in, fan_out)."""
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = shape[2] * shape[3]
    return shape[1] * receptive, shape[0] * receptive
