"""The kernelspec ``python3-sandbox``: the course's Python, started by the ``autograder-sandbox``
provisioner. It sits beside the course kernel ``python3``, which students keep in JupyterLab;
grading names this one (``c.Execute.kernel_name`` in the class's nbgrader_config.py)."""
import json
import os
import sys
import tempfile
from pathlib import Path

NAME = "python3-sandbox"
PROVISIONER = "autograder-sandbox"   # the entry point in pyproject.toml


def spec(env):
    """Interrupts go as messages: a signal to the process group reaches bwrap, not the kernel,
    which bwrap put in a session of its own."""
    return {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (grading sandbox)", "language": "python",
            "interrupt_mode": "message", "env": env,
            "metadata": {"kernel_provisioner": {"provisioner_name": PROVISIONER}}}


def install(prefix=sys.prefix):
    """Write ``<prefix>/share/jupyter/kernels/python3-sandbox/kernel.json``; returns its folder."""
    from ..release import environment_for_kernel

    folder = Path(prefix) / "share" / "jupyter" / "kernels" / NAME
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(spec(environment_for_kernel()), indent=1)
    target = folder / "kernel.json"
    if not target.exists() or target.read_text() != text:
        # a rename, never a rewrite in place: graders starting kernels meanwhile read the old or the new file
        with tempfile.NamedTemporaryFile("w", dir=folder, suffix=".json", delete=False) as staged:
            staged.write(text)
        os.chmod(staged.name, 0o644)
        os.replace(staged.name, target)
    return folder
