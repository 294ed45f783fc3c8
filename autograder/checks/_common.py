"""Helpers for checks: comparisons whose failure messages teach."""
import contextlib
import importlib
import io

import numpy as np

from .. import reference
from ..messages import N_, t
from ..trusted.model import NotAModel, rebuild
from ..trusted.proxy import Proxy, call_printing as proxy_call_printing, type_name
from ..trusted.testcell import cell_print


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
        fail(t("{what} raised NotImplementedError: write your implementation in the answer cell "
               "(and run that cell before the tests)", what=what))
    except Exception as err:  # noqa: BLE001 - any student error becomes feedback
        fail(t("{what} raised {error_type}: {error}", what=what, error_type=type(err).__name__, error=err))


def call_printing(fn, /, *args, **kwargs):
    """``fn(*args, **kwargs)`` and what it printed to stdout: (value, text). A proxy's call is
    captured in the student's kernel, where it runs (trusted grading); any other callable's here
    (the in-process runner, a student's own kernel)."""
    if isinstance(fn, Proxy):
        return proxy_call_printing(fn, args, kwargs)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        value = fn(*args, **kwargs)
    return value, buffer.getvalue()


def expect_no_output(what, text):
    """Fail when ``text`` (what student code printed) holds anything: the message quotes the first
    printed line and says why a graded answer must print nothing."""
    if not text:
        return
    lines = text.splitlines() or [text]
    first = lines[0].strip()
    shown = repr(first[:120] + ("..." if len(first) > 120 else "")) if first else t("an empty line")
    more = "" if len(lines) == 1 else t(" (and 1 more line)") if len(lines) == 2 else t(
        " (and {count} more lines)", count=len(lines) - 1)
    fail(t("{what} printed {shown}{more}. A graded answer must print nothing: a debug print left "
           "in code that training calls runs at every iteration (thousands of lines an epoch, and a "
           "slower training). Remove the print (or comment it out) and run the cell again",
           what=what, shown=shown, more=more))


def call_silent(what, fn, *args, **kwargs):
    """``call(what, fn, *args, **kwargs)`` with stdout captured: fails, quoting the first printed
    line, when the student's code printed anything; otherwise returns what ``fn`` returned."""
    result, printed = call(what, call_printing, fn, *args, **kwargs)
    expect_no_output(what, printed)
    return result


def as_array(what, value):
    try:
        arr = np.asarray(value)
    except Exception as err:  # noqa: BLE001
        fail(t("{what} returned {type}, which is not an array ({error})", what=what, type=type_name(value), error=err))
    if arr.dtype == object or not np.issubdtype(arr.dtype, np.number) and arr.dtype != np.bool_:
        fail(t("{what} returned {type} with dtype {dtype}; expected a numeric array",
               what=what, type=type_name(value), dtype=arr.dtype))
    return arr


