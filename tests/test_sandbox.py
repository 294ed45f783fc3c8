"""The grading sandbox, for real: the kernelspec python3-sandbox started through jupyter_client
(bwrap, the autograder-sandbox provisioner, ipc sockets), code executed in it, and what that
code can and cannot do."""
import json
import os
import socket
import tempfile
import time
import uuid
from pathlib import Path

import nbformat
import pytest
from jupyter_client import KernelManager
from traitlets.config import Config

from autograder import cli, config, sandbox
from autograder.course import ROOT
from autograder.sandbox import bwrap, kernelspec, probe
from autograder.sandbox.cgroup import PidsCgroup

pytestmark = pytest.mark.skipif(sandbox.problem() is not None, reason=f"no sandbox here: {sandbox.problem()}")


@pytest.fixture(scope="module", autouse=True)
def installed_kernelspec():
    return kernelspec.install()


def start_kernel(cwd, **provisioner_config):
    """A started sandboxed kernel and its ready client, from the installed kernelspec."""
    km = KernelManager(kernel_name=kernelspec.NAME, config=Config({"SandboxProvisioner": provisioner_config}))
    km.start_kernel(cwd=str(cwd))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc


def stop_kernel(km, kc):
    kc.stop_channels()
    if km.has_kernel:
        km.shutdown_kernel(now=False)


def run(kc, code, timeout=60):
    """Execute ``code``; the value it prints as JSON on its last output line."""
    out, errors = [], []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}")

    kc.execute_interactive(code, timeout=timeout, output_hook=hook)
    assert not errors, errors
    return json.loads("".join(out).strip().splitlines()[-1])


@pytest.fixture(scope="module")
def submission(tmp_path_factory):
    """A submission folder: a notebook and the student package (a marker module)."""
    folder = tmp_path_factory.mktemp("submitted") / "ps0_example"
    (folder / "numpynet").mkdir(parents=True)
    (folder / "numpynet" / "__init__.py").write_text("WHOSE = 'the submission'\n")
    nbformat.write(nbformat.v4.new_notebook(), str(folder / "ps0_example.ipynb"))
    return folder


@pytest.fixture(scope="module")
def kernel(submission):
    os.environ["AUTOGRADER_TEST_CANARY"] = "host-secret"
    km, kc = start_kernel(submission)
    yield kc
    stop_kernel(km, kc)
    del os.environ["AUTOGRADER_TEST_CANARY"]


def test_the_kernel_works_on_a_copy_of_the_submission_in_scratch(kernel, submission):
    seen = run(kernel, "import os, numpynet, json; print(json.dumps([os.getcwd(), numpynet.__file__, "
                       "numpynet.WHOSE, sorted(os.listdir('.')), os.getuid()]))")
    cwd, package, whose, files, uid = seen
    assert cwd == f"{bwrap.SCRATCH}/{submission.name}" and package.startswith(cwd + "/")
    assert whose == "the submission" and files == ["numpynet", "ps0_example.ipynb"]
    assert uid == bwrap.UID


def test_no_network_not_even_loopback(kernel):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.5)
    port = server.getsockname()[1]
    result = run(kernel, f"""
import socket, json
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=3).close()
    print(json.dumps("connected"))
except OSError as err:
    print(json.dumps(type(err).__name__ + ": " + str(err)))
""")
    with pytest.raises(socket.timeout):
        server.accept()
    server.close()
    assert result != "connected", result


def test_the_reference_core_and_the_repository_are_out_of_reach(kernel):
    seen = run(kernel, f"""
import json, os, importlib.util
print(json.dumps({{"autograder": importlib.util.find_spec("autograder") is not None,
                  "repo": os.path.exists({str(ROOT)!r}), "source": os.path.exists({str(ROOT / 'source')!r}),
                  "home": sorted(os.listdir("/root")) if os.path.exists("/root") else []}}))
""")
    assert seen == {"autograder": False, "repo": False, "source": False, "home": [".pyenv"]}, seen
    failed = run(kernel, f"""
import json
try:
    open({str(ROOT / 'source' / 'ps1_activations' / 'ps1_activations.ipynb')!r}).read()
    print(json.dumps("read"))
except OSError as err:
    print(json.dumps(type(err).__name__))
""")
    assert failed == "FileNotFoundError"


def test_writes_outside_scratch_fail_and_the_host_tmp_is_not_visible(kernel, tmp_path):
    canary = Path(tempfile.gettempdir()) / f"autograder-canary-{uuid.uuid4().hex}"
    canary.write_text("host")
    class_dir = tmp_path / "class"
    class_dir.mkdir()
    (class_dir / "gradebook.db").write_text("")
    targets = ["/evil", str(ROOT / "evil"), str(class_dir / "gradebook.db"), f"{bwrap.VENV}/evil",
               "/usr/evil", "/root/.pyenv/evil"] + ([os.environ["MNIST_DIR"] + "/evil"] if os.environ.get("MNIST_DIR") else [])
    try:
        seen = run(kernel, f"""
import json, os
written = []
for path in {targets!r}:
    try:
        open(path, "w").write("x")
        written.append(path)
    except OSError:
        pass
open("{bwrap.SCRATCH}/fine.txt", "w").write("scratch is writable")
print(json.dumps({{"written": written, "canary": os.path.exists({str(canary)!r})}}))
""")
    finally:
        canary.unlink()
    assert seen == {"written": [], "canary": False}, seen
    assert (class_dir / "gradebook.db").read_text() == ""


