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
from briefing.lang.de import NAME_PARTICLES, OPENING_PARTICLES, seats_of_government

# wordfreq's small list: every threshold here is at Zipf 3 or up.  On its scale 7 is "der", 4 a common noun
# ("Angaben" 4.9: COMMON_ZIPF), under 3 rare words and most names.
from briefing.lang.frequency import COMMON_ZIPF, compound_of_common_word, zipf

# Below this a capitalised word is a name or a rare compound, never a function word.
RARE_ZIPF = 3.0
# A single word this frequent (Zipf) that the text writes right after an article is a German noun, not a name
# ("der Sozialist" 3.1, "das Gremium", "der Prediger"); rarer words after an article are left to the rest.
NOUN_AFTER_ARTICLE_ZIPF = 2.5
# The articles among determiners.txt: after a possessive or quantifier the rest of the tests judge the word.
_ARTICLES = frozenset(["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "einer"])

_WORD = re.compile(r"\w+")
# A word as TextWords finds it: lowercase-initial word characters; capital-initial word characters and hyphens.
_LOWER_WORD_FORM = re.compile(r"[a-zäöüß]\w*")
_CAP_WORD_FORM = re.compile(r"[A-ZÄÖÜ][\w-]*")
_CAPITAL = re.compile(r"[A-ZÄÖÜ]")
_WORD_CHAR = re.compile(r"\w")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_NAME_QUOTES = "„“”\"»«‚‘’'"
# A parenthesis in a name: the party or acronym after a person or body ("Heribert Rech (CDU)").
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
# What opens a sentence before a word: the text's start, or an end mark, a colon or a line break, then
# spaces, quotation marks and brackets.
_SENTENCE_OPENING = re.compile(r"(?:\A|[.!?:\n])[\s„“”\"»«‚‘’'(\[–-]*\Z")
# Derivational suffixes of German adjectives and adverbs, the present participle and the -iert participle of
# -ieren verbs, with an inflection ending: "Reflexartig", "Höhnisch", "Schwulenfeindliche", "Kopfschüttelnd",
# "Thematisiert", "SPÖ-nahe".
_ADJECTIVE_FORM = re.compile(
    r"\w{2,}(?:artig|weise|lich|ig|isch|bar|sam|los|haft|mäßig|end|elnd|ernd|iert|nah|treu|kritisch|feindlich|freundlich)"
    r"(?:e|en|er|es|em)?"
)
# Inflection endings of German adjectives ("erste", "wenigen", "Berliner"), longest first.
_ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")
# The shortest German word taken as the head of a compound that heads a phrase with an attribute
# ("Opferzahl des Anschlags"; alone, such short tails end names: "Steinmeier" in "eier").
_SHORT_COMPOUND_TAIL = 4
# Case and number endings of German nouns ("des Wahltermins", "den Planungen").
_CASE_ENDINGS = ("es", "s", "en", "n", "e")
# Articles and prepositions that open a head noun's attribute: "Sprecher der Polizei", "Sichtweise von X".
_ATTRIBUTE_OPENERS = frozenset(("der", "des", "von", "vom"))
# Noun suffixes of abstract nouns, with their plural and genitive endings ("Beschuldigungen", "Spekulationen",
# "Erkenntnissen"): such a noun names an act, a state or a thing, never a person.
# (A first name may end so - "Dennis": -nis needs a longer stem.)
_ABSTRACT_NOUN = re.compile(r"(?:\w{3,}(?:ung|heit|keit|tion|ismus|ität)|\w{4,}nis)(?:en|se|sen|ses|s)?")
# The abstract noun suffixes no English word shares (names of bodies end in English "-tion": "Hoover
# Institution", "British Broadcasting Corporation").
_GERMAN_ABSTRACT_NOUN = re.compile(r"(?:\w{3,}(?:ung|heit|keit|ität)|\w{4,}nis)(?:en|se|sen|ses|s)?")
# Endings of German agent and person nouns (a generous test: a noun ending so may name people): agent nouns
# in -er/-ler/-iker ("Beobachter", "Wissenschaftler", "Kritiker"), -or ("Initiatoren"), -ist, -ant, -ent (not
# -ment), -loge, -nom, -eur, -är, -ling, the feminine -in, and adjectival nouns ("Abgeordnete", "Vorsitzende",
# "Verantwortliche", "Tatverdächtige").
_PERSON_NOUN = re.compile(
    r"\w{2,}(?:er|ern|erin|erinnen|or|oren|orin|ist|isten|istin|ant|anten|antin|(?<!m)ent|(?<!m)enten|entin"
    r"|loge|logen|login|nom|nomen|nomin|eur|eure|euren|eurin|är|äre|ären|ling|linge|lingen"
    r"|ierte|ierten|ierter|ete|eten|eter|ige|igen|iger|liche|lichen|licher|ende|enden|ender|ene|enen|ener"
    r")"
    # feminines formed with an umlaut, and the doctor, alone or in a compound: "Stadträtin", "Ärztin", "Notarzt"
    r"|\w*(?:[rR]ätin|[rR]ätinnen|[aA]rzt|[äÄ]rzte|[äÄ]rzten|[äÄ]rztin|[äÄ]rztinnen)"
)


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


@lru_cache(maxsize=16384)
def is_place(word: str) -> bool:
    """A country, bloc or seat of government ("Frankreichs", "Madrid", "Brüssel", "Kreml")."""
    return is_country(word) or word in seats_of_government()


def capitalised_words(text: str) -> list[str]:
    """The capitalised words of a phrase (the content a name or a role consists of)."""
    return [w for w in _WORD.findall(text) if w[:1].isupper()]


def _acronym(word: str) -> bool:
    return len(word) >= 2 and sum(ch.isupper() for ch in word) >= 2 and word[:1].isupper()


@cache
def _speaking_noun_pattern() -> re.Pattern[str]:
    """Nouns of groups, bodies and people (speaking_nouns.txt) and institution heads (institutions.txt), as
    word endings: a compound ends in one ("Regierungsmehrheit", "Stadtverwaltung", "Außenministerium")."""
    stems = {w.lower() for w in word_set("speaking_nouns.txt")} | {r[0].lower() for r in rows("institutions.txt")}
    alternatives = "|".join(re.escape(w) for w in sorted(stems, key=len, reverse=True))
    return re.compile(r"(?:" + alternatives + r")(?:e|en|n|s|es|ns)?\Z")


@cache
def _institution_pattern() -> re.Pattern[str]:
    """Institution heads (institutions.txt) as word endings, in any case: "Justizministeriums", "Bundesamts"."""
    heads = sorted({r[0].lower() for r in rows("institutions.txt")}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in heads) + r")(?:e|en|n|s|es)?\Z")


@cache
def _field_head_pattern() -> re.Pattern[str]:
    """Heads of institution names that take a "für" field (field_heads.txt), as word endings in any case."""
    heads = sorted({w.lower() for w in word_set("field_heads.txt")}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in heads) + r")(?:e|en|n|s|es)?\Z")


