# answer: rmsprop
# expect: fail test_rmsprop
# message: 1 - decay
# source: invented: cache = decay*cache + g**2
class RMSProp(Optimizer):
    """RMSProp: divide each gradient by the root of a moving average of its square."""

    def __init__(self, lr, decay=0.99, eps=1e-8):
        super().__init__(lr)
        self.decay = decay
        self.eps = eps

    def update(self, name, param, grad):
        cache = self.state.setdefault(name, {}).setdefault("cache", np.zeros_like(param))
        cache[...] = self.decay * cache + grad ** 2
        param -= self.lr * grad / (np.sqrt(cache) + self.eps)