def test_the_environment_is_built_from_the_allow_list(kernel):
    inside = run(kernel, "import os, json; print(json.dumps(dict(os.environ)))")
    assert "AUTOGRADER_TEST_CANARY" not in inside
    assert "host-secret" not in json.dumps(inside)
    set_by_ipykernel = {"CLICOLOR", "CLICOLOR_FORCE", "FORCE_COLOR", "GIT_PAGER", "PAGER", "TERM",
                        "PYDEVD_USE_FRAME_EVAL", "PWD", "MPLBACKEND"}
    unexpected = set(inside) - set(bwrap.ALLOWED_ENV) - set(bwrap.environment({})) - set_by_ipykernel
    assert not unexpected, unexpected
    assert inside["HOME"] == bwrap.SCRATCH


def test_mnist_is_readable(kernel):
    folder = os.environ.get("MNIST_DIR")
    if not folder or not os.path.isdir(folder):
        pytest.skip("no MNIST_DIR here")
    names = run(kernel, "import os, json; print(json.dumps(sorted(os.listdir(os.environ['MNIST_DIR']))))")
    assert names == sorted(os.listdir(folder))


def test_limits_are_applied(kernel):
    limits = run(kernel, "import resource, json; print(json.dumps({n: resource.getrlimit(getattr(resource, n)) "
                         "for n in ('RLIMIT_AS', 'RLIMIT_CPU', 'RLIMIT_NPROC', 'RLIMIT_FSIZE')}))")
    default = sandbox.DEFAULT_LIMITS
    assert limits == {"RLIMIT_AS": [default.memory_bytes] * 2, "RLIMIT_CPU": [default.cpu_seconds] * 2,
                      "RLIMIT_NPROC": [default.processes] * 2, "RLIMIT_FSIZE": [default.file_bytes] * 2}
    sizes = run(kernel, f"import os, json; print(json.dumps([os.statvfs(p).f_blocks * os.statvfs(p).f_frsize "
                        f"for p in ('/tmp', '{bwrap.SCRATCH}')]))")
    assert sizes == [default.tmp_bytes, default.scratch_bytes]


def test_a_10_gb_allocation_fails_with_memory_error_and_the_kernel_survives(kernel):
    result = run(kernel, """
import json, numpy as np
try:
    a = np.ones(10 * 1024**3, dtype=np.uint8)
    print(json.dumps("allocated"))
except MemoryError:
    print(json.dumps("MemoryError"))
""")
    assert result == "MemoryError"
    assert run(kernel, "print(6 * 7)") == 42


def host_processes_with(token):
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and token in (entry / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(entry.name))
        except OSError:
            pass
    return found


def test_a_detached_child_does_not_outlive_the_kernel(submission):
    token = f"{time.time() % 1000:.6f}"  # an argument of `sleep` no other process has
    km, kc = start_kernel(submission)
    try:
        run(kc, f"""
import os, json
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv("/usr/bin/sleep", ["sleep", "1{token}"])
    os._exit(0)
os.wait()
print(json.dumps("detached"))
""")
        deadline = time.time() + 5
        while not host_processes_with(f"1{token}") and time.time() < deadline:
            time.sleep(0.1)
        assert host_processes_with(f"1{token}"), "the detached child never started"
    finally:
        stop_kernel(km, kc)
    deadline = time.time() + 5
    while host_processes_with(f"1{token}") and time.time() < deadline:
        time.sleep(0.1)
    assert not host_processes_with(f"1{token}"), "the detached child outlived the kernel"


def test_a_fork_bomb_is_stopped_by_the_process_limit(submission):
    km, kc = start_kernel(submission, processes=64)
    try:
        result = run(kc, """
import os, json, signal, time
children, error = [], None
try:
    for _ in range(1000):
        pid = os.fork()
        if pid == 0:
            time.sleep(60)
            os._exit(0)
        children.append(pid)
except OSError as err:
    error = type(err).__name__
for pid in children:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
print(json.dumps([len(children), error]))
""")
        forked, error = result
        assert error == "BlockingIOError" and forked < 64, result
        assert run(kc, "print(6 * 7)") == 42
    finally:
        stop_kernel(km, kc)


def test_the_wall_clock_limit_kills_the_kernel(submission):
    km, kc = start_kernel(submission, wall_seconds=3)
    try:
        deadline = time.time() + 15
        while km.is_alive() and time.time() < deadline:
            time.sleep(0.2)
        assert not km.is_alive()
    finally:
        stop_kernel(km, kc)


