# answer: max_pool_backward
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_ties
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: average pooling|spreads each window
# source: issue (public student code): the backward of average pooling (gradient spread evenly over the window)
def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    ho, wo = arg.shape[1:3]
    dx = np.zeros(x_shape, dtype=dout.dtype)
    for a in range(ph):
        for b in range(pw):
            dx[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :] += dout / (ph * pw)
    return dx
