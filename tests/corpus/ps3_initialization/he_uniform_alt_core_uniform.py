# answer: he_uniform
# expect: pass
# source: invented (correct)
# note: numpynet's uniform()
def he_uniform(shape, rng=None, dtype=np.float32):
    """He uniform."""
    fan_in = fans(shape)[0]
    return uniform(shape, limit=np.sqrt(6 / fan_in), rng=rng, dtype=dtype)
