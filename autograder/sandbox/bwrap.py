"""The bubblewrap command line that runs one kernel: what the sandbox sees, and nothing else.

Inside, the kernel sees the system (/usr and its links) and Python read-only, a private /tmp,
/proc and /dev, the kernel's private socket folder, MNIST read-only, and a scratch tmpfs holding a
copy of the submission. It does not see this repository, the class folder, $HOME or the host's
/tmp; it has no network (not even loopback), its own PID namespace, no capabilities, uid 65534.
"""
import dataclasses
import json
import os
import sys
from pathlib import Path

from .limits import Limits

BWRAP = "bwrap"
UID = GID = 65534                   # "nobody": the sandbox user owns nothing of the host's
VENV = "/opt/venv"                  # where the virtual environment is bound inside
SCRATCH = "/scratch"                # tmpfs: $HOME and the submission's working copy
SUBMISSION = "/run/submission"      # the host's submission folder, read-only: copied to SCRATCH
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SYSTEM_ETC = ("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/localtime",
              "/etc/alternatives", "/etc/nsswitch.conf")
# The only variables the kernel gets from the host; everything else is set here or left unset.
ALLOWED_ENV = ("LANG", "LC_ALL", "TZ", "MNIST_DIR", "MPLBACKEND", "PYTHONHASHSEED",
               "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
DATA_ENV = ("MNIST_DIR",)            # folders named by these variables are bound read-only
MNIST_CACHE = "/opt/numpynet-cache"  # $NUMPYNET_CACHE inside: the host's MNIST cache, read-only
BOOTSTRAP = Path(__file__).with_name("bootstrap.py")


@dataclasses.dataclass(frozen=True)
class Kernel:
    """One kernel's host-side facts: its argv (host paths), its private folder (sockets and
    connection file, bound at the same path), the submission folder to copy (or None) and the
    environment jupyter_client prepared (the allow-list is taken from it)."""

    argv: list
    private_dir: Path
    submission: Path | None
    env: dict


def isolation_args():
    """Namespaces, capabilities and identity: no network, own PIDs, dies with the grader."""
    return ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--uid", str(UID), "--gid", str(GID), "--hostname", "sandbox"]


def system_args():
    """The operating system read-only: /usr, the /bin and /lib links (or folders), a few /etc
    files the dynamic loader and time zone need."""
    args = []
    for path in SYSTEM_DIRS:
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    for path in SYSTEM_ETC:
        args += ["--ro-bind-try", path, path]
    return args


def repository_files(site_packages):
    """What in site-packages would let the kernel import this repository's packages: the
    editable install's finder and .pth (``pip install -e``), any .pth or .egg-link naming the
    repository, and installed copies of ``numpynet`` and ``autograder``."""
    root = str(Path(__file__).resolve().parents[2])
    found = []
    for path in sorted(Path(site_packages).iterdir()):
        if path.name.startswith("__editable__") or path.suffix == ".egg-link":
            found.append(path)
        elif path.suffix == ".pth" and root in path.read_text(errors="replace"):
            found.append(path)
        elif path.name in ("numpynet", "autograder") and path.is_dir():
            found.append(path)
    return found


def site_packages(prefix):
    return Path(prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"


def python_args(prefix=sys.prefix, base_prefix=sys.base_prefix):
    """The interpreter at its own path (the venv's pyvenv.cfg names it) and the virtual
    environment at VENV, both read-only, with every way into the repository masked by an empty
    file or folder: the reference ``numpynet`` and ``autograder`` cannot be imported."""
    args = ["--ro-bind", base_prefix, base_prefix]
    if Path(prefix) != Path(base_prefix):
        args += ["--ro-bind", prefix, VENV]
    for path in repository_files(site_packages(prefix)):
        mask = ["--tmpfs"] if path.is_dir() else ["--ro-bind", "/dev/null"]
        args += [*mask, inside_path(path, prefix)]
    return args


def inside_path(host_path, prefix=sys.prefix):
    """Where a host path of the virtual environment is inside; other paths are unchanged."""
    path = Path(host_path)
    if Path(prefix) != Path(sys.base_prefix) and path.is_relative_to(prefix):
        return str(Path(VENV) / path.relative_to(prefix))
    return str(path)


def private_args(limits: Limits):
    """Fresh /proc and /dev, size-limited tmpfs on /tmp and the scratch folder."""
    return ["--proc", "/proc", "--dev", "/dev",
            "--size", str(limits.tmp_bytes), "--tmpfs", "/tmp",
            "--size", str(limits.scratch_bytes), "--tmpfs", SCRATCH]


def host_mnist_cache(env):
    """The host's MNIST cache folder (numpynet.data.cache_dir, seen from the grader's env)."""
    home = env.get("HOME", os.path.expanduser("~"))
    return Path(env.get("NUMPYNET_CACHE") or Path(home) / ".cache" / "numpynet") / "mnist"


def data_args(env):
    """MNIST read-only: $MNIST_DIR (and any folder named in DATA_ENV) at its own path, and the
    loader's cache, which it finds through $NUMPYNET_CACHE, when MNIST was downloaded there."""
    args = []
    for var in DATA_ENV:
        folder = env.get(var)
        if folder and os.path.isdir(folder):
            args += ["--ro-bind", folder, folder]
    if host_mnist_cache(env).is_dir():
        args += ["--ro-bind", str(host_mnist_cache(env)), f"{MNIST_CACHE}/mnist"]
    return args


def kernel_args(kernel: Kernel):
    """The kernel's private folder read-write (ZeroMQ ipc sockets) with its connection file
    read-only, and the submission folder read-only, to be copied into SCRATCH."""
    private = str(kernel.private_dir)
    args = ["--bind", private, private]
    connection = kernel.private_dir / "connection.json"
    if connection.exists():
        args += ["--ro-bind", str(connection), str(connection)]
    if kernel.submission is not None:
        args += ["--ro-bind", str(kernel.submission), SUBMISSION]
    return args


def environment(env):
    """The kernel's whole environment: the allow-list from the host, the rest fixed here."""
    chosen = {k: env[k] for k in ALLOWED_ENV if env.get(k)}
    chosen.setdefault("LANG", "C.UTF-8")
    chosen.update(HOME=SCRATCH, TMPDIR="/tmp", PATH=f"{VENV}/bin:/usr/bin:/bin",
                  PYTHONNOUSERSITE="1", MPLCONFIGDIR=f"{SCRATCH}/.config/matplotlib",
                  NUMPYNET_CACHE=MNIST_CACHE)
    return chosen


def env_args(kernel: Kernel):
    args = ["--clearenv"]
    for key, value in sorted(environment(kernel.env).items()):
        args += ["--setenv", key, value]
    return args


def rlimits(limits: Limits):
    """{resource name: limit} applied by the bootstrap inside the sandbox."""
    return {"RLIMIT_AS": limits.memory_bytes, "RLIMIT_CPU": limits.cpu_seconds,
            "RLIMIT_NPROC": limits.processes, "RLIMIT_FSIZE": limits.file_bytes, "RLIMIT_CORE": 0}


def workdir(kernel: Kernel):
    name = kernel.submission.name if kernel.submission is not None else "work"
    return f"{SCRATCH}/{name}"


def bootstrap_argv(kernel: Kernel, limits: Limits):
    """``python -c <bootstrap> <settings> <kernel argv>``: limits, copy, then exec the kernel."""
    python = inside_path(kernel.argv[0])
    settings = {"rlimits": rlimits(limits), "workdir": workdir(kernel),
                "submission": SUBMISSION if kernel.submission is not None else None}
    return [python, "-c", BOOTSTRAP.read_text(), json.dumps(settings),
            python, *kernel.argv[1:]]


def command(kernel: Kernel, limits: Limits):
    """The full ``bwrap ...`` argv that starts ``kernel`` sandboxed. The root is made read-only
    last, once every mount point exists."""
    return [BWRAP, *isolation_args(), *system_args(), *python_args(), *private_args(limits),
            *data_args(kernel.env), *kernel_args(kernel), *env_args(kernel),
            "--chdir", SCRATCH, "--remount-ro", "/", "--", *bootstrap_argv(kernel, limits)]
