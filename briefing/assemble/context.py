"""Readable out of context: no statement may start with a word that points at a sentence the reader
does not see ("Er glaube ...", "Man werde ...", "Zudem werde ...", "Das erklärte ...").

:func:`stand_alone` makes a source sentence stand on its own, in the order an editor would:

* a personal pronoun standing for the speaker ("Man werde ...") gets the known speaker in front, as a
  marked prefix: "Macron: Man werde ...";
* a leading connective ("Zudem", "Demnach", "Außerdem") is trimmed and the cut marked with "…":
  "… werde in den nächsten Tagen ... festgelegt, sagt Macron.";
* a third-person possessive ("Sein Land sei bereit ...") gets the known speaker in front, unless the
  sentence names the speaker after it ("Ihr Vorsitzender Winkel kritisierte ...": whose?);
* what cannot be resolved (a demonstrative "Das erklärte ...", a pronoun without a known speaker) is left
  out (None).

Still extractive: beyond the marked prefix or the marked cut, every word is the source's.
"""

from __future__ import annotations

import functools
import re

from briefing.assemble.text import fold, lexicon
from briefing.extract.actors import in_regions, quote_regions
from briefing.extract.actors import lexicon as actor_lexicon
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.lexicon import speech_verbs
from briefing.lang import rows
from briefing.lang.names import split_name

QUOTE_MARKS = "\"„“”«»‚‘’"
# The mark of a trimmed leading connective.
TRIM_MARK = "…"


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon(name))


def _opening(text: str) -> tuple[str, str, str]:
    """(first word folded without punctuation, the raw first word, the text after it)."""
    body = text.strip()
    if body[:1] in QUOTE_MARKS:  # a sentence opening with a quotation is the speaker's own words
        return "", "", body
    head, _, rest = body.partition(" ")
    return fold(head).strip(",:;"), head, rest.lstrip()


# Adjective endings: "Das kanadische Parlament", "Diese neuen Regeln" open a noun phrase, not a pronoun.
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Pointing words that are also determiners: only these can open a noun phrase ("Diese Entscheidung ...").
DETERMINERS = frozenset({"das", "diese", "dieser", "dieses", "diesen", "diesem"})
# At most this many adjectives stand between a determiner and its noun.
MAX_ADJECTIVES = 2


def opens_noun_phrase(rest: str) -> bool:
    """Does ``rest`` (the words after a determiner) start with a noun, or adjectives and a noun?

    "kanadische Parlament hat ..." yes; "erklärte der Präsident ..." no (an article follows the verb);
    "kündigte Oberbürgermeister Reiter an" no: a speech verb's preterite ends like an adjective ("das
    geplante Gesetz"), but it is the verb, and the determiner its object pointing back.
    """
    ws = rest.split()
    if ws and ws[0].strip(",:;.") in speech_verbs():
        return False
    for k, w in enumerate(ws[: MAX_ADJECTIVES + 1]):
        bare = w.strip(QUOTE_MARKS + ",.;:()")
        if bare[:1].isupper() or bare[:1].isdigit():
            return k == 0 or bare[:1].isupper()
        if not bare.endswith(ADJECTIVE_ENDINGS) or fold(bare) in _words("anaphoric_pronouns.txt") or fold(
                bare) in _ARTICLES:
            return False
    return False


_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"})


def _opens_with_adverb(first: str, rest: str) -> bool:
    """Does the text open with a pointing adverb, one word ("Dort") or two ("Bis dahin")?"""
    second = fold(rest.split(" ", 1)[0]).strip(",:;.") if rest else ""
    adverbs = _words("anaphoric_adverbs.txt")
    return first in adverbs or (bool(second) and f"{first} {second}" in adverbs)


def points_back(text: str) -> bool:
    """True when the text opens with a pronoun, demonstrative or connective it cannot stand on."""
    first, _, rest = _opening(text)
    if first in _words("connectives.txt") or _opens_with_adverb(first, rest):
        return True
    return opens_with_pointer(first, rest)


def opens_with_pointer(first: str, rest: str) -> bool:
    """Is ``first`` (folded) a possessive ("Ihr Vorsitzender ...": whose?) or a pronoun or demonstrative that
    opens no noun phrase of its own in front of ``rest`` ("Das erklärte ...", but not "Das Treffen ...")?"""
    if first == "es" and fold((rest.split(maxsplit=1) or [""])[0]) in _EXISTENTIAL:
        return False  # "Es gebe breite Einigkeit …": the "es" of "es gibt" points at nothing
    return first in _words("possessives.txt") or first in _words("anaphoric_pronouns.txt") and not (
        first in DETERMINERS and opens_noun_phrase(rest))


# The forms of "geben" after an existential "es" ("es gibt", "es gebe", "es gab", "es gäbe"), folded.
_EXISTENTIAL = frozenset({"gibt", "gebe", "gab", "gabe", "geben", "gaben"})


