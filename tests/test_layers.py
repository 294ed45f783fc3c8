"""Tests for numpynet.layers: Dense, Conv2D, max-pooling, Flatten, Dropout, BatchNorm."""
import numpy as np
import pytest

from numpynet import activations as A
from numpynet import layers as L
from numpynet.gradcheck import away_from_kinks, check_layer, distinct_values

TOL = 1e-7  # gradient-check threshold (float64)


def rng(seed=0):
    return np.random.default_rng(seed)


# =========================================================================== reference loops

def conv_loop(x, W, b, stride=(1, 1), padding=0):
    """Direct cross-correlation, one output value at a time."""
    p = padding
    x = np.pad(x, ((0, 0), (p, p), (p, p), (0, 0)))
    n, h, w, _ = x.shape
    kh, kw, _, c_out = W.shape
    sh, sw = stride
    ho, wo = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.zeros((n, ho, wo, c_out))
    for i in range(n):
        for r in range(ho):
            for c in range(wo):
                patch = x[i, r * sh:r * sh + kh, c * sw:c * sw + kw, :]
                for o in range(c_out):
                    out[i, r, c, o] = np.sum(patch * W[..., o]) + b[o]
    return out


def pool_loop(x, pool, stride):
    """Max-pool forward and the arg-max (first in row-major order) of every window, by loops."""
    n, h, w, ch = x.shape
    (ph, pw), (sh, sw) = pool, stride
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    out = np.zeros((n, ho, wo, ch))
    where = {}
    for i in range(n):
        for r in range(ho):
            for c in range(wo):
                for k in range(ch):
                    win = x[i, r * sh:r * sh + ph, c * sw:c * sw + pw, k]
                    a, b = np.unravel_index(np.argmax(win), win.shape)
                    out[i, r, c, k] = win[a, b]
                    where[(i, r, c, k)] = (i, r * sh + a, c * sw + b, k)
    return out, where


def pool_backward_loop(dout, x_shape, where):
    dx = np.zeros(x_shape)
    for key, pos in where.items():
        dx[pos] += dout[key]  # adds where windows overlap
    return dx


# =========================================================================== Dense

def dense_with(W, b, activation=None):
    layer = L.Dense(W.shape[0], W.shape[1], activation=activation, dtype=np.float64)
    layer.params["W"][...] = W
    layer.params["b"][...] = b
    return layer


W_HAND = np.array([[1.0, 0.0, -1.0], [0.5, 1.0, -2.0]])
B_HAND = np.array([0.1, 0.2, 0.3])
X_HAND = np.array([[1.0, 2.0], [3.0, 4.0]])


def test_dense_forward_hand_example():
    out = dense_with(W_HAND, B_HAND).forward(X_HAND)
    np.testing.assert_allclose(out, [[2.1, 2.2, -4.7], [5.1, 4.2, -10.7]], rtol=1e-14)


def test_dense_forward_with_relu():
    out = dense_with(W_HAND, B_HAND, "relu").forward(X_HAND)
    np.testing.assert_allclose(out, [[2.1, 2.2, 0.0], [5.1, 4.2, 0.0]], rtol=1e-14)


def test_dense_backward_hand_example():
    layer = dense_with(W_HAND, B_HAND)
    layer.forward(X_HAND)
    dout = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]])
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, dout @ W_HAND.T, rtol=1e-14)
    np.testing.assert_allclose(dx, [[-1.0, -3.5], [1.0, 3.0]], rtol=1e-14)
    np.testing.assert_allclose(layer.grads["W"], [[1.0, 3.0, -1.0], [2.0, 4.0, 0.0]], rtol=1e-14)
    np.testing.assert_allclose(layer.grads["b"], [1.0, 1.0, 1.0], rtol=1e-14)


def test_dense_backward_with_relu_masks_the_gradient():
    layer = dense_with(W_HAND, B_HAND, "relu")
    layer.forward(X_HAND)
    dx = layer.backward(np.ones((2, 3)))
    # the third unit is negative for both examples: it passes nothing back
    np.testing.assert_allclose(layer.grads["b"], [2.0, 2.0, 0.0])
    np.testing.assert_allclose(layer.grads["W"], [[4.0, 4.0, 0.0], [6.0, 6.0, 0.0]])
    np.testing.assert_allclose(dx, [[1.0, 1.5], [1.0, 1.5]])


def test_dense_grads_are_written_into_the_same_arrays():
    layer = L.Dense(4, 3, rng=0)
    gW, gb = layer.grads["W"], layer.grads["b"]
    layer.forward(np.ones((2, 4)))
    layer.backward(np.ones((2, 3)))
    assert layer.grads["W"] is gW and layer.grads["b"] is gb
    assert np.any(gW != 0)


def test_dense_defaults_and_dtype():
    layer = L.Dense(784, 100, rng=0)
    assert layer.params["W"].shape == (784, 100) and layer.params["b"].shape == (100,)
    assert layer.params["W"].dtype == np.float32 and layer.params["b"].dtype == np.float32
    assert not layer.params["b"].any()
    assert isinstance(layer.activation, A.Identity)
    # He init by default: std sqrt(2/784)
    assert abs(layer.params["W"].std() / np.sqrt(2 / 784) - 1) < 0.05
    out = layer.forward(np.ones((3, 784), dtype=np.float32))
    assert out.dtype == np.float32 and out.shape == (3, 100)


