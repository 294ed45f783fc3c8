"""Tests for numpynet.model.Sequential and numpynet.training: naming, determinism, babysitting checks."""
import math
import os
from pathlib import Path

import numpy as np
import pytest

from numpynet import Sequential, data
from numpynet import initializers as I
from numpynet import layers as L
from numpynet import losses
from numpynet import optimizers as O
from numpynet import training as T

NAMES = [name for name, _ in data.FILES.values()]


def _real_mnist_dir():
    candidates = [os.environ.get("MNIST_DIR"), Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist"]
    for folder in candidates:
        if folder and all((Path(folder) / name).is_file() for name in NAMES):
            return Path(folder)
    return None


@pytest.fixture(scope="module")
def mnist_small():
    """The first 2000 training images, flattened to (N, 784), and their labels."""
    folder = _real_mnist_dir()
    if folder is None:
        pytest.skip("MNIST files not available (set MNIST_DIR or put them in ../shared/data/mnist)")
    m = data.load_mnist(folder, allow_download=False)
    x = np.ascontiguousarray(m.x_train[:2000].reshape(2000, -1))
    y = m.y_train[:2000].copy()
    return x, y


def mlp(hidden=32, seed=0, init=I.he_normal):
    return Sequential([L.Dense(784, hidden, "relu", initializer=init, rng=seed),
                       L.Dense(hidden, 10, initializer=init, rng=seed + 1)])


def small_normal(shape, rng):
    return I.normal(shape, 0.01, rng)


# =========================================================================== Sequential

def small_model():
    return Sequential([L.Conv2D(1, 2, 3, activation="relu", rng=0), L.MaxPool2D(2), L.Flatten(),
                       L.Dense(8, 4, "relu", rng=1), L.Dropout(0.5, rng=0), L.BatchNorm(4),
                       L.Dense(4, 3, rng=2)])


def test_sequential_parameter_names():
    model = small_model()
    expected = ["0.W", "0.b", "3.W", "3.b", "5.gamma", "5.beta", "6.W", "6.b"]
    assert list(model.params()) == expected
    assert list(model.grads()) == expected
    assert model.num_params() == 18 + 2 + 32 + 4 + 4 + 4 + 12 + 3


def test_sequential_params_and_grads_are_the_layers_own_arrays():
    model = small_model()
    params, grads = model.params(), model.grads()
    for name in params:
        index, key = name.split(".")
        layer = model.layers[int(index)]
        assert params[name] is layer.params[key]
        assert grads[name] is layer.grads[key]


def test_sequential_backward_fills_the_grads_seen_through_grads():
    model = small_model()
    grads = model.grads()
    x = np.random.default_rng(0).standard_normal((4, 6, 6, 1))
    out = model.forward(x)
    model.backward(np.ones_like(out))
    assert np.any(grads["0.W"] != 0) and np.any(grads["6.W"] != 0)
    np.testing.assert_allclose(grads["6.b"], [4.0, 4.0, 4.0])


def test_optimizer_on_model_params_changes_the_layers():
    model = small_model()
    before = model.layers[0].params["W"].copy()
    model.forward(np.random.default_rng(0).standard_normal((4, 6, 6, 1)))
    model.backward(np.ones((4, 3)))
    O.SGD(0.1).step(model.params(), model.grads())
    np.testing.assert_allclose(model.layers[0].params["W"], before - 0.1 * model.layers[0].grads["W"],
                               rtol=1e-6)


def test_sequential_forward_and_backward_are_the_composition():
    l1, l2 = L.Dense(3, 4, "tanh", rng=0, dtype=np.float64), L.Dense(4, 2, rng=1, dtype=np.float64)
    model = Sequential([l1, l2])
    x = np.random.default_rng(0).standard_normal((5, 3))
    out = model(x)
    np.testing.assert_allclose(out, np.tanh(x @ l1.params["W"]) @ l2.params["W"], rtol=1e-12)
    dout = np.random.default_rng(1).standard_normal((5, 2))
    dx = model.backward(dout)
    da = dout @ l2.params["W"].T
    np.testing.assert_allclose(dx, (da * (1 - np.tanh(x @ l1.params["W"]) ** 2)) @ l1.params["W"].T,
                               rtol=1e-12)


def test_sequential_record_keeps_every_output():
    model = small_model()
    x = np.random.default_rng(0).standard_normal((4, 6, 6, 1))
    out = model.forward(x, training=False, record=True)
    assert len(model.outputs) == len(model.layers)
    assert model.outputs[-1] is out
    assert [o.shape for o in model.outputs] == [(4, 4, 4, 2), (4, 2, 2, 2), (4, 8), (4, 4), (4, 4),
                                                (4, 4), (4, 3)]
    model.forward(x)
    assert model.outputs is None


def test_predict_in_batches_equals_one_batch():
    model = small_model()
    x = np.random.default_rng(0).standard_normal((25, 6, 6, 1))
    full = model.predict_logits(x, batch_size=1000)
    np.testing.assert_allclose(model.predict_logits(x, batch_size=7), full, rtol=1e-6)
    np.testing.assert_array_equal(model.predict(x, batch_size=4), full.argmax(axis=1))


def test_predict_keeps_no_cache_for_a_backward_pass():
    model = small_model()
    x = np.random.default_rng(0).standard_normal((5, 6, 6, 1))
    model.forward(x)
    model.predict(x, batch_size=2)
    assert [layer.cache for layer in model.layers] == [None] * len(model.layers)
    with pytest.raises(RuntimeError, match="backward called before forward"):
        model.backward(np.ones((5, 3)))


def test_predict_on_an_empty_input():
    model = Sequential([L.Dense(3, 2, rng=0)])
    pred = model.predict(np.zeros((0, 3), dtype=np.float32))
    assert pred.shape == (0,)


def test_sequential_repr_lists_layers_and_parameter_count():
    text = repr(Sequential([L.Dense(3, 2, activation="relu", rng=0)]))
    assert "(0) Dense(3, 2, activation=ReLU())" in text and "# 8 parameters" in text


# =========================================================================== accuracy

def identity_classifier():
    layer = L.Dense(2, 2, dtype=np.float64)
    layer.params["W"][...] = np.eye(2)
    return Sequential([layer])


def test_accuracy_hand_example():
    model = identity_classifier()                       # predicts argmax of the input
    x = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 1.0], [0.0, 3.0]])
    y = np.array([0, 1, 1, 1])
    assert T.accuracy(model, x, y) == 0.75
    assert T.accuracy(model, x, y, batch_size=1) == 0.75
    assert T.evaluate(model, x, np.array([1, 0, 1, 0])) == 0.0   # predictions are [0, 1, 0, 1]
    assert isinstance(T.accuracy(model, x, y), float)


