"""The agent: the student-side end of trusted grading, run inside a sandboxed kernel after the
student's cells. It answers requests about the student's objects and nothing else decides a grade.

It is sent to the kernel as source text (nothing of this repository is importable inside), so it
uses the standard library and NumPy only, and it installs itself as the module ``autograder_agent``
(``INSTALL``, a jupyter user expression whose value the grader reads under the private MIME type
``MIME``) without touching the student's names. Then ``LOOP`` (run as a cell) keeps the kernel's
main thread in ``loop``, serving requests over a Unix socket the grader listens on in the kernel's
private folder. The grader's interrupt (its timeout) still reaches the student's code there, as a
KeyboardInterrupt in the main thread.

A message on the socket is a frame of JSON followed by a frame holding the number of buffers and a
frame per buffer (each frame: its length in 8 bytes, then its bytes). The buffers carry the raw
bytes of the arrays the JSON describes.

Only plain data crosses: None, bool, int, float, str; lists, tuples and dicts of them; NumPy arrays
and scalars of numeric dtypes; numpy Generators as their bit generator's state. Any other object
stays here, in a table of handles, and crosses as its handle (an int) with its type name, whether
it is callable and whether it is a class.

Wire values (JSON): plain scalars as themselves, or {"t": tag, ...} with tag
  "nd"/"sc"   an array / a numpy scalar: {"dtype": dtype.str, "shape": [...], "buf": buffer number}
  "list"/"tuple"/"dict"   {"v": [values]} (a dict: [[key, value], ...])
  "h"         a handle: {"id": n} (+ "type", "callable", "class" from here)
  "slot"      the n-th array, list, dict or Generator the grader passed in this request: {"id": n}
  "rng"       a numpy Generator: {"state": bit_generator.state}
Requests: {"op": "global"|"getattr"|"setattr"|"call"|"getitem"|"text"|"isinstance", ...}; a "call"
with "stdout": true runs with sys.stdout captured, and its reply says what the call printed.
Replies: {"ok": true, "value": wire} or {"ok": false, "error": {"type": name, "message": text}},
both with "state": {slot: its value after the request} for every array (null if unchanged), list,
dict and Generator passed in, so the grader can write the changes back into its own objects, and
"printed": text for a call with "stdout".
"""
import contextlib
import io
import json
import socket
import struct

import numpy as np

MIME = "application/x-autograder-agent+json"
NUMERIC_KINDS = "biufc"
MAX_DEPTH = 32
MAX_ITEMS = 100_000
PLAIN = (type(None), bool, int, float, str)
MAX_PRINTED = 64 * 1024   # characters of a call's captured stdout sent back

# INSTALL.format(source=repr(<this file>)) is the user expression that installs the agent.
INSTALL = ("(lambda sys, module: (sys.modules.__setitem__(module.__name__, module), "
           "exec({source}, module.__dict__), module.start(globals()))[-1])"
           "(__import__('sys'), __import__('types').ModuleType('autograder_agent'))")
LOOP = "__import__('sys').modules['autograder_agent'].loop({path})"
FRAME = struct.Struct("!Q")


class Reply:
    """A value IPython shows as the JSON text of a reply, under MIME only."""

    def __init__(self, message):
        self.text = json.dumps(message)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {MIME: self.text}

    def __repr__(self):
        return "<agent reply>"


def array_wire(tag, array, buffers):
    """``array`` (numeric) as a wire value, its bytes appended to ``buffers``."""
    array = np.require(array, requirements="C")   # np.ascontiguousarray would make a scalar 1-d
    buffers.append(array.tobytes())
    return {"t": tag, "dtype": array.dtype.str, "shape": list(array.shape), "buf": len(buffers) - 1}


def wire_array(value, buffers):
    """A writable array from an "nd" or "sc" wire value of the grader's."""
    return np.frombuffer(buffers[value["buf"]], dtype=np.dtype(value["dtype"])).reshape(tuple(value["shape"])).copy()


