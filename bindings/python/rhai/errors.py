"""rhai.RhaiError and its subclasses, built from the C ABI's error JSON."""
import json


class RhaiError(Exception):
    """A script or engine error. `kind` is the category ("parse", "runtime", "timeout",
    "cancelled", "input", "internal"); `error` is Rhai's error name (e.g. "ErrorRuntime");
    `line` / `column` locate it in the script (0 when unknown); `call_stack` lists the script
    functions it happened in; `value` is the thrown value of `throw`."""

    def __init__(self, message, kind="runtime", error="", line=0, column=0, call_stack=(), value=None):
        self.message = message
        self.kind = kind
        self.error = error
        self.line = line
        self.column = column
        self.call_stack = list(call_stack)
        self.value = value
        where = f" (line {line}, column {column})" if line else ""
        super().__init__(message + where)


class RhaiParseError(RhaiError):
    """The script does not compile."""


class RhaiRuntimeError(RhaiError):
    """The script failed while running."""


class RhaiTimeoutError(RhaiError, TimeoutError):
    """A host call's timeout or the evaluation's deadline passed (also a builtin TimeoutError)."""


class RhaiCancelledError(RhaiError):
    """The evaluation was cancelled."""


_BY_KIND = {"parse": RhaiParseError, "runtime": RhaiRuntimeError, "timeout": RhaiTimeoutError,
            "cancelled": RhaiCancelledError}


def error_from_json(text, decode_value=lambda v: v):
    if not text:
        return RhaiError("unknown error (no error recorded)", kind="internal")
    d = json.loads(text)
    cls = _BY_KIND.get(d.get("kind"), RhaiError)
    value = d.get("value")
    return cls(d.get("message", ""), kind=d.get("kind", "runtime"), error=d.get("error", ""),
               line=d.get("line", 0), column=d.get("column", 0), call_stack=d.get("call_stack", ()),
               value=decode_value(value) if value is not None else None)
