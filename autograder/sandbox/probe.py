"""Can bubblewrap run here? A tiny ``bwrap ... true`` with the sandbox's own isolation flags,
run before grading so that a missing sandbox stops the batch with a fix instead of failing
every kernel."""
import shutil
import subprocess

from . import bwrap


class SandboxUnavailable(RuntimeError):
    """Student code cannot be run in the sandbox here; the message says what to do."""


INSTALL = "install it (Debian/Ubuntu: `apt-get install bubblewrap`, Fedora: `dnf install bubblewrap`)"
USERNS = ("user namespaces are disabled: enable them with `sysctl -w kernel.unprivileged_userns_clone=1` "
          "(Debian), `sysctl -w user.max_user_namespaces=15000`, or on Ubuntu 24.04+ "
          "`sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`")
BYPASS = "or, knowingly, grade without a sandbox with --unsafe-no-sandbox"


def probe_argv():
    return [bwrap.BWRAP, *bwrap.isolation_args(), *bwrap.system_args(), "--proc", "/proc",
            "--dev", "/dev", "--", "true"]


def problem():
    """Why the sandbox cannot run here, or None when it can."""
    if shutil.which(bwrap.BWRAP) is None:
        return f"bubblewrap (`bwrap`) is not installed: {INSTALL}; {BYPASS}"
    try:
        proc = subprocess.run(probe_argv(), capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"`bwrap ... true` could not run ({err}); {BYPASS}"
    if proc.returncode == 0:
        return None
    stderr = proc.stderr.strip()
    cause = USERNS if "namespace" in stderr or "uid map" in stderr or "Permission" in stderr else "see the error"
    return f"bubblewrap cannot create its sandbox here (`{stderr}`): {cause}; {BYPASS}"


def require():
    """Raise SandboxUnavailable with the fix when bwrap cannot run."""
    message = problem()
    if message:
        raise SandboxUnavailable(message)
