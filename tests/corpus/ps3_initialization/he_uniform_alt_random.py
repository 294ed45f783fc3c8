# answer: he_uniform
# expect: pass
# source: invented (correct)
# note: (rng.random(shape) * 2 - 1) * limit, float64
def he_uniform(shape, rng=None, dtype=np.float32):
    """He uniform."""
    fan_in, _ = fans(shape)
    return (rng.random(shape) * 2 - 1) * (6 / fan_in) ** 0.5
