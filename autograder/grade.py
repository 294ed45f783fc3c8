"""Grade a class with nbgrader: collect, autograde (one task per submission on a Dask cluster,
``cluster.py``), feedback without hidden tests, grades.csv, a JSON report per student and
assignment, a summary.

A class directory is an nbgrader course directory:

    <class>/nbgrader_config.py   written from autograder/config.py
    <class>/gradebook.db         nbgrader's gradebook (SQLite)
    <class>/release/             the student versions, regenerated from source/
    <class>/submitted/<student>/<assignment>/<assignment>.ipynb
    <class>/autograded/, feedback/    nbgrader's
    <class>/reports/<student>/<assignment>.json, grades.csv, summary.txt, scores.png

Nothing already graded is lost to a failure: a submission whose grading fails keeps its previous
autograded notebook and grades, and the report says why.
"""
import contextlib
import dataclasses
import fcntl
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import nbformat

from . import config, lms, notebook, release, student_package
from .course import ASSIGNMENTS, COURSE_ID, ROOT
from .sandbox import DEFAULT_LIMITS, Limits, kernelspec, output as output_caps, require as require_sandbox


@dataclasses.dataclass
class Outcome:
    student: str
    assignment: str
    status: str            # "graded", "failed" (kept the previous grade if any), "missing"
    reason: str = ""
    seconds: float = 0.0
    fingerprint: str = ""  # of what was graded (``fingerprint``); kept in the report
    unchanged: bool = False  # not graded again: nothing it depends on changed since its grade


# ---------------------------------------------------------------------------------------------
# the class directory

def init_class(class_dir, assignments, cell_timeout=None, sandboxed=True, db_url=None, exchange=None, edition=None):
    """Write the nbgrader config and (re)generate the assignments into ``release/``, each with its
    student package (what ``nbgrader release_assignment`` hands out through the exchange), which
    syncs the gradebook with the source notebooks. ``cell_timeout`` (seconds) bounds every cell,
    MNIST training included. ``sandboxed``: student code runs in the sandbox kernel, whose
    kernelspec is (re)installed here; False only for ``--unsafe-no-sandbox``. ``db_url``, ``exchange``:
    the gradebook and the exchange folder, ``edition`` the language of the release (``config.write``:
    each kept once given)."""
    class_dir = Path(class_dir).resolve()
    config.write(class_dir, cell_timeout=cell_timeout, sandboxed=sandboxed, db_url=db_url, exchange=exchange,
                 edition=edition)
    if sandboxed:
        kernelspec.install()
    for a in assignments:
        run_nbgrader(["generate_assignment", a, "--force"], class_dir, check=True)
        student_package.build(a, class_dir / "release" / a)
    return class_dir


def run_nbgrader(args, class_dir, check=False, timeout=None):
    return release.nbgrader(args, class_dir, check=check, timeout=timeout)


def collect_folder(class_dir, source):
    """Copy submissions laid out as ``<student>/<assignment>/...`` into ``submitted/``."""
    source = Path(source)
    if not source.is_dir():
        raise FileNotFoundError(f"no submissions folder {source}; expected <student>/<assignment>/<notebook>.ipynb")
    count = 0
    for student_dir in sorted(p for p in source.iterdir() if p.is_dir()):
        for assignment_dir in sorted(p for p in student_dir.iterdir() if p.is_dir()):
            target = Path(class_dir) / "submitted" / student_dir.name / assignment_dir.name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(assignment_dir, target, symlinks=True)  # links stay links: prepare drops them
            count += 1
    return count


