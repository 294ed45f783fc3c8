"""Tests for numpynet.diagnostics: activation statistics, layer_stats, the init experiment, confusion matrix."""
import numpy as np
import pytest

from numpynet import Sequential
from numpynet import activations as A
from numpynet import diagnostics as D
from numpynet import initializers as I
from numpynet import layers as L


# =========================================================================== activation_stats

def test_activation_stats_dead_relu_units():
    a = np.array([[0.0, 1.0, 0.0, -0.5],
                  [0.0, 2.0, 0.0, 0.0],
                  [0.0, 0.0, 0.0, 3.0]])
    s = D.activation_stats(a, A.ReLU())
    assert s["frac_dead"] == 0.5                 # columns 0 and 2 are 0 for every example
    assert s["frac_zero"] == pytest.approx(8 / 12)
    assert s["mean"] == pytest.approx(5.5 / 12)
    assert s["std"] == pytest.approx(a.std())
    assert s["frac_saturated"] == 0.0            # ReLU never saturates


def test_activation_stats_no_dead_unit_if_one_example_is_active():
    a = np.zeros((100, 3))
    a[57, 1] = 1e-6
    assert D.activation_stats(a)["frac_dead"] == pytest.approx(2 / 3)


def test_activation_stats_dead_units_of_images_are_positions_and_channels():
    a = np.ones((2, 2, 2, 2))
    a[:, 0, 0, :] = 0.0           # position (0, 0) dead in both channels: 2 of 8 units
    a[0, 1, 1, 0] = 0.0           # zero for one example only: not dead
    s = D.activation_stats(a, A.ReLU())
    assert s["frac_dead"] == 0.25
    assert s["frac_zero"] == pytest.approx(5 / 16)
    assert D.activation_stats(np.zeros((3, 4, 4, 2)), A.ReLU())["frac_dead"] == 1.0


def test_activation_stats_tanh_saturation():
    a = np.array([[0.995, -0.999, 0.5, 0.0],
                  [0.1, -0.2, 0.99, -0.991]])
    s = D.activation_stats(a, A.Tanh())
    assert s["frac_saturated"] == pytest.approx(3 / 8)      # |a| > 0.99; 0.99 itself is not
    assert D.activation_stats(a)["frac_saturated"] == 0.0   # no activation: not measured
    assert D.activation_stats(np.sign(np.random.default_rng(0).standard_normal((10, 10))),
                              A.Tanh())["frac_saturated"] == 1.0


def test_activation_stats_sigmoid_saturation():
    a = np.array([[0.995, 0.001, 0.5, 0.3],
                  [0.98, 0.009, 0.2, 0.7]])
    s = D.activation_stats(a, A.Sigmoid())
    assert s["frac_saturated"] == pytest.approx(3 / 8)      # 0.995, 0.001, 0.009
    # the same values read as tanh: only 0.995 is near +-1
    assert D.activation_stats(a, A.Tanh())["frac_saturated"] == pytest.approx(1 / 8)


def test_activation_stats_sigmoid_saturation_boundary_is_symmetric():
    s = D.activation_stats(np.array([[0.01, 0.99]]), A.Sigmoid())
    assert s["frac_saturated"] == 0.0


def test_activation_stats_of_a_really_saturated_tanh_layer():
    z = np.random.default_rng(0).standard_normal((50, 20)) * 100   # pre-activations in the hundreds
    s = D.activation_stats(np.tanh(z), A.Tanh())
    assert s["frac_saturated"] > 0.95
    assert s["frac_dead"] == 0.0


# =========================================================================== layer_stats

