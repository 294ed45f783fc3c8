"""First-order optimizers.

``step(params, grads)`` takes two dicts name -> array and updates ``params`` in place.
State (velocity, moments, step count) is kept per parameter name, so parameters of different
shapes never share it.
"""
import numpy as np


# Numbers per block of an update: the six arrays of a block (parameter, gradient, m, v and two
# work arrays) then fit in a core's cache, about 1.5 MB, across the update's dozen passes. One pass
# per whole array of a 1152 x 256 weight would go out to main memory each time: twice as slow.
BLOCK = 1 << 16


def _blocks(*arrays):
    """The arrays, all of one shape, as matching slices of BLOCK numbers each: views, so that
    writing into a block writes into the array. Arrays that are not all C-contiguous (flattening
    them would copy) come back whole, as one block."""
    if not all(a.flags.c_contiguous for a in arrays):
        return [arrays]
    flat = [a.reshape(-1) for a in arrays]
    return [[a[i:i + BLOCK] for a in flat] for i in range(0, flat[0].size, BLOCK)]


class Optimizer:
    """Base class: validates the two dicts, then calls ``update(name, param, grad)`` per parameter."""

    def __init__(self, lr):
        if not lr > 0:
            raise ValueError(f"the learning rate must be positive, got {lr}")
        self.lr = float(lr)
        self.state = {}

    def step(self, params, grads):
        missing = sorted(set(params) - set(grads))
        if missing:
            raise ValueError(f"no gradient for parameters {missing}; got gradients for {sorted(grads)}")
        for name, param in params.items():
            grad = grads[name]
            if np.shape(grad) != np.shape(param):
                raise ValueError(f"gradient of {name!r} has shape {np.shape(grad)}, "
                                 f"the parameter has shape {np.shape(param)}")
            if not isinstance(param, np.ndarray):
                raise TypeError(f"parameter {name!r} must be a NumPy array to be updated in place")
            self.update(name, param, np.asarray(grad, dtype=param.dtype))

    def update(self, name, param, grad):
        raise NotImplementedError

    def _zeros(self, name, key, like):
        slot = self.state.setdefault(name, {})
        if key not in slot:
            slot[key] = np.zeros_like(like)
        return slot[key]

    def _scratch(self, name, like, count):
        """``count`` work arrays shaped like ``like``, reused at every step (not optimizer state),
        so that an update allocates no temporary arrays."""
        work = self.__dict__.setdefault("_work", {})
        arrays = work.get(name, [])
        if len(arrays) < count or arrays[0].shape != like.shape or arrays[0].dtype != like.dtype:
            arrays = work[name] = [np.empty_like(like) for _ in range(count)]
        return arrays[:count]


class SGD(Optimizer):
    """p -= lr * g."""

    def update(self, name, param, grad):
        param -= self.lr * grad


class Momentum(Optimizer):
    """Classical momentum: v = mu v - lr g; p += v. Nesterov: p += -mu v_prev + (1 + mu) v.

    The two parts of the formula are methods: ``_velocity`` (v's update) and ``_move`` (the
    change of the parameter).
    """

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum, self.nesterov = float(momentum), bool(nesterov)

    def update(self, name, param, grad):
        v = self._zeros(name, "v", param)
        v_prev = v.copy() if self.nesterov else None
        self._velocity(v, grad)
        param += self._move(v, v_prev)

    def _velocity(self, v, grad):
        """v = mu v - lr g, in place."""
        v *= self.momentum
        v -= self.lr * grad

    def _move(self, v, v_prev):
        """The change of the parameter: v, or (1 + mu) v - mu v_prev for Nesterov."""
        if self.nesterov:
            return (1 + self.momentum) * v - self.momentum * v_prev
        return v


class RMSProp(Optimizer):
    """cache = decay cache + (1 - decay) g^2; p -= lr g / (sqrt(cache) + eps).

    The two parts of the formula are methods: ``_accumulate`` (the cache's update) and
    ``_denominator``.
    """

    def __init__(self, lr, decay=0.99, eps=1e-8):
        super().__init__(lr)
        self.decay, self.eps = float(decay), float(eps)

    def update(self, name, param, grad):
        cache = self._zeros(name, "cache", param)
        self._accumulate(cache, grad)
        param -= self.lr * grad / self._denominator(cache)

    def _accumulate(self, cache, grad):
        """cache = decay cache + (1 - decay) g^2, in place."""
        cache *= self.decay
        cache += (1 - self.decay) * grad * grad

    def _denominator(self, cache):
        """sqrt(cache) + eps."""
        return np.sqrt(cache) + self.eps


class Adam(Optimizer):
    """Adam (Kingma and Ba), with bias correction.

    m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  t counts from 1 (incremented before use);
    m_hat = m / (1 - b1^t);  v_hat = v / (1 - b2^t);  p -= lr m_hat / (sqrt(v_hat) + eps).
    The first step moves each weight by about lr.

    Each part of the formula is a method: ``_step_count`` (t), ``_first_moment`` (m),
    ``_second_moment`` (v), ``_bias_corrected`` (m_hat and v_hat) and ``_denominator``; the
    state (m, v, t) is kept per parameter name. They write into arrays shaped like the parameter
    that are reused at every step (``out`` and ``work``), so that an update allocates none.
    """

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)

    def update(self, name, param, grad):
        m = self._zeros(name, "m", param)
        v = self._zeros(name, "v", param)
        t = self._step_count(name)
        work, denom = self._scratch(name, param, 2)
        for block in _blocks(param, grad, m, v, work, denom):
            self._update_block(t, *block)

    def _update_block(self, t, param, grad, m, v, work, denom):
        self._first_moment(m, grad, work)
        self._second_moment(v, grad, work)
        m_hat = self._bias_corrected(m, self.beta1, t, out=work)
        v_hat = self._bias_corrected(v, self.beta2, t, out=denom)
        denom = self._denominator(v_hat, out=denom)
        step = np.multiply(m_hat, self.lr, out=work)
        param -= np.divide(step, denom, out=work)  # p -= lr m_hat / (sqrt(v_hat) + eps)

    def _step_count(self, name):
        """t: the number of updates of parameter ``name``, this one included."""
        slot = self.state.setdefault(name, {})
        slot["t"] = slot.get("t", 0) + 1
        return slot["t"]

    def _first_moment(self, m, grad, work):
        """m = b1 m + (1 - b1) g, in place (``work``: an array shaped like g, overwritten)."""
        m *= self.beta1
        m += np.multiply(grad, 1 - self.beta1, out=work)

    def _second_moment(self, v, grad, work):
        """v = b2 v + (1 - b2) g^2, in place (``work``: an array shaped like g, overwritten)."""
        v *= self.beta2
        v += np.multiply(np.multiply(grad, 1 - self.beta2, out=work), grad, out=work)

    def _bias_corrected(self, moment, beta, t, out):
        """moment / (1 - beta^t), written into ``out``: m_hat from m, v_hat from v."""
        return np.divide(moment, 1 - beta ** t, out=out)

    def _denominator(self, v_hat, out):
        """sqrt(v_hat) + eps, written into ``out``."""
        denom = np.sqrt(v_hat, out=out)
        denom += self.eps
        return denom
