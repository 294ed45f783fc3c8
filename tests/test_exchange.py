"""The JupyterHub workflow through nbgrader's exchange, end to end on one machine: the instructor
releases an assignment into a temporary exchange folder, two students (their own folders, their
own nbgrader config, identities given by ``--student`` as on a hub where every user runs as the
same account) fetch it, work and submit, the instructor collects, the kit grades and releases the
feedback, and each student fetches their own."""
import re
import stat

import nbformat
import pytest

from autograder import demo, grade, release, sandbox
from autograder.course import COURSE_ID

pytestmark = pytest.mark.skipif(sandbox.problem() is not None, reason=f"no sandbox here: {sandbox.problem()}")

ASSIGNMENT = "ps1_activations"
STUDENTS = {"ada": "model", "ben": "corpus:relu_forward_inplace"}


def nbgrader(args, folder):
    return release.nbgrader(args, folder, check=True)


def student_folder(tmp_path, student, exchange):
    """A student's working folder with the nbgrader config a hub would give every user. On a hub
    each user has a home of their own, and so nbgrader's cache of their submissions, which
    fetch_feedback reads: here the cache is in the folder."""
    home = tmp_path / student
    home.mkdir()
    (home / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(exchange)!r}\nc.Exchange.cache = {str(home / '.nbgrader-cache')!r}\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n")
    return home


def test_release_fetch_submit_collect_grade_and_feedback_through_the_exchange(tmp_path):
    exchange = tmp_path / "exchange"
    exchange.mkdir()
    exchange.chmod(stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)   # as nbgrader asks: every user writes here
    grade.prepare_environment()
    class_dir = grade.init_class(tmp_path / "class", [ASSIGNMENT], exchange=exchange)
    nbgrader(["release_assignment", ASSIGNMENT], class_dir)

    homes = {}
    for student, kind in STUDENTS.items():
        home = homes[student] = student_folder(tmp_path, student, exchange)
        nbgrader(["fetch_assignment", ASSIGNMENT], home)
        fetched = home / ASSIGNMENT
        assert (fetched / f"{ASSIGNMENT}.ipynb").exists()
        assert (fetched / "numpynet" / "activations.py").exists(), "the student package comes with the notebook"
        nbformat.write(demo.submission(ASSIGNMENT, kind, home), str(fetched / f"{ASSIGNMENT}.ipynb"))
        nbgrader(["submit", ASSIGNMENT, "--student", student], home)

    nbgrader(["collect", ASSIGNMENT], class_dir)
    assert sorted(p.name for p in (class_dir / "submitted").iterdir()) == sorted(STUDENTS)
    entries = {e["student"]: e for e in grade.grade_class(class_dir, [ASSIGNMENT], progress=False)}
    assert all(e["status"] == "graded" for e in entries.values()), {s: e["reason"] for s, e in entries.items()}
    assert entries["ada"]["autograded_score"] == entries["ada"]["autograded_max"]
    assert entries["ben"]["autograded_score"] < entries["ben"]["autograded_max"]

    nbgrader(["release_feedback", ASSIGNMENT], class_dir)
    for student in STUDENTS:
        nbgrader(["fetch_feedback", ASSIGNMENT, "--student", student], homes[student])
        [page] = (homes[student] / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html")
        html = page.read_text()
        assert "autograder-test-summary" in html and "BEGIN HIDDEN TESTS" not in html
        assert "hidden.relu" not in html, "no hidden test code reaches a student"
    ben = next((homes["ben"] / ASSIGNMENT / "feedback").glob(f"*/{ASSIGNMENT}.html")).read_text()
    table = ben[ben.index("autograder-test-summary"):]
    assert re.search(r"test_relu_input_unchanged</code></a></td><td class=\"center\">0 / [0-9.]+</td><td>"
                     r"AssertionError: ReLU.forward modified its input in place", table), "ben's table names his mistake"
