"""German definitions that code needs as Python values, each defined once.

The words themselves are data in this folder (read through :mod:`briefing.lang`); this module
names the sets that several stages share, so extraction and assembly agree on them:

- name particles (``name_particles.txt``): "von der Leyen", "de Hoop Scheffer", "bin Laden";
- auxiliaries (``auxiliaries.txt``): finite forms of haben, werden, sein, with lemma and tense;
- clause ends: the punctuation and coordinating conjunctions after which a clause's verb is
  final ("…, dass er kommen werde, und …").

Whether two name forms denote the same person is decided by :mod:`briefing.lang.names`.
"""

from __future__ import annotations

import functools
import re

from briefing.lang import entries, rows

# ---------------------------------------------------------------- name particles

_PARTICLE_ROWS = rows("name_particles.txt")
# Every lowercase word that may stand inside a person's name.
NAME_PARTICLES = frozenset(r[0] for r in _PARTICLE_ROWS)
# Particles that are ordinary German words too (von, der, zu): they join a name only after a
# first name we know, since "von der Kanzlei" is no name.
GERMAN_PARTICLES = frozenset(r[0] for r in _PARTICLE_ROWS if r[1] == "german")
# Particles that may open a surname at the start of a clause ("Von der Leyen betonte").
OPENING_PARTICLES = frozenset(r[0] for r in _PARTICLE_ROWS if "opens" in r[2:])

# ---------------------------------------------------------------- auxiliaries

_AUX_ROWS = rows("auxiliaries.txt")
# Finite forms of haben, werden, sein (indicative and Konjunktiv).
AUXILIARIES = frozenset(r[0] for r in _AUX_ROWS)


def auxiliary_forms(lemma: str, tenses: tuple[str, ...] = ("present", "past", "konj1", "konj2")) -> frozenset[str]:
    """Finite forms of auxiliary ``lemma`` in ``tenses`` (e.g. the present of "werden" for futures)."""
    return frozenset(r[0] for r in _AUX_ROWS if r[1] == lemma and r[2] in tenses)


# ---------------------------------------------------------------- subject pronouns

# Personal pronouns that stand as a clause's subject: the finite verb follows them when they open it ("Wir
# kämpfen …"), and right after "X sagte" they show that X is not its subject ("Damals sagte er").
SUBJECT_PRONOUNS = frozenset({"er", "sie", "es", "man", "wir", "ich", "ihr", "du"})

# ---------------------------------------------------------------- clause ends

# Punctuation that ends a clause inside a sentence.
CLAUSE_PUNCT = frozenset({",", ";", ":"})
# Coordinating conjunctions that join two clauses ("…, wird er kommen und …").
COORDINATORS = frozenset({"und", "oder", "aber"})
# Tokens that close a clause: the verb before them is the clause's last verb.
CLAUSE_END = CLAUSE_PUNCT | COORDINATORS | frozenset({".", "!", "?", "–", '"', "“", "”", "„", ")"})

# ---------------------------------------------------------------- epithets of an office


@functools.cache
def office_epithets() -> dict[str, tuple[str, ...]]:
    """Epithets of an office (role_synonyms.txt, lowercase): "rathauschef" -> the masculine titles it stands for
    ("bürgermeister", "oberbürgermeister", …)."""
    return {r[0].lower(): tuple(r[1].lower().split()) for r in rows("role_synonyms.txt") if len(r) > 1}


def epithet_titles(epithet: str) -> tuple[str, ...]:
    """The titles an epithet stands for, in its gender ("rathauschefin" -> ("bürgermeisterin", …): the feminine
    adds -in to both); () for a word that is no epithet."""
    table = office_epithets()
    if epithet in table:
        return table[epithet]
    if epithet.endswith("in") and epithet[:-2] in table:
        return tuple(t + "in" for t in table[epithet[:-2]])
    return ()


# ---------------------------------------------------------------- rates

# The words that make a counted unit a rate with the noun after them ("Kilometer pro Stunde", "Euro je Liter").
RATE_WORDS = frozenset({"pro", "je"})


def split_rate(unit: str) -> tuple[str, str | None]:
    """A rate's counted unit and what it is counted per ("Kilometer pro Stunde" -> ("Kilometer", "Stunde"),
    "EUR pro Liter" -> ("EUR", "Liter")); (unit, None) for an amount."""
    words = unit.split()
    if len(words) >= 3 and words[-2].lower() in RATE_WORDS:
        return " ".join(words[:-2]), words[-1]
    return unit, None


