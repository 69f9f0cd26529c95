"""Python values <-> the C ABI's JSON (docs/c-abi.md, "Value mapping").

int, float (nan/inf included), bool, str, None <-> (), list, dict, bytes <-> BLOB; a Rhai
char arrives as a 1-character str; Timestamp, FnPtr and Handle stand for the rest.
"""
import base64
import json
import math

_TAGS = {"$float", "$char", "$blob", "$timestamp", "$fn", "$range", "$range_inclusive", "$map", "$handle"}


class Timestamp:
    """A Rhai timestamp: nanoseconds on the engine's monotonic clock."""

    def __init__(self, ns):
        self.ns = ns

    def __eq__(self, other):
        return isinstance(other, Timestamp) and other.ns == self.ns

    def __hash__(self):
        return hash(self.ns)

    def __repr__(self):
        return f"Timestamp({self.ns})"


class FnPtr:
    """A Rhai function pointer: a name and curried arguments, or (closures) an engine handle."""

    def __init__(self, name, curried=(), handle=None):
        self.name = name
        self.curried = list(curried)
        self.handle = handle

    def __eq__(self, other):
        return (isinstance(other, FnPtr) and (self.name, self.curried, self.handle) ==
                (other.name, other.curried, other.handle))

    def __repr__(self):
        return f"FnPtr({self.name!r}, {self.curried!r}, handle={self.handle})"


class Handle:
    """A value JSON cannot carry (a host type, an iterator), kept by the engine."""

    def __init__(self, handle, type_name="", display=""):
        self.handle = handle
        self.type_name = type_name
        self.display = display

    def __repr__(self):
        return f"Handle({self.handle}, {self.type_name!r})"


def to_json_value(v):
    """A Python value as the JSON-ready structure the C ABI expects."""
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        if not -(2 ** 63) <= v < 2 ** 63:
            raise OverflowError(f"{v} does not fit Rhai's 64-bit INT")
        return v
    if isinstance(v, float):
        if math.isnan(v):
            return {"$float": "nan"}
        if math.isinf(v):
            return {"$float": "inf" if v > 0 else "-inf"}
        return v
    if isinstance(v, (bytes, bytearray, memoryview)):
        return {"$blob": base64.b64encode(bytes(v)).decode("ascii")}
    if isinstance(v, (list, tuple)):
        return [to_json_value(x) for x in v]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                raise TypeError(f"Rhai map keys are strings, not {type(k).__name__}")
            out[k] = to_json_value(x)
        return {"$map": out} if any(k in _TAGS for k in out) else out
    if isinstance(v, range):
        if v.step != 1:
            raise TypeError("only ranges with step 1 map to Rhai ranges")
        return {"$range": [v.start, v.stop]}
    if isinstance(v, Timestamp):
        return {"$timestamp": v.ns}
    if isinstance(v, FnPtr):
        if v.handle is not None:
            return {"$handle": v.handle}
        d = {"$fn": v.name}
        if v.curried:
            d["curried"] = [to_json_value(x) for x in v.curried]
        return d
    if isinstance(v, Handle):
        return {"$handle": v.handle}
    raise TypeError(f"cannot pass a {type(v).__name__} to Rhai")


# One encoder for every call: json.dumps with options builds a new one each time.
_ENCODER = json.JSONEncoder(allow_nan=False, separators=(",", ":"), ensure_ascii=False)


def dumps(v):
    return _ENCODER.encode(to_json_value(v))


def from_json_value(v):
    """The Python value of a JSON structure the C ABI produced."""
    if isinstance(v, list):
        return [from_json_value(x) for x in v]
    if not isinstance(v, dict):
        return v
    if v:
        tag = next(iter(v))
        if tag in _TAGS:
            body = v[tag]
            if tag == "$float":
                return float(body)
            if tag == "$char":
                return body
            if tag == "$blob":
                return base64.b64decode(body)
            if tag == "$timestamp":
                return Timestamp(body)
            if tag == "$fn":
                return FnPtr(body, [from_json_value(x) for x in v.get("curried", [])])
            if tag == "$range":
                return range(body[0], body[1])
            if tag == "$range_inclusive":
                return range(body[0], body[1] + 1)
            if tag == "$map":
                return {k: from_json_value(x) for k, x in body.items()}
            if tag == "$handle":
                if v.get("type") == "Fn":
                    return FnPtr(v.get("display", ""), handle=body)
                return Handle(body, v.get("type", ""), v.get("display", ""))
    return {k: from_json_value(x) for k, x in v.items()}


def loads(text):
    if "{" not in text:
        return json.loads(text)  # no objects, so no tagged forms: nothing to convert
    return from_json_value(json.loads(text))
