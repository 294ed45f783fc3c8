# answer: leaky_relu
# expect: pass
# source: invented (max(x, alpha x), right for 0 <= alpha <= 1; the derivative from a mask of x on a new array)
class LeakyReLU(Activation):
    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        return np.maximum(x, self.alpha * x)

    def derivative(self, x):
        d = np.ones_like(x)
        d[x <= 0] = self.alpha
        return d
