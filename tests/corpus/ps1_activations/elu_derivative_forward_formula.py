# answer: elu
# expect: fail test_elu_derivative
# message: forward value
# source: assignment brief (alpha * (exp(x) - 1), the function itself, as the slope for x <= 0)
class ELU(Activation):
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, self.alpha * (np.exp(x) - 1))

    def derivative(self, x):
        return np.where(x > 0, 1.0, self.alpha * (np.exp(x) - 1))
