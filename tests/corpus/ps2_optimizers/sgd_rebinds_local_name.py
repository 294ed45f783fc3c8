# answer: sgd
# expect: fail test_sgd
# message: [Nn]othing changed|unchanged
# source: invented (a local name rebound in update)
class SGD(Optimizer):
    """Stochastic gradient descent: p <- p - lr * g for every parameter (no state)."""

    def update(self, name, param, grad):
        param = param - self.lr * grad
