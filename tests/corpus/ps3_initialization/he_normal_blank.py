# answer: he_normal
# expect: fail test_he_normal_std
# expect: fail test_he_normal_conv
# expect: fail test_he_normal_reproducible
# expect: fail test_he_normal_prints_nothing
# message: NotImplementedError
# source: the released stub
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    # YOUR CODE HERE
    raise NotImplementedError()
