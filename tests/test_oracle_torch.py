import os
import pytest
if os.environ.get("NUMPYNET_REQUIRE_TORCH"):
    import torch
else:
    torch = pytest.importorskip("torch")
pytestmark = pytest.mark.torch

# Oracle tests: numpynet against PyTorch CPU.
#
# Layout conversions are explicit: numpynet images are NHWC and conv kernels (kh, kw, c_in, c_out);
# torch images are NCHW and kernels (c_out, c_in, kh, kw). Dense weights are (in, out) in numpynet
# and (out, in) in torch. Comparisons run in float64 with tight tolerances, plus one float32 run per
# layer with looser ones. Every layer test checks outputs, input gradients (torch autograd with a
# random upstream gradient) and parameter gradients.
import inspect

import numpy as np
import torch.nn.functional as F

from numpynet import activations, initializers, layers, losses, optimizers, training
from numpynet.model import Sequential

torch.set_num_threads(2)

TOL = {np.float64: dict(rtol=1e-6, atol=1e-9), np.float32: dict(rtol=1e-4, atol=1e-5)}


# ----------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------

def tt(a, requires_grad=False):
    """A torch tensor holding a contiguous copy of ``a`` (same dtype)."""
    t = torch.from_numpy(np.array(a, copy=True, order="C"))
    return t.requires_grad_(requires_grad)


def to_nchw(x):
    return np.ascontiguousarray(np.asarray(x).transpose(0, 3, 1, 2))


def to_nhwc(x):
    x = x.detach().numpy() if isinstance(x, torch.Tensor) else np.asarray(x)
    return np.ascontiguousarray(x.transpose(0, 2, 3, 1))


def kernel_to_torch(w):
    """(kh, kw, c_in, c_out) -> (c_out, c_in, kh, kw)."""
    return np.ascontiguousarray(np.asarray(w).transpose(3, 2, 0, 1))


def kernel_from_torch(w):
    """(c_out, c_in, kh, kw) -> (kh, kw, c_in, c_out)."""
    w = w.detach().numpy() if isinstance(w, torch.Tensor) else np.asarray(w)
    return np.ascontiguousarray(w.transpose(2, 3, 1, 0))


def npy(t):
    return t.detach().numpy()


def _arr(a):
    return npy(a) if isinstance(a, torch.Tensor) else np.asarray(a)


