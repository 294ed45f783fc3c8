# answer: relu
# expect: pass
# source: invented (a print when the cell runs, not when ReLU is used: nothing printed in training)
class ReLU(Activation):
    """max(0, x), element-wise; the derivative is 1 for x > 0 and 0 for x <= 0 (ReLU'(0) = 0)."""

    def forward(self, x):
        """max(0, x) for an array ``x`` of any shape: a NEW array; ``x`` is left unchanged."""
        return x * (x > 0)

    def derivative(self, x):
        """1.0 where x > 0 and 0.0 where x <= 0: a NEW float array of x's shape (and dtype)."""
        return np.greater(x, 0).astype(x.dtype)


print("ReLU defined:", ReLU())
