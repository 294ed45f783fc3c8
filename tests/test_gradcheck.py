"""Tests for numpynet.gradcheck: rel_error, numeric_gradient, the samplers and the checkers themselves."""
import numpy as np
import pytest

from numpynet import Sequential
from numpynet import activations as A
from numpynet import gradcheck as G
from numpynet import layers as L
from numpynet import losses


def rng(seed=0):
    return np.random.default_rng(seed)


# =========================================================================== rel_error

def test_rel_error_definition():
    # max over elements of |a - b| / max(1e-8, |a| + |b|)
    assert G.rel_error([1.0, 2.0], [1.0, 3.0]) == pytest.approx(1 / 5)
    assert G.rel_error([1.0, -1.0], [1.0, 1.0]) == pytest.approx(1.0)
    assert G.rel_error([3.0, 100.0], [1.0, 101.0]) == pytest.approx(0.5)   # the max, not the mean
    assert G.rel_error(2.0, 2.0) == 0.0
    assert isinstance(G.rel_error(1.0, 2.0), float)


def test_rel_error_floor_for_tiny_values():
    assert G.rel_error(0.0, 0.0) == 0.0
    assert G.rel_error([1e-9], [0.0]) == pytest.approx(0.1)      # 1e-9 / 1e-8, not 1e-9 / 1e-9
    assert G.rel_error([1e-12], [-1e-12]) == pytest.approx(2e-4)


def test_rel_error_is_symmetric_and_scale_free():
    a, b = rng(0).standard_normal(20), rng(1).standard_normal(20)
    assert G.rel_error(a, b) == G.rel_error(b, a)
    assert G.rel_error(1e3 * a, 1e3 * b) == pytest.approx(G.rel_error(a, b), rel=1e-12)


def test_rel_error_shape_mismatch_and_empty():
    with pytest.raises(ValueError) as info:
        G.rel_error(np.zeros((2, 3)), np.zeros((3, 2)))
    assert "(2, 3)" in str(info.value) and "(3, 2)" in str(info.value)
    assert G.rel_error(np.zeros(0), np.zeros(0)) == 0.0


# =========================================================================== numeric_gradient

def test_numeric_gradient_of_a_quadratic():
    M = np.array([[2.0, 1.0, 0.0], [0.0, 3.0, -1.0], [1.0, 0.0, 4.0]])
    c = np.array([1.0, -2.0, 0.5])
    x = np.array([0.3, -1.2, 2.0])
    grad = G.numeric_gradient(lambda: x @ M @ x + c @ x, x)
    np.testing.assert_allclose(grad, (M + M.T) @ x + c, rtol=1e-8)


def test_numeric_gradient_of_a_sum_of_squares_is_2x():
    x = rng().standard_normal((3, 4))
    np.testing.assert_allclose(G.numeric_gradient(lambda: np.sum(x ** 2), x), 2 * x, rtol=1e-8)


def test_numeric_gradient_with_dout():
    M = rng(0).standard_normal((4, 3))
    x = rng(1).standard_normal(3)
    dout = rng(2).standard_normal(4)
    grad = G.numeric_gradient(lambda: M @ x, x, dout)      # d sum(M x * dout) / dx = M^T dout
    np.testing.assert_allclose(grad, M.T @ dout, rtol=1e-8)


def test_numeric_gradient_restores_x():
    x = rng().standard_normal((2, 3))
    before = x.copy()
    G.numeric_gradient(lambda: np.sum(np.sin(x)), x)
    np.testing.assert_array_equal(x, before)


def test_numeric_gradient_needs_float64():
    with pytest.raises(TypeError, match="float64") as info:
        G.numeric_gradient(lambda: 0.0, np.zeros(3, dtype=np.float32))
    assert "float32" in str(info.value)


def test_numeric_gradient_of_a_function_returning_a_view():
    x = rng().standard_normal((2, 3))
    dout = rng(1).standard_normal(6)
    grad = G.numeric_gradient(lambda: x.reshape(-1), x, dout)
    np.testing.assert_allclose(grad, dout.reshape(2, 3), rtol=1e-8)


def test_numeric_gradient_of_a_view_is_right_when_f_copies():
    """The same function with a copy: what numeric_gradient should give for a view too."""
    x = rng().standard_normal((2, 3))
    dout = rng(1).standard_normal(6)
    grad = G.numeric_gradient(lambda: x.reshape(-1).copy(), x, dout)
    np.testing.assert_allclose(grad, dout.reshape(2, 3), rtol=1e-8)


# =========================================================================== samplers