def assert_close(actual, expected, dtype=np.float64, scale_atol=True, err_msg=""):
    """allclose with the dtype's tolerances; atol grows with the size of the reference values."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape, f"{err_msg}: shape {actual.shape} != {expected.shape}"
    tol = dict(TOL[dtype])
    if scale_atol and expected.size:
        tol["atol"] *= max(1.0, float(np.abs(expected).max()))
    np.testing.assert_allclose(actual, expected, err_msg=err_msg, **tol)


def distinct_values(rng, shape, dtype=np.float64):
    """Random values, all different, spaced well apart (no ties anywhere)."""
    size = int(np.prod(shape))
    return (rng.permutation(size).reshape(shape) / size * 4.0 - 2.0).astype(dtype)


# ----------------------------------------------------------------------------------------------
# Conv2D vs F.conv2d
# ----------------------------------------------------------------------------------------------

# (c_in, c_out, kernel, stride, padding, H, W, N)
CONV_CONFIGS = [
    pytest.param(1, 16, 3, 1, 0, 28, 28, 2, id="course-conv3x3-1to16"),
    pytest.param(16, 32, 4, 2, 0, 26, 26, 2, id="course-conv4x4-16to32-s2"),
    pytest.param(3, 5, 3, 1, 1, 7, 9, 3, id="3x3-s1-p1-cin3"),
    pytest.param(3, 4, 3, 2, 1, 8, 7, 2, id="3x3-s2-p1-cin3"),
    pytest.param(1, 3, 3, 2, 0, 9, 8, 2, id="3x3-s2-p0-cin1"),
    pytest.param(3, 4, 4, 2, 1, 9, 9, 2, id="4x4-s2-p1-cin3"),
    pytest.param(1, 2, 4, 1, 0, 6, 7, 3, id="4x4-s1-p0-cin1"),
    pytest.param(1, 3, (2, 3), 1, 0, 6, 7, 2, id="rect2x3-s1-p0-cin1"),
    pytest.param(3, 2, (2, 3), 2, 1, 7, 8, 2, id="rect2x3-s2-p1-cin3"),
    pytest.param(3, 2, (2, 3), (1, 2), 0, 6, 9, 2, id="rect2x3-s(1,2)-p0-cin3"),
    pytest.param(1, 2, 2, 3, 0, 8, 8, 2, id="2x2-s3-gaps"),
    pytest.param(1, 3, 3, (2, 1), 0, 9, 8, 2, id="3x3-s(2,1)-cin1"),
    pytest.param(2, 3, 4, 3, 0, 11, 10, 2, id="4x4-s3-unreached-edge"),
    pytest.param(1, 2, 3, 3, 0, 10, 10, 2, id="3x3-s3-unreached-edge-cin1"),
    pytest.param(2, 3, (3, 2), (2, 3), 1, 9, 10, 2, id="rect3x2-s(2,3)-p1"),
]


def _conv_case(c_in, c_out, kernel, stride, padding, h, w, n, dtype, seed=0):
    rng = np.random.default_rng(seed)
    conv = layers.Conv2D(c_in, c_out, kernel, stride=stride, padding=padding, rng=rng, dtype=dtype)
    conv.params["b"][...] = rng.normal(size=c_out)
    x = rng.normal(size=(n, h, w, c_in)).astype(dtype)

    out = conv.forward(x)
    dout = rng.normal(size=out.shape).astype(dtype)
    dx = conv.backward(dout)

    xt = tt(to_nchw(x), True)
    wt = tt(kernel_to_torch(conv.params["W"]), True)
    bt = tt(conv.params["b"], True)
    stride_t = stride if isinstance(stride, int) else tuple(stride)
    out_t = F.conv2d(xt, wt, bt, stride=stride_t, padding=padding)
    out_t.backward(tt(to_nchw(dout)))

    assert out.dtype == dtype and dx.dtype == dtype
    assert conv.grads["W"].dtype == dtype
    assert_close(out, to_nhwc(out_t), dtype, err_msg="conv output")
    assert_close(dx, to_nhwc(xt.grad), dtype, err_msg="conv dx")
    assert_close(conv.grads["W"], kernel_from_torch(wt.grad), dtype, err_msg="conv dW")
    assert_close(conv.grads["b"], npy(bt.grad), dtype, err_msg="conv db")


@pytest.mark.parametrize("c_in,c_out,kernel,stride,padding,h,w,n", CONV_CONFIGS)
def test_conv2d_matches_torch_float64(c_in, c_out, kernel, stride, padding, h, w, n):
    _conv_case(c_in, c_out, kernel, stride, padding, h, w, n, np.float64)


def test_conv2d_matches_torch_float32():
    _conv_case(3, 8, 3, 2, 1, 11, 10, 4, np.float32, seed=1)
    _conv_case(1, 16, 3, 1, 0, 28, 28, 2, np.float32, seed=3)
    _conv_case(16, 32, 4, 2, 0, 26, 26, 2, np.float32, seed=2)


def test_conv2d_with_activation_matches_torch():
    rng = np.random.default_rng(5)
    conv = layers.Conv2D(3, 4, 3, stride=1, padding=1, activation=activations.LeakyReLU(0.2),
                         rng=rng, dtype=np.float64)
    conv.params["b"][...] = rng.normal(size=4)
    x = rng.normal(size=(2, 6, 5, 3))
    out = conv.forward(x)
    dout = rng.normal(size=out.shape)
    dx = conv.backward(dout)
    xt, wt, bt = tt(to_nchw(x), True), tt(kernel_to_torch(conv.params["W"]), True), tt(conv.params["b"], True)
    out_t = F.leaky_relu(F.conv2d(xt, wt, bt, padding=1), 0.2)
    out_t.backward(tt(to_nchw(dout)))
    assert_close(out, to_nhwc(out_t))
    assert_close(dx, to_nhwc(xt.grad))
    assert_close(conv.grads["W"], kernel_from_torch(wt.grad))
    assert_close(conv.grads["b"], npy(bt.grad))


# ----------------------------------------------------------------------------------------------
# Max pooling vs F.max_pool2d
# ----------------------------------------------------------------------------------------------

# (pool, stride, (N, H, W, C))
POOL_CONFIGS = [
    pytest.param(2, 2, (2, 8, 8, 3), id="p2-s2"),
    pytest.param(2, None, (2, 7, 9, 3), id="p2-s2-nondividing"),
    pytest.param(3, 2, (2, 9, 8, 2), id="p3-s2-overlap"),
    pytest.param(3, 2, (2, 8, 10, 2), id="p3-s2-overlap-nondividing"),
    pytest.param(3, 1, (2, 6, 7, 2), id="p3-s1-overlap"),
    pytest.param((2, 3), (1, 2), (2, 7, 8, 3), id="rect2x3-s(1,2)"),
    pytest.param((2, 3), None, (2, 7, 10, 2), id="rect2x3-tiled-nondividing"),
    pytest.param(2, 3, (2, 8, 9, 2), id="p2-s3-gaps"),
]


def _torch_pool_args(pool, stride):
    pool_t = (pool, pool) if np.isscalar(pool) else tuple(pool)
    if stride is None:
        stride_t = pool_t
    else:
        stride_t = (stride, stride) if np.isscalar(stride) else tuple(stride)
    return pool_t, stride_t


def _torch_pool(x, pool, stride, dout=None):
    pool_t, stride_t = _torch_pool_args(pool, stride)
    xt = tt(to_nchw(x), True)
    out_t, idx_t = F.max_pool2d(xt, pool_t, stride_t, return_indices=True)
    if dout is not None:
        out_t.backward(tt(to_nchw(dout)))
    return out_t, idx_t, xt


@pytest.mark.parametrize("pool,stride,shape", POOL_CONFIGS)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_max_pool_functions_match_torch(pool, stride, shape, dtype):
    rng = np.random.default_rng(10)
    x = distinct_values(rng, shape, dtype)
    out, cache = layers.max_pool_forward(x, pool, stride)
    dout = rng.normal(size=out.shape).astype(dtype)
    dx = layers.max_pool_backward(dout, cache)

    out_t, _, xt = _torch_pool(x, pool, stride, dout)
    assert out.dtype == dtype and dx.dtype == dtype
    np.testing.assert_array_equal(out, to_nhwc(out_t))  # a max is an exact copy of an input
    assert_close(dx, to_nhwc(xt.grad), dtype, err_msg="max-pool dx")


@pytest.mark.parametrize("pool,stride,shape", POOL_CONFIGS)
def test_maxpool2d_layer_matches_torch(pool, stride, shape):
    rng = np.random.default_rng(11)
    x = distinct_values(rng, shape)
    layer = layers.MaxPool2D(pool, stride)
    out = layer.forward(x)
    dout = rng.normal(size=out.shape)
    dx = layer.backward(dout)
    out_t, _, xt = _torch_pool(x, pool, stride, dout)
    np.testing.assert_array_equal(out, to_nhwc(out_t))
    assert_close(dx, to_nhwc(xt.grad), err_msg="MaxPool2D dx")


def _numpynet_flat_argmax(cache):
    """numpynet's chosen input per window as a flat index into each (H, W) plane, NCHW like torch."""
    (n, h, w, c), (ph, pw), (sh, sw), arg = cache
    ho, wo = arg.shape[1:3]
    rows = np.arange(ho)[None, :, None, None] * sh + arg // pw
    cols = np.arange(wo)[None, None, :, None] * sw + arg % pw
    return to_nchw(rows * w + cols)


