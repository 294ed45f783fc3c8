"""Hidden checks of ps4_cnn's Dropout exercise: inverted dropout, forward (which units, how
scaled), evaluation mode and backward.

The student's layer is built with an integer seed, ``Dropout(p_drop, rng=seed)``, so its generator
``np.random.default_rng(seed)`` can be replayed here. The exercise text says how to draw the mask:
one call of ``self.rng.random(x.shape)`` per training forward (``dtype=np.float32``, or
``self.rng.uniform(size=x.shape)``, accepted too), keeping a unit whose number is below 1 - p_drop
or, equally right, at least p_drop. Every such answer passes, however it stores the mask (bool or
float, scaled or not) and wherever it scales (in the mask, on the output, with ``np.where``).

The wrong variants are the reference layer (``ref().layers.Dropout``) with one knob changed: its
generator replaced by ``_Replay``, which hands out chosen numbers (a normal draw instead of a
uniform one, one row's draw for the whole batch, the next draw for the backward pass), or its
``p_drop`` changed (1 - p for keep and drop swapped, 0 for a mask that keeps everything), or its
output scaled (no 1/(1-p), scaling at test time).
"""
import math

import numpy as np

from ..messages import N_, t
from ._common import CheckFailed, as_array, call, close, expect_close, fail, ref, this_is_what, type_name

__all__ = ["check_forward_mask", "check_forward_scaling", "check_eval_mode", "check_backward"]

HOW_TO_DRAW = N_("draw the mask with the layer's generator, one call per forward pass in training: "
                 "u = self.rng.random(x.shape), and keep the units where u < 1 - p_drop")

MISTAKE_RANDN = N_("you get when the mask comes from a standard NORMAL draw (randn, "
                   "rng.standard_normal) compared with 1 - p_drop: normal numbers are not uniform in "
                   "[0, 1), so P(z < 1 - p) is not 1 - p. Draw uniform numbers: self.rng.random(x.shape)")
MISTAKE_PRECEDENCE = N_("you get when NO unit is dropped: `rand < keep / keep` is `rand < (keep / keep)`, "
                        "i.e. rand < 1, which is always true (operator precedence: / binds tighter than <). "
                        "Write (rand < keep) / keep")
MISTAKE_SWAPPED = N_("you get when keep and drop are swapped: your layer KEEPS each unit with probability "
                     "p_drop (u < p_drop) instead of dropping it with that probability; keep where "
                     "u < 1 - p_drop")
MISTAKE_SHARED = N_("you get when one mask is drawn for a single example (shape x.shape[1:]) and shared by "
                    "every row of the batch: each example must get its own mask, one number per element "
                    "of x: self.rng.random(x.shape)")
MISTAKE_NO_SCALE = N_("you get without the 1/(1-p_drop) scaling: inverted dropout divides the kept units "
                      "by 1 - p_drop in training, so that the expected output equals x")
MISTAKE_TIMES_KEEP = N_("you get when the kept units are MULTIPLIED by 1 - p_drop instead of divided by it")
MISTAKE_BY_P = N_("you get when the kept units are divided by p_drop instead of 1 - p_drop (the keep "
                  "probability)")
MISTAKE_EVAL_KEEP = N_("you get when evaluation mode scales by 1 - p_drop (scaling at test time): that is "
                       "the ORIGINAL dropout's test-time rule; inverted dropout already scaled in "
                       "training, so with training=False the layer must return x unchanged")
MISTAKE_EVAL_DIV = N_("you get when evaluation mode divides by 1 - p_drop (scaling at test time): with "
                      "training=False the layer must return x unchanged")
MISTAKE_NEW_MASK = N_("you get when backward draws a NEW mask (another call of self.rng) instead of using "
                      "the one forward drew and kept: the gradient must flow through exactly the units "
                      "forward kept, with the same 1/(1-p_drop)")
MISTAKE_BACKWARD_IGNORES = N_("you get when backward returns dout unchanged: the dropped units must get a "
                              "gradient of 0 and the kept ones dout / (1 - p_drop), the mask forward kept")
MISTAKE_BACKWARD_NO_SCALE = N_("you get when backward multiplies by the kept/dropped pattern but forgets "
                               "the 1/(1-p_drop) that forward applied: backward multiplies dout by "
                               "exactly what forward multiplied x by")
