"""Speakers from the context: unattributed quotations take the nearest evidence, pronouns their
antecedent, and a speaker phrase becomes a name (role titles and articles dropped)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from briefing.extract.quotes.base import ORDINAL_ANAPHOR, SPEAKER_LOOKBACK_SENTENCES, Found
from briefing.extract.quotes.descriptions import (
    body_head,
    collective,
    description,
    generic_kind,
    holder_country,
    introductions,
    named_bodies,
    named_companies,
    person_head,
    phrase_country,
    possessed,
    possessor,
    resolve_description,
    without_addressee,
)
from briefing.extract.quotes.documents import document_noun
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.lexicon import bare_role, is_role, word_set
from briefing.extract.quotes.speaker_names import hyphen_adjective, is_organisation, is_place, may_name_people
from briefing.extract.quotes.speakers import (
    DEMONSTRATIVES,
    Phrase,
    clause_subject,
    governed_by_preposition,
    noun_phrases,
    person_score,
)
from briefing.lang import rows
from briefing.lang.de import (
    OPENING_PARTICLES,
    attribution_markers,
    demonym_country,
)
from briefing.lang.frequency import COMMON_ZIPF, compound_of_common_word, zipf
from briefing.models import Quote

# A pronoun's antecedent is searched among this many preceding quotations' speakers.
PRONOUN_LOOKBACK_QUOTES = 5
# The words before a name read for the country its title gave it ("des venezolanischen Präsidenten X").
INTRO_CHARS = 60


def resolve_missing_speakers(text, masked, sents, found, sent_of) -> None:
    """Unattributed quotations take a speaker from their surroundings, nearest evidence first:
    an attributed quotation later in the same sentence or paragraph line, an attributed
    quotation in the same or previous sentence, a person named just before, then an
    attributed quotation further back."""
    for i, f in enumerate(found):
        if f.speaker is not None:
            continue
        if f.speakerless and f.kind == "indirect":
            continue  # reported, but not by the cue's subject (indirect.indirect_quotes): no one to lend it
        if f.kind == "direct" and _WRITTEN_ON.match(text, sents[f.sent][0], f.start):
            f.how = "none"  # "Auf einem Plakat stand: „…“": words written on something, no one near said them
            continue
        nxt = prev_near = prev_far = None
        for j in range(i + 1, len(found)):
            g = found[j]
            if g.sent > f.sent + 1:
                break
            if g.speaker is not None and "\n" not in text[f.end : g.start]:
                nxt = g
                break
        for j in range(i - 1, -1, -1):
            g = found[j]
            if g.sent < f.sent - SPEAKER_LOOKBACK_SENTENCES:
                break
            if g.speaker is not None:
                if g.sent >= f.sent - 1:
                    prev_near = g
                else:
                    prev_far = g
                break
        passive = f.kind == "direct" and _passive_clause(masked, sents, f)
        if passive:
            # "Die Ministerin wurde in der Lokalpresse als „mutig“ gelobt": the passive's subject is who the words
            # are about, never who said them; its agent ("von der Opposition") said them.
            own = _passive_agent_of(masked, sents, f)
            if own is None and not konjunktiv_words(masked, *sents[f.sent]):
                f.how = "none"  # words someone unnamed used (no Konjunktiv: no one's report going on)
                continue
        else:
            g = prev_near or prev_far
            if f.kind == "direct" and g is not None and g.speaker is not None and f.start == sents[f.sent][0] and (
                    "\n" in text[g.speaker.end : f.start]) and (
                    (para := _paragraph_subject(text, masked, sents, f, g.speaker)) is not None):
                # "„…“, sagte Sportdirektor X.\n\nThorup selbst äußerte sich in einer Mitteilung. Er bedanke sich …,
                # hieß es darin. „Ich wünsche …“": a speaker named in an earlier paragraph is not carried past the
                # person the quotation's own paragraph is about
                f.speaker, f.how = para, "context"
                continue
            own = _own_subject(masked, sents, f)
            if own is None and f.kind == "direct" and not (nxt is not None and nxt.sent == f.sent):
                own = _sentence_person(masked, sents, f) or _named_subject(masked, sents, f)
            elif own is None and f.kind != "direct":
                own = _reporting_subject(masked, sents, f)
        if own is not None:
            f.speaker, f.how = own, "subject"
        elif f.speakerless:
            continue  # a fragment of reported speech takes its own sentence's subject, or no one
        elif nxt is not None and nxt.sent == f.sent:
            f.speaker, f.how, f.mention = nxt.speaker, "next", _borrowed_mention(f, nxt)
        elif prev_near is not None:
            f.speaker, f.how, f.mention = prev_near.speaker, "previous", _borrowed_mention(f, prev_near)
        else:
            ctx = _context_speaker(masked, sents, f)
            if (
                ctx is not None
                and person_score(ctx) < 2
                and not _bare_full_name(ctx)
                and not _known_surname(text, ctx)
                and prev_far is not None
            ):
                # A bare capitalised word nearby is often a thing ("Jahre", "Irak"); a speaker
                # attributed a few sentences back is the better guess.
                f.speaker, f.how, f.mention = prev_far.speaker, "previous", _borrowed_mention(f, prev_far)
            elif ctx is not None:
                f.speaker, f.how = ctx, "context"
            elif prev_far is not None:
                f.speaker, f.how, f.mention = prev_far.speaker, "previous", _borrowed_mention(f, prev_far)
            elif nxt is not None:
                f.speaker, f.how, f.mention = nxt.speaker, "next", _borrowed_mention(f, nxt)
            else:
                f.how = "none"


# A sentence that opens with what the quotation is written on and a verb of standing written there, right before
# the quotation: "Auf einem Transparent stand: „…“", "Darauf war zu lesen: „…“", "An der Tür prangt „…“".
_WRITTEN_ON = re.compile(
    r"\s*(?:Auf|An|Darauf|Daran)\b[^.„“\"«»:]{0,80}?\b(?:stand|steht|stehen|standen|(?:war|ist|waren|sind) zu lesen"
    r"|prangte|prangt|prangten|prangen)\s*:?\s*$"
)


# The forms of "werden" that make a passive with a participle ("wurde … gelobt", "ist … bezeichnet worden").
_PASSIVE_AUX = frozenset(["wird", "werden", "wurde", "wurden", "worden", "würde", "würden", "werde"])
# A participle by its shape: "ge-…-t" (also after a separable prefix: "gelobt", "angeprangert"), an inseparable
# prefix and "-t" ("bezeichnet", "verspottet", "erklärt"), or "-iert" ("kritisiert").
_PARTICIPLE = re.compile(
    r"(?:[a-zäöü]*ge[a-zäöüß]{2,}t|(?:be|ver|er|zer|ent|emp|miss)[a-zäöüß]{2,}t|[a-zäöüß]{3,}iert)"
)
# At most this many words between the quotation and its clause's end in a passive ("als „…“ bezeichnet worden",
# "ein „…“ sondern auch „…“ attestiert": other quotations not counted).
_PASSIVE_TAIL_WORDS = 3
# Quoted words in the rest of a clause.
_QUOTED = re.compile(r"[„“\"«][^„“\"«»]*[“\"»]")


def _passive_clause(masked: str, sents, f: Found) -> bool:
    """Does the quotation stand in a passive clause: a form of "werden" in it and a participle closing it right
    after the quotation ("Die Bürgermeisterin wurde als „Totengräberin“ beschimpft", "…, dass der Plan als „…"
    bezeichnet worden sei")?  A future tense ("wird „alles“ tun") closes with an infinitive, not a participle."""
    sb, se = sents[f.sent]
    if f.start <= sb:
        return False
    start = max(masked.rfind(",", sb, f.start), masked.rfind(";", sb, f.start), sb)
    tail = re.match(r"[^,;.!?:]*", _QUOTED.sub(" ", masked[f.end : se]))
    words = tail.group(0).split() if tail else []
    if not words or len(words) > _PASSIVE_TAIL_WORDS:
        return False
    clause = masked[start : f.start].split() + words
    if _PASSIVE_AUX.isdisjoint(w.lower() for w in clause):
        return False
    verbs = [w for w in words if w.lower() not in _PASSIVE_AUX and w not in ("sei", "ist", "war", "seien", "sind")]
    return bool(verbs) and verbs[-1].islower() and _PARTICIPLE.fullmatch(verbs[-1]) is not None


def _passive_agent_of(masked: str, sents, f: Found) -> Phrase | None:
    """The agent ("von"/"vom"/"durch" and a noun phrase that may speak) of the passive clause before the
    quotation, else None."""
    sb = sents[f.sent][0]
    for np in reversed(noun_phrases(masked, sb, f.start)):
        before = masked[max(sb, np.start - 6) : np.start].split()
        agent = bool(before) and before[-1] in ("von", "vom", "durch")
        if agent and not np.pronoun and may_speak(masked, np, np.start, np.end):
            return np
    return None


def _known_surname(text: str, np: Phrase) -> bool:
    """One capitalised word the text wrote before after a first name ("Kessel" after "Werner Kessel"): a person
    the article introduced, however common the word is otherwise ("Kessel", "Koch", "Bauer")."""
    words = np.text.split()
    if len(words) != 1 or not words[0][:1].isupper():
        return False
    full = _written_in_full(text, words[0])
    return full is not None and is_first_name(full[0])


def _bare_full_name(np: Phrase) -> bool:
    """Two or more capitalised words without an article ("Volker Beck"): a name, unlike a bare
    capitalised word nearby ("Jahre", "Irak"), which is often a thing."""
    words = np.text.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and person_score(np) >= 1


def _common_thing(np: Phrase) -> bool:
    """One bare word that is a common German noun (or a compound of one, wordfreq) naming no person or body:
    "Sprüche", "Transparenten", "Quellenlage" - capitalised as every noun, which a name-like score mistakes for a
    name. Role titles, group nouns ("Demonstranten", "Experten"), organisations and places stay."""
    words = np.text.split()
    if np.pronoun or len(words) != 1 or not words[0][:1].isupper():
        return False
    word = words[0]
    if not (zipf(word) >= COMMON_ZIPF or compound_of_common_word(word)):
        return False
    return not (_may_name_people(word) or is_organisation(word) or is_place(word))


@lru_cache(maxsize=1)
def _amount_units() -> frozenset[str]:
    """Units of money and share and the words that scale a number (units.txt: "Euro", "Prozent", "Milliarden")."""
    return frozenset(r[0] for r in rows("units.txt") if len(r) > 1 and r[1] in ("currency", "percent", "scale"))


def _amount(np: Phrase) -> bool:
    """Does the phrase count money or a share ("Milliarden Euro", "Prozent der Stimmen")?  An amount speaks for
    no one, however name-like its capitalised words look."""
    return not np.pronoun and not _amount_units().isdisjoint(np.text.split())


def _may_name_people(word: str) -> bool:
    """:func:`may_name_people` of a word or of a hyphenated compound's last part ("UN-Mitarbeiter")."""
    return may_name_people(word) or ("-" in word and may_name_people(word.rsplit("-", 1)[-1]))


def _bare_name(np: Phrase) -> bool:
    """One capitalised word that is no common German word nor a compound of one ("Shakira", not
    "Hauptreisezeit"): a name."""
    words = np.text.split()
    return (
        len(words) == 1
        and words[0][:1].isupper()
        and zipf(words[0]) < COMMON_ZIPF
        and not compound_of_common_word(words[0])
    )


def _borrowed_mention(f: Found, g: Found) -> Phrase | None:
    """The mention ``f`` shows when it takes ``g``'s speaker: its own, else ``g``'s anaphoric one
    ("Demnach gebe es … . Die Lage sei …": both quotations are the report's, named by "Demnach"). A
    possessive or "eigen-" mention ("nach eigenen Angaben") stays with its own clause, where the speaker
    is named beside it."""
    if f.mention is not None:
        return f.mention
    return g.mention if g.mention is not None and g.mention.pronoun else None


def _paragraph_subject(text: str, masked: str, sents, f: Found, carried: Phrase) -> Phrase | None:
    """The person the sentences before a quotation that opens its sentence are about, in its own paragraph and
    after the ``carried`` speaker mention of an earlier paragraph: the subject of the nearest such sentence when
    it is surely a person (a pronoun, a title or first name, a surname the text introduced with a first name) and
    not that mention."""
    k = f.sent - 1
    while k >= 0 and sents[k][1] > carried.end:
        b, e = sents[k]
        sp = clause_subject(masked, b, e)
        if sp is not None and not _inside_quotation(masked, sp.start) and (
                sp.pronoun or person_score(sp) >= 2 or _known_surname(text, sp)) and (
                sp.text.lower() not in DEMONSTRATIVES):
            return None if sp.text == carried.text else sp
        if "\n" in masked[sents[k - 1][1] if k else 0 : b] or b <= 0:
            break  # the paragraph's first sentence
        k -= 1
    return None


def _own_subject(masked: str, sents, f: Found) -> Phrase | None:
    """ "Er habe „nicht den Eindruck …“": a pronoun or titled person opening the quotation's sentence."""
    sb = sents[f.sent][0]
    if f.start <= sb:
        return None
    sp = clause_subject(masked, sb, f.start)
    if sp is not None and sp.text.lower() in DEMONSTRATIVES:
        return None  # "Dieser bestehe aus „…“ Maßnahmen": a thing named before, not who speaks
    return sp if sp is not None and person_score(sp) >= 2 else None


def _sentence_person(masked: str, sents, f: Found) -> Phrase | None:
    """A titled or first-named person before the quotation in its own sentence.

    "Günter Metzges … ist der Meinung, dass die Klage „…“": a person named in the quotation's
    own sentence is nearer evidence than a speaker attributed in an earlier sentence.
    """
    sb = sents[f.sent][0]
    if f.start <= sb:
        return None
    return next(
        (np for np in reversed(noun_phrases(masked, sb, f.start)) if not np.pronoun and person_score(np) >= 2),
        None,
    )


def _named_subject(masked: str, sents, f: Found) -> Phrase | None:
    """The subject of the quotation's own sentence when it names someone: a person by name or an
    organisation ("Günter Metzges vom Netzwerk Campact ist der Meinung, dass … „…“", "Die
    Bundesregierung hatte den Bericht als „falsch“ zurückgewiesen") - nearer than a speaker of an
    earlier sentence."""
    sb = sents[f.sent][0]
    if f.start <= sb:
        return None
    if konjunktiv_words(masked, sb, f.start):
        return None  # "Bisher habe die Regierung „…“": reported speech going on, its subject is content
    sp = clause_subject(masked, sb, f.start)
    if sp is None or sp.pronoun or person_score(sp) < 0:
        return None
    caps = [w for w in sp.text.split() if w[:1].isupper()]
    if is_organisation(sp.text) or (len(caps) >= 2 and person_score(sp) >= 1):
        return sp
    # "Das Gericht kam damit zu dem Ergebnis, „dass …“": a body or group by its noun, before the quotation
    return sp if may_speak(masked, sp, sb, f.start) else None


def _reporting_subject(masked: str, sents, f: Found) -> Phrase | None:
    """The subject of the clause that reports an unattributed indirect quotation in its own sentence, when it
    may name someone: "Die Organisation bezweifelt aber, dass …", "Gall geht davon aus, dass …", "Der dortige
    Kassationsgerichtshof hatte entschieden, dass …" - nearer than the speaker of an earlier quotation.

    Not when the words before the quotation are reported speech themselves ("Bisher habe die Regierung …":
    their subject is content), nor a phrase inside a prepositional phrase, a pronoun (:func:`_own_subject`
    reads those) or a thing ("Die Kürzung der Entfernungspauschale")."""
    sb = sents[f.sent][0]
    if f.start <= sb or konjunktiv_words(masked, sb, f.start):
        return None
    # "Die Gründung wird von ai positiv gesehen, die Organisation bezweifelt aber, dass …": the clause right
    # before the quotation has its own subject, first in it and before its verb
    comma = masked.rfind(",", sb, max(sb, f.start - 2))
    last = clause_subject(masked, comma + 1, f.start) if comma > sb else None
    if last is not None and not _opens_main_clause(masked, last, f.start):
        last = None
    for sp in (last, clause_subject(masked, sb, f.start)):
        if sp is not None and not sp.pronoun and may_speak(masked, sp, sb, f.start):
            return sp
    return None


def may_speak(masked: str, sp: Phrase, start: int, end: int) -> bool:
    """May a clause's subject be who speaks: a person, a bare name, an organisation, or a phrase headed by a noun
    that may name people ("die Organisation", "Die Liberale Partei Kanadas"), outside a prepositional phrase;
    a document or source noun too ("Ein Bericht der Agentur", "Seine zentrale Aussage": texts speak in the news);
    not a thing ("Die Kürzung der Zuschüsse", "Besondere Probleme") nor an object or date."""
    if person_score(sp) < 0 or _common_thing(sp) or governed_by_preposition(masked, sp, start, end):
        return False
    if sp.text.split()[0].lower() in _OBLIQUE_POSSESSIVES:
        return False  # "Seiner Ansicht nach „…“": a possessive in the dative or genitive is no subject
    if sp.pronoun or person_score(sp) >= 2 or is_organisation(sp.text):
        return True
    heads = _head_words(sp.text)
    if any(
        _may_name_people(w) or document_noun(w) or w.lower() in _source_nouns()
        for w in heads
    ):
        return True
    # a bare name ("Gall", "CDU und FDP"): a head that is no common German word, unlike "Besondere Probleme"
    return person_score(sp) >= 1 and any(not (zipf(w) >= COMMON_ZIPF or compound_of_common_word(w)) for w in heads)


def _source_nouns() -> frozenset[str]:
    return attribution_markers().get("noun", frozenset())


def _opens_main_clause(masked: str, sp: Phrase, end: int) -> bool:
    """Does ``sp`` open the clause after a comma, right before its finite verb ("…, die Organisation
    bezweifelt aber, …"), not a relative or infinitive clause's object ("…, sich einer neuen Partei
    anzuschließen, …")?"""
    before = masked[masked.rfind(",", 0, sp.start) + 1 : sp.start]
    after = masked[sp.end : end].split()
    return not before.strip() and bool(after) and after[0][:1].islower() and not after[0].startswith("zu")


# Words that open a phrase's attribute after its head ("Die Gründung der Kommission": the head is "Gründung").
_ATTRIBUTE_OPENERS = frozenset(["der", "des", "von", "vom", "aus", "im", "in", "für"])


def _head_words(words: str) -> list[str]:
    """The capitalised words of a phrase before its attribute: "Die Demokratische Partei Thailands" ->
    Demokratische, Partei, Thailands; "Die Gründung der Kommission" -> Gründung."""
    out = []
    parts = words.split()
    parts = parts[1:] if parts[0].lower() in _ARTICLES else parts
    for k, w in enumerate(parts):
        if w.lower() in _ATTRIBUTE_OPENERS:
            break
        if not w[:1].isupper():
            continue
        if k + 1 < len(parts) and parts[k + 1][:1].isupper() and w.lower().endswith(_ADJECTIVE_ENDINGS):
            continue  # an adjective before its noun: "Besondere Probleme", "Die Liberale Partei"
        out.append(w)
    return out


# (not "-er": "Anhänger Saddam Husseins", "Sprecher Tom Reed" are nouns before a name)
_ADJECTIVE_ENDINGS = ("e", "en")


_ARTICLES = frozenset(["der", "die", "das", "ein", "eine"])
# Possessives in the dative or genitive only: the phrase they open is no subject.
_OBLIQUE_POSSESSIVES = frozenset(["seiner", "ihrer", "seines", "ihres", "unserer", "unseres", "eurer", "eures"])


def _context_speaker(masked: str, sents, f: Found) -> Phrase | None:
    """A speaker named before the quotation in its sentence, else in the sentence before."""
    sb = sents[f.sent][0]
    spans = []
    if f.start > sb:
        spans.append((sb, f.start))
    if f.sent > 0:
        spans.append(sents[f.sent - 1])
    for b, e in spans:
        if f.kind == "direct":
            # A quotation's speaker is a person: the most person-like phrase.
            best = None
            for np in noun_phrases(masked, b, e):
                if governed_by_preposition(masked, np, b, e) or _common_thing(np) or _amount(np):
                    continue  # "In Anspielung auf …", "mit Transparenten", "Sprüche", "Milliarden Euro": no one speaks
                score = person_score(np)
                if score >= 1 and (best is None or score > best[0]):
                    best = (score, np)
            if best is not None:
                return best[1]
            continue
        # Reported speech also comes from institutions and media: a titled person or
        # pronoun, else the sentence's subject ("Die Deutsche Welle berichtet …. Dort sei man …").
        titled = next(
            (
                np
                for np in noun_phrases(masked, b, e)
                if person_score(np) >= 2 and not governed_by_preposition(masked, np, b, e) and not _amount(np)
            ),
            None,
        )
        if titled is not None:
            return titled
        subject = clause_subject(masked, b, e)
        # (a quotation shown at an anaphoric source, "Demnach habe sie …", takes the sentence before's subject as
        # what it refers to, a thing too: "Der Lebenslauf war im Internet veröffentlicht worden. Demnach …")
        if subject is not None and (
            may_speak(masked, subject, b, e) if f.mention is None else person_score(subject) >= 0
        ):
            return subject
    return None


# ------------------------------------------------------------------ speakers, actors

# Pronouns and the grammatical gender of a single person they can stand for ("sie" is also plural).
_PRONOUN_GENDER = {"er": "m", "sie": "f"}
# Marks that close and open a quotation ("»…«" closes with "«", "«…»" with "»").
_CLOSING_MARKS = ("“", "”", '"', "«", "»")
_OPENING_MARKS = ("„", '"', "«", "»")


@lru_cache(maxsize=1)
def _title_word(word: str) -> bool:
    """A capitalised word before a first name that is a title or attribute, not a name: a word that may name
    people ("Kämmerin", "Frankfurter"), a common German word ("Oberst") or an abbreviated title ("Dr.")."""
    if not word[:1].isupper() or is_first_name(word):
        return False
    return may_name_people(word) or zipf(word) >= COMMON_ZIPF or (word.endswith(".") and len(word) <= 5)


# A finite verb of the third person singular right after a subject: a weak past ("dankte"), a present ("lacht"),
# or a common irregular form.
_SINGULAR_FINITE = re.compile(
    r"[a-zäöüß]+(?<!en)(?:te|t)|ist|war|hat|will|kann|muss|soll|wird|gab|sprach|rief|kam|ging|sah|hielt|blieb"
)


def _bare_person_name(text: str, np: Phrase) -> bool:
    """One capitalised word that is no common German word nor a compound of one, no place and no
    organisation ("Selenskyj", not "Paris", "Siemens" in the lists, "Regierung"), followed by a singular finite
    verb: most likely a person's surname. (Asked for the subject opening a sentence.)"""
    words = np.text.split()
    if len(words) != 1 or not words[0][:1].isupper():
        return False
    nxt = text[np.end : np.end + 30].split()
    relative = len(nxt) > 1 and nxt[0] == "," and nxt[1] in ("der", "die")  # "Lötzsch, die …"
    if not nxt or not (relative or _SINGULAR_FINITE.fullmatch(nxt[0].rstrip(".,;:!?"))):
        return False  # a person does something in the singular ("Selenskyj dankte"; not "Fernzüge würden")
    word = words[0]
    return not (
        zipf(word) >= COMMON_ZIPF
        or compound_of_common_word(word)
        or is_place(word)
        or is_organisation(word)
        or may_name_people(word)
    )


def is_first_name(word: str) -> bool:
    """A first name of the hand-kept or the world list ("Ute", "Miriam")."""
    return word.lower() in _all_first_names()


@lru_cache(maxsize=1)
def _all_first_names() -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows("first_names.txt") + rows("first_names_world.txt"))


