"""Actors of one article: people (with role, country, party), countries and organisations.

Works on a blank German pipeline (no NER, no parser): names are found from
evidence that German news always gives for a new person — a first name from
the lexicon or a role title right before the name ("Kremlchef Wladimir Putin")
— and later mentions (surname alone, genitive, spelling variants, "der
Kremlchef", "der Franzose", "er"/"sie") are linked to the person found first.
When the loaded pipeline has entities, its PER spans are taken as names too
and its ORG spans as organisations.

Countries come from Babel's CLDR German territory names plus the lexicon
(short forms, capitals used as metonyms, adjectives, compound prefixes); a seat of
several ("Brüssel": EU or NATO) means the one the article names more often.
Organisations come from the lexicon and from evidence in the text (see
:meth:`ActorFinder.find_orgs`): parties by name, acronyms defined in brackets, the
owner in a role compound ("Hamas-Chef"), institutions with a named owner ("das
russische Außenministerium"), and names by their form: capitalised adjectives before an institution
head ("Statistisches Bundesamt"), a name after its kind ("die Gewerkschaft Verdi"), before a company
compound's hyphen ("Volkswagen-Konzern"), an unknown acronym with its name words ("die IG Metall");
``Actor.org_type`` tells party, company, institution ... A head of government named by a bare title
speaks for the one country named in its sentence or the one before.
A person's role and affiliation come from titles before the name ("Kremlsprecher",
"Frankreichs Präsident", "der CDU-Politiker") and appositions after it ("X, der Chef
der FIFA,"); a person found by surname only takes the full name written elsewhere.
People who produce the news (photographers, authors, correspondents) are never
actors. The component stores ``list[Actor]`` on ``doc._.briefing_actors``.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress

import numpy
from spacy.attrs import IDX, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from briefing.extract.docdata import ACTORS, ext_data
from briefing.extract.sentences import SENT_TOKENS_KEY, TEXT_KEY, TOKEN_ARRAY_ATTRS, TOKEN_ARRAY_KEY
from briefing.lang import rows, word_set
from briefing.lang.de import (
    GERMAN_PARTICLES,
    NAME_PARTICLES,
    OPENING_PARTICLES,
    PARTY_EPITHETS,
    SUBJECT_PRONOUNS,
    country_adjective,
    epithet_titles,
    seats_of_government,
)
from briefing.lang.frequency import common_german_word, compound_of_common_word, zipf
from briefing.lang.names import FUZZY_SURNAME_MIN, surnames_match
from briefing.lang.names import name_fold as fold
from briefing.models import Actor, Mention

# Words that coordinate two organisations ("Hamas und Fatah").
_COORDINATORS = frozenset(["und", "sowie", "oder"])
# A word coordinated with an organisation names one only if it is rarer than this in German (Zipf):
# "Fatah", "Hisbollah", but not "Ärzte", "Verluste", "Vertretern" ("Verbände und Ärzte").
COORDINATED_NAME_MAX_ZIPF = 3.6


# Signs of the common noun in a listed organisation's name that is also one ("Allianz"): a complement right
# after it ("die Allianz der Inselstaaten", "eine Allianz für Klimaschutz", "die Allianz aus Grünen und SPD"),
# an indefinite article before it ("eine Allianz").
_NOUN_COMPLEMENTS = frozenset({"der", "des", "für", "zur", "zum", "aus", "von", "zwischen", "gegen"})
# Links after such a noun before a complement that can hold a name ("Allianz zur Europäischen Integration").
_NAME_LINKS = frozenset({"der", "des", "für", "zur", "zum"})
_INDEFINITES = frozenset({"ein", "eine", "einer", "einen", "einem", "eines", "keine", "keiner", "keinen"})
# A complement "aus" names members only with more than one of them ("aus Grünen und SPD"; "aus München" is a seat).
_ENUMERATORS = frozenset({"und", "sowie", ","})
# Tokens after "aus" searched for an enumeration, and after "der"/"des" for the head of a dative object.
_COMPLEMENT_WINDOW = 6
# Legal forms after a company's name ("die Allianz SE"): the company, not the common noun.
_LEGAL_FORMS = frozenset({"AG", "SE", "GmbH", "KGaA", "Holding", "Group", "Konzern", "Gruppe"})


# Institution types a country has many of: "chinesische Unternehmen", "eine deutsche Stiftung" name no one.
_MANY_PER_COUNTRY = frozenset({"company", "association"})


def _coordinated_name(word: str) -> bool:
    """An acronym, or a rare word that is no compound of a common one ("Menschenrechtsgruppen")."""
    if word.endswith("-"):
        return False  # "Luft- und Raumfahrt"
    if word.isupper():
        return True
    return zipf(word) < COORDINATED_NAME_MAX_ZIPF and not compound_of_common_word(word)
# Tokens that end a clause inside a sentence (a pronoun's antecedent is in a clause before its own).
_CLAUSE_BOUNDARIES = frozenset([",", ";", ":", "–", "-", "(", ")", "„", "“", "”", '"', "»", "«"])
# Articles and possessives that never open a subject: accusative and dative masculine, dative feminine
# singular is left out ("der" is also the nominative).
_OBLIQUE_ARTICLES = frozenset(
    ["den", "dem", "einen", "einem", "seinen", "seinem", "ihren", "ihrem"]
)
# Words joining two persons into one phrase ("X und Y"), whom a singular pronoun cannot mean both of.
_PERSON_JOINERS = frozenset(["und", "sowie"])
# How many sentences back a pronoun may look for its person (current + previous ones).
PRONOUN_SENTENCE_WINDOW = 2
# A credit marker ("Foto:", "AUTOREN") blocks names starting within this many tokens after it.
CREDIT_WINDOW = 4
# After "Foto:", "Bildrechte:" the rest of the line is the credit ("picture alliance / dpa | Michael
# Kappeler"), up to this many words.
CREDIT_LINE_WINDOW = 12
# A name run after a role title or first name holds at most this many first/middle names.
MAX_FIRST_NAMES = 3
# A noun suffix marks a common noun only after a stem of at least this many letters ("Jung" is a name).
MIN_NOUN_STEM = 3
# A name after a title without a known first name: at most this many tokens, particles included
# ("Jaap de Hoop Scheffer").
MAX_TITLED_NAME_TOKENS = 5
# Tokens between a role title and a genitive complement and the name ("Sprecherin des
# Außenministeriums, Marija Sacharowa", "Präsident des Instituts der deutschen Wirtschaft, Michael Hüther"):
# article, a genitive of up to five words, comma.
APPOSITION_WINDOW = 8
# Determiners of one person: before a party's plural name ("Demokraten", "Grünen") they make it one member.
_ONE_MEMBER = frozenset(["ein", "einem", "einen", "eines", "kein", "keinem", "keinen", "keines", "jeder", "jedem",
                         "jeden", "jedes"])
# The words of an organisation's name before the one a title is hyphenated to ("Human Rights Watch-Sprecher").
MAX_NAME_WORDS_BEFORE_HYPHEN = 3
# ... and no clause or quotation boundary between them.
_APPOSITION_STOPS = frozenset({".", ",", ":", ";", "„", "“", "”", '"', "»", "«"})
# Particles inside a name found without a first name we know: not the German articles ("Doktorand der
# Philosophie"), but "von" and the foreign ones ("Kurt von Figura", "Abdalla al Badri").
_INNER_PARTICLES = NAME_PARTICLES - (GERMAN_PARTICLES - {"von"})
# After a title, "X von Y", "X zu Y", "X von der Y" is one name when Y is a rare word ("Personalvorstand Tessen
# von Heydebreck", "Minister Karl-Theodor zu Guttenberg"); a common one is where X comes from or goes ("Sprecher
# Meier von Siemens", "Ministerin Berg zur Konferenz").
NOBLE_SURNAME_MAX_ZIPF = 3.0
# A word a noun list holds may still be a surname right after a first name ("Schlein", "Oberländer", "Clement":
# Zipf 0-3.1) unless it is this common in German ("Gesellschaft" 5.3).
SURNAME_NOUN_MAX_ZIPF = 4.5
# The German particles that open a surname ("von der Leyen", "zu Guttenberg"); "der", "den" only after them.
_NOBLE_OPENERS = frozenset(["von", "zu"])
# The articles of German noble names ("von der Leyen", "von den Driesch"): after "von" only.
_NOBLE_ARTICLES = frozenset(["der", "den"])
# An institution's name complement ("für Migration und Flüchtlinge") has at most this many words.
MAX_INSTITUTION_COMPLEMENT = 4
# Institution heads named by the place they sit in ("das Landgericht Passau", "die Staatsanwaltschaft Coburg",
# "das Landratsamt Ebersberg", "die Polizei Rosenheim", "die Universität Bamberg"): with a place name after them
# they are one institution with a name of its own, as "das Gericht" alone is none.
_SEAT_HEADS = ("gericht", "staatsanwaltschaft", "polizei", "amt", "universität", "behörde", "feuerwehr")
# From this frequency a word German also uses as a common word ("Klage" 4.3) needs the text to use it as a
# place elsewhere ("in Kassel"); a town of the size of Straubing (3.6) is rarer than any such word.
SEAT_COMMON_ZIPF = 4.0
_SEAT_FORMS = tuple(h + e for h in _SEAT_HEADS for e in ("", "s", "es"))  # the head in the singular
# A place name after such a head is no word this common in German ("das Landgericht Montag" is none: a date).
SEAT_NAME_MAX_ZIPF = 5.0
@functools.cache
def _seat_preceders() -> frozenset[str]:
    """Words after which an institution's article opens a phrase of its own: prepositions and subordinators."""
    return word_set("prepositions.txt") | word_set("subordinators.txt")


# Institution heads named by what they are for ("Bundesamt für Migration", "Behörde für Meteorologie");
# a government is not ("die Regierung sorgte für Aufsehen").
_NAMED_FOR_HEADS = ("amt", "ministerium", "behörde", "agentur", "anstalt", "institut", "zentrum", "zentrale",
                    "kommission", "ausschuss", "stiftung", "verband")
