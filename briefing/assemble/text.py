"""Small text helpers shared by the assembly modules: folding, content terms, vectors.

Everything here works on plain strings (no spaCy Doc): assembly only sees the
records extraction returned.  Vectors are sparse ``dict[str, float]`` with unit
length, so a dot product is a cosine.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
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


def compound_head(term: str) -> str | None:
    """The head of a hyphenated compound term ("eu-kommissio" -> "kommissio"), None for other terms.

    A German hyphenated compound names a kind of its last part: "EU-Kommission" is the "Kommission" of
    another report, the "EU-Gipfel" its "Gipfel".
    """
    if "-" not in term or term[0] == "#":
        return None
    head = term.rsplit("-", 1)[1]
    return head if len(head) >= MIN_STEM_CHARS and head not in stop_words() else None


def compound_modifiers(term: str) -> list[str]:
    """The words before the head of a hyphenated compound term, stemmed ("elbe-hochwass" -> ["elbe"]);
    short ones ("EU-", "US-") and stop words are left out."""
    if "-" not in term or term[0] == "#":
        return []
    parts = (stem(p) for p in term.split("-")[:-1])
    return [p for p in parts if len(p) >= MIN_STEM_CHARS and p not in stop_words()]


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


# Background rarity.  A day's own document frequencies say which words are common only on a big day; on a
# day of three reports of one event every word they share is the day's most common one.  wordfreq's German
# list (:mod:`briefing.lang.frequency`) says how common a word is in general: a word of per-token frequency
# f occurs in about 1 - exp(-ARTICLE_WORDS * f) of all articles (Poisson), the background document
# frequency of :func:`term_weights`.
ARTICLE_WORDS = 400  # words of a typical news article
# A word the list lacks is rarer than its floor (Zipf 3): compounds, names, inflected rare words.
UNLISTED_FREQUENCY = 1e-7  # Zipf 2


@functools.lru_cache(maxsize=_WORD_CACHE)
def word_frequency(word: str) -> float:
    """Per-token frequency of a surface word in general German (0 for a word below Zipf 3)."""
    from briefing.lang.frequency import frequencies

    return frequencies().get(word.casefold(), 0.0)


def number_frequency(number: str) -> float:
    """Per-token frequency of one number: the list's share of its digit shape, spread evenly over its values.

    wordfreq counts numbers by shape ("2030" under "0000", "4.200" under "0.000"); a shape of k digits
    stands for 10**k values.
    """
    from briefing.lang.frequency import frequencies

    digits = sum(c.isdigit() for c in number)
    return frequencies().get(re.sub(r"\d", "0", number), 0.0) / 10**digits


def term_frequencies(texts: Iterable[str]) -> dict[str, float]:
    """Per-token frequency in general German of each content term of ``texts`` (see :func:`content_terms`).

    A term is a stem: its frequency is the sum over the distinct (casefolded) word forms the texts show
    ("Bauer", "Bauern"), in sorted order so the sum is the same on every run; a hyphenated compound's
    head counts as a form of the head's term; a term whose forms the list lacks gets
    :data:`UNLISTED_FREQUENCY`.
    """
    distinct: set[str] = set()
    numbers: set[str] = set()
    for text in texts:  # a day's words repeat: each distinct one is looked at once
        distinct.update(WORD_RE.findall(text or ""))
        numbers.update(m.group() for m in NUMBER_RE.finditer(text or ""))
    forms: dict[str, set[str]] = defaultdict(set)
    for w in distinct:
        for t, form in _forms(w):
            forms[t].add(form)
    from briefing.lang.frequency import frequencies

    table = frequencies()
    out = {t: sum(table.get(f, 0.0) for f in sorted(fs)) or UNLISTED_FREQUENCY for t, fs in forms.items()}
    spellings: dict[str, set[str]] = defaultdict(set)  # "2,5" and "2.5" are one term
    for n in numbers:
        spellings["#" + n.replace(",", ".")].add(n)
    for t, ns in spellings.items():
        out[t] = sum(number_frequency(n) for n in sorted(ns)) or UNLISTED_FREQUENCY
    return out


@functools.lru_cache(maxsize=_WORD_CACHE)
def _forms(word: str) -> tuple[tuple[str, str], ...]:
    """The (term, casefolded form) pairs a surface word stands for: its own, and its compound head's."""
    t = _term(word)
    if not t:
        return ()
    form = word.casefold()
    head = compound_head(t)
    return ((t, form), (head, form.rsplit("-", 1)[1])) if head else ((t, form),)


def background_share(frequency: float) -> float:
    """Share of all articles that contain a word of this per-token frequency at least once."""
    return 1.0 - math.exp(-ARTICLE_WORDS * max(frequency, UNLISTED_FREQUENCY))


def term_weights(doc_terms: Iterable[Iterable[str]], frequencies: Mapping[str, float], prior: float) -> Idf:
    """Inverse document frequency of each term, the day's counts smoothed towards the background.

    The background stands for ``prior`` articles, in which a term occurs in the share its general
    frequency gives (:func:`background_share`; ``frequencies`` as :func:`term_frequencies` returns them):
    on a small day the background decides, on a big day the day's own counts do, and a word the day
    uses far more than German in general (its big event's) weighs less than its rarity alone says.
    Terms missing from ``frequencies`` count as unlisted.
    """
    df: Counter[str] = Counter()
    n = 0
    for terms in doc_terms:
        n += 1
        df.update(set(terms))
    total = n + prior
    table = Idf(
        (t, math.log(total / (c + prior * background_share(frequencies.get(t, UNLISTED_FREQUENCY)))))
        for t, c in df.items()
    )
    table.unknown = math.log(total / (prior * background_share(UNLISTED_FREQUENCY)))
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


def balanced_quotes(sentence: str, strict: bool = False) -> bool:
    """Are the sentence's German quotation marks closed („ ... “) and its straight ones paired?  ``strict``:
    and none closes that the sentence did not open (its start is inside a quotation: "… Europa dar.“").
    Without ``strict`` a closing mark the sentence did not open is still one too many where the sentence opens
    none and its curly marks do not pair up as English ones (“ ... ”) would: "Jetzt ist der Rat gefordert.“"
    is the second sentence of a quotation."""
    closers = sentence.count("“") + sentence.count("”")
    if "„" not in sentence and closers % 2:
        return False
    depth = 0
    for ch in sentence:
        if ch == "„":
            depth += 1
        elif ch in "“”":
            if depth:
                depth -= 1
            elif strict:
                return False
    return depth == 0 and sentence.count('"') % 2 == 0
