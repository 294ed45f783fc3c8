# answer: adam
# expect: fail test_adam_first_step
# expect: fail test_adam_several_steps
# expect: fail test_adam_separate_state
# expect: fail test_adam_tiny_gradients
# expect: fail test_adam_in_place
# expect: fail test_adam_prints_nothing
# message: NotImplementedError
# source: the released notebook, unanswered
class Adam(Optimizer):
    """Adam (Kingma and Ba) with bias correction; m, v and t are kept per parameter name."""

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps

    def update(self, name, param, grad):
        """Update the moments and step count of ``name`` and move ``param`` (IN PLACE)."""
        # YOUR CODE HERE
        raise NotImplementedError()
