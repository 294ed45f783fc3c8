"""Hidden checks of ps4_cnn: max-pooling forward and backward (NHWC), the course CNN, MNIST.

Every check compares the student's functions with the reference core (``ref().layers``) on inputs
the student never sees. Inputs stay small (at most a few hundred windows) so that an answer
written with one Python loop per window still finishes each check in well under a second.
When a student's numbers equal those of a deliberately wrong variant below, the message names
that mistake. The variants start from the reference's one max-pool forward: a wrong forward is the
reference on changed arguments (pool, stride) or a changed input, a wrong backward the reference
backward on a changed cache where one can say it, else a few lines on the reference's arg-max.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..messages import N_, t
from ._common import (CheckFailed, as_array, call, close, expect_close, expect_shape, fail, named_mistake,
                      mnist_accuracy, ref, this_is_what, type_name)

__all__ = ["check_forward_basic", "check_forward_rectangular", "check_forward_stride",
           "check_forward_overlapping", "check_backward_basic", "check_backward_overlapping",
           "check_backward_ties", "check_backward_repeated_calls", "check_gradcheck",
           "check_build_cnn", "check_mnist_cnn"]

DEFAULT = object()  # "argument not passed": checks that stride=None / pool=2 are the defaults


# --------------------------------------------------------------------------------------- helpers
def _pair(v):
    return (int(v), int(v)) if np.isscalar(v) else tuple(int(a) for a in v)


def _spec(pool, stride):
    """(ph, pw), (sh, sw) of a call, with the defaults applied."""
    p = (2, 2) if pool is DEFAULT else _pair(pool)
    s = p if stride in (None, DEFAULT) else _pair(stride)
    return p, s


def _label(x, pool, stride):
    args = [t("x of shape {shape}", shape=tuple(x.shape))]
    if pool is not DEFAULT:
        args.append(f"pool={pool!r}")
    if stride is not DEFAULT:
        args.append(f"stride={stride!r}")
    return f"max_pool_forward({', '.join(args)})"


def _args(x, pool, stride):
    args = [x]
    if pool is not DEFAULT:
        args.append(pool)
    if stride is not DEFAULT:
        if pool is DEFAULT:
            return args, {"stride": stride}
        args.append(stride)
    return args, {}


def _ref_forward(x, pool, stride):
    p, s = _spec(pool, stride)
    return ref().layers.max_pool_forward(np.array(x, dtype=np.float64), p, s)


def _ref_out(x, pool, stride):
    return _ref_forward(x, pool, stride)[0]


def _ref_dx(x, pool, stride, dout):
    _, cache = _ref_forward(x, pool, stride)
    return ref().layers.max_pool_backward(np.asarray(dout, dtype=np.float64), cache)


def _distinct(rng, shape, gap=0.1):
    """All values distinct (no ties), as numpynet.gradcheck.distinct_values, in random order."""
    return ref().gradcheck.distinct_values(shape, rng, gap)


def _windows(shape, pool, stride):
    """(i, j, top, left) of every window, in row-major order."""
    _, h, w, _ = shape
    (ph, pw), (sh, sw) = pool, stride
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    for i in range(ho):
        for j in range(wo):
            yield i, j, i * sh, j * sw


# ----------------------------------------------------- deliberately wrong variants, for messages
# All of them start from the reference's forward (its arg-max positions, or its output as the
# maxima of the windows): there is one max-pool forward.

def _ref_arg(x, pool, stride):
    """The reference forward's arg-max offset a*pw + b of every window: (N, Ho, Wo, C)."""
    return _ref_forward(x, pool, stride)[1][3]


def _wrong_backward_stride(x, pool, stride, dout):
    """Window (i, j) placed at row i*ph, column j*pw: the reference backward told stride = pool.
    None where those windows run past x (the student's code would raise)."""
    try:
        return ref().layers.max_pool_backward(dout, (x.shape, pool, pool, _ref_arg(x, pool, stride)))
    except ValueError:
        return None


def _wrong_width(x, pool, stride, dout):
    """The flat arg-max k = a*pw + b split with the pool's height, divmod(k, ph): the reference
    backward told the pool is (pw, ph), on an input grown by the rows and columns that can receive
    a gradient past x. None if one does (the student's code would raise)."""
    (ph, pw), (n, h, w, c) = pool, x.shape
    grown = (n, h + pw, w + ph, c)
    dx = ref().layers.max_pool_backward(dout, (grown, (pw, ph), stride, _ref_arg(x, pool, stride)))
    if dx[:, h:].any() or dx[:, :, w:].any():
        return None
    return dx[:, :h, :w]


def _spread(x, pool, stride, dout, weights):
    """dx when every window passes ``weights`` (N, Ho, Wo, ph, pw, C), or a number, times its
    gradient to each of its inputs; the reference's col2im adds them up."""
    n, ho, wo, c = dout.shape
    cols = np.broadcast_to(weights * dout[:, :, :, None, None, :], (n, ho, wo, *pool, c))
    return ref().layers.col2im(cols, x.shape, pool, stride)


def _ties(x, pool, stride):
    """True where an input equals the maximum of its window (the reference's output), for every
    window: (N, Ho, Wo, ph, pw, C)."""
    windows = sliding_window_view(np.asarray(x, dtype=np.float64), pool, axis=(1, 2))
    windows = windows[:, ::stride[0], ::stride[1]].transpose(0, 1, 2, 4, 5, 3)
    return windows == _ref_out(x, pool, stride)[:, :, :, None, None, :]


def _wrong_all_ties(x, pool, stride, dout):
    """Every input equal to its window's maximum gets the window's gradient (mask = window == max)."""
    return _spread(x, pool, stride, dout, _ties(x, pool, stride))


def _wrong_split_ties(x, pool, stride, dout):
    """The gradient divided equally among the tied maxima."""
    ties = _ties(x, pool, stride)
    return _spread(x, pool, stride, dout, ties / ties.sum(axis=(3, 4), keepdims=True))


def _wrong_average(x, pool, stride, dout):
    """Average pooling's backward: the gradient spread evenly over the window."""
    return _spread(x, pool, stride, dout, 1 / (pool[0] * pool[1]))


