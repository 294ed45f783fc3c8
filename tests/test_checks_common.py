"""Tests of autograder/checks/_common.py's helpers that teach: the no-debug-output check and the
diagnosis of a too-low MNIST accuracy (the trusted path of both runs in test_corpus_trusted.py)."""
import sys
import textwrap
import threading

import numpy as np
import pytest

from autograder.checks import _common
from autograder.checks._common import CheckFailed, call_printing, call_silent, expect_no_output
from autograder.trusted import testcell
from autograder.trusted.errors import GraderFault, student_exception


def quiet(x):
    return x * 2


def noisy(x):
    print("debug: x =", x)
    print("second line")
    return x * 2


def test_call_silent_returns_what_a_quiet_function_returns():
    assert call_silent("quiet(3)", quiet, 3) == 6


def test_call_silent_quotes_the_first_printed_line_and_names_the_answer():
    with pytest.raises(CheckFailed) as info:
        call_silent("noisy(3)", noisy, 3)
    message = str(info.value)
    assert message.startswith("noisy(3) printed 'debug: x = 3' (and 1 more line).")
    assert "must print nothing" in message


def test_an_empty_print_is_output_too():
    def blank():
        print()
    with pytest.raises(CheckFailed, match=r"blank\(\) printed an empty line"):
        call_silent("blank()", blank)


def test_stderr_and_warnings_are_not_output():
    def warns():
        print("to stderr", file=sys.stderr)
        with np.errstate(over="warn"):
            return np.exp(np.array([1000.0]))
    with pytest.warns(RuntimeWarning):
        assert np.isinf(call_silent("warns()", warns)[0])


def test_a_student_exception_is_still_the_call_s_message():
    def broken():
        print("before the error")
        raise ValueError("bad shape")
    with pytest.raises(CheckFailed, match="broken\\(\\) raised ValueError: bad shape"):
        call_silent("broken()", broken)


def test_call_printing_restores_stdout_and_returns_all_lines():
    before = sys.stdout
    value, printed = call_printing(noisy, 1)
    assert sys.stdout is before and value == 2
    assert printed.splitlines() == ["debug: x = 1", "second line"]
    with pytest.raises(CheckFailed, match="printed 'debug: x = 1'"):
        expect_no_output("noisy", printed)
    expect_no_output("quiet", "")


