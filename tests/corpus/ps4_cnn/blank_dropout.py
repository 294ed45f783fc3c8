# answer: dropout
# expect: fail test_dropout_forward_mask
# expect: fail test_dropout_forward_scaling
# expect: fail test_dropout_eval
# expect: fail test_dropout_backward
# message: NotImplementedError
# source: the blank release (answer bodies replaced by nbgrader)
class Dropout(Layer):
    """Inverted dropout."""

    def __init__(self, p_drop=0.5, rng=None):
        super().__init__()
        if not 0 <= p_drop < 1:
            raise ValueError(f"p_drop must be in [0, 1), got {p_drop}")
        self.p_drop = float(p_drop)
        self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)

    def forward(self, x, training=True):
        """Training: x * mask / (1 - p_drop); evaluation: x."""
        raise NotImplementedError()

    def backward(self, dout):
        """dout times the mask of the last training forward."""
        raise NotImplementedError()
