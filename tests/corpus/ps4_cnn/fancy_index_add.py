# answer: max_pool_backward
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: instead of adding|np\.add\.at|\+=
# source: invented (dx[idx] += g with integer-array indices: a repeated index adds only once)
def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    n, ho, wo, c = dout.shape
    nn, ii, jj, cc = np.meshgrid(np.arange(n), np.arange(ho), np.arange(wo), np.arange(c), indexing="ij")
    rows, cols = ii * sh + arg // pw, jj * sw + arg % pw
    dx = np.zeros(x_shape, dtype=dout.dtype)
    dx[nn, rows, cols, cc] += dout
    return dx
