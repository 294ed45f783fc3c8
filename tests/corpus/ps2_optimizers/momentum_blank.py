# answer: momentum
# expect: fail test_momentum
# expect: fail test_momentum_nesterov
# message: NotImplementedError
# source: the released notebook, unanswered
class Momentum(Optimizer):
    """SGD with momentum; Nesterov momentum with ``nesterov=True``. Velocity per parameter name."""

    def __init__(self, lr, momentum=0.9, nesterov=False):
        super().__init__(lr)
        self.momentum = momentum
        self.nesterov = nesterov

    def update(self, name, param, grad):
        """Update the velocity of ``name`` and move ``param`` (IN PLACE) by it."""
        # YOUR CODE HERE
        raise NotImplementedError()
