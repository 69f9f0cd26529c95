"""Finding librhai.so: RHAI_LIBRARY first, else the build tree, else the installed library."""
import os
import subprocess
import sys
import unittest
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def run_python(code, **env):
    full = dict(os.environ, PYTHONPATH=str(PACKAGE_DIR))
    full.pop("RHAI_LIBRARY", None)
    full.update(env)
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=60)


class LibraryDiscovery(unittest.TestCase):
    def test_rhai_library_names_the_file(self):
        lib = os.environ["RHAI_LIBRARY"]
        r = run_python("import rhai, rhai._lib as l; rhai.Engine(); print(l.load()._name)", RHAI_LIBRARY=lib)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), lib)

    def test_bad_rhai_library_is_a_clear_error(self):
        r = run_python("import rhai; rhai.Engine()", RHAI_LIBRARY="/nonexistent/librhai.so")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("RHAI_LIBRARY", r.stderr)
        self.assertIn("/nonexistent/librhai.so", r.stderr)

    def test_default_search_finds_a_build_tree(self):
        r = run_python("import rhai, rhai._lib as l; print(rhai.Engine().eval('6*7'), l.load()._name)")
        self.assertEqual(r.returncode, 0, r.stderr)
        value, path = r.stdout.split()
        self.assertEqual(value, "42")
        self.assertTrue(path.endswith("librhai.so"), path)


if __name__ == "__main__":
    unittest.main()
