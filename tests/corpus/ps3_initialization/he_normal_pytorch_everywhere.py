# answer: he_normal
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# message: PyTorch|fan_out|fan-out
# source: invented
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in = int(np.prod(shape[1:]))  # PyTorch: weight (out, in) and kernel (c_out, c_in, kh, kw)
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