class Agent:
    """The handle table and the request handlers, over the student's namespace ``user_ns``."""

    def __init__(self, user_ns):
        self.user_ns = user_ns
        self.objects = {}      # handle -> object
        self.handles = {}      # id(object) -> handle: one object, one handle
        self.incoming = []     # the buffers of the request being served
        self.outgoing = []     # the buffers of its reply
        self.printed = None    # the captured stdout of the call being served, if asked for

    # --- from the wire ------------------------------------------------------------------------

    def decode(self, value, slots):
        """A wire value as an object; arrays, lists, dicts and Generators are recorded in
        ``slots`` (with a copy of each array, to tell later whether it changed)."""
        if not isinstance(value, dict):
            return value
        tag = value["t"]
        if tag == "h":
            return self.objects[value["id"]]
        if tag == "slot":
            return slots[value["id"]][0]
        if tag == "sc":
            return wire_array(value, self.incoming)[()]
        if tag == "nd":
            array = wire_array(value, self.incoming)
            slots.append((array, array.copy()))
            return array
        if tag == "rng":
            rng = np.random.Generator(getattr(np.random, value["state"]["bit_generator"])())
            rng.bit_generator.state = value["state"]
            slots.append((rng, None))
            return rng
        if tag == "tuple":
            return tuple(self.decode(v, slots) for v in value["v"])
        container = [] if tag == "list" else {}
        slots.append((container, None))
        if tag == "list":
            container.extend(self.decode(v, slots) for v in value["v"])
        else:
            container.update((self.decode(k, slots), self.decode(v, slots)) for k, v in value["v"])
        return container

    # --- to the wire --------------------------------------------------------------------------

    def handle(self, obj):
        key = id(obj)
        if key not in self.handles:
            self.handles[key] = len(self.objects)
            self.objects[len(self.objects)] = obj
        return {"t": "h", "id": self.handles[key], "type": type(obj).__name__, "callable": callable(obj),
                "class": issubclass(type(obj), type)}

    def encode(self, obj, passed, path=()):
        """``obj`` as a wire value; ``passed``: {id: slot} of the objects the request brought."""
        if id(obj) in passed:
            return {"t": "slot", "id": passed[id(obj)]}
        kind = type(obj)   # never isinstance: a student class may claim any __class__
        if kind in PLAIN:
            return obj
        if issubclass(kind, np.ndarray) and obj.dtype.kind in NUMERIC_KINDS and not obj.dtype.fields:
            return array_wire("nd", obj.view(np.ndarray), self.outgoing)
        if issubclass(kind, np.generic) and obj.dtype.kind in NUMERIC_KINDS:
            return array_wire("sc", np.asarray(obj), self.outgoing)
        if self.is_container(obj, path):
            inner = path + (id(obj),)
            if type(obj) is dict:
                return {"t": "dict", "v": [[self.encode(k, {}, inner), self.encode(v, passed, inner)]
                                           for k, v in obj.items()]}
            return {"t": type(obj).__name__, "v": [self.encode(v, passed, inner) for v in obj]}
        return self.handle(obj)

    @staticmethod
    def is_container(obj, path):
        """A list, tuple or dict crosses as such when it is small, not nested too deep, not part
        of itself, and (a dict) keyed by plain values."""
        if type(obj) not in (list, tuple, dict) or len(path) >= MAX_DEPTH or id(obj) in path:
            return False
        if len(obj) > MAX_ITEMS:
            return False
        return type(obj) is not dict or all(type(k) in PLAIN for k in obj)

    def state(self, slots, passed):
        """{slot: value after the request} of what the grader passed in."""
        after = {}
        for number, (obj, before) in enumerate(slots):
            if isinstance(obj, np.ndarray):
                same = obj.shape == before.shape and np.array_equal(obj, before, equal_nan=obj.dtype.kind in "fc")
                after[number] = None if same else array_wire("nd", obj, self.outgoing)
            elif isinstance(obj, np.random.Generator):
                after[number] = {"t": "rng", "state": obj.bit_generator.state}
            elif isinstance(obj, dict):
                after[number] = [[self.encode(k, {}), self.encode(v, passed)] for k, v in obj.items()]
            else:
                after[number] = [self.encode(v, passed) for v in obj]
        return after

    # --- requests -----------------------------------------------------------------------------

    def run(self, request, slots):
        op = request["op"]
        if op == "global":
            if request["name"] not in self.user_ns:
                raise NameError(f"name {request['name']!r} is not defined")
            return self.user_ns[request["name"]]
        target = self.objects[request["target"]]
        if op == "getattr":
            return getattr(target, request["name"])
        if op == "setattr":
            return setattr(target, request["name"], self.decode(request["value"], slots))
        if op == "getitem":
            return target[self.decode(request["key"], slots)]
        if op == "call":
            args = [self.decode(a, slots) for a in request["args"]]
            kwargs = {k: self.decode(v, slots) for k, v in request["kwargs"].items()}
            if not request.get("stdout"):
                return target(*args, **kwargs)
            self.printed = io.StringIO()
            with contextlib.redirect_stdout(self.printed):
                return target(*args, **kwargs)
        if op == "text":
            return str(target) if request["kind"] == "str" else repr(target)
        if op == "isinstance":
            return isinstance(self.decode(request["value"], slots), target)
        raise ValueError(f"unknown request {op!r}")

    def serve(self, payload, buffers):
        """The reply (JSON text, buffers) to one request."""
        self.incoming, self.outgoing, self.printed = buffers, [], None
        slots = []
        try:
            value = self.run(json.loads(payload), slots)
            outcome = {"ok": True}
        except BaseException as err:  # noqa: BLE001 - whatever the student's code raises is an answer
            value, outcome = None, {"ok": False, "error": {"type": type(err).__name__, "message": message(err)}}
        passed = {id(obj): number for number, (obj, _) in enumerate(slots)}
        try:
            if outcome["ok"]:
                outcome["value"] = self.encode(value, passed)
            outcome["state"] = self.state(slots, passed)
            if self.printed is not None:
                outcome["printed"] = self.printed.getvalue()[:MAX_PRINTED]
        except BaseException as err:  # noqa: BLE001 - e.g. a student __eq__ that raises
            self.outgoing = []
            outcome = {"ok": False, "error": {"type": type(err).__name__, "message": message(err)}}
        return json.dumps(outcome), self.outgoing


