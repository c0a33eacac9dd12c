"""Sentence boundaries for German news text on a blank pipeline.

spaCy's rule-based Sentencizer splits after every period, which breaks German news
text at "Dr.", "Nr.", "z. B.", initials ("Edmund S. Phelps") and ordinals
("am 4. September", "der 2. Weltkrieg").  This module finds boundaries with one
compiled regular expression over the text plus a few checks of the word before the
period, and always splits at line breaks (paragraphs and headings).  A closing
quotation mark after the final punctuation stays with its sentence
(„Wir gehen.“ | Er sagte ...).

``split_sentences(text)`` is a plain function over the text (the quotation
extractor and tests use it directly); the ``briefing_sentences`` component maps
its character offsets onto the tokens of a Doc.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import repeat

import numpy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from briefing.lang import entries, rows
from briefing.lang.frequency import COMMON_ZIPF, zipf

# Candidate boundary: final punctuation, optional closing quotes/brackets, whitespace
# without a line break, then something that can begin a sentence.
# ("[.!?…][.!?…]*", not "[.!?…]+": a pattern opening with a character set lets the regex engine skip to the
# next such character in C; one opening with a group around a repeat is tried at every position, twice as slow)
# Or two sentences glued where a paragraph break was lost in copying ("… sagte Merkel.Als
# „verpasste Chance“ …"): a word of two or more lowercase letters, final punctuation, and a
# capitalised word right after it without a space. Domains ("ndr.de") and "ver.di" continue
# in lowercase and do not match.
# (Both in one expression, one scan of the text: both open at final punctuation, and neither can start inside
# the other's match, so its matches are the two expressions' matches. The glued end is the one whose "ws" is
# None. The lookbehind comes after the punctuation it includes: a pattern opening with a character class is
# scanned for it in C, one opening with a lookbehind is tried at every character, ~5x slower.)
_SENTENCE_END = re.compile(
    r"""(?P<punct>[.!?…](?:(?<=[a-zäöüß]{2}[.!?])(?=[“”"«»]?[A-ZÄÖÜ][a-zäöüß])"""
    r"""|[.!?…]*(?=[“”"«»‘’'\)\]]*[ \t\u00a0])))"""
    r"""(?:(?P<close>[“”"«»‘’'\)\]]*)(?P<ws>[ \t\u00a0]+)(?=[„"»«‚“(\[\-–]?(?:[^\W\d_a-zäöüß]|\d))"""
    r"""|(?P<glued>[“”"«»]?)(?=[A-ZÄÖÜ][a-zäöüß]))"""
)
_LINEBREAK = re.compile(r"\n\s*")
_WORD_BEFORE = re.compile(r"([\w.]+(?:[ ][\w]\.)*[\w]*)$")
_LAST_WORD = re.compile(r"(\S+)$")  # the word before a glued sentence end (see _SENTENCE_END)
_FIRST_WORD = re.compile(r"[„\"»«‚“(\[\-–]?(\w+)")

# Where the component leaves the sentence character spans for later components.
USER_DATA_KEY = "briefing_sentence_spans"
# ... and the token index opening each sentence, with the token count it was made for (for token tables).
SENT_TOKENS_KEY = "briefing_sentence_tokens"
# ... and its token array (IDX first), read once for the token table (actors.token_table takes it out again).
TOKEN_ARRAY_KEY = "briefing_token_array"
# (attribute ids, not names: Doc.to_array looks a name up on every call; no lexeme flag such as IS_SPACE:
# spaCy reads a lexeme attribute with two thread-state calls per token, and the token table has each
# word's whitespace test with its word forms)
TOKEN_ARRAY_ATTRS: list[int | str] = [IDX, ORTH]
# SENT_START of a token inside a sentence (-1) as the uint64 Doc.from_array takes.
SENT_OTHER = numpy.uint64(2**64 - 1)
TEXT_KEY = "briefing_text"

# A number of up to this many digits before a period can be an ordinal ("4. September");
# four digits are a year and end a sentence ("im Jahr 2005. Danach ...").
MAX_ORDINAL_DIGITS = 3

# A "sentence" longer than this is not one: a table or list without punctuation, or a hostile
# file of one endless line. It is cut at a space before the limit, because several components
# work per sentence in time quadratic in its length (a 100 KB run without a period took 22 s
# to extract, a 3.8 MB one over 400 s, and held the day's build). The longest sentence in
# 12,871 of the eval data and the seeds has 719 characters, so real text is never cut.
MAX_SENTENCE_CHARS = 2000

# A line at least this long that ends without punctuation is wrapped, and the sentence
# goes on in the next line; shorter lines are headings, captions or list items.
WRAPPED_LINE_MIN_CHARS = 50

_MONTHS = frozenset(
    [
        "januar",
        "jänner",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ]
)
# A number written with thousands separators ("40.000", "1.250.000").
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# Words after which "<number>." is an ordinal, not a sentence end ("am 4.", "der 3. Platz").
_ORDINAL_LEFT = frozenset(
    [
        "am",
        "im",
        "vom",
        "zum",
        "beim",
        "bis",
        "seit",
        "ab",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "einem",
        "einen",
        "zur",
        "vor",
        "nach",
        "zwischen",
        "dieser",
        "diesem",
        "diesen",
        "dieses",
        "jeder",
        "jedem",
        "jeden",
        "sein",
        "seine",
        "seinem",
        "seinen",
        "ihr",
        "ihre",
        "ihrem",
        "ihren",
        "unser",
        "unsere",
        "und",
        "oder",
        "bzw",
    ]
)


_ABBREVIATIONS: frozenset[str] | None = None


def abbreviations() -> frozenset[str]:
    """Abbreviations (without their final period) from lang/de/abbreviations.txt (read once)."""
    global _ABBREVIATIONS
    if _ABBREVIATIONS is None:  # (a module global, not an lru_cache: a compiled caller reads it directly)
        _ABBREVIATIONS = frozenset(entries("abbreviations.txt"))
    return _ABBREVIATIONS


_SENTENCE_OPENERS: frozenset[str] | None = None


def _sentence_openers() -> frozenset[str]:
    """Articles, personal pronouns and possessives (lowercase): words that open a sentence, never a name."""
    global _SENTENCE_OPENERS
    if _SENTENCE_OPENERS is None:
        lists = ("determiners.txt", "personal_pronouns.txt", "possessives.txt")
        _SENTENCE_OPENERS = frozenset(w.lower() for name in lists for w in entries(name))
    return _SENTENCE_OPENERS


_FIRST_NAMES: frozenset[str] | None = None


def _first_names() -> frozenset[str]:
    """Lowercased first names of the hand-kept and the world list (built once; read-only)."""
    global _FIRST_NAMES
    if _FIRST_NAMES is None:
        names = rows("first_names.txt") + rows("first_names_world.txt")
        _FIRST_NAMES = frozenset(r[0].lower() for r in names if r)
    return _FIRST_NAMES


def _is_false_boundary(text: str, m: re.Match[str]) -> bool:
    """True when the period at ``m`` belongs to an abbreviation, an initial or an ordinal."""
    punct, close = m.group("punct", "close")
    if punct != "." or close:
        return False
    start = m.start()
    before = text[max(0, start - 40) : start]
    # The last word: the non-space run at the end of ``before`` (or right before one final line
    # break, as ``(\S+)$`` would match it), taken with rsplit instead of a regex search at every
    # position of the window (the hot path: every sentence end runs through here).
    tail = before[:-1] if before.endswith("\n") else before
    if not tail or tail[-1].isspace():
        return False
    two = tail.rsplit(None, 2)  # the last (up to) three words, the last one at the end
    word = two[-1].lstrip('(„"»«‚“[')
    abbr = abbreviations()
    if word in abbr:
        return True
    # Multi-part abbreviations written with spaces: "z. B." -> the text before is "... z. B".
    if len(two) >= 2 and f"{two[-2]} {two[-1]}" in abbr:
        return True
    if len(word) == 1 and word.isalpha():
        # An initial ("Edmund S. Phelps", "J. R. R. Tolkien") or part of "z. B.", "u. a."; a capital letter
        # after a lowercase word and before a common word is a word of its own ("schrieb er auf X. Er drohte").
        if word.islower() or len(two) < 2:
            return True
        nxt = _FIRST_WORD.match(text, m.end())
        next_word = nxt.group(1) if nxt else ""
        if not two[-2][:1].islower():
            # after a capitalised word an initial ("George W. Bush"), unless the next word opens a sentence and
            # is never a name: an article, pronoun or possessive ("auf der Plattform X. Sein Regierungschef")
            if next_word.lower() in _sentence_openers():
                return False
            # after a common noun that is no first name a letter of its own, before a common word ("auf der
            # Plattform X. Deutschland werde …"); an initial follows a first name ("Anna K. Berger")
            prev = two[-2].lstrip('(„"»«‚“[')
            return not (
                zipf(prev) >= COMMON_ZIPF
                and prev.lower() not in _first_names()
                and zipf(next_word) >= COMMON_ZIPF
            )
        return len(next_word.rstrip(".")) == 1 or zipf(next_word) < COMMON_ZIPF
    if word.isdigit() and len(word) <= MAX_ORDINAL_DIGITS:
        nxt = _FIRST_WORD.match(text, m.end())
        next_word = nxt.group(1) if nxt else ""
        if next_word.lower() in _MONTHS or (next_word[:1].islower()) or next_word.isdigit():
            return True
        if len(two) >= 2 and two[-2].lower() in _ORDINAL_LEFT:  # the word before the number
            return True
    if _THOUSANDS.fullmatch(word):
        # "auf 40.000. Generalsekretär …": a number with a thousands separator is no date ("04.09.") nor an
        # abbreviation; it ends the sentence unless it is an ordinal ("der 1.000. Besucher", "1.000. mal")
        nxt = _FIRST_WORD.match(text, m.end())
        next_word = nxt.group(1) if nxt else ""
        return next_word[:1].islower() or (len(two) >= 2 and two[-2].lower() in _ORDINAL_LEFT)
    # Dotted abbreviations such as "U.S." or "e.V." and dates "04.09."
    return "." in word.rstrip(".") and len(word) <= 6


def _is_wrap(text: str, m: re.Match[str]) -> bool:
    """A single line break inside a running sentence (hard-wrapped text), not a paragraph or heading."""
    if m.group().count("\n") > 1:
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    line = text[line_start : m.start()].rstrip()
    if len(line) < WRAPPED_LINE_MIN_CHARS or line[-1:] in '.!?:;“”"«»':
        return False
    nxt = text[m.end() : m.end() + 1]
    return nxt.isalnum() or nxt in '„"»«('


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (whitespace between them excluded).

    Args:
        text: German news text; paragraphs and headings are separated by line breaks.

    Returns:
        ``(start, end)`` pairs in text order covering every non-space character.
    """
    cuts = [0]
    for m in _LINEBREAK.finditer(text):
        if not _is_wrap(text, m):
            cuts.extend(m.span())
    for m in _SENTENCE_END.finditer(text):
        if m.start("ws") >= 0:  # before whitespace
            if not _is_false_boundary(text, m):
                cuts.extend(m.span("ws"))
            continue
        # glued
        word = _LAST_WORD.search(text, max(0, m.start() - 40), m.start())
        if word is None or word.group(1).lstrip('(„"»«‚“[') not in abbreviations():
            cuts.append(m.end())
            cuts.append(m.end())
    cuts.append(len(text))
    cuts.sort()
    # Overlapping cut pairs (a boundary right at a line break) are merged by the sort;
    # re-split defensively so the spans never overlap.
    out: list[tuple[int, int]] = []
    for b, e in zip(cuts[::2], cuts[1::2], strict=True):  # (cuts come in pairs: a sentence from b to e)
        while b < e and text[b].isspace():
            b += 1
        while e > b and text[e - 1].isspace():
            e -= 1
        if e <= b:
            continue
        if out and b < out[-1][1]:
            b = out[-1][1]
            while b < e and text[b].isspace():
                b += 1
            if b >= e:
                continue
        if e - b <= MAX_SENTENCE_CHARS:
            out.append((b, e))
        else:
            out.extend(_bounded(text, b, e))
    return out


def _bounded(text: str, b: int, e: int) -> list[tuple[int, int]]:
    """``(b, e)``, cut into pieces of at most :data:`MAX_SENTENCE_CHARS` at spaces where there are any."""
    pieces = []
    while e - b > MAX_SENTENCE_CHARS:
        limit = b + MAX_SENTENCE_CHARS
        cut = max(text.rfind(space, b + MAX_SENTENCE_CHARS // 2, limit) for space in " \n\t")
        cut = cut if cut > b else limit
        end = cut
        while end > b and text[end - 1].isspace():
            end -= 1
        pieces.append((b, end))
        b = cut
        while b < e and text[b].isspace():
            b += 1
    if e > b:
        pieces.append((b, e))
    return pieces


@Language.factory("briefing_sentences", default_config={}, assigns=["token.is_sent_start"], requires=[])
def make_sentences(nlp: Language, name: str) -> ParagraphSentencizer:
    return ParagraphSentencizer()


class ParagraphSentencizer:
    """Sets sentence starts from :func:`split_sentences` in one array write.

    The character spans are also kept in ``doc.user_data[USER_DATA_KEY]`` so that
    components working on characters (quotations) need not iterate ``doc.sents``.
    """

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        # Doc.text builds a Token per token: take the caller's text when given, share it with later components
        text = doc.user_data.get(TEXT_KEY) or doc.text
        spans = split_sentences(text)
        doc.user_data[USER_DATA_KEY] = spans
        doc.user_data[TEXT_KEY] = text
        # the token starting at each sentence's first character opens a sentence; the first token always
        # does (a bisect per sentence: a document has tens of them, and numpy's per-call cost was the most)
        n = len(doc)
        # (read with the columns the token tables need: one to_array per Doc instead of two)
        array = doc.to_array(TOKEN_ARRAY_ATTRS)
        doc.user_data[TOKEN_ARRAY_KEY] = array
        token_starts = array[:, 0].tolist()
        starts = [b for b, _ in spans]
        at = map(bisect_left, repeat(token_starts), starts)
        firsts = sorted({0, *(k for k, b in zip(at, starts, strict=True) if k < n and token_starts[k] == b)})
        values = numpy.empty((n, 1), dtype=numpy.uint64)  # (numpy.full's Python wrapper cost more than its work)
        values.fill(SENT_OTHER)
        values[firsts] = 1
        doc.from_array([SENT_START], values)  # type: ignore[arg-type]  # thinc Ints2d
        doc.user_data[SENT_TOKENS_KEY] = (n, firsts)
        return doc
