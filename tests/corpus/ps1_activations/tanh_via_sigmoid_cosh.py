# answer: tanh
# expect: pass
# source: invented (tanh as 2 sigma(2x) - 1 written stably, derivative as 1 / cosh(x)**2, which overflows harmlessly to 1/inf = 0)
class Tanh(Activation):
    def forward(self, x):
        return 2 * np.exp(-np.logaddexp(0, -2 * x)) - 1

    def derivative(self, x):
        return 1 / np.cosh(x) ** 2
