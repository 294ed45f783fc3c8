# answer: fans
# expect: pass
# source: invented (correct)
# note: numpy integers instead of Python ints
def fans(shape):
    """Return (fan_in, fan_out)."""
    if len(shape) == 2:
        return shape[0], shape[1]
    if len(shape) == 4:
        return np.prod(shape[:2]) * shape[2], np.prod(shape[:2]) * shape[3]
    raise ValueError(shape)
