"""Numeric gradient checks in float64.

``numeric_gradient`` uses centred differences (f(x+h) - f(x-h)) / 2h; ``rel_error`` is the
relative error as cs231n defines it, max |a - b| / max(1e-8, |a| + |b|). Below about 1e-7 the
analytic gradient is right; above 1e-2 it is almost surely wrong. Kinks (ReLU at 0, ties in a
max-pool window) make numeric gradients meaningless, so the samplers here stay away from them.
"""
import numpy as np


def rel_error(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"rel_error compares arrays of one shape, got {a.shape} and {b.shape}")
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))


def numeric_gradient(f, x, dout=None, h=1e-5):
    """Gradient of ``sum(f(x) * dout)`` with respect to ``x`` (float64, changed and restored in place).

    ``f`` takes no argument and reads ``x``; with ``dout=None`` f must return a scalar.
    """
    if x.dtype != np.float64:
        raise TypeError(f"numeric gradients need float64 arrays, got {x.dtype}")
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        plus = np.array(f(), dtype=np.float64)  # a copy: f may return a view of x
        x[i] = old - h
        minus = np.array(f(), dtype=np.float64)
        x[i] = old
        if dout is None:
            grad[i] = (plus - minus) / (2 * h)
        else:
            grad[i] = np.sum((plus - minus) * dout) / (2 * h)
    return grad


def away_from_kinks(shape, rng, margin=0.05, kinks=(0.0,)):
    """Standard normal samples of ``shape`` (float64) moved at least ``margin`` from each kink."""
    x = rng.standard_normal(shape)
    for k in kinks:
        close = np.abs(x - k) < margin
        x[close] = k + np.where(x[close] >= k, margin, -margin) * (1 + rng.random(np.count_nonzero(close)))
    return x


def distinct_values(shape, rng, gap=0.1):
    """A float64 array of ``shape`` whose values all differ by at least ``gap`` (no max-pool ties)."""
    n = int(np.prod(shape))
    return (rng.permutation(n).reshape(shape) - n / 2) * gap


def check_activation(activation, x, h=1e-5):
    """Relative error between ``activation.derivative(x)`` and the numeric derivative of forward."""
    x = np.array(x, dtype=np.float64)
    numeric = (activation.forward(x + h) - activation.forward(x - h)) / (2 * h)
    return rel_error(activation.derivative(x), numeric)


def check_layer(layer, x, rng=None, h=1e-5, training=True):
    """Compare a layer's ``backward`` with numeric gradients of its ``forward``.

    The layer's parameters are converted to float64. Returns a dict of relative errors:
    ``"x"`` for the input and one entry per parameter name. Layers that draw random numbers in
    forward (dropout) must be checked with a fixed mask or in eval mode.
    """
    rng = rng if rng is not None else np.random.default_rng(0)
    for name in layer.params:
        layer.params[name] = np.array(layer.params[name], dtype=np.float64)
        layer.grads[name] = np.zeros_like(layer.params[name])
    x = np.array(x, dtype=np.float64)
    out = layer.forward(x, training=training)
    dout = rng.standard_normal(out.shape)
    dx = layer.backward(dout)
    analytic = {"x": np.array(dx)}
    analytic.update({name: g.copy() for name, g in layer.grads.items()})

    def f():
        return layer.forward(x, training=training)

    errors = {"x": rel_error(analytic["x"], numeric_gradient(f, x, dout, h))}
    for name, param in layer.params.items():
        errors[name] = rel_error(analytic[name], numeric_gradient(f, param, dout, h))
    return errors


def check_loss(loss_fn, x, *args, h=1e-5):
    """Relative error between the gradient a loss returns and the numeric gradient of its value."""
    x = np.array(x, dtype=np.float64)
    _, analytic = loss_fn(x, *args)
    numeric = numeric_gradient(lambda: loss_fn(x, *args)[0], x, None, h)
    return rel_error(analytic, numeric)
