# answer: sigmoid
# expect: fail test_sigmoid_forward
# message: sigma\(-x\)
# source: invented (exp(x) instead of exp(-x); s * (1 - s) is symmetric, so the derivative's values are still right and only forward fails)
class Sigmoid(Activation):
    def forward(self, x):
        return 1 / (1 + np.exp(x))

    def derivative(self, x):
        s = self.forward(x)
        return s * (1 - s)
