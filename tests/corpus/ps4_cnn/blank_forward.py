# answer: max_pool_forward
# expect: fail test_max_pool_forward_basic
# expect: fail test_max_pool_forward_rectangular
# expect: fail test_max_pool_forward_stride
# expect: fail test_max_pool_forward_overlapping
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_ties
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: NotImplementedError
# source: the blank release (answer body replaced by nbgrader)
def max_pool_forward(x, pool=2, stride=None):
    """Max-pool x (N, H, W, C)."""
    raise NotImplementedError()
