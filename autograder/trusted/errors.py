"""What the student's side can raise here: the student's own exceptions, re-raised with their type
name and message, and the failures of the student's process (death, silence, garbage)."""
import builtins


class StudentError(Exception):
    """An exception raised by the student's code, or a failure of the student's process. Its
    class is named after the student's exception type, so messages read as they would have."""


class StudentProcessError(StudentError):
    """The student's kernel died, did not answer in time, or sent a malformed reply."""


class GraderFault(Exception):
    """The grader's own machinery failed (a kernel that could not be started for want of a thread,
    a socket, a file): nothing the answers decide. It ends the submission's grading, which then
    fails and keeps the previous grade, instead of costing the tests their points."""


_STUDENT_CLASSES = {}
_PROCESS_CLASSES = {}


def student_exception(type_name, message):
    """An exception for the student's ``type_name``: a subclass of StudentError and, when the name
    is that of a built-in exception (``NotImplementedError``, ``ValueError``, ...), of that
    built-in too, so ``except NotImplementedError`` catches it as it would have."""
    name = type_name if type_name.isidentifier() else "StudentException"
    if name not in _STUDENT_CLASSES:
        _STUDENT_CLASSES[name] = _exception_class(name)
    return _STUDENT_CLASSES[name](message)


def _exception_class(name):
    builtin = getattr(builtins, name, None)
    if isinstance(builtin, type) and issubclass(builtin, Exception) and builtin is not Exception:
        try:
            cls = type(name, (StudentError, builtin), {"__module__": "student", "__str__": Exception.__str__})
            cls("a message")  # some built-ins need other arguments (UnicodeDecodeError)
            return cls
        except TypeError:
            pass
    return type(name, (StudentError,), {"__module__": "student"})


def process_error(kind, message):
    """A StudentProcessError named ``kind`` (KernelDied, Timeout, MalformedReply)."""
    if kind not in _PROCESS_CLASSES:
        _PROCESS_CLASSES[kind] = type(kind, (StudentProcessError,), {"__module__": "student"})
    return _PROCESS_CLASSES[kind](message)
