"""numpynet: a small, readable NumPy library for learning how neural networks are trained.

One concept per module: ``activations``, ``initializers``, ``optimizers``, ``layers``,
``losses``, ``model``, ``training``, ``data``, ``gradcheck``, ``diagnostics``, ``plots``.
Images are NHWC ``(N, H, W, C)``; training runs in float32, gradient checks in float64.
"""
__version__ = "0.1.0"

from . import activations, initializers, optimizers, layers, losses, model, training, gradcheck, diagnostics, data  # noqa: F401
from .model import Sequential  # noqa: F401
