# answer: elu
# expect: fail test_elu_forward
# message: alpha is missing|without alpha
# source: assignment brief (alpha left out of the negative side: invisible at the default alpha = 1)
class ELU(Activation):
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, np.exp(x) - 1)

    def derivative(self, x):
        return np.where(x > 0, 1.0, self.alpha * np.exp(x))
