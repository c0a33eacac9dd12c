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

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from briefing.extract.quotes.descriptions import person_noun
from briefing.extract.quotes.documents import document_noun
from briefing.extract.quotes.lexicon import is_role, naming_verbs, speech_act_nouns, speech_verbs, word_set
from briefing.extract.quotes.speaker_names import (
    hyphen_adjective,
    is_organisation,
    is_place,
    may_name_people,
    takes_field,
)
from briefing.extract.sentences import abbreviations
from briefing.ingest.publishers import agency_names
from briefing.lang.de import AUXILIARIES, OPENING_PARTICLES, attribution_markers
from briefing.lang.frequency import COMMON_ZIPF, compound_of_common_word, zipf

# A period inside a word joins it ("ver.di", "ndr.de", "U.S.A") unless a capitalised word
# follows: "Merkel.Als" is two sentences glued where a paragraph break was lost.
TOKEN = re.compile(r"\w+(?:[-’'/]\w+|\.(?![A-ZÄÖÜ][a-zäöüß])\w+)*\.?|[^\w\s]", re.UNICODE)
# TOKEN with the whitespace before it, its quantifiers possessive: every part after the first \w+ is
# optional, so a match never backtracks and possessive repeats only save the engine its bookkeeping (~10 %).
# (a colon between digits joins a score or a time: "2:0-Führung", "20:15")
_SPACED_TOKEN = re.compile(
    r"\s*+(?:\w++(?:[-’'/]\w++|\.(?![A-ZÄÖÜ][a-zäöüß])\w++|(?<=\d):\d\w*+)*+\.?+|[^\w\s])", re.UNICODE
)

# A speaker phrase longer than this many words is a misreading (a whole clause).
MAX_NP_WORDS = 10

_MEDIATED = re.compile(r"\s+(?:über|durch|via)\s", re.IGNORECASE)
# Suffixes that make adjectives and adverbs, never nouns: a capitalised word with one opens a sentence as an
# adverbial ("Reflexartig brachten viele Medien …", "Sinngemäß hofft Musk …"), however rare the word.
# ("Monatelang haben die Stadtwerke bestritten": a span of time in the plural with "-lang" is an adverb.)
_DERIVED_ADVERB_ENDINGS = (
    "artig", "mäßig", "gemäß", "förmig", "seitig", "wärts", "halber", "fähig", "haltig", "elang", "enlang"
)
_ADVERB_ENDINGS = ("end", "weise", "lich", "erweise", "mals", *_DERIVED_ADVERB_ENDINGS)
# Adjective endings: a capitalised common word with one of these, alone before the verb, is an adverbial
# ("Offiziell geht die Regierung davon aus", "Kritisch äußerte sich …"), not a name.
_ADJECTIVE_ENDINGS = ("ell", "iv", "ig", "isch", "sam", "los", "haft", "bar")
# ... when it is at least this common in German (Zipf): names with such endings are rarer ("Hellwig").
ADJECTIVE_ADVERB_MIN_ZIPF = 3.5
# The least common base adjective whose comparative, itself a word wordfreq knows, opens a sentence as an adverb
# ("Milder urteilt …": "mild" 3.5, "milder" 3.3); rarer bases are left to the other tests of a name.
COMPARATIVE_BASE_MIN_ZIPF = 3.3
_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*\.(?:de|com|net|org|at|ch|eu|info|fr|uk)\Z")
_PARTICLE_NAME = re.compile(r"[a-zäöü]{1,3}-[A-ZÄÖÜ]")
_OBLIQUE_DETS = frozenset(["den", "dem", "einen", "einem", "seinen", "seinem", "ihren", "ihrem", "diesen", "diesem"])
_GENITIVE = frozenset({"des", "der"})
_PRONOUNS = word_set("pronouns.txt")  # er, sie, man: lexicons/de/pronouns.txt
_DETERMINERS = word_set("determiners.txt")
_FUNCTION_WORDS = word_set("function_words.txt")
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
# The word tests below run for every token a noun phrase is read over (~130,000 calls over the 850 texts of
# the gold set, a few thousand distinct words): their answers are remembered per word.
_WORD_CACHE = 16384


@dataclass(frozen=True)
class Phrase:
    """A speaker mention: character span into the text and its words."""

    start: int
    end: int
    text: str
    pronoun: bool = False

    def __init__(self, start: int, end: int, text: str, pronoun: bool = False) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "pronoun", pronoun)


def unmasked(p: Phrase | None, text: str) -> Phrase | None:
    """``p`` with its words from ``text``: a phrase read from the masked text may hold a quoted
    name ("die „Computerwoche“"), whose letters the mask replaced."""
    if p is None or "_" not in p.text:
        return p
    return Phrase(p.start, p.end, text[p.start : p.end], p.pronoun)


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Word and punctuation tokens of ``text[start:end]`` as (start, end, text).

    Tokens starting in the range and ending inside it.  Speaker search asks for many
    small ranges of the same text, about half of which it never looks at: the text is
    tokenised lazily in blocks, each once (recent texts are remembered by identity).
    """
    if end <= start:
        return []
    # (the hot path, ~20 calls per article: _blocks_of, block_of and block inlined for the usual case)
    for blocks in _RECENT:
        if blocks.text is text:
            break
    else:
        blocks = _blocks_of(text)
    bounds, last, n = blocks._bounds, end - 1, len(text)
    kb, ke = (start if start < n else n) // BLOCK_CHARS, (last if last < n else n) // BLOCK_CHARS
    b = bounds.get(kb)
    if b is None or b > start:
        kb = blocks.block_of(start)
    b = bounds.get(ke)
    if b is None or b > last:
        ke = blocks.block_of(last)
    blk = blocks._blocks.get(kb)
    starts, toks = blk if blk is not None else blocks.block(kb)
    i = bisect.bisect_left(starts, start)
    if kb == ke:
        out = toks[i : bisect.bisect_left(starts, end)]
    else:
        out = toks[i:]
        for k in range(kb + 1, ke):
            out += blocks.block(k)[1]
        starts, toks = blocks.block(ke)
        out += toks[: bisect.bisect_left(starts, end)]
    while out and out[-1][1] > end:
        out.pop()
    return out


def _blocks_of(text: str) -> _Blocks:
    """The :class:`_Blocks` of ``text`` (found by identity among the recent texts, else made)."""
    for blocks in _RECENT:  # (a loop, not next() over a generator: this runs ~20 times per article)
        if blocks.text is text:
            return blocks
    blocks = _Blocks(text)
    _RECENT.insert(0, blocks)
    del _RECENT[RECENT_TEXTS:]
    return blocks


# Block size in characters; a block starts right after a whitespace character (no token contains
# whitespace, so a block tokenises exactly as it does inside the whole text).
BLOCK_CHARS = 256
_SPACE = re.compile(r"\s")
_TOKEN_START = itemgetter(0)


class _Blocks:
    """One text's tokens, made block by block on demand."""

    __slots__ = ("text", "_bounds", "_blocks", "subjects", "phrases")

    def __init__(self, text: str) -> None:
        self.text = text
        # clause_subject's answers for this text by (start, end): the quotation steps ask for the
        # same clause again (a cue's subject, then a pronoun's antecedent), ~25 % of the calls
        self.subjects: dict[tuple[int, int], Phrase | None] = {}
        # noun_phrases' answers by (start, end): a sentence is read again for each quotation without a
        # speaker near it, and again in each round of speaker resolution
        self.phrases: dict[tuple[int, int], tuple[Phrase, ...]] = {}
        self._bounds: dict[int, int] = {0: 0}
        self._blocks: dict[int, tuple[list[int], list[tuple[int, int, str]]]] = {}

    def bound(self, k: int) -> int:
        """Where block ``k`` starts: after the first whitespace at or past ``k * BLOCK_CHARS``."""
        b = self._bounds.get(k)
        if b is None:
            text = self.text
            p = k * BLOCK_CHARS
            m = _SPACE.search(text, p) if p < len(text) else None
            b = self._bounds[k] = m.end() if m else len(text)
        return b

    def block_of(self, pos: int) -> int:
        """The block holding character ``pos``."""
        k = max(0, min(pos, len(self.text)) // BLOCK_CHARS)
        b = self._bounds.get(k)
        if b is not None and b <= pos:  # the usual case, without a method call
            return k
        while k > 0 and self.bound(k) > pos:
            k -= 1
        return k

    def block(self, k: int) -> tuple[list[int], list[tuple[int, int, str]]]:
        """Token starts and tokens of block ``k``."""
        blk = self._blocks.get(k)
        if blk is None:
            blk = self._blocks[k] = _tokenise(self.text, self.bound(k), self.bound(k + 1))
        return blk


# The article text and its masked copy are searched alternately: remember both.
# (Single-threaded use: spaCy components run one document at a time.)
RECENT_TEXTS = 2
_RECENT: list[_Blocks] = []


def _tokenise(text: str, start: int, end: int) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Token starts and tokens (start, end, text) of ``text[start:end]``."""
    # The hot path (every article once).  No token holds whitespace and every other character starts one, so
    # the range's tokens are those of its whitespace-free pieces (str.split splits at what \s matches), each
    # tokenised alone: a piece of word characters only (str.isalnum; "_" goes to the regex) is one token, one
    # with a single non-word character after such a core is the core and that character (the core with it
    # when it is a period: TOKEN's final \.?), the rest are read by _SPACED_TOKEN within the piece (its
    # lookarounds see the same characters there: a piece ends where whitespace or the range does).  The
    # regex engine's per-character category test is left out for most pieces.  The rare tokens with a final
    # period are fixed up afterwards (their start stays): found from the periods of the range (a few per
    # block) by the token ending right after each, not by asking every token.
    starts: list[int] = []
    out: list[tuple[int, int, str]] = []
    b = start
    for piece in text[start:end].split():
        b = text.find(piece, b)
        e = b + len(piece)
        if piece.isalnum():
            starts.append(b)
            out.append((b, e, piece))
        else:
            last = piece[-1]
            core = piece[:-1]
            if core.isalnum() and not last.isalnum() and last != "_":
                if last == ".":
                    starts.append(b)
                    out.append((b, e, piece))
                else:
                    starts.append(b)
                    out.append((b, e - 1, core))
                    starts.append(e - 1)
                    out.append((e - 1, e, last))
            else:
                p = b
                for word in _SPACED_TOKEN.findall(text, b, e):
                    q = p + len(word)
                    starts.append(p)
                    out.append((p, q, word))
                    p = q
        b = e
    p = text.find(".", start, end)
    if p == -1:
        return starts, out
    abbrevs = abbreviations()
    k = 0
    while p != -1:
        # the token holding the period is the last starting at or before it; it ends with the period when
        # its end is right after it
        k = bisect.bisect_right(starts, p, k) - 1
        if k >= 0:
            b, e, tok = out[k]
            # An abbreviation ("Dr.") or a one-letter initial ("A.") keeps its period; other words give it up.
            if e == p + 1 and len(tok) > 2 and tok[:-1] not in abbrevs:
                out[k] = (b, p, tok[:-1])
        else:
            k = 0
        p = text.find(".", p + 1, end)
    return starts, out


# The per-word answers of the predicates below, remembered in plain dicts (cleared when full): a compiled
# caller probes a dict directly, where an ``lru_cache`` wrapper costs it a Python-level call (~3x the time).
_CAP_WORDS: dict[str, bool] = {}
_DET_WORDS: dict[str, bool] = {}
_FUNCTION_WORD_ANSWERS: dict[str, bool] = {}
_ADJECTIVE_WORDS: dict[str, bool] = {}
_PERSON_SCORES: dict[str, int] = {}


def _is_cap(tok: str) -> bool:
    """Capitalised, or a name with a lowercase particle ("el-Baradei", "al-Sadr", "ai-Bericht"); not an
    adjective compound written capitalised for its first part ("SPD-nah", "US-amerikanische")."""
    known = _CAP_WORDS.get(tok)
    if known is None:
        if len(_CAP_WORDS) >= _WORD_CACHE:
            _CAP_WORDS.clear()
        known = _CAP_WORDS[tok] = _cap_shaped(tok)
    return known


def _cap_shaped(tok: str) -> bool:
    if tok[:1].isupper():
        return not hyphen_adjective(tok)
    # (most tokens asked about are lowercase words: the patterns are tried only where their "-" or "." is)
    if "-" in tok and (
        tok[:1].isdigit()
        or _PARTICLE_NAME.match(tok)
        or tok.rpartition("-")[2][:1].isupper()  # a compound takes its last part's case: "taz-Reporter"
    ):
        return True
    return "." in tok and bool(_DOMAIN.match(tok))  # media named by their site: "laut ndr.de"


def _is_det(tok: str) -> bool:
    known = _DET_WORDS.get(tok)
    if known is None:
        if len(_DET_WORDS) >= _WORD_CACHE:
            _DET_WORDS.clear()
        known = _DET_WORDS[tok] = tok.lower() in _DETERMINERS
    return known


def _is_function(tok: str) -> bool:
    known = _FUNCTION_WORD_ANSWERS.get(tok)
    if known is None:
        if len(_FUNCTION_WORD_ANSWERS) >= _WORD_CACHE:
            _FUNCTION_WORD_ANSWERS.clear()
        known = _FUNCTION_WORD_ANSWERS[tok] = tok.lower() in _FUNCTION_WORDS
    return known


def _surname_like(word: str) -> bool:
    """A capitalised word that ends a person's name: no role title and no common German word ("Genevard",
    not "Sprecher", "Ermittlungen" or a compound like "Haushaltsausschusses"); a person's name takes no
    genitive attribute."""
    return (
        not is_role(word) and zipf(word) < SURNAME_MAX_ZIPF and not word.isupper() and not compound_of_common_word(word)
    )


def _unrelated_person(word: str) -> bool:
    """Is ``word`` a noun for a person by age or a generic epithet ("der 56-Jährige", "die Rentnerin",
    :func:`descriptions.person_noun`), one that holds no post at a newspaper, band or ship?  A quoted name after
    it and "der" is then the dative of a speech verb, not a genitive: "sagte der 56-Jährige der „Main-Post“"
    (the paper is told), where "der Chefredakteur der „Zeit“" or "der Sänger der „Toten Hosen“" keep their
    genitive."""
    return person_noun(word)


def _ends_personal_name(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Do the capitalised words before ``toks[j]`` end in a person's name: a first name and the word after it
    ("Jürgen Hartwig"), or a surname (no role title, no common German word) after a role title or a first name
    ("Landwirtschaftsministerin Annie Genevard", "Gouverneur Nasser Baoum")?"""
    if j < 2:
        return False
    names = word_set("first_names.txt")
    first = toks[j - 2][2].lower()
    if (first in names or first in word_set("first_names_world.txt")) and _is_cap(toks[j - 1][2]) and not is_role(
        toks[j - 1][2]
    ):
        # a first name and the word after it are a name whatever that word is ("Jürgen Hartwig", "Gerald
        # Hartmann-Werner", a surname that is also a common word): a name takes no genitive attribute either
        return True
    if not _surname_like(toks[j - 1][2]):
        return False
    k = j - 2
    while k >= 0 and toks[k][2][:1].isupper():
        if is_role(toks[k][2]) or toks[k][2].lower() in names:
            return True
        k -= 1
    return False