@pytest.mark.parametrize("pool,stride,shape", [
    pytest.param(2, 2, (2, 6, 7, 2), id="p2-s2"),
    pytest.param(3, 2, (2, 7, 8, 2), id="p3-s2"),
    pytest.param(3, 1, (2, 6, 6, 2), id="p3-s1"),
    pytest.param((2, 3), (1, 2), (2, 6, 7, 2), id="rect2x3-s(1,2)"),
])
def test_max_pool_ties_route_to_one_max(pool, stride, shape):
    rng = np.random.default_rng(12)
    x = rng.integers(0, 3, size=shape).astype(np.float64)  # only 3 values: windows are full of ties
    out, cache = layers.max_pool_forward(x, pool, stride)
    dout = rng.normal(size=out.shape)
    dx = layers.max_pool_backward(dout, cache)
    out_t, idx_t, xt = _torch_pool(x, pool, stride, dout)
    np.testing.assert_array_equal(out, to_nhwc(out_t))
    dx_t = to_nhwc(xt.grad)

    # Totals agree: each window hands on its whole upstream gradient, per image and channel.
    assert_close(dx.sum(axis=(1, 2)), dout.sum(axis=(1, 2)))
    assert_close(dx_t.sum(axis=(1, 2)), dout.sum(axis=(1, 2)))

    # Each window sends its gradient to exactly one input, inside the window and holding the max.
    n, h, w, c = x.shape
    (ph, pw), (sh, sw) = cache[1], cache[2]
    ho, wo = out.shape[1:3]
    for b in range(n):
        for i in range(ho):
            for j in range(wo):
                for ch in range(c):
                    one = np.zeros_like(out)
                    one[b, i, j, ch] = 1.0
                    g = layers.max_pool_backward(one, cache)
                    nz = np.argwhere(g != 0)
                    assert len(nz) == 1, f"window {(b, i, j, ch)} routes to {len(nz)} inputs"
                    bb, r, q, cc = nz[0]
                    assert (bb, cc) == (b, ch) and g[bb, r, q, cc] == 1.0
                    assert i * sh <= r < i * sh + ph and j * sw <= q < j * sw + pw
                    assert x[b, r, q, ch] == out[b, i, j, ch]
                    # numpynet's documented rule (torch's too): the first maximum in row-major order
                    window = x[b, i * sh:i * sh + ph, j * sw:j * sw + pw, ch]
                    first = np.unravel_index(np.argmax(window), window.shape)
                    assert (r - i * sh, q - j * sw) == first

    ours = _numpynet_flat_argmax(cache)
    theirs = idx_t.numpy()
    if np.array_equal(ours, theirs):
        # Same tie-breaking as torch (the first maximum in row-major order): identical gradients.
        assert_close(dx, dx_t, err_msg="max-pool dx with ties")
    else:
        # Different but valid choices: torch's position must hold the max too.
        xn = to_nchw(x).reshape(n, c, -1)
        picked = np.take_along_axis(xn, theirs.reshape(n, c, -1), axis=2).reshape(theirs.shape)
        np.testing.assert_array_equal(picked, to_nchw(out))


