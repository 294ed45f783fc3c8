"""Element-wise activation functions.

Each activation has ``forward(x)`` (the function) and ``derivative(x)`` (f'(x), element-wise,
evaluated at the pre-activation ``x``). Neither ever modifies ``x``: the layer that calls them
keeps ``x`` in its cache for the backward pass. Conventions: ReLU'(0) = 0 and
LeakyReLU'(x <= 0) = alpha. The output has the dtype of the input (ints become float64).
"""
import numpy as np

from ._checks import as_float_array


class Activation:
    """Base class: ``forward(x)`` and ``derivative(x)``; ``backward(dout, x)`` chains them."""

    def forward(self, x):
        raise NotImplementedError

    def derivative(self, x):
        raise NotImplementedError

    def backward(self, dout, x):
        """Gradient with respect to the pre-activation ``x`` given the upstream ``dout``."""
        return dout * self.derivative(x)

    __call__ = lambda self, x: self.forward(x)  # noqa: E731

    def __repr__(self):
        return f"{type(self).__name__}()"


class Sigmoid(Activation):
    """sigma(x) = 1 / (1 + exp(-x)); written with tanh so it never overflows."""

    def forward(self, x):
        x = as_float_array(x)
        return 0.5 * (1.0 + np.tanh(0.5 * x))

    def derivative(self, x):
        s = self.forward(x)
        return s * (1.0 - s)


class Tanh(Activation):
    """tanh(x), zero-centred, saturates at +-1; tanh'(x) = 1 - tanh(x)^2."""

    def forward(self, x):
        return np.tanh(as_float_array(x))

    def derivative(self, x):
        t = np.tanh(as_float_array(x))
        return 1.0 - t * t


class ReLU(Activation):
    """max(0, x); the derivative is 1 for x > 0 and exactly 0 for x <= 0."""

    def forward(self, x):
        x = as_float_array(x)
        return np.maximum(x, 0).astype(x.dtype, copy=False)

    def derivative(self, x):
        x = as_float_array(x)
        return (x > 0).astype(x.dtype)


class LeakyReLU(Activation):
    """x for x > 0, alpha * x otherwise; the derivative is 1 or alpha (alpha at 0)."""

    def __init__(self, alpha=0.01):
        self.alpha = float(alpha)

    def forward(self, x):
        x = as_float_array(x)
        return np.where(x > 0, x, x * x.dtype.type(self.alpha))

    def derivative(self, x):
        x = as_float_array(x)
        one, alpha = x.dtype.type(1), x.dtype.type(self.alpha)
        return np.where(x > 0, one, alpha)

    def __repr__(self):
        return f"LeakyReLU(alpha={self.alpha})"


class ELU(Activation):
    """x for x > 0, alpha * (exp(x) - 1) otherwise; the derivative is 1 or alpha * exp(x)."""

    def __init__(self, alpha=1.0):
        self.alpha = float(alpha)

    def forward(self, x):
        x = as_float_array(x)
        alpha = x.dtype.type(self.alpha)
        return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))

    def derivative(self, x):
        x = as_float_array(x)
        one, alpha = x.dtype.type(1), x.dtype.type(self.alpha)
        return np.where(x > 0, one, alpha * np.exp(np.minimum(x, 0)))

    def __repr__(self):
        return f"ELU(alpha={self.alpha})"


class Identity(Activation):
    """f(x) = x, the activation of a layer that has none (for example the logits)."""

    def forward(self, x):
        return as_float_array(x)

    def derivative(self, x):
        return np.ones_like(as_float_array(x))

    def backward(self, dout, x):
        return dout


def get(activation):
    """Accept an activation object, a name ('relu', 'tanh', ...) or None (identity)."""
    if activation is None:
        return Identity()
    if isinstance(activation, str):
        names = {"sigmoid": Sigmoid, "tanh": Tanh, "relu": ReLU, "leaky_relu": LeakyReLU,
                 "elu": ELU, "identity": Identity, "linear": Identity}
        if activation.lower() not in names:
            raise ValueError(f"unknown activation {activation!r}; choose one of {sorted(names)}")
        return names[activation.lower()]()
    if isinstance(activation, type):
        activation = activation()
    if not (hasattr(activation, "forward") and hasattr(activation, "derivative")):
        raise TypeError(f"an activation needs forward(x) and derivative(x); got {activation!r}")
    return activation
