"""Small text helpers shared by the assembly modules: folding, content terms, vectors.

Everything here works on plain strings (no spaCy Doc): assembly only sees the
records extraction returned.  Vectors are sparse ``dict[str, float]`` with unit
length, so a dot product is a cosine.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from briefing.lang import entries
from briefing.lang.names import fold

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# Numbers name the facts of an event (26 Länder, 480 Fahrzeuge): they are terms too, as "#26".
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
# Inflectional endings stripped for matching (Sicherheitsgarantien ~ Sicherheitsgarantie);
# longest first.  A crude stemmer is enough: terms are only compared with each other.
_ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")
# Words shorter than this carry no topic (articles, pronouns, abbreviations).
MIN_TERM_CHARS = 3
# A stem must keep at least this many characters, so "Staaten" -> "staat" but "Rates" stays apart from "Rat".
MIN_STEM_CHARS = 4


@functools.cache
def stop_words() -> frozenset[str]:
    """German stop words (spaCy's list, folded) - function words that say nothing about the topic."""
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(fold(w) for w in STOP_WORDS)


def stem(word: str) -> str:
    """Strip one inflectional ending from a folded word."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_CHARS:
            return word[: -len(ending)]
    return word


# Word forms repeat (Zipf): folding and stemming each distinct form once keeps 1,000-article days fast.
_WORD_CACHE = 200_000


@functools.lru_cache(maxsize=_WORD_CACHE)
def _fold_word(word: str) -> str:
    return fold(word)


@functools.lru_cache(maxsize=_WORD_CACHE)
def _term(word: str) -> str | None:
    w = fold(word)
    if len(w) < MIN_TERM_CHARS or w in stop_words():
        return None
    return stem(w)


def words(text: str) -> list[str]:
    """All folded words of ``text`` (no numbers, no punctuation)."""
    return [_fold_word(w) for w in WORD_RE.findall(text or "")]


def content_terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` (stop words and very short words dropped) and its numbers."""
    terms = [t for t in map(_term, WORD_RE.findall(text or "")) if t]
    return terms + ["#" + m.group().replace(",", ".") for m in NUMBER_RE.finditer(text or "")]


class Idf(dict):
    """Term -> inverse document frequency; ``unknown`` is the weight of a term no document had."""

    unknown: float = 1.0


def idf_table(doc_terms: Iterable[Iterable[str]]) -> Idf:
    """Smoothed inverse document frequency over documents given as term collections."""
    df: Counter[str] = Counter()
    n = 0
    for terms in doc_terms:
        n += 1
        df.update(set(terms))
    table = Idf((t, math.log((1 + n) / (1 + c)) + 1.0) for t, c in df.items())
    table.unknown = math.log(1 + n) + 1.0  # as rare as a term in no document
    return table


def vector(counts: Mapping[str, float], idf: Mapping[str, float], keep: int | None = None) -> dict[str, float]:
    """Unit-length TF-IDF vector (log-scaled tf); ``keep`` limits it to the heaviest terms."""
    default = idf.unknown if isinstance(idf, Idf) else max(idf.values(), default=1.0)
    v = {t: (1.0 + math.log(c)) * idf.get(t, default) for t, c in counts.items() if c > 0}
    if keep is not None and len(v) > keep:
        v = dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    norm = math.sqrt(sum(x * x for x in v.values()))
    if not norm:
        return {}
    return {t: x / norm for t, x in v.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two unit vectors (iterates the shorter one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def overlap(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard overlap of two token collections (0 when both are empty)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def containment(a: Iterable[str], b: Iterable[str]) -> float:
    """Share of the smaller token set that is contained in the other one."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def lexicon(name: str) -> tuple[str, ...]:
    """Entries of the German word list ``briefing/lang/de/NAME`` (see :mod:`briefing.lang`)."""
    return entries(name)


def source_sort_key(source_id: str) -> int:
    """S12 -> 12, so source lists sort numerically."""
    return int(source_id[1:]) if source_id[1:].isdigit() else 0


def sort_sources(ids: Iterable[str]) -> tuple[str, ...]:
    """Distinct source ids in numeric order."""
    return tuple(sorted(set(ids), key=source_sort_key))


# A title cut by a feed or page ("… für Ukrai…"): the ellipsis right after a word's first letters.
_CUT_TITLE = re.compile(r"(?<![\w-])([^\W\d_]{3,})(?:…|\.\.\.)\s*$")


def complete_title(title: str | None, text: str) -> str | None:
    """``title`` with its cut last word completed from the article's own text, when the text decides it.

    Feeds and teasers cut long titles inside a word ("26 Länder für Sicherungstruppe für Ukrai…"); the
    article's text holds the word ("Ukraine"). The most frequent word of the text that starts with the cut
    letters (same case) completes it; a title cut between words, or letters no word of the text starts
    with, stays as it was.
    """
    if not title:
        return title
    m = _CUT_TITLE.search(title.rstrip())
    if not m:
        return title
    prefix = m.group(1)
    counts = Counter(w for w in re.findall(rf"(?<![\w-]){re.escape(prefix)}[^\W\d_]*", text) if w != prefix)
    if not counts:
        return title
    word = min(counts, key=lambda w: (-counts[w], len(w), w))
    return title.rstrip()[: m.start(1)] + word
