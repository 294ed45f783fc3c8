# answer: dropout
# expect: pass
# source: invented (a copy changed in place, a mask of indices kept)
class Dropout(Layer):
    """Inverted dropout."""

    def __init__(self, p_drop=0.5, rng=None):
        super().__init__()
        if not 0 <= p_drop < 1:
            raise ValueError(f"p_drop must be in [0, 1), got {p_drop}")
        self.p_drop = float(p_drop)
        self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)

    def forward(self, x, training=True):
        out = np.array(x, dtype=float, copy=True)
        if training:
            drop = self.rng.random(x.shape) > 1 - self.p_drop   # u > keep: dropped
            out[drop] = 0.0
            out /= 1 - self.p_drop
            self.dropped = drop
        return out

    def backward(self, dout):
        dx = np.array(dout, dtype=float, copy=True)
        dx[self.dropped] = 0.0
        return dx / (1 - self.p_drop)
