"""Tests for numpynet.activations: values, derivative conventions, purity, dtypes, stability."""
import math

import numpy as np
import pytest

from numpynet import activations as A
from numpynet.gradcheck import away_from_kinks, check_activation

X = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])

ALL = [A.Sigmoid(), A.Tanh(), A.ReLU(), A.LeakyReLU(0.1), A.ELU(0.5), A.Identity()]
IDS = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "identity"]


def _sigmoid(v):
    return 1.0 / (1.0 + math.exp(-v))


# --------------------------------------------------------------------------- hand values

def test_sigmoid_values_and_derivative():
    expected = [_sigmoid(v) for v in X]
    np.testing.assert_allclose(A.Sigmoid().forward(X), expected, rtol=1e-12)
    np.testing.assert_allclose(A.Sigmoid().derivative(X), [s * (1 - s) for s in expected], rtol=1e-12)
    np.testing.assert_allclose(A.Sigmoid().forward(np.array([0.0])), [0.5], rtol=1e-15)
    np.testing.assert_allclose(A.Sigmoid().derivative(np.array([0.0])), [0.25], rtol=1e-15)


def test_tanh_values_and_derivative():
    np.testing.assert_allclose(A.Tanh().forward(X), [math.tanh(v) for v in X], rtol=1e-12)
    np.testing.assert_allclose(A.Tanh().derivative(X), [1 - math.tanh(v) ** 2 for v in X], rtol=1e-12)
    np.testing.assert_allclose(A.Tanh().derivative(np.array([0.0])), [1.0], rtol=1e-15)


def test_relu_values_and_derivative():
    np.testing.assert_array_equal(A.ReLU().forward(X), [0, 0, 0, 0.5, 2.0])
    np.testing.assert_array_equal(A.ReLU().derivative(X), [0, 0, 0, 1, 1])


def test_relu_derivative_at_zero_is_exactly_zero():
    d = A.ReLU().derivative(np.array([0.0, -0.0, 1e-300, -1e-300]))
    np.testing.assert_array_equal(d, [0.0, 0.0, 1.0, 0.0])


def test_leaky_relu_values_and_derivative():
    act = A.LeakyReLU(0.1)
    np.testing.assert_allclose(act.forward(X), [-0.2, -0.05, 0.0, 0.5, 2.0], rtol=1e-15)
    np.testing.assert_array_equal(act.derivative(X), [0.1, 0.1, 0.1, 1.0, 1.0])


def test_leaky_relu_default_slope_is_0_01():
    act = A.LeakyReLU()
    assert act.alpha == 0.01
    np.testing.assert_allclose(act.forward(np.array([-3.0])), [-0.03])


@pytest.mark.parametrize("alpha", [0.01, 0.2, 0.3])
def test_leaky_relu_derivative_is_alpha_for_x_le_zero_including_zero(alpha):
    act = A.LeakyReLU(alpha)
    d = act.derivative(np.array([-5.0, -1e-12, 0.0, -0.0, 1e-12, 5.0]))
    np.testing.assert_array_equal(d, [alpha, alpha, alpha, alpha, 1.0, 1.0])


def test_elu_values_and_derivative():
    act = A.ELU(0.5)
    expected = [0.5 * (math.exp(-2) - 1), 0.5 * (math.exp(-0.5) - 1), 0.0, 0.5, 2.0]
    np.testing.assert_allclose(act.forward(X), expected, rtol=1e-12, atol=1e-15)
    expected_d = [0.5 * math.exp(-2), 0.5 * math.exp(-0.5), 0.5, 1.0, 1.0]
    np.testing.assert_allclose(act.derivative(X), expected_d, rtol=1e-12)
    # ELU tends to -alpha for very negative inputs
    np.testing.assert_allclose(act.forward(np.array([-50.0])), [-0.5])


def test_identity_values_and_derivative():
    np.testing.assert_array_equal(A.Identity().forward(X), X)
    np.testing.assert_array_equal(A.Identity().derivative(X), np.ones_like(X))
    dout = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    np.testing.assert_array_equal(A.Identity().backward(dout, X), dout)


@pytest.mark.parametrize("act", ALL, ids=IDS)
def test_backward_is_dout_times_derivative(act):
    dout = np.array([1.0, -2.0, 3.0, 0.5, -0.25])
    np.testing.assert_allclose(act.backward(dout, X), dout * act.derivative(X), rtol=1e-15)


@pytest.mark.parametrize("act", ALL, ids=IDS)
def test_call_is_forward(act):
    np.testing.assert_array_equal(act(X), act.forward(X))


def test_shape_is_kept_for_multidimensional_input():
    x = np.arange(-12, 12, dtype=np.float64).reshape(2, 3, 2, 2)
    for act in ALL:
        assert act.forward(x).shape == x.shape
        assert act.derivative(x).shape == x.shape


# --------------------------------------------------------------------------- purity

@pytest.mark.parametrize("act", ALL, ids=IDS)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_forward_and_derivative_never_modify_the_input(act, dtype):
    x = np.array([[-3.0, -1.0, 0.0], [0.5, 2.0, -0.25]], dtype=dtype)
    before = x.copy()
    out = act.forward(x)
    np.testing.assert_array_equal(x, before)
    act.derivative(x)
    np.testing.assert_array_equal(x, before)
    act.backward(np.ones_like(x), x)
    np.testing.assert_array_equal(x, before)
    # the output is a value, not a view that later computations could corrupt the input through
    if not isinstance(act, A.Identity):
        assert not np.shares_memory(out, x)


def test_relu_output_is_not_the_pre_activation():
    """The real student bug: out = x; out[out < 0] = 0 destroys the cached pre-activation."""
    x = np.array([-1.0, 2.0, -3.0])
    out = A.ReLU().forward(x)
    out[...] = 99.0
    np.testing.assert_array_equal(x, [-1.0, 2.0, -3.0])


