"""The jupyter_client kernel provisioner ``autograder-sandbox``: every kernel it starts runs in
bubblewrap (see ``bwrap.py``) with the resource limits of ``limits.py``.

jupyter_client finds it through the entry point group ``jupyter_client.kernel_provisioners``
and the kernelspec ``python3-sandbox`` names it in ``metadata.kernel_provisioner``. ZeroMQ
cannot reach a kernel in another network namespace over TCP, so the kernel always uses the ipc
transport, with its sockets and connection file in a folder of its own (0700), bound into the
sandbox at the same path: never the shared Jupyter runtime folder, which holds other kernels'
keys.
"""
import dataclasses
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path

from jupyter_client.provisioning import LocalProvisioner
from traitlets import Integer

from . import bwrap
from .cgroup import PidsCgroup
from .limits import DEFAULT, Limits


# The whole environment bwrap itself runs with; the kernel's is built by bwrap.environment().
BWRAP_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


def _limit(name, what):
    return Integer(getattr(DEFAULT, name), config=True, help=f"{what} (default: autograder/sandbox/limits.py)")


class SandboxProvisioner(LocalProvisioner):
    """LocalProvisioner whose command is wrapped in bwrap; configurable as
    ``c.SandboxProvisioner.<limit> = value`` (the fields of ``Limits``)."""

    memory_bytes = _limit("memory_bytes", "address space of each kernel process, bytes")
    cpu_seconds = _limit("cpu_seconds", "CPU time of each kernel process, seconds")
    processes = _limit("processes", "tasks (processes and threads) of the whole sandbox")
    file_bytes = _limit("file_bytes", "largest file the kernel may write, bytes")
    scratch_bytes = _limit("scratch_bytes", "size of the scratch tmpfs (submission copy, $HOME), bytes")
    tmp_bytes = _limit("tmp_bytes", "size of the sandbox's /tmp, bytes")
    wall_seconds = _limit("wall_seconds", "the kernel is killed this long after it starts, seconds")

    private_dir = None
    cgroup = None
    wall_clock = None

    @property
    def limits(self):
        return Limits(**{f.name: getattr(self, f.name) for f in dataclasses.fields(Limits)})

    async def pre_launch(self, **kwargs):
        """Point the connection at the private folder (ipc), then wrap the kernel command."""
        if self.private_dir is None:
            self.private_dir = Path(tempfile.mkdtemp(prefix="autograder-kernel-"))
        km = self.parent
        km.transport, km.cache_ports = "ipc", False
        km.ip = str(self.private_dir / "kernel")
        km.connection_file = str(self.private_dir / "connection.json")
        kwargs = await super().pre_launch(**kwargs)
        kwargs["cmd"] = self.sandboxed(kwargs["cmd"], kwargs["env"], kwargs.get("cwd"))
        kwargs["env"] = BWRAP_ENV  # bwrap's own process is PID 1 inside: its /proc/1/environ is readable there
        return kwargs

    def sandboxed(self, argv, env, cwd):
        """The bwrap command, inside a pids cgroup when one can be made. Without ``cwd`` the
        kernel starts in an empty scratch folder: the grader's own folder is never copied."""
        kernel = bwrap.Kernel(argv=list(argv), private_dir=self.private_dir,
                              submission=Path(cwd).resolve() if cwd else None, env=env)
        command = bwrap.command(kernel, self.limits)
        self.cgroup = self.cgroup or PidsCgroup.create(self.kernel_id, self.limits.processes)
        if self.cgroup is None and os.geteuid() == 0:
            self.log.warning("no pids cgroup for kernel %s: graded as root, RLIMIT_NPROC does not "
                             "bound its processes (see autograder/sandbox/cgroup.py)", self.kernel_id)
        return self.cgroup.wrap(command) if self.cgroup else command

    async def launch_kernel(self, cmd, **kwargs):
        info = await super().launch_kernel(cmd, **kwargs)
        self.wall_clock = threading.Timer(self.limits.wall_seconds, self._out_of_time)
        self.wall_clock.daemon = True
        self.wall_clock.start()
        return info

    def _out_of_time(self):
        """The wall-clock limit: the whole process group (bwrap, hence the sandbox) dies."""
        self.log.warning("sandboxed kernel %s reached its wall-clock limit of %d s; killing it",
                         self.kernel_id, self.limits.wall_seconds)
        try:
            os.killpg(self.pgid, signal.SIGKILL)
        except (OSError, TypeError):
            pass

    async def cleanup(self, restart=False):
        await super().cleanup(restart=restart)
        if self.wall_clock is not None:
            self.wall_clock.cancel()
        if restart:
            return
        if self.cgroup is not None:
            self.cgroup.remove()
            self.cgroup = None
        if self.private_dir is not None:
            shutil.rmtree(self.private_dir, ignore_errors=True)
            self.private_dir = None

    def resolve_path(self, path_str):
        """Paths inside the sandbox mean nothing on the host: resolve none."""
        return None