def test_test_cells_in_threads_keep_their_prints_apart():
    """A grader that runs two submissions' tests in threads of one process: one test redirects
    sys.stdout (as ps1's visible "prints nothing" test does) while the other prints, in its own code
    and in a check's. Neither test sees the other's output (the failure of a trusted CI run)."""
    redirected, printed = threading.Event(), threading.Event()
    quiet_test = textwrap.dedent("""
        import contextlib, io
        caught = io.StringIO()
        with contextlib.redirect_stdout(caught):
            redirected.set()
            printed.wait(10)
        assert not caught.getvalue(), f"caught {caught.getvalue()!r}"
        print("quiet test passed")
    """)
    loud_test = textwrap.dedent("""
        redirected.wait(10)
        print("loud test's own line")
        cell_print("a check's line")
        printed.set()
    """)
    names = {"redirected": redirected, "printed": printed, "cell_print": testcell.cell_print}
    results = {}

    def run(label, code):
        results[label] = testcell.run(code, label, dict(names), lambda name: pytest.fail(name))

    threads = [threading.Thread(target=run, args=("quiet", quiet_test)),
               threading.Thread(target=run, args=("loud", loud_test))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert [o.get("text") for o in results["quiet"]] == ["quiet test passed\n"]
    assert [o.get("text") for o in results["loud"]] == ["loud test's own line\na check's line\n"]


def test_a_grader_out_of_threads_fails_the_grading_instead_of_the_test():
    """The red CI's ps4 failure: a thread the grader could not start, then an unreadable message,
    cost a correct part of the answer its points. Now the grading fails (the previous grade is
    kept); a test's own failures, and the student's MemoryError, stay failed tests."""
    starved = textwrap.dedent("""
        try:
            raise RuntimeError("can't start new thread")
        except RuntimeError:
            raise ValueError("Invalid Signature: b'6a11'")
    """)
    with pytest.raises(GraderFault, match="can't start new thread"):
        testcell.run(starved, "test_max_pool_forward_basic", {}, pytest.fail)
    student_memory = student_exception("MemoryError", "Unable to allocate 80.0 GiB")
    for code, names in (("assert 1 == 2, 'wrong'", {}), ("raise oom", {"oom": student_memory})):
        outputs = testcell.run(code, "test_x", names, pytest.fail)
        assert outputs[-1]["output_type"] == "error"


def test_a_long_line_is_cut():
    with pytest.raises(CheckFailed) as info:
        expect_no_output("f()", "x" * 500 + "\n")
    assert "x" * 120 + "..." in str(info.value) and "x" * 121 not in str(info.value)


# ------------------------------------------------------------------- the diagnosis of MNIST accuracy

def reference_mlp(seed=0):
    R = _common.ref()
    rng = np.random.default_rng(seed)
    return R.model.Sequential([R.layers.Flatten(), R.layers.Dense(784, 20, "relu", rng=rng),
                               R.layers.Dense(20, 10, rng=rng)])


def test_diagnosis_of_one_digit_for_every_image():
    model = reference_mlp()
    for layer in model.layers[1:]:
        layer.params["W"][...] = 0.0
    model.layers[2].params["b"][...] = np.eye(10)[3]
    x = np.random.default_rng(0).random((50, 28, 28, 1)).astype(np.float32)
    labels = np.arange(50) % 10
    text = _common.diagnose_accuracy(model, model.predict(x), labels, 0.1, x)
    assert "predicts the digit 3 for 100% of the images" in text
    assert "guessing" in text and "Likely causes" in text


def test_diagnosis_of_weights_that_diverged():
    model = reference_mlp()
    model.layers[1].params["W"][0, 0] = np.nan
    x = np.random.default_rng(0).random((50, 28, 28, 1)).astype(np.float32)
    with np.errstate(all="ignore"):
        predictions = model.predict(x)
    text = _common.diagnose_accuracy(model, predictions, np.arange(50) % 10, 0.1, x)
    assert text.startswith("Its trained weights hold NaN or inf")


def test_diagnosis_of_a_dead_hidden_layer_and_of_a_model_that_learned_something():
    model = reference_mlp()
    model.layers[1].params["b"][...] = -1000.0          # every hidden unit negative: dead
    x = np.random.default_rng(0).random((50, 28, 28, 1)).astype(np.float32)
    predictions = np.arange(50) % 10                     # (spread predictions: no single digit)
    text = _common.diagnose_accuracy(model, predictions, predictions, 0.6, x, learning="the step size")
    assert "Dead units: 100% of layer 1's output 0" in text
    assert "It has learned something" in text and text.endswith("Likely causes: the step size")


def test_mnist_accuracy_fails_with_the_diagnosis():
    R = _common.ref()
    __import__("importlib").import_module(R.__name__ + ".data")
    try:
        _common.mnist_test_set()
    except Exception as err:  # noqa: BLE001 - no MNIST on this machine
        pytest.skip(f"MNIST not available: {err}")
    model = reference_mlp()
    for layer in model.layers[1:]:
        layer.params["W"][...] = 0.0
    with pytest.raises(CheckFailed) as info:
        _common.mnist_accuracy(model, 0.9, what="the zero model", guessing="a forward that returns zeros")
    message = str(info.value)
    assert message.startswith("the zero model classifies 9.80% of the 10,000 MNIST test images")
    assert "predicts the digit 0 for 100% of the images" in message
    assert message.endswith("Likely causes: a forward that returns zeros")
