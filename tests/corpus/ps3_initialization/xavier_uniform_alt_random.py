# answer: xavier_uniform
# expect: pass
# source: invented (correct)
# note: (rng.random(shape) * 2 - 1) * limit, float64
def xavier_uniform(shape, rng=None, dtype=np.float32):
    """Xavier uniform."""
    fan_in, fan_out = fans(shape)
    limit = np.sqrt(6 / (fan_in + fan_out))
    return (rng.random(shape) * 2 - 1) * limit
