# answer: he_normal
# expect: fail test_he_normal_conv
# message: whole input volume
# source: course notes (a student's conv He init)
# note: right for dense shapes, the whole input volume for kernels
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in = shape[0] if len(shape) == 2 else 16 * 26 * 26  # the input volume of the second conv
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
