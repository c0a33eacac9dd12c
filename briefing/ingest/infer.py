"""Dates for undated articles, inferred from their text and the day's other articles.

An undated article that names the weekday of the event it reports ("haben am Donnerstag in
Paris beraten", "an diesem Donnerstag") gets a date when a dated article of the folder
reports the same event (they share much of their vocabulary) and that event fell on the
same weekday: the event's day is the dated article's date, or -- when that article names
another weekday for the event -- the last such weekday before its date.  The inferred date
is the earliest date of the agreeing articles, marked ``date_inferred``.

A page ``briefing collect`` fetched on the very day a related dated article gives as the
event's day was published that day too (not before the event it reports, not after it was
fetched), weekday named or not.  No weekday and no fetch day, no related article, or
articles that disagree: the article stays undated.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from datetime import date, timedelta

from briefing.lang import entries, word_set
from briefing.models import Article

# Two reports of one event share at least this share of the shorter one's content words
# (measured: same-event agency texts 0.3-0.6, different events of one day below 0.15).
SAME_EVENT_SHARE = 0.25
# Content words are at least this long (shorter ones are mostly function words and numbers).
MIN_WORD_CHARS = 5
_WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_MENTION = re.compile(
    r"\b(?:am|an diesem|diesen|vom|seit)\s+(?P<day>" + "|".join(_WEEKDAYS) + r")"
    r"(?:abend|morgen|mittag|nachmittag|vormittag)?\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


@functools.cache
def _function_words() -> frozenset[str]:
    """German function words (``lang/function_words.txt``, the "de" rows) and clause openers: no topic."""
    german = (line.split()[1] for line in entries("function_words.txt", lang=None) if line.startswith("de "))
    return frozenset(w.lower() for w in german) | word_set("function_words.txt")


def weekdays(text: str) -> frozenset[int]:
    """Weekdays (Monday = 0) the text names as when something happened ("am Donnerstag")."""
    return frozenset(_WEEKDAYS.index(m.group("day").lower()) for m in _MENTION.finditer(text))


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of the text that carry content."""
    stop = _function_words()
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(text))
                     if len(w) >= MIN_WORD_CHARS and w not in stop)


def event_days(article: Article) -> frozenset[date]:
    """Days the dated ``article`` can be reporting: its date, or the named weekdays before it."""
    assert article.date
    published = date.fromisoformat(article.date)
    named = weekdays(article.text)
    if not named:
        return frozenset({published})
    return frozenset(published - timedelta(days=(published.weekday() - w) % 7) for w in named)


def infer_date(article: Article, dated: Sequence[Article]) -> date | None:
    """The inferred date of an undated ``article`` from ``dated`` articles, or None without evidence."""
    named = weekdays(article.text)
    fetched = date.fromisoformat(article.fetched) if article.fetched else None
    if not named and fetched is None:
        return None
    words = content_words(article.text)
    if not words:
        return None
    agreeing: list[date] = []
    for other in dated:
        theirs = content_words(other.text)
        if not theirs or len(words & theirs) < SAME_EVENT_SHARE * min(len(words), len(theirs)):
            continue
        days = event_days(other)
        if any(day.weekday() in named for day in days) or fetched in days:
            agreeing.append(fetched if fetched in days else date.fromisoformat(other.date or ""))
    return min(agreeing) if agreeing else None


def infer_dates(articles: Sequence[Article]) -> list[Article]:
    """``articles`` with a date inferred for each undated one where the evidence allows."""
    dated = [a for a in articles if a.date and a.date_precision == "day"]
    out = []
    for a in articles:
        if not a.date or a.date_precision == "unknown":
            found = infer_date(a, dated)
            if found is not None:
                a = dataclasses.replace(a, date=found.isoformat(), date_precision="day", date_inferred=True)
        out.append(a)
    return out