@lru_cache(maxsize=16384)
def takes_field(word: str) -> bool:
    """A word ending in the head of an institution name that names its field with "für" ("Landesamts",
    "Aufsichtsbehörde", "Gesellschaft"): not a body whose "für" is a verb's ("Regierung … sorgte für Aufsehen")."""
    return bool(_field_head_pattern().search(word.lower()))


@lru_cache(maxsize=16384)
def may_name_people(noun: str) -> bool:
    """Whether a capitalised noun may name a person, a group or a body: a role title, an expert, a producer
    of the news, a group or body noun (the lexicons, compounds included), or a noun whose ending is that of
    German agent and person nouns ("Beobachter", "Aktivisten", "Abgeordnete"). Generous on purpose: only a
    noun that surely names none is taken for no one."""
    low = noun.lower()
    bare = [low] + [low[: -len(e)] for e in ("s", "n", "en", "es", "e") if low.endswith(e) and len(low) > len(e) + 2]
    if any(is_role(w) or _listed_role(w) for w in bare) or _speaking_noun_pattern().search(low):
        return True
    # "FDP-Bundesrätin", "ZDF-Moderator": a compound with a name in front is the person its last part names
    return any(_PERSON_NOUN.fullmatch(w.rpartition("-")[2]) for w in bare) or is_country(noun)