__all__ = [
    "SUBJECT_PRONOUNS",
    "PARTY_EPITHETS",
    "AUXILIARIES",
    "RATE_WORDS",
    "CLAUSE_END",
    "CLAUSE_PUNCT",
    "COORDINATORS",
    "GERMAN_PARTICLES",
    "NAME_PARTICLES",
    "OPENING_PARTICLES",
    "auxiliary_forms",
    "country_name",
    "epithet_titles",
    "office_epithets",
    "is_place",
    "seats_of_government",
    "split_rate",
]


# Titles by which German news names a person already introduced, by party alone ("der CSU-Politiker").
PARTY_EPITHETS = ("politiker", "politikerin")


# ---------------------------------------------------------------- demonyms


@functools.lru_cache(maxsize=16384)
def demonym_country(word: str) -> str | None:
    """The country a noun for its people names ("Slowake", "Italienerin", "Franzose" -> its country), or None.
    (Asked for the capitalised words around every quotation: remembered per word.)

    Listed nouns (``demonyms.txt``) first; else the regular German pattern: the noun without its female
    "-in" and its "-e"/"-er" ending is the stem of a country adjective ("Slowak-e" / "slowak-isch",
    "Italien-er" / "italien-isch", "Spani-er" / "spani-sch", "Ungar" / "ungar-isch").
    """
    listed = _demonyms()
    if word in listed:
        return listed[word]
    if not word[:1].isupper() or not word.isalpha():
        return None
    adjectives = _country_adjectives()
    low = word.lower()
    bases = [low[:-2]] if low.endswith("in") and len(low) > 3 else []
    bases.append(low)
    for base in bases:
        for stem in {base, base[:-1] if base.endswith("e") else base, base[:-2] if base.endswith("er") else base}:
            for suffix in ("isch", "sch", ""):
                if suffix == "isch":
                    country = country_adjective(stem + suffix)
                else:
                    country = adjectives.get(stem + suffix) if suffix or stem != low else None
                if country:
                    return country
    return None


def country_name(word: str) -> str | None:
    """The country a name names, also in the genitive: "Frankreichs" -> "Frankreich", "USA" -> "USA"
    (the countries list's canonical form first, else CLDR's German name), or None."""
    listed = _listed_countries()
    names = _country_names()
    for form in (word, word.removesuffix("s")) if word.endswith("s") else (word,):
        if form in listed:
            return listed[form]
        if form.lower() in names:
            return names[form.lower()]
    return None


def is_place(word: str) -> bool:
    """A country (any case of its name: "Frankreichs") or a seat of government ("Madrid", "Kreml")."""
    return country_name(word) is not None or word in seats_of_government()


@functools.cache
def attribution_markers() -> dict[str, frozenset[str]]:
    """Kind -> lowercased marker words of attribution_markers.txt (kinds: prep "laut", postp "zufolge",
    noun "Angaben", adverb "demnach"); quotation finding and rendering read them."""
    kinds: dict[str, set[str]] = {}
    for kind, word, *_ in rows("attribution_markers.txt"):
        kinds.setdefault(kind, set()).add(word.lower())
    return {k: frozenset(v) for k, v in kinds.items()}


@functools.cache
def seats_of_government() -> dict[str, str]:
    """Capitals and seats used for their country ("Kreml" -> Russland; "Brüssel" -> "EU|NATO"), metonyms.txt."""
    return {r[0]: r[1] for r in rows("metonyms.txt") if len(r) > 1}


@functools.cache
def _listed_countries() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("countries.txt") if len(r) > 1}


_SIDE = re.compile(r"(?:[Vv]on )?(?:[Dd]ie |[Dd]er |[Dd]en )?([a-zäöü]+?)(?:e|en|er|es|em)? Seite")


def side_country(phrase: str) -> str | None:
    """The country of "von pakistanischer Seite", "die russische Seite" (a country adjective before
    "Seite": that country's officials), or None."""
    m = _SIDE.fullmatch(phrase.strip())
    return country_adjective(m.group(1)) if m else None


@functools.lru_cache(maxsize=4096)
def country_adjective(stem: str) -> str | None:
    """The country of an adjective stem ("russisch", "pakistanisch" -> Russland, Pakistan): listed in
    country_adjectives.txt, or the regular "-isch" of a country's German name (CLDR, through Babel):
    "pakistan-isch", "syr-isch" / "Syrien", "ukrain-isch" / "Ukraine", "türk-isch" / "Türkei",
    "kenian-isch" / "Kenia", "brasilian-isch" / "Brasilien", "marokkan-isch" / "Marokko"."""
    listed = _country_adjectives().get(stem)
    if listed or not stem.endswith("sch"):
        return listed
    if not stem.endswith("isch"):
        return _derived_adjectives().get(stem)  # "libysch"
    names = _country_names()
    base = stem[: -len("isch")]
    forms = [base, base + "ien", base + "en", base + "e", base + "ei", base + "istan", base + "land", base + "enland"]
    if base.endswith("an"):
        forms += [base[:-1], base[:-2] + "en", base[:-2] + "o"]
    return next((names[k] for k in forms if k in names), None) or _derived_adjectives().get(stem)


