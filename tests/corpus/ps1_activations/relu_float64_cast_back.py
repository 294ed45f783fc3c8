# answer: relu
# expect: pass
# source: assignment brief (computes in float64, casts back to the input's dtype)
class ReLU(Activation):
    def forward(self, x):
        x64 = x.astype(np.float64)
        return np.maximum(x64, 0.0).astype(x.dtype)

    def derivative(self, x):
        x64 = x.astype(np.float64)
        return np.heaviside(x64, 0.0).astype(x.dtype)