# Capitalised adjectives that open an organisation's name ("Christlich Demokratische Union"): at most this many.
MAX_NAME_ADJECTIVES = 2
# Adjective suffixes of German (-isch, -lich, -ig ...): a capitalised word of this form before an institution
# head inside a sentence opens its name ("das Statistische Bundesamt", "das Auswärtige Amt").
_ADJECTIVE_SUFFIXES = ("isch", "lich", "ig", "al", "ell", "iv", "är", "bar", "sam", "haft", "los")
# Declension endings of an adjective, longest first, and the strong nominative ending by the head's gender
# (a name stands without article: "Statistisches Bundesamt", "Deutscher Wetterdienst", "Junge Union").
_ADJECTIVE_INFLECTIONS = ("en", "em", "er", "es", "e")
_NOMINATIVE_ENDING = {"m": "er", "f": "e", "n": "es", "p": "e"}
# Names that open with these adjective stems or this compound part belong to several states: "Europäische
# Zentralbank", "Internationale Atomenergiebehörde", "Weltgesundheitsorganisation".
_INTERNATIONAL_STEMS = ("europäisch", "international")
_INTERNATIONAL_PREFIX = "welt"
# Types of an institution head that may stand before its name in apposition ("die Gewerkschaft Verdi", "der
# Sozialverband VdK"); a state body before a name is not named by it ("die Regierung Merz", "Kabinett Scholz").
# A word before the hyphen of a company compound at least this frequent in German (Zipf) is a common noun
# even when other languages know it too ("Energie-Konzern": French "energie"); "Siemens" is 4.1.
HYPHEN_NAME_MAX_ZIPF = 4.5
# An agency before a name is mostly named by its place ("das Landeskriminalamt Nordrhein-Westfalen").
_NAMED_BY_APPOSITION = frozenset({"company", "association", "party"})
# Tokens before a capitalised adjective after which a capital may open a sentence or a title, not a name.
_NAME_BREAKS = frozenset({":", "„", "“", "”", "»", "«", '"', "–", "-"})
# A compound part before an institution head has at least this many letters ("Presseamt", not "Beamt").
MIN_COMPOUND_PART = 3
# The finite forms of "halten" that with "für" report a view ("hält das Ziel für unrealistisch").
_HOLDS = frozenset({"hält", "hielt", "halten", "hielten", "halte"})
# A name introduced by an apposition ("Ismail Hanija, der Chef der Hamas") has at most this many words.
MAX_APPOSITION_NAME_TOKENS = 4
# Upper bound on distinct people per document, so that a 5 MB text stays linear.
MAX_PERSONS = 500
DETERMINERS = frozenset({"der", "die", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines"})
# The tokens of a sentence's opening whose organisation owns a bare title opening the next ("Die
# Menschenrechtsorganisation Pro Asyl kritisierte ...").
OPENING_SUBJECT_TOKENS = 5
# The definite articles a title opening its sentence as its subject may stand after ("Die Fraktionsvorsitzende X").
_DEFINITE_SUBJECT_ARTICLES = frozenset({"der", "die"})
_OWNING_TYPES = frozenset(["company", "association", "party"])
# Words after a titled name that bring in its owner ("Sprecherin Anna Kolb von der Gewerkschaft Verdi").
_OWNER_AFTER_NAME = frozenset({"von", "vom", "des", "beim"})
# A byline's line holds names, commas and these lowercase words only ("Von Anna Berg und Jan Ott", "von der").
_BYLINE_LOWERCASE = NAME_PARTICLES | DETERMINERS | {"und"}
_SENTENCE_MARKS = frozenset([".", "!", "?", ":", ";"])
_ARTICLES = DETERMINERS | {"das"}
# After these articles an adjective ends in -en ("des Statistischen", "dem Deutschen", "einem Neuen").
_WEAK_EN_ARTICLES = frozenset({"des", "dem", "den", "eines", "einem", "einen"})
# Institution types a country owns ("die Regierung Frankreichs", "das Ministerium"), unlike associations.
_STATE_INSTITUTIONS = frozenset({"institution", "agency"})
# Foreign particles that open a surname with a capital ("Van der Bellen", "Le Pen", "Di Maio", "Da Silva").
_CAPITAL_PARTICLES = OPENING_PARTICLES - GERMAN_PARTICLES
# Role titles that end so refer to the head of whatever their first part names ("Kremlchef", "Staatschef").
_EPITHET_ENDINGS = ("chef", "chefin")
# Articles that open a role's genitive complement ("Sprecher des …", "Chefin der …", "Präsident vom …").
_COMPLEMENT_ARTICLES = frozenset({"des", "der", "vom"})
# Role titles that name a counterpart ("sein polnischer Kollege", "ihre Amtskollegin"): they give the person's
# country or organisation but say nothing of the office, so they are not shown as the person's role.
_COUNTERPART_ROLES = ("kollege", "kollegin")
# Definite articles, and prepositions fused with one, before an institution that names one institution ("des
# Instituts für Weltwirtschaft", "vom Verband kommunaler Unternehmen"; "ein Institut für …" is any of many).
_DEFINITE_OPENERS = frozenset({"der", "die", "das", "den", "dem", "des", "vom", "im", "am", "beim", "zum", "zur"})
# Words before a capitalised word that make it a noun, not a first name ("im Pontifikat Benedikt").
_NOUN_OPENERS = DETERMINERS | frozenset({"das", "im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "aufs"})
PRONOUNS = {"er": "m", "sie": "f"}
_COMMA_OR_BRACKET = frozenset({",", "["})
_MARKS = _COMMA_OR_BRACKET | {"("}  # what opens an acronym in brackets or a name after a comma
_COUNTRY_LABELS = frozenset({"COUNTRY", "METONYM"})
# Words that open a subordinate clause after a comma: its content is what the main clause's subject speaks about.
_CLAUSE_OPENERS = frozenset({"dass", "ob"}) | word_set("subordinators.txt")
# Whose a possessive's role is: an organisation, party or country of the sentence before.
_OWNER_LABELS = frozenset({"ORG", "COUNTRY", "METONYM"})
# The gender of a role that declines like an adjective, by its article and whether it ends in -n:
# "der Vorsitzende", "des/dem/den Vorsitzenden" are men; "die/eine Vorsitzende", "der Vorsitzenden" women.
_ADJECTIVAL_ROLE_GENDER = {
    ("der", False): "m", ("des", True): "m", ("dem", True): "m", ("den", True): "m",
    ("die", False): "f", ("eine", False): "f", ("der", True): "f", ("einer", True): "f",
}
_ADJECTIVAL_ARTICLES = frozenset(a for a, _ in _ADJECTIVAL_ROLE_GENDER)
CONTEXT_ROLES = frozenset({
    "sprecher", "sprecherin", "minister", "ministerin", "botschafter", "botschafterin", "gesandter", "gesandte",
    "sondergesandter", "sondergesandte", "diplomat", "diplomatin", "beauftragter", "beauftragte",
})
# Of those, the ones only a government has (a "Sprecher" speaks for parties and companies too).
_GOVERNMENT_OFFICIALS = frozenset({
    "minister", "ministerin", "botschafter", "botschafterin", "gesandter", "gesandte", "sondergesandter",
    "sondergesandte",
})
# Heads of a government or state named by a bare title ("Regierungschefin Giorgia Meloni") speak for the one
# country the sentence or the sentence before names ("Italien stimmte zu. Regierungschefin ...", "... in Madrid").
HEAD_ROLES = frozenset({
    "regierungschef", "regierungschefin", "ministerpräsident", "ministerpräsidentin", "premierminister",
    "premierministerin", "premier", "staatschef", "staatschefin", "staatspräsident", "staatspräsidentin",
    "präsident", "präsidentin",
})
# A "Präsident" heads associations and courts too: his country only when no organisation is near.
_ORG_HEAD_ROLES = frozenset({"präsident", "präsidentin"})
# In Germany a "Ministerpräsident" heads a Land, not the country: "Ministerpräsident Söder in Berlin" is no
# head of Germany's government.
_LAND_HEAD_ROLES = frozenset({"ministerpräsident", "ministerpräsidentin"})
_LAND_HEAD_COUNTRY = "Deutschland"
# Government offices whose holder's party tells the country ("Wirtschaftsministerin Katherina Reiche (CDU)").
MINISTER_ROLES = frozenset({"minister", "ministerin"})
DATELINE_MARKS = frozenset({"(", "|", "–", "-", "/", "taz"})
INFLECTION_ENDINGS = ("", "s", "es", "n", "en")
ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
_LINK_PREFIX = re.compile(r"^(?:\[?\d+\])+\[?")  # "[2][Maria" -> "Maria" (markdown link residue)
_LINK_START = frozenset("[0123456789")
_INITIAL = re.compile(r"[A-ZÄÖÜ]\.$")  # a middle initial
# A surname of capitalised parts: "McNamara", "MacDonald", "DeSantis", "O’Leary".
_CAMEL_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{0,2}(?:['’]?[A-ZÄÖÜ][a-zäöüß]{2,})+$")
_CAPS_EXTRA = frozenset("[0123456789©")
# An acronym in brackets: a capital, then 1-7 letters of which at least one more is a capital ("WHO", "AfD").
_ACRONYM = re.compile(r"[A-ZÄÖÜ](?=[A-Za-zÄÖÜ]{1,7}$)[A-Za-zÄÖÜ]*[A-ZÄÖÜ][A-Za-zÄÖÜ]*$")
# Lowercase words inside the long form of an acronym ("Bundesamt für Migration und Flüchtlinge").
_LONG_FORM_LINKS = frozenset({"für", "der", "des", "und", "von", "zur", "zum", "of", "for", "the", "de"})
# The long form of an acronym is at most this many tokens ("Organisation für Sicherheit und Zusammenarbeit in Europa").
MAX_LONG_FORM_TOKENS = 8
# The article before an adjective inside such a long form, and the adjective's endings.
_GENITIVE_ARTICLES = frozenset({"der", "des"})
_ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")
_SPAN = operator.methodcaller("span")  # a match's (start, end)
# German „…“ and »…«, Swiss «…» (tried where it opens, so that the text between two Swiss quotations is never
# read as one German »…« quotation), straight "…".
_QUOTE_REGION = re.compile(r"„[^“”\"]{0,2000}[“”\"]|«[^»]{0,2000}»|»[^«]{0,2000}«|\"[^\"\n]{0,2000}\"")


# ---------------------------------------------------------------- lexicons


# A shared title's country is the one of its candidates the article names at least this many times as often as
# any other (shared_titles.txt): "the article's country", not a country it mentions along the way.
SHARED_TITLE_DOMINANCE = 2
# A country sign this many tokens or fewer before another person's name is that person's title's ("den Schweizer
# Außenminister Cassis"), no sign of a shared title's country for someone else in the sentence.
OTHER_TITLE_TOKENS = 3
# Compound parts before a title that qualify its holder, not the office ("Vizekanzler", "Altkanzler"): the
# country the bare title implies stays. Any other part makes another office ("Schatzkanzler" is Britain's,
# "Verwaltungsratspräsident" heads a board, "Nationalratspräsident" a parliament: no EU "Ratspräsident").
_HOLDER_PREFIXES = ("vize", "alt", "ex", "interims")
# Compound prefixes of country_adjectives.txt that several countries use for their federal bodies ("Bundesamt",
# "Bundeskriminalamt"): the country they give is a default, no sign of the article's country.
_SHARED_PREFIXES = frozenset({"bundes"})


_TENURE_ENDINGS = ("em", "en", "er", "es", "e")


@functools.cache
def _team_roles() -> frozenset[str]:
    """Roles in a sports team (team_roles.txt): the federal prefix before one names no state's office."""
    return frozenset(word_set("team_roles.txt"))


@functools.cache
def _federal_level_roles() -> frozenset[str]:
    """Offices of an organisation's federal level (federal_level_roles.txt): "Bundesvorsitzende" names no
    state's office."""
    return frozenset(word_set("federal_level_roles.txt"))


def _tenure_stem(word: str) -> str | None:
    """The stem of an inflected adjective of tenure ("frühere" -> "früher", "ehemaligen" -> "ehemalig"), None
    for any other word (tenure_adjectives.txt)."""
    stems = word_set("tenure_adjectives.txt")
    for ending in _TENURE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)] in stems:
            return word[: -len(ending)]
    return None


@dataclass(frozen=True)
class RoleInfo:
    text: str  # nominative as written, compound prefix kept ("US-Präsident")
    stem: str
    gender: str | None
    affiliation: str | None
    kind: str  # role | expert | producer


@dataclass
class Lexicon:
    first_names: dict[str, str]
    roles: dict[str, tuple[str, str | None, str]]  # stem -> (gender, affiliation, kind)
    role_lengths: tuple[int, ...]
    countries: dict[str, str]  # surface -> canonical
    organisations: dict[str, tuple[str, str | None]]  # surface -> (canonical, affiliation)
    metonyms: dict[str, str]  # surface -> canonical, or "A|B" for the seat of several (Brüssel: EU|NATO)
    adjectives: dict[str, str]  # lowercase stem -> canonical
    prefixes: dict[str, str]  # compound prefix (lowercase, "us-", "bundes") -> canonical
    demonyms: dict[str, tuple[str, str]]
    parties: frozenset[str]
    party_names: dict[str, str]  # an inflected form -> the party's name ("Grünen" -> "Grüne")
    party_countries: dict[str, str]  # a party's name -> the country it sits in ("SPD" -> "Deutschland")
    not_names: frozenset[str]
    noun_suffixes: tuple[str, ...]
    credit_markers: frozenset[str]
    prepositions: dict[str, frozenset[str]]
    org_types: dict[str, str] = field(default_factory=dict)  # canonical organisation -> type
    institutions: dict[str, str] = field(default_factory=dict)  # head noun -> type ("-": never an actor)
    head_genders: dict[str, str] = field(default_factory=dict)  # head noun -> m, f, n or p (plural)
    org_kinds: dict[str, str] = field(default_factory=dict)  # noun for a kind of company ("autobauer") -> type
    name_adjectives: frozenset[str] = frozenset()  # short adjective stems of names ("jung": "Junge Union")
    # titles several countries give the same name (shared_titles.txt): (start, end, countries); an entry
    # without "*" has the whole title as start and an empty end
    shared_titles: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    agencies: dict[str, str] = field(default_factory=dict)  # a national news agency's credit -> its country
    # listed organisations whose one-word name is also a common German noun ("Allianz"; generated file)
    common_noun_orgs: frozenset[str] = frozenset()
    _kind_cache: dict[str, str | None] = field(default_factory=dict)
    _kind_suffixes: tuple[str, ...] = ()
    _never_suffixes: tuple[str, ...] = ()
    cache: dict[str, RoleInfo | None] = field(default_factory=dict)
    _inst_cache: dict[str, tuple[str, str, str] | None] = field(default_factory=dict)
    _inst_suffixes: tuple[str, ...] = ()
    _adj_cache: dict[str, str | None] = field(default_factory=dict)  # word -> adjective() answer
    _role_tails: frozenset[str] | None = None  # the last len(shortest role) letters of every role

    # (computed on first use and kept in fields, not by functools.cached_property: a class compiled by
    # mypyc has no instance __dict__, and there a cached_property computed its value on every read; and
    # mypyc leaves a field with init=False unset, so these are parameters nobody passes)
    _country_names: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _compound_forms: dict[str, tuple[str, ...]] | None = field(default=None, repr=False, compare=False)

    def country_names(self) -> frozenset[str]:
        """The canonical names of countries (not blocs: a metonym "Brüssel" may mean the EU)."""
        names = self._country_names
        if names is None:
            names = self._country_names = frozenset(self.countries.values()) | frozenset(
                c for v in self.metonyms.values() for c in v.split("|") if c in self.countries.values())
        return names

    @property
    def compound_forms(self) -> dict[str, tuple[str, ...]]:
        """Canonical country or organisation -> the surface forms that name it ("NATO": "NATO", "Nato")."""
        forms = self._compound_forms
        if forms is None:
            out: dict[str, set[str]] = {}
            for surface, canon in self.countries.items():
                out.setdefault(canon, set()).add(surface)
            for surface, (canon, _) in self.organisations.items():
                out.setdefault(canon, set()).add(surface)
            forms = self._compound_forms = {k: tuple(sorted(v)) for k, v in out.items()}
        return forms

    def kind_cache(self) -> dict[str, str | None]:
        """Word -> :meth:`org_kind` answer, as far as asked; emptied past a bound so it cannot grow forever."""
        if len(self._kind_cache) > _FORM_CACHE_MAX:
            self._kind_cache.clear()
        return self._kind_cache

    def org_kind(self, word: str) -> str | None:
        """The type a noun for a kind of company gives the name after it ("Autobauer", "Energiekonzerns"),
        looked up once per word and process (most words end in no kind: one C-level endswith says so)."""
        cache = self._kind_cache
        if word in cache:
            return cache[word]
        if not self._kind_suffixes:
            self._kind_suffixes = tuple(k + e for k in self.org_kinds for e in INFLECTION_ENDINGS)
        low, found = word.lower(), None
        if low.endswith(self._kind_suffixes):
            for ending in INFLECTION_ENDINGS:
                if ending and not low.endswith(ending):
                    continue
                base = low[: len(low) - len(ending)] if ending else low
                kinds = [k for k in self.org_kinds if base.endswith(k)]
                if kinds:
                    found = self.org_kinds[max(kinds, key=len)]
                    break
        cache[word] = found
        return found

    def never_actor(self, text: str) -> bool:
        """Does ``text`` end in a head that is never an actor, hyphen or not ("Presse-Agentur")?"""
        if not self._never_suffixes:
            self._never_suffixes = tuple(h + e for h, kind in self.institutions.items() if kind == "-"
                                         for e in INFLECTION_ENDINGS)
        return text.lower().replace("-", "").endswith(self._never_suffixes)

    def may_be_institution(self, text: str) -> bool:
        """Cheap pre-check (one C-level endswith): could ``text`` end in an institution head?"""
        if not self._inst_suffixes:
            self._inst_suffixes = tuple(h + e for h in self.institutions for e in INFLECTION_ENDINGS)
        return text.lower().endswith(self._inst_suffixes)

    def institution_cache(self) -> dict[str, tuple[str, str, str] | None]:
        """Word -> :meth:`institution` answer, as far as asked; emptied past a bound so it cannot grow forever."""
        if len(self._inst_cache) > _FORM_CACHE_MAX:
            self._inst_cache.clear()
        return self._inst_cache

    def institution(self, text: str) -> tuple[str, str, str] | None:
        """(nominative, compound prefix, type) when ``text`` ends in an institution head ("Außenministeriums"
        -> ("Außenministerium", "Außen", "institution"), "US-Regierung" -> (.., "US-", ..)), else None."""
        if text in self._inst_cache:
            return self._inst_cache[text]
        found = None
        if text[:1].isupper() and text.replace("-", "").isalpha() and self.may_be_institution(text):
            low = text.lower()
            for ending in INFLECTION_ENDINGS:
                base = low[: len(low) - len(ending)] if ending else low
                if ending and not low.endswith(ending):
                    continue
                heads = [h for h in self.institutions if base.endswith(h)]
                joined = base.replace("-", "")
                if heads and joined != base and any(
                        joined.endswith(h) for h, k in self.institutions.items() if k == "-"):
                    break  # "Presse-Agentur" is a "Presseagentur": a news agency, never an actor
                if heads:
                    head = max(heads, key=len)
                    kind = self.institutions[head]
                    nominative = text[: len(text) - len(ending)] if ending else text
                    prefix = nominative[: len(nominative) - len(head)]
                    # "Beamten" ends in "amt" after a two-letter stem; a real compound part is longer
                    if kind != "-" and (not prefix or prefix.endswith("-") or len(prefix) >= MIN_COMPOUND_PART):
                        found = (nominative, prefix, kind)
                    break
        self._inst_cache[text] = found
        return found

    def role(self, text: str) -> RoleInfo | None:
        """The role a token names ("Präsidenten" -> Präsident, "US-Präsident" -> USA), or None."""
        if text in self.cache:
            return self.cache[text]
        info = self._role(text)
        self.cache[text] = info
        return info

    def _role(self, text: str) -> RoleInfo | None:
        if not text[:1].isupper() or not text.replace("-", "").isalpha():
            return None
        low = text.lower()
        if self._role_tails is None:
            self._role_tails = frozenset(r[-self.role_lengths[-1] :] for r in self.roles) if self.roles else frozenset()
        tails, shortest = self._role_tails, self.role_lengths[-1] if self.role_lengths else 0
        for ending in INFLECTION_ENDINGS:
            if ending and not low.endswith(ending):
                continue
            base = low[: len(low) - len(ending)] if ending else low
            if base[-shortest:] not in tails:
                continue  # (most words: no role ends like it, so none of the lengths below can match)
            for n in self.role_lengths:
                if n > len(base):
                    continue
                stem = base[-n:]
                if stem not in self.roles:
                    continue
                prefix = base[:-n]
                gender, aff, kind = self.roles[stem]
                if prefix:
                    p_aff = self._prefix_affiliation(prefix)
                    if p_aff is not None and prefix in _SHARED_PREFIXES and (
                            stem in _team_roles() or stem in _federal_level_roles()):
                        # "Bundestrainer": a federation's coach, "Bundesvorsitzende": an association's or a
                        # party's chair; no office of the state
                        p_aff = None
                    aff = p_aff or (aff if "-" in prefix or prefix.startswith(_HOLDER_PREFIXES) else None)
                    # "Kommissionspräsidentin" is a role, "Küchenchef" still is; but a prefix that is
                    # itself a role-free noun part with a hyphen-less tail shorter than 3 is not.
                    if len(prefix) < 2 and not p_aff:
                        continue
                nominative = text[: len(text) - len(ending)] if ending else text
                # "der Vorsitzende" is a man, "die Vorsitzende" a woman: the article tells, not the stem
                return RoleInfo(nominative, stem, None if self.adjectival(stem) else gender, aff, kind)
        return None

    def shared_countries(self, title: str) -> tuple[str, ...]:
        """The countries that give an office the name ``title`` when several do (shared_titles.txt:
        "Bundeskanzlerin" -> Deutschland, Österreich, Schweiz; "Bundesinnenminister" -> Deutschland, Österreich),
        else (). The last word counts, hyphens left out ("Vize-Kanzler" is a "Vizekanzler")."""
        key = title.split()[-1].lower().replace("-", "") if title.strip() else ""
        for start, end, countries in self.shared_titles:
            if key == start if not end else (
                    key.startswith(start) and key.endswith(end) and len(key) >= len(start) + len(end)):
                return countries
        return ()

    def party_candidates(self, party: str | None) -> tuple[str, ...]:
        """The countries a party of that name sits in (parties.txt): one, or several for a name parties of
        several countries bear ("Grüne"); () for a party not listed."""
        listed = self.party_countries.get(party or "")
        return tuple(listed.split("|")) if listed else ()

    def adjectival(self, stem: str) -> bool:
        """Is ``stem`` the weak form of a role that declines like an adjective (the lexicon lists "vorsitzende"
        f and "vorsitzender" m: "der Vorsitzende" is as much a man as "die Vorsitzende" is a woman)?"""
        return stem.endswith("e") and self.roles.get(stem + "r", ("",))[0] == "m"

    def _prefix_affiliation(self, prefix: str) -> str | None:
        if "-" in prefix:
            head = prefix.split("-", 1)[0] + "-"
            if head in self.prefixes:
                return self.prefixes[head]
        for p, canon in self.prefixes.items():
            if not p.endswith("-") and prefix.startswith(p):
                return canon
        return None

    def first_name(self, text: str) -> str | None:
        """Gender of a first name ("Hans-Peter" by its parts), or None when it is not one."""
        g = self.first_names.get(text)
        if g is None and "-" in text:
            parts = text.split("-")
            if all(p in self.first_names for p in parts):
                g = self.first_names[parts[0]]
        return g

    def adjective(self, text: str) -> str | None:
        """Canonical country for a country adjective ("britischen" -> Großbritannien), looked up once per word and
        process (asked for most lowercase words of an article, several times: country signs, organisation and
        name tests)."""
        cache = self._adj_cache
        if text in cache:
            return cache[text]
        if len(cache) > _FORM_CACHE_MAX:
            cache.clear()
        found = cache[text] = self._adjective(text)
        return found

    def _adjective(self, text: str) -> str | None:
        low = text.lower()
        for ending in ADJ_ENDINGS:
            if ending and not low.endswith(ending):
                continue
            base = low[: len(low) - len(ending)] if ending else low
            if base in self.adjectives:
                return self.adjectives[base]
            if base.endswith("sch") and (country := country_adjective(base)) is not None:
                return country  # the regular "-isch" of a country's name ("kenianische" -> Kenia)
        return None

    def is_common_noun(self, text: str) -> bool:
        """A capitalised word that is a noun, not a name: listed, or a noun suffix after a real stem
        ("Regierung", but not "Jung")."""
        if text in self.not_names:
            return True
        if text in self.first_names:
            return False  # "Dennis", "Dominik", "Hendrik" end like "Ergebnis", "Musik": a first name is a name
        low = text.lower()
        # one C-level endswith over all suffixes first: most words end in none of them
        return low.endswith(self.noun_suffixes) and any(
            low.endswith(suf) and len(low) >= len(suf) + MIN_NOUN_STEM for suf in self.noun_suffixes)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load every lexicon file once per process."""
    from babel import Locale

    extra = {r[0]: r[1] for r in rows("countries.txt")}
    skip_codes = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
    countries: dict[str, str] = {}
    for code, name in Locale("de").territories.items():
        if len(code) == 2 and code.isalpha() and code not in skip_codes:
            countries[name] = extra.get(name, name)
    countries.update(extra)
    org_rows = rows("organisations.txt")
    orgs = {r[0]: (r[1], r[2] if len(r) > 2 and r[2] else None) for r in org_rows}
    org_types = {r[1]: r[3] for r in org_rows if len(r) > 3 and r[3]}
    org_types.update({r[0]: "party" for r in rows("parties.txt")})
    for surface in orgs:
        countries.pop(surface, None)
    roles: dict[str, tuple[str, str | None, str]] = {}
    for fname, kind in (("roles.txt", "role"), ("expert_roles.txt", "expert"), ("non_actor_roles.txt", "producer")):
        for r in rows(fname):
            roles[r[0].lower()] = (r[1] if len(r) > 1 else "m", r[2] if len(r) > 2 and r[2] else None, kind)
    adjectives, prefixes = {}, {}
    for r in rows("country_adjectives.txt"):
        if r[0].endswith("-") or r[0][:1].isupper():
            prefixes[r[0].lower()] = r[1]
        else:
            adjectives[r[0].lower()] = r[1]
    not_names = rows("not_names.txt")
    preps: dict[str, set[str]] = {}
    for r in rows("prepositions.txt"):
        preps.setdefault(r[1], set()).add(r[0])
    return Lexicon(
        first_names={r[0]: r[1] for r in rows("first_names_world.txt") + rows("first_names.txt")},
        roles=roles,
        role_lengths=tuple(sorted({len(s) for s in roles}, reverse=True)),
        countries=countries,
        organisations=orgs,
        metonyms=dict(seats_of_government()),
        adjectives=adjectives,
        prefixes=prefixes,
        demonyms={r[0]: (r[1], r[2]) for r in rows("demonyms.txt")},
        parties=frozenset(r[0] for r in rows("parties.txt")),
        party_names={r[0]: r[1] for r in rows("parties.txt") if len(r) > 1 and r[1]},
        party_countries={r[1] or r[0]: r[2] for r in rows("parties.txt") if len(r) > 2 and r[2]},
        not_names=frozenset(r[0] for r in not_names if not r[0].startswith("-")),
        noun_suffixes=tuple(r[0][1:] for r in not_names if r[0].startswith("-")),
        credit_markers=frozenset(r[0].lower() for r in rows("credit_markers.txt")),
        prepositions={k: frozenset(v) for k, v in preps.items()},
        org_types=org_types,
        institutions={r[0].lower(): r[1] for r in rows("institutions.txt")},
        head_genders={r[0].lower(): r[2] for r in rows("institutions.txt") if len(r) > 2},
        org_kinds={r[0].lower(): r[1] for r in rows("org_kinds.txt")},
        name_adjectives=word_set("name_adjectives.txt"),
        shared_titles=tuple(_shared_title(r[0], tuple(r[1].split("|"))) for r in rows("shared_titles.txt")),
        agencies={r[0]: r[1] for r in rows("news_agencies.txt")},
        common_noun_orgs=frozenset(r[0] for r in rows("common_noun_organisations.txt") if r[0] in orgs),
    )


def _shared_title(pattern: str, countries: tuple[str, ...]) -> tuple[str, str, tuple[str, ...]]:
    """A shared_titles.txt entry as (start, end, countries): "bundes*minister" -> ("bundes", "minister", ...)."""
    start, _, end = pattern.lower().partition("*")
    return start, end, countries


# ---------------------------------------------------------------- per-document state


@dataclass
class _Person:
    key: str
    name: str
    first: int  # char offset of the first mention, for ordering
    gender: str | None = None
    role: RoleInfo | None = None
    affiliation: str | None = None
    party: str | None = None
    forms: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    possessor: str | None = None  # key of the person whose role this is ("Trumps Sondergesandter")
    context_country: str | None = None
    near_countries: frozenset[str] = frozenset()  # countries of the first mention's sentence and the one before
    near_orgs: bool = False  # ... and whether an organisation is named there
    sent: int = 0  # sentence number of the first mention
    placed_at: int = -1  # token of the mention the three fields above were read at (the earliest one)
    shared: tuple[str, ...] = ()  # the countries a shared title may name, while only that title gives one

    def __init__(
        self, key: str, name: str, first: int, gender: str | None = None, role: RoleInfo | None = None,
        affiliation: str | None = None, party: str | None = None, forms: list[str] | None = None,
        mentions: list[Mention] | None = None, possessor: str | None = None, context_country: str | None = None,
        near_countries: frozenset[str] = frozenset(), near_orgs: bool = False, sent: int = 0,
        placed_at: int = -1, shared: tuple[str, ...] = (),
    ) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        self.key = key
        self.name = name
        self.first = first
        self.gender = gender
        self.role = role
        self.affiliation = affiliation
        self.party = party
        self.forms = [] if forms is None else forms
        self.mentions = [] if mentions is None else mentions
        self.possessor = possessor
        self.context_country = context_country
        self.near_countries = near_countries
        self.near_orgs = near_orgs
        self.sent = sent
        self.placed_at = placed_at
        self.shared = shared


@dataclass
class _Group:
    name: str
    kind: str
    affiliation: str | None
    first: int
    mentions: list[Mention] = field(default_factory=list)
    org_type: str | None = None

    def __init__(
        self, name: str, kind: str, affiliation: str | None, first: int, mentions: list[Mention] | None = None,
        org_type: str | None = None,
    ) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        self.name = name
        self.kind = kind
        self.affiliation = affiliation
        self.first = first
        self.mentions = [] if mentions is None else mentions
        self.org_type = org_type


@dataclass
class TokenTable:
    """Token attributes of a Doc as plain lists, shared by our components.

    Creating spaCy Token objects (``doc[i]``, ``for tok in doc``) costs more than our rules; these
    lists are built once per Doc from ``Doc.to_array`` and cached in ``doc.user_data``.
    """

    text: str
    idx: list[int]
    words: list[str]
    lowers: list[str]
    space: list[bool]
    sent_start: list[int]  # token index of the sentence start, per token
    sents: list[tuple[int, int]]  # token ranges [start, end) of the sentences
    caps: list[int]  # tokens that start with a capital (or link residue "2][Maria", "©"): name candidates
    sent_no: list[int]  # sentence number per token

    def __init__(
        self, text: str, idx: list[int], words: list[str], lowers: list[str], space: list[bool],
        sent_start: list[int], sents: list[tuple[int, int]], caps: list[int], sent_no: list[int],
    ) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        self.text = text
        self.idx = idx
        self.words = words
        self.lowers = lowers
        self.space = space
        self.sent_start = sent_start
        self.sents = sents
        self.caps = caps
        self.sent_no = sent_no

    def char_span(self, s: int, e: int) -> tuple[int, int]:
        """Character offsets of tokens ``[s, e)`` (``doc[s:e]`` without its trailing whitespace)."""
        return self.idx[s], self.idx[e - 1] + len(self.words[e - 1])


TOKEN_TABLE_KEY = "briefing_token_table"
# Per-word facts keyed by the ORTH hash (stable across Docs and vocabs), so a word seen before costs one
# dict lookup instead of slicing, lower() and isupper() per token; cleared past this size (~2x the distinct
# words of the 850 eval articles) so a long-running build cannot grow it without bound.
_FORM_CACHE_MAX = 65536
# ORTH hash -> (word, lowercase word, name candidate?, whitespace?): one lookup per token gives all four
_FORMS: dict[int, tuple[str, str, bool, bool]] = {}


def _learn_forms(orth: list[int], strings: StringStore) -> None:
    """Fill the per-word cache for the ORTH hashes not seen yet."""
    if len(_FORMS) > _FORM_CACHE_MAX:
        _FORMS.clear()
    for h in orth:
        if h not in _FORMS:
            w = strings[h]
            _FORMS[h] = (w, w.lower(), w[:1].isupper() or w[:1] in _CAPS_EXTRA, w.isspace())  # (IS_SPACE: isspace)


def _columns(orth: list[int]) -> tuple[list[str], list[str], list[bool], list[int]]:
    """Words, lowercase words, whitespace flags and name candidates of the tokens with these ORTH hashes
    (KeyError: a hash not in the per-word cache yet).

    One compiled loop fills the columns: a typed tuple's items are read natively, where a map per column
    called an itemgetter per token and ``compress(range(n), ...)`` made an int object per token."""
    words: list[str] = []
    lowers: list[str] = []
    space: list[bool] = []  # (IS_SPACE of the lexeme: str.isspace, see lexeme_attrs)
    caps: list[int] = []
    for k, h in enumerate(orth):
        word, low, cap, white = _FORMS[h]
        words.append(word)
        lowers.append(low)
        space.append(white)
        if cap:
            caps.append(k)
    return words, lowers, space, caps


def _roles_at(caps: list[int], cap_words: list[str], cache: dict[str, RoleInfo | None]) -> dict[int, RoleInfo]:
    """Token -> role title, for the capitalised tokens ``caps`` (words ``cap_words``) whose word the role cache
    knows as one (KeyError: a word not looked up yet)."""
    out: dict[int, RoleInfo] = {}
    for k, w in zip(caps, cap_words, strict=True):
        role = cache[w]
        if role is not None:
            out[k] = role
    return out


def token_table(doc: Doc) -> TokenTable:
    """The cached :class:`TokenTable` of ``doc`` (built on first use)."""
    table = doc.user_data.get(TOKEN_TABLE_KEY)
    if table is not None and len(table.words) == len(doc):
        return table
    text = doc.user_data.get(TEXT_KEY) or doc.text
    n = len(doc)
    # our sentencizer leaves the sentences' first tokens: then SENT_START need not be read back
    made = doc.user_data.get(SENT_TOKENS_KEY)
    firsts: list[int] | None = made[1] if made is not None and made[0] == n else None
    attrs: list[int | str] = [IDX, ORTH]
    if firsts is None:
        attrs.append(SENT_START)
    # the sentencizer's array of these columns when it is the one for this Doc (taken out: used once)
    array = doc.user_data.pop(TOKEN_ARRAY_KEY, None)
    if array is None or firsts is None or attrs != TOKEN_ARRAY_ATTRS or len(array) != n:
        array = doc.to_array(attrs) if n else numpy.zeros((0, len(attrs)), dtype="uint64")
    idx, orth = array[:, 0].tolist(), array[:, 1].tolist()
    # token texts are the ORTH strings (the Doc was made from ``text``, so they equal its slices)
    try:
        words, lowers, space, caps = _columns(orth)
    except KeyError:
        _learn_forms(orth, doc.vocab.strings)
        words, lowers, space, caps = _columns(orth)
    if firsts is not None:  # sentence number and first token per token, repeated per sentence
        begin_list = firsts
        sent_start: list[int] = []
        sent_no: list[int] = []
        ends = firsts[1:] + [n]
        for no in range(len(firsts)):
            b = firsts[no]
            m = ends[no] - b
            sent_start.extend([b] * m)
            sent_no.extend([no] * m)
    else:  # sentence number and first token per token, in numpy (the first token always opens one)
        flags = array[:, 2] == 1
        if n:
            flags[0] = True
        sent_no_arr = numpy.cumsum(flags) - 1
        begins = numpy.flatnonzero(flags)
        sent_start = begins[sent_no_arr].tolist()
        sent_no = sent_no_arr.tolist()
        begin_list = begins.tolist()
    sents = list(zip(begin_list, begin_list[1:] + [n], strict=True))
    table = TokenTable(text, idx, words, lowers, space, sent_start, sents, caps, sent_no)
    doc.user_data[TOKEN_TABLE_KEY] = table
    return table


@functools.lru_cache(maxsize=65536)
def core_text(text: str) -> tuple[str, int]:
    """Token text without markdown link residue ("2][Maria" -> "Maria"), and how many chars were cut in front."""
    m = _LINK_PREFIX.match(text)
    if m:
        return text[m.end():].rstrip("]"), m.end()
    return (text.rstrip("]") if text.endswith("]") and "[" not in text else text), 0


def token_core(tok: Token) -> tuple[str, int]:
    """Token text without markdown link residue, and the char offset where that text starts."""
    text, cut = core_text(tok.text)
    return text, tok.idx + cut


@functools.lru_cache(maxsize=2)
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Char ranges inside quotation marks (pronouns there refer to someone else).

    Several components ask for the same document's regions one after another: the last
    texts' are kept (read-only: a tuple).
    """
    return tuple(map(_SPAN, _QUOTE_REGION.finditer(text)))


def in_regions(pos: int, regions: Sequence[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(regions, (pos, 10**12)) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


def regions_overlap(regions: Sequence[tuple[int, int]], lo: int, hi: int) -> bool:
    """Does any region of :func:`quote_regions` intersect the char range [lo, hi)?

    The regions come from one ``finditer``: sorted and disjoint, so their ends rise too and only the
    last region starting before ``hi`` needs a look.  Lets callers skip per-token :func:`in_regions`
    for the (many) sentences without quotation marks.
    """
    i = bisect.bisect_left(regions, (hi,))
    return i > 0 and regions[i - 1][1] > lo


class ActorFinder:
    """Finds the actors of one Doc; create one per document."""

    def __init__(self, doc: Doc, lex: Lexicon, matcher: PhraseMatcher, speech_forms: frozenset[str]) -> None:
        self.doc = doc
        table = self.table = token_table(doc)
        self.text, self.idx, self.words, self.lowers = table.text, table.idx, table.words, table.lowers
        self.space = table.space
        # name text without link residue ("2][Maria" -> "Maria", "Sacharowa]" -> "Sacharowa"); few differ
        self.cores = list(self.words)
        self.cored: list[int] = []  # the tokens whose core is another string object than the word
        if "]" in self.text:
            for i, w in enumerate(self.words):
                if w[-1:] == "]" or (w[:1] in _LINK_START and "]" in w):
                    self.cores[i] = core_text(w)[0]
                    if self.cores[i] is not w:
                        self.cored.append(i)
        self.lex = lex
        self.matcher = matcher
        self._sent_country: dict[int, list[int]] = {}  # country tokens outside quotation marks, per sentence
        self._quote_regions: tuple[tuple[int, int], ...] | None = None
        self._country_tokens: list[int] | None = None  # tokens labelled COUNTRY or METONYM, once labels are final
        self._initials: set[str] = set()
        self._initials_for: dict[str, None] = {}
        self._keys_by_initial: dict[str, list[str]] = {}  # first letter -> keys of the known people
        self._lowercase: set[str] | None = None
        self._marks: list[int] | None = None
        self._signals: list[int] | None = None
        self._labelled: list[int] | None = None
        self._sent_speaks: dict[int, bool] = {}
        self._article_countries: Counter[str] | None = None
        self._country_signs: list[tuple[int, str]] | None = None
        # groups named by a body's name several countries give ("Bundesregierung") -> those countries
        self._shared_groups: dict[tuple[str, str, str | None], tuple[str, ...]] = {}
        self.speech_forms = speech_forms
        self.singular_speech = report_verbs()
        n = len(doc)
        self.label: list[str | None] = [None] * n  # COUNTRY / ORG / METONYM for matched tokens
        self.canon: list[str | None] = [None] * n
        self.span_end: list[int] = list(range(1, n + 1))
        self.used = [False] * n  # tokens consumed by a person name
        self.persons: dict[str, _Person] = {}
        self.max_persons = MAX_PERSONS
        # names after an expert's title in a sentence that reports nothing they say: (start, end, role, title)
        self.silent_experts: list[tuple[int, int, RoleInfo, int]] = []
        self.groups: dict[tuple[str, str, str | None], _Group] = {}
        self.blocked: set[str] = set()
        # organisations found in the text, not listed: canonical -> type; and what each token adds
        self.org_types: dict[str, str] = {}
        self.org_aff: dict[int, str] = {}  # token -> owner of an institution ("Außenministerium" -> Russland)
        self.org_prefix: dict[int, str] = {}  # role token -> organisation before its hyphen ("Hamas-Chef")
        # a common-noun organisation name read as the noun again -> its first such mention ("Allianz", see
        # _read_common_nouns)
        self.noun_anaphors: list[tuple[int, int]] = []
        self.sent_start = table.sent_start
        self.caps = table.caps
        self.sent_no = table.sent_no
        # Role titles among the capitalised words: each distinct word is looked up once, then the
        # per-token work is maps in C (a document has ~100 capitalised words for every role title).
        words = self.words
        self.cap_words = [words[k] for k in self.caps]
        self.cap_set = set(self.cap_words)  # the distinct capitalised words
        try:  # (one probe per word when all are known, as they mostly are: the cache is process-wide)
            self.role_at: dict[int, RoleInfo] = _roles_at(self.caps, self.cap_words, lex.cache)
        except KeyError:
            for w in self.cap_set.difference(lex.cache):
                lex.role(w)
            self.role_at = _roles_at(self.caps, self.cap_words, lex.cache)
        for k in [k for k in self.role_at if k > 0 and self.sent_start[k - 1] == self.sent_start[k]]:
            tenure = _tenure_stem(self.lowers[k - 1])
            if tenure is not None:
                # "der frühere Innenminister": not the office's holder now, so no country of it; the role says so
                r = self.role_at[k]
                word = tenure + ("e" if r.gender == "f" else "er")
                self.role_at[k] = RoleInfo(f"{word} {r.text}", r.stem, r.gender, None, r.kind)

    # ------------------------------------------------------------ helpers

    def name_like(self, i: int) -> bool:
        """Could token i be part of a person's name?"""
        if self.label[i] is not None or self.used[i]:
            return False
        text = self.cores[i]
        if _particle_surname(text):
            return True
        if len(text) < 2 or not text[0].isupper() or not text.replace("-", "").replace("'", "").isalpha():
            return False
        if text.isupper():  # acronyms: CDU, NATO
            return False
        lex = self.lex
        if lex.role(text) and self._surname_after_titled_name(i):
            return True
        if lex.role(text) or lex.adjective(text) or text in lex.demonyms:
            return False
        return not lex.is_common_noun(text) or self._surname_after_first_name(i)

    def _surname_after_first_name(self, i: int) -> bool:
        """Is the word at ``i``, which only its ending makes a noun ("Schlein" like "Büchlein", "Oberländer"
        like "Bundesländer", "Clement" like "Dokument"), a surname: right after a first name in its sentence?
        A noun listed as one ("Regierung") never is."""
        if i < 1 or self.sent_start[i] != self.sent_start[i - 1] or self.cores[i] in self.lex.not_names:
            return False
        if zipf(self.cores[i]) >= SURNAME_NOUN_MAX_ZIPF:
            return False  # "Peter Gesellschaft": a word that common is the noun, whatever stands before it
        first = self.cores[i - 1]
        return self.label[i - 1] is None and first[:1].isupper() and self.lex.first_name(first) is not None

    def _surname_after_titled_name(self, i: int) -> bool:
        """Is the role word at ``i`` a surname: right after a role title and one name word ("Gerichtspräsidentin
        Doris König", "Bischöfin Anna Graf")?  A role after a name would stand in an apposition, after a
        comma; written straight after it, it is the name's last part."""
        if i < 2 or self.sent_start[i] != self.sent_start[i - 2]:
            return False
        first, title = self.cores[i - 1], self.cores[i - 2]
        lex = self.lex
        return (
            first[:1].isupper() and first.replace("-", "").isalpha() and not first.isupper()
            and self.label[i - 1] is None and lex.role(first) is None and not lex.is_common_noun(first)
            and lex.adjective(first) is None and lex.role(title) is not None
        )

    def core(self, i: int) -> tuple[str, int]:
        """Token i's text without link residue, and the char offset where it starts."""
        word = self.words[i]
        if word[:1] not in _LINK_START and not word.endswith("]"):
            return word, self.idx[i]
        text, cut = core_text(word)
        return text, self.idx[i] + cut

    def labelled(self) -> list[int]:
        """Tokens with a label (country, seat, organisation), found in C once the labels are final (people
        are looked for after places and organisations are marked)."""
        if self._labelled is None:  # (a compiled loop: compress over a range made an int object per token)
            self._labelled = [k for k, label in enumerate(self.label) if label is not None]
        return self._labelled

    def signals(self) -> list[int]:
        """Tokens "(", "," "[", pronouns and singular verbs of saying: one pass over the lowercase words serves
        acronyms, names after a comma, references and bare speakers."""
        if self._signals is None:
            wanted = _signal_words(self.singular_speech)
            self._signals = [k for k, low in enumerate(self.lowers) if low in wanted]
        return self._signals

    def marks(self) -> list[int]:
        """Tokens "(", "," and "[" (a punctuation token is its own lowercase)."""
        if self._marks is None:
            self._marks = [i for i in self.signals() if self.lowers[i] in _MARKS]
        return self._marks

    def lowercase_words(self) -> set[str]:
        """The words the article writes in lowercase (built once, on first need: a pass over every token)."""
        if self._lowercase is None:
            self._lowercase = set(filter(str.islower, self.words))
        return self._lowercase

    def initials(self) -> set[str]:
        """First letters of the known people's keys (a cheap filter before folding a word)."""
        if len(self._initials_for) != len(self.persons):
            self._initials_for = dict.fromkeys(self.persons)
            self._initials = {k[:1] for k in self.persons}
            self._keys_by_initial = {}
            for k in self.persons:  # in the order people were found: the first match wins
                self._keys_by_initial.setdefault(k[0], []).append(k)
        return self._initials

    def known_key(self, text: str) -> str | None:
        """Key of a known person for a surname form (genitive and spelling variants tolerated)."""
        if not text[:1].isupper() or fold(text[:1]) not in self.initials():
            return None
        return self._known_key(fold(text))

    def _known_key(self, k: str) -> str | None:
        """:meth:`known_key` for a folded word that passed its first-letter test (:meth:`initials` is current)."""
        if k in self.persons:
            return k
        if k.endswith("s") and k[:-1] in self.persons:
            return k[:-1]
        if len(k) >= FUZZY_SURNAME_MIN:  # a one-edit variant (typo) of a long name
            for cand in (k, k[:-1] if k.endswith("s") else None):
                if cand is None:
                    continue
                for pk in self._keys_by_initial.get(cand[0], ()):
                    if surnames_match(pk, cand):
                        return pk
        return None

    # ------------------------------------------------------------ passes

    def mark_places(self) -> None:
        doc, lex = self.doc, self.lex
        ambiguous: list[tuple[int, int]] = []
        for match_id, start, end in sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1]))):
            if self.label[start] is not None:
                continue
            label = doc.vocab.strings[match_id]
            first, last = self.table.char_span(start, end)
            text = self.text[first:last]  # doc[start:end].text, without building a Span
            base = text[:-1] if label.endswith("_GEN") else text
            label = label.removesuffix("_GEN")
            canon = {"COUNTRY": lex.countries, "METONYM": lex.metonyms}.get(label, {}).get(base)
            if label == "ORG":
                canon = lex.organisations[base][0]
            if canon is None or (label == "COUNTRY" and base == text and self._ends_complement_name(start)):
                continue
            for k in range(start, end):
                self.label[k], self.canon[k] = label, canon
            self.span_end[start] = end
            if "|" in canon:
                ambiguous.append((start, end))
        if ambiguous:
            self.resolve_metonyms(ambiguous)
        if lex.common_noun_orgs and not lex.common_noun_orgs.isdisjoint(self.cap_set):
            self._read_common_nouns()

    def _read_common_nouns(self) -> None:
        """A listed organisation whose name is also a common German noun (common_noun_organisations.txt:
        "Allianz", the insurer and any alliance) is read per mention from the text.

        * Signs of the organisation keep it, for every mention: its kind noun before a mention ("der Versicherer
          Allianz"), a legal form after one ("die Allianz SE"), a role title of it ("Allianz-Chef").
        * Else a sign of the noun makes a mention the noun: a complement right after it ("die Allianz der
          kleinen Inselstaaten", "eine Allianz für Klimaschutz", "die Allianz aus Grünen und SPD"), an
          indefinite article or an adjective before it ("eine breite Allianz", "die transatlantische Allianz"),
          a compound ending in it earlier in the text ("die Umweltallianz ... die Allianz") or an earlier
          international organisation ("die Nato ... die Allianz").
        * The noun names no one, unless an earlier compound of it stands right before a listed organisation or
          starts with one's name ("die Militärallianz Nato ... die Allianz", "die Nato-Allianz"): its anaphor.
        * Without a sign the organisation stays (as before).
        """
        lex, cores, n = self.lex, self.cores, len(self.words)
        names = lex.common_noun_orgs
        mentions = [k for k in self.caps if cores[k] in names and self.label[k] == "ORG" and self.span_end[k] == k + 1]
        if not mentions:
            return
        for k in mentions:  # signs of the organisation anywhere in the text keep every mention
            if (k > 0 and lex.org_kind(cores[k - 1]) is not None) or (k + 1 < n and cores[k + 1] in _LEGAL_FORMS):
                return
        for w in self.cap_set:
            head, dash, rest = w.partition("-")
            if dash and head in names and rest and lex.role(rest) is not None:
                return  # "Allianz-Chef Oliver Bäte"
        read_as_noun: dict[str, int] = {}  # name -> its first mention read as the noun
        for k in mentions:
            sign = self._noun_sign(k)
            earlier = read_as_noun.get(cores[k])
            if not sign and earlier is not None:
                # "Die Allianz der kleinen Inselstaaten (AOSIS) ... Die Allianz forderte": the same noun again,
                # whatever the first mention turns out to name (the acronym's long form is read later)
                self.label[k] = self.canon[k] = None
                self.noun_anaphors.append((k, earlier))
                continue
            link = self._earlier_compound(k, cores[k])
            if not (sign or link is not None or any(
                    self.label[j] == "ORG" and lex.org_types.get(self.canon[j] or "") == "international"
                    for j in range(k))):
                continue  # no sign of the noun at it, none before it in the text: the organisation
            read_as_noun.setdefault(cores[k], k)
            end = self._noun_name_end(k)
            if end is not None:  # "die Allianz Chronischer Seltener Erkrankungen": a name of its own
                first, last = self.table.char_span(k, end)
                for j in range(k, end):
                    self.label[j], self.canon[j] = "ORG", self.text[first:last]
                self.span_end[k] = end
            elif link:
                self.canon[k] = link
            else:
                self.label[k] = self.canon[k] = None

    def link_noun_anaphors(self) -> None:
        """A mention of a common-noun organisation name after its first mention read as the noun names what that
        one names, once the organisations are found ("die Allianz der kleinen Inselstaaten (AOSIS)": AOSIS), or
        no one."""
        for k, first in self.noun_anaphors:
            if self.label[k] is None and self.label[first] == "ORG" and self.canon[first]:
                self.label[k], self.canon[k] = "ORG", self.canon[first]

    def _noun_name_end(self, k: int) -> int | None:
        """Where a name of its own ends that the common noun at ``k`` opens: a complement with capitalised
        adjectives, which German writes only in names ("die Allianz Chronischer Seltener Erkrankungen", "die
        Allianz zur Europäischen Integration"); None for a complement in lowercase ("eine Allianz der Vernunft")."""
        n = len(self.words)
        if k + 2 >= n or not self.words[k + 1][:1].isalpha():
            return None
        if self.words[k + 1][:1].isupper():
            plural = self._genitive_plural_name(k + 1)
            if plural is None:
                return None
            end = plural[1]
            # a capitalised adjective the suffixes do not tell ("Seltener") before one more capitalised noun
            while end < n and end - k <= MAX_LONG_FORM_TOKENS and self.lowers[end - 1].endswith("er") and (
                    self.sent_start[end] == self.sent_start[k] and self.label[end] is None
                    and self.words[end][:1].isupper() and self.words[end].isalpha()):
                end += 1
            return end
        if self.lowers[k + 1] in _NAME_LINKS:
            genitive = self._genitive_name(k + 1)
            return genitive[1] if genitive is not None else None
        return None

    def _noun_sign(self, k: int) -> bool:
        """Does the mention at ``k`` read as the common noun by its neighbours: a complement after it (one with a
        preposition or article, or a genitive plural without one), an indefinite article or an inflected
        adjective before it (see :meth:`_read_common_nouns`)?"""
        lowers, n = self.lowers, len(self.words)
        if k > 0 and lowers[k - 1] in _INDEFINITES:
            return True
        if k > 1 and self._attributive_adjective(k - 1) and lowers[k - 2] in _NOUN_OPENERS:
            return True
        if k + 1 < n and self._genitive_plural_name(k + 1) is not None:
            return True  # "eine Allianz deutscher Städte", "die Allianz Chronischer Seltener Erkrankungen"
        return k + 1 < n and lowers[k + 1] in _NOUN_COMPLEMENTS and (
            self.sent_start[k + 1] == self.sent_start[k]) and self._complement(k + 1)

    def _attributive_adjective(self, j: int) -> bool:
        """Is token ``j`` an inflected adjective before a noun ("transatlantische", "breite", "neuen")?"""
        w = self.words[j]
        return len(w) >= 4 and w.isalpha() and w.islower() and w.endswith(_ADJECTIVE_ENDINGS) and (
            w not in DETERMINERS and w not in _possessives())

    def _complement(self, p: int) -> bool:
        """Is the preposition or article at ``p`` the start of a complement of the noun before it?  Not a dative
        object ("teilte die Allianz der Nachrichtenagentur mit": a news agency or medium), not a year ("für
        2025"), not a seat ("aus München": "aus" needs several members, "aus Grünen und SPD")."""
        lex, words, lowers, n = self.lex, self.words, self.lowers, len(self.words)
        end = min(n, p + 1 + _COMPLEMENT_WINDOW)
        window = [j for j in range(p + 1, end) if self.sent_start[j] == self.sent_start[p]]
        if not window or words[window[0]][:1].isdigit():
            return False
        word = lowers[p]
        if word == "aus":
            return any(lowers[j] in _ENUMERATORS for j in window)
        if word in _GENITIVE_ARTICLES:
            heads = [words[j] for j in window if words[j][:1].isupper()][:2]
            media = _media_nouns()
            return bool(heads) and not any(
                lex.never_actor(h) or h in lex.agencies or h.lower().endswith(media) for h in heads)
        return True

    def _earlier_compound(self, k: int, name: str) -> str | None:
        """The anaphor's link when a compound ending in ``name`` stands before token ``k``: the listed organisation
        right after it or before its hyphen ("die Militärallianz Nato", "die Nato-Allianz"); "" for a compound
        without one ("die Umweltallianz"); None for no compound."""
        lex, cores, low = self.lex, self.cores, name.lower()
        endings = tuple(low + e for e in INFLECTION_ENDINGS)
        found: str | None = None
        for j in self.caps:
            if j >= k:
                break
            w = cores[j]
            if len(w) < len(low) + MIN_COMPOUND_PART or not w.lower().endswith(endings) or w.startswith(name + "-"):
                continue
            head = w.split("-", 1)[0] if "-" in w else ""
            if head and head in lex.organisations:
                found = lex.organisations[head][0]
            elif j + 1 < k and self.label[j + 1] == "ORG" and self.canon[j + 1] and (
                    cores[j + 1] not in lex.common_noun_orgs):
                found = self.canon[j + 1]
            elif found is None:
                found = ""
        return found

    def _ends_complement_name(self, t: int) -> bool:
        """Does the country name at token ``t`` end the name of an organisation in a role's genitive ("Sprecher des
        Erwerbslosen Forum Deutschland", "die Chefin der Tafel Deutschland")? A genitive would inflect the
        country ("des Verbands Deutschlands"); the nominative after the genitive's noun belongs to its name. The
        role title before the article, and one or two capitalised words between, none of them an institution
        that a country may own ("der Regierung Frankreich"), make it sure."""
        for a in (t - 2, t - 3):
            if a < 1 or self.lowers[a] not in _COMPLEMENT_ARTICLES or self.sent_start[a] != self.sent_start[t]:
                continue
            between = self.words[a + 1 : t]
            if all(w[:1].isupper() and w.replace("-", "").isalpha() and self.lex.role(w) is None
                   and (self.lex.institution(w) or ("", "", ""))[2] not in _STATE_INSTITUTIONS for w in between) and (
                    self.lex.role(self.words[a - 1]) is not None):
                return True
        return False

    def resolve_metonyms(self, spans: list[tuple[int, int]]) -> None:
        """A seat of several ("Brüssel": EU|NATO) means the one the article names more often, else the first."""
        counts = Counter(self.canon[s] for s in compress(range(len(self.words)), self.label)
                         if self.label[s] in ("COUNTRY", "ORG"))
        compounds: dict[str, int] = {}  # named only in compounds ("Nato-Außenminister"): they count when names tie
        for start, end in spans:
            options = (self.canon[start] or "").split("|")
            for o in options:
                if o not in compounds:
                    compounds[o] = self._compound_mentions(o)
            best = max(options, key=lambda o: (counts[o], compounds[o], -options.index(o)))
            for k in range(start, end):
                self.canon[k] = best

    def _compound_mentions(self, canonical: str) -> int:
        """How often the text names ``canonical`` as the first part of a compound ("Nato-Gipfel")."""
        forms = self.lex.compound_forms.get(canonical, ())
        return sum(self.text.count(f + "-") for f in forms)

    def find_orgs(self) -> None:
        """Organisations the lexicon does not list, from evidence in the text.

        * a party by name ("die SPD", "Die Grünen forderten"), not in brackets after a name ("Merz (CDU)");
        * an acronym defined in brackets after its long form ("Weltgesundheitsorganisation (WHO)");
        * the owner in a role compound ("Hamas-Chef", "CDU-Politiker", "Airbus-Sprecher"), when the word is
          an acronym or also stands alone in the article, and is no person, place or common word;
        * an institution whose owner the text names ("das russische Außenministerium", "US-Regierung").
        """
        lex, words, cores, n = self.lex, self.words, self.cores, len(self.words)
        standalone = self.cap_set
        found: dict[str, str] = {}  # word -> type ("" when unknown)
        longer_names: dict[str, str] = {}  # first word -> the organisation's name of several words ("IG Metall")
        institutions: dict[str, str] = {}  # "Außenministerium" -> type (each mention needs its own owner)
        # Per distinct capitalised word: is it an institution ("Außenministeriums")? Looked up once per
        # process and word; per document only the hits are visited (maps in C).
        cache = lex.institution_cache()
        distinct = list(standalone)
        try:  # (one probe per word when all are known, as they mostly are: the cache is process-wide)
            answers = list(map(cache.__getitem__, distinct))
        except KeyError:
            for w in standalone.difference(cache):
                lex.institution(w)
            answers = list(map(cache.__getitem__, distinct))
        inst_of = dict(compress(zip(distinct, answers, strict=True), answers))
        seen: dict[str, set[str]] = {}  # lazily: words written in lowercase, words after a first name

        def org_word(w: str) -> bool:
            if not seen:
                seen["lower"] = self.lowercase_words()
                seen["after_first"] = {cores[k] for k in self.caps if k and lex.first_names.get(cores[k - 1])}
            return (
                len(w) >= 2 and w[:1].isupper() and w.replace("-", "").isalpha()
                and (w.isupper() or len(w) >= 3)
                and w not in lex.countries and w not in lex.metonyms and w not in lex.organisations
                and w.lower() + "-" not in lex.prefixes and lex.adjective(w) is None and w not in lex.demonyms
                and not lex.first_name(w) and not lex.is_common_noun(w) and lex.role(w) is None
                and lex.institution(w) is None and w.lower() not in seen["lower"] and w not in seen["after_first"]
            )

        for i, r in self.role_at.items():
            w = cores[i]
            if "-" in w and self.label[i] is None and (named := self._name_before_hyphen(i)) is not None:
                self.org_prefix[i], listed = named  # "der IG Metall-Vorsitzende", "der Human Rights Watch-Sprecher"
                if not listed:
                    found.setdefault(named[0], "")
            elif "-" in w and self.label[i] is None:  # "Hamas-Chef"
                head = w.split("-", 1)[0]
                known_org = lex.organisations.get(head)
                if known_org is not None and lex.org_types.get(known_org[0]) != "-":
                    # a listed organisation's or party's title ("Lufthansa-Chef", "Hamas-Chef"): whom it speaks
                    # for, as for a name the text introduces
                    party = head in lex.parties or lex.org_types.get(known_org[0]) == "party"
                    self.org_prefix[i] = lex.party_names.get(head, known_org[0]) if party else known_org[0]
                    if party:
                        found.setdefault(head, "party")
                elif org_word(head) and (head.isupper() or head in standalone or head in lex.parties):
                    found.setdefault(head, "party" if head in lex.parties else "")
                    self.org_prefix[i] = lex.party_names.get(head, head)
                    # "IG-Metall-Bezirksleiterin" where the text writes "die IG Metall": the name has two words
                    parts = w.split("-")
                    longer = " ".join(parts[:-1])
                    if len(parts) >= 3 and all(p[:1].isupper() for p in parts[1:-1]) and longer in self.text:
                        longer_names[head] = longer
                        self.org_prefix[i] = longer
            k = i + 2  # "Chef der FIFA", "Sprecher der CDU" (acronyms only: "Chef der Familie")
            if k < n and r.kind == "role" and self.lowers[i + 1] in ("der", "des") and self.label[k] is None and (
                    self.sent_start[k] == self.sent_start[i]) and _ACRONYM.match(cores[k]) and org_word(cores[k]) and (
                    k + 1 >= n or not cores[k + 1][:1].isupper()):
                found.setdefault(cores[k], "party" if cores[k] in lex.parties else "")
        for i in self.marks():
            if words[i] == "(" and i + 2 < n and words[i + 2] == ")" and self.label[i + 1] is None and (
                    _ACRONYM.match(words[i + 1])):
                acr = words[i + 1]
                start = self._long_form(i, acr)
                if start is not None and org_word(acr) and self._names_organisation(start, i, acr):
                    found[acr] = found.get(acr) or ("party" if acr in lex.parties else self._long_form_type(start, i))
                    for k in range(start, i):
                        self.label[k], self.canon[k] = "ORG", acr
                    self.span_end[start] = i
        # Organisations named by their form: adjectives of a name, a name after its kind, a name in a compound
        named_heads: dict[str, tuple[str, int] | None] = {}  # a head as written (lowercase) -> (name, token)
        self._named_organisations(inst_of, found, institutions, named_heads, org_word)
        self._acronym_names(org_word)
        # Coordinated with an organisation of the text ("die Hamas und die Fatah", "SPD und BSW"): a word
        # that is otherwise no person, place or common word names an organisation of the same kind.
        for k in self.caps:
            w = cores[k]
            if not (w in found or w in lex.parties or self.label[k] == "ORG"):
                continue
            for link, other in ((k + 1, k + 2), (k + 1, k + 3), (k - 1, k - 2), (k - 2, k - 3)):
                if not (0 <= other < n and 0 <= link < n) or self.lowers[link] not in _COORDINATORS:
                    continue
                article = {k + 3: k + 2, k - 3: k - 1}.get(other)
                if article is not None and self.lowers[article] not in ("der", "die", "das"):
                    continue  # one article between: "die Hamas und die Fatah"
                o = cores[other]
                same_sentence = self.sent_start[other] == self.sent_start[k]
                if self.label[other] is None and same_sentence and _coordinated_name(o) and org_word(o):
                    kind = found.get(w) or ("party" if w in lex.parties else "")
                    found.setdefault(o, kind)
        self._employers_after_von(found, org_word)
        wanted = lex.parties.union(found, inst_of)
        for k in compress(self.caps, map(wanted.__contains__, self.cap_words)):
            w = cores[k]
            if self.label[k] is not None:
                continue
            if w in lex.parties and not (words[k - 1:k] == ["("] and words[k + 1:k + 2] == [")"]) and (
                    self.sent_start[k] != k or w.isupper()):
                found.setdefault(w, "party")
            if w in found:
                if not self._ends_longer_name(k):
                    self.label[k], self.canon[k] = "ORG", lex.party_names.get(w, w)
                    rest = longer_names.get(w, "").split()[1:]
                    if rest and cores[k + 1 : k + 1 + len(rest)] == rest:
                        for j in range(k, k + 1 + len(rest)):  # "IG Metall": one name over its words
                            self.label[j], self.canon[j] = "ORG", longer_names[w]
                        self.span_end[k] = k + 1 + len(rest)
                continue
            inst = inst_of.get(w)
            linked = named_heads.get(inst[0].lower()) if inst is not None else None
            if linked is not None and linked[1] < k and self.lowers[k - 1] in _ARTICLES:
                # "das Statistische Bundesamt ... das Bundesamt": the one organisation the article named so
                self.label[k], self.canon[k] = "ORG", linked[0]
                continue
            if inst is not None:
                owner = self._institution_owner(k, inst[1], found, by_country=inst[2] not in _MANY_PER_COUNTRY)
                if owner is not None:
                    name, end = self._institution_name(k, inst[0])
                    for j in range(k, end):
                        self.label[j], self.canon[j] = "ORG", name
                    self.span_end[k] = end
                    self.org_aff[k] = owner
                    institutions.setdefault(name, inst[2])
                elif k + 1 < n and self.lowers[k + 1] in ("des", "der") and (
                        genitive := self._genitive_name(k + 1)) is not None:
                    # "des Hauptverbandes der Deutschen Schuhindustrie": no owner, but a name
                    name, end = f"{inst[0]} {genitive[0]}", genitive[1]
                    for j in range(k, end):
                        self.label[j], self.canon[j] = "ORG", name
                    self.span_end[k] = end
                    institutions.setdefault(name, inst[2])
                elif k > 0 and self.lowers[k - 1] in _DEFINITE_OPENERS and (
                        (full := self._institution_name(k, inst[0]))[1] > k + 1):
                    # "des Instituts für Weltwirtschaft", "der Verband kommunaler Unternehmen": no owner, but the
                    # definite article and the complement make it one institution with a name of its own
                    name, end = full
                    for j in range(k, end):
                        self.label[j], self.canon[j] = "ORG", name
                    self.span_end[k] = end
                    institutions.setdefault(name, inst[2])
        self.org_types.update((w, t) for w, t in found.items() if t)
        self.org_types.update(institutions)

    def _employers_after_von(self, found: dict[str, str], org_word: Callable[[str], bool]) -> None:
        """An organisation named after "von" behind a person's full name: "Anna Brehm von Klimawacht sagte", "Jan
        Roth von Foodwatch, …". A first name and a surname before "von" are the whole name, so the one word
        after it is whom the person works for; a nobility name has "von" right after the first name ("Beatrix von
        Storch") or an article after it ("Ursula von der Leyen"). The word must be one that names no person,
        place or common thing (org_word) and stand alone: "von Klima Aktiv", "von Eintracht 05" and a double name
        ("von Bismarck-Schönhausen") are left."""
        lex, cores, n = self.lex, self.cores, len(self.cores)
        for k in self.caps:
            if k < 3 or self.lowers[k - 1] != "von" or self.label[k] is not None or cores[k] in found:
                continue
            first, surname = cores[k - 3], cores[k - 2]
            if not (lex.first_name(first) and surname[:1].isupper() and surname.replace("-", "").isalpha()
                    and not lex.first_name(surname) and lex.role(surname) is None
                    and self.label[k - 2] is None and self.sent_start[k - 3] == self.sent_start[k]):
                continue
            if k + 1 < n and (cores[k + 1][:1].isupper() or cores[k + 1][:1].isdigit() or cores[k + 1] == "-"):
                continue  # ("von Bayer 04", "von Rot Weiss": a longer name)
            w = cores[k]
            if len(w) >= 4 and "-" not in w and org_word(w):  # ("von Bismarck-Schönhausen": a noble house)
                found.setdefault(w, "")

    def _named_organisations(self, inst_of: dict[str, tuple[str, str, str] | None], found: dict[str, str],
                             institutions: dict[str, str], named_heads: dict[str, tuple[str, int] | None],
                             org_word: Callable[[str], bool]) -> None:
        """Organisations the text names by the form of their names, with no lexicon entry:

        * capitalised adjectives before an institution head inside a sentence ("das Statistische Bundesamt",
          "die Junge Union", "der Deutsche Wetterdienst"), named in the nominative ("Statistisches Bundesamt");
        * a name in apposition after its kind ("die Gewerkschaft Verdi", "der Autobauer BMW", "des
          Sozialverbands VdK"): the name is the organisation;
        * a name before the hyphen of a company or association compound ("Volkswagen-Konzern", "Ifo-Institut").

        ``named_heads`` learns which organisation a head noun named (None when two), so that a later bare
        "das Bundesamt" or "die Gewerkschaft" is that organisation; a bare head noun alone names no one.
        """
        lex, cores, lowers, n = self.lex, self.cores, self.lowers, len(self.words)
        function = _function_words()

        def learn(head: str, name: str, k: int) -> None:
            key = head.lower()
            named_heads[key] = (name, k) if key not in named_heads or (named_heads[key] or ("",))[0] == name else None

        # Per distinct capitalised word: an institution head or a kind of company? Then only the hits are visited.
        distinct, cache = list(self.cap_set), lex.kind_cache()
        try:  # (one probe per word when all are known, as they mostly are: the cache is process-wide)
            answers = list(map(cache.__getitem__, distinct))
        except KeyError:
            for w in self.cap_set.difference(cache):
                lex.org_kind(w)
            answers = list(map(cache.__getitem__, distinct))
        wanted = set(compress(distinct, answers)).union(w for w, inst in inst_of.items() if inst is not None)
        for k in compress(self.caps, map(wanted.__contains__, self.cap_words)):
            w = cores[k]
            if self.label[k] is not None:
                continue
            inst = inst_of.get(w)
            kind = inst[2] if inst is not None else self._org_kind(w)
            if kind is None or lex.never_actor(w):
                continue  # ("der Deutschen Presse-Agentur": the news agency is no actor)
            adjectives = self._name_adjectives(k) if inst is not None else []
            middle = ""
            if inst is not None and (noun := self._name_noun_before(k, adjectives, inst)) is not None:
                # "die Verbraucherzentrale Bundesverband", "des Verbraucherzentrale Bundesverbands": a noun in
                # the name, not an adjective (whose ending would agree with the head): the name as written
                title, end = self._institution_name(k, inst[0])
                name = f"{cores[noun]} {title}"
                for j in range(noun, end):
                    self.label[j], self.canon[j] = "ORG", name
                self.span_end[noun] = end
                institutions.setdefault(name, kind)
                learn(inst[0], name, k)
                continue
            if inst is not None and not adjectives and k >= 2 and not inst[1] and self._name_noun(k - 1):
                # "die Deutsche Diabetes Gesellschaft": a capitalised adjective, a noun of the name, the head
                adjectives = self._name_adjectives(k - 1)
                middle = f" {cores[k - 1]}" if adjectives else ""
            if adjectives:
                first = adjectives[0]
                head = inst[0][len(inst[1]):].lower()  # type: ignore[index]
                gender = lex.head_genders.get(max((h for h in lex.institutions if head.endswith(h)), key=len), "f")
                adjs = " ".join(self._nominative_adjective(a, gender) for a in adjectives)
                title, end = self._institution_name(k, inst[0])  # type: ignore[index]
                name = f"{adjs}{middle} {title}"
                stem = _adjective_stem(lowers[first]) or ""
                if stem.startswith(_INTERNATIONAL_STEMS):
                    kind = "international"
                if name in lex.organisations:  # "des Europäischen Parlaments": the listed "Europäisches Parlament"
                    name = lex.organisations[name][0]
                    kind = lex.org_types.get(name, kind)
                for j in range(first, end):
                    self.label[j], self.canon[j] = "ORG", name
                self.span_end[first] = end
                institutions.setdefault(name, kind)
                learn(inst[0], name, k)  # type: ignore[index]
                continue
            if kind not in _NAMED_BY_APPOSITION:
                continue
            if inst is not None and w[len(inst[0]):] not in ("", "s", "es"):
                continue  # a plural lists several ("die Organisationen Hamas und Fatah")
            m = k + 1
            if k > 0 and self._opened_kind(k) and m < n and self.sent_start[m] == self.sent_start[k] and (
                    self.label[m] is None) and not (k > 1 and lowers[k - 2] in _copulas()):
                # (not the subject of a copula before its predicate noun: "war der Konzern Marktführer")
                name = cores[m]
                acronym = name.isalpha() and (name.isupper() and 2 <= len(name) <= 6 or bool(_ACRONYM.match(name)))
                after = cores[m + 1] if m + 1 < n else ""
                # a name, not a common noun of the clause ("das Geldinstitut Verluste", "der Organisation Mitglied")
                named = acronym or (lowers[m] not in function and name not in month_names()
                                    and not common_german_word(name))
                end = m + 1
                if name[:1].isupper() and after == "&" and m + 2 < n and cores[m + 2][:1].isupper() and (
                        self.label[m + 2] is None and self.sent_start[m + 2] == self.sent_start[m]):
                    # "der Eigentümerverband Haus & Grund": words joined by "&" are a name, common as they are
                    name, end, named = f"{name} & {cores[m + 2]}", m + 3, True
                    after = cores[end] if end < n else ""
                elif named and after[:1].isupper() and self._second_name_word(m + 1, org_word):
                    # "der Autozulieferer Brenntag Automotive", "des Konzerns Siemens Energy": two name words
                    name, end = f"{name} {after}", m + 2
                    after = cores[end] if end < n else ""
                if named and (org_word(cores[m]) or " & " in name) and not (after[:1].isupper() or after[:1].isdigit()):
                    for j in range(k, end):
                        self.label[j], self.canon[j] = "ORG", name
                    self.span_end[k] = end
                    found[name] = found.get(name) or kind  # ("VdK-Präsidentin" found it without a type)
                    learn(inst[0] if inst is not None else w, name, k)
                    continue
            if inst is not None and inst[1].endswith("-") and kind != "party":
                part = inst[1][:-1]
                # German hyphenates a compound with a name ("Volkswagen-Konzern"), seldom one with a common noun
                if "-" in part or not org_word(part) or (not part.isupper() and (
                        common_german_word(part) or zipf(part) >= HYPHEN_NAME_MAX_ZIPF)):
                    continue
                name = part if kind == "company" else inst[0]  # "Volkswagen-Konzern" is Volkswagen
                start = k
                if kind != "company" and k > self.sent_start[k] and lex.first_name(cores[k - 1]) and (
                        self.label[k - 1] is None):
                    start = k - 1  # "Robert Koch-Institut": named after a person
                    name = f"{cores[k - 1]} {name}"
                for j in range(start, k + 1):
                    self.label[j], self.canon[j] = "ORG", name
                self.span_end[start] = k + 1
                if kind == "company":
                    found[part] = found.get(part) or kind
                else:
                    institutions.setdefault(name, kind)

    def _name_noun(self, t: int) -> bool:
        """Can token t be a noun inside an organisation's name, between its adjective and its head ("Deutsche
        Diabetes Gesellschaft")? A capitalised word of the sentence, no function word, role, institution,
        country or name found already."""
        w = self.cores[t]
        return (
            t > self.sent_start[t] and self.label[t] is None and w[:1].isupper() and w.isalpha() and not w.isupper()
            and self.lowers[t] not in _function_words() and self.lex.role(w) is None and self.lex.institution(w) is None
            and not self.lex.first_name(w) and self._adjective_free(w)
        )

    def _adjective_free(self, w: str) -> bool:
        """Is ``w`` no adjective itself (then it would be one of the name's adjectives, not its noun)?"""
        stem = _adjective_stem(w.lower())
        return stem is None or not (stem.endswith(_ADJECTIVE_SUFFIXES) or self.lex.adjective(w) is not None)

    def _second_name_word(self, t: int, org_word: Callable[[str], bool]) -> bool:
        """Can token t be the second word of a company's name after its first ("Brenntag Automotive")? A
        capitalised word of the same sentence, unlabelled, no common German word, role, first name or place."""
        if t >= len(self.words) or self.label[t] is not None or self.sent_start[t] != self.sent_start[t - 1]:
            return False
        w = self.cores[t]
        return w.isalpha() and w[:1].isupper() and not common_german_word(w) and org_word(w) and not (
            self.lex.first_name(w))

    def _acronym_names(self, org_word: Callable[[str], bool]) -> None:
        """Names of an unknown acronym and one or two capitalised words after an article: "die IG Metall",
        "den VfB Stuttgart", "der FC Bayern München". The words are no role, common-noun form, first name,
        place of the lexicon or word written in lowercase in the article (org_word); a known acronym ("die EU
        Kommission") or one that stands alone is not the start of such a name."""
        cores, lowers, n = self.cores, self.lowers, len(self.words)
        lex = self.lex
        short = {w for w in self.cap_set if 2 <= len(w) <= 4 and w.isalpha() and _ACRONYM.match(w)}
        for k in compress(self.caps, map(short.__contains__, self.cap_words)):
            a = cores[k]
            if not (2 <= len(a) <= 4 and a.isalpha() and _ACRONYM.match(a)) or self.label[k] is not None or (
                    k == 0 or lowers[k - 1] not in _ARTICLES or a in lex.parties or a in lex.countries):
                continue
            end = k + 1
            while end < n and end - k <= 2 and self.sent_start[end] == self.sent_start[k] and self.label[end] is None:
                w = cores[end]
                if not (w[:1].isupper() and w[1:].islower() and w.isalpha() and org_word(w)):
                    break
                end += 1
            if end == k + 1 or (end < n and cores[end][:1].isupper()):
                continue
            name = " ".join(cores[k:end])
            for j in range(k, end):
                self.label[j], self.canon[j] = "ORG", name
            self.span_end[k] = end

    def _opened_kind(self, k: int) -> bool:
        """Does an article or contracted preposition open the kind noun ``words[k]``, right before it or before a
        place's adjective ("das Kieler Softwareunternehmen", "der Stuttgarter Zulieferer": a capitalised word in
        -er, which German does not decline)?"""
        lowers, cores = self.lowers, self.cores
        if lowers[k - 1] in _NOUN_OPENERS:
            return True
        place = cores[k - 1]
        return (
            k > 1
            and lowers[k - 2] in _NOUN_OPENERS
            and self.sent_start[k - 1] == self.sent_start[k]
            and len(place) > 4
            and place[:1].isupper()
            and place.isalpha()
            and place.endswith("er")
            and self.label[k - 1] is None
        )

    def _org_kind(self, word: str) -> str | None:
        """The type a noun for a kind of company gives the name after it ("Autobauer", "Energiekonzerns")."""
        return self.lex.org_kind(word)

    def _name_adjectives(self, k: int) -> list[int]:
        """Capitalised adjectives right before token k inside a sentence: German writes an adjective before a
        noun in lowercase unless it opens a name ("das Statistische Bundesamt", "die Junge Union")."""
        found: list[int] = []
        j = k - 1
        while j > self.sent_start[k] and len(found) < MAX_NAME_ADJECTIVES and self._name_adjective(j):
            found.append(j)
            j -= 1
        if not found or j < self.sent_start[k] or self.words[j] in _NAME_BREAKS or self.words[j].isspace():
            return []
        if self.lowers[j] in _WEAK_EN_ARTICLES and any(self.lowers[a].endswith("e") for a in found):
            return []  # after "des" an adjective ends in -en: "des Verbraucherzentrale Bundesverbands" has a noun
        return found[::-1]

    def _name_adjective(self, j: int) -> bool:
        """Is token j a capitalised adjective (by suffix, a short listed stem or a country adjective)?"""
        w, low, lex = self.cores[j], self.lowers[j], self.lex
        if not (len(w) > 3 and w[0].isupper() and w[1:].islower() and w.isalpha()) or self.label[j] is not None:
            return False
        stem = _adjective_stem(low)
        if stem is None or low in _function_words() or stem in _number_words():
            return False
        if lex.role(w) or lex.first_name(w):
            return False
        if stem.endswith(_ADJECTIVE_SUFFIXES) or lex.adjective(w) is not None:
            return True  # (before the noun suffixes: "Statistischen", "Deutschen" end like "Mädchen")
        return stem in lex.name_adjectives and not lex.is_common_noun(w)

    def _name_noun_before(self, k: int, adjectives: list[int], inst: tuple[str, str, str]) -> int | None:
        """The token before the institution head at k when it reads like a capitalised adjective in "-e" but
        cannot be one, so is a noun of the name ("Verbraucherzentrale", "Landeszentrale"): the head is masculine
        or neuter and the word before it is no "der"/"das" (after which a weak "-e" agrees: "der Deutsche
        Wetterdienst"); after "des" the adjective would end in "-en" ("des Verbraucherzentrale Bundesverbands")."""
        j = k - 1
        if j < 1 or self.sent_start[j] != self.sent_start[k]:
            return None
        if adjectives != [j] and not (not adjectives and self.lowers[j - 1] in _WEAK_EN_ARTICLES):
            return None
        low = self.lowers[j]
        if not (low.endswith("e") and self._name_adjective(j)) or self.lex.adjective(self.cores[j]) is not None:
            return None
        lex = self.lex
        head = inst[0][len(inst[1]):].lower()
        gender = lex.head_genders.get(max((h for h in lex.institutions if head.endswith(h)), key=len, default=""), "f")
        if gender not in ("m", "n") or self.lowers[j - 1] in ("der", "das"):
            return None
        return j

    def _nominative_adjective(self, j: int, gender: str) -> str:
        """The adjective at token j as it stands in a name without article ("Statistischen" -> "Statistisches")."""
        w = self.cores[j]
        stem = _adjective_stem(w.lower()) or w.lower()
        return w[: len(stem)] + _NOMINATIVE_ENDING.get(gender, "e")

    def _long_form_type(self, start: int, end: int) -> str:
        """The type of the organisation an acronym's long form names, by its head: the last capitalised word
        before the first link ("Verband der Automobilindustrie", "Deutscher Gewerkschaftsbund"); "" when none."""
        head = ""
        for k in range(start, end):
            if self.lowers[k] in _LONG_FORM_LINKS or (head and self.cores[k].islower()):
                break  # (a genitive plural without article: "Verband kommunaler Unternehmen" is a Verband)
            if self.cores[k][:1].isupper():
                head = self.cores[k]
        inst = self.lex.institution(head) if head else None
        if inst is None:
            return ""
        first = self.lowers[start]
        if head.lower().startswith(_INTERNATIONAL_PREFIX) or (_adjective_stem(first) or "").startswith(
                _INTERNATIONAL_STEMS):
            return "international"
        return inst[2]

    def _institution_name(self, k: int, head: str) -> tuple[str, int]:
        """An institution's full name and the token after it: the head with the complement that names it
        ("Bundesamt für Verfassungsschutz", "Bundesamt für Migration und Flüchtlinge", a ministry's genitive:
        "Bundesministerium des Innern", "Ministerium der Finanzen"), else the head alone."""
        n, cores, lowers = len(self.words), self.cores, self.lowers
        j = k + 1
        low = head.lower()
        genitive = "ministerium" in low and j < n and lowers[j] in ("des", "der")
        named_for = low.endswith(_NAMED_FOR_HEADS) and j < n and lowers[j] == "für"
        if not (named_for or genitive) and j < n and lowers[j] in ("des", "der"):
            named = self._genitive_name(j)
            if named is not None:  # "Bundesverband des Deutschen Möbelhandels"
                return f"{head} {named[0]}", named[1]
        plural = self._genitive_plural_name(j)
        if plural is not None:  # "Bundesverband deutscher Banken", "Verband kommunaler Unternehmen"
            return f"{head} {plural[0]}", plural[1]
        if not (named_for or genitive) and low.endswith(_SEAT_HEADS) and self._seat_name(k, j):
            return f"{head} {cores[j]}", j + 1  # "das Landgericht Passau"
        if not (named_for or genitive) or self.sent_start[j] != self.sent_start[k]:
            return head, k + 1
        m = j + 1
        words: list[str] = []
        while m < n and len(words) < MAX_INSTITUTION_COMPLEMENT and self.sent_start[m] == self.sent_start[k]:
            w = cores[m]
            if w[:1].isupper() and w.replace("-", "").isalpha() and self.label[m] is None and (
                    self.lex.role(w) is None):
                words.append(w)
                m += 1
                if genitive:
                    break  # "des Innern": one word
                if m + 1 < n and lowers[m] == "und" and cores[m + 1][:1].isupper():
                    words.append("und")
                    m += 1
                    continue
            break
        if not words or words[-1] == "und":
            return head, k + 1
        return f"{head} {self.words[j]} {' '.join(words)}", m

    def _seat_name(self, k: int, j: int) -> bool:
        """Is token ``j`` right after the institution head at ``k`` the name of the place it sits in: one
        capitalised word of the same sentence, no label yet, no role, first name, month, common noun or very
        common word ("das Landgericht Passau"; not "das Gericht Montag", "die Polizei Beamte")?"""
        if j >= len(self.words) or self.sent_start[j] != self.sent_start[k] or self.label[j] is not None:
            return False
        w = self.cores[j]
        if not (w[:1].isupper() and w.isalpha() and w == self.words[j]) or not self.lowers[k].endswith(_SEAT_FORMS):
            return False  # (a plural names several: "von den Behörden Ersatzunterkünfte angeboten")
        lex = self.lex
        if not (lex.role(w) is None and w not in lex.first_names and w not in month_names()
                and not lex.is_common_noun(w) and zipf(w) < SEAT_NAME_MAX_ZIPF):
            return False
        # Where the institution stands tells a place from an object: as the sentence's first phrase, after a
        # preposition or a subordinator, or as a noun's genitive ("Das Landgericht Passau hat", "vor dem
        # Amtsgericht Wolfsburg", "wie die Polizei Olpe mitteilte", "Ermittlungen der Staatsanwaltschaft Hof");
        # after a verb the word after the head is the verb's object ("warf die Staatsanwaltschaft Ertel vor",
        # "setzte die Polizei Wasserwerfer ein").
        a = k - 1 if k > 0 and self.lowers[k - 1] in _ARTICLES else k
        if a > self.sent_start[k]:
            before = self.lowers[a - 1]
            genitive = a < k and self.lowers[a] in ("der", "des") and self.cores[a - 1][:1].isupper()
            if not (genitive or before in _seat_preceders()):
                return False
        # A word German also uses as a common word ("Klage") is a place when the text says so elsewhere.
        if common_german_word(w) and zipf(w) >= SEAT_COMMON_ZIPF:
            return re.search(rf"\b(?:in|aus|nach|bei|von) {re.escape(w)}\b", self.text) is not None
        return True

    def _genitive_plural_name(self, j: int) -> tuple[str, int] | None:
        """The genitive plural without article at ``j`` that names an institution ("deutscher Banken",
        "kommunaler Unternehmen", "Deutscher Verkehrsunternehmen"): adjectives in the strong genitive plural
        (-er) and a capitalised noun that is no role title, and the token after it; None otherwise."""
        n = len(self.words)
        m = j
        while m < n and m - j < MAX_NAME_ADJECTIVES and self.sent_start[m] == self.sent_start[j] and (
                self.lowers[m].endswith("er") and self.lowers[m].isalpha() and self.label[m] is None
                and self.lowers[m] not in _function_words()
                and (self.lowers[m][:-2].endswith(_ADJECTIVE_SUFFIXES)
                     or self.lex.adjective(self.cores[m]) is not None)):
            m += 1
        if m == j or m >= n or self.sent_start[m] != self.sent_start[j] or self.label[m] is not None:
            return None
        noun = self.cores[m]
        if not (noun[:1].isupper() and noun.replace("-", "").isalpha() and noun[1:].islower()) or self.lex.role(noun):
            return None
        return " ".join(self.words[j : m + 1]), m + 1

    def _genitive_name(self, j: int) -> tuple[str, int] | None:
        """The genitive at ``j`` that completes an institution's name, and the token after it: the article,
        capitalised adjectives and a noun ("des Deutschen Möbelhandels", "der Bayerischen Metall- und
        Elektroindustrie" is not read: one noun). German writes an adjective inside a noun phrase in lowercase
        unless it is part of a name, so the capital makes the genitive the name's; None otherwise ("des
        Verbands der Bauern", "der deutschen Industrie" name no one in particular)."""
        n = len(self.words)
        m = j + 1
        while m < n and m - j <= MAX_NAME_ADJECTIVES and self.sent_start[m] == self.sent_start[j] and (
                self._name_adjective(m) and self.lowers[m].endswith("en")):
            m += 1
        if m == j + 1 or m >= n or self.sent_start[m] != self.sent_start[j] or self.label[m] is not None:
            return None
        noun = self.cores[m]
        if not (noun[:1].isupper() and noun.replace("-", "").isalpha() and noun[1:].islower()) or self.lex.role(noun):
            return None
        return " ".join(self.words[j : m + 1]), m + 1

    def _ends_longer_name(self, k: int) -> bool:
        """Is the organisation word at ``k`` the last word of another organisation's name, introduced by the
        kind of organisation it is ("der Fahrgastverband Pro Bahn" is not the Bahn)? The word before it is a
        capitalised word that is no adjective of the name ("Deutsche Bahn"), no other organisation, country
        or role title, and the word before that names a kind of organisation (institutions.txt); an acronym
        ends no other name. "die Firma Porsche", "die Lokführergewerkschaft GDL" stay the organisation."""
        j = k - 1
        if j < 1 or self.words[k].isupper() or self.sent_start[k] in (k, j):
            return False
        prev = self.words[j]
        return (
            prev[:1].isupper() and prev.isalpha() and not prev.isupper()
            and self.label[j] is None
            and not prev.lower().endswith(("e", "en", "er", "es", "em"))
            and self.lex.role(prev) is None
            and self.lex.institution(self.words[j - 1]) is not None
        )

    def _long_form(self, bracket: int, acr: str) -> int | None:
        """First token of the long form an acronym in brackets abbreviates ("Internationale Atomenergiebehörde
        (IAEA)"): capitalised words (with "für", "der" ... between), the first starting with the acronym's letter;
        a role title before them ends it ("der Chef der ..."), a first name or a country means a person or a
        place, not an organisation."""
        lex, words = self.lex, self.cores
        k, start = bracket - 1, None
        while k >= 0 and bracket - k <= MAX_LONG_FORM_TOKENS and self.sent_start[k] == self.sent_start[bracket]:
            w = words[k]
            if w[:1].isupper() and w.replace("-", "").isalpha():
                if lex.role(w):
                    break  # "der Chef der Internationalen Atomenergie-Organisation (IAEO)": the long form follows
                if lex.first_name(w) or self.label[k] in ("COUNTRY", "METONYM"):
                    return None
                if w[:1] == acr[:1] and self.lowers[k] not in DETERMINERS:  # not "Der" opening the sentence
                    start = k
            elif self.lowers[k] not in _LONG_FORM_LINKS and not (
                    # an inflected adjective between an article and a noun: "Vereinigung der kommunalen Arbeitgeber"
                    w.isalpha() and w.islower() and w.endswith(_ADJECTIVE_ENDINGS) and 0 < k < bracket - 1
                    and self.lowers[k - 1] in _GENITIVE_ARTICLES and words[k + 1][:1].isupper()) and not (
                    # a genitive plural without article, its adjective strong: "Verband kommunaler Unternehmen"
                    w.isalpha() and w.islower() and w.endswith("er") and 0 < k < bracket - 1
                    and words[k - 1][:1].isupper() and words[k + 1][:1].isupper()):
                break
            k -= 1
        if start is None or not words[bracket - 1][:1].isupper():
            return None
        return start

    def _names_organisation(self, start: int, end: int, acr: str) -> bool:
        """Does the long form [start, end) name an organisation: an institution head ("Bundeskriminalamt",
        "Europäische Zentralbank") or a proper name the acronym spells ("Human Rights Watch (HRW)")?
        "Bruttoinlandsprodukt (BIP)" and "Mitteleuropäische Zeit (MEZ)" do not."""
        caps = [w for w in self.cores[start:end] if w[:1].isupper()]
        if self.lex.institution(caps[-1]) is not None:
            return True
        if len(caps) >= 2 and caps[0] in self.lex.common_noun_orgs and self.lowers[start + 1] in _NOUN_COMPLEMENTS:
            return True  # a common noun of a group with its complement: "Allianz der kleinen Inselstaaten (AOSIS)"
        if len(caps) >= 2 and self.lowers[start + 1] == "für" and self.lex.institution(caps[0]) is not None:
            return True  # an institution head and its field: "Bundesinstitut für Arzneimittel und Medizinprodukte"
        # The acronym spells the capitalised words, or all of them with the links ("Verband der
        # Automobilindustrie (VDA)", "Bund für Umwelt und Naturschutz (BUND)"), or the words without the links
        # ("Vereinigung der kommunalen Arbeitgeber (VKA)")
        words = [w for w in self.cores[start:end] if w[:1].isalpha()]
        spelled = ("".join(w[0] for w in caps), "".join(w[0] for w in words),
                   "".join(w[0] for w in words if w not in _LONG_FORM_LINKS))
        return len(caps) >= 2 and acr.upper() in {x.upper() for x in spelled}

    def _institution_owner(self, k: int, prefix: str, found: dict[str, str], by_country: bool = True) -> str | None:
        """Who an institution belongs to: compound prefix, country adjective before, country genitive after.

        A country owns only what it has one of (``by_country``): "die italienische Regierung" is one actor,
        "chinesische Unternehmen" are any companies of China, no actor.
        """
        lex = self.lex
        if prefix:
            low = prefix.lower()
            aff = self.lex._prefix_affiliation(low) if low.endswith("-") or low in lex.prefixes else None
            if aff is None and low.startswith(tuple(p for p in lex.prefixes if not p.endswith("-"))):
                aff = self.lex._prefix_affiliation(low)
            if aff is not None:
                return aff
            head = prefix.rstrip("-")
            if prefix.endswith("-") and (head in found or head in lex.parties or head in lex.organisations):
                return lex.organisations[head][0] if head in lex.organisations else lex.party_names.get(head, head)
        if not by_country:
            return None
        if k > 0 and self.words[k - 1].islower():
            aff = lex.adjective(self.words[k - 1])
            if aff is not None:
                return aff
        if k + 1 < len(self.words) and self.label[k + 1] in ("COUNTRY", "METONYM") and self.words[k + 1].endswith("s"):
            return self.canon[k + 1]
        # its seat after "in": "ein Sprecher des Innenministeriums in Paris", "die Regierung in Warschau"
        # (a capital that seats several, "in Brüssel", names no one country)
        if k + 2 < len(self.words) and self.lowers[k + 1] == "in" and self.label[k + 2] in ("COUNTRY", "METONYM") and (
                self.canon[k + 2] in lex.countries):
            return self.canon[k + 2]
        return None

    def mark_credits(self) -> None:
        """Block names that follow credit markers or news-producer roles, and bylines ("Von X Y")."""
        doc, lex = self.doc, self.lex
        n = len(doc)
        # Only a credit marker, "Von" or a producer role can open a credit: find those in C first.
        markers, lowers = lex.credit_markers, self.lowers
        openers = {i for i, w in zip(self.caps, self.cap_words, strict=True)
                   if w == "Von" or lowers[i].rstrip(":") in markers}
        openers.update(i for i, r in self.role_at.items() if r.kind == "producer")
        for i in sorted(openers):
            word = self.words[i]
            low = self.lowers[i].rstrip(":")
            role = self.role_at.get(i)
            by_marker = low in lex.credit_markers and (
                word.isupper() or (i + 1 < n and self.words[i + 1] in (":", "|")) or word.endswith(":")
            )
            byline = word == "Von" and self.sent_start[i] == i and self._byline(i)
            if by_marker or byline or (role is not None and role.kind == "producer"):
                words, k = 0, i + 1
                inline = by_marker and not word.isupper()  # "Foto: ..." runs to the line end; "AUTOREN" heads a list
                limit = CREDIT_LINE_WINDOW if inline else CREDIT_WINDOW
                while k < n and words < limit and not (inline and "\n" in self.words[k]):
                    text = self.cores[k]
                    if text[:1].isalpha():
                        words += 1
                        if text[:1].isupper() and self.name_like(k) and not lex.first_name(text):
                            self.blocked.add(fold(text))
                    k += 1

    def _byline(self, i: int) -> bool:
        """Is the "Von" at ``i`` a byline: a line of its own holding names only ("Von Anna Berg und Jan Ott,
        ARD-Studio Brüssel"), not a sentence that opens with the preposition ("Von der Leyen betonte, ...",
        "Von Obama selbst liegt nichts vor")?  A byline has no sentence mark and no lowercase word but
        "und", a name particle or an article before its line ends."""
        words, lowers = self.words, self.lowers
        count = 0
        for k in range(i + 1, len(words)):
            w = words[k]
            if "\n" in w:
                break
            if w in _SENTENCE_MARKS:
                return False
            if w[:1].isalpha():
                count += 1
                if count > CREDIT_LINE_WINDOW or (w[:1].islower() and lowers[k] not in _BYLINE_LOWERCASE):
                    return False
        return count > 0

    def name_run(self, i: int, need_first: bool) -> tuple[int, int] | None:
        """Token range [i, j) of a name starting at i: first names, particles, one surname."""
        doc, lex = self.doc, self.lex
        n = len(doc)
        sent = self.sent_start[i]
        j = i
        firsts = 0
        while j < n and firsts < MAX_FIRST_NAMES and self.sent_start[j] == sent:
            text = self.cores[j]
            if lex.first_name(text) and self.name_like(j) and j + 1 < n and self._continues(j + 1):
                firsts += 1
                j += 1
            else:
                break
        if need_first and not firsts:
            return None
        while firsts and j + 1 < n and _INITIAL.match(self.words[j]) and self.sent_start[j] == sent:
            j += 1  # "John F. Kennedy"
        k = j
        while k < n and self.lowers[k] in NAME_PARTICLES and self.words[k].islower() and k + 1 < n:
            k += 1
        if k > j and self.lowers[j] in GERMAN_PARTICLES and (
            self.lowers[j] not in _NOBLE_OPENERS
            or (k == j + 1 and self.lowers[j] == "von" and zipf(self.cores[k]) >= NOBLE_SURNAME_MAX_ZIPF)
        ):
            # "Renato Augusto von Bayer": where he plays, not his surname (but "Ole von Beust"); "Ernst der
            # Lage": an article after a word that may be a first name, not "von der Leyen"
            k = j
        if k < n and self.sent_start[k] == sent and self.name_like(k):
            end = k + 1
            if self.lowers[k] in _CAPITAL_PARTICLES:
                # a foreign particle written with a capital opens the surname ("Alexander Van der Bellen",
                # "Marine Le Pen", "Luigi Di Maio"): the name goes on to the word after its particles
                m = end
                while m < n and self.words[m].islower() and self.lowers[m] in NAME_PARTICLES:
                    m += 1
                if m < n and self.sent_start[m] == sent and self.name_like(m) and self._name_shaped(m):
                    end = m + 1
            if not need_first:
                # After a title the name is all capitalised words that follow, first names we do not
                # know included: "US-Außenministerin Condoleezza Rice", "NATO-Generalsekretär Jaap de Hoop Scheffer".
                while end < n and end - i < MAX_TITLED_NAME_TOKENS and self.sent_start[end] == sent:
                    m = end
                    while m < n and ((self.words[m].islower() and self.lowers[m] in NAME_PARTICLES) or (
                            _INITIAL.match(self.words[m]))):
                        m += 1
                    german = any(self.lowers[k] in GERMAN_PARTICLES for k in range(end, m))
                    if german and (self.lowers[end] not in _NOBLE_OPENERS or not self._noble_chain(end, m)):
                        # "Benjamin Netanyahu den US-Luftangriff": an article, not "von der"; "Corny Littmann zu
                        # den Beweggründen": "zu" and an article, a preposition's phrase
                        break
                    if german and self._first_and_surname(i, end):
                        # "Vize-Regierungschef Matteo Salvini von der Lega": a first name and a surname make a
                        # whole name, "von der" after it names where he belongs (but "Ursula von der Leyen",
                        # "Tessen von Heydebreck": first names alone are no one's whole name)
                        break
                    if m < n and m - i < MAX_TITLED_NAME_TOKENS and self.name_like(m) and self._name_shaped(m) and (
                            not german or zipf(self.cores[m]) < NOBLE_SURNAME_MAX_ZIPF
                            or self._first_names_only(i, end)):
                        end = m + 1
                    else:
                        break
            return i, end
        if firsts >= 2:  # "Mark Rutte" where Rutte is listed as a first name elsewhere: last one is surname
            return i, j
        return None

    def _noble_chain(self, a: int, b: int) -> bool:
        """Are the particles [a, b) a German noble name's ("von", "zu", "von der", "von und zu")? An article
        follows "von" only ("von der Leyen"); after "zu" it opens a prepositional phrase ("zu den Gründen")."""
        return all(self.lowers[k] not in _NOBLE_ARTICLES or (k > a and self.lowers[k - 1] == "von")
                   for k in range(a, b))

    def _first_names_only(self, i: int, j: int) -> bool:
        """Are tokens [i, j) first names only ("Karl-Theodor", "Ursula")?  A particle after them opens the
        surname however common its word ("Karl-Theodor zu Guttenberg"): a first name alone is no one's name."""
        lex = self.lex
        return all(all(map(lex.first_name, self.cores[k].split("-"))) for k in range(i, j))

    def _first_and_surname(self, i: int, j: int) -> bool:
        """Do tokens [i, j) hold a first name we know followed by a word that is not one ("Matteo Salvini")?"""
        lex = self.lex
        return j - i >= 2 and bool(lex.first_name(self.cores[i])) and not all(
            map(lex.first_name, self.cores[j - 1].split("-")))

    def _name_shaped(self, k: int) -> bool:
        """A further name word after a title: not a known noun ending, not the start of a new clause."""
        w = self.cores[k]
        return len(w) > 1 and w[1:].islower() or "-" in w or bool(_CAMEL_NAME.match(w))

    def _continues(self, k: int) -> bool:
        doc = self.doc
        while k < len(doc) and ((self.lowers[k] in NAME_PARTICLES and self.words[k].islower()) or (
                _INITIAL.match(self.words[k]))):
            k += 1
        return k < len(doc) and self.name_like(k)

    def role_before(self, i: int) -> tuple[RoleInfo | None, int]:
        """Role title right before token i (or before an apposition "Sprecherin des X, ..."), and its index."""
        if i > 0 and self.words[i - 1] == "[":
            i -= 1
        if i > 0 and self.sent_start[i - 1] == self.sent_start[i]:
            r = self.role_at.get(i - 1)
            if r:
                return r, i - 1
        k = i - 1  # "EU-Kommissar für Energie Günther Oettinger": the title's field between it and the name
        while k > max(i - 4, 1) and (self.cores[k][:1].isupper() or (self.lowers[k] == "und" and k < i - 1)):
            k -= 1
        if k < i - 1 and k > 0 and self.lowers[k] == "für" and self.sent_start[k - 1] == self.sent_start[i] and (
                r := self.role_at.get(k - 1)) is not None and r.kind == "role":
            return r, k - 1
        if i > 1 and self.words[i - 1] == ",":
            r = self.role_at.get(i - 2)
            if r and r.kind == "role" and i > 2 and self.sent_start[i - 3] == self.sent_start[i] and (
                    self.lowers[i - 3] in DETERMINERS or self.lowers[i - 3] in _possessives()):
                return r, i - 2  # "Ihr Anwalt, Matthias Reuter, sprach ...", "Der Sprecher, Tim Holm, sagte ..."
            k, steps = i - 2, 0
            while k >= 0 and steps < APPOSITION_WINDOW:
                if self.words[k] == ")" and k >= 2 and self.words[k - 2] == "(":
                    k -= 3  # a short name in brackets is no word of the genitive: "der Deutschen Industrie (BDI)"
                    continue
                r = self.role_at.get(k)
                if r and self.lowers[k + 1] in ("des", "der", "von", "für"):
                    return r, k  # ("die Ministerin für Asyl und Migration, Marjolein Faber")
                if self.words[k] in _APPOSITION_STOPS or self.sent_start[k] != self.sent_start[i]:
                    break  # (a quotation mark: "Chef der Gewerkschaft „Öffentliche Dienste, Transport ...“")
                k -= 1
                steps += 1
        return None, -1

    def role_after(self, j: int) -> tuple[RoleInfo | None, str | None]:
        """Apposition after a name: "Emmanuel Macron (r), Präsident von Frankreich", "Ismail Hanija, der Chef
        der Hamas", "X, früherer Chef des Konzerns" (an article and one lowercase word may open it)."""
        doc = self.doc
        n = len(doc)
        k = j
        if k < n and self.words[k] == "(":
            while k < n and self.words[k] != ")" and k - j < 4:
                k += 1
            k += 1
        if k + 1 < n and self.words[k] == ",":
            r_idx = k + 1
            if r_idx < n and self.lowers[r_idx] in DETERMINERS:
                r_idx += 1
            word = self.words[r_idx] if r_idx < n else ""
            if r_idx not in self.role_at and (
                (word.islower() and word.isalpha()) or (word.endswith("er") and word in self.lex.demonyms)
            ):
                r_idx += 1  # "der frühere Chef", "der Schweizer Bundespräsident"
            r = self.role_at.get(r_idx)
            if r and r.kind == "role" and not self._titles_next_name(r_idx):
                # a title several countries give ("X, der Bundespräsident") names its country only by what the
                # article says ("X, der österreichische Bundespräsident"), not by its lexicon default (the
                # caller leaves that to _place_shared_titles); an adjective names the country of any title
                aff = None if self.lex.shared_countries(r.text) else r.affiliation
                if aff is None and r_idx - 1 > k + 1:
                    aff = self.affiliation_before(r_idx)[0]  # "X, der französische Botschafter"
                m = r_idx + 1
                if m + 1 < n and self.lowers[m] in ("von", "der", "des") and self.canon[m + 1]:
                    aff = aff or self.canon[m + 1]
                elif m + 1 < n and self.lowers[m] in _COMPLEMENT_ARTICLES:
                    aff = aff or self._complement_institution(m + 1)  # "X, Hauptgeschäftsführer des Verbands Y"
                elif m < n and self.label[m] == "COUNTRY":
                    aff = aff or self.canon[m]
                return RoleInfo(r.text, r.stem, r.gender, aff or r.affiliation, r.kind), aff
        return None, None

    def _complement_institution(self, k: int) -> str | None:
        """The institution a title's genitive names at token ``k``, with the words that name it ("des
        Berufsverbands der Kinder- und Jugendärzte" -> "Berufsverband der Kinder- und Jugendärzte", "des
        Lebensmittelverbands Deutschland" -> "Lebensmittelverband Deutschland"), for the title holder's
        affiliation; None when ``k`` is no institution (a news agency's never is)."""
        n, words = len(self.words), self.words
        inst = self.lex.institution(self.cores[k]) if k < n else None
        if inst is None or inst[2] == "-" or inst[2] in _STATE_INSTITUTIONS:
            return None  # (a state's institution is its country's: "die Sprecherin des Außenministeriums")
        j = k + 1
        if j < n and self.sent_start[j] == self.sent_start[k] and self.lowers[j] in ("der", "des", "für"):
            tail = [words[j]]
            m = j + 1
            while m < n and self.sent_start[m] == self.sent_start[k] and len(tail) <= MAX_INSTITUTION_COMPLEMENT:
                w, nxt = words[m], words[m + 1] if m + 1 < n else ""
                adjective = w.isalpha() and w.islower() and w.endswith(_ADJECTIVE_INFLECTIONS)
                if (w[:1].isupper() and w.replace("-", "").isalpha()) or (nxt[:1].isupper() and (
                        self.lowers[m] == "und" or adjective)):
                    tail.append(w)  # nouns, "und" and adjectives before a noun: "der deutschen Wirtschaft"
                    m += 1
                else:
                    break
            if len(tail) > 1 and tail[-1][:1].isupper():
                return " ".join([inst[0], *tail])
        elif j < n and words[j] in self.lex.countries and self.lex.countries[words[j]] == words[j]:
            return f"{inst[0]} {words[j]}"  # "des Lebensmittelverbands Deutschland": the nominative names it
        return None  # "des Verbands, …": which one, the title does not say

    def _name_before_hyphen(self, i: int) -> tuple[str, bool] | None:
        """The organisation of several words whose last word is the part of the title at ``i`` before its
        hyphen (German joins a name of several words to a title by its last word: "der Human Rights
        Watch-Sprecher", "der IG Metall-Vorsitzende"), and whether the lexicon lists it; None otherwise.
        A listed name of up to :data:`MAX_NAME_WORDS_BEFORE_HYPHEN` words before it, or an acronym and the
        word ("IG Metall", "FC Bayern"). The words before the title are marked as part of the title."""
        head = self.cores[i].split("-", 1)[0]
        if not head[:1].isupper():
            return None
        found: tuple[str, bool] | None = None
        start = i
        for k in range(i - 1, max(-1, i - 1 - MAX_NAME_WORDS_BEFORE_HYPHEN), -1):
            if self.sent_start[k] != self.sent_start[i] or not self.cores[k][:1].isupper():
                break
            if self.label[k] is not None or self.space[k]:
                break
            listed = self.lex.organisations.get(" ".join([*self.cores[k:i], head]))
            if listed is not None:
                found, start = (listed[0], True), k
                break
        if found is None and i > 0 and start == i:
            k = i - 1
            if (self.label[k] is None and not self.space[k] and self.sent_start[k] == self.sent_start[i]
                    and _ACRONYM.match(self.cores[k]) and self.cores[k] not in self.lex.countries
                    and self.lex.role(head) is None):
                found, start = (f"{self.cores[k]} {head}", False), k
        if found is None:
            return None
        for k in range(start, i):
            # part of a name no mention of its own counts (like the word before the hyphen: "Hamas-Chef
            # Ismail Hanija" is a mention of Hanija), and no part of a person's name
            self.label[k] = "PART"
        r = self.role_at[i]
        self.role_at[i] = RoleInfo(" ".join([*self.words[start:i], r.text]), r.stem, r.gender, r.affiliation, r.kind)
        return found

    def _titles_next_name(self, r_idx: int) -> bool:
        """Does the role title at ``r_idx`` open the next item of a list of people rather than an apposition:
        a first name follows it before the clause goes on ("Ministerin X (CDU), der Vorstandsvorsitzende
        der Bundesagentur Frank-Jürgen Weise und ...")?"""
        end = min(len(self.words), r_idx + 1 + APPOSITION_WINDOW)
        for k in range(r_idx + 1, end):
            if self.words[k] in _APPOSITION_STOPS or self.sent_start[k] != self.sent_start[r_idx]:
                return False
            if self.lex.first_name(self.cores[k]) and self.name_like(k):
                return True
        return False

    def affiliation_before(self, r_idx: int) -> tuple[str | None, str | None]:
        """Country (genitive, adjective) or possessor person before a role title at r_idx."""
        lex = self.lex
        k, words = r_idx - 1, 0
        while k >= 0 and words < 2:
            text = self.words[k]
            if self.space[k] or text == "|":  # layout residue between adjective and title
                k -= 1
                continue
            words += 1
            if self.label[k] in ("COUNTRY", "ORG", "METONYM") and text.endswith("s"):
                if self.label[k] == "ORG" or text[:-1] in self.lex.countries or text[:-1] in self.lex.metonyms:
                    return self.canon[k], None  # "Frankreichs Präsident"
                break  # "in Paris Regierungschef X": Paris is where, not whose
            adj = lex.adjective(text) if text.islower() else None
            if adj:
                return adj, None
            if k == r_idx - 1 and text.endswith("er") and text in lex.demonyms:
                return lex.demonyms[text][0], None  # "der Schweizer Bundespräsident": a country's "-er" adjective
            region = _region_of(text)
            if region is not None:
                return region, None  # "Bayerns Innenminister", "die sächsische Kultusministerin": the state's
            if text[:1].isupper() and text.endswith("s") and not self.label[k]:
                pk = self.known_key(text)
                if pk is None:
                    pk = fold(text[:-1])
                return None, pk
            if text.lower() in DETERMINERS or text.islower():
                k -= 1
                continue
            break
        return None, None

    def possessive_owner(self, r_idx: int) -> str | None:
        """Whose role the title at r_idx is when a possessive opens its sentence ("Die Gewerkschaft Verdi
        warnte. Ihr Vorsitzender Frank Werneke sagte ..."): the first organisation, party or country of the
        sentence before; None otherwise."""
        k = self._before_adjectives(r_idx, _possessives())  # "Ihre haushaltspolitische Sprecherin"
        if k < 0 or self.lowers[k] not in _possessives() or self.sent_start[k] != k or self.sent_no[k] == 0:
            return None
        start, end = self.table.sents[self.sent_no[k] - 1]
        return next((self.canon[t] for t in range(start, end) if self.label[t] in _OWNER_LABELS and self.canon[t]),
                    None)

    def _speaker_after_verb(self, r_idx: int) -> bool:
        """Is the title at ``r_idx`` the subject right after a verb of saying ("…“, sagte der Ehrenvorsitzende
        Karl-Peter Naumann", "…, sagte der verkehrspolitische Sprecher Matthias Gastel")? Like a title opening
        its sentence, it names the person whose words follow the organisation's, not someone met or named."""
        if r_idx > 1 and self.lowers[r_idx - 1] in self.speech_forms and self.words[r_idx - 2] in ",“\"":
            return True  # "…, sagte Geschäftsführer Bernd Kallweit": the bare title right after the verb
        k = r_idx - 1
        while k > 0 and self.words[k].islower() and self.words[k].isalpha() and self.words[k].endswith(
                ("e", "en", "er", "es", "em")) and self.lowers[k] not in DETERMINERS:
            k -= 1
        return k > 0 and self.lowers[k] in ("der", "die") and self.lowers[k - 1] in self.speech_forms

    def _opening_organisation(self, r_idx: int, role: RoleInfo) -> str | None:
        """Whose title the bare one opening its sentence at ``r_idx`` is ("Die Organisation Pro Asyl kritisierte
        den Plan. Geschäftsführer Karl Kopp sagte, ..."): the organisation the sentence before opens with, for a
        title held inside one (``organisation_roles.txt``) that names no owner of its own; None otherwise."""
        if role.affiliation or self.sent_no[r_idx] == 0 or not (
                self.sent_start[r_idx] == r_idx or self._speaker_after_verb(r_idx) or (
                    # "Kritik kam von den Grünen. Die Fraktionsvorsitzende Katharina Schulze ...": a definite
                    # article before the opening title points back as much as the bare title does
                    self.sent_start[r_idx] == r_idx - 1 and self.lowers[r_idx - 1] in _DEFINITE_SUBJECT_ARTICLES)):
            return None
        if not role.stem.endswith(_organisation_roles()) or "-" in self.words[r_idx]:
            return None
        k = r_idx + 1
        while k < len(self.words) and k <= r_idx + MAX_APPOSITION_NAME_TOKENS and self.words[k][:1].isupper():
            k += 1
        if k > r_idx + 1 and k < len(self.words) and self.lowers[k] in _OWNER_AFTER_NAME:
            return None  # "…, sagte Sprecherin Anna Kolb von der Gewerkschaft Verdi": the owner follows the name
        generic = None
        if r_idx + 1 < len(self.words) and (
                self.lowers[r_idx + 1] in _COMPLEMENT_ARTICLES or self.lowers[r_idx + 1] == "von"):
            generic = self._generic_owner(r_idx + 2)
            if generic is None:
                return None  # "Die Fraktionsvorsitzende der CSU, Petra Huber, ...": the title names its owner
        start, end = self.table.sents[self.sent_no[r_idx] - 1]
        for t in range(start, min(end, start + OPENING_SUBJECT_TOKENS)):
            name = self.canon[t]
            if self.label[t] == "ORG" and name:
                # a company, association or party; a state body's title is its country's ("Die spanische
                # Regierung ... Regierungschef Pedro Sánchez": Spain)
                kind = self.lex.org_types.get(name) or self.org_types.get(name)
                if generic is not None:
                    return name if kind == generic else None  # "der Organisation": one of its type
                # (one of unknown type, named by acronym, is no state body: those are listed institutions)
                return name if kind in _OWNING_TYPES or kind is None else None
            if self.label[t] is not None:
                return None  # a country or person opens it
        return None

    def _generic_owner(self, k: int) -> str | None:
        """The type of organisation the bare head noun at ``k`` names after the title's article ("Die
        Geschäftsführerin der Organisation, Helene Brandt", "Der Chef des Verbands sagte"): it points back to the
        one named before, as "ihr Vorsitzender" does; None where the owner has a name of its own ("der
        Organisation Pro Asyl", "des Verbands der Autoindustrie") or the noun is no such head."""
        if k >= len(self.words) or self.sent_start[k] != self.sent_start[k - 1]:
            return None
        found = self.lex.institution(self.cores[k])
        if found is None or found[1] or found[2] not in _OWNING_TYPES:
            return None  # a compound ("der Umweltorganisation") names a kind of its own
        nxt = self.words[k + 1] if k + 1 < len(self.words) else ""
        if nxt[:1].isupper() or nxt.lower() in _COMPLEMENT_ARTICLES:
            return None
        return found[2]

    def add_person(self, i: int, j: int, role: RoleInfo | None, evidence_idx: int, quoted: bool = False) -> None:
        """Record the name in tokens [i, j) (title at ``evidence_idx``, -1 if none) as a person mention.
        ``quoted``: the person is known to speak elsewhere in the article (see :meth:`add_silent_experts`)."""
        doc, lex = self.doc, self.lex
        surname, s_start = self.core(j - 1)
        key = fold(surname)
        if key in self.blocked or (role is not None and role.kind == "producer"):
            return
        if role is not None and role.kind == "expert" and not quoted and not self._speaks(i) and not self._opines(i):
            self.silent_experts.append((i, j, role, evidence_idx))
            return
        first_text, start = self.core(i)
        end = self.idx[j - 1] + len(self.words[j - 1].rstrip("]"))
        name = self.text[start:end]
        if "\n" in name:
            return
        known = self.known_key(surname)
        if known:
            key = known
        p = self.persons.get(key)
        if p is not None and j - i >= 2 and self._other_first_name(p, first_text):
            key = f"{key}|{fold(first_text)}"  # "Georg Ratzinger" beside "Joseph Ratzinger": two brothers
            p = self.persons.get(key)
        if p is None:
            if len(self.persons) >= self.max_persons:
                return
            p = self.persons[key] = _Person(key=key, name=name, first=start)
        elif len(name.split()) > len(p.name.split()) and p.first >= start or " " in name and " " not in p.name:
            p.name = name
        for k in range(i, j):
            self.used[k] = True
        if evidence_idx >= 0:
            self.used[evidence_idx] = True  # the title is part of this mention, not a reference of its own
        p.forms.append(name)
        p.mentions.append(Mention(start, end, name))
        if p.gender is None and lex.first_name(first_text):
            p.gender = lex.first_name(first_text)
        if role is not None and (p.role is None or (role.affiliation and not p.role.affiliation)):
            p.role = role
            if role.gender:
                p.gender = role.gender
            elif p.gender is None and lex.adjectival(role.stem):
                p.gender = self._article_gender(evidence_idx)
        if role is not None and evidence_idx >= 0:
            aff, possessor = self.affiliation_before(evidence_idx)
            owner = None if aff or possessor else (
                self.possessive_owner(evidence_idx) or self._opening_organisation(evidence_idx, role))
            if owner is not None and (owner in lex.parties or self.org_types.get(owner) == "party"):
                p.party = p.party or owner  # "Die Grünen stimmten dagegen. Ihre Rentenexpertin Anja Reinalter ..."
            elif owner is not None:
                aff = owner
            k = evidence_idx + 1
            if not aff and k + 1 < i and self.lowers[k] in ("der", "des", "von") and self.canon[k + 1]:
                aff = self.canon[k + 1]  # "der Präsident der Ukraine, Wolodymyr Selenskyj"
            elif not aff and k + 1 < i and self.lowers[k] in _COMPLEMENT_ARTICLES:
                aff = self._complement_institution(k + 1)  # "der Präsident des Berufsverbands der Kinderärzte, X"
            if aff:
                _place(p, aff)
            if possessor and not p.possessor:
                p.possessor = possessor
        r2, aff2 = self.role_after(j)
        if r2 is not None and p.role is None:
            p.role = r2
        if aff2:
            _place(p, aff2)
        elif r2 is not None and role is None and not p.affiliation and not p.shared and p.role is r2:
            # "X, der Bundespräsident": as for the title before the name below
            p.shared = lex.shared_countries(r2.text)
            p.affiliation = r2.affiliation
        org = self.org_prefix.get(evidence_idx) if evidence_idx >= 0 else None
        if org is not None:  # "CDU-Politiker X": X's party; "Hamas-Chef X": X speaks for the Hamas
            if self.org_types.get(org) == "party" or org in lex.parties:  # ("Grünen-Politikerin": the Grüne)
                p.party = p.party or org
            elif not p.affiliation and not (role is not None and role.affiliation):
                p.affiliation = org
        if role is not None and not p.affiliation:
            # a title several countries give ("Bundeskanzler") names its country only by what the article
            # says (resolve); until then the lexicon's default stands
            p.shared = lex.shared_countries(role.text) if role.kind == "role" else ()
            p.affiliation = role.affiliation
        if i > 0 and self.words[i - 1] in lex.demonyms:
            _place(p, lex.demonyms[self.words[i - 1]][0])  # "der Franzose Emmanuel Macron"
        if j < len(doc) - 2 and self.words[j] == "(" and self.words[j + 1] in lex.parties and self.words[j + 2] == ")":
            p.party = p.party or lex.party_names.get(self.words[j + 1], self.words[j + 1])
        elif j < len(doc) - 3 and self.words[j] == "(" and self.words[j + 3] == ")":
            listed = lex.organisations.get(f"{self.words[j + 1]} {self.words[j + 2]}")  # "(Freie Wähler)"
            if listed is not None and lex.org_types.get(listed[0]) == "party":
                p.party = p.party or listed[0]
        if p.placed_at < 0 or i < p.placed_at:  # the first mention's context, not the last one's
            p.placed_at = i
            p.context_country = self._sentence_country(i)
            p.near_countries, p.near_orgs = self._near_countries(i)
            p.sent = self.sent_no[i]

    def _speaks(self, i: int) -> bool:
        s = self.sent_start[i]
        if s not in self._sent_speaks:
            k, found = s, False
            while k < len(self.doc) and self.sent_start[k] == s:
                if self.lowers[k] in self.speech_forms:
                    found = True
                    break
                k += 1
            self._sent_speaks[s] = found
        return self._sent_speaks[s]

    def _opines(self, i: int) -> bool:
        """Does the sentence of token ``i`` report a view by "halten … für" ("Der Politologe X hält das Ziel
        für unrealistisch")?"""
        s = self.sent_start[i]
        k, n, holds = s, len(self.doc), False
        while k < n and self.sent_start[k] == s:
            if self.lowers[k] in _HOLDS:
                holds = True
            elif holds and self.lowers[k] == "für":
                return True
            k += 1
        return False

    def _sentence_country(self, i: int) -> str | None:
        """First country acting in the sentence of token i (fallback affiliation for officials); a country
        inside quotation marks is what the speaker talks about ("Sprecher X sagte: „Pakistan muss ...“"), and so
        is one in a clause that opens after him ("Minister X verwies darauf, dass sein Land Geflüchtete aus der
        Ukraine aufgenommen habe").

        Asked while people are found, after the places and organisations are marked (labels no longer change).
        """
        s = self.sent_start[i]
        if s not in self._sent_country:
            if self._country_tokens is None:  # the country and seat tokens of the document
                self._country_tokens = [k for k in self.labelled() if self.label[k] in _COUNTRY_LABELS]
            end = self.table.sents[self.sent_no[i]][1]
            k = bisect.bisect_left(self._country_tokens, s)
            found: list[int] = []
            if k < len(self._country_tokens) and self._country_tokens[k] < end:
                if self._quote_regions is None:
                    self._quote_regions = quote_regions(self.text)
                while k < len(self._country_tokens) and self._country_tokens[k] < end:
                    if not in_regions(self.idx[self._country_tokens[k]], self._quote_regions):
                        found.append(self._country_tokens[k])
                    k += 1
            self._sent_country[s] = found
        for t in self._sent_country[s]:
            if not self._in_later_clause(i, t):
                return self.canon[t]
        return None

    def _in_later_clause(self, i: int, t: int) -> bool:
        """Does token t stand in a subordinate clause that opens after token i, in i's sentence ("X verwies
        darauf, dass ... t"), or in the reported speech after his verb of saying ("X sagte am Montag, man stehe
        an der Seite der Ukraine")? What such a clause names is what X speaks about, not whom X speaks for."""
        said = False
        particles: frozenset[str] = frozenset()  # of a separable verb of saying opened before ("kündigte … an")
        separable = separable_speech()
        for k in range(i + 1, t + 1):  # (the clause may open with t itself: "X sagte, Österreich ...")
            low = self.lowers[k - 1]
            # "X kündigte an, die Bundeswehr werde ... über Polen": the particle closes the verb of saying
            said = said or low in self.speech_forms or (low in particles and self.words[k] == ",")
            particles = particles | separable.get(low, frozenset())
            if self.words[k - 1] == "," and (said or self.lowers[k] in _CLAUSE_OPENERS):
                return True
        return False

    def _near_countries(self, i: int) -> tuple[frozenset[str], bool]:
        """The countries (capitals as metonyms included) named outside quotation marks in the sentence of token
        i and the sentence before, and whether an organisation is named there."""
        no = self.sent_no[i]
        lo, hi = self.table.sents[max(0, no - 1)][0], self.table.sents[no][1]
        if self._quote_regions is None:
            self._quote_regions = quote_regions(self.text)
        countries, orgs = set(), False
        values = self.lex.country_names()
        for k in range(bisect.bisect_left(self.labelled(), lo), len(self.labelled())):
            t = self.labelled()[k]
            if t >= hi:
                break
            if in_regions(self.idx[t], self._quote_regions) or self._after_place_preposition(t):
                continue  # "In der Ukraine sprach Präsident Putin": where he spoke, not whose he is
            if t > i and self._in_later_clause(i, t):
                continue  # "Minister X verwies darauf, dass ... aus der Ukraine": what he speaks about
            owner = self.org_aff.get(t)
            if self.label[t] in _COUNTRY_LABELS and self.canon[t] in values:
                countries.add(self.canon[t] or "")
            elif owner in values and self.org_types.get(self.canon[t] or "") == "institution":
                # "die spanische Regierung": Spain acts (a country's association may have a president of its own)
                countries.add(owner or "")
            elif self.label[t] == "ORG" and (t == 0 or self.label[t - 1] != "ORG"):
                orgs = True
        return frozenset(countries), orgs

    def _after_place_preposition(self, t: int) -> bool:
        """Does a place preposition stand before token t, over articles ("in Madrid", "in der Ukraine")?"""
        k = t - 1
        while k >= 0 and self.lowers[k] in DETERMINERS:
            k -= 1
        return k >= 0 and self.lowers[k] in self.lex.prepositions.get("loc", frozenset())

    def _head_country(self, p: _Person) -> str | None:
        """The country a head of government named by a bare title speaks for (:data:`HEAD_ROLES`): the one
        country named near the first mention, when no other person near it holds that country already."""
        if p.role is None or len(p.near_countries) != 1:
            return None
        # An official of a government named with a portfolio and no country ("Auch aus Luxemburg kommt
        # Widerspruch. Außenminister Xavier Bettel …") speaks for it as much, where no organisation is near.
        official = p.role.stem in _GOVERNMENT_OFFICIALS and "-" not in p.role.text and not p.near_orgs
        if not official and (p.role.stem not in HEAD_ROLES or p.role.text.lower() != p.role.stem):
            return None  # (a compound names what he heads: "Bauernpräsident", "US-Präsident" has its country)
        country = next(iter(p.near_countries))
        if (p.role.stem in _ORG_HEAD_ROLES and p.near_orgs) or (
                p.role.stem in _LAND_HEAD_ROLES and country == _LAND_HEAD_COUNTRY):
            return None
        if any(q is not p and q.affiliation == country and abs(q.sent - p.sent) <= 1 for q in self.persons.values()):
            return None  # "Frankreichs Präsident Macron empfing Regierungschef X in Paris": X is someone else's
        return country

    def find_people(self) -> None:
        doc, lex = self.doc, self.lex
        ents = [e for e in doc.ents if e.label_ in ("PER", "PERSON")]
        for e in ents:
            start = e.start
            while start < e.end and not self.name_like(start):  # "Präsident Macron" tagged as one PER span
                start += 1
            if start == e.end or not all(self.name_like(k) or self.lowers[k] in NAME_PARTICLES
                                         for k in range(start, e.end)):
                continue  # a model's PER on common nouns or adverbs ("Später") is not a name
            role, r_idx = self.role_before(start)
            self.add_person(start, e.end, role, r_idx)
        role_at, words, first_names = self.role_at, self.words, lex.first_names
        # The words the test below lets through (after a title, a first name, hyphenated, after a
        # comma or bracket, or first), found with maps in C; the test itself stays as it was.
        cores = self.cores
        cap_cores = [cores[k] for k in self.caps]
        starts = {k + 1 for k in role_at}
        starts.update([k for k, w in zip(self.caps, cap_cores, strict=True) if w in first_names or "-" in w])
        starts.update(i + 1 for i in self.marks() if words[i] in _COMMA_OR_BRACKET)
        starts.add(0)
        for i in sorted(starts.intersection(self.caps)):
            if self.used[i]:
                continue
            text = self.cores[i]
            if not text[:1].isupper():
                continue
            if i - 1 not in role_at and text not in first_names and "-" not in text and (
                    i == 0 or words[i - 1] not in (",", "[")):
                continue  # no title before it, no first name: not the start of a new name
            role, r_idx = self.role_before(i)
            if role is not None and role.kind != "producer":
                run = self.name_run(i, need_first=False)
                if run and words[i - 1] == "," and not lex.first_name(text) and self._enumerated(run[1]):
                    continue  # "die Ministerin für Umwelt, Verkehr und Energie": a list of the title's fields
            elif lex.first_name(text):
                run = self.name_run(i, need_first=True)
            else:
                continue
            if run:
                self.add_person(run[0], run[1], role, r_idx)
        self.find_appositions()
        self.find_bare_speakers()
        self.add_silent_experts()
        # surname-only and variant mentions of people found above
        if not self.persons:
            return
        # No new people from here on: one lookup per distinct word, then only the hits are visited.
        # known_key's first-letter test is made once per distinct first letter, not per word.
        distinct = set(cap_cores).difference(lex.not_names)
        initials = self.initials()
        openers = {c for c in {w[:1] for w in distinct} if c.isupper() and fold(c) in initials}
        keys = {}
        for text in distinct:
            if text[:1] in openers and text.isalpha():
                key = self._known_key(fold(text))
                if key is not None:
                    keys[text] = key
        for i in compress(self.caps, map(keys.__contains__, cap_cores)):
            if self.used[i] or self.label[i] is not None:
                continue
            text = cores[i]  # == self.core(i)[0]; the char offset is only needed for a hit
            key = keys[text]
            start = self.core(i)[1]
            p = self.persons[key]
            # (a tuple built by "+": mypyc cannot compile a starred generator in a tuple display)
            genitive = text.endswith("s") and fold(text[:-1]) in (key,) + tuple(fold(f.split()[-1]) for f in p.forms)
            form = text[:-1] if genitive else text
            self.used[i] = True
            p.forms.append(form)
            p.mentions.append(Mention(start, start + len(text), text))
            role, r_idx = self.role_before(i)
            if role is not None and role.kind == "role":
                if p.role is None or (role.affiliation and not p.role.affiliation):
                    p.role = role
                aff, _ = self.affiliation_before(r_idx)
                p.affiliation = p.affiliation or aff or role.affiliation

    def _enumerated(self, j: int) -> bool:
        """Does a list of capitalised words go on at ``j`` ("…, Senioren, Frauen und Jugend"): more words joined
        by commas, then a coordinator and a capitalised word?"""
        words, n = self.words, len(self.words)
        k = j
        while k + 2 < n and words[k] == "," and self.cores[k + 1][:1].isupper() and not (
                self.lex.first_name(self.cores[k + 1])):
            k += 2
        return k + 1 < n and self.lowers[k] in _COORDINATORS and self.cores[k + 1][:1].isupper()

    def add_silent_experts(self) -> None:
        """An expert named by title in a sentence that reports nothing they say ("Der Politologe Karl Brandl
        hält das Ziel für unrealistisch") is an actor when the article quotes them elsewhere ("…", sagte
        Brandl) or prints their answers in an interview (a paragraph opening "Brandl: …"): the full name and
        the title are theirs. One named only in passing (a teaser) stays none."""
        for i, j, role, evidence_idx in self.silent_experts:
            surname = self.core(j - 1)[0]
            key = self.known_key(surname) or fold(surname)
            p = self.persons.get(key)
            answers = re.search(rf"(?:^|\n){re.escape(surname)}:\s", self.text) is not None
            if not answers and (p is None or not any(self._speaks(self._token_at(m.start)) for m in p.mentions)):
                continue  # (a paragraph opening "Brandl: …" is an interview's answer: the expert speaks there)
            self.add_person(i, j, role, evidence_idx, quoted=True)
            p = self.persons.get(key)
            if p is None:
                continue
            p.mentions.sort(key=lambda m: m.start)
            p.first = min(p.first, p.mentions[0].start)

    def find_appositions(self) -> None:
        """Names introduced by an apposition with a title: "Ismail Hanija, der Chef der Hamas, ...",
        "Jean Dupont, früherer Minister, ...". The name is two to four name-like words (first names we do
        not know included) right before the comma, opening a clause."""
        words, lowers = self.words, self.lowers
        for ri, r in sorted(self.role_at.items()):
            if r.kind != "role" or ri < 3:
                continue
            c = ri - 1
            if lowers[c] in DETERMINERS:
                c -= 1
            if words[c] != "," and words[c].islower() and words[c].isalpha() and not (
                    lowers[c] in self.singular_speech or lowers[c] in speech_forms()):
                c -= 1  # "X, früherer Minister" (not "100 Millionen Euro, sagte BDI-Chefin Y")
            if c < 2 or words[c] != "," or self.sent_start[c] != self.sent_start[ri]:
                continue
            s = c
            while s - 1 >= self.sent_start[c] and c - (s - 1) <= MAX_APPOSITION_NAME_TOKENS and (
                    self.name_like(s - 1) or (self.lowers[s - 1] in _INNER_PARTICLES and self.words[s - 1].islower())):
                s -= 1
            known = next((k for k in range(s, c - 1) if self.lex.first_name(self.cores[k])), None)
            if known is not None:
                s = known  # "Nach Angaben von Ismail Hanija, ...": the name starts at its first name
            elif c - s != 2:
                continue  # without a first name we know, only "Firstname Surname"
            if not self.name_like(s) or not self.name_like(c - 1):
                continue
            if s > self.sent_start[s] and (words[s - 1][:1].isupper() or lowers[s - 1] in DETERMINERS):
                continue  # inside a longer noun phrase
            self.add_person(s, c, None, -1)
            self.used[ri] = True  # "der Chef der Hamas" is part of this mention, not a reference of its own

    def find_bare_speakers(self) -> None:
        """Bare surnames next to a singular verb of saying: "Macron sagte, ...", "..., sagte Putin am Montag".

        Without a first name or title this is the weakest evidence, so the word must look like a name
        everywhere in the article: never lowercase, never after an article, not a listed noun or adverb,
        and in front of the verb the sentence must not continue with another subject ("Damals sagte er").
        """
        words, lowers, n = self.words, self.lowers, len(self.words)
        verbs = self.singular_speech
        verb_at = [i for i in self.signals() if lowers[i] in verbs]
        if not self.caps or not verb_at:
            return
        around = sorted({k for i in verb_at for k in (i - 1, i + 1) if 0 <= k < n})
        around = [i for i in around if words[i][:1].isupper() and not self.used[i] and self.label[i] is None]
        if not around:
            return
        lower_words: set[str] | None = None  # built on first need: most candidates fail name_like first
        after_article: set[str] = set()
        counts: Counter[str] = Counter()
        for i in around:
            if self.used[i]:
                continue
            text = self.cores[i]
            if not text.isalpha() or len(text) < 3 or text.isupper() or not self.name_like(i):
                continue
            if lower_words is None:
                lower_words = self.lowercase_words()
                after_article = {words[k] for k in self.caps if k and lowers[k - 1] in DETERMINERS}
                counts = Counter(map(self.cores.__getitem__, self.caps))
            if text.lower() in lower_words or text in after_article or fold(text) in self.blocked:
                continue
            before = i > 0 and lowers[i - 1] in verbs and self.sent_start[i - 1] == self.sent_start[i]
            # "X sagte" at a sentence start: X may be a fronted adverb ("Tatsächlich sagte der Minister"),
            # so the verb must not be followed by another subject, and X must recur in the article
            after = (i + 1 < n and lowers[i + 1] in verbs and self.sent_start[i] == i and (
                i + 2 >= n or not (lowers[i + 2] in SUBJECT_PRONOUNS or lowers[i + 2] in DETERMINERS
                                   or words[i + 2][:1].isupper())) and counts[text] >= 2)
            if i + 1 < n and (words[i + 1][:1].isdigit() or words[i + 1] in month_names()):
                continue  # a time expression: "erklärte Mitte Mai", "sagte Ende 2020"
            # (a name right after it, found or not, makes it the name's title: "sagte Juristin Anna Keller")
            if (before and (i + 1 >= n or not (self.name_like(i + 1) or self.used[i + 1]))) or after:
                self.add_person(i, i + 1, None, -1)

    def link_references(self) -> None:
        """Role-only ("der Kremlchef"), demonym ("der Franzose") and pronoun mentions."""
        lex = self.lex
        if not self.persons:
            return
        regions = quote_regions(self.text)
        sent_idx = self.sent_no
        recent: list[tuple[int, int, _Person, bool]] = []  # (token, sentence, person, object-like)
        starts = {}
        for p in self.persons.values():
            for m in p.mentions:
                starts[m.start] = p
        # Tokens where the loop below can act: a mention start, a pronoun, a role title or demonym;
        # every other token falls through it without effect, so they are left out (found in C).
        n = len(self.words)
        todo = {i for i in self.signals() if self.lowers[i] in PRONOUNS}
        todo.update(self.role_at)
        todo.update(compress(self.caps, map(lex.demonyms.__contains__, self.cap_words)))
        todo.update(self.cored)
        idx = self.idx
        for s in starts:
            k = bisect.bisect_left(idx, s)
            if k < n and idx[k] == s:
                todo.add(k)
        for i in sorted(todo):
            text = self.words[i]
            p_here = starts.get(self.idx[i]) or (starts.get(self.core(i)[1]) if self.cores[i] is not text else None)
            if p_here is not None:
                if not in_regions(self.idx[i], regions):
                    # (a person named inside quotation marks is talked about: no antecedent of a pronoun after it,
                    # "„Ich schätze Thomas Kehl“, sagte er")
                    recent.append((i, sent_idx[i], p_here, self._object_like(i)))
                continue
            if self.used[i]:
                continue
            low = self.lowers[i]
            if not text[:1].isupper() and low not in PRONOUNS:
                continue
            prev = self.lowers[i - 1] if i else ""
            target = None
            if prev in DETERMINERS and text[:1].isupper():
                role = self.role_at.get(i)
                if role is not None and role.kind == "role" and not (prev == "die" and role.gender == "m") and (
                        prev not in _INDEFINITES):
                    # ("die Agrarminister wollen ...": a masculine title after "die" is plural, a group; "Ein
                    # Sprecher sagte": an indefinite article brings in someone new, never the holder named before)
                    target = self._person_with_role(role) or self._party_epithet(role, sent_idx[i], recent)
                elif text in lex.demonyms and not self._attributive(i):
                    target = self._person_of_country(lex.demonyms[text][0], recent)
            elif low in PRONOUNS and not in_regions(self.idx[i], regions) and (
                    low != "sie" or self._next_to_speech(i)):
                target = self._antecedent(PRONOUNS[low], sent_idx[i], recent, i)
            if target is not None:
                target.mentions.append(Mention(self.idx[i], self.idx[i] + len(text), text))
                recent.append((i, sent_idx[i], target, self._object_like(i)))

    def _attributive(self, i: int) -> bool:
        """Is the demonym at token i an adjective in front of a capitalised noun, not a person ("Der Deutsche
        Richterbund forderte ...", "der Schweizer Bundesrat", "die Deutsche Bahn")?  A name right after it
        ("der Franzose Emmanuel Macron") is a mention of its own, so nothing is lost there either."""
        k = i + 1
        return k < len(self.words) and not self.space[k] and self.words[k][:1].isupper() and (
            self.words[k].isalpha())

    def _next_to_speech(self, i: int) -> bool:
        """ "sagte sie" / "sie betonte": "sie" is singular often enough only beside a verb of saying."""
        doc = self.doc
        return any(0 <= k < len(doc) and self.lowers[k] in self.speech_forms for k in (i - 1, i + 1))

    def _object_like(self, i: int) -> bool:
        """Is the mention at i governed by a preposition or a genitive ("Selenskyjs"), not a subject?"""
        lex = self.lex
        text = self.words[i]
        if text.endswith("s") and fold(text) not in self.persons and fold(text[:-1]) in self.persons:
            return True
        k = i - 1
        while k >= max(0, self.sent_start[i]) and k >= i - 4:
            low = self.lowers[k]
            if low in lex.prepositions.get("obj", ()):
                return True
            if low in DETERMINERS or k in self.role_at or (self.words[k].islower() and lex.adjective(low)) or (
                self.label[k] is not None and self.words[k].endswith("s")) or (self.used[k] and k == i - 1):
                k -= 1
                continue
            break
        return False

    def _oblique(self, i: int) -> bool:
        """Is the mention at token ``i`` an accusative or dative object by its article ("dem Bürgermeister",
        "den Kollegen X"), the article possibly before adjectives and a title?"""
        k = i - 1
        while k >= max(0, self.sent_start[i]) and k >= i - 4:
            low = self.lowers[k]
            if low in _OBLIQUE_ARTICLES:
                return True
            if low in DETERMINERS or k in self.role_at or (self.words[k].islower() and self.lex.adjective(low)):
                k -= 1
                continue
            break
        return False

    def _antecedent(
        self, gender: str, sent: int, recent: list[tuple[int, int, _Person, bool]], at: int
    ) -> _Person | None:
        """Person the pronoun at token ``at`` refers to: a subject-like mention earlier in this sentence, else
        the first subject-like mention of the nearest preceding sentence (German main clauses open with the
        subject far more often than they end with it: "Macron telefonierte mit Trump. ..., versprach er").
        A person named in the pronoun's own clause is none ("Nach dem Gespräch mit X sagte er": a pronoun is
        never bound in its clause)."""
        window = []
        own = self._clause_opening(at)
        for r in reversed(recent):  # only the tail: recent grows with the document
            if sent - r[1] >= PRONOUN_SENTENCE_WINDOW:
                break
            if r[0] < own or r[1] != sent:
                window.append(r)
        window.reverse()
        cands = [r for r in window if (r[2].gender == gender) or (gender == "m" and r[2].gender is None)]
        if not cands:
            return None
        if gender == "f" and recent[-1][2] is not cands[-1][2]:
            return None  # "sie" is usually plural; only take it when the last person is female
        for s in range(sent, sent - PRONOUN_SENTENCE_WINDOW, -1):
            in_sent = [r for r in cands if r[1] == s]
            if s < sent and in_sent and self._opens_with_pronoun(in_sent[0][0], gender):
                # "Er war es, der das von Präsident X gesetzte Ziel …": he, carried on (not linked: the opening
                # pronoun itself is no candidate here), is not X
                continue
            subjects = [r for r in in_sent if not r[3] and not self._oblique(r[0])]
            if subjects:
                if any(r[2] is not subjects[0][2] and self._coordinated(subjects[0][0], r[0]) for r in subjects):
                    return None  # "Auf der Liste standen X und Y. Er …": two of the gender, which one is unsaid
                return subjects[0][2]
            # else a preposition's ("von X geleitet", "Für X bedeutet …"); never an accusative or dative object
            # ("gratulierte der Christdemokrat dem Bürgermeister": the one congratulated does not speak next)
            others = [r for r in in_sent if not self._oblique(r[0])]
            if others:
                return others[-1][2]
        return None

    def _opens_with_pronoun(self, i: int, gender: str) -> bool:
        """Does the sentence of token ``i`` open with a personal pronoun of ``gender`` as its subject ("Er
        lobte den Kollegen X", "Sie traf die Ministerin X")? The person it stands for goes on, and the persons
        named after it are others."""
        k = self.sent_start[i]
        return k < i and PRONOUNS.get(self.lowers[k]) == gender and self.words[k][:1].isupper()

    def _coordinated(self, i: int, j: int) -> bool:
        """Are the mentions starting at tokens ``i`` < ``j`` joined by "und" or "sowie" ("X (SPD) und Y",
        "die Abgeordneten X und Y"): nothing between them but "und", "sowie", commas, brackets, articles and
        capitalised words?"""
        between = range(i + 1, j)
        return j > i and any(self.lowers[k] in _PERSON_JOINERS for k in between) and all(
            self.lowers[k] in _PERSON_JOINERS or self.lowers[k] in DETERMINERS or self.words[k] in ",()"
            or self.words[k][:1].isupper() for k in between
        )

    def _clause_opening(self, i: int) -> int:
        """The first token of the clause holding token ``i``: after the last comma, semicolon, colon, dash,
        bracket or quotation mark of its sentence before it."""
        k = i - 1
        while k >= self.sent_start[i] and self.words[k] not in _CLAUSE_BOUNDARIES:
            k -= 1
        return k + 1

    def _party_epithet(self, role: RoleInfo, sent: int, recent: list[tuple[int, int, _Person, bool]]) -> _Person | None:
        """ "..., sagte der CSU-Politiker": a party politician named by party alone is the person last
        named as a subject in this or the sentence before, when gender and party do not contradict; the
        person gains the party."""
        prefix = role.text.rsplit("-", 1)[0] if "-" in role.text else ""
        if role.stem not in PARTY_EPITHETS or prefix not in self.lex.parties:
            return None
        for _, s, p, object_like in reversed(recent):
            if sent - s > 1:
                return None
            if object_like:
                continue
            if (p.gender and role.gender and p.gender != role.gender) or (p.party and p.party != prefix):
                return None
            p.party = p.party or prefix
            return p
        return None

    def _person_with_role(self, role: RoleInfo) -> _Person | None:
        hits = [p for p in self.persons.values() if p.role and p.role.text.lower() == role.text.lower()]
        if not hits and role.affiliation:
            # the one holder of the same office there ("der US-Präsident" for "US-Präsident Trump"), or of any
            # office an epithet stands for ("der Kremlchef" for the Russian president); never the holder of another
            # office ("der NATO-Außenminister" is not the NATO-Generalsekretär)
            hits = [p for p in self.persons.values() if p.role and p.affiliation == role.affiliation and (
                p.role.stem == role.stem or role.stem.endswith(_EPITHET_ENDINGS)
                or p.role.stem in epithet_titles(role.stem))]
        return hits[0] if len(hits) == 1 else None

    def _person_of_country(self, country: str, recent: list[tuple[int, int, _Person, bool]]) -> _Person | None:
        for r in reversed(recent):
            if r[2].affiliation == country:
                return r[2]
        hits = [p for p in self.persons.values() if p.affiliation == country]
        return hits[0] if len(hits) == 1 else None

    def find_groups(self) -> None:
        """Country, metonym and organisation mentions (places after "in" are not actors)."""
        doc, lex = self.doc, self.lex
        loc = lex.prepositions.get("loc", frozenset())
        n = len(doc)
        nxt = 0  # the next token not inside a span handled already
        for i in self.labelled():
            if i < nxt:
                continue
            label = self.label[i]
            end = self.span_end[i]
            canon = self.canon[i]
            if label == "METONYM" and self.sent_start[i] == i and end < n and self.words[end] in DATELINE_MARKS:
                nxt = end  # dateline "Berlin (dpa) -", "Berlin taz |": the place of writing
                continue
            if label == "METONYM":
                k = i - 1
                while k >= 0 and self.lowers[k] in DETERMINERS:
                    k -= 1
                if k >= 0 and self.lowers[k] in loc:
                    nxt = end
                    continue
            if canon is None:
                nxt = end
                continue
            org_type = lex.org_types.get(canon) or self.org_types.get(canon)
            if label == "ORG" and i > 0 and self.lowers[i - 1] in _ONE_MEMBER and (
                    org_type == "party" or canon in lex.parties):
                nxt = end  # "einem Demokraten", "ein Republikaner aus Texas": one member, not the party
                continue
            # a seat read as a bloc ("Brüssel" -> NATO) is that organisation
            kind = "organization" if label == "ORG" or org_type else "country"
            start_c, end_c = self.table.char_span(i, end)
            surface = self.text[start_c:end_c]
            owner: str | None = self.org_aff.get(i)
            aff = canon if kind == "country" else owner or lex.organisations.get(surface, (None, None))[1]
            if kind == "organization" and aff is None:
                aff = next((v[1] for v in lex.organisations.values() if v[0] == canon and v[1]), None)
            shared = lex.shared_countries(canon) if kind == "organization" and end == i + 1 else ()
            if shared:
                # "die Bundesregierung": Germany's or Austria's by an adjective, genitive or seat with it ("die
                # österreichische Bundesregierung", "die Bundesregierung in Wien"), else by the article (resolve)
                own = self._institution_owner(i, "", {})
                owner = aff = own if own in shared else None
                if owner is None:
                    self._shared_groups[(kind, canon, owner)] = shared
            self._add_group(kind, canon, owner, aff, org_type, Mention(start_c, end_c, surface))
            nxt = end
        # "Hamas-Chef Ismail Hanija" is a mention of Hanija, not of the Hamas: a speaker phrase must name him
        for e in doc.ents:  # organisations from a loaded pipeline's NER (none on a blank one)
            if e.label_ == "ORG" and self.label[e.start] is None and e.text[:1].isupper():
                self._add_group("organization", e.text, None, None, None, Mention(e.start_char, e.end_char, e.text))

    def _add_group(self, kind: str, canon: str, owner: str | None, aff: str | None, org_type: str | None,
                   mention: Mention) -> None:
        """Add a mention to the group (kind, name, owner): the Russian and the Ukrainian foreign ministry differ."""
        g = self.groups.get((kind, canon, owner))
        if g is None:
            g = self.groups[(kind, canon, owner)] = _Group(canon, kind, aff, mention.start, org_type=org_type)
        g.first = min(g.first, mention.start)
        g.mentions.append(mention)

    def merge_genitives(self) -> None:
        """A person first seen in the genitive ("Joseph Ratzingers Wahl ... Ratzinger") is the same person."""
        for key in sorted(self.persons):
            base = key[:-1]
            if key.endswith("s") and base in self.persons:
                p = self.persons.pop(key)
                _merge_person(self.persons[base], p, [f[:-1] if f.endswith("s") else f for f in p.forms])

    def merge_inner_names(self) -> None:
        """A person named by one word that is an inner part of exactly one longer name of the text is that
        person: "Lula" of "Luiz Inácio Lula da Silva", "García" of "Gabriel García Márquez".  Only for
        names of three or more words, whose last word alone is not how the text goes on to name them, and
        never for a word that is a first name ("Peter" of "Hans Peter Friedrich" may be someone else)."""
        lex = self.lex
        inner: dict[str, list[str]] = {}
        for key, p in self.persons.items():
            words = p.name.split()
            if len(words) < 3:
                continue
            for w in words[1:-1]:
                if w[:1].isupper() and not lex.first_name(w):
                    inner.setdefault(fold(w), []).append(key)
        if not inner:
            return
        for key in sorted(self.persons):
            lone = self.persons.get(key)
            if lone is None or " " in lone.name or any(" " in f for f in lone.forms):
                continue
            owners = inner.get(fold(lone.name), [])
            if len(owners) != 1 or owners[0] == key or owners[0] not in self.persons:
                continue
            del self.persons[key]
            _merge_person(self.persons[owners[0]], lone, lone.forms)

    def complete_names(self) -> None:
        """A person found by surname only ("Abbas sagte") who is named in full elsewhere ("Mahmud Abbas traf"):
        the capitalised word right before the surname is the first name when it can be nothing else (no
        title, country, organisation, common noun, function word, and never written in lowercase)."""
        lone = {p.name: p for p in self.persons.values() if " " not in p.name and not any(" " in f for f in p.forms)}
        if not lone:
            return
        lex, cores, words = self.lex, self.cores, self.words
        function = _function_words()
        lower_words: set[str] | None = None
        for k in self.caps:
            p = lone.get(cores[k])
            if p is None or k == 0 or self.sent_start[k] == k or " " in p.name:
                continue
            f = k - 1
            first = cores[f]
            if not (first[:1].isupper() and first.replace("-", "").isalpha() and len(first) >= 2) or first.isupper():
                continue
            if lower_words is None:
                lower_words = self.lowercase_words()
            if (self.label[f] is not None or self.used[f] or self.role_at.get(f)
                    or lex.is_common_noun(first) or lex.adjective(first) or first in lex.demonyms
                    or self.lowers[f] in function or self.lowers[f] in lower_words
                    or not (first[1:].islower() or "-" in first)
                    or (f > 0 and self.words[f - 1].islower() and not lex.first_name(first)
                        and self.lex.adjective(self.words[f - 1]) is not None)  # "der libysche Diktator Gaddafi"
                    or (f > 0 and self.sent_start[f] != f and (self.lowers[f - 1] in _NOUN_OPENERS or (
                        self.words[f - 1].islower() and self.lex.adjective(self.words[f - 1]) is None
                        and self.words[f - 1].endswith(ADJ_ENDINGS[1:]))))):
                continue
            start, end = self.core(f)[1], self.idx[k] + len(words[k].rstrip("]"))
            name = self.text[start:end]
            if "\n" in name:
                continue
            p.name = name
            p.forms.append(name)
            p.mentions = [m for m in p.mentions if not (start <= m.start and m.end <= end)]
            p.mentions.append(Mention(start, end, name))
            self.used[f] = True
            if p.gender is None and lex.first_name(first):
                p.gender = lex.first_name(first)

    def resolve(self) -> list[Actor]:
        self.merge_genitives()
        self.merge_inner_names()
        self.complete_names()
        self._place_shared_titles()
        for key, shared in self._shared_groups.items():
            if key in self.groups:
                body = self.groups[key]
                body.affiliation = self._shared_country(shared, None, at=self._token_at(body.first))
        for p in self.persons.values():
            if p.shared:
                continue  # (placed above)
            if not p.affiliation and p.possessor and p.possessor in self.persons:
                p.affiliation = self.persons[p.possessor].affiliation
            if not p.affiliation and p.party and p.role is not None and p.role.stem in MINISTER_ROLES:
                # "Verteidigungsminister Boris Pistorius (SPD) kündigte an, ... über Polen ...": a minister of a
                # party only one country has is that country's minister, whatever country the sentence or the
                # one before names (shared party names wait for the article below)
                own = self.lex.party_candidates(p.party)
                if len(own) == 1:
                    p.affiliation = own[0]
            if not p.affiliation and p.role is not None and p.role.stem in CONTEXT_ROLES and "-" not in p.role.text:
                # a spokesperson, minister or envoy without a country in the title speaks for the country
                # acting in the sentence ("Russland teilte über die Sprecherin ... mit"); a president's
                # country is named with the title, and "Airbus-Sprecher" speaks for a company
                p.affiliation = p.context_country
            if not p.affiliation:
                p.affiliation = self._head_country(p)
            if not p.affiliation and p.party and p.role is not None and p.role.stem in MINISTER_ROLES:
                # "Arbeitsministerin Bärbel Bas (SPD)": a minister of a German party is a German minister; one of
                # the "Grüne" is Germany's, Austria's or Switzerland's as the article tells
                candidates = self.lex.party_candidates(p.party)
                p.affiliation = candidates[0] if len(candidates) == 1 else (
                    self._shared_country(candidates, p.party, at=p.placed_at, me=p.key) if candidates else None)
        items: list[tuple[int, str, object]] = [(p.first, "p", p) for p in self.persons.values()]
        items += [(g.first, "g", g) for g in self.groups.values()]
        items.sort(key=lambda t: (t[0], t[1]))
        actors = []
        for n, (_, what, obj) in enumerate(items, start=1):
            if what == "p":
                p = obj  # type: ignore[assignment]
                assert isinstance(p, _Person)
                full = [f for f in p.forms if " " in f]
                if full:  # the most frequent full form names the person (a typo seen first must not win)
                    forms = set(full)
                    p.name = max(_unique(full), key=lambda f: (
                        not (f.endswith("s") and f[:-1] in forms),  # "Joseph Ratzingers" is a genitive
                        full.count(f), f.split()[0] in self.lex.first_names))
                aliases = _unique(f for f in p.forms if f != p.name)
                actors.append(Actor(
                    id=f"A{n}", name=p.name, kind="person", role=self._role_text(p),
                    affiliation=p.affiliation, party=p.party, aliases=tuple(aliases),
                    mentions=_distinct_mentions(p.mentions),
                    party_country=self._party_country(p.party, p.affiliation, self._token_at(p.first), p.key),
                ))
            else:
                g = obj
                assert isinstance(g, _Group)
                aliases = _unique(m.text for m in g.mentions if m.text != g.name)
                actors.append(Actor(
                    id=f"A{n}", name=g.name, kind=g.kind, affiliation=g.affiliation,  # type: ignore[arg-type]
                    aliases=tuple(aliases), mentions=_distinct_mentions(g.mentions),
                    org_type=g.org_type if g.kind == "organization" else None,
                    party_country=self._party_country(g.name, None, self._token_at(g.first))
                    if g.kind == "organization" else None,
                ))
        return actors

    def _place_shared_titles(self) -> None:
        """The country of each person known only by a title several countries share ("Bundespräsident
        Alexander Van der Bellen": Germany's, Austria's or Switzerland's): the holder's party's, else the one
        the article names; none when it does not say. One office has one holder per country: a title another
        person of the article holds for a country by a sign of their own ("Bundeskanzler Christian Stocker
        (ÖVP)") is not that country's for a second person, and two holders of one title placed only by the
        article are placed by it for neither, where the article names another of the title's countries too
        (where it names none, they are a former and the current holder of one country's office)."""
        def office(p: _Person) -> str:  # ("Kanzlerin" and "Bundeskanzler" are one office)
            if p.role is None:
                return ""
            return p.role.text.split()[-1].lower().replace("-", "").removesuffix("in").removeprefix("bundes")

        held: dict[tuple[str, str], int] = {}  # (office, country) -> how many people hold it
        by_article: dict[str, str] = {}
        for p in self.persons.values():
            if p.shared:
                own = self._shared_country(p.shared, p.party, use_article=False)
                if own is None:
                    continue
                p.affiliation, p.shared = own, ()
            if p.affiliation and p.role is not None:
                held[(office(p), p.affiliation)] = held.get((office(p), p.affiliation), 0) + 1
        if not any(p.shared for p in self.persons.values()):
            return  # (most articles: no title of several countries to place, no signs to count)
        counts = self.article_countries()
        for p in self.persons.values():
            if p.shared:
                free = tuple(c for c in p.shared if (office(p), c) not in held)
                if not any(counts[c] for c in free):
                    free = p.shared  # the article names no other country: a former and the current holder
                p.affiliation = self._shared_country(free, p.party, at=p.placed_at, me=p.key) if free else None
                if p.affiliation is not None:
                    by_article[p.key] = office(p)
        taken = Counter((o, self.persons[k].affiliation) for k, o in by_article.items())
        for k, o in by_article.items():
            p = self.persons[k]
            if taken[(o, p.affiliation)] > 1 and any(counts[c] for c in p.shared if c != p.affiliation):
                # "Bundespräsident A empfing in Berlin Bundespräsident B. Österreich ...": one may be Austria's,
                # whose is whose is unsaid (a former and the current holder of one country's office are two
                # holders too, where the article names no other country)
                p.affiliation = None

    def _token_at(self, char: int) -> int:
        """The token that starts at (or holds) character offset ``char``."""
        return max(0, bisect.bisect_right(self.idx, char) - 1)

    def _party_country(self, party: str | None, affiliation: str | None, at: int | None = None,
                       me: str | None = None) -> str | None:
        """Which country's party a name that parties of several countries bear means ("Grüne"): the holder's
        country, else the one the article names (:meth:`_shared_country`); None for any other name (its
        country goes without saying) and when the article does not tell."""
        candidates = self.lex.party_candidates(party)
        if len(candidates) < 2:
            return None
        if affiliation in candidates:
            return affiliation
        return self._shared_country(candidates, party, at=at, me=me)

    def _shared_country(self, candidates: tuple[str, ...], party: str | None, use_article: bool = True,
                        at: int | None = None, me: str | None = None) -> str | None:
        """The one of ``candidates`` (the countries of a shared title or party name) that the holder's party
        or the article names: the party's country when it is one of them ("Bundeskanzler Christian Stocker
        (ÖVP)"), else the one named clearly most (:func:`_dominant`) in the sentence of the mention at token ``at``
        of person ``me``, else in the sentence before (:meth:`local_countries`), else in the whole article
        (:meth:`article_countries`); None when the signs
        disagree or there are none. (A single candidate left, the others held by other people, still needs the
        article's word.)"""
        own = [c for c in self.lex.party_candidates(party) if c in candidates]
        if len(own) == 1:
            return own[0]
        if own:
            candidates = tuple(own)
        if not use_article:
            return None
        if at is not None:
            for near in (*self.local_countries(at, me), self.paragraph_countries(at)):
                local = _dominant(candidates, near)
                if local is not None:
                    return local
        return _dominant(candidates, self.article_countries())

    def paragraph_countries(self, i: int) -> Counter[str]:
        """The country signs (:meth:`country_signs`) of the paragraph that holds token ``i``, outside quotation
        marks: nearer than the article's ("Die Grünen im Bundestag kritisierten … Die Bundesregierung habe …"
        in a report that quotes Austria's minister in the paragraph before)."""
        if self._quote_regions is None:
            self._quote_regions = quote_regions(self.text)
        at = self.idx[i]
        lo = self.text.rfind("\n\n", 0, at) + 1
        hi = self.text.find("\n\n", at)
        hi = len(self.text) if hi < 0 else hi
        return Counter(c for t, c in self.country_signs()
                       if lo <= self.idx[t] < hi and not in_regions(self.idx[t], self._quote_regions))

    def article_countries(self) -> Counter[str]:
        """How often the article names each country by a sign that no other country shares (:meth:`country_signs`).
        Quotations count too: what the article is about is what tells a title's country."""
        counts = self._article_countries
        if counts is None:
            counts = self._article_countries = Counter(c for _, c in self.country_signs())
        return counts

    def local_countries(self, i: int, me: str | None = None) -> tuple[Counter[str], Counter[str]]:
        """The country signs (:meth:`country_signs`) near token ``i``, outside quotation marks: of its own
        sentence ("Bundeskanzler Jonas Weber gratulierte aus Berlin"), and of the sentence before ("Die
        Verhandlungen sind ein Zankapfel in Deutschland zwischen SPD und Union. Während die Bundesregierung ...").
        Signs that tell another person's country are left out: in its own sentence those before the last other
        person named before ``i`` or near the title of the next one after it ("Bundespräsident Leitner traf den
        Schweizer Außenminister ..."), and in what ``i`` says after a verb of saying or in a subordinate clause;
        the sentence before counts only when it names no other person. ``me``: the key of the person at ``i``."""
        if self._quote_regions is None:
            self._quote_regions = quote_regions(self.text)
        regions = self._quote_regions
        others = sorted(self._token_at(m.start) for key, p in self.persons.items() if key != me for m in p.mentions)
        no = self.sent_no[i]
        s_lo, s_hi = self.table.sents[no]
        lo = max((t + 1 for t in others if s_lo <= t < i), default=s_lo)
        hi = min((max(i + 1, t - OTHER_TITLE_TOKENS) for t in others if i < t < s_hi), default=s_hi)
        own: Counter[str] = Counter()
        before: Counter[str] = Counter()
        b_lo, b_hi = self.table.sents[no - 1] if no > 0 else (0, 0)
        alone = not any(b_lo <= t < b_hi for t in others)
        for t, c in self.country_signs():
            if in_regions(self.idx[t], regions):
                continue
            if lo <= t < hi and t != i and not (t > i and self._in_later_clause(i, t)):
                own[c] += 1
            elif alone and b_lo <= t < b_hi:
                before[c] += 1
        return own, before

    def country_signs(self) -> list[tuple[int, str]]:
        """(token, country) for every sign of one country in the article: its name, capital or seat, adjective
        or people ("österreichische", "Schweizer"), one of its states ("Tirol", "Bayerns"), a party of that
        country alone ("ÖVP"), a body listed as its ("Bundestag") or owned by it ("das russische
        Außenministerium"; not by a shared title's prefix: Austria has a "Bundeskriminalamt" too), a national
        news agency's credit ("(APA)")."""
        signs = self._country_signs
        if signs is not None:
            return signs
        signs = []
        lex = self.lex
        region_countries = _region_countries()
        shared_prefixes = tuple(p for p in lex.prefixes if not p.endswith("-") and p in _SHARED_PREFIXES)
        labelled = set(self.labelled())
        for k, w in enumerate(self.words):
            low = self.lowers[k]
            canon = self.canon[k]
            country: str | None = None
            if w in lex.parties:
                party = lex.party_candidates(lex.party_names.get(w, w))
                country = party[0] if len(party) == 1 else None
            elif k in labelled and canon:
                if self.label[k] in _COUNTRY_LABELS:
                    country = canon if "|" not in canon else None
                elif self.label[k] == "ORG" and not lex.shared_countries(canon):
                    listed = lex.organisations.get(w)
                    owner = listed[1] if listed is not None else (
                        None if canon.lower().startswith(shared_prefixes) else self.org_aff.get(k))
                    country = owner if owner in lex.country_names() else None
            elif w in lex.demonyms:
                country = lex.demonyms[w][0]
            elif w in lex.agencies:
                country = lex.agencies[w]
            elif w.islower() and w.isalpha():
                country = lex.adjective(w) or region_countries.get(_region_of(w) or "")
            elif self.label[k] is None and (region := w if w in region_countries else (
                    _region_of(w) if low.endswith("s") else None)) in region_countries:
                country = region_countries[region or ""]  # "Tirol", "Bayerns"
            if country:
                signs.append((k, country))
        self._country_signs = signs
        return signs

    def _other_first_name(self, p: _Person, first: str) -> bool:
        """Does ``p`` go by a first name other than ``first`` (both first names by the lexicon)? Then one
        surname names two people."""
        mine = p.name.split()[0] if " " in p.name else ""
        if not (self.lex.first_name(first) and self.lex.first_name(mine)):
            return False
        # "Franz Josef Jung" and "Franz-Josef Jung", "Hans Meyer" and "Hans-Peter Meyer" may be one
        mine_parts, first_parts = set(fold(mine).split("-")), set(fold(first).split("-"))
        return not (mine_parts & first_parts)

    def _before_adjectives(self, i: int, stops: frozenset[str]) -> int:
        """The token before the lowercase adjectives that stand right before token i ("die isländische
        Abgeordnete" -> "die"), a word of ``stops`` ending the walk (-1 at the text's start)."""
        k = i - 1
        while k >= 0 and self.words[k][:1].islower() and self.lowers[k].endswith(ADJ_ENDINGS[1:]) and (
                self.lowers[k] not in stops):
            k -= 1
        return k

    def _article_gender(self, i: int) -> str | None:
        """The gender the article gives the adjectival role at token i, over the adjectives between them ("die
        isländische Abgeordnete"), by :data:`_ADJECTIVAL_ROLE_GENDER`; None without an article."""
        k = self._before_adjectives(i, _ADJECTIVAL_ARTICLES)
        return _ADJECTIVAL_ROLE_GENDER.get((self.lowers[k], self.lowers[i].endswith("n"))) if k >= 0 else None

    def _role_text(self, p: _Person) -> str | None:
        """The person's role as a title beside the name: a man's adjectival role in its strong form
        ("Sebastian Edathy, Vorsitzender", written "der Vorsitzende des Ausschusses, Sebastian Edathy")."""
        if p.role is None or p.role.stem.lower().endswith(_COUNTERPART_ROLES):
            return None  # "sein polnischer Amtskollege X": whose counterpart (the affiliation), no office of his own
        text = p.role.text
        if p.gender == "m" and text.endswith("e") and self.lex.adjectival(p.role.stem):
            return text + "r"
        return text

    def run(self) -> list[Actor]:
        self.mark_places()
        self.find_orgs()
        self.link_noun_anaphors()
        self.mark_credits()
        self.find_people()
        self.link_references()
        self.find_groups()
        return self.resolve()


def _distinct_mentions(mentions: list[Mention]) -> tuple[Mention, ...]:
    """The distinct mentions in text order (by start, then end).  Equal mentions are told by their fields'
    tuple, not by a set of the Mentions: a frozen dataclass hashes by its interpreted ``__hash__``."""
    distinct = {(m.start, m.end, m.text): m for m in mentions}
    return tuple(sorted(distinct.values(), key=lambda m: (m.start, m.end)))


def _place(p: _Person, country: str) -> None:
    """Give ``p`` the affiliation a sign of its own names ("der österreichische Bundeskanzler", "Österreichs
    Kanzler", an apposition): unless ``p`` has one, or has one only by a title several countries share and
    the sign names one of them."""
    if not p.affiliation or (p.shared and country in p.shared):
        p.affiliation = country
        p.shared = ()


def _merge_person(into: _Person, p: _Person, forms: list[str]) -> None:
    """Make ``p``, written ``forms``, one more naming of ``into``: its mentions, and what ``into`` lacks."""
    into.mentions.extend(p.mentions)
    into.forms.extend(forms)
    into.first = min(into.first, p.first)
    into.role = into.role or p.role
    if p.affiliation and not p.shared:
        _place(into, p.affiliation)
    elif not into.affiliation:
        into.affiliation, into.shared = p.affiliation, p.shared
    into.gender = into.gender or p.gender
    into.party = into.party or p.party


@functools.cache
def _regions() -> tuple[dict[str, str], dict[str, str]]:
    """(genitive -> state, adjective stem -> state) of the states of regions.txt ("Bayerns", "bayerisch")."""
    genitives, adjectives = {}, {}
    for r in rows("regions.txt"):
        if r[0].endswith(("s", "z", "x")):
            continue  # ("Niedersachsen"'s genitive is no word of its own: "Niedersachsens" only by apostrophe)
        genitives[r[0] + "s"] = r[0]
        if len(r) > 1 and r[1] != "-":
            adjectives[r[1]] = r[0]
    return genitives, adjectives


def _particle_surname(word: str) -> bool:
    """A surname joined to its lowercase particle by a hyphen ("al-Assad", "el-Sisi", "al-Ansari"): the article
    of Arabic names, written as one word with the name."""
    head, sep, rest = word.partition("-")
    return bool(sep) and head in NAME_PARTICLES and len(rest) >= 2 and rest[0].isupper() and rest.isalpha()


def _dominant(candidates: tuple[str, ...], counts: Counter[str]) -> str | None:
    """The one of ``candidates`` named at least :data:`SHARED_TITLE_DOMINANCE` times as often as any other in
    ``counts``, or None (none named, or two about as often)."""
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda c: (-counts[c], c))
    best = counts[ranked[0]]
    runner_up = counts[ranked[1]] if len(ranked) > 1 else 0
    return ranked[0] if best > 0 and best >= SHARED_TITLE_DOMINANCE * runner_up else None


@functools.cache
def _region_countries() -> dict[str, str]:
    """State -> its country (regions.txt: "Bayern" -> Deutschland, "Tirol" -> Österreich)."""
    return {r[0]: r[2] for r in rows("regions.txt") if len(r) > 2}


# word -> _region_of's answer, asked for most lowercase words of an article (country signs); cleared past
# _FORM_CACHE_MAX words
_REGION_OF: dict[str, str | None] = {}


def _region_of(word: str) -> str | None:
    """The state a genitive ("Bayerns") or an inflected adjective ("bayerische", "sächsischen") names, or None.
    A city state's genitive ("Berlins", "Hamburgs") names its government only before a title, as here."""
    if word in _REGION_OF:
        return _REGION_OF[word]
    if len(_REGION_OF) > _FORM_CACHE_MAX:
        _REGION_OF.clear()
    found = _REGION_OF[word] = _region_lookup(word)
    return found


def _region_lookup(word: str) -> str | None:
    genitives, adjectives = _regions()
    if word in genitives:
        return genitives[word]
    if not word.islower():
        return None
    stem = _adjective_stem(word)
    return adjectives.get(stem) if stem is not None else None


def _adjective_stem(low: str) -> str | None:
    """A lowercase word without its adjective ending ("statistischen" -> "statistisch"), None without one."""
    for ending in _ADJECTIVE_INFLECTIONS:
        if low.endswith(ending) and len(low) - len(ending) >= MIN_NOUN_STEM:
            return low[: len(low) - len(ending)]
    return None


@functools.cache
def _copulas() -> frozenset[str]:
    """Finite forms of "sein" (auxiliaries.txt): "war der Konzern Marktführer" has a predicate noun."""
    return frozenset(r[0].lower() for r in rows("auxiliaries.txt") if len(r) > 1 and r[1] == "sein")


@functools.cache
def _number_words() -> frozenset[str]:
    """Number words (number_words.txt): "Tausende Unternehmen" are no name."""
    return word_set("number_words.txt")


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for it in items:
        seen.setdefault(it, None)
    return list(seen)


@functools.cache
def _media_nouns() -> tuple[str, ...]:
    """Nouns of media (media_nouns.txt: "zeitung", "agentur"), lowercase, for an endswith test."""
    return tuple(sorted(word_set("media_nouns.txt")))


@functools.cache
def _possessives() -> frozenset[str]:
    return word_set("possessives.txt")


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Prepositions, conjunctions, adverbs, articles and possessives (lowercase): never a first name."""
    return word_set("function_words.txt") | word_set("determiners.txt")


@functools.lru_cache(maxsize=4)
def _signal_words(verbs: frozenset[str]) -> frozenset[str]:
    """What :meth:`ActorFinder.signals` looks for (lowercase), with the singular verbs of saying ``verbs``."""
    return _MARKS | frozenset(PRONOUNS) | verbs


@functools.lru_cache(maxsize=2)
def month_names(widths: tuple[str, ...] = ("wide", "abbreviated")) -> frozenset[str]:
    """German month names from CLDR (Babel), of the given widths (wide: "Januar"; abbreviated: "Jan")."""
    from babel import Locale

    months = Locale("de").months["format"]
    return frozenset(m.rstrip(".") for width in widths for m in months[width].values())


@functools.lru_cache(maxsize=1)
def report_verbs() -> frozenset[str]:
    """Singular verbs of saying that stand next to a bare surname (report_verbs.txt)."""
    return frozenset(r[0].lower() for r in rows("report_verbs.txt"))


@functools.lru_cache(maxsize=1)
def separable_speech() -> dict[str, frozenset[str]]:
    """Finite forms of separable verbs that state a position (position_verbs.txt, "kündigte … an") -> their
    particles: "X kündigte an, ..." opens what X says as much as "X sagte, ..." does."""
    pairs: dict[str, set[str]] = {}
    for r in rows("position_verbs.txt"):
        words = r[0].lower().split()
        if len(words) == 3 and words[1] == "…" and r[1] != "-":
            pairs.setdefault(words[0], set()).add(words[2])
    return {k: frozenset(v) for k, v in pairs.items()}


@functools.lru_cache(maxsize=1)
def speech_forms() -> frozenset[str]:
    """Finite forms of verbs of saying (from position_verbs.txt, stance "states")."""
    return frozenset(r[0].split()[0].lower() for r in rows("position_verbs.txt") if r[1] == "states")


def build_matcher(nlp: Language) -> PhraseMatcher:
    """PhraseMatcher (ORTH) over country names (+ genitive -s), metonyms and organisations."""
    lex = lexicon()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    tables = (("COUNTRY", lex.countries), ("METONYM", lex.metonyms), ("ORG", lex.organisations))
    for label, table in tables:
        forms = sorted(table)
        matcher.add(label, [nlp.make_doc(f) for f in forms])
        gen = [f + "s" for f in forms if not f.endswith(("s", "x", "z", "ß")) and not f.isupper()]
        matcher.add(label + "_GEN", [nlp.make_doc(f) for f in gen])
    return matcher


class ActorComponent:
    """spaCy component: ``doc._.briefing_actors = list[Actor]``."""

    def __init__(self, nlp: Language, max_persons: int = MAX_PERSONS) -> None:
        self.lex = lexicon()
        self.matcher = build_matcher(nlp)
        self.speech = speech_forms()
        self.max_persons = max_persons

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            ext_data(doc)[ACTORS] = []  # (doc._.briefing_actors without the accessor: docdata)
            return doc
        finder = ActorFinder(doc, self.lex, self.matcher, self.speech)
        finder.max_persons = self.max_persons
        ext_data(doc)[ACTORS] = finder.run()
        return doc


@Language.factory(
    "briefing_actors",
    default_config={"max_persons": MAX_PERSONS},
    assigns=["doc._.briefing_actors"],
    requires=["token.is_sent_start"],
)
def make_actors(nlp: Language, name: str, max_persons: int) -> ActorComponent:
    return ActorComponent(nlp, max_persons)


@functools.cache
def _organisation_roles() -> tuple[str, ...]:
    """Titles held inside an organisation (organisation_roles.txt)."""
    return tuple(word_set("organisation_roles.txt"))
