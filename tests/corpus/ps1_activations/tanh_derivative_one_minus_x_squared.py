# answer: tanh
# expect: fail test_tanh_derivative
# message: 1 - x\*\*2
# source: assignment brief (the output formula 1 - t**2 applied to the pre-activation)
class Tanh(Activation):
    def forward(self, x):
        return np.tanh(x)

    def derivative(self, x):
        return 1 - x ** 2
