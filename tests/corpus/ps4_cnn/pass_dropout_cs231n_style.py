# answer: dropout
# expect: pass
# source: public student code (CS231n style: a float64 mask holding the scale, a flat draw reshaped)
class Dropout(Layer):
    """Inverted dropout."""

    def __init__(self, p_drop=0.5, rng=None):
        super().__init__()
        if not 0 <= p_drop < 1:
            raise ValueError(f"p_drop must be in [0, 1), got {p_drop}")
        self.p_drop = float(p_drop)
        self.rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)

    def forward(self, x, training=True):
        if training:
            p = 1 - self.p_drop                       # the keep probability, as CS231n's p
            self.mask = (self.rng.random(x.size).reshape(x.shape) < p) / p
            out = x * self.mask
        else:
            out = x
        return out

    def backward(self, dout):
        dx = dout * self.mask
        return dx
