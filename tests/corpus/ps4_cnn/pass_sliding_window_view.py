# answer: max_pool_forward
# expect: pass
# source: invented (numpy.lib.stride_tricks.sliding_window_view, argmax on the reshaped windows)
from numpy.lib.stride_tricks import sliding_window_view


def max_pool_forward(x, pool=2, stride=None):
    ph, pw = as_pair(pool)
    sh, sw = (ph, pw) if stride is None else as_pair(stride)
    win = sliding_window_view(x, (ph, pw), axis=(1, 2))[:, ::sh, ::sw]  # (N, Ho, Wo, C, ph, pw)
    n, ho, wo, c = win.shape[:4]
    flat = win.reshape(n, ho, wo, c, ph * pw)
    arg = np.argmax(flat, axis=-1)
    out = np.max(flat, axis=-1)
    return out, (x.shape, (ph, pw), (sh, sw), arg)
