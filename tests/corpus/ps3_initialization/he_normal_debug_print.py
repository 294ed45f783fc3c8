# answer: he_normal
# expect: fail test_he_normal_prints_nothing
# message: he_normal.* printed 'fan_in
# source: course-notes (debug print calls left in; here in the initializer, printing its fan-in)
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    print("fan_in", fan_in, "std", np.sqrt(2.0 / fan_in))
    return normal(shape, np.sqrt(2.0 / fan_in), rng, dtype)
