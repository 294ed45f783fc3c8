# answer: build_cnn
# expect: fail test_build_cnn
# message: NotImplementedError
# source: the blank release (answer body replaced by nbgrader)
def build_cnn(pooling=True, seed=0):
    """The course CNN as a Sequential."""
    rng = np.random.default_rng(seed)
    raise NotImplementedError()
