# answer: he_normal
# expect: fail test_he_normal_conv
# message: c_in only
# source: invented
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in = shape[0] if len(shape) == 2 else shape[2]
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
