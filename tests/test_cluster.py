"""Grading on a real Dask cluster: a scheduler and two workers started with the ``dask`` command on
127.0.0.1, a worker killed with SIGKILL mid-batch, and a submission whose grading kills every
worker it lands on. Every grade must equal the serial run's, written once, by the coordinator,
into SQLite or into a real PostgreSQL server; a second run grades only what changed."""
import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import cloudpickle
import nbformat
import pytest
from distributed import Client
from distributed.diagnostics.plugin import WorkerPlugin

import postgres_server
from autograder import demo, grade, sandbox
from autograder.course import ROOT

pytestmark = pytest.mark.skipif(sandbox.problem() is not None, reason=f"no sandbox here: {sandbox.problem()}")

ASSIGNMENT = "ps1_activations"
KINDS = {"ada": "model", "ben": "blank", "cleo": "corpus:relu_forward_inplace", "dan": "model"}
DOOMED = "eve"   # every worker that starts grading eve's submission dies
DASK = str(Path(sys.executable).parent / "dask")


class KillWorkerOnStudent(WorkerPlugin):
    """Ends the worker process the moment it starts grading ``student``'s submission."""

    def __init__(self, student):
        self.student = student

    def transition(self, key, start, finish, **kwargs):
        if finish == "executing" and f"grade-{self.student}-" in str(key):
            os._exit(1)


cloudpickle.register_pickle_by_value(sys.modules[__name__])


def write_class(class_dir, kinds, db_url=None):
    grade.init_class(class_dir, [ASSIGNMENT], db_url=db_url)
    for student, kind in kinds.items():
        folder = class_dir / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(demo.submission(ASSIGNMENT, kind, ROOT / "assignments"), str(folder / f"{ASSIGNMENT}.ipynb"))
    return class_dir


def grades(class_dir):
    with open(class_dir / "reports" / "grades.csv") as handle:
        rows = list(csv.DictReader(handle))
    return {(r["student_id"], r["assignment"]): (r["score"], r["max_score"]) for r in rows}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two nanny-supervised workers, one thread each, stopped afterwards."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    env = dict(os.environ, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1", OPENBLAS_NUM_THREADS="1",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    processes = [subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                   "--scheduler-file", str(scheduler_file)], env=env, cwd=folder,
                                  stdout=subprocess.DEVNULL, stderr=open(folder / "scheduler.log", "w"))]
    deadline = time.monotonic() + 60
    while not scheduler_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    for name in ("w1", "w2"):
        processes.append(subprocess.Popen(
            [DASK, "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1", "--name", name,
             "--memory-limit", "0", "--no-dashboard", "--host", "127.0.0.1"], env=env, cwd=folder,
            stdout=subprocess.DEVNULL, stderr=open(folder / f"{name}.log", "w")))
    address = json.loads(scheduler_file.read_text())["address"]
    with Client(address) as client:
        client.wait_for_workers(2, timeout=60)
    yield address
    for process in reversed(processes):
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def postgresql():
    """The URL of a database on a real PostgreSQL server started for these tests."""
    if postgres_server.programs() is None and not os.environ.get("NUMPYNET_REQUIRE_POSTGRESQL"):
        pytest.skip("no PostgreSQL server programs here (apt-get install postgresql)")
    pytest.importorskip("psycopg2", reason="the kit's [postgresql] extra is not installed")
    with postgres_server.running() as url:
        yield url


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    grade.prepare_environment()
    class_dir = write_class(tmp_path_factory.mktemp("serial") / "class", KINDS)
    grade.grade_class(class_dir, [ASSIGNMENT], jobs=1, progress=False)
    return class_dir


def kill_a_worker_when_busy(address, seconds=120):
    """SIGKILL the worker process that runs a grading task first (its nanny starts a new one)."""
    with Client(address) as client:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            busy = [worker for worker, tasks in client.processing().items() if tasks]
            if busy:
                pids = client.run(os.getpid, workers=busy[:1])
                os.kill(pids[busy[0]], signal.SIGKILL)
                return busy[0]
            time.sleep(0.2)
    return None


