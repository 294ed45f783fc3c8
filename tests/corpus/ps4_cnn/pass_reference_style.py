# answer: max_pool_backward
# expect: pass
# source: the reference core's approach (reshape for stride = pool, as_strided windows otherwise; one-hot reshape and np.bincount in backward), self-contained; the cell redefines the forward pass too
from numpy.lib.stride_tricks import as_strided


def max_pool_forward(x, pool=2, stride=None):
    x = np.asarray(x)
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    if (sh, sw) == (ph, pw):
        tiles = x[:, :ho * ph, :wo * pw, :].reshape(n, ho, ph, wo, pw, c)
        win = tiles.transpose(0, 1, 3, 5, 2, 4).reshape(n, ho, wo, c, ph * pw)
    else:
        s_n, s_h, s_w, s_c = x.strides
        win = as_strided(x, shape=(n, ho, wo, ph, pw, c),
                         strides=(s_n, s_h * sh, s_w * sw, s_h, s_w, s_c), writeable=False)
        win = win.transpose(0, 1, 2, 5, 3, 4).reshape(n, ho, wo, c, ph * pw)
    arg = win.argmax(axis=-1)
    out = np.take_along_axis(win, arg[..., None], axis=-1)[..., 0]
    return out, (x.shape, (ph, pw), (sh, sw), arg)


def max_pool_backward(dout, cache):
    x_shape, (ph, pw), (sh, sw), arg = cache
    dout = np.asarray(dout)
    n, h, w, c = x_shape
    ho, wo = arg.shape[1:3]
    if (sh, sw) == (ph, pw):
        onehot = arg[..., None] == np.arange(ph * pw)
        dtiles = np.where(onehot, dout[..., None], 0).astype(dout.dtype, copy=False)
        dtiles = dtiles.reshape(n, ho, wo, c, ph, pw).transpose(0, 1, 4, 2, 5, 3)
        dx = np.zeros(x_shape, dtype=dout.dtype)
        dx[:, :ho * ph, :wo * pw, :] = dtiles.reshape(n, ho * ph, wo * pw, c)
        return dx
    rows = np.arange(ho)[None, :, None, None] * sh + arg // pw
    cols = np.arange(wo)[None, None, :, None] * sw + arg % pw
    flat = ((np.arange(n)[:, None, None, None] * h + rows) * w + cols) * c + np.arange(c)
    dx = np.bincount(flat.ravel(), weights=dout.ravel(), minlength=n * h * w * c)
    return dx.astype(dout.dtype, copy=False).reshape(x_shape)
