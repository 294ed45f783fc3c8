# answer: sigmoid
# expect: fail test_sigmoid_forward
# expect: fail test_sigmoid_derivative
# message: NaN
# source: assignment brief (exp(x) / (1 + exp(x)): inf/inf = NaN for large x)
class Sigmoid(Activation):
    def forward(self, x):
        return np.exp(x) / (1 + np.exp(x))

    def derivative(self, x):
        s = self.forward(x)
        return s * (1 - s)
