"""Publication dates of articles: parsing German (and English) date expressions.

An article's date comes, in this order of trust, from

1. metadata: a sidecar file's ``date``, or a front-matter line at the very top of the file
   (``date 2025-09-04``, ``date: 2025-03``, ``Datum 2025-09-04``);
2. a dateline near the top: a line that is only a date (``Donnerstag, 4. September 2025``,
   ``Stand: 04.09.2025 12:30 Uhr``) or that starts with one (the dpa caption form
   ``04.09.2025, Frankreich, Paris: ...``) before the first paragraph of the article; for
   HTML pages the dateline printed with the article (:mod:`briefing.ingest.html`);
3. the feed's publication date of a collected page (sidecar ``published``);
4. a date line after the last paragraph (the taz footer ``4 Sep 2025``);
5. a date line in the middle of the text (live blogs);
6. the HTML page's metadata date, which is often a modification date.

Dates mentioned in sentences ("Ende Februar 2024") are never an article's date.  Month
names come from CLDR through Babel (German, Austrian German and English, full and
abbreviated forms), weekday names likewise.  A date given only as a month (``2025-03``,
``März 2025``) has precision ``"month"`` and is stored as the first of that month.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from briefing import lang

Precision = Literal["day", "month", "year"]

# Ranks of the candidate sources; lower wins (see the module docstring).
RANK_META = 0
RANK_TOP = 1
RANK_FEED = 2  # the feed's publication date of a collected page (sidecar "published")
RANK_FOOTER = 3
RANK_MIDDLE = 4
RANK_PAGE = 5  # the HTML page's metadata date (trafilatura/htmldate): often a modification date

# Plausible publication years; "1848" in a dateline-shaped line is history, not a date.
MIN_YEAR = 1990
MAX_YEAR = 2100

# Babel locales whose month and weekday names are recognised.  English is included because
# some German sites (taz) print footer dates as "4 Sep 2025".
_LOCALES = ("de", "de_AT", "de_CH", "en")


@dataclass(frozen=True)
class DateCandidate:
    """A date found in or for an article, with where it came from."""

    value: date
    precision: Precision
    rank: int
    line: int = 0  # line index in the file (0 for metadata)
    text: str = ""  # the text it was read from, for the log

    def iso(self) -> str:
        """``YYYY-MM-DD`` (month precision: the first of the month)."""
        return self.value.isoformat()

    def label(self) -> str:
        """The date as precise as known: ``2025-09-04``, ``2025-03`` or ``2025``."""
        return format_label(self.value, self.precision)


def format_label(value: date, precision: str) -> str:
    """``2025-09-04`` for a day, ``2025-09`` for a month, ``2025`` for a year."""
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if precision == "year":
        return f"{value.year:04d}"
    return value.isoformat()


@functools.cache
def _month_names() -> dict[str, int]:
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for loc in _LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for num, name in get_month_names(width, context, locale=loc).items():
                    names[name.lower().rstrip(".")] = num
    return names


@functools.cache
def _weekday_names() -> tuple[str, ...]:
    from babel.dates import get_day_names

    names = set()
    for loc in _LOCALES:
        for width in ("wide", "abbreviated"):
            for name in get_day_names(width, "format", locale=loc).values():
                names.add(name.lower().rstrip("."))
    return tuple(sorted(names, key=lambda s: (-len(s), s)))


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda s: (-len(s), s)))


@functools.cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    months = _alt(list(_month_names()))
    weekdays = _alt(_weekday_names())
    labels = _alt([w.lower() for w in lang.entries("date_labels.txt")])
    core = (
        rf"(?:(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}|\d{{2}})"
        rf"|(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})(?:-(?P<id>\d{{1,2}}))?"
        rf"|(?P<ld>\d{{1,2}})\.?\s+(?P<lm>{months})\.?\s+(?P<ly>\d{{4}})"
        rf"|(?P<em>{months})\.?\s+(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ey>\d{{4}})"
        rf"|(?P<mm>{months})\.?\s+(?P<my>\d{{4}}))"
    )
    time = r"(?:\s*(?:,|\||-|–|um)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:Uhr|h|MESZ|MEZ|CET|CEST|UTC)?)?"
    prefix = rf"(?:(?:{labels})\s*:?\s*)?(?:(?:{weekdays})\.?,?\s+)?(?:(?:am|den|the)\s+)?"
    # A date that opens a line and is followed by a place or text: "04.09.2025, Frankreich, Paris:"; or
    # an agency dateline, the place first: "Brüssel, 12.03.2026 – Nach dem Gipfel …", "Berlin (dpa), …".
    # ... and the agency may follow the date: "Berlin, 3. Juli 2026 (dpa) – …".
    agency = r"(?:\s*\([^()\n]{1,15}\))?"
    place = r"(?:[A-ZÄÖÜ][\w\-]+(?:[ /][A-ZÄÖÜ][\w\-]+)?(?:\s*\([^()\n]{1,15}\))?,\s+)"
    # A line of the date alone, also with its place ("Berlin, 5. Dezember 2026") or agency after it.
    line_re = re.compile(rf"^\s*{place}?{prefix}{core}{time}{agency}\s*$", re.IGNORECASE)
    # After a place, a letter's "am"/"den" may stand before the date ("Wien, am 10. Dezember 2026", "Zwickau, den
    # 11.12.2026 – …"); without a place "Am 3. Oktober 1990, …" opens a sentence, no dateline.
    dateline_re = re.compile(
        rf"^\s*(?:{place}(?:(?:am|den)\s+)?)?(?:(?:{weekdays})\.?,?\s+)?{core}{time}{agency}\s*(?P<sep>,|\||–|—|-|·|•)\s*\S",
        re.IGNORECASE,
    )
    front_re = re.compile(
        r"^\s*(?:date|datum)\s*[:=]?\s*(?P<iy>\d{4})-(?P<im>\d{1,2})(?:-(?P<id>\d{1,2}))?(?=\s|$)\s*",
        re.IGNORECASE,
    )
    return line_re, dateline_re, front_re


def _from_match(m: re.Match[str]) -> tuple[date, Precision] | None:
    g = m.groupdict()
    try:
        if g.get("d"):
            year = int(g["y"])
            if year < 100:  # "04.09.25": two-digit years are this century's in news
                year += 2000
            return _checked(year, int(g["m"]), int(g["d"]), "day")
        if g.get("iy"):
            if g.get("id"):
                return _checked(int(g["iy"]), int(g["im"]), int(g["id"]), "day")
            return _checked(int(g["iy"]), int(g["im"]), 1, "month")
        months = _month_names()
        if g.get("ld"):
            return _checked(int(g["ly"]), months[g["lm"].lower().rstrip(".")], int(g["ld"]), "day")
        if g.get("ed"):
            return _checked(int(g["ey"]), months[g["em"].lower().rstrip(".")], int(g["ed"]), "day")
        if g.get("mm"):
            return _checked(int(g["my"]), months[g["mm"].lower().rstrip(".")], 1, "month")
    except (KeyError, ValueError):
        return None
    return None


def _checked(year: int, month: int, day: int, precision: Precision) -> tuple[date, Precision] | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day), precision
    except ValueError:  # 31.02.2025
        return None


def parse_date_line(text: str) -> tuple[date, Precision] | None:
    """Parse a line that consists of a date only (with label, weekday or time around it).

    Args:
        text: one line, e.g. ``"Donnerstag, 4. September 2025"`` or ``"Stand: 04.09.2025 12:30 Uhr"``.

    Returns:
        ``(date, precision)`` or None when the line is more than a date or no valid date.
    """
    if len(text) > 80:  # a date line is short; long lines are prose
        return None
    m = _regexes()[0].match(text)
    return _from_match(m) if m else None


def parse_dateline(text: str) -> tuple[date, Precision] | None:
    """Parse a date that opens a line followed by more text (``"04.09.2025, Frankreich, Paris: ..."``)."""
    m = _regexes()[1].match(text)
    if not m:
        return None
    found = _from_match(m)
    return found if found and found[1] == "day" else None


def dateline_prefix_end(text: str) -> int | None:
    """Where the text resumes after an agency dateline that runs into it with a dash ("Brüssel,
    12.03.2026 – Nach dem Gipfel …" -> the index of "Nach"); None when the line has no such prefix."""
    m = _regexes()[1].match(text)
    if not m or m.group("sep") == ",":
        return None
    return m.end() - 1


def parse_front_matter(text: str) -> tuple[tuple[date, Precision], int] | None:
    """Parse a ``date 2025-09-04`` metadata prefix at the start of a file's first line.

    Returns:
        ``((date, precision), length)`` where ``length`` is how many characters the prefix
        takes (the rest of the line may be article text), or None.
    """
    m = _regexes()[2].match(text)
    if not m:
        return None
    found = _from_match(m)
    return (found, m.end()) if found else None


def parse_iso(value: str) -> tuple[date, Precision] | None:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (sidecar metadata)."""
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return _checked(int(value), 1, 1, "year")
    m = re.fullmatch(r"(?P<iy>\d{4})-(?P<im>\d{1,2})(?:-(?P<id>\d{1,2}))?", value)
    if m:
        return _from_match(m)
    # Sidecars written by hand may use the German form.
    return parse_date_line(value)


def best(candidates: list[DateCandidate]) -> DateCandidate | None:
    """The most trusted candidate: lowest rank, then day before month precision, then earliest line."""
    if not candidates:
        return None
    order = {"day": 0, "month": 1, "year": 2}
    return min(candidates, key=lambda c: (c.rank, order[c.precision], c.line))
