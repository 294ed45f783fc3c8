"""MNIST from the four original IDX ``.gz`` files.

Where the files are looked for, in order: the ``path`` argument, ``$MNIST_DIR``, the cache folder
(``$NUMPYNET_CACHE`` or ``~/.cache/numpynet/mnist``), and finally a download from public mirrors
into the cache. Every file's SHA-256 is checked before it is parsed, and the IDX headers are
checked while parsing. Images come back as float32 in [0, 1], NHWC ``(N, 28, 28, 1)``; labels as
int64 ``(N,)``.
"""
import dataclasses
import gzip
import hashlib
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np

FILES = {
    "train_images": ("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
    "train_labels": ("train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
    "test_images": ("t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
    "test_labels": ("t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
}
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)
IMAGE_MAGIC, LABEL_MAGIC = 2051, 2049


class DatasetError(ValueError):
    """A dataset file is corrupt or not what it claims to be."""


@dataclasses.dataclass
class MNIST:
    """The splits, as arrays: x_* float32 ``(N, 28, 28, 1)`` in [0, 1]; y_* int64 ``(N,)``."""
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str = ""

    def __iter__(self):
        return iter((self.x_train, self.y_train, self.x_val, self.y_val, self.x_test, self.y_test))


def cache_dir():
    return Path(os.environ.get("NUMPYNET_CACHE", Path.home() / ".cache" / "numpynet")) / "mnist"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(path, expected_sha256):
    actual = sha256(path)
    if actual != expected_sha256:
        raise DatasetError(
            f"{path} is corrupt or not the original MNIST file: its SHA-256 is {actual}, expected "
            f"{expected_sha256}. Delete it and download it again (or point MNIST_DIR at a good copy).")


def parse_idx(path, expected_magic):
    """Parse a gzipped IDX file, checking its magic number and that its size matches its header."""
    try:
        with gzip.open(path, "rb") as f:
            raw = f.read()
    except (OSError, EOFError) as err:
        raise DatasetError(f"{path} is not a readable gzip file ({err}); download it again") from err
    if len(raw) < 8:
        raise DatasetError(f"{path} is too short to be an IDX file ({len(raw)} bytes)")
    magic = int.from_bytes(raw[:4], "big")
    if magic != expected_magic:
        raise DatasetError(f"{path}: IDX magic number is {magic}, expected {expected_magic} "
                           f"({'images' if expected_magic == IMAGE_MAGIC else 'labels'})")
    ndim = raw[3]
    offset = 4 + 4 * ndim
    if len(raw) < offset:
        raise DatasetError(f"{path}: the IDX header announces {ndim} dimensions but the file ends "
                           f"after {len(raw)} bytes; the file is truncated, download it again")
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    expected = int(np.prod(dims))
    if len(raw) - offset != expected:
        raise DatasetError(f"{path}: header says {dims} = {expected} bytes of data, "
                           f"the file holds {len(raw) - offset}")
    return np.frombuffer(raw, dtype=np.uint8, offset=offset).reshape(dims)


def _candidates(path):
    if path is not None:
        return [("the path argument", Path(path))]
    found = []
    if os.environ.get("MNIST_DIR"):
        found.append(("$MNIST_DIR", Path(os.environ["MNIST_DIR"])))
    found.append(("the cache", cache_dir()))
    return found


def _has_all(folder):
    return all((folder / name).is_file() for name, _ in FILES.values())


def download(folder=None, mirrors=MIRRORS, timeout=30):
    """Download the four files into ``folder`` (default: the cache), verifying each checksum.

    A file is written under a temporary name and moved into place only once its checksum is
    right, so an interrupted or corrupt download never leaves a bad file behind.
    """
    folder = Path(folder) if folder is not None else cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name, digest in FILES.values():
        target = folder / name
        if target.is_file():
            verify(target, digest)
            continue
        errors = []
        for mirror in mirrors:
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
            os.close(fd)
            try:
                with urllib.request.urlopen(mirror + name, timeout=timeout) as response, open(tmp, "wb") as out:
                    shutil.copyfileobj(response, out)
                verify(tmp, digest)
                os.replace(tmp, target)
                break
            except (urllib.error.URLError, OSError, DatasetError) as err:
                errors.append(f"{mirror}{name}: {err}")
            finally:
                if os.path.exists(tmp):
                    os.remove(tmp)
        else:
            raise FileNotFoundError(
                f"could not download {name}:\n  " + "\n  ".join(errors) +
                "\nWithout network, copy the four MNIST .gz files into a folder and set "
                "MNIST_DIR=/path/to/that/folder (or pass path=...).")
    return folder


def find(path=None, allow_download=True):
    """The folder holding the four verified files; downloads into the cache as a last resort."""
    tried = []
    for label, folder in _candidates(path):
        if _has_all(folder):
            return folder
        missing = [name for name, _ in FILES.values() if not (folder / name).is_file()]
        tried.append(f"{label} {folder} (missing {', '.join(missing)})")
    if path is None and allow_download:
        try:
            return download()
        except FileNotFoundError as err:
            tried.append(str(err))
    raise FileNotFoundError(
        "MNIST not found. Looked in:\n  " + "\n  ".join(tried) +
        "\nSet MNIST_DIR to a folder with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
        "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz.")


def load_mnist(path=None, validation_size=0, seed=0, allow_download=True, verify_checksums=True):
    """Load MNIST; hold out ``validation_size`` training images (a fixed split for a given seed).

    Returns an ``MNIST`` with x_train, y_train, x_val, y_val, x_test, y_test.
    """
    folder = find(path, allow_download)
    arrays = {}
    for key, (name, digest) in FILES.items():
        file = folder / name
        if verify_checksums:
            verify(file, digest)
        arrays[key] = parse_idx(file, IMAGE_MAGIC if key.endswith("images") else LABEL_MAGIC)
    for split in ("train", "test"):
        n_img, n_lab = len(arrays[f"{split}_images"]), len(arrays[f"{split}_labels"])
        if n_img != n_lab:
            raise DatasetError(f"{split}: {n_img} images but {n_lab} labels")
    x_train = _to_float(arrays["train_images"])
    y_train = arrays["train_labels"].astype(np.int64)
    if not 0 <= validation_size < len(x_train):
        raise ValueError(f"validation_size must be in [0, {len(x_train)}), got {validation_size}")
    order = np.random.default_rng(seed).permutation(len(x_train))
    val, train = order[:validation_size], order[validation_size:]
    if validation_size == 0:  # the whole training set, in its order, without a copy
        train = slice(None)
    return MNIST(x_train[train], y_train[train], x_train[val], y_train[val],
                 _to_float(arrays["test_images"]), arrays["test_labels"].astype(np.int64), str(folder))


def _to_float(images):
    """uint8 ``(N, 28, 28)`` -> float32 in [0, 1] ``(N, 28, 28, 1)``, scaled in place (one copy)."""
    x = images.astype(np.float32)
    x /= np.float32(255.0)
    return x[..., None]