def test_accuracy_length_mismatch():
    with pytest.raises(ValueError) as info:
        T.accuracy(identity_classifier(), np.zeros((3, 2)), np.zeros(2, dtype=int))
    assert "3 examples" in str(info.value) and "2 labels" in str(info.value)


def test_accuracy_uses_eval_mode():
    model = Sequential([L.Dropout(0.9, rng=0), identity_classifier().layers[0]])
    x = np.array([[1.0, 0.0], [0.0, 1.0]] * 50)
    y = np.array([0, 1] * 50)
    assert T.accuracy(model, x, y) == 1.0               # dropout off: no randomness


# =========================================================================== train()

def test_train_is_deterministic_for_a_seed(mnist_small):
    x, y = mnist_small[0][:200], mnist_small[1][:200]
    m1, m2 = mlp(seed=0), mlp(seed=0)
    h1 = T.train(m1, O.Adam(1e-3), x, y, epochs=2, batch_size=50, seed=3, progress=False)
    h2 = T.train(m2, O.Adam(1e-3), x, y, epochs=2, batch_size=50, seed=3, progress=False)
    assert len(h1["loss"]) == 8
    assert h1["loss"] == h2["loss"]                      # identical, not just close
    assert h1["train_acc"] == h2["train_acc"]
    for name, value in m1.params().items():
        np.testing.assert_array_equal(value, m2.params()[name])
    h3 = T.train(mlp(seed=0), O.Adam(1e-3), x, y, epochs=2, batch_size=50, seed=4, progress=False)
    assert h3["loss"] != h1["loss"]                      # the seed drives the shuffle


