# answer: elu
# expect: fail test_elu_derivative
# message: x >= 0|At x = 0
# source: invented (slope 1 at x = 0: the x > 0 side's, against the convention; visible only when alpha != 1)
class ELU(Activation):
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, self.alpha * np.expm1(np.minimum(x, 0)))

    def derivative(self, x):
        return np.where(x >= 0, 1.0, self.alpha * np.exp(np.minimum(x, 0)))
