"""Trusted scoring: the grader's proxies against a real sandboxed kernel, and submissions that try
to decide their own grade, graded through nbgrader."""
import textwrap

import nbformat
import numpy as np
import pytest
from jupyter_client import KernelManager
from traitlets.config import Config

from autograder import demo, grade, notebook, sandbox
from autograder.checks._common import call_printing
from autograder.reference import load as reference
from autograder.sandbox import kernelspec
from autograder.trusted import cells, testcell
from autograder.trusted.errors import GraderFault, StudentError, StudentProcessError
from autograder.trusted.execute import KernelSettings
from autograder.trusted.model import NotAModel, rebuild
from autograder.trusted.proxy import Proxy
from autograder.trusted.student import FreshKernel

pytestmark = pytest.mark.skipif(sandbox.problem() is not None, reason=f"no sandbox here: {sandbox.problem()}")

STUDENT_CODE = '''
import numpy as np

class ReLU:
    def forward(self, x):
        x[x < 0] = 0          # the course notes' bug: the caller's array changes
        return x

class Optimizer:
    def step(self, params, grads):
        for name in params:
            params[name] -= 0.1 * grads[name]

class Rebinder:
    def step(self, params, grads):
        for name in params:
            params[name] = params[name] - 0.1 * grads[name]

class Box:
    def __init__(self, value):
        self.value = value

def unbox(box):
    return box.value * 2

def shapes_disagree():
    raise ValueError("shapes (3,) and (2,) do not match")

def not_written():
    raise NotImplementedError()

class Liar:
    __class__ = np.ndarray
    def __eq__(self, other):
        return True
    def __array__(self, dtype=None, copy=None):
        return np.zeros(3)

def chatty(x):
    print("debug: x =", x)
    return x + 1

def draw(shape, rng):
    return rng.normal(size=shape)

def forever():
    while True:
        pass

def die():
    import os
    os._exit(0)
'''


def start(code, tmp_path, timeout=30):
    kernelspec.install()
    grade.prepare_environment()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    settings = KernelSettings(kernelspec.NAME, Config(), str(tmp_path), timeout, [])
    return FreshKernel(cells.code_cells(nb), settings).start()


@pytest.fixture(scope="module")
def student(tmp_path_factory):
    kernel = start(STUDENT_CODE, tmp_path_factory.mktemp("student"))
    assert kernel.failure is None, kernel.failure
    yield kernel
    kernel.close()


def test_a_change_to_an_argument_array_is_seen_by_the_caller(student):
    x = np.array([-1.0, 2.0, -3.0])
    out = student.resolve("ReLU")().forward(x)
    assert x.tolist() == [0.0, 2.0, 0.0]
    assert out is x  # the student returned the array it was given


def test_an_optimizer_updates_the_dict_of_arrays_in_place(student):
    params = {"W": np.ones((2, 2)), "b": np.zeros(2)}
    W, b = params["W"], params["b"]
    student.resolve("Optimizer")().step(params, {"W": np.ones((2, 2)), "b": np.ones(2)})
    assert params["W"] is W and params["b"] is b
    assert np.allclose(W, 0.9) and np.allclose(b, -0.1)


def test_a_rebound_dict_entry_is_a_new_array_and_the_old_one_is_unchanged(student):
    params = {"W": np.ones(2)}
    W = params["W"]
    student.resolve("Rebinder")().step(params, {"W": np.ones(2)})
    assert params["W"] is not W and np.allclose(params["W"], 0.9) and np.allclose(W, 1.0)


def test_exceptions_keep_the_students_type_name_and_message(student):
    with pytest.raises(ValueError, match=r"shapes \(3,\) and \(2,\)") as raised:
        student.resolve("shapes_disagree")()
    assert type(raised.value).__name__ == "ValueError" and isinstance(raised.value, StudentError)
    with pytest.raises(NotImplementedError):
        student.resolve("not_written")()
    with pytest.raises(NameError, match="nowhere"):
        student.resolve("nowhere")


