"""Host-call costs as a Python asyncio host sees them (the C ABI's own: capi_bench).
Prints one line: py_sync_call_us=S py_async_roundtrip_us=A
S (CPU time, like capi_bench): a script calling a plain Python function add(a, b) (ctypes callback, JSON both ways).
A: a script awaiting an `async def` that returns at once: pending envelope, an asyncio task,
   its done-callback completing the future, the script resuming."""
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bindings" / "python"))
import rhai  # noqa: E402

N = 20000


async def main():
    engine = rhai.Engine()
    engine.register_function("add", lambda a, b: a + b)

    async def ready(x):
        return x

    engine.register_function("ready", ready)
    best_s = best_a = float("inf")
    for _ in range(3):
        t0 = time.thread_time()
        engine.eval(f"let s = 0; for i in 0..{N} {{ s = add(s, i); }} s")
        best_s = min(best_s, (time.thread_time() - t0) / N)
        t0 = time.thread_time()
        await engine.eval_async(f"let s = 0; for i in 0..{N} {{ s += ready(i); }} s")
        best_a = min(best_a, (time.thread_time() - t0) / N)
    print(f"py_sync_call_us={best_s * 1e6:.1f} py_async_roundtrip_us={best_a * 1e6:.1f}")
    engine.close()


asyncio.run(main())
