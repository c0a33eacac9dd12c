"""Which characters the PDF's fonts can draw, and what happens to the others.

The PDF names its fonts in ``pdf.css``: the shipped DejaVu faces (``@font-face``, Latin,
Greek, Cyrillic) and, through the custom properties ``--serif-fallback`` and
``--sans-fallback``, system fonts that ``install.sh`` installs (Debian's fonts-noto-cjk,
fonts-noto-core, fonts-noto-color-emoji): Chinese, Japanese and Korean, Arabic, Hebrew,
Indic scripts, Thai, Armenian, Georgian, Ethiopic, symbols, and emoji (through an
``@font-face`` with ``local()`` and a ``unicode-range``, which this module honours too).

A character none of those fonts has would either come out as a ``.notdef`` box or, worse,
in whatever font the machine's fontconfig happens to find, so the PDF would look different
on every machine. :func:`cover` therefore replaces such a character in the PDF's HTML by
:data:`REPLACEMENT` and returns one warning per source article that carried it (the other
formats keep the character: mail clients and browsers have their own fonts). A fallback
font that is not installed simply covers nothing, so a machine without them still renders,
with more replacements and warnings; never an error.
"""

from __future__ import annotations

import functools
import html as html_module
import logging
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any

from briefing.models import Briefing, Excluded, Source

log = logging.getLogger(__name__)

REPLACEMENT = "\ufffd"  # in DejaVu; a visible sign that a character was there
# Characters that are never drawn as glyphs of their own (joiners, variation selectors,
# soft hyphens, tag characters of flag sequences, controls): never "missing".
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_GENERIC_FAMILIES = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "inherit"})
# Seconds fontconfig may take to list one family before it counts as not installed.
FC_LIST_TIMEOUT = 10

_FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.S)
_FAMILY_DECL = re.compile(r"(?:font-family|--[\w-]*fallback)\s*:\s*([^;}]+)")
_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")
_TEXT = re.compile(r">([^<]+)<")
_LOCAL = re.compile(r"""local\(\s*["']?([^"')]+)["']?\s*\)""")
_RANGE = re.compile(r"unicode-range\s*:\s*([^;}]+)")


def cover(pdf_html: str, briefing: Briefing, css: Path) -> tuple[str, list[str]]:
    """Replace in the text of ``pdf_html`` every character no font of ``css`` has.

    Fonts are consulted in the order ``css`` names them and only while characters are left
    uncovered: an ordinary German day never reads more than the shipped DejaVu faces.

    Returns:
        The HTML to lay out, and one warning per article (by file name) whose text carried
        such characters (or one for the page itself when no article did).
    """
    left = {c for c in _text_chars(pdf_html) if _needs_glyph(c)}
    for face in _faces(css):
        if not left:
            break
        points = _face_points(face)
        left = {c for c in left if ord(c) not in points}
    if not left:
        return pdf_html, []
    missing = sorted(left)

    def fix(match: re.Match[str]) -> str:
        return ">" + "".join(REPLACEMENT if c in left else c for c in match.group(1)) + "<"

    covered = _TEXT.sub(fix, pdf_html)
    return covered, _warnings(briefing, missing)


def coverage(css: Path) -> frozenset[int]:
    """Code points drawn by some font named in ``css`` (the stylesheet the PDF is laid out with)."""
    points: set[int] = set()
    for face in _faces(css):
        points |= _face_points(face)
    return frozenset(points)


@dataclass(frozen=True)
class _Face:
    """One font of the stylesheet: shipped files, ``local()`` system fonts or a family name."""

    files: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    family: str | None = None
    unicode_range: str | None = None


@functools.lru_cache(maxsize=8)
def _faces(css: Path) -> tuple[_Face, ...]:
    """The fonts of ``css`` in the order they are tried: ``@font-face`` rules, then named families."""
    text = css.read_text(encoding="utf-8")
    faces: list[_Face] = []
    own: set[str] = set()
    for block in _FONT_FACE.findall(text):
        own.update(_families(block.split("font-family", 1)[1].split(":", 1)[1].split(";", 1)[0])[:1])
        ranges = _RANGE.search(block)
        faces.append(_Face(
            files=tuple(str((css.parent / url).resolve()) for url in _URL.findall(block)),
            local=tuple(name.strip() for name in _LOCAL.findall(block)),
            unicode_range=ranges.group(1) if ranges else None,
        ))
    named: list[str] = []
    for declaration in _FAMILY_DECL.findall(text):
        for family in _families(declaration):
            if family not in own and family.lower() not in _GENERIC_FAMILIES and family not in named:
                named.append(family)
    faces.extend(_Face(family=family) for family in named)
    return tuple(faces)


@functools.lru_cache(maxsize=128)
def _face_points(face: _Face) -> frozenset[int]:
    points: set[int] = set()
    for path in face.files:
        points |= _cmap(path, 0)
    for name in (*face.local, *([face.family] if face.family else [])):
        located = _system_font(name)
        if located:
            points |= _cmap(*located)
    if face.unicode_range:
        points &= _unicode_range(face.unicode_range)
    return frozenset(points)


