"""Gradescope: the autograder zip of an assignment for a "programming assignment" with a custom
autograder, and the grading of one submission in Gradescope's container by this kit's own pipeline.

Gradescope unpacks the zip into ``/autograder/source``, runs its ``setup.sh`` once, as root, when
it builds the autograder's image, and then, for each submission, ``/autograder/run_autograder``
(a copy of the zip's) in ``/autograder``, with the upload in ``/autograder/submission/``. That
script grades it here (``run``): a one-student nbgrader class in a temporary folder, graded by
``grade.grade_class`` in the sandbox with the trusted scoring, whose JSON report becomes
``/autograder/results/results.json`` in Gradescope's format.

The zip holds the kit (``numpynet/``, ``autograder/``, ``pyproject.toml``) and the source notebook
of this one assignment (its hidden tests: the graders read them in ``source/``, which the sandbox
never shows to student code), but no other assignment, no tests and no environment. Where the
sandbox cannot run, a submission is not graded unless the zip was built with
``allow_unsandboxed=True``. ``AUTOGRADER_GRADESCOPE_ROOT`` moves ``/autograder`` (for tests).
"""
import json
import os
import shutil
import tempfile
import time
import traceback
from pathlib import Path

from . import bundle, grade, notebook, release, sandbox
from .course import ROOT
from .sandbox import probe

ROOT_ENV = "AUTOGRADER_GRADESCOPE_ROOT"
DEFAULT_ROOT = "/autograder"
PYTHON_ENV = "AUTOGRADER_GRADESCOPE_PYTHON"  # run_autograder's interpreter; default: the venv setup.sh makes
SETTINGS = "gradescope.json"            # in the zip: the assignment and whether to grade unconfined
PACKAGES = ("numpynet", "autograder")
SCRIPTS = ("setup.sh", "run_autograder")  # executable, at the zip's top level where Gradescope looks
STUDENT = "gradescope"                  # the one student of the temporary class
HIDDEN_VISIBILITY = "after_published"   # a test holding hidden tests: its message once grades are out

SETUP_SH = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu), with this
# zip unpacked in /autograder/source. It installs bubblewrap (the sandbox student code runs in),
# a virtual environment with this kit, the kit's Jupyter kernels, and MNIST.
set -euo pipefail
root="${AUTOGRADER_GRADESCOPE_ROOT:-/autograder}"
python="$root/venv/bin/python"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends bubblewrap python3-venv
python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' || {
  echo "the kit needs Python 3.10 or newer: choose Gradescope's Ubuntu 22.04 image or a later one" >&2; exit 1; }
python3 -m venv "$root/venv"
"$python" -m pip install --upgrade pip
# Editable: the kit stays in source/, where the graders read the source notebook.
"$python" -m pip install -e "$root/source"
"$python" -m autograder kernel
# MNIST (numpynet/data.py): the loader reads the four .gz files from $MNIST_DIR when it is set (a
# custom image that holds them; set it for run_autograder too), else from $NUMPYNET_CACHE/mnist,
# downloading them there now, every file's SHA-256 checked. Nothing is downloaded while grading:
# the sandbox has no network. The sandbox user reads the files through a read-only bind.
export NUMPYNET_CACHE="${NUMPYNET_CACHE:-$root/numpynet-cache}"
"$python" -c "from numpynet import data; print('MNIST in', data.find())"
chmod -R a+rX "$NUMPYNET_CACHE" 2>/dev/null || true
"""

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Gradescope runs this for each submission, from /autograder: it grades the notebook uploaded to
# submission/ with the kit in source/ and writes results/results.json (autograder/gradescope.py).
set -euo pipefail
root="${AUTOGRADER_GRADESCOPE_ROOT:-/autograder}"
export AUTOGRADER_GRADESCOPE_ROOT="$root"
export NUMPYNET_CACHE="${NUMPYNET_CACHE:-$root/numpynet-cache}"
# The kit that grades is the copy in source/, whatever else the interpreter has installed.
export PYTHONPATH="$root/source"
exec "${AUTOGRADER_GRADESCOPE_PYTHON:-$root/venv/bin/python}" -m autograder.gradescope
"""


# ---------------------------------------------------------------------------------------------
# the zip

