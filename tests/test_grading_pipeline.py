"""The autograder end to end, through nbgrader itself: a demo class (model answers, blank release,
realistic mistakes from the corpus, broken submissions) is generated, autograded, given feedback
and exported, then every student's report is checked."""
import contextlib
import csv
import json
import re

import nbformat
import pytest

from autograder import demo, grade, release
from autograder.course import ROOT
import local_jupyter
from corpus_loader import load_entry

ASSIGNMENTS = release.available()
pytestmark = pytest.mark.skipif(not ASSIGNMENTS, reason="no source notebooks yet")


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    grade.prepare_environment()
    class_dir = tmp_path_factory.mktemp("class")
    grade.init_class(class_dir, ASSIGNMENTS)
    demo.build(class_dir, class_dir / "release", ASSIGNMENTS)
    entries = grade.grade_class(class_dir, ASSIGNMENTS, jobs=2, progress=False)
    return class_dir, {(e["student"], e["assignment"]): e for e in entries}


def entry(graded_class, student, assignment):
    _, entries = graded_class
    if (student, assignment) not in entries:
        pytest.skip(f"{student} has no {assignment} in the demo")
    return entries[(student, assignment)]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_model_answers_get_full_marks(graded_class, assignment):
    e = entry(graded_class, "ada", assignment)
    failing = {t["test"]: t["message"] for t in e["tests"] if not t["passed"]}
    assert e["status"] == "graded" and not failing, failing
    assert e["autograded_score"] == e["autograded_max"] > 0
    assert e["pending_points"] == sum(w["max_points"] for w in e["written"]) > 0, "the written answers wait for a TA"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_release_gets_zero_on_every_test(graded_class, assignment):
    e = entry(graded_class, "ben", assignment)
    assert e["status"] == "graded"
    passing = [t["test"] for t in e["tests"] if t["points"] > 0]
    assert not passing, f"the blank release earns points on {passing}"


MISTAKES = [(s, a, k.split(":", 1)[1]) for s, plan in demo.STUDENTS.items() for a, k in plan.items()
            if k.startswith("corpus:") and a in ASSIGNMENTS]


@pytest.mark.parametrize("student,assignment,name", MISTAKES)
def test_mistakes_lose_points_on_the_right_test_with_a_message_that_names_them(graded_class, student,
                                                                                 assignment, name):
    expected = load_entry(ROOT / "tests" / "corpus" / assignment / f"{name}.py")
    e = entry(graded_class, student, assignment)
    failed = {t["test"]: t["message"] for t in e["tests"] if not t["passed"]}
    assert set(expected.fails) <= set(failed), f"{name} should fail {expected.fails}, failed {sorted(failed)}"
    assert any(re.search(expected.message, failed[t], re.S) for t in expected.fails), failed
    assert 0 < e["score"] < e["max_score"] or not set(failed) - set(expected.fails)


def test_invalid_json_is_reported_and_the_batch_goes_on(graded_class):
    e = entry(graded_class, "eli", "ps1_activations")
    assert e["status"].startswith("failed") and "not a valid notebook" in e["reason"]
    assert e["score"] == 0


def test_missing_notebook_is_reported(graded_class):
    e = entry(graded_class, "eli", "ps4_cnn")
    assert e["status"].startswith("failed") and "missing notebook ps4_cnn.ipynb" in e["reason"]


def test_renamed_notebook_is_graded_under_its_name(graded_class):
    e = entry(graded_class, "eli", "ps2_optimizers")
    assert e["status"] == "graded" and "my_ps2_optimizers.ipynb" in e["reason"]
    assert e["autograded_score"] == e["autograded_max"]


def test_deleted_test_cell_earns_no_points_for_that_test(graded_class):
    e = entry(graded_class, "eli", "ps3_initialization")
    first_test = e["tests"][0]
    assert not first_test["passed"] and first_test["points"] == 0
    assert e["autograded_score"] == e["autograded_max"] - first_test["max_points"]


def test_edited_locked_test_cell_is_restored_and_runs(graded_class):
    e = entry(graded_class, "fay", "ps1_activations")
    assert e["status"] == "graded" and e["autograded_score"] == e["autograded_max"]


