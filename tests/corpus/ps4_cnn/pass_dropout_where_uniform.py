# answer: dropout
# expect: pass
# source: invented (rng.uniform, keep where u >= p_drop, np.where)
class Dropout(Layer):
    """Inverted dropout."""

    def __init__(self, p_drop=0.5, rng=None):
        super().__init__()
        if not 0 <= p_drop < 1:
            raise ValueError(f"p_drop must be in [0, 1), got {p_drop}")
        self.p_drop = float(p_drop)
        self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)

    def forward(self, x, training=True):
        x = np.asarray(x)
        if training is False:
            return x.copy()
        u = self.rng.uniform(size=x.shape)
        self.cache = u >= self.p_drop
        return np.where(self.cache, x / (1 - self.p_drop), 0).astype(x.dtype)

    def backward(self, dout):
        return np.where(self.cache, dout / (1 - self.p_drop), 0)
