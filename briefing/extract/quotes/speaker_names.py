"""Does a speaker name name someone?  Precision first for the names quotations show.

The quotation rules find where an attribution is ("nach Angaben der Polizei", "laut
Medienberichten", "sagte der Angestellte") and read a name from it.  Often that name is a
common noun ("Angaben", "Medienberichten", "Angestellten"), a compound of one
("Polizeiangaben"), an adverb or a fragment, which a reader must not see as the speaker.
:func:`names_someone` tells those from persons, organisations, institutions and countries
by wordfreq's German word frequencies (shipped in its wheel: nothing is downloaded), CLDR's
country names (Babel) and the organisation, party, country, first-name and role lists of
:mod:`briefing.lang`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babel import Locale

from briefing.extract.quotes.lexicon import is_role
from briefing.lang import rows, word_set
from briefing.lang.de import OPENING_PARTICLES

# wordfreq's small list: every threshold here is at Zipf 3 or up.  On its scale 7 is "der", 4 a common noun
# ("Angaben" 4.9: COMMON_ZIPF), under 3 rare words and most names.
from briefing.lang.frequency import COMMON_ZIPF, compound_of_common_word, zipf

# Below this a capitalised word is a name or a rare compound, never a function word.
RARE_ZIPF = 3.0

_WORD = re.compile(r"\w+")
# A word as TextWords finds it: lowercase-initial word characters; capital-initial word characters and hyphens.
_LOWER_WORD_FORM = re.compile(r"[a-zäöüß]\w*")
_CAP_WORD_FORM = re.compile(r"[A-ZÄÖÜ][\w-]*")
_CAPITAL = re.compile(r"[A-ZÄÖÜ]")
_WORD_CHAR = re.compile(r"\w")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_NAME_QUOTES = "„“”\"»«‚‘’'"


@cache
def _organisation_words() -> frozenset[str]:
    """Organisations and parties as written (case matters: "Linke" the party, "linke" not)."""
    return frozenset(r[0] for name in ("organisations.txt", "parties.txt") for r in rows(name))


@cache
def _country_words() -> frozenset[str]:
    """Country and bloc names, lowercased: CLDR's German territory names, the countries and demonyms lists."""
    cldr = {n.lower() for n in Locale("de").territories.values()}
    return frozenset(cldr | word_set("countries.txt") | word_set("demonyms.txt"))


@lru_cache(maxsize=16384)
def is_organisation(text: str) -> bool:
    """An organisation, party or institution of the lexicons (the phrase or any word of it)."""
    orgs = _organisation_words()
    return text in orgs or any(w in orgs for w in text.replace(",", " ").split())


@lru_cache(maxsize=16384)
def is_country(text: str) -> bool:
    """A country or bloc name (CLDR names, the countries lexicon), also in the genitive ("Frankreichs")."""
    countries = _country_words()
    words = text.lower().split()
    return any(w in countries or w.removesuffix("s") in countries for w in words)


def capitalised_words(text: str) -> list[str]:
    """The capitalised words of a phrase (the content a name or a role consists of)."""
    return [w for w in _WORD.findall(text) if w[:1].isupper()]


def _acronym(word: str) -> bool:
    return len(word) >= 2 and sum(ch.isupper() for ch in word) >= 2 and word[:1].isupper()


