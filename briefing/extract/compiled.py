"""Which extraction modules are compiled with mypyc, and a guard against running stale compiled code.

``setup.py`` compiles :data:`COMPILED_MODULES` with mypyc when it can (a pure-Python install otherwise,
see the README, "Install") and records each compiled module's source digest in :data:`MANIFEST`.  A
compiled module (``cues.cpython-311-x86_64-linux-gnu.so`` beside ``cues.py``) shadows its source: in an
editable install a developer who edits the ``.py`` and does not rebuild would silently run the old code.
:func:`use_current_code`, run when ``briefing.extract`` is imported, compares the sources with the
manifest and, if any differs (or ``BRIEFING_PURE_PYTHON`` is set), loads every compiled module from its
source instead, saying so in one line on stderr: all of them, because compiled modules call each other's
compiled code directly.  This module itself is never compiled.

Every module of ``extract/`` with hot code is compiled.  What the tests and the learning scripts vary is
never swapped on a module (a compiled caller of the same compilation calls the compiled function directly
and would not see the swap) nor subclassed (a Python class cannot subclass a compiled one): they pass it as
a parameter (``extract_quotes(..., ranker=, judge=)``, ``find_cues(..., precheck=False)``), bring their own
object of a protocol (``ranker.Chooser``, ``quoted_speech.SpeechJudge``), or replace a learned word set
through :mod:`.quotes.learning`.  (``tests/test_compiled.py`` names the modules left out.)
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

# The hot pure-Python modules of the extraction (a warm pass over the 850 eval texts spends ~95 % of its
# Python time in them; README, "extraction speed").
COMPILED_MODULES = (
    "briefing.extract.actors",
    "briefing.extract.affixes",
    "briefing.extract.docdata",
    "briefing.extract.figures",
    "briefing.extract.lexeme_attrs",
    "briefing.extract.outlook",
    "briefing.extract.positions",
    "briefing.extract.sentences",
    "briefing.extract.quotes.base",
    "briefing.extract.quotes.component",
    "briefing.extract.quotes.confidence",
    "briefing.extract.quotes.cues",
    "briefing.extract.quotes.descriptions",
    "briefing.extract.quotes.direct",
    "briefing.extract.quotes.documents",
    "briefing.extract.quotes.extract",
    "briefing.extract.quotes.free_indirect",
    "briefing.extract.quotes.indirect",
    "briefing.extract.quotes.konjunktiv",
    "briefing.extract.quotes.lexicon",
    "briefing.extract.quotes.linear",
    "briefing.extract.quotes.marks",
    "briefing.extract.quotes.quoted_speech",
    "briefing.extract.quotes.ranker",
    "briefing.extract.quotes.records",
    "briefing.extract.quotes.reported",
    "briefing.extract.quotes.resolve",
    "briefing.extract.quotes.speaker_names",
    "briefing.extract.quotes.speakers",
    "briefing.extract.quotes.speech_acts",
)
# Written by setup.py beside this file when it compiled the modules: module -> SHA-256 of its source.
MANIFEST = Path(__file__).with_name("compiled_sources.json")
# Set (to anything but "" or "0") to run the pure-Python modules even where compiled ones are installed.
PURE_ENV = "BRIEFING_PURE_PYTHON"
_ROOT = Path(__file__).resolve().parent.parent.parent  # the folder holding the briefing package


def source_path(module: str, root: Path = _ROOT) -> Path:
    """The ``.py`` file of ``module`` under ``root``."""
    return root.joinpath(*module.split(".")).with_suffix(".py")


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compiled_paths(module: str, root: Path = _ROOT) -> list[Path]:
    """The compiled extension files of ``module`` present under ``root`` (none in a pure-Python install)."""
    base = root.joinpath(*module.split("."))
    return [p for s in importlib.machinery.EXTENSION_SUFFIXES if (p := base.with_name(base.name + s)).exists()]


def stale_modules(
    modules: Sequence[str] = COMPILED_MODULES, root: Path = _ROOT, manifest: Path = MANIFEST
) -> list[str]:
    """The compiled modules whose source differs from the one they were compiled from (all, without a manifest)."""
    present = [m for m in modules if compiled_paths(m, root)]
    if not present:
        return []
    try:
        built = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return present
    return [m for m in present if built.get(m) != source_digest(source_path(m, root))]


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the listed modules' ``.py`` files ahead of their compiled extensions."""

    def __init__(self, modules: Sequence[str], root: Path) -> None:
        self.modules = frozenset(modules)
        self.root = root

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname, self.root))


def use_current_code(modules: Sequence[str] = COMPILED_MODULES, root: Path = _ROOT) -> str | None:
    """Load the modules from source when compiled ones are stale or pure Python is asked for.

    Returns why the sources are used (None: the compiled modules, or there are none).  Must run before
    any of ``modules`` is imported (``briefing/extract/__init__.py`` calls it first).
    """
    if any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        return None  # (already decided in this process)
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        reason = f"{PURE_ENV} is set"
    else:
        stale = stale_modules(modules, root)
        if not stale:
            return None
        names = ", ".join(m.rsplit(".", 1)[1] + ".py" for m in stale[:3]) + (" ..." if len(stale) > 3 else "")
        reason = f"{names} changed since it was compiled"
        print(
            f"briefing: running the extraction as pure Python ({reason}); rebuild: pip install -e .",
            file=sys.stderr,
        )
    sys.meta_path.insert(0, _SourceFinder(modules, root))
    return reason
