# answer: max_pool_backward
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_ties
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: NotImplementedError
# source: the blank release (answer body replaced by nbgrader)
def max_pool_backward(dout, cache):
    """Gradient of the loss with respect to the input of max_pool_forward."""
    raise NotImplementedError()