@cache
def _other_role_stems() -> tuple[str, ...]:
    return tuple(r[0].lower() for name in ("expert_roles.txt", "non_actor_roles.txt") for r in rows(name))


def _listed_role(low: str) -> bool:
    """An expert or a producer of the news (their lexicons, matched like roles.txt: equal or compound)."""
    return low.endswith(_other_role_stems())


def hyphen_adjective(word: str) -> bool:
    """ "SPÖ-nahe", "US-amerikanische", "CDU-geführten": a compound adjective on a name (its last part is
    lowercase: a compound noun's is capitalised, "SPD-Fraktion"), which names no one - not the organisation."""
    head, sep, last = word.rpartition("-")
    return bool(
        sep
        and head
        and len(last) >= 4
        and last[:1].islower()
        and last.isalpha()
        and (zipf(last) >= RARE_ZIPF or _ADJECTIVE_FORM.fullmatch(last) is not None)
        and last.endswith(("e", "en", "er", "es", "em", "isch", "lich", "ig", "nah", "treu"))
    )


def _adjective_word(word: str) -> bool:
    """A capitalised word in the form of an inflected German adjective (an attributive adjective has an
    ending; an uninflected "Einzig" before a name is an adverb, outside the noun phrase): a compound
    adjective on a name, a derivational adjective suffix, or a stem that is a common word itself ("Erste",
    "Wenige", "Internationale", "Berliner")."""
    if hyphen_adjective(word):
        return True
    low = word.lower()
    for ending in _ADJECTIVE_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            stem = low[: -len(ending)]
            return bool(
                _ADJECTIVE_FORM.fullmatch(low) or zipf(stem) >= RARE_ZIPF or zipf(stem + "s") >= RARE_ZIPF
            )
    return False


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

    def right_after_article(self, word: str) -> bool:
        """Whether the text writes ``word`` right after an article ("der Sozialist", "des Gremiums" for
        "Gremium"; not "von der Leyen"): a common noun's company, which a name's is not ("Merz", "Selenskyj";
        an organisation written with its article is known to the lexicons). Stricter than
        :meth:`after_article`, which lets adjectives and any determiner stand before the word."""
        text, n = self.text, len(word)
        p = text.find(" " + word)
        while p != -1:
            end = p + 1 + n
            if not _WORD_CHAR.match(text, end) or any(
                text.startswith(e, end) and not _WORD_CHAR.match(text, end + len(e)) for e in _CASE_ENDINGS
            ):
                before = text[max(0, p - 16) : p].split()
                if before and before[-1].lower() in _ARTICLES and not (
                    len(before) > 1 and before[-2].lower() in NAME_PARTICLES  # "von der Leyen"
                ):
                    return True
            p = text.find(" " + word, p + 1)
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

    def only_sentence_initial(self, word: str) -> bool:
        """Whether the text writes ``word`` (capitalised, as a whole word) somewhere and only where a sentence
        opens: an adjective or adverb capitalised as an opener ("Reflexartig wies er ... zurück"), not a name,
        which the text also writes inside a sentence ("sagte Fröhlich")."""
        text, n = self.text, len(word)
        p, seen = text.find(word), False
        while p != -1:
            if (p == 0 or not _WORD_OR_HYPHEN.match(text, p - 1)) and not _WORD_OR_HYPHEN.match(text, p + n):
                if not _SENTENCE_OPENING.search(text, max(0, p - 8), p):
                    return False
                seen = True
            p = text.find(word, p + 1)
        return seen

    def after_article(self, word: str) -> bool:
        """Whether the text writes ``word`` after an article or another determiner, maybe with adjectives
        between ("das Fazit", "Die Kernaussage", "der großflächigen Zerstörung"): a common noun; a first name
        takes none."""
        dets = word_set("determiners.txt")
        text, n = self.text, len(word)
        p = text.find(" " + word)
        while p != -1:
            if not _WORD_OR_HYPHEN.match(text, p + 1 + n):
                before = text[max(0, p - 60) : p].split()
                for w in reversed(before[-3:]):
                    if w.lower() in dets:
                        return True
                    if not w[:1].islower():
                        break
            p = text.find(" " + word, p + 1)
        return False

    def capitalised_inside_sentence(self, phrase: str) -> bool:
        """Whether the text writes ``phrase`` inside a sentence (not where one opens): "die Deutsche Welle"
        keeps its capital there, a capitalised opener ("Erste Tests zeigten ...") does not."""
        text, n = self.text, len(phrase)
        p = text.find(phrase)
        while p != -1:
            if (p > 0 and not _WORD_OR_HYPHEN.match(text, p - 1) and not _WORD_OR_HYPHEN.match(text, p + n)
                    and not _SENTENCE_OPENING.search(text, max(0, p - 8), p)):
                return True
            p = text.find(phrase, p + 1)
        return False