@lru_cache(maxsize=1)
def _all_first_name_genders() -> dict[str, str]:
    """First names of the world list and the hand-kept one (which wins) with their gender."""
    rows_ = rows("first_names_world.txt") + rows("first_names.txt")
    return {r[0].lower(): r[1] for r in rows_ if len(r) > 1 and r[1] in ("m", "f")}


def _full_name_of(words: str, gender: str | None) -> bool:
    """A first name of ``gender`` and a surname, perhaps after a title ("Marion Fuchs", "Patientenvertreterin
    Marion Fuchs" for "sie"): a person, whichever list knows the first name."""
    toks = words.split()
    genders = _all_first_name_genders()
    return (
        gender is not None
        and 2 <= len(toks) <= 4
        and all(w[:1].isupper() for w in toks)
        and any(genders.get(w.lower()) == gender for w in toks[-3:-1])
    )


@lru_cache(maxsize=1)
def _first_name_genders() -> dict[str, str]:
    """Lowercased first name -> "m" or "f" (first_names.txt; built once: asked for every pronoun and name;
    read-only)."""
    return {r[0].lower(): r[1] for r in rows("first_names.txt") if len(r) > 1 and r[1] in ("m", "f")}


def _gender(words: str) -> str | None:
    """The gender a person phrase shows: its first name's, or a role title's ("Kanzlerin": f,
    "Kanzler": m); None when it shows none (an organisation, a bare surname)."""
    names = _first_name_genders()
    for w in words.split():
        g = names.get(w.lower()) or _HONORIFIC_GENDER.get(w)
        if g:
            return g
    if _APPOSITION_AT_END.search(words):
        # "Der Hauptgeschäftsführer des Verbands, Helena Melnikov": the person is named, and a first name the
        # list does not know leaves the gender open (a title is often written in the masculine for a woman)
        return None
    toks = words.split()
    for k, w in enumerate(toks):
        if w[:1].isupper() and is_role(w):
            if w.endswith("e") and k and toks[k - 1].lower() in ("der", "die"):
                # a title that declines like an adjective shows its gender by the article: "Die Abgeordnete"
                return _ARTICLE_GENDER[toks[k - 1].lower()]
            return "f" if w.endswith("in") and is_role(w[:-2]) else "m"
    return _grammatical_gender(words)


