"""The resources one sandboxed kernel may use, and what the grader keeps of a cell's output: the
defaults live here and nowhere else.

The instructor changes them in a course folder's ``nbgrader_config.py``
(``c.SandboxProvisioner.memory_bytes = ...``, ``c.CapOutput.text_bytes = ...``, written from these
defaults by ``autograder/config.py``), or in the kernelspec's provisioner ``config``.
"""
import dataclasses

GiB = 1024 ** 3
MiB = 1024 ** 2
kB = 1000


@dataclasses.dataclass(frozen=True)
class Limits:
    """One kernel's limits. The CNN's MNIST training peaks near 1 GiB resident; 4 GiB of address
    space leaves room for NumPy's and OpenBLAS's reservations while a runaway allocation fails."""

    memory_bytes: int = 4 * GiB      # RLIMIT_AS of the kernel and each of its children
    cpu_seconds: int = 3600          # RLIMIT_CPU per process; all four solutions need ~100 s
    processes: int = 256             # tasks (threads count): pids cgroup, and RLIMIT_NPROC
    file_bytes: int = 256 * MiB      # RLIMIT_FSIZE: the largest file the kernel may write
    scratch_bytes: int = 512 * MiB   # tmpfs holding the submission's copy (and $HOME)
    tmp_bytes: int = 256 * MiB       # tmpfs on /tmp
    wall_seconds: int = 3600         # the kernel is killed this long after it started

    def as_config(self):
        """{field: value}, as traitlets configuration of the provisioner takes them."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class OutputCaps:
    """What one cell keeps of its output in the autograded notebook and the feedback (see
    output.py). An honest cell prints a few kB, a training run's progress bars a few hundred
    outputs; a submission that prints 200 MB keeps 100 kB and a note saying so."""

    text_bytes: int = 100 * kB       # text of the cell's outputs (streams, text/plain, HTML...)
    outputs: int = 1000              # outputs of the cell
    image_bytes: int = 2 * MiB       # one image, as base64 text
    lines: int = 1000                # nbgrader's LimitOutput.max_lines: lines of stream output
    traceback_lines: int = 100       # nbgrader's LimitOutput.max_traceback

    def as_config(self):
        return dataclasses.asdict(self)


DEFAULT = Limits()
DEFAULT_OUTPUT_CAPS = OutputCaps()
