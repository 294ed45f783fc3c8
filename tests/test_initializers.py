"""Tests for numpynet.initializers: fans, the spread of each scheme, conv fan-in, reproducibility."""
import numpy as np
import pytest

from numpynet import initializers as I

DENSE = (1000, 500)  # 500,000 draws: the sample std is within ~0.1% of the true one


def rng(seed=0):
    return np.random.default_rng(seed)


# --------------------------------------------------------------------------- fans

@pytest.mark.parametrize("shape, expected", [((784, 100), (784, 100)), ((3, 7), (3, 7)),
                                             ((1, 1), (1, 1))])
def test_fans_dense(shape, expected):
    assert I.fans(shape) == expected


@pytest.mark.parametrize("shape, expected", [((3, 3, 1, 16), (9, 144)),
                                             ((4, 4, 16, 32), (256, 512)),
                                             ((3, 3, 16, 32), (144, 288)),
                                             ((2, 5, 3, 7), (30, 70))])
def test_fans_conv_is_receptive_field_times_channels(shape, expected):
    assert I.fans(shape) == expected


def test_fans_accepts_numpy_ints():
    assert I.fans(np.array([3, 3, 2, 4])) == (18, 36)


@pytest.mark.parametrize("shape", [(3, 3, 3), (10,), (), (1, 2, 3, 4, 5)])
def test_fans_rejects_other_ranks(shape):
    with pytest.raises(ValueError) as info:
        I.fans(shape)
    msg = str(info.value)
    assert "(kh, kw, c_in, c_out)" in msg and str(tuple(shape)) in msg


# --------------------------------------------------------------------------- spreads

@pytest.mark.parametrize("init, var", [
    (I.lecun_normal, lambda fi, fo: 1.0 / fi),
    (I.xavier_normal, lambda fi, fo: 2.0 / (fi + fo)),
    (I.he_normal, lambda fi, fo: 2.0 / fi),
])
def test_normal_initializers_std(init, var):
    w = init(DENSE, rng=rng())
    expected = np.sqrt(var(*DENSE))
    assert abs(w.std() / expected - 1) < 0.02
    assert abs(w.mean()) < 0.02 * expected


@pytest.mark.parametrize("init, limit", [
    (I.xavier_uniform, lambda fi, fo: np.sqrt(6.0 / (fi + fo))),
    (I.he_uniform, lambda fi, fo: np.sqrt(6.0 / fi)),
])
def test_uniform_initializers_limits_and_std(init, limit):
    w = init(DENSE, rng=rng())
    lim = limit(*DENSE)
    assert np.abs(w).max() <= lim * (1 + 1e-6)  # float32 rounding of the limit
    assert np.abs(w).max() > 0.99 * lim        # the whole range is used
    assert abs(w.std() / (lim / np.sqrt(3)) - 1) < 0.02  # var of U(-l, l) is l^2/3
    assert abs(w.mean()) < 0.02 * lim


def test_he_uniform_and_he_normal_have_the_same_variance():
    a, b = I.he_uniform(DENSE, rng=rng(1)), I.he_normal(DENSE, rng=rng(2))
    assert abs(a.std() / b.std() - 1) < 0.02


def test_plain_normal_and_uniform():
    w = I.normal(DENSE, std=0.01, rng=rng())
    assert abs(w.std() / 0.01 - 1) < 0.02
    w = I.normal(DENSE, std=1.0, rng=rng())
    assert abs(w.std() - 1) < 0.02
    u = I.uniform(DENSE, limit=0.5, rng=rng())
    assert np.abs(u).max() <= 0.5 and np.abs(u).max() > 0.49


def test_zeros():
    w = I.zeros((3, 4), rng=rng())
    assert w.dtype == np.float32 and w.shape == (3, 4) and not w.any()


def _many_conv_kernels(init, shape, copies=20):
    """Several kernels from one generator, so the sample std is precise."""
    g = rng(0)
    return np.concatenate([init(shape, rng=g).ravel() for _ in range(copies)])