@functools.lru_cache(maxsize=8)
def local_font_files(css: Path) -> frozenset[Path]:
    """The system font files that ``@font-face`` rules of ``css`` name with ``local()``."""
    try:
        text = css.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    files = set()
    for block in _FONT_FACE.findall(text):
        for name in _LOCAL.findall(block):
            located = _system_font(name.strip())
            if located:
                files.add(Path(located[0]))
    return frozenset(files)


def _unicode_range(value: str) -> set[int]:
    """The code points of a CSS ``unicode-range`` value (``U+26``, ``U+0-7F``, ``U+4??``)."""
    points: set[int] = set()
    for part in value.replace(" ", "").replace("\n", "").split(","):
        spec = part.upper().removeprefix("U+")
        if "?" in spec:
            low, high = int(spec.replace("?", "0"), 16), int(spec.replace("?", "F"), 16)
        elif "-" in spec:
            first, last = spec.split("-", 1)
            low, high = int(first, 16), int(last, 16)
        elif spec:
            low = high = int(spec, 16)
        else:
            continue
        points.update(range(low, high + 1))
    return points


def _families(value: str) -> list[str]:
    names = []
    for part in value.split(","):
        name = part.strip().strip("\"'").strip()
        if name and not name.startswith("var("):
            names.append(name)
    return names


@functools.lru_cache(maxsize=128)
def _system_font(family: str) -> tuple[str, int] | None:
    """The regular face of ``family`` as fontconfig knows it: (file, index in a collection)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        log.warning("fc-list not found: PDF fallback fonts (%s) cannot be used; install fontconfig", family)
        return None
    pattern = family.replace("-", r"\-").replace(":", r"\:")
    try:
        found = subprocess.run(
            [fc_list, f"{pattern}:style=Regular", "--format", "%{file}|%{index}\n"],
            capture_output=True, text=True, timeout=FC_LIST_TIMEOUT, check=False,
        ).stdout.split()
        if not found:  # single-style families (emoji) call their style something else
            found = subprocess.run(
                [fc_list, pattern, "--format", "%{file}|%{index}\n"],
                capture_output=True, text=True, timeout=FC_LIST_TIMEOUT, check=False,
            ).stdout.split()
    except (OSError, subprocess.TimeoutExpired):
        return None
    if not found:
        log.info("PDF fallback font %r is not installed (install.sh installs it)", family)
        return None
    file, _, index = sorted(found)[0].rpartition("|")
    return file, int(index or 0)


@functools.lru_cache(maxsize=64)
def _cmap(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        return frozenset(font.getBestCmap() or {})
    except Exception as e:  # a broken or unreadable font covers nothing; the rest still renders
        log.warning("cannot read the character map of font %s: %s", path, e)
        return frozenset()


def _needs_glyph(char: str) -> bool:
    if unicodedata.category(char) in _INVISIBLE_CATEGORIES or char.isspace():
        return False
    code = ord(char)
    return not (0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)  # variation selectors


def _text_chars(pdf_html: str) -> Iterator[str]:
    for segment in _TEXT.findall(pdf_html):
        yield from html_module.unescape(segment)


def _warnings(briefing: Briefing, missing: list[str]) -> list[str]:
    """One line per article that carried a missing character, naming the article and the characters."""
    names = {s.id: Path(s.path).name if s.path else (s.title or s.publisher) for s in briefing.sources}
    by_article: dict[str, set[str]] = {}
    for text, source_ids in _texts(briefing, ()):
        hit = {c for c in missing if c in text}
        for sid in source_ids or ("",):
            if hit:
                by_article.setdefault(names.get(sid, sid), set()).update(hit)
    seen = set().union(*by_article.values()) if by_article else set()
    if set(missing) - seen:
        by_article.setdefault("", set()).update(set(missing) - seen)
    lines = []
    for article in sorted(by_article):
        chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(by_article[article]))
        where = f"{article}: " if article else ""
        lines.append(f"{where}no PDF font has {chars}; shown as {REPLACEMENT} in the PDF (the email keeps it)")
    return lines


def _texts(node: Any, source_ids: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every string of the briefing with the ids of the sources it comes from (nearest ``sources``)."""
    if is_dataclass(node) and not isinstance(node, type):
        own = getattr(node, "sources", None)
        if isinstance(own, tuple) and all(isinstance(s, str) for s in own) and own:
            source_ids = own
        if isinstance(node, Source):
            source_ids = (node.id,)
        elif isinstance(node, Excluded):
            source_ids = (Path(node.path).name,)
        for f in fields(node):
            value = getattr(node, f.name)
            if f.name == "sources" and isinstance(value, tuple) and all(isinstance(s, str) for s in value):
                continue
            yield from _texts(value, source_ids)
    elif isinstance(node, str):
        yield node, source_ids
    elif isinstance(node, (tuple, list)):
        for item in node:
            yield from _texts(item, source_ids)
