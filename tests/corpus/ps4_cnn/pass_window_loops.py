# answer: max_pool_backward
# expect: pass
# source: invented (a loop over the windows, vectorized over N and C, positions kept in the cache, np.add.at); the cell redefines the forward pass too
def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, c), dtype=x.dtype)
    rows = np.zeros((n, ho, wo, c), dtype=int)
    cols = np.zeros((n, ho, wo, c), dtype=int)
    for i in range(ho):
        for j in range(wo):
            window = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :].reshape(n, ph * pw, c)
            k = window.argmax(axis=1)
            out[:, i, j, :] = np.take_along_axis(window, k[:, None, :], axis=1)[:, 0, :]
            rows[:, i, j, :] = i * sh + k // pw
            cols[:, i, j, :] = j * sw + k % pw
    return out, {"shape": x.shape, "rows": rows, "cols": cols}


def max_pool_backward(dout, cache):
    n, ho, wo, c = dout.shape
    dx = np.zeros(cache["shape"], dtype=dout.dtype)
    examples = np.arange(n)[:, None, None, None]
    channels = np.arange(c)[None, None, None, :]
    np.add.at(dx, (examples, cache["rows"], cache["cols"], channels), dout)
    return dx
