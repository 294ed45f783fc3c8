# answer: adam
# expect: pass
# source: alternative: own step loop, a t per parameter name, params[name] -= ... (in place: the same array goes back into the dict)
class Adam(Optimizer):
    """Adam (Kingma and Ba) with bias correction; m, v and t are kept per parameter name."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

    def step(self, params, grads):
        for name in params:
            g = grads[name]
            if name not in self.state:
                self.state[name] = {"m": 0.0, "v": 0.0, "t": 0}
            s = self.state[name]
            s["t"] += 1
            s["m"] = self.beta1 * s["m"] + (1 - self.beta1) * g
            s["v"] = self.beta2 * s["v"] + (1 - self.beta2) * g ** 2
            m_hat = s["m"] / (1 - self.beta1 ** s["t"])
            v_hat = s["v"] / (1 - self.beta2 ** s["t"])
            params[name] -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