def _before_bracket(toks: list[tuple[int, int, str]], j: int) -> int:
    """``j``, or the index of the "(" of a bracketed party or abbreviation right before it: "Michael Rößner
    (CDU) der „Post“" ends its name before the bracket, and a name takes no genitive after it either."""
    return j - 3 if j >= 3 and toks[j - 1][2] == ")" and toks[j - 3][2] == "(" else j


# Capitalised words rarer than this in German (wordfreq Zipf) after another capitalised word may be surnames.
SURNAME_MAX_ZIPF = 3.0


_LOWERCASE_AGENCIES: frozenset[str] | None = None


def _lowercase_agencies() -> frozenset[str]:
    """News agencies whose names are written in lowercase ("dpa", "epd"): proper nouns all the same."""
    global _LOWERCASE_AGENCIES
    if _LOWERCASE_AGENCIES is None:  # (read once; a module global, not an lru_cache: see _CAP_WORDS)
        _LOWERCASE_AGENCIES = frozenset(name for name in agency_names() if name[:1].islower())
    return _LOWERCASE_AGENCIES


def read_np(toks: list[tuple[int, int, str]], i: int, *, allow_apposition: bool = False) -> int:
    """Index after the noun phrase starting at ``toks[i]`` (``i`` when there is none)."""
    n = len(toks)
    j = i
    if j < n and toks[j][2].lower() in _PRONOUNS:
        return j + 1
    if j < n and toks[j][2].lower() in DEMONSTRATIVES and _stands_alone(toks, j + 1):
        return j + 1  # "Dieser behauptete, …": a demonstrative pronoun, no determiner
    if j < n and toks[j][2].lower() in _GROUP_PRONOUNS and _stands_alone(toks, j + 1) and j + 1 < n:
        return j + 1  # "Einige vertreten die Auffassung, …": an indefinite pronoun for a group of people
    caps = 0
    if _partitive_head(toks, j):
        j += 1  # "Einer der Putschisten", "Viele der Demonstranten": the pronoun heads, the genitive follows
        caps = 1
    elif j < n and _is_det(toks[j][2]):
        j += 1
    words = 0
    fields = False  # after a title's "für": its fields may be listed with commas
    while j < n and words < MAX_NP_WORDS:
        tok = toks[j][2]
        low = tok.lower()
        if _is_cap(tok) and not (caps == 0 and j == i and _is_function(tok)):
            if caps and _is_function(tok) and low not in _NAME_PARTICLES:
                break
            caps += 1
            j += 1
        elif (
            _is_adjective(tok)
            and j + 1 < n
            and _next_has_cap(toks, j + 1)
            and (
                caps == 0
                or toks[j - 1][2].lower() in _GENITIVE
                or _is_det(toks[j - 1][2])
                or _is_cardinal(toks[j - 1][2])
            )
        ):
            j += 1  # attributive adjective before the noun ("der stellvertretende ...", not after it)
        elif (
            low in _DEGREE_ADVERBS
            and caps == 0
            and j > i
            and _is_det(toks[j - 1][2])
            and j + 2 < n
            and _is_adjective(toks[j + 1][2])
            and _next_has_cap(toks, j + 2)
        ):
            j += 1  # an adverb before the adjective
        elif (
            (caps == 0 or toks[j - 1][2].lower() in _GENITIVE)
            and j > i
            and (k := _cardinal_end(toks, j)) > j
            and _next_has_cap(toks, k)
            and not _measure_attribute(toks, k)
        ):
            j = k  # a number of people: "die rund 200 Demonstranten", "Einer der 13 beteiligten Feuerwehrleute"
            continue
        elif (k := _quoted_name_end(toks, j)) and (
            (j > i and _is_det(toks[j - 1][2]))
            or (caps and allow_apposition and _is_cap(toks[j - 1][2]) and (k == n or toks[k][2][:1].isalnum()))
        ):
            # A short quoted name after an article or, in apposition, after its noun: "die
            # „Computerwoche“", "Vertreter der „con energy ag“", "die Wochenzeitschrift „Jungle World“".
            caps += 1
            j = k
            break  # the name ends the phrase: "zitiert die „Computerwoche“ Lynch"
        elif (
            caps
            and low in _GENITIVE
            and j + 1 < n
            and (_next_has_cap(toks, j + 1) or _quoted_name_end(toks, j + 1) or _cardinal_end(toks, j + 1) > j + 1)
            and (caps < 2 or not _ends_personal_name(toks, _before_bracket(toks, j)))
            and not (low == "der" and _quoted_name_end(toks, j + 1) and _unrelated_person(toks[j - 1][2]))
            and not (low == "der" and j >= 2 and toks[j - 2][2].lower() in _GENITIVE and _weak_nominative(toks, j + 1))
        ):
            j += 1  # genitive attribute ("ein Sprecher des Ministeriums"; not "Annie Genevard der Zeitung": a dative)
        elif caps and low in _NAME_PARTICLES and j + 1 < n and _is_cap(toks[j + 1][2]):
            j += 1
        elif caps and tok in _lowercase_agencies():
            caps += 1  # "die Nachrichtenagentur dpa": a name written in lowercase
            j += 1
        elif (
            caps
            and low in _NAME_PARTICLES
            and j + 2 < n
            and toks[j + 1][2] in ("der", "den", "dem")
            and _is_cap(toks[j + 2][2])
            and toks[j - 1][2].lower() in word_set("first_names.txt")
        ):
            j += 2  # "Ursula von der Leyen": a particle and its article after a first name
        elif caps and low == "für" and j + 1 < n and _is_cap(toks[j + 1][2]) and (
                any(is_role(t[2]) for t in toks[i:j]) or takes_field(toks[j - 1][2])):
            # a title's field: "Ministerin für Bildung", "Vorsteher des Departements für Umwelt"; an institution's
            # ("des Landesamts für Umwelt", "der Bundesanstalt für Arbeit")
            j += 1
            fields = True
            continue
        elif fields and tok == "," and j + 1 < n and _is_cap(toks[j + 1][2]) and _list_goes_on(toks, j):
            j += 1  # the fields listed: "für Umwelt, Verkehr und Energie"
            continue
        elif caps and tok == "(" and j + 2 < n and _is_cap(toks[j + 1][2]) and toks[j + 2][2] == ")":
            j += 3  # party or abbreviation: "Henning Scherf (SPD)"
            continue
        elif caps and low == "und" and j + 1 < n and _is_cap(toks[j + 1][2]) and not _is_function(toks[j + 1][2]):
            j += 1  # coordination: "Der frühere Bürgermeister und Justizsenator"
        elif caps and tok == "&" and j + 1 < n and _is_cap(toks[j + 1][2]):
            j += 1  # a name joined by "&": "der Eigentümerverband Haus & Grund", "Procter & Gamble"
        elif (
            caps
            and tok == "-"
            and j + 2 < n
            and toks[j - 1][1] == toks[j][0]
            and toks[j + 1][2] in _ELLIPSIS_LINKS
            and _is_cap(toks[j + 2][2])
        ):
            j += 2  # a compound's shared part left out: "viele Print- und Nachrichtenmedien"
        elif caps and tok == "," and allow_apposition:
            k = read_np(toks, j + 1)
            if k > j + 1 and k < n and toks[k][2] == ",":
                j = k + 1 if k + 1 < n and toks[k + 1][2] != "," else k
                continue
            if k > j + 1 and k == n:
                j = k  # apposition up to the verb ("…, Henning Scherf (SPD)" + "warnte")
                break
            if k >= j + 3 and k < n and toks[k][2][:1].islower() and all(_is_cap(t[2]) for t in toks[j + 1 : k]):
                j = k  # a name whose closing comma is missing ("der Chef der Fraktion, Eva Roth das Ergebnis")
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


