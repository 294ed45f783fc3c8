# answer: sigmoid
# expect: fail test_sigmoid_derivative
# message: sigma\(x\) \* \(1 - x\)
# source: assignment brief (the second factor applied to x instead of sigma(x))
class Sigmoid(Activation):
    def forward(self, x):
        return 1 / (1 + np.exp(-x))

    def derivative(self, x):
        return self.forward(x) * (1 - x)
