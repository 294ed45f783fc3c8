"""Weight initializers.

Dense weights have shape ``(fan_in, fan_out)``; conv kernels ``(kh, kw, c_in, c_out)``, for
which fan_in = kh*kw*c_in and fan_out = kh*kw*c_out (the receptive field, never the image size).
Every random initializer takes ``rng``, a ``np.random.Generator``, so results are reproducible;
all return float32 arrays unless ``dtype`` says otherwise.
"""
import numpy as np


def fans(shape):
    """Return ``(fan_in, fan_out)`` of a dense ``(in, out)`` or conv ``(kh, kw, c_in, c_out)`` shape."""
    shape = tuple(int(s) for s in shape)
    if len(shape) == 2:
        return shape[0], shape[1]
    if len(shape) == 4:
        kh, kw, c_in, c_out = shape
        return kh * kw * c_in, kh * kw * c_out
    raise ValueError(f"fans() expects a dense (fan_in, fan_out) or conv (kh, kw, c_in, c_out) "
                     f"shape, got {shape}")


def _rng(rng):
    if rng is None:
        return np.random.default_rng()
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a np.random.Generator (np.random.default_rng(seed)), "
                        f"got {type(rng).__name__}")
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
    """N(0, 1/fan_in)."""
    fan_in, _ = fans(shape)
    return normal(shape, np.sqrt(1.0 / fan_in), rng, dtype)


def xavier_normal(shape, rng=None, dtype=np.float32):
    """Glorot normal: N(0, 2/(fan_in + fan_out))."""
    fan_in, fan_out = fans(shape)
    return normal(shape, np.sqrt(2.0 / (fan_in + fan_out)), rng, dtype)


def xavier_uniform(shape, rng=None, dtype=np.float32):
    """Glorot uniform: U(-l, l) with l = sqrt(6/(fan_in + fan_out)) (variance 2/(fan_in+fan_out))."""
    fan_in, fan_out = fans(shape)
    return uniform(shape, np.sqrt(6.0 / (fan_in + fan_out)), rng, dtype)


def he_normal(shape, rng=None, dtype=np.float32):
    """He / Kaiming normal for ReLU: N(0, 2/fan_in), since ReLU halves the variance."""
    fan_in, _ = fans(shape)
    return normal(shape, np.sqrt(2.0 / fan_in), rng, dtype)


def he_uniform(shape, rng=None, dtype=np.float32):
    """He uniform: U(-l, l) with l = sqrt(6/fan_in) (variance 2/fan_in)."""
    fan_in, _ = fans(shape)
    return uniform(shape, np.sqrt(6.0 / fan_in), rng, dtype)
