# answer: he_normal
# expect: fail test_he_normal_conv
# message: shape\[0\]
# source: public student code
# note: fan_in = shape[0] for every shape, right for dense only
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in = shape[0]
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
