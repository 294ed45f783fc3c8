# answer: max_pool_backward
# expect: fail test_max_pool_backward_ties
# message: every input that ties|exactly one input
# source: issue (public student code): mask = (window == max), so every tied maximum gets the gradient; the cell redefines the forward pass to keep x in the cache
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, c), dtype=x.dtype)
    for i in range(ho):
        for j in range(wo):
            out[:, i, j, :] = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :].max(axis=(1, 2))
    return out, (x, (ph, pw), (sh, sw))


def max_pool_backward(dout, cache):
    x, (ph, pw), (sh, sw) = cache
    n, ho, wo, c = dout.shape
    dx = np.zeros(x.shape, dtype=dout.dtype)
    for i in range(ho):
        for j in range(wo):
            window = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :]
            mask = window == window.max(axis=(1, 2), keepdims=True)
            dx[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :] += mask * dout[:, i:i + 1, j:j + 1, :]
    return dx
