"""Documents and publications as the source of a quotation.

German news often gives a text, not a person, as where words come from: "In dem Bericht heißt es: „…“",
"laut der Studie", "einer Pressemitteilung der NASA zufolge", "Nach dem Artikel 65 des Grundgesetzes",
"In einem Bericht von ndr.de werden die Maßnahmen als „extrem“ bezeichnet".  The quotation's speaker
mention is then that document phrase; the speaker shown is no one unless the phrase names the document's
owner ("einer Erklärung des Innenministeriums": the ministry).  The head nouns are data:
``lang/de/document_nouns.txt``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from briefing.lang import rows, word_set

# The endings a document noun takes in the text ("Berichten", "Studien", "Artikels", "Gesetzes").
_ENDINGS = ("", "e", "en", "n", "s", "es")
# A compound's first part is at least this long ("Jahresbericht", "HIS-Studie"; not "Abericht").
_MIN_PREFIX = 3
# Words that open a genitive or "von" attribute naming a document's owner ("des Ministeriums", "von ndr.de").
_OWNER_LINKS = frozenset(["des", "der", "von", "vom"])
_WORD = re.compile(r"[\w.-]+")


@cache
def _nouns() -> dict[str, str]:
    """Document head nouns (lowercase base form) and how "nach" + the noun reads ("text" / "event")."""
    return {r[0].lower(): (r[1] if len(r) > 1 else "text") for r in rows("document_nouns.txt")}


@lru_cache(maxsize=16384)
def document_noun(word: str) -> str | None:
    """The kind ("text" or "event") when ``word`` is a document noun, inflected or as the end of a compound
    ("Bericht", "Medienberichten", "OSZE-Bericht", "Grundgesetz"); None for any other word.  Only a
    noun counts: a capitalised word or hyphenated compound ("documenta-Homepage")."""
    if not word.rsplit("-", 1)[-1][:1].isupper():
        return None
    low = word.lower()
    forms, lengths = _forms()
    best = forms.get(low)
    n = len(low)
    for length in lengths:  # the word's ends of every form length (a few set probes, not a scan of the list)
        if n - length < _MIN_PREFIX:
            continue  # too long to leave a compound part before it (the word itself was looked up above)
        hit = forms.get(low[n - length :])
        if hit is not None and (best is None or hit < best):
            best = hit
    return None if best is None else best[1]


@cache
def _forms() -> tuple[dict[str, tuple[int, str]], tuple[int, ...]]:
    """Every inflected form of the document nouns -> (the noun's place in the list, its kind), and the
    forms' lengths, longest first.  The first noun of the list that a word is, or ends in, decides, as a
    walk over the list in order would."""
    forms: dict[str, tuple[int, str]] = {}
    for i, (noun, kind) in enumerate(_nouns().items()):
        for ending in _ENDINGS:
            forms.setdefault(noun + ending, (i, kind))
    return forms, tuple(sorted({len(f) for f in forms}, reverse=True))


def _head(words: list[str]) -> int | None:
    """Index of a phrase's head noun: its first capitalised word after articles, possessives and
    prepositions ("In dem neuen Bericht", "ihrer Homepage"); lowercase adjectives are passed over."""
    skip = word_set("determiners.txt") | word_set("prepositions.txt")
    for k, w in enumerate(words):
        if w.lower() in skip or not w[:1].isalpha():
            continue
        if w[:1].isupper() or "-" in w:
            return k
    return None


@lru_cache(maxsize=16384)
def is_document(text: str) -> bool:
    """Is the phrase a document or publication by its head noun ("dem Bericht", "einer Pressemitteilung der
    NASA", "Medienberichten"), not a person or an organisation ("Der Sprecher des Berichts" is a person)?"""
    words = _WORD.findall(text)
    k = _head(words)
    return k is not None and document_noun(words[k]) is not None


def document_owner(text: str) -> tuple[int, int] | None:
    """Where in the document phrase ``text`` its owner is named: the genitive or "von" attribute right after
    the head noun ("einer Erklärung [des Innenministeriums]", "einem Bericht [von ndr.de]"), as character
    offsets into ``text``, up to a comma or bracket; None when the phrase names no owner."""
    words = list(_WORD.finditer(text))
    k = _head([m.group() for m in words])
    if k is None:
        return None
    # "dem Artikel 65 des Grundgesetzes": a number after the head belongs to it.
    j = k + 1
    while j < len(words) and words[j].group().isdigit():
        j += 1
    if j + 1 >= len(words) or words[j].group().lower() not in _OWNER_LINKS:
        return None
    start = words[j].start()
    end = len(text)
    for stop in (",", "(", ";"):
        p = text.find(stop, start)
        if p != -1:
            end = min(end, p)
    owner = text[start:end].rstrip()
    return (start, start + len(owner)) if len(_WORD.findall(owner)) >= 2 else None


def prefix_owner(text: str) -> str | None:
    """An owner named by an acronym in the head compound: "der OSZE-Bericht" -> "OSZE", "dem LSVD-Schreiben" ->
    "LSVD" (a common word before the hyphen, "Online-Artikel", is none)."""
    words = _WORD.findall(text)
    k = _head(words)
    if k is None or "-" not in words[k]:
        return None
    prefix = words[k].rsplit("-", 1)[0]
    return prefix if sum(ch.isupper() for ch in prefix) >= 2 and prefix.replace("-", "").isalnum() else None


# Stems after which the genitive ending is "-es" ("des Gesetzes", "des Verbandes", "des Hauses").
_ES_STEMS = ("s", "ß", "z", "x", "d", "t", "sch", "ch")


def owner_name(owner: str) -> str | None:
    """The owner as a name: the attribute without its link word, article and adjectives, the genitive
    ending of its first noun taken off ("des Innenministeriums" -> "Innenministerium", "der NASA" ->
    "NASA", "von ndr.de" -> "ndr.de"); None when nothing capitalised or dotted is left."""
    words = owner.split()
    genitive = bool(words) and words[0].lower() == "des"
    words = words[1:]
    skip = word_set("determiners.txt")
    while words and (words[0].lower() in skip or (words[0][:1].islower() and "." not in words[0])):
        words = words[1:]
    if not words:
        return None
    first = words[0]
    if genitive and first[1:].islower() and first.endswith("s") and len(first) > 4:
        stem = first[:-2] if first.endswith("es") and first[:-2].endswith(_ES_STEMS) else first[:-1]
        words[0] = stem
    return " ".join(words)
