"""Build hook: compiles the hot extraction modules with mypyc, or installs pure Python.

Everything else about the package is in pyproject.toml.  The modules are listed in
``briefing/extract/compiled.py``; their source digests go to ``compiled_sources.json`` beside it, which
``briefing.extract`` compares at import so that an edited source is never shadowed by its stale compiled
module.  Without mypyc, a C compiler or the Python headers (or with ``BRIEFING_PURE_PYTHON=1``) the
install goes on as pure Python, saying so in one line.  See the README, "Install".
"""

from __future__ import annotations

import json
import os
import runpy
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
_compiled = runpy.run_path(str(ROOT / "briefing" / "extract" / "compiled.py"))
MODULES: tuple[str, ...] = _compiled["COMPILED_MODULES"]
MANIFEST: Path = _compiled["MANIFEST"]


def _say(why: str) -> None:
    print(f"briefing: installing the extraction as pure Python ({why})", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """Builds the compiled modules; a compiler that is missing or fails leaves the pure-Python install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as e:  # (setuptools raises several kinds: CompileError, LinkError, PlatformError ...)
            for path in ROOT.joinpath("briefing").rglob("*.so"):
                path.unlink()  # (an in-place build may have finished some modules before one failed)
            MANIFEST.unlink(missing_ok=True)
            del self.extensions[:]
            _say(f"compiling failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}")


# The setup.py commands that build modules (pip's metadata steps run egg_info or dist_info alone).
_BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop"}


def ext_modules() -> list:
    """The mypyc extensions, or none (pure Python) when mypyc cannot compile the modules here."""
    if not _BUILDS & set(sys.argv[1:]):
        return []  # (pip's metadata steps: mypyc's type check and C generation take a minute each time)
    if os.environ.get("BRIEFING_PURE_PYTHON", "") not in ("", "0"):
        _say("BRIEFING_PURE_PYTHON is set")
        MANIFEST.unlink(missing_ok=True)
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not installed")
        return []
    paths = [str(Path(*m.split(".")).with_suffix(".py")) for m in MODULES]
    cwd = os.getcwd()
    os.chdir(ROOT)  # (mypyc names the modules by their paths)
    try:
        # (group_name: the modules' shared library goes inside the package, not beside it as a top-level module
        # an editable install could not import)
        # (the build environment has no spaCy or NumPy: their types are Any there, so the "type: ignore"
        # comments that `mypy briefing` needs with them installed are unused here, which is no error)
        exts = mypycify(["--no-warn-unused-ignores", *paths], opt_level="3", debug_level="0",
                        group_name="briefing.extract")
    except BaseException as e:  # mypyc exits (SystemExit) when its type check fails
        _say(f"mypyc failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
        return []
    finally:
        os.chdir(cwd)
    digests = {m: _compiled["source_digest"](ROOT / p) for m, p in zip(MODULES, paths, strict=True)}
    MANIFEST.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return exts


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