def test_an_instance_returned_can_be_passed_back_later(student):
    box = student.resolve("Box")(21)
    assert isinstance(box, Proxy) and box.value == 21
    assert student.resolve("unbox")(box) == 42
    assert isinstance(box, student.resolve("Box")) and not isinstance(np.zeros(1), student.resolve("Box"))


def test_a_lying_object_stays_in_the_students_process(student):
    liar = student.resolve("Liar")()
    assert type(liar) is Proxy and not isinstance(liar, np.ndarray)
    assert (liar == 1) is False and (liar == liar) is True  # a proxy's == is identity, here
    as_array = np.asarray(liar)  # its __array__ ran over there: only the numbers came back
    assert type(as_array) is np.ndarray and as_array.tolist() == [0.0, 0.0, 0.0]


def test_a_generator_advances_as_the_students_code_used_it(student):
    rng, twin = np.random.default_rng(0), np.random.default_rng(0)
    drawn = student.resolve("draw")((3,), rng)
    assert np.array_equal(drawn, twin.normal(size=3)) and rng.normal() == twin.normal()


def test_what_a_call_prints_is_captured_in_the_kernel_for_that_call_only(student):
    chatty, unbox = student.resolve("chatty"), student.resolve("unbox")
    assert call_printing(chatty, 2) == (3, "debug: x = 2\n")
    assert call_printing(unbox, student.resolve("Box")(4)) == (8, "")
    assert chatty(5) == 6   # an ordinary call again: its print goes to the kernel's own stdout
    assert call_printing(unbox, student.resolve("Box")(1)) == (2, "")


def test_values_are_plain_data(student):
    box = student.resolve("Box")({"a": [1, 2.5, "three", None, (True,)], "b": np.float32(1.5)})
    value = box.value
    assert value == {"a": [1, 2.5, "three", None, (True,)], "b": 1.5}
    assert type(value["b"]) is np.float32


def test_a_call_that_never_ends_times_out_and_the_kernel_is_usable_again(tmp_path):
    kernel = start(STUDENT_CODE, tmp_path, timeout=3)
    try:
        with pytest.raises(StudentProcessError, match="did not finish within 3 s"):
            kernel.resolve("forever")()
        assert kernel.resolve("unbox")(kernel.resolve("Box")(1)) == 2
        with pytest.raises(StudentProcessError, match="died"):
            kernel.resolve("die")()
        with pytest.raises(StudentProcessError, match="died"):
            kernel.resolve("Box")
    finally:
        kernel.close()


def test_a_kernel_start_that_fails_on_the_graders_side_is_tried_again_then_ends_the_grading(tmp_path,
                                                                                            monkeypatch):
    """A grader out of threads (seen in CI on a loaded machine) is not the student's fault: no test
    loses its points for it. One retry; then GraderFault, which fails the submission's grading."""
    real, starts = KernelManager.start_kernel, []

    def once_out_of_threads(self, **kwargs):
        starts.append(kwargs)
        if len(starts) == 1:
            raise RuntimeError("can't start new thread")
        return real(self, **kwargs)

    monkeypatch.setattr(KernelManager, "start_kernel", once_out_of_threads)
    kernel = start("x = 41 + 1", tmp_path)
    assert kernel.failure is None and kernel.resolve("x") == 42 and len(starts) == 2
    kernel.close()

    def out_of_threads(self, **kwargs):
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(KernelManager, "start_kernel", out_of_threads)
    with pytest.raises(GraderFault, match="could not be started .*can't start new thread"):
        start("x = 1", tmp_path)
    with pytest.raises(GraderFault):   # and a test cell does not turn it into a failed test
        testcell.run("y = x", "test_y", {}, lambda name: start("x = 1", tmp_path).resolve(name))


