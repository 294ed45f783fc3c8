# answer: momentum
# expect: fail test_momentum
# expect: fail test_momentum_nesterov
# message: applied twice
# source: the brief: p -= lr*v with v = mu*v - lr*g
class Momentum(Optimizer):
    """SGD with momentum; Nesterov momentum with ``nesterov=True``. Velocity per parameter name."""

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum = momentum
        self.nesterov = nesterov

    def update(self, name, param, grad):
        slot = self.state.setdefault(name, {})
        v = slot.setdefault("v", np.zeros_like(param))
        v_prev = v.copy()
        v[...] = self.momentum * v - self.lr * grad
        if self.nesterov:
            param -= self.lr * (-self.momentum * v_prev + (1 + self.momentum) * v)
        else:
            param -= self.lr * v
