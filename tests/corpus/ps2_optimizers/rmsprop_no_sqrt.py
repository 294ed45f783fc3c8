# answer: rmsprop
# expect: fail test_rmsprop
# message: square root
# source: the brief: RMSProp without sqrt
class RMSProp(Optimizer):
    """RMSProp: divide each gradient by the root of a moving average of its square."""

    def __init__(self, lr, decay=0.99, eps=1e-8):
        super().__init__(lr)
        self.decay = decay
        self.eps = eps

    def update(self, name, param, grad):
        cache = self.state.setdefault(name, {}).setdefault("cache", np.zeros_like(param))
        cache[...] = self.decay * cache + (1 - self.decay) * grad ** 2
        param -= self.lr * grad / (cache + self.eps)