# Forms of address before a surname show the person's gender ("Frau Hartl", "Herrn Vollmer").
_HONORIFIC_GENDER = {"Frau": "f", "Herr": "m", "Herrn": "m"}

# A phrase ending in a person's name in apposition: ", Helena Melnikov".
_APPOSITION_AT_END = re.compile(r", [A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)+\Z")


# Noun endings that make a German noun feminine ("Kommission", "Regierung", "Partei", "Behörde" is not
# regular enough to list): an organisation named by one is "sie", never "er".
_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik")
_ARTICLE_GENDER = {"der": "m", "die": "f", "das": "n", "ein": "m", "eine": "f"}


def _grammatical_gender(words: str) -> str | None:
    """The gender of a phrase's head noun where German shows it: its nominative article ("die
    Kommission", "das Gericht"), else a feminine ending ("Untersuchungskommission der Universität")."""
    toks = words.split()
    if not toks:
        return None
    if len(toks) > 1 and toks[0].lower() in _ARTICLE_GENDER:
        return _ARTICLE_GENDER[toks[0].lower()]
    head = toks[0]
    if head[:1].isupper() and head.lower().endswith(_FEMININE_ENDINGS):
        return "f"
    return None


def _agrees(pronoun: str, antecedent: str) -> bool:
    """Can ``pronoun`` ("er", "sie") stand for ``antecedent``? Only a shown gender can disagree."""
    want = _PRONOUN_GENDER.get(pronoun.lower())
    got = _gender(antecedent) if want else None
    return want is None or got is None or got == want


def _agrees_in(text: str, pronoun: str, antecedent: str) -> bool:
    """:func:`_agrees`, and a bare surname shows the gender of the first name the text gives it ("Hartl" after
    "Sabine Hartl" is no antecedent of "er")."""
    if not _agrees(pronoun, antecedent):
        return False
    want = _PRONOUN_GENDER.get(pronoun.lower())
    words = antecedent.split()
    if want is None or len(words) != 1 or not words[0][:1].isupper() or _gender(antecedent) is not None:
        return True
    named = _first_name_genders_of(text, words[0])
    if named:
        # "Thomas und Sabine Wendt … Wendt sieht das ähnlich. „…“, sagte er": the surname of a man and a woman
        # agrees with either pronoun ("die Bäckerei Wendt" written before them gives no gender)
        return want in named
    full = _written_in_full(text, words[0])
    got = _gender(full[0]) if full is not None else None
    return got is None or got == want


def _first_name_genders_of(text: str, surname: str) -> frozenset[str]:
    """The genders of the first names the text writes right before ``surname`` ("Thomas Wendt", "Sabine Wendt":
    m and f); empty when it writes none a first-name list knows."""
    genders = _all_first_name_genders()
    return frozenset(
        g
        for m in re.finditer(rf"\b([A-ZÄÖÜ][a-zäöüß]+) {re.escape(surname)}\b", text)
        if (g := genders.get(m.group(1).lower())) in ("m", "f")
    )


