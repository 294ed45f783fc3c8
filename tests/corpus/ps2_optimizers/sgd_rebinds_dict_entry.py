# answer: sgd
# expect: fail test_sgd
# message: in place
# source: the brief (the classic in-place mistake)
class SGD(Optimizer):
    """Stochastic gradient descent: p <- p - lr * g for every parameter (no state)."""

    def step(self, params, grads):
        for k in params:
            params[k] = params[k] - self.lr * grads[k]
