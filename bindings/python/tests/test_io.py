"""Real asynchronous I/O behind host functions: HTTP over asyncio streams against a loopback
server the test starts, and file I/O through asyncio.to_thread."""
import asyncio
import os
import tempfile
import time
import unittest

import rhai
import http_loopback
from http_loopback import LoopbackServer, http_get


class HttpFromScripts(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.server = await LoopbackServer().__aenter__()
        self.engine = rhai.Engine()

        async def get(path):
            status, body = await http_get(self.server.port, path)
            if status != 200:
                raise RuntimeError(f"HTTP {status}: {body['error']}")
            return body

        self.engine.register_function("http_get", get)

    async def asyncTearDown(self):
        self.engine.close()
        await self.server.__aexit__(None, None, None)

    async def test_design_example_fetch_user(self):
        self.engine.register_function("fetch_user", lambda uid: http_get_user(self.server.port, uid))
        got = await self.engine.eval_async('let user = fetch_user("123"); user.name + " (" + user.email + ")"')
        self.assertEqual(got, "User 123 (u123@example.com)")
        self.assertEqual(self.server.requests, 1)

    async def test_http_error_is_catchable(self):
        script = 'let r = ""; try { http_get("/missing") } catch (e) { r = e } r'
        self.assertEqual(await self.engine.eval_async(script), "HTTP 404: no route /missing")

    async def test_requests_in_map_closure_and_concurrent_scripts_overlap(self):
        script = 'let ids = ["1", "2", "3"]; ids.map(|id| http_get("/user/" + id).name)'
        self.assertEqual(await self.engine.eval_async(script), ["User 1", "User 2", "User 3"])
        t0 = time.monotonic()
        slow = await asyncio.gather(*(self.engine.eval_async('http_get("/slow/300").slept_ms') for _ in range(50)))
        self.assertEqual(slow, [300] * 50)
        self.assertEqual(self.server.slow_peak, 50)  # all 50 requests were in flight at once
        self.assertLess(time.monotonic() - t0, 7.5)  # 50 x 0.3 s one after another: 15 s

    async def test_timeout_and_cancel_drop_the_connection(self):
        with self.assertRaises(TimeoutError):
            await self.engine.eval_async('http_get("/slow/5000")', timeout=0.2)
        task = asyncio.create_task(self.engine.eval_async('http_get("/slow/5000")'))
        await asyncio.sleep(0.1)
        task.cancel()
        with self.assertRaises(asyncio.CancelledError):
            await task
        # Both client coroutines were cancelled: their connections are closed, not left waiting.
        await asyncio.sleep(0)
        self.assertEqual(http_loopback.open_clients, 0)


async def http_get_user(port, uid):
    status, body = await http_get(port, f"/user/{uid}")
    return body


class FilesFromScripts(unittest.IsolatedAsyncioTestCase):
    async def test_file_io_through_to_thread(self):
        with tempfile.TemporaryDirectory() as d, rhai.Engine() as engine:
            def write(name, text):
                with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                    f.write(text)
                return len(text)

            def read(name):
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    return f.read()

            async def write_file(name, text):
                return await asyncio.to_thread(write, name, text)

            async def read_file(name):
                return await asyncio.to_thread(read, name)

            engine.register_function("write_file", write_file)
            engine.register_function("read_file", read_file)
            script = """
                let n = 0;
                for i in 1..=3 { n += write_file(`f${i}.txt`, "line " + i); }
                let all = [1, 2, 3].map(|i| read_file(`f${i}.txt`));
                let missing = "";
                try { read_file("nope.txt") } catch (e) { missing = e }
                #{written: n, all: all, missing: missing}
            """
            got = await engine.eval_async(script)
            self.assertEqual(got["written"], 18)
            self.assertEqual(got["all"], ["line 1", "line 2", "line 3"])
            self.assertIn("nope.txt", got["missing"])
            self.assertEqual(read("f2.txt"), "line 2")


if __name__ == "__main__":
    unittest.main()
