# answer: adam
# expect: fail test_adam_first_step
# expect: fail test_adam_several_steps
# expect: fail test_adam_separate_state
# expect: fail test_adam_tiny_gradients
# expect: fail test_adam_in_place
# message: returned new arrays
# source: the brief: returns new arrays instead of updating in place
class Adam(Optimizer):
    """Adam (Kingma and Ba) with bias correction; m, v and t are kept per parameter name."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

    def step(self, params, grads):
        new = {}
        for name, param in params.items():
            grad = grads[name]
            slot = self.state.setdefault(name, {"m": 0.0, "v": 0.0, "t": 0})
            slot["t"] += 1
            slot["m"] = self.beta1 * slot["m"] + (1 - self.beta1) * grad
            slot["v"] = self.beta2 * slot["v"] + (1 - self.beta2) * grad ** 2
            m_hat = slot["m"] / (1 - self.beta1 ** slot["t"])
            v_hat = slot["v"] / (1 - self.beta2 ** slot["t"])
            new[name] = param - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        return new