def test_a_setup_cell_that_kills_the_kernel_is_named(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import os\nos._exit(0)", metadata={
        "nbgrader": {"grade_id": "elu", "solution": True, "grade": False}})])
    settings = KernelSettings(kernelspec.NAME, Config(), str(tmp_path), 30, [])
    kernel = FreshKernel(cells.code_cells(nb), settings).start()
    kernel.close()
    assert str(kernel.failure) == "the student's kernel died while running cell `elu`"


def test_a_reply_forged_by_the_student_is_a_failure_not_a_crash(tmp_path):
    forged = ("import socket\nsend = socket.socket.sendall\n"
              "socket.socket.sendall = lambda self, data: send(self, data.replace(b'\"<f8\"', b'\"|O8\"'))\n")
    kernel = start(STUDENT_CODE + forged, tmp_path)
    try:
        assert kernel.failure is None
        with pytest.raises(StudentProcessError, match="malformed reply"):
            kernel.resolve("draw")((3,), np.random.default_rng(0))
    finally:
        kernel.close()


def test_messages_the_grader_cannot_read_end_the_kernels_use(tmp_path):
    forged = "import json\njson.dumps = lambda *args, **kwargs: '{}'\n"
    kernel = start(STUDENT_CODE + forged, tmp_path)
    kernel.close()
    assert "unreadable message" in str(kernel.failure)
    with pytest.raises(StudentProcessError, match="unreadable message"):
        kernel.resolve("Box")


# ---------------------------------------------------------------------------------------------
# attacks, through nbgrader: each scores no more than the blank release

ASSIGNMENT = "ps1_activations"
CELL_TIMEOUT = 120   # no attack trains: a kernel an attack breaks must not hold the batch for long

ATTACKS = {
    "transformer": """
get_ipython().input_transformers_post.append(lambda lines: ["pass\\n"])
""",
    "swallow": """
ip = get_ipython()
ip.set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: None)
def _clear(result):
    result.error_in_exec = None
    result.error_before_exec = None
ip.events.register("post_run_cell", _clear)
""",
    "monkeypatch": """
import builtins
np.allclose = np.isclose = np.array_equal = lambda *args, **kwargs: True
np.all = lambda *args, **kwargs: True
builtins.AssertionError = type("AssertionError", (Exception,), {"__init__": lambda self, *a: None})
_isinstance = isinstance   # every isinstance would be True: the kernel itself would stop working
builtins.isinstance = lambda obj, cls: True if cls is np.ndarray else _isinstance(obj, cls)
""",
    "module_getattr": """
import sys, types
class _Anything(types.ModuleType):
    \"\"\"A module with every name: each is a function that accepts anything and does nothing.\"\"\"
    __path__ = []
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *args, **kwargs: None
for _name in ("autograder", "autograder.checks", "autograder.checks._common", "autograder.checks.activations",
              "numpynet_reference"):
    sys.modules[_name] = _Anything(_name)
sys.modules["__main__"].__class__ = _Anything
""",
    "checks": """
try:
    import autograder.checks._common as _common
    _common.fail = lambda message: None
    import autograder.checks.activations as _activations
    for _name in dir(_activations):
        if _name.startswith("check_"):
            setattr(_activations, _name, lambda *args, **kwargs: None)
except ImportError as err:
    print("cannot patch the checks:", err)
""",
    "settrace": """
import sys, threading
def _skip_failures(frame, event, arg):
    if event == "exception":
        frame.f_locals.clear()
    return _skip_failures
sys.settrace(_skip_failures)
threading.settrace(_skip_failures)
""",
}

