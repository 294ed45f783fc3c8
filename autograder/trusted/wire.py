"""The grader's side of the wire format of ``autograder/sandbox/agent.py`` (described there).

``Request`` encodes the grader's arguments, remembering every array, list, dict and Generator it
sends (its *slots*), and after the reply writes their post-call values back into them, so that
in-place changes made by the student's code are seen as they would have been. ``decode`` turns the
student's reply into plain values: everything is checked (types, sizes, dtypes); anything else is a
``MalformedReply``, the student's failure.
"""
import math

import numpy as np

from ..sandbox.agent import MAX_DEPTH, MAX_ITEMS, NUMERIC_KINDS, PLAIN, array_wire
from .errors import process_error

MAX_ARRAY_BYTES = 512 * 1024 ** 2   # one array (the MNIST test images are 31 MB)
MAX_TEXT = 1024 ** 2                # one string


def malformed(why):
    return process_error("MalformedReply", f"the student's kernel sent a malformed reply ({why})")


def unpack_array(value, buffers):
    """An array from the student's wire value and buffers: a numeric dtype, a shape that matches
    its buffer's size exactly."""
    dtype, shape, number = value.get("dtype"), value.get("shape"), value.get("buf")
    if type(dtype) is not str or len(dtype) > 8 or type(number) is not int or not 0 <= number < len(buffers):
        raise malformed("an array without dtype or buffer")
    try:
        dtype = np.dtype(dtype)
    except TypeError:
        raise malformed("an array of an unknown dtype") from None
    if dtype.kind not in NUMERIC_KINDS or dtype.fields or dtype.subdtype:
        raise malformed("an array of a non-numeric dtype")
    if (not isinstance(shape, list) or len(shape) > MAX_DEPTH
            or not all(type(n) is int and n >= 0 for n in shape)):
        raise malformed("an array shape")
    data = buffers[number]
    if math.prod(shape) * dtype.itemsize != len(data) or len(data) > MAX_ARRAY_BYTES:
        raise malformed("an array whose bytes do not match its shape")
    return np.frombuffer(data, dtype=dtype).reshape(tuple(shape)).copy()


class Request:
    """One request's encoding of the grader's values, and the write-back of its slots."""

    def __init__(self, handle_of):
        self.handle_of = handle_of   # proxy -> its handle in this kernel, or None
        self.slots = []              # the objects sent, in the agent's slot order
        self.numbers = {}            # id(object) -> slot
        self.buffers = []            # the bytes of the arrays sent

    def encode(self, value, depth=0):
        if depth > MAX_DEPTH:
            raise TypeError("the value is nested too deep to send to the student's code")
        if id(value) in self.numbers:
            return {"t": "slot", "id": self.numbers[id(value)]}
        handle = self.handle_of(value)
        if handle is not None:
            return {"t": "h", "id": handle}
        if type(value) in PLAIN:
            return value
        if issubclass(type(value), np.generic) and value.dtype.kind in NUMERIC_KINDS:
            return array_wire("sc", np.asarray(value), self.buffers)
        if type(value) is tuple:
            return {"t": "tuple", "v": [self.encode(v, depth + 1) for v in value]}
        if issubclass(type(value), np.ndarray) and value.dtype.kind in NUMERIC_KINDS and not value.dtype.fields:
            self.remember(value)
            return array_wire("nd", value, self.buffers)
        if type(value) is np.random.Generator:
            self.remember(value)
            return {"t": "rng", "state": value.bit_generator.state}
        if type(value) is list:
            self.remember(value)
            return {"t": "list", "v": [self.encode(v, depth + 1) for v in value]}
        if type(value) is dict:
            self.remember(value)
            return {"t": "dict", "v": [[self.encode(k, depth + 1), self.encode(v, depth + 1)]
                                       for k, v in value.items()]}
        raise TypeError(f"a {type(value).__name__} cannot be passed to the student's code (only numbers, "
                        "strings, arrays, lists, tuples, dicts, Generators and the student's own objects)")

    def remember(self, value):
        self.numbers[id(value)] = len(self.slots)
        self.slots.append(value)

    def write_back(self, state, decode):
        """Give every slot its value after the request: arrays in place, lists and dicts their new
        contents, Generators their new state."""
        if not isinstance(state, dict) or set(state) - {str(i) for i in range(len(self.slots))}:
            raise malformed("the state of the arguments")
        for key, after in state.items():
            self.update(self.slots[int(key)], after, decode)

    def update(self, obj, after, decode):
        if isinstance(obj, np.ndarray):
            if after is not None:
                new = decode(after)
                if not isinstance(new, np.ndarray):
                    raise malformed("an argument array came back as something else")
                if new.shape == obj.shape:   # an in-place reshape cannot be mirrored here
                    np.copyto(obj, new, casting="unsafe")
        elif isinstance(obj, np.random.Generator):
            if not isinstance(after, dict) or after.get("t") != "rng":
                raise malformed("the state of a Generator")
            try:
                obj.bit_generator.state = after["state"]
            except (TypeError, ValueError, KeyError) as err:
                raise malformed(f"the state of a Generator: {err}") from None
        elif isinstance(obj, list):
            obj[:] = decode({"t": "list", "v": after})
        else:
            pairs = decode({"t": "dict", "v": after})
            obj.clear()
            obj.update(pairs)


