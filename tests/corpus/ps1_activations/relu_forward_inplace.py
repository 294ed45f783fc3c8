# answer: relu
# expect: fail test_relu_input_unchanged
# message: modified its input.*in place
# source: course-notes (the real student ReLU: `out = x; out[out < 0] = 0`)
class ReLU(Activation):
    def forward(self, x):
        out = x
        out[out < 0] = 0
        return out

    def derivative(self, x):
        return (x > 0).astype(x.dtype)
