"""The pending host calls of one Engine: the asyncio tasks running its host coroutines, the
future ids the library knows them by, and the timer that drives the engine's deadlines."""
import asyncio
import ctypes
import functools

from . import _lib


class HostCalls:
    def __init__(self, engine):
        self._engine = engine
        self._pending = {}    # future_id -> asyncio.Task of the host coroutine
        self._next_id = 0     # host-issued future ids (the original design's _nextFutureId++)
        self._timer = None    # (loop, handle, deadline_ns) of the armed expiry timer

    def _new_id(self):
        self._next_id += 1
        return self._next_id

    def start(self, awaitable):
        """Runs the host coroutine as a task on the running loop; returns the pending envelope."""
        loop = asyncio.get_running_loop()
        future_id = self._new_id()
        task = asyncio.ensure_future(awaitable, loop=loop)
        self._pending[future_id] = task
        task.add_done_callback(functools.partial(self._finished, future_id))
        return '{"status":"pending","future_id":%d}' % future_id

    def refuse_in_sync_eval(self):
        # Answering pending lets the library fail the call with its own error, which names
        # eval_async and carries the script's position; no coroutine was started.
        return '{"status":"pending","future_id":%d}' % self._new_id()

    def _finished(self, future_id, task):
        if self._pending.pop(future_id, None) is not task:
            # Abandoned (cancel notice) before it finished: the library no longer waits.
            if not task.cancelled():
                task.exception()  # retrieved, so asyncio does not log it as unhandled
            return
        self._engine._complete(future_id, self._engine._encode_outcome(task))

    def on_cancel(self, callback_id, future_id, reason):
        # The library abandoned the call (task cancelled, timeout, deadline, engine freed):
        # stop the coroutine behind it.
        _cancel_quietly(self._pending.pop(future_id, None))

    def close(self):
        for task in self._pending.values():
            _cancel_quietly(task)
        self._pending.clear()
        self._cancel_timer()

    def pending(self):
        return len(self._pending)

    # ---- deadlines: the host drives expiry (rhai_next_deadline / rhai_expire) -----------------

    def _cancel_timer(self):
        if self._timer:
            self._timer[1].cancel()  # a TimerHandle: safe on a closed loop too
            self._timer = None

    def arm_deadline(self):
        """Schedules rhai_expire on the running loop for the engine's earliest deadline."""
        lib, ptr = self._engine._lib, self._engine._ptr
        if not ptr:
            return
        at, has = ctypes.c_int64(), ctypes.c_int32()
        if lib.rhai_next_deadline(ptr, ctypes.byref(at), ctypes.byref(has)) != _lib.OK or not has.value:
            self._cancel_timer()
            return
        loop = asyncio.get_running_loop()
        if self._timer and self._timer[0] is loop and self._timer[2] == at.value:
            return
        self._cancel_timer()
        delay = max(0.0, (at.value - lib.rhai_now(ptr)) / 1e9)
        self._timer = (loop, loop.call_later(delay, self._expire), at.value)

    def _expire(self):
        self._timer = None
        ptr = self._engine._ptr
        if ptr:
            # Scripts whose deadline passed fail inside this call (their awaiters wake up).
            self._engine._lib.rhai_expire(ptr, -1, None)
            self.arm_deadline()


def _cancel_quietly(task):
    # Runs inside a callback from C (or while an engine is collected after its loop closed):
    # a closed loop refuses new callbacks, and no exception may reach the C library.
    if task is None:
        return
    try:
        task.cancel()
    except RuntimeError:
        pass