class TextWords:
    """What :func:`names_someone` asks of a document's text.

    Each question is answered for the one word asked about, by ``str.find`` over the text: an article
    asks about few words (none for most), and indexing every word of the text up front cost more
    than all the questions (a search of the whole text per speaker stays linear: one per word).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._before: dict[str, set[str]] = {}
        # names_someone's answers for this text (a name is asked about again: by the records, then by the
        # confidence features, and for each quotation of the same speaker)
        self.names: dict[str, bool] = {}

    def written_lowercase(self, word: str) -> bool:
        """Whether ``word`` occurs in lowercase in the text (an adjective, adverb or verb): as a whole word
        starting with a lowercase letter, not right after a hyphen ("US-amerikanisch" is no "amerikanisch")."""
        low = word.lower()
        if not _LOWER_WORD_FORM.fullmatch(low):
            return False
        text, n = self.text, len(low)
        p = text.find(low)
        while p != -1:
            if (p == 0 or not _WORD_OR_HYPHEN.match(text, p - 1)) and not _WORD_CHAR.match(text, p + n):
                return True
            p = text.find(low, p + 1)
        return False

    def capitalised_before(self, word: str) -> set[str]:
        """The capitalised words written right before ``word`` in the text ("Reinhold" Gall), one space
        between: of the word before, the part from its first capital ("Ex-Kanzlerin" of "ex-Kanzlerin")."""
        found = self._before.get(word)
        if found is not None:
            return found
        found = self._before[word] = set()
        if not _CAP_WORD_FORM.fullmatch(word):
            return found
        text, n = self.text, len(word)
        p = text.find(" " + word)
        while p != -1:
            if not _WORD_OR_HYPHEN.match(text, p + 1 + n):
                b = p
                while b > 0 and _WORD_OR_HYPHEN.match(text, b - 1):
                    b -= 1
                cap = _CAPITAL.search(text, b, p)
                if cap is not None:
                    found.add(text[cap.start() : p])
            p = text.find(" " + word, p + 1)
        return found


def names_someone(name: str, words: TextWords) -> bool:
    """Whether a speaker name names someone: a person, an organisation, an institution or a
    country - not a common noun, adverb or fragment ("Angaben", "Demgegenüber", "Handels-").

    A name of two or more capitalised words, an acronym, a first name, a role title, an
    organisation or country of the lexicons passes.  A single word passes when the text also
    names it in full: after a first name, a role title or another rare capitalised word
    ("Reinhold Gall" ... "Gall", "Kanzlerin Merkel" ... "Merkel"); or when it is no common
    German word (wordfreq), never written lowercase in the text and not a compound of a
    common German word.

    Args:
        name: the speaker name as the quotation shows it.
        words: the document's text, indexed (it remembers the answers).
    """
    known = words.names.get(name)
    if known is None:
        known = words.names[name] = _names_someone(name, words)
    return known


def _names_someone(name: str, words: TextWords) -> bool:
    word = _judged_alone(name)
    if isinstance(word, bool):
        return word
    first_names = word_set("first_names.txt")
    if any(
        before.lower() in first_names or is_role(before) or (zipf(before) < RARE_ZIPF and not _acronym(before))
        for before in words.capitalised_before(word)
    ):
        return True
    # Named alone: a word that is no common German word and never written lowercase here - a
    # name (Merz, Selenskyj, Reuters) unless it is a compound of a common German word
    # ("Polizeiangaben", "Demgegenüber").
    if zipf(word) >= COMMON_ZIPF or words.written_lowercase(word):
        return False
    return not compound_of_common_word(word)


@lru_cache(maxsize=16384)
def _judged_alone(name: str) -> bool | str:
    """:func:`names_someone`'s answer where the name alone tells it (by its words and the lexicons); else
    the one capitalised word the document's text must judge.  (The same names recur across documents:
    the answers by the name alone are remembered.)"""
    name = name.strip().strip(_NAME_QUOTES)
    first = name.split(maxsplit=1)[0] if name else ""
    if first in OPENING_PARTICLES and len(name.split()) >= 2:
        name = name[len(first) :].strip()  # "von der Leyen", "de Maizière": judged by the surname
        if name.split(maxsplit=1)[0] in ("der", "den", "dem"):
            name = name.split(maxsplit=1)[1] if len(name.split()) > 1 else ""
    if not name or name.endswith("-") or not name[:1].isupper():
        return False
    caps = capitalised_words(name)
    if not caps:
        return False
    if any(_acronym(w) for w in caps) or is_organisation(name) or is_country(name):
        return True
    first_names = word_set("first_names.txt")
    if any(w.lower() in first_names for w in caps):
        return True
    if len(caps) >= 2:
        return True
    word = caps[0]
    if is_role(word):
        return True  # a role title ("der Minister") denotes one person even unnamed
    return word
