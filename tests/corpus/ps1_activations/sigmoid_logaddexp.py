# answer: sigmoid
# expect: pass
# source: assignment brief (the scipy-free stable form exp(-log(1 + exp(-x))))
class Sigmoid(Activation):
    def forward(self, x):
        return np.exp(-np.logaddexp(0, -x))

    def derivative(self, x):
        s = np.exp(-np.logaddexp(0, -x))
        return s - s * s
