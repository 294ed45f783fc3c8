"""Tests for numpynet.optimizers: hand-computed steps, Adam's scale invariance, state, errors."""
import numpy as np
import pytest

from numpynet import optimizers as O

G1 = np.array([0.5, -1.0])
G2 = np.array([1.0, 1.0])


def two_steps(opt, p0=(1.0, 2.0)):
    p = np.array(p0)
    params = {"w": p}
    opt.step(params, {"w": G1.copy()})
    p1 = p.copy()
    opt.step(params, {"w": G2.copy()})
    return p1, p.copy()


# --------------------------------------------------------------------------- hand-computed steps

def test_sgd_two_steps():
    p1, p2 = two_steps(O.SGD(0.1))
    np.testing.assert_allclose(p1, [0.95, 2.1], rtol=1e-15)
    np.testing.assert_allclose(p2, [0.85, 2.0], rtol=1e-15)


def test_momentum_two_steps():
    # v1 = -0.1 g1 = [-0.05, 0.1];  v2 = 0.9 v1 - 0.1 g2 = [-0.145, -0.01]
    p1, p2 = two_steps(O.Momentum(0.1, momentum=0.9))
    np.testing.assert_allclose(p1, [0.95, 2.1], rtol=1e-14)
    np.testing.assert_allclose(p2, [0.805, 2.09], rtol=1e-14)


def test_nesterov_two_steps():
    # p += (1 + mu) v - mu v_prev:  p1 = p0 + 1.9 v1;  p2 = p1 + 1.9 v2 - 0.9 v1
    p1, p2 = two_steps(O.Momentum(0.1, momentum=0.9, nesterov=True))
    np.testing.assert_allclose(p1, [0.905, 2.19], rtol=1e-14)
    np.testing.assert_allclose(p2, [0.6745, 2.081], rtol=1e-14)


def test_momentum_zero_is_sgd():
    a = two_steps(O.Momentum(0.1, momentum=0.0))
    b = two_steps(O.SGD(0.1))
    np.testing.assert_allclose(a, b, rtol=1e-15)


def test_rmsprop_two_steps():
    # cache1 = 0.1 g1^2 = [0.025, 0.1];  step = 0.01 g / sqrt(cache) = 0.01 * sqrt(10) * sign(g)
    # cache2 = 0.9 cache1 + 0.1 = [0.1225, 0.19]; step = 0.01 / [0.35, sqrt(0.19)]
    p1, p2 = two_steps(O.RMSProp(0.01, decay=0.9))
    eps = 1e-8
    s1 = np.sqrt([0.025, 0.1])
    np.testing.assert_allclose(p1, [1 - 0.01 * 0.5 / (s1[0] + eps), 2 + 0.01 / (s1[1] + eps)], rtol=1e-12)
    np.testing.assert_allclose(p1, [1 - 0.01 * np.sqrt(10), 2 + 0.01 * np.sqrt(10)], rtol=1e-8)
    np.testing.assert_allclose(p2, [p1[0] - 0.01 / (0.35 + eps), p1[1] - 0.01 / (np.sqrt(0.19) + eps)],
                               rtol=1e-12)
    np.testing.assert_allclose(p2, [0.9398058, 2.0086812], rtol=1e-7)


def test_adam_two_steps():
    # t=1: m_hat = g1, v_hat = g1^2 -> step lr * sign(g1)
    # t=2: m = [0.145, 0.01], v = [0.00124975, 0.001999]
    #      m_hat = m / 0.19, v_hat = v / (1 - 0.999^2) = v / 0.001999
    p1, p2 = two_steps(O.Adam(0.1, beta1=0.9, beta2=0.999, eps=1e-8))
    np.testing.assert_allclose(p1, [1 - 0.1 * 0.5 / (0.5 + 1e-8), 2 + 0.1 / (1 + 1e-8)], rtol=1e-12)
    np.testing.assert_allclose(p1, [0.9, 2.1], rtol=1e-8)
    m_hat = np.array([0.145, 0.01]) / 0.19
    v_hat = np.array([0.00124975, 0.001999]) / 0.001999
    np.testing.assert_allclose(p2, p1 - 0.1 * m_hat / (np.sqrt(v_hat) + 1e-8), rtol=1e-9)
    np.testing.assert_allclose(p2, [0.8034818, 2.0947368], rtol=1e-7)


