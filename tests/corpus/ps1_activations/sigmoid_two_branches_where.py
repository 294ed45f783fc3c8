# answer: sigmoid
# expect: pass
# source: invented (np.where over two formulas that each overflow on one side; the dropped branch does not matter)
class Sigmoid(Activation):
    def forward(self, x):
        return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))

    def derivative(self, x):
        return self.forward(x) * self.forward(-x)