def names_someone(name: str, words: TextWords, *, by_form: bool = True) -> bool:
    """Whether a speaker name names someone: a person, an organisation, an institution or a
    country - not a common noun, adverb or fragment ("Angaben", "Demgegenüber", "Handels-").

    A phrase whose head names no one does not (:func:`_head_names_no_one`: "Speicherung von
    Fingerabdrücken", "Erste Tests", "Beschuldigungen", "SPÖ-nahe"). Otherwise a name of two or
    more capitalised words, an acronym, a first name, a role title, an organisation or country of
    the lexicons passes.  A single word passes when the text also names it in full: after a first
    name, a role title or another rare capitalised word ("Reinhold Gall" ... "Gall", "Kanzlerin
    Merkel" ... "Merkel"); or when it is no common German word (wordfreq), never written lowercase
    in the text, no adjective or adverb that only opens sentences ("Reflexartig") and not a
    compound of a common German word ("Polizeiangaben", "des Wahltermins").

    Args:
        name: the speaker name as the quotation shows it.
        words: the document's text, indexed (it remembers the answers).
        by_form: judge a phrase's head and a word's form (False: only by the word lists and
            frequencies, for the antecedent of an anaphor - see :mod:`.records`).
    """
    key = name if by_form else "\0" + name
    known = words.names.get(key)
    if known is None:
        known = words.names[key] = _names_someone(name, words, by_form)
    return known


def _names_someone(name: str, words: TextWords, by_form: bool = True) -> bool:
    if " " in name and name in _organisation_words():
        return True  # a listed organisation's name of several words ("Rotes Kreuz", "Ärzte ohne Grenzen") as written
    if by_form and (_head_names_no_one(name, words) or _before_abstract_tail(name) is not None):
        return False
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
    if compound_of_common_word(word):
        return False
    if zipf(word) >= NOUN_AFTER_ARTICLE_ZIPF and words.right_after_article(word):
        return False  # "der Sozialist", "das Gremium": a German noun, rare as it is, not a name
    if not by_form:
        return True
    if _ADJECTIVE_FORM.fullmatch(word.lower()) and words.only_sentence_initial(word):
        return False  # an adjective or adverb opening a sentence ("Reflexartig"), rare enough to pass wordfreq
    # A common noun's compound in the genitive or plural ("des Wahltermins"); a body or medium stays
    # ("des Sozialministeriums", "des Fachmagazins").
    return may_name_people(word) or not any(
        compound_of_common_word(word[: -len(e)]) for e in _CASE_ENDINGS if word.endswith(e) and len(word) > len(e) + 5
    )


