# answer: dropout
# expect: pass
# source: invented (a bool mask, the scaling applied after it, in both passes)
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
        self.keep = 1.0 - self.p_drop
        self.mask = self.rng.random(x.shape) < self.keep
        return x * self.mask / self.keep

    def backward(self, dout):
        return dout * self.mask / self.keep
