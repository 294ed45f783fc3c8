"""Student material: ``assignments/`` (nbgrader generate_assignment plus the student package) and
``solutions/`` (executed model answers without nbgrader markers or hidden tests)."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from . import config, edition, notebook, student_package
from .course import ASSIGNMENTS, ROOT, locked_in

ASSIGNMENTS_DIR = ROOT / "assignments"
SOLUTIONS_DIR = ROOT / "solutions"
BUILD = ROOT / "build"


def available():
    """The assignments whose source notebook exists, in course order."""
    return [a for a in ASSIGNMENTS if (ROOT / "source" / a / f"{a}.ipynb").exists()]


def nbgrader(args, course_dir, check=True, timeout=None):
    """Run the real nbgrader command line in ``course_dir`` (which holds its nbgrader_config.py).

    This environment's bin/ goes first on PATH: nbgrader runs ``alembic`` to set up the gradebook,
    and Jupyter finds the kernel there."""
    cmd = [sys.executable, "-m", "nbgrader", *args]
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    proc = subprocess.run(cmd, cwd=course_dir, capture_output=True, text=True, env=env, timeout=timeout)
    if check and proc.returncode != 0:
        raise RuntimeError(f"`nbgrader {' '.join(args)}` failed in {course_dir}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def release(assignments=None):
    """Generate the student versions of every edition, each with its student package: English
    into assignments/, Korean into assignments/ko/ (``edition.release_folder``)."""
    done = []
    for lang in edition.EDITIONS:
        course_dir = BUILD / "release-course" / lang
        folder = edition.release_folder(ASSIGNMENTS_DIR, lang)
        config.write(course_dir, release_dir=folder, edition=lang)
        for a in assignments or available():
            nbgrader(["generate_assignment", a, "--force"], course_dir)
            student_package.build(a, folder / a)
            done.append(a)
            print(f"released {a} ({lang}) -> {(folder / a).relative_to(ROOT)}/ (locked: "
                  f"{', '.join(f'{m}.{n}' for m, ns in locked_in(a).items() for n in ns if not n.startswith('_'))})")
    return sorted(set(done), key=done.index)


def solution_notebook(source_nb):
    """The model answer: markers and hidden tests removed, nbgrader metadata dropped.

    nbval compares every cell's output except in cells the source tags ``nbval-ignore-output``:
    those print figures whose last digits depend on the machine (float32 training, BLAS and SIMD
    kernels), and each experiment is followed by a compared check cell that states what it shows."""
    nb = edition.of(source_nb, edition.DEFAULT)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = notebook.strip_markers(cell.source, keep_hidden=False)
        cell.metadata.pop("nbgrader", None)
    return nb


def solutions(assignments=None, timeout=config.CELL_TIMEOUT):
    """Write executed solution notebooks to solutions/<assignment>/."""
    from nbclient import NotebookClient

    for a in assignments or available():
        nb = solution_notebook(notebook.read(ROOT / "source" / a / f"{a}.ipynb"))
        out_dir = SOLUTIONS_DIR / a
        out_dir.mkdir(parents=True, exist_ok=True)
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": str(out_dir)}})
        client.execute()
        nbformat.write(nb, str(out_dir / f"{a}.ipynb"))
        print(f"solution {a} -> {(out_dir / f'{a}.ipynb').relative_to(ROOT)}")


# What must never reach a student: nbgrader markers, hidden tests, the checks that grade them.
LEAK_PATTERNS = [re.compile(p) for p in (r"BEGIN SOLUTION", r"END SOLUTION", r"BEGIN HIDDEN TESTS",
                                          r"autograder\.checks", r"from autograder", r"import autograder")]


def leaks(folder=ASSIGNMENTS_DIR):
    """Every problem found in released material: markers, hidden tests, locked reference answers."""
    problems = []
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and path.suffix in (".ipynb", ".py"):
            text = path.read_text(errors="replace")
            for pattern in LEAK_PATTERNS:
                if pattern.search(text):
                    problems.append(f"{_shown(path)}: contains {pattern.pattern!r}")
    for lang in edition.EDITIONS:
        for a in available():
            released = edition.release_folder(Path(folder), lang) / a
            if not released.is_dir():
                continue
            package = released / "numpynet"
            if not package.is_dir():
                problems.append(f"{_shown(package)}: student package missing")
                continue
            problems += student_package.unlocked_references(a, package)
    return problems


def _shown(path):
    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


STUB = ["# YOUR CODE HERE", "raise NotImplementedError()"]


WRITTEN_STUB = "YOUR ANSWER HERE"   # nbgrader's ClearSolutions.text_stub


def expected_release_cells(source_nb):
    """The cell sources ``generate_assignment`` makes of a source notebook: solutions replaced by
    the stub (indented like the marker), written answers by nbgrader's text stub, hidden tests
    removed."""
    cells = []
    for cell in source_nb.cells:
        if notebook.is_written(cell):
            cells.append(WRITTEN_STUB)
            continue
        text = notebook.HIDDEN.sub("", cell.source) if cell.cell_type == "code" else cell.source
        lines, out, inside = text.splitlines(), [], False
        for line in lines:
            if line.strip() == "### BEGIN SOLUTION":
                inside = True
                indent = line[: len(line) - len(line.lstrip())]
                out += [indent + stub for stub in STUB]
            elif line.strip() == "### END SOLUTION":
                inside = False
            elif not inside:
                out.append(line)
        cells.append("\n".join(out).strip())
    return cells


def stale(assignment, editions=edition.EDITIONS):
    """Why an edition's assignments/<a> does not match source/<a>, or "" when none does."""
    source_nb = notebook.read(ROOT / "source" / assignment / f"{assignment}.ipynb")
    for lang in editions:
        folder = edition.release_folder(ASSIGNMENTS_DIR, lang)
        released = folder / assignment / f"{assignment}.ipynb"
        if not released.exists():
            return f"{_shown(released)} missing: run `make release`"
        want = expected_release_cells(edition.of(source_nb, lang))
        released_nb = notebook.read(released)
        have = [c.source.strip() for c in released_nb.cells]
        if want != have or edition.edition_of(released_nb) != lang:
            return f"{_shown(released)} is older than source/{assignment}: run `make release`"
        reason = stale_package(assignment, folder)
        if reason:
            return reason
    return ""


