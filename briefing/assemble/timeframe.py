"""Preview or outcome: was a sentence written before the event it reports, or after it?

A day's articles mix the morning preview ("beraten am Donnerstag (10.00 Uhr) in Paris", "forderte zuletzt")
with reports of the outcome ("haben sich 26 Staaten darauf verständigt", "nach dem Treffen"). Each sentence
gets a frame from three kinds of evidence, all German data in ``lexicons/time_frame.txt``:

* temporal expressions: "zuletzt", "bleibt abzuwarten", "im Vorfeld" point ahead; "nach dem Treffen",
  "haben sich ... verständigt" report a result; an announced clock time ("10.00 Uhr") points ahead;
* tense: a future or reported future ("werde", "soll", "wird") points ahead;
* publication time: a sentence that names the day it was published ("am Donnerstag" in an article of that
  Thursday, "heute") announces the day's event in the present tense and reports it in a past form.

An article's frame is the majority of its sentences' frames.  :func:`overtaken` says which statements a
story's outcome overtakes: previews, and what an article written before the event says.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from briefing.assemble.text import fold, lexicon

Frame = Literal["preview", "outcome"]
# "10.00 Uhr", "(18:30 Uhr)": a time announced for the event.
CLOCK_RE = re.compile(r"\b\d{1,2}[.:]\d{2}\s*uhr\b")
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Quoted words keep the speaker's own time ("Russland wird nicht ... diskutieren"), not the report's.
_QUOTED_RE = re.compile(r"„[^“”\"]*[“”\"]|\"[^\"]*\"|»[^«]*«|«[^»]*»")


@dataclass(frozen=True)
class FrameLexicon:
    preview: tuple[tuple[str, ...], ...]  # phrases, each as its parts ("haben sich", "verständigt")
    outcome: tuple[tuple[str, ...], ...]
    future: frozenset[str]
    future_pairs: tuple[tuple[str, ...], ...]
    past: frozenset[str]
    today: tuple[str, ...]


@functools.cache
def frame_lexicon() -> FrameLexicon:
    """Load ``time_frame.txt`` once."""
    rows = [line.split("\t", 1) for line in lexicon("time_frame.txt")]
    by_kind: dict[str, list[tuple[str, ...]]] = {}
    for kind, phrase in rows:
        parts = tuple(fold(p).strip() for p in phrase.split("…"))
        by_kind.setdefault(kind.strip(), []).append(parts)
    future = [p for p in by_kind.get("future", []) if len(p) == 1]
    return FrameLexicon(
        preview=tuple(by_kind.get("preview", [])),
        outcome=tuple(by_kind.get("outcome", [])),
        future=frozenset(p[0] for p in future),
        future_pairs=tuple(p for p in by_kind.get("future", []) if len(p) > 1),
        past=frozenset(p[0] for p in by_kind.get("past", [])),
        today=tuple(p[0] for p in by_kind.get("today", [])),
    )


@functools.cache
def weekday_name(day: date) -> str:
    """The German name of ``day``'s weekday, folded ("donnerstag"), from CLDR."""
    from babel.dates import format_date

    return fold(format_date(day, "EEEE", locale="de"))


def _has(text: str, parts: tuple[str, ...]) -> bool:
    """Do the phrase's parts occur in order, each on word boundaries, in the folded ``text``?"""
    pos = 0
    for part in parts:
        m = re.search(rf"\b{re.escape(part)}\b", text[pos:])
        if m is None:
            return False
        pos += m.end()
    return True


def _words_in(words: set[str], phrases: Iterable[tuple[str, ...]], text: str) -> int:
    n = 0
    for parts in phrases:
        first = parts[0].split()[0] if parts[0] else ""
        if first in words and _has(text, parts):
            n += 1
    return n


def frame(sentence: str, published: date | None = None, *, tense: bool = True) -> Frame | None:
    """The sentence's frame: "preview", "outcome", or None when it does not say (or says both).

    Args:
        sentence: one source sentence; words in quotation marks are the speaker's, not evidence.
        published: the article's date; a sentence naming its weekday speaks of the day itself.
        tense: count a future form as pointing ahead. A promise in an outcome report ("Man werde ...
            unterstützen") is future too, so an article's frame is judged without it.
    """
    preview, outcome = evidence(sentence, published, tense=tense)
    if preview > outcome:
        return "preview"
    if outcome > preview:
        return "outcome"
    return None


def evidence(sentence: str, published: date | None = None, *, tense: bool = True) -> tuple[int, int]:
    """How many signs in the sentence point ahead of the event, and how many report its outcome."""
    text = fold(_QUOTED_RE.sub(" ", sentence))
    words = set(_WORD_RE.findall(text))
    lex = frame_lexicon()
    preview = _words_in(words, lex.preview, text)
    outcome = _words_in(words, lex.outcome, text)
    past = not words.isdisjoint(lex.past)
    if tense and (not words.isdisjoint(lex.future) or _words_in(words, lex.future_pairs, text)):
        preview += 1
    if CLOCK_RE.search(text) and not past:
        preview += 1
    names_day = any(_has(text, (t,)) for t in lex.today) or (
        published is not None and weekday_name(published) in words
    )
    if names_day:
        if past:
            outcome += 1
        else:
            preview += 1
    return preview, outcome


def article_frame(frames: Iterable[Frame | None]) -> Frame | None:
    """An article's frame: the frame most of its framed sentences have (None on a tie or none)."""
    counts = {"preview": 0, "outcome": 0}
    for f in frames:
        if f:
            counts[f] += 1
    if counts["preview"] > counts["outcome"]:
        return "preview"
    if counts["outcome"] > counts["preview"]:
        return "outcome"
    return None


def is_future(sentence: str) -> bool:
    """Does the sentence (outside quotations) hold a future or reported-future form ("werde", "soll")?"""
    text = fold(_QUOTED_RE.sub(" ", sentence))
    words = set(_WORD_RE.findall(text))
    lex = frame_lexicon()
    return not words.isdisjoint(lex.future) or bool(_words_in(words, lex.future_pairs, text))


def overtaken(ahead: int, behind: int, future: bool, article: Frame | None, story_has_outcome: bool) -> bool:
    """Does the story's outcome overtake a statement?

    Args:
        ahead: signs (tense aside) that it was written before the event (:func:`evidence` with
            ``tense=False``).
        behind: signs that it reports the outcome.
        future: it speaks in the future (:func:`is_future`): no outcome unless it also reports one
            ("hat angekündigt, die Sanierung werde Arbeitsplätze kosten").
        article: the frame of its article.
        story_has_outcome: the story reports the outcome somewhere.
    """
    if not story_has_outcome:
        return False
    if ahead or behind:
        return ahead >= behind
    return future or article == "preview"