def _window_by_window(x, pool, stride, dout, corner=True, add=False):
    """dx[arg-max] = dout[i, j] for window after window in row-major order (= overwrites what an
    earlier window gave a shared input; add: +=). corner=False: the course notes' bug, the
    arg-max's row and column inside the window used as a position in x (the corner never added).
    A loop of its own: what = does depends on the order of the windows, which the reference (all
    windows at once) has no knob for."""
    arg = _ref_arg(x, pool, stride)
    nn, cc = np.ogrid[:x.shape[0], :x.shape[3]]
    dx = np.zeros(x.shape)
    for i, j, top, left in _windows(x.shape, pool, stride):
        rows, cols = np.divmod(arg[:, i, j, :], pool[1])
        if corner:
            rows, cols = rows + top, cols + left
        if add:
            dx[nn, rows, cols, cc] += dout[:, i, j, :]
        else:
            dx[nn, rows, cols, cc] = dout[:, i, j, :]
    return dx


def _wrong_overwrite_offsets(x, pool, stride, dout):
    """A loop over the ph*pw offsets with dx[slice] = np.where(arg == k, dout, 0): zeros overwrite.
    The reference's loop with = for +=, which it has no knob for (it writes with = only where
    windows do not overlap)."""
    (ph, pw), (sh, sw) = pool, stride
    arg = _ref_arg(x, pool, stride)
    ho, wo = arg.shape[1:3]
    dx = np.zeros(x.shape)
    for k in range(ph * pw):
        a, b = divmod(k, pw)
        dx[:, a:a + sh * (ho - 1) + 1:sh, b:b + sw * (wo - 1) + 1:sw, :] = np.where(arg == k, dout, 0)
    return dx


MISTAKE_OVERWRITE = N_("you get when your backward writes each window's gradient with = (dx[...] = dout[...]) "
                        "instead of adding it (dx[...] += dout[...]): where windows overlap, an input "
                        "that is the maximum of several windows must receive the SUM of their gradients")
MISTAKE_ALL_TIES = N_("you get when your backward sends the gradient to every input that ties for the window's "
                      "maximum (a mask like window == window.max()): a window whose maximum appears k "
                      "times then passes k times its gradient. Keep ONE arg-max per window "
                      "(np.argmax returns the first one)")
MISTAKE_SPLIT_TIES = N_("you get when your backward divides the gradient among the inputs that tie for the maximum; "
                        "max-pooling routes it, whole, to ONE arg-max per window (np.argmax's first)")
MISTAKE_AVERAGE = N_("you get when your backward spreads each window's gradient evenly over the window: that is "
                     "average pooling's backward. Max-pooling sends the whole gradient to the "
                     "arg-max of the window and 0 to the other inputs")
MISTAKE_RELATIVE = N_("you get when your backward uses the arg-max's row and column INSIDE the window (0..ph-1, "
                      "0..pw-1) as if they were positions in the input, so every gradient lands in the "
                      "top-left corner of the image (the course notes' bug). Add the window's corner: "
                      "row i*sh + a, column j*sw + b")
MISTAKE_WIDTH = N_("you get when your backward splits the flat arg-max index k = a*pw + b with the pool's HEIGHT "
                   "(divmod(k, ph)); the row is k // pw and the column k % pw (a row of the window "
                   "holds pw values). Square pools hide this mistake")
MISTAKE_BACKWARD_STRIDE = N_("you get when your backward places window (i, j) at row i*ph, column j*pw: it ignores "
                             "the stride. Window (i, j) starts at row i*sh, column j*sw")


def _backward_mistakes(x, pool, stride, dout):
    """(value, message) pairs of the known wrong backward passes on this input."""
    variants = [
        (_window_by_window, MISTAKE_OVERWRITE),
        (_wrong_overwrite_offsets, MISTAKE_OVERWRITE),
        (_wrong_all_ties, MISTAKE_ALL_TIES),
        (_wrong_split_ties, MISTAKE_SPLIT_TIES),
        (_wrong_average, MISTAKE_AVERAGE),
        (lambda *args: _window_by_window(*args, corner=False), MISTAKE_RELATIVE),
        (lambda *args: _window_by_window(*args, corner=False, add=True), MISTAKE_RELATIVE),
        (_wrong_width, MISTAKE_WIDTH),
        (_wrong_backward_stride, MISTAKE_BACKWARD_STRIDE),
    ]
    expected = _ref_dx(x, pool, stride, dout)
    found = [(make(x, pool, stride, dout), message) for make, message in variants]
    return [(value, message) for value, message in found
            if value is not None and not close(value, expected)]


def _coverage(shape, pool, stride):
    """How many windows each input belongs to."""
    count = np.zeros(shape[1:3], dtype=int)
    ph, pw = pool
    for _, _, top, left in _windows(shape, pool, stride):
        count[top:top + ph, left:left + pw] += 1
    return count


