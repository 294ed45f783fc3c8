# answer: max_pool_backward
# expect: pass
# source: invented (float64 intermediates and a float64 dx, fancy indexing with np.add.at)
def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    dout64 = np.asarray(dout, dtype=np.float64)
    n, ho, wo, c = dout64.shape
    nn, ii, jj, cc = np.meshgrid(np.arange(n), np.arange(ho), np.arange(wo), np.arange(c), indexing="ij")
    dx = np.zeros(x_shape, dtype=np.float64)
    np.add.at(dx, (nn, ii * sh + arg // pw, jj * sw + arg % pw, cc), dout64)
    return dx
