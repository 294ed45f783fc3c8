# answer: fans
# expect: pass
# source: invented (correct)
# note: one rule for both: a dense shape has an empty receptive field (math.prod([]) = 1); returns a tuple
import math


def fans(shape):
    *receptive, c_in, c_out = shape
    return math.prod(receptive) * c_in, math.prod(receptive) * c_out