class Decoder:
    """Wire values from the student as plain values; handles become ``make_proxy(description)``,
    slots the grader's own objects of ``request``."""

    def __init__(self, make_proxy, request, buffers):
        self.make_proxy = make_proxy
        self.request = request
        self.buffers = buffers   # the reply's
        self.items = 0

    def __call__(self, value, depth=0):
        if depth > MAX_DEPTH:
            raise malformed("nested too deep")
        self.items += 1
        if self.items > 10 * MAX_ITEMS:
            raise malformed("too many values")
        if type(value) in PLAIN:
            if type(value) is str and len(value) > MAX_TEXT:
                raise malformed("a string longer than the limit")
            return value
        if not isinstance(value, dict):
            raise malformed(f"a {type(value).__name__} where a value was expected")
        return self.tagged(value, depth)

    def tagged(self, value, depth):
        tag = value.get("t")
        if tag == "nd":
            return unpack_array(value, self.buffers)
        if tag == "sc":
            scalar = unpack_array(value, self.buffers)
            if scalar.ndim:
                raise malformed("a scalar with dimensions")
            return scalar[()]
        if tag == "slot":
            number = value.get("id")
            if type(number) is not int or not 0 <= number < len(self.request.slots):
                raise malformed("a reference to an argument that was not passed")
            return self.request.slots[number]
        if tag == "h":
            return self.handle(value)
        items = value.get("v")
        if tag not in ("list", "tuple", "dict") or not isinstance(items, list) or len(items) > MAX_ITEMS:
            raise malformed(f"an unknown value {str(tag)[:40]!r}")
        if tag == "dict":
            return self.mapping(items, depth)
        decoded = [self(v, depth + 1) for v in items]
        return decoded if tag == "list" else tuple(decoded)

    def mapping(self, items, depth):
        result = {}
        for pair in items:
            if not isinstance(pair, list) or len(pair) != 2:
                raise malformed("a dict entry that is not a pair")
            key = self(pair[0], depth + 1)
            try:
                result[key] = self(pair[1], depth + 1)
            except TypeError:
                raise malformed("an unhashable dict key") from None
        return result

    def handle(self, value):
        number, type_name = value.get("id"), value.get("type")
        if type(number) is not int or number < 0 or type(type_name) is not str or len(type_name) > 200:
            raise malformed("a handle")
        flags = value.get("callable"), value.get("class")
        if not all(type(f) is bool for f in flags):
            raise malformed("a handle's description")
        return self.make_proxy(number, type_name, *flags)
