# answer: elu
# expect: pass
# source: invented (the derivative for x <= 0 as f(x) + alpha; np.where over an overflowing branch, with a warning only)
class ELU(Activation):
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, self.alpha * (np.exp(x) - 1))

    def derivative(self, x):
        return np.where(x > 0, 1.0, self.forward(x) + self.alpha)
