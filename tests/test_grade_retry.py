"""A grading that fails for the grader's own reason (GraderFault: no thread left on a loaded
machine) is tried once more; any other failure is not, and either way the previous grade is kept."""
import subprocess

from autograder import grade

FAULT = ("[AutogradeApp | ERROR] There was an error processing assignment: ps4_cnn\n"
         "autograder.trusted.errors.GraderFault: a sandboxed kernel could not be started "
         "(RuntimeError: can't start new thread)\n")


def fake_nbgrader(tmp_path, logs):
    """run_nbgrader that prints the next of ``logs`` (None: grades, writing the notebook)."""
    calls = []

    def run(args, class_dir, check=False, timeout=None):
        log = logs[len(calls)]
        calls.append(args)
        if log is None:
            graded = tmp_path / "autograded" / "ada" / "ps4_cnn"
            graded.mkdir(parents=True, exist_ok=True)
            (graded / "ps4_cnn.ipynb").write_text("{}")
            return subprocess.CompletedProcess(args, 0, "", "")
        return subprocess.CompletedProcess(args, 1, "", log)
    return run, calls


def test_a_grader_fault_is_graded_again(tmp_path, monkeypatch):
    run, calls = fake_nbgrader(tmp_path, [FAULT, None])
    monkeypatch.setattr(grade, "run_nbgrader", run)
    outcome = grade.nbgrader_autograde(tmp_path, "ada", "ps4_cnn")
    assert outcome.status == "graded" and len(calls) == 2


def test_a_grader_fault_twice_fails_with_its_reason_and_keeps_the_previous_grade(tmp_path, monkeypatch):
    previous = tmp_path / "autograded" / "ada" / "ps4_cnn"
    previous.mkdir(parents=True)
    (previous / "ps4_cnn.ipynb").write_text("the previous grade")
    run, calls = fake_nbgrader(tmp_path, [FAULT, FAULT])
    monkeypatch.setattr(grade, "run_nbgrader", run)
    outcome = grade.nbgrader_autograde(tmp_path, "ada", "ps4_cnn")
    assert outcome.status == "failed" and len(calls) == 2
    assert outcome.reason.startswith("GraderFault: a sandboxed kernel could not be started")
    assert (previous / "ps4_cnn.ipynb").read_text() == "the previous grade"


def test_any_other_failure_is_not_tried_again(tmp_path, monkeypatch):
    run, calls = fake_nbgrader(tmp_path, ["[AutogradeApp | ERROR] NbGraderException: bad notebook\n", None])
    monkeypatch.setattr(grade, "run_nbgrader", run)
    outcome = grade.nbgrader_autograde(tmp_path, "ada", "ps4_cnn")
    assert outcome.status == "failed" and len(calls) == 1
