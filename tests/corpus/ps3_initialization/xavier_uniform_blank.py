# answer: xavier_uniform
# expect: fail test_xavier_uniform
# message: NotImplementedError
# source: the released stub
def xavier_uniform(shape, rng=None, dtype=np.float32):
    """Xavier uniform."""
    # YOUR CODE HERE
    raise NotImplementedError()
