"""rhai.Engine: a Rhai engine over the C ABI, with plain and `async def` host functions.

Everything happens on the thread of the asyncio loop that awaits `eval_async`: the library
calls back synchronously (host functions, cancel notices, task completion), and a pending host
coroutine is completed from its done-callback on the same loop, so the script resumes there.
"""
import asyncio
import ctypes
import inspect
import json

from . import _lib
from ._host_calls import HostCalls
from .errors import RhaiError, error_from_json
from .values import dumps, from_json_value, loads


def _utf8(text, what="script"):
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, not {type(text).__name__}")
    if "\0" in text:
        raise ValueError(f"{what} must not contain NUL characters")
    return text.encode("utf-8")


def _message(exc):
    """What a script sees of a Python exception: its message, else its type's name."""
    return str(exc) or type(exc).__name__


class Engine:
    """A Rhai engine with the standard packages and safe default limits.

    `settings` are applied with `configure` (e.g. `Engine(max_operations=10_000)`). An engine
    belongs to one thread; close it (or use `with`) to free it promptly."""

    def __init__(self, **settings):
        self._lib = _lib.load()
        self._ptr = self._lib.rhai_engine_new()
        if not self._ptr:
            raise MemoryError("rhai_engine_new failed")
        self._functions = []   # callback_id -> Python callable
        self._reply = None     # the last envelope: the library borrows it until the next callback
        self._sync_depth = 0   # > 0 inside eval(): async host functions cannot wait there
        self._waiting = {}     # task callback id -> asyncio.Future of an eval_async
        self._next_task = 0
        self._host = HostCalls(self)
        # ctypes trampolines live as long as the engine: the library keeps their addresses.
        self._c_call = _lib.CALLBACK(self._on_call)
        self._c_done = _lib.TASK_CALLBACK(self._on_done)
        self._c_cancel = _lib.CANCEL_CALLBACK(self._host.on_cancel)
        self._check(self._lib.rhai_on_cancel(self._ptr, 0, self._c_cancel))
        if settings:
            self.configure(**settings)

    # ---- lifetime -------------------------------------------------------------------------

    def close(self):
        """Frees the engine: unfinished evaluations fail as cancelled, pending host coroutines
        are cancelled. Idempotent."""
        if self._ptr:
            ptr, self._ptr = self._ptr, None
            self._lib.rhai_engine_free(ptr)
            self._host.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _handle(self):
        if not self._ptr:
            raise RhaiError("the engine is closed", kind="input")
        return self._ptr

    def _check(self, status):
        if status != _lib.OK:
            raise self._last_error()

    def _last_error(self):
        return error_from_json(_lib.take_string(self._lib, self._lib.rhai_get_last_error()), from_json_value)

    # ---- configuration and host functions ----------------------------------------------------

    def configure(self, **settings):
        """Engine settings (docs/c-abi.md): max_operations, max_call_levels, max_string_size,
        ..., allow_eval, allow_import, strict_variables, call_timeout_ms, ... All or nothing."""
        self._check(self._lib.rhai_engine_config(self._handle(), _utf8(json.dumps(settings), "settings")))

    def register_function(self, name, fn):
        """Makes `fn` callable from scripts as `name(...)`, for any number of arguments.
        `fn` may be a plain function or an `async def` (then only `eval_async` can call it).
        Registering a name again replaces the function."""
        if not callable(fn):
            raise TypeError(f"register_function needs a callable, not {type(fn).__name__}")
        callback_id = len(self._functions)
        self._functions.append((fn, inspect.iscoroutinefunction(fn)))
        status = self._lib.rhai_register_function(self._handle(), _utf8(name, "name"), callback_id, self._c_call)
        if status != _lib.OK:
            self._functions[callback_id] = (None, False)
            raise self._last_error()
        return fn

    def _on_call(self, callback_id, args_json):
        # Called by the library inside eval / eval_async / a completion. No exception may
        # escape into C: every failure becomes an error envelope (a catchable script error).
        try:
            fn, is_async = self._functions[callback_id]
            envelope = self._answer(fn, is_async, loads(args_json.decode("utf-8")))
        except Exception as exc:
            envelope = json.dumps({"status": "error", "error": _message(exc)})
        self._reply = ctypes.create_string_buffer(envelope.encode("utf-8"))
        return ctypes.addressof(self._reply)

    def _answer(self, fn, is_async, args):
        if is_async and self._sync_depth:
            return self._host.refuse_in_sync_eval()
        result = fn(*args)
        if not inspect.isawaitable(result):
            return '{"status":"success","value":' + dumps(result) + "}"
        if self._sync_depth:
            if inspect.iscoroutine(result):
                result.close()  # never awaited: close it so Python does not warn
            return self._host.refuse_in_sync_eval()
        return self._host.start(result)

    # ---- evaluation ---------------------------------------------------------------------------

    def eval(self, script):
        """Evaluates `script` and returns its value. A host function that is async makes this
        raise RhaiError at once (use eval_async)."""
        out = ctypes.c_void_p()
        self._sync_depth += 1
        try:
            status = self._lib.rhai_eval(self._handle(), _utf8(script), ctypes.byref(out))
        finally:
            self._sync_depth -= 1
        self._check(status)
        return loads(_lib.take_string(self._lib, out.value))

    async def eval_async(self, script, timeout=None):
        """Evaluates `script`, suspending at async host functions while other work runs.
        `timeout` (seconds) bounds the whole evaluation: past it a RhaiTimeoutError (also a
        builtin TimeoutError) is raised. Cancelling the awaiting task cancels the script and
        its pending host coroutines."""
        loop = asyncio.get_running_loop()
        encoded = _utf8(script)
        options = _lib.TaskOptions()
        if timeout is not None:
            options.timeout_ns = max(1, int(timeout * 1e9))
        done = loop.create_future()
        self._next_task += 1
        cid = self._next_task
        self._waiting[cid] = done
        task = ctypes.c_void_p()
        status = self._lib.rhai_eval_async(self._handle(), None, encoded, ctypes.byref(options),
                                           self._c_done, cid, ctypes.byref(task))
        if status != _lib.OK:
            self._waiting.pop(cid, None)
            raise self._last_error()
        try:
            self._host.arm_deadline()
            return await done
        except asyncio.CancelledError:
            if self._ptr:
                self._lib.rhai_task_cancel(task)  # abandons its pending call: on_cancel runs
            raise
        finally:
            self._waiting.pop(cid, None)
            self._lib.rhai_task_free(task)

    def _on_done(self, callback_id, status, text):
        # The library's completion callback (may run inside rhai_eval_async itself).
        fut = self._waiting.pop(callback_id, None)
        if fut is None or fut.done():
            return
        value, error = None, None
        try:
            body = text.decode("utf-8")
            if status == _lib.TASK_DONE:
                value = loads(body)
            else:
                error = error_from_json(body, from_json_value)
        except Exception as exc:
            error = RhaiError(f"could not decode the result: {exc}", kind="internal")
        try:
            if error is None:
                fut.set_result(value)
            else:
                fut.set_exception(error)
        except RuntimeError:
            pass  # the loop of this evaluation is closed: nobody awaits it any more

    def _complete(self, future_id, result_json):
        """Completes a pending host call; the script continues inside this call."""
        if self._ptr:
            self._lib.rhai_complete_future(self._ptr, future_id, result_json.encode("utf-8"))
            self._host.arm_deadline()

    def _encode_outcome(self, host_task):
        """{"value": ...} or {"error": "..."} for a finished host coroutine."""
        if host_task.cancelled():
            return json.dumps({"error": "host function cancelled"})
        exc = host_task.exception()
        if exc is not None:
            return json.dumps({"error": _message(exc)})
        try:
            return '{"value":' + dumps(host_task.result()) + "}"
        except (TypeError, ValueError, OverflowError) as e:
            return json.dumps({"error": f"host function returned a value Rhai cannot hold: {e}"})