def speaker_label(name: str | None, kind: str | None = None) -> str | None:
    """How a speaker is named in a marked prefix: a person by the surname ("Macron"), with its particles ("von der
    Leyen"); a foreign particle keeps the word before it when that is no first name, the first of a double surname
    ("André Corrêa do Lago" -> "Corrêa do Lago", "Luiz Inácio Lula da Silva" -> "Lula da Silva")."""
    name = (name or "").strip()
    if not name:
        return None
    if kind != "person":
        return name
    first, surname = split_name(name)
    before = first.split()
    if len(before) >= 2 and surname.split()[0] in _FOREIGN_PARTICLES and not actor_lexicon().first_name(before[-1]):
        return f"{before[-1]} {surname}"
    return surname or name.split()[-1]


# The particles a double surname carries between its parts ("Corrêa do Lago"); German "von", "zu" do not.
_FOREIGN_PARTICLES = frozenset(r[0] for r in rows("name_particles.txt") if r[1] == "foreign")


def stand_alone(text: str, speaker: str | None = None, *, owner_shown: bool = False) -> str | None:
    """``text`` made readable on its own, or None when it cannot be.

    Args:
        text: a source sentence.
        speaker: how to name the sentence's speaker in a prefix (:func:`speaker_label`), when known.
        owner_shown: the reader sees whose the speaker is (the party or organisation the statement is filed
            under), so a possessive before the named speaker ("Ihr Sprecher X sagte ...") points at it.

    Returns:
        The sentence unchanged when it stands on its own; with "Speaker: " in front when it opens with a
        pronoun for the speaker; with its leading connective cut and marked "… "; None otherwise.
    """
    text = text.strip()
    first, raw, rest = _opening(text)
    if not first:
        return text or None
    if first in _words("connectives.txt"):
        if raw.endswith((",", ":")) or not rest or rest[:1] in ",:;":
            rest = rest.lstrip(",:; ")
        if not rest or points_back(rest):
            return None
        if _opens_main_clause(rest):
            return stand_alone(rest, speaker, owner_shown=owner_shown)
        trimmed = f"{TRIM_MARK} {rest}"
        named = speaker and fold(speaker) in fold(rest)
        return trimmed if named or not speaker else f"{speaker}: {trimmed}"
    if _PARTITIVE_POINTER.match(text):
        return None  # "Einigen von ihnen wurde …", "Viele unter ihnen …": of whom, the cut lost
    if _opens_with_adverb(first, rest):
        return None  # "Dort", "Darauf", "Bis dahin": the place, thing or time it points at is lost with the cut
    if first in _words("possessives.txt"):
        # "Tusk: Sein Land sei bereit ..." is his; "Ihr Vorsitzender Winkel kritisierte ...", which names the
        # speaker after it, is someone else's (whose, the reader cannot tell)
        if speaker and fold(speaker) in fold(rest):
            # "Sein polnischer Amtskollege Radosław Sikorski forderte ...": a country adjective says whose
            # counterpart the named speaker is, as the heading of the party or organisation a statement is filed
            # under says whose spokesman he is; without either, the reader cannot tell
            return text if owner_shown or _country_word(rest.split(maxsplit=1)[0]) else None
        if first in _DEMONSTRATIVE_POSSESSIVES:
            return None  # "Dessen Zustimmung sei ein Fehler": "dessen" is someone named before, not the speaker
        return f"{speaker}: {text}" if speaker else None
    if opens_with_pointer(first, rest):
        if first in _words("personal_pronouns.txt") and speaker and not _plural_subject(first, rest):
            if _OBJECT_POINTER.match(rest):
                return None  # "Er nannte sie einen Sieg": the prefix names him, not what "sie" was
            said = _SAID_IN_MARKS.fullmatch(rest)
            if said is not None and said.group(1).lower() in speech_verbs():
                return f"{speaker}: {said.group(2)}"  # "Er sagte: „…“" is his words: "Brandl: „…“"
            if re.search(rf"\b{re.escape(speaker)}\b", rest):
                return text  # "Er hätte sich mehr gewünscht, sagte Forssell": the sentence names him itself
            return f"{speaker}: {text}"
        return None
    return text


# The demonstrative possessives: unlike "sein" and "ihr", which in reported speech are the speaker's own, they
# point at someone else named before ("Kaddor kritisierte Dobrindt. Dessen Zustimmung sei …").
_DEMONSTRATIVE_POSSESSIVES = frozenset({"dessen", "deren"})


# A quantifier and a pronoun for a group named before ("Einige von ihnen", "Zwei unter ihnen").
_PARTITIVE_POINTER = re.compile(r"(?:\w+ ){1,2}(?:von|unter) (?:ihnen|ihm|ihr|euch)\b")


# A verb and an object pronoun after the opening pronoun ("Er nannte sie …", "Sie lobte ihn …"): the pronoun
# points at something said before, which a speaker prefix does not restore ("es" is left out: "Er hält es für
# richtig, dass …" points forward).
_OBJECT_POINTER = re.compile(r"\w+ (?:sie|ihn|ihm|ihnen)\b")


