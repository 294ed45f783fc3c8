"""Grading on a Dask cluster: one task per submission, one writer of the gradebook.

A task carries a submission's bytes to a worker (``grade_on_worker``), which grades it in a
private class folder of its own: its own gradebook, the sandboxed kernels and the trusted scoring
of ``autograder.trusted`` (``grade.autograde_one``). It returns the autograded folder as bytes.
The coordinating process alone writes the class: it unpacks the folder and has nbgrader record its
grades (``apply``, ``grade.Recorder``: nbgrader's autograde with the record-only preprocessors of
``config.record_only``, nothing executed), then generates the feedback.

Workers never see the class folder or its database; they need the kit installed and, for the
MNIST tests, ``MNIST_DIR``. A worker that dies mid-task (kill -9, a machine lost) makes the
scheduler run the task on another worker; a task whose workers die ``ALLOWED_FAILURES + 1`` times
is reported failed with that reason, and the submission keeps its previous grade. A scheduler
started by hand needs ``SCHEDULER_CONFIG`` as environment variables (see the README).

By default the cluster is a ``LocalCluster`` of ``jobs`` single-threaded worker processes; any
running scheduler (``dask scheduler`` / ``dask worker``, dask-jobqueue, dask-kubernetes) serves
with ``scheduler="tcp://host:port"``.
"""
import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from . import config, grade

