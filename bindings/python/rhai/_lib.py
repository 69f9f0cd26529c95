"""Finding librhai.so and declaring the C ABI (include/rhai/rhai.h) for ctypes."""
import ctypes
import ctypes.util
import os
from pathlib import Path

OK = 0
ERR_UNKNOWN_FUTURE = -4
ERR_TOO_LATE = -5

TASK_RUNNING, TASK_WAITING, TASK_YIELDED, TASK_DONE, TASK_FAILED, TASK_CANCELLED = range(6)

# Callback types. The host-function callback returns a borrowed `const char*`: we return the
# address of a buffer the Engine keeps until its next callback (c_void_p, not c_char_p, so
# ctypes does not try to manage that memory).
CALLBACK = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_uint64, ctypes.c_char_p)
TASK_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_uint64, ctypes.c_int32, ctypes.c_char_p)
CANCEL_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_uint64, ctypes.c_uint64, ctypes.c_char_p)


class TaskOptions(ctypes.Structure):
    _fields_ = [("op_budget", ctypes.c_uint64), ("timeout_ns", ctypes.c_int64), ("deadline_ns", ctypes.c_int64)]


def _candidates():
    """RHAI_LIBRARY, else the build tree of this checkout, else the installed library."""
    env = os.environ.get("RHAI_LIBRARY")
    if env:
        yield env
        return
    root = Path(__file__).resolve().parents[3]
    for sub in ("build/release", "build/debug", "build"):
        yield str(root / sub / "librhai.so")
    build = root / "build"
    if build.is_dir():
        for p in sorted(build.glob("*/librhai.so")):
            yield str(p)
    found = ctypes.util.find_library("rhai")
    if found:
        yield found
    yield "librhai.so"  # the dynamic loader's own search path (e.g. /usr/local/lib)


def _declare(lib):
    c = ctypes
    P, S, U64, I64, I32 = c.c_void_p, c.c_char_p, c.c_uint64, c.c_int64, c.c_int32
    sigs = {
        "rhai_free_string": (None, [P]),
        "rhai_get_last_error": (P, []),
        "rhai_engine_new": (P, []),
        "rhai_engine_free": (I32, [P]),
        "rhai_engine_config": (I32, [P, S]),
        "rhai_register_function": (I32, [P, S, U64, CALLBACK]),
        "rhai_complete_future": (I32, [P, U64, S]),
        "rhai_on_cancel": (I32, [P, U64, CANCEL_CALLBACK]),
        "rhai_eval": (I32, [P, S, c.POINTER(P)]),
        "rhai_eval_async": (I32, [P, P, S, c.POINTER(TaskOptions), TASK_CALLBACK, U64, c.POINTER(P)]),
        "rhai_task_free": (I32, [P]),
        "rhai_task_status": (I32, [P]),
        "rhai_task_resume": (I32, [P, U64]),
        "rhai_task_cancel": (I32, [P]),
        "rhai_now": (I64, [P]),
        "rhai_next_deadline": (I32, [P, c.POINTER(I64), c.POINTER(I32)]),
        "rhai_expire": (I32, [P, I64, c.POINTER(U64)]),
        "rhai_pending_count": (I32, [P, c.POINTER(U64)]),
    }
    for name, (res, args) in sigs.items():
        fn = getattr(lib, name)
        fn.restype = res
        fn.argtypes = args
    return lib


_LIB = None


def load():
    """The loaded library (once per process)."""
    global _LIB
    if _LIB is None:
        errors = []
        for path in _candidates():
            if os.sep in path and not os.path.exists(path):
                errors.append(f"{path}: no such file")
                continue
            try:
                _LIB = _declare(ctypes.CDLL(path))
                break
            except OSError as e:
                errors.append(f"{path}: {e}")
        if _LIB is None:
            raise OSError("librhai.so not found (set RHAI_LIBRARY to its path); tried: " + "; ".join(errors))
    return _LIB


def take_string(lib, ptr):
    """Copies a library-owned char* and frees it."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        lib.rhai_free_string(ptr)