def collect_zip(class_dir, zip_path, assignment):
    """nbgrader zip_collect: an LMS download of notebooks named by student
    (``<student>_..._<assignment>.ipynb``) into ``submitted/``."""
    archive = Path(class_dir) / "downloaded" / assignment / "archive"
    archive.mkdir(parents=True, exist_ok=True)
    shutil.copy(zip_path, archive / Path(zip_path).name)
    proc = run_nbgrader(["zip_collect", assignment, "--force"], class_dir)
    if proc.returncode != 0:
        raise RuntimeError(f"zip_collect failed for {zip_path}:\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return proc


def submissions(class_dir, assignments, students=None):
    """(student, assignment) pairs present in ``submitted/``."""
    root = Path(class_dir) / "submitted"
    pairs = []
    for student_dir in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []:
        if students and student_dir.name not in students:
            continue
        for a in assignments:
            if (student_dir / a).is_dir():
                pairs.append((student_dir.name, a))
    return pairs


# ---------------------------------------------------------------------------------------------
# what a grade depends on: re-running `grade` grades only what changed

@functools.lru_cache(maxsize=1)
def kit_fingerprint():
    """SHA-256 of the grader's own code: a change to a check or the core regrades everything."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "autograder").rglob("*.py"), *(ROOT / "numpynet").rglob("*.py")]):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint(class_dir, student, assignment):
    """SHA-256 of everything a submission's grade depends on: its files, the source notebook
    (answers, hidden tests, points), the class's nbgrader_config.py (limits, timeouts) and the kit."""
    class_dir = Path(class_dir)
    digest = hashlib.sha256(kit_fingerprint().encode())
    for path in (ROOT / "source" / assignment / f"{assignment}.ipynb", class_dir / "nbgrader_config.py"):
        digest.update(path.read_bytes())
    submitted = class_dir / "submitted" / student / assignment
    for path in sorted(submitted.rglob("*")):
        if path.is_file() or path.is_symlink():
            target = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
            digest.update(path.relative_to(submitted).as_posix().encode() + b"\0" + target)
    return digest.hexdigest()


def unchanged_since_graded(class_dir, student, assignment, now, gradebook):
    """The Outcome of this submission's last grading if it was graded from exactly what
    fingerprints ``now`` and the gradebook and autograded folder still hold it; else None."""
    from nbgrader.api import MissingEntry

    class_dir = Path(class_dir)
    last = last_report(class_dir, student, assignment)
    if last.get("fingerprint") != now or last.get("status") != "graded":
        return None
    if not (class_dir / "autograded" / student / assignment / f"{assignment}.ipynb").exists():
        return None
    try:
        gradebook.find_submission_notebook(assignment, assignment, student)
    except MissingEntry:
        return None
    return Outcome(student, assignment, "graded", last.get("grading_reason", ""), last.get("seconds", 0.0), now,
                   unchanged=True)


# ---------------------------------------------------------------------------------------------
# one submission

def prepare(class_dir, student, assignment):
    """Make a submission gradable, or say why it is not. Returns (ok, reason)."""
    folder = Path(class_dir) / "submitted" / student / assignment
    expected = folder / f"{assignment}.ipynb"
    notes = drop_links(folder)
    if not expected.exists():
        others = sorted(folder.glob("*.ipynb"))
        if len(others) == 1:
            shutil.move(str(others[0]), expected)
            notes.append(f"the notebook was named {others[0].name}; graded it as {expected.name}")
        else:
            found = ", ".join(p.name for p in others) or "no notebook"
            return False, f"missing notebook {expected.name} (found {found})"
    try:
        nb = nbformat.read(str(expected), as_version=4)
        nbformat.validate(nb)
    except Exception as err:  # noqa: BLE001 - any unreadable notebook is reported, not raised
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return False, f"{expected.name} is not a valid notebook ({type(err).__name__}: {first_line[:200]})"
    # The student package is ours: whatever the student sent in numpynet/ is replaced, so a
    # locked reference cannot be unlocked by editing it.
    package = folder / "numpynet"
    if package.exists():
        shutil.rmtree(package)
    student_package.build(assignment, folder)
    return True, "; ".join(notes)


def drop_links(folder):
    """Remove every symbolic link from a submission: nbgrader follows links when it copies the
    folder to grade it, so a link to a grader's file would bring that file's content to the kernel."""
    links = sorted(path for path in Path(folder).rglob("*") if path.is_symlink())
    for link in links:
        link.unlink()
    return [f"removed the symbolic link {link.relative_to(folder)}" for link in links]


@contextlib.contextmanager
def student_lock(class_dir, student):
    """One grading of a student at a time, across processes and concurrent invocations."""
    lock_dir = Path(class_dir) / ".locks"
    lock_dir.mkdir(exist_ok=True)
    with open(lock_dir / f"{student}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def autograde_one(class_dir, student, assignment, timeout=None):
    """Autograde one submission in ``class_dir`` (a worker's own, ``cluster.py``), keeping the
    previous result if this one fails."""
    start = time.time()
    ok, reason = prepare(class_dir, student, assignment)
    if not ok:
        return Outcome(student, assignment, "failed", reason, time.time() - start)
    outcome = nbgrader_autograde(class_dir, student, assignment, timeout)
    outcome.reason = "; ".join(filter(None, [reason, outcome.reason]))
    outcome.seconds = time.time() - start
    return outcome


GRADER_FAULT_LOG = re.compile(r"GraderFault: .*")


def nbgrader_autograde(class_dir, student, assignment, timeout=None):
    """nbgrader autograde of one submission (a process of its own, stopped after ``timeout``); on
    failure the previous autograded folder is put back (nbgrader leaves the gradebook's grades as
    they were)."""
    graded = Path(class_dir) / "autograded" / student / assignment
    with keeping_previous(graded) as kept:
        try:
            for _ in range(2):   # a failure of the grader's own (GraderFault: no thread left) is tried again once
                proc = run_nbgrader(["autograde", assignment, "--student", student, "--force"], class_dir,
                                    timeout=timeout)
                log = proc.stdout + proc.stderr
                kept.failed = proc.returncode != 0 or not (graded / f"{assignment}.ipynb").exists()
                fault = GRADER_FAULT_LOG.search(log) if kept.failed else None
                if fault is None:
                    break
            kept.detail = (fault.group(0) if fault else _nbgrader_error(log)) if kept.failed else ""
            wall_clock = WALL_CLOCK_LOG.search(log)
            if wall_clock:  # the provisioner killed the kernel: only its log says why
                kept.detail = "; ".join(filter(None, [f"wall-clock limit of {wall_clock.group(1)} s reached",
                                                      kept.detail]))
        except subprocess.TimeoutExpired:
            kept.failed, kept.detail = True, f"grading took longer than {timeout} s and was stopped"
    return Outcome(student, assignment, "failed" if kept.failed else "graded", kept.detail)


@dataclasses.dataclass
class Attempt:
    failed: bool = True
    detail: str = ""


@contextlib.contextmanager
def keeping_previous(graded):
    """Around a (re)grading into the autograded folder ``graded``: unless the Attempt it yields
    ends with ``failed = False``, the folder is put back as it was."""
    graded = Path(graded)
    backup = None
    if graded.exists():
        backup = Path(tempfile.mkdtemp(dir=graded.parents[2], prefix=".backup-")) / graded.name
        shutil.copytree(graded, backup)
    attempt = Attempt()
    try:
        yield attempt
    finally:
        if attempt.failed and backup is not None:
            shutil.rmtree(graded, ignore_errors=True)
            shutil.copytree(backup, graded)
            attempt.detail += " (the previous grade is kept)"
        if backup is not None:
            shutil.rmtree(backup.parent, ignore_errors=True)


# nbgrader's apps run in this process log here; what matters of it comes back in their results (and
# the API's complaint that the class has no exchange folder is not printed).
NBGRADER_LOG = logging.getLogger("autograder.nbgrader")
NBGRADER_LOG.propagate = False
NBGRADER_LOG.addHandler(logging.NullHandler())
# nbgrader's autograde adds a submission in a way SQLAlchemy warns about, harmlessly; in its own
# process the warning went unseen, here it would be printed once per submission.
warnings.filterwarnings("ignore", message=r"Object of type <Submitted\w+> not in session", module="nbgrader")


class Recorder:
    """The coordinator's writes into the class (``cluster.py``), through nbgrader's own API in
    this process: a result graded on a worker, staged in ``config.RESULTS_DIR``, is recorded by
    nbgrader's autograde with the record-only preprocessors (nothing runs), which writes its grades
    into the gradebook; then its feedback. Seven times cheaper than an nbgrader process per step,
    which matters: the coordinator is the one serial part of grading a class."""

    def __init__(self, class_dir):
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        self.class_dir = Path(class_dir)
        loaded = config.load(class_dir)
        recording = config.record_only(loaded)
        self.recorder = NbGraderAPI(CourseDirectory(config=recording), config=recording, log=NBGRADER_LOG)
        self.feedback = NbGraderAPI(CourseDirectory(config=loaded), config=loaded, log=NBGRADER_LOG)

    def record(self, student, assignment):
        """Returns an Outcome; the previous grade stays if recording fails."""
        graded = self.class_dir / "autograded" / student / assignment
        with student_lock(self.class_dir, student), keeping_previous(graded) as kept:
            result = self.recorder.autograde(assignment, student, force=True, create=True)
            kept.failed = not result["success"] or not (graded / f"{assignment}.ipynb").exists()
            kept.detail = _nbgrader_error(result.get("log", "") + result.get("error", "")) if kept.failed else ""
        if kept.failed:
            return Outcome(student, assignment, "failed", "recording the grades failed: " + kept.detail)
        return Outcome(student, assignment, "graded", self.give_feedback(student, assignment))

    def give_feedback(self, student, assignment):
        """nbgrader generate_feedback from the gradebook as it is now; returns what went wrong, or ""."""
        result = self.feedback.generate_feedback(assignment, student, force=True)
        return "" if result["success"] else "feedback could not be generated: " + _nbgrader_error(
            result.get("log", "") + result.get("error", ""))


def _nbgrader_error(log):
    lines = [line for line in log.splitlines() if "[ERROR]" in line or "Error" in line]
    return (" | ".join(lines[-3:]) or log.strip()[-300:] or "nbgrader failed")[:600]


# ---------------------------------------------------------------------------------------------
# reports

def test_messages(autograded_nb):
    """{test grade_id: failure message} from an autograded notebook's error outputs."""
    messages = {}
    for cell in autograded_nb.cells:
        if notebook.is_test(cell):
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            if errors:
                messages[notebook.grade_id(cell)] = f"{errors[-1].get('ename')}: {errors[-1].get('evalue')}"
    return messages


def cell_errors(autograded_nb):
    """Errors of the cells that are not tests (an answer that raises, a cell stopped by the
    timeout): [{"cell": grade_id or "cell <n>", "error": "ename: evalue"}]."""
    found = []
    for index, cell in enumerate(autograded_nb.cells):
        if cell.cell_type != "code" or notebook.is_test(cell):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append({"cell": notebook.grade_id(cell) or f"cell {index}",
                              "error": f"{output.get('ename')}: {output.get('evalue')}"[:500]})
    return found


WALL_CLOCK_LOG = re.compile(r"reached its wall-clock limit of (\d+) s")
LINES_NOTE = "... Output truncated ..."   # nbgrader's LimitOutput, at c.LimitOutput.max_lines


def class_limits(class_dir):
    """(sandbox Limits, cell timeout in s) as the class's nbgrader_config.py sets them."""
    loaded = config.load(class_dir)
    given = loaded.get("SandboxProvisioner", {})
    limits = Limits(**{f.name: given.get(f.name, getattr(DEFAULT_LIMITS, f.name)) for f in dataclasses.fields(Limits)})
    return limits, loaded.get("Execute", {}).get("timeout", config.CELL_TIMEOUT)


def size_name(count):
    """4 GiB, 512 MiB: binary units, as the limits are set."""
    return f"{count / 2 ** 30:g} GiB" if count >= 2 ** 30 else f"{count / 2 ** 20:g} MiB"


def limit_reached(output, limits, cell_timeout):
    """The limit an output shows its cell ran into ("memory limit of 4 GiB reached"), or None."""
    if output.get("output_type") == "error":
        return {"MemoryError": f"memory limit of {size_name(limits.memory_bytes)} reached",
                "DeadKernelError": "kernel died",
                "CellTimeoutError": f"cell time limit of {cell_timeout} s reached"}.get(output.get("ename"))
    if output.get("output_type") == "stream" and (output_caps.is_note(output) or LINES_NOTE in output_caps.text_of(output.get("text", ""))):
        return "output truncated"
    return None


def limit_reasons(autograded_nb, limits, cell_timeout):
    """Each limit the submission reached, naming the first cell (grade_id or index) that did: a
    dead kernel fails every later cell too."""
    first = {}
    for index, cell in enumerate(autograded_nb.cells):
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            limit = limit_reached(output, limits, cell_timeout)
            if limit:
                first.setdefault(limit, notebook.grade_id(cell) or f"cell {index}")
    return [f"{limit} in cell `{where}`" for limit, where in first.items()]


def report(class_dir, outcome, gradebook=None):
    """The JSON report of one submission, read from ``gradebook`` (an open nbgrader Gradebook; the
    class's own by default): one entry per test with points and message, one per written answer
    (points once graded by hand in formgrader), and the totals: ``score`` of ``max_score``, of which
    ``autograded_score`` of ``autograded_max`` and ``pending_points`` still to grade by hand. Bonus
    tests (``notebook.is_bonus``) add ``bonus_score`` (of ``bonus_max``) to the score, nothing to
    the maximum."""
    from nbgrader.api import MissingEntry

    class_dir = Path(class_dir)
    if gradebook is None:
        with open_gradebook(class_dir) as gradebook:
            return report(class_dir, outcome, gradebook)
    source_nb = notebook.read(ROOT / "source" / outcome.assignment / f"{outcome.assignment}.ipynb")
    max_points, written_points = notebook.points(source_nb), notebook.written_points(source_nb)
    entry = {"student": outcome.student, "assignment": outcome.assignment, "status": outcome.status,
             "reason": outcome.reason, "seconds": round(outcome.seconds, 1),
             "grading_reason": outcome.reason, "fingerprint": outcome.fingerprint, "unchanged": outcome.unchanged,
             "sandboxed": config.is_sandboxed(class_dir)}
    graded_path = class_dir / "autograded" / outcome.student / outcome.assignment / f"{outcome.assignment}.ipynb"
    try:
        sub = gradebook.find_submission_notebook(outcome.assignment, outcome.assignment, outcome.student)
        grades = {g.name: g for g in sub.grades}
    except MissingEntry:
        grades = {}
    scores = {name: grades[name].score for name in max_points if name in grades}
    graded_nb = notebook.read(graded_path) if graded_path.exists() and scores else None
    messages = test_messages(graded_nb) if graded_nb else {}
    entry["cell_errors"] = cell_errors(graded_nb) if graded_nb else []
    if graded_nb and outcome.status == "graded":
        entry["reason"] = "; ".join(filter(None, [outcome.reason, *limit_reasons(graded_nb, *class_limits(class_dir))]))
    entry["tests"] = []
    for test_id, maximum in max_points.items():
        score = float(scores.get(test_id) or 0.0)
        message = messages.get(test_id, "")
        if not scores:
            message = outcome.reason or "not graded"
        entry["tests"].append({"test": test_id, "points": score, "max_points": maximum,
                               "passed": bool(scores) and score >= maximum, "message": message,
                               "bonus": notebook.is_bonus(test_id)})
    entry["written"] = [written_answer(grades.get(answer_id) if scores else None, answer_id, maximum)
                        for answer_id, maximum in written_points.items()]
    for kind, tests in (("autograded", [t for t in entry["tests"] if not t["bonus"]]),
                        ("bonus", [t for t in entry["tests"] if t["bonus"]])):
        entry[f"{kind}_score"] = sum(t["points"] for t in tests)
        entry[f"{kind}_max"] = sum(t["max_points"] for t in tests)
    entry["pending_points"] = sum(w["max_points"] for w in entry["written"] if w["status"] == NEEDS_GRADING)
    entry["score"] = entry["autograded_score"] + entry["bonus_score"] + sum(w["points"] for w in entry["written"])
    entry["max_score"] = entry["autograded_max"] + sum(written_points.values())
    if scores and outcome.status == "failed":
        entry["status"] = "failed (previous grade kept)"
    path = report_path(class_dir, outcome.student, outcome.assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(entry, indent=1))
    return entry


def report_path(class_dir, student, assignment):
    return Path(class_dir) / "reports" / student / f"{assignment}.json"


def last_report(class_dir, student, assignment):
    """The report written when this submission was last graded ({} if there is none)."""
    try:
        return json.loads(report_path(class_dir, student, assignment).read_text())
    except (OSError, ValueError):
        return {}


NEEDS_GRADING = "needs manual grading"


def written_answer(grade, answer_id, maximum):
    """A written answer's report entry from its nbgrader Grade (None: not graded at all)."""
    if grade is None:
        status, points = "not graded", 0.0
    elif grade.manual_score is not None:
        status, points = "graded by hand", float(grade.manual_score)
    elif grade.needs_manual_grade:
        status, points = NEEDS_GRADING, 0.0
    else:   # nbgrader gives 0 to an answer left as released
        status, points = "not answered", float(grade.auto_score or 0.0)
    return {"question": answer_id, "points": points, "max_points": maximum, "status": status}


def open_gradebook(class_dir):
    from nbgrader.api import Gradebook
    return Gradebook(config.gradebook_url(class_dir), course_id=COURSE_ID)


def export_csv(class_dir):
    target = Path(class_dir) / "reports" / "grades.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    proc = run_nbgrader(["export", f"--to={target}"], class_dir)
    if proc.returncode != 0:
        raise RuntimeError(f"nbgrader export failed:\n{proc.stderr[-2000:]}")
    return target


def summary(class_dir, entries, assignments):
    """A table student x assignment, a text histogram of totals, and the histogram as a PNG."""
    by_student = {}
    for e in entries:
        by_student.setdefault(e["student"], {})[e["assignment"]] = e
    maxima = {a: next((e["max_score"] for e in entries if e["assignment"] == a), 0) for a in assignments}
    width = max([len(s) for s in by_student] + [7])
    lines = [f"{'student':<{width}} " + " ".join(f"{a[:18]:>18}" for a in assignments) + f" {'total':>12}"]
    totals = {}
    for student, row in sorted(by_student.items()):
        cells, total = [], 0.0
        for a in assignments:
            e = row.get(a)
            if e is None:
                cells.append(f"{'-':>18}")
                continue
            total += e["score"]
            flag = " !" if e["status"] != "graded" else " *" if e.get("pending_points") else ""
            cells.append(f"{e['score']:>8.1f} / {e['max_score']:<5.0f}{flag:>2}"[:18].rjust(18))
        totals[student] = total
        lines.append(f"{student:<{width}} " + " ".join(cells) + f" {total:>6.1f}/{sum(maxima.values()):<5.0f}")
    lines.append("")
    lines.append("! = not graded this time: see the report's reason")
    pending = [w for e in entries for w in e.get("written", []) if w["status"] == NEEDS_GRADING]
    if pending:
        lines.append(f"* = written answers to grade by hand: {len(pending)} answers, "
                     f"{sum(w['max_points'] for w in pending):g} points in all, in formgrader "
                     "(`jupyter lab` in the class folder, then Nbgrader > Formgrader; README)")
    if any(e.get("bonus_score") for e in entries):
        lines.append("a score above the maximum holds bonus points: bonus tests (test_bonus_*) add to the score, "
                     "not to the maximum")
    if not all(e.get("sandboxed", True) for e in entries):
        lines.append(UNSANDBOXED_WARNING)
    lines += _histogram(totals, sum(maxima.values()))
    text = "\n".join(lines)
    out = Path(class_dir) / "reports"
    (out / "summary.txt").write_text(text + "\n")
    _histogram_png(totals, sum(maxima.values()), out / "scores.png")
    return text


UNSANDBOXED_WARNING = ("WARNING: graded WITHOUT the sandbox (--unsafe-no-sandbox): student code ran with the "
                       "grader's rights, network and files")


def _histogram(totals, maximum, bins=10):
    if not totals or not maximum:
        return []
    counts = [0] * bins
    for value in totals.values():
        counts[min(int(bins * value / maximum), bins - 1)] += 1
    lines = ["", "score histogram (% of the maximum):"]
    for i, count in enumerate(counts):
        lines.append(f"{10 * i:>3}-{10 * (i + 1):<3}% | {'#' * count}")
    return lines


def _histogram_png(totals, maximum, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.5))
    values = [100 * v / maximum for v in totals.values()] if maximum else []
    ax.hist(values, bins=10, range=(0, 100), edgecolor="black")
    ax.set(xlabel="total score (% of maximum)", ylabel="students", title="class scores")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# ---------------------------------------------------------------------------------------------
# the whole class

def grade_class(class_dir, assignments=None, students=None, jobs=1, timeout=None, progress=True,
                cell_timeout=None, sandboxed=True, scheduler=None, db_url=None, force=False):
    """Autograde the submissions in ``class_dir/submitted`` on a Dask cluster (``cluster.py``:
    the scheduler at ``scheduler``, else a LocalCluster of ``jobs`` workers) into the gradebook at
    ``db_url`` (by default the class's own); returns the report entries. A submission graded
    before from exactly what it depends on now (``fingerprint``) is not graded again unless
    ``force``. Stops with SandboxUnavailable, before grading anything, when ``sandboxed`` and
    bwrap cannot run here."""
    from tqdm.auto import tqdm

    from . import cluster

    start = time.time()
    if sandboxed:
        require_sandbox()
    assignments = assignments or [a for a in ASSIGNMENTS if (ROOT / "source" / a / f"{a}.ipynb").exists()]
    class_dir = init_class(class_dir, assignments, cell_timeout, sandboxed, db_url)
    pairs = submissions(class_dir, assignments, students)
    prints = {pair: fingerprint(class_dir, *pair) for pair in pairs}
    with open_gradebook(class_dir) as gradebook:
        kept = [] if force else [o for o in (unchanged_since_graded(class_dir, *pair, prints[pair], gradebook)
                                              for pair in pairs) if o]
    todo = [pair for pair in pairs if pair not in {(o.student, o.assignment) for o in kept}]
    # Parallel kernels each get their share of the cores unless told otherwise: BLAS threads
    # fighting over two cores made one small matrix product 70 times slower. (Workers started by
    # hand set their own.)
    share = str(max(1, (os.cpu_count() or 1) // max(1, jobs)))
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        os.environ.setdefault(variable, share)
    if kept:
        print(f"{len(kept)} submissions unchanged since they were graded: kept (--force grades them again)")
    bar = tqdm(total=len(todo), desc="grading", unit="submission", disable=not progress)
    outcomes = cluster.grade_submissions(class_dir, todo, scheduler, jobs, timeout, cell_timeout, sandboxed, bar)
    bar.close()
    for outcome in outcomes:
        outcome.fingerprint = prints[(outcome.student, outcome.assignment)]
    hand_graded_before = {(o.student, o.assignment): last_report(class_dir, o.student, o.assignment).get("written")
                          for o in kept}
    with open_gradebook(class_dir) as gradebook:
        entries = [report(class_dir, o, gradebook)
                   for o in sorted(outcomes + kept, key=lambda o: (o.student, o.assignment))]
    refresh_feedback(class_dir, [e for e in entries if e["unchanged"]
                                 and e["written"] != hand_graded_before[(e["student"], e["assignment"])]])
    csv = export_csv(class_dir)
    lms_csv = lms.write(class_dir, assignments)
    text = summary(class_dir, entries, assignments)
    print(text)
    print(f"\nstudent code ran in: {'the bubblewrap sandbox' if sandboxed else 'NO SANDBOX (--unsafe-no-sandbox)'}")
    where = f"on the Dask scheduler at {scheduler}" if scheduler else f"with {jobs} local worker(s)"
    print(f"{len(todo)} submissions graded in {time.time() - start:.0f} s {where}, {len(kept)} unchanged; "
          f"{len({student for student, _ in pairs})} students")
    print(f"gradebook: {shown_url(config.gradebook_url(class_dir))}\n"
          f"grades:    {csv} (nbgrader's export), {lms_csv.name} beside it (for Canvas or Moodle)\n"
          f"reports:   {class_dir / 'reports'}/<student>/<assignment>.json\n"
          f"feedback:  {class_dir / 'feedback'}/<student>/<assignment>/<assignment>.html\n"
          f"histogram: {class_dir / 'reports' / 'scores.png'}")
    return entries


def refresh_feedback(class_dir, entries):
    """Feedback again for the submissions whose written answers were graded by hand since their
    feedback was made (in formgrader), so that it shows those points."""
    if not entries:
        return
    recorder = Recorder(class_dir)
    for e in entries:
        problem = recorder.give_feedback(e["student"], e["assignment"])
        print(f"feedback for {e['student']}/{e['assignment']}: "
              f"{problem or 'made again with the points of its written answers'}")


def shown_url(db_url):
    """A database URL fit to print: without its password."""
    from sqlalchemy.engine import make_url
    return make_url(db_url).render_as_string(hide_password=True)


def prepare_environment():
    """Grading runs kernels; keep their Jupyter and matplotlib files out of $HOME."""
    build = ROOT / "build"
    for var, sub in (("JUPYTER_CONFIG_DIR", "jupyter/config"), ("JUPYTER_DATA_DIR", "jupyter/data"),
                     ("JUPYTER_RUNTIME_DIR", "jupyter/runtime"), ("IPYTHONDIR", "ipython"),
                     ("MPLCONFIGDIR", "matplotlib")):
        os.environ.setdefault(var, str(build / sub))
        Path(os.environ[var]).mkdir(parents=True, exist_ok=True)
