"""The Gradescope autograder (autograder/gradescope.py) as Gradescope runs it: the zip of
ps1_activations is built and unpacked into a fake ``/autograder`` tree (``<tmp>/autograder``, named
by AUTOGRADER_GRADESCOPE_ROOT), and its ``run_autograder`` grades a correct, a wrong and a broken
upload in a subprocess, each in a fresh tree as in a fresh container; ``results/results.json`` is
checked against Gradescope's format.

``setup.sh`` is not run here: it apt-gets bubblewrap and builds a virtual environment with the kit
(root, network, minutes). This repository's ``.venv`` holds what it installs (the kit's
dependencies, its kernels), so ``run_autograder`` runs with this interpreter, which
AUTOGRADER_GRADESCOPE_PYTHON names in place of the venv setup.sh makes; ``run_autograder`` puts the
unpacked ``source/`` first on PYTHONPATH, so the kit that grades is the zip's copy, not this
repository's. setup.sh itself is checked as bash (``bash -n``) and for what it installs."""
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from autograder import bundle, demo, gradescope, grade, notebook, sandbox
from autograder.course import ROOT
from autograder.sandbox import DEFAULT_LIMITS, bwrap
from corpus_loader import load_entry

ASSIGNMENT = "ps1_activations"
MISTAKE = "relu_forward_inplace"
needs_sandbox = pytest.mark.skipif(sandbox.problem() is not None, reason=f"no sandbox here: {sandbox.problem()}")
# What bwrap says where user namespaces are disabled (as in many containers)
NO_USERNS_BWRAP = """#!/bin/sh
echo "bwrap: No permissions to create new namespace, likely because the kernel does not allow non-privileged user namespaces." >&2
exit 1
"""
TEST_FIELDS = {"name": str, "score": float, "max_score": float, "output": str, "status": str, "visibility": str}


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory):
    return gradescope.build(ASSIGNMENT, tmp_path_factory.mktemp("zip") / "autograder.zip")


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The released notebook, generated from the source (assignments/ may be older)."""
    grade.prepare_environment()
    return grade.init_class(tmp_path_factory.mktemp("release") / "class", [ASSIGNMENT]) / "release"


def unpack(archive, root):
    """Gradescope's tree: the zip in ``root/source`` with its permissions, run_autograder copied
    to ``root``."""
    source = Path(root) / "source"
    with zipfile.ZipFile(archive) as zipped:
        for entry in zipped.infolist():
            zipped.extract(entry, source)
            (source / entry.filename).chmod(entry.external_attr >> 16)
    shutil.copy2(source / "run_autograder", Path(root) / "run_autograder")
    return Path(root)


def fake_bwrap(folder):
    """A folder whose ``bwrap`` fails as it does without user namespaces."""
    folder.mkdir()
    (folder / "bwrap").write_text(NO_USERNS_BWRAP)
    (folder / "bwrap").chmod(0o755)
    return folder


def run_autograder(archive, folder, upload, path_first=None):
    """Gradescope's run of one upload ({file name: bytes}; None: no submission folder at all) in
    a fresh tree in ``folder``, from the tree's root with a minimal environment; (results.json's
    content, the tree's root)."""
    root = unpack(archive, folder / "autograder")
    for name, data in (upload or {}).items():
        (root / "submission").mkdir(exist_ok=True)
        (root / "submission" / name).write_bytes(data)
    path = os.pathsep.join(filter(None, [str(path_first or ""), os.environ["PATH"]]))
    env = {"PATH": path, "HOME": str(folder / "home"), "LANG": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1",
           gradescope.ROOT_ENV: str(root), gradescope.PYTHON_ENV: sys.executable,
           **{k: os.environ[k] for k in ("MNIST_DIR",) if k in os.environ}}
    proc = subprocess.run([str(root / "run_autograder")], cwd=root, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads((root / "results" / "results.json").read_text()), root


def notebook_bytes(released, kind):
    return nbformat.writes(demo.submission(ASSIGNMENT, kind, released)).encode()


def broken_bytes(released):
    """A notebook cut in half: not JSON."""
    text = notebook_bytes(released, "model")
    return text[: len(text) // 2]


@pytest.fixture(scope="module")
def unconfined_zip(tmp_path_factory):
    return gradescope.build(ASSIGNMENT, tmp_path_factory.mktemp("zip") / "unconfined.zip", allow_unsandboxed=True)


@pytest.fixture(scope="module")
def graded(autograder_zip, unconfined_zip, released, tmp_path_factory):
    """{kind: (results, root)} for a correct upload, a wrong one under another name and a broken
    one. The broken one is graded by a zip built with allow_unsandboxed=True where bwrap cannot
    run: no kernel starts for it in either case, and one grading fewer covers the unconfined path."""
    if sandbox.problem() is not None:
        pytest.skip(f"no sandbox here: {sandbox.problem()}")
    correct = {f"{ASSIGNMENT}.ipynb": notebook_bytes(released, "model")}
    wrong = {"cleo ps1.ipynb": notebook_bytes(released, f"corpus:{MISTAKE}")}
    broken = {f"{ASSIGNMENT}.ipynb": broken_bytes(released)}
    unconfined = tmp_path_factory.mktemp("broken")
    return {"correct": run_autograder(autograder_zip, tmp_path_factory.mktemp("correct"), correct),
            "wrong": run_autograder(autograder_zip, tmp_path_factory.mktemp("wrong"), wrong),
            "broken": run_autograder(unconfined_zip, unconfined, broken, path_first=fake_bwrap(unconfined / "bin"))}


def hidden_code_lines():
    """Every line of hidden-test code in the source notebook long enough to be recognised."""
    source_nb = notebook.read(ROOT / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    blocks = [block for c in source_nb.cells if notebook.is_test(c) for block in notebook.HIDDEN.findall(c.source)]
    return {line.strip() for block in blocks for line in block.splitlines() if len(line.strip()) >= 20}


def assert_gradescope_format(results):
    """Gradescope's fields, with their types, and a score that is the tests' sum."""
    assert type(results["score"]) is float and type(results["execution_time"]) is int
    assert results["execution_time"] >= 0 and isinstance(results["output"], str) and results["output"]
    assert results["stdout_visibility"] == "hidden"
    for test in results["tests"]:
        assert {field: type(test[field]) for field in TEST_FIELDS} == TEST_FIELDS, test
        assert test["status"] == ("passed" if test["score"] >= test["max_score"] else "failed"), test
        assert test["visibility"] in ("visible", "after_published"), test
    assert results["score"] == sum(test["score"] for test in results["tests"])


# ---------------------------------------------------------------------------------------------
# the zip

def test_the_zip_holds_the_kit_and_this_assignment_only(autograder_zip):
    with zipfile.ZipFile(autograder_zip) as zipped:
        modes = {entry.filename: entry.external_attr >> 16 for entry in zipped.infolist()}
        settings = json.loads(zipped.read(gradescope.SETTINGS))
    names = set(modes)
    assert {"setup.sh", "run_autograder", "pyproject.toml", f"source/{ASSIGNMENT}/{ASSIGNMENT}.ipynb",
            "autograder/gradescope.py", "autograder/checks/activations.py", "numpynet/activations.py"} <= names
    assert {name.split("/")[0] for name in names} == {"setup.sh", "run_autograder", "pyproject.toml",
                                                      gradescope.SETTINGS, "source", "autograder", "numpynet"}
    assert {name for name in names if name.startswith("source/")} == {f"source/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"}
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert modes["setup.sh"] == modes["run_autograder"] == 0o755 and modes["pyproject.toml"] == 0o644
    assert settings == {"assignment": ASSIGNMENT, "allow_unsandboxed": False}


def test_building_twice_gives_the_same_bytes(autograder_zip, tmp_path):
    again = gradescope.build(ASSIGNMENT, tmp_path / "again.zip")
    assert again.read_bytes() == autograder_zip.read_bytes()


def test_a_stray_file_another_assignment_or_an_unknown_one_is_refused(tmp_path):
    folder = gradescope.stage(ASSIGNMENT, tmp_path / "staged", allow_unsandboxed=False)
    assert gradescope.problems(folder, ASSIGNMENT) == []
    for stray in ("tests/test_activations.py", "source/ps2_optimizers/ps2_optimizers.ipynb", ".venv/pyvenv.cfg",
                  "autograder/solution.ipynb"):
        (folder / stray).parent.mkdir(parents=True, exist_ok=True)
        (folder / stray).write_text("{}")
    found = gradescope.problems(folder, ASSIGNMENT)
    assert [problem.split(":")[0] for problem in found] == [".venv/pyvenv.cfg", "autograder/solution.ipynb",
                                                            "source/ps2_optimizers/ps2_optimizers.ipynb",
                                                            "tests/test_activations.py"], found
    with pytest.raises(bundle.BundleRefused, match="no assignment"):
        gradescope.build("ps9_nothing", tmp_path / "nothing.zip")
    assert not (tmp_path / "nothing.zip").exists()


def test_setup_sh_is_bash_that_installs_bubblewrap_a_venv_with_the_kit_its_kernels_and_mnist(autograder_zip,
                                                                                           tmp_path):
    source = unpack(autograder_zip, tmp_path / "autograder") / "source"
    for script in gradescope.SCRIPTS:
        check = subprocess.run(["bash", "-n", str(source / script)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
    setup = (source / "setup.sh").read_text()
    for step in (r"apt-get install -y .*\bbubblewrap\b.*\bpython3-venv\b", r"python3 -m venv \"\$root/venv\"",
                 r"pip install -e \"\$root/source\"", r"-m autograder kernel", r"MNIST_DIR",
                 r"data\.find\(\)", r"SHA-256"):
        assert re.search(step, setup), step
    assert setup.startswith("#!/usr/bin/env bash\n") and "set -euo pipefail" in setup


@needs_sandbox
def test_the_sandbox_shows_student_code_nothing_of_the_autograder_tree(autograder_zip, tmp_path):
    """A process started the way a grading kernel is, in Gradescope's layout, looks for the
    unpacked source (hidden tests), the upload and the results, and finds none."""
    root = unpack(autograder_zip, tmp_path / "autograder")
    for folder in ("submission", "results", "numpynet-cache/mnist", "private", "copy"):
        (root / folder).mkdir(parents=True)
    looked_for = [root / "source", root / "source" / "source" / ASSIGNMENT, root / "submission", root / "results",
                  root / "run_autograder"]
    code = f"import json, os; print(json.dumps([os.path.exists(p) for p in {[str(p) for p in looked_for]!r}]))"
    kernel = bwrap.Kernel(argv=[sys.executable, "-c", code], private_dir=root / "private",
                          submission=root / "copy", env={"NUMPYNET_CACHE": str(root / "numpynet-cache")})
    proc = subprocess.run(bwrap.command(kernel, DEFAULT_LIMITS), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [False] * len(looked_for)


# ---------------------------------------------------------------------------------------------
# grading uploads

def test_a_correct_upload_gets_every_point_of_the_tests(graded):
    results, root = graded["correct"]
    failing = {t["name"]: t["output"] for t in results["tests"] if t["status"] != "passed"}
    assert not failing and results["score"] == sum(t["max_score"] for t in results["tests"]) > 0
    source_nb = notebook.read(ROOT / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    assert [t["name"] for t in results["tests"]] == list(notebook.points(source_nb))
    assert "ran in the bubblewrap sandbox" in results["output"]
    assert (root / "source" / "build" / "jupyter").is_dir(), "graded by the unpacked kit (its ROOT/build)"


def test_a_wrong_upload_loses_points_on_the_failing_test_with_its_message(graded):
    results, _ = graded["wrong"]
    expected = load_entry(ROOT / "tests" / "corpus" / ASSIGNMENT / f"{MISTAKE}.py")
    failed = {t["name"]: t["output"] for t in results["tests"] if t["status"] == "failed"}
    assert set(expected.fails) <= set(failed), failed
    assert any(re.search(expected.message, failed[name], re.S) for name in expected.fails), failed
    assert 0 < results["score"] < sum(t["max_score"] for t in results["tests"])
    assert "the notebook was named cleo ps1.ipynb" in results["output"]


def test_a_broken_upload_gets_zero_and_says_why(graded):
    results, _ = graded["broken"]
    assert results["score"] == 0 and all(t["score"] == 0 for t in results["tests"])
    assert "could not be graded" in results["output"] and "not a valid notebook" in results["output"]


@pytest.mark.parametrize("kind", ["correct", "wrong", "broken"])
def test_results_have_gradescope_fields_and_no_hidden_test_code(graded, kind):
    results, _ = graded[kind]
    assert_gradescope_format(results)
    text, code_lines = json.dumps(results), hidden_code_lines()
    shown = [line for line in code_lines if line in text or json.dumps(line)[1:-1] in text]
    assert code_lines
    assert not shown and "Traceback" not in text and "HIDDEN TESTS" not in text, shown
    hidden = gradescope.hidden_tests(ASSIGNMENT)
    assert hidden and all(t["visibility"] == ("after_published" if t["name"] in hidden else "visible")
                          for t in results["tests"])


def test_a_visible_test_shows_at_once_and_a_hidden_one_when_grades_are_published():
    entry = {"assignment": ASSIGNMENT, "status": "graded", "reason": "", "cell_errors": [],
             "tests": [{"test": "test_seen", "points": 1.0, "max_points": 1.0, "passed": True, "message": ""},
                       {"test": "test_unseen", "points": 0.0, "max_points": 2.0, "passed": False,
                        "message": "AssertionError: ReLU.forward modified its input in place"}]}
    results = gradescope.results(entry, {"test_unseen"}, sandboxed=True)
    assert [(t["name"], t["visibility"], t["status"], t["output"]) for t in results["tests"]] == [
        ("test_seen", "visible", "passed", "passed"),
        ("test_unseen", "after_published", "failed", "AssertionError: ReLU.forward modified its input in place")]
    assert results["score"] == 1.0 and "in place" not in results["output"]


def test_a_bonus_test_is_named_so_and_kept_out_of_the_points_of_the_tests():
    entry = {"assignment": "ps3_initialization", "status": "graded", "reason": "", "cell_errors": [],
             "tests": [{"test": "test_fans_dense", "points": 2.0, "max_points": 2.0, "passed": True, "message": ""},
                       {"test": "test_bonus_batchnorm_eval", "points": 1.0, "max_points": 1.0, "passed": True,
                        "message": "", "bonus": True}]}
    results = gradescope.results(entry, set(), sandboxed=True)
    assert [t["name"] for t in results["tests"]] == ["test_fans_dense", "test_bonus_batchnorm_eval (bonus)"]
    assert results["score"] == 3.0
    assert "2 / 2 points from the tests" in results["output"] and "Bonus: 1 of 1 points" in results["output"]


# ---------------------------------------------------------------------------------------------
# where the sandbox cannot run

def test_without_a_sandbox_nothing_is_graded_and_the_instructor_is_told_why(autograder_zip, released, tmp_path):
    results, _ = run_autograder(autograder_zip, tmp_path, {f"{ASSIGNMENT}.ipynb": notebook_bytes(released, "model")},
                                path_first=fake_bwrap(tmp_path / "bin"))
    assert_gradescope_format(results)
    assert results["score"] == 0 and results["tests"] == []
    assert "Not graded" in results["output"] and "user namespaces are disabled" in results["output"]
    assert "allow_unsandboxed=True" in results["output"] and "--unsafe-no-sandbox" not in results["output"]


def test_a_zip_built_to_allow_it_grades_unconfined_and_says_so(graded, unconfined_zip):
    with zipfile.ZipFile(unconfined_zip) as zipped:
        assert json.loads(zipped.read(gradescope.SETTINGS))["allow_unsandboxed"] is True
    results, _ = graded["broken"]
    assert gradescope.UNSANDBOXED in results["output"] and "ran in the bubblewrap sandbox" not in results["output"]


@needs_sandbox
def test_an_autograder_failure_still_gives_a_result_without_its_details(autograder_zip, tmp_path):
    results, _ = run_autograder(autograder_zip, tmp_path, upload=None)
    assert_gradescope_format(results)
    assert results["score"] == 0 and "The autograder failed on this submission (FileNotFoundError)" in results["output"]
    assert "Traceback" not in json.dumps(results)
