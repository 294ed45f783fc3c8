# answer: leaky_relu
# expect: fail test_leaky_relu_derivative
# message: two masks
# source: assignment brief (two masks applied in sequence to one array: the alphas written first are > 0, so the second mask turns them into 1)
class LeakyReLU(Activation):
    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        return np.where(x > 0, x, self.alpha * x)

    def derivative(self, x):
        d = x.copy()
        d[d <= 0] = self.alpha
        d[d > 0] = 1
        return d
