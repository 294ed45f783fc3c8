"""A pids cgroup per kernel, when the grader may make one (root on a cgroup v1 pids hierarchy).

RLIMIT_NPROC stops a fork bomb only for a grader who is not root: the kernel exempts processes
whose host uid is 0, and bwrap run by root maps the sandbox user to uid 0. A pids cgroup counts
every task of the sandbox whoever runs it. Without one (no root, cgroup v2 without delegation)
RLIMIT_NPROC does the job, as it then counts the sandbox's own processes only.
"""
import logging
import os
import signal
import threading
import time
from pathlib import Path

PIDS_HIERARCHY = Path("/sys/fs/cgroup/pids")
STALE_AFTER_SECONDS = 600   # a leftover cgroup this old belongs to no starting kernel

log = logging.getLogger(__name__)


def current_pids_cgroup():
    """This process's pids cgroup (v1), from /proc/self/cgroup, or None."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if "pids" in controllers.split(","):
            return PIDS_HIERARCHY / path.lstrip("/")
    return None


class PidsCgroup:
    """``<our pids cgroup>/autograder-sandbox/<name>`` with ``pids.max`` set."""

    def __init__(self, path):
        self.path = Path(path)

    @classmethod
    def create(cls, name, max_tasks):
        """The cgroup, or None where this grader cannot make one."""
        parent = current_pids_cgroup()
        if parent is None or not os.access(parent, os.W_OK):
            return None
        try:
            _remove_stale(parent / "autograder-sandbox")
            path = parent / "autograder-sandbox" / name
            path.mkdir(parents=True, exist_ok=True)
            (path / "pids.max").write_text(str(max_tasks))
        except OSError:
            return None
        return cls(path)

    def wrap(self, argv):
        """``argv`` started inside the cgroup: a shell joins it, then execs ``argv``, so no
        process of the sandbox exists outside it even for an instant."""
        return ["/bin/sh", "-c", 'echo $$ > "$0" && exec "$@"', str(self.path / "cgroup.procs"), *argv]

    def tasks(self):
        try:
            return [int(pid) for pid in (self.path / "cgroup.procs").read_text().split()]
        except OSError:
            return []

    def remove(self, patience=10.0):
        """Kill whatever is left in it, then remove it. A loaded machine can take seconds to
        reap a killed sandbox (rmdir says EBUSY until then): past ``patience`` a background
        thread keeps trying, and the grading goes on."""
        if not self._try_remove(patience):
            log.warning("pids cgroup %s still busy after %.0f s; removing it later", self.path, patience)
            threading.Thread(target=self._try_remove, args=(STALE_AFTER_SECONDS,), daemon=True).start()

    def _try_remove(self, patience):
        deadline = time.monotonic() + patience
        while True:
            for pid in self.tasks():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                self.path.rmdir()
                return True
            except FileNotFoundError:
                return True
            except OSError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.05)


def _remove_stale(folder):
    """Remove the empty cgroups left by graders that died before removing theirs."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        try:
            if time.time() - path.stat().st_mtime > STALE_AFTER_SECONDS:
                path.rmdir()
        except OSError:
            pass
