# answer: relu
# expect: pass
# source: assignment brief (np.where for both; the derivative in float64 for any input)
class ReLU(Activation):
    def forward(self, x):
        return np.where(x > 0, x, 0.0).astype(x.dtype)

    def derivative(self, x):
        return np.where(x > 0, 1.0, 0.0)
