# answer: max_pool_backward
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: instead of adding|not overwrite|\+=
# source: issue (public student code): dx[...] = instead of += in a loop over windows
def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    n, ho, wo, c = dout.shape
    dx = np.zeros(x_shape, dtype=dout.dtype)
    examples, channels = np.arange(n)[:, None], np.arange(c)[None, :]
    for i in range(ho):
        for j in range(wo):
            k = arg[:, i, j, :]
            dx[examples, i * sh + k // pw, j * sw + k % pw, channels] = dout[:, i, j, :]
    return dx
