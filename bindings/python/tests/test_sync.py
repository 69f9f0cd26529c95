"""rhai.Engine.eval: plain host functions, errors with positions, and bad input from Python."""
import math
import unittest

import rhai


class SyncEval(unittest.TestCase):
    def setUp(self):
        self.engine = rhai.Engine()

    def tearDown(self):
        self.engine.close()

    def test_plain_function_with_two_ints(self):
        self.engine.register_function("add", lambda a, b: a + b)
        self.assertEqual(self.engine.eval("add(40, 2)"), 42)
        self.assertEqual(self.engine.eval("let s = 0; for i in 0..10 { s = add(s, i) } s"), 45)

    def test_any_arity_and_reregistration_replaces(self):
        self.engine.register_function("count", lambda *args: len(args))
        self.assertEqual(self.engine.eval("[count(), count(1), count(1, 2, 3)]"), [0, 1, 3])
        self.engine.register_function("count", lambda *args: -1)
        self.assertEqual(self.engine.eval("count(1)"), -1)

    def test_parse_error_has_kind_line_column(self):
        with self.assertRaises(rhai.RhaiParseError) as cm:
            self.engine.eval("let x = 1;\nlet y = ;")
        err = cm.exception
        self.assertIsInstance(err, rhai.RhaiError)
        self.assertEqual((err.kind, err.line), ("parse", 2))
        self.assertGreater(err.column, 0)

    def test_runtime_error_has_position_and_thrown_value(self):
        with self.assertRaises(rhai.RhaiRuntimeError) as cm:
            self.engine.eval("let a = 1;\n\n    throw #{code: 7};")
        err = cm.exception
        self.assertEqual((err.kind, err.line, err.column), ("runtime", 3, 5))
        self.assertEqual(err.value, {"code": 7})

    def test_python_exception_is_a_catchable_script_error(self):
        def lookup(key):
            raise KeyError(f"no user {key}")
        self.engine.register_function("lookup", lookup)
        caught = self.engine.eval('let r = ""; try { lookup("x") } catch (e) { r = e } r')
        self.assertIn("no user x", caught)
        with self.assertRaises(rhai.RhaiError) as cm:
            self.engine.eval('let a = 1;\nlookup("y")')
        self.assertIn("no user y", str(cm.exception))
        self.assertEqual(cm.exception.line, 2)

    def test_async_function_in_eval_fails_at_once_naming_eval_async(self):
        started = []

        async def fetch(x):
            started.append(x)
            return x

        self.engine.register_function("fetch", fetch)
        self.engine.register_function("later", lambda: fetch(1))  # plain function returning a coroutine
        for script in ("fetch(1)", "later()"):
            with self.assertRaises(rhai.RhaiError) as cm:
                self.engine.eval(script)
            self.assertIn("eval_async", str(cm.exception))
        self.assertEqual(started, [])  # no coroutine ran

    def test_bad_input_is_refused_and_changes_nothing(self):
        with self.assertRaises(TypeError):
            self.engine.eval(42)
        with self.assertRaises(ValueError):
            self.engine.eval("1\0")
        with self.assertRaises(TypeError):
            self.engine.register_function("f", 3)
        with self.assertRaises(rhai.RhaiError) as cm:
            self.engine.register_function("", len)
        self.assertEqual(cm.exception.kind, "input")
        with self.assertRaises(rhai.RhaiError):
            self.engine.configure(no_such_limit=1)
        self.engine.register_function("too_big", lambda: 2 ** 70)
        with self.assertRaises(rhai.RhaiError) as cm:
            self.engine.eval("too_big()")
        self.assertIn("64-bit", str(cm.exception))
        self.assertEqual(self.engine.eval("1 + 1"), 2)  # the engine still works

    def test_configure_limits(self):
        self.engine.configure(max_operations=1000)
        with self.assertRaises(rhai.RhaiError) as cm:
            self.engine.eval("loop {}")
        self.assertIn("operations", str(cm.exception).lower())
        with rhai.Engine(allow_eval=False) as e:
            with self.assertRaises(rhai.RhaiError):
                e.eval('eval("1")')

    def test_closed_engine_is_refused(self):
        e = rhai.Engine()
        e.close()
        e.close()  # idempotent
        with self.assertRaises(rhai.RhaiError):
            e.eval("1")


class Values(unittest.TestCase):
    def setUp(self):
        self.engine = rhai.Engine()
        self.engine.register_function("echo", lambda v: v)

    def tearDown(self):
        self.engine.close()

    def test_scalars_and_containers_round_trip(self):
        for v in (0, -2 ** 63, 2 ** 63 - 1, 1.5, -0.25, True, False, "héllo ✓", None,
                  [1, [2, "x"], {}], {"a": 1, "b": {"c": [None]}}, b"\x00\xff\x10", b""):
            self.assertEqual(self._echo(v), v)

    def _echo(self, v):
        self.engine.register_function("value", lambda: v)
        got = self.engine.eval("echo(value())")
        self.assertEqual(type(got), type(v))
        return got

    def test_nan_and_infinities(self):
        self.assertTrue(math.isnan(self._echo(float("nan"))))
        self.assertEqual(self._echo(float("inf")), float("inf"))
        self.assertEqual(self._echo(float("-inf")), float("-inf"))
        self.assertEqual(self.engine.eval("[1.0 / 0.0, -1.0 / 0.0]"), [math.inf, -math.inf])

    def test_rhai_side_types(self):
        self.assertEqual(self.engine.eval("'x'"), "x")          # char -> 1-char str
        self.assertEqual(self.engine.eval("blob(3, 7)"), b"\x07\x07\x07")
        self.assertEqual(self.engine.eval("1..4"), range(1, 4))
        self.assertEqual(self.engine.eval("1..=4"), range(1, 5))
        t = self.engine.eval("timestamp()")
        self.assertIsInstance(t, rhai.Timestamp)
        self.assertEqual(self._echo(t), t)
        f = self.engine.eval('Fn("echo").curry(5)')
        self.assertEqual((f.name, f.curried), ("echo", [5]))
        self.engine.register_function("fp", lambda: f)
        self.assertEqual(self.engine.eval("fp().call()"), 5)
        closure = self.engine.eval("let k = 10; |x| x + k")
        self.assertIsInstance(closure, rhai.FnPtr)
        self.engine.register_function("closure", lambda: closure)
        self.assertEqual(self.engine.eval("closure().call(1)"), 11)

    def test_map_with_tag_like_or_error_keys_stays_a_map(self):
        v = {"$blob": "not base64", "error": "still a value"}
        self.assertEqual(self._echo(v), v)
        self.assertEqual(self.engine.eval('#{"error": 1}'), {"error": 1})


if __name__ == "__main__":
    unittest.main()