def test_layer_stats_on_a_small_model():
    dense1 = L.Dense(3, 3, "relu", dtype=np.float64)
    dense1.params["W"][...] = np.eye(3)
    dense1.params["b"][...] = [-100.0, 0.0, 0.0]             # unit 0 can never fire: dead
    dense2 = L.Dense(3, 2, "tanh", dtype=np.float64)
    dense2.params["W"][...] = [[0.0, 0.0], [1000.0, -1000.0], [1000.0, 1000.0]]
    model = Sequential([dense1, L.Dropout(0.5, rng=0), dense2])
    x = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    rows = D.layer_stats(model, x)
    assert [r["layer"] for r in rows] == [0, 1, 2]
    assert [r["name"] for r in rows] == ["Dense", "Dropout", "Dense"]
    r0, r1, r2 = rows
    assert r0["frac_dead"] == pytest.approx(1 / 3)
    assert r0["frac_zero"] == pytest.approx(1 / 3)
    assert r0["frac_pre_negative"] == pytest.approx(1 / 3)   # z = x - [100, 0, 0]
    assert r0["pre_mean"] == pytest.approx(np.mean(x - [100.0, 0.0, 0.0]))
    assert r0["mean"] == pytest.approx(np.mean([0, 2, 3, 0, 5, 6]))
    # eval mode: dropout passes its input through unchanged
    assert r1["mean"] == r0["mean"] and r1["std"] == r0["std"]
    assert "pre_mean" not in r1
    assert r2["frac_saturated"] == 1.0                         # every tanh output is +-1
    assert r2["pre_std"] > 1000


def test_layer_stats_on_a_conv_model():
    model = Sequential([L.Conv2D(1, 4, 3, activation="relu", rng=0), L.MaxPool2D(2), L.Flatten(),
                        L.Dense(16, 3, rng=1)])
    x = np.random.default_rng(0).standard_normal((5, 6, 6, 1))
    rows = D.layer_stats(model, x)
    assert [r["name"] for r in rows] == ["Conv2D", "MaxPool2D", "Flatten", "Dense"]
    conv_out = model.layers[0].forward(x, training=False)
    assert rows[0]["frac_zero"] == pytest.approx(np.mean(conv_out == 0))
    assert 0.0 < rows[0]["frac_pre_negative"] < 1.0
    assert rows[0]["frac_pre_negative"] == pytest.approx(rows[0]["frac_zero"])  # relu zeros = negatives
    assert "pre_mean" in rows[3] and "pre_mean" not in rows[1]


def test_layer_stats_dead_and_saturated_only_for_layers_with_an_activation():
    # all-zero images: every pixel is 0 for every example, every hidden unit gets z = 0 (dead ReLU),
    # and the logits are 0 too; only the hidden layers are units that can be dead
    model = Sequential([L.Flatten(), L.Dense(4, 3, "relu", rng=0), L.Dense(3, 3, "tanh", rng=1),
                        L.Dense(3, 2, rng=2)])
    rows = D.layer_stats(model, np.zeros((5, 2, 2, 1)))
    assert [r["name"] for r in rows] == ["Flatten", "Dense", "Dense", "Dense"]
    assert rows[1]["frac_dead"] == 1.0 and rows[1]["frac_saturated"] == 0.0
    assert rows[2]["frac_dead"] == 1.0                        # tanh(0) = 0 for every example
    for r in (rows[0], rows[3]):                              # Flatten, and the logits (Identity)
        assert r["frac_dead"] is None and r["frac_saturated"] is None
        assert r["frac_zero"] == 1.0                          # still measured: the values are 0
    assert "pre_mean" in rows[3]                              # a Dense layer keeps its pre-activation
    assert not D.has_units(L.Flatten()) and not D.has_units(L.Dense(2, 2, rng=0))
    assert D.has_units(L.Dense(2, 2, "relu", rng=0)) and D.has_units(L.Conv2D(1, 2, 3, activation="relu", rng=0))


def test_print_layer_stats_shows_a_dash_where_there_are_no_units(capsys):
    model = Sequential([L.Flatten(), L.Dense(4, 3, "relu", rng=0), L.Dense(3, 2, rng=1)])
    D.print_layer_stats(D.layer_stats(model, np.zeros((2, 2, 2, 1))))
    lines = capsys.readouterr().out.strip().splitlines()
    header, flatten, hidden, logits = lines
    assert flatten.split()[-2:] == ["-", "-"] and logits.split()[-2:] == ["-", "-"]
    assert hidden.split()[-2:] == ["100.0%", "0.0%"]
    assert len(flatten) == len(hidden) == len(logits)         # the columns stay aligned


def test_print_layer_stats(capsys):
    model = Sequential([L.Dense(3, 4, "relu", rng=0), L.Dense(4, 2, "tanh", rng=1)])
    D.print_layer_stats(D.layer_stats(model, np.ones((2, 3))))
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert "dead" in lines[0] and "saturated" in lines[0]
    assert "Dense" in lines[1] and "%" in lines[1]


