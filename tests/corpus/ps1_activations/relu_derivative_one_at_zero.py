# answer: relu
# expect: fail test_relu_derivative
# message: ReLU'\(0\)
# source: assignment brief (x >= 0 for the derivative mask)
class ReLU(Activation):
    def forward(self, x):
        return np.maximum(x, 0)

    def derivative(self, x):
        return (x >= 0).astype(x.dtype)
