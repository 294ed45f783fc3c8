# answer: leaky_relu
# expect: fail test_leaky_relu_derivative
# message: alpha \* x for x <= 0
# source: assignment brief (the forward value of the negative side used as its slope)
class LeakyReLU(Activation):
    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, self.alpha * x)

    def derivative(self, x):
        return np.where(x > 0, 1.0, self.alpha * x)