def stage(assignment, folder, allow_unsandboxed):
    """Lay out ``folder`` as the zip holds it: the kit, ``source/<assignment>/``, the two scripts
    and the settings."""
    folder = Path(folder)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, folder / package, ignore=bundle.UNSHIPPED)
    shutil.copy(ROOT / "pyproject.toml", folder)
    shutil.copytree(ROOT / "source" / assignment, folder / "source" / assignment, ignore=bundle.UNSHIPPED)
    (folder / "setup.sh").write_text(SETUP_SH)
    (folder / "run_autograder").write_text(RUN_AUTOGRADER)
    settings = {"assignment": assignment, "allow_unsandboxed": allow_unsandboxed}
    (folder / SETTINGS).write_text(json.dumps(settings, indent=1, sort_keys=True) + "\n")
    return folder


def problems(folder, assignment):
    """Why the zip staged in ``folder`` must not be written ([] when it may): a file outside the
    kit, the scripts and the settings (tests, environments, builds), another assignment's source,
    or a notebook other than this assignment's source notebook."""
    allowed_tops = {*PACKAGES, "pyproject.toml", *SCRIPTS, SETTINGS, "source"}
    own_source = f"source/{assignment}/"
    found = []
    for name in sorted(bundle.files(folder)):
        if name.split("/")[0] not in allowed_tops:
            found.append(f"{name}: not part of the Gradescope autograder")
        elif name.startswith("source/") and not name.startswith(own_source):
            found.append(f"{name}: another assignment's source")
        elif name.endswith(".ipynb") and name != f"{own_source}{assignment}.ipynb":
            found.append(f"{name}: a notebook other than the source notebook of {assignment}")
    return found


def build(assignment, target_zip, allow_unsandboxed=False):
    """Write the Gradescope autograder zip of ``assignment`` to ``target_zip``; raise
    bundle.BundleRefused, writing nothing, for an unknown assignment or a zip that would hold
    more than it should. ``allow_unsandboxed``: grade unconfined where the sandbox cannot run
    (every result then says so) instead of refusing to grade."""
    if assignment not in release.available():
        raise bundle.BundleRefused(f"no assignment {assignment!r}: source/ holds {release.available()}")
    target_zip = Path(target_zip)
    target_zip.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = stage(assignment, tmp, allow_unsandboxed)
        found = problems(folder, assignment)
        if found:
            raise bundle.BundleRefused(f"Gradescope autograder {assignment} refused:\n  " + "\n  ".join(found))
        return bundle.write_zip(Path(folder), Path(target_zip), prefix="", executable=SCRIPTS)


# ---------------------------------------------------------------------------------------------
# one submission, in Gradescope's container

def gradescope_root():
    """``/autograder``, or the folder ``$AUTOGRADER_GRADESCOPE_ROOT`` names."""
    return Path(os.environ.get(ROOT_ENV, DEFAULT_ROOT))


def graded_report(submission, assignment, sandboxed):
    """The JSON report (``grade.report``) of the upload in ``submission``, graded as the only
    submission of a temporary class; ``grade.prepare`` names its single notebook as the
    assignment's and replaces any student package."""
    grade.prepare_environment()
    with tempfile.TemporaryDirectory(prefix="gradescope-class-") as tmp:
        class_dir = Path(tmp) / "class"
        shutil.copytree(submission, class_dir / "submitted" / STUDENT / assignment, symlinks=True)
        grade.grade_class(class_dir, [assignment], jobs=1, progress=False, sandboxed=sandboxed)
        return json.loads(grade.report_path(class_dir, STUDENT, assignment).read_text())


def hidden_tests(assignment):
    """The grade ids of the test cells that hold hidden tests in the source notebook."""
    source_nb = notebook.read(ROOT / "source" / assignment / f"{assignment}.ipynb")
    return {notebook.grade_id(c) for c in source_nb.cells if notebook.is_test(c) and notebook.HIDDEN.search(c.source)}


def gradescope_test(test, hidden):
    """One report test as a Gradescope test: its message, never its code or a traceback; one
    holding hidden tests is shown once grades are published."""
    name = f"{test['test']} (bonus)" if test.get("bonus") else test["test"]
    return {"name": name, "score": test["points"], "max_score": test["max_points"],
            "status": "passed" if test["passed"] else "failed",
            "output": test["message"] or ("passed" if test["passed"] else "no points"),
            "visibility": HIDDEN_VISIBILITY if test["test"] in hidden else "visible"}


