"""Tests for numpynet.losses: softmax cross-entropy, MSE, L2 regularization."""
import math

import numpy as np
import pytest

from numpynet import losses
from numpynet.gradcheck import check_loss


# --------------------------------------------------------------------------- softmax / log-softmax

def test_log_softmax_and_softmax_hand_example():
    lse = math.log(math.exp(1) + math.exp(2) + math.exp(3))
    np.testing.assert_allclose(losses.log_softmax(np.array([[1.0, 2.0, 3.0]])),
                               [[1 - lse, 2 - lse, 3 - lse]], rtol=1e-14)
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(losses.softmax(np.array([[1.0, 2.0, 3.0]])), [e / e.sum()], rtol=1e-14)


def test_softmax_rows_sum_to_one_and_shift_invariance():
    z = np.random.default_rng(0).standard_normal((5, 7)) * 10
    p = losses.softmax(z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-14)
    np.testing.assert_allclose(losses.softmax(z + 1000.0), p, rtol=1e-12)
    np.testing.assert_allclose(losses.softmax(z - np.array([[5.0], [1e4], [0.0], [-3.0], [7.0]])), p,
                               rtol=1e-10)


def test_softmax_of_huge_logits_is_finite():
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # exp(-2e4) underflowing to 0 is fine
        p = losses.softmax(np.array([[1e4, 0.0, -1e4]]))
    np.testing.assert_allclose(p, [[1.0, 0.0, 0.0]], rtol=1e-15, atol=1e-300)  # exp(-2e4) is 0


# --------------------------------------------------------------------------- cross-entropy

def test_cross_entropy_hand_example():
    logits = np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]])
    labels = np.array([2, 0])
    lse = math.log(math.exp(1) + math.exp(2) + math.exp(3))
    loss, grad = losses.softmax_cross_entropy(logits, labels)
    # -log p(2) = lse - 3 = 0.4076;  -log p(0) = lse - 1 = 2.4076;  mean = lse - 2
    assert isinstance(loss, float)
    assert loss == pytest.approx(lse - 2, rel=1e-14)
    assert loss == pytest.approx((0.40760596444438 + 2.40760596444438) / 2, rel=1e-12)
    p = np.exp([1.0, 2.0, 3.0]) / np.exp([1.0, 2.0, 3.0]).sum()
    expected = np.array([p - [0, 0, 1], p - [1, 0, 0]]) / 2   # (softmax - onehot) / N
    np.testing.assert_allclose(grad, expected, rtol=1e-13)
    assert grad.shape == logits.shape


def test_cross_entropy_of_zero_logits_is_ln_k():
    loss, grad = losses.softmax_cross_entropy(np.zeros((4, 10)), np.array([0, 3, 9, 3]))
    assert loss == pytest.approx(math.log(10), rel=1e-14)
    assert loss == pytest.approx(2.302585, abs=1e-6)
    expected = np.full((4, 10), 0.1)
    expected[[0, 1, 2, 3], [0, 3, 9, 3]] -= 1
    np.testing.assert_allclose(grad, expected / 4, rtol=1e-13)


def test_cross_entropy_gradient_rows_sum_to_zero():
    z = np.random.default_rng(0).standard_normal((6, 5))
    _, grad = losses.softmax_cross_entropy(z, np.array([0, 1, 2, 3, 4, 0]))
    np.testing.assert_allclose(grad.sum(axis=1), 0.0, atol=1e-15)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_cross_entropy_stable_for_logits_of_1e4(dtype):
    logits = np.array([[1e4, 0.0, -1e4], [0.0, 1e4, 0.0]], dtype=dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss, grad = losses.softmax_cross_entropy(logits, np.array([0, 0]))
    # row 0: the right class dominates, loss 0; row 1: loss 1e4 - 0 = 1e4; mean 5000
    assert math.isfinite(loss)
    assert loss == pytest.approx(5000.0, rel=1e-6)
    assert grad.dtype == dtype
    np.testing.assert_allclose(grad, [[0.0, 0.0, 0.0], [-0.5, 0.5, 0.0]], rtol=1e-6, atol=1e-7)


def test_cross_entropy_confident_and_right_is_near_zero():
    loss, _ = losses.softmax_cross_entropy(np.array([[50.0, 0.0]]), np.array([0]))
    assert loss == pytest.approx(0.0, abs=1e-15)  # log(1 + e^-50) = 1.9e-22; exact 0 would need log(1.0) == 0


def test_cross_entropy_accepts_unsigned_and_int32_labels():
    for dt in (np.uint8, np.int32, np.int64):
        loss, _ = losses.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 2], dtype=dt))
        assert loss == pytest.approx(math.log(3))


def test_cross_entropy_does_not_modify_logits():
    z = np.random.default_rng(0).standard_normal((3, 4))
    before = z.copy()
    losses.softmax_cross_entropy(z, np.array([0, 1, 2]))
    np.testing.assert_array_equal(z, before)


def test_cross_entropy_gradient_check():
    z = np.random.default_rng(0).standard_normal((5, 4)) * 2
    assert check_loss(losses.softmax_cross_entropy, z, np.array([0, 3, 1, 1, 2])) < 1e-7


