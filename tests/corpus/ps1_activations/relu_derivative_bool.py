# answer: relu
# expect: fail test_relu_derivative
# message: dtype bool
# source: invented (the mask itself returned as the derivative)
class ReLU(Activation):
    def forward(self, x):
        return np.maximum(x, 0)

    def derivative(self, x):
        return x > 0
