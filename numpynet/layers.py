"""Layers. Each has ``forward(x, training=True)`` and ``backward(dout) -> dx``, keeps what the
backward pass needs in an explicit ``cache``, and exposes ``params`` and ``grads`` as dicts
name -> array (the optimizer updates ``params`` in place). Images are NHWC ``(N, H, W, C)``.
"""
import numpy as np
from numpy.lib.stride_tricks import as_strided

from . import activations as _activations
from . import initializers as _initializers
from ._checks import as_float_array, check_ndim, check_size, pair


class Layer:
    """Base class. Layers without parameters keep empty ``params`` and ``grads``.

    ``needs_input_grad``: when False, ``backward`` still fills ``grads`` but may skip the
    gradient with respect to the input and return None. ``Sequential.backward(dout,
    input_grad=False)`` sets it on the first layer with parameters during training, where
    nothing uses that gradient (for a first Conv2D it is the costliest part of backward).
    """

    needs_input_grad = True

    def __init__(self):
        self.params, self.grads, self.cache = {}, {}, None

    def forward(self, x, training=True):
        raise NotImplementedError

    def backward(self, dout):
        raise NotImplementedError

    def _require_cache(self):
        if self.cache is None:
            raise RuntimeError(f"{type(self).__name__}.backward called before forward")
        return self.cache

    def __repr__(self):
        return f"{type(self).__name__}()"


def _fast_leaky_alpha(activation):
    """LeakyReLU's slope when the branch-free formulas below apply (0 <= alpha <= 1), else None."""
    if type(activation) is _activations.LeakyReLU and 0 <= activation.alpha <= 1:
        return activation.alpha
    return None


def _apply_activation(activation, z):
    """``f(z)`` for a pre-activation ``z``, which is left unchanged.

    LeakyReLU uses max(z, alpha*z), equal to its forward (where(z > 0, z, alpha*z)) value for
    value when 0 <= alpha <= 1, but without np.where's branch per element: several times faster.
    """
    if isinstance(activation, _activations.Identity):
        return z
    alpha = _fast_leaky_alpha(activation)
    if alpha is None:
        return activation.forward(z)
    a = np.multiply(z, z.dtype.type(alpha))
    return np.maximum(a, z, out=a)


def _activation_backward(activation, dout, z):
    """``dout * f'(z)``. ReLU and LeakyReLU build their derivative from the mask z > 0 without
    np.where (exactly the values of ``derivative``: 0 or 1, and alpha or 1)."""
    if isinstance(activation, _activations.Identity):
        return dout
    dout = np.asarray(dout)
    if type(activation) is _activations.ReLU:
        return np.multiply(dout, z > 0, dtype=np.result_type(dout, z))
    alpha = _fast_leaky_alpha(activation)
    if alpha is None:
        return dout * activation.derivative(z)
    slope = np.maximum(z > 0, z.dtype.type(alpha))  # 1 where z > 0, alpha elsewhere
    return np.multiply(dout, slope, out=slope if slope.dtype == np.result_type(dout, slope) else None)


def _make_rng(rng):
    return rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)


class Dense(Layer):
    """Fully connected: ``a = f(x @ W + b)``; x ``(N, in)``, W ``(in, out)``, b ``(out,)``, a ``(N, out)``.

    ``backward`` fills the gradients of W and b and returns dx ``(N, in)``, or None when
    ``needs_input_grad`` is False.
    """

    def __init__(self, in_features, out_features, activation=None,
                 initializer=_initializers.he_normal, rng=None, dtype=np.float32):
        super().__init__()
        self.in_features, self.out_features = int(in_features), int(out_features)
        self.activation = _activations.get(activation)
        rng = _make_rng(rng)
        self.params = {"W": np.asarray(initializer((self.in_features, self.out_features), rng=rng), dtype=dtype),
                       "b": np.zeros(self.out_features, dtype=dtype)}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}

    def forward(self, x, training=True):
        x = as_float_array(x)
        check_ndim(x, 2, "Dense", "(N, in_features); use Flatten first for images")
        check_size(x, 1, self.in_features, "Dense", "in_features")
        z = x @ self.params["W"]
        z += self.params["b"]
        self.cache = (x, z)
        return _apply_activation(self.activation, z)

    def backward(self, dout):
        x, z = self._require_cache()
        dz = _activation_backward(self.activation, dout, z)  # (N, out)
        np.matmul(x.T, dz, out=self.grads["W"])
        np.sum(dz, axis=0, out=self.grads["b"])
        if not self.needs_input_grad:
            return None
        return dz @ self.params["W"].T

    def __repr__(self):
        return f"Dense({self.in_features}, {self.out_features}, activation={self.activation!r})"


