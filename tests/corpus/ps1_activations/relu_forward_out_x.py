# answer: relu
# expect: fail test_relu_input_unchanged
# message: modified its input.*in place
# source: invented (np.maximum with out=x to "save memory")
class ReLU(Activation):
    def forward(self, x):
        return np.maximum(x, 0, out=x)

    def derivative(self, x):
        return (x > 0).astype(x.dtype)
