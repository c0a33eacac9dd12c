"""Language knowledge as data, with one loader, shared by every stage.

The German word lists live in ``briefing/lang/de/`` (speech verbs, role titles, country
adjectives, units, number words, name particles ...), as spaCy keeps a language's knowledge
in ``spacy/lang/de/``; lists spanning several languages (``function_words.txt``, for telling
German from other text) sit in ``briefing/lang/`` itself.  The German definitions that code
needs as Python values (name particles, auxiliaries, clause ends, determiners) and the one
"same person?" matcher are in :mod:`briefing.lang.de` and :mod:`briefing.lang.names`.

File format: UTF-8, one entry per line; blank lines and lines starting with ``#`` are skipped;
where an entry has several fields they are separated by a tab (see each file's header).
Everything is read once per process and cached; nothing is fetched at run time.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from briefing.errors import BriefingError

# The language whose lists the loaders read when none is named.
DEFAULT_LANG = "de"


class LanguageDataError(BriefingError):
    """A shipped language data file is missing or unreadable: a broken installation."""


def read_entries(package: str, *parts: str) -> tuple[str, ...]:
    """Entries of the data file ``parts`` inside ``package``: stripped lines, no comments or blanks.

    The one reader of every data file the stages ship (the lexicons here and the ingest stage's
    publisher and page-furniture tables), so all of them share one format.

    Raises:
        LanguageDataError: the file is missing or not UTF-8 (a broken installation).
    """
    try:
        text = resources.files(package).joinpath(*parts).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        where = "/".join(parts)
        raise LanguageDataError(f"data file {where} of {package} cannot be read ({e}); reinstall briefing") from None
    return tuple(s for s in (line.strip() for line in text.splitlines()) if s and not s.startswith("#"))


@functools.cache
def entries(name: str, lang: str | None = DEFAULT_LANG) -> tuple[str, ...]:
    """Entries of list ``name`` of language ``lang`` (``None``: a list spanning languages)."""
    parts = (lang, name) if lang else (name,)
    return read_entries("briefing.lang", *parts)


@functools.cache
def rows(name: str, lang: str | None = DEFAULT_LANG) -> tuple[tuple[str, ...], ...]:
    """Entries of ``name`` split into their tab-separated fields (each stripped)."""
    return tuple(tuple(f.strip() for f in line.split("\t")) for line in entries(name, lang))


@functools.cache
def word_set(name: str, lang: str | None = DEFAULT_LANG) -> frozenset[str]:
    """The first field of every entry of ``name``, lowercased: a word list for membership tests."""
    return frozenset(r[0].lower() for r in rows(name, lang))


# Learned from the quotation data (scripts/quote_cv.py --write): the confidence model of a quotation's
# attribution and the confidence from which its speaker is shown.
QUOTE_CONFIDENCE = "quote_confidence.json"


@functools.cache
def learned(name: str) -> Any:
    """A learned model shipped as JSON in ``briefing/lang/`` (weights from data: see the README's licence note).

    Raises:
        LanguageDataError: the file is missing or not JSON (a broken installation).
    """
    try:
        return json.loads(resources.files("briefing.lang").joinpath(name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise LanguageDataError(f"data file {name} of briefing.lang cannot be read ({e}); reinstall briefing") from None


def quote_display_threshold(kind: str = "direct") -> float:
    """The confidence from which the speaker of a ``kind`` quotation (direct, indirect) is shown, as chosen
    on cross-validation (a file without an indirect threshold uses the direct one for both)."""
    try:
        data = learned(QUOTE_CONFIDENCE)
        if kind != "direct" and data.get("display_threshold_indirect") is not None:
            return float(data["display_threshold_indirect"])
        return float(data["display_threshold"])
    except (KeyError, TypeError, ValueError) as e:
        where = f"data file {QUOTE_CONFIDENCE} of briefing.lang"
        raise LanguageDataError(f"{where} is broken ({e}); reinstall briefing") from None


__all__ = [
    "DEFAULT_LANG",
    "QUOTE_CONFIDENCE",
    "LanguageDataError",
    "entries",
    "learned",
    "quote_display_threshold",
    "read_entries",
    "rows",
    "word_set",
]