def resolve_name(text: str, sp: Phrase, found: list[Found], upto: int, sents, sent_of) -> str | None:
    """The speaker's name: a pronoun's antecedent, or the phrase without its article.

    ``found[:upto]`` are the quotations before the one whose speaker is ``sp``.
    """
    ordinal = ORDINAL_ANAPHOR.fullmatch(sp.text)
    if ordinal:
        named = _ordinal_antecedent(text, sents, sent_of, sp, last=ordinal.group(1).lower() == "letzt")
        return name_of(named.text) if named is not None else None
    if sp.pronoun and sp.text.lower() in DEMONSTRATIVES:
        named = _demonstrative_antecedent(text, sents, sent_of, sp)
        return name_of(named.text) if named is not None else None
    if sp.pronoun:
        quoted = None
        for k in range(upto - 1, max(-1, upto - 1 - PRONOUN_LOOKBACK_QUOTES), -1):
            f = found[k]
            speaker = f.speaker
            if speaker is None or speaker.pronoun or speaker.start >= sp.start:
                continue
            if _agrees_in(text, sp.text, speaker.text):
                quoted = speaker
                break
        # The nearest preceding person-like subject, or a titled person after a fronted adverb
        # ("Unterdessen verteidigte der Vorsitzende …, Sebastian Edathy, den Entwurf. Er …").
        # A place speaking by metonymy ("Madrid hatte Bedenken angemeldet") is kept in reserve: "er" or
        # "sie" means a person named before it, after the last quoted speaker, if there is one.
        named = weak = None
        # Persons introduced by a title or age the lexicons do not know ("Die Forscherin Ilka Tammen") are
        # persons as much as a titled one.
        want = _PRONOUN_GENDER.get(sp.text.lower())
        introduced: list[list[str]] = []  # read when a phrase is first not known as a person by its words

        def intros() -> list[str]:
            if not introduced:
                introduced.append(
                    [i.name for i in introductions(text, sp.start) if i.gender is not None and i.gender == want
                     and " " in i.name]
                )  # (a person's first name and surname: "der Volksempfänger VE301" is a thing "er" may stand for)
            return introduced[0]

        si = sent_of(sp.start)
        matrix = _matrix_subject(text, sents[si][0], sp)
        if matrix is not None:
            return name_of(matrix.text)
        # Where the quotation the pronoun attributes opens, when it opens in an earlier sentence: its words are no
        # antecedent ("„Ich kenne Frau Hartl gut. Sie weiß das“, sagte er": not Hartl).
        opened_before = -1
        for k in range(si, max(-1, si - SPEAKER_LOOKBACK_SENTENCES), -1):
            sb, se = sents[k]
            if quoted is not None and se <= quoted.start:
                break  # the quoted speaker is nearer
            upto_k = min(se, sp.start)
            if k == si:
                # "„Wir brauchen Hilfe“, sagt sie": a word of the quotation the pronoun attributes is no antecedent;
                # a lead-in before it may hold one ("X sagte der ARD: „…,“ betont sie")
                close = max(text.rfind(m, sb, sp.start) for m in _CLOSING_MARKS)
                if close >= sb:
                    opening = max(text.rfind(m, sb, close) for m in _OPENING_MARKS)
                    if opening > sb and text[sb:opening].strip():
                        upto_k = opening
                    else:
                        if opening < sb:
                            opened_before = max(text.rfind(m, 0, sb) for m in _OPENING_MARKS)
                        sb = close + 1
                # A person named in the pronoun's own clause is no antecedent of it: a pronoun is never bound in
                # its clause ("Nach dem Gespräch mit Vereinschef X sagte er", "zusammen mit seinen Kollegen X
                # und Y lenkte er"; "Dem Minister widersprach er"): the antecedent is in a clause before.
                upto_k = min(upto_k, _clause_start(text, sb, sp.start))
            elif opened_before >= 0:
                if opened_before <= sb:
                    continue  # a sentence of the quotation itself
                upto_k = min(upto_k, opened_before)  # the lead-in before the quotation's opening mark
                opened_before = -1
            np = clause_subject(text, sb, upto_k)
            if (k < si and np is not None and not np.pronoun and (quoted is None or np.start > quoted.end)
                    and person_score(np) < 1 and _unnamed_person(np.text) and not _inside_quotation(text, np.start)
                    and not _APPOSITION_NAME.match(text, np.end) and _agrees_in(text, sp.text, np.text)):
                # "„…“, sagte Anwalt X. Der Bruder der Getöteten zeigte sich erleichtert. „…“, sagte er": the
                # brother, whom the text does not name, not the lawyer quoted before him
                return None
            if k < si and np is not None and np.pronoun and np.text.lower() == sp.text.lower():
                # "Er war es, der das von Präsident X formulierte Ziel … Danach sagte er": the same pronoun as
                # the subject of a sentence between carries the person on; that sentence's other names are not it
                continue
            # (a person named inside another quotation is talked about, not the one talking: no antecedent)
            if np is None or np.pronoun or _inside_quotation(text, np.start) or (
                    person_score(np) < 1 and _introduced(np.text, intros) is None and (
                    description_gender(np.text) is None)):
                np = next(
                    (
                        n
                        for n in noun_phrases(text, sb, upto_k)
                        if not n.pronoun and (person_score(n) >= 2 or _introduced(n.text, intros) is not None)
                        and not _inside_quotation(text, n.start)
                    ),
                    None,
                )
            if np is not None and want is not None and (pair := _coordinated_persons(np.text)) and all(
                    _agrees_in(text, sp.text, part) for part in pair):
                # "Auf der Liste standen X und Y. Er forderte …": two people in reach, which one is unsaid
                return None
            if np is not None and _agrees_in(text, sp.text, np.text):
                if not _place(np.text):
                    named = np
                    break
                weak = weak or np
        named = named or weak
        # A person named after the last quoted speaker is the nearer antecedent.
        # A bare capitalised subject ("Paris verteidige …") is often a place or thing speaking by
        # metonymy: it beats the quoted speaker only when it is clearly a person.
        nearer = named is not None and (
            quoted is None
            or (named.start > quoted.end and (person_score(named) >= 2 or _introduced(named.text, intros) is not None
                                              or description_gender(named.text) is not None
                                              or _full_name_of(named.text, want)))
        )
        best = named if nearer else quoted
        if (
            best is quoted
            and quoted is not None
            and named is not None
            and named.start > quoted.end
            and _bare_person_name(text, named)
            and not text[sents[sent_of(named.start)][0] : named.start].strip()
        ):
            # "„…“, sagte Merz. Selenskyj dankte. „…“, sagte er": a name nobody introduced, no place nor body,
            # is the subject after the quoted speaker: "er" may stand for either, and a guess is not shown
            return None
        if best is None:
            return None
        if best is named and _rival(text, sp, named, sents, sent_of):
            return None  # "Pellegrini lobte den Torhüter, Aubin haderte … „…“, sagte er": which one, unsaid
        if not best.pronoun and (bare := without_addressee(best.text).rstrip()) != best.text:
            # "„…“, sagte die Ökonomin der Nachrichtenagentur X. …, forderte sie": she, not the medium she spoke to
            best = Phrase(best.start, best.start + len(bare), bare)
        if person_score(best) < 2 and (intro := _introduced(best.text, intros)) is not None:
            return intro  # "Die Forscherin Ilka Tammen": the name, not the title the lexicons do not know
        appo = _APPOSITION_NAME.match(text, best.end)
        if appo and (_ends_in_name(best.text) or any(is_role(w) for w in appo.group(1).split())):
            appo = None  # "Winfried Hassemer, Papiers Stellvertreter": the name is before the comma
        if appo is None and not best.pronoun and possessed(best.text, text):
            return name_of(best.text)  # "Webers Anwalt äußerte sich. Er sagte": the lawyer, not Weber
        if appo is None and not best.pronoun and _someone_unnamed(best.text):
            return None  # "„…“, sagte ein Sprecher. Man werde …, fügte er hinzu": he is never named
        if appo is None and not best.pronoun and description(_with_article(text, best)) is not None:
            # "Die Forscherin warnt … „…“, sagte sie": the person the description stands for
            return resolve_name(text, best, found, upto, sents, sent_of)
        return appo.group(1) if appo else name_of(best.text)
    if possessed(sp.text, text):
        return name_of(sp.text)  # "sagte der Anwalt Webers": the lawyer, whom the text does not name
    if (party := party_member(text, sp)) is not None:
        # "warf die Grüne ihr vor": the one person of that party and gender named before, never the party
        return _party_person(text, sp, party, sents, sent_of)
    name = name_of(sp.text)
    appo = _TRAILING_APPOSITION.match(text, sp.end)
    # (a phrase ending in a genitive name, "der Fraktionschef der Freien Wähler", is a title, not a name)
    ends_in_name = _ends_in_name(sp.text) and sp.text.split()[-3:-2] not in (["der"], ["des"], ["von"], ["vom"])
    if appo and not ends_in_name and any(is_role(w) for w in sp.text.split()):
        # "„…“, sagte der Sprecher der Polizei, Tom Weber, am Montag": the clause ended at the comma, the
        # person the role phrase describes is named right after it.
        return appo.group(1)
    if _someone_unnamed(sp.text) and not (appo and not ends_in_name):
        return None  # "sagte eine Anwohnerin": someone the text introduces without a name, not one named before
    if (kind := collective(sp.text)) is not None and kind[1] == "company" and generic_kind(kind[0]):
        companies = {n for n, _ in named_companies(text, sp.start)}
        if len(companies) == 1:
            return companies.pop()  # "Der Maschinenbauer Hollweg AG … „…“, erklärte das Unternehmen"
    if (head := body_head(sp.text)) is not None:
        bodies = named_bodies(text, sp.start, head)
        if len(bodies) == 1:
            return bodies.pop()  # "Das Landgericht Coburg … „…“, teilte das Gericht mit"
    # "„…“, so die Regisseurin": the phrase left its article out, the description needs it; "Dem Präsidenten
    # zufolge", "laut der Ministerin": a source frame's dative is read as the nominative it stands for
    words = _with_article(text, sp)
    words = _nominative(words) if description(words) is None else words
    if description(words) is not None:
        who = resolve_description(text, sp.start, words, lambda: _persons_in_reach(text, sp, sents, sent_of))
        if who is not None and not _other_country(text, sp, who):
            return who
    if bare_role(name) and not description_gender(sp.text):
        return _role_holder(text, sp, name, sents, sent_of) or _paragraph_person(text, sp, sents, sent_of) or name
    if description_gender(sp.text):
        return _described_person(text, sp, sents, sent_of) or _paragraph_person(text, sp, sents, sent_of) or name
    return _paragraph_person(text, sp, sents, sent_of) or name


def _coordinated_persons(words: str) -> list[str]:
    """The two persons a phrase joins by "und" or "sowie" ("die Abgeordneten Karl Hübner (SPD) und Stefan
    Riedel (CDU)", "Anna Berg und ihr Kollege Jan Ott"), each ending in a first name and surname; else none."""
    parts = re.split(r" (?:und|sowie) ", words, maxsplit=1)
    return parts if len(parts) == 2 and all(_person_part(p) for p in parts) else []


def _person_part(words: str) -> bool:
    """A side of a coordination that ends in a person's name (a first name then a surname, a bracketed party
    after it allowed)."""
    toks = [t for t in re.sub(r"\([^)]*\)", " ", words).split() if t]
    return len(toks) >= 2 and toks[-1][:1].isupper() and is_first_name(toks[-2])


def _clause_start(text: str, sb: int, pos: int) -> int:
    """Where the clause holding ``pos`` opens in the sentence from ``sb``: after the last comma, semicolon,
    colon, dash, bracket or quotation mark before ``pos``, or ``sb``."""
    return max([sb] + [text.rfind(ch, sb, pos) + 1 for ch in _CLAUSE_BOUNDARIES])


# What ends a clause inside a sentence, for :func:`_clause_start`.
_CLAUSE_BOUNDARIES = (",", ";", ":", "–", "(", ")", *_CLOSING_MARKS, *_OPENING_MARKS)


