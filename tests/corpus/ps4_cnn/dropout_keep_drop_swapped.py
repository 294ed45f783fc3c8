# answer: dropout
# expect: fail test_dropout_forward_mask
# message: keep and drop (are )?swapped
# source: course-notes (issue 13: keeps each unit with probability p_drop)
class Dropout(Layer):
    """Inverted dropout."""

    def __init__(self, p_drop=0.5, rng=None):
        super().__init__()
        if not 0 <= p_drop < 1:
            raise ValueError(f"p_drop must be in [0, 1), got {p_drop}")
        self.p_drop = float(p_drop)
        self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)

    def forward(self, x, training=True):
        if not training:
            return x
        self.cache = (self.rng.random(x.shape) < self.p_drop) / (1 - self.p_drop)
        return x * self.cache

    def backward(self, dout):
        return dout * self.cache
