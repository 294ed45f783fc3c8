# answer: he_normal
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# message: >= 0
# source: invented
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    return np.abs(rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape)).astype(dtype)
