"""Student bundles (autograder/bundle.py): each dist/<assignment>.zip unpacks into one folder that
works in a fresh virtual environment holding only its requirements-student.txt (the model answers
pass the visible tests and find MNIST through MNIST_DIR; the blank release fails its first test),
carries no solution, hidden test, checks module or locked reference, and the builder refuses a
release that would leak."""
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile

import nbformat
import pytest

from autograder import bundle, cli, edition, notebook, release, student_package
from conftest import ROOT
from numpynet import data

ASSIGNMENTS = release.available()
# The model answers of ps1-ps3 run in 10-20 s each here; ps4's train the CNN for 1.5 min (`make test-slow`).
FULL_RUNS = ["ps1_activations", "ps2_optimizers", "ps3_initialization",
             pytest.param("ps4_cnn", marks=pytest.mark.slow)]
needs_mnist = pytest.mark.skipif(not os.environ.get("MNIST_DIR"), reason="MNIST_DIR is not set")
BLOCK = re.compile(r"^\s*### BEGIN (SOLUTION|HIDDEN TESTS)\s*$.*?^\s*### END \1\s*$\n?", re.M | re.S)

# Run by the student environment's Python: execute a notebook in place, stopping at the first
# error as Run All does, and keep what ran (with the error) in the file.
RUNNER = """
import os, sys, nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
try:
    NotebookClient(nb, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": os.path.dirname(path)}}).execute()
except CellExecutionError:
    pass
nbformat.write(nb, path)
"""
# The first cell of every run: where numpynet comes from, which Python runs, whether the grader
# could be imported.
PROBE = ("import importlib.util, json, sys, numpynet\n"
         "print(json.dumps({'numpynet': numpynet.__file__, 'prefix': sys.prefix,\n"
         "                  'autograder': importlib.util.find_spec('autograder') is not None}))")


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    """{assignment: its zip}, built from assignments/ into a folder of the test's own."""
    folder = tmp_path_factory.mktemp("dist")
    return {path.stem: path for path in bundle.build(dist_dir=folder)}


@pytest.fixture(scope="module")
def student_venv(tmp_path_factory, dist):
    """One fresh virtual environment (no system site packages) with only requirements-student.txt."""
    venv = tmp_path_factory.mktemp("student") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    requirements = venv.parent / bundle.REQUIREMENTS
    with zipfile.ZipFile(dist[ASSIGNMENTS[0]]) as archive:
        requirements.write_bytes(archive.read(f"{ASSIGNMENTS[0]}/{bundle.REQUIREMENTS}"))
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-r", str(requirements)],
                         capture_output=True, text=True)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return venv


def student_env(venv, home):
    """A student's environment: the venv first on PATH, a home of its own (no Jupyter or
    matplotlib settings, an empty MNIST cache), MNIST_DIR; nothing else from the test process."""
    env = {"PATH": os.pathsep.join([str(venv / "bin"), "/usr/bin", "/bin"]), "HOME": str(home),
           "LANG": "C.UTF-8", "NUMPYNET_CACHE": str(home / "cache"), "MNIST_DIR": os.environ["MNIST_DIR"]}
    if "OPENBLAS_NUM_THREADS" in os.environ:
        env["OPENBLAS_NUM_THREADS"] = os.environ["OPENBLAS_NUM_THREADS"]
    return env


def unpack(zip_path, folder):
    """Unzip into the empty ``folder``; the bundle's one top folder."""
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    assert os.listdir(folder) == [zip_path.stem]
    return folder / zip_path.stem


def model_answers(nb, assignment):
    """``nb`` with every answer cell holding the source notebook's model answer."""
    source = notebook.read(ROOT / "source" / assignment / f"{assignment}.ipynb")
    for cell in source.cells:
        if notebook.is_answer(cell):
            nb = notebook.replace_answer(nb, notebook.grade_id(cell), notebook.strip_markers(cell.source))
    return nb


