"""Where student code runs: every kernel that executes a submission during grading is started in
a bubblewrap sandbox (``bwrap.py``) with resource limits (``limits.py``), by the jupyter_client
provisioner ``autograder-sandbox`` (``provisioner.py``) behind the kernelspec ``python3-sandbox``
(``kernelspec.py``). ``probe.py`` says whether bwrap can run here.

Nothing in this package decides a grade; it only confines the code that is graded.
"""
from .kernelspec import NAME as KERNEL_NAME
from .limits import DEFAULT as DEFAULT_LIMITS, Limits
from .probe import SandboxUnavailable, problem, require

__all__ = ["KERNEL_NAME", "DEFAULT_LIMITS", "Limits", "SandboxUnavailable", "problem", "require"]
