"""Test set-up: Jupyter, IPython and matplotlib write under build/, never into $HOME; MNIST is the
verified local copy when one is beside the repository."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"

for var, sub in (("JUPYTER_CONFIG_DIR", "jupyter/config"), ("JUPYTER_DATA_DIR", "jupyter/data"),
                 ("JUPYTER_RUNTIME_DIR", "jupyter/runtime"), ("IPYTHONDIR", "ipython"),
                 ("MPLCONFIGDIR", "matplotlib")):
    os.environ.setdefault(var, str(BUILD / sub))
    Path(os.environ[var]).mkdir(parents=True, exist_ok=True)
os.environ.setdefault("MPLBACKEND", "Agg")
_shared = ROOT.parent / "shared" / "data" / "mnist"
if "MNIST_DIR" not in os.environ and _shared.is_dir():
    os.environ["MNIST_DIR"] = str(_shared)