def _list_goes_on(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Does a list of capitalised words go on from the comma at ``j`` ("…, Verkehr, Energie und Kommunikation"):
    words joined by commas, then "und"/"oder"/"sowie" and a capitalised word?"""
    n, k = len(toks), j
    while k + 2 < n and toks[k][2] == "," and _is_cap(toks[k + 1][2]):
        k += 2
    return k + 1 < n and toks[k][2] in ("und", "oder", "sowie") and _is_cap(toks[k + 1][2])


# Quantity words before a noun, never a finite verb ("viel Beifall", "mehr Zeit").
_QUANTITY_WORDS = frozenset(["viel", "viele", "wenig", "wenige", "mehr", "weniger"])
# Words before a number that make it approximate ("die rund 200 Demonstranten", "die mehr als 50 Gäste").
_APPROXIMATORS = frozenset(["rund", "etwa", "ungefähr", "knapp", "fast", "gut", "über", "mehr", "weniger", "als"])
_CARDINAL = re.compile(r"\d{1,3}(?:\.\d{3})*|\d+")


def _is_cardinal(tok: str) -> bool:
    """A number in digits ("200", "2.000") or a number word ("zwölf", lang/de/number_words.txt)."""
    return _CARDINAL.fullmatch(tok) is not None or tok in word_set("number_words.txt")


def _cardinal_end(toks: list[tuple[int, int, str]], j: int) -> int:
    """Index after a cardinal number right after a determiner, approximators before it included ("rund 200",
    "mehr als 50", "zwölf"); ``j`` when ``toks[j]`` opens none."""
    if not _is_det(toks[j - 1][2]):
        return j
    k = j
    while k < len(toks) and k - j < 2 and toks[k][2] in _APPROXIMATORS:
        k += 1
    if k < len(toks) and _is_cardinal(toks[k][2]):
        return k + 1
    return j


def _measure_attribute(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Does the noun after a number at ``toks[k]`` measure an adjective that goes on to another noun ("der 330
    Seiten starke Bericht", "der 20 Meter hohe Turm")? Then the number and noun are no phrase of their own."""
    while k < len(toks) and not _is_cap(toks[k][2]):
        k += 1
    return k + 2 < len(toks) and _is_adjective(toks[k + 1][2]) and _is_cap(toks[k + 2][2])


# Conjunctions after a compound's first part whose shared last part is left out ("Print- und Onlinemedien").
_ELLIPSIS_LINKS = frozenset(["und", "oder", "sowie", "bzw"])


# Adverbs that modify an attributive adjective or participle inside a noun phrase: "ein nicht genannter
# Vertreter", "der bisher unbekannte Täter", "einer gestern verbreiteten Erklärung".
_DEGREE_ADVERBS = frozenset(
    ["nicht", "noch", "sehr", "bisher", "besonders", "kaum", "äußerst", "zuvor"]
    + ["gestern", "heute", "kürzlich", "jüngst", "eigens", "erst"]
)
# A quotation masked to underscores this long at most can be a name inside a noun phrase.
MAX_QUOTED_NAME_CHARS = 40
_OPENING_MARKS = frozenset('„“»"')
_CLOSING_MARKS = frozenset('“”«"')


def _quoted_name_end(toks: list[tuple[int, int, str]], j: int) -> int:
    """Index after a short masked quotation („____“) starting at ``toks[j]``; 0 when there is none."""
    if (
        j + 2 < len(toks)
        and toks[j][2] in _OPENING_MARKS
        and toks[j + 1][2].startswith("_")
        and toks[j + 2][2] in _CLOSING_MARKS
        and toks[j + 1][1] - toks[j + 1][0] <= MAX_QUOTED_NAME_CHARS
    ):
        return j + 3
    return 0


def quoted_name_end(toks: list[tuple[int, int, str]], j: int) -> int:
    """Index after a short quoted name (masked: „____“) starting at ``toks[j]``; 0 when there is none."""
    return _quoted_name_end(toks, j)


def quoted_name_in_phrase(masked: str, end: int, sentence_start: int) -> bool:
    """Is the masked quotation ending at ``end`` a short name inside a noun phrase: after an
    article or a capitalised noun ("die „Computerwoche“", "Wochenzeitschrift „Jungle World“")?"""
    start = masked.rfind(" ", sentence_start, end) + 1
    if not (start > sentence_start and masked[start : start + 1] in _OPENING_MARKS):
        return False
    if end - start - 2 > MAX_QUOTED_NAME_CHARS or masked[start + 1 : end - 1].strip("_"):
        return False
    before = tokens(masked, sentence_start, start)
    if not before:
        return False
    if _is_det(before[-1][2]):
        return True
    # After a noun only when the phrase goes on (a word follows): "nannte seinen Platzverweis
    # „überzogen“, Löw bezeichnete …" is a quoted judgement ending the clause.
    word_follows = bool(re.match(r"\s*\w", masked[end : end + 3]))
    return word_follows and _is_cap(before[-1][2]) and not _is_function(before[-1][2])


# Pronouns that head a partitive noun phrase ("Einer der Putschisten", "Viele der Demonstranten").
_PARTITIVE_HEADS = frozenset(
    ["einer", "eine", "eines", "keiner", "keine", "jeder", "jede", "viele", "einige", "mehrere"]
)


def _partitive_head(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Does a partitive phrase start at ``toks[j]``: a pronoun, "der" and a capitalised noun ("Einer der
    Putschisten", "Eine der größten Oppositionsgruppen"), not an article ("einer der Zeitung" has no noun
    after "einer"; the pronoun stands before the genitive article)?"""
    return (
        j + 2 < len(toks)
        and toks[j][2].lower() in _PARTITIVE_HEADS
        and toks[j + 1][2] == "der"
        and _next_has_cap(toks, max(j + 2, _cardinal_end(toks, j + 2)))  # ("Einer der 13 Feuerwehrleute")
    )


def _next_has_cap(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Is there a capitalised word ahead before the noun phrase can end?"""
    for k in range(j, min(j + 3, len(toks))):
        tok = toks[k][2]
        if _is_cap(tok):
            return True
        if not _is_adjective(tok):
            return False
    return False


def _is_adjective(tok: str) -> bool:
    known = _ADJECTIVE_WORDS.get(tok)
    if known is None:
        if len(_ADJECTIVE_WORDS) >= _WORD_CACHE:
            _ADJECTIVE_WORDS.clear()
        known = _ADJECTIVE_WORDS[tok] = _adjective_shaped(tok)
    return known


def _adjective_shaped(tok: str) -> bool:
    # An auxiliary ("hatte", "habe", "werde") ends like an adjective but is the finite verb:
    # "Bereits im Dezember hatte Kanzlerin Merkel verkündet".
    if tok[:1].isupper() and hyphen_adjective(tok):
        return tok.endswith(_ADJ_ENDINGS)  # "die SPD-nahe Stiftung"
    return (
        tok.islower()
        and tok.endswith(_ADJ_ENDINGS)
        and tok not in AUXILIARIES
        and not _is_function(tok)
        and not _is_det(tok)
    )


def phrase(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> Phrase | None:
    """The Phrase covering ``toks[i:j]``, or None if empty."""
    if j <= i:
        return None
    b, e = toks[i][0], toks[j - 1][1]
    words = text[b:e]
    low = words.lower()
    return Phrase(b, e, words, pronoun=(j - i == 1 and (low in _PRONOUNS or low in DEMONSTRATIVES)))


# Indefinite pronouns that stand alone for a group of people ("Einige vertreten die Auffassung", "Viele
# fürchten").
_GROUP_PRONOUNS = frozenset(["einige", "viele", "manche", "andere", "mehrere", "beide"])


# Demonstrative pronouns that stand for the person or group named last: "Anlass war die Anzeige eines
# Detektivs. Dieser behauptete, …".  Only standing alone (not "diese Woche").
DEMONSTRATIVES = frozenset(["dieser", "diese"])


def _stands_alone(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Does the word before ``toks[k]`` stand alone as a pronoun: no noun or attributive adjective follows?"""
    if k >= len(toks):
        return True
    nxt = toks[k][2]
    if _is_cap(nxt) or nxt.startswith("_"):
        return False
    return not (_is_adjective(nxt) and _next_has_cap(toks, k + 1))


def np_at(text: str, start: int, end: int, *, skip_function: bool = True) -> Phrase | None:
    """The noun phrase at the start of ``text[start:end]`` (leading function words skipped)."""
    toks = tokens(text, start, end)
    i = 0
    while (
        skip_function
        and i < len(toks)
        and (_is_function(toks[i][2]) or toks[i][2] in ",;:-–(")
        and toks[i][2].lower() not in _PRONOUNS
    ):
        i += 1
    return phrase(text, toks, i, read_np(toks, i, allow_apposition=True))


# A range's tokens as the caller has them already: (start, end, tokens(text, start, end)).
Tokenised = tuple[int, int, list[tuple[int, int, str]]]


def _tokens_in(text: str, start: int, end: int, known: Tokenised | None) -> list[tuple[int, int, str]]:
    """``tokens(text, start, end)``, sliced from ``known`` when that range holds ``[start, end)`` (a cue's
    sentence: its clause is read in three parts, each a slice of the sentence's tokens)."""
    if known is None or start < known[0] or end > known[1]:
        return tokens(text, start, end)
    if end <= start:
        return []
    toks = known[2]
    i = bisect.bisect_left(toks, start, key=_TOKEN_START)
    out = toks[i : bisect.bisect_left(toks, end, i, key=_TOKEN_START)]
    while out and out[-1][1] > end:
        out.pop()
    return out


def subject_for_verb(
    text: str,
    clause_start: int,
    verb_start: int,
    verb_end: int,
    clause_end: int,
    sentence_start: int | None = None,
    sentence: Tokenised | None = None,
) -> Phrase | None:
    """The speaker of the speech verb at ``[verb_start, verb_end)`` in its clause.

    ``sentence_start`` (default: the clause's) is where a passive's agent may stand: before a
    quotation the clause begins after ("von Kritikern als „…“ bezeichnet").  ``sentence``: the
    tokens of the clause's sentence when the caller has them (the same answer, read from them).

    Tries, in order: a pronoun right after the verb ("sagte er"), a prefield that is
    one noun phrase ("Der Minister sagte"), a noun phrase right after the verb
    ("sagte der Minister", "„…“, sagte X"), then the first noun phrase of the clause.
    """
    agent = passive_agent(text, clause_start, verb_start, verb_end, clause_end, sentence_start, sentence)
    if agent is not None:
        return agent
    if _passive(text, clause_start, verb_start, verb_end):
        # "werden die Vorkehrungen als „extrem“ bezeichnet", "Als Begründung wurde angegeben, …": the subject
        # of a passive without an agent is what is said or named; the speaker is named elsewhere, if at all.
        return None
    after = _tokens_in(text, verb_end, clause_end, sentence)
    # "teilte über die Sprecherin des Außenministeriums, Marija Sacharowa, mit": the voice used.
    mediated = _mediated_speaker(text, verb_end)
    if mediated is None:
        # "Die Partei ließ über ihren Generalsekretär X mitteilen": "lassen" before the voice, the verb at the end.
        caused = _tokens_in(text, clause_start, verb_start, sentence)
        mediated = next(
            (_mediated_speaker(text, t[1]) for t in caused if t[2].lower() in _LET_FORMS),
            None,
        )
    if mediated is not None:
        return mediated
    prev_tok = _tokens_in(text, max(clause_start, verb_start - 8), verb_start, sentence)
    if prev_tok and prev_tok[-1][2].lower() in ("und", "sowie") and verb_start - 4 > clause_start:
        # "X befand … und nannte Y „…“": the second verb shares the first one's subject.
        shared = clause_subject(text, clause_start, prev_tok[-1][0])
        if shared is not None and person_score(shared) >= 0:
            return shared
    if after and after[0][2].lower() in ("er", "man"):
        return phrase(text, after, 0, 1)  # nominative only: "Die Tat bezeichnete er als sinnlos"
    before = _tokens_in(text, clause_start, verb_start, sentence)
    if (inverted := _pronoun_after_fronted_clause(text, before)) is not None:
        return inverted
    # "Weil …, warnte der Verband …": a verb right after a comma follows a fronted clause.
    after_comma = bool(before) and before[-1][2] == ","
    while before and before[-1][2] in ",;:-–":
        before.pop()
    if len(before) >= 2 and before[-1][2] in _CONTRAST_AFTER_SUBJECT and not before[-2][2].islower():
        # "…, der Verband dagegen spricht von …": a contrastive adverb between the prefield and the verb
        before = before[:-1]
    # Strip a leading conjunction or focus particle ("wie", "auch", "so") and punctuation.
    i = 0
    while i < len(before) and (before[i][2] in ",;:-–()" or before[i][2].lower() in _CLAUSE_OPENERS):
        i += 1
    closing = not after or after[0][2] in ",.;:" or (
        after[0][2] in AUXILIARIES and (len(after) == 1 or after[1][2] in ",.;:")
    )
    if closing and (rel := after_prepositional_relative(before, i)) is not None:
        # "…, in dessen Folge das Gericht festgestellt hatte, …": the subject follows the relative's phrase.
        # (A pronoun there is left to the rules below: it often stands for an institution, "in dem er geurteilt
        # hat", that the pronoun resolver would take for a person.)
        j = read_np(before, rel)
        if j > rel and before[rel][2].lower() not in _OBLIQUE_ARTICLES and not _is_dative_object(before, rel):
            subject = phrase(text, before, rel, j)
            if subject is not None and not subject.pronoun:
                return subject
    # A fronted adverbial ("Als Begründung sagte ein Wissenschaftler:", "Relativierend fügt Gall
    # hinzu:") puts the subject after the verb. "Als"/"Wie" open a subordinate clause only when
    # the verb ends it (a comma follows).
    first_word = before[0][2].lower() if before else ""
    verb_final = not after or after[0][2] in ",."
    adverbial = bool(before) and (
        (first_word in ("als", "wie") and not verb_final)
        # "Außer aus Rio weist das Amt auf … hin": a prepositional phrase in front, the subject after the verb
        or (
            i < len(before)
            and before[i][2].lower() in word_set("case_prepositions.txt")
            and not (_particle_surname(before, i) and not _place_before_named_subject(text, before, i, after))
        )
        or (i < len(before) and _adverb_like(before[i][2]) and (len(before) - i == 1 or _is_function(before[i + 1][2])))
        or (after_comma and not _apposition_ends(before, i) and not _ends_in_named_apposition(text, before, i))
        or (
            i < len(before)
            and all(t[2].islower() for t in before[i + 1 :])
            and _opener_no_noun(text, before[i], _finite_verb(text, before[i + 1 :], verb_start, verb_end))
        )
    )
    cand_before = cand_after = None
    if i < len(before) and not adverbial:
        j = read_np(before, i, allow_apposition=True)
        if j == len(before) and j > i:
            cand_before = phrase(text, before, i, j)
        elif i == 0 and _particle_surname(before, i):
            cand_before = phrase(text, before, i, len(before))  # "Von der Leyen betonte"
    k = 0
    while k < len(after):
        if after[k][2].lower() in AFTER_VERB_SKIP or (after[k][2] in _DATIVE_PRONOUNS and k + 1 < len(after)):
            k += 1  # (a dative pronoun before the subject: "sagte uns der Bürgermeister", "das sagen mir auch …")
        elif after[k][2] == "es" and k + 1 < len(after) and after[k + 1][2].lower() in _NOMINATIVE_ARTICLES:
            k += 1  # "Schärfer formulierte es die Opposition": the object "es", then the subject
        elif (n := _time_adverbial(after, k)) and k + n < len(after):
            k += n  # "sagte am Montag ein Sprecher", "teilte gestern die Stadt mit": the subject after the time
        elif (
            (not before or after_comma)
            and after[k][2].lower() in word_set("case_prepositions.txt")
            and not _particle_surname_at(after, k)
            and k + 1 < (j := _prepositional_object_end(after, k + 1)) < len(after)
            and after[j][2].lower() not in ("des", "eines")
            and _names_someone(text, after, j)
        ):
            # "„…“, sagte auf Anfrage ein Sprecher", "…, sagte nach der Sitzung Bürgermeister X": a phrase, then the
            # subject; only where the verb opens its clause (after a quotation or a comma), never before a genitive
            # ("X, der …, sagte zum Abschluss des Treffens: …": the phrase goes on, no subject follows)
            k = j
        else:
            break
    if k < len(after):
        j = read_np(after, k)
        verb = text[verb_start:verb_end]
        if j > k and not _is_dative_object(after, k) and not _disagrees_in_number(verb, after, k, j):
            cand_after = phrase(text, after, k, j)
        elif j == k and (n := _particle_surname_at(after, k)):
            cand_after = phrase(text, after, k, k + n)  # "sagte von der Leyen", "so de Maizière"
    if cand_after is None and not before:
        # "„…“, schrieb „Die Zeit“ in einem Nachruf": a quoted name as the inverted subject.
        ahead = tokens(text, verb_end, min(len(text), verb_end + MAX_QUOTED_NAME_CHARS + 4))
        if (q := _quoted_name_end(ahead, 0)) and text[ahead[q - 1][1] : ahead[q - 1][1] + 1] not in ("-", "‐"):
            cand_after = phrase(text, ahead, 0, q)  # (not "„Spiegel“-Chef X": part of the speaker's title)
    # "Der NDR, der in der ARD verantwortlich ist, begründete die Einblendungen damit, dass …": the prefield is a
    # noun phrase and its relative clause, the subject; after the verb comes the object - unless that is plainly
    # a nominative subject ("Den Plan, der …, kritisierte der Verband")
    head = _head_before_relative(text, before, i) if cand_before is None and after_comma else None
    if (
        head is not None
        and person_score(head) >= 0
        and (
            cand_after is None
            or (person_score(cand_after) < 2 and cand_after.text.split()[0].lower() not in _NOMINATIVE_MARKERS)
        )
    ):
        return head
    if cand_before and cand_after and cand_after.text.lower() == "sie" and person_score(cand_before) >= 0:
        return cand_before  # "Der Geschäftsführer nannte sie „fahrlässig“": "sie" is the object
    if cand_before and cand_after:
        # Verb-second news sentences mostly put the subject first ("Barrons bezeichnete Stratfor
        # als …", "Der Geschäftsführer nannte sie …"); an object comes first when the phrase after
        # the verb is clearly a person and the first one is not ("Die Anwendung … stellte der
        # SPD-Vorsitzende … in Frage").
        if person_score(cand_after) >= 2 and person_score(cand_before) <= 0 and not _body_before_bare_name(
            cand_before, cand_after
        ):
            return cand_after
        if person_score(cand_before) < 0 <= person_score(cand_after):
            return cand_after  # an object or a date first: "Den Vorwurf wies der Verband zurück", "Ende Mai …"
        if _plural_phrase(cand_before) and _singular_verb(text[verb_start:verb_end]) and person_score(cand_after) >= 1:
            return cand_after  # "Die Äußerungen der Richter bezeichnete Wiefelspütz als …": no agreement, an object
        if person_score(cand_after) >= 1 and _oblique_adjective_phrase(cand_before):
            return cand_after  # "Der englisch-sprachigen Zeitung sagte Filep Karma:": a dative first
        if _said_thing(cand_before.text) and person_score(cand_after) >= 0 and _may_name_speaker(cand_after.text):
            return cand_after  # "Die Darstellung der Verteidigung wies die Anklägerin zurück": a said thing first
        return cand_before
    if cand_before is None and i < len(before) and not adverbial and _is_det(before[i][2]):
        # "Die Politikerin von Bündnis 90/Die Grünen, Anja Hajduk, nannte …": a subject with appositions
        # that are not all read as one phrase; the named apposition is the speaker.
        appo = _last_comma_phrase(text, before, i)
        if appo is not None and person_score(appo) >= 1 and (cand_after is None or person_score(cand_after) < 2):
            return appo
    if cand_before is None and i < len(before) and not adverbial:
        # The prefield is not one phrase ("Der Minister, der gestern ankam, warnte die CDU …"):
        # its subject still beats an object after the verb unless that is clearly a person.
        pre = clause_subject(text, before[i][0], verb_start)
        if pre is not None and person_score(pre) >= 1 and (cand_after is None or person_score(cand_after) < 2):
            return pre
        if pre is not None and cand_after is not None and _body_before_bare_name(pre, cand_after):
            return pre  # "Die Grünen im Bundestag werfen Ministerin Anke Rehberg vor, …": the body, then its object
        if pre is None and (head := _extended_attribute_head(text, before, i)) is not None:
            return head
    if cand_before is None and cand_after is not None and person_score(cand_after) <= 0:
        # "Der Vorsitzende des Verbands in X, Michael Knipper, kritisierte die Entscheidung":
        # a prefield ending in a named apposition beats an object after the verb.
        appo = _last_comma_phrase(text, before, i)
        if appo is not None and person_score(appo) >= 1:
            return appo
    for only in (cand_before, cand_after):
        if only is not None and person_score(only) >= 0:
            return only
    # "X wies die Behauptung zurück, die Sprecherin der Fraktion, Y, erklärte:": the last
    # comma-separated stretch before the verb that is one noun phrase.
    appo = _last_comma_phrase(text, before, i)
    if appo is not None:
        return appo
    if before:
        last = clause_subject(text, before[0][0], verb_start)
        # (a time adverbial is no speaker: "Wenige Stunden nach dem Putsch erklärte der neue „…“")
        return last if last is None or last.pronoun or not _is_date(last.text.split()) else None
    return None


# Pronouns that are nominative right after a finite auxiliary ("hat er", "hatte sie", "haben wir"): the subject.
_NOMINATIVE_PRONOUNS = frozenset(["er", "sie", "man", "ich", "wir"])


def _pronoun_after_fronted_clause(text: str, before: list[tuple[int, int, str]]) -> Phrase | None:
    """ "Als ich ihn traf, hat er gesagt: „…“": a clause fronted before a comma is the prefield, the finite
    auxiliary comes second and the pronoun right after it is the subject of the participle at the clause's end
    (the pronouns of the fronted clause, "ich", "ihn", are not).  None unless the words between the comma and the
    verb are exactly an auxiliary and a nominative pronoun."""
    if len(before) < 4 or before[-3][2] != "," or before[-2][2].lower() not in AUXILIARIES:
        return None
    if before[-1][2] not in _NOMINATIVE_PRONOUNS:
        return None
    return phrase(text, before, len(before) - 1, len(before))


def _body_before_bare_name(before: Phrase, after: Phrase) -> bool:
    """ "Die Opposition warf Kultusministerin Anna Kern vor, …", "Die Gewerkschaft forderte Vorstandschef Jens Ott
    auf, …": a group or body with "die"/"das" in the prefield and, after the verb, a titled name without an article,
    whose case nothing shows: the prefield is the subject, as verb-second news sentences mostly have it, and the
    name is the object. (After the verb a name with a nominative article is the subject: "Die Anwendung stellte
    der SPD-Vorsitzende in Frage".)"""
    first = before.text.split()[0].lower()
    head = _head_noun(before.text)
    if first not in ("die", "das") or person_score(before) != 0 or head is None:
        return False
    if not (may_name_people(head) or is_organisation(before.text)):
        return False  # "Die Zölle lehnte Ungarns Außenminister X ab": a thing first, the object
    lead = after.text.split()[0]
    return lead[:1].isupper() and not _is_det(lead)


def _extended_attribute_head(text: str, before: list[tuple[int, int, str]], i: int) -> Phrase | None:
    """ "der sich selbst als Retter inszenierende Unternehmer Karl Bauer rief": a prefield that is one subject
    with an extended participle attribute between its article and its noun. The phrase from the participle
    on (it names the person; a reader would not be shown the attribute anyway), when it runs to the verb and
    names a titled person or ends in a name of two words; None otherwise."""
    if before[i][2].lower() not in _NOMINATIVE_ARTICLES:
        return None
    for k in range(i + 2, len(before)):
        word = before[k][2]
        if word.islower() and word.endswith(_PARTICIPLE_ENDINGS) and read_np(before, k) == len(before):
            head = phrase(text, before, k, len(before))
            if head is None:
                return None
            named = all(w[:1].isupper() for w in head.text.split()[-2:])
            return head if person_score(head) >= 2 or (named and person_score(head) >= 1) else None
    return None


# The article of a subject before its extended attribute, and the endings of the attribute's participle
# ("inszenierende", "gewählte", "ernannte").
_NOMINATIVE_ARTICLES = frozenset(["der", "die", "ein", "eine"])
_PARTICIPLE_ENDINGS = ("ende", "te", "ene")


# Forms of "werden" that make a participle passive ("wird … bezeichnet", "wurde … kritisiert").
PASSIVE_AUX = frozenset(["wird", "werden", "wurde", "wurden", "worden", "würde", "würden", "werde"])
_AGENT_PREPS = frozenset(["von", "vom"])


def passive_agent(
    text: str,
    clause_start: int,
    verb_start: int,
    verb_end: int,
    clause_end: int,
    sentence_start: int | None = None,
    sentence: Tokenised | None = None,
) -> Phrase | None:
    """The agent of a passive speech or naming verb: "Seine Werke werden von Kritikern als
    „Meilensteine“ bezeichnet", "Die Gefahr wird vom Wetterdienst als „sehr hoch“ eingestuft".

    Only when the cue word is a participle, a form of "werden" stands in its sentence, and
    "von"/"vom" opens a noun phrase before the participle that is not a name particle ("Ursula von
    der Leyen"). The elliptic passive ("…, wie von der Verteidigung ausgeführt, …") is left to the
    rules around it: on train, reading it attached nearby short quotations to the wrong side.
    """
    word = text[verb_start:verb_end].lower()
    form = speech_verbs().get(word) or naming_verbs().get(word)
    if form is None or not form.participle:
        return None
    # The clause of a cue right after a quotation starts at the quotation ("… als „…“
    # bezeichnet"): the agent stands before it, so read from the sentence's start.
    start = clause_start if sentence_start is None else min(sentence_start, clause_start)
    toks = _tokens_in(text, start, clause_end, sentence)
    words = [tk[2].lower() for tk in toks]
    v = next((k for k, tk in enumerate(toks) if tk[0] == verb_start), None)
    if v is None:
        return None
    if not PASSIVE_AUX.intersection(words):
        return None
    # "Der Plan wird von den Mietern begrüßt, die Organisation bezweifelt aber, dass …": a clause of its own
    # before the verb, with a subject, is no passive of this verb; its agent is not the speaker
    comma = next((k for k in range(v - 1, -1, -1) if words[k] == ","), None)
    if (
        comma is not None
        and not PASSIVE_AUX.intersection(words[comma + 1 :])
        and (_subject_opens(toks, comma + 1, v) or after_prepositional_relative(toks[: v], comma + 1) is not None)
    ):
        return None  # (also "…, in dessen Folge das Gericht festgestellt hatte": a relative clause's own subject)
    for k in range(v - 1, -1, -1):
        if words[k] not in _AGENT_PREPS:
            continue
        if (
            k > 0
            and toks[k][2] == "von"
            and _is_cap(toks[k - 1][2])
            and words[k - 1] not in PASSIVE_AUX
            and not (
                k > 1
                and _is_det(toks[k - 2][2])
                and words[k - 1] not in word_set("first_names.txt")
                and "," not in words[k:v]
                and document_noun(toks[k - 1][2]) is None
            )
        ):
            # "Ursula von der Leyen": a name particle (not "war ein Besuch von der Junta … abgelehnt worden": after
            # a noun with its article, in the participle's clause, "von" opens the agent; but "ein Bericht von
            # wetter.de" names the document's author, the document is the source: documents.py)
            continue
        j = read_np(toks, k + 1)
        if j > k + 1:
            # "von den Grünen", "vom Verband": the agent is dative by grammar, so the object test
            # of person_score (an oblique article) does not apply.
            return phrase(text, toks, k + 1, j)
        return None
    return None


def _subject_opens(toks: list[tuple[int, int, str]], i: int, v: int) -> bool:
    """Does a noun phrase open ``toks[i:v]`` and the verb at ``v`` follow it (with at most particles between):
    a main clause of its own ("die Organisation bezweifelt aber")?"""
    if i >= v or not (_is_det(toks[i][2]) or _is_cap(toks[i][2])) or toks[i][2].lower() in _RELATIVE_FORMS:
        return False
    j = read_np(toks, i)
    return j > i and j == v


# Relative forms that may stand before a noun ("…, deren Sprecher von X zitiert wurde"): no main clause. (An
# article as relative pronoun, "…, die von X kritisiert wurde", has no noun after it.)
_RELATIVE_FORMS = frozenset(["dessen", "deren", "welche", "welcher", "welches"])


# Relative pronouns that open a relative clause after its noun ("Der NDR, der …", "Die Stiftung, deren …").
_RELATIVE_OPENERS = frozenset(["der", "die", "das", "dessen", "deren", "welcher", "welche", "welches"])
# Articles that mark a noun phrase right after the verb as nominative (masculine "der", "ein").
_NOMINATIVE_MARKERS = frozenset(["der", "ein"])
# A relative pronoun after a preposition ("in dem", "in dessen Folge"); the articles that open no subject.
_PREP_RELATIVES = frozenset(["dem", "der", "denen", "dessen", "deren", "welchem", "welcher", "welchen"])
_OBLIQUE_ARTICLES = frozenset(["dem", "den", "des", "einem", "einen", "eines", "einer"])


def after_prepositional_relative(before: list[tuple[int, int, str]], i: int) -> int | None:
    """Where the words after a prepositional relative opening the clause start ("in dem | die Prüfer",
    "in dessen Folge | das Gericht"), or None when the clause does not open so."""
    if not (
        i + 2 < len(before)
        and before[i][2].islower()
        and before[i][2] in word_set("case_prepositions.txt")
        and before[i + 1][2] in _PREP_RELATIVES
    ):
        return None
    k = i + 2
    if before[i + 1][2] in ("dessen", "deren"):  # "in dessen Folge", "nach deren Angaben": the pronoun's noun
        while k < len(before) and before[k][2][:1].isupper():
            k += 1
    elif before[k][2][:1].isupper():
        return None  # "in der Erklärung": an article and its noun, no relative pronoun
    return k if k < len(before) else None


# Adverbs that may stand after a prefield subject, before the finite verb: "Die Agentur dagegen berichtet, …".
_CONTRAST_AFTER_SUBJECT = frozenset(
    ["dagegen", "hingegen", "indes", "indessen", "wiederum", "ihrerseits", "seinerseits"]
)


def _head_before_relative(text: str, before: list[tuple[int, int, str]], i: int) -> Phrase | None:
    """The noun phrase opening a prefield that is that phrase and a relative clause of it: "Der NDR, der in der
    ARD für den Vertrag verantwortlich ist," before the verb; only a phrase whose article marks the nominative
    ("der", "ein"). Not after a subordinator (``i`` > 0: "Weil …,")."""
    if i != 0 or not before or before[0][2].lower() not in _NOMINATIVE_MARKERS:
        return None  # ("Die Zahl der Toten, die …, gab die Agentur an": an object with "die" may come first)
    j = read_np(before, 0)
    if j == 0 or j + 1 >= len(before) or before[j][2] != "," or before[j + 1][2].lower() not in _RELATIVE_OPENERS:
        return None
    if any(t[2] in ",;:" for t in before[j + 1 :]):
        return None  # more than the relative clause before the verb ("Ein Tief, das …, habe …, meldet X")
    return phrase(text, before, 0, j)


def _passive(text: str, clause_start: int, verb_start: int, verb_end: int) -> bool:
    """Is the speech or naming verb at ``[verb_start, verb_end)`` a participle after a form of
    "werden" in its clause ("wurde … bezeichnet", "werden … als „…“ eingestuft")?"""
    word = text[verb_start:verb_end].lower()
    form = speech_verbs().get(word) or naming_verbs().get(word)
    if form is None or not form.participle:
        return False
    return any(tk[2].lower() in PASSIVE_AUX for tk in tokens(text, clause_start, verb_start))


# Name particles that open a surname ("von der Leyen", "de Maizière", "van Gaal"): lang/de/name_particles.txt.
_NAME_PARTICLES = OPENING_PARTICLES


def _particle_surname(before: list[tuple[int, int, str]], i: int) -> bool:
    """Is the whole prefield ``before[i:]`` a surname with particles right before the verb
    ("Von der Leyen", "de Maizière")? Only particles and one or two capitalised words."""
    words = [tk[2] for tk in before[i:]]
    if len(words) < 2 or len(words) > 4 or words[0].lower() not in _NAME_PARTICLES:
        return False
    k = 1
    while k < len(words) and (words[k].lower() in ("der", "den", "dem") or words[k].lower() in _NAME_PARTICLES):
        k += 1
    rest = words[k:]
    return 1 <= len(rest) <= 2 and all(w[:1].isupper() and w.isalpha() for w in rest)


def _place_before_named_subject(
    text: str, before: list[tuple[int, int, str]], i: int, after: list[tuple[int, int, str]]
) -> bool:
    """ "Von der Regierungsbank rief Lindauer:", "Von der Tribüne rief Trainer Jens Ott": a prefield shaped like a
    surname with particles (:func:`_particle_surname`, "Von der Leyen betonte") is a prepositional phrase when
    the text never writes its words with lowercase particles ("Ursula von der Leyen") and a person stands right
    after the verb: a titled name, or a name the text wrote in full before."""
    last = before[-1][2]
    particles = " ".join(tk[2].lower() for tk in before[i:-1])
    if re.search(rf"\b{re.escape(particles)} {re.escape(last)}\b", text):
        return False
    k = 0
    while k < len(after) and after[k][2].lower() in AFTER_VERB_SKIP:
        k += 1
    if k >= len(after) or not after[k][2][:1].isupper() or _is_det(after[k][2]):
        return False
    j = read_np(after, k)
    sp = phrase(text, after, k, j) if j > k else None
    if sp is None:
        return False
    if person_score(sp) >= 2:
        return True
    word = after[k][2]
    return j == k + 1 and re.search(rf"\b[A-ZÄÖÜ][a-zäöüß]+ {re.escape(word)}\b", text[: after[k][0]]) is not None


def _particle_surname_at(toks: list[tuple[int, int, str]], i: int) -> int:
    """Length of a surname that opens with name particles at ``toks[i]`` ("von der Leyen", "de
    Maizière", "van Gaal"): particles (and an article after "von"), then one capitalised word
    ending the phrase; 0 when there is none."""
    k = i
    while k < len(toks) and k < i + 3 and (
        toks[k][2] in _NAME_PARTICLES or (k > i and toks[k][2] in ("der", "den", "dem"))
    ):
        k += 1
    if k == i or k >= len(toks) or not (toks[k][2][:1].isupper() and toks[k][2].isalpha()):
        return 0
    if k + 1 < len(toks) and toks[k + 1][2][:1].isupper():
        return 0  # "von der Polizei Berlin": not a surname
    return k + 1 - i


def _last_comma_phrase(text: str, before: list[tuple[int, int, str]], i: int) -> Phrase | None:
    """The first comma-separated stretch of ``before[i:]`` that runs to its end as one noun phrase."""
    for c in range(i, len(before)):
        if before[c][2] == "," and c + 1 < len(before):
            j = read_np(before, c + 1, allow_apposition=True)
            if j == len(before) and j > c + 1:
                if _partitive(before, c + 1):
                    # "…, und Gemeinderat Klaus Ritter, einer der schärfsten Kritiker, hielt ihr entgegen":
                    # "einer der …" describes the person named before its comma, the subject
                    for k in range(max(i, c - 8), c):
                        if read_np(before, k) == c or read_np(before, k, allow_apposition=True) == j:
                            named = phrase(text, before, k, c)
                            if named is not None and person_score(named) >= 0:
                                return phrase(text, before, k, j)
                            break
                return phrase(text, before, c + 1, j)
    return None


def _partitive(toks: list[tuple[int, int, str]], k: int) -> bool:
    """ "einer der Kritiker", "eine von drei Zeuginnen": one of a group, an apposition to a named person."""
    return (
        k + 1 < len(toks)
        and toks[k][2].lower() in ("einer", "eine")
        and toks[k + 1][2].lower()
        in (
            "der",
            "von",
            "seiner",
            "ihrer",
        )
    )


def _oblique_adjective_phrase(p: Phrase) -> bool:
    """ "der englischsprachigen Zeitung", "dem ..." : an article with a weak "-en" adjective
    after "der" is dative or genitive, never the nominative subject of a verb-second clause."""
    words = p.text.split()
    return len(words) >= 3 and words[0].lower() == "der" and words[1][:1].islower() and words[1].endswith("en")


def _ends_in_named_apposition(text: str, before: list[tuple[int, int, str]], i: int) -> bool:
    """Is the prefield from ``i`` a subject with appositions ending in a named one, though not read as
    one phrase: an article first and a person-like phrase after its last comma ("Die Vorsitzende der
    Gewerkschaft ver.di, …, Petra Sommer" + ", würdigte")?  A fronted clause ("Der Minister sei
    zurückgetreten" + ", meldete") ends in its verb instead."""
    if i >= len(before) or not _is_det(before[i][2]):
        return False
    c = max((k for k in range(i, len(before)) if before[k][2] == ","), default=None)
    if c is None or read_np(before, c + 1) != len(before):
        return False
    last = phrase(text, before, c + 1, len(before))
    return last is not None and person_score(last) >= 1


def _plural_phrase(p: Phrase) -> bool:
    """ "Die Äußerungen der Richter", "die neuen Regeln": "die" and a head noun with a plural ending."""
    words = p.text.split()
    if words[0] != "Die" and words[0] != "die":
        return False
    head = next((w for w in words[1:] if w[:1].isupper()), "")
    return head.endswith(("ungen", "heiten", "keiten", "en", "ern")) and not is_role(head) and head.isalpha()


def _plural_verb(word: str) -> bool:
    """A finite verb form of the plural ("fordern", "kritisierten", "äußern"), not a third person singular."""
    return word.isalpha() and word.islower() and word.endswith(("en", "ern", "eln"))


# Articles that open a noun phrase in the singular only (never the plural "die"/"den").
_SINGULAR_OPENERS = frozenset(["ein", "eine", "der", "das"])


def _disagrees_in_number(verb: str, toks: list[tuple[int, int, str]], k: int, j: int) -> bool:
    """ "Manche fordern eine Maut": a noun phrase in the singular ("eine", "der", "das" and no "und" joining
    another) after a plural verb cannot be its subject; it is the object."""
    words = [t[2].lower() for t in toks[k : j + 1]]  # (with the word after it: "der Minister und die …")
    return _plural_verb(verb) and words[0] in _SINGULAR_OPENERS and not {"und", "sowie", "oder"} & set(words)


def _singular_verb(word: str) -> bool:
    """A finite verb form of the third person singular ("bezeichnete", "nennt"), not a plural ("-en")."""
    return word.islower() and word.endswith(("te", "t")) and not word.endswith("en")


def _apposition_ends(before: list[tuple[int, int, str]], i: int) -> bool:
    """Is the prefield from ``i`` one phrase with an apposition ("Peter Hahn, der Geschäftsführer, sagte")?"""
    return read_np(before, i, allow_apposition=True) == len(before)


def _adverb_like(tok: str) -> bool:
    """A capitalised sentence-initial adverb or participle ("Relativierend", "Ausdrücklich")."""
    low = tok.lower()
    if low in word_set("first_names.txt") or _is_cap_name(tok):
        return False
    return low.endswith(_ADVERB_ENDINGS) or (
        low.endswith(_ADJECTIVE_ENDINGS) and zipf(low) >= ADJECTIVE_ADVERB_MIN_ZIPF
    )


def _opener_no_noun(text: str, tok: tuple[int, int, str], verb: str) -> bool:
    """Is ``tok``, the whole prefield before a singular finite verb, a common German word that is capitalised
    only because it opens a sentence - an adverb or particle ("Zwar räumte die Ministerin ein", "Darin hatte
    Reiche angekündigt", "Demgegenüber betonte der Ökonom", "Knapp erklärte der Verband")? Then the subject
    follows the verb.

    A noun or name is written capitalised inside a sentence too, somewhere in the text ("Bundeskanzlerin
    Angela Merkel ... Merkel sagte"); a word the text capitalises only at sentence openings is no name
    there. A plural verb keeps a bare plural subject ("Experten warnten die Regierung"), unless the word ends in
    a suffix of adjectives and adverbs only (:data:`_DERIVED_ADVERB_ENDINGS`)."""
    word = tok[2]
    derived = word.lower().endswith(_DERIVED_ADVERB_ENDINGS)  # "Reflexartig brachten viele Medien": never a noun
    if (
        not word[:1].isupper()
        or not word.isalpha()
        or not (_singular_verb(verb) or derived)
        or not _opens_sentence(text, tok[0])
        or word.lower() in _PRONOUNS  # "Er räumte ein": the subject itself
        or _is_det(word)
        or is_role(word)
        or word.lower() in word_set("first_names.txt")
        or is_place(word)  # "Madrid hatte Bedenken angemeldet": a capital speaking, named once
        or is_organisation(word)
        or not (zipf(word) >= COMMON_ZIPF or compound_of_common_word(word) or derived or _comparative(word))
    ):
        return False
    return not any(not _opens_sentence(text, m.start()) for m in re.finditer(_standalone(word), text))


_UMLAUT_BASE = str.maketrans("äöü", "aou")


def _comparative(word: str) -> bool:
    """The comparative of a common adjective, rarer than its base ("Strenger urteilt der Kommentator",
    "Schärfer formulierte es die Opposition", "Deutlicher wurde der Verband"): "-er" after a base that is a
    common word, with or without its umlaut ("scharf" for "schärfer")."""
    low = word.lower()
    if len(low) < 6 or not low.endswith("er"):
        return False
    base = low[:-2]
    common = max(zipf(base), zipf(base.translate(_UMLAUT_BASE)))
    # "Milder urteilt der „Standard“": a base less common ("mild") counts when the comparative is itself a word
    return common >= COMMON_ZIPF or (common >= COMPARATIVE_BASE_MIN_ZIPF and zipf(low) > 0)


def _standalone(word: str) -> str:
    r"""The pattern of the letters-only ``word`` standing alone (no word character or hyphen next to it).

    It opens with the word itself, so the engine skips to its occurrences in C (opened with the lookbehind
    ``(?<![\w-])`` it was tried at every character of the text, ~2x the time); the lookbehind after the word
    looks past its letters (``.`` matches each) at the character before them."""
    return rf"{re.escape(word)}(?<![\w-].{{{len(word)}}})(?![\w-])"


# What may stand between a sentence's end and the first word of the next: spaces, quotation marks, brackets.
_SENTENCE_GAP = ' \t\n"„“”»«‚‘’(['


def _finite_verb(text: str, between: list[tuple[int, int, str]], verb_start: int, verb_end: int) -> str:
    """The finite verb of a verb-second clause whose speech verb is at ``[verb_start, verb_end)``: an auxiliary
    right after the prefield ("Darin hatte sie angekündigt"), else the speech verb itself."""
    if between and between[0][2].lower() in AUXILIARIES:
        return between[0][2]
    return text[verb_start:verb_end]


def _opens_sentence(text: str, pos: int) -> bool:
    """Does the word at ``pos`` open a sentence (the text's start, or after ., !, ?, : or a paragraph break)?
    In the masked text a quotation's words, its final full stop too, are underscores: a word right after a
    quotation's closing mark opens a sentence there („Köln hat gezeigt, dass es feiern kann.“ Strenger urteilt
    der Express)."""
    k = pos
    while k > 0 and text[k - 1] in _SENTENCE_GAP:
        if text[k - 1] == "\n":
            return True
        k -= 1
    if k > 0 and text[k - 1] == "_":
        return any(c in _CLOSING_QUOTE_MARKS for c in text[k:pos])
    return k == 0 or text[k - 1] in ".!?:"


_CLOSING_QUOTE_MARKS = frozenset("“”\"«»")


def _is_cap_name(tok: str) -> bool:
    return is_role(tok)


def _mediated_speaker(text: str, verb_end: int) -> Phrase | None:
    """ "teilte über die Sprecherin des Außenministeriums, Marija Sacharowa, mit": the voice used."""
    if not _MEDIATED.match(text, verb_end):
        return None
    toks = tokens(text, verb_end, min(len(text), verb_end + 200))
    if len(toks) < 2:
        return None
    j = read_np(toks, 1, allow_apposition=True)
    if j <= 1:
        return None
    p = phrase(text, toks, 1, j)
    if p is None or toks[1][2].lower() not in word_set("possessives.txt"):
        return p if p is not None and person_score(p) >= 2 else None
    # "über ihren Sprecher Max Kühn": whose voice it is, and a person named - the named spokesman speaks;
    # an unnamed one ("ließ über seinen Verteidiger erklären") only reads out the subject's words.
    own = phrase(text, toks, 2, j) if j > 2 else None
    named = own is not None and len(words := own.text.split()) >= 3 and not any(is_role(w) for w in words[-2:])
    return p if named and own is not None and person_score(own) >= 2 else None


# Finite forms of "sein" and "bleiben": the noun after them is a predicate, not a subject.
_COPULAS = frozenset(["ist", "war", "sind", "waren", "bleibt", "blieb", "sei", "wäre"])
# The copulas a modal or "wird" governs ("will Kanzlerin bleiben", "soll Präsident werden", "dürfte Favorit sein").
_COPULA_INFINITIVES = frozenset(["bleiben", "werden", "sein"])
# Finite forms of "lassen" that have someone else speak ("ließ über ihren Sprecher mitteilen").
_LET_FORMS = frozenset(["ließ", "ließen", "lässt", "lassen", "ließe"])


def clause_subject(text: str, start: int, end: int) -> Phrase | None:
    """The subject of a clause without a speech verb ("Im Kongress warb Obama … mit den Worten:").

    A clause opening with a noun phrase has it as subject; one opening with an
    adverbial has the subject after the finite verb (the first lowercase word).
    """
    memo = _blocks_of(text).subjects
    key = (start, end)
    if key in memo:
        return memo[key]
    memo[key] = subject = _clause_subject(text, start, end)
    return subject


def _clause_subject(text: str, start: int, end: int) -> Phrase | None:
    toks = tokens(text, start, end)
    while toks and toks[-1][2] in ",;:-–":
        toks.pop()
    if not toks:
        return None
    i = 0
    while i < len(toks) and toks[i][2].lower() in _CLAUSE_OPENERS and toks[i][2].lower() != "als":
        i += 1
    first = None
    first_end = -1  # the token right after the phrase in front: in a main clause its finite verb
    verb_second = i == 1 < len(toks) and toks[0][2].lower() in _VERB_SECOND_OPENERS and toks[1][2].islower()
    opens_pp = (
        i < len(toks) and toks[i][2].lower() in word_set("case_prepositions.txt") and not _particle_surname_at(toks, i)
    )
    if i < len(toks) and not verb_second and not opens_pp and (_is_det(toks[i][2]) or not _is_function(toks[i][2])):
        # ("Zudem diskutierten UN-Mitarbeiter …": after an adverb opening the sentence comes the finite verb,
        # not an adjective of the subject)
        j = read_np(toks, i, allow_apposition=True)
        if j > i:
            first = phrase(text, toks, i, j)
            first_end = j
    one_word = first is not None and first.end == toks[i][1] and i + 1 < len(toks)
    if one_word and (_opener_no_noun(text, toks[i], toks[i + 1][2]) or toks[i][2].lower() in _DEGREE_ADVERBS):
        # ("Besonders viel Beifall bekam Weber": an adverb of degree is never the subject)
        first = None  # "Darin hatte Reiche angekündigt": an adverb opens the clause, the subject follows the verb
    after_verb = None
    verb = ""
    for k in range(i, len(toks) - 1):
        word = toks[k][2]
        if word in _QUANTITY_WORDS:
            continue  # "Besonders viel Beifall bekam Weber": a quantity before a noun, not the finite verb
        # "Bereits am Sonntagabend zogen Demonstranten": after an adverbial prefield, an "-en" word
        # right after its noun is the finite verb, not an adjective.
        after_noun = first is None and k > i and toks[k - 1][2][:1].isupper() and not _is_function(toks[k - 1][2])
        adjective = (
            _is_adjective(word)
            and not after_noun
            and not (_is_det(toks[k + 1][2]) or toks[k + 1][2].lower() in _PRONOUNS)
        )
        # ("Die Äußerungen bezeichnete Anna Berg als …", "Die Vorwürfe wies sie zurück": right after an act of
        # speech in front, the lowercase word is the finite verb, not an adjective; see _said_thing below)
        finite = k == first_end and first is not None and _said_thing(first.text)
        if word.islower() and not _is_function(word) and not _is_det(word) and (not adjective or verb_second or finite):
            m = k + 1
            while m < len(toks) and toks[m][2].lower() in AFTER_VERB_SKIP:
                m += 1
            j = read_np(toks, m)
            if j > m and not _is_dative_object(toks, m):
                after_verb = phrase(text, toks, m, j)
                verb = word
                if j < len(toks) and toks[j][2] in _COPULA_INFINITIVES:
                    verb = toks[j][2]  # "X will Bürgermeisterin bleiben": the modal's copula
            break
    if first and after_verb and verb.lower() in _COPULAS | _COPULA_INFINITIVES:
        # "Der Mittvierziger ist Elektriker", "Merkel will Kanzlerin bleiben": the noun after "ist" or before
        # the copula a modal governs is what the subject is
        return first
    if first and after_verb:
        if _said_thing(first.text) and person_score(after_verb) >= 0 and _may_name_speaker(after_verb.text):
            # "Die Darstellung der Verteidigung wies die Anklägerin zurück": an act of speech in front is the
            # object, and the one after the verb who may speak is the subject (object first)
            return after_verb
        if _aux_between(toks, first, after_verb) and _body_before_bare_name(first, after_verb):
            return first  # "Die Opposition hat Merz vorgeworfen, …": the body in front, the bare name its object
        if _plural_verb(verb) and _one_named_person(after_verb) and person_score(first) >= 0:
            return first  # "Einige Bauern haben Ministerin Anna Berg geschrieben": one person cannot agree with "haben"
        return after_verb if person_score(after_verb) > person_score(first) else first
    return first or after_verb


def _aux_between(toks: list[tuple[int, int, str]], first: Phrase, second: Phrase) -> bool:
    """Do the phrases stand as prefield, finite auxiliary and middle field ("Die Opposition hat Merz …"), the
    auxiliary the one token between them?"""
    between = [t for t in toks if first.end <= t[0] and t[1] <= second.start]
    return len(between) == 1 and between[0][2].lower() in AUXILIARIES


def _one_named_person(p: Phrase) -> bool:
    """A phrase naming one person ("Ministerin Anna Berg", "Premierminister Tony Blair"): a person by its score,
    not opened by a plural article, no conjunction joining a second one."""
    words = p.text.lower().split()
    return (
        person_score(p) >= 2
        and words[0] not in ("die", "den")
        and not {"und", "sowie", "oder", "&"} & set(words)
    )


def _head_noun(words: str) -> str | None:
    """The first capitalised noun of a phrase, adjectives before it skipped ("Die Kritik der Opposition" ->
    "Kritik", "die aktuelle Schätzung" -> "Schätzung", "Die Deutsche Bahn" -> "Bahn")."""
    toks = words.split()
    for k, w in enumerate(toks):
        if not w[:1].isupper() or _is_det(w):
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else ""
        if nxt[:1].isupper() and not nxt.endswith("s") and w.lower().endswith(("e", "en", "er", "es")):
            continue  # an adjective before its noun (not a noun before a genitive: "Staatsschulden Griechenlands")
        return w.strip(",")
    return None


def _said_thing(words: str) -> bool:
    """A phrase headed by an abstract noun or a noun for something said ("Die Darstellung der Verteidigung",
    "Die Kritik der Opposition", "Diesen Vorwurf"): a thing, never who speaks."""
    head = _head_noun(words)
    if head is None:
        return False
    low = head.lower()
    if may_name_people(head) or is_organisation(words) or document_noun(head):
        return False  # "Die Universität", "Die Regierung": a body speaks; "Der Bericht": a text speaks
    return bool(_ABSTRACT_HEAD.fullmatch(low)) or low in speech_act_nouns()


def _may_name_speaker(words: str) -> bool:
    """A phrase whose head may name a person, group or body ("die Anklägerin", "der Arbeitgeberverband") or is
    a name the lexicons do not know as a common word."""
    head = _head_noun(words)
    if head is None:
        return False
    return may_name_people(head) or is_organisation(words) or not (
        zipf(head) >= COMMON_ZIPF or compound_of_common_word(head)
    )



# German abstract nouns by their suffix (with plural and genitive endings): "Darstellung", "Einschätzung".
_ABSTRACT_HEAD = re.compile(r"(?:\w{3,}(?:ung|heit|keit|ität)|\w{4,}nis)(?:en|se|sen|ses|s)?")


# Adverbs of the openers above after which a main clause goes on with its finite verb (verb second).
_VERB_SECOND_OPENERS = frozenset(["zudem", "außerdem", "so", "allerdings"])


def noun_phrases(text: str, start: int, end: int) -> list[Phrase]:
    """The noun phrases of ``text[start:end]`` (sentence-initial function words skipped)."""
    memo = _blocks_of(text).phrases
    key = (start, end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(_noun_phrases(text, start, end))
    return list(found)


def _noun_phrases(text: str, start: int, end: int) -> list[Phrase]:
    toks = tokens(text, start, end)
    out = []
    i = 0
    while i < len(toks):
        tok = toks[i][2]
        if (_is_cap(tok) or _is_det(tok)) and not (i == 0 and (_is_function(tok) or _adverb_like(tok))):
            j = read_np(toks, i, allow_apposition=True)
            if j > i:
                p = phrase(text, toks, i, j)
                if p is not None and not (i == 0 and j == 1 and _is_function(tok)):
                    out.append(p)
                i = j
                continue
        i += 1
    return out


def person_score(p: Phrase) -> int:
    """How much a phrase looks like a person: 2 role title, first name or pronoun; 1 a bare name; 0 else;
    -1 an object or a date."""
    return 2 if p.pronoun else _words_person_score(p.text)


def _words_person_score(text: str) -> int:
    """:func:`person_score` of a phrase that is no pronoun, by its words (asked again for the same words)."""
    known = _PERSON_SCORES.get(text)
    if known is None:
        if len(_PERSON_SCORES) >= _WORD_CACHE:
            _PERSON_SCORES.clear()
        known = _PERSON_SCORES[text] = _person_score_of_words(text)
    return known


def _person_score_of_words(text: str) -> int:
    words = text.split()
    if words[0].lower() in _OBLIQUE_DETS:
        return -1  # accusative/dative: an object, not the speaker ("nannte seinen Platzverweis")
    if _is_date(words):
        return -1  # a time adverbial: "hatte Anfang Juli berichtet", "letzten September"
    if " ".join(words).lower() in _GENITIVE_ADVERBIALS:
        return -1  # "Des Weiteren verwies Steinbrück darauf": an adverbial in the genitive, no subject
    names = word_set("first_names.txt")
    # The head comes before its genitive attribute: "Die Kritik der Ministerin" is a thing, "Der Sprecher
    # des Ministeriums" a person.
    head = next((k for k, w in enumerate(words) if k and w in _ATTRIBUTE_LINKS and words[k - 1][:1].isupper()), None)
    if any(is_role(w.strip(",")) or w.lower() in names for w in words[:head] if w[:1].isupper()):
        return 2
    return 0 if _is_det(words[0]) else 1


# Fixed adverbials in the genitive that look like a noun phrase opening a sentence.
_GENITIVE_ADVERBIALS = frozenset(["des weiteren", "des öfteren", "eines tages", "letzten endes", "meines erachtens"])


# Words that open a genitive or prepositional attribute after a noun ("die Kritik der Ministerin").
_ATTRIBUTE_LINKS = frozenset(["der", "des"])


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """German month and weekday names (CLDR, through Babel): a phrase ending in one is a date."""
    from babel import Locale

    de = Locale("de")
    return frozenset(
        name for names in (de.months["format"]["wide"], de.days["format"]["wide"]) for name in names.values()
    )


# Nouns that place a date inside a month or year: "Anfang Juli", "Mitte März", "Ende Januar".
_DATE_PARTS = frozenset(["Anfang", "Mitte", "Ende"])


def is_date(words: list[str]) -> bool:
    """:func:`_is_date`, for the other rules ("am Montag", "im Mai": a time, not a place)."""
    return _is_date(words)


def _is_date(words: list[str]) -> bool:
    """Are the capitalised words of a phrase a date ("Anfang Juli", "letzten September", "Montag") or a
    counted span of time ("Wenige Stunden", "Zwei Tage", "Drei Wochen")?"""
    caps = [w for w in words if w[:1].isupper()]
    calendar = _calendar_words()
    if words[-1] in _TIME_SPANS:
        # (a bare "Tage" is what remains of "sechs Tage nach …" when the number was not read with it)
        counts = word_set("number_words.txt") | _QUANTIFIERS
        return all(w.lower() in counts or w.isdigit() for w in words[:-1])
    return bool(caps) and caps[-1] in calendar and all(w in calendar or w in _DATE_PARTS for w in caps)


# Nouns of a span of time and the words that count them: "Wenige Stunden nach dem Putsch erklärte …" opens
# with a time adverbial, not with the subject.
_TIME_SPANS = frozenset(
    ["Sekunden", "Minuten", "Stunden", "Tage", "Tagen", "Wochen", "Monate", "Monaten", "Jahre", "Jahren"]
)
_QUANTIFIERS = frozenset(
    ["wenige", "wenigen", "einige", "einigen", "mehrere", "mehreren", "viele", "vielen", "ein", "paar"]
)


def _is_dative_object(toks: list[tuple[int, int, str]], k: int) -> bool:
    """ "sagte dem Sender" / "sagte der Zeitung ..., " — a dative recipient, not the speaker; "der" before a
    feminine role ("sagte der Ministerin", "warf der Bürgermeisterin vor") is never a nominative (that is
    "die Ministerin")."""
    word = toks[k][2].lower()
    if word in ("dem", "einem"):
        return True
    if word != "der" or k + 1 >= len(toks):
        return False
    j = k + 1
    while j < len(toks) - 1 and toks[j][2][:1].islower() and toks[j][2].isalpha():
        j += 1  # adjectives: "der neuen Ministerin"
    head = toks[j][2]
    return head[:1].isupper() and head.endswith(("in", "innen")) and is_role(head)


# Words between clause start and a prefield subject that do not belong to it.
_CLAUSE_OPENERS = (
    frozenset(
        [
            "so",
            "auch",
            "dass",
            "ob",
            "womit",
            "worauf",
            "und",
            "aber",
            "doch",
            "denn",
            "zudem",
            "außerdem",
            "sogar",
            "selbst",
            "nur",
            "ebenfalls",
            "jedoch",
            "allerdings",
        ]
    )
    | word_set("subordinators.txt")  # wie, als, weil, zumal …: the subject follows them
    | AUXILIARIES
)
# Words between an inverted speech verb and its subject: "sagte am Montag der Minister" is rare,
# but "sagte daraufhin der Minister" and "hieß es" (handled by the caller) occur.
# Adverbs of time that may stand between a speech verb and its subject ("sagte gestern ein Sprecher").
_TIME_ADVERBS = frozenset(["gestern", "heute", "vorgestern", "zuletzt", "inzwischen", "später", "zunächst"])
# Times of day and of the week after "am" ("am Abend", "am Wochenende"); weekdays come from the calendar.
_DAY_TIMES = frozenset(["Morgen", "Vormittag", "Mittag", "Nachmittag", "Abend", "Wochenende"])


def _time_adverbial(toks: list[tuple[int, int, str]], k: int) -> int:
    """How many tokens from ``toks[k]`` make a time adverbial ("gestern", "am Montag", "am Dienstagabend",
    "am Abend"), 0 if none does."""
    word = toks[k][2]
    if word.lower() in _TIME_ADVERBS:
        return 1
    if word == "am" and k + 1 < len(toks):
        noun = toks[k + 1][2]
        if noun in _DAY_TIMES or any(noun.startswith(day) for day in _weekdays()):
            return 2
    return 0


def _names_someone(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Does the noun phrase at ``toks[i]`` name someone (a role, a title, a first name: "ein Sprecher", "Bürgermeister
    X") rather than go on with the phrase before it ("zu Beginn der Sitzung": a genitive)?"""
    j = read_np(toks, i)
    np = phrase(text, toks, i, j) if j > i else None
    return np is not None and not np.pronoun and person_score(np) >= 2


def _prepositional_object_end(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index after a preposition's object at ``toks[i]``: an article, lowercase attributes and one noun ("der
    Sitzung", "Anfrage", "dem langen Treffen"); ``i`` when there is none. (Read short on purpose: a subject may
    follow without a comma, "sagte nach der Sitzung Bürgermeister X".)"""
    j = i
    if j < len(toks) and toks[j][2].lower() in _OBJECT_ARTICLES:
        j += 1
    while j < len(toks) and toks[j][2][:1].islower() and toks[j][2].isalpha():
        j += 1
    if j < len(toks) and toks[j][2][:1].isupper() and toks[j][2].isalpha():
        return j + 1
    return i


# Articles and possessives of a preposition's object (never a nominative subject's "der" alone is read: "nach der").
_OBJECT_ARTICLES = frozenset(
    ["der", "die", "das", "dem", "den", "des", "einer", "einem", "einen", "eines", "seiner", "seinem", "ihrer",
     "ihrem"]
)


@lru_cache(maxsize=1)
def _weekdays() -> tuple[str, ...]:
    return tuple(w for w in _calendar_words() if w.endswith(("tag", "woch")))


# Personal pronouns only ever dative: the one spoken to, between a speech verb and its subject.
_DATIVE_PRONOUNS = frozenset(["mir", "uns", "dir", "euch", "ihm", "Ihnen"])
AFTER_VERB_SKIP = frozenset(
    ["sich", "daraufhin", "dazu", "dann", "damals", "nun", "jetzt", "zudem", "außerdem", "auch", "ebenfalls", "noch",
     "weiter"]
)


# Fixed adverbials of a preposition and an inflected pronoun or adjective: "Vor allem Experten warnen", "unter
# anderem die Polizei": the word after them opens a noun phrase of its own, not the preposition's object.
_FIXED_ADVERBIALS = frozenset(
    ["vor allem", "unter anderem", "unter anderen", "vor kurzem", "seit langem", "bei weitem", "ohne weiteres",
     "von neuem", "im übrigen", "im allgemeinen", "vor allen"]
)
# Relative pronouns that are the preposition's object themselves: "Transparente, auf denen Sprüche standen".
_RELATIVE_OBJECTS = frozenset(["denen", "welchen", "welchem", "welcher"])
# How far back from a phrase its preposition is looked for (characters): an article and two adjectives.
_PREPOSITION_REACH = 80
# A source preposition's object is a speaker: "nach Angaben der Polizei", "in der Zeitung".
_DOCUMENT_PREPOSITIONS = frozenset(["in", "im", "auf"])
_AGENT_OR_OWNER = frozenset(["von", "vom"])


def governed_by_preposition(text: str, p: Phrase, start: int, end: int) -> bool:
    """Is ``p`` the object of a preposition that makes it no speaker, in the clause ``text[start:end]``?

    "In Anspielung auf … trugen Demonstranten", "Je nach Quellenlage", "mit multimedialen Inhalten", "spricht
    von glatter Desinformation": a noun inside a prepositional phrase is neither the subject of its clause nor
    who is quoted. The source phrases stay speakers: "nach Angaben der Polizei" and "nach Polizeiangaben" (an
    attribution noun after "nach"), "von" after an attribution noun ("nach Angaben von Ärzten") or in a passive
    clause ("wird von der Zeitung zitiert"), "in der Zeitung", "im Bericht", "auf ihrer Homepage" (a medium or
    document, quotes.documents). The prepositions are data: ``lang/de/case_prepositions.txt``."""
    if p.pronoun:
        return False
    toks = tokens(text, max(start, p.start - _PREPOSITION_REACH), p.end)
    k = next((n for n, t in enumerate(toks) if t[0] >= p.start), None)
    if k is None:
        return False
    # the words between the preposition and the phrase: an article, a possessive, a number, adjectives
    m = k - 1
    lowercase = 0
    while m >= 0 and not _is_cap(toks[m][2]) and toks[m][2].lower() not in word_set("case_prepositions.txt"):
        word = toks[m][2]
        if not (word[:1].isalpha() or word.isdigit()):
            return False
        if not (_is_det(word) or word.lower() in word_set("possessives.txt") or word.isdigit()):
            lowercase += 1
            if lowercase > 1 or not _is_adjective(word):
                return False
        m -= 1
    if m < 0:
        return False
    prep = toks[m][2].lower()
    if prep not in word_set("case_prepositions.txt"):
        return False
    if f"{prep} {toks[m + 1][2].lower()}" in _FIXED_ADVERBIALS or toks[m + 1][2].lower() in _RELATIVE_OBJECTS:
        return False
    head = next((w for w in p.text.split() if w[:1].isupper()), "")
    markers = attribution_markers().get("noun", frozenset())
    if prep == "nach" and (any(head.lower().endswith(n) for n in markers) or _saxon_genitive(p.text)):
        return False  # "nach Angaben der Polizei", "nach Polizeiangaben", "Nach Schäubles Idee"
    if prep == "mit" and m > 0 and any(toks[m - 1][2].lower().endswith(n) for n in word_set("conversation_nouns.txt")):
        return False  # "in einem Gespräch mit Regierungspräsident Henry Hasenpflug": a party to the talk
    if prep in _AGENT_OR_OWNER:
        before = toks[m - 1][2].lower() if m > 0 else ""
        if before in markers or any(w.lower() in PASSIVE_AUX for _, _, w in tokens(text, start, end)):
            return False
    if prep in _DOCUMENT_PREPOSITIONS | {"nach"} and (
        document_noun(head) or any(head.lower().endswith(n) for n in word_set("media_nouns.txt"))
    ):
        return False  # "In dem Bericht heißt es", "Nach dem Grundgesetz", "auf ihrer Homepage"
    if prep == "für" and _opens_sentence(text, toks[m][0]):
        return False  # "Für den Theologen Hans Küng ist der Rücktritt …": whose view it is
    return not (m >= 2 and toks[m - 1][2].lower() == "es" and toks[m - 2][2].lower() in _HEISST)


# "hieß es vom Sprecher", "heißt es bei der Agentur": the phrase after the preposition says whose words they are.
_HEISST = frozenset(["heißt", "hieß", "hiess", "hieße"])


def _weak_nominative(toks: list[tuple[int, int, str]], j: int) -> bool:
    """Is ``toks[j]`` an adjective in "-e" after "der": "der größte Teil", "der neue Vorsitzende" - a masculine
    nominative, never a genitive attribute (that is "der größten Partei", "der neuen Regierung").  Read only
    after a genitive already taken ("nach Auskunft der NASA der größte Teil"): right after a head noun a
    misspelt genitive ("Anhänger der rechtsnationalistische Organisation") is more likely than a subject."""
    if j + 1 >= len(toks):
        return False
    adj = toks[j][2]
    return adj[:1].islower() and adj.isalpha() and adj.endswith("e") and toks[j + 1][2][:1].isupper()


def _saxon_genitive(words: str) -> bool:
    """Does the phrase open with a name in the Saxon genitive before its noun ("Schäubles Idee", "Merkels
    Worten")? After "nach" it names whose words follow."""
    parts = words.split()
    return (
        len(parts) >= 2
        and parts[0].endswith("s")
        and parts[0][:1].isupper()
        and parts[1][:1].isupper()
        and not _is_det(parts[0])
        and zipf(parts[0]) < COMMON_ZIPF
        and not compound_of_common_word(parts[0])
    )
