# answer: xavier_normal
# expect: fail test_xavier_normal
# message: NotImplementedError
# source: the released stub
def xavier_normal(shape, rng=None, dtype=np.float32):
    """Xavier normal."""
    # YOUR CODE HERE
    raise NotImplementedError()
