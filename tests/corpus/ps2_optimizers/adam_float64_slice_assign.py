# answer: adam
# expect: pass
# source: alternative: float64 state, PyTorch-style denominator, param[...] = param - update
class Adam(Optimizer):
    """Adam (Kingma and Ba) with bias correction; m, v and t are kept per parameter name."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

    def update(self, name, param, grad):
        g = np.asarray(grad, dtype=np.float64)
        if name not in self.state:
            self.state[name] = {"m": np.zeros(param.shape), "v": np.zeros(param.shape), "t": 0}
        s = self.state[name]
        s["t"] += 1
        np.add(self.beta1 * s["m"], (1 - self.beta1) * g, out=s["m"])
        np.add(self.beta2 * s["v"], (1 - self.beta2) * g * g, out=s["v"])
        bias1 = 1 - self.beta1 ** s["t"]
        bias2 = 1 - self.beta2 ** s["t"]
        denominator = np.sqrt(s["v"]) / np.sqrt(bias2) + self.eps
        param[...] = param - (self.lr / bias1) * s["m"] / denominator
