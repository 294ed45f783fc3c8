"""Hidden checks of ps3_initialization's bonus exercise: ``BatchNorm`` on ``(N, D)`` inputs,
forward in training mode, the running statistics and evaluation mode, and backward.

The student's layer is built as the exercise gives its constructor, ``BatchNorm(D, eps=...,
momentum=..., dtype="float64")``, with gamma and beta set through ``layer.params``. Both
conventions for the running variance pass: PyTorch's unbiased one (the exercise's) and the
biased one of CS231n's assignment.

Every expected value is the reference layer (``ref().layers.BatchNorm``); every wrong variant is
the reference with one knob changed: its gamma and beta (not applied, swapped), its momentum
(CS231n's decay convention), its running statistics never updated, its mode (batch statistics at
test time; a backward through constant statistics), or its eps made per feature so that
``sqrt(var + eps')`` is the wrong denominator (eps outside the square root, the unbiased variance).
"""
import numpy as np

from ..messages import N_, t
from ._common import as_array, call, close, expect_close, fail, ref

__all__ = ["check_forward", "check_eval_mode", "check_backward"]

MISTAKE_EPS_OUTSIDE = N_("you get with eps OUTSIDE the square root, (x - mean) / (sqrt(var) + eps): eps goes "
                          "inside, (x - mean) / sqrt(var + eps)")
MISTAKE_UNBIASED = N_("you get when the batch is normalized with the UNBIASED variance (ddof=1, dividing by "
                       "N - 1): forward normalizes with the batch's own variance, x.var(axis=0), dividing by N")
MISTAKE_NO_AFFINE = N_("you get without gamma and beta: after normalizing, scale by self.params['gamma'] and "
                        "shift by self.params['beta']")
MISTAKE_SWAPPED = N_("you get with gamma and beta swapped: out = gamma * x_hat + beta")
MISTAKE_FEATURE_AXIS = N_("you get when each EXAMPLE (row) is normalized over its features (axis=1), as layer "
                           "normalization does: batch normalization normalizes each feature (column) over the "
                           "batch, axis=0")
MISTAKE_DECAY = N_("you get when momentum is the weight of the OLD running value, running = momentum * running "
                    "+ (1 - momentum) * batch (CS231n's convention, with momentum 0.9): here momentum is the "
                    "weight of the new batch, running = (1 - momentum) * running + momentum * batch")
MISTAKE_NOT_UPDATED = N_("you get when the running statistics are never updated (they stay at mean 0, variance "
                          "1): every training forward moves them towards the batch's statistics")
MISTAKE_BATCH_AT_TEST = N_("you get when evaluation mode normalizes with the batch's own statistics: with "
                            "training=False use self.running_mean and self.running_var, so that a prediction "
                            "does not depend on the other images of the batch")
MISTAKE_CONSTANT_STATS = N_("you get when backward treats the batch mean and variance as constants, dx = dout * "
                             "gamma / sqrt(var + eps): in training they depend on every x of the batch, and "
                             "dx = (gamma / sqrt(var + eps)) * (dx_hat - mean(dx_hat) - x_hat * mean(dx_hat * x_hat)),"
                             " with dx_hat = dout * gamma and means over the batch")
MISTAKE_MEAN_GRADS = N_("you get when dgamma and dbeta are MEANS over the batch: the parameter is shared by every "
                         "example, so its gradient is the SUM of the examples' contributions")
MISTAKE_GRADS_SWAPPED = N_("you get with dgamma and dbeta swapped: dgamma = sum(dout * x_hat), dbeta = sum(dout)")

# Evaluation mode and backward are checked with a tiny eps, so that eps outside the square root
# (a mistake of the forward, which check_forward names) costs only that test.
TINY_EPS = 1e-8
TOLERANCE = 1e-6
HOW = N_("out = gamma * (x - mean) / sqrt(var + eps) + beta, with the mean and the (biased) variance of each column")


