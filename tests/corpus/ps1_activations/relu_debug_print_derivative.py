# answer: relu
# expect: fail test_relu_prints_nothing
# message: ReLU.*derivative.* printed '(grad mask|\[)
# source: course-notes (debug print calls left in forward and backward of a layer)
class ReLU(Activation):
    """max(0, x), element-wise; the derivative is 1 for x > 0 and 0 for x <= 0 (ReLU'(0) = 0)."""

    def forward(self, x):
        """max(0, x) for an array ``x`` of any shape: a NEW array; ``x`` is left unchanged."""
        return np.where(x > 0, x, 0.0).astype(x.dtype)

    def derivative(self, x):
        """1.0 where x > 0 and 0.0 where x <= 0: a NEW float array of x's shape (and dtype)."""
        d = (x > 0).astype(x.dtype)
        print("grad mask")
        print(d)
        return d
