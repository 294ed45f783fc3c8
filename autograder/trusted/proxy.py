"""Proxies: the grader's stand-ins for the student's objects, which live in a sandboxed kernel.

Attribute access, calls, indexing (iteration too: Python's sequence protocol), ``str``/``repr``
and ``isinstance`` against a student class go to the student's kernel through its agent; what
comes back is plain data (real NumPy arrays, numbers, strings, lists, tuples, dicts) or further
proxies. Every array, list, dict and Generator passed to a call is written back in place with its
value after the call, so "the input is unchanged" and "the optimizer updates the arrays in place"
are judged as in one process. An exception of the student's code is raised here as a StudentError
named after the student's type (``NotImplementedError`` is a NotImplementedError too, see
``errors.py``).

A proxy is never an instance of a grader class: ``isinstance(proxy, np.ndarray)`` is False.
"""
from .errors import student_exception
from .wire import Decoder, Request, malformed

# Looked up on instances by Python's copy and pickle modules and by NumPy: never worth a request.
NOT_REMOTE = frozenset({"__array_interface__", "__array_struct__", "__copy__", "__deepcopy__", "__getstate__",
                        "__setstate__", "__reduce__", "__reduce_ex__", "__getnewargs_ex__", "__length_hint__"})


class Remote:
    """The student's objects in one kernel (through ``channel``), as proxies."""

    def __init__(self, channel):
        self.channel = channel
        self.proxies = {}   # handle -> proxy: one student object, one proxy

    def global_(self, name):
        value = self.send({"op": "global", "name": name}, Request(self.handle_of), name, label=name)
        if isinstance(value, Proxy):   # reached before by another way (a check reading __globals__)
            object.__setattr__(value, "_label", name)
        return value

    def getattr(self, proxy, name):
        label = f"{proxy._label}.{name}"
        return self.send({"op": "getattr", "target": proxy._handle, "name": name}, Request(self.handle_of),
                         label, label=label)

    def setattr(self, proxy, name, value):
        request = Request(self.handle_of)
        message = {"op": "setattr", "target": proxy._handle, "name": name, "value": request.encode(value)}
        self.send(message, request, f"{proxy._label}.{name} = ...")

    def getitem(self, proxy, key):
        request = Request(self.handle_of)
        label = f"{proxy._label}[...]"
        return self.send({"op": "getitem", "target": proxy._handle, "key": request.encode(key)}, request,
                         label, label=label)

    def call(self, proxy, args, kwargs, stdout=False):
        """The call's value; with ``stdout``, (value, what the call printed to the kernel's stdout)."""
        request = Request(self.handle_of)
        message = {"op": "call", "target": proxy._handle, "args": [request.encode(a) for a in args],
                   "kwargs": {k: request.encode(v) for k, v in kwargs.items()}, "stdout": stdout}
        label = f"{proxy._label}(...)"
        return self.send(message, request, label, label=label, stdout=stdout)

    def text(self, proxy, kind):
        text = self.send({"op": "text", "target": proxy._handle, "kind": kind}, Request(self.handle_of),
                         f"{kind}({proxy._label})")
        if type(text) is not str:
            raise malformed(f"{kind}() that is not a string")
        return text

    def isinstance(self, proxy, cls_proxy):
        request = Request(self.handle_of)
        message = {"op": "isinstance", "target": cls_proxy._handle, "value": request.encode(proxy)}
        answer = self.send(message, request, f"isinstance({proxy._label}, {cls_proxy._label})")
        if type(answer) is not bool:
            raise malformed("isinstance() that is not a bool")
        return answer

    def handle_of(self, value):
        return value._handle if isinstance(value, Proxy) and value._remote is self else None

    def send(self, message, request, what, label=None, stdout=False):
        """Send, write the arguments' new values back, return the value (with ``stdout``: and the
        printed text) or raise the student's exception. ``label`` names the proxies the reply
        brings (for messages)."""
        reply, buffers = self.channel.request(message, request.buffers, f"`{what}`")
        decode = Decoder(lambda *description: self.proxy(*description, label=label or what), request, buffers)
        request.write_back(reply.get("state", {}), decode)
        if reply["ok"]:
            value = decode(reply.get("value"))
            if not stdout:
                return value
            if type(reply.get("printed")) is not str:
                raise malformed("a call's reply without its printed text")
            return value, reply["printed"]
        error = reply.get("error")
        fields = (error.get("type"), error.get("message")) if isinstance(error, dict) else (None, None)
        if not all(type(field) is str for field in fields):
            raise malformed("an error without type or message")
        raise student_exception(error["type"][:200], error["message"][:4000])

    def proxy(self, handle, type_name, is_callable, is_class, label):
        if handle not in self.proxies:
            kind = ClassProxy if is_class else CallableProxy if is_callable else Proxy
            self.proxies[handle] = kind(self, handle, type_name, label)
        return self.proxies[handle]


class Proxy:
    """A student object that is not plain data. ``_label`` says how the grader reached it."""

    __slots__ = ("_remote", "_handle", "_type_name", "_label")

    def __init__(self, remote, handle, type_name, label):
        for name, value in zip(Proxy.__slots__, (remote, handle, type_name, label)):
            object.__setattr__(self, name, value)

    def __getattr__(self, name):
        if name in NOT_REMOTE or name in Proxy.__slots__:
            raise AttributeError(name)
        return self._remote.getattr(self, name)

    def __setattr__(self, name, value):
        self._remote.setattr(self, name, value)

    def __getitem__(self, key):
        return self._remote.getitem(self, key)

    def __str__(self):
        return self._remote.text(self, "str")

    def __repr__(self):
        return self._remote.text(self, "repr")


class CallableProxy(Proxy):
    """A student function, method or other callable."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return self._remote.call(self, args, kwargs)


class ClassProxy(CallableProxy):
    """A student class: calling it makes a remote instance; ``isinstance`` asks the student's side."""

    __slots__ = ()

    def __instancecheck__(self, instance):
        if not isinstance(instance, Proxy) or instance._remote is not self._remote:
            return False
        return self._remote.isinstance(instance, self)


def call_printing(fn, args, kwargs):
    """``fn(*args, **kwargs)`` of a student callable proxy, run in the student's kernel with its
    stdout captured there: (value, printed text)."""
    return fn._remote.call(fn, args, kwargs, stdout=True)


def type_name(value):
    """The type name of a grader value or of the student object a proxy stands for."""
    return value._type_name if isinstance(value, Proxy) else type(value).__name__
