"""A demo class built from the course itself: one student with the model answers, one who hands
in the blank release, students with realistic mistakes from the corpus, and submissions that are
broken rather than wrong. ``python -m autograder demo`` builds it and grades it."""
import json
import shutil
import sys
from pathlib import Path

import nbformat

from . import notebook
from .course import ROOT

CORPUS = ROOT / "tests" / "corpus"

# student -> {assignment: what they hand in}; "correct", "blank", "corpus:<entry name>" or a
# breakage: "invalid-json", "renamed", "missing", "raises", "deleted-test:<grade_id>",
# "edited-test:<grade_id>", "infinite-loop"
STUDENTS = {
    "ada": {"*": "correct"},
    "ben": {"*": "blank"},
    "cleo": {"ps1_activations": "corpus:relu_forward_inplace", "ps2_optimizers": "corpus:adam_first_moment_lr",
             "ps3_initialization": "corpus:he_normal_conv_cin_only", "ps4_cnn": "corpus:course_notes_bug"},
    "dev": {"ps1_activations": "corpus:relu_derivative_one_at_zero", "ps2_optimizers": "corpus:adam_eps_inside_sqrt",
            "ps3_initialization": "corpus:he_normal_variance_as_std", "ps4_cnn": "corpus:overwrite_overlapping"},
    "eli": {"ps1_activations": "invalid-json", "ps2_optimizers": "renamed",
            "ps3_initialization": "deleted-test:*", "ps4_cnn": "missing"},
    "fay": {"ps1_activations": "edited-test:*", "ps2_optimizers": "raises",
            "ps3_initialization": "corpus:batchnorm_blank"},
}
INFINITE_LOOP_STUDENT = {"gus": {"ps1_activations": "infinite-loop"}}


def solution_answers(assignment):
    """{answer grade_id: model answer source} from the source notebook, written answers included."""
    nb = notebook.read(ROOT / "source" / assignment / f"{assignment}.ipynb")
    return {notebook.grade_id(c): notebook.strip_markers(c.source, keep_hidden=False)
            for c in nb.cells if notebook.is_answer(c) or notebook.is_written(c)}


def corpus_answer(assignment, name):
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from corpus_loader import load_entry
    finally:
        sys.path.pop(0)
    path = CORPUS / assignment / f"{name}.py"
    if not path.exists():
        raise FileNotFoundError(f"demo needs corpus entry {path}")
    return load_entry(path).answers


def submission(assignment, kind, release_dir):
    """The notebook a student with this ``kind`` of work hands in, or None for a missing one."""
    released = notebook.read(Path(release_dir) / assignment / f"{assignment}.ipynb")
    if kind == "blank":
        return released
    answers = solution_answers(assignment)
    if kind.startswith("corpus:"):
        answers.update(corpus_answer(assignment, kind.split(":", 1)[1]))
    elif kind == "raises":
        first = next(iter(answers))
        answers[first] = "raise RuntimeError('debugging: stop here')\n" + answers[first]
    elif kind == "infinite-loop":
        first = next(iter(answers))
        answers[first] = "while True:  # waiting for something that never comes\n    pass\n" + answers[first]
    nb = released
    for answer_id, source in answers.items():
        nb = notebook.replace_answer(nb, answer_id, source)
    if kind.startswith(("deleted-test:", "edited-test:")):
        target = kind.split(":", 1)[1]
        tests = [c for c in nb.cells if notebook.is_test(c)]
        cell = tests[0] if target == "*" else next(c for c in tests if notebook.grade_id(c) == target)
        if kind.startswith("deleted-test:"):
            nb.cells.remove(cell)
        else:
            cell.source = "# the test was in my way\npass\n"
    return nb


def build(class_dir, release_dir, assignments, students=None):
    """Write ``class_dir/submitted/<student>/<assignment>/`` for the demo students."""
    students = students or STUDENTS
    submitted = Path(class_dir) / "submitted"
    for student, plan in students.items():
        for a in assignments:
            kind = plan.get(a, plan.get("*"))
            if kind is None:
                continue
            folder = submitted / student / a
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            package = Path(release_dir) / a / "numpynet"
            if package.exists():
                shutil.copytree(package, folder / "numpynet")
            if kind == "missing":
                continue
            nb = submission(a, kind, release_dir)
            name = f"my_{a}.ipynb" if kind == "renamed" else f"{a}.ipynb"
            if kind == "invalid-json":
                text = json.dumps(nbformat.from_dict(nb), indent=1)
                (folder / name).write_text(text[: len(text) // 2])  # an interrupted upload
            else:
                nbformat.write(nb, str(folder / name))
    return submitted