def test_conv_he_std_uses_kernel_fan_in():
    """(3,3,16,32): fan_in = 3*3*16 = 144, so std = sqrt(2/144), not sqrt(2/(28*28)) or sqrt(2/(16*26*26))."""
    w = _many_conv_kernels(I.he_normal, (3, 3, 16, 32))
    assert abs(w.std() / np.sqrt(2 / 144) - 1) < 0.02


def test_conv_lecun_and_xavier_use_kernel_fans():
    w = _many_conv_kernels(I.lecun_normal, (3, 3, 16, 32))
    assert abs(w.std() / np.sqrt(1 / 144) - 1) < 0.02
    w = _many_conv_kernels(I.xavier_normal, (3, 3, 16, 32))
    assert abs(w.std() / np.sqrt(2 / (144 + 288)) - 1) < 0.02
    w = _many_conv_kernels(I.he_uniform, (4, 4, 16, 32))
    assert np.abs(w).max() <= np.sqrt(6 / 256) * (1 + 1e-6)
    assert abs(w.std() / np.sqrt(2 / 256) - 1) < 0.02


def test_conv_first_layer_he_std():
    """The course's first conv (3x3, 1 -> 16): fan_in = 9."""
    w = _many_conv_kernels(I.he_normal, (3, 3, 1, 16), copies=400)
    assert abs(w.std() / np.sqrt(2 / 9) - 1) < 0.02


# --------------------------------------------------------------------------- rng, dtype, shape

ALL_RANDOM = [I.lecun_normal, I.xavier_normal, I.xavier_uniform, I.he_normal, I.he_uniform,
              lambda s, rng=None: I.normal(s, 0.1, rng), lambda s, rng=None: I.uniform(s, 0.1, rng)]
RANDOM_IDS = ["lecun_normal", "xavier_normal", "xavier_uniform", "he_normal", "he_uniform",
              "normal", "uniform"]


@pytest.mark.parametrize("init", ALL_RANDOM, ids=RANDOM_IDS)
def test_same_seed_same_weights_other_seed_other_weights(init):
    a = init((3, 3, 4, 8), rng=rng(42))
    b = init((3, 3, 4, 8), rng=rng(42))
    c = init((3, 3, 4, 8), rng=rng(43))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("init", ALL_RANDOM, ids=RANDOM_IDS)
@pytest.mark.parametrize("shape", [(5, 7), (3, 3, 2, 4)])
def test_float32_and_shape(init, shape):
    w = init(shape, rng=rng())
    assert w.dtype == np.float32
    assert w.shape == shape


def test_dtype_argument():
    assert I.he_normal((4, 4), rng=rng(), dtype=np.float64).dtype == np.float64
    assert I.zeros((2,), dtype=np.float64).dtype == np.float64


def test_no_rng_still_works():
    w = I.he_normal((50, 50))
    assert w.shape == (50, 50) and np.all(np.isfinite(w))


@pytest.mark.parametrize("init", [I.he_normal, I.lecun_normal, I.xavier_uniform,
                                  lambda s, rng=None: I.normal(s, 0.1, rng)],
                         ids=["he_normal", "lecun_normal", "xavier_uniform", "normal"])
@pytest.mark.parametrize("bad", [0, np.random.RandomState(0), "seed"])
def test_non_generator_rng_raises_type_error(init, bad):
    with pytest.raises(TypeError) as info:
        init((3, 3), rng=bad)
    msg = str(info.value)
    assert "np.random.Generator" in msg and type(bad).__name__ in msg


def test_initializers_reject_3d_shapes():
    with pytest.raises(ValueError, match=r"\(3, 3, 3\)"):
        I.he_normal((3, 3, 3), rng=rng())


def test_hidden_checks_scales_come_from_the_reference_for_any_fans():
    """The checks read an initializer's std from the reference (a recording generator, no draw),
    also for the huge dense shapes that stand for mistaken fans."""
    from autograder.checks import initializers as C
    assert C._reference_scale("he_normal", (10 ** 9, 10 ** 9)) == pytest.approx(np.sqrt(2 / 1e9))
    mistakes = dict((text, value) for value, text in C._mistaken_scales("he_normal", (3, 3, 16, 32)))
    c_in_only = next(v for t, v in mistakes.items() if "fan_in = c_in only" in t)
    assert c_in_only == pytest.approx(np.sqrt(2 / 16))
