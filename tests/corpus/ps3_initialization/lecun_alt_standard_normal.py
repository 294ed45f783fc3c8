# answer: lecun_normal
# expect: pass
# source: invented (correct)
# note: float64 result, standard_normal divided by sqrt(fan_in)
def lecun_normal(shape, rng=None, dtype=np.float32):
    """LeCun normal."""
    fan_in, _ = fans(shape)
    return rng.standard_normal(shape) / np.sqrt(fan_in)
