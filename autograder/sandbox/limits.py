"""The resources one sandboxed kernel may use: the defaults live here and nowhere else.

The instructor changes them in a course folder's ``nbgrader_config.py``
(``c.SandboxProvisioner.memory_bytes = ...``, written from these defaults by
``autograder/config.py``), or in the kernelspec's provisioner ``config``.
"""
import dataclasses

GiB = 1024 ** 3
MiB = 1024 ** 2


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


DEFAULT = Limits()
