# answer: he_normal
# expect: fail test_he_normal_conv
# message: PyTorch
# source: public student code (PyTorch's kernel layout)
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    if len(shape) == 2:
        fan_in = shape[0]
    else:
        c_out, c_in, kh, kw = shape
        fan_in = c_in * kh * kw
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
