# answer: rmsprop
# expect: fail test_rmsprop
# message: inside the square root
# source: invented (TensorFlow's placement; the course's formula has eps outside)
class RMSProp(Optimizer):
    """RMSProp: divide each gradient by the root of a moving average of its square."""

    def __init__(self, lr, decay=0.99, eps=1e-8):
        super().__init__(lr)
        self.decay = decay
        self.eps = eps

    def update(self, name, param, grad):
        cache = self.state.setdefault(name, {}).setdefault("cache", np.zeros_like(param))
        cache[...] = self.decay * cache + (1 - self.decay) * grad ** 2
        param -= self.lr * grad / np.sqrt(cache + self.eps)
