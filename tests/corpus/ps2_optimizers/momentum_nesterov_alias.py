# answer: momentum
# expect: fail test_momentum_nesterov
# message: v_prev
# source: invented: v_prev = v without copy, then v changed in place
class Momentum(Optimizer):
    """SGD with momentum; Nesterov momentum with ``nesterov=True``. Velocity per parameter name."""

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum = momentum
        self.nesterov = nesterov

    def update(self, name, param, grad):
        slot = self.state.setdefault(name, {})
        if "v" not in slot:
            slot["v"] = np.zeros_like(param)
        v = slot["v"]
        v_prev = v
        v *= self.momentum
        v -= self.lr * grad
        if self.nesterov:
            param += (1 + self.momentum) * v - self.momentum * v_prev
        else:
            param += v