def test_dense_same_seed_same_weights():
    np.testing.assert_array_equal(L.Dense(5, 4, rng=3).params["W"], L.Dense(5, 4, rng=3).params["W"])
    assert not np.array_equal(L.Dense(5, 4, rng=3).params["W"], L.Dense(5, 4, rng=4).params["W"])


def test_dense_accepts_int_input():
    out = dense_with(W_HAND, B_HAND).forward(np.array([[1, 2], [3, 4]]))
    np.testing.assert_allclose(out, [[2.1, 2.2, -4.7], [5.1, 4.2, -10.7]])


def test_dense_does_not_modify_input():
    x = X_HAND.copy()
    layer = dense_with(W_HAND, B_HAND, "relu")
    layer.forward(x)
    layer.backward(np.ones((2, 3)))
    np.testing.assert_array_equal(x, X_HAND)


@pytest.mark.parametrize("activation", [None, "relu", "tanh", "sigmoid", A.LeakyReLU(0.1), A.ELU(0.5)],
                         ids=["identity", "relu", "tanh", "sigmoid", "leaky_relu", "elu"])
def test_dense_gradient_check(activation):
    layer = L.Dense(5, 4, activation=activation, rng=0)
    layer.params["b"][...] = rng(1).standard_normal(4)
    x = away_from_kinks((6, 5), rng(2))
    errors = check_layer(layer, x)
    assert set(errors) == {"x", "W", "b"}
    assert max(errors.values()) < TOL, errors


def test_dense_wrong_features():
    with pytest.raises(ValueError) as info:
        L.Dense(3, 2).forward(np.zeros((2, 4)))
    msg = str(info.value)
    assert "in_features = 3" in msg and "(2, 4)" in msg


def test_dense_wrong_rank():
    with pytest.raises(ValueError) as info:
        L.Dense(3, 2).forward(np.zeros((2, 1, 3)))
    msg = str(info.value)
    assert "2-D" in msg and "(2, 1, 3)" in msg and "Flatten" in msg


# =========================================================================== Conv2D

def conv_with(W, b, stride=1, padding=0, activation=None):
    kh, kw, c_in, c_out = W.shape
    layer = L.Conv2D(c_in, c_out, (kh, kw), stride=stride, padding=padding, activation=activation,
                     dtype=np.float64)
    layer.params["W"][...] = W
    layer.params["b"][...] = b
    return layer


def test_conv_hand_example():
    x = np.arange(1.0, 10.0).reshape(1, 3, 3, 1)          # [[1,2,3],[4,5,6],[7,8,9]]
    W = np.array([[1.0, 2.0], [3.0, 4.0]]).reshape(2, 2, 1, 1)
    out = conv_with(W, [0.5]).forward(x)
    # cross-correlation (no kernel flip): 1*1 + 2*2 + 4*3 + 5*4 = 37, ...
    np.testing.assert_allclose(out[0, :, :, 0], [[37.5, 47.5], [67.5, 77.5]], rtol=1e-14)


def test_conv_hand_example_padding_and_stride():
    x = np.arange(1.0, 10.0).reshape(1, 3, 3, 1)
    W = np.ones((3, 3, 1, 1))
    out = conv_with(W, [0.0], stride=2, padding=1).forward(x)
    # windows centred on the corners of the zero-padded input: sums of the 2x2 corner blocks
    np.testing.assert_allclose(out[0, :, :, 0], [[12.0, 16.0], [24.0, 28.0]], rtol=1e-14)


def test_conv_two_channels_hand_example():
    x = np.zeros((1, 2, 2, 2))
    x[0, :, :, 0] = [[1, 2], [3, 4]]
    x[0, :, :, 1] = [[10, 20], [30, 40]]
    W = np.zeros((2, 2, 2, 2))
    W[..., 0, 0] = 1.0          # output 0 sums channel 0
    W[..., 1, 1] = -1.0         # output 1 is minus the sum of channel 1
    W[0, 0, 1, 0] = 0.5         # plus half of the top-left of channel 1 into output 0
    out = conv_with(W, [1.0, 2.0]).forward(x)
    np.testing.assert_allclose(out[0, 0, 0], [10 + 5 + 1, -100 + 2], rtol=1e-14)