def _matrix_subject(text: str, sb: int, sp: Phrase) -> Phrase | None:
    """The subject of the main clause a pronoun's subordinate clause hangs on, where it is the pronoun's
    antecedent: "Der Verband schlug in dieselbe Kerbe, indem er den Vorstand aufforderte: „…“", "Die
    Gewerkschaft reagierte scharf, nachdem sie …" - German binds the subject pronoun of a clause opened by a
    conjunction to the subject of the clause it depends on, an organisation as much as a person.  Only where
    the subject shows the pronoun's gender (its article or title) and may speak; None otherwise, and the
    nearest person before is looked for as usual."""
    want = _PRONOUN_GENDER.get(sp.text.lower())
    if want is None:
        return None
    before = text[sb : sp.start].rstrip()
    opener = before.rsplit(None, 1)[-1] if before else ""
    comma = before[: len(before) - len(opener)].rstrip()
    if opener.lower() not in _BINDING_CONJUNCTIONS or not comma.endswith(","):
        return None
    head = comma[:-1]
    if any(m in head for m in _OPENING_MARKS + _CLOSING_MARKS) or "," in head:
        return None  # a quotation or another clause between them: the main clause is not one stretch
    np = clause_subject(text, sb, sb + len(head))
    if np is None or np.pronoun or _place(np.text) or _gender(np.text) != want:
        return None
    return np if may_speak(text, np, sb, sb + len(head)) else None


# Conjunctions whose clause's subject pronoun stands for the subject of the clause it depends on ("…, indem
# er …", "…, nachdem sie …"): subordinators.txt without the comparing "wie" and "als" ("…, wie er sagte").
_BINDING_CONJUNCTIONS = frozenset(word_set("subordinators.txt") - {"wie", "als"})


# Articles before a bare title that stands for one person ("der Vizekanzler", "ein Diplomat", "eine Sprecherin").
# (and a possessive: "sagte sein Anwalt")
_TITLE_ARTICLES = frozenset(["der", "die", "ein", "eine", "sein", "seine", "ihr", "ihre"])


def shown_name(text: str, q: Quote) -> Quote:
    """The quotation with no name where its speaker is a bare title nobody named fits ("sagte der Vizekanzler"
    with no Vizekanzler named, "ein Diplomat"): a title is not a name, and the reader sees the mention instead.
    A compound that names its owner ("ein GDL-Sprecher") still tells who speaks, and a speaker linked to an
    actor keeps the actor's name. Applied to the records after the confidence model read them (its features
    are what it learned on)."""
    name = q.speaker_name
    if not name or q.speaker is not None or q.speaker_start is None or "-" in name or not bare_role(name):
        return q
    words = (q.speaker_text or "").split()
    first = words[0].lower() if words else ""
    if first not in _TITLE_ARTICLES:
        before = text[max(0, q.speaker_start - 4) : q.speaker_start].split()
        first = before[-1].lower() if before else ""  # "so der Rathauschef": the phrase left its article out
        if len(words) != 1 or first not in _TITLE_ARTICLES:
            return q
    return Quote(**{**q.__dict__, "speaker_name": None})


# How far back in its paragraph a description reaches for the person it stands for (sentences).
PARAGRAPH_LOOKBACK_SENTENCES = 3
# A spokesman speaks for a body, not for the person named before ("Minister X ... sagte der Sprecher").
_SPOKESMAN = re.compile(r"sprecher(?:in)?\Z")


def _nominative(words: str) -> str:
    """A description of one person in the dative as its nominative: "dem Präsidenten" -> "der Präsident" (a
    weak noun's -en/-n off where the rest is a title), "dem Minister" -> "der Minister", "der Ministerin" -> "die
    Ministerin"; anything else as it is."""
    toks = words.split()
    if len(toks) < 2 or not all(t.islower() for t in toks[1:-1]):
        return words
    art, head = toks[0].lower(), toks[-1]
    attrs = [t[:-1] if t.endswith("en") else t for t in toks[1:-1]]  # "dem neuen Präsidenten": "neue"
    if art == "dem":
        for cut in ("en", "n", ""):
            base = head[: len(head) - len(cut)] if cut and head.endswith(cut) else head
            if (not cut or head.endswith(cut)) and (is_role(base) or may_name_people(base)):
                return " ".join(["der", *attrs, base])
        return words
    if art == "der" and head.endswith("in") and may_name_people(head):
        return " ".join(["die", *attrs, head])
    return words


def _with_article(text: str, sp: Phrase) -> str:
    """The mention with the article the speaker phrase left out ("so der Rathauschef": "Rathauschef")."""
    if " " not in sp.text:
        before = text[max(0, sp.start - 4) : sp.start]
        if before in ("der ", "die ", "Der ", "Die "):
            return before + sp.text
    return sp.text


def _rival(text: str, sp: Phrase, named: Phrase, sents, sent_of) -> bool:
    """Does the sentence that names a pronoun's antecedent name a second person of its gender as a subject
    ("Pellegrini lobte seinen Torhüter, Aubin haderte mit den Schiedsrichtern. … sagte er")? Two candidates
    compete: the pronoun is not resolved to a guess."""
    want = _PRONOUN_GENDER.get(sp.text.lower())
    if want is None:
        return False
    sb, se = sents[sent_of(named.start)]
    mine = _someone_named(text, named, {})
    if mine is None:
        return False
    for np in noun_phrases(text, sb, min(se, sp.start)):
        if np.pronoun or np.start == named.start or _inside_quotation(text, np.start):
            continue
        if governed_by_preposition(text, np, sb, min(se, sp.start)):
            continue  # a preposition's: "mit Aubin"
        at = np.start
        for part in np.text.split(", "):  # (a clause after a comma may read as an apposition)
            seg, at = Phrase(at, at + len(part), part), at + len(part) + 2
            if part.split()[0].lower() in _OBLIQUE:
                continue  # an object: "seinen Torhüter"
            other = _someone_named(text, seg, {})
            if other is not None and other[1] == want and other[0].split()[-1] != mine[0].split()[-1]:
                return True
    return False


def _paragraph_person(text: str, sp: Phrase, sents, sent_of) -> str | None:
    """The person a definite description that no introduction settles stands for: the one person of its
    gender named in its paragraph in the sentences just before it.

    German news names a person in full and then goes on about them with a description the introduction did
    not use: "Finanzminister Lars Klingbeil verteidigte … „…“, sagte der Vizekanzler"; "Kapitän Silvan Widmer
    … gab der Schweizer zu"; "Ostwald nahm den Preis entgegen. „…“, sagte die 31-Jährige". Precision first:
    a spokesman (who speaks for a body), a second person of the gender in reach, one introduced with another
    age or country, or someone described but not named in between leave it unresolved.
    """
    words = _with_article(text, sp)
    desc = description(words)
    if desc is None or collective(words) is not None or body_head(words) is not None:
        return None  # (no description of one person: "die Agentur", "der Verband")
    head, want = desc
    if not person_head(head, words.split()[0].lower()) or is_organisation(head):
        return None
    if _SPOKESMAN.search(head.lower()) or _attribute_position(text, sp.end - len(words)):
        return None
    if want == "m" and head.lower().endswith(_FEMININE_ENDINGS):
        return None  # "der Staatsanwaltschaft": a genitive or dative of a feminine noun, no one who speaks
    age = _AGE_HEAD_WORD.fullmatch(head)
    country = demonym_country(head)
    party = party_name(head[: head.index("-")]) if _PARTY_MEMBER.fullmatch(head) and "-" in head else None
    intros = introductions(text, sp.start)
    low = head.lower()
    if any(i.role and i.role.lower().rstrip("ns").endswith(low.rstrip("ns")) for i in intros):
        return None  # persons were introduced with the title: the introductions decide (two Ökonomen: neither)
    ages = {i.name.split()[-1]: i.age for i in intros if i.age is not None}
    genders = {i.name.split()[-1]: i.gender for i in intros if i.gender is not None}
    # An office ("der Richter", "der Vizekanzler") describes someone the text gave a title, not anyone named:
    # "Vor Gericht hatten Zeugen berichtet, wie Mair … Der Richter …" is not Mair.
    titled = None
    if is_role(head) and not (age or country):
        # ... and not one whose title is another office of the same kind ("Bundestagspräsident Paul Weber … sagte
        # der Bundespräsident"): a title's last part the lexicon knows ("präsident") names the kind
        kind = _office_kind(head)
        titled = {
            i.name.split()[-1] for i in intros
            if i.role and not (kind and i.role.lower().rstrip("ns").endswith(kind) and not _fits_role(i.role, head))
        }
    if titled is not None and not titled:
        return None  # (nobody was given a title: no one to read the sentences for)
    paragraph = text.rfind("\n", 0, sp.start) + 1
    crossed = anyone = False
    persons: list[str] = []
    last = -1
    si = sent_of(sp.start)
    for k in range(si, max(-1, si - PARAGRAPH_LOOKBACK_SENTENCES - 1), -1):
        sb, se = sents[k]
        if k != si and sb < paragraph:
            if anyone or crossed or text[paragraph : sents[si][0]].strip():
                break  # (the paragraph before: another topic; or the description does not open its paragraph)
            # A paragraph that opens with the description goes on about the one the paragraph before ended with.
            crossed, paragraph = True, text.rfind("\n", 0, len(text[:paragraph].rstrip("\n"))) + 1
        for np in noun_phrases(text, max(sb, paragraph), min(se, sp.start)):
            if np.pronoun or _inside_quotation(text, np.start):
                continue  # (a name inside a quotation is someone the speaker talks about)
            if (found := _someone_named(text, np, genders)) is None:
                continue
            named, gender = found
            anyone = True
            if gender not in (want, None):
                continue
            surname = named.split()[-1]
            if titled is not None and surname not in titled and not _titled_here(np.text, named):
                continue
            if age is not None and ages.get(surname, int(age.group(1))) != int(age.group(1)):
                continue  # introduced with another age
            if country is not None and (theirs := phrase_country(np.text)) is not None and theirs != country:
                continue  # "Frankreichs Präsident …" is no "Österreicher"
            if _nationality_mismatch(words, np.text):
                continue  # "Bundesaußenminister Johann Wadephul" is no "polnischer Außenminister"
            if party is not None and (ties := _parties_of(text, named)) and party not in ties:
                continue  # "Ute Kramer (SPD)" is no "CDU-Politikerin"
            if surname not in (p.split()[-1] for p in persons):
                persons.append(named)
            last = max(last, np.end)
    if len(persons) != 1 or _unnamed_description(text, last, sp.start):
        return None
    if (age is not None or country is not None) and _described_before(text, sp):
        return None  # the text used the description before for someone ("gegen den 39-Jährigen")
    return max((p for p in persons), key=len)