def run_as_student(venv, top, nb, home):
    """Execute ``nb`` (the probe cell first) as ``top``'s notebook with the student venv's Python;
    the executed notebook, which ends at the first error."""
    nb.cells.insert(0, nbformat.v4.new_code_cell(PROBE))
    path = top / f"{top.name}.ipynb"
    nbformat.write(nb, str(path))
    home.mkdir()
    proc = subprocess.run([str(venv / "bin" / "python"), "-c", RUNNER, str(path)], cwd=top,
                          env=student_env(venv, home), capture_output=True, text=True, timeout=3600)
    assert proc.returncode == 0, proc.stderr
    return notebook.read(path)


def stdout_of(cell):
    return "".join(out.get("text", "") for out in cell.get("outputs", []) if out.output_type == "stream")


def errors_in(nb):
    return [(notebook.grade_id(c), out.ename, out.evalue) for c in nb.cells if c.cell_type == "code"
            for out in c.get("outputs", []) if out.output_type == "error"]


def assert_isolated(nb, venv, top):
    """The probe ran numpynet from the bundle, in the student venv, without the grader."""
    probe = json.loads(stdout_of(nb.cells[0]))
    assert probe["numpynet"].startswith(str(top / "numpynet")), probe
    assert probe["prefix"] == str(venv), probe
    assert not probe["autograder"], probe


def released_notebook(top):
    return notebook.read(top / f"{top.name}.ipynb")


@needs_mnist
@pytest.mark.parametrize("assignment", FULL_RUNS)
def test_model_answers_pass_in_a_fresh_student_venv(assignment, dist, student_venv, tmp_path):
    top = unpack(dist[assignment], tmp_path / "unpacked")
    nb = run_as_student(student_venv, top, model_answers(released_notebook(top), assignment), tmp_path / "home")
    assert_isolated(nb, student_venv, top)
    assert errors_in(nb) == []
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), "the run stopped before the end"
    loaded = [stdout_of(c) for c in code if "load_mnist(" in c.source]
    assert loaded and all("(10000, 28, 28, 1)" in out for out in loaded), loaded
    assert not any((tmp_path / "home" / "cache").rglob("*")), "MNIST was downloaded: MNIST_DIR was not used"
    shown = json.dumps([c.get("outputs", []) for c in code])
    assert "IProgress not found" not in shown, "tqdm found no ipywidgets for its progress bar"


@needs_mnist
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_release_fails_its_first_test_with_not_implemented(assignment, dist, student_venv, tmp_path):
    top = unpack(dist[assignment], tmp_path / "unpacked")
    nb = run_as_student(student_venv, top, released_notebook(top), tmp_path / "home")
    assert_isolated(nb, student_venv, top)
    first_test = next(notebook.grade_id(c) for c in nb.cells if notebook.is_test(c))
    assert errors_in(nb)[:1] == [(first_test, "NotImplementedError", "")], errors_in(nb)


def test_student_venv_has_jupyterlab_and_a_kernel_but_no_grader(student_venv):
    python, jupyter = student_venv / "bin" / "python", student_venv / "bin" / "jupyter"
    assert subprocess.run([str(jupyter), "lab", "--version"], capture_output=True).returncode == 0
    subprocess.run([str(python), "-c", "import ipykernel, ipywidgets, matplotlib, nbclient, numpy, tqdm"], check=True)
    for absent in ("nbgrader", "torch", "autograder"):
        found = subprocess.run([str(python), "-c", f"import {absent}"], capture_output=True, cwd=student_venv)
        assert found.returncode != 0, f"{absent} is importable in the student venv"


def _spec(requirement):
    name, spec = re.match(r"([A-Za-z0-9_.-]+)(.*)", requirement).groups()
    return name.lower(), spec


def test_requirements_are_the_notebooks_needs_with_pyproject_bounds(dist):
    with zipfile.ZipFile(dist[ASSIGNMENTS[0]]) as archive:
        listed = dict(map(_spec, archive.read(f"{ASSIGNMENTS[0]}/{bundle.REQUIREMENTS}").decode().split()))
    project = dict(map(_spec, tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]))
    assert set(listed) == {"numpy", "matplotlib", "tqdm", "jupyterlab", "ipywidgets"}
    for name in ("numpy", "matplotlib", "tqdm"):
        assert listed[name] == project[name]


