# answer: max_pool_backward
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_ties
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: HEIGHT|divmod
# source: issue (public student code): the flat arg-max split with the pool's height, divmod(k, ph); square pools hide it
def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    n, ho, wo, c = dout.shape
    dx = np.zeros(x_shape, dtype=dout.dtype)
    examples, channels = np.arange(n)[:, None], np.arange(c)[None, :]
    for i in range(ho):
        for j in range(wo):
            a, b = divmod(arg[:, i, j, :], ph)
            np.add.at(dx, (examples, i * sh + a, j * sw + b, channels), dout[:, i, j, :])
    return dx