def expect_shape(what, actual, shape):
    actual = np.asarray(actual)
    if actual.shape != tuple(shape):
        fail(t("{what}: expected shape {expected}, got {actual}", what=what, expected=tuple(shape), actual=actual.shape))


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
        when ``actual`` matches a wrong value, the message says "This is what <name>" (a name
        marked N_ or given by t).
    hint: a sentence added when no mistake matches, or a function returning one ("" for none).
    """
    actual = as_array(what, actual)
    expected = np.asarray(expected)
    if actual.shape != expected.shape:
        fail(t("{what}: expected shape {expected}, got {actual}", what=what, expected=expected.shape, actual=actual.shape))
    if close(actual, expected, rtol, atol):
        return
    message = t("{what}: expected {expected}, got {actual}", what=what, expected=_short(expected), actual=_short(actual))
    bad = ~np.isclose(actual, expected, rtol=rtol, atol=atol, equal_nan=True)
    if bad.any() and actual.ndim:
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        message += t(" (first difference at index {index}: expected {expected:.6g}, got {actual:.6g})",
                     index=idx, expected=expected[idx], actual=actual[idx])
    if not np.all(np.isfinite(actual)):
        message += t(". Your values hold NaN or inf")
    name = named_mistake(actual, mistakes() if callable(mistakes) else mistakes, rtol, atol)
    if name is not None:
        fail(this_is_what(message, name))
    extra = hint() if callable(hint) else hint
    fail(f"{message}. {t(extra)}" if extra else message)


def this_is_what(message, mistake):
    """``message`` followed by the name of the known mistake that explains it."""
    return t("{message}. This is what {mistake}", message=message, mistake=t(mistake))


_MNIST = {}


def mnist_test_set():
    """The MNIST test images (float32 NHWC in [0, 1], as ``load_mnist`` gives them) and labels,
    loaded by the reference loader (checksums verified), once per process."""
    if "test" not in _MNIST:
        # the reference package's __init__ does not import its data module
        data = importlib.import_module(ref().__name__ + ".data").load_mnist()
        _MNIST["test"] = (data.x_test, data.y_test)
    return _MNIST["test"]


GUESSING = 0.2   # below this a 10-class model is (nearly) guessing: chance is 10%

GUESSING_CAUSES = N_("look for a mistake in the pieces it was trained with (their tests above): a forward that "
                   "returns zeros, a derivative or an update with the wrong sign; then check that the "
                   "training cell ran to its end")
LEARNING_CAUSES = N_("look for a step of the wrong size (a derivative or an update off by a constant factor, "
                   "a learning rate that enters twice), then at the recipe: the learning rate, the number of "
                   "iterations, and whether the training cell ran to its end")


def _dead_layers(rebuilt, x):
    """[(layer index, fraction of its units dead on ``x``)] of the hidden layers (those with an
    activation) of the reference model ``rebuilt`` in which at least half the units are dead."""
    import importlib
    try:
        diagnostics = importlib.import_module(ref().__name__ + ".diagnostics")
        rows = diagnostics.layer_stats(rebuilt, x)
    except Exception:  # noqa: BLE001 - a diagnosis that cannot be made is left out
        return []
    return [(r["layer"], r["frac_dead"]) for r in rows if r.get("frac_dead") is not None and r["frac_dead"] >= 0.5]


def diagnose_accuracy(rebuilt, predictions, labels, accuracy, x=None, guessing=GUESSING_CAUSES,
                      learning=LEARNING_CAUSES):
    """The sentences that follow a too-low accuracy: what the grader sees in the trained model
    (weights that are NaN or inf, one digit predicted for most images, dead hidden layers on the
    test images ``x``) and the likely causes for that level of accuracy: ``guessing`` below
    GUESSING, ``learning`` above it (texts that continue "Likely causes: ..." / "...")."""
    said = []
    weights = [np.asarray(p) for layer in getattr(rebuilt, "layers", []) for p in getattr(layer, "params", {}).values()]
    if any(not np.all(np.isfinite(w)) for w in weights):
        said.append(t("Its trained weights hold NaN or inf: the training diverged (steps far too large, from "
                      "the learning rate or an update that blows up), and every prediction is then the same"))
    counts = np.bincount(np.asarray(predictions, dtype=np.int64).ravel(), minlength=10)
    top = int(counts.argmax())
    share = counts[top] / max(1, counts.sum())
    if not said and share >= 0.5:
        said.append(t("It predicts the digit {digit} for {share:.0%} of the images (the digit {digit} is "
                      "{truth:.0%} of them)", digit=top, share=share, truth=np.mean(np.asarray(labels) == top)))
    if x is not None and not said:
        dead = _dead_layers(rebuilt, x)
        if dead:
            layers = ", ".join(t("{fraction:.0%} of layer {layer}'s", fraction=frac, layer=i) for i, frac in dead)
            said.append(t("Dead units: {layers} output 0 for every one of 1,000 test images, so no gradient "
                          "reaches their weights", layers=layers))
    if accuracy < GUESSING:
        said.append(t("That is guessing (chance is 10%): the trained weights carry almost nothing about the "
                      "digits. Likely causes: {causes}", causes=t(guessing)))
    else:
        said.append(t("It has learned something, so the forward and backward passes are roughly right, but "
                      "not well enough. Likely causes: {causes}", causes=t(learning)))
    return ". ".join(said)


def mnist_accuracy(model, minimum, what=N_("your model"), calibration="", *, guessing=GUESSING_CAUSES,
                   learning=LEARNING_CAUSES):
    """Recompute ``model``'s accuracy on the whole MNIST test set and require at least ``minimum``.

    ``model`` (a proxy for the student's object) is rebuilt here from its layers and weights
    (``autograder.trusted.model``): the predictions are the reference core's arithmetic on the
    student's trained weights, never the student's own ``predict``. ``calibration`` says where the
    threshold comes from. Below it, the message says what the trained model shows and the likely
    causes (``diagnose_accuracy``; ``guessing`` and ``learning`` name the assignment's own).
    """
    x, y = mnist_test_set()
    what = t(what)
    try:
        rebuilt = rebuild(model)
    except NotAModel as err:
        fail(t("{what} cannot be evaluated: {error}. The accuracy is recomputed from the model's layers and "
               "trained weights, so the model must be the Sequential the notebook builds and trains",
               what=what, error=err))
    with np.errstate(all="ignore"):
        predictions = rebuilt.predict(x)
    accuracy = float(np.mean(predictions == y))
    cell_print(t("{what}: {accuracy:.2%} of the MNIST test images (at least {minimum:.1%} needed)",
                 what=what, accuracy=accuracy, minimum=minimum))
    if accuracy < minimum:
        with np.errstate(all="ignore"):
            diagnosis = diagnose_accuracy(rebuilt, predictions, y, accuracy, x[:1000], guessing, learning)
        source = f" ({t(calibration)})" if calibration else ""
        fail(t("{what} classifies {accuracy:.2%} of the 10,000 MNIST test images correctly; at least "
               "{minimum:.1%} is expected{source}. The accuracy is computed by the reference layers from your "
               "trained weights. {diagnosis}", what=what, accuracy=accuracy, minimum=minimum, source=source,
               diagnosis=diagnosis))
    # Nothing is returned: nbgrader would take a number shown as a test cell's output as its score.