def _phrase_head(name: str, words: TextWords) -> tuple[str, str | None] | None:
    """The head noun of a speaker phrase and the phrase of its attribute, or None where the phrase is no
    noun phrase with one head (a name of several words, a coordination).

    German noun phrases put the head first among their capitalised words, after the adjectives
    ("Erste Tests", "Internationale Wahlbeobachter"); what follows "der/des/von" is its attribute
    ("Sichtweise von Innenminister Heribert Rech", "Sprecher der Polizei"). A capitalised adjective the text
    also writes inside a sentence is part of a proper name ("die Deutsche Welle"), not dropped."""
    toks = _PARENTHESIS.sub(" ", name).split()
    group: list[str] = []
    for tok in toks:
        if not tok[:1].isupper():
            break
        group.append(tok.strip(_NAME_QUOTES + ",;:"))
    rest = toks[len(group) :]
    if rest and (rest[0] not in _ATTRIBUTE_OPENERS or len(rest) < 2):
        return None
    if rest and rest[0] == "von" and len(group) == 1 and not (
        _ABSTRACT_NOUN.fullmatch(group[0].lower()) or words.after_article(group[0])
    ):
        return None  # "Kurt von Figura": a name's particle, not a noun's attribute ("das Fazit von Sandra Boser")
    while len(group) >= 2 and (
        hyphen_adjective(group[0])
        or (_adjective_word(group[0]) and not words.capitalised_inside_sentence(" ".join(group[:2])))
    ):
        group = group[1:]
    if len(group) != 1 or not group[0]:
        return None
    if not rest:
        return group[0], None
    # the attribute as written, a parenthesis kept ("des Bundeskriminalamtes (BKA)")
    _, _, attribute = name.partition(f" {rest[0]} ")
    return group[0], attribute.strip() or None


def _head_names_no_one(name: str, words: TextWords) -> bool:
    """Whether the head of a speaker phrase names no one ("Speicherung von Fingerabdrücken", "Erste Tests",
    "Beschuldigungen", "SPÖ-nahe"): a compound adjective on a name, an abstract noun (by its suffix), or - in a
    phrase of several words - a common German noun (wordfreq) that is no person, group or body noun, no
    organisation or country and not a name the text gives in full. A single word is judged by its form only
    here (a surname may be a common word too: :func:`_names_someone` asks the text)."""
    parsed = _phrase_head(name.strip().strip(_NAME_QUOTES), words)
    if parsed is None:
        return False
    head, attribute = parsed
    if hyphen_adjective(head):
        return True
    if "-" in head and _ABSTRACT_NOUN.fullmatch(head.rsplit("-", 1)[1].lower()) and not (
        is_organisation(head) or may_name_people(head)
    ):
        return True  # a compound's last part is its head: "Online-Durchsuchungen", "NATO-Erklärung"
    if (
        _acronym(head)
        or head.lower() in word_set("first_names.txt")
        or is_organisation(head)
        or is_country(head)
        or may_name_people(head)
    ):
        return False
    if any(
        before.lower() in word_set("first_names.txt") or is_role(before) for before in words.capitalised_before(head)
    ):
        return False  # named in full in the text ("Reinhold Gall")
    if _ABSTRACT_NOUN.fullmatch(head.lower()):
        return True
    if attribute is None and len(capitalised_words(_PARENTHESIS.sub("", name))) == 1:
        return False  # one word ("Verfassungsgerichtshof (VfGH)"): judged by the text (_names_someone)
    if zipf(head) >= RARE_ZIPF or compound_of_common_word(head):
        return True
    # A head with an attribute is no name ("Opferzahl des Anschlags", "Wasserstände des Flusses"): a shorter
    # or rarer German word ending it is its head too.
    return attribute is not None and any(
        zipf(head[k:]) >= RARE_ZIPF for k in range(2, len(head) - _SHORT_COMPOUND_TAIL + 1)
    )


def _before_abstract_tail(name: str) -> str | None:
    """The capitalised words before an abstract noun that ends them, where a name and the next phrase's
    noun were read as one ("Airbus Bestellungen", "Norbert Lammert Verzögerung der ..."): a name does not
    end in an abstract noun unless that noun names a body ("Bertelsmann Stiftung", "Süddeutsche Zeitung")."""
    toks = _PARENTHESIS.sub(" ", name.strip().strip(_NAME_QUOTES)).split()
    group: list[str] = []
    for tok in toks:
        if not tok[:1].isupper():
            break
        group.append(tok)
    if len(group) < 2 or is_organisation(" ".join(group)):
        return None
    last = group[-1].rsplit("-", 1)[-1]
    if not _GERMAN_ABSTRACT_NOUN.fullmatch(last.lower()) or may_name_people(group[-1]) or _adjective_word(group[-2]):
        return None
    return " ".join(group[:-1])


