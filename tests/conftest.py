"""Test set-up: Jupyter, IPython and matplotlib write under build/, never into $HOME; MNIST is the
verified local copy when one is beside the repository."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"

from autograder.grade import prepare_environment  # noqa: E402

prepare_environment()  # Jupyter, IPython and matplotlib under build/, as for grading
os.environ.setdefault("MPLBACKEND", "Agg")
_shared = ROOT.parent / "shared" / "data" / "mnist"
if "MNIST_DIR" not in os.environ and _shared.is_dir():
    os.environ["MNIST_DIR"] = str(_shared)
