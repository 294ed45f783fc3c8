# answer: he_uniform
# expect: fail test_he_uniform
# message: NotImplementedError
# source: the released stub
def he_uniform(shape, rng=None, dtype=np.float32):
    """He uniform."""
    # YOUR CODE HERE
    raise NotImplementedError()