def test_train_history_layout(mnist_small):
    x, y = mnist_small[0][:120], mnist_small[1][:120]
    h = T.train(mlp(), O.SGD(0.01), x, y, epochs=2, batch_size=50, x_val=x[:40], y_val=y[:40],
                progress=False)
    assert len(h["loss"]) == 6                           # ceil(120 / 50) = 3 per epoch
    assert h["iteration"] == [3, 6]
    assert len(h["train_acc"]) == 2 and len(h["val_acc"]) == 2
    assert all(0.0 <= a <= 1.0 for a in h["train_acc"] + h["val_acc"])
    assert all(isinstance(v, float) for v in h["loss"])


def test_fresh_softmax_model_loss_is_ln_10(mnist_small):
    x, y = mnist_small
    model = mlp(hidden=100, init=small_normal)
    loss, _ = losses.softmax_cross_entropy(model.forward(x[:1000]), y[:1000])
    assert abs(loss - math.log(10)) < 0.01
    # and train() reports the same first loss
    h = T.train(mlp(hidden=100, init=small_normal), O.SGD(1e-6), x[:50], y[:50], batch_size=50,
                progress=False)
    assert abs(h["loss"][0] - math.log(10)) < 0.01


def test_regularization_raises_the_loss_by_the_l2_term(mnist_small):
    x, y = mnist_small[0][:50], mnist_small[1][:50]
    a, b = mlp(seed=0), mlp(seed=0)
    l2 = 0.5 * 0.1 * sum(float(np.sum(p.astype(np.float64) ** 2))
                         for name, p in a.params().items() if name.endswith("W"))
    loss0 = T.train_step(a, O.SGD(1e-9), x, y, reg=0.0)
    loss1 = T.train_step(b, O.SGD(1e-9), x, y, reg=0.1)
    assert loss1 > loss0
    assert loss1 - loss0 == pytest.approx(l2, rel=1e-5)


def test_regularization_adds_reg_times_w_to_the_weight_gradients(mnist_small):
    x, y = mnist_small[0][:50], mnist_small[1][:50]
    a, b = [Sequential([L.Dense(784, 32, "relu", rng=0, dtype=np.float64),
                        L.Dense(32, 10, rng=1, dtype=np.float64)]) for _ in range(2)]
    before = {k: v.copy() for k, v in a.params().items()}
    lr, reg = 0.1, 0.5
    T.train_step(a, O.SGD(lr), x, y, reg=0.0)
    T.train_step(b, O.SGD(lr), x, y, reg=reg)
    for name, w0 in before.items():
        diff = b.params()[name] - a.params()[name]
        if name.endswith(".W"):          # SGD: the extra step is lr * reg * W
            np.testing.assert_allclose(diff, -lr * reg * w0, rtol=1e-6, atol=1e-12)
        else:                            # biases are not regularized
            np.testing.assert_allclose(diff, 0.0, atol=1e-12)


def test_training_lowers_the_loss(mnist_small):
    x, y = mnist_small
    model = mlp(hidden=32)
    h = T.train(model, O.Adam(3e-3), x, y, epochs=1, batch_size=50, progress=False)
    assert len(h["loss"]) == 40
    assert np.mean(h["loss"][-5:]) < 0.5 * h["loss"][0]
    assert T.accuracy(model, x, y) > 0.7


def test_overfit_20_examples_to_100_percent(mnist_small):
    x, y = mnist_small[0][:20], mnist_small[1][:20]
    model = Sequential([L.Dense(784, 50, "relu", rng=0), L.Dense(50, 10, rng=1)])
    h = T.train(model, O.Adam(1e-2), x, y, epochs=30, batch_size=20, progress=False)
    assert T.accuracy(model, x, y) == 1.0
    assert h["loss"][-1] < 0.01
    assert h["train_acc"][-1] == 1.0


