# answer: leaky_relu
# expect: pass
# source: invented (the same two masks in the order that works: the 1s written first stay > 0)
class LeakyReLU(Activation):
    def __init__(self, alpha=0.01):
        self.alpha = alpha

    def forward(self, x):
        out = x.copy()
        out[out <= 0] *= self.alpha
        return out

    def derivative(self, x):
        d = x.copy()
        d[d > 0] = 1
        d[d <= 0] = self.alpha
        return d
