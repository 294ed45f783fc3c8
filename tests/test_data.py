"""Tests for numpynet.data: the real MNIST files, IDX parsing, checksums, download and lookup."""
import gzip
import hashlib
import os
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest

from numpynet import data

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
NAMES = [name for name, _ in data.FILES.values()]


def _real_mnist_dir():
    """The verified copy: $MNIST_DIR, else shared/data/mnist beside the repository."""
    candidates = [os.environ.get("MNIST_DIR"), Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist"]
    for folder in candidates:
        if folder and all((Path(folder) / name).is_file() for name in NAMES):
            return Path(folder)
    return None


MNIST_DIR = _real_mnist_dir()
needs_mnist = pytest.mark.skipif(MNIST_DIR is None, reason="the MNIST files are not available "
                                 "(set MNIST_DIR or put them in ../shared/data/mnist)")


@pytest.fixture(scope="module")
def mnist():
    if MNIST_DIR is None:
        pytest.skip("MNIST files not available")
    return data.load_mnist(MNIST_DIR, allow_download=False)


@pytest.fixture(scope="module")
def mnist_val():
    if MNIST_DIR is None:
        pytest.skip("MNIST files not available")
    return data.load_mnist(MNIST_DIR, validation_size=5000, seed=0, allow_download=False)


@pytest.fixture
def isolated_env(monkeypatch, tmp_path):
    """No MNIST_DIR, an empty cache in tmp_path: nothing outside the test is found or written."""
    monkeypatch.delenv("MNIST_DIR", raising=False)
    monkeypatch.setenv("NUMPYNET_CACHE", str(tmp_path / "cache"))
    return tmp_path


def gz(path, raw):
    with gzip.open(path, "wb") as f:
        f.write(raw)
    return path


def labels_idx(values):
    return struct.pack(">II", data.LABEL_MAGIC, len(values)) + bytes(values)


def images_idx(n, rows, cols, fill=0):
    return struct.pack(">IIII", data.IMAGE_MAGIC, n, rows, cols) + bytes([fill]) * (n * rows * cols)


def make_mirror(folder, source):
    """A folder holding copies of the four files (a mirror, a cache, an MNIST_DIR)."""
    folder.mkdir(parents=True)
    for name in NAMES:
        shutil.copyfile(source / name, folder / name)
    return folder


# =========================================================================== the real files

@needs_mnist
def test_shapes_dtypes_and_layout(mnist):
    assert mnist.x_train.shape == (60000, 28, 28, 1)       # NHWC
    assert mnist.x_test.shape == (10000, 28, 28, 1)
    assert mnist.y_train.shape == (60000,) and mnist.y_test.shape == (10000,)
    assert mnist.x_train.dtype == np.float32 and mnist.x_test.dtype == np.float32
    assert mnist.y_train.dtype == np.int64 and mnist.y_test.dtype == np.int64
    assert mnist.x_val.shape == (0, 28, 28, 1) and mnist.y_val.shape == (0,)
    assert Path(mnist.source) == MNIST_DIR


@needs_mnist
def test_pixel_values_in_unit_interval(mnist):
    for x in (mnist.x_train, mnist.x_test):
        assert x.min() == 0.0 and x.max() == 1.0
        # the pixels are the uint8 values / 255
        sample = x[:100]
        np.testing.assert_allclose(sample * 255, np.round(sample * 255), atol=1e-4)


@needs_mnist
def test_label_counts(mnist):
    assert np.bincount(mnist.y_train, minlength=10).tolist() == TRAIN_COUNTS
    assert np.bincount(mnist.y_test, minlength=10).tolist() == TEST_COUNTS


@needs_mnist
def test_known_first_labels_and_pixel_layout(mnist):
    assert mnist.y_train[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert mnist.y_test[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    # read the first images straight from the gzip bytes: pixel (r, c) is byte 16 + 28 r + c
    for key, x in (("train_images", mnist.x_train), ("test_images", mnist.x_test)):
        with gzip.open(MNIST_DIR / data.FILES[key][0], "rb") as f:
            raw = f.read(16 + 2 * 784)
        first = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(2, 28, 28)
        np.testing.assert_allclose(x[:2, :, :, 0] * 255, first, atol=1e-4)
        assert not np.array_equal(first[0], first[0].T)   # so a transposed layout would fail


@needs_mnist
def test_mnist_iterates_as_six_arrays(mnist):
    parts = list(mnist)
    assert len(parts) == 6
    assert parts[0] is mnist.x_train and parts[5] is mnist.y_test


@needs_mnist
def test_validation_split_sizes_and_disjoint(mnist, mnist_val):
    v = mnist_val
    assert v.x_train.shape == (55000, 28, 28, 1) and v.x_val.shape == (5000, 28, 28, 1)
    assert v.y_train.shape == (55000,) and v.y_val.shape == (5000,)
    # an exact fingerprint of each image: pixels (float32 k/255) times integer weights < 2^10,
    # summed in float64, where every product and partial sum is exact, so the value does not
    # depend on the summation order. The 60000 training images all have distinct fingerprints, so
    # the split is a partition iff the fingerprints of train + val are those of the full set.
    weights = np.random.default_rng(0).integers(1, 1024, size=784).astype(np.float64)

    def fingerprints(x):
        flat = x.reshape(len(x), -1)
        return np.concatenate([flat[i:i + 10000].astype(np.float64) @ weights
                               for i in range(0, len(flat), 10000)])

    full, train, val = fingerprints(mnist.x_train), fingerprints(v.x_train), fingerprints(v.x_val)
    assert len(np.unique(full)) == 60000
    assert len(np.intersect1d(train, val)) == 0                       # disjoint
    np.testing.assert_array_equal(np.sort(np.concatenate([train, val])), np.sort(full))  # complete
    np.testing.assert_array_equal(np.bincount(v.y_train, minlength=10) + np.bincount(v.y_val, minlength=10),
                                  TRAIN_COUNTS)
    # the test set is untouched by the split
    np.testing.assert_array_equal(v.y_test, mnist.y_test)


@needs_mnist
def test_validation_split_fixed_for_a_seed(mnist_val):
    again = data.load_mnist(MNIST_DIR, validation_size=5000, seed=0, allow_download=False)
    np.testing.assert_array_equal(again.y_val, mnist_val.y_val)
    np.testing.assert_array_equal(again.x_val, mnist_val.x_val)
    np.testing.assert_array_equal(again.y_train, mnist_val.y_train)


def _fake_set(folder, n_train=4):
    folder.mkdir()
    gz(folder / data.FILES["train_images"][0], images_idx(n_train, 28, 28))
    gz(folder / data.FILES["train_labels"][0], labels_idx(list(range(n_train))))
    gz(folder / data.FILES["test_images"][0], images_idx(2, 28, 28))
    gz(folder / data.FILES["test_labels"][0], labels_idx([0, 1]))
    return folder


def test_scaling_in_place_gives_the_division_by_255():
    images = np.arange(256, dtype=np.uint8).reshape(1, 16, 16)
    np.testing.assert_array_equal(data._to_float(images)[..., 0], images.astype(np.float32) / np.float32(255.0))


def test_no_validation_split_keeps_the_training_order(tmp_path):
    folder = _fake_set(tmp_path / "fake", n_train=10)
    m = data.load_mnist(folder, verify_checksums=False)
    assert m.x_val.shape[0] == 0 and m.x_train.flags.c_contiguous
    np.testing.assert_array_equal(m.y_train, np.arange(10))


@pytest.mark.parametrize("size", [-1, 4, 5])
def test_validation_size_out_of_range(size, tmp_path):
    folder = _fake_set(tmp_path / "fake", n_train=4)   # a tiny set in the right format (checksums off)
    with pytest.raises(ValueError) as info:
        data.load_mnist(folder, validation_size=size, verify_checksums=False)
    msg = str(info.value)
    assert "validation_size" in msg and "[0, 4)" in msg and f"got {size}" in msg


def test_validation_split_of_a_small_set(tmp_path):
    folder = _fake_set(tmp_path / "fake", n_train=10)
    m = data.load_mnist(folder, validation_size=3, seed=5, verify_checksums=False)
    assert len(m.y_val) == 3 and len(m.y_train) == 7
    assert sorted(m.y_train.tolist() + m.y_val.tolist()) == list(range(10))   # a partition
    again = data.load_mnist(folder, validation_size=3, seed=5, verify_checksums=False)
    assert again.y_val.tolist() == m.y_val.tolist() and again.y_train.tolist() == m.y_train.tolist()
    others = {tuple(data.load_mnist(folder, validation_size=3, seed=s, verify_checksums=False).y_val)
              for s in range(6, 11)}
    assert others - {tuple(m.y_val)}                      # another seed, another split


def test_load_fake_files_without_checksums(tmp_path):
    folder = tmp_path / "fake"
    folder.mkdir()
    gz(folder / data.FILES["train_images"][0], images_idx(3, 28, 28, fill=255))
    gz(folder / data.FILES["train_labels"][0], labels_idx([7, 8, 9]))
    gz(folder / data.FILES["test_images"][0], images_idx(2, 28, 28, fill=51))
    gz(folder / data.FILES["test_labels"][0], labels_idx([0, 1]))
    m = data.load_mnist(folder, verify_checksums=False)
    assert m.x_train.shape == (3, 28, 28, 1) and m.x_train.dtype == np.float32
    assert np.all(m.x_train == 1.0)
    np.testing.assert_allclose(m.x_test, 0.2, rtol=1e-6)
    assert m.y_train.tolist() == [7, 8, 9] and m.y_train.dtype == np.int64
    # with checksums on, these are not the original files
    with pytest.raises(data.DatasetError, match="SHA-256"):
        data.load_mnist(folder)


def test_image_and_label_counts_must_agree(tmp_path):
    folder = tmp_path / "fake"
    folder.mkdir()
    gz(folder / data.FILES["train_images"][0], images_idx(3, 28, 28))
    gz(folder / data.FILES["train_labels"][0], labels_idx([1, 2]))
    gz(folder / data.FILES["test_images"][0], images_idx(2, 28, 28))
    gz(folder / data.FILES["test_labels"][0], labels_idx([0, 1]))
    with pytest.raises(data.DatasetError) as info:
        data.load_mnist(folder, verify_checksums=False)
    assert "train: 3 images but 2 labels" in str(info.value)


# =========================================================================== parse_idx

def test_parse_idx_labels_and_images(tmp_path):
    labels = data.parse_idx(gz(tmp_path / "l.gz", labels_idx([3, 1, 4, 1, 5])), data.LABEL_MAGIC)
    assert labels.dtype == np.uint8 and labels.tolist() == [3, 1, 4, 1, 5]
    raw = struct.pack(">IIII", data.IMAGE_MAGIC, 2, 2, 3) + bytes(range(12))
    images = data.parse_idx(gz(tmp_path / "i.gz", raw), data.IMAGE_MAGIC)
    assert images.shape == (2, 2, 3)
    np.testing.assert_array_equal(images[1], [[6, 7, 8], [9, 10, 11]])   # row-major


def test_parse_idx_wrong_magic(tmp_path):
    path = gz(tmp_path / "labels.gz", labels_idx([1, 2, 3]))
    with pytest.raises(data.DatasetError) as info:
        data.parse_idx(path, data.IMAGE_MAGIC)     # a label file where images are expected
    msg = str(info.value)
    assert "magic number is 2049" in msg and "expected 2051" in msg and str(path) in msg


@pytest.mark.parametrize("raw, fragment", [
    (labels_idx([1, 2, 3])[:-1], "header says [3] = 3 bytes of data, the file holds 2"),
    (labels_idx([1, 2, 3]) + b"\x00", "header says [3] = 3 bytes of data, the file holds 4"),
    (images_idx(2, 3, 3)[:-5], "header says [2, 3, 3] = 18 bytes of data, the file holds 13"),
])
def test_parse_idx_size_must_match_the_header(tmp_path, raw, fragment):
    magic = data.LABEL_MAGIC if raw[3] == 1 else data.IMAGE_MAGIC
    with pytest.raises(data.DatasetError) as info:
        data.parse_idx(gz(tmp_path / "f.gz", raw), magic)
    assert fragment in str(info.value)


def test_parse_idx_too_short(tmp_path):
    with pytest.raises(data.DatasetError, match=r"too short to be an IDX file \(3 bytes\)"):
        data.parse_idx(gz(tmp_path / "f.gz", b"\x00\x00\x08"), data.LABEL_MAGIC)


def test_parse_idx_truncated_header_raises(tmp_path):
    raw = struct.pack(">II", data.IMAGE_MAGIC, 2)      # images need three dimensions
    with pytest.raises(data.DatasetError):
        data.parse_idx(gz(tmp_path / "f.gz", raw), data.IMAGE_MAGIC)


def test_parse_idx_not_gzip(tmp_path):
    path = tmp_path / "plain.gz"
    path.write_bytes(labels_idx([1, 2, 3]))             # an uncompressed IDX file
    with pytest.raises(data.DatasetError) as info:
        data.parse_idx(path, data.LABEL_MAGIC)
    msg = str(info.value)
    assert "not a readable gzip file" in msg and "download it again" in msg and str(path) in msg


def test_parse_idx_truncated_gzip(tmp_path):
    full = gzip.compress(images_idx(20, 28, 28, fill=7))
    path = tmp_path / "cut.gz"
    path.write_bytes(full[:len(full) // 2])
    with pytest.raises(data.DatasetError, match="not a readable gzip file"):
        data.parse_idx(path, data.IMAGE_MAGIC)


def test_dataset_error_is_a_value_error():
    assert issubclass(data.DatasetError, ValueError)


# =========================================================================== checksums

@needs_mnist
def test_sha256_of_the_real_files():
    for name, digest in data.FILES.values():
        data.verify(MNIST_DIR / name, digest)           # no exception
    assert data.sha256(MNIST_DIR / NAMES[3]) == hashlib.sha256((MNIST_DIR / NAMES[3]).read_bytes()).hexdigest()


@needs_mnist
def test_verify_catches_a_flipped_byte(tmp_path):
    name, digest = data.FILES["test_labels"]
    copy = tmp_path / name
    raw = bytearray((MNIST_DIR / name).read_bytes())
    raw[len(raw) // 2] ^= 0x01
    copy.write_bytes(bytes(raw))
    actual = hashlib.sha256(bytes(raw)).hexdigest()
    with pytest.raises(data.DatasetError) as info:
        data.verify(copy, digest)
    msg = str(info.value)
    assert "SHA-256" in msg and actual in msg and digest in msg and str(copy) in msg
    assert "download it again" in msg and "MNIST_DIR" in msg


def test_verify_catches_a_wrong_file(tmp_path):
    path = tmp_path / "x.gz"
    path.write_bytes(b"not mnist")
    with pytest.raises(data.DatasetError, match="SHA-256"):
        data.verify(path, data.FILES["train_images"][1])


@needs_mnist
def test_load_mnist_refuses_a_corrupt_copy(tmp_path):
    folder = tmp_path / "corrupt"
    folder.mkdir()
    for name in NAMES:
        os.symlink(MNIST_DIR / name, folder / name)
    name = data.FILES["train_images"][0]            # checked first: fails before any parsing
    (folder / name).unlink()
    raw = bytearray((MNIST_DIR / name).read_bytes())
    raw[5000] ^= 0xFF
    (folder / name).write_bytes(bytes(raw))
    with pytest.raises(data.DatasetError) as info:
        data.load_mnist(folder, allow_download=False)
    assert name in str(info.value) and "SHA-256" in str(info.value)


# =========================================================================== download

@needs_mnist
def test_download_from_a_file_mirror(tmp_path):
    mirror = make_mirror(tmp_path / "mirror", MNIST_DIR)
    target = tmp_path / "downloaded"
    out = data.download(target, mirrors=(mirror.as_uri() + "/",), timeout=5)
    assert Path(out) == target
    assert sorted(os.listdir(target)) == sorted(NAMES)         # nothing else, no .part files
    for name, digest in data.FILES.values():
        assert data.sha256(target / name) == digest


@needs_mnist
def test_download_falls_back_to_the_next_mirror(tmp_path):
    good = make_mirror(tmp_path / "good", MNIST_DIR)
    bad = tmp_path / "bad"
    bad.mkdir()
    for name in NAMES:
        (bad / name).write_bytes(b"corrupt")
    target = tmp_path / "downloaded"
    data.download(target, mirrors=((tmp_path / "missing").as_uri() + "/", bad.as_uri() + "/",
                                   good.as_uri() + "/"), timeout=5)
    assert sorted(os.listdir(target)) == sorted(NAMES)


def test_download_from_a_corrupt_mirror_raises_and_leaves_no_file(tmp_path):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for name in NAMES:
        (mirror / name).write_bytes(b"this is not the MNIST file")
    target = tmp_path / "downloaded"
    with pytest.raises(FileNotFoundError) as info:
        data.download(target, mirrors=(mirror.as_uri() + "/",), timeout=5)
    msg = str(info.value)
    assert "could not download" in msg and NAMES[0] in msg
    assert mirror.as_uri() in msg and "SHA-256" in msg and "MNIST_DIR" in msg
    assert os.listdir(target) == []                             # no partial or corrupt file


def test_download_from_a_missing_mirror_raises_and_leaves_no_file(tmp_path):
    target = tmp_path / "downloaded"
    with pytest.raises(FileNotFoundError) as info:
        data.download(target, mirrors=((tmp_path / "nowhere").as_uri() + "/",), timeout=5)
    assert "MNIST_DIR" in str(info.value)
    assert os.listdir(target) == []


@needs_mnist
def test_download_keeps_verified_files_and_rejects_corrupt_ones(tmp_path):
    target = make_mirror(tmp_path / "have", MNIST_DIR)
    assert Path(data.download(target, mirrors=())) == target   # all present and right: no download
    (target / NAMES[1]).write_bytes(b"bad")
    with pytest.raises(data.DatasetError, match="SHA-256"):
        data.download(target, mirrors=())


@needs_mnist
def test_download_defaults_to_the_cache(isolated_env):
    mirror = make_mirror(isolated_env / "mirror", MNIST_DIR)
    assert data.cache_dir() == isolated_env / "cache" / "mnist"
    out = data.download(mirrors=(mirror.as_uri() + "/",))
    assert Path(out) == isolated_env / "cache" / "mnist"
    assert sorted(os.listdir(out)) == sorted(NAMES)


# =========================================================================== find

def test_find_with_nothing_anywhere_names_mnist_dir(isolated_env, monkeypatch):
    empty = isolated_env / "empty"
    empty.mkdir()
    monkeypatch.setenv("MNIST_DIR", str(empty))
    with pytest.raises(FileNotFoundError) as info:
        data.find(allow_download=False)
    msg = str(info.value)
    assert "MNIST_DIR" in msg and str(empty) in msg
    assert str(isolated_env / "cache" / "mnist") in msg          # the cache was looked at too
    assert NAMES[0] in msg
    assert not (isolated_env / "cache").exists()                 # nothing created


def test_find_without_mnist_dir_set(isolated_env):
    with pytest.raises(FileNotFoundError) as info:
        data.find(allow_download=False)
    assert "Set MNIST_DIR" in str(info.value)


def test_load_mnist_without_files_raises_file_not_found(isolated_env):
    with pytest.raises(FileNotFoundError, match="MNIST_DIR"):
        data.load_mnist(allow_download=False)


def test_find_with_a_path_argument_only_looks_there(isolated_env, monkeypatch):
    empty = isolated_env / "empty"
    empty.mkdir()
    with pytest.raises(FileNotFoundError) as info:
        data.find(empty)                                           # never downloads for a path
    msg = str(info.value)
    assert "the path argument" in msg and str(empty) in msg


@needs_mnist
def test_find_uses_mnist_dir(isolated_env, monkeypatch):
    monkeypatch.setenv("MNIST_DIR", str(MNIST_DIR))
    assert data.find(allow_download=False) == MNIST_DIR


@needs_mnist
def test_find_uses_the_cache(isolated_env):
    make_mirror(isolated_env / "cache" / "mnist", MNIST_DIR)      # $NUMPYNET_CACHE/mnist
    assert data.find(allow_download=False) == isolated_env / "cache" / "mnist"


@needs_mnist
def test_find_downloads_into_the_cache_as_a_last_resort(isolated_env, monkeypatch):
    mirror = make_mirror(isolated_env / "mirror", MNIST_DIR)
    real_download = data.download
    monkeypatch.setattr(data, "download",
                        lambda *a, **k: real_download(*a, mirrors=(mirror.as_uri() + "/",), **k))
    folder = data.find()
    assert Path(folder) == isolated_env / "cache" / "mnist"
    assert sorted(os.listdir(folder)) == sorted(NAMES)