def adam_by_formula(p, grads, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    """Adam's steps on a float64 copy of ``p``, written out on whole arrays."""
    p, m, v = p.astype(np.float64), np.zeros(p.shape), np.zeros(p.shape)
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        p -= lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
    return p


@pytest.mark.parametrize("layout", ["several blocks and a partial one", "not C-contiguous"])
def test_adam_updates_every_number_of_a_large_or_strided_parameter(layout):
    """Adam updates a parameter in blocks of O.BLOCK numbers: every block, the last partial one,
    and an array it cannot flatten without a copy (updated whole) must get the same steps."""
    rng = np.random.default_rng(0)
    p = rng.standard_normal(2 * O.BLOCK + 123, dtype=np.float32)
    if layout == "not C-contiguous":
        p = rng.standard_normal((300, 200), dtype=np.float32).T
    grads = [rng.standard_normal(p.shape, dtype=np.float32) for _ in range(3)]
    expected = adam_by_formula(p, grads)
    opt = O.Adam()
    for g in grads:
        opt.step({"W": p}, {"W": g})
    np.testing.assert_allclose(p, expected, rtol=1e-5, atol=1e-7)


def test_adam_defaults():
    opt = O.Adam()
    assert (opt.lr, opt.beta1, opt.beta2, opt.eps) == (1e-3, 0.9, 0.999, 1e-8)


def test_adam_step_count_starts_at_one_per_parameter():
    opt = O.Adam(0.1)
    p = np.zeros(2)
    opt.step({"w": p}, {"w": np.ones(2)})
    assert opt.state["w"]["t"] == 1
    opt.step({"w": p}, {"w": np.ones(2)})
    assert opt.state["w"]["t"] == 2


# --------------------------------------------------------------------------- Adam's scale invariance

@pytest.mark.parametrize("g", [1e-6, 1e-3, 1.0, 1e3])
def test_adam_first_step_is_lr_whatever_the_gradient_scale(g):
    lr = 1e-3
    p = np.array([1.0, -1.0, 0.0])
    grad = np.array([g, -g, g])
    O.Adam(lr).step({"w": p}, {"w": grad})
    # exact Kingma-Ba value: lr * |g| / (|g| + eps); within 1% of lr down to g = 1e-6
    np.testing.assert_allclose(p - [1.0, -1.0, 0.0], -lr * np.sign(grad) * g / (g + 1e-8), rtol=1e-9)
    np.testing.assert_allclose(np.abs(p - [1.0, -1.0, 0.0]), lr, rtol=0.01)


def test_adam_first_step_for_tiny_gradient_1e_8():
    """With g = 1e-8 = eps the standard formula gives lr * g / (g + eps) = lr / 2; with a
    smaller eps the step is ~lr again (the scale invariance is limited only by eps)."""
    lr, g = 1e-3, 1e-8
    p = np.array([1.0])
    O.Adam(lr).step({"w": p}, {"w": np.array([g])})
    np.testing.assert_allclose(1.0 - p, [lr / 2], rtol=1e-6)
    p = np.array([1.0])
    O.Adam(lr, eps=1e-14).step({"w": p}, {"w": np.array([g])})
    np.testing.assert_allclose(1.0 - p, [lr], rtol=1e-5)


@pytest.mark.parametrize("g", [0.5, -30.0, 1e3])
def test_adam_constant_gradient_moves_exactly_lr_per_step(g):
    lr = 0.01
    p = np.zeros(3)
    opt = O.Adam(lr)
    for _ in range(8):
        before = p.copy()
        opt.step({"w": p}, {"w": np.full(3, g)})
        np.testing.assert_allclose(before - p, np.full(3, lr * np.sign(g)), rtol=1e-6)


def test_adam_first_moment_does_not_include_lr():
    """Student bug: m accumulating lr * g instead of (1 - beta1) * g."""
    opt = O.Adam(0.5)
    p = np.zeros(1)
    opt.step({"w": p}, {"w": np.array([2.0])})
    np.testing.assert_allclose(opt.state["w"]["m"], [0.2], rtol=1e-12)
    np.testing.assert_allclose(opt.state["w"]["v"], [0.004], rtol=1e-12)


# --------------------------------------------------------------------------- state and in-place updates

@pytest.mark.parametrize("make", [lambda: O.Momentum(0.1), lambda: O.Momentum(0.1, nesterov=True),
                                  lambda: O.RMSProp(0.01), lambda: O.Adam(0.01)],
                         ids=["momentum", "nesterov", "rmsprop", "adam"])
def test_separate_state_per_parameter_name(make):
    rng = np.random.default_rng(0)
    W, b = rng.standard_normal((2, 3)), rng.standard_normal(3)
    gW = [rng.standard_normal((2, 3)) for _ in range(3)]
    gb = [rng.standard_normal(3) for _ in range(3)]
    # together
    opt = make()
    W1, b1 = W.copy(), b.copy()
    for i in range(3):
        opt.step({"0.W": W1, "0.b": b1}, {"0.W": gW[i], "0.b": gb[i]})
    # each alone, with its own optimizer
    W2, b2 = W.copy(), b.copy()
    oW, ob = make(), make()
    for i in range(3):
        oW.step({"0.W": W2}, {"0.W": gW[i]})
        ob.step({"0.b": b2}, {"0.b": gb[i]})
    np.testing.assert_allclose(W1, W2, rtol=1e-15)
    np.testing.assert_allclose(b1, b2, rtol=1e-15)
    assert set(opt.state) == {"0.W", "0.b"}
    for slot in opt.state.values():
        for key, value in slot.items():
            if key != "t":
                assert value.shape in {(2, 3), (3,)}


def test_momentum_velocity_does_not_leak_between_parameters():
    opt = O.Momentum(0.1, momentum=0.9)
    a, b = np.zeros(2), np.zeros(2)
    opt.step({"a": a, "b": b}, {"a": np.ones(2), "b": np.zeros(2)})
    opt.step({"a": a, "b": b}, {"a": np.zeros(2), "b": np.zeros(2)})
    np.testing.assert_array_equal(b, [0.0, 0.0])
    np.testing.assert_allclose(a, [-0.19, -0.19], rtol=1e-14)


@pytest.mark.parametrize("make", [lambda: O.SGD(0.1), lambda: O.Momentum(0.1),
                                  lambda: O.Momentum(0.1, nesterov=True), lambda: O.RMSProp(0.1),
                                  lambda: O.Adam(0.1)],
                         ids=["sgd", "momentum", "nesterov", "rmsprop", "adam"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_update_is_in_place(make, dtype):
    opt = make()
    p = np.ones((2, 2), dtype=dtype)
    params = {"W": p}
    opt.step(params, {"W": np.full((2, 2), 0.5)})
    assert params["W"] is p
    assert p.dtype == dtype
    assert np.all(p < 1.0)


def test_update_in_place_reaches_views_of_the_parameter():
    """A layer's own array (held elsewhere) must change: the model is trained through it."""
    owner = {"W": np.ones(3)}
    alias = owner["W"]
    O.SGD(1.0).step({"x.W": owner["W"]}, {"x.W": np.array([1.0, 2.0, 3.0])})
    np.testing.assert_array_equal(alias, [0.0, -1.0, -2.0])


def test_extra_gradients_are_ignored():
    p = np.zeros(2)
    O.SGD(1.0).step({"a": p}, {"a": np.ones(2), "unused": np.ones(5)})
    np.testing.assert_array_equal(p, [-1.0, -1.0])


# --------------------------------------------------------------------------- errors

@pytest.mark.parametrize("cls", [O.SGD, O.Momentum, O.RMSProp, O.Adam])
@pytest.mark.parametrize("lr", [0, -0.1, float("nan")])
def test_lr_must_be_positive(cls, lr):
    with pytest.raises(ValueError) as info:
        cls(lr)
    msg = str(info.value)
    assert "positive" in msg and str(lr) in msg


def test_missing_gradient():
    with pytest.raises(ValueError) as info:
        O.SGD(0.1).step({"0.W": np.zeros(2), "0.b": np.zeros(1)}, {"0.W": np.zeros(2)})
    msg = str(info.value)
    assert "no gradient" in msg and "'0.b'" in msg and "'0.W'" in msg


def test_missing_gradient_leaves_parameters_unchanged():
    a, b = np.ones(2), np.ones(2)
    with pytest.raises(ValueError):
        O.SGD(0.1).step({"a": a, "b": b}, {"a": np.ones(2)})
    np.testing.assert_array_equal(a, [1.0, 1.0])


def test_shape_mismatch():
    with pytest.raises(ValueError) as info:
        O.Adam(0.1).step({"0.W": np.zeros((2, 3))}, {"0.W": np.zeros((3, 2))})
    msg = str(info.value)
    assert "'0.W'" in msg and "(3, 2)" in msg and "(2, 3)" in msg


def test_parameter_must_be_an_array():
    with pytest.raises(TypeError, match="NumPy array"):
        O.SGD(0.1).step({"a": [1.0, 2.0]}, {"a": [1.0, 1.0]})


def test_adam_step_allocates_no_arrays():
    """Every part of Adam's formula writes into the optimizer's reused work arrays."""
    import tracemalloc
    p, g = np.ones((500, 200)), np.full((500, 200), 0.5)  # 800 kB each
    opt = O.Adam(0.01)
    opt.step({"W": p}, {"W": g})  # the state and the work arrays are created here
    tracemalloc.start()
    try:
        opt.step({"W": p}, {"W": g})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000


# --------------------------------------------------------------------------- the hidden checks' mistakes

def _catalogs():
    from autograder.checks import optimizers as C
    R = C._R()
    return [(R.SGD, C.SGD_MISTAKES), (R.Momentum, C.MOMENTUM_MISTAKES), (R.Momentum, C.NESTEROV_MISTAKES),
            (R.RMSProp, C.RMSPROP_MISTAKES), (R.Adam, C.ADAM_MISTAKES), (R.Adam, C.ADAM_STATE_MISTAKES)]


def test_each_known_mistake_replaces_methods_of_the_reference_and_changes_the_numbers():
    from autograder.checks import optimizers as C
    rng = np.random.default_rng(1)
    start = {"W": rng.standard_normal((3, 4)), "V": rng.standard_normal((3, 4))}
    grads = [{k: rng.uniform(0.1, 3.0, (3, 4)) * rng.choice([-1, 1], (3, 4)) for k in start} for _ in range(4)]
    for ref_cls, mistakes in _catalogs():
        kwargs = {"lr": 0.01, "nesterov": True} if mistakes is C.NESTEROV_MISTAKES else {"lr": 0.01}
        expected = C._run_reference(ref_cls, kwargs, start, grads)
        for knobs, message in mistakes:
            assert all(callable(getattr(ref_cls, name, None)) for name in knobs), (ref_cls, knobs)
            # one knob, but for the mistakes that are two at once (their comment says why)
            assert len(knobs) == 1 or "v = mu*v + g; p -= v" in message or "one m, v and t" in message
            wrong = C._run_reference(C._wrong(ref_cls, knobs), kwargs, start, grads)
            assert wrong is not None, message
            assert not all(np.array_equal(w[k], e[k]) for w, e in zip(wrong, expected) for k in e), message
