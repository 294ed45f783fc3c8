"""Tests of the tests, fast: every corpus entry runs in-process against the source notebook's
visible and hidden tests (MNIST training cells skipped). Wrong answers must fail exactly the tests
their entry names, with a message that names the mistake; correct answers written in other
styles must pass everything. The same corpus goes through nbgrader in test_grading_pipeline.py."""
import functools
import re

import pytest

from autograder import notebook
from autograder.course import ROOT
from corpus_loader import entries

SOURCE = ROOT / "source"


@functools.lru_cache(maxsize=None)
def source_notebook(assignment):
    path = SOURCE / assignment / f"{assignment}.ipynb"
    if not path.exists():
        pytest.skip(f"{path} not written yet")
    return notebook.read(path)


def run(assignment, answers=None):
    return notebook.run_in_process(source_notebook(assignment), answers)


ASSIGNMENTS = sorted({e.assignment for e in entries()})


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_reference_solution_passes_every_test(assignment):
    results = run(assignment)
    failed = {k: msg for k, (ok, msg) in results.items() if not ok}
    assert results and not failed, f"the model answer fails {failed}"


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e.id)
def test_corpus_entry_is_judged_right(entry):
    results = run(entry.assignment, entry.answers)
    unknown = set(entry.fails) - set(results)
    assert not unknown, f"{entry.path.name} names tests the notebook does not have: {unknown}"
    failed = {k for k, (ok, _) in results.items() if not ok}
    if not entry.fails:
        assert not failed, f"a correct answer fails: { {k: results[k][1] for k in failed} }"
        return
    missed = set(entry.fails) - failed
    assert not missed, f"the mistake is not caught by {sorted(missed)}"
    extra = failed - set(entry.fails)
    assert not extra, f"also fails {sorted(extra)}: { {k: results[k][1] for k in extra} }"
    messages = {test_id: results[test_id][1] for test_id in entry.fails}
    assert any(re.search(entry.message, m, re.S) for m in messages.values()), (
        f"no failing test's message names the mistake /{entry.message}/: {messages}")