@pytest.mark.parametrize("c_in, c_out, kernel, stride, padding, hw", [
    (1, 2, (3, 3), (1, 1), 0, (5, 5)),
    (3, 4, (3, 3), (2, 2), 0, (7, 7)),
    (2, 3, (3, 3), (1, 1), 1, (5, 6)),
    (2, 3, (2, 3), (2, 1), 1, (6, 7)),
    (3, 2, (3, 2), (2, 3), 2, (7, 8)),
    (1, 2, (4, 4), (2, 2), 0, (9, 8)),   # the stride does not divide (H - kh): the last row is unused
])
def test_conv_matches_loop(c_in, c_out, kernel, stride, padding, hw):
    W = rng(0).standard_normal((*kernel, c_in, c_out))
    b = rng(1).standard_normal(c_out)
    x = rng(2).standard_normal((2, *hw, c_in))
    layer = conv_with(W, b, stride=stride, padding=padding)
    out = layer.forward(x)
    expected = conv_loop(x, W, b, stride, padding)
    assert out.shape == expected.shape
    assert out.shape[1:3] == layer.output_shape(*hw)
    np.testing.assert_allclose(out, expected, rtol=1e-12, atol=1e-12)


def test_conv_output_shapes_of_the_course_network():
    conv1 = L.Conv2D(1, 16, 3, stride=1, activation=A.LeakyReLU(), rng=0)
    conv2 = L.Conv2D(16, 32, 4, stride=2, activation=A.LeakyReLU(), rng=1)
    x = rng().random((2, 28, 28, 1)).astype(np.float32)
    a1 = conv1.forward(x)
    a2 = conv2.forward(a1)
    assert a1.shape == (2, 26, 26, 16) and a2.shape == (2, 12, 12, 32)
    pooled = L.MaxPool2D(2).forward(a2)
    assert pooled.shape == (2, 6, 6, 32)
    assert L.Flatten().forward(pooled).shape == (2, 6 * 6 * 32)
    assert L.Flatten().forward(a2).shape == (2, 12 * 12 * 32)
    assert a2.dtype == np.float32


def test_conv_he_init_uses_the_kernel_fan_in():
    W = L.Conv2D(16, 32, 3, rng=0).params["W"]
    assert W.shape == (3, 3, 16, 32)
    # fan_in = 3*3*16 = 144 -> std 0.118 (28*28 would give 0.05, 16*26*26 0.0085)
    assert abs(W.std() / np.sqrt(2 / 144) - 1) < 0.05


