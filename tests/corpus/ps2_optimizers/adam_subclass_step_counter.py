# answer: adam
# expect: pass
# source: alternative: update() plus a step() override that counts t once per call
class Adam(Optimizer):
    """Adam (Kingma and Ba) with bias correction; m, v and t are kept per parameter name."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

        self.t = 0

    def step(self, params, grads):
        self.t += 1
        super().step(params, grads)

    def update(self, name, param, grad):
        m = self.state.setdefault(name + "/m", np.zeros_like(param))
        v = self.state.setdefault(name + "/v", np.zeros_like(param))
        m *= self.beta1
        m += (1 - self.beta1) * grad
        v *= self.beta2
        v += (1 - self.beta2) * np.square(grad)
        step = self.lr * (m / (1 - self.beta1 ** self.t)) / (np.sqrt(v / (1 - self.beta2 ** self.t)) + self.eps)
        np.subtract(param, step, out=param)
