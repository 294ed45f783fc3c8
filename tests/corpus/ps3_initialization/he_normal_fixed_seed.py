# answer: he_normal
# expect: fail test_he_normal_reproducible
# expect: fail test_he_normal_conv
# message: fixed seed
# source: invented
# note: every call returns the same array: the pooled draws of small kernels in the conv test are identical too
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    gen = np.random.default_rng(0)
    return gen.normal(0.0, np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
