"""The MNIST tests' model, rebuilt in the grader from plain data: each layer's class name, the
hyper-parameters its repr shows (read as attributes), its parameter arrays by name and its
activation's class name, fetched from the student's kernel. The layers must be the course's
(Flatten, Dense, Conv2D, MaxPool2D, Dropout) with shapes that chain from an MNIST image to 10
logits; they are then built with the reference core, so the accuracy is the grader's arithmetic.
An object that only has a ``predict`` is not a model here.
"""
import numpy as np

from ..messages import t
from ..reference import load as reference
from .proxy import type_name

IMAGE_SHAPE = (28, 28, 1)
CLASSES = 10


class NotAModel(Exception):
    """The student's object cannot be rebuilt as a course model; the message says why."""


def rebuild(model):
    """A reference ``Sequential`` with the student's architecture and weights, or NotAModel."""
    layers = _attribute(model, "layers", t("the model"))
    if type(layers) not in (list, tuple):
        raise NotAModel(t("model.layers is a {type}, not a list of layers", type=type_name(layers)))
    if not layers:
        raise NotAModel(t("the model has no layers"))
    shape = IMAGE_SHAPE
    rebuilt = []
    for position, layer in enumerate(layers):
        built, shape = _layer(layer, shape, t("layer {position} ({type})", position=position, type=type_name(layer)))
        rebuilt.append(built)
    if shape != (CLASSES,):
        raise NotAModel(t("the last layer gives an output of shape {shape} per image; a classifier of the "
                          "10 digits gives ({classes},)", shape=shape, classes=CLASSES))
    return reference().model.Sequential(rebuilt)


def _layer(layer, shape, what):
    """(the reference layer, its output shape per image) for a student layer on ``shape``."""
    kind = type_name(layer)
    builders = {"Flatten": _flatten, "Dense": _dense, "Conv2D": _conv, "MaxPool2D": _pool, "Dropout": _dropout}
    if kind not in builders:
        raise NotAModel(t("{what}: the course's models are made of {kinds}", what=what, kinds=", ".join(builders)))
    try:
        return builders[kind](layer, shape, what)
    except (TypeError, ValueError) as err:
        raise NotAModel(f"{what}: {err}") from None


def _flatten(layer, shape, what):
    return reference().layers.Flatten(), (int(np.prod(shape)),)


def _dropout(layer, shape, what):
    return reference().layers.Dropout(float(_attribute(layer, "p_drop", what))), shape


def _pool(layer, shape, what):
    pooled = reference().layers.MaxPool2D(_attribute(layer, "pool_size", what), _attribute(layer, "stride", what))
    if len(shape) != 3:
        raise NotAModel(t("{what} needs (H, W, C) images, gets {shape}", what=what, shape=shape))
    (ph, pw), (sh, sw) = pooled.pool_size, pooled.stride
    return pooled, ((shape[0] - ph) // sh + 1, (shape[1] - pw) // sw + 1, shape[2])


def _dense(layer, shape, what):
    weights, bias = _params(layer, what)
    if len(shape) != 1 or weights.ndim != 2 or weights.shape[0] != shape[0] or bias.shape != weights.shape[1:]:
        raise NotAModel(t("{what}: W {w_shape} and b {b_shape} do not fit an input of shape {shape}", what=what,
                           w_shape=weights.shape, b_shape=bias.shape, shape=shape))
    dense = reference().layers.Dense(*weights.shape, activation=_activation(layer, what))
    return _load(dense, weights, bias), (weights.shape[1],)


def _conv(layer, shape, what):
    weights, bias = _params(layer, what)
    if len(shape) != 3 or weights.ndim != 4 or weights.shape[2] != shape[2] or bias.shape != weights.shape[3:]:
        raise NotAModel(t("{what}: W {w_shape} and b {b_shape} do not fit an input of shape {shape}", what=what,
                           w_shape=weights.shape, b_shape=bias.shape, shape=shape))
    kh, kw, c_in, c_out = weights.shape
    conv = reference().layers.Conv2D(c_in, c_out, (kh, kw), stride=_attribute(layer, "stride", what),
                                     padding=_attribute(layer, "padding", what),
                                     activation=_activation(layer, what))
    ho, wo = conv.output_shape(shape[0], shape[1])
    if ho < 1 or wo < 1:
        raise NotAModel(t("{what}: the kernel does not fit an input of shape {shape}", what=what, shape=shape))
    return _load(conv, weights, bias), (ho, wo, c_out)


def _params(layer, what):
    params = _attribute(layer, "params", what)
    if type(params) is not dict or set(params) != {"W", "b"}:
        raise NotAModel(t("{what}: params must be a dict with W and b", what=what))
    arrays = [params["W"], params["b"]]
    if not all(isinstance(a, np.ndarray) and a.dtype.kind == "f" for a in arrays):
        raise NotAModel(t("{what}: W and b must be floating-point arrays", what=what))
    if not all(np.all(np.isfinite(a)) for a in arrays):
        raise NotAModel(t("{what}: W or b holds NaN or inf", what=what))
    return arrays


def _load(layer, weights, bias):
    layer.params["W"] = weights.astype(layer.params["W"].dtype)
    layer.params["b"] = bias.astype(layer.params["b"].dtype)
    return layer


def _activation(layer, what):
    """The reference activation of the student's one's class name (None for none or Identity)."""
    activation = _attribute(layer, "activation", what)
    kind = type_name(activation)
    if kind in ("NoneType", "Identity"):
        return None   # the reference's layers then apply Identity
    made = {"ReLU": lambda: reference().activations.ReLU(), "Sigmoid": lambda: reference().activations.Sigmoid(),
            "Tanh": lambda: reference().activations.Tanh(),
            "LeakyReLU": lambda: reference().activations.LeakyReLU(float(_attribute(activation, "alpha", what))),
            "ELU": lambda: reference().activations.ELU(float(_attribute(activation, "alpha", what)))}
    if kind not in made:
        raise NotAModel(t("{what}: its activation {kind} is not one of the course's ({kinds})", what=what, kind=kind,
                           kinds=", ".join(made)))
    return made[kind]()


def _attribute(obj, name, what):
    try:
        return getattr(obj, name)
    except Exception as err:  # noqa: BLE001 - the student's object: whatever it raises
        raise NotAModel(t("{what}: no {name} ({error_type}: {error})", what=what, name=name,
                           error_type=type(err).__name__, error=err)) from None