def test_a_batch_on_two_workers_survives_a_killed_worker_and_equals_the_serial_run(cluster, serial, tmp_path,
                                                                                    capsys):
    class_dir = write_class(tmp_path / "class", KINDS)
    killed = {}
    killer = threading.Thread(target=lambda: killed.setdefault("worker", kill_a_worker_when_busy(cluster)))
    killer.start()
    entries = {e["student"]: e for e in grade.grade_class(class_dir, [ASSIGNMENT], progress=False, scheduler=cluster)}
    killer.join()
    assert killed["worker"], "no worker was ever busy"
    assert "on the Dask scheduler at" in capsys.readouterr().out
    assert all(e["status"] == "graded" for e in entries.values()), {s: e["reason"] for s, e in entries.items()}
    assert grades(class_dir) == grades(serial)
    assert entries["ada"]["autograded_score"] == entries["ada"]["autograded_max"] and entries["ben"]["score"] == 0
    assert (class_dir / "feedback" / "cleo" / ASSIGNMENT / f"{ASSIGNMENT}.html").exists()


def test_a_submission_whose_grading_kills_its_worker_twice_fails_and_the_batch_goes_on(cluster, tmp_path):
    class_dir = write_class(tmp_path / "class", {"ada": "model", DOOMED: "model", "ben": "blank"})
    with Client(cluster) as client:
        client.register_plugin(KillWorkerOnStudent(DOOMED), name="kill-on-doomed")
        try:
            entries = {e["student"]: e for e in grade.grade_class(class_dir, [ASSIGNMENT], progress=False,
                                                                  scheduler=cluster)}
        finally:
            client.unregister_worker_plugin("kill-on-doomed")
    doomed = entries.pop(DOOMED)
    assert doomed["status"] == "failed" and "lost with the worker 2 times" in doomed["reason"], doomed
    assert all(e["status"] == "graded" for e in entries.values()), {s: e["reason"] for s, e in entries.items()}
    assert (DOOMED, ASSIGNMENT) not in grades(class_dir), "nothing of it was written to the gradebook"
    assert entries["ada"]["autograded_score"] == entries["ada"]["autograded_max"]


def test_a_result_is_written_by_the_coordinator_only(serial):
    """The workers graded in class folders of their own: the class holds no worker's files."""
    assert not (serial / ".results").exists()
    assert (serial / "autograded" / "ada" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()


def test_a_postgresql_gradebook_holds_the_grades_of_the_sqlite_run(cluster, serial, postgresql, tmp_path):
    class_dir = write_class(tmp_path / "class", KINDS, db_url=postgresql)
    entries = grade.grade_class(class_dir, [ASSIGNMENT], progress=False, scheduler=cluster)
    assert all(e["status"] == "graded" for e in entries), {e["student"]: e["reason"] for e in entries}
    assert not (class_dir / "gradebook.db").exists(), "nothing went to SQLite"
    assert grades(class_dir) == grades(serial)
    from nbgrader.api import Gradebook
    with Gradebook(postgresql, course_id="numpynet-course") as gb:
        assert sorted(s.id for s in gb.students) == sorted(KINDS)

    # Graded again, the class keeps its PostgreSQL gradebook and grades only what changed.
    nbformat.write(demo.submission(ASSIGNMENT, "model", ROOT / "assignments"),
                   str(class_dir / "submitted" / "cleo" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"))
    again = {e["student"]: e for e in grade.grade_class(class_dir, [ASSIGNMENT], progress=False, scheduler=cluster)}
    assert {s for s, e in again.items() if not e["unchanged"]} == {"cleo"}
    assert again["cleo"]["autograded_score"] == again["cleo"]["autograded_max"]
    assert not (class_dir / "gradebook.db").exists()
    rows = grades(class_dir)
    assert rows.pop(("cleo", ASSIGNMENT)) != grades(serial)[("cleo", ASSIGNMENT)]
    assert all(rows[key] == value for key, value in grades(serial).items() if key[0] != "cleo")

    forced = grade.grade_class(class_dir, [ASSIGNMENT], ["ben"], progress=False, scheduler=cluster, force=True)
    assert [(e["student"], e["unchanged"]) for e in forced] == [("ben", False)]
