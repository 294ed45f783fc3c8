"""Looking inside a network: per-layer activation statistics, dead and saturated units,
the deep-network initialization experiment and the confusion matrix."""
import numpy as np

from . import activations as _activations

SATURATION = 0.99  # |tanh| above this, sigmoid outside [0.01, 0.99]: the gradient is almost 0


def activation_stats(a, activation=None):
    """Statistics of one layer's activations ``a`` ``(N, units...)``.

    ``frac_dead``: fraction of units (columns; channels and positions for images) that are
    exactly 0 for every example of the batch: they pass no gradient (dead ReLU).
    ``frac_saturated``: fraction of values in a flat region of a tanh or sigmoid.
    """
    a = np.asarray(a, dtype=np.float64)
    units = a.reshape(a.shape[0], -1)
    stats = {"mean": float(a.mean()), "std": float(a.std()),
             "frac_zero": float(np.mean(a == 0)),
             "frac_dead": float(np.mean(np.all(units == 0, axis=0))),
             "frac_saturated": 0.0}
    kind = type(activation).__name__.lower()  # by name, so a student's own Tanh counts too
    if "tanh" in kind:
        stats["frac_saturated"] = float(np.mean(np.abs(a) > SATURATION))
    elif "sigmoid" in kind:
        stats["frac_saturated"] = float(np.mean((a > SATURATION) | (1 - a > SATURATION)))
    return stats


def has_units(layer):
    """Whether ``layer`` ends in an activation, so that its outputs are hidden units that can be
    dead or saturated. Flatten, pooling, dropout and a Dense layer without activation (the
    logits: numpynet stores ``Identity()`` there) have none."""
    activation = getattr(layer, "activation", None)
    return activation is not None and type(activation).__name__ != "Identity"


def layer_stats(model, x):
    """Run ``model`` on ``x`` (eval mode) and return one dict of statistics per layer, with the
    layer's name and, for layers with an activation, the statistics of its pre-activation too.

    ``frac_dead`` and ``frac_saturated`` are measured only for layers with an activation (hidden
    units, ``has_units``); for the others (Flatten, pooling, the logits) they are None: an input
    pixel that is 0 in every image, or a logit, is not a dead unit."""
    model.forward(x, training=False, record=True)
    rows = []
    for i, (layer, out) in enumerate(zip(model.layers, model.outputs)):
        activation = getattr(layer, "activation", None)
        row = {"layer": i, "name": repr(layer).split("(")[0], **activation_stats(out, activation)}
        if not has_units(layer):
            row["frac_dead"] = row["frac_saturated"] = None
        cache = layer.cache
        if activation is not None and isinstance(cache, tuple) and len(cache) in (2, 3):
            z = cache[-1]
            row["pre_mean"], row["pre_std"] = float(np.mean(z)), float(np.std(z))
            row["frac_pre_negative"] = float(np.mean(z < 0))
        rows.append(row)
    return rows


def print_layer_stats(rows):
    """A table of ``layer_stats`` rows, the first thing to look at when a loss does not move.
    ``dead`` and ``saturated`` show "-" for a layer without an activation (None in its row)."""
    def percent(value, width):
        return f"{'-':>{width}}" if value is None else f"{value:>{width}.1%}"

    print(f"{'layer':>5} {'name':<10} {'mean':>10} {'std':>10} {'dead':>7} {'saturated':>10}")
    for r in rows:
        print(f"{r['layer']:>5} {r['name']:<10} {r['mean']:>10.4g} {r['std']:>10.4g} "
              f"{percent(r.get('frac_dead'), 7)} {percent(r.get('frac_saturated'), 10)}")


def deep_activations(x, weights, activation, norm=None):
    """Forward ``x`` through plain layers ``a = f(a @ W)`` and return every layer's activations.

    The initialization experiment: 10 layers of 500 units, unit-Gaussian input, and weights from
    the initializer under study. ``norm``: a layer class (``BatchNorm``), built as
    ``norm(units)`` for each layer and applied to its pre-activations in training mode,
    ``a = f(norm(a @ W))``.
    """
    activation = _activations.get(activation)
    outputs, a = [], np.asarray(x)
    for w in weights:
        z = a @ w
        if norm is not None:
            z = norm(w.shape[1]).forward(z, training=True)
        a = activation.forward(z)
        outputs.append(a)
    return outputs


def deep_net_experiment(init, activation="tanh", depth=10, width=500, n=1000, seed=0, norm=None):
    """Activations of ``depth`` layers of ``width`` units initialized by ``init(shape, rng=rng)``
    (``norm``: see ``deep_activations``)."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, width)).astype(np.float32)
    weights = [init((width, width), rng=rng) for _ in range(depth)]
    return deep_activations(x, weights, activation, norm)


def confusion_matrix(y_true, y_pred, num_classes=10):
    """``(num_classes, num_classes)`` counts: row = true class, column = predicted class."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true and y_pred differ in shape: {y_true.shape} vs {y_pred.shape}")
    for name, labels in (("y_true", y_true), ("y_pred", y_pred)):
        if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
            raise ValueError(f"{name} must hold class indices in [0, {num_classes - 1}], "
                             f"got values from {labels.min()} to {labels.max()}")
    return np.bincount(y_true * num_classes + y_pred, minlength=num_classes ** 2).reshape(num_classes, num_classes)
