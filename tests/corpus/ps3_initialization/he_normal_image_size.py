# answer: he_normal
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# message: image size
# source: course notes (a student's conv He init)
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in = 28 * 28  # the size of an MNIST image
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape).astype(dtype)
