"""Where student code runs: every kernel that executes a submission during grading is started in
a bubblewrap sandbox (``bwrap.py``) with resource limits (``limits.py``), by the jupyter_client
provisioner ``autograder-sandbox`` (``provisioner.py``) behind the kernelspec ``python3-sandbox``
(``kernelspec.py``). ``probe.py`` says whether bwrap can run here. ``agent.py`` is the student-side
end of trusted grading (``autograder/trusted/``): sent into a kernel as text, it answers the
grader's requests about the student's objects.

Nothing in this package decides a grade; it only confines the code that is graded.
"""
from .kernelspec import NAME as KERNEL_NAME
from .limits import DEFAULT as DEFAULT_LIMITS, Limits
from .probe import SandboxUnavailable, problem, require

__all__ = ["KERNEL_NAME", "DEFAULT_LIMITS", "Limits", "SandboxUnavailable", "problem", "require"]
