"""Hidden checks of ps2_optimizers: SGD, Momentum (classical and Nesterov), RMSProp and Adam.

Every check builds the student's optimizer, runs ``step(params, grads)`` on dicts of fresh arrays
(whose references it keeps, to see whether the arrays themselves were updated) and compares the
trajectory with the reference core's optimizer run on the same inputs. When the numbers match a
deliberately wrong variant (run here on the same inputs), the message names that mistake.

Students may subclass ``numpynet.optimizers.Optimizer`` (and write ``update``) or write ``step``
themselves; state may live anywhere, as long as it is kept per parameter name. SGD, Momentum and
RMSProp must update in place (their single test says so). The Adam checks of the formula follow
the dict entries, so an optimizer that rebinds them (``params[name] = ...``) is judged on its
numbers and ``check_adam_in_place`` alone judges the in-place update (each test cell grades one
aspect); an optimizer that changes nothing the caller can see (it returns new arrays) fails all.
"""
from collections.abc import Mapping

import numpy as np

from . import _common
from ._common import call, call_silent, expect_close, fail, ref
from ..messages import N_, t

__all__ = ["check_sgd", "check_momentum", "check_momentum_nesterov", "check_rmsprop",
           "check_adam_first_step", "check_adam_several_steps", "check_adam_separate_state",
           "check_adam_tiny_gradients", "check_adam_in_place", "check_adam_prints_nothing", "check_mnist_adam_mlp"]

SEED = 20240611  # inputs the student never sees


# What a too-low accuracy of the notebook's 784-256-256-10 ReLU MLP trained with the student's
# Adam (lr 1e-3, batches of 100, 2 epochs, then 1 epoch at 1e-4) comes from: each figure is one run
# of exactly that recipe with the reference Adam changed (seed 0; the model answer reached 97.8%).
# Adam without bias correction reached 98.1% there: only its own tests catch it.
MNIST_GUESSING = N_(
    "an Adam.step that adds the step instead of subtracting it climbs the loss (one digit for every "
    "image, 11% in a run of this recipe); a step that never changes the caller's arrays in place (it "
    "rebinds a name or a dict entry, or returns new arrays) leaves the network at its random start. "
    "The Adam tests above name each of these; then check that both training cells ran to their end")
MNIST_LEARNING = N_(
    "in runs of this recipe, a first moment that accumulates lr * g instead of (1 - beta1) * g (the "
    "learning rate enters twice) reached 84%, a step without the square root (m_hat / (v_hat + eps)) "
    "69%, a second moment of |g| instead of g**2 92%. The Adam tests above name each of these; then "
    "check the recipe: lr 1e-3 for two epochs, then 1e-4 for one")


def check_mnist_adam_mlp(model):
    """The notebook's MLP trained with the student's Adam classifies at least 97% of the MNIST test
    images (the accuracy recomputed from its layers and weights, ``_common.mnist_accuracy``)."""
    _common.mnist_accuracy(model, 0.97, what=N_("your 784-256-256-10 ReLU MLP trained with your Adam"),
                           calibration=N_("reference Adam, this recipe, seeds 0-9: 97.57% to 97.89%, mean 97.75%"),
                           guessing=MNIST_GUESSING, learning=MNIST_LEARNING)


def _R():
    return ref().optimizers


# ----------------------------------------------------------------------------------------------
# inputs
# ----------------------------------------------------------------------------------------------

def _gradient(rng, shape, low=0.1, high=3.0):
    """Random gradient whose entries are bounded away from 0 (|g| in [low, high], random sign),
    so that where eps sits cannot matter unless a test wants it to."""
    return rng.uniform(low, high, size=shape) * rng.choice([-1.0, 1.0], size=shape)


def _params(rng, shapes, dtype=np.float64):
    return {name: rng.normal(0.0, 1.0, size=shape).astype(dtype) for name, shape in shapes.items()}


def _grad_sequence(rng, shapes, steps):
    return [{name: _gradient(rng, shape) for name, shape in shapes.items()} for _ in range(steps)]


def _describe(kwargs):
    return ", ".join(f"{k}={v!r}" for k, v in kwargs.items())


