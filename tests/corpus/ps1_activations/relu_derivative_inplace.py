# answer: relu
# expect: fail test_relu_input_unchanged
# message: ReLU.*derivative.*modified its input.*in place
# source: course-notes (the derivative written with the same in-place pattern as the forward)
class ReLU(Activation):
    def forward(self, x):
        return np.maximum(x, 0)

    def derivative(self, x):
        d = x
        d[d > 0] = 1
        d[d <= 0] = 0
        return d