def test_max_pool_nan_propagates_like_torch():
    # A NaN is the maximum of its window in both libraries. Which NaN gets the gradient when a
    # window holds several is a convention: numpynet takes the first (as np.argmax), torch CPU the
    # last; so only check that the gradient goes to one NaN of the window.
    rng = np.random.default_rng(13)
    x = distinct_values(rng, (1, 6, 6, 2))
    x[0, 1, 1, 0] = x[0, 1, 2, 0] = x[0, 4, 5, 1] = np.nan
    out, cache = layers.max_pool_forward(x, 3, 1)
    out_t, _, xt = _torch_pool(x, 3, 1, np.ones(out.shape))
    np.testing.assert_array_equal(np.isnan(out), np.isnan(to_nhwc(out_t)))
    np.testing.assert_array_equal(out[~np.isnan(out)], to_nhwc(out_t)[~np.isnan(out)])
    dx = layers.max_pool_backward(np.ones(out.shape), cache)
    dx_t = to_nhwc(xt.grad)
    assert dx.sum() == dx_t.sum() == out.size
    nan_windows = int(np.isnan(out).sum())
    assert dx[np.isnan(x)].sum() == dx_t[np.isnan(x)].sum() == nan_windows


# ----------------------------------------------------------------------------------------------
# Dense vs F.linear, Flatten
# ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("activation,torch_fn", [
    pytest.param(None, lambda z: z, id="identity"),
    pytest.param(activations.Tanh(), torch.tanh, id="tanh"),
    pytest.param(activations.LeakyReLU(0.2), lambda z: F.leaky_relu(z, 0.2), id="leaky0.2"),
])
def test_dense_matches_torch_linear(dtype, activation, torch_fn):
    rng = np.random.default_rng(20)
    dense = layers.Dense(13, 7, activation=activation, rng=rng, dtype=dtype)
    dense.params["b"][...] = rng.normal(size=7)
    x = rng.normal(size=(6, 13)).astype(dtype)
    out = dense.forward(x)
    dout = rng.normal(size=out.shape).astype(dtype)
    dx = dense.backward(dout)

    xt = tt(x, True)
    wt = tt(dense.params["W"].T, True)  # torch keeps (out, in)
    bt = tt(dense.params["b"], True)
    out_t = torch_fn(F.linear(xt, wt, bt))
    out_t.backward(tt(dout))
    assert out.dtype == dtype and dx.dtype == dtype
    assert_close(out, npy(out_t), dtype)
    assert_close(dx, npy(xt.grad), dtype)
    assert_close(dense.grads["W"], npy(wt.grad).T, dtype)
    assert_close(dense.grads["b"], npy(bt.grad), dtype)


def test_flatten_matches_torch_flatten_of_nhwc():
    rng = np.random.default_rng(21)
    x = rng.normal(size=(3, 4, 5, 2))
    fl = layers.Flatten()
    out = fl.forward(x)
    dout = rng.normal(size=out.shape)
    dx = fl.backward(dout)
    xt = tt(x, True)
    out_t = torch.flatten(xt, 1)
    out_t.backward(tt(dout))
    np.testing.assert_array_equal(out, npy(out_t))
    np.testing.assert_array_equal(dx, npy(xt.grad))


# ----------------------------------------------------------------------------------------------
# Activations: forward and derivative vs torch autograd
# ----------------------------------------------------------------------------------------------

ACTIVATIONS = [
    pytest.param(activations.Sigmoid(), torch.sigmoid, id="sigmoid"),
    pytest.param(activations.Tanh(), torch.tanh, id="tanh"),
    pytest.param(activations.ReLU(), torch.relu, id="relu"),
    pytest.param(activations.LeakyReLU(0.01), lambda z: F.leaky_relu(z, 0.01), id="leaky0.01"),
    pytest.param(activations.LeakyReLU(0.2), lambda z: F.leaky_relu(z, 0.2), id="leaky0.2"),
    pytest.param(activations.ELU(1.0), lambda z: F.elu(z, 1.0), id="elu1.0"),
    pytest.param(activations.ELU(0.5), lambda z: F.elu(z, 0.5), id="elu0.5"),
]