@lru_cache(maxsize=4096)
def _place(words: str) -> bool:
    """A country, bloc or seat of government and nothing else ("Madrid", "die Türkei", "Brüssel")."""
    toks = [w for w in words.split() if w.lower() not in _ARTICLE_GENDER]
    return bool(toks) and all(is_place(w) for w in toks)


def _nationality_mismatch(description_words: str, holder_words: str) -> bool:
    """Does a description name a nationality ("der polnische Außenminister") its candidate is not known to have?
    Such a description sets someone apart from the others named: only a holder of that country is the one
    (a "Bundesaußenminister" is no Polish minister; a minister of unknown country is no sure one either)."""
    wanted = phrase_country(description_words)
    return wanted is not None and holder_country(holder_words) != wanted


# "der CDU-Politiker", "die Grünen-Abgeordnete": a person described by party.
_PARTY_MEMBER = re.compile(r"[\wÄÖÜäöüß]+-(?:Politiker(?:in)?|Abgeordnete[r]?|Mitglied)")
# A description's head that is an age: "31-Jährige".
_AGE_HEAD_WORD = re.compile(r"(\d{1,3})-[Jj]ährige[nr]?")
# "der 61-Jährige", "die 31-jährige", "der Mittvierziger": a person described by age.
_AGE_NOUN = re.compile(r"(?:\d+-[Jj]ährige|Mitt(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig)er(?:in)?)")


def description_gender(words: str) -> str | None:
    """The gender of a definite description that stands for a person named before, else None: "der
    61-Jährige", "die SPD-Politikerin", "der Däne" (an article in the nominative singular, lowercase
    attributes, one capitalised head: an age, a party's member or a people's noun)."""
    toks = words.split()
    if len(toks) < 2 or toks[0] not in ("der", "die", "Der", "Die") or not all(t.islower() for t in toks[1:-1]):
        return None
    head = toks[-1]
    want = "m" if toks[0].lower() == "der" else "f"
    if _AGE_NOUN.fullmatch(head):
        return want if want == "f" or not head.endswith("in") else None  # "-Jährige" either, "-zigerin" f
    # A party's member or a people's: a title ("der Minister") names an office, which :func:`_role_holder`
    # matches against the titles named before ("Bundespräsident" is not "Bundestagspräsident").
    if not head[:1].isupper() or not (_PARTY_MEMBER.fullmatch(head) or demonym_country(head)):
        return None
    if head.endswith(("Abgeordnete", "Mitglied")):
        return want  # the article tells: "die Grünen-Abgeordnete", "der SPD-Abgeordnete"
    feminine = head.endswith("in")
    return want if (want == "f") == feminine else None


def _introduced(words: str, intros: Callable[[], list[str]]) -> str | None:
    """The name of a person introduced with a title or age that the phrase ``words`` holds, when it is in
    the nominative ("des freien Journalisten Pascal Hesse", "durch seinen Fahrer X" are no subject).

    ``intros`` gives the names (first name and surname) of the persons introduced before; it is asked only
    for a phrase that can hold such a name, two capitalised words or more (reading the introductions of a
    text is the dearest step of resolving a pronoun)."""
    toks = words.split()
    first = toks[0].lower() if toks else ""
    if first in _OBLIQUE or first in word_set("prepositions.txt"):
        return None
    if sum(t[:1].isupper() for t in toks) < 2:
        return None
    return next((n for n in intros() if n in words), None)


# Articles and possessives of the genitive, dative and accusative: a phrase they open is no one who speaks.
_OBLIQUE = frozenset(
    ["des", "eines", "dem", "den", "einem", "einen", "seines", "seinem", "seinen", "ihres", "ihrem", "ihren"]
)


@lru_cache(maxsize=1)
def _party_members() -> dict[tuple[str, str], frozenset[str]]:
    """(article, noun) of one party member (party_members.txt) -> the party forms that tie a person to it."""
    out = {}
    for r in rows("party_members.txt"):
        for article in r[1].split():
            out[(article, r[0].lower())] = frozenset(r[2].split())
    return out


def party_member(text: str, sp: Phrase) -> frozenset[str] | None:
    """The party forms of a speaker phrase that describes one member of a party ("die Grüne", "so der
    Sozialdemokrat"), else None."""
    toks = _with_article(text, sp).split()
    if len(toks) != 2:
        return None
    return _party_members().get((toks[0].lower(), toks[1].lower()))


def _party_person(text: str, sp: Phrase, party: frozenset[str], sents, sent_of) -> str | None:
    """The one person of the description's gender in reach before ``sp`` whom the text ties to the party."""
    want = "f" if _with_article(text, sp).split()[0].lower() in ("die", "eine") else "m"
    names = {
        n.split()[-1]: n
        for n, g in _persons_in_reach(text, sp, sents, sent_of) + [
            (i.name, i.gender) for i in introductions(text, sp.start) if i.end >= sp.start - PARTY_MEMBER_REACH
        ]
        if g in (want, None) and _parties_of(text, n) & party
    }
    return max(names.values(), key=len) if len(names) == 1 else None


# How far back (characters) an introduction is read for a party member described later.
PARTY_MEMBER_REACH = 1500


def _persons_in_reach(text: str, sp: Phrase, sents, sent_of) -> list[tuple[str, str | None]]:
    """(full name, gender) of the persons named with a first name or title in the sentence of ``sp`` before it
    and the sentences before (those a description may refer back to)."""
    out: list[tuple[str, str | None]] = []
    si = sent_of(sp.start)
    for k in range(si, max(-1, si - SPEAKER_LOOKBACK_SENTENCES - 1), -1):
        sb, se = sents[k]
        for np in noun_phrases(text, sb, min(se, sp.start)):
            if not np.pronoun and np.start < sp.start and (found := _person_named(text, np)) is not None:
                out.append(found)
    return out


def _described_person(text: str, sp: Phrase, sents, sent_of) -> str | None:
    """The person a description ("der 61-Jährige", "die SPD-Politikerin") stands for: the one person of its
    gender named with a first name or title in its sentence before it and the sentences before (German news
    names someone once in full, then describes them). Two such persons in reach leave it unresolved: the
    reader is not told a guess."""
    want = description_gender(sp.text)
    if want is None:
        return None
    head = sp.text.split()[-1]
    country = demonym_country(head)  # "der Österreicher" is no "Frankreichs Präsident …"
    member = _PARTY_MEMBER.fullmatch(head)
    party = party_name(head[: head.index("-")]) if member and "-" in head else None
    persons: list[str] = []
    tied: set[str] = set()  # those the text ties to the description's party ("Dobrindt (CSU)")
    last = -1  # where the nearest of them is named
    genders: dict[str, str] = {}  # (read only for a name the first-name list does not know)
    si = sent_of(sp.start)
    for k in range(si, max(-1, si - SPEAKER_LOOKBACK_SENTENCES - 1), -1):
        sb, se = sents[k]
        for np in noun_phrases(text, sb, min(se, sp.start)):
            if np.pronoun or np.start >= sp.start:
                continue
            # (a person whose first name the list does not know competes as much: "Torwart Elias Brandt")
            found = _person_named(text, np) or _someone_named(text, np, genders)
            if found is None:
                continue
            named, gender = found
            theirs = phrase_country(np.text) if country else None
            if theirs is not None and theirs != country:
                continue
            if _nationality_mismatch(sp.text, np.text):
                continue
            ties = _parties_of(text, named) if party is not None else frozenset()
            if ties and party not in ties:
                continue  # "Ute Kramer (SPD)" is no "CDU-Politikerin"
            if party in ties:
                tied.add(named)
            if gender in (want, None) and named.split()[-1] not in (p.split()[-1] for p in persons):
                persons.append(named)
            if gender in (want, None):
                last = max(last, np.end)
    if tied:
        # "der CSU-Politiker" after "Ministerpräsident Donald Tusk" and "Alexander Dobrindt (CSU)" is Dobrindt
        persons = [p for p in persons if p in tied]
    if len(persons) != 1 or _unnamed_description(text, last, sp.start) or _described_before(text, sp):
        # Someone described but not named comes between ("Laut Sprecher Tom Weber … Dem Niederländer wurde
        # vorgeworfen … Der 39-Jährige gab an"), or the text used the description before for someone ("gegen
        # den 39-Jährigen"): the description may be theirs.
        return None
    return persons[0]


# A definite description of a person, in any case: "dem Niederländer", "den 39-Jährigen", "der Mittvierziger"
# (the head is checked by :func:`_describes_person`); a name may follow it ("der 39-Jährige Tom Weber").
_DESCRIPTION = re.compile(r"\b[Dd](?:er|ie|en|em|es)\s+(?:[a-zäöüß]+\s+)*([A-ZÄÖÜ0-9][\w-]+)(\s+[A-ZÄÖÜ][\w-]+)?")


def _describes_person(head: str) -> bool:
    """An age or a people's noun, in any case ("39-Jährigen", "Niederländer", "Französin")."""
    if _AGE_NOUN.match(head):
        return True
    return bool(demonym_country(head) or (head.endswith("n") and demonym_country(head[:-1])))


