"""Run one test cell in the grader: the course's code, the course's setup imports, and the
student's names as proxies, resolved when the code first reads them. Its outputs are what nbgrader
scores: the printed text as a stdout stream, an exception as an ``error`` output, nothing else."""
import builtins
import contextlib
import io
import traceback

from nbformat.v4 import new_output

from .cells import python
from .errors import StudentError


class Namespace(dict):
    """The test cell's globals: the grader's own names first, then the builtins, then the
    student's globals (through ``resolve``), fetched once each."""

    def __init__(self, trusted, resolve):
        super().__init__(trusted)
        self.resolve = resolve

    def __missing__(self, name):
        if hasattr(builtins, name) or name.startswith("__"):
            raise KeyError(name)   # Python goes on to the builtins
        value = self.resolve(name)
        self[name] = value
        return value


def setup_namespace(setup_code, rebound):
    """The course's setup imports run here (``numpynet`` is the reference core), without the names
    the student's cells bind again before the test."""
    namespace = {"__name__": "__main__"}
    exec(compile(setup_code, "<setup imports>", "exec"), namespace)  # noqa: S102 - the course's code
    for name in rebound:
        namespace.pop(name, None)
    return namespace


def run(code, label, trusted, resolve):
    """Execute test ``code`` (the course's) and return its nbformat outputs."""
    namespace = Namespace(trusted, resolve)
    printed = io.StringIO()
    error = None
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(python(code), f"<{label}>", "exec"), namespace)  # noqa: S102 - the course's code
    except Exception as err:  # noqa: BLE001 - a failing test is an error output, as in a kernel
        error = err
    outputs = []
    if printed.getvalue():
        outputs.append(new_output("stream", name="stdout", text=printed.getvalue()))
    if error is not None:
        outputs.append(error_output(error))
    return outputs


def error_output(error):
    """ename, evalue and traceback; a student exception keeps the student's type name."""
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    if isinstance(error, StudentError):
        lines[-1] = f"{type(error).__name__}: {error}\n"
    return new_output("error", ename=type(error).__name__, evalue=str(error), traceback=lines)
