"""Input validation shared by the modules: clear messages that say what was expected and what came."""
import numpy as np


def as_float_array(x, name="x"):
    """Return ``x`` as a floating-point array (ints become float64) without copying floats."""
    arr = np.asarray(x)
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == np.bool_):
        raise TypeError(f"{name} must be a numeric array, got dtype {arr.dtype}")
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    return arr


def check_ndim(x, ndim, name, layout):
    if x.ndim != ndim:
        raise ValueError(f"{name} expects a {ndim}-D input {layout}, got shape {x.shape}")


def check_size(x, axis, expected, name, what):
    if x.shape[axis] != expected:
        raise ValueError(
            f"{name} expects {what} = {expected} (axis {axis}), got shape {x.shape}")


def check_finite(x, name):
    if not np.all(np.isfinite(x)):
        bad = int(np.size(x) - np.count_nonzero(np.isfinite(x)))
        raise ValueError(f"{name} contains {bad} non-finite values (NaN or inf); "
                         "check the learning rate and the input scaling")


def pair(value, name):
    """Turn an int or a 2-tuple into ``(h, w)`` of positive ints."""
    if np.isscalar(value):
        value = (value, value)
    value = tuple(int(v) for v in value)
    if len(value) != 2 or min(value) < 1:
        raise ValueError(f"{name} must be a positive int or a pair of positive ints, got {value}")
    return value
