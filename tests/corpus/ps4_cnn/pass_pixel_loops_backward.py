# answer: max_pool_backward
# expect: pass
# source: invented (one Python iteration per window value, += into dx)
def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    n, ho, wo, c = dout.shape
    dx = np.zeros(x_shape, dtype=dout.dtype)
    for k in range(n):
        for i in range(ho):
            for j in range(wo):
                for ch in range(c):
                    a, b = divmod(int(arg[k, i, j, ch]), pw)
                    dx[k, i * sh + a, j * sw + b, ch] += dout[k, i, j, ch]
    return dx