@pytest.mark.parametrize("kinks, margin", [((0.0,), 0.05), ((-1.0, 0.0, 1.0), 0.1), ((0.5,), 0.2)])
def test_away_from_kinks(kinks, margin):
    x = G.away_from_kinks((50, 40), rng(0), margin=margin, kinks=kinks)
    assert x.shape == (50, 40) and x.dtype == np.float64
    for k in kinks:
        assert np.min(np.abs(x - k)) >= margin
    assert 0.8 < x.std() < 1.3                       # still roughly standard normal


def test_away_from_kinks_reproducible():
    np.testing.assert_array_equal(G.away_from_kinks((10,), rng(3)), G.away_from_kinks((10,), rng(3)))


def test_distinct_values():
    x = G.distinct_values((2, 4, 4, 3), rng(0), gap=0.1)
    assert x.shape == (2, 4, 4, 3) and x.dtype == np.float64
    gaps = np.diff(np.sort(x.ravel()))
    assert gaps.min() >= 0.1 - 1e-12
    assert len(np.unique(x)) == x.size


# =========================================================================== the checkers

def test_check_activation_passes_right_derivatives_and_catches_wrong_ones():
    x = G.away_from_kinks((100,), rng(0))
    assert G.check_activation(A.Sigmoid(), x) < 1e-7

    class WrongSigmoid(A.Sigmoid):
        def derivative(self, x):                      # forgot the (1 - s) factor
            return self.forward(x)

    class WrongReLU(A.ReLU):
        def derivative(self, x):                      # 1 everywhere
            return np.ones_like(np.asarray(x, dtype=float))

    assert G.check_activation(WrongSigmoid(), x) > 1e-2
    assert G.check_activation(WrongReLU(), x) > 1e-2


def test_check_loss_catches_a_wrong_gradient():
    x, t = rng(0).standard_normal((4, 3)), rng(1).standard_normal((4, 3))
    assert G.check_loss(losses.mse, x, t) < 1e-7

    def mse_half_gradient(p, target):                 # the N/2 * sum convention mixed with the mean
        loss, grad = losses.mse(p, target)
        return loss, grad / 2

    assert G.check_loss(mse_half_gradient, x, t) > 1e-2


class BrokenDense(L.Dense):
    """A Dense with a wrong backward: dx is twice the right one and dW ignores x; db is right."""

    def backward(self, dout):
        x, z = self._require_cache()
        self.grads["W"][...] = np.ones_like(x).T @ dout      # not x.T @ dout
        self.grads["b"][...] = dout.sum(axis=0)
        return 2 * dout @ self.params["W"].T                  # twice the right dx


def test_check_layer_passes_a_right_layer():
    errors = G.check_layer(L.Dense(4, 3, "tanh", rng=0), rng(1).standard_normal((5, 4)))
    assert max(errors.values()) < 1e-7


def test_check_layer_catches_a_broken_backward():
    errors = G.check_layer(BrokenDense(4, 3, rng=0), rng(1).standard_normal((5, 4)))
    assert errors["x"] > 0.1                  # rel error of 2a vs a is 1/3
    assert errors["W"] > 0.1
    assert errors["b"] < 1e-7                 # the part that is right is reported as right


def test_check_layer_catches_a_missing_activation_derivative():
    class NoActivationGrad(L.Dense):
        def backward(self, dout):             # passes dout through as if the activation were linear
            x, z = self._require_cache()
            self.grads["W"][...] = x.T @ dout
            self.grads["b"][...] = dout.sum(axis=0)
            return dout @ self.params["W"].T

    errors = G.check_layer(NoActivationGrad(4, 3, "tanh", rng=0), rng(1).standard_normal((5, 4)) * 2)
    assert min(errors.values()) > 1e-2


def test_check_layer_converts_parameters_to_float64():
    layer = L.Dense(3, 2, rng=0)
    assert layer.params["W"].dtype == np.float32
    G.check_layer(layer, rng().standard_normal((2, 3)))
    assert layer.params["W"].dtype == np.float64 and layer.grads["W"].dtype == np.float64


def test_whole_model_gradient_through_the_loss():
    """Conv -> MaxPool -> Flatten -> Dense -> softmax cross-entropy, against numeric gradients."""
    f64 = np.float64
    model = Sequential([L.Conv2D(1, 2, 3, activation="tanh", rng=0, dtype=f64), L.MaxPool2D(2),
                        L.Flatten(), L.Dense(8, 3, rng=1, dtype=f64)])
    x = G.distinct_values((2, 6, 6, 1), rng(0), gap=0.05)
    y = np.array([0, 2])

    def loss():
        return losses.softmax_cross_entropy(model.forward(x), y)[0]

    _, dlogits = losses.softmax_cross_entropy(model.forward(x), y)
    model.backward(dlogits)
    grads = {k: v.copy() for k, v in model.grads().items()}
    for name, param in model.params().items():
        assert G.rel_error(grads[name], G.numeric_gradient(loss, param)) < 1e-6, name
