"""Finding librhai.so: RHAI_LIBRARY first, else the build tree, else the installed library."""
import os
import shutil
import subprocess
import sys
import tempfile
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

    def test_installed_library_is_the_last_resort(self):
        # Installs this build (cmake --install) into a temporary prefix and imports a copy of
        # the package from outside any checkout: only the dynamic loader can find it there.
        build = Path(os.environ["RHAI_LIBRARY"]).resolve().parent
        if not (build / "cmake_install.cmake").exists() or not shutil.which("cmake"):
            self.skipTest("needs a CMake build tree and cmake")
        with tempfile.TemporaryDirectory() as tmp:
            # Deep enough that the package's "checkout root" (three levels up) is inside tmp.
            prefix, pkg = Path(tmp) / "prefix", Path(tmp) / "a" / "b" / "site"
            subprocess.run(["cmake", "--install", str(build), "--prefix", str(prefix)], check=True,
                           capture_output=True, timeout=120)
            libdir = next(prefix.rglob("librhai.so")).parent
            shutil.copytree(PACKAGE_DIR / "rhai", pkg / "rhai")
            code = ("import rhai; print(rhai.Engine().eval('6*7')); "
                    "print([l.split()[-1] for l in open('/proc/self/maps') if 'librhai' in l][0])")
            r = run_python(code, PYTHONPATH=str(pkg), LD_LIBRARY_PATH=str(libdir))
            self.assertEqual(r.returncode, 0, r.stderr)
            value, loaded = r.stdout.split()
            self.assertEqual(value, "42")
            self.assertTrue(Path(loaded).resolve().is_relative_to(prefix.resolve()), loaded)


if __name__ == "__main__":
    unittest.main()