def stale_package(assignment, folder=None):
    """Why <folder>/<a>/numpynet (assignments/ by default) differs from the student package the
    core gives now, or ""."""
    import tempfile

    shipped = (folder or ASSIGNMENTS_DIR) / assignment / "numpynet"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = student_package.build(assignment, tmp)
        for path in sorted(fresh.glob("*.py")):
            other = shipped / path.name
            if not other.exists() or other.read_text() != path.read_text():
                return f"{_shown(other)} differs from numpynet/{path.name}: run `make release`"
    return ""


def check_release():
    """Fail if released material is stale or leaks anything (run by ``make test``)."""
    problems = leaks()
    for a in available():
        reason = stale(a)
        if reason:
            problems.append(reason)
    if problems:
        raise SystemExit("release check failed:\n  " + "\n  ".join(problems))
    print(f"release check: {len(available())} assignments, no solutions, hidden tests or locked references")


def validate(paths, invert=False):
    """nbgrader's validator through its Python API ({path: problems}); `nbgrader validate`
    exits 0 even when a notebook fails, so the exit status cannot be trusted."""
    from nbgrader.validator import Validator
    from traitlets.config import Config

    cfg = Config()
    cfg.Validator.invert = invert
    cfg.Execute.timeout = config.CELL_TIMEOUT
    cfg.Execute.kernel_name = "python3"
    results = {}
    for path in paths:
        validator = Validator(config=cfg)
        results[str(path)] = validator.validate(str(path))
    return results


def environment_for_kernel():
    return {k: os.environ[k] for k in ("MNIST_DIR",) if os.environ.get(k)}


def install_kernel():
    """Install the course kernel ``python3`` into the virtual environment, pointing at this
    environment's Python and, if MNIST_DIR is set, at the data."""
    prefix = Path(sys.prefix)
    kernel_dir = prefix / "share" / "jupyter" / "kernels" / "python3"
    kernel_dir.mkdir(parents=True, exist_ok=True)
    spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (numpynet course)", "language": "python",
            "env": environment_for_kernel(), "metadata": {"debugger": True}}
    (kernel_dir / "kernel.json").write_text(json.dumps(spec, indent=1))
    print(f"kernel python3 -> {kernel_dir}")


def clean_solutions():
    shutil.rmtree(SOLUTIONS_DIR, ignore_errors=True)
