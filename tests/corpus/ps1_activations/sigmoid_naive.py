# answer: sigmoid
# expect: pass
# source: assignment brief (1 / (1 + exp(-x)): overflows with a RuntimeWarning for x < -709, but 1/inf = 0 is the right value)
class Sigmoid(Activation):
    def forward(self, x):
        return 1 / (1 + np.exp(-x))

    def derivative(self, x):
        s = self.forward(x)
        return s * (1 - s)
