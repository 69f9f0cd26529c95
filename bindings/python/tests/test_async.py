"""rhai.Engine.eval_async: suspension at async host functions, overlap, errors both ways,
timeouts and cancellation."""
import asyncio
import time
import unittest

import rhai


class AsyncEval(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.engine = rhai.Engine()

        async def double(x):
            await asyncio.sleep(0.001)
            return x * 2

        self.engine.register_function("double", double)

    def tearDown(self):
        self.engine.close()

    async def test_script_waits_for_async_function(self):
        self.assertEqual(await self.engine.eval_async("let a = double(20); a + double(1)"), 42)
        # Sync functions and plain eval work alongside.
        self.engine.register_function("inc", lambda x: x + 1)
        self.assertEqual(await self.engine.eval_async("inc(double(3))"), 7)

    async def test_suspension_inside_map_filter_and_sort_closures(self):
        script = """
            let xs = [3, 1, 2].map(|x| double(x));
            let ys = xs.filter(|x| double(x) > 4);
            ys.sort(|a, b| double(a) - double(b));
            [xs, ys]
        """
        self.assertEqual(await self.engine.eval_async(script), [[6, 2, 4], [4, 6]])

    async def test_500_concurrent_scripts_overlap(self):
        active, peak = 0, 0

        async def wait(i):
            nonlocal active, peak
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.2)
            active -= 1
            return i

        self.engine.register_function("wait", wait)
        t0 = time.monotonic()
        results = await asyncio.gather(*(self.engine.eval_async(f"wait({i}) + 1") for i in range(500)))
        elapsed = time.monotonic() - t0
        self.assertEqual(results, [i + 1 for i in range(500)])
        self.assertEqual(peak, 500)          # every script was suspended at once
        self.assertLess(elapsed, 20.0)  # 500 x 0.2 s one after another: 100 s (slack for loaded CI)

    async def test_async_exception_is_catchable_in_script(self):
        async def fetch(x):
            await asyncio.sleep(0)
            raise ConnectionError(f"host {x} unreachable")

        self.engine.register_function("fetch", fetch)
        got = await self.engine.eval_async('let r = "none"; try { fetch("a") } catch (e) { r = e } r')
        self.assertEqual(got, "host a unreachable")

    async def test_uncaught_async_exception_names_message_and_line(self):
        async def fetch(x):
            raise ValueError("bad id " + x)

        self.engine.register_function("fetch", fetch)
        with self.assertRaises(rhai.RhaiError) as cm:
            await self.engine.eval_async('let a = 1;\nlet b = 2;\n  fetch("7")')
        self.assertIn("bad id 7", str(cm.exception))
        self.assertEqual((cm.exception.kind, cm.exception.line, cm.exception.column), ("runtime", 3, 3))

    async def test_script_error_after_resume_raises(self):
        with self.assertRaises(rhai.RhaiRuntimeError) as cm:
            await self.engine.eval_async('let v = double(1);\nthrow "after " + v')
        self.assertEqual(cm.exception.value, "after 2")
        self.assertEqual(cm.exception.line, 2)
        with self.assertRaises(rhai.RhaiParseError):
            await self.engine.eval_async("double(")

    async def test_host_result_rhai_cannot_hold_is_a_script_error(self):
        async def weird():
            return object()

        self.engine.register_function("weird", weird)
        got = await self.engine.eval_async('let r = ""; try { weird() } catch (e) { r = e } r')
        self.assertIn("cannot", got)

    async def test_timeout_raises_timeout_error_and_cancels_host_coroutine(self):
        cancelled = asyncio.Event()

        async def forever():
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                cancelled.set()
                raise

        self.engine.register_function("forever", forever)
        t0 = time.monotonic()
        with self.assertRaises(TimeoutError) as cm:
            await self.engine.eval_async("forever()", timeout=0.1)
        self.assertIsInstance(cm.exception, rhai.RhaiError)
        self.assertEqual(cm.exception.kind, "timeout")
        self.assertLess(time.monotonic() - t0, 5.0)  # the 3,600 s sleep was cut short
        await asyncio.wait_for(cancelled.wait(), 2.0)
        # A script that finishes in time is not affected by its timeout.
        self.assertEqual(await self.engine.eval_async("double(2)", timeout=5), 4)

    async def test_per_call_timeout_is_catchable_in_script(self):
        async def slow():
            await asyncio.sleep(10)

        self.engine.register_function("slow", slow)
        self.engine.configure(call_timeout_ms=50)
        got = await self.engine.eval_async('let r = "none"; try { slow() } catch (e) { r = e.error } r')
        self.assertEqual(got, "ErrorTimeout")
        with self.assertRaises(rhai.RhaiTimeoutError):
            await self.engine.eval_async("slow()")
        self.assertEqual(self.engine._host.pending(), 0)

    async def test_timeout_stops_a_busy_script_too(self):
        self.engine.configure(max_operations=0)
        with self.assertRaises(TimeoutError):
            # The VM checks the task's deadline while it runs, not only at host calls.
            await self.engine.eval_async("let i = 0; loop { i += 1; }", timeout=0.2)

    async def test_script_sleep_waits_on_the_loop_without_blocking_it(self):
        ticks = 0

        async def ticker():
            nonlocal ticks
            while True:
                await asyncio.sleep(0.005)
                ticks += 1

        tick_task = asyncio.ensure_future(ticker())
        try:
            started = time.monotonic()
            slow, fast = await asyncio.gather(
                self.engine.eval_async('sleep(0.15); "slow"'),
                self.engine.eval_async("[1, 2].map(|x| { sleep(0.02); double(x) })"),
            )
            self.assertEqual((slow, fast), ("slow", [2, 4]))
            self.assertGreaterEqual(time.monotonic() - started, 0.14)
            self.assertGreaterEqual(ticks, 5)  # the loop ran while the scripts slept
            with self.assertRaises(TimeoutError):
                await self.engine.eval_async("sleep(60); 1", timeout=0.05)
        finally:
            tick_task.cancel()

    async def test_cancelling_the_awaiting_task_cancels_script_and_host_coroutines(self):
        started, cancelled = asyncio.Event(), asyncio.Event()
        after = []

        async def hang():
            started.set()
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                cancelled.set()
                raise

        self.engine.register_function("hang", hang)
        self.engine.register_function("mark", lambda: after.append(1))
        task = asyncio.create_task(self.engine.eval_async("hang(); mark()"))
        await started.wait()
        task.cancel()
        with self.assertRaises(asyncio.CancelledError):
            await task
        await asyncio.wait_for(cancelled.wait(), 2.0)
        await asyncio.sleep(0.01)
        self.assertEqual(after, [])                      # the script did not continue
        self.assertEqual(self.engine._host.pending(), 0)
        self.assertEqual(await self.engine.eval_async("double(5)"), 10)

    async def test_wait_for_around_eval_async(self):
        async def slow():
            await asyncio.sleep(10)

        self.engine.register_function("slow", slow)
        with self.assertRaises(TimeoutError):
            await asyncio.wait_for(self.engine.eval_async("slow()"), 0.05)
        self.assertEqual(self.engine._host.pending(), 0)

    async def test_closing_engine_fails_waiting_scripts(self):
        async def hang():
            await asyncio.sleep(3600)

        self.engine.register_function("hang", hang)
        task = asyncio.create_task(self.engine.eval_async("hang()"))
        await asyncio.sleep(0.01)
        self.engine.close()
        with self.assertRaises(rhai.RhaiError) as cm:
            await task
        self.assertEqual(cm.exception.kind, "cancelled")

    async def test_two_engines_never_see_each_other(self):
        other = rhai.Engine()
        try:
            async def tag(x):
                await asyncio.sleep(0.001)
                return "other:" + x

            other.register_function("double", tag)
            a, b = await asyncio.gather(self.engine.eval_async("double(21)"), other.eval_async('double("x")'))
            self.assertEqual((a, b), (42, "other:x"))
        finally:
            other.close()

    async def test_values_cross_the_async_boundary(self):
        async def give(kind):
            await asyncio.sleep(0)
            return {"blob": b"\x00\x01\xfe", "nan": float("nan"), "inf": float("-inf"),
                    "map": {"error": "a value, not an error"}, "uni": "ü✓", "none": None}[kind]

        self.engine.register_function("give", give)
        self.assertEqual(await self.engine.eval_async('let b = give("blob"); [b.len(), b[2]]'), [3, 254])
        self.assertEqual(await self.engine.eval_async('give("nan").is_nan()'), True)
        self.assertEqual(await self.engine.eval_async('give("inf") < 0.0'), True)
        self.assertEqual(await self.engine.eval_async('give("map").error'), "a value, not an error")
        self.assertEqual(await self.engine.eval_async('give("uni").len()'), 2)
        self.assertEqual(await self.engine.eval_async('give("none") == ()'), True)
        self.assertEqual(await self.engine.eval_async('`${double(2)}`.to_chars()'), ["4"])


class EngineAcrossLoops(unittest.TestCase):
    def test_engine_outlives_its_event_loops(self):
        engine = rhai.Engine()

        async def later(x):
            await asyncio.sleep(0.01)
            return x

        engine.register_function("later", later)
        self.assertEqual(asyncio.run(engine.eval_async("later(1)", timeout=5)), 1)
        self.assertEqual(asyncio.run(engine.eval_async("later(2)", timeout=5)), 2)

        async def abandon():
            # Leaves a script waiting when the loop ends: asyncio.run cancels it.
            asyncio.ensure_future(engine.eval_async("later(3); later(4)"))
            await asyncio.sleep(0.001)

        asyncio.run(abandon())
        self.assertEqual(engine._host.pending(), 0)
        self.assertEqual(engine.eval("40 + 2"), 42)
        engine.close()


if __name__ == "__main__":
    unittest.main()
