# answer: tanh
# expect: fail test_tanh_forward
# expect: fail test_tanh_derivative
# message: overflow|inf/inf
# source: invented (the textbook formula with exponentials: inf/inf = NaN for |x| = 1000)
class Tanh(Activation):
    def forward(self, x):
        return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))

    def derivative(self, x):
        return 1 - self.forward(x) ** 2
