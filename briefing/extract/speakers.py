"""Speaker noun phrases around a speech cue, without a parser.

German news attributes speech in a few word orders, and the speaker is found by
reading a noun phrase at the right place:

* inverted, after a quotation or reported clause:  „…“, sagte Außenamtssprecherin Maria Sacharowa.
* verb-second with the subject first:              Der Minister sagte, …   /  Putin erklärte: „…“
* verb-second with a fronted adverbial:            Am Montag sagte der Minister, …
* verb-final in a subordinate clause:              …, wie ein Sprecher des Ministeriums mitteilte.
* attribution markers:                             laut Polizei / der Polizei zufolge / nach Angaben der Polizei

A noun phrase here is: an optional determiner, lowercase attributive adjectives,
capitalised words (names, role titles, compounds with hyphens), genitive
attributes ("des Ministeriums"), name particles ("von der Leyen"), and
appositions between commas when they are themselves noun phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.quote_lexicon import word_set

TOKEN = re.compile(r"\w+(?:[-’'./]\w+)*\.?|[^\w\s]", re.UNICODE)

# A speaker phrase longer than this many words is a misreading (a whole clause).
MAX_NP_WORDS = 10

_GENITIVE = frozenset({"des", "der"})
_NAME_PARTICLES = frozenset({"von", "van", "de", "del", "da", "di", "al", "el", "bin", "ibn", "le", "la", "zu", "ter"})
_PRONOUNS = frozenset({"er", "sie", "man"})
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


@dataclass(frozen=True)
class Phrase:
    """A speaker mention: character span into the text and its words."""

    start: int
    end: int
    text: str
    pronoun: bool = False


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of ``text[start:end]`` as (start, end, text)."""
    out = []
    for m in TOKEN.finditer(text, start, end):
        tok = m.group()
        e = m.end()
        if tok.endswith(".") and len(tok) > 1 and not _keeps_period(tok):
            tok, e = tok[:-1], e - 1
        out.append((m.start(), e, tok))
    return out


def _keeps_period(tok: str) -> bool:
    from briefing.extract.sentences import abbreviations

    return tok[:-1] in abbreviations() or len(tok) == 2


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and "-" in tok)


def _is_det(tok: str) -> bool:
    return tok.lower() in word_set("determiners.txt")


def _is_function(tok: str) -> bool:
    return tok.lower() in word_set("function_words.txt")


def read_np(toks: list[tuple[int, int, str]], i: int, *, allow_apposition: bool = False) -> int:
    """Index after the noun phrase starting at ``toks[i]`` (``i`` when there is none)."""
    n = len(toks)
    j = i
    if j < n and toks[j][2].lower() in _PRONOUNS:
        return j + 1
    if j < n and _is_det(toks[j][2]):
        j += 1
    caps = 0
    words = 0
    while j < n and words < MAX_NP_WORDS:
        tok = toks[j][2]
        low = tok.lower()
        if _is_cap(tok) and not (caps == 0 and j == i and _is_function(tok)):
            if caps and _is_function(tok) and low not in _NAME_PARTICLES:
                break
            caps += 1
            j += 1
        elif tok.islower() and low.endswith(_ADJ_ENDINGS) and j + 1 < n and _next_has_cap(toks, j + 1):
            j += 1  # attributive adjective before the noun ("der stellvertretende ...")
        elif caps and low in _GENITIVE and j + 1 < n and _next_has_cap(toks, j + 1):
            j += 1  # genitive attribute ("ein Sprecher des Ministeriums")
        elif caps and low in _NAME_PARTICLES and j + 1 < n and _is_cap(toks[j + 1][2]):
            j += 1
        elif caps and tok == "," and allow_apposition:
            k = read_np(toks, j + 1)
            if k > j + 1 and k < n and toks[k][2] == ",":
                j = k + 1 if k + 1 < n and toks[k + 1][2] != "," else k
                continue
            break
        else:
            break
        words += 1
    if caps == 0:
        return i
    # Do not end on a determiner or genitive article left hanging.
    while j > i and (toks[j - 1][2].lower() in _GENITIVE or toks[j - 1][2] == ","):
        j -= 1
    return j


def _next_has_cap(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Is there a capitalised word ahead before the noun phrase can end?"""
    for k in range(j, min(j + 3, len(toks))):
        tok = toks[k][2]
        if _is_cap(tok):
            return True
        if not (tok.islower() and tok.endswith(_ADJ_ENDINGS)):
            return False
    return False


def phrase(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> Phrase | None:
    """The Phrase covering ``toks[i:j]``, or None if empty."""
    if j <= i:
        return None
    b, e = toks[i][0], toks[j - 1][1]
    words = text[b:e]
    return Phrase(b, e, words, pronoun=(j - i == 1 and words.lower() in _PRONOUNS))


def np_at(text: str, start: int, end: int, *, skip_function: bool = True) -> Phrase | None:
    """The noun phrase at the start of ``text[start:end]`` (leading function words skipped)."""
    toks = tokens(text, start, end)
    i = 0
    while skip_function and i < len(toks) and (_is_function(toks[i][2]) or toks[i][2] in ",;:-–(") and not (
        toks[i][2].lower() in _PRONOUNS
    ):
        i += 1
    return phrase(text, toks, i, read_np(toks, i, allow_apposition=True))


def subject_for_verb(text: str, clause_start: int, verb_start: int, verb_end: int, clause_end: int) -> Phrase | None:
    """The speaker of the speech verb at ``[verb_start, verb_end)`` in its clause.

    Tries, in order: a pronoun right after the verb ("sagte er"), a prefield that is
    one noun phrase ("Der Minister sagte"), a noun phrase right after the verb
    ("sagte der Minister", "„…“, sagte X"), then the first noun phrase of the clause.
    """
    after = tokens(text, verb_end, clause_end)
    if after and after[0][2].lower() in _PRONOUNS:
        return phrase(text, after, 0, 1)
    before = tokens(text, clause_start, verb_start)
    # Strip a leading conjunction or focus particle ("wie", "auch", "so") and punctuation.
    i = 0
    while i < len(before) and (before[i][2] in ",;:-–()" or before[i][2].lower() in _CLAUSE_OPENERS):
        i += 1
    if i < len(before):
        j = read_np(before, i, allow_apposition=True)
        if j == len(before) and j > i:
            return phrase(text, before, i, j)
    k = 0
    while k < len(after) and (after[k][2].lower() in _AFTER_VERB_SKIP):
        k += 1
    if k < len(after):
        j = read_np(after, k)
        if j > k and not _is_dative_object(after, k):
            return phrase(text, after, k, j)
    if i < len(before) and not _is_function(before[i][2]):
        j = read_np(before, i, allow_apposition=True)
        if j > i:
            return phrase(text, before, i, j)
    return None


def _is_dative_object(toks: list[tuple[int, int, str]], k: int) -> bool:
    """ "sagte dem Sender" / "sagte der Zeitung ..., " — a dative recipient, not the speaker."""
    return toks[k][2].lower() in ("dem", "einem")


# Words between clause start and a prefield subject that do not belong to it.
_CLAUSE_OPENERS = frozenset(
    "wie als so auch dass ob nachdem weil da während wobei womit worauf und aber doch denn zudem außerdem "
    "sogar selbst nur ebenfalls jedoch allerdings".split()
)
# Words between an inverted speech verb and its subject: "sagte am Montag der Minister" is rare,
# but "sagte daraufhin der Minister" and "hieß es" (handled by the caller) occur.
_AFTER_VERB_SKIP = frozenset("daraufhin dazu dann nun jetzt zudem außerdem auch ebenfalls noch weiter".split())