# ----------------------------------------------------------------------------------------------
# running optimizers
# ----------------------------------------------------------------------------------------------

REBOUND = N_("step() replaced params[{name!r}] with a new array instead of changing the array it "
              "was given (params[name] = params[name] - ... rebinds the dict entry): the model's layers "
              "keep their own references to their arrays, so they never see the update and the model "
              "does not learn. Update in place: params[name] -= step (param -= step in update()), or "
              "param[...] = new_value")
RETURNED = N_("step() returned new arrays and left the parameters unchanged: the caller (the training "
              "loop, the model's layers) only sees the arrays it passed in. Update them in place "
              "(param -= step, or param[...] = new_value); step() needs to return nothing")
# UNCHANGED, then LOCAL_NAME: the message of an optimizer that changes nothing the caller sees
# (check_adam_in_place says LOCAL_NAME after its own first sentence)
UNCHANGED = N_("step() left every parameter unchanged although the gradients are not zero")
LOCAL_NAME = N_("`param = param - step` inside update() (or a loop over params.values()) only rebinds "
                "a local name; update the array in place: param -= step, or param[...] = new_value")


def _copy(arrays):
    return {name: np.array(a, copy=True) for name, a in arrays.items()}


def _run_student(opt, what, start, grads_seq, strict):
    """Run the student's ``opt`` on copies of ``start``; returns the values after each step.

    strict: the arrays passed in must be updated in place (else fail with the mistake named).
    Not strict: follow the dict entries, so that a student who rebinds them (params[name] = ...)
    is still judged on the numbers; an optimizer that changes nothing at all (it returns new
    arrays, or rebinds a local name) fails either way.
    """
    params = _copy(start)
    originals = dict(params)
    snapshots = []
    for i, grads in enumerate(grads_seq):
        before = _copy(params)
        label = t("{what}.step(params, grads) at step {step}", what=what, step=i + 1)
        with np.errstate(all="ignore"):
            out = call(label, opt.step, params, _copy(grads))
        if set(params) != set(before):
            fail(t("{label} changed the keys of params from {keys_before} to {keys_after}; "
                   "update the arrays, leave the dict alone",
                   label=label, keys_before=sorted(before), keys_after=sorted(params)))
        # NaN cannot move; an optimizer that already produced NaN is judged by its numbers
        moved = any(not np.array_equal(params[k], before[k], equal_nan=True)
                    or not np.all(np.isfinite(before[k])) for k in params)
        if strict:
            for name in params:
                if params[name] is not originals[name]:
                    fail(t(REBOUND, name=name))
        if not moved:
            fail(t(RETURNED) if isinstance(out, Mapping) else f"{t(UNCHANGED)}. {t(LOCAL_NAME)}")
        snapshots.append(_copy(params))
    return snapshots


def _run_reference(cls, kwargs, start, grads_seq):
    """The values after each step of ``cls(**kwargs)``, a reference (or deliberately wrong)
    optimizer; None if it raises (a wrong variant may not run on every input)."""
    try:
        with np.errstate(all="ignore"):
            opt = cls(**kwargs)
            params = _copy(start)
            snapshots = []
            for grads in grads_seq:
                opt.step(params, _copy(grads))
                snapshots.append(_copy(params))
        return snapshots
    except Exception:  # noqa: BLE001 - a wrong variant that cannot run names nothing
        return None


def _deltas(start, snapshots):
    """The change of every parameter at every step."""
    out, previous = [], start
    for snap in snapshots:
        out.append({k: np.asarray(snap[k], dtype=np.float64) - np.asarray(previous[k], dtype=np.float64)
                    for k in snap})
        previous = snap
    return out


