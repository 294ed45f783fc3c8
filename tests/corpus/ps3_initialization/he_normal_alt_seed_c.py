# answer: he_normal
# expect: pass
# source: invented (correct)
# note: other random numbers than the reference for every call (another effective seed, salt 3): the statistical tolerances hold for other draws, including the deep-network ratio
def he_normal(shape, rng=None, dtype=np.float32):
    """He normal."""
    fan_in, _ = fans(shape)
    child = np.random.default_rng([int(rng.integers(2 ** 62)), 3])  # seeded from rng: reproducible
    return (child.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(dtype)