ALLOWED_FAILURES = 1   # worker deaths a task survives: the second kills it for good
SCHEDULER_CONFIG = {"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}
MAX_SUBMISSION_BYTES = 64 * 1024 ** 2


# ---------------------------------------------------------------------------------------------
# the worker's side

_PRIVATE_CLASSES = {}   # (assignment, cell_timeout, sandboxed) -> class folder, one per worker process


def private_class(assignment, cell_timeout, sandboxed):
    """This worker's own class folder for ``assignment`` (made once per process)."""
    key = (assignment, cell_timeout, sandboxed)
    if key not in _PRIVATE_CLASSES:
        grade.prepare_environment()
        folder = Path(tempfile.mkdtemp(prefix="autograder-worker-")) / "class"
        _PRIVATE_CLASSES[key] = grade.init_class(folder, [assignment], cell_timeout, sandboxed)
    return _PRIVATE_CLASSES[key]


def grade_on_worker(student, assignment, files, timeout=None, cell_timeout=None, sandboxed=True):
    """Grade one submission (``files``: {relative path: bytes}) here; returns plain data:
    status, reason, seconds, the worker's address and the autograded folder's files."""
    class_dir = private_class(assignment, cell_timeout, sandboxed)
    submitted = class_dir / "submitted" / student / assignment
    for folder in (submitted, class_dir / "autograded" / student):
        shutil.rmtree(folder, ignore_errors=True)
    write_files(submitted, files)
    outcome = grade.autograde_one(class_dir, student, assignment, timeout)
    graded = class_dir / "autograded" / student / assignment
    return {"status": outcome.status, "reason": outcome.reason, "seconds": outcome.seconds,
            "worker": os.environ.get("DASK_WORKER_NAME", ""),
            "autograded": read_files(graded) if outcome.status == "graded" else {}}


def read_files(folder):
    """{relative path: bytes} of the regular files under ``folder`` (links are not followed)."""
    files, total = {}, 0
    for path in sorted(Path(folder).rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        total += path.stat().st_size
        if total > MAX_SUBMISSION_BYTES:
            raise ValueError(f"{folder} holds more than {MAX_SUBMISSION_BYTES >> 20} MiB")
        files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files


def write_files(folder, files):
    folder = Path(folder)
    for name, data in files.items():
        target = (folder / name).resolve()
        if not target.is_relative_to(folder.resolve()):
            raise ValueError(f"a file outside the submission: {name}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


# ---------------------------------------------------------------------------------------------
# the coordinator's side

@contextlib.contextmanager
def client(scheduler=None, jobs=1):
    """A Dask client: of the scheduler at ``scheduler``, or of a LocalCluster of ``jobs`` worker
    processes with one thread each (a sandboxed kernel per worker at a time)."""
    with dask.config.set(SCHEDULER_CONFIG):
        if scheduler:
            with Client(scheduler) as connected:
                yield connected
            return
        with LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, memory_limit=0,
                          dashboard_address=":0") as cluster, Client(cluster) as connected:
            yield connected


def apply(recorder, student, assignment, result):
    """Record a worker's result in the class (``recorder``: a grade.Recorder): the autograded folder
    unpacked, its grades written into the gradebook by nbgrader, the feedback generated. Returns an
    Outcome. A failed result changes nothing: the previous grade stays."""
    if result["status"] != "graded":
        return grade.Outcome(student, assignment, "failed", result["reason"], result["seconds"])
    staged = recorder.class_dir / config.RESULTS_DIR / student / assignment
    shutil.rmtree(staged.parent, ignore_errors=True)
    write_files(staged, result["autograded"])
    try:
        outcome = recorder.record(student, assignment)
    finally:
        shutil.rmtree(staged.parent, ignore_errors=True)
        with contextlib.suppress(OSError):
            staged.parent.parent.rmdir()
    outcome.reason = "; ".join(filter(None, [result["reason"], outcome.reason]))
    outcome.seconds = result["seconds"]
    return outcome


def failure(student, assignment, err):
    if isinstance(err, KilledWorker):
        why = (f"its grading was lost with the worker {ALLOWED_FAILURES + 1} times (the worker process "
               "died or its machine was lost)")
    elif isinstance(err, FutureCancelledError):
        why = "its grading was cancelled"
    else:
        why = f"the worker could not grade it ({type(err).__name__}: {str(err)[:300]})"
    return grade.Outcome(student, assignment, "failed", why + "; the previous grade is kept")


def capacity(dask_client):
    """Tasks the cluster runs at once: its workers' threads (at least one)."""
    return max(1, sum(w.get("nthreads", 1) for w in dask_client.scheduler_info()["workers"].values()))


def grade_submissions(class_dir, pairs, scheduler=None, jobs=1, timeout=None, cell_timeout=None, sandboxed=True,
                      bar=None):
    """Grade ``pairs`` ((student, assignment)) on the cluster; the results are applied here as
    they arrive. No more tasks are in flight than the cluster has threads, so a worker holds only
    the task it runs and its death counts against that submission alone. Returns the Outcomes."""
    outcomes, waiting = [], list(pairs)
    if not waiting:
        return outcomes
    recorder = grade.Recorder(class_dir)
    with client(scheduler, jobs) as dask_client:
        flying, arrivals = {}, as_completed()

        def launch():
            while waiting and len(flying) < capacity(dask_client):
                student, assignment = waiting.pop(0)
                files = read_files(Path(class_dir) / "submitted" / student / assignment)
                future = dask_client.submit(grade_on_worker, student, assignment, files, timeout, cell_timeout,
                                            sandboxed, key=f"grade-{student}-{assignment}-{time.time_ns()}",
                                            pure=False)
                flying[future] = (student, assignment)
                arrivals.add(future)

        launch()
        for future in arrivals:
            student, assignment = flying.pop(future)
            try:
                outcome = apply(recorder, student, assignment, future.result())
            except Exception as err:  # noqa: BLE001 - one submission's failure must not stop the batch
                outcome = failure(student, assignment, err)
            outcomes.append(outcome)
            launch()
            if bar is not None:
                show_progress(bar, outcome, outcomes, running=len(flying))
    return outcomes


def show_progress(bar, outcome, outcomes, running):
    """The bar counts finished submissions; beside it, those running on the cluster and those failed."""
    bar.update(1)
    bar.set_postfix(running=running, failed=sum(o.status != "graded" for o in outcomes), refresh=False)
    if outcome.status != "graded":
        bar.write(f"{outcome.student}/{outcome.assignment}: {outcome.reason}")