def _away_from_kink(rng, shape, dtype, low=-6.0, high=6.0, gap=1e-2):
    x = rng.uniform(low, high, size=shape)
    x = np.where(np.abs(x) < gap, np.sign(x + 1e-300) * gap + x, x)
    return x.astype(dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("act,torch_fn", ACTIVATIONS)
def test_activation_matches_torch(act, torch_fn, dtype):
    rng = np.random.default_rng(30)
    x = _away_from_kink(rng, (50, 40), dtype)
    x_before = x.copy()
    dout = rng.normal(size=x.shape).astype(dtype)

    y = act.forward(x)
    deriv = act.derivative(x)
    dx = act.backward(dout, x)
    np.testing.assert_array_equal(x, x_before)  # never modifies its input

    xt = tt(x, True)
    yt = torch_fn(xt)
    (deriv_t,) = torch.autograd.grad(yt, xt, torch.ones_like(yt), retain_graph=True)
    (dx_t,) = torch.autograd.grad(yt, xt, tt(dout))
    assert y.dtype == dtype and deriv.dtype == dtype
    assert_close(y, npy(yt), dtype, err_msg="forward")
    assert_close(deriv, npy(deriv_t), dtype, err_msg="derivative")
    assert_close(dx, npy(dx_t), dtype, err_msg="backward")


# ----------------------------------------------------------------------------------------------
# Losses
# ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("scale", [1.0, 30.0, 1e4])
def test_softmax_cross_entropy_matches_torch(scale, dtype):
    rng = np.random.default_rng(40)
    logits = (rng.normal(size=(16, 10)) * scale).astype(dtype)
    labels = rng.integers(0, 10, size=16)
    loss, dlogits = losses.softmax_cross_entropy(logits, labels)

    lt = tt(logits, True)
    loss_t = F.cross_entropy(lt, torch.from_numpy(labels))
    loss_t.backward()
    assert np.isfinite(loss) and np.all(np.isfinite(dlogits))
    assert dlogits.dtype == dtype
    tol = TOL[dtype]
    assert loss == pytest.approx(loss_t.item(), rel=tol["rtol"], abs=tol["atol"])
    assert_close(dlogits, npy(lt.grad), dtype, err_msg="dlogits")


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_softmax_matches_torch(dtype):
    rng = np.random.default_rng(41)
    logits = (rng.normal(size=(8, 5)) * 50).astype(dtype)
    assert_close(losses.softmax(logits), npy(torch.softmax(tt(logits), dim=1)), dtype)
    assert_close(losses.log_softmax(logits), npy(torch.log_softmax(tt(logits), dim=1)), dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_mse_matches_torch(dtype):
    rng = np.random.default_rng(42)
    pred = rng.normal(size=(7, 3)).astype(dtype)
    target = rng.normal(size=(7, 3)).astype(dtype)
    loss, dpred = losses.mse(pred, target)
    pt = tt(pred, True)
    loss_t = F.mse_loss(pt, tt(target))
    loss_t.backward()
    tol = TOL[dtype]
    assert loss == pytest.approx(loss_t.item(), rel=tol["rtol"], abs=tol["atol"])
    assert_close(dpred, npy(pt.grad), dtype)


# ----------------------------------------------------------------------------------------------
# Optimizers: 10 steps on a fixed sequence of random gradients
# ----------------------------------------------------------------------------------------------

def _run_optimizers(make_ours, make_theirs, dtype=np.float64, steps=10, seed=50):
    rng = np.random.default_rng(seed)
    init = {"W": rng.normal(size=(4, 3)).astype(dtype), "b": rng.normal(size=(5,)).astype(dtype)}
    grads_seq = [{k: rng.normal(size=v.shape).astype(dtype) * (1 + 2 * t) for k, v in init.items()}
                 for t in range(steps)]

    ours = {k: v.copy() for k, v in init.items()}
    opt = make_ours()
    theirs = {k: torch.nn.Parameter(tt(v)) for k, v in init.items()}
    opt_t = make_theirs(list(theirs.values()))

    for t, grads in enumerate(grads_seq):
        opt.step(ours, grads)
        for k, p in theirs.items():
            p.grad = tt(grads[k])
        opt_t.step()
        for k in init:
            assert ours[k].dtype == dtype
            assert_close(ours[k], npy(theirs[k]), dtype, err_msg=f"step {t + 1}, param {k}")
    # the parameters moved
    assert not np.allclose(ours["W"], init["W"])


def test_sgd_matches_torch():
    _run_optimizers(lambda: optimizers.SGD(0.1), lambda ps: torch.optim.SGD(ps, lr=0.1))


def test_momentum_matches_torch_sgd_momentum():
    _run_optimizers(lambda: optimizers.Momentum(0.05, 0.9),
                    lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9))


def test_nesterov_matches_torch_sgd_nesterov():
    _run_optimizers(lambda: optimizers.Momentum(0.05, 0.9, nesterov=True),
                    lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True))


def test_rmsprop_matches_torch():
    _run_optimizers(lambda: optimizers.RMSProp(0.01, decay=0.99, eps=1e-8),
                    lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.99, eps=1e-8))


@pytest.mark.parametrize("beta1,beta2", [(0.9, 0.999), (0.5, 0.9), (0.0, 0.99)])
def test_adam_matches_torch(beta1, beta2):
    _run_optimizers(lambda: optimizers.Adam(0.01, beta1=beta1, beta2=beta2, eps=1e-8),
                    lambda ps: torch.optim.Adam(ps, lr=0.01, betas=(beta1, beta2), eps=1e-8))


