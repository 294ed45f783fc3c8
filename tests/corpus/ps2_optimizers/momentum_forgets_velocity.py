# answer: momentum
# expect: fail test_momentum
# expect: fail test_momentum_nesterov
# message: plain SGD|between steps
# source: invented: the velocity is a fresh zero array at every step
class Momentum(Optimizer):
    """SGD with momentum; Nesterov momentum with ``nesterov=True``. Velocity per parameter name."""

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum = momentum
        self.nesterov = nesterov

    def update(self, name, param, grad):
        v = np.zeros_like(param)
        v_prev = v.copy()
        v = self.momentum * v - self.lr * grad
        if self.nesterov:
            param += -self.momentum * v_prev + (1 + self.momentum) * v
        else:
            param += v
