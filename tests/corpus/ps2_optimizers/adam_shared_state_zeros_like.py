# answer: adam
# expect: fail test_adam_separate_state
# message: one m(, v)? and v|per parameter name
# source: public student code: m and v created once with the first parameter's shape, t per step
class Adam(Optimizer):
    """Adam (Kingma and Ba) with bias correction; m, v and t are kept per parameter name."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

        self.m = self.v = None
        self.t = 0

    def step(self, params, grads):
        self.t += 1
        for name, param in params.items():
            grad = grads[name]
            if self.m is None:
                self.m, self.v = np.zeros_like(param), np.zeros_like(param)
            self.m = self.beta1 * self.m + (1 - self.beta1) * grad
            self.v = self.beta2 * self.v + (1 - self.beta2) * grad ** 2
            m_hat = self.m / (1 - self.beta1 ** self.t)
            v_hat = self.v / (1 - self.beta2 ** self.t)
            param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