def named_in_attribute(name: str, words: TextWords) -> str | None:
    """The one a phrase whose head names no one names in its attribute: "Sichtweise von Innenminister
    Heribert Rech" -> "Innenminister Heribert Rech", "Pressemitteilung der ALA" -> "ALA"; or the name before
    an abstract noun read with it ("Airbus Bestellungen" -> "Airbus"). None when the head names someone or
    the attribute names no one ("Speicherung von Fingerabdrücken")."""
    before = _before_abstract_tail(name)
    if before is not None:
        return before if names_someone(before, words) else None
    parsed = _phrase_head(name.strip().strip(_NAME_QUOTES), words)
    if parsed is None or parsed[1] is None or not _head_names_no_one(name, words):
        return None
    attribute = parsed[1]
    toks = attribute.split()
    while toks and toks[0][:1].islower() and toks[0] not in OPENING_PARTICLES:
        toks = toks[1:]  # the adjectives of the attribute's own phrase ("des russischen Föderationsrates")
    attribute = " ".join(toks)
    if not attribute or not names_someone(attribute, words):
        return None
    if len(attribute.split()) == 1 and _common_noun_form(attribute):
        return None  # one word of a genitive: a common noun's ("des Fachmagazins", "des Kraftwerks") names no one
    return attribute


def _common_noun_form(word: str) -> bool:
    """A word that is, or whose form without a case ending is, a German word or a compound of a common one
    ("Fachmagazins", "Kraftwerks") - not an acronym, organisation, institution ("des Justizministeriums") or
    role of the lexicons."""
    if _acronym(word) or is_organisation(word) or _institution_pattern().search(word.lower()):
        return False
    stems = [word] + [word[: -len(e)] for e in _CASE_ENDINGS if word.endswith(e)]
    if any(is_role(stem) for stem in stems):
        return False  # a role title names one person ("des ehemaligen Richters")
    return any(zipf(stem) >= RARE_ZIPF or compound_of_common_word(stem) for stem in stems)


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


# ------------------------------------------------------------------ can the head of a speaker phrase speak?

# What heads a speaker phrase (issue 10: a speaker shown is a person, an organisation, institution or country,
# or a role phrase or pronoun resolved to one of them):
AGENT = "agent"  # a person, role, group, body, organisation, country, place, medium, or a name
STATEMENT = "statement"  # something said, written or published: a source noun, a speech act, a document
THING = "thing"  # any other common noun: "das Motiv", "Quellenlage", "der Tropensturm", "dieses Kriterium"
# Linking elements between the parts of a German compound ("Regierungs|sprecher", "Quellen|lage").
_LINKS = ("", "s", "es", "n", "en", "e", "er")
# The shortest first part and last part read when a compound is split into two German words (shorter
# tails than MIN_COMPOUND_TAIL are read only after a first part that is a German word itself: "Quellen|lage",
# not "Steinm|eier").
_COMPOUND_FIRST = 4
_COMPOUND_TAIL = 3
# Inflection endings a noun's tail may carry ("Sitzungsberichten", "Kriterien" is a form of its own).
_TAIL_ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern")
_NAME_STRIP = _NAME_QUOTES + ",;:.()[]"
# Person nouns the agent-noun endings of may_name_people leave out: participles used as nouns ("Angeklagte",
# "Beschuldigten", "Befragte") and feminine plurals ("Produzentinnen", "Zeuginnen").
_AGENT_FORM = re.compile(r"\w{3,}(?:gte|gten|gter|innen)")
# A frequent word is a German common noun when it is this much (Zipf) more frequent in German than in English
# and French: names travel between languages ("Sony", "Bush", "Amnesty"), German nouns do not ("Motiv").
GERMAN_MARGIN = 1.0


