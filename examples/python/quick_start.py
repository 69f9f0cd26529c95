"""The README's Python example: a plain and an async host function, one script each."""
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bindings" / "python"))
import rhai  # noqa: E402


async def lookup(key):
    await asyncio.sleep(0.01)          # stands for a database or HTTP call
    return {"key": key, "size": len(key)}


async def main():
    engine = rhai.Engine()
    engine.register_function("add", lambda a, b: a + b)
    engine.register_function("lookup", lookup)  # an async def: the script waits, no thread blocks
    print(engine.eval("add(40, 2)"))                                  # 42
    print(await engine.eval_async('let r = lookup("abc"); r.key + ":" + r.size'))  # abc:3

asyncio.run(main())
