# answer: relu
# expect: pass
# source: assignment brief (float64 results for float32 inputs: slower in a float32 network, not wrong)
class ReLU(Activation):
    def forward(self, x):
        return np.maximum(np.asarray(x, dtype=np.float64), 0.0)

    def derivative(self, x):
        return (x > 0).astype(np.float64)
