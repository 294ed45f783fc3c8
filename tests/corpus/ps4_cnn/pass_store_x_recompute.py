# answer: max_pool_backward
# expect: pass
# source: invented (the cache keeps x; backward finds the first maximum of each window again); the cell redefines the forward pass too
def max_pool_forward(x, pool=2, stride=None):
    x = np.asarray(x, dtype=np.float64)
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.empty((n, ho, wo, c))
    for i in range(ho):
        for j in range(wo):
            out[:, i, j, :] = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :].max(axis=(1, 2))
    return out, {"x": x.copy(), "pool": (ph, pw), "stride": (sh, sw)}


def max_pool_backward(dout, cache):
    x, (ph, pw), (sh, sw) = cache["x"], cache["pool"], cache["stride"]
    n, ho, wo, c = dout.shape
    dx = np.zeros_like(x)
    for i in range(ho):
        for j in range(wo):
            window = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :]
            mask = window == window.max(axis=(1, 2), keepdims=True)
            # keep the first maximum only (row-major), like np.argmax
            first = np.cumsum(mask.reshape(n, ph * pw, c), axis=1).reshape(mask.shape) == 1
            mask &= first
            dx[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :] += mask * dout[:, i:i + 1, j:j + 1, :]
    return dx