def _compare_runs(what, start, got, expected, mistakes, rtol=1e-5, atol=1e-10, hint=""):
    """Compare step by step the change of each parameter; ``mistakes``: [(snapshots or None, name)]."""
    got_d, exp_d = _deltas(start, got), _deltas(start, expected)
    wrong_d = [(_deltas(start, w) if w is not None else None, name) for w, name in mistakes]
    for i, (g, e) in enumerate(zip(got_d, exp_d)):
        for name in e:
            expect_close(t("{what}: the change of params[{name!r}] at step {step} of {steps}",
                           what=what, name=name, step=i + 1, steps=len(exp_d)),
                         g[name], e[name], rtol, atol,
                         [(w[i][name] if w is not None else None, n) for w, n in wrong_d], hint)


def _make(cls, **kwargs):
    return call(f"{cls.__name__}({_describe(kwargs)})", cls, **kwargs)


def _check_against_reference(cls, ref_cls, kwargs, start, grads_seq, mistakes, strict, hint="",
                             rtol=1e-5, atol=1e-10):
    """Run the student's ``cls(**kwargs)``, the reference ``ref_cls(**kwargs)`` and each of
    ``mistakes`` ((knobs, name): ``ref_cls`` with one known mistake, see ``_wrong``); compare."""
    what = f"{cls.__name__}({_describe(kwargs)})"
    opt = _make(cls, **kwargs)
    got = _run_student(opt, what, start, grads_seq, strict)
    expected = _run_reference(ref_cls, kwargs, start, grads_seq)
    wrong = [(_run_reference(_wrong(ref_cls, knobs), kwargs, start, grads_seq), name)
             for knobs, name in mistakes]
    _compare_runs(what, start, got, expected, wrong, rtol, atol, hint)


# ----------------------------------------------------------------------------------------------
# known mistakes (only to name a mistake whose numbers a student's code matches): each is the
# reference optimizer with one of its methods, a part of the formula (a "knob"), replaced
# ----------------------------------------------------------------------------------------------

def _wrong(ref_cls, knobs):
    """The reference class ``ref_cls`` with the methods ``knobs`` (name -> function) replaced."""
    return type(f"Wrong{ref_cls.__name__}", (ref_cls,), knobs)


def _sgd_adds(self, name, param, grad):
    param += self.lr * grad


def _sgd_without_lr(self, name, param, grad):
    param -= grad


SGD_MISTAKES = [
    ({"update": _sgd_adds},
     N_("SGD gives when it adds the gradient: p -= lr * g goes downhill, p += lr * g uphill")),
    ({"update": _sgd_without_lr}, N_("SGD gives without the learning rate: p -= lr * g")),
]


def _velocity_without_lr(self, v, grad):  # v = mu v - g
    v *= self.momentum
    v -= grad


def _velocity_plus_grad(self, v, grad):  # v = mu v + g
    v *= self.momentum
    v += grad


MOMENTUM_MISTAKES = [
    ({"_velocity": lambda self, v, grad: _R().Momentum._velocity(self, v, -grad)},
     N_("Momentum gives with the sign wrong (v = mu*v + lr*g; p += v climbs uphill); "
        "v = mu*v - lr*g; p += v")),
    ({"_velocity": _velocity_without_lr},
     N_("Momentum gives without the learning rate (v = mu*v - g; p += v); v = mu*v - lr*g; p += v")),
    ({"_move": lambda self, v, v_prev: -self.lr * _R().Momentum._move(self, v, v_prev)},
     N_("Momentum gives when the learning rate is applied twice and the sign flipped "
        "(v = mu*v - lr*g; p -= lr*v); v = mu*v - lr*g; p += v")),
    # PyTorch's form (v = mu*v + g; p -= lr*v) without lr: its v is minus ours, so two knobs change
    ({"_velocity": _velocity_plus_grad,
      "_move": lambda self, v, v_prev: -_R().Momentum._move(self, v, v_prev)},
     N_("Momentum gives without the learning rate (v = mu*v + g; p -= v); with that form of v, p -= lr*v")),
    ({"_zeros": lambda self, name, key, like: np.zeros_like(like)},
     N_("Momentum gives when the velocity is not kept between steps (plain SGD, scaled): "
        "v = mu*v - lr*g must start from the previous step's v, stored per parameter name")),
]