@pytest.mark.parametrize("labels, fragment", [
    (np.array([0.0, 1.0]), "dtype float64"),
    (np.array([True, False]), "dtype bool"),
    (np.array([[0], [1]]), "shape (2, 1)"),
    (np.array([0]), "shape (1,)"),
    (np.array([0, 1, 2]), "shape (3,)"),
])
def test_cross_entropy_label_type_and_shape_errors(labels, fragment):
    with pytest.raises(ValueError) as info:
        losses.softmax_cross_entropy(np.zeros((2, 3)), labels)
    msg = str(info.value)
    assert "integer class indices of shape (2,)" in msg and fragment in msg


@pytest.mark.parametrize("labels, fragment", [(np.array([0, 3]), "from 0 to 3"),
                                              (np.array([-1, 2]), "from -1 to 2")])
def test_cross_entropy_label_range_errors(labels, fragment):
    with pytest.raises(ValueError) as info:
        losses.softmax_cross_entropy(np.zeros((2, 3)), labels)
    msg = str(info.value)
    assert "[0, 2]" in msg and fragment in msg


def test_cross_entropy_logits_must_be_2d():
    with pytest.raises(ValueError) as info:
        losses.softmax_cross_entropy(np.zeros(10), np.array([1]))
    msg = str(info.value)
    assert "2-D" in msg and "(10,)" in msg


def test_cross_entropy_non_numeric_logits():
    with pytest.raises(TypeError, match="logits must be a numeric array"):
        losses.softmax_cross_entropy([["a", "b"]], np.array([0]))


# --------------------------------------------------------------------------- MSE

def test_mse_is_the_mean_over_all_elements():
    loss, grad = losses.mse(np.array([1.0, 2.0, 3.0, 4.0]), np.zeros(4))
    assert loss == 7.5                                  # (1 + 4 + 9 + 16) / 4, not /8 or the sum
    np.testing.assert_allclose(grad, [0.5, 1.0, 1.5, 2.0])  # 2 (p - t) / size


def test_mse_2d_hand_example():
    p = np.array([[1.0, -1.0], [0.0, 3.0]])
    t = np.array([[0.0, 1.0], [0.0, 1.0]])
    loss, grad = losses.mse(p, t)
    assert loss == pytest.approx((1 + 4 + 0 + 4) / 4)
    np.testing.assert_allclose(grad, 2 * (p - t) / 4)


def test_mse_of_equal_arrays_is_zero():
    x = np.random.default_rng(0).standard_normal((3, 3))
    loss, grad = losses.mse(x, x.copy())
    assert loss == 0.0 and not grad.any()


def test_mse_gradient_check():
    rng = np.random.default_rng(0)
    assert check_loss(losses.mse, rng.standard_normal((4, 5)), rng.standard_normal((4, 5))) < 1e-7


def test_mse_shape_mismatch():
    with pytest.raises(ValueError) as info:
        losses.mse(np.zeros((2, 3)), np.zeros((3, 2)))
    msg = str(info.value)
    assert "(2, 3)" in msg and "(3, 2)" in msg


# --------------------------------------------------------------------------- L2 regularization

def test_l2_skips_biases_and_normalization_parameters():
    params = {"0.W": np.ones((2, 3)), "0.b": np.ones(3), "1.W": np.full((2, 2, 1, 1), 2.0),
              "2.gamma": np.ones(3), "2.beta": np.ones(3)}
    loss, grads = losses.l2_regularization(params, 0.1)
    # 0.5 * 0.1 * (6 * 1 + 4 * 4) = 1.1
    assert loss == pytest.approx(1.1, rel=1e-14)
    assert set(grads) == {"0.W", "1.W"}
    np.testing.assert_allclose(grads["0.W"], np.full((2, 3), 0.1))
    np.testing.assert_allclose(grads["1.W"], np.full((2, 2, 1, 1), 0.2))


def test_l2_zero_reg_and_linearity():
    params = {"W": np.random.default_rng(0).standard_normal((4, 4))}
    assert losses.l2_regularization(params, 0.0)[0] == 0.0
    l1 = losses.l2_regularization(params, 1e-3)[0]
    l2 = losses.l2_regularization(params, 2e-3)[0]
    assert l2 == pytest.approx(2 * l1, rel=1e-14)
    assert l1 == pytest.approx(0.5e-3 * np.sum(params["W"] ** 2), rel=1e-12)


def test_l2_is_accumulated_in_float64():
    W = np.full((1000, 1000), 0.1, dtype=np.float32)
    loss, _ = losses.l2_regularization({"W": W}, 1.0)
    assert loss == pytest.approx(0.5 * 1e6 * float(np.float32(0.1)) ** 2, rel=1e-10)


def test_l2_gradient_matches_numeric():
    W = np.random.default_rng(0).standard_normal((3, 4))
    err = check_loss(lambda w: (losses.l2_regularization({"W": w}, 0.3)[0],
                                losses.l2_regularization({"W": w}, 0.3)[1]["W"]), W)
    assert err < 1e-7
