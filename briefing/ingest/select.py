"""Choose the articles of one day from a folder's articles.

* dated that day (day precision): a day article;
* dated another day, or a month/year that does not contain the day: excluded with
  "anderes Datum: 2025-03 (nicht 2025-09-04)"; the most recent older ones are also offered
  as background (``Hintergrund``), never as news of the day;
* undated, or known only by a month/year that contains the day: used with a warning when
  ``undated="include"``, excluded otherwise.

A day with no article dated that day is an :class:`IngestError` that lists the dates the
folder does have, so a wrong ``--date`` is fixed in one step.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.errors import IngestError
from briefing.ingest.dates import format_label
from briefing.models import Article, Excluded, IngestResult

log = logging.getLogger(__name__)

# Background articles go through extraction like the day's; more than this many older
# articles cost time without adding context a briefing can show.
MAX_BACKGROUND = 20
UNDATED_LABEL = "undated"


@dataclass(frozen=True)
class DaySelection:
    """The articles of one day, background articles, and everything not used."""

    articles: tuple[Article, ...]
    background: tuple[Article, ...] = ()
    excluded: tuple[Excluded, ...] = ()
    warnings: tuple[str, ...] = ()


def _label(a: Article) -> str:
    if not a.date or a.date_precision == "unknown":
        return UNDATED_LABEL
    return format_label(date.fromisoformat(a.date), a.date_precision)


def _contains(a: Article, day: date) -> bool | None:
    """True: dated ``day``; False: clearly another date; None: undated or too coarse to tell."""
    if not a.date or a.date_precision == "unknown":
        return None
    d = date.fromisoformat(a.date)
    if a.date_precision == "day":
        return d == day
    if a.date_precision == "month":
        return None if (d.year, d.month) == (day.year, day.month) else False
    return None if d.year == day.year else False


def _folder_of(result: IngestResult) -> str:
    paths = [a.path for a in result.articles] + [e.path for e in result.excluded]
    parents = sorted({str(Path(p).parent) for p in paths})
    return parents[0].rstrip("/") + "/" if len(parents) == 1 else "the sources"


def select_day(result: IngestResult, day: date, undated: str = "include") -> DaySelection:
    """Split a folder's articles into the day's, background and excluded.

    Args:
        result: what :func:`briefing.ingest.read_folder` returned.
        day: the day of the briefing.
        undated: ``"include"`` to use articles without a (precise enough) date, with a
            warning, or ``"exclude"`` to leave them out.

    Returns:
        The selection; ``excluded`` also holds everything ``result`` excluded.

    Raises:
        IngestError: no article is dated ``day``, or ``undated`` is not a known value.
    """
    if undated not in ("include", "exclude"):
        raise IngestError(f"undated must be 'include' or 'exclude', not {undated!r}")
    iso = day.isoformat()
    chosen: list[Article] = []
    older: list[Article] = []
    excluded = list(result.excluded)
    warnings = list(result.warnings)
    dated_today = 0
    undated_warnings: list[str] = []
    for a in result.articles:
        name = Path(a.path).name
        inside = _contains(a, day)
        if inside is True:
            chosen.append(a)
            dated_today += 1
        elif inside is False:
            excluded.append(Excluded(a.path, f"anderes Datum: {_label(a)} (nicht {iso})"))
            if a.date and a.date < iso:
                older.append(a)
        else:
            what = "ohne Datum" if _label(a) == UNDATED_LABEL else f"Datum nur ungefähr bekannt ({_label(a)})"
            if undated == "include":
                chosen.append(a)
                msg = (
                    f"{name}: {what}, used for {iso} (undated articles are included; --undated exclude leaves them out)"
                )
                undated_warnings.append(msg)
            else:
                excluded.append(Excluded(a.path, f"{what} (--undated exclude)"))

    if dated_today == 0:
        counts = Counter(_label(a) for a in result.articles)
        found = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == UNDATED_LABEL, kv[0]))
        listing = ", ".join(f"{label} ({n})" for label, n in found) or "none"
        raise IngestError(f"no article dated {iso} in {_folder_of(result)}; dates found: {listing}")

    for msg in undated_warnings:  # logged only once the day is known to have articles
        log.warning(msg)
    warnings += undated_warnings
    # Most recent first, then by path, so the cut at MAX_BACKGROUND is deterministic.
    older.sort(key=lambda a: (a.date or "", a.path), reverse=True)
    background = sorted(older[:MAX_BACKGROUND], key=lambda a: a.path)
    excluded.sort(key=lambda e: e.path)
    return DaySelection(tuple(chosen), tuple(background), tuple(excluded), tuple(warnings))