MISTAKE_FIRST_MASK = N_("you get when backward uses the mask of the FIRST forward call after a second one: "
                        "every training forward draws a new mask and replaces the kept one")

KINDS = ("float64", "float32")       # rng.random(shape) (= rng.uniform(size=shape)) and dtype=np.float32
NEAR = 1e-6                          # numbers this close to the threshold may go either way


class _Replay:
    """A stand-in for the reference layer's generator: its ``random`` hands out given arrays, in
    order, whatever size and dtype it is asked for."""

    def __init__(self, *values):
        self.values = list(values)

    def random(self, size=None, dtype=None):
        return np.broadcast_to(self.values.pop(0), size)


def _draws(seed, shape, kind, calls=2):
    """The numbers a correct answer draws in ``calls`` successive forward passes."""
    rng = np.random.default_rng(seed)
    if kind == "normal":
        return [rng.standard_normal(shape) for _ in range(calls)]
    if kind == "row":
        return [np.broadcast_to(rng.random(shape[1:]), shape) for _ in range(calls)]
    if kind == "row32":
        return [np.broadcast_to(rng.random(shape[1:], dtype=np.float32), shape) for _ in range(calls)]
    dtype = np.float32 if kind == "float32" else np.float64
    return [rng.random(shape, dtype=dtype) for _ in range(calls)]


def _ref_layer(p_drop, *values):
    layer = ref().layers.Dropout(p_drop)
    layer.rng = _Replay(*values)
    return layer


def _ref_forward(x, p_drop, values):
    """The reference's training output when its generator gives ``values``."""
    return _ref_layer(p_drop, values).forward(np.array(x), training=True)


def _ref_kept(shape, p_drop, values):
    """Which units the reference keeps when its generator gives ``values``."""
    return _ref_forward(np.ones(shape), p_drop, values) != 0


def _orientations(u):
    """``u`` and ``1 - u``: keeping where u < 1 - p, or where u >= p (the same as 1 - u < 1 - p)."""
    return (u, (1 - u).astype(u.dtype))


def _candidates(seed, shape, p_drop, kinds=KINDS, call_index=0):
    """[(kept pattern, unclear elements, label)] of the correct answers drawn as the text says."""
    found = []
    for kind in kinds:
        u = _draws(seed, shape, kind)[call_index]
        for flip, v in enumerate(_orientations(u)):
            unclear = np.abs(np.asarray(v, dtype=np.float64) - (1 - p_drop)) < NEAR
            found.append((_ref_kept(shape, p_drop, v), unclear, (kind, flip)))
    return found


def _same(kept, pattern, unclear=None):
    if kept.shape != pattern.shape:
        return False
    differ = kept != pattern
    if unclear is not None:
        differ &= ~unclear
    return not differ.any()


def _student_layer(Dropout, p_drop, seed):
    return call(f"Dropout({p_drop}, rng={seed})", Dropout, p_drop, rng=seed)


def _signed(rng, shape, dtype=np.float64):
    """Values of magnitude 0.5 to 2 and random sign: never 0, so out != 0 tells the kept units."""
    return (rng.uniform(0.5, 2.0, shape) * rng.choice([-1.0, 1.0], shape)).astype(dtype)


def _forward(layer, x, training, what):
    x_in = np.array(x, copy=True)
    out = call(what, layer.forward, x_in, training=training)
    out = as_array(what, out)
    if not np.array_equal(x_in, x):
        fail(t("{what} changed its input x in place ({count} values changed), e.g. with "
               "x *= mask or x[mask] = 0: the layer before needs its output unchanged; compute a new array",
               what=what, count=int(np.sum(x_in != x))))
    if out.shape != x.shape:
        fail(t("{what}: expected an output of the shape of x, {expected}; got {actual}",
               what=what, expected=x.shape, actual=out.shape))
    if not np.issubdtype(out.dtype, np.floating):
        fail(t("{what} returned dtype {dtype}; expected floats (x's dtype): a bool mask must be "
               "multiplied with x, not returned", what=what, dtype=out.dtype))
    return out