def test_max_iters_stops_early(mnist_small):
    x, y = mnist_small
    h = T.train(mlp(), O.SGD(0.01), x, y, epochs=5, batch_size=50, max_iters=7, progress=False)
    assert len(h["loss"]) == 7
    assert h["iteration"] == [7]


def test_max_iters_with_eval_every(mnist_small):
    x, y = mnist_small
    h = T.train(mlp(), O.SGD(0.01), x, y, epochs=5, batch_size=50, max_iters=7, eval_every=3,
                x_val=x[:100], y_val=y[:100], progress=False)
    assert len(h["loss"]) == 7
    assert h["iteration"] == [3, 6, 7]
    assert len(h["val_acc"]) == 3 and len(h["train_acc"]) == 3


def test_max_iters_larger_than_the_epochs_allow(mnist_small):
    x, y = mnist_small[0][:100], mnist_small[1][:100]
    h = T.train(mlp(), O.SGD(0.01), x, y, epochs=1, batch_size=50, max_iters=100, progress=False)
    assert len(h["loss"]) == 2


def _nan_model():
    return Sequential([L.Dense(20, 32, "relu", rng=0), L.Dense(32, 32, "relu", rng=2), L.Dense(32, 10, rng=1)])


def test_nan_loss_stops_training(capsys):
    rng = np.random.default_rng(0)
    x, y = rng.random((200, 20)).astype(np.float32), rng.integers(0, 10, 200)
    with np.errstate(all="ignore"):
        h = T.train(_nan_model(), O.SGD(1e20), x, y, epochs=3, batch_size=20, progress=False)
    assert len(h["loss"]) < 30                           # 30 iterations were planned
    assert not math.isfinite(h["loss"][-1])
    assert all(math.isfinite(v) for v in h["loss"][:-1])
    out = capsys.readouterr()
    assert "learning rate is too high" in out.out + out.err


def test_nan_loss_does_not_stop_when_asked_not_to():
    rng = np.random.default_rng(0)
    x, y = rng.random((200, 20)).astype(np.float32), rng.integers(0, 10, 200)
    with np.errstate(all="ignore"):
        h = T.train(_nan_model(), O.SGD(1e20), x, y, epochs=1, batch_size=20, progress=False,
                    stop_on_nan=False)
    assert len(h["loss"]) == 10


def test_train_length_mismatch():
    with pytest.raises(ValueError) as info:
        T.train(identity_classifier(), O.SGD(0.1), np.zeros((5, 2)), np.zeros(4, dtype=int), progress=False)
    assert "5 examples" in str(info.value) and "4 labels" in str(info.value)


def test_train_a_model_whose_first_layer_has_no_parameters(mnist_small):
    """Flatten first (images in, NHWC): training must give what training on flat vectors gives."""
    x, y = mnist_small[0][:100], mnist_small[1][:100]
    images = x.reshape(100, 28, 28, 1)
    flat_model = mlp(seed=5)
    image_model = Sequential([L.Flatten(), *mlp(seed=5).layers])
    h1 = T.train(flat_model, O.Adam(1e-3), x, y, epochs=1, batch_size=25, progress=False)
    h2 = T.train(image_model, O.Adam(1e-3), images, y, epochs=1, batch_size=25, progress=False)
    np.testing.assert_allclose(h2["loss"], h1["loss"], rtol=1e-6)
    np.testing.assert_allclose(image_model.params()["1.W"], flat_model.params()["0.W"], rtol=1e-5, atol=1e-7)


def test_train_with_mse_loss():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 3))
    target = x @ np.array([[1.0], [-2.0], [0.5]])
    model = Sequential([L.Dense(3, 1, rng=0, dtype=np.float64)])
    h = T.train(model, O.SGD(0.1), x, target, epochs=30, batch_size=16, loss_fn=losses.mse, progress=False)
    assert h["loss"][-1] < 1e-6
    np.testing.assert_allclose(model.layers[0].params["W"].ravel(), [1.0, -2.0, 0.5], atol=1e-3)
