# answer: fans
# expect: pass
# source: invented (correct)
# note: returns a list
def fans(shape):
    """Return (fan_in, fan_out)."""
    shape = list(shape)
    if len(shape) == 4:
        return [shape[0] * shape[1] * shape[2], shape[0] * shape[1] * shape[3]]
    return [shape[0], shape[1]]