def _fraction_hint(kept, p_drop):
    """A sentence on the share of kept units, for masks that match no known draw."""
    keep, n = 1 - p_drop, kept.size
    frac = float(kept.mean())
    sigma = math.sqrt(keep * p_drop / n)
    normal = 0.5 * (1 + math.erf(keep / math.sqrt(2)))         # P(z < keep), z standard normal
    rows = kept.reshape(len(kept), -1)
    if len(rows) > 1 and (rows == rows[0]).all():
        return t("it looks as if one mask is drawn for a single example (shape x.shape[1:]) and shared by "
                 "every row of the batch: each example must get its own mask, one number per element "
                 "of x: self.rng.random(x.shape)")
    if abs(frac - keep) < 4 * sigma:
        return t("your layer keeps {fraction:.1%} of the units, about the expected {keep:.0%}, but not the "
                 "units the layer's generator picks: {how_to_draw} (or u >= p_drop), with "
                 "self.rng, not np.random.* or a new generator, in one call of shape x.shape",
                 fraction=frac, keep=keep, how_to_draw=t(HOW_TO_DRAW))
    if abs(frac - p_drop) < 4 * sigma:
        return t("your layer keeps {fraction:.1%} of the units, about p_drop = {p_drop:.0%}: "
                 "it looks as if keep and drop are swapped: your layer KEEPS each unit with probability "
                 "p_drop (u < p_drop) instead of dropping it with that probability; keep where "
                 "u < 1 - p_drop", fraction=frac, p_drop=p_drop)
    if abs(frac - normal) < 4 * sigma or abs(frac - (1 - 0.5 * (1 + math.erf(p_drop / math.sqrt(2))))) < 4 * sigma:
        return t("your layer keeps {fraction:.1%} of the units instead of {keep:.0%}: "
                 "it looks as if the mask comes from a standard NORMAL draw (randn, "
                 "rng.standard_normal) compared with 1 - p_drop: normal numbers are not uniform in "
                 "[0, 1), so P(z < 1 - p) is not 1 - p. Draw uniform numbers: self.rng.random(x.shape)",
                 fraction=frac, keep=keep)
    return t("your layer keeps {fraction:.1%} of the units; {keep:.0%} (1 - p_drop) should be kept. {how_to_draw}",
             fraction=frac, keep=keep, how_to_draw=t(HOW_TO_DRAW))


# --------------------------------------------------------------------------- forward: the mask
def _mask_mistakes(seed, shape, p_drop):
    """[(pattern, unclear, name)] of the known wrong masks on this input."""
    found = []
    for kind in ("normal",):
        z = _draws(seed, shape, kind)[0]
        for v in _orientations(z):
            found.append((_ref_kept(shape, p_drop, v), None, MISTAKE_RANDN))
    found.append((_ref_kept(shape, 0.0, np.zeros(shape)), None, MISTAKE_PRECEDENCE))
    for kind in KINDS:
        u = _draws(seed, shape, kind)[0]
        for v in _orientations(u):
            found.append((_ref_kept(shape, 1 - p_drop, v), None, MISTAKE_SWAPPED))
    for kind in ("row", "row32"):
        u = _draws(seed, shape, kind)[0]
        for v in _orientations(u):
            found.append((_ref_kept(shape, p_drop, v), None, MISTAKE_SHARED))
    return found


def _kept_units(out, x, what, p_drop):
    """The units the student's training output kept (out != 0), after checking that every dropped
    unit is exactly 0 and every kept one a multiple of x by one factor."""
    ratio = out.astype(np.float64) / x.astype(np.float64)
    levels = np.unique(np.round(ratio, 5))
    if len(levels) == 2 and not (levels == 0).any():
        low, high = levels
        fail(t("{what}: every output should be 0 (a dropped unit) or x / (1 - p_drop); yours are x * {low:g} "
               "or x * {high:g}, never 0. With p_drop = {p_drop}, mask / 1 - p is (mask / 1) - p (operator "
               "precedence): write mask / (1 - p_drop)", what=what, low=low, high=high, p_drop=p_drop))
    return out != 0


