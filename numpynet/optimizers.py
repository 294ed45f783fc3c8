"""First-order optimizers.

``step(params, grads)`` takes two dicts name -> array and updates ``params`` in place.
State (velocity, moments, step count) is kept per parameter name, so parameters of different
shapes never share it.
"""
import numpy as np


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
    """Classical momentum: v = mu v - lr g; p += v. Nesterov: p += -mu v_prev + (1 + mu) v."""

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum, self.nesterov = float(momentum), bool(nesterov)

    def update(self, name, param, grad):
        v = self._zeros(name, "v", param)
        if self.nesterov:
            v_prev = v.copy()
            v *= self.momentum
            v -= self.lr * grad
            param += (1 + self.momentum) * v - self.momentum * v_prev
        else:
            v *= self.momentum
            v -= self.lr * grad
            param += v


class RMSProp(Optimizer):
    """cache = decay cache + (1 - decay) g^2; p -= lr g / (sqrt(cache) + eps)."""

    def __init__(self, lr, decay=0.99, eps=1e-8):
        super().__init__(lr)
        self.decay, self.eps = float(decay), float(eps)

    def update(self, name, param, grad):
        cache = self._zeros(name, "cache", param)
        cache *= self.decay
        cache += (1 - self.decay) * grad * grad
        param -= self.lr * grad / (np.sqrt(cache) + self.eps)


class Adam(Optimizer):
    """Adam (Kingma and Ba), with bias correction.

    m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;  t counts from 1 (incremented before use);
    m_hat = m / (1 - b1^t);  v_hat = v / (1 - b2^t);  p -= lr m_hat / (sqrt(v_hat) + eps).
    The first step moves each weight by about lr.
    """

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)

    def update(self, name, param, grad):
        m = self._zeros(name, "m", param)
        v = self._zeros(name, "v", param)
        slot = self.state[name]
        slot["t"] = t = slot.get("t", 0) + 1
        # The formulas above, operation by operation, written into two reused work arrays
        work, denom = self._scratch(name, param, 2)
        m *= self.beta1
        m += np.multiply(grad, 1 - self.beta1, out=work)  # m = b1 m + (1 - b1) g
        v *= self.beta2
        square = np.multiply(np.multiply(grad, 1 - self.beta2, out=work), grad, out=work)
        v += square  # v = b2 v + (1 - b2) g^2
        m_hat = np.divide(m, 1 - self.beta1 ** t, out=work)
        v_hat = np.divide(v, 1 - self.beta2 ** t, out=denom)
        denom = np.sqrt(v_hat, out=denom)
        denom += self.eps  # sqrt(v_hat) + eps
        step = np.multiply(m_hat, self.lr, out=work)
        param -= np.divide(step, denom, out=work)  # p -= lr m_hat / (sqrt(v_hat) + eps)
