# answer: elu
# expect: fail test_elu_forward
# message: NaN
# source: invented (masks multiplied by formulas evaluated everywhere: 0 * inf = NaN at x = 1000)
class ELU(Activation):
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def forward(self, x):
        return (x > 0) * x + (x <= 0) * self.alpha * (np.exp(x) - 1)

    def derivative(self, x):
        return np.where(x > 0, 1.0, self.alpha * np.exp(np.minimum(x, 0)))
