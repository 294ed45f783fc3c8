"""Reading and rewriting course notebooks: nbgrader cells by grade_id, marker stripping, and an
in-process runner that executes a notebook's cells the way nbgrader does (every cell runs, errors
do not stop the run) without a kernel, for fast tests of the checks."""
import ast
import contextlib
import io
import re
import traceback

import nbformat

SLOW_TAG = "slow"  # cells that train on MNIST; skipped by the fast in-process runner
BONUS_PREFIX = "test_bonus_"   # tests whose points add to the score but not to the maximum
MARKERS = re.compile(r"^\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")
HIDDEN = re.compile(r"^\s*### BEGIN HIDDEN TESTS\s*$.*?^\s*### END HIDDEN TESTS\s*$\n?", re.M | re.S)


def read(path):
    return nbformat.read(str(path), as_version=4)


def nbgrader_meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def grade_id(cell):
    return nbgrader_meta(cell).get("grade_id")


def is_answer(cell):
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and meta.get("solution", False) and not meta.get("grade", False)


def is_test(cell):
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and meta.get("grade", False) and not meta.get("solution", False)


def is_written(cell):
    """A written answer: a markdown cell graded by hand in nbgrader's formgrader."""
    meta = nbgrader_meta(cell)
    return cell.cell_type == "markdown" and meta.get("solution", False) and meta.get("grade", False)


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def cells_by_grade_id(nb):
    return {grade_id(c): c for c in nb.cells if grade_id(c)}


def is_bonus(test_id):
    """A bonus test: its points count in the score, not in the maximum. nbgrader has no bonus
    points of its own, so the kit's reports and its grade export (``autograder.export``) leave
    these out of ``max_score``."""
    return test_id.startswith(BONUS_PREFIX)


def points(nb):
    """{test grade_id: points} of the autograded test cells, bonus tests included."""
    return {grade_id(c): float(nbgrader_meta(c).get("points", 0)) for c in nb.cells if is_test(c)}


def written_points(nb):
    """{grade_id: points} of the written answers, graded by hand."""
    return {grade_id(c): float(nbgrader_meta(c).get("points", 0)) for c in nb.cells if is_written(c)}


def strip_markers(source, keep_hidden=True):
    """Remove nbgrader's solution and hidden-test marker lines (and hidden tests unless kept)."""
    if not keep_hidden:
        source = HIDDEN.sub("", source)
    return "\n".join(line for line in source.splitlines() if not MARKERS.match(line)).strip("\n")


def replace_answer(nb, answer_id, source):
    """A copy of ``nb`` with the answer cell ``answer_id`` (code or written) holding ``source``."""
    nb = nbformat.from_dict(nb)
    cells = cells_by_grade_id(nb)
    if answer_id not in cells or not (is_answer(cells[answer_id]) or is_written(cells[answer_id])):
        answers = [grade_id(c) for c in nb.cells if is_answer(c) or is_written(c)]
        raise KeyError(f"no answer cell {answer_id!r}; the answer cells are {answers}")
    cells[answer_id].source = source
    return nb


def _python(source):
    """Cell source without IPython magics and shell escapes, for plain exec."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def _exec_cell(code, name, ns):
    """Run a cell like IPython: the value of a final expression is returned (what it would show)."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, name, "exec"), ns)
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), name, "eval"), ns)


def run_in_process(nb, answers=None, skip_slow=True, namespace=None):
    """Execute ``nb``'s code cells in one namespace, answer cells replaced by ``answers``
    ({grade_id: source}); returns {test grade_id: (passed, error message)}.

    The checks' messages are in the notebook's edition. Like nbgrader, every cell runs even after an
    error; unlike it, cells tagged ``slow`` are skipped, and so are the tests that come after them
    and need them (grade_id ``test_mnist_*``).
    """
    import matplotlib.pyplot as plt

    from . import edition, messages

    answers = answers or {}
    ns = {"__name__": "__main__"} if namespace is None else namespace
    results = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        gid = grade_id(cell)
        if skip_slow and (SLOW_TAG in tags(cell) or (gid or "").startswith("test_mnist")):
            continue
        source = answers.get(gid, cell.source) if is_answer(cell) else cell.source
        code = _python(strip_markers(source))
        sink = io.StringIO()
        try:
            with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink), \
                    messages.speaking(edition.edition_of(nb)):
                shown = _exec_cell(code, f"<cell {gid or '?'}>", ns)
            error = None
            if is_test(cell) and shown is not None:
                error = (f"the test cell displays {shown!r}; nbgrader would take a number shown by a "
                         "test cell as its score: end the cell with a statement, not a value")
        except Exception as err:  # noqa: BLE001 - a cell's error is a result, as in nbgrader
            error = f"{type(err).__name__}: {err}"
            if not isinstance(err, AssertionError):
                error += "\n" + traceback.format_exc(limit=-3)
        if is_test(cell):
            results[gid] = (error is None, error or "")
        plt.close("all")
    return results