NESTEROV_MISTAKES = MOMENTUM_MISTAKES + [
    ({"_move": lambda self, v, v_prev: v},
     N_("classical momentum gives: with nesterov=True the update is p += -mu*v_prev + (1 + mu)*v "
        "(v_prev: the velocity before this step). Is the flag ignored, or is v_prev the same array "
        "as v (v_prev = v without .copy(), then v changed in place)?")),
]


def _cache_swapped(self, cache, grad):  # cache = (1 - decay) cache + decay g^2
    cache *= 1 - self.decay
    cache += self.decay * grad * grad


def _cache_without_one_minus(self, cache, grad):  # cache = decay cache + g^2
    cache *= self.decay
    cache += grad * grad


RMSPROP_MISTAKES = [
    ({"_denominator": lambda self, cache: cache + self.eps},
     N_("RMSProp gives without the square root: divide by sqrt(cache) + eps, not cache + eps")),
    ({"_accumulate": _cache_swapped},
     N_("RMSProp gives with decay and (1 - decay) swapped: "
        "cache = decay*cache + (1 - decay)*g**2 keeps most of the old cache")),
    ({"_accumulate": _cache_without_one_minus},
     N_("RMSProp gives without the (1 - decay) factor: cache = decay*cache + (1 - decay)*g**2")),
    ({"_denominator": lambda self, cache: np.sqrt(cache + self.eps)},
     N_("RMSProp gives with eps inside the square root, sqrt(cache + eps); the denominator is "
        "sqrt(cache) + eps")),
    ({"_denominator": lambda self, cache: 1.0},
     N_("plain SGD gives: the gradient must be divided by sqrt(cache) + eps")),
]


def _first_moment_lr(self, m, grad, work):  # m = b1 m + lr g
    m *= self.beta1
    m += self.lr * grad


def _second_moment_not_squared(self, v, grad, work):  # v = b2 v + (1 - b2) g
    v *= self.beta2
    v += (1 - self.beta2) * grad


ADAM_MISTAKES = [
    ({"_step_count": lambda self, name: _R().Adam._step_count(self, name) + 1},
     N_("Adam gives when t starts at 1 and is incremented before use, so the first step uses t = 2; "
        "start t at 0 and increment it before computing m_hat and v_hat, so that the first step "
        "uses t = 1 (and moves each weight by about lr)")),
    ({"_step_count": lambda self, name: _R().Adam._step_count(self, name) - 1},
     N_("Adam gives when t is incremented after its use: the first step uses t = 0, "
        "1 - beta1**0 = 0 and the bias correction divides by zero. Increment t before "
        "computing m_hat and v_hat")),
    ({"_bias_corrected": lambda self, moment, beta, t, out: moment},
     N_("Adam gives without bias correction (m and v used as they are): m and v start at "
        "0, so the early steps are wrong by a large factor; divide m by (1 - beta1**t) and "
        "v by (1 - beta2**t)")),
    ({"_step_count": lambda self, name: 1},
     N_("Adam gives when the bias correction never changes: t stays 1 (it must grow by "
        "one at every step), or the power is missing (m / (1 - beta1) instead of "
        "m / (1 - beta1**t))")),
    ({"_bias_corrected": lambda self, moment, beta, t, out: np.multiply(moment, 1 - beta ** t, out=out)},
     N_("Adam gives when the bias correction multiplies: m_hat must be m / (1 - beta1**t) "
        "and v_hat = v / (1 - beta2**t), not m * (1 - beta1**t)")),
    ({"_denominator": lambda self, v_hat, out: np.sqrt(v_hat + self.eps)},
     N_("Adam gives with eps inside the square root, sqrt(v_hat + eps); the denominator "
        "is sqrt(v_hat) + eps")),
    ({"_first_moment": _first_moment_lr},
     N_("Adam gives when your first moment accumulates lr*grad; it should accumulate "
        "(1-beta1)*grad (the learning rate then enters twice)")),
    ({"_second_moment": _second_moment_not_squared},
     N_("Adam gives when the second moment accumulates grad instead of grad**2 "
        "(the square is missing): v = beta2*v + (1-beta2)*grad**2")),
    ({"_denominator": lambda self, v_hat, out: v_hat + self.eps},
     N_("Adam gives without the square root: it divides by v_hat + eps; it should divide "
        "by sqrt(v_hat) + eps")),
    ({"_denominator": lambda self, v_hat, out: np.sqrt(v_hat)},
     N_("Adam gives without eps: a zero gradient gives 0/0 = NaN; divide by sqrt(v_hat) + eps")),
]