UNSANDBOXED = ("WARNING: graded WITHOUT the sandbox (this autograder was built with allow_unsandboxed=True): "
               "student code ran with the autograder's rights, network and files.")


def where_code_ran(sandboxed):
    return "Student code ran in the bubblewrap sandbox." if sandboxed else UNSANDBOXED


def summary(entry, tests, hidden, sandboxed):
    """The results' ``output``, shown to the student at once: the tests' score (written answers
    are graded by hand, apart from it), why a notebook could not be graded or what was noted, the
    errors of the student's own cells, where the code ran. Messages of hidden tests are not
    repeated here: they wait for the grades."""
    regular = [t for t in entry["tests"] if not t.get("bonus")]
    bonus = [t for t in entry["tests"] if t.get("bonus")]
    lines = [f"{entry['assignment']}: {sum(t['points'] for t in regular):g} / {sum(t['max_points'] for t in regular):g} "
             "points from the tests."]
    if bonus:
        lines.append(f"Bonus: {sum(t['points'] for t in bonus):g} of {sum(t['max_points'] for t in bonus):g} points, "
                     "on top of the maximum.")
    written = entry.get("written", [])
    if written:
        lines.append(f"{len(written)} written answers ({sum(w['max_points'] for w in written):g} points) are "
                     "graded by hand, apart from this score.")
    if entry["status"] != "graded":
        lines.append(f"Your submission could not be graded: {entry['reason']}. Upload one notebook (.ipynb) "
                     "as JupyterLab saved it; its name does not matter.")
    elif entry["reason"]:
        lines.append(f"Note: {entry['reason']}.")
    lines += [f"Cell {error['cell']} raised {error['error']}" for error in entry["cell_errors"]]
    if hidden:
        lines.append(f"{len(hidden)} of the {len(tests)} tests include hidden tests: their results are shown "
                     "when grades are published.")
    lines.append(where_code_ran(sandboxed))
    return "\n".join(lines)


def results(entry, hidden, sandboxed):
    """Gradescope's results.json (without execution_time) from a report entry: its tests' points."""
    tests = [gradescope_test(test, hidden) for test in entry["tests"]]
    return {"score": sum(t["score"] for t in tests), "output": summary(entry, tests, hidden, sandboxed),
            "stdout_visibility": "hidden", "tests": tests}


def not_graded(output):
    """The results of a submission that was not graded: no points, and why."""
    return {"score": 0.0, "output": output, "stdout_visibility": "hidden", "tests": []}


def no_sandbox(problem, assignment):
    """Why a submission is not graded where the sandbox cannot run, and what the instructor can do."""
    return not_graded(
        "Not graded: student code runs only inside the autograder's bubblewrap sandbox, and "
        f"{problem.removesuffix('; ' + probe.BYPASS)}. Instructor: setup.sh installs bubblewrap (see the image's "
        "build log); where Gradescope's container does not allow the user namespaces bwrap needs, grade on your "
        "own machines (`make autograde`), or rebuild this autograder with allow_unsandboxed=True (`python -m "
        f"autograder gradescope {assignment} --allow-unsandboxed`), knowing that student code then runs with the "
        "autograder's rights in Gradescope's container. Then regrade the submissions.")


def grade_upload(root):
    """Gradescope's results for the submission in ``root/submission``, graded with the settings
    the zip was built with."""
    settings = json.loads((root / "source" / SETTINGS).read_text())
    assignment = settings["assignment"]
    problem = sandbox.problem()
    if problem and not settings["allow_unsandboxed"]:
        return no_sandbox(problem, assignment)
    sandboxed = problem is None
    return results(graded_report(root / "submission", assignment, sandboxed), hidden_tests(assignment), sandboxed)


def run():
    """Grade the upload into ``results/results.json`` under the Gradescope root. Whatever goes
    wrong, a result is written: the error's details go to the autograder's output, which only
    instructors see (``stdout_visibility``)."""
    start = time.monotonic()
    root = gradescope_root()
    try:
        outcome = grade_upload(root)
    except Exception as err:  # noqa: BLE001 - Gradescope must get a result, whatever went wrong
        traceback.print_exc()
        outcome = not_graded(f"The autograder failed on this submission ({type(err).__name__}); your instructor "
                             "can see why in its output and regrade it.")
    outcome["execution_time"] = round(time.monotonic() - start)
    target = root / "results" / "results.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(outcome, indent=1))
    return target


if __name__ == "__main__":
    run()
