# answer: sgd
# expect: pass
# source: alternative: param[...] = param - update
class SGD(Optimizer):
    """Stochastic gradient descent: p <- p - lr * g for every parameter (no state)."""

    def update(self, name, param, grad):
        param[...] = param - self.lr * grad
