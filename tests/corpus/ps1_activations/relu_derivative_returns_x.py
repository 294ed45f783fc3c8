# answer: relu
# expect: fail test_relu_derivative
# message: x where x > 0
# source: assignment brief (a backward pass, dx = dout.copy(); dx[x <= 0] = 0, with x in place of dout)
class ReLU(Activation):
    def forward(self, x):
        return np.maximum(x, 0)

    def derivative(self, x):
        d = x.copy()
        d[x <= 0] = 0
        return d
