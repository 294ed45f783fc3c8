"""First-order optimizers.

``step(params, grads)`` takes two dicts name -> array and updates ``params`` in place.
State (velocity, moments, step count) is kept per parameter name, so parameters of different
shapes never share it.
"""
import numpy as np
BLOCK = 1 << 16

def _blocks(*arrays):
    """The arrays, all of one shape, as matching slices of BLOCK numbers each: views, so that
    writing into a block writes into the array. Arrays that are not all C-contiguous (flattening
    them would copy) come back whole, as one block."""
    if not all((a.flags.c_contiguous for a in arrays)):
        return [arrays]
    flat = [a.reshape(-1) for a in arrays]
    return [[a[i:i + BLOCK] for a in flat] for i in range(0, flat[0].size, BLOCK)]

class Optimizer:
    """Base class: validates the two dicts, then calls ``update(name, param, grad)`` per parameter."""

    def __init__(self, lr):
        if not lr > 0:
            raise ValueError(f'the learning rate must be positive, got {lr}')
        self.lr = float(lr)
        self.state = {}

    def step(self, params, grads):
        missing = sorted(set(params) - set(grads))
        if missing:
            raise ValueError(f'no gradient for parameters {missing}; got gradients for {sorted(grads)}')
        for name, param in params.items():
            grad = grads[name]
            if np.shape(grad) != np.shape(param):
                raise ValueError(f'gradient of {name!r} has shape {np.shape(grad)}, the parameter has shape {np.shape(param)}')
            if not isinstance(param, np.ndarray):
                raise TypeError(f'parameter {name!r} must be a NumPy array to be updated in place')
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
        work = self.__dict__.setdefault('_work', {})
        arrays = work.get(name, [])
        if len(arrays) < count or arrays[0].shape != like.shape or arrays[0].dtype != like.dtype:
            arrays = work[name] = [np.empty_like(like) for _ in range(count)]
        return arrays[:count]

class SGD(Optimizer):

    def update(self, name, param, grad):
        raise NotImplementedError('numpynet.optimizers.SGD is an exercise of ps2_optimizers: write your own in the notebook (its reference implementation is released after that assignment)')

class Momentum(Optimizer):

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum, self.nesterov = (float(momentum), bool(nesterov))

    def update(self, name, param, grad):
        raise NotImplementedError('numpynet.optimizers.Momentum is an exercise of ps2_optimizers: write your own in the notebook (its reference implementation is released after that assignment)')

class RMSProp(Optimizer):

    def __init__(self, lr, decay=0.99, eps=1e-08):
        super().__init__(lr)
        self.decay, self.eps = (float(decay), float(eps))

    def update(self, name, param, grad):
        raise NotImplementedError('numpynet.optimizers.RMSProp is an exercise of ps2_optimizers: write your own in the notebook (its reference implementation is released after that assignment)')

class Adam(Optimizer):

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-08):
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = (float(beta1), float(beta2), float(eps))

    def update(self, name, param, grad):
        raise NotImplementedError('numpynet.optimizers.Adam is an exercise of ps2_optimizers: write your own in the notebook (its reference implementation is released after that assignment)')
