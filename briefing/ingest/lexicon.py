"""Load the ingest stage's data files (``briefing/ingest/data/``).

Every file is UTF-8 text with one entry per line; lines starting with ``#`` and blank
lines are ignored (read by :func:`briefing.lang.read_entries`, the one loader of every data
file; German word lists live in ``briefing/lang/``).  Fields are separated by `` | `` where a file has several; the last
field is the rest of the line, so a regular expression may itself contain `` | ``.
"""

from __future__ import annotations

import functools
import re

from briefing.errors import IngestError
from briefing.lang import LanguageDataError, read_entries


@functools.cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of data file ``name``, without comments and blank lines."""
    try:
        return read_entries("briefing.ingest", "data", name)
    except LanguageDataError as e:  # a broken installation, not a user error
        raise IngestError(f"ingest {e}") from None


def fields(name: str, n: int) -> tuple[tuple[str, ...], ...]:
    """Entries of ``name`` split into ``n`` fields at `` | `` (the last field takes the rest)."""
    rows = []
    for line in lines(name):
        parts = [p.strip() for p in line.split(" | ", n - 1)]
        if len(parts) != n or not all(parts):
            raise IngestError(f"ingest data file {name}: malformed entry {line!r} (expected {n} fields)")
        rows.append(tuple(parts))
    return tuple(rows)


def compile_pattern(pattern: str, source: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern from a data file, naming the file when it is broken."""
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise IngestError(f"ingest data file {source}: bad pattern {pattern!r}: {e}") from None
