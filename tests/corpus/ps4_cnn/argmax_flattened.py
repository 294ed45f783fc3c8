# answer: max_pool_backward
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_ties
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: whole batch and all channels|flattens N and C
# source: issue (public student code): np.max over the window's axes, but np.argmax(window) without an axis (over the whole flattened block of every example and channel); the cell redefines the forward pass too
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, c), dtype=x.dtype)
    positions = {}
    for i in range(ho):
        for j in range(wo):
            window = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :]
            out[:, i, j, :] = window.max(axis=(1, 2))
            k, a, b, ch = np.unravel_index(np.argmax(window), window.shape)  # flattened: N and C too
            positions[i, j] = (k, i * sh + a, j * sw + b, ch)
    return out, (x.shape, positions)


def max_pool_backward(dout, cache):
    x_shape, positions = cache
    dx = np.zeros(x_shape, dtype=dout.dtype)
    for (i, j), (k, r, s, ch) in positions.items():
        dx[k, r, s, ch] += dout[k, i, j, ch]
    return dx