def _case(seed, n, d):
    """x (features of different means and scales), gamma and beta, float64."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, d)) * rng.uniform(0.2, 3.0, d) + rng.uniform(-2.0, 2.0, d)
    return x, rng.uniform(0.5, 2.0, d) * rng.choice([-1.0, 1.0], d), rng.uniform(-1.0, 1.0, d)


def _reference(d, eps, momentum, gamma, beta, unbiased=True):
    layer = ref().layers.BatchNorm(d, eps=eps, momentum=momentum, dtype=np.float64, unbiased_running_var=unbiased)
    layer.params["gamma"][...], layer.params["beta"][...] = gamma, beta
    return layer


def _student(BatchNorm, d, eps, momentum, gamma, beta):
    what = f"BatchNorm({d}, eps={eps}, momentum={momentum})"
    layer = call(what, BatchNorm, d, eps=eps, momentum=momentum, dtype="float64")
    call(f"{what}.params = {{'gamma': ..., 'beta': ...}}", setattr, layer, "params",
         {"gamma": np.array(gamma), "beta": np.array(beta)})
    return layer


def _forward(layer, x, training, what):
    x_in = np.array(x, copy=True)
    out = as_array(what, call(what, layer.forward, x_in, training=training))
    if not np.array_equal(x_in, x):
        fail(t("{what} changed its input x in place (e.g. x -= mean): the layer before needs its output "
               "unchanged; compute a new array", what=what))
    if out.shape != x.shape:
        fail(t("{what}: expected an output of the shape of x, {x_shape}; got {out_shape}",
               what=what, x_shape=x.shape, out_shape=out.shape))
    return out


def _per_feature_eps(x, eps, wrong):
    """The eps' with which the reference's sqrt(var + eps') is the denominator of a mistake."""
    var, n = x.var(axis=0), len(x)
    return {"outside": 2 * eps * np.sqrt(var) + eps ** 2, "unbiased": var / (n - 1) + eps}[wrong]


def _with_eps(x, eps, gamma, beta, wrong):
    layer = _reference(x.shape[1], eps, 0.1, gamma, beta)
    layer.eps = _per_feature_eps(x, eps, wrong)
    return layer.forward(x)


def _forward_mistakes(x, eps, gamma, beta):
    d, n = x.shape[1], len(x)
    ones, zeros = np.ones(d), np.zeros(d)
    by_row = _reference(n, eps, 0.1, np.ones(n), np.zeros(n)).forward(x.T).T * gamma + beta
    return [(_with_eps(x, eps, gamma, beta, "outside"), MISTAKE_EPS_OUTSIDE),
            (_with_eps(x, eps, gamma, beta, "unbiased"), MISTAKE_UNBIASED),
            (_reference(d, eps, 0.1, ones, zeros).forward(x), MISTAKE_NO_AFFINE),
            (_reference(d, eps, 0.1, beta, gamma).forward(x), MISTAKE_SWAPPED),
            (by_row, MISTAKE_FEATURE_AXIS)]


def check_forward(BatchNorm):
    """Training mode: each feature normalized by the batch's mean and biased variance, eps inside
    the square root, then scaled by gamma and shifted by beta."""
    # eps 0.1 on features of variance ~0.1: eps inside or outside the root differ by a tenth
    for seed, n, d, eps in ((51, 40, 6, 1e-5), (52, 8, 3, 1e-5), (53, 30, 5, 0.1), (54, 200, 4, 1e-3)):
        x, gamma, beta = _case(seed, n, d)
        if eps == 0.1:
            x = x * 0.3
        layer = _student(BatchNorm, d, eps, 0.1, gamma, beta)
        what = t("{layer}.forward(x of shape {shape}, training=True)", layer=f"BatchNorm({d}, eps={eps})",
                 shape=x.shape)
        out = _forward(layer, x, True, what)
        expected = _reference(d, eps, 0.1, gamma, beta).forward(x)
        expect_close(what, out, expected, rtol=1e-6, atol=1e-8,
                     mistakes=lambda: _forward_mistakes(x, eps, gamma, beta), hint=HOW)


def _running(layer, what):
    stats = {}
    for name in ("running_mean", "running_var"):
        stats[name] = as_array(f"{what}: {name}", call(f"{what}.{name}", getattr, layer, name))
    return stats


def _expect_running(stats, x_batches, d, eps, momentum, gamma, beta, what):
    """The student's running statistics after training forwards on ``x_batches``; returns the
    reference layer whose running variance convention they follow."""
    candidates = {unbiased: _reference(d, eps, momentum, gamma, beta, unbiased) for unbiased in (True, False)}
    decay = _reference(d, eps, 1 - momentum, gamma, beta)
    for x in x_batches:
        for layer in (*candidates.values(), decay):
            layer.forward(x)
    fresh = _reference(d, eps, momentum, gamma, beta)
    expect_close(f"{what}: running_mean", stats["running_mean"], candidates[True].running_mean, rtol=1e-6,
                 atol=1e-9, mistakes=[(decay.running_mean, MISTAKE_DECAY), (fresh.running_mean, MISTAKE_NOT_UPDATED)],
                 hint=t("running_mean = (1 - momentum) * running_mean + momentum * (the batch's mean)"))
    for unbiased, layer in candidates.items():
        if close(stats["running_var"], layer.running_var, rtol=1e-6, atol=1e-9):
            return layer
    expect_close(f"{what}: running_var", stats["running_var"], candidates[True].running_var, rtol=1e-6, atol=1e-9,
                 mistakes=[(decay.running_var, MISTAKE_DECAY), (fresh.running_var, MISTAKE_NOT_UPDATED)],
                 hint=t("running_var = (1 - momentum) * running_var + momentum * (the batch's variance; the "
                        "unbiased one, var * N / (N - 1), as PyTorch keeps it, or the biased one)"))


def check_eval_mode(BatchNorm):
    """Training forwards move the running statistics (momentum = the new batch's weight); with
    training=False the layer normalizes with them, changes nothing, and treats each example alone."""
    for seed, n, d, momentum, steps in ((61, 30, 4, 0.1, 1), (62, 50, 6, 0.3, 3), (63, 12, 3, 0.5, 2)):
        x, gamma, beta = _case(seed, n, d)
        batches = [x + 0.5 * k for k in range(steps)]
        layer = _student(BatchNorm, d, TINY_EPS, momentum, gamma, beta)
        trained = f"BatchNorm({d}, momentum={momentum})"
        what = (t("{layer} after {steps} training forward passes", layer=trained, steps=steps) if steps > 1
                else t("{layer} after {steps} training forward pass", layer=trained, steps=steps))
        for batch in batches:
            _forward(layer, batch, True, t("{layer}.forward(x of shape {shape}, training=True)",
                                           layer=f"BatchNorm({d})", shape=batch.shape))
        stats = _running(layer, what)
        reference = _expect_running(stats, batches, d, TINY_EPS, momentum, gamma, beta, what)
        test_x = _case(seed + 100, 7, d)[0]
        out = _forward(layer, test_x, False, t("{what}: forward(x of shape {shape}, training=False)",
                                               what=what, shape=test_x.shape))
        expected = reference.forward(test_x, training=False)
        at_test = _reference(d, TINY_EPS, momentum, gamma, beta).forward(test_x)
        expect_close(f"{what}: forward(x, training=False)", out, expected, rtol=TOLERANCE, atol=1e-7,
                     mistakes=[(at_test, MISTAKE_BATCH_AT_TEST)],
                     hint=t("in evaluation mode, out = gamma * (x - running_mean) / sqrt(running_var + eps) + beta"))
        after = _running(layer, what)
        for name, value in stats.items():
            if not np.array_equal(after[name], value):
                fail(t("{what}: forward(x, training=False) changed {name}: evaluation mode must not update the "
                       "running statistics (only training forwards do)", what=what, name=name))
        one = t("{what}: forward(one example, training=False)", what=what)
        alone = _forward(layer, test_x[:1], False, one)
        expect_close(one, alone, expected[:1], rtol=TOLERANCE, atol=1e-7,
                     hint=t("in evaluation mode each example is normalized by the running statistics alone"))


def _grads(layer, what):
    grads = call(f"{what}: layer.grads", getattr, layer, "grads")
    if type(grads) is not dict or set(grads) != {"gamma", "beta"}:
        fail(t("{what}: backward stores the parameters' gradients in self.grads['gamma'] and self.grads['beta'] "
               "(as the constructor made them); got self.grads = {grads!r}", what=what, grads=grads)[:500])
    return {name: as_array(f"{what}: grads[{name!r}]", value) for name, value in grads.items()}


def check_backward(BatchNorm):
    """backward(dout) after a training forward: dx through the batch statistics, and dgamma =
    sum(dout * x_hat), dbeta = sum(dout) over the batch in self.grads."""
    for seed, n, d in ((71, 20, 5), (72, 6, 3), (73, 64, 8)):
        x, gamma, beta = _case(seed, n, d)
        dout = np.random.default_rng(seed + 1).standard_normal(x.shape)
        layer = _student(BatchNorm, d, TINY_EPS, 0.1, gamma, beta)
        _forward(layer, x, True, t("{layer}.forward(x of shape {shape}, training=True)",
                                   layer=f"BatchNorm({d}, eps={TINY_EPS})", shape=x.shape))
        what = t("{layer}.backward(dout of shape {shape}) after a training forward", layer=f"BatchNorm({d})",
                 shape=dout.shape)
        d_in = np.array(dout, copy=True)
        dx = as_array(what, call(what, layer.backward, d_in))
        if not np.array_equal(d_in, dout):
            fail(t("{what} changed dout in place; leave the caller's array alone", what=what))
        reference = _reference(d, TINY_EPS, 0.1, gamma, beta)
        reference.forward(x)
        expected = reference.backward(dout)
        constant = _reference(d, TINY_EPS, 0.1, gamma, beta)
        constant.running_mean[...], constant.running_var[...] = x.mean(axis=0), x.var(axis=0)
        constant.forward(x, training=False)
        expect_close(t("{what}, its dx", what=what), dx, expected, rtol=TOLERANCE, atol=1e-7,
                     mistakes=[(constant.backward(dout), MISTAKE_CONSTANT_STATS)],
                     hint=t("check dx with the numeric gradient (the visible test does): the mean and the variance "
                            "both depend on x"))
        grads, want = _grads(layer, what), reference.grads
        mistakes = [(want["gamma"] / n, MISTAKE_MEAN_GRADS), (want["beta"], MISTAKE_GRADS_SWAPPED)]
        expect_close(f"{what}: grads['gamma']", grads["gamma"], want["gamma"], rtol=TOLERANCE, atol=1e-7,
                     mistakes=mistakes, hint=t("dgamma = sum over the batch of dout * x_hat (the normalized input)"))
        mistakes = [(want["beta"] / n, MISTAKE_MEAN_GRADS), (want["gamma"], MISTAKE_GRADS_SWAPPED)]
        expect_close(f"{what}: grads['beta']", grads["beta"], want["beta"], rtol=TOLERANCE, atol=1e-7,
                     mistakes=mistakes, hint=t("dbeta = sum over the batch of dout"))