def secret_lines(assignment):
    """Lines that only the source notebook's solutions and hidden tests hold."""
    cells = [c.source for c in notebook.read(ROOT / "source" / assignment / f"{assignment}.ipynb").cells]
    inside = {line.strip() for text in cells for block in BLOCK.finditer(text)
              for line in block.group(0).splitlines()[1:-1]}
    outside = {line.strip() for text in cells for line in BLOCK.sub("", text).splitlines()}
    return inside - outside - {""}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_bundle_holds_the_release_and_nothing_else(assignment, dist, tmp_path):
    with zipfile.ZipFile(dist[assignment]) as archive:
        entries = archive.infolist()
    names = [entry.filename for entry in entries]
    assert names == sorted(f"{assignment}/{name}" for name in bundle.bundle_files(assignment))
    assert {entry.date_time for entry in entries} == {bundle.ZIP_DATE}
    top = unpack(dist[assignment], tmp_path)
    for name in bundle.bundle_files(assignment) - {bundle.README, bundle.REQUIREMENTS}:
        assert (top / name).read_bytes() == (release.ASSIGNMENTS_DIR / assignment / name).read_bytes(), name
    assert student_package.unlocked_references(assignment, top / "numpynet") == []
    student_text = "\n".join(c.source for c in released_notebook(top).cells) + (top / bundle.README).read_text()
    student_lines = {line.strip() for line in student_text.splitlines()}
    assert secret_lines(assignment), "no solution or hidden test found in the source notebook"
    assert student_lines.isdisjoint(secret_lines(assignment))
    every_text = "\n".join((top / name).read_text() for name in bundle.files(top))
    for marker in ("### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS", "autograder"):
        assert marker not in every_text


def test_the_korean_bundle_holds_the_korean_edition_and_a_korean_readme(tmp_path):
    [path] = bundle.build([ASSIGNMENTS[0]], tmp_path, editions=["ko"])
    assert path == tmp_path / "ko" / f"{ASSIGNMENTS[0]}.zip"
    with zipfile.ZipFile(path) as archive:
        readme = archive.read(f"{ASSIGNMENTS[0]}/{bundle.README}").decode()
        nb = nbformat.reads(archive.read(f"{ASSIGNMENTS[0]}/{ASSIGNMENTS[0]}.ipynb").decode(), as_version=4)
    assert edition.edition_of(nb) == "ko" and "## 설치" in readme and "## 제출" in readme
    for needed in ("python -m venv .venv", f"jupyter lab {ASSIGNMENTS[0]}.ipynb", "MNIST_DIR", "SHA-256",
                   "Restart Kernel and Run All Cells"):
        assert needed in readme, needed


def test_a_rebuild_gives_the_same_bytes(dist, tmp_path):
    for path in bundle.build(dist_dir=tmp_path):
        assert path.read_bytes() == dist[path.stem].read_bytes(), path.name


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_readme_says_how_to_install_open_find_mnist_and_submit(assignment, dist):
    with zipfile.ZipFile(dist[assignment]) as archive:
        readme = archive.read(f"{assignment}/{bundle.README}").decode()
    for needed in ("python -m venv .venv", f"pip install -r {bundle.REQUIREMENTS}", f"jupyter lab {assignment}.ipynb",
                   "MNIST_DIR", "NUMPYNET_CACHE", "~/.cache/numpynet/mnist", "SHA-256",
                   "Restart Kernel and Run All Cells", f"hand in `{assignment}.ipynb`"):
        assert needed in readme, needed
    assert all(name in readme for name, _ in data.FILES.values())


# Leaks planted in a copy of the release: each changes one thing in assignments/ps1_activations.
ATTACKED = "ps1_activations"


def plant_source_notebook(folder):
    shutil.copy(ROOT / "source" / ATTACKED / f"{ATTACKED}.ipynb", folder / f"{ATTACKED}.ipynb")


def plant_solution_notebook(folder):
    source = notebook.read(ROOT / "source" / ATTACKED / f"{ATTACKED}.ipynb")
    nbformat.write(release.solution_notebook(source), str(folder / f"{ATTACKED}.ipynb"))


