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
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zäöüß]\w*")
_CAP_PAIR = re.compile(r"([A-ZÄÖÜ][\w-]*) (?=([A-ZÄÖÜ][\w-]*))")
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
    """What :func:`names_someone` asks of a document's text, each indexed in one pass (a
    search of the whole text per speaker would be quadratic on long documents)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: frozenset[str] | None = None
        self._before: dict[str, set[str]] | None = None

    def written_lowercase(self, word: str) -> bool:
        """Whether ``word`` occurs in lowercase in the text (an adjective, adverb or verb)."""
        if self._lower is None:
            self._lower = frozenset(_LOWER_WORD.findall(self.text))  # (no groups: findall gives the words)
        return word.lower() in self._lower

    def capitalised_before(self, word: str) -> set[str]:
        """The capitalised words written right before ``word`` in the text ("Reinhold" Gall)."""
        if self._before is None:
            self._before = {}
            for m in _CAP_PAIR.finditer(self.text):
                self._before.setdefault(m.group(2), set()).add(m.group(1))
        return self._before.get(word, set())


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
        words: the document's text, indexed.
    """
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
