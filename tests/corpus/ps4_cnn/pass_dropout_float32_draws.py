# answer: dropout
# expect: pass
# source: the reference's own form (float32 draws, the scale in a mask of x's dtype)
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
            self.cache = None
            return x
        keep = 1.0 - self.p_drop
        mask = (self.rng.random(x.shape, dtype=np.float32) < keep).astype(x.dtype) / x.dtype.type(keep)
        self.cache = mask
        return x * mask

    def backward(self, dout):
        return dout if self.cache is None else dout * self.cache