def _edit_first_test_cell(folder, text):
    nb = notebook.read(folder / f"{ATTACKED}.ipynb")
    cell = next(c for c in nb.cells if notebook.is_test(c))
    cell.source += text
    nbformat.write(nb, str(folder / f"{ATTACKED}.ipynb"))


def plant_hidden_test(folder):
    _edit_first_test_cell(folder, "\n### BEGIN HIDDEN TESTS\n"
                                  "assert Sigmoid().forward(0.0) == 0.5\n### END HIDDEN TESTS")


def plant_autograder_import(folder):
    _edit_first_test_cell(folder, "\nfrom autograder.checks import activations as hidden")


def plant_reference_implementation(folder):
    shutil.copy(ROOT / "numpynet" / "activations.py", folder / "numpynet" / "activations.py")


def plant_autograder_package(folder):
    shutil.copytree(ROOT / "autograder" / "checks", folder / "autograder" / "checks",
                    ignore=bundle.UNSHIPPED)


def plant_checks_module_in_the_package(folder):
    shutil.copy(ROOT / "autograder" / "checks" / "activations.py", folder / "numpynet" / "checks.py")


def plant_outdated_notebook(folder):
    nb = notebook.read(folder / f"{ATTACKED}.ipynb")
    nb.cells[0].source += "\n\nAn older wording."
    nbformat.write(nb, str(folder / f"{ATTACKED}.ipynb"))


@pytest.mark.parametrize("plant, refusal", [
    (plant_source_notebook, "contains 'BEGIN SOLUTION'"),
    (plant_solution_notebook, f"{ATTACKED}.ipynb is older than source/{ATTACKED}"),
    (plant_hidden_test, "contains 'BEGIN HIDDEN TESTS'"),
    (plant_autograder_import, "contains 'from autograder'"),
    (plant_reference_implementation, "ReLU.forward carries a reference implementation"),
    (plant_autograder_package, "autograder/checks/activations.py: not part of a student bundle"),
    (plant_checks_module_in_the_package, "numpynet/checks.py: not part of a student bundle"),
    (plant_outdated_notebook, "run `make release`"),
])
def test_builder_refuses_a_release_that_leaks(plant, refusal, tmp_path, monkeypatch):
    copy = tmp_path / "assignments"
    shutil.copytree(release.ASSIGNMENTS_DIR / ATTACKED, copy / ATTACKED, ignore=bundle.UNSHIPPED)
    monkeypatch.setattr(release, "ASSIGNMENTS_DIR", copy)
    dist_dir = tmp_path / "dist"
    assert bundle.build([ATTACKED], dist_dir) == [dist_dir / f"{ATTACKED}.zip"]  # the copy itself is fine
    (dist_dir / f"{ATTACKED}.zip").unlink()
    plant(copy / ATTACKED)
    with pytest.raises(bundle.BundleRefused, match=re.escape(refusal)):
        bundle.build([ATTACKED], dist_dir)
    assert list(dist_dir.iterdir()) == []


def test_caches_and_checkpoints_stay_out(tmp_path, monkeypatch):
    copy = tmp_path / "assignments"
    shutil.copytree(release.ASSIGNMENTS_DIR / ATTACKED, copy / ATTACKED, ignore=bundle.UNSHIPPED)
    monkeypatch.setattr(release, "ASSIGNMENTS_DIR", copy)
    for left_by_a_run in ("numpynet/__pycache__/activations.cpython-311.pyc",
                          f".ipynb_checkpoints/{ATTACKED}-checkpoint.ipynb"):
        (copy / ATTACKED / left_by_a_run).parent.mkdir(parents=True)
        (copy / ATTACKED / left_by_a_run).write_text("from autograder.checks import activations")
    [path] = bundle.build([ATTACKED], tmp_path / "dist")
    with zipfile.ZipFile(path) as archive:
        assert not any("__pycache__" in name or "checkpoint" in name for name in archive.namelist())


def test_the_command_line_says_why_it_refuses(tmp_path, monkeypatch):
    monkeypatch.setattr(release, "ASSIGNMENTS_DIR", tmp_path / "assignments")
    with pytest.raises(SystemExit, match="missing: run `make release`"):
        cli.main(["bundles", ATTACKED, "--dist", str(tmp_path / "dist")])
