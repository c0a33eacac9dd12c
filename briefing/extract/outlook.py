"""Outlook: sentences about what comes next.

A sentence is outlook when it holds a forward-pointing phrase from the lexicon
("in den kommenden Tagen", "bleibt abzuwarten", "künftig", "geplant"), matched
by one compiled regular expression over the whole text, or a future outside
quotations: a present form of "werden"/"sollen" whose clause closes with an
infinitive ("werden wir ... finalisieren", "soll ... informiert werden"), not a
participle (passive: "wird ... informiert", "wird ... getroffen"). The
component stores ``list[Statement]`` on ``doc._.briefing_outlook``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from briefing.extract.actors import in_regions, month_names, quote_regions, regions_overlap, token_table
from briefing.extract.docdata import OUTLOOK, ext_data
from briefing.lang import rows
from briefing.lang.de import CLAUSE_END, SUBJECT_PRONOUNS, auxiliary_forms
from briefing.models import Statement

# Sentences longer than this are page residue (lists, tables), not an outlook worth surfacing.
MAX_SENTENCE_CHARS = 600
# Put before a capitalised word inside a sentence: a noun, never an infinitive ("wird er über Schulden, …").
NOUN_MARK = "^"
# Infinitives are at least this long ("tun" is the rare shorter one; "den", "ein" are not verbs).
MIN_INFINITIVE_CHARS = 4


@dataclass(frozen=True)
class OutlookLexicon:
    markers: re.Pattern[str] | None
    pairs: tuple[tuple[str, str], ...]  # two-part markers: first word, later word
    scheduled: tuple[tuple[str, str], ...]  # two-part present-tense events, ahead only with a "soon" word
    pair_firsts: frozenset[str]  # the pairs' first words
    aux: frozenset[str]
    hearsay_aux: frozenset[str]
    must_aux: frozenset[str]
    maybe_aux: frozenset[str]
    soon: frozenset[str]
    pending: frozenset[str]
    ge_infinitives: frozenset[str]
    ge_prefixes: tuple[str, ...] = ()  # separable prefixes, longest first


@functools.lru_cache(maxsize=1)
def outlook_lexicon() -> OutlookLexicon:
    """Load the outlook markers once and compile them into one expression."""
    table = rows("outlook_markers.txt")
    phrases = {r[1].lower() for r in table if r[0] == "marker"}
    markers = sorted((m for m in phrases if "…" not in m), key=len, reverse=True)
    pairs = tuple(sorted((m.split("…")[0].strip(), m.split("…")[1].strip()) for m in phrases if "…" in m))
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in markers) + r")\b") if markers else None
    return OutlookLexicon(
        markers=pattern,
        pairs=pairs,
        pair_firsts=frozenset(first for first, _ in pairs),
        scheduled=tuple(sorted(
            (first.strip(), later.strip())
            for first, later in (r[1].lower().split("…", 1) for r in table if r[0] == "scheduled")
        )),
        aux=auxiliary_forms("werden", ("present", "konj1")),
        hearsay_aux=frozenset(r[1].lower() for r in table if r[0] == "hearsay_aux"),
        must_aux=frozenset(r[1].lower() for r in table if r[0] == "must_aux"),
        maybe_aux=frozenset(r[1].lower() for r in table if r[0] == "maybe_aux"),
        # a named month points ahead like a weekday ("Im Dezember soll der Rat entscheiden")
        soon=frozenset(r[1].lower() for r in table if r[0] == "soon") | {m.lower() for m in month_names(("wide",))},
        ge_infinitives=frozenset(r[1].lower() for r in table if r[0] == "ge_infinitive"),
        pending=frozenset(r[1].lower() for r in table if r[0] == "pending"),
        ge_prefixes=tuple(sorted((r[1].lower() for r in table if r[0] == "ge_prefix"), key=len, reverse=True)),
    )


def is_infinitive(word: str, lex: OutlookLexicon) -> bool:
    """A lowercase verb infinitive (not a strong participle such as "getroffen")."""
    if not word.isalpha() or not word.islower() or len(word) < MIN_INFINITIVE_CHARS:
        return False
    if not word.endswith(("en", "ern", "eln")):
        return False
    for prefix in lex.ge_prefixes:  # "angesehen" is a participle as "gesehen" is; "angehören" an infinitive
        if word.startswith(prefix) and word.startswith("ge", len(prefix)) and len(word) - len(prefix) >= 6:
            return word[len(prefix):] in lex.ge_infinitives
    return not (word.startswith("ge") and word not in lex.ge_infinitives)


def has_future(words: list[str], lex: OutlookLexicon) -> bool:
    """Does a sentence (lowercase tokens outside quotations; a noun inside it marked with :data:`NOUN_MARK`) hold
    auxiliary + clause-final infinitive?"""
    n = len(words)
    soon = None
    for k, w in enumerate(words):
        must = w in lex.must_aux
        maybe = w in lex.maybe_aux
        hearsay = w in lex.hearsay_aux or must or maybe
        if w not in lex.aux and not hearsay:
            continue
        m = k + 1
        while m < n and words[m] not in CLAUSE_END:
            m += 1
        last = words[m - 1] if m - 1 > k else ""
        if not is_infinitive(last, lex) and _joins_phrase(words, m):
            # "will am Donnerstag nach Kairo und anschließend nach Jerusalem reisen": "und" joins two phrases of
            # one clause (an adverb or a preposition after it, no new subject), whose infinitive closes it
            m += 1
            while m < n and words[m] not in CLAUSE_END:
                m += 1
            last = words[m - 1]
        if not is_infinitive(last, lex):
            continue
        if hearsay and last == "haben":
            continue  # a perfect infinitive: hearsay of the past ("soll das Urteil im Oktober bestätigt haben")
        if hearsay and (last != "werden" or must or maybe):
            if soon is None:
                soon = any(x.removeprefix(NOUN_MARK) in lex.soon for x in words)
            clause = {w.removeprefix(NOUN_MARK) for w in words[k + 1 : m]}
            if not soon and not (must and not lex.pending.isdisjoint(clause)):
                continue
        return True
    return False


# Words that open a new clause's subject after "und" ("und die Bürger sparen", "und er sagte"): no phrase of
# the clause before.
_SUBJECT_OPENERS = SUBJECT_PRONOUNS | frozenset(
    {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "sein", "seine",
     "ihr", "ihre", "unser", "unsere", "dies", "diese", "dieser", "alle", "viele"})


def _joins_phrase(words: list[str], m: int) -> bool:
    """Is ``words[m]`` an "und"/"oder" that joins a second phrase to the clause (a lowercase adverb or
    preposition after it, "und anschließend nach ...", "oder in ..."), not a clause of its own with a new
    subject ("und die Opposition ...", "und er ...", "und Merz ...")?"""
    if m + 1 >= len(words) or words[m] not in ("und", "oder"):
        return False
    nxt = words[m + 1]
    return nxt.isalpha() and nxt not in _SUBJECT_OPENERS


def has_pair(words: list[str], lex: OutlookLexicon) -> bool:
    """Does a two-part marker ("ist … geplant") occur in order in these words?"""
    if lex.pair_firsts.isdisjoint(words):
        return False
    return any(first in words and second in words[words.index(first) + 1:] for first, second in lex.pairs)


def has_scheduled(words: list[str], lex: OutlookLexicon) -> bool:
    """Does a present-tense event ("findet … statt") point ahead: a "soon" word or a named month in the sentence
    ("Die nächste Runde findet im März statt"), and no "seit" (an event under way)?"""
    if not any(first in words and second in words[words.index(first) + 1:] for first, second in lex.scheduled):
        return False
    return "seit" not in words and not lex.soon.isdisjoint(words)


def find_outlook(doc: Doc, lex: OutlookLexicon, matcher: PhraseMatcher | None = None) -> list[Statement]:
    """Outlook statements of one Doc, in text order.

    ``matcher`` (the markers as a LOWER PhraseMatcher, see :func:`marker_matcher`) finds the markers at
    C speed; without it the compiled expression scans the text.
    """
    table = token_table(doc)
    text, idx, lowers = table.text, table.idx, table.lowers
    # A sentence is marked when a marker starts inside it: by token with the matcher (a match starts on
    # a word, never on whitespace), by character without; its text is cut out only when it is marked.
    if matcher is not None:
        hit_tokens = sorted(start for _, start, _ in matcher(doc))
        hits: list[int] = []
    else:
        hit_tokens = None
        hits = [m.start() for m in lex.markers.finditer(text.lower())] if lex.markers else []
    regions = quote_regions(text)
    aux_words = lex.aux | lex.hearsay_aux | lex.must_aux | lex.maybe_aux
    # A two-part marker or event needs both its words in the sentence: a document without any pair's second
    # word ("geplant", "anberaumt") or any event's first ("findet") has none, and its sentences are not searched
    # for them one by one (the pairs' first words, "ist" and "sind", stand in nearly every sentence).
    doc_words = set(lowers)
    pairs = bool(lex.pairs) and not doc_words.isdisjoint([later for _, later in lex.pairs])
    scheduled = bool(lex.scheduled) and not doc_words.isdisjoint([first for first, _ in lex.scheduled])
    out = []
    for s, e in table.sents:
        if hit_tokens is not None:
            k = bisect.bisect_left(hit_tokens, s)
            marked = k < len(hit_tokens) and hit_tokens[k] < e
        else:
            marked = False
            if hits:
                start, end = _stripped_bounds(text, *table.char_span(s, e))
                k = bisect.bisect_left(hits, start)
                marked = k < len(hits) and hits[k] < end
        if not marked and not aux_words.isdisjoint(lowers[s:e]):
            quoted = regions_overlap(regions, idx[s], idx[e - 1] + 1)
            # a capitalised word inside the sentence is a noun ("Schulden", "Wochen"), never the clause's closing
            # infinitive: it is marked so that it cannot pass for one
            sent_words = [lowers[k] if k == s or not table.words[k][:1].isupper() else NOUN_MARK + lowers[k]
                          for k in range(s, e)
                          if not table.space[k] and not (quoted and in_regions(idx[k], regions))]
            marked = has_future(sent_words, lex)
        if not marked and pairs:
            marked = has_pair(lowers[s:e], lex)
        if not marked and scheduled:
            marked = has_scheduled(lowers[s:e], lex)
        if marked:
            start, end = _stripped_bounds(text, *table.char_span(s, e))
            if start < end and end - start <= MAX_SENTENCE_CHARS:
                out.append(Statement(text[start:end], start, end))
    return out


def _stripped_bounds(text: str, first: int, last: int) -> tuple[int, int]:
    """``text[first:last]`` without its leading and trailing whitespace, as character bounds."""
    raw = text[first:last]
    body = raw.strip()
    start = first + (len(raw) - len(raw.lstrip()))
    return start, start + len(body)


def marker_matcher(nlp: Language) -> PhraseMatcher:
    """The one-part outlook markers as a PhraseMatcher on lowercase token text."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = {r[1].lower() for r in rows("outlook_markers.txt") if r[0] == "marker" and "…" not in r[1]}
    matcher.add("OUTLOOK", [nlp.make_doc(p) for p in sorted(phrases)])
    return matcher


class OutlookComponent:
    """spaCy component: ``doc._.briefing_outlook = list[Statement]``."""

    def __init__(self, nlp: Language) -> None:
        self.lex = outlook_lexicon()
        self.matcher = marker_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        ext_data(doc)[OUTLOOK] = find_outlook(doc, self.lex, self.matcher) if len(doc) else []  # doc._.briefing_outlook
        return doc


@Language.factory(
    "briefing_outlook", default_config={}, assigns=["doc._.briefing_outlook"], requires=["token.is_sent_start"]
)
def make_outlook(nlp: Language, name: str) -> OutlookComponent:
    return OutlookComponent(nlp)