# What follows the pronoun of "Er sagte: „…“", "Sie erklärte am Montag in Berlin: „…“": a verb of saying, a few
# words, a colon and a quotation that ends the sentence, in any of the marks German text uses.
_SAID_IN_MARKS = re.compile(r'(\w+)(?: [\w.]+){0,4}: („[^„“]+“|"[^"]+"|»[^»«]+«|«[^«»]+»)')


def _country_word(word: str) -> bool:
    """Is ``word`` an inflected country adjective ("polnischer", "französische")?"""
    word = word.strip(",:;.")
    return word.islower() and actor_lexicon().adjective(word) is not None


# Finite verbs after "sie" that are plural although they do not end in "-en".
_PLURAL_FINITE = frozenset({"sind", "waren", "wären"})


def _plural_subject(first: str, rest: str) -> bool:
    """"Sie kosteten viel Geld …", "Sie sind teuer …": a plural "sie" (its verb agrees) stands for things or
    people named before, not for the one speaker a prefix would name."""
    if first != "sie":
        return False
    return plural_finite(fold(rest.split(maxsplit=1)[0]).strip(",.;:") if rest.split() else "")


def plural_finite(verb: str) -> bool:
    """Is ``verb`` (lowercase) a plural finite form: "-en" ("kosteten", "müssen") or one of the few that are not?"""
    return verb in _PLURAL_FINITE or (verb.endswith("en") and len(verb) > 3)


def trim_connective(text: str) -> str:
    """``text`` without a leading connective ("Zudem werde ..." -> "… werde ..."); unchanged otherwise.

    For reported speech shown with its speaker: its pronouns ("Man werde ...") are the speaker's own, only
    a connective points at a sentence the reader does not see.
    """
    first, raw, rest = _opening(text.strip())
    if first not in _words("connectives.txt"):
        return text.strip()
    rest = rest.lstrip(",:; ")
    if not rest:
        return text.strip()
    return rest if _opens_main_clause(rest) else f"{TRIM_MARK} {rest}"


def _opens_main_clause(rest: str) -> bool:
    """Is ``rest``, what follows a cut connective, a main clause of its own? After a connective alone in front of
    the verb ("Zudem werde …") the verb comes next, in lower case, and the cut shows ("… werde …"); a capitalised
    word or a quotation after it ("Auch Polens Premier lehnte …", "Außerdem: Die Zahl …") is the subject the
    connective only stood before, and without it the sentence is whole ("Polens Premier lehnte …")."""
    return rest[:1].isupper() or rest[:1] in QUOTE_MARKS


def opens_after_fronted_source(before: str) -> bool:
    """Is ``before`` (a sentence up to where its reported words begin) a fronted phrase with no clause
    break ("Nach seinen Angaben ", "Laut einem Gutachten des Landesamts ")? Then the reported words begin
    with the finite verb: they are the rest of a main clause, not a clause of their own (", dass ...",
    "sagte er, ...")."""
    words = before.split()
    return bool(words) and before.rstrip()[-1:].isalnum() and words[0][:1].isupper() and not any(
        w.endswith((",", ":", ";")) or w[:1] in QUOTE_MARKS for w in words)


def zu_infinitive(text: str) -> bool:
    """Does ``text`` open with an infinitive clause with "zu" and no subject of its own ("die Belegschaft erst aus
    der Presse informiert zu haben", "ab Februar selbst zu kontrollieren, falls ...", "Hubschrauber aus Okinawa
    zu schicken": a noun opening it is its object)? It is the object of a verb of the sentence it came from
    ("warf dem Vorstand vor, ...", "kündigte an, ...") and says nothing alone."""
    body = text.strip()
    if not body[:1].isalpha():
        return False
    regions = quote_regions(body)
    cut = next((k for k, c in enumerate(body) if c in ",;:" and not in_regions(k, regions)), len(body))
    clause = body[:cut].rstrip(" .!?" + QUOTE_MARKS)
    # "der Streik sei zu beenden" has its finite verb: a clause of its own
    return bool(_ZU_INFINITIVE_END.search(clause)) and not konjunktiv_words(body, 0, len(clause), strong=True)


# The end of an infinitive clause with "zu": "zu kontrollieren", "informiert zu haben", "festzuhalten".
_ZU_INFINITIVE_END = re.compile(
    r"(?:\bzu\s+[a-zäöüß]+(?:en|ern|eln|n)|\b(?:ab|an|auf|aus|bei|ein|fest|fort|her|hin|mit|nach|vor|weg|zurück"
    r"|zusammen|dar|durch|um|unter|über|wieder)zu[a-zäöüß]+(?:en|ern|eln))$"
)


def relative_clause(text: str) -> bool:
    """Does ``text`` open with a relative pronoun and no noun of its own ("der vor allem der Industrie
    schaden würde")? Such a clause hangs on a noun of a sentence the reader does not see."""
    first, raw, rest = _opening(text.strip())
    nxt = rest.split(maxsplit=1)[0] if rest.split() else ""
    return raw.islower() and first in _words("relative_pronouns.txt") and nxt[:1].islower()
