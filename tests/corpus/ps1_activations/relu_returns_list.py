# answer: relu
# expect: fail test_relu_forward
# message: list
# source: assignment brief (a Python loop that collects values in a list)
class ReLU(Activation):
    def forward(self, x):
        out = []
        for v in x.ravel():
            out.append(max(v, 0.0))
        return out

    def derivative(self, x):
        return (x > 0).astype(x.dtype)