def _windows(x, kernel, stride):
    """Strided view ``(N, Ho, Wo, kh, kw, C)`` of the windows of ``x`` ``(N, H, W, C)``; no copy."""
    n, h, w, c = x.shape
    (kh, kw), (sh, sw) = kernel, stride
    ho, wo = (h - kh) // sh + 1, (w - kw) // sw + 1
    s_n, s_h, s_w, s_c = x.strides
    return as_strided(x, shape=(n, ho, wo, kh, kw, c),
                      strides=(s_n, s_h * sh, s_w * sw, s_h, s_w, s_c), writeable=False)


def im2col(x, kernel, stride):
    """Rows of receptive fields: ``(N*Ho*Wo, kh*kw*C)`` from ``x`` ``(N, H, W, C)``.

    One copy of the strided window view. A window row holds only kw*C contiguous numbers, so
    for a one-channel image with stride 1 (a first layer on grey images: runs of 3 floats) the
    copy goes kernel offset by kernel offset instead, in runs of Wo pixels, into a
    ``(kh*kw, N*Ho*Wo)`` array that is returned transposed: the same values in Fortran order,
    which matrix products take as fast.
    """
    win = _windows(x, kernel, stride)
    n, ho, wo, kh, kw, c = win.shape
    if c == 1 and stride[1] == 1:
        return np.ascontiguousarray(win.transpose(3, 4, 5, 0, 1, 2)).reshape(kh * kw * c, -1).T
    return win.reshape(n * ho * wo, kh * kw * c)  # copies: the strided view is not contiguous


def col2im(cols, x_shape, kernel, stride):
    """Adjoint of im2col: sum the rows ``(N, Ho, Wo, kh, kw, C)`` back into ``(N, H, W, C)``."""
    n, h, w, c = x_shape
    (kh, kw), (sh, sw) = kernel, stride
    ho, wo = (h - kh) // sh + 1, (w - kw) // sw + 1
    cols = cols.reshape(n, ho, wo, kh, kw, c)
    dx = np.zeros(x_shape, dtype=cols.dtype)
    for i in range(kh):  # kh*kw slices of the whole batch; never a loop over pixels
        for j in range(kw):
            dx[:, i:i + sh * (ho - 1) + 1:sh, j:j + sw * (wo - 1) + 1:sw, :] += cols[:, :, :, i, j, :]
    return dx


def _zero_pad(x, ph, pw):
    """``x`` ``(N, H, W, C)`` inside a border of ph zero rows and pw zero columns on each side.
    (np.pad does the same, at twice the time for these small arrays.)"""
    n, h, w, c = x.shape
    xp = np.zeros((n, h + 2 * ph, w + 2 * pw, c), dtype=x.dtype)
    xp[:, ph:ph + h, pw:pw + w] = x
    return xp