def common_compound(word: str) -> str | None:
    """The common German noun that ends a compound of two German words ("Quellenlage" -> "lage",
    "Stoffbänder" -> "bänder", "Tropensturm" -> "sturm"), or None: both parts must be words of wordfreq's
    list (Zipf 3 and up, the last one a common word), the first at least :data:`_COMPOUND_FIRST` letters
    long with a linking element ("Regierungs-").  Names are rarely two such words ("Steinmeier": "Steinm" is
    none; "Hartmann" is, but "mann" is a person noun, which the callers ask first)."""
    low = word.lower()
    for k in range(_COMPOUND_FIRST, len(low) - _COMPOUND_TAIL + 1):
        tail = low[k:]
        bare = [tail[: len(tail) - len(e)] for e in _TAIL_ENDINGS if tail.endswith(e) and len(tail) - len(e) >= 3]
        if not any(zipf(t) >= COMMON_ZIPF for t in [tail, *bare]):
            continue
        first = low[:k]
        if any(first.endswith(link) and zipf(first[: len(first) - len(link)]) >= RARE_ZIPF for link in _LINKS):
            return tail
    return None


def _statement_noun(word: str) -> bool:
    """A noun of something said, written or published, or a compound ending in one ("Angaben",
    "Polizeiangaben", "Zeugenaussagen", "Erklärung", "Bericht", "Homepage", "Argumentation")."""
    from briefing.extract.quotes.documents import document_noun
    from briefing.extract.quotes.lexicon import speech_act_nouns

    if document_noun(word) is not None:
        return True
    low = word.lower().rsplit("-", 1)[-1]
    nouns = speech_act_nouns()
    return any(low[k:] in nouns for k in range(0, max(1, len(low) - 4)))


def _media_noun(word: str) -> bool:
    low = word.lower()
    return any(low.endswith((n, n + "s", n + "es")) for n in word_set("media_nouns.txt"))


@cache
def _all_first_names() -> frozenset[str]:
    """First names of the hand-kept and the world list, lowercased."""
    return frozenset(r[0].lower() for name in ("first_names.txt", "first_names_world.txt") for r in rows(name))


@cache
def _org_kinds() -> tuple[str, ...]:
    return tuple(r[0].lower() for r in rows("org_kinds.txt"))


def _agent_word(word: str, words: TextWords) -> bool:
    """Whether a capitalised word names, or may name, someone: an acronym, a first name, a role title, a
    person, group or body noun (:func:`may_name_people`), an organisation, country or place, a medium, or a
    surname the text gives in full ("Reinhold Gall" ... "Gall")."""
    low = word.lower()
    if (
        _acronym(word)
        or low in _all_first_names()
        or is_role(word)
        or is_organisation(word)
        or is_country(word)
        or is_place(word)
        or may_name_people(word)
        or _media_noun(word)
        or low.endswith(_org_kinds())
        or _AGENT_FORM.fullmatch(low)
    ):
        return True
    return any(
        b.lower() in _all_first_names() or is_role(b) or (zipf(b) < RARE_ZIPF and not _acronym(b))
        for b in words.capitalised_before(word)
    )


def _common_word(word: str, words: TextWords) -> bool:
    """A German common noun by its frequency or form: frequent in German, not in English or French
    (wordfreq), a compound of a common word, an abstract noun by its suffix ("Argumentation",
    "Spekulationen"), or written lowercase in the text too."""
    low = word.lower()
    de = zipf(word)
    return bool(
        (de >= RARE_ZIPF and de - max(zipf(word, "en"), zipf(word, "fr")) >= GERMAN_MARGIN)
        or compound_of_common_word(word)
        or common_compound(word)
        or _ABSTRACT_NOUN.fullmatch(low)
        or words.written_lowercase(word)
    )


def speaker_head(text: str, words: TextWords) -> tuple[str, str | None] | None:
    """The head noun of a speaker phrase and the capitalised word right after it (a name in apposition:
    "Das Land Berlin", "Der Tropensturm Rita"), or None for a phrase without a capitalised word.  Articles,
    numbers and lowercase adjectives before the head are passed over, and a capitalised adjective before
    another capitalised word ("Erste Tests", "Internationale Wahlbeobachter")."""
    raw = _PARENTHESIS.sub(" ", text).split()
    # an abbreviation ends the head's group ("Dekret Nr. 14", "Forscher Dr. Heino Stoever")
    toks = [t.strip(_NAME_STRIP) if not (t.endswith(".") and len(t) <= 4) else "." for t in raw]
    dets = word_set("determiners.txt")
    k = 0
    while k < len(toks) and (not toks[k][:1].isupper() or toks[k].lower() in dets):
        if toks[k] and toks[k][-1:] == "," and k:
            return None
        k += 1
    group: list[str] = []
    while k < len(toks) and toks[k][:1].isupper():
        group.append(toks[k])
        k += 1
    while len(group) >= 2 and (
        hyphen_adjective(group[0])
        or (_adjective_word(group[0]) and not words.capitalised_inside_sentence(" ".join(group[:2])))
    ):
        group = group[1:]
    if not group:
        return None
    if _adjective_word(group[0]) and len(group) >= 2:
        return " ".join(group[:2]), None  # a proper name with its adjective ("die Deutsche Welle")
    return group[0], group[1] if len(group) > 1 else None