def test_adam_default_hyperparameters_match_torch_defaults():
    _run_optimizers(lambda: optimizers.Adam(), lambda ps: torch.optim.Adam(ps))


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "rmsprop", "adam"])
def test_optimizers_float32_match_torch(name):
    pairs = {
        "sgd": (lambda: optimizers.SGD(0.1), lambda ps: torch.optim.SGD(ps, lr=0.1)),
        "momentum": (lambda: optimizers.Momentum(0.05, 0.9),
                     lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9)),
        "nesterov": (lambda: optimizers.Momentum(0.05, 0.9, nesterov=True),
                     lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.9, nesterov=True)),
        "rmsprop": (lambda: optimizers.RMSProp(0.01), lambda ps: torch.optim.RMSprop(ps, lr=0.01)),
        "adam": (lambda: optimizers.Adam(0.01), lambda ps: torch.optim.Adam(ps, lr=0.01)),
    }
    _run_optimizers(*pairs[name], dtype=np.float32)


# ----------------------------------------------------------------------------------------------
# BatchNorm vs BatchNorm1d / BatchNorm2d
# ----------------------------------------------------------------------------------------------

def _batchnorm_case(shape, dtype, seed=60):
    """``shape`` is numpynet's: (N, D) or (N, H, W, C)."""
    rng = np.random.default_rng(seed)
    d = shape[-1]
    image = len(shape) == 4
    bn = layers.BatchNorm(d, eps=1e-5, momentum=0.1, dtype=dtype)
    bn.params["gamma"][...] = rng.uniform(0.5, 1.5, size=d)
    bn.params["beta"][...] = rng.normal(size=d)
    tbn = (torch.nn.BatchNorm2d if image else torch.nn.BatchNorm1d)(
        d, eps=1e-5, momentum=0.1, dtype=torch.float64 if dtype == np.float64 else torch.float32)
    with torch.no_grad():
        tbn.weight.copy_(tt(bn.params["gamma"]))
        tbn.bias.copy_(tt(bn.params["beta"]))
    to_t = to_nchw if image else (lambda a: a)
    from_t = to_nhwc if image else npy

    # three training steps on different batches (shifted and scaled so the statistics move)
    for step in range(3):
        x = (rng.normal(size=shape) * rng.uniform(0.5, 3, size=d) + rng.normal(size=d) * 2).astype(dtype)
        out = bn.forward(x, training=True)
        dout = rng.normal(size=out.shape).astype(dtype)
        dx = bn.backward(dout)

        tbn.train()
        tbn.zero_grad()
        xt = tt(to_t(x), True)
        out_t = tbn(xt)
        out_t.backward(tt(to_t(dout)))
        assert out.dtype == dtype and dx.dtype == dtype
        assert_close(out, from_t(out_t), dtype, err_msg=f"train output, step {step}")
        assert_close(dx, from_t(xt.grad), dtype, err_msg=f"dx, step {step}")
        assert_close(bn.grads["gamma"], npy(tbn.weight.grad), dtype, err_msg=f"dgamma, step {step}")
        assert_close(bn.grads["beta"], npy(tbn.bias.grad), dtype, err_msg=f"dbeta, step {step}")

    assert_close(bn.running_mean, npy(tbn.running_mean), dtype, err_msg="running mean")
    assert_close(bn.running_var, npy(tbn.running_var), dtype, err_msg="running var")

    # eval: normalizes with the running statistics
    x = rng.normal(size=shape).astype(dtype)
    out = bn.forward(x, training=False)
    dout = rng.normal(size=out.shape).astype(dtype)
    dx = bn.backward(dout)
    tbn.eval()
    xt = tt(to_t(x), True)
    out_t = tbn(xt)
    out_t.backward(tt(to_t(dout)))
    assert_close(out, from_t(out_t), dtype, err_msg="eval output")
    assert_close(dx, from_t(xt.grad), dtype, err_msg="eval dx")
    # eval does not touch the running statistics
    assert_close(bn.running_mean, npy(tbn.running_mean), dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_batchnorm_1d_matches_torch(dtype):
    _batchnorm_case((32, 6), dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_batchnorm_2d_nhwc_matches_torch_nchw(dtype):
    _batchnorm_case((4, 5, 6, 3), dtype)


# ----------------------------------------------------------------------------------------------
# Dropout statistics vs F.dropout
# ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("p", [0.2, 0.5, 0.8])
def test_dropout_statistics_match_torch(p):
    shape = (1000, 1000)
    x = np.ones(shape, dtype=np.float32)
    drop = layers.Dropout(p, rng=np.random.default_rng(70))
    out = drop.forward(x, training=True)

    torch.manual_seed(70)  # seeds the global generator F.dropout draws from
    out_t = npy(F.dropout(tt(x), p=p, training=True))

    kept, kept_t = np.mean(out != 0), np.mean(out_t != 0)
    sigma = np.sqrt(p * (1 - p) / x.size)
    assert abs(kept - (1 - p)) < 6 * sigma
    assert abs(kept_t - (1 - p)) < 6 * sigma
    assert abs(kept - kept_t) < 8 * sigma
    # survivors are scaled by 1 / (1 - p) in both (inverted dropout), dropped units are exactly 0
    scale, scale_t = np.unique(out[out != 0]), np.unique(out_t[out_t != 0])
    assert scale.size == 1 and scale_t.size == 1
    np.testing.assert_allclose(scale, scale_t, rtol=1e-6)
    np.testing.assert_allclose(scale, 1 / (1 - p), rtol=1e-6)
    assert out.dtype == np.float32
    # the mean activation is preserved
    assert abs(out.mean() - 1) < 0.01 and abs(out_t.mean() - 1) < 0.01

    # backward: the gradient goes through the same mask with the same scale, as in torch
    dout = np.full(shape, 2.0, dtype=np.float32)
    dx = drop.backward(dout)
    np.testing.assert_array_equal(dx, 2.0 * out)
    xt = tt(x, True)
    yt = F.dropout(xt, p=p, training=True)
    yt.backward(tt(dout))
    np.testing.assert_allclose(npy(xt.grad), 2.0 * npy(yt), rtol=1e-6)


@pytest.mark.parametrize("p", [0.0, 0.5])
def test_dropout_eval_is_identity_like_torch(p):
    rng = np.random.default_rng(71)
    x = rng.normal(size=(50, 20))
    drop = layers.Dropout(p, rng=rng)
    out = drop.forward(x, training=False)
    out_t = npy(F.dropout(tt(x), p=p, training=False))
    np.testing.assert_array_equal(out, x)
    np.testing.assert_array_equal(out_t, x)
    dout = rng.normal(size=x.shape)
    np.testing.assert_array_equal(drop.backward(dout), dout)


# ----------------------------------------------------------------------------------------------
# Initializers vs torch.nn.init
# ----------------------------------------------------------------------------------------------

# numpynet shape and the torch tensor shape with the same fans
INIT_SHAPES = [
    pytest.param((512, 256), (256, 512), id="dense-512x256"),  # torch Linear weight: (out, in)
    pytest.param((5, 5, 32, 64), (64, 32, 5, 5), id="conv-5x5x32x64"),
    pytest.param((3, 3, 16, 32), (32, 16, 3, 3), id="conv-3x3x16x32"),
]

INITS = [
    pytest.param(initializers.he_normal,
                 lambda t: torch.nn.init.kaiming_normal_(t, mode="fan_in", nonlinearity="relu"),
                 lambda fi, fo: np.sqrt(2 / fi), id="he_normal"),
    pytest.param(initializers.he_uniform,
                 lambda t: torch.nn.init.kaiming_uniform_(t, mode="fan_in", nonlinearity="relu"),
                 lambda fi, fo: np.sqrt(2 / fi), id="he_uniform"),
    pytest.param(initializers.xavier_normal, torch.nn.init.xavier_normal_,
                 lambda fi, fo: np.sqrt(2 / (fi + fo)), id="xavier_normal"),
    pytest.param(initializers.xavier_uniform, torch.nn.init.xavier_uniform_,
                 lambda fi, fo: np.sqrt(2 / (fi + fo)), id="xavier_uniform"),
    pytest.param(initializers.lecun_normal,
                 lambda t: torch.nn.init.kaiming_normal_(t, mode="fan_in", nonlinearity="linear"),
                 lambda fi, fo: np.sqrt(1 / fi), id="lecun_normal"),
]


@pytest.mark.parametrize("ours,theirs,expected_std", INITS)
@pytest.mark.parametrize("shape,torch_shape", INIT_SHAPES)
def test_initializer_std_matches_torch(ours, theirs, expected_std, shape, torch_shape):
    fan_in, fan_out = initializers.fans(shape)
    w = ours(shape, rng=np.random.default_rng(80))
    torch.manual_seed(80)
    wt = theirs(torch.empty(torch_shape, dtype=torch.float64))
    # torch computes the same fans (c_in*kh*kw for conv, in/out for dense)
    assert torch.nn.init._calculate_fan_in_and_fan_out(wt) == (fan_in, fan_out)
    assert w.shape == shape and w.dtype == np.float32
    std, std_t, target = float(w.std()), float(wt.std()), float(expected_std(fan_in, fan_out))
    assert std == pytest.approx(std_t, rel=0.02)
    assert std == pytest.approx(target, rel=0.02)
    assert std_t == pytest.approx(target, rel=0.02)
    assert abs(float(w.mean())) < 0.05 * target
    if "uniform" in ours.__name__:  # same bound: the largest draw approaches it in both
        assert np.abs(w).max() == pytest.approx(float(wt.abs().max()), rel=0.01)


# ----------------------------------------------------------------------------------------------
# A whole tiny CNN, then 5 Adam steps
# ----------------------------------------------------------------------------------------------

def _tiny_cnns(seed=90, dtype=np.float64):
    rng = np.random.default_rng(seed)
    net = Sequential([
        layers.Conv2D(1, 4, 3, activation=activations.LeakyReLU(0.01), rng=rng, dtype=dtype),
        layers.Conv2D(4, 8, 4, stride=2, activation=activations.LeakyReLU(0.01), rng=rng, dtype=dtype),
        layers.MaxPool2D(2),
        layers.Flatten(),
        layers.Dense(2 * 2 * 8, 16, activation=activations.LeakyReLU(0.01), rng=rng, dtype=dtype),
        layers.Dense(16, 10, initializer=initializers.xavier_normal, rng=rng, dtype=dtype),
    ])
    for layer in net.layers:
        if "b" in layer.params:
            layer.params["b"][...] = rng.normal(scale=0.1, size=layer.params["b"].shape)

    tdtype = torch.float64 if dtype == np.float64 else torch.float32

    class TorchCNN(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.c1 = torch.nn.Conv2d(1, 4, 3, dtype=tdtype)
            self.c2 = torch.nn.Conv2d(4, 8, 4, stride=2, dtype=tdtype)
            self.d1 = torch.nn.Linear(32, 16, dtype=tdtype)
            self.d2 = torch.nn.Linear(16, 10, dtype=tdtype)

        def forward(self, x):  # x NCHW
            x = F.leaky_relu(self.c1(x), 0.01)
            x = F.leaky_relu(self.c2(x), 0.01)
            x = F.max_pool2d(x, 2)
            x = x.permute(0, 2, 3, 1).reshape(x.shape[0], -1)  # flatten in numpynet's NHWC order
            x = F.leaky_relu(self.d1(x), 0.01)
            return self.d2(x)

    tnet = TorchCNN()
    # (numpynet parameter name, torch parameter, to-torch layout, from-torch layout)
    ident = lambda a: np.ascontiguousarray(_arr(a))  # noqa: E731
    dense_t = lambda a: np.ascontiguousarray(_arr(a).T)  # noqa: E731
    mapping = [
        ("0.W", tnet.c1.weight, kernel_to_torch, kernel_from_torch), ("0.b", tnet.c1.bias, ident, ident),
        ("1.W", tnet.c2.weight, kernel_to_torch, kernel_from_torch), ("1.b", tnet.c2.bias, ident, ident),
        ("4.W", tnet.d1.weight, dense_t, dense_t), ("4.b", tnet.d1.bias, ident, ident),
        ("5.W", tnet.d2.weight, dense_t, dense_t), ("5.b", tnet.d2.bias, ident, ident),
    ]
    params = net.params()
    assert sorted(params) == sorted(m[0] for m in mapping)
    with torch.no_grad():
        for name, p, to_torch, _ in mapping:
            p.copy_(tt(to_torch(params[name])))
    return net, tnet, mapping


def _tiny_batch(rng, n=8, dtype=np.float64):
    return rng.normal(size=(n, 14, 14, 1)).astype(dtype), rng.integers(0, 10, size=n)


def _backward_accepts_input_grad():
    return "input_grad" in inspect.signature(Sequential.backward).parameters


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_tiny_cnn_forward_loss_and_gradients_match_torch(dtype):
    net, tnet, mapping = _tiny_cnns(dtype=dtype)
    x, y = _tiny_batch(np.random.default_rng(91), dtype=dtype)

    logits = net.forward(x, training=True)
    loss, dlogits = losses.softmax_cross_entropy(logits, y)
    if _backward_accepts_input_grad():
        # the training path first: parameter gradients only, the input gradient skipped
        assert net.backward(dlogits, input_grad=False) is None
        grads_training = {k: v.copy() for k, v in net.grads().items()}
    else:
        grads_training = None
    dx = net.backward(dlogits)

    xt = tt(to_nchw(x), True)
    logits_t = tnet(xt)
    loss_t = F.cross_entropy(logits_t, torch.from_numpy(y))
    loss_t.backward()

    assert logits.shape == (8, 10) and logits.dtype == dtype
    assert_close(logits, npy(logits_t), dtype, err_msg="logits")
    assert loss == pytest.approx(loss_t.item(), rel=TOL[dtype]["rtol"])
    assert_close(dx, to_nhwc(xt.grad), dtype, err_msg="input gradient")
    grads = net.grads()
    for name, p, _, from_torch in mapping:
        assert_close(grads[name], from_torch(p.grad), dtype, err_msg=f"gradient of {name}")
        if grads_training is not None:
            assert_close(grads_training[name], from_torch(p.grad), dtype,
                         err_msg=f"gradient of {name} with input_grad=False")


def test_tiny_cnn_five_adam_steps_match_torch():
    net, tnet, mapping = _tiny_cnns(seed=92)
    rng = np.random.default_rng(93)
    batches = [_tiny_batch(rng) for _ in range(5)]
    opt = optimizers.Adam(1e-2)
    opt_t = torch.optim.Adam(tnet.parameters(), lr=1e-2)

    before = {k: v.copy() for k, v in net.params().items()}
    for step, (x, y) in enumerate(batches):
        loss = training.train_step(net, opt, x, y)  # the course's own training step

        opt_t.zero_grad()
        loss_t = F.cross_entropy(tnet(tt(to_nchw(x))), torch.from_numpy(y))
        loss_t.backward()
        opt_t.step()
        assert loss == pytest.approx(loss_t.item(), rel=1e-6), f"loss at step {step}"

    params = net.params()
    for name, p, _, from_torch in mapping:
        assert_close(params[name], from_torch(p), err_msg=f"{name} after 5 Adam steps")
        assert not np.allclose(params[name], before[name]), f"{name} did not move"
