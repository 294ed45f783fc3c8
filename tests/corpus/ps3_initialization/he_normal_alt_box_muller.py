# answer: he_normal
# expect: pass
# source: invented (correct)
# note: Box-Muller from rng.random: a normal drawn another way
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    u1, u2 = 1.0 - rng.random(shape), rng.random(shape)
    z = np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)
    return (z * np.sqrt(2.0 / fan_in)).astype(dtype)
