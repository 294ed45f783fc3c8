"""Helpers for checks: comparisons whose failure messages teach."""
import numpy as np

from .. import reference
from ..trusted.model import NotAModel, rebuild
from ..trusted.proxy import type_name


def ref():
    """The reference core (``numpynet_reference``)."""
    return reference.load()


class CheckFailed(AssertionError):
    """A check failed; the message is what the student reads in the feedback."""


def fail(message):
    raise CheckFailed(message)


def _short(a, limit=8):
    a = np.asarray(a)
    flat = a.ravel()
    body = np.array2string(flat[:limit], precision=5, separator=", ")
    more = f" ... ({a.size} values)" if a.size > limit else ""
    shape = f" shape {a.shape}" if a.ndim > 1 else ""
    return f"{body}{more}{shape}"


def call(what, fn, *args, **kwargs):
    """Call student code; turn an exception into a failure that says which call raised what."""
    try:
        return fn(*args, **kwargs)
    except CheckFailed:
        raise
    except NotImplementedError:
        fail(f"{what} raised NotImplementedError: write your implementation in the answer cell "
             "(and run that cell before the tests)")
    except Exception as err:  # noqa: BLE001 - any student error becomes feedback
        fail(f"{what} raised {type(err).__name__}: {err}")


def as_array(what, value):
    try:
        arr = np.asarray(value)
    except Exception as err:  # noqa: BLE001
        fail(f"{what} returned {type_name(value)}, which is not an array ({err})")
    if arr.dtype == object or not np.issubdtype(arr.dtype, np.number) and arr.dtype != np.bool_:
        fail(f"{what} returned {type_name(value)} with dtype {arr.dtype}; expected a numeric array")
    return arr


def expect_shape(what, actual, shape):
    actual = np.asarray(actual)
    if actual.shape != tuple(shape):
        fail(f"{what}: expected shape {tuple(shape)}, got {actual.shape}")


def close(actual, expected, rtol=1e-5, atol=1e-7):
    """Same shape and equal within the tolerances; NaN equals NaN, so that a NaN the reference (or
    a mistake: a division by zero) gives where the student's code gives one too is a match."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    return actual.shape == expected.shape and bool(
        np.allclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True))


def named_mistake(actual, mistakes, rtol=1e-5, atol=1e-7):
    """The name of the first of ``mistakes`` ((wrong value, name) pairs) that ``actual`` matches,
    or None. A wrong value of None (a variant that cannot run on this input) matches nothing."""
    return next((name for wrong, name in mistakes
                 if wrong is not None and close(actual, wrong, rtol, atol)), None)


def expect_close(what, actual, expected, rtol=1e-5, atol=1e-7, mistakes=(), hint=""):
    """Fail unless ``actual`` matches ``expected`` (see ``close``), with a message that shows both
    and the first difference.

    mistakes: (wrong value, name) pairs, or a function returning them (called only on a failure):
        when ``actual`` matches a wrong value, the message says "This is what <name>".
    hint: a sentence added when no mistake matches, or a function returning one ("" for none).
    """
    actual = as_array(what, actual)
    expected = np.asarray(expected)
    if actual.shape != expected.shape:
        fail(f"{what}: expected shape {expected.shape}, got {actual.shape}")
    if close(actual, expected, rtol, atol):
        return
    message = f"{what}: expected {_short(expected)}, got {_short(actual)}"
    bad = ~np.isclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True)
    if bad.any() and actual.ndim:
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        message += f" (first difference at index {idx}: expected {expected[idx]:.6g}, got {actual[idx]:.6g})"
    if not np.all(np.isfinite(actual)):
        message += ". Your values hold NaN or inf"
    name = named_mistake(actual, mistakes() if callable(mistakes) else mistakes, rtol, atol)
    if name is not None:
        fail(f"{message}. This is what {name}")
    extra = hint() if callable(hint) else hint
    fail(f"{message}. {extra}" if extra else message)


_MNIST = {}


def mnist_test_set():
    """The MNIST test images (float32 NHWC in [0, 1], as ``load_mnist`` gives them) and labels,
    loaded by the reference loader (checksums verified), once per process."""
    if "test" not in _MNIST:
        data = ref().data.load_mnist()
        _MNIST["test"] = (data.x_test, data.y_test)
    return _MNIST["test"]


def mnist_accuracy(model, minimum, what="your model", calibration=""):
    """Recompute ``model``'s accuracy on the whole MNIST test set and require at least ``minimum``.

    ``model`` (a proxy for the student's object) is rebuilt here from its layers and weights
    (``autograder.trusted.model``): the predictions are the reference core's arithmetic on the
    student's trained weights, never the student's own ``predict``. ``calibration`` says where the
    threshold comes from.
    """
    x, y = mnist_test_set()
    try:
        rebuilt = rebuild(model)
    except NotAModel as err:
        fail(f"{what} cannot be evaluated: {err}. The accuracy is recomputed from the model's layers and "
             "trained weights, so the model must be the Sequential the notebook builds and trains")
    accuracy = float(np.mean(rebuilt.predict(x) == y))
    print(f"{what}: {accuracy:.2%} of the MNIST test images (at least {minimum:.1%} needed)")
    if accuracy < minimum:
        fail(f"{what} classifies {accuracy:.2%} of the 10,000 MNIST test images correctly; "
             f"at least {minimum:.1%} is expected{' (' + calibration + ')' if calibration else ''}. "
             "A model near 10% is guessing: look for a mistake in the pieces above "
             "(their tests), then at the learning rate and the number of iterations")
    # Nothing is returned: nbgrader would take a number shown as a test cell's output as its score.
