"""Weight initializers.

Dense weights have shape ``(fan_in, fan_out)``; conv kernels ``(kh, kw, c_in, c_out)``, for
which fan_in = kh*kw*c_in and fan_out = kh*kw*c_out (the receptive field, never the image size).
Every random initializer takes ``rng``, a ``np.random.Generator``, so results are reproducible;
all return float32 arrays unless ``dtype`` says otherwise.
"""
import numpy as np

def fans(shape):
    raise NotImplementedError('numpynet.initializers.fans is an exercise of ps3_initialization: write your own in the notebook (its reference implementation is released after that assignment)')

def _rng(rng):
    if rng is None:
        return np.random.default_rng()
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f'rng must be a np.random.Generator (np.random.default_rng(seed)), got {type(rng).__name__}')
    return rng

def zeros(shape, rng=None, dtype=np.float32):
    """All zeros: every unit computes the same thing, so symmetry never breaks."""
    return np.zeros(shape, dtype=dtype)

def normal(shape, std=0.01, rng=None, dtype=np.float32):
    """N(0, std^2); std 0.01 is the 'small random' init, 1.0 the 'large' one."""
    return _rng(rng).normal(0.0, std, size=shape).astype(dtype)

def uniform(shape, limit, rng=None, dtype=np.float32):
    """U(-limit, limit)."""
    return _rng(rng).uniform(-limit, limit, size=shape).astype(dtype)

def lecun_normal(shape, rng=None, dtype=np.float32):
    raise NotImplementedError('numpynet.initializers.lecun_normal is an exercise of ps3_initialization: write your own in the notebook (its reference implementation is released after that assignment)')

def xavier_normal(shape, rng=None, dtype=np.float32):
    raise NotImplementedError('numpynet.initializers.xavier_normal is an exercise of ps3_initialization: write your own in the notebook (its reference implementation is released after that assignment)')

def xavier_uniform(shape, rng=None, dtype=np.float32):
    raise NotImplementedError('numpynet.initializers.xavier_uniform is an exercise of ps3_initialization: write your own in the notebook (its reference implementation is released after that assignment)')

def he_normal(shape, rng=None, dtype=np.float32):
    raise NotImplementedError('numpynet.initializers.he_normal is an exercise of ps3_initialization: write your own in the notebook (its reference implementation is released after that assignment)')

def he_uniform(shape, rng=None, dtype=np.float32):
    raise NotImplementedError('numpynet.initializers.he_uniform is an exercise of ps3_initialization: write your own in the notebook (its reference implementation is released after that assignment)')