def _check_mask_case(Dropout, seed, shape, p_drop, dtype, rng):
    x = _signed(rng, shape, dtype)
    layer = _student_layer(Dropout, p_drop, seed)
    what = t("Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, training=True)",
             p_drop=p_drop, seed=seed, shape=shape)
    out = _forward(layer, x, True, what)
    kept = _kept_units(out, x, what, p_drop)
    if any(_same(kept, pattern, unclear) for pattern, unclear, _ in _candidates(seed, shape, p_drop)):
        return
    message = t("{what}: it kept {kept} of {total} units, not the ones a mask drawn as the "
                "exercise says keeps ({how_to_draw})",
                what=what, kept=int(kept.sum()), total=kept.size, how_to_draw=t(HOW_TO_DRAW))
    for pattern, unclear, name in _mask_mistakes(seed, shape, p_drop):
        if _same(kept, pattern, unclear):
            fail(this_is_what(message, name))
    fail(t("{message}. Hint: {hint}", message=message, hint=_fraction_hint(kept, p_drop)))


def check_forward_mask(Dropout):
    """Training mode drops each unit independently with probability p_drop, with the mask drawn
    from the layer's generator as the exercise says (one number per element of x)."""
    rng = np.random.default_rng(4501)
    for seed, shape, p_drop, dtype in ((11, (64, 40), 0.3, np.float64), (12, (8, 5, 5, 6), 0.6, np.float32),
                                       (13, (50, 30), 0.2, np.float64), (14, (40, 25), 0.5, np.float32)):
        _check_mask_case(Dropout, seed, shape, p_drop, dtype, rng)


# ------------------------------------------------------------------------- forward: the scaling
def _check_scaling_case(Dropout, seed, shape, p_drop, dtype, rng):
    x = _signed(rng, shape, dtype)
    layer = _student_layer(Dropout, p_drop, seed)
    what = t("Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, {dtype}, training=True)",
             p_drop=p_drop, seed=seed, shape=shape, dtype=np.dtype(dtype).name)
    out = _forward(layer, x, True, what)
    kept = _kept_units(out, x, what, p_drop)
    if not kept.any():
        fail(t("{what} returned only zeros: every unit was dropped; keep each with probability 1 - p_drop",
               what=what))
    # the reference with the student's pattern of kept units (its generator replayed to give it)
    expected = _ref_forward(x, p_drop, np.where(kept, 0.0, 1.0))
    keep = 1 - p_drop
    mistakes = [(expected * keep, MISTAKE_NO_SCALE), (expected * keep * keep, MISTAKE_TIMES_KEEP),
                (expected * keep / p_drop, MISTAKE_BY_P)]
    if kept.all():
        mistakes.insert(0, (expected * keep, MISTAKE_PRECEDENCE))
    rtol = 1e-5 if dtype == np.float32 else 1e-7
    expect_close(t("{what}, the kept units", what=what), out, expected, rtol=rtol, atol=0, mistakes=mistakes,
                 hint=t("a kept unit is x / (1 - p_drop) = x / {keep:g} (inverted dropout)", keep=keep))


def check_forward_scaling(Dropout):
    """The kept units are divided by 1 - p_drop (inverted dropout), the dropped ones are 0."""
    rng = np.random.default_rng(4502)
    for seed, shape, p_drop, dtype in ((21, (30, 20), 0.3, np.float64), (22, (6, 4, 4, 5), 0.6, np.float32),
                                       (23, (25, 16), 0.5, np.float64), (24, (20, 10), 0.75, np.float32)):
        _check_scaling_case(Dropout, seed, shape, p_drop, dtype, rng)


# ------------------------------------------------------------------------------ evaluation mode
def check_eval_mode(Dropout):
    """With training=False the layer is the identity (no mask, no scaling), before and after a
    training pass."""
    rng = np.random.default_rng(4503)
    for seed, shape, p_drop, dtype in ((31, (20, 15), 0.3, np.float64), (32, (4, 3, 3, 5), 0.5, np.float32),
                                       (33, (12, 8), 0.8, np.float64)):
        layer = _student_layer(Dropout, p_drop, seed)
        for fresh in (True, False):
            if not fresh:
                call(f"Dropout({p_drop}).forward(x, training=True)", layer.forward, _signed(rng, shape, dtype),
                     training=True)
            x = _signed(rng, shape, dtype)
            if fresh:
                what = t("Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, training=False) on a new layer",
                         p_drop=p_drop, seed=seed, shape=shape)
            else:
                what = t("Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, training=False) on after a "
                         "training pass", p_drop=p_drop, seed=seed, shape=shape)
            out = _forward(layer, x, False, what)
            expected = ref().layers.Dropout(p_drop, rng=seed).forward(np.array(x), training=False)
            keep = 1 - p_drop
            if (out == 0).any() and not close(out, expected):
                fail(t("{what}: {zeros} of {total} outputs are 0, so units were dropped at "
                       "test time: in evaluation mode (training=False) dropout does nothing, the layer returns x",
                       what=what, zeros=int((out == 0).sum()), total=out.size))
            expect_close(what, out, expected, rtol=1e-6, atol=0,
                         mistakes=[(expected * keep, MISTAKE_EVAL_KEEP), (expected / keep, MISTAKE_EVAL_DIV)],
                         hint=t("in evaluation mode the layer returns x unchanged"))