# Appended to the last answer cell, so they replace every activation. The liar's values are NaN
# at the first look and zeros at the second; its honest counterpart returns NaN.
LYING_ACTIVATIONS = """
class _Liar:
    __class__ = np.ndarray
    looks = 0
    def __init__(self, shape):
        self.shape, self.ndim, self.dtype = shape, len(shape), np.dtype(float)
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __array__(self, dtype=None, copy=None):
        _Liar.looks += 1
        return np.full(self.shape, np.nan) if _Liar.looks % 2 else np.zeros(self.shape)
class _Lying(Activation):
    def __init__(self, alpha=0.01):
        self.alpha = alpha
    def forward(self, x):
        return _Liar(np.shape(x))
    derivative = forward
Sigmoid = Tanh = ReLU = LeakyReLU = ELU = _Lying
"""
NAN_ACTIVATIONS = """
class _NaN(Activation):
    def __init__(self, alpha=0.01):
        self.alpha = alpha
    def forward(self, x):
        return np.full(np.shape(x), np.nan)
    derivative = forward
Sigmoid = Tanh = ReLU = LeakyReLU = ELU = _NaN
"""

FAKE_MODEL = """
class Oracle:
    \"\"\"Predicts the test labels it was told.\"\"\"
    layers = []
    def predict(self, x, batch_size=1000):
        return data.y_test.copy()
    def forward(self, x, training=False):
        return np.eye(10)[data.y_test]
relu_mlp = Oracle()
"""


