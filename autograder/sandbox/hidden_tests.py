"""The hidden-test kit: the part of ``autograder`` that hidden test cells import inside the kernel.

TRANSITIONAL. The hidden tests of the source notebooks still run in the kernel and call
``autograder.checks``, which compares the student's code with the reference core. Until they run
outside the sandbox, grading binds this kit read-only into it (``SandboxProvisioner.
hidden_tests_kit``), and student code in that kernel can then read the checks and the reference
core. Everything else stays hidden: the rest of ``autograder`` (gradebook, release, grading),
``source/``, the class folder. Without the kit (the kernelspec's default) ``import autograder``
fails inside.

    <kit>/autograder/{__init__,course,reference}.py, checks/   copies from this repository
    <kit>/numpynet/                                            the reference core
    <kit>/path/autograder -> ../autograder                     the only entry on PYTHONPATH

Only ``autograder`` is importable from ``path/``: ``import numpynet`` keeps finding the
submission's own package, while ``autograder.course.ROOT`` (resolved through the link) is the
kit, so ``autograder.reference`` loads the kit's reference core.
"""
import shutil
from pathlib import Path

from ..course import ROOT

INSIDE = "/opt/hidden-tests"
PYTHONPATH = f"{INSIDE}/path"
MODULES = ("__init__.py", "course.py", "reference.py")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def build(kit):
    """(Re)write the kit in folder ``kit``; returns it."""
    kit = Path(kit)
    if kit.exists():
        shutil.rmtree(kit)
    (kit / "autograder").mkdir(parents=True)
    for name in MODULES:
        shutil.copy(ROOT / "autograder" / name, kit / "autograder" / name)
    shutil.copytree(ROOT / "autograder" / "checks", kit / "autograder" / "checks", ignore=IGNORE)
    shutil.copytree(ROOT / "numpynet", kit / "numpynet", ignore=IGNORE)
    (kit / "path").mkdir()
    (kit / "path" / "autograder").symlink_to("../autograder")
    return kit