# the reference's state with one name for every parameter: one m and v (t kept per parameter),
# and one t (counting every parameter's updates)
SHARED_MOMENTS = {"_zeros": lambda self, name, key, like: _R().Optimizer._zeros(self, "shared", key, like)}
ONE_STEP_COUNT = {"_step_count": lambda self, name: _R().Adam._step_count(self, "shared")}
SHARED_STATE = N_("Adam gives when one m, v and t are shared by all parameters; keep them per "
                  "parameter name (for example self.state[name]), since each parameter has its own "
                  "moments")
SHARED_MOMENTS_STATE = N_("Adam gives when one m and v are shared by all parameters; keep them per "
                          "parameter name (for example self.state[name]), since each parameter has "
                          "its own moments")
ADAM_STATE_MISTAKES = [
    ({**SHARED_MOMENTS, **ONE_STEP_COUNT}, SHARED_STATE),  # both: m, v and t in one slot
    (SHARED_MOMENTS, SHARED_MOMENTS_STATE),
    (ONE_STEP_COUNT, N_("Adam gives when t advances once per parameter update instead of once per "
                        "step (with two parameters it grows by two at every step()): count per "
                        "parameter, or once per call of step()")),
]
SEPARATE_HINT = N_("Each parameter must keep its own state (m and v per parameter name) and t must "
                   "count steps, not parameter updates: optimizing several parameters together must "
                   "give exactly what optimizing each one alone gives")


# ----------------------------------------------------------------------------------------------
# SGD, Momentum, RMSProp: one test each (the numbers and the in-place update)
# ----------------------------------------------------------------------------------------------

def check_sgd(SGD):
    rng = np.random.default_rng(SEED)
    shapes = {"W": (4, 3), "b": (3,)}
    start = _params(rng, shapes)
    grads = _grad_sequence(rng, shapes, 3)
    for lr in (0.05, 0.3):
        _check_against_reference(SGD, _R().SGD, {"lr": lr}, start, grads, SGD_MISTAKES, strict=True)
    # float32 parameters (as in the model) stay float32 arrays, updated in place
    start32 = _params(rng, shapes, np.float32)
    _check_against_reference(SGD, _R().SGD, {"lr": 0.1}, start32, grads[:2], [], strict=True,
                             rtol=1e-5, atol=1e-6)


def check_momentum(Momentum):
    rng = np.random.default_rng(SEED + 1)
    shapes = {"W": (3, 4), "b": (4,)}
    start = _params(rng, shapes)
    grads = _grad_sequence(rng, shapes, 10)
    for kwargs in ({"lr": 0.05}, {"lr": 0.02, "momentum": 0.5}):
        _check_against_reference(Momentum, _R().Momentum, kwargs, start, grads,
                                 MOMENTUM_MISTAKES, strict=True,
                                 hint=t("Classical momentum: v = mu*v - lr*g; p += v, with v per "
                                        "parameter name and starting at 0"))


def check_momentum_nesterov(Momentum):
    rng = np.random.default_rng(SEED + 2)
    shapes = {"W": (3, 4), "b": (4,)}
    start = _params(rng, shapes)
    grads = _grad_sequence(rng, shapes, 10)
    for kwargs in ({"lr": 0.05, "nesterov": True}, {"lr": 0.02, "momentum": 0.5, "nesterov": True}):
        _check_against_reference(Momentum, _R().Momentum, kwargs, start, grads, NESTEROV_MISTAKES,
                                 strict=True, hint=t("Nesterov momentum: v_prev = v; v = mu*v - lr*g; "
                                                     "p += -mu*v_prev + (1 + mu)*v"))


