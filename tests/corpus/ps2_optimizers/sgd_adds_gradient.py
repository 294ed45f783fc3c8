# answer: sgd
# expect: fail test_sgd
# message: added the gradient|uphill
# source: invented
class SGD(Optimizer):
    """Stochastic gradient descent: p <- p - lr * g for every parameter (no state)."""

    def update(self, name, param, grad):
        param += self.lr * grad