def _conv_input_grad(dz, w, x_shape, stride):
    """Gradient of a convolution with respect to its input: ``dz`` ``(N, Ho, Wo, C_out)`` and
    kernel ``w`` ``(kh, kw, C_in, C_out)`` -> dx ``(N, H, W, C_in)`` (``x_shape``, padding included).

    The same numbers as ``col2im(dz @ W.T)``, but as one matrix product with no scattered
    additions. Split the kernel rows as i = sh*p + a (offset p in [0, kh2), phase a in [0, sh),
    kh2 = ceil(kh/sh); likewise j = sw*q + b). Input row sh*u + a then receives
    sum_p dz[u - p] . W[sh*p + a] for every phase a at once: a stride-1 correlation of dz
    (padded by kh2 - 1) with kh2 x kw2 windows, whose output channels are the sh*sw*C_in
    phases. For stride 1 it is the usual "full correlation with the flipped kernel".
    """
    n, ho, wo, c_out = dz.shape
    kh, kw, c_in, _ = w.shape
    (sh, sw), (h, wd) = stride, x_shape[1:3]
    kh2, kw2 = -(-kh // sh), -(-kw // sw)
    w_pad = np.zeros((kh2 * sh, kw2 * sw, c_in, c_out), dtype=w.dtype)  # zero taps past the kernel
    w_pad[:kh, :kw] = w
    # (p, a, q, b, C_in, C_out) -> rows (p', q', C_out) with p' = kh2-1-p, columns (a, b, C_in)
    w_phase = w_pad.reshape(kh2, sh, kw2, sw, c_in, c_out)[::-1, :, ::-1]
    w_phase = w_phase.transpose(0, 2, 5, 1, 3, 4).reshape(kh2 * kw2 * c_out, sh * sw * c_in)
    dzp = _zero_pad(dz, kh2 - 1, kw2 - 1)
    phases = im2col(dzp, (kh2, kw2), (1, 1)) @ w_phase  # (N*U*V, sh*sw*C_in)
    u, v = ho + kh2 - 1, wo + kw2 - 1
    dx = phases.reshape(n, u, v, sh, sw, c_in).transpose(0, 1, 3, 2, 4, 5).reshape(n, u * sh, v * sw, c_in)
    if dx.shape[1:3] == (h, wd):
        return dx
    out = np.zeros((n, h, wd, c_in), dtype=dx.dtype)  # rows and columns no window reaches get 0
    hh, ww = min(h, u * sh), min(wd, v * sw)
    out[:, :hh, :ww] = dx[:, :hh, :ww]
    return out


def _channel_sums(dz):
    """Sum of ``dz`` ``(N, Ho, Wo, C)`` over everything but the channels -> ``(C,)``: first over
    images and rows, in rows of Wo*C numbers, then over the Wo pixels. (Summing the first three
    axes at once adds C numbers at a time: several times slower for a few channels.)"""
    n, ho, wo, c = dz.shape
    return dz.reshape(n * ho, wo * c).sum(axis=0).reshape(wo, c).sum(axis=0)


_SMALL_GRADIENT = 1024  # numbers: below this, _conv_weight_grad makes one product per image


def _conv_weight_grad(cols, dz):
    """``cols.T @ dz``: the kernel gradient ``(K, C_out)`` from cols ``(N*Ho*Wo, K)`` (K = kh*kw*C_in)
    and dz ``(N, Ho, Wo, C_out)``.

    A small gradient (a first layer on grey images: 9 x 16) summed over tens of thousands of rows
    is one product a threaded BLAS splits badly: its threads wait for each other at every block of
    rows, which costs up to a second per product when other programs keep the cores busy. One
    product per image, then a sum over the images, is as fast and never waits.
    """
    n, ho, wo, c_out = dz.shape
    k = cols.shape[1]
    if k * c_out > _SMALL_GRADIENT:
        return cols.T @ dz.reshape(-1, c_out)
    per_image = cols.T.reshape(k, n, ho * wo).transpose(1, 0, 2)  # (N, K, Ho*Wo), a view
    return np.matmul(per_image, dz.reshape(n, ho * wo, c_out)).sum(axis=0)


class Conv2D(Layer):
    """2-D convolution (cross-correlation) by im2col and one matrix product.

    x ``(N, H, W, C_in)``, W ``(kh, kw, C_in, C_out)``, b ``(C_out,)``,
    out ``(N, Ho, Wo, C_out)`` with Ho = (H + 2*padding - kh) // stride + 1.
    ``backward`` fills the kernel and bias gradients and returns dx ``(N, H, W, C_in)``, itself
    one more matrix product (``_conv_input_grad``), or None when ``needs_input_grad`` is False.
    """

    def __init__(self, c_in, c_out, kernel, stride=1, padding=0, activation=None,
                 initializer=_initializers.he_normal, rng=None, dtype=np.float32):
        super().__init__()
        self.c_in, self.c_out = int(c_in), int(c_out)
        self.kernel, self.stride, self.padding = pair(kernel, "kernel"), pair(stride, "stride"), int(padding)
        self.activation = _activations.get(activation)
        shape = (*self.kernel, self.c_in, self.c_out)
        rng = _make_rng(rng)
        self.params = {"W": np.asarray(initializer(shape, rng=rng), dtype=dtype),
                       "b": np.zeros(self.c_out, dtype=dtype)}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}

    def output_shape(self, h, w):
        (kh, kw), (sh, sw), p = self.kernel, self.stride, self.padding
        return (h + 2 * p - kh) // sh + 1, (w + 2 * p - kw) // sw + 1

    def forward(self, x, training=True):
        x = as_float_array(x)
        check_ndim(x, 4, "Conv2D", "(N, H, W, C) (NHWC)")
        check_size(x, 3, self.c_in, "Conv2D", "input channels C_in")
        ho, wo = self.output_shape(x.shape[1], x.shape[2])
        if ho < 1 or wo < 1:
            raise ValueError(f"Conv2D kernel {self.kernel} with padding {self.padding} does not fit "
                             f"an input of height x width {x.shape[1:3]}")
        p = self.padding
        xp = _zero_pad(x, p, p) if p else x
        cols = im2col(xp, self.kernel, self.stride)
        z = cols @ self.params["W"].reshape(-1, self.c_out)  # (N*Ho*Wo, C_out)
        z = z.reshape(-1, wo * self.c_out)  # rows of Wo pixels: numpy adds long rows faster
        z += np.tile(self.params["b"], wo)
        z = z.reshape(x.shape[0], ho, wo, self.c_out)
        self.cache = (xp.shape, cols, z)
        return _apply_activation(self.activation, z)

    def backward(self, dout):
        xp_shape, cols, z = self._require_cache()
        dz = _activation_backward(self.activation, dout, z)  # (N, Ho, Wo, C_out)
        self.grads["W"][...] = _conv_weight_grad(cols, dz).reshape(self.params["W"].shape)
        self.grads["b"][...] = _channel_sums(dz)
        if not self.needs_input_grad:
            return None
        dxp = _conv_input_grad(dz, self.params["W"], xp_shape, self.stride)
        p = self.padding
        return dxp[:, p:xp_shape[1] - p, p:xp_shape[2] - p, :] if p else dxp

    def __repr__(self):
        return (f"Conv2D({self.c_in}, {self.c_out}, kernel={self.kernel}, stride={self.stride}, "
                f"padding={self.padding}, activation={self.activation!r})")


