# answer: dropout
# expect: fail test_dropout_backward
# message: draws? a NEW mask
# source: course-notes (issue 13: backward draws its own mask instead of the one forward kept)
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
        keep = 1 - self.p_drop
        return x * (self.rng.random(x.shape) < keep) / keep

    def backward(self, dout):
        keep = 1 - self.p_drop
        return dout * (self.rng.random(dout.shape) < keep) / keep
