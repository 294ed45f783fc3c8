# answer: adam
# expect: fail test_adam_prints_nothing
# message: Adam.* printed 'step \d+
# source: course-notes (debug print calls left in code that runs at every iteration)
class Adam(Optimizer):
    """Adam (Kingma and Ba) with bias correction; m, v and t are kept per parameter name."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

    def update(self, name, param, grad):
        """Update the moments and step count of ``name`` and move ``param`` (IN PLACE)."""
        slot = self.state.setdefault(name, {})
        if not slot:
            slot["m"], slot["v"], slot["t"] = np.zeros_like(param), np.zeros_like(param), 0
        slot["t"] += 1
        t = slot["t"]
        print("step", t, name, "grad norm", np.linalg.norm(grad))
        slot["m"] = self.beta1 * slot["m"] + (1 - self.beta1) * grad
        slot["v"] = self.beta2 * slot["v"] + (1 - self.beta2) * grad * grad
        m_hat = slot["m"] / (1 - self.beta1 ** t)
        v_hat = slot["v"] / (1 - self.beta2 ** t)
        param -= self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
