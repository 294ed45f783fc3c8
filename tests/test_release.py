"""Students never receive a reference answer before its assignment unlocks it."""
import subprocess
import sys

import pytest

from autograder import course, release, student_package
from conftest import ROOT


@pytest.mark.parametrize("assignment", course.ASSIGNMENTS)
def test_student_package_locks_this_and_later_exercises(assignment, tmp_path):
    student_package.build(assignment, tmp_path)
    assert student_package.unlocked_references(assignment, tmp_path / "numpynet") == []
    locked = course.locked_in(assignment)
    position = course.ASSIGNMENTS.index(assignment)
    for later in course.ASSIGNMENTS[position:]:
        for module, names in course.EXERCISES[later].items():
            assert set(names) <= set(locked[module])
    for earlier in course.ASSIGNMENTS[:position]:
        for module, names in course.EXERCISES[earlier].items():
            assert not set(names) & set(locked.get(module, []))


def _run_in(folder, code):
    return subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True)


def test_locked_reference_raises_a_message_that_names_the_assignment(tmp_path):
    student_package.build("ps1_activations", tmp_path)
    proc = _run_in(tmp_path, "import numpynet, numpy as np; print(numpynet.__file__); "
                              "numpynet.activations.ReLU().forward(np.zeros(3))")
    assert str(tmp_path) in proc.stdout
    assert "NotImplementedError: numpynet.activations.ReLU is an exercise of ps1_activations" in proc.stderr


def test_unlocked_pieces_work_in_a_later_assignment(tmp_path):
    student_package.build("ps4_cnn", tmp_path)
    code = ("import numpynet, numpy as np; from numpynet import activations, optimizers, initializers;"
            "print(activations.ReLU().forward(np.array([-1., 2.])).tolist());"
            "print(initializers.he_normal((3, 3, 2, 4), np.random.default_rng(0)).shape);"
            "p = {'w': np.ones(2)}; optimizers.Adam(0.1).step(p, {'w': np.ones(2)}); print(p['w'].round(3).tolist());"
            "numpynet.layers.max_pool_forward(np.zeros((1, 2, 2, 1)), 2)")
    proc = _run_in(tmp_path, code)
    assert proc.stdout.split("\n")[:3] == ["[0.0, 2.0]", "(3, 3, 2, 4)", "[0.9, 0.9]"], proc.stderr
    assert "max_pool_forward is an exercise of ps4_cnn" in proc.stderr


def test_locked_docstrings_do_not_spell_out_the_answer(tmp_path):
    student_package.build("ps2_optimizers", tmp_path)
    text = (tmp_path / "numpynet" / "optimizers.py").read_text()
    assert "m_hat" not in text and "sqrt(v_hat)" not in text


def test_the_check_finds_a_reference_that_slipped_through(tmp_path):
    student_package.build("ps1_activations", tmp_path)
    path = tmp_path / "numpynet" / "activations.py"
    path.write_text(path.read_text() + "\n\nclass ReLU(Activation):\n    def forward(self, x):\n"
                    "        return np.maximum(x, 0)\n")
    problems = student_package.unlocked_references("ps1_activations", tmp_path / "numpynet")
    assert any("ReLU.forward carries a reference implementation" in p for p in problems)


def test_leak_scan_finds_markers_and_hidden_tests(tmp_path):
    (tmp_path / "nb.ipynb").write_text('{"cells": ["### BEGIN HIDDEN TESTS\\nfrom autograder.checks import x"]}')
    found = release.leaks(tmp_path)
    assert any("BEGIN HIDDEN TESTS" in p for p in found)
    assert any("autograder" in p for p in found)


def test_released_assignments_carry_no_solution_hidden_test_or_locked_reference():
    available = release.available()
    if not available:
        pytest.skip("no source notebooks yet")
    assert release.leaks() == []
    for a in available:
        nb = (ROOT / "assignments" / a / f"{a}.ipynb").read_text()
        assert "raise NotImplementedError()" in nb


def test_solutions_carry_no_nbgrader_markers_or_hidden_tests():
    import nbformat

    notebooks = sorted((ROOT / "solutions").glob("*/*.ipynb"))
    if not notebooks:
        pytest.skip("no solutions yet")
    for path in notebooks:
        nb = nbformat.read(str(path), as_version=4)
        for cell in nb.cells:
            assert "nbgrader" not in cell.get("metadata", {}), path
            for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "autograder"):
                assert marker not in cell.source, (path, marker)
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), f"{path} is not executed"
