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
    __call__ = lambda self, x: self.forward(x)

    def __repr__(self):
        return f'{type(self).__name__}()'

class Sigmoid(Activation):

    def forward(self, x):
        raise NotImplementedError('numpynet.activations.Sigmoid is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

    def derivative(self, x):
        raise NotImplementedError('numpynet.activations.Sigmoid is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

class Tanh(Activation):

    def forward(self, x):
        raise NotImplementedError('numpynet.activations.Tanh is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

    def derivative(self, x):
        raise NotImplementedError('numpynet.activations.Tanh is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

class ReLU(Activation):

    def forward(self, x):
        raise NotImplementedError('numpynet.activations.ReLU is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

    def derivative(self, x):
        raise NotImplementedError('numpynet.activations.ReLU is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

class LeakyReLU(Activation):

    def __init__(self, alpha=0.01):
        self.alpha = float(alpha)

    def forward(self, x):
        raise NotImplementedError('numpynet.activations.LeakyReLU is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

    def derivative(self, x):
        raise NotImplementedError('numpynet.activations.LeakyReLU is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

    def __repr__(self):
        raise NotImplementedError('numpynet.activations.LeakyReLU is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

class ELU(Activation):

    def __init__(self, alpha=1.0):
        self.alpha = float(alpha)

    def forward(self, x):
        raise NotImplementedError('numpynet.activations.ELU is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

    def derivative(self, x):
        raise NotImplementedError('numpynet.activations.ELU is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

    def __repr__(self):
        raise NotImplementedError('numpynet.activations.ELU is an exercise of ps1_activations: write your own in the notebook (its reference implementation is released after that assignment)')

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
        names = {'sigmoid': Sigmoid, 'tanh': Tanh, 'relu': ReLU, 'leaky_relu': LeakyReLU, 'elu': ELU, 'identity': Identity, 'linear': Identity}
        if activation.lower() not in names:
            raise ValueError(f'unknown activation {activation!r}; choose one of {sorted(names)}')
        return names[activation.lower()]()
    if isinstance(activation, type):
        activation = activation()
    if not (hasattr(activation, 'forward') and hasattr(activation, 'derivative')):
        raise TypeError(f'an activation needs forward(x) and derivative(x); got {activation!r}')
    return activation
