# answer: sgd
# expect: fail test_sgd
# message: NotImplementedError
# source: the released notebook, unanswered
class SGD(Optimizer):
    """Stochastic gradient descent: p <- p - lr * g for every parameter (no state)."""

    def update(self, name, param, grad):
        """Move ``param`` (an array, updated IN PLACE) by -lr * ``grad`` (same shape)."""
        # YOUR CODE HERE
        raise NotImplementedError()