def max_pool_forward(x, pool=2, stride=None):
    """Max-pool ``x`` ``(N, H, W, C)`` over ``pool`` windows moved by ``stride`` (default: pool).

    Returns ``(out, cache)`` with out ``(N, Ho, Wo, C)``, Ho = (H - ph) // sh + 1. Pools may be
    rectangular and windows may overlap (stride < pool). Each window remembers one arg-max (the
    first in row-major order when several values tie), so the backward pass routes the gradient
    to exactly one input per window.
    """
    x = as_float_array(x)
    check_ndim(x, 4, "max_pool_forward", "(N, H, W, C) (NHWC)")
    pool = pair(pool, "pool")
    stride = pool if stride is None else pair(stride, "stride")
    n, h, w, c = x.shape
    if pool[0] > h or pool[1] > w:
        raise ValueError(f"pool {pool} is larger than the input's height x width {(h, w)}")
    out, arg = _max_pool_windows(x, pool, stride)
    return out, (x.shape, pool, stride, arg)


def _max_pool_windows(x, pool, stride):
    """A running max over the ph*pw offsets (a, b) of the windows, each offset a
    strided view ``(N, Ho, Wo, C)`` of ``x``; no copy of the windows, no arg-max over tiny axes.
    Returns out ``(N, Ho, Wo, C)`` and arg, the offset a*pw + b of each window's maximum."""
    win = _windows(x, pool, stride)  # (N, Ho, Wo, ph, pw, C), a view
    ph, pw = pool
    out = win[:, :, :, 0, 0, :].copy()
    arg = np.zeros(out.shape, dtype=np.min_scalar_type(ph * pw - 1))  # small while it is built
    for k in range(1, ph * pw):
        offset = win[:, :, :, k // pw, k % pw, :]
        # where offset k is strictly greater (a tie keeps the earlier offset) arg becomes k, which
        # exceeds every earlier arg: a branch-free max instead of a slower masked assignment
        np.maximum(arg, (offset > out) * arg.dtype.type(k), out=arg)
        np.maximum(out, offset, out=out)
    if np.isnan(out).any():  # as in argmax, a NaN is the maximum: point at a window's first NaN
        for k in reversed(range(ph * pw)):
            np.putmask(arg, np.isnan(win[:, :, :, k // pw, k % pw, :]), k)
    return out, arg.astype(np.intp)


def max_pool_backward(dout, cache):
    """Route ``dout`` ``(N, Ho, Wo, C)`` to the arg-max of each window; returns dx ``(N, H, W, C)``.

    Where windows overlap, an input that is the arg-max of several windows receives the sum of
    their gradients.
    """
    x_shape, pool, stride, arg = cache
    dout = np.asarray(dout)
    if dout.shape != arg.shape:
        raise ValueError(f"max_pool_backward expects dout of the forward output's shape {arg.shape}, "
                         f"got {dout.shape}")
    (ph, pw), (sh, sw) = pool, stride
    ho, wo = arg.shape[1:3]
    finite = np.isfinite(dout).all()  # then dout * mask, much faster than np.where(mask, dout, 0)
    overlapping = sh < ph or sw < pw
    dx = np.zeros(x_shape, dtype=dout.dtype)
    for k in range(ph * pw):  # offset (a, b) of every window at once
        a, b = divmod(k, pw)
        hit = arg == k
        inputs = dx[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :]  # (N, Ho, Wo, C) view
        if finite and not overlapping:
            np.multiply(dout, hit, out=inputs)  # each input is in one window at most
        else:  # overlapping windows add up (and inf * 0 would give NaN)
            inputs += dout * hit if finite else np.where(hit, dout, 0)
    return dx


class MaxPool2D(Layer):
    """Max-pooling layer over ``(N, H, W, C)``; see ``max_pool_forward``."""

    def __init__(self, pool_size=2, stride=None):
        super().__init__()
        self.pool_size = pair(pool_size, "pool_size")
        self.stride = self.pool_size if stride is None else pair(stride, "stride")

    def forward(self, x, training=True):
        out, self.cache = max_pool_forward(x, self.pool_size, self.stride)
        return out

    def backward(self, dout):
        return max_pool_backward(dout, self._require_cache())

    def __repr__(self):
        return f"MaxPool2D(pool_size={self.pool_size}, stride={self.stride})"


class Flatten(Layer):
    """``(N, d1, d2, ...)`` -> ``(N, d1*d2*...)``."""

    def forward(self, x, training=True):
        x = np.asarray(x)
        self.cache = x.shape
        return x.reshape(x.shape[0], int(np.prod(x.shape[1:])))

    def backward(self, dout):
        return np.asarray(dout).reshape(self._require_cache())


class Dropout(Layer):
    """Inverted dropout: in training, zero each unit with probability ``p_drop`` and scale the
    survivors by 1 / (1 - p_drop), so the expected activation is unchanged; identity in eval mode."""

    def __init__(self, p_drop=0.5, rng=None):
        super().__init__()
        if not 0 <= p_drop < 1:
            raise ValueError(f"p_drop must be in [0, 1), got {p_drop}")
        self.p_drop = float(p_drop)
        self.rng = _make_rng(rng)

    def forward(self, x, training=True):
        x = as_float_array(x)
        if not training or self.p_drop == 0:
            self.cache = None
            return x
        keep = 1.0 - self.p_drop
        mask = (self.rng.random(x.shape, dtype=np.float32) < keep).astype(x.dtype) / x.dtype.type(keep)
        self.cache = mask
        return x * mask

    def backward(self, dout):
        return dout if self.cache is None else dout * self.cache

    def __repr__(self):
        return f"Dropout(p_drop={self.p_drop})"


class BatchNorm(Layer):
    """Batch normalization over every axis but the last (features for ``(N, D)``, channels for NHWC).

    Training: normalize with the batch mean and (biased) variance, eps inside the square root, then
    scale by gamma and shift by beta; running statistics follow PyTorch's convention:
    running = (1 - momentum) * running + momentum * batch, with the unbiased variance
    (``unbiased_running_var=False``: the biased one, as CS231n's assignment keeps it).
    Eval: normalize with the running statistics.
    """

    def __init__(self, num_features, eps=1e-5, momentum=0.1, dtype=np.float32, unbiased_running_var=True):
        super().__init__()
        self.num_features, self.eps, self.momentum = int(num_features), float(eps), float(momentum)
        self.unbiased_running_var = bool(unbiased_running_var)
        self.params = {"gamma": np.ones(num_features, dtype=dtype), "beta": np.zeros(num_features, dtype=dtype)}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        self.running_mean = np.zeros(num_features, dtype=dtype)
        self.running_var = np.ones(num_features, dtype=dtype)

    def forward(self, x, training=True):
        x = as_float_array(x)
        if x.ndim < 2:
            raise ValueError(f"BatchNorm expects (N, D) or (N, H, W, C), got shape {x.shape}")
        check_size(x, x.ndim - 1, self.num_features, "BatchNorm", "num_features (last axis)")
        axes = tuple(range(x.ndim - 1))
        if training:
            count = x.size // self.num_features
            if count < 2:
                raise ValueError("BatchNorm in training mode needs more than one value per feature")
            mean, var = x.mean(axis=axes), x.var(axis=axes)
            m = self.momentum
            self.running_mean[...] = (1 - m) * self.running_mean + m * mean
            correction = count / (count - 1) if self.unbiased_running_var else 1.0
            self.running_var[...] = (1 - m) * self.running_var + m * var * correction
        else:
            mean, var = self.running_mean, self.running_var
        inv_std = 1.0 / np.sqrt(var + self.eps)
        x_hat = (x - mean) * inv_std
        self.cache = (x_hat, inv_std, axes, training)
        return self.params["gamma"] * x_hat + self.params["beta"]

    def backward(self, dout):
        x_hat, inv_std, axes, training = self._require_cache()
        gamma = self.params["gamma"]
        self.grads["gamma"][...] = (dout * x_hat).sum(axis=axes)
        self.grads["beta"][...] = dout.sum(axis=axes)
        dx_hat = dout * gamma
        if not training:
            return dx_hat * inv_std
        return inv_std * (dx_hat - dx_hat.mean(axis=axes) - x_hat * (dx_hat * x_hat).mean(axis=axes))

    def __repr__(self):
        return f"BatchNorm({self.num_features})"
