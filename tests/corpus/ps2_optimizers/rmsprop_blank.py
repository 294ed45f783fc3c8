# answer: rmsprop
# expect: fail test_rmsprop
# message: NotImplementedError
# source: the released notebook, unanswered
class RMSProp(Optimizer):
    """RMSProp: divide each gradient by the root of a moving average of its square."""

    def __init__(self, lr, decay=0.99, eps=1e-8):
        super().__init__(lr)
        self.decay = decay
        self.eps = eps

    def update(self, name, param, grad):
        """Update the cache of ``name`` and move ``param`` (IN PLACE)."""
        # YOUR CODE HERE
        raise NotImplementedError()