# --------------------------------------------------------------------------- dtypes

@pytest.mark.parametrize("act", ALL, ids=IDS)
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_dtype_preserved(act, dtype):
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0], dtype=dtype)
    assert act.forward(x).dtype == dtype
    assert act.derivative(x).dtype == dtype


@pytest.mark.parametrize("act", ALL, ids=IDS)
@pytest.mark.parametrize("dtype", [np.int32, np.int64])
def test_ints_are_accepted_and_become_float64(act, dtype):
    xi = np.array([-2, 0, 3], dtype=dtype)
    xf = xi.astype(np.float64)
    out, d = act.forward(xi), act.derivative(xi)
    assert out.dtype == np.float64 and d.dtype == np.float64
    np.testing.assert_allclose(out, act.forward(xf))
    np.testing.assert_allclose(d, act.derivative(xf))


def test_python_lists_are_accepted():
    np.testing.assert_array_equal(A.ReLU().forward([-1, 2]), [0.0, 2.0])


# --------------------------------------------------------------------------- stability

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_is_stable_at_plus_minus_1000(dtype):
    x = np.array([-1000.0, -100.0, 100.0, 1000.0], dtype=dtype)
    with np.errstate(all="raise"):  # any overflow / invalid / underflow would raise
        s = A.Sigmoid().forward(x)
        d = A.Sigmoid().derivative(x)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(d))
    # a SIMD tanh may saturate one ulp short of +-1, so "exactly 0 and 1" is within an ulp
    eps = np.finfo(dtype).eps
    np.testing.assert_allclose(s, [0.0, 0.0, 1.0, 1.0], atol=eps)
    np.testing.assert_allclose(d, [0.0, 0.0, 0.0, 0.0], atol=eps)
    assert s.dtype == dtype


def test_tanh_and_relu_are_stable_at_plus_minus_1000():
    x = np.array([-1000.0, 1000.0])
    with np.errstate(all="raise"):
        # np.tanh is a SIMD kernel that may saturate one ulp short of +-1
        np.testing.assert_allclose(A.Tanh().forward(x), [-1.0, 1.0], rtol=1e-15)
        np.testing.assert_allclose(A.Tanh().derivative(x), [0.0, 0.0], atol=1e-15)
        np.testing.assert_array_equal(A.ReLU().forward(x), [0.0, 1000.0])
        np.testing.assert_array_equal(A.LeakyReLU(0.1).forward(x), [-100.0, 1000.0])


def test_elu_does_not_overflow_for_large_positive_inputs():
    x = np.array([1000.0, 1e30])
    with np.errstate(over="raise", invalid="raise"):
        np.testing.assert_array_equal(A.ELU().forward(x), x)
        np.testing.assert_array_equal(A.ELU().derivative(x), [1.0, 1.0])
        np.testing.assert_allclose(A.ELU(2.0).forward(np.array([-1000.0])), [-2.0])


# --------------------------------------------------------------------------- gradient checks

@pytest.mark.parametrize("act", ALL, ids=IDS)
def test_derivative_matches_numeric_gradient_away_from_kinks(act):
    # standard normal inputs: deep in a saturated tail the derivative is ~1e-6 and centred
    # differences lose their relative precision, which says nothing about the derivative
    x = away_from_kinks((200,), np.random.default_rng(0), margin=0.05)
    assert check_activation(act, x) < 1e-7


@pytest.mark.parametrize("alpha", [0.01, 0.5, 2.0])
def test_leaky_and_elu_gradients_for_several_alphas(alpha):
    x = away_from_kinks((100,), np.random.default_rng(1))
    assert check_activation(A.LeakyReLU(alpha), x) < 1e-7
    assert check_activation(A.ELU(alpha), x) < 1e-7


# --------------------------------------------------------------------------- errors and get()

@pytest.mark.parametrize("act", ALL, ids=IDS)
@pytest.mark.parametrize("bad", ["relu", ["a", "b"], None])
def test_non_numeric_input_raises_type_error(act, bad):
    with pytest.raises(TypeError, match="numeric") as info:
        act.forward(bad)
    # the message says what came
    assert str(np.asarray(bad).dtype) in str(info.value)
    with pytest.raises(TypeError, match="numeric"):
        act.derivative(bad)


@pytest.mark.parametrize("name, cls", [("sigmoid", A.Sigmoid), ("tanh", A.Tanh), ("relu", A.ReLU),
                                       ("leaky_relu", A.LeakyReLU), ("elu", A.ELU),
                                       ("identity", A.Identity), ("linear", A.Identity),
                                       ("ReLU", A.ReLU), ("TANH", A.Tanh)])
def test_get_by_name(name, cls):
    assert type(A.get(name)) is cls


def test_get_none_class_and_instance():
    assert isinstance(A.get(None), A.Identity)
    assert isinstance(A.get(A.ReLU), A.ReLU)
    act = A.LeakyReLU(0.3)
    assert A.get(act) is act


def test_get_unknown_name_lists_choices():
    with pytest.raises(ValueError) as info:
        A.get("swish")
    msg = str(info.value)
    assert "'swish'" in msg and "relu" in msg and "tanh" in msg


@pytest.mark.parametrize("bad", [3, object(), [1, 2]])
def test_get_rejects_objects_without_forward_and_derivative(bad):
    with pytest.raises(TypeError, match="forward"):
        A.get(bad)


def test_repr():
    assert repr(A.ReLU()) == "ReLU()"
    assert repr(A.LeakyReLU(0.2)) == "LeakyReLU(alpha=0.2)"
    assert repr(A.ELU(1.5)) == "ELU(alpha=1.5)"
