# answer: lecun_normal
# expect: fail test_lecun_normal
# message: NotImplementedError
# source: the released stub
def lecun_normal(shape, rng=None, dtype=np.float32):
    """LeCun normal."""
    # YOUR CODE HERE
    raise NotImplementedError()
