# answer: max_pool_backward
# expect: fail test_max_pool_backward_basic
# expect: fail test_max_pool_backward_overlapping
# expect: fail test_max_pool_backward_ties
# expect: fail test_max_pool_backward_repeated_calls
# expect: fail test_max_pool_gradcheck
# message: grows at every call|INSIDE (the|its) window
# source: course-notes (the seed project's max-pool: arg-max positions appended to a module-level list that grows across calls, stored relative to the window, zipped with the gradients, written with = instead of +=); the cell redefines the forward pass too, as the bug spans both
_positions = []  # module level, never emptied


def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, c))
    for i in range(ho):
        for j in range(wo):
            window = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :]
            out[:, i, j, :] = window.max(axis=(1, 2))
            k = window.reshape(n, ph * pw, c).argmax(axis=1)
            _positions.append((k // pw, k % pw))  # row and column inside the window
    return out, (x.shape, _positions)


def max_pool_backward(dout, cache):
    x_shape, positions = cache
    n, ho, wo, c = dout.shape
    dx = np.zeros(x_shape)
    examples, channels = np.arange(n)[:, None], np.arange(c)[None, :]
    windows = [(i, j) for i in range(ho) for j in range(wo)]
    for (rows, cols), (i, j) in zip(positions, windows):
        dx[examples, rows, cols, channels] = dout[:, i, j, :]
    return dx