def check_rmsprop(RMSProp):
    rng = np.random.default_rng(SEED + 3)
    shapes = {"W": (3, 4), "b": (4,)}
    start = _params(rng, shapes)
    grads = _grad_sequence(rng, shapes, 10)
    for kwargs in ({"lr": 0.01}, {"lr": 0.003, "decay": 0.9}):
        _check_against_reference(RMSProp, _R().RMSProp, kwargs, start, grads, RMSPROP_MISTAKES,
                                 strict=True,
                                 hint=t("RMSProp: cache = decay*cache + (1 - decay)*g**2; "
                                        "p -= lr*g / (sqrt(cache) + eps), cache per parameter name"))


# ----------------------------------------------------------------------------------------------
# Adam: one aspect per check
# ----------------------------------------------------------------------------------------------

def check_adam_first_step(Adam):
    """One step from a fresh optimizer: each weight moves by about lr (default lr 1e-3)."""
    rng = np.random.default_rng(SEED + 4)
    hint = t("The first step of Adam moves each weight by about lr: with t = 1, m_hat = g and "
             "v_hat = g**2, so the step is lr*g/(|g| + eps)")
    shapes = {"W": (4, 3)}
    start = _params(rng, shapes)
    grads = _grad_sequence(rng, shapes, 1)
    _check_against_reference(Adam, _R().Adam, {}, start, grads, ADAM_MISTAKES, strict=False, hint=hint)
    g = {"w": np.array([0.1, -0.4, 2.0, -7.5, 50.0, -300.0])}
    start = {"w": rng.normal(size=6)}
    _check_against_reference(Adam, _R().Adam, {"lr": 0.01}, start, [g], ADAM_MISTAKES, strict=False,
                             hint=hint)
    start32 = _params(rng, shapes, np.float32)
    _check_against_reference(Adam, _R().Adam, {"lr": 0.003}, start32, grads, ADAM_MISTAKES,
                             strict=False, hint=hint, rtol=1e-4, atol=1e-6)


def check_adam_several_steps(Adam):
    """A constant gradient (every step exactly lr), then random gradients against the reference."""
    rng = np.random.default_rng(SEED + 5)
    shapes = {"w": (5,)}
    start = _params(rng, shapes)
    constant = _grad_sequence(rng, shapes, 1) * 6
    kwargs = {"lr": 0.01}
    _check_against_reference(Adam, _R().Adam, kwargs, start, constant, ADAM_MISTAKES,
                             strict=False,
                             hint=t("With a constant gradient the bias-corrected moments are exactly "
                                    "m_hat = g and v_hat = g**2 at every step, so every step moves "
                                    "each weight by lr*g/(|g| + eps): no drift"))
    hint = t("Adam: t += 1; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g**2; "
             "p -= lr * (m/(1-b1**t)) / (sqrt(v/(1-b2**t)) + eps)")
    shapes = {"W": (4, 3)}
    start = _params(rng, shapes)
    grads = _grad_sequence(rng, shapes, 10)
    for kwargs in ({"lr": 0.003}, {"lr": 0.02, "beta1": 0.8, "beta2": 0.99}):
        _check_against_reference(Adam, _R().Adam, kwargs, start, grads, ADAM_MISTAKES,
                                 strict=False, hint=hint)


def _student_joint_and_alone(Adam, kwargs, start, grads_seq):
    what = f"{Adam.__name__}({_describe(kwargs)})"
    try:
        joint = _run_student(_make(Adam, **kwargs), what, start, grads_seq, strict=False)
    except AssertionError as err:
        shapes = ", ".join(f"{k!r} {np.shape(v)}" for k, v in start.items())
        fail(t("{error}\n(with the parameters {shapes} in one dict: {hint})",
               error=err, shapes=shapes, hint=t(SEPARATE_HINT)))
    alone = {}
    for name in start:
        runs = _run_student(_make(Adam, **kwargs), what, {name: start[name]},
                            [{name: g[name]} for g in grads_seq], strict=False)
        alone[name] = runs
    combined = [{name: alone[name][i][name] for name in start} for i in range(len(grads_seq))]
    return what, joint, combined


