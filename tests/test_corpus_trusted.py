"""The corpus again, through trusted grading: each entry's notebook runs in a sandboxed kernel
(the cells its tests need, as ``cells.closure`` finds them; MNIST training skipped), and every
test cell runs in this process against proxies for the student's objects, as
``autograder.trusted`` grades. One kernel serves all of an entry's tests (grading starts one per
answer; test_trusted.py tests that). Verdicts and messages must be those of the in-process run
(test_corpus.py), which is what a student sees in JupyterLab."""
import functools
import logging
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from traitlets.config import Config

from autograder import demo, grade, notebook, sandbox
from autograder.course import ROOT
from autograder.sandbox import kernelspec
from autograder.trusted import cells, testcell
from autograder.trusted.execute import KernelSettings, kernel_folder
from autograder.trusted.student import FreshKernel, Processes
from corpus_loader import entries

pytestmark = pytest.mark.skipif(sandbox.problem() is not None, reason=f"no sandbox here: {sandbox.problem()}")


@functools.lru_cache(maxsize=None)
def source_notebook(assignment):
    return notebook.read(ROOT / "source" / assignment / f"{assignment}.ipynb")


@pytest.fixture(scope="module", autouse=True)
def grading_kernel():
    kernelspec.install()
    grade.prepare_environment()


def student_notebook(assignment, answers):
    """The release with the model answers, ``answers`` replacing some; MNIST cells dropped."""
    nb = demo.submission(assignment, "model", ROOT / "assignments")
    for answer_id, source in answers.items():
        nb = notebook.replace_answer(nb, answer_id, source)
    nb.cells = [c for c in nb.cells
                if notebook.SLOW_TAG not in notebook.tags(c) and not (notebook.grade_id(c) or "").startswith("test_mnist")]
    return nb


def grade_trusted(assignment, answers):
    """{test grade_id: (passed, message)} as trusted grading decides them."""
    source = source_notebook(assignment)
    course_tests = {notebook.grade_id(c): c.source for c in source.cells if notebook.is_test(c)}
    nb = student_notebook(assignment, answers)
    student_cells = cells.code_cells(nb)
    tests = [c for c in student_cells if c.test]
    needed = {c.index: c for t in tests for c in cells.closure(student_cells, t.index, t.uses, with_slow=False)}
    needed = [needed[i] for i in sorted(needed)]
    results = {}
    with kernel_folder(str(ROOT / "assignments" / assignment)) as cwd:
        settings = KernelSettings(kernelspec.NAME, Config(), cwd, 60, [])
        plan = Processes(nb, settings, logging.getLogger(__name__))  # grading's plan; it starts no kernel
        student = FreshKernel(needed, settings).start()
        try:
            for test in tests:
                gid = notebook.grade_id(nb.cells[test.index])
                trusted = testcell.setup_namespace(cells.setup_imports(source), plan.rebound(test.index))
                outputs = testcell.run(course_tests[gid], gid, trusted, student.resolve)
                errors = [o for o in outputs if o.output_type == "error"]
                results[gid] = (not errors, f"{errors[0].ename}: {errors[0].evalue}" if errors else "")
        finally:
            student.close()
    return results


def test_model_answers_pass_every_test_through_the_trusted_path():
    for assignment in sorted({e.assignment for e in entries()}):
        results = grade_trusted(assignment, {})
        failed = {k: m for k, (ok, m) in results.items() if not ok}
        assert results and not failed, f"{assignment}: the model answer fails {failed}"


@pytest.fixture(scope="module")
def verdicts(request):
    """{entry id: results} of the entries this session runs, graded two at a time: most of an
    entry's time is its kernel's start, and the machine has cores to spare meanwhile."""
    chosen = [item.callspec.params["entry"] for item in request.session.items   # nbval's items have no module
              if getattr(item, "module", None) is request.module
              and "entry" in getattr(getattr(item, "callspec", None), "params", {})]
    wanted = {entry.id: entry for entry in chosen}
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {id_: pool.submit(grade_trusted, e.assignment, e.answers) for id_, e in wanted.items()}
        return {id_: future.result() for id_, future in futures.items()}


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e.id)
def test_corpus_entry_is_judged_right_through_the_trusted_path(entry, verdicts):
    results = verdicts[entry.id]
    failed = {k for k, (ok, _) in results.items() if not ok}
    if not entry.fails:
        assert not failed, f"a correct answer fails: { {k: results[k][1] for k in failed} }"
        return
    assert failed == set(entry.fails), {k: results[k][1] for k in failed ^ set(entry.fails) if k in results}
    messages = {test_id: results[test_id][1] for test_id in entry.fails}
    assert any(re.search(entry.message, m, re.S) for m in messages.values()), (
        f"no failing test's message names the mistake /{entry.message}/: {messages}")
