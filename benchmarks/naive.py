"""Straightforward max-pooling, written the way students usually write it: Python loops.

Same contract as ``numpynet.layers.max_pool_forward`` / ``max_pool_backward`` (NHWC, one
arg-max per window, the first in row-major order on ties, overlapping windows add up), so the
benchmark can check both give the same numbers before timing them.
"""
import numpy as np


def max_pool_forward_loops(x, pool=2, stride=None):
    """Four nested loops, one window of one channel of one image at a time.

    x ``(N, H, W, C)`` -> out ``(N, Ho, Wo, C)`` and cache ``(x_shape, pool, stride, arg)`` with
    arg ``(N, Ho, Wo, C)`` the row-major position of the maximum inside its window.
    """
    ph, pw = (pool, pool) if np.isscalar(pool) else pool
    sh, sw = (ph, pw) if stride is None else ((stride, stride) if np.isscalar(stride) else stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, c), dtype=x.dtype)
    arg = np.zeros((n, ho, wo, c), dtype=np.intp)
    for b in range(n):
        for i in range(ho):
            for j in range(wo):
                for ch in range(c):
                    window = x[b, i * sh:i * sh + ph, j * sw:j * sw + pw, ch]
                    k = int(np.argmax(window))
                    arg[b, i, j, ch] = k
                    out[b, i, j, ch] = window.flat[k]
    return out, (x.shape, (ph, pw), (sh, sw), arg)


def max_pool_backward_loops(dout, cache):
    """dout ``(N, Ho, Wo, C)`` -> dx ``(N, H, W, C)``, one window at a time."""
    x_shape, (ph, pw), (sh, sw), arg = cache
    dx = np.zeros(x_shape, dtype=dout.dtype)
    n, ho, wo, c = dout.shape
    for b in range(n):
        for i in range(ho):
            for j in range(wo):
                for ch in range(c):
                    r, q = divmod(int(arg[b, i, j, ch]), pw)
                    dx[b, i * sh + r, j * sw + q, ch] += dout[b, i, j, ch]
    return dx


def max_pool_forward_windows(x, pool=2, stride=None):
    """Two loops over the output positions, each window vectorized over images and channels
    (the cs231n "naive" version)."""
    ph, pw = (pool, pool) if np.isscalar(pool) else pool
    sh, sw = (ph, pw) if stride is None else ((stride, stride) if np.isscalar(stride) else stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, c), dtype=x.dtype)
    arg = np.zeros((n, ho, wo, c), dtype=np.intp)
    for i in range(ho):
        for j in range(wo):
            window = x[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :].reshape(n, ph * pw, c)
            arg[:, i, j, :] = window.argmax(axis=1)
            out[:, i, j, :] = window.max(axis=1)
    return out, (x.shape, (ph, pw), (sh, sw), arg)


def max_pool_backward_windows(dout, cache):
    """The matching backward: a one-hot of each window's arg-max times its upstream gradient."""
    x_shape, (ph, pw), (sh, sw), arg = cache
    dx = np.zeros(x_shape, dtype=dout.dtype)
    n, ho, wo, c = dout.shape
    for i in range(ho):
        for j in range(wo):
            onehot = arg[:, i, j, :][:, None, :] == np.arange(ph * pw)[None, :, None]  # (N, ph*pw, C)
            grad = (onehot * dout[:, i, j, :][:, None, :]).reshape(n, ph, pw, c)
            dx[:, i * sh:i * sh + ph, j * sw:j * sw + pw, :] += grad
    return dx
