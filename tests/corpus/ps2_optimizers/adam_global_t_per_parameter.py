# answer: adam
# expect: fail test_adam_separate_state
# message: once per|count steps|t must count
# source: the brief: one t incremented for every parameter update (twice per step with two parameters)
class Adam(Optimizer):
    """Adam (Kingma and Ba) with bias correction; m, v and t are kept per parameter name."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

        self.t = 0

    def update(self, name, param, grad):
        self.t += 1
        slot = self.state.setdefault(name, {"m": np.zeros_like(param), "v": np.zeros_like(param)})
        slot["m"] = self.beta1 * slot["m"] + (1 - self.beta1) * grad
        slot["v"] = self.beta2 * slot["v"] + (1 - self.beta2) * grad ** 2
        m_hat = slot["m"] / (1 - self.beta1 ** self.t)
        v_hat = slot["v"] / (1 - self.beta2 ** self.t)
        param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