# How German makes a country's adjective from its name (the name's ending -> the adjective's):
# "Libyen" -> "libysch", "Somalia" -> "somalisch", "Vietnam" -> "vietnamesisch", "Peru" -> "peruanisch",
# "Chile" -> "chilenisch", "Ecuador" -> "ecuadorianisch", "Palästina" -> "palästinensisch", "Libanon" ->
# "libanesisch", "Thailand" -> "thailändisch", "Kasachstan" -> "kasachisch", "Zypern" -> "zyprisch",
# "Montenegro" -> "montenegrinisch", "Malta" -> "maltesisch".
_ADJECTIVE_RULES = (
    ("ien", ("isch",)), ("ia", ("isch",)), ("en", ("sch", "isch")), ("ern", ("risch",)),
    ("land", ("ländisch",)), ("stan", ("isch",)), ("on", ("esisch",)), ("a", ("isch", "esisch", "ensisch", "nisch")),
    ("o", ("inisch", "anisch")), ("e", ("enisch", "isch")),
    ("", ("isch", "esisch", "anisch", "ianisch", "nisch", "sch")),
)


@functools.cache
def _derived_adjectives() -> dict[str, str]:
    """Adjective stem -> country, made from every German country name (CLDR) by :data:`_ADJECTIVE_RULES`;
    a stem two countries would make is left out."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for low, name in _country_names().items():
        if " " in low or "-" in low:
            continue
        for ending, suffixes in _ADJECTIVE_RULES:
            if not low.endswith(ending):
                continue
            root = low[: len(low) - len(ending)]
            for suffix in suffixes:
                stem = root + suffix
                if out.get(stem, name) != name:
                    clash.add(stem)
                out[stem] = name
    return {k: v for k, v in out.items() if k not in clash}


@functools.cache
def _country_names() -> dict[str, str]:
    """Lower-case German country name -> the name (CLDR, through Babel)."""
    from babel import Locale

    return {name.lower(): name for code, name in Locale("de").territories.items() if len(code) == 2 and code.isalpha()}


@functools.cache
def _demonyms() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("demonyms.txt") if len(r) > 1}


@functools.cache
def _country_adjectives() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("country_adjectives.txt") if len(r) > 1 and not r[0].endswith("-")}


# ---------------------------------------------------------------- institution heads

# The genitive endings of a masculine or neuter noun: "des Finanzministeriums", "des Bundesamtes".
_GENITIVE_ENDINGS = ("es", "s")


@functools.cache
def _institution_heads() -> tuple[str, ...]:
    """Institution heads (institutions.txt) and the head nouns of news media (media_nouns.txt: "des
    Staatsfernsehens", "des Senders"), longest first."""
    heads = {r[0].lower() for r in rows("institutions.txt")} | {w.lower() for w in entries("media_nouns.txt")}
    return tuple(sorted(heads, key=len, reverse=True))


def institution_nominative(word: str) -> str:
    """A single capitalised institution word in the nominative ("Finanzministeriums" -> "Finanzministerium"):
    a speaker named in the genitive ("nach Angaben des Finanzministeriums") is shown as the body it is.
    A place or name after it stays ("Arbeitsgerichts Frankfurt" -> "Arbeitsgericht Frankfurt"), so does a place's
    adjective before it ("Belgrader Staatsfernsehens" -> "Belgrader Staatsfernsehen"). Any other word is returned
    as it is."""
    head, _, rest = word.partition(" ")
    if rest and " " not in rest and head.endswith("er") and head[:1].isupper() and head.isalpha():
        nominative = institution_nominative(rest)  # a place's "-er" adjective does not decline: "des Belgrader
        if nominative != rest:  # Staatsfernsehens" -> "Belgrader Staatsfernsehen"
            return f"{head} {nominative}"
    if rest and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in rest.split()):
        return f"{institution_nominative(head)} {rest}"
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return word
    low = word.lower()
    for ending in _GENITIVE_ENDINGS:
        if low.endswith(ending) and low[: -len(ending)].endswith(_institution_heads()):
            return word[: -len(ending)]
    return word