def _unnamed_description(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` describe a person without naming them ("Dem Niederländer wurde …")?"""
    return any(
        _describes_person(m.group(1)) and not (m.group(2) and m.end(2) <= end)
        for m in _DESCRIPTION.finditer(text, max(0, start), end)
    )


def _described_before(text: str, sp: Phrase) -> bool:
    """Did the text use the same age or people's noun before, without a name ("gegen den 39-Jährigen …")?"""
    head = sp.text.split()[-1]
    stem = head.rstrip("nr") if _AGE_NOUN.match(head) else head
    return any(
        m.group(1).startswith(stem) and _describes_person(m.group(1)) and not m.group(2)
        for m in _DESCRIPTION.finditer(text, 0, sp.start)
    )


def _person_named(text: str, np: Phrase) -> tuple[str, str | None] | None:
    """The full name and gender of the person a phrase names: by first name and surname, or with a title
    ("Schäfer Jens Harms" -> "Jens Harms", "Bundestrainer Stefan Horngacher"), or by a bare surname the text
    writes in full elsewhere ("Lehmann, die in Gera geboren wurde" after "Katrin Lehmann"); None for no one."""
    if person_score(np) < 2:
        surname = np.text
        if " " in surname or not _bare_name(np):
            return None
        full = _written_in_full(text, surname)
        if full is None or full[0].lower() not in _first_name_genders():
            return None
        return " ".join(full), _first_name_genders()[full[0].lower()]
    phrase = _TRAILING_PARTY.sub("", np.text)  # "Alexander Dobrindt (CSU)": the party is no part of the name
    if not _ends_in_name(phrase):
        return None
    words = person_name(name_of(phrase)).split()
    first = next((i for i, w in enumerate(words) if w.lower() in _first_name_genders()), 0)
    words = words[first:]  # "Schäfer Jens Harms" -> "Jens Harms": what precedes a first name describes
    named = " ".join(words)
    if len(words) < 2 or not all(w[:1].isupper() and not is_role(w) for w in words) or is_organisation(named):
        return None  # a person is named by first name and surname ("Sprecher der Downing Street" is no name)
    return named, _gender(np.text)


# A party or group in parentheses after a name: "Alexander Dobrindt (CSU)", "Ute Kramer (Grüne)".
_TRAILING_PARTY = re.compile(r"\s*\([A-ZÄÖÜ][\w/ .-]*\)$")


def _parties_of(text: str, name: str) -> frozenset[str]:
    """The parties the text ties a person to, lowercased: "Dobrindt (CSU)", "CSU-Chef Markus Söder" -> {"csu"}."""
    surname = re.escape(name.split()[-1])
    tied = re.findall(rf"\b{surname} \(([^()]{{1,30}})\)|\b([A-ZÄÖÜ][\w]*)-[A-ZÄÖÜ]\w*(?: [A-ZÄÖÜ][\w-]+)* {surname}\b",
                      text)
    parties = _party_names()
    return frozenset(parties[w] for a, b in tied if (w := (a or b).strip().lower()) in parties)


@lru_cache(maxsize=1)
def _party_names() -> dict[str, str]:
    """A party's forms (parties.txt), lowercased -> its name lowercased: "grünen" -> "grüne", "linken" -> "linke"
    (the inflected form names the same party: "die Grünen-Politikerin" is a member of "(Grüne)")."""
    return {r[0].lower(): (r[1] if len(r) > 1 and r[1] else r[0]).lower() for r in rows("parties.txt")}


def party_name(form: str) -> str:
    """The party a form names, lowercased ("Grünen" -> "grüne"); an unknown form as it is, lowercased."""
    low = form.lower()
    return _party_names().get(low, low)


# A word this common is a function word, not a name ("Paul" is 4.8, "Robin" 4.3; "Die" 7).
_FUNCTION_WORD_ZIPF = 5.0
# A first name the first-name list does not know is rarer than this ("Hildegard" 3.6, "Robin" 4.2; "Starke" 4.8).
_FIRST_NAME_ZIPF = 4.5


def _without_title(name: str) -> str:
    """A name without the title words before its last two ("Landwirt Korbinian Huber", "Kapitänin Leonie
    Varga": a person noun or common word the role lexicon does not list)."""
    words = name.split()
    while len(words) > 2 and (_title_like(words[0]) or words[0].endswith("in") and _title_like(words[0][:-2])):
        words = words[1:]  # (a feminine title by its masculine: "Kapitänin")
    return " ".join(words)


def _title_like(word: str) -> bool:
    return _may_name_people(word) or zipf(word) >= COMMON_ZIPF


def _titled_here(words: str, named: str) -> bool:
    """Does the phrase give the person a title before their name ("Kapitän Robin Knoche", "die Forscherin
    Ilka Tammen"), not the name alone ("Jonas Brecht")?"""
    toks = words.split()
    if toks and toks[0].lower() in _ARTICLE_GENDER:
        toks = toks[1:]
    return len(toks) > len(named.split()) and toks[0][:1].isupper()


def _office_kind(title: str) -> str | None:
    """The shortest ending of a title that is a title itself: "Bundespräsident" -> "präsident",
    "Vizekanzler" -> "kanzler"; None when only the whole word is one."""
    low = title.lower()
    for k in range(len(low) - 3, 0, -1):
        if is_role(low[k:]) and low[k:].isalpha():
            return low[k:]
    return None


def _fits_role(intro_role: str, head: str) -> bool:
    """Is an introduction's title the description's head, inflection aside ("Präsidenten", "Präsident")?"""
    low, head = intro_role.lower(), head.lower()
    return any(low == head + e for e in ("", "s", "es", "n", "en"))


def _attribute_position(text: str, start: int) -> bool:
    """Does the word before ``start`` make a phrase there a genitive attribute or a preposition's object
    ("nach Angaben der Hacker", "nach Ansicht der Kritiker", "von der Agentur"), no one who speaks?"""
    before = text[max(0, start - 40) : start].split()
    if not before:
        return False
    prev = before[-1]
    return (
        prev.lower() in word_set("prepositions.txt")
        or prev.lower() in attribution_markers().get("prep", ())
        or (prev[:1].isupper() and prev[-1:].isalpha())
    )


def _inside_quotation(text: str, pos: int) -> bool:
    """Does ``pos`` lie inside German quotation marks opened in its paragraph?"""
    part = text[text.rfind("\n", 0, pos) + 1 : pos]
    return part.count("„") > part.count("“")


@lru_cache(maxsize=4096)
def _written_in_full(text: str, surname: str) -> tuple[str, str] | None:
    """(first word, surname) where the text first writes a capitalised word before ``surname`` ("Katrin
    Lehmann" for "Lehmann"), else None (asked for every bare name near a description: remembered)."""
    full = re.search(rf"\b([A-ZÄÖÜ][a-zäöüß]+) {re.escape(surname)}\b", text)
    return (full.group(1), surname) if full else None


def _someone_named(text: str, np: Phrase, genders: dict[str, str]) -> tuple[str, str | None] | None:
    """The full name and gender of the person a phrase names, as :func:`_person_named`, and also when the first
    name list does not know the first name: a phrase ending in two capitalised words that are no title
    ("Kapitän Silvan Widmer", "Hildegard Moser"), or a bare surname the text wrote before after a capitalised
    first word ("Ostwald" after "Miriam Ostwald"). The gender is the first name's, else the one an introduction
    gave the surname ("der Regisseurin Miriam Ostwald": f), else None."""
    found = _person_named(text, np)
    if found is not None:
        return _without_title(found[0]), found[1]
    toks = np.text.rsplit(", ", 1)[-1].split()  # "Sein Kollege, der Ökonom Tim Ahrens": the apposition names
    if len(toks) == 1 and _bare_name(np):
        full = _written_in_full(text, toks[0])
        if full is None or is_role(full[0]) or zipf(full[0]) >= COMMON_ZIPF:
            return None
        named = " ".join(full)
    elif len(toks) >= 2 and _ends_in_name(np.text):
        # the name is the capitalised words after an article and a title ("Kapitän Silvan Widmer"); a phrase
        # that opens with another lowercase word ("mehrere Randalierer Barrikaden") names none
        rest = toks[1:] if toks[0] in ("der", "die", "Der", "Die") else toks
        if rest[0].islower() or rest[0].lower() in _OBLIQUE:
            return None
        k = len(rest)
        while k > 0 and rest[k - 1][:1].isupper() and not is_role(rest[k - 1]):
            k -= 1
        named = _without_title(" ".join(rest[k:]))
        name_words = named.split()
        if not 2 <= len(name_words) <= 3 or (rest is not toks and len(name_words) == len(rest)):
            return None  # "Die Sanktionen", "Die Deutsche Bank": no title between the article and the words
        titles = rest[: len(rest) - len(name_words)]
        if not all(w[:1].isupper() and (person_head(w, "der") or not _may_name_people(w)) for w in titles):
            return None  # "110 Tonnen Hilfsgütern", "Bundesverband Erneuerbare Energie": no title before the words
        first = _first_name_genders().get(name_words[0].lower())
        if first is None and zipf(name_words[0]) >= _FIRST_NAME_ZIPF:
            return None  # "Starke Winde": an everyday word opens the sentence
        if first is not None:
            return named, first
        if any(zipf(w) >= _FUNCTION_WORD_ZIPF or is_place(w) for w in name_words) or is_organisation(named):
            return None  # "Sankt Petersburg", "Die Linke": no person's name
    else:
        return None
    return named, genders.get(named.split()[-1])


def _titled_name(words: str, head: str) -> str | None:
    """ "der französische Gesundheitsminister Yannick Neuder" -> "Yannick Neuder" when the title ends in
    ``head``: a title directly followed by capitalised name words that end the phrase."""
    toks = words.split()
    for r, t in enumerate(toks):
        if is_role(t) and t.lower().endswith(head):
            rest = toks[r + 1:]
            if rest and all(w[:1].isupper() and w.strip(",.") == w and not is_role(w) for w in rest):
                return " ".join(rest)
    return None


def _other_country(text: str, sp: Phrase, name: str) -> bool:
    """Does the description ``sp`` name a country ("der brasilianische Präsident") and the words that
    introduced ``name`` before it another one ("des venezolanischen Präsidenten Hugo Chávez")?"""
    country = phrase_country(sp.text)
    if country is None:
        return False
    at = text.rfind(name, 0, sp.start)
    if at < 0:
        return False
    before = text[max(0, at - INTRO_CHARS) : at]
    cut = max(before.rfind(mark) for mark in (",", ".", ";", ":", "(", "\n"))
    other = phrase_country(before[cut + 1 :])
    return other is not None and other != country


def _role_holder(text: str, sp: Phrase, role: str, sents, sent_of) -> str | None:
    """The person a bare role title stands for: the nearest one named with that title just before.

    "Gesundheitsminister Yannick Neuder sagte … „…“, sagte der Minister." -> "Yannick Neuder": a title
    matches its compounds ("Minister" the "Gesundheitsminister", not the "Ministerin"). Two different
    holders in reach leave the title as it is: the reader is not told a guess.
    """
    head = role.split()[-1].lower()
    holders: list[str] = []
    # "der brasilianische Präsident" is not the "venezolanische Präsident Hugo Chávez" named before it
    country = phrase_country(sp.text)
    si = sent_of(sp.start)
    for k in range(si, max(-1, si - SPEAKER_LOOKBACK_SENTENCES - 1), -1):
        sb, se = sents[k]
        if head not in text[sb : min(se, sp.start)].lower():
            continue  # (no word of the sentence ends in the title: its noun phrases need not be read)
        for np in reversed(noun_phrases(text, sb, min(se, sp.start))):
            if np.pronoun or np.start >= sp.start:
                continue
            named = _titled_name(np.text, head)
            if named and possessor(named, text):
                continue  # "der Anwältin Eberts": whose lawyer, not the lawyer
            if named and country and holder_country(np.text) != country:
                continue  # (a holder of unknown country is no sure one either)
            if named and named not in holders:
                holders.append(named)
    return holders[0] if len(holders) == 1 else None


def _demonstrative_antecedent(text: str, sents, sent_of, sp: Phrase) -> Phrase | None:
    """ "Anlass war die Anzeige eines Detektivs. Dieser behauptete, …": a demonstrative stands for the person
    named last before it (not the subject, as "er" mostly does), in its own sentence or the one before, of
    its gender where the phrase shows one ("dieser": masculine; "diese": feminine or a group)."""
    want = "m" if sp.text.lower() == "dieser" else "f"
    si = sent_of(sp.start)
    for k in range(si, max(-1, si - 2), -1):
        sb, se = sents[k]
        for np in reversed(noun_phrases(text, sb, min(se, sp.start))):
            if np.pronoun or np.start >= sp.start:
                continue
            det, _, rest = np.text.partition(" ")
            if rest and det.lower() in word_set("determiners.txt"):
                np = Phrase(np.start, np.end, rest)  # an object is named as well: "durch seinen Fahrer X. Dieser …"
            # (a bare noun after a genitive article is a common noun: "eines Privatdetektivs"; names go without one)
            bare = _bare_name(np) and det.lower() not in ("des", "eines")
            if not (person_score(np) >= 2 or _bare_full_name(np) or is_organisation(np.text) or bare):
                continue  # a bare noun ("Hauptreisezeit") is a thing the pronoun may stand for, no one to name
            gender = _gender(name_of(np.text))
            # "dieser" a man or a group by a masculine noun ("der Rat"); "diese" a woman, or many, which the
            # phrase does not tell: only a woman shown as one.
            if gender == want or (gender is None and want == "m"):
                return np
    return None


def _ordinal_antecedent(text: str, sents, sent_of, sp: Phrase, *, last: bool) -> Phrase | None:
    """ "…, während Ministerin Nova Roth davor stand. „…“, so letztere.": the last (or, for "Erstere",
    the first) of the titled persons named in the nearest sentence before ``sp`` that names two (when no
    actors are known; :mod:`records` asks the actors first)."""
    si = sent_of(sp.start)
    for k in range(si, max(-1, si - SPEAKER_LOOKBACK_SENTENCES), -1):
        sb, se = sents[k]
        persons = [np for np in noun_phrases(text, sb, min(se, sp.start)) if not np.pronoun and person_score(np) >= 2]
        if len(persons) >= 2:
            return persons[-1] if last else persons[0]
    return None


# ", Sebastian Kranz," right after a role phrase: the person's name in apposition.
_APPOSITION_NAME = re.compile(r", ([A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)+)(?= ?[,(])")
# The same closed by a colon or the sentence's end too: "sagte der Sprecher der Polizei, Tom Weber: „…“",
# "…, sagte ein Sprecher der Stadt, Jan Keller."
_TRAILING_APPOSITION = re.compile(r", ([A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)+)(?= ?[,(:]|[.!?](?:\s|\Z))")


def _ends_in_name(words: str) -> bool:
    """Does a phrase end in two capitalised words that are no role title ("Winfried Hassemer", not
    "der Vorsitzende der SPD")?"""
    toks = words.split()
    return len(toks) >= 2 and all(w[:1].isupper() and not is_role(w) for w in toks[-2:])


_INDEFINITE_ARTICLES = frozenset(["ein", "eine", "einer", "eines", "einem", "einen"])


@lru_cache(maxsize=1)
def _person_nouns() -> tuple[str, ...]:
    """Nouns that name a person and no thing: relatives.txt and person_nouns.txt (lowercase, longest first)."""
    return tuple(sorted(word_set("relatives.txt") | word_set("person_nouns.txt"), key=len, reverse=True))


# Endings of person nouns that no thing has ("Polizistin", "Passant", "Patientin", "Häftling"); "-er" is left out
# ("der Sommer"), and so are the endings of roles, which the lexicons know.
_PERSON_ENDING = re.compile(r"\w{2,}(?:erin|erinnen|ist|istin|isten|ant|antin|anten|(?<!m)ent|(?<!m)entin|ling)")
# A noun made of a participle or adjective after a masculine article ("der Angeklagte", "der Betroffene", "der
# Verdächtige"); "-ter" is left out ("der Winter").
_PARTICIPLE_NOUN = re.compile(r"\w{3,}(?:te|ene|ige)")


def _unnamed_person(words: str) -> bool:
    """ "Der Bruder der Getöteten", "Die Witwe", "Der Angeklagte selbst": a definite phrase headed by a noun that
    names a person, with no name in it (a genitive owner after the head may be anything)."""
    toks = [t.strip(",") for t in words.split()]
    if len(toks) < 2 or toks[0].lower() not in _DEFINITE_ARTICLES:
        return False
    k = 1
    while k < len(toks) and toks[k].islower() and toks[k] not in ("der", "des"):
        k += 1  # lowercase attributes ("Der 49-jährige Bruder" has none capitalised)
    if k >= len(toks) or not toks[k][:1].isupper():
        return False
    head, rest = toks[k], toks[k + 1:]
    if rest and rest[0] not in ("der", "des", "selbst"):
        return False  # a name or anything else after the head
    low = head.lower()
    if low.endswith(_person_nouns()) or _PERSON_ENDING.fullmatch(low):
        return True
    return toks[0].lower() == "der" and bool(_PARTICIPLE_NOUN.fullmatch(low))


_DEFINITE_ARTICLES = frozenset(["der", "die", "das"])


def _someone_unnamed(words: str) -> bool:
    """ "eine Anwohnerin", "Ein früherer Mitarbeiter": an indefinite article, lowercase attributes and one
    capitalised noun, nothing after it: a person the text brings in without a name (the noun is no name to show,
    and no one named before is meant). A genitive or "von" owner ("ein Sprecher der Stadt") is read elsewhere, and
    so is a spokesman compound naming the body ("einen Bahnsprecher", "ein ADAC-Sprecher")."""
    toks = words.split()
    head = toks[-1].lower() if toks else ""
    return (
        len(toks) >= 2
        and toks[0].lower() in _INDEFINITE_ARTICLES
        and all(t.islower() for t in toks[1:-1])
        and toks[-1][:1].isupper()
        and "-" not in toks[-1]
        and not (_SPOKESMAN.search(head) and not _SPOKESMAN.match(head))
    )


def name_of(words: str) -> str:
    toks = words.split()
    dets = word_set("determiners.txt")
    if len(toks) > 3 and toks[0].lower() in dets and toks[1].lower() in word_set("prepositions.txt"):
        # "einer am Montag veröffentlichten Erklärung": an extended attribute goes with the article
        attr = next(
            (k for k in range(2, len(toks) - 1)
             if toks[k].islower() and toks[k].endswith(_ATTRIBUTE_ENDINGS) and toks[k + 1][:1].isupper()),
            None,
        )
        if attr is not None:
            toks = toks[attr + 1 :]
    while toks and (toks[0].lower() in dets or toks[0].islower() or hyphen_adjective(toks[0])) and (
            toks[0] not in OPENING_PARTICLES):
        toks = toks[1:]  # the article and adjectives go ("der US-amerikanische"); "von der Leyen" keeps its particles
    return " ".join(toks) if toks else words


def person_name(name: str) -> str:
    """ "Außenamtssprecherin Maria Sacharowa" -> "Maria Sacharowa" (role titles dropped)."""
    segments = [seg.strip() for seg in name.split(",") if seg.strip()]
    if len(segments) > 1:
        # Apposition: "die Sprecherin des Außenministeriums, Marija Sacharowa" -> the bare name.
        bare = [seg for seg in segments if all(w[:1].isupper() and not is_role(w) for w in seg.split())]
        name = bare[-1] if bare else segments[0]
    toks = name.split()
    k = 0
    while k < len(toks) - 1 and (
        is_role(toks[k]) or toks[k].endswith(("s", "'")) and k + 1 < len(toks) - 1 and not is_first_name(toks[k])
        or toks[k] == "und" and k and is_role(toks[k - 1]) and is_role(toks[k + 1])  # "Vizekanzler und Arbeitsminister"
    ):  # (a genitive before the title: "Frankreichs Präsident …"; not a first name: "Boris Pistorius (SPD)")
        k += 1
    rest = toks[k:]
    first = next((i for i, t in enumerate(rest[:-1]) if i and is_first_name(t)), None)
    if first is not None and all(_title_word(t) for t in rest[:first]):
        rest = rest[first:]  # "Kämmerin Ute Maas", "Frankfurter Virologin Miriam Hahn": titles the lexicon lacks
    if len(rest) >= 1 and rest[0][:1].isupper() and not any(t.islower() for t in rest):
        return " ".join(rest)
    titled = _GENITIVE_THEN_NAME.fullmatch(name)
    if titled and (is_role(toks[0]) or may_name_people(toks[0])) and is_first_name(titled.group(1)):
        # "Abgeordneten des russischen Föderationsrates Viktor Oserow": the title's genitive ends, the name follows
        return f"{titled.group(1)} {titled.group(2)}"
    return name


# Endings of a participle or adjective closing an extended attribute ("am Montag veröffentlichten").
_ATTRIBUTE_ENDINGS = ("te", "ten", "ene", "enen", "ende", "enden")
# A title, its genitive attribute or field and a first name and surname: "Direktor der Behörde Tom Weber",
# "EU-Kommissar für Energie Tom Weber".
_GENITIVE_THEN_NAME = re.compile(r"\S+ (?:des|der|für) .*?([A-ZÄÖÜ][\w-]+) ([A-ZÄÖÜ][\w-]+)")