# =========================================================================== the init experiment

def test_deep_tanh_with_small_weights_collapses():
    outs = D.deep_net_experiment(lambda shape, rng: I.normal(shape, 0.01, rng), "tanh")
    stds = [float(o.std()) for o in outs]
    assert len(stds) == 10 and outs[0].shape == (1000, 500)
    # the course figures: 0.21, 0.048, 0.011, ... -> ~0
    assert stds[0] == pytest.approx(0.21, rel=0.1)
    assert stds[1] == pytest.approx(0.048, rel=0.1)
    assert all(b < 0.3 * a for a, b in zip(stds, stds[1:]))   # falls by ~4.5x per layer
    assert stds[-1] < 1e-5


def test_deep_tanh_with_large_weights_saturates():
    outs = D.deep_net_experiment(lambda shape, rng: I.normal(shape, 1.0, rng), "tanh")
    stds = [float(o.std()) for o in outs]
    assert all(s > 0.5 for s in stds)
    assert all(s == pytest.approx(0.98, abs=0.02) for s in stds)
    assert all(D.activation_stats(o, A.Tanh())["frac_saturated"] > 0.8 for o in outs)


def test_deep_relu_xavier_shrinks_and_he_keeps_the_spread():
    xavier = [float(o.std()) for o in D.deep_net_experiment(I.xavier_normal, "relu")]
    he = [float(o.std()) for o in D.deep_net_experiment(I.he_normal, "relu")]
    assert xavier[-1] < 0.1 and xavier[-1] < 0.2 * xavier[0]
    assert he[-1] > 0.5


def test_batch_norm_restores_the_small_init_tanh_network():
    outs = D.deep_net_experiment(lambda shape, rng: I.normal(shape, 0.01, rng), "tanh", norm=L.BatchNorm)
    stds = [float(o.std()) for o in outs]
    # every pre-activation is unit-Gaussian again, so every layer's tanh has the std of tanh(z), z ~ N(0, 1)
    assert all(s == pytest.approx(0.63, abs=0.02) for s in stds), stds


def test_deep_net_experiment_is_reproducible():
    a = D.deep_net_experiment(I.xavier_normal, "tanh", depth=3, width=50, n=20, seed=1)
    b = D.deep_net_experiment(I.xavier_normal, "tanh", depth=3, width=50, n=20, seed=1)
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)


def test_deep_activations_hand_example():
    x = np.array([[1.0, -2.0]])
    weights = [np.array([[2.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 1.0], [1.0, -1.0]])]
    outs = D.deep_activations(x, weights, "relu")
    np.testing.assert_array_equal(outs[0], [[2.0, 0.0]])
    np.testing.assert_array_equal(outs[1], [[2.0, 2.0]])
    outs = D.deep_activations(x, weights, None)                 # identity: plain products
    np.testing.assert_array_equal(outs[1], [[0.0, 4.0]])


# =========================================================================== confusion matrix

def test_confusion_matrix_hand_example():
    cm = D.confusion_matrix([0, 1, 2, 2, 1, 0], [0, 2, 2, 2, 1, 1], num_classes=3)
    np.testing.assert_array_equal(cm, [[1, 1, 0],     # row = true class, column = predicted
                                       [0, 1, 1],
                                       [0, 0, 2]])
    assert cm.sum() == 6


def test_confusion_matrix_default_ten_classes():
    y = np.arange(10)
    cm = D.confusion_matrix(y, y)
    np.testing.assert_array_equal(cm, np.eye(10, dtype=int))
    cm = D.confusion_matrix(np.array([3, 3, 3]), np.array([5, 3, 5]))
    assert cm.shape == (10, 10) and cm[3, 5] == 2 and cm[3, 3] == 1 and cm.sum() == 3


def test_confusion_matrix_shape_mismatch():
    with pytest.raises(ValueError) as info:
        D.confusion_matrix([0, 1], [0], num_classes=3)
    assert "(2,)" in str(info.value) and "(1,)" in str(info.value)


def test_confusion_matrix_rejects_out_of_range_labels():
    with pytest.raises(ValueError):
        D.confusion_matrix([0, 1], [1, 3], num_classes=3)