# -------------------------------------------------------------------------------------- backward
def _new_mask_mistakes(seed, shape, p_drop, dout, calls):
    """Backward passes that draw a new mask: the reference's mask from the draw after the
    ``calls`` forward draws, for every accepted way of drawing."""
    found = []
    for kind in KINDS:
        u = _draws(seed, shape, kind, calls + 1)[calls]
        for v in _orientations(u):
            layer = _ref_layer(p_drop, v)
            layer.forward(np.ones(shape), training=True)
            found.append((layer.backward(np.array(dout)), MISTAKE_NEW_MASK))
    return found


def _backward(layer, dout, what):
    d = np.array(dout, copy=True)
    dx = as_array(what, call(what, layer.backward, d))
    if not np.array_equal(d, dout):
        fail(t("{what} changed dout in place; leave the caller's array alone", what=what))
    if dx.shape != dout.shape:
        fail(t("{what}: dx must have the shape of dout, {expected}; got {actual}",
               what=what, expected=dout.shape, actual=dx.shape))
    return dx


def check_backward(Dropout):
    """backward(dout) multiplies dout by exactly what forward multiplied x by: the mask of the
    last training forward, scaled by 1/(1-p_drop); it draws nothing."""
    rng = np.random.default_rng(4504)
    for seed, shape, p_drop, dtype, forwards in ((41, (30, 20), 0.3, np.float64, 1),
                                                 (42, (6, 4, 4, 5), 0.5, np.float32, 1),
                                                 (43, (25, 12), 0.4, np.float64, 2)):
        layer = _student_layer(Dropout, p_drop, seed)
        outs = []
        for k in range(forwards):
            x = _signed(rng, shape, dtype)
            what = t("Dropout({p_drop}, rng={seed}).forward(x of shape {shape}, training=True)",
                     p_drop=p_drop, seed=seed, shape=shape)
            outs.append((x, _forward(layer, x, True, what)))
        x, out = outs[-1]
        dout = rng.standard_normal(shape).astype(dtype)
        if forwards == 2:
            what = t("Dropout({p_drop}).backward(dout of shape {shape}) after two training forward passes",
                     p_drop=p_drop, shape=shape)
        else:
            what = t("Dropout({p_drop}).backward(dout of shape {shape}) after a training forward pass",
                     p_drop=p_drop, shape=shape)
        dx = _backward(layer, dout, what)
        # forward multiplied x by out / x (the mask over 1 - p_drop): backward multiplies dout by it
        factor = out.astype(np.float64) / x.astype(np.float64)
        expected = dout * factor
        kept = out != 0
        mistakes = _new_mask_mistakes(seed, shape, p_drop, dout, forwards)
        mistakes += [(dout.astype(np.float64), MISTAKE_BACKWARD_IGNORES)]
        if not np.allclose(factor[kept], 1):
            mistakes.append((dout * kept, MISTAKE_BACKWARD_NO_SCALE))
        if forwards == 2:
            x0, out0 = outs[0]
            mistakes.append((dout * (out0.astype(np.float64) / x0), MISTAKE_FIRST_MASK))
        rtol = 1e-5 if dtype == np.float32 else 1e-7
        expect_close(t("{what}, its dx", what=what), dx, expected, rtol=rtol, atol=1e-7,
                     mistakes=[(v, m) for v, m in mistakes if not close(v, expected, rtol, 1e-7)],
                     hint=t("dx = dout * mask / (1 - p_drop), with the mask the last training forward drew "
                            "and kept (in self.cache, say); backward draws nothing"))
