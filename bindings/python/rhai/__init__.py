"""Rhai scripting for Python, over rhai-cpp's C ABI (librhai.so), standard library only.

    import asyncio, rhai
    engine = rhai.Engine()
    engine.register_function("add", lambda a, b: a + b)
    engine.eval("add(40, 2)")                       # 42

    async def fetch_user(id): ...
    engine.register_function("fetch_user", fetch_user)
    await engine.eval_async('fetch_user("123").name')

The library is found through RHAI_LIBRARY, else this checkout's build tree, else the installed
librhai.so (see bindings/python/README.md).
"""
from .engine import Engine
from .errors import RhaiCancelledError, RhaiError, RhaiParseError, RhaiRuntimeError, RhaiTimeoutError
from .values import FnPtr, Handle, Timestamp

__all__ = ["Engine", "RhaiError", "RhaiParseError", "RhaiRuntimeError", "RhaiTimeoutError",
           "RhaiCancelledError", "FnPtr", "Handle", "Timestamp"]
