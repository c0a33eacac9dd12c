"""The mypyc-compiled extraction modules: the right ones, and never stale (briefing/extract/compiled.py)."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.extract import compiled

ROOT = Path(__file__).resolve().parent.parent


def test_every_listed_module_exists() -> None:
    for m in compiled.COMPILED_MODULES:
        assert compiled.source_path(m).is_file(), m


@pytest.mark.parametrize(
    "module",
    [
        "briefing.extract.compiled",  # the guard itself must run before anything compiled loads
        "briefing.extract.quotes.learning",  # the learning scripts' injection point (no hot code to gain on)
    ],
)
def test_modules_that_stay_python(module: str) -> None:
    """The guard and the learning scripts' injection point are not compiled (what the tests and scripts vary
    goes through parameters, protocols and that injection point: no module function is swapped)."""
    assert module not in compiled.COMPILED_MODULES


def _fake_package(root: Path, source: str = "VALUE = 'python'\n") -> str:
    pkg = root / "fakepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "mod.py").write_text(source)
    # a "compiled module" that cannot even load: importing it would fail
    (pkg / f"mod{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"not a shared object")
    return "fakepkg.mod"


def test_a_compiled_module_whose_source_changed_is_stale(tmp_path: Path) -> None:
    module = _fake_package(tmp_path)
    manifest = tmp_path / "compiled_sources.json"
    assert compiled.stale_modules([module], tmp_path, manifest) == [module]  # no manifest: stale
    digest = compiled.source_digest(compiled.source_path(module, tmp_path))
    manifest.write_text(json.dumps({module: digest}))
    assert compiled.stale_modules([module], tmp_path, manifest) == []
    compiled.source_path(module, tmp_path).write_text("VALUE = 'edited'\n")
    assert compiled.stale_modules([module], tmp_path, manifest) == [module]


def test_a_module_without_compiled_file_is_never_stale(tmp_path: Path) -> None:
    module = _fake_package(tmp_path)
    next(tmp_path.joinpath("fakepkg").glob("mod.*.so")).unlink()
    assert compiled.stale_modules([module], tmp_path, tmp_path / "missing.json") == []


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != compiled.PURE_ENV}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=full_env, check=True
    )


def test_stale_compiled_code_is_not_run_the_source_is_and_it_says_so(tmp_path: Path) -> None:
    module = _fake_package(tmp_path)
    res = _run(
        "import sys; from pathlib import Path; from briefing.extract import compiled\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        f"why = compiled.use_current_code([{module!r}], Path({str(tmp_path)!r}))\n"
        f"import {module} as m; print(why, m.VALUE, m.__file__.endswith('.py'))"
    )
    assert res.stdout.split("\n")[0].endswith("python True")
    assert "mod.py changed since it was compiled" in res.stderr
    assert "pip install -e ." in res.stderr


def test_pure_python_on_request() -> None:
    code = "import briefing.extract.actors as a, briefing.extract.quotes.speakers as s; print(a.__file__, s.__file__)"
    res = _run(code, {compiled.PURE_ENV: "1"})
    assert all(f.endswith(".py") for f in res.stdout.split())
    assert res.stderr == ""


def test_the_installed_compiled_modules_are_current_and_used() -> None:
    """Where this install compiled the modules, they match their sources and are the ones imported."""
    present = [m for m in compiled.COMPILED_MODULES if compiled.compiled_paths(m)]
    if not present:
        pytest.skip("pure-Python install (no compiled modules)")
    assert present == list(compiled.COMPILED_MODULES)  # all or none
    assert compiled.stale_modules() == [], "rebuild: pip install -e ."
    res = _run("import briefing.extract.actors as a; print(a.__file__)")
    assert not res.stdout.strip().endswith(".py")


def test_the_pure_python_switch_is_no_unknown_setting() -> None:
    """Every other ``BRIEFING_*`` variable is a setting, and an unknown one is an error."""
    from briefing import settings
    from briefing.errors import SettingsError

    settings.load(env={compiled.PURE_ENV: "1"})
    with pytest.raises(SettingsError):
        settings.load(env={"BRIEFING_PURE_PYTHONN": "1"})
