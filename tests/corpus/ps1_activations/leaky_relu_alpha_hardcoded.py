# answer: leaky_relu
# expect: fail test_leaky_relu_forward
# expect: fail test_leaky_relu_derivative
# message: hard-coded
# source: assignment brief (the default slope written as a number instead of self.alpha)
class LeakyReLU(Activation):
    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, 0.01 * x)

    def derivative(self, x):
        return np.where(x > 0, 1.0, 0.01)
