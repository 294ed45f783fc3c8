# answer: leaky_relu
# expect: fail test_leaky_relu_forward
# expect: fail test_leaky_relu_derivative
# message: default slope is alpha = 0.01|should be \[-0.02
# source: invented (a default slope of 0.1 instead of the course's 0.01)
class LeakyReLU(Activation):
    def __init__(self, alpha=0.1):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, self.alpha * x)

    def derivative(self, x):
        return np.where(x > 0, 1.0, self.alpha)