def head_kind(text: str, words: TextWords) -> str:
    """What heads a speaker phrase (a mention that is no pronoun, or a shown name): :data:`AGENT`,
    :data:`STATEMENT` or :data:`THING` (see there).  Generous to agents: only a head that is a German common
    noun and names no person, group, body or place is a statement or a thing.  A phrase with a quoted title
    ("die Zeitung „Die Welt“") or a head followed by a name ("Das Land Berlin", "die Nachrichtenseite
    Business Insider") names that one."""
    if any(q in text for q in "„“\"»«"):
        return AGENT
    parsed = speaker_head(text, words)
    if parsed is None:
        return AGENT  # nothing to judge by (a lowercase fragment is judged by names_someone)
    head, apposed = parsed
    if " " in head:
        return AGENT
    last = head.rsplit("-", 1)[-1]
    if _agent_word(head, words) or (last != head and last[:1].isupper() and _agent_word(last, words)):
        return AGENT
    if apposed is not None and (
        _agent_word(apposed, words)
        or not (words.written_lowercase(apposed) or _ABSTRACT_NOUN.fullmatch(apposed.lower()))
    ):
        return AGENT  # a noun before a name: "die Stadt Nürnberg", "der Flughafen Bremen", "Tropensturm Rita"
    if not _common_word(head, words) and not (last != head and _common_word(last, words)):
        return AGENT  # a rare word: a name
    return STATEMENT if _statement_noun(head) else THING


# Articles of other languages that open a title ("The Guardian", "Le Monde", "La Repubblica", "El País").
_TITLE_ARTICLES = frozenset(["the", "le", "la", "les", "el", "il", "lo"])


def names_no_agent(name: str, words: TextWords, anaphoric: bool = False, mention: str | None = None) -> bool:
    """Whether a speaker name names no one who can speak by its head (:func:`head_kind`): a phrase headed by
    a statement or a thing ("Dekret Nr. 72-186", "Teil der Bevölkerung", "Sichtweise von Innenminister
    Heribert Rech": the last names someone in its attribute, :func:`named_in_attribute`), or the antecedent
    of an anaphor that is an abstract noun ("Demnach" after "Spekulationen", "die" after "Argumentation").
    A single word read from a mention that opens with a determiner is judged by that mention ("Dieses
    Kriterium", "das Motiv": a name takes no "dieses"). Other single words are left to :func:`names_someone`,
    which asks the text (a surname may be a frequent German word: "Barth", "Schmid")."""
    toks = name.split()
    if toks and not toks[0][:1].isupper():
        return False  # a surname with its particle ("von der Leyen", "de Maizière"), not a noun phrase
    if len(toks) >= 2:
        if toks[0][:1].isupper() and toks[0].lower() in word_set("determiners.txt") | _TITLE_ARTICLES:
            return False  # an article kept in a name is part of a title ("Die Zeit", "The Guardian")
        return head_kind(name, words) != AGENT
    if anaphoric:
        return _ABSTRACT_NOUN.fullmatch(name.lower()) is not None and head_kind(name, words) != AGENT
    opening = mention.split(maxsplit=1)[0].lower() if mention and mention.strip() else ""
    if opening not in word_set("determiners.txt"):
        return False
    parsed = speaker_head(mention or "", words)
    return parsed is not None and parsed[0] == name.strip(_NAME_STRIP) and head_kind(mention or "", words) != AGENT
