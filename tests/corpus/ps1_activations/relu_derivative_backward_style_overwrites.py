# answer: relu
# expect: fail test_relu_derivative
# expect: fail test_relu_input_unchanged
# message: x where x > 0|in place
# source: assignment brief (cs231n-style relu_backward with dout replaced by x, and no copy)
class ReLU(Activation):
    def forward(self, x):
        return x * (x > 0)

    def derivative(self, x):
        dx = x
        dx[x <= 0] = 0
        return dx