def check_adam_separate_state(Adam):
    """Several parameters in one dict (some of one shape, one of another) must give what each
    gives alone: state per parameter name, t counting steps (per parameter or per step() call)."""
    rng = np.random.default_rng(SEED + 6)
    kwargs = {"lr": 0.01}
    for shapes in ({"a": (5,), "c": (5,)}, {"W": (3, 4), "b": (4,), "V": (3, 4)}):
        start = _params(rng, shapes)
        grads = _grad_sequence(rng, shapes, 6)
        what, joint, alone = _student_joint_and_alone(Adam, kwargs, start, grads)
        wrong = [(_run_reference(_wrong(_R().Adam, knobs), kwargs, start, grads), name)
                 for knobs, name in ADAM_STATE_MISTAKES]
        _compare_runs(t("{what} with the parameters {names} in one dict (expected: what each "
                        "parameter gives when optimized alone)", what=what, names=sorted(shapes)),
                      start, joint, alone, wrong, rtol=1e-7, atol=1e-12, hint=SEPARATE_HINT)


def check_adam_tiny_gradients(Adam):
    """Gradients of 1e-10: eps (added after the square root) sets the step, lr*g/(|g| + eps)."""
    rng = np.random.default_rng(SEED + 7)
    g = np.array([1e-10, -1e-10, 3e-10, -5e-11, 0.0, 2e-12, -1e-9, 0.0])
    start = {"w": rng.normal(size=g.shape)}
    for kwargs in ({"lr": 0.01}, {}):
        _check_against_reference(Adam, _R().Adam, kwargs, start, [{"w": g}], ADAM_MISTAKES,
                                 strict=False,
                                 hint=t("With a tiny gradient the first step is lr*g/(|g| + eps): "
                                        "eps is added after the square root, and a zero gradient "
                                        "does not move the weight"), atol=1e-14)


def check_adam_in_place(Adam):
    """The arrays passed in are updated in place (the model's layers hold them). Parameters of one
    shape only, so that this check judges the in-place update alone (check_adam_separate_state
    judges the state per parameter)."""
    rng = np.random.default_rng(SEED + 8)
    shapes = {"W": (3, 2), "V": (3, 2)}
    start = _params(rng, shapes)
    start["V"] = start["V"].astype(np.float32)
    grads = _grad_sequence(rng, shapes, 3)
    _run_student(_make(Adam, lr=0.01), "Adam(lr=0.01)", start, grads, strict=True)
    # the way the training loop calls it: model.params() is a new dict of the layers' own arrays
    R = ref()
    layer = R.layers.Dense(4, 3, initializer=lambda shape, rng=None: np.full(shape, 0.5, np.float32))
    model = R.model.Sequential([layer])
    before = layer.params["W"].copy()
    opt = _make(Adam, lr=0.01)
    for i in range(2):
        params = {"0.W": model.params()["0.W"]}
        grads = {"0.W": _gradient(rng, before.shape).astype(np.float32)}
        with np.errstate(all="ignore"):
            call(t("{what}.step(params, grads) at step {step} (params: the weights of a model's "
                   "Dense layer)", what="Adam(lr=0.01)", step=i + 1), opt.step, params, grads)
    if np.array_equal(layer.params["W"], before, equal_nan=True):
        fail(t("after two steps of Adam on the weights of a model's Dense layer, the layer's own "
               "array is unchanged: the model does not learn. {fix}", fix=t(LOCAL_NAME)))


def check_adam_prints_nothing(Adam):
    """Adam.step prints nothing (a debug print left in code that runs at every iteration of
    training: the course notes' real bug was in a layer, and an optimizer's step runs as often)."""
    rng = np.random.default_rng(SEED + 9)
    shapes = {"W": (4, 3)}     # one parameter: the state per parameter is check_adam_separate_state's
    params = _params(rng, shapes)
    opt = _make(Adam, lr=0.01)
    for i, grads in enumerate(_grad_sequence(rng, shapes, 3)):
        with np.errstate(all="ignore"):
            call_silent(t("{what}.step(params, grads) at step {step}", what="Adam(lr=0.01)", step=i + 1),
                        opt.step, params, grads)