@pytest.mark.parametrize("c_in, kernel, stride, padding, hw", [
    (2, (3, 2), (2, 1), 1, (5, 6)),
    (1, (3, 3), (1, 1), 0, (6, 6)),     # one channel, stride 1: the first layer of the course CNN
    (1, (3, 3), (1, 1), 1, (5, 5)),
    (1, (2, 2), (3, 3), 0, (8, 7)),     # stride larger than the kernel: inputs no window reaches
    (3, (4, 4), (2, 2), 0, (9, 8)),     # the last row/column is left over
    (2, (1, 1), (2, 2), 0, (5, 5)),
    (2, (2, 3), (1, 2), 2, (4, 5)),
], ids=["rect-pad", "1ch", "1ch-pad", "stride>kernel", "leftover", "1x1-stride2", "pad2"])
def test_conv_backward_matches_loop_gradients(c_in, kernel, stride, padding, hw):
    """dW, db and dx against the adjoint of the convolution computed by loops."""
    kh, kw = kernel
    sh, sw = stride
    W = rng(0).standard_normal((kh, kw, c_in, 3))
    b = rng(1).standard_normal(3)
    x = rng(2).standard_normal((2, *hw, c_in))
    layer = conv_with(W, b, stride=stride, padding=padding)
    out = layer.forward(x)
    dout = rng(3).standard_normal(out.shape)
    dx = layer.backward(dout)
    p = padding
    xp = np.pad(x, ((0, 0), (p, p), (p, p), (0, 0)))
    dxp, dW = np.zeros_like(xp), np.zeros_like(W)
    for i in range(out.shape[0]):
        for r in range(out.shape[1]):
            for c in range(out.shape[2]):
                for o in range(out.shape[3]):
                    patch = (i, slice(sh * r, sh * r + kh), slice(sw * c, sw * c + kw))
                    dW[..., o] += xp[patch] * dout[i, r, c, o]
                    dxp[patch] += W[..., o] * dout[i, r, c, o]
    np.testing.assert_allclose(layer.grads["W"], dW, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(layer.grads["b"], dout.sum(axis=(0, 1, 2)), rtol=1e-12)
    assert dx.shape == x.shape
    np.testing.assert_allclose(dx, dxp[:, p:p + hw[0], p:p + hw[1], :], rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("kernel, stride, padding, activation", [
    (3, 1, 0, None),
    (3, 2, 1, None),
    ((2, 3), (1, 2), 1, None),
    ((3, 2), 1, 0, "tanh"),
    (2, 1, 1, "relu"),
    (3, 2, 0, A.LeakyReLU(0.1)),
    (2, 1, 0, "sigmoid"),
], ids=["plain", "stride2-pad1", "rect-rect_stride", "tanh", "relu", "leaky_relu", "sigmoid"])
def test_conv_gradient_check(kernel, stride, padding, activation):
    layer = L.Conv2D(2, 3, kernel, stride=stride, padding=padding, activation=activation, rng=0)
    layer.params["b"][...] = rng(1).standard_normal(3)
    x = rng(2).standard_normal((2, 6, 5, 2))
    errors = check_layer(layer, x)
    assert set(errors) == {"x", "W", "b"}
    assert max(errors.values()) < TOL, errors


def test_conv_does_not_modify_input():
    x = rng().standard_normal((1, 4, 4, 2))
    before = x.copy()
    layer = L.Conv2D(2, 2, 3, padding=1, activation="relu", rng=0)
    layer.backward(np.ones_like(layer.forward(x)))
    np.testing.assert_array_equal(x, before)


def test_conv_wrong_channels():
    with pytest.raises(ValueError) as info:
        L.Conv2D(3, 8, 3).forward(np.zeros((1, 5, 5, 1)))
    msg = str(info.value)
    assert "C_in = 3" in msg and "(1, 5, 5, 1)" in msg


@pytest.mark.parametrize("shape", [(5, 5, 3), (5, 5), (1, 1, 5, 5, 3)])
def test_conv_wrong_rank(shape):
    with pytest.raises(ValueError) as info:
        L.Conv2D(3, 8, 3).forward(np.zeros(shape))
    msg = str(info.value)
    assert "4-D" in msg and "NHWC" in msg and str(shape) in msg


def test_conv_kernel_larger_than_input():
    with pytest.raises(ValueError) as info:
        L.Conv2D(1, 2, 5).forward(np.zeros((1, 3, 3, 1)))
    msg = str(info.value)
    assert "(5, 5)" in msg and "(3, 3)" in msg


@pytest.mark.parametrize("kernel", [0, (3, 0), (1, 2, 3)])
def test_conv_bad_kernel(kernel):
    with pytest.raises(ValueError, match="kernel"):
        L.Conv2D(1, 2, kernel)


# =========================================================================== max-pooling

X4 = np.array([[1.0, 2.0, 5.0, 3.0],
               [4.0, 0.0, 1.0, 2.0],
               [7.0, 8.0, 0.0, 0.0],
               [1.0, 9.0, 2.0, 6.0]]).reshape(1, 4, 4, 1)


def test_max_pool_hand_example():
    out, cache = L.max_pool_forward(X4, 2)
    np.testing.assert_array_equal(out[0, :, :, 0], [[4.0, 5.0], [9.0, 6.0]])
    dx = L.max_pool_backward(np.array([[10.0, 20.0], [30.0, 40.0]]).reshape(1, 2, 2, 1), cache)
    expected = np.zeros((4, 4))
    expected[1, 0], expected[0, 2], expected[3, 1], expected[3, 3] = 10, 20, 30, 40
    np.testing.assert_array_equal(dx[0, :, :, 0], expected)


def test_max_pool_layer_hand_example():
    layer = L.MaxPool2D(2)
    assert layer.pool_size == (2, 2) and layer.stride == (2, 2)
    out = layer.forward(X4)
    np.testing.assert_array_equal(out[0, :, :, 0], [[4.0, 5.0], [9.0, 6.0]])
    dx = layer.backward(np.ones((1, 2, 2, 1)))
    assert dx.shape == X4.shape and dx.sum() == 4
    assert dx[0, 1, 0, 0] == dx[0, 0, 2, 0] == dx[0, 3, 1, 0] == dx[0, 3, 3, 0] == 1


@pytest.mark.parametrize("pool, stride, hw", [
    ((2, 2), (2, 2), (4, 6)),
    ((3, 2), (3, 2), (6, 4)),     # rectangular pool
    ((3, 2), None, (7, 5)),       # rectangular, input not divisible
    ((2, 2), (1, 1), (4, 5)),     # overlapping windows
    ((3, 3), (2, 2), (7, 7)),     # overlapping windows
    ((2, 2), (3, 3), (8, 8)),     # gaps between windows
    ((3, 2), (1, 2), (6, 6)),     # overlap in one direction only
    ((2, 3), (2, 1), (5, 6)),
], ids=["2x2", "rect3x2", "rect-notdivisible", "overlap-s1", "overlap-3s2", "gaps", "overlap-rows",
        "overlap-cols"])
def test_max_pool_matches_loop(pool, stride, hw):
    x = rng(0).standard_normal((2, *hw, 3))
    out, cache = L.max_pool_forward(x, pool, stride)
    expected, where = pool_loop(x, pool, stride or pool)
    assert out.shape == expected.shape
    np.testing.assert_array_equal(out, expected)
    dout = rng(1).standard_normal(out.shape)
    dx = L.max_pool_backward(dout, cache)
    np.testing.assert_allclose(dx, pool_backward_loop(dout, x.shape, where), rtol=1e-14, atol=1e-15)


def test_max_pool_overlapping_windows_add_their_gradients():
    x = np.zeros((1, 3, 3, 1))
    x[0, 1, 1, 0] = 5.0                     # the max of all four 2x2 windows
    out, cache = L.max_pool_forward(x, 2, 1)
    np.testing.assert_array_equal(out[0, :, :, 0], [[5.0, 5.0], [5.0, 5.0]])
    dx = L.max_pool_backward(np.array([[1.0, 2.0], [3.0, 4.0]]).reshape(1, 2, 2, 1), cache)
    expected = np.zeros((3, 3))
    expected[1, 1] = 10.0                    # 1 + 2 + 3 + 4, added, not overwritten
    np.testing.assert_array_equal(dx[0, :, :, 0], expected)


def test_hidden_checks_overwrite_mistakes_on_one_plateau():
    """The pooling checks' wrong backward passes that write with = (built on the reference's
    arg-max), on four 2x2 windows whose maximum is the centre: = window after window keeps the
    last window's gradient, = offset after offset the first's (the centre is offset (1, 1) of
    window (0, 0), the last offset), and without the window's corner every gradient lands in
    the top-left block."""
    from autograder.checks import pooling as P
    x = np.array([[1., 2., 3.], [4., 9., 5.], [6., 7., 8.]]).reshape(1, 3, 3, 1)
    dout = np.array([1., 2., 3., 4.]).reshape(1, 2, 2, 1)
    centre = np.zeros((3, 3))
    centre[1, 1] = 1.0
    np.testing.assert_array_equal(P._window_by_window(x, (2, 2), (1, 1), dout)[0, :, :, 0], 4 * centre)
    np.testing.assert_array_equal(P._wrong_overwrite_offsets(x, (2, 2), (1, 1), dout)[0, :, :, 0], centre)
    np.testing.assert_array_equal(P._window_by_window(x, (2, 2), (1, 1), dout, corner=False)[0, :, :, 0],
                                  [[4, 3, 0], [2, 1, 0], [0, 0, 0]])


@pytest.mark.parametrize("pool, stride, hw", [((2, 2), None, (4, 4)), ((3, 2), None, (6, 4)),
                                              ((2, 2), (3, 3), (5, 5)), ((2, 3), (2, 4), (4, 7))],
                         ids=["2x2", "rect", "gaps", "rect-gaps"])
def test_max_pool_ties_send_the_gradient_to_exactly_one_position_per_window(pool, stride, hw):
    x = np.zeros((2, *hw, 2))               # e.g. after a ReLU: whole windows of zeros
    out, cache = L.max_pool_forward(x, pool, stride)
    dout = np.arange(1.0, out.size + 1).reshape(out.shape)
    dx = L.max_pool_backward(dout, cache)
    assert np.count_nonzero(dx) == out.size  # one position per window (windows do not overlap)
    np.testing.assert_allclose(dx.sum(), dout.sum())
    # the first maximum in row-major order: the window's top-left corner
    sh, sw = stride or pool
    np.testing.assert_array_equal(dx[:, ::sh, ::sw, :][:, :out.shape[1], :out.shape[2], :], dout)


def test_max_pool_ties_inside_one_window_pick_the_first():
    x = np.array([[1.0, 3.0], [3.0, 3.0]]).reshape(1, 2, 2, 1)
    out, cache = L.max_pool_forward(x, 2)
    dx = L.max_pool_backward(np.array([7.0]).reshape(1, 1, 1, 1), cache)
    np.testing.assert_array_equal(dx[0, :, :, 0], [[0.0, 7.0], [0.0, 0.0]])


def test_max_pool_input_not_divisible_by_the_pool():
    x = np.arange(25.0).reshape(1, 5, 5, 1)
    out, cache = L.max_pool_forward(x, 2)
    np.testing.assert_array_equal(out[0, :, :, 0], [[6.0, 8.0], [16.0, 18.0]])
    dx = L.max_pool_backward(np.ones((1, 2, 2, 1)), cache)
    assert dx.shape == (1, 5, 5, 1)
    assert not dx[0, 4, :, 0].any() and not dx[0, :, 4, 0].any()   # the leftover row and column
    assert dx[0, 1, 1, 0] == dx[0, 1, 3, 0] == dx[0, 3, 1, 0] == dx[0, 3, 3, 0] == 1


def test_max_pool_channels_and_examples_are_independent():
    x = rng(0).standard_normal((3, 4, 4, 5))
    out, _ = L.max_pool_forward(x, 2)
    for i in range(3):
        for k in range(5):
            single, _ = L.max_pool_forward(x[i:i + 1, :, :, k:k + 1], 2)
            np.testing.assert_array_equal(out[i:i + 1, :, :, k:k + 1], single)


def test_max_pool_two_forwards_then_backward_uses_the_last():
    layer = L.MaxPool2D(2)
    x1 = X4
    x2 = X4[:, ::-1, ::-1, :].copy()         # the arg-max positions move
    layer.forward(x1)
    layer.forward(x2)
    dout = np.array([[10.0, 20.0], [30.0, 40.0]]).reshape(1, 2, 2, 1)
    dx = layer.backward(dout)
    _, cache2 = L.max_pool_forward(x2, 2)
    _, cache1 = L.max_pool_forward(x1, 2)
    np.testing.assert_array_equal(dx, L.max_pool_backward(dout, cache2))
    assert not np.array_equal(dx, L.max_pool_backward(dout, cache1))


@pytest.mark.parametrize("stride", [None, 1])
def test_max_pool_cache_does_not_grow(stride):
    layer = L.MaxPool2D(2, stride)
    x = rng(0).standard_normal((2, 6, 6, 3))
    out = layer.forward(x)
    sizes = [sum(np.asarray(item).size for item in layer.cache)]
    for seed in range(1, 6):
        layer.forward(rng(seed).standard_normal((2, 6, 6, 3)))
        sizes.append(sum(np.asarray(item).size for item in layer.cache))
    assert len(set(sizes)) == 1
    arg = [item for item in layer.cache if isinstance(item, np.ndarray)]
    assert sum(a.size for a in arg) <= out.size   # one arg-max per output value, nothing more
    assert layer.backward(np.ones_like(out)).shape == x.shape


def test_max_pool_does_not_modify_input():
    x = rng().standard_normal((1, 4, 4, 2))
    before = x.copy()
    for stride in (None, 1):
        out, cache = L.max_pool_forward(x, 2, stride)
        L.max_pool_backward(np.ones_like(out), cache)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("stride", [None, 1])
def test_max_pool_keeps_float32(stride):
    x = rng().standard_normal((1, 4, 4, 2)).astype(np.float32)
    out, cache = L.max_pool_forward(x, 2, stride)
    assert out.dtype == np.float32
    assert L.max_pool_backward(np.ones_like(out), cache).dtype == np.float32


@pytest.mark.parametrize("pool, stride, hw", [(2, None, (4, 6)), ((3, 2), None, (7, 5)), (2, 1, (5, 4)),
                                              (3, 2, (7, 7)), (2, 3, (8, 7))],
                         ids=["2x2", "rect", "overlap", "overlap3s2", "gaps"])
def test_max_pool_gradient_check(pool, stride, hw):
    x = distinct_values((2, *hw, 2), rng(0))   # no ties: the numeric gradient is meaningful
    errors = check_layer(L.MaxPool2D(pool, stride), x)
    assert errors["x"] < TOL, errors


def test_max_pool_wrong_rank():
    with pytest.raises(ValueError) as info:
        L.MaxPool2D(2).forward(np.zeros((4, 4, 1)))
    msg = str(info.value)
    assert "4-D" in msg and "(4, 4, 1)" in msg


def test_max_pool_larger_than_input():
    with pytest.raises(ValueError) as info:
        L.max_pool_forward(np.zeros((1, 2, 3, 1)), 3)
    msg = str(info.value)
    assert "(3, 3)" in msg and "(2, 3)" in msg


def test_max_pool_backward_wrong_dout_shape():
    _, cache = L.max_pool_forward(np.zeros((1, 4, 4, 1)), 2)
    with pytest.raises(ValueError) as info:
        L.max_pool_backward(np.zeros((1, 4, 4, 1)), cache)
    msg = str(info.value)
    assert "(1, 2, 2, 1)" in msg and "(1, 4, 4, 1)" in msg


@pytest.mark.parametrize("bad", [0, (2, 0), (1, 2, 3), -1])
def test_max_pool_bad_pool_size(bad):
    with pytest.raises(ValueError, match="pool_size"):
        L.MaxPool2D(bad)


# =========================================================================== Flatten

def test_flatten_forward_and_backward():
    x = np.arange(24.0).reshape(2, 2, 3, 2)
    layer = L.Flatten()
    out = layer.forward(x)
    assert out.shape == (2, 12)
    np.testing.assert_array_equal(out[1], np.arange(12.0, 24.0))
    dout = np.arange(24.0).reshape(2, 12) * -1
    dx = layer.backward(dout)
    assert dx.shape == x.shape
    np.testing.assert_array_equal(dx, dout.reshape(2, 2, 3, 2))


def test_flatten_backward_is_the_exact_inverse_permutation():
    """The gradient a value receives is the upstream gradient at that value's flat position."""
    x = distinct_values((3, 2, 2, 4), rng(0))
    layer = L.Flatten()
    out = layer.forward(x)
    dx = layer.backward(out)                   # dout = out -> dx must equal x exactly
    np.testing.assert_array_equal(dx, x)


@pytest.mark.parametrize("make, training", [(L.Flatten, True), (lambda: L.Dropout(0.5, rng=0), False),
                                            (lambda: L.Dropout(0.0), True)],
                         ids=["flatten", "dropout-eval", "dropout-p0"])
def test_view_layers_gradient_check(make, training):
    errors = check_layer(make(), rng(0).standard_normal((2, 3, 2, 2)), training=training)
    assert errors["x"] < TOL, errors


# =========================================================================== Dropout

def test_dropout_is_inverted_and_preserves_the_mean():
    layer = L.Dropout(0.3, rng=0)
    x = np.ones((1000, 1000), dtype=np.float32)
    out = layer.forward(x)
    assert out.dtype == np.float32
    kept = out != 0
    assert abs(kept.mean() - 0.7) < 0.005                    # about 30% dropped
    np.testing.assert_allclose(out[kept], 1 / 0.7, rtol=1e-6)  # survivors scaled by 1/(1-p)
    assert abs(out.mean() - 1.0) < 0.01                       # expected activation unchanged


def test_dropout_mean_preserved_for_random_inputs():
    x = rng(1).random((500, 400)) + 1.0
    out = L.Dropout(0.5, rng=2).forward(x)
    assert abs(out.mean() / x.mean() - 1) < 0.01
    np.testing.assert_allclose(out[out != 0], 2 * x[out != 0], rtol=1e-12)


def test_dropout_is_identity_in_eval_mode():
    x = rng().standard_normal((50, 20))
    layer = L.Dropout(0.5, rng=0)
    out = layer.forward(x, training=False)
    np.testing.assert_array_equal(out, x)
    dout = rng(1).standard_normal((50, 20))
    np.testing.assert_array_equal(layer.backward(dout), dout)


def test_dropout_backward_applies_the_same_mask():
    layer = L.Dropout(0.5, rng=0)
    x = np.ones((40, 30))
    out = layer.forward(x)             # for x = 1 the output is the scaled mask itself
    dout = rng(1).standard_normal((40, 30))
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, dout * out, rtol=1e-15)
    assert np.all(dx[out == 0] == 0)
    np.testing.assert_allclose(dx[out != 0], 2 * dout[out != 0], rtol=1e-15)


def test_dropout_new_mask_every_forward_but_reproducible_for_a_seed():
    x = np.ones((20, 20))
    a = L.Dropout(0.5, rng=7)
    m1, m2 = a.forward(x), a.forward(x)
    assert not np.array_equal(m1, m2)
    b = L.Dropout(0.5, rng=7)
    np.testing.assert_array_equal(b.forward(x), m1)


def test_dropout_p_zero_is_identity():
    x = rng().standard_normal((10, 10))
    np.testing.assert_array_equal(L.Dropout(0.0).forward(x), x)


def test_dropout_does_not_modify_input():
    x = rng().standard_normal((10, 10))
    before = x.copy()
    L.Dropout(0.5, rng=0).forward(x)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("p", [1.0, -0.1, 1.5])
def test_dropout_bad_probability(p):
    with pytest.raises(ValueError) as info:
        L.Dropout(p)
    assert "[0, 1)" in str(info.value) and str(p) in str(info.value)


# =========================================================================== BatchNorm

def test_batchnorm_training_normalizes_each_feature():
    x = rng(0).standard_normal((64, 4)) * np.array([1.0, 3.0, 0.1, 10.0]) + np.array([5.0, -2.0, 0.0, 100.0])
    out = L.BatchNorm(4, dtype=np.float64).forward(x)
    np.testing.assert_allclose(out.mean(axis=0), 0.0, atol=1e-10)
    np.testing.assert_allclose(out.std(axis=0), 1.0, rtol=1e-3)   # eps = 1e-5 inside the sqrt
    np.testing.assert_allclose(out.std(axis=0)[[0, 1, 3]], 1.0, rtol=1e-5)


def test_batchnorm_hand_example():
    bn = L.BatchNorm(2, dtype=np.float64)
    x = np.array([[1.0, 10.0], [3.0, 20.0], [5.0, 60.0]])
    out = bn.forward(x)
    var = np.array([8 / 3, 1400 / 3])            # biased batch variance
    expected = (x - [3.0, 30.0]) / np.sqrt(var + 1e-5)
    np.testing.assert_allclose(out, expected, rtol=1e-12)


def test_batchnorm_gamma_and_beta():
    bn = L.BatchNorm(3, dtype=np.float64)
    bn.params["gamma"][...] = [2.0, 0.5, -1.0]
    bn.params["beta"][...] = [1.0, -3.0, 0.0]
    out = bn.forward(rng(0).standard_normal((100, 3)) * 4 + 2)
    np.testing.assert_allclose(out.mean(axis=0), [1.0, -3.0, 0.0], atol=1e-10)
    np.testing.assert_allclose(out.std(axis=0), [2.0, 0.5, 1.0], rtol=1e-4)


def test_batchnorm_nhwc_normalizes_per_channel():
    x = rng(0).standard_normal((4, 5, 5, 3)) * [1.0, 2.0, 3.0] + [0.0, 10.0, -10.0]
    out = L.BatchNorm(3).forward(x)
    np.testing.assert_allclose(out.mean(axis=(0, 1, 2)), 0.0, atol=1e-6)
    np.testing.assert_allclose(out.std(axis=(0, 1, 2)), 1.0, rtol=1e-4)


def test_batchnorm_running_stats_update():
    bn = L.BatchNorm(2, momentum=0.1)
    x = np.array([[1.0, 10.0], [3.0, 20.0], [5.0, 60.0]])
    bn.forward(x)
    # running = 0.9 * running + 0.1 * batch; the variance is the unbiased one (4 and 700)
    np.testing.assert_allclose(bn.running_mean, [0.3, 3.0], rtol=1e-6)
    np.testing.assert_allclose(bn.running_var, [0.9 + 0.4, 0.9 + 70.0], rtol=1e-6)
    bn.forward(x)
    np.testing.assert_allclose(bn.running_mean, [0.57, 5.7], rtol=1e-6)
    np.testing.assert_allclose(bn.running_var, [0.9 * 1.3 + 0.4, 0.9 * 70.9 + 70.0], rtol=1e-6)


def test_batchnorm_biased_running_var_as_cs231n_keeps_it():
    bn = L.BatchNorm(2, momentum=0.1, unbiased_running_var=False)
    bn.forward(np.array([[1.0, 10.0], [3.0, 20.0], [5.0, 60.0]]))
    np.testing.assert_allclose(bn.running_var, [0.9 + 0.1 * 8 / 3, 0.9 + 0.1 * 1400 / 3], rtol=1e-6)


def test_batchnorm_running_stats_converge_to_the_data_statistics():
    bn = L.BatchNorm(2, momentum=0.5)
    x = rng(0).standard_normal((200, 2)) * [2.0, 0.5] + [3.0, -1.0]
    for _ in range(40):
        bn.forward(x)
    np.testing.assert_allclose(bn.running_mean, x.mean(axis=0), rtol=1e-5)
    np.testing.assert_allclose(bn.running_var, x.var(axis=0, ddof=1), rtol=1e-5)


def test_batchnorm_eval_uses_running_stats_and_does_not_update_them():
    bn = L.BatchNorm(2, dtype=np.float64)
    bn.running_mean[...] = [1.0, -2.0]
    bn.running_var[...] = [4.0, 0.25]
    bn.params["gamma"][...] = [2.0, 1.0]
    bn.params["beta"][...] = [0.5, 0.0]
    x = np.array([[3.0, -2.0]])                  # a single example is fine in eval mode
    out = bn.forward(x, training=False)
    np.testing.assert_allclose(out, [[2.0 * 2.0 / np.sqrt(4 + 1e-5) + 0.5, 0.0]], rtol=1e-12)
    np.testing.assert_array_equal(bn.running_mean, [1.0, -2.0])
    np.testing.assert_array_equal(bn.running_var, [4.0, 0.25])
    # every example is normalized alone: the output of a batch is the stack of single outputs
    batch = rng(0).standard_normal((5, 2))
    together = bn.forward(batch, training=False)
    alone = np.concatenate([bn.forward(batch[i:i + 1], training=False) for i in range(5)])
    np.testing.assert_allclose(together, alone, rtol=1e-14)


@pytest.mark.parametrize("shape, training", [((8, 4), True), ((2, 3, 3, 4), True), ((6, 4), False)],
                         ids=["dense-train", "nhwc-train", "eval"])
def test_batchnorm_gradient_check(shape, training):
    bn = L.BatchNorm(4)
    bn.params["gamma"][...] = [1.0, 2.0, 0.5, -1.5]
    bn.params["beta"][...] = [0.0, 1.0, -1.0, 2.0]
    if not training:
        bn.running_mean[...] = [0.5, -0.5, 1.0, 0.0]
        bn.running_var[...] = [2.0, 0.5, 1.0, 3.0]
    # not rng(0): check_layer draws dout from default_rng(0), and a dout that is an affine function
    # of x lies in the null space of the batch-norm backward (dx ~ 1e-10: relative errors blow up)
    x = rng(5).standard_normal(shape) * 3 + 1
    errors = check_layer(bn, x, training=training)
    assert set(errors) == {"x", "gamma", "beta"}
    assert max(errors.values()) < TOL, errors


def test_batchnorm_wrong_features():
    with pytest.raises(ValueError) as info:
        L.BatchNorm(3).forward(np.zeros((4, 2)))
    msg = str(info.value)
    assert "num_features" in msg and "= 3" in msg and "(4, 2)" in msg


def test_batchnorm_wrong_rank():
    with pytest.raises(ValueError) as info:
        L.BatchNorm(3).forward(np.zeros(3))
    assert "(3,)" in str(info.value)


def test_batchnorm_one_example_in_training():
    with pytest.raises(ValueError, match="more than one value"):
        L.BatchNorm(3).forward(np.zeros((1, 3)))


# =========================================================================== backward before forward

@pytest.mark.parametrize("layer, dout_shape", [
    (L.Dense(3, 2), (1, 2)),
    (L.Conv2D(1, 1, 2), (1, 2, 2, 1)),
    (L.MaxPool2D(2), (1, 2, 2, 1)),
    (L.Flatten(), (1, 4)),
    (L.BatchNorm(2), (3, 2)),
], ids=["dense", "conv", "maxpool", "flatten", "batchnorm"])
def test_backward_before_forward(layer, dout_shape):
    with pytest.raises(RuntimeError) as info:
        layer.backward(np.zeros(dout_shape))
    msg = str(info.value)
    assert type(layer).__name__ in msg and "before forward" in msg


def test_reprs():
    assert repr(L.Dense(3, 2, activation="relu")) == "Dense(3, 2, activation=ReLU())"
    assert "kernel=(3, 3)" in repr(L.Conv2D(1, 2, 3)) and "stride=(1, 1)" in repr(L.Conv2D(1, 2, 3))
    assert repr(L.MaxPool2D(2)) == "MaxPool2D(pool_size=(2, 2), stride=(2, 2))"
    assert repr(L.Dropout(0.25)) == "Dropout(p_drop=0.25)"
