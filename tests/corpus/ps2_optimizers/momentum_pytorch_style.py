# answer: momentum
# expect: pass
# source: alternative: PyTorch form buf = mu*buf + g; p -= lr*buf (Nesterov: p -= lr*(g + mu*buf))
class Momentum(Optimizer):
    """SGD with momentum; Nesterov momentum with ``nesterov=True``. Velocity per parameter name."""

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum = momentum
        self.nesterov = nesterov

    def update(self, name, param, grad):
        buf = self.state.setdefault(name, {}).setdefault("buf", np.zeros_like(param))
        buf *= self.momentum
        buf += grad
        if self.nesterov:
            param -= self.lr * (grad + self.momentum * buf)
        else:
            param -= self.lr * buf
