# answer: momentum
# expect: fail test_momentum_nesterov
# message: classical momentum
# source: invented: the flag is stored but never read
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
        slot["v"] = self.momentum * slot["v"] - self.lr * grad
        param += slot["v"]
