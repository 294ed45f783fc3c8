# answer: sgd
# expect: pass
# source: alternative: own step loop with np.subtract(out=)
class SGD(Optimizer):
    """Stochastic gradient descent: p <- p - lr * g for every parameter (no state)."""

    def step(self, params, grads):
        for name in params:
            np.subtract(params[name], self.lr * np.asarray(grads[name]), out=params[name])
