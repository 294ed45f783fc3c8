# answer: momentum
# expect: fail test_momentum
# expect: fail test_momentum_nesterov
# message: learning rate is missing|without the learning rate
# source: the brief: v = mu*v - g without lr
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
        v[...] = self.momentum * v - grad
        if self.nesterov:
            param += -self.momentum * v_prev + (1 + self.momentum) * v
        else:
            param += v