def message(err):
    try:
        return str(err)[:4000]
    except BaseException:  # noqa: BLE001 - a student exception whose __str__ fails
        return "(the message could not be shown)"


AGENT = None


def start(user_ns):
    global AGENT
    AGENT = Agent(user_ns)
    return Reply({"ok": True, "value": "ready", "state": {}})


def loop(path):
    """Serve the requests that come over the Unix socket at ``path`` until the grader closes it."""
    line = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    line.connect(path)
    try:
        while True:
            request = receive(line)
            if request is None:
                return
            text, buffers = AGENT.serve(*request)
            send(line, text.encode(), buffers)
    finally:
        line.close()


def frame(data):
    return FRAME.pack(len(data)) + data


def send(line, text, buffers):
    line.sendall(b"".join([frame(text), frame(FRAME.pack(len(buffers)))] + [frame(b) for b in buffers]))


def receive(line):
    """One message (JSON text, buffers), None at the end of the line."""
    frames = []
    for _ in range(2):
        frames.append(read_frame(line))
        if frames[-1] is None:
            return None
    buffers = [read_frame(line) for _ in range(FRAME.unpack(frames[1])[0])]
    return None if None in buffers else (frames[0].decode(), buffers)


def read_frame(line):
    head = read_exactly(line, FRAME.size)
    return None if head is None else read_exactly(line, FRAME.unpack(head)[0])


def read_exactly(line, size):
    chunks, left = [], size
    while left:
        chunk = line.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