def attacked(release_dir, attack, cell=0):
    """The blank release with the attack appended to an answer cell (the first; -1: the last)."""
    nb = notebook.read(release_dir / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    answer = [c for c in nb.cells if notebook.is_answer(c)][cell]
    answer.source += "\n\n" + textwrap.dedent(attack)
    return nb


def with_fake_model(release_dir):
    """The blank release with a cell, just before the MNIST test, that swaps the model for an oracle."""
    nb = notebook.read(release_dir / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    test = next(i for i, c in enumerate(nb.cells) if notebook.grade_id(c) == "test_mnist_relu_mlp")
    nb.cells.insert(test, nbformat.v4.new_code_cell(FAKE_MODEL))
    return nb


def killed_at_leaky_relu():
    """The model answers, with the Leaky ReLU cell ending the kernel."""
    answers = demo.solution_answers(ASSIGNMENT)
    answers["leaky_relu"] += "\nimport os\nos._exit(0)\n"
    return answers


@pytest.fixture(scope="module")
def attack_class(tmp_path_factory):
    grade.prepare_environment()
    class_dir = grade.init_class(tmp_path_factory.mktemp("attacks"), [ASSIGNMENT], cell_timeout=CELL_TIMEOUT)
    release_dir = class_dir / "release"
    students = {"blank": notebook.read(release_dir / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"),
                "oracle": with_fake_model(release_dir)}
    students.update({name: attacked(release_dir, code) for name, code in ATTACKS.items()})
    students.update(liar=attacked(release_dir, LYING_ACTIVATIONS, -1), nan=attacked(release_dir, NAN_ACTIVATIONS, -1))
    nb = students["blank"]
    for answer_id, source in killed_at_leaky_relu().items():
        nb = notebook.replace_answer(nb, answer_id, source)
    students["killer"] = nb
    for student, submitted in students.items():
        folder = class_dir / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(submitted, str(folder / f"{ASSIGNMENT}.ipynb"))
    entries = grade.grade_class(class_dir, [ASSIGNMENT], jobs=2, progress=False, cell_timeout=CELL_TIMEOUT)
    return {e["student"]: e for e in entries}


def test_the_blank_release_scores_nothing(attack_class):
    assert attack_class["blank"]["status"] == "graded" and attack_class["blank"]["score"] == 0


@pytest.mark.parametrize("attack", [*ATTACKS, "oracle"])
def test_an_attack_scores_no_more_than_the_blank_release(attack_class, attack):
    entry = attack_class[attack]
    assert entry["status"] == "graded", entry["reason"]
    passed = [t["test"] for t in entry["tests"] if t["points"] > 0]
    assert entry["score"] <= attack_class["blank"]["score"] and not passed, passed


def test_objects_that_lie_about_their_type_and_values_score_no_more_than_their_honest_counterpart(attack_class):
    liar, honest = attack_class["liar"], attack_class["nan"]
    assert liar["status"] == honest["status"] == "graded", (liar["reason"], honest["reason"])
    passed = {t["test"] for t in liar["tests"] if t["passed"]}
    assert liar["score"] <= honest["score"] and passed <= {t["test"] for t in honest["tests"] if t["passed"]}


def test_a_fake_model_gets_no_mnist_points_and_is_told_why(attack_class):
    [mnist] = [t for t in attack_class["oracle"]["tests"] if t["test"] == "test_mnist_relu_mlp"]
    assert mnist["points"] == 0 and "cannot be evaluated" in mnist["message"], mnist


def test_a_kernel_killed_in_one_answer_costs_only_the_tests_that_need_it(attack_class):
    entry = attack_class["killer"]
    failed = {t["test"]: t["message"] for t in entry["tests"] if not t["passed"]}
    assert set(failed) == {"test_leaky_relu_forward", "test_leaky_relu_derivative", "test_mnist_relu_mlp"}, failed
    assert all("kernel died while running cell `leaky_relu`" in message for message in failed.values()), failed
    before = [t for t in entry["tests"] if t["test"].startswith(("test_sigmoid", "test_tanh", "test_relu"))]
    assert before and all(t["passed"] for t in before)


# ---------------------------------------------------------------------------------------------
# the MNIST tests' model, rebuilt from plain data

def course_models():
    R = reference()
    L, A = R.layers, R.activations
    mlp = R.model.Sequential([L.Flatten(), L.Dense(784, 20, activation=A.ReLU()), L.Dense(20, 10)])
    cnn = R.model.Sequential([L.Conv2D(1, 4, 3, activation=A.LeakyReLU(0.05)),
                              L.Conv2D(4, 8, 4, stride=2, activation=A.ELU()), L.MaxPool2D(2), L.Flatten(),
                              L.Dropout(0.5), L.Dense(6 * 6 * 8, 10, activation=A.Tanh())])
    return [mlp, cnn]


@pytest.mark.parametrize("index", [0, 1])
def test_a_course_model_is_rebuilt_with_its_weights(index):
    model = course_models()[index]
    x = np.random.default_rng(0).random((5, 28, 28, 1)).astype(np.float32)
    assert np.allclose(rebuild(model).forward(x, training=False), model.forward(x, training=False))


def test_an_object_with_a_predict_is_not_a_model():
    class Oracle:
        def predict(self, x):
            return np.zeros(len(x), dtype=int)

    with pytest.raises(NotAModel, match="no layers"):
        rebuild(Oracle())
    wrong = course_models()[0]
    wrong.layers.pop()
    with pytest.raises(NotAModel, match=r"shape \(20,\)"):
        rebuild(wrong)


@pytest.mark.parametrize("value, buffers, why", [
    ({"t": "nd", "dtype": "|O8", "shape": [1], "buf": 0}, [b"x" * 8], "non-numeric"),
    ({"t": "nd", "dtype": "f8,i4", "shape": [1], "buf": 0}, [b"x" * 12], "non-numeric"),
    ({"t": "nd", "dtype": "<f8", "shape": [3], "buf": 0}, [b"x" * 8], "do not match"),
    ({"t": "nd", "dtype": "<f8", "shape": [-1], "buf": 0}, [b"x" * 8], "shape"),
    ({"t": "nd", "dtype": "<f8", "shape": [1], "buf": 1}, [b"x" * 8], "without dtype or buffer"),
    ({"t": "nd", "dtype": "float128-ish", "shape": [1], "buf": 0}, [b"x" * 8], "without dtype"),
])
def test_an_array_that_is_not_what_it_claims_is_a_malformed_reply(value, buffers, why):
    from autograder.trusted.wire import unpack_array
    with pytest.raises(StudentProcessError, match=why):
        unpack_array(value, buffers)
