# answer: relu
# expect: fail test_relu_forward
# expect: fail test_relu_input_unchanged
# expect: fail test_relu_derivative
# expect: fail test_relu_prints_nothing
# message: NotImplementedError
# source: invented (the released stub, left unanswered)
class ReLU(Activation):
    """max(0, x), element-wise; the derivative is 1 for x > 0 and 0 for x <= 0 (ReLU'(0) = 0)."""

    def forward(self, x):
        """max(0, x) for an array ``x`` of any shape: a NEW array; ``x`` is left unchanged."""
        # YOUR CODE HERE
        raise NotImplementedError()

    def derivative(self, x):
        """1.0 where x > 0 and 0.0 where x <= 0: a NEW float array of x's shape (and dtype)."""
        # YOUR CODE HERE
        raise NotImplementedError()
