"""Run one test cell in the grader: the course's code, the course's setup imports, and the
student's names as proxies, resolved when the code first reads them. Its outputs are what nbgrader
scores: the printed text as a stdout stream, an exception as an ``error`` output, nothing else.

The cell's ``print`` (and the checks', ``cell_print``) writes to the cell's own output, never to
``sys.stdout``: a grader may run several submissions' tests in threads of one process, and
``sys.stdout`` is the process's (a test's ``contextlib.redirect_stdout`` would catch the prints of
every other thread's test)."""
import builtins
import errno
import io
import threading
import traceback

from nbformat.v4 import new_output

from .. import messages
from .cells import python
from .errors import GraderFault, StudentError


STARVED_ERRNOS = {errno.EAGAIN, errno.EMFILE, errno.ENFILE, errno.ENOMEM}
_running = threading.local()   # .output: the output of the test cell this thread runs


def cell_print(*args, **kwargs):
    """``print`` to the output of the test cell this thread runs (``sys.stdout`` outside one)."""
    kwargs.setdefault("file", getattr(_running, "output", None))
    builtins.print(*args, **kwargs)


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


def run(code, label, trusted, resolve, edition=messages.DEFAULT):
    """Execute test ``code`` (the course's) and return its nbformat outputs, the checks' messages
    in the submission's ``edition``."""
    namespace = Namespace(trusted, resolve)
    namespace["print"] = cell_print
    printed = _running.output = io.StringIO()
    error = None
    try:
        with messages.speaking(edition):
            exec(compile(python(code), f"<{label}>", "exec"), namespace)  # noqa: S102 - the course's code
    except GraderFault:
        raise
    except Exception as err:  # noqa: BLE001 - a failing test is an error output, as in a kernel
        starved = out_of_resources(err)
        if starved is not None:
            raise GraderFault(f"the grader ran out of resources in {label} ({type(starved).__name__}: "
                              f"{starved})") from err
        error = err
    finally:
        _running.output = None
    outputs = []
    if printed.getvalue():
        outputs.append(new_output("stream", name="stdout", text=printed.getvalue()))
    if error is not None:
        outputs.append(error_output(error))
    return outputs


def out_of_resources(error):
    """The exception in ``error``'s chain that says the grader's own process ran out of threads,
    memory or file descriptors, or None. The student's code runs in its kernel: its exceptions
    arrive as StudentErrors (a student's MemoryError is one) and never count here."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if not isinstance(error, StudentError) and (
                isinstance(error, MemoryError)
                or isinstance(error, RuntimeError) and "can't start new thread" in str(error)
                or isinstance(error, OSError) and error.errno in STARVED_ERRNOS):
            return error
        error = error.__cause__ or error.__context__
    return None


def error_output(error):
    """ename, evalue and traceback; a student exception keeps the student's type name."""
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    if isinstance(error, StudentError):
        lines[-1] = f"{type(error).__name__}: {error}\n"
    return new_output("error", ename=type(error).__name__, evalue=str(error), traceback=lines)
