# answer: he_normal
# expect: pass
# source: invented (correct)
# note: fan_in computed without fans, numpynet's normal() to draw
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in = int(np.prod(shape[:-1]))  # dense: shape[0]; kernel: kh*kw*c_in
    return normal(shape, std=np.sqrt(2.0 / fan_in), rng=rng, dtype=dtype)