def test_an_answer_cell_that_raises_costs_only_its_tests(graded_class):
    e = entry(graded_class, "fay", "ps2_optimizers")
    failed = [t for t in e["tests"] if not t["passed"]]
    assert failed and e["score"] > 0


def test_feedback_shows_messages_but_no_hidden_test_code(graded_class):
    class_dir, _ = graded_class
    pages = list((class_dir / "feedback").rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text()
        assert "BEGIN HIDDEN TESTS" not in html and "autograder.checks" not in html, page
    cleo = (class_dir / "feedback" / "cleo" / "ps1_activations" / "ps1_activations.html")
    if cleo.exists():
        assert "in place" in cleo.read_text()


def test_feedback_opens_with_every_test_by_name_with_its_points_and_message(graded_class):
    class_dir, entries = graded_class
    page = class_dir / "feedback" / "cleo" / "ps1_activations" / "ps1_activations.html"
    if not page.exists():
        pytest.skip("cleo has no ps1 feedback in the demo")
    text = page.read_text()
    table = re.search(r'<table[^>]*id="autograder-test-summary".*?</table>', text, re.S)
    assert table and table.start() < text.index('class="input_area"'), "the table comes before the first cell"
    rows = re.findall(r"<tr><td><a href=\"#([\w-]+)\"><code>[\w-]+</code></a></td><td[^>]*>([^<]*)</td>"
                      r"<td>(.*?)</td></tr>", table.group(0))
    source = nbformat.read(str(ROOT / "source" / "ps1_activations" / "ps1_activations.ipynb"), as_version=4)
    graded = [c.metadata.nbgrader for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert [r[0] for r in rows] == [m["grade_id"] for m in graded]
    assert [r[1].split(" / ")[1] for r in rows] == [f"{float(m['points']):g}" for m in graded]
    messages = dict((r[0], r[2]) for r in rows)
    assert "in place" in messages["test_relu_input_unchanged"] and messages["test_sigmoid_forward"] == "passed"
    assert rows[5][1].startswith("0 /")


def test_grades_csv_and_reports(graded_class):
    class_dir, entries = graded_class
    rows = list(csv.DictReader(open(class_dir / "reports" / "grades.csv")))
    assert {r["student_id"] for r in rows} >= {"ada", "ben"}
    ada = [r for r in rows if r["student_id"] == "ada"]
    assert ada and all((float(r["score"]), float(r["max_score"])) == (entries[("ada", r["assignment"])]["score"],
                                                                       entries[("ada", r["assignment"])]["max_score"])
                       for r in ada)
    for (student, assignment), e in entries.items():
        on_disk = json.loads((class_dir / "reports" / student / f"{assignment}.json").read_text())
        assert on_disk["score"] == e["score"]
        assert all({"test", "points", "max_points", "passed", "message"} <= set(t) for t in on_disk["tests"])
    assert (class_dir / "reports" / "scores.png").stat().st_size > 1000
    assert "score histogram" in (class_dir / "reports" / "summary.txt").read_text()


def test_a_broken_resubmission_keeps_the_earlier_grade(graded_class):
    class_dir, entries = graded_class
    assignment = ASSIGNMENTS[0]
    before = entries[("ada", assignment)]
    path = class_dir / "submitted" / "ada" / assignment / f"{assignment}.ipynb"
    path.write_text("{ this is not json")
    outcome = grade.autograde_one(class_dir, "ada", assignment)
    after = grade.report(class_dir, outcome)
    assert after["status"] == "failed (previous grade kept)"
    assert after["score"] == before["score"]
    assert (class_dir / "autograded" / "ada" / assignment / f"{assignment}.ipynb").exists()


def test_lms_zip_is_collected_by_student_name(tmp_path):
    import zipfile

    assignment = ASSIGNMENTS[0]
    grade.prepare_environment()
    class_dir = grade.init_class(tmp_path / "class", [assignment])
    nb = demo.submission(assignment, "correct", class_dir / "release")
    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(f"zed_attempt_2026-11-20_{assignment}.ipynb", nbformat.writes(nb))
        zf.writestr(f"yan_{assignment}.ipynb", nbformat.writes(nb))
    grade.collect_zip(class_dir, archive, assignment)
    for student in ("zed", "yan"):
        assert (class_dir / "submitted" / student / assignment / f"{assignment}.ipynb").exists()


def test_an_infinite_loop_is_stopped_by_the_cell_timeout_and_the_rest_is_graded(tmp_path):
    assignment = "ps1_activations"
    if assignment not in ASSIGNMENTS:
        pytest.skip("needs ps1")
    grade.prepare_environment()
    # Each kernel that runs the looping answer waits out one timeout: short, but far above the
    # few seconds ps1's slowest cell (its MNIST training) takes on a loaded machine.
    class_dir = grade.init_class(tmp_path / "loop", [assignment], cell_timeout=25)
    demo.build(class_dir, class_dir / "release", [assignment], demo.INFINITE_LOOP_STUDENT)
    [e] = grade.grade_class(class_dir, [assignment], jobs=1, progress=False, cell_timeout=25)
    assert e["status"] == "graded"
    looping = e["cell_errors"][0]
    assert looping["cell"] == "sigmoid", e["cell_errors"]
    failed = {t["test"] for t in e["tests"] if not t["passed"]}
    assert failed and all(t.startswith("test_sigmoid") for t in failed), failed
    assert 0 < e["score"] < e["max_score"]


def test_a_grade_is_fingerprinted_by_the_submission_its_tests_and_the_class_config(tmp_path):
    assignment = ASSIGNMENTS[0]
    class_dir = tmp_path / "class"
    from autograder import config
    config.write(class_dir)
    folder = class_dir / "submitted" / "ada" / assignment
    folder.mkdir(parents=True)
    (folder / f"{assignment}.ipynb").write_text("{}")
    first = grade.fingerprint(class_dir, "ada", assignment)
    assert grade.fingerprint(class_dir, "ada", assignment) == first
    (folder / "extra.py").write_text("x = 1")
    with_file = grade.fingerprint(class_dir, "ada", assignment)
    (folder / "extra.py").write_text("x = 2")
    changed = grade.fingerprint(class_dir, "ada", assignment)
    config.write(class_dir, cell_timeout=5)
    stricter = grade.fingerprint(class_dir, "ada", assignment)
    assert len({first, with_file, changed, stricter}) == 4


@contextlib.contextmanager
def formgrader(class_dir):
    """nbgrader's formgrader, served by a real Jupyter server started in the class folder on
    127.0.0.1 (stopped afterwards); yields a function that calls its REST API as a logged-in TA."""
    with local_jupyter.running("server", class_dir, class_dir / "jupyter-server.log") as server:
        yield server.call


def test_a_written_answer_graded_by_hand_in_formgrader_counts_in_the_report_the_export_and_the_feedback(
        graded_class):
    """A TA grades one written answer through formgrader's own API on a real Jupyter server;
    grading the class again runs no student code, and the report, grades.csv and the feedback
    show the points."""
    class_dir, entries = graded_class
    student, assignment = "dev", ASSIGNMENTS[0]
    before = entries[(student, assignment)]
    question = before["written"][0]
    assert question["status"] == "needs manual grading" and before["pending_points"] > 0
    given = question["max_points"] - 0.5
    with formgrader(class_dir) as call:
        assert assignment in {a["name"] for a in call("/formgrader/api/assignments")}
        submitted = next(n for n in call(f"/formgrader/api/submitted_notebooks/{assignment}/{assignment}")
                         if n["student"] == student)
        answer = next(g for g in call(f"/formgrader/api/grades?submission_id={submitted['id']}")
                      if g["name"] == question["question"])
        assert answer["needs_manual_grade"]
        call(f"/formgrader/api/grade/{answer['id']}", "PUT", {"manual_score": given})
    again = {(e["student"], e["assignment"]): e
             for e in grade.grade_class(class_dir, [assignment], [student], progress=False)}
    after = again[(student, assignment)]
    assert after["unchanged"], "grading by hand does not make the autograder run again"
    assert after["written"][0] == dict(question, points=given, status="graded by hand")
    assert after["score"] == before["score"] + given
    assert after["pending_points"] == before["pending_points"] - question["max_points"]
    row = next(r for r in csv.DictReader(open(class_dir / "reports" / "grades.csv"))
               if (r["student_id"], r["assignment"]) == (student, assignment))
    assert float(row["score"]) == after["score"] and float(row["max_score"]) == after["max_score"]
    page = (class_dir / "feedback" / student / assignment / f"{assignment}.html").read_text()
    table = page[page.index("autograder-test-summary"):]
    assert re.search(rf"{question['question']}</code></a></td><td class=\"center\">{given:g} /", table), (
        "the feedback shows the points given by hand")


def test_the_lms_export_has_canvas_columns_a_points_row_and_the_gradebooks_scores(graded_class, tmp_path):
    from autograder import lms

    class_dir, _ = graded_class
    rows = list(csv.reader(open(lms.write(class_dir, ASSIGNMENTS))))
    assert rows[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] and rows[0][-1] == "Total"
    assert rows[1][0] == "    Points Possible"
    by_login = {r[3]: r for r in rows[2:]}
    exported = list(csv.DictReader(open(class_dir / "reports" / "grades.csv")))
    for r in exported:
        column = ASSIGNMENTS.index(r["assignment"]) + 5
        assert float(by_login[r["student_id"]][column]) == float(r["score"])
        assert float(rows[1][column]) == float(r["max_score"])
    assert {float(row[-1]) for row in rows[2:] if row[3] == "ada"} == {
        sum(float(r["score"]) for r in exported if r["student_id"] == "ada")}

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "grades.csv").write_text(
        "assignment,duedate,timestamp,student_id,last_name,first_name,email,raw_score,late_submission_penalty,score,"
        f"max_score\n{ASSIGNMENTS[0]},,,=cmd|calc,,,,1.0,0.0,1.0,2.0\n")
    [row] = list(csv.reader(open(lms.write(tmp_path, ASSIGNMENTS[:2]))))[2:]
    assert row[0] == row[3] == "'=cmd|calc" and row[5:] == ["1", "", "1"], "a student id is never a formula"


def test_bonus_points_add_to_the_score_and_not_to_the_maximum(graded_class):
    """ps3's batch normalization is a bonus: ada solves it, fay leaves it as released. Both have
    every other test right, and the same maximum in the report, grades.csv and the feedback."""
    class_dir, _ = graded_class
    ada, fay = entry(graded_class, "ada", "ps3_initialization"), entry(graded_class, "fay", "ps3_initialization")
    bonus = {t["test"] for t in ada["tests"] if t["bonus"]}
    assert bonus == {"test_bonus_batchnorm_forward", "test_bonus_batchnorm_eval", "test_bonus_batchnorm_backward"}
    assert ada["bonus_score"] == ada["bonus_max"] == 5 and fay["bonus_score"] == 0
    assert ada["autograded_score"] == ada["autograded_max"] == fay["autograded_score"] == 39
    assert ada["max_score"] == fay["max_score"] == 39 + 4, "the bonus is not in the maximum"
    assert ada["score"] == 39 + 5 and fay["score"] == 39, "the written answers wait for a TA"
    rows = {r["student_id"]: r for r in csv.DictReader(open(class_dir / "reports" / "grades.csv"))
            if r["assignment"] == "ps3_initialization"}
    for student, e, earned in (("ada", ada, 2), ("fay", fay, 0)):
        assert (float(rows[student]["score"]), float(rows[student]["max_score"])) == (e["score"], e["max_score"])
        page = (class_dir / "feedback" / student / "ps3_initialization" / "ps3_initialization.html").read_text()
        assert f"(Score: {e['score']:.1f} / {e['max_score']:.1f})" in page
        assert re.search(rf"test_bonus_batchnorm_forward</code></a></td><td[^>]*>{earned} / 2 bonus<", page)
    table = grade.summary(class_dir, [ada, fay], ["ps3_initialization"])   # a later test grades this class again
    assert "44.0 / 43" in table and "bonus points" in table
