# answer: rmsprop
# expect: pass
# source: alternative: own step, float64 cache, param[...] = param - update
class RMSProp(Optimizer):
    """RMSProp: divide each gradient by the root of a moving average of its square."""

    def __init__(self, lr, decay=0.99, eps=1e-8):
        super().__init__(lr)
        self.decay = decay
        self.eps = eps

    def step(self, params, grads):
        for name, param in params.items():
            g = np.asarray(grads[name], dtype=np.float64)
            cache = self.state.get(name, np.zeros(param.shape))
            cache = self.decay * cache + (1 - self.decay) * g * g
            self.state[name] = cache
            param[...] = param - self.lr * g / (np.sqrt(cache) + self.eps)