def test_the_grading_kernel_cannot_import_autograder(submission, tmp_path):
    """The kernel as the class's nbgrader_config.py starts it: no checks, no reference core, nothing
    of the grader (hidden tests run in the grader, autograder/trusted/)."""
    from traitlets.config.loader import PyFileConfigLoader

    config.write(tmp_path / "class")
    cfg = PyFileConfigLoader("nbgrader_config.py", path=str(tmp_path / "class")).load_config()
    km = KernelManager(kernel_name=kernelspec.NAME, config=cfg)
    km.start_kernel(cwd=str(submission))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    try:
        seen = run(kc, """
import json, numpynet
found = []
for name in ("autograder", "autograder.checks", "numpynet_reference"):
    try:
        __import__(name)
        found.append(name)
    except ImportError:
        pass
print(json.dumps({"found": found, "numpynet": numpynet.__file__}))
""")
    finally:
        stop_kernel(km, kc)
    assert seen["found"] == [] and seen["numpynet"].startswith(bwrap.SCRATCH + "/"), seen


def test_nbgrader_uses_the_sandbox_whatever_the_notebook_names(tmp_path, submission):
    """The class's nbgrader_config.py, loaded as nbgrader loads it, runs a notebook whose
    metadata names the unconfined course kernel ``python3`` in the sandbox all the same."""
    from nbgrader.preprocessors import Execute
    from traitlets.config.loader import PyFileConfigLoader

    course = tmp_path / "class"
    config.write(course)
    cfg = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells.append(nbformat.v4.new_code_cell(f"import os; print(os.getuid(), os.path.exists({str(ROOT)!r}))"))
    Execute(config=cfg).preprocess(nb, {"metadata": {"path": str(submission)}})
    assert nb.cells[0].outputs[0]["text"].split() == [str(bwrap.UID), "False"]


def test_the_editable_install_is_found_and_masked():
    masked = bwrap.repository_files(bwrap.site_packages(os.sys.prefix))
    assert any(p.name.startswith("__editable__") and p.suffix == ".pth" for p in masked), masked


def test_grading_stops_with_a_fix_where_bwrap_is_missing(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bwrap, "BWRAP", "bwrap-that-is-not-installed")
    assert "apt-get install bubblewrap" in probe.problem()
    with pytest.raises(SystemExit) as stop:
        cli.main(["grade", "--class-dir", str(tmp_path / "class")])
    assert "apt-get install bubblewrap" in str(stop.value) and "--unsafe-no-sandbox" in str(stop.value)
    assert not (tmp_path / "class").exists()


def test_the_host_mnist_cache_is_readable_when_mnist_dir_is_unset(monkeypatch, tmp_path, submission):
    (tmp_path / "cache" / "mnist").mkdir(parents=True)
    (tmp_path / "cache" / "mnist" / "train-images-idx3-ubyte.gz").write_bytes(b"idx")
    monkeypatch.delenv("MNIST_DIR", raising=False)
    monkeypatch.setenv("NUMPYNET_CACHE", str(tmp_path / "cache"))
    km, kc = start_kernel(submission)
    try:
        seen = run(kc, "import os, json; from pathlib import Path; "
                       "print(json.dumps(sorted(os.listdir(Path(os.environ['NUMPYNET_CACHE']) / 'mnist'))))")
    finally:
        stop_kernel(km, kc)
    assert seen == ["train-images-idx3-ubyte.gz"]


def test_unsafe_grading_is_marked_in_the_config_and_the_summary(tmp_path):
    from autograder import grade

    config.write(tmp_path, sandboxed=False)
    assert not config.is_sandboxed(tmp_path)
    (tmp_path / "reports").mkdir()
    entry = {"student": "ada", "assignment": "ps1_activations", "status": "graded", "score": 1.0,
             "max_score": 1.0, "sandboxed": False}
    assert grade.UNSANDBOXED_WARNING in grade.summary(tmp_path, [entry], ["ps1_activations"])
    config.write(tmp_path)
    assert config.is_sandboxed(tmp_path)


def test_a_busy_cgroup_is_removed_later_and_never_fails_the_grading(monkeypatch):
    group = PidsCgroup.create(f"test-{uuid.uuid4()}", 8)
    if group is None:
        pytest.skip("this grader cannot make a pids cgroup")
    rmdir = Path.rmdir
    busy_until = time.monotonic() + 1.0

    def busy_then_free(path):
        if path == group.path and time.monotonic() < busy_until:
            raise OSError(16, "Device or resource busy")
        return rmdir(path)

    monkeypatch.setattr(Path, "rmdir", busy_then_free)
    group.remove(patience=0.2)  # gives up waiting, does not raise
    assert group.path.exists()
    deadline = time.monotonic() + 10
    while group.path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not group.path.exists()