def _backward_hint(x, pool, stride, dout, dx, expected):
    """A sentence on the symptom, for wrong answers that match no known mistake exactly."""
    hints = []
    nonzero, expected_nonzero = int(np.count_nonzero(dx)), int(np.count_nonzero(expected))
    if 0 < nonzero <= max(1, expected_nonzero // (x.shape[0] * x.shape[3])) < expected_nonzero:
        hints.append(t("only {received} inputs received a gradient, {expected} should: it looks "
                       "like one arg-max for the whole batch and all channels (np.argmax without an "
                       "axis flattens N and C too). Take the arg-max separately for every example "
                       "and every channel, over the window's rows and columns only",
                       received=nonzero, expected=expected_nonzero))
    if np.all(dout > 0):
        lost, came = float(dx.sum()), float(dout.sum())
        if lost < came * (1 - 1e-6):
            overlap = _coverage(x.shape, pool, stride).max() > 1
            if overlap:
                hints.append(t("the gradients in dx add up to {total:.6g}, less than the {incoming:.6g} that came "
                               "in (every window passes on all of its gradient): gradients of overlapping "
                               "windows must be added (+=), not overwritten (=)", total=lost, incoming=came))
            else:
                hints.append(t("the gradients in dx add up to {total:.6g}, less than the {incoming:.6g} that came "
                               "in (every window passes on all of its gradient)", total=lost, incoming=came))
        elif lost > came * (1 + 1e-6):
            hints.append(t("the gradients in dx add up to {total:.6g}, more than the {incoming:.6g} that came "
                           "in: some window gives its gradient to more than one input", total=lost, incoming=came))
    uncovered = _coverage(x.shape, pool, stride) == 0
    if uncovered.any() and np.any(dx[:, uncovered, :] != 0):
        hints.append(t("inputs that belong to no window (the rows and columns left over at the bottom "
                       "and right when the windows do not fit exactly) must get a gradient of 0"))
    return hints


def _hint(sentences):
    """The sentences of a hint as one, for expect_close ("" for none)."""
    return t("Hint: {hints}", hints="; ".join(sentences)) if sentences else ""


# -------------------------------------------------------------------------------------- forward
def _forward_variants(x, pool, stride):
    """{name: output} of known wrong forward passes that run without error on x: the reference's
    forward with its pool and stride changed, or on x changed."""
    (ph, pw), (sh, sw) = _spec(pool, stride)
    n, h, w, c = x.shape
    candidates = {
        "pool_hw": ((pw, ph), (sh, sw)),
        "pool_stride_hw": ((pw, ph), (sw, sh)),
        "stride_hw": ((ph, pw), (sw, sh)),
        "pool_stride_swapped": ((sh, sw), (ph, pw)),
        "stride_ignored": ((ph, pw), (ph, pw)),
        "stride_one" if stride in (None, DEFAULT) else "stride_as_one": ((ph, pw), (1, 1)),
    }
    outputs = {name: _ref_out(x, p, s) for name, (p, s) in candidates.items()
               if (p, s) != ((ph, pw), (sh, sw)) and p[0] <= h and p[1] <= w}
    true = _ref_out(x, pool, stride)
    outputs["channels"] = np.broadcast_to(_ref_out(x.max(axis=3, keepdims=True), pool, stride), true.shape)
    if c != h:  # as if x were NCHW: pooled over (W, C), channels = H
        try:
            outputs["nchw"] = _ref_out(x.transpose(0, 2, 3, 1), (ph, pw), (sh, sw)).transpose(0, 3, 1, 2)
        except ValueError:
            pass
    return outputs


FORWARD_MISTAKES = {
    "pool_hw": N_("you get with the pool (ph, pw) used as (pw, ph), height and width swapped: pool[0] is "
                  "the window's height (along axis 1 of x (N, H, W, C)), pool[1] its width (axis 2)"),
    "pool_stride_hw": N_("you get with height and width swapped (pool and stride used as (w, h)): pool[0] "
                         "and stride[0] go down the rows (axis 1), pool[1] and stride[1] along the "
                         "columns (axis 2)"),
    "stride_hw": N_("you get with the stride (sh, sw) used as (sw, sh): stride[0] moves the window down "
                    "the rows, stride[1] along the columns"),
    "pool_stride_swapped": N_("you get with the pool size and the stride swapped (windows of the "
                              "stride's size, moved by the pool's size)"),
    "stride_ignored": N_("you get when the windows move by the pool size whatever the stride: window "
                         "(i, j) starts at row i*sh, column j*sw"),
    "stride_one": N_("you get with the windows moved by 1 when stride=None: by default the stride "
                     "equals the pool size (non-overlapping windows)"),
    "stride_as_one": N_("you get with the windows moved by 1 whatever the stride: window (i, j) starts "
                        "at row i*sh, column j*sw"),
    "channels": N_("you get when the max is taken over the channels too (every channel gets the same "
                   "value): take the max over each window's rows and columns only, separately for "
                   "every example and every channel (axes 1 and 2 of (N, H, W, C))"),
    "nchw": N_("you get when x is treated as (N, C, H, W): the course uses NHWC (N, H, W, C), so the "
               "window slides along axes 1 (H) and 2 (W), and axis 3 holds the channels"),
}


def _shape_mistake(x, pool, stride, shape):
    """Name the mistake an output of the wrong ``shape`` points to."""
    (ph, pw), (sh, sw) = _spec(pool, stride)
    n, h, w, c = x.shape
    ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
    shape = tuple(shape)
    if len(shape) != 4:
        return t("out must be 4-D (N, Ho, Wo, C), the layout of x")
    for name, out in _forward_variants(x, pool, stride).items():
        if out.shape == shape and out.shape != (n, ho, wo, c):
            return t("This shape is what {mistake}", mistake=t(FORWARD_MISTAKES[name]))
    if shape[0] != n or shape[3] != c:
        return t("out keeps the batch size N (axis 0) and the channels C (axis 3) of x")
    hw = shape[1:3]
    if hw == (h - ph + 1, w - pw + 1):
        return t("your output size ignores the stride: (H - ph) + 1 = {stride_one} is the size for "
                 "stride 1; with stride sh it is (H - ph) // sh + 1 = {ho}", stride_one=h - ph + 1, ho=ho)
    if hw == (h // ph, w // pw) or hw == (h // sh, w // sw):
        return t("your output size is H // ph (or H // sh) = {got}; the number of windows that fit "
                 "is (H - ph) // sh + 1 = {ho} (and (W - pw) // sw + 1 = {wo} across)", got=hw[0], ho=ho, wo=wo)
    if h != w and hw in ((ho, ho), (wo, wo)):
        return t("your output is square although the input is not (H != W): you compute the output "
                 "width from the height (or the other way round); use x.shape[1] for H and "
                 "x.shape[2] for W")
    if hw == (-(-(h - ph) // sh) + 1, -(-(w - pw) // sw) + 1):
        return t("windows that do not fit entirely are dropped: Ho = (H - ph) // sh + 1 = {ho} "
                 "(floor division), not rounded up", ho=ho)
    return t("Ho = (H - ph) // sh + 1 = {ho} and Wo = (W - pw) // sw + 1 = {wo}", ho=ho, wo=wo)


def _forward(fwd, x, pool=DEFAULT, stride=DEFAULT):
    """Call the student's forward on a copy of x; check it returns (out, cache) and leaves x alone."""
    what = _label(x, pool, stride)
    x_in = np.array(x, copy=True)
    args, kwargs = _args(x_in, pool, stride)
    try:
        result = call(what, fwd, *args, **kwargs)
    except CheckFailed as err:
        err.raised = True   # the student's forward raised (read by check_forward_rectangular)
        if "NotImplementedError" in str(err):
            raise
        (ph, pw), (sh, sw) = _spec(pool, stride)
        n, h, w, c = x.shape
        ho, wo = (h - ph) // sh + 1, (w - pw) // sw + 1
        message = t("{error}. Hint: here Ho = (H - ph) // sh + 1 = ({h} - {ph}) // {sh} + 1 = {ho} and "
                    "Wo = (W - pw) // sw + 1 = ({w} - {pw}) // {sw} + 1 = {wo}; an output size that ignores "
                    "the stride ((H - ph) + 1, or H // ph) runs windows past the input{not_square}", error=err,
                    h=h, ph=ph, sh=sh, ho=ho, w=w, pw=pw, sw=sw, wo=wo,
                    not_square=t(", and with H != W, H and W must not be mixed up") if h != w else "")
        failure = CheckFailed(message)
        failure.raised = True
        raise failure
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(t("{what} returned {type}; it must return a pair (out, cache): the "
               "pooled array and what max_pool_backward needs", what=what, type=type_name(result)))
    out, cache = result
    out = as_array(t("{what}, its out", what=what), out)
    if not np.array_equal(x_in, x):
        fail(t("{what} changed its input x in place ({count} values changed); "
               "leave the caller's array alone", what=what, count=int(np.sum(x_in != x))))
    return out, cache, what


def _check_forward_case(fwd, x, pool=DEFAULT, stride=DEFAULT):
    out, cache, what = _forward(fwd, x, pool, stride)
    expected = _ref_out(x, pool, stride)
    if out.shape != expected.shape:
        fail(t("{what}: expected out of shape {expected}, got {actual}. {reason}", what=what,
               expected=expected.shape, actual=out.shape, reason=_shape_mistake(x, pool, stride, out.shape)))
    def mistakes():
        return [(v, FORWARD_MISTAKES[k]) for k, v in _forward_variants(x, pool, stride).items()
                if not close(v, expected)]
    expect_close(t("{what}, its out", what=what), out, expected, mistakes=mistakes,
                 hint=lambda: _hint(_forward_value_hints(x, pool, stride, out, expected)))
    return out, cache


def _forward_value_hints(x, pool, stride, out, expected):
    hints = []
    values = set(np.round(np.asarray(x, dtype=np.float64).ravel(), 9))
    if not set(np.round(out.astype(np.float64).ravel(), 9)) <= values:
        hints.append(t("some outputs are not values of x: every output of a max-pool is the maximum "
                       "of its window, one of the inputs"))
    return hints


def _dtype_hint(got, want):
    """Where an output of the wrong dtype usually comes from."""
    return t("Something converts to {dtype} (an .astype({dtype}) or a buffer of dtype {dtype}): float32 "
             "loses the digits the float64 gradient check needs; keep x's dtype", dtype=got)


def check_forward_basic(max_pool_forward):
    """Default arguments, batches and channels, odd sizes, float32 and float64 input."""
    rng = np.random.default_rng(4101)
    x = _distinct(rng, (3, 6, 6, 4))
    _check_forward_case(max_pool_forward, x)                        # pool=2, stride default
    _check_forward_case(max_pool_forward, x, 2)
    _check_forward_case(max_pool_forward, x, 3)                     # stride defaults to 3
    _check_forward_case(max_pool_forward, x, 2, None)
    x_odd = _distinct(rng, (2, 7, 7, 3))                            # last row and column left over
    _check_forward_case(max_pool_forward, x_odd, 2)
    x32 = _distinct(rng, (4, 8, 8, 5)).astype(np.float32)
    _check_forward_case(max_pool_forward, x32, 2)
    negative = -np.abs(_distinct(rng, (2, 4, 4, 2))) - 1.0          # all negative: no max with 0
    _check_forward_case(max_pool_forward, negative, 2)
    xd = _distinct(rng, (2, 6, 6, 3))                               # the gradient checks run in float64
    out, _, what = _forward(max_pool_forward, xd, 2)
    if out.dtype != np.float64:
        fail(t("{what}: x is float64 but out is {dtype}; out must have the dtype of x. {hint}",
               what=what, dtype=out.dtype, hint=_dtype_hint(out.dtype, xd.dtype)))


def check_forward_rectangular(max_pool_forward):
    """Inputs with H != W and rectangular pools (and strides)."""
    rng = np.random.default_rng(4102)
    square = _distinct(rng, (2, 6, 6, 3))
    _check_forward_case(max_pool_forward, square, 2)
    x = _distinct(rng, (2, 6, 10, 3))                               # H != W, square pool
    for args in ((2,), (3,)):
        try:
            _check_forward_case(max_pool_forward, x, *args)
        except CheckFailed as err:
            if getattr(err, "raised", False):
                fail(t("{error}. It works on a square input but not when H != W (here H = 6, W = 10): "
                       "look for W where H belongs (x.shape[1] is H, x.shape[2] is W)", error=err))
            raise
    _check_forward_case(max_pool_forward, _distinct(rng, (3, 9, 5, 2)), 2)
    for shape, pool, stride in (((2, 6, 9, 3), (2, 3), DEFAULT), ((2, 9, 6, 2), (3, 2), DEFAULT),
                                ((3, 4, 9, 2), (1, 3), DEFAULT), ((2, 8, 9, 2), (2, 3), (2, 3)),
                                ((2, 7, 8, 3), (3, 2), None)):
        _check_forward_case(max_pool_forward, _distinct(rng, shape), pool, stride)


def check_forward_stride(max_pool_forward):
    """stride > pool (gaps between windows), stride != pool per axis, windows that do not fit."""
    rng = np.random.default_rng(4103)
    for shape, pool, stride in (((2, 7, 7, 3), 2, 3), ((2, 11, 9, 2), 2, 4), ((3, 8, 10, 2), (2, 2), (3, 2)),
                                ((2, 9, 10, 3), (2, 3), (3, 4)), ((2, 10, 8, 2), 3, (4, 3)),
                                ((2, 6, 9, 2), 1, 2)):
        _check_forward_case(max_pool_forward, _distinct(rng, shape), pool, stride)


def check_forward_overlapping(max_pool_forward):
    """stride < pool: windows share inputs."""
    rng = np.random.default_rng(4104)
    for shape, pool, stride in (((2, 5, 5, 3), 2, 1), ((2, 7, 9, 2), 3, 2), ((3, 6, 8, 2), (3, 2), (1, 1)),
                                ((2, 8, 7, 2), (2, 3), (1, 2)), ((2, 9, 9, 3), (3, 3), (2, 1))):
        _check_forward_case(max_pool_forward, _distinct(rng, shape), pool, stride)


# ------------------------------------------------------------------------------------- backward
def _forward_for_backward(fwd, x, pool, stride):
    out, cache, what = _forward(fwd, x, pool, stride)
    expected = _ref_out(x, pool, stride)
    if out.shape != expected.shape:
        fail(t("cannot test the backward pass: {what} returned out of shape {actual}, expected "
               "{expected} (see the forward tests). {reason}", what=what, actual=out.shape,
               expected=expected.shape, reason=_shape_mistake(x, pool, stride, out.shape)))
    return out, cache, what


def _backward(bwd, dout, cache, what, hint=""):
    d = np.array(dout, copy=True)
    try:
        dx = call(t("max_pool_backward(dout, cache) after {what}", what=what), bwd, d, cache)
    except CheckFailed as err:
        fail(f"{err}{hint}")
    if not np.array_equal(d, dout):
        fail(t("max_pool_backward changed dout in place after {what}; leave the caller's array alone", what=what))
    return as_array(t("max_pool_backward after {what}", what=what), dx)


def _backward_crash_hint(p, s):
    """What to look at when the backward pass raises (typically an index past the input)."""
    hints = []
    if p[0] != p[1]:
        hints.append(t("with the rectangular pool {pool}, the flat arg-max k = a*pw + b splits into row "
                       "a = k // pw and column b = k % pw; dividing by the pool's HEIGHT (divmod(k, ph)) "
                       "gives rows and columns outside the window", pool=p))
    if p != s:
        hints.append(t("with pool {pool} and stride {stride}, window (i, j) covers rows i*sh to i*sh + ph - 1 and "
                       "columns j*sw to j*sw + pw - 1 of x; a backward that places windows with the pool "
                       "size instead of the stride (i*ph) reaches past the input", pool=p, stride=s))
    return (". " + _hint(hints)) if hints else ""


def _check_backward_case(fwd, bwd, x, pool, stride, dout=None, rng=None):
    p, s = _spec(pool, stride)
    _, cache, what = _forward_for_backward(fwd, x, pool, stride)
    if dout is None:
        dout = rng.standard_normal(_ref_out(x, pool, stride).shape)
    hint = _backward_crash_hint(p, s)
    dx = _backward(bwd, dout, cache, what, hint)
    expected = _ref_dx(x, pool, stride, dout)
    if dx.shape != expected.shape:
        fail(t("max_pool_backward after {what}: dx must have the shape of x, {expected}; got "
               "{actual}", what=what, expected=expected.shape, actual=dx.shape))
    expect_close(t("max_pool_backward after {what}, its dx", what=what), dx, expected,
                 mistakes=lambda: _backward_mistakes(x, p, s, dout),
                 hint=lambda: _hint(_backward_hint(x, p, s, dout, dx, expected)))
    return dx


def check_backward_basic(max_pool_forward, max_pool_backward):
    """Non-overlapping windows (stride = pool, or larger: gaps): square and rectangular pools,
    leftover rows, batches and channels, float32, and a second backward with the same cache."""
    rng = np.random.default_rng(4201)
    fwd, bwd = max_pool_forward, max_pool_backward
    for shape, pool, stride in (((2, 4, 4, 3), 2, DEFAULT), ((3, 6, 6, 2), 2, None), ((2, 7, 9, 3), 3, DEFAULT),
                                ((2, 6, 9, 2), (2, 3), DEFAULT), ((3, 7, 8, 2), (3, 2), None),
                                ((2, 5, 7, 2), (2, 3), (2, 3)),
                                ((2, 7, 7, 3), 2, 3), ((2, 9, 10, 2), (2, 3), (3, 4))):  # gaps
        _check_backward_case(fwd, bwd, _distinct(rng, shape), pool, stride, rng=rng)
    # positive upstream gradients make a lost or duplicated gradient visible in the hints
    x = _distinct(rng, (2, 6, 9, 3))
    _check_backward_case(fwd, bwd, x, (2, 3), None, dout=rng.uniform(1, 2, (2, 3, 3, 3)))
    # float32, the training dtype
    x32 = _distinct(rng, (4, 8, 8, 3)).astype(np.float32)
    _check_backward_case(fwd, bwd, x32, 2, DEFAULT,
                         dout=rng.standard_normal((4, 4, 4, 3)).astype(np.float32))
    # backward twice with one cache: the same dx (backward must not consume or change the cache)
    x = _distinct(rng, (2, 6, 6, 2))
    _, cache, what = _forward_for_backward(fwd, x, 2, DEFAULT)
    dout = rng.standard_normal((2, 3, 3, 2))
    first = _backward(bwd, dout, cache, what)
    second = _backward(bwd, dout, cache, what)
    expect_close(t("a second max_pool_backward with the same cache after {what}", what=what), second, first)


def check_backward_overlapping(max_pool_forward, max_pool_backward):
    """stride < pool: an input that is the max of several windows gets the sum of their gradients."""
    rng = np.random.default_rng(4202)
    fwd, bwd = max_pool_forward, max_pool_backward
    # a plateau: the centre value is the max of all four windows
    x = np.array([[1., 2., 3.], [4., 9., 5.], [6., 7., 8.]]).reshape(1, 3, 3, 1)
    _check_backward_case(fwd, bwd, x, 2, 1, dout=np.array([1., 2., 3., 4.]).reshape(1, 2, 2, 1))
    for shape, pool, stride in (((2, 5, 5, 3), 2, 1), ((2, 7, 9, 2), 3, 2), ((2, 6, 8, 2), (3, 2), (1, 1)),
                                ((2, 8, 7, 2), (2, 3), (1, 2)), ((2, 9, 9, 2), 3, (2, 1))):
        x = _distinct(rng, shape)
        _check_backward_case(fwd, bwd, x, pool, stride, rng=rng)
        out_shape = _ref_out(x, pool, stride).shape
        _check_backward_case(fwd, bwd, x, pool, stride, dout=rng.uniform(1, 2, out_shape))


def _check_ties_case(fwd, bwd, x, pool, stride, dout):
    """Non-overlapping windows with ties: each window's gradient goes, whole, to ONE of its maxima
    (any one: the tie-break is free here)."""
    (ph, pw), _ = _spec(pool, stride)
    _, cache, what = _forward_for_backward(fwd, x, pool, stride)
    dx = _backward(bwd, dout, cache, what, _backward_crash_hint((ph, pw), (ph, pw)))
    expect_shape(t("max_pool_backward after {what}, its dx", what=what), dx, x.shape)
    label = t("max_pool_backward after {what} on an input with ties", what=what)
    covered = np.zeros(x.shape[1:3], dtype=bool)
    maxima = _ref_out(x, pool, stride)
    for i, j, top, left in _windows(x.shape, (ph, pw), (ph, pw)):
        covered[top:top + ph, left:left + pw] = True
        win = x[:, top:top + ph, left:left + pw, :]
        got = dx[:, top:top + ph, left:left + pw, :]
        g = dout[:, i:i + 1, j:j + 1, :]
        is_max = win == maxima[:, i:i + 1, j:j + 1, :]
        ties = is_max.sum(axis=(1, 2))
        receivers = (got != 0).sum(axis=(1, 2))
        where = np.argwhere(receivers != 1)
        if where.size:
            n, c = (int(v) for v in where[0])
            k, r = int(ties[n, c]), int(receivers[n, c])
            block = got[n, :, :, c]
            message = t("{label}: window ({i}, {j}) of example {n}, channel {c} has {ties} inputs tied "
                        "for the maximum {maximum:g}; {receivers} inputs received a gradient, "
                        "exactly 1 should (dx in that window: {block}, upstream gradient "
                        "{gradient:.4g})", label=label, i=i, j=j, n=n, c=c, ties=k, maximum=maxima[n, i, j, c],
                        receivers=r, block=block.tolist(), gradient=g[n, 0, 0, c])
            if r == k > 1 and np.allclose(block[is_max[n, :, :, c]], g[n, 0, 0, c]):
                message = this_is_what(message, MISTAKE_ALL_TIES)
            elif r == k > 1 and np.allclose(block[is_max[n, :, :, c]], g[n, 0, 0, c] / k):
                message = this_is_what(message, MISTAKE_SPLIT_TIES)
            elif r == ph * pw and np.allclose(block, g[n, 0, 0, c] / (ph * pw)):
                message = this_is_what(message, MISTAKE_AVERAGE)
            fail(message)
        if np.any(is_max == 0) and np.any((got != 0) & ~is_max):
            n, a, b, c = (int(v) for v in np.argwhere((got != 0) & ~is_max)[0])
            fail(t("{label}: window ({i}, {j}) of example {n}, channel {c}: the gradient went to "
                   "row {a}, column {b} of the window, which holds {value:g}, not the "
                   "maximum {maximum:g}", label=label, i=i, j=j, n=n, c=c, a=a, b=b, value=win[n, a, b, c],
                   maximum=maxima[n, i, j, c]))
        expect_close(t("{label}: the gradient received in window ({i}, {j})", label=label, i=i, j=j),
                     got.sum(axis=(1, 2)), g[:, 0, 0])
    if np.any(dx[:, ~covered, :] != 0):
        fail(t("{label}: inputs that belong to no window (rows and columns left over) must get 0", label=label))


def check_backward_ties(max_pool_forward, max_pool_backward):
    """Windows whose maximum appears several times: exactly one input gets the gradient."""
    rng = np.random.default_rng(4203)
    fwd, bwd = max_pool_forward, max_pool_backward
    flat = np.zeros((2, 4, 4, 3))                                  # every window is one big tie
    _check_ties_case(fwd, bwd, flat, 2, DEFAULT, rng.uniform(1, 2, (2, 2, 2, 3)))
    for shape, pool, high in (((3, 6, 6, 2), 2, 2), ((2, 6, 9, 3), (2, 3), 3), ((2, 7, 8, 2), (3, 2), 2),
                              ((2, 6, 6, 2), 3, 1)):
        x = rng.integers(0, high + 1, size=shape).astype(np.float64)
        out_shape = _ref_out(x, pool, DEFAULT).shape
        _check_ties_case(fwd, bwd, x, pool, DEFAULT, rng.uniform(1, 2, out_shape))
        _check_ties_case(fwd, bwd, x, pool, DEFAULT, -rng.uniform(1, 2, out_shape))


# ------------------------------------------------------------------------------- repeated calls
def _size(obj, seen=None, depth=0):
    """Rough size of what ``obj`` holds: array elements plus container lengths, recursively."""
    seen = set() if seen is None else seen
    if id(obj) in seen or depth > 8:
        return 0
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        return int(obj.size)
    if isinstance(obj, dict):
        return len(obj) + sum(_size(k, seen, depth + 1) + _size(v, seen, depth + 1) for k, v in obj.items())
    if isinstance(obj, (list, tuple, set, frozenset)) or type(obj).__name__ == "deque":
        return len(obj) + sum(_size(v, seen, depth + 1) for v in obj)
    if callable(obj) and getattr(obj, "__closure__", None):
        return sum(_size(c.cell_contents, seen, depth + 1) for c in obj.__closure__
                   if _has_contents(c))
    if hasattr(obj, "__dict__") and not isinstance(obj, type) and type(obj).__module__ != "builtins":
        return _size(vars(obj), seen, depth + 1)
    return 0


def _has_contents(cell):
    try:
        cell.cell_contents
        return True
    except ValueError:
        return False


def _mutable_state(fn):
    """{description: size} of the lists, dicts and arrays a function can keep between calls: its
    module-level variables and its default arguments."""
    state = {}
    for name, value in (getattr(fn, "__globals__", None) or {}).items():
        if isinstance(value, (list, dict, set)) or type(value).__name__ == "deque":
            state[t("the module-level variable `{name}`", name=name)] = _size(value)
    code = getattr(fn, "__code__", None)
    defaults = getattr(fn, "__defaults__", None) or ()
    if code is not None and defaults:
        names = code.co_varnames[:code.co_argcount][-len(defaults):]
        for name, value in zip(names, defaults):
            if isinstance(value, (list, dict, set)):
                empty = {"list": "[]", "dict": "{}", "set": "set()"}[type(value).__name__]
                state[t("the default argument `{name}={empty}`", name=name, empty=empty)] = _size(value)
    for name, value in (getattr(fn, "__kwdefaults__", None) or {}).items():
        if isinstance(value, (list, dict, set)):
            state[t("the default argument `{name}`", name=name)] = _size(value)
    return state


GROWS = N_("your forward keeps something that grows at every call: {where} (it held {before:,} values "
           "and items, then {after:,} after {calls} more calls with the same input). A list appended to across calls (a "
           "module-level list or a mutable default argument like `positions=[]`) makes the backward "
           "pass pair gradients with the arg-max positions of earlier calls, and memory grows "
           "without bound during training. Build a new cache in every call, holding only what "
           "this call needs")
GLOBAL_STATE_MISTAKE = N_("you get when your functions share state through a global (module-level) "
                          "variable or a mutable default argument: after a second forward call, the "
                          "first call's cache gives the second call's backward. Return everything "
                          "backward needs in the cache, and read only the cache in backward")
STALE_POSITIONS = N_("you get with the arg-max positions of the FIRST call: the backward pass pairs the "
                     "gradients with positions of an earlier call (a list that grows across calls, or "
                     "state kept outside the cache). Build a new cache in every call")
GLOBAL_STATE = N_("after a second forward call, the cache of the first call gives the backward "
                  "pass of the second: your functions share state through a global (module-level) "
                  "variable or a mutable default argument. Return everything backward needs in the "
                  "cache, and read only the cache in backward")


def check_backward_repeated_calls(max_pool_forward, max_pool_backward):
    """Caches are per call: nothing grows across calls; forward A, forward B, then backward with B's
    cache and with A's cache both give the right dx."""
    rng = np.random.default_rng(4204)
    fwd, bwd = max_pool_forward, max_pool_backward
    x = _distinct(rng, (2, 6, 6, 3))
    _, first_cache, what = _forward_for_backward(fwd, x, 2, DEFAULT)
    before_state = _mutable_state(fwd)
    first_size = _size(first_cache)
    calls = 5
    for _ in range(calls):
        _, last_cache, _ = _forward_for_backward(fwd, x, 2, DEFAULT)
    after_state = _mutable_state(fwd)
    for where, size in after_state.items():
        if where in before_state and size > before_state[where]:
            fail(t(GROWS, where=where, before=before_state[where], after=size, calls=calls))
    for where, size in ((t("the cache of the first call"), _size(first_cache)),
                        (t("the cache"), _size(last_cache))):
        if size > first_size:
            fail(t(GROWS, where=where, before=first_size, after=size, calls=calls))
    # forward A, forward B (same shapes), backward B then backward A
    xa, xb = _distinct(rng, (2, 6, 6, 3)), _distinct(rng, (2, 6, 6, 3))
    da, db = rng.standard_normal((2, 3, 3, 3)), rng.standard_normal((2, 3, 3, 3))
    _, cache_a, what_a = _forward_for_backward(fwd, xa, 2, DEFAULT)
    _, cache_b, what_b = _forward_for_backward(fwd, xb, 2, DEFAULT)
    got_b = _backward(bwd, db, cache_b, t("two forward calls (A then B), with B's cache"))
    expected_b = _ref_dx(xb, 2, DEFAULT, db)
    expect_close(t("backward of B (the second of two forward calls), its dx"), got_b, expected_b,
                 mistakes=lambda: [(_ref_dx(xa, 2, DEFAULT, db), STALE_POSITIONS)]
                 + _backward_mistakes(xb, (2, 2), (2, 2), db),
                 hint=lambda: _hint(_backward_hint(xb, (2, 2), (2, 2), db, got_b, expected_b)
                                    + [t("backward must use the cache it is given, and that cache must "
                                         "hold the second call's arg-max positions only")]))
    try:
        got_a = _backward(bwd, da, cache_a, t("two forward calls (A then B), with A's cache"))
    except CheckFailed as err:
        fail(f"{err}. {t(GLOBAL_STATE)}")
    expect_close(t("backward with the cache of A (the first of two forward calls), its dx"), got_a,
                 _ref_dx(xa, 2, DEFAULT, da),
                 mistakes=lambda: [(_ref_dx(xb, 2, DEFAULT, da), GLOBAL_STATE_MISTAKE)]
                 + _backward_mistakes(xa, (2, 2), (2, 2), da),
                 hint=_hint([t(GLOBAL_STATE)]))
    # different shapes and pools: A's cache must still describe A
    xc = _distinct(rng, (3, 8, 10, 2))
    dc = rng.standard_normal(_ref_out(xc, (2, 3), (1, 2)).shape)
    _, cache_a, _ = _forward_for_backward(fwd, xa, 2, DEFAULT)
    _, cache_c, _ = _forward_for_backward(fwd, xc, (2, 3), (1, 2))
    try:
        got_a = _backward(bwd, da, cache_a, t("forward A (pool 2), then forward C (another shape, pool (2, 3)), "
                                              "with A's cache"))
    except CheckFailed as err:
        fail(f"{err}. {t(GLOBAL_STATE)}")
    if got_a.shape != xa.shape:
        fail(t("backward with the cache of an earlier call returned dx of shape {actual}, the "
               "shape of that call's x is {expected}. {reason}", actual=got_a.shape, expected=xa.shape,
               reason=t(GLOBAL_STATE)))
    expect_close(t("backward with the cache of an earlier call of another shape, its dx"), got_a,
                 _ref_dx(xa, 2, DEFAULT, da), hint=_hint([t(GLOBAL_STATE)]))
    got_c = _backward(bwd, dc, cache_c, t("forward A, forward C, with C's cache"),
                      _backward_crash_hint((2, 3), (1, 2)))
    expected_c = _ref_dx(xc, (2, 3), (1, 2), dc)
    expect_close(t("backward of the latest call (pool (2, 3), stride (1, 2)), its dx"), got_c, expected_c,
                 mistakes=lambda: _backward_mistakes(xc, (2, 3), (1, 2), dc),
                 hint=lambda: _hint(_backward_hint(xc, (2, 3), (1, 2), dc, got_c, expected_c)))


# -------------------------------------------------------------------------------- gradient check
def check_gradcheck(max_pool_forward, max_pool_backward):
    """The backward pass is the derivative of the forward pass: numeric gradients (centred
    differences, float64, distinct values so no window has a tie) on overlapping rectangular windows."""
    gc = ref().gradcheck
    rng = np.random.default_rng(4301)
    for shape, pool, stride in (((2, 5, 7, 3), (3, 2), (2, 1)), ((2, 6, 6, 2), 2, DEFAULT),
                                ((1, 7, 5, 2), (2, 3), (1, 2))):
        x = _distinct(rng, shape)
        out, cache, what = _forward_for_backward(max_pool_forward, x, pool, stride)
        if out.dtype != np.float64:
            fail(t("{what} returned {dtype} for a float64 x: keep the input's dtype (numeric "
                   "gradient checks need float64; training runs in float32). {hint}", what=what, dtype=out.dtype,
                   hint=_dtype_hint(out.dtype, np.float64)))
        dout = rng.standard_normal(out.shape)
        dx = _backward(max_pool_backward, dout, cache, what, _backward_crash_hint(*_spec(pool, stride)))
        expect_shape(t("max_pool_backward after {what}, its dx", what=what), dx, x.shape)
        args, kwargs = _args(x, pool, stride)

        def f():
            return np.asarray(max_pool_forward(*args, **kwargs)[0], dtype=np.float64)

        numeric = call(t("the numeric gradient of {what}", what=what), gc.numeric_gradient, f, x, dout)
        error = gc.rel_error(dx, numeric)
        if not error < 1e-6:
            p, s = _spec(pool, stride)
            mistakes = _backward_mistakes(x, p, s, dout)
            named = named_mistake(dx, mistakes, atol=1e-8)
            fail(t("gradient check of max_pool_backward after {what}: relative error {error:.2g} "
                   "between your dx and the numeric gradient of your forward pass (below 1e-7 is "
                   "right, above 1e-2 is almost surely wrong)", what=what, error=error)
                 + (t(". Your dx is what {mistake}", mistake=t(named)) if named else
                    t(". Likely cause: {cause}", cause=_gradcheck_cause(x, p, s, out, dout, dx))))


def _gradcheck_cause(x, pool, stride, out, dout, dx):
    """The likeliest reason a gradient check failed, for a dx that matches no known mistake."""
    if dx.dtype != np.float64:
        return t("your backward returned {dtype} for a float64 dout: its rounding (about 1e-7 "
                 "relative in float32) is the error; give dx the dtype of dout", dtype=dx.dtype)
    if not close(out, _ref_out(x, pool, stride)):
        return t("your forward pass is wrong on this input (see the forward tests): the numeric gradient "
                 "is that of your forward, and a backward written for max-pooling does not match it")
    hints = _backward_hint(x, pool, stride, dout, dx, _ref_dx(x, pool, stride, dout))
    if hints:
        return "; ".join(hints)
    return t("the gradients land on the wrong inputs: each window's gradient belongs to its arg-max, at row "
             "i*sh + a and column j*sw + b of x, where (a, b) = divmod(k, pw) of the flat index k")


# ----------------------------------------------------------------------------------- course CNN
def _pool_layers(model):
    return [(i, layer) for i, layer in enumerate(model.layers) if "pool" in type_name(layer).lower()]


def _reference_cnn(pooling, params):
    r = ref()
    L, A = r.layers, r.activations
    layers = [L.Conv2D(1, 16, 3, activation=A.LeakyReLU(0.01)),
              L.Conv2D(16, 32, 4, stride=2, activation=A.LeakyReLU(0.01))]
    if pooling:
        layers.append(L.MaxPool2D(2))
    layers += [L.Flatten(), L.Dense(6 * 6 * 32 if pooling else 12 * 12 * 32, 256, activation=A.ReLU()),
               L.Dense(256, 10)]
    model = r.model.Sequential(layers)
    for p, value in zip(model.params().values(), params):
        p[...] = value
    return model


def _forward_with_reference_pooling(model, x):
    """The student's model in eval mode, its pooling layers computed by the reference, so that a
    pooling mistake (graded above) does not fail this test too."""
    r = ref().layers
    for layer in model.layers:
        if "pool" in type_name(layer).lower():
            pool = getattr(layer, "pool_size", getattr(layer, "pool", 2))
            stride = getattr(layer, "stride", None)
            x = r.max_pool_forward(x, _pair(pool), _pair(pool) if stride is None else _pair(stride))[0]
        else:
            x = layer.forward(x, training=False)
    return x


def check_build_cnn(build_cnn):
    """The course CNN: layers, shapes, activations and parameter count, with and without pooling."""
    rng = np.random.default_rng(4401)
    x = rng.random((3, 28, 28, 1)).astype(np.float32)
    for pooling in (True, False):
        what = f"build_cnn(pooling={pooling})"
        model = call(what, build_cnn, pooling=pooling)
        if not (hasattr(model, "layers") and hasattr(model, "params")):
            fail(t("{what} returned {type}; return a numpynet Sequential of the layers", what=what,
                   type=type_name(model)))
        shapes = [tuple(np.shape(v)) for v in model.params().values()]
        flat = 6 * 6 * 32 if pooling else 12 * 12 * 32
        expected = [(3, 3, 1, 16), (16,), (4, 4, 16, 32), (32,), (flat, 256), (256,), (256, 10), (10,)]
        if shapes != expected:
            hint = ""
            if pooling and (4608, 256) in shapes:
                hint = t(". With pooling the Dense layer sees 6*6*32 = 1152 inputs (the pool halves "
                         "12x12 to 6x6)")
            elif not pooling and (1152, 256) in shapes:
                hint = t(". Without pooling the Dense layer sees 12*12*32 = 4608 inputs")
            fail(t("{what}: the parameters' shapes, in order, should be {expected}; got {shapes}{hint}",
                   what=what, expected=expected, shapes=shapes, hint=hint))
        pools = _pool_layers(model)
        if pooling:
            if len(pools) != 1:
                fail(t("{what}: expected one MaxPool2D layer (after the second convolution), found "
                       "{count}", what=what, count=len(pools)))
            index, layer = pools[0]
            kinds = [type_name(layer_) for layer_ in model.layers]
            if index != 2 or "Flatten" not in kinds[index + 1:]:
                fail(t("{what}: the MaxPool2D layer comes third, after the two convolutions and "
                       "before Flatten; your layers are {kinds}", what=what, kinds=kinds))
            size = getattr(layer, "pool_size", None)
            stride = getattr(layer, "stride", None)
            if size is None or _pair(size) != (2, 2) or (stride is not None and _pair(stride) != (2, 2)):
                fail(t("{what}: the pooling layer should be MaxPool2D(2) (2x2 windows, stride 2); got "
                       "pool_size={size}, stride={stride}", what=what, size=size, stride=stride))
        elif pools:
            fail(t("{what}: the network without pooling must have no pooling layer", what=what))
        reference = _reference_cnn(pooling, [np.array(v) for v in model.params().values()])
        got = call(t("the forward pass of {what}", what=what), _forward_with_reference_pooling, model, x)
        want = reference.forward(x, training=False)
        mistakes = []
        for act, name in ((ref().activations.ReLU(), N_("ReLU in the convolutions")),
                          (None, N_("no activation after the convolutions"))):
            wrong = _reference_cnn(pooling, [np.array(v) for v in model.params().values()])
            for layer in wrong.layers[:2]:
                layer.activation = ref().activations.get(act)
            mistakes.append((wrong.forward(x, training=False),
                             t("{name} gives: the convolutions use LeakyReLU (slope 0.01), the "
                               "256-unit Dense layer ReLU, the last layer none (logits)", name=t(name))))
        expect_close(t("the logits of {what} (eval mode) on 3 images", what=what), got, want, rtol=1e-4, atol=1e-5,
                     mistakes=mistakes,
                     hint=_hint([t("the course CNN is Conv2D(1, 16, 3) + LeakyReLU, Conv2D(16, 32, 4, "
                                   "stride=2) + LeakyReLU, [MaxPool2D(2)], Flatten, Dense(.., 256) + ReLU, "
                                   "Dense(256, 10)")]))


def check_mnist_cnn(model):
    """The notebook's course CNN, with the student's max-pooling, classifies at least 98.5% of the
    MNIST test images (the accuracy recomputed from its layers and weights)."""
    mnist_accuracy(model, 0.985, what=N_("your course CNN (with your max-pooling)"),
                   calibration=N_("the reference solution, trained as in the notebook (2 epochs of batches of 50, "
                                  "Adam at 1e-3 then 1e-4) with seeds 0-7, reached 98.87% to 99.04%"))
