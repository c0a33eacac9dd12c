"""Found quotations -> :class:`briefing.models.Quote` records, speakers linked to actors.

Precision first: a speaker name that names no one - a common noun ("Angaben"), a compound of
one, an adverb or a fragment (:func:`speaker_names.names_someone`) - is dropped; the speaker's
mention (its span) stays.
"""

from __future__ import annotations

import bisect
import functools
import re

from briefing.extract.quotes.base import DQUOTES, ORDINAL_ANAPHOR, SPEAKER_LOOKBACK_SENTENCES, WORD, Found
from briefing.extract.quotes.cues import ends_in_source_noun, media_noun
from briefing.extract.quotes.descriptions import (
    body_head,
    collective,
    compound_rest,
    description,
    generic_kind,
    introduced_as,
    possessed,
    without_addressee,
)
from briefing.extract.quotes.direct import names_the_words
from briefing.extract.quotes.documents import document_owner, is_document, owner_name, prefix_owner
from briefing.extract.quotes.lexicon import attribution_markers, is_role, word_set
from briefing.extract.quotes.resolve import (
    description_gender,
    is_first_name,
    name_of,
    party_member,
    person_name,
    resolve_name,
)
from briefing.extract.quotes.speaker_names import (
    TextWords,
    may_name_people,
    named_in_attribute,
    names_no_agent,
    names_someone,
)
from briefing.extract.quotes.speakers import Phrase
from briefing.ingest.publishers import agency_names
from briefing.lang.de import PARTY_EPITHETS, demonym_country, side_country
from briefing.lang.frequency import COMMON_ZIPF, zipf
from briefing.models import Actor, Quote


def _shares_word(a: str, b: str) -> bool:
    wa = {w.lower() for w in WORD.findall(a) if len(w) > 2}
    return bool(wa & {w.lower() for w in WORD.findall(b) if len(w) > 2})


# Case endings of German adjectives and nouns, longest first (not a name's genitive "-s").
_ENDINGS = ("es", "en", "er", "em", "n", "e")


def _uninflected(word: str) -> str:
    low = word.lower()
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return low[: -len(ending)]
    return low


def _spokesman_of(actor: Actor, text: str) -> bool:
    """ "Ein Sprecher des Auswärtigen Amts": a role title whose genitive names the organisation or country
    ``actor`` (inflection aside) speaks for it; "Hans-Jürgen Papier, Präsident des ..." is a person."""
    words = text.split()
    if words and words[0].lower() in word_set("determiners.txt"):
        words = words[1:]
    if len(words) < 3 or actor.kind == "person" or not is_role(words[0]) or words[1] not in ("des", "der"):
        return False
    names = [w.lower() for w in WORD.findall(actor.name) if len(w) > 2]
    theirs = {_uninflected(w) for w in names}
    # a noun's genitive ("des Außenministeriums", "des Bundestages") is the organisation's name too
    genitives = {w + e for w in names for e in ("s", "es")}
    return any(_uninflected(w) in theirs or w.lower() in genitives
               for w in WORD.findall(" ".join(words[2:])) if len(w) > 2)


def _full_person_name(name: str) -> bool:
    """Two or three capitalised words opening with a first name of the lists ("Heike Brandes")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and is_first_name(words[0])


@functools.cache
def _body_people() -> frozenset[str]:
    """The nouns of :func:`_people_head` (read once: it is asked for every speaker candidate)."""
    return word_set("person_nouns.txt") | word_set("expert_roles.txt")


def _people_head(text: str) -> list[str] | None:
    """The words of "die Fans des FC Augsburg", "Mitarbeiter des Konzerns", "Analysten der Deutschen Bank" after
    the article when the phrase is headed by people who belong to a body in its genitive without speaking for it
    (person_nouns.txt; the experts of expert_roles.txt, whose forecast is their own, not their bank's or
    institute's; plurals too; not relatives: "der Bruder des Ministers, Georg Bauer" is a person's); None for any
    other phrase (a spokesman's is one of the roles)."""
    words = text.split()
    while words and words[0].lower() in word_set("determiners.txt"):
        words = words[1:]
    if len(words) < 3 or words[1] not in ("der", "des"):
        return None
    low = words[0].lower()
    if low.endswith("innen"):
        low = low[:-3]  # "Analystinnen" -> "analystin"
    people = _body_people()
    return words if low in people or low[:-1] in people or low[:-2] in people else None


def _people_of(actor: Actor, text: str) -> bool:
    """Is ``actor`` the body in the genitive of a phrase headed by its people (:func:`_people_head`)?"""
    words = _people_head(text)
    return words is not None and not _shares_word(actor.name, words[0]) and _shares_word(
        actor.name, " ".join(words[2:]))


def _someone_of(actor: Actor, text: str) -> bool:
    """ "ein Sprecher von Minister Kahn", "die Anwältin von Marco Reis": a phrase headed by a person noun whose
    "von" attribute ends in the name of the person ``actor`` is about someone else, who speaks for them. (A
    genitive is left alone: "Der Direktor der Behörde Roberto Rodriguez" names the Direktor.)"""
    if "," in text or "(" in text:
        return False  # "Der Leiter des Programms der WHO, Klaus Stöhr": the apposition names the speaker
    words = text.split()
    while words and words[0].lower() in word_set("determiners.txt"):
        words = words[1:]
    if len(words) < 3 or words[1] not in ("von", "vom"):
        return False
    head = words[0]
    if not head[:1].isupper() or _shares_word(actor.name, head) or not (is_role(head) or may_name_people(head)):
        return False
    if _shares_word(actor.name, " ".join(words[:-2])) or not words[-1][:1].isupper():
        return False  # (only the person named last, at the attribute's end: "von Minister Kahn")
    return _shares_word(actor.name, " ".join(words[-2:]))


# The head of a spokesperson compound: "Hamas-Sprecher", "SPD-Sprecherin".
_SPOKESPERSON = ("-sprecher", "-sprecherin")
# "mein Vater", "unsere Trainerin": a person named by whom they belong to (the one quoted or the writer)
_FIRST_PERSON_POSSESSIVES = frozenset(
    ["mein", "meine", "meinem", "meinen", "meiner", "meines", "unser", "unsere", "unserem", "unseren", "unserer",
     "unseres"]
)


def _spokesman_compound(text: str, mentions: _MentionIndex) -> Actor | None:
    """ "ein Hamas-Sprecher", "eine SPD-Sprecherin": an unnamed spokesperson whose compound names an organisation
    or country the article names as an actor speaks for it ("Kremlsprecher Dmitri Peskow", named, is a person)."""
    words = text.split()
    if len(words) != 2 or words[0].lower() not in word_set("determiners.txt"):
        return None
    head = words[1]
    low = head.lower()
    if not low.endswith(_SPOKESPERSON):
        return None
    owner = head[: low.rindex("-")]
    hits = [a for a in mentions.actors if a.kind != "person" and a.name == owner]
    return hits[0] if len(hits) == 1 else None


# A role phrase's apposed name: a comma after the phrase, the name, then the end of the clause.
_APPOSED = re.compile(r", ?(?=[A-ZÄÖÜ])")
_APPOSITION_END = re.compile(r" ?(?:[.,;:!?)(]|$|(?:aus|von|vom) [A-ZÄÖÜ])")

# A name in quotation marks inside a speaker phrase (a medium, a party, a group).
_QUOTED_TITLE = re.compile(r"[„\"»]([^„“”\"»«]{2,60})(?:[“”\"«]|$)")


def _body_before_person(words: str, text: str) -> str | None:
    """ "die Staatsanwaltschaft Ertel" (in "warf die Staatsanwaltschaft Ertel vor"): a public body's definite
    description and a surname the text writes after a first name - the person is the object after the subject,
    a body is named after its place ("die Polizei Hamburg") - so the body without him; else None.  Governments and
    commissions are named after their head ("die Regierung Merkel", "die Kommission Juncker"): those stay."""
    toks = words.split()
    if len(toks) != 3 or not toks[2][:1].isupper():
        return None
    body = " ".join(toks[:2])
    head = body_head(body)
    if head is None or head in _NAMED_AFTER_HEAD:
        return None
    surname = toks[2]
    if not any(is_first_name(m.group(1)) for m in re.finditer(rf"\b(\w+) {re.escape(surname)}\b", text)):
        return None
    return body


# Bodies named after the person who heads them ("die Regierung Merkel", "die Kommission von der Leyen").
_NAMED_AFTER_HEAD = frozenset(["regierung", "kommission", "senat"])


def _relative_pronoun(p: Phrase | None) -> bool:
    """A relative pronoun as a speaker mention ("…, der sagte")."""
    return p is not None and p.pronoun and p.text.lower() in word_set("relative_pronouns.txt")


def _party_epithet(text: str) -> bool:
    """ "der CSU-Politiker", "die Grünen-Politikerin": a person named by party alone."""
    words = text.split()
    return 1 <= len(words) <= 2 and "-" in words[-1] and words[-1].lower().endswith(PARTY_EPITHETS)


class _MentionIndex:
    """The actors' mentions sorted by start, to find the actor mentioned at a speaker's span without
    scanning every mention for every quotation (quadratic on a long document)."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.spans = sorted((m.start, m.end, k) for k, a in enumerate(actors) for m in a.mentions)
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def actor_at(self, b: int, e: int) -> Actor | None:
        """The first actor (in the list's order) with a mention overlapping ``[b, e)``; a person before an
        organisation or country the phrase also names ("Der Leiter ... der WHO, Klaus Stöhr")."""
        lo = bisect.bisect_left(self.starts, b - self.longest)
        hi = bisect.bisect_left(self.starts, e)
        hits = [k for s, end, k in self.spans[lo:hi] if s < e and b < end]
        return self.actors[min(hits, key=lambda k: (self.actors[k].kind != "person", k))] if hits else None

    def apposed_person(self, text: str, end: int) -> Actor | None:
        """The person named in apposition right after a role phrase ending at ``end``: "sagte die Sprecherin
        der Bürgerinitiative, Monika Wutz." - a comma, the person's name, then the clause or sentence ends
        ("," "." "(" or "aus"/"von" and a place: "Cedric Schuster aus Samoa")."""
        m = _APPOSED.match(text, end)
        if m is None:
            return None
        at = m.end()
        k = bisect.bisect_left(self.starts, at)
        hits = [kk for s, e, kk in self.spans[k:k + 4] if s == at and self.actors[kk].kind == "person"]
        if not hits:
            return None
        span_end = max(e for s, e, kk in self.spans[k:k + 4] if s == at and kk == hits[0])
        return self.actors[hits[0]] if _APPOSITION_END.match(text, span_end) else None

    def persons_in(self, b: int, e: int) -> list[Actor]:
        """The person actors mentioned inside ``[b, e)``, each once, in the order of their first mention there."""
        lo = bisect.bisect_left(self.starts, b)
        out: list[Actor] = []
        for s, end, k in self.spans[lo:]:
            if s >= e:
                break
            a = self.actors[k]
            if end <= e and a.kind == "person" and a not in out:
                out.append(a)
        return out

    def organisation_before(self, text: str, kind: tuple[str, str], pos: int) -> Actor | None:
        """The one company or party (``kind``: its noun and type) mentioned before ``pos`` that "das Unternehmen",
        "die Partei" refer back to, or one the text introduced with that noun ("der Hersteller": "des
        Softwareherstellers Microsoft"); None for none or several (precision first: no guess between two)."""
        head, org_type = kind
        hits = {
            k
            for s, _, k in self.spans[: bisect.bisect_left(self.starts, pos)]
            if self.actors[k].kind == "organization" and self.actors[k].org_type == org_type
            and not collective("die " + self.actors[k].name.split("-")[-1])  # "US-Firma" names a kind, no one
        }
        if not generic_kind(head):
            hits = {k for k in hits if introduced_as(text[:pos], self.actors[k].name, head)}
        return self.actors[hits.pop()] if len(hits) == 1 else None

    def person_named(self, name: str) -> Actor | None:
        """The one person actor of that name, or None (no such person, or two)."""
        hits = [a for a in self.actors if a.kind == "person" and a.name == name]
        return hits[0] if len(hits) == 1 else None

    def ordinal_antecedent(self, sp: Phrase, sents, sent_of, last: bool) -> Actor | None:
        """ "„…“, so letztere": the last (for "Erstere" the first) of the persons named in the nearest
        sentence before the mention ``sp`` that names two or more."""
        si = sent_of(sp.start)
        for k in range(si, max(-1, si - SPEAKER_LOOKBACK_SENTENCES), -1):
            sb, se = sents[k]
            persons = self.persons_in(sb, min(se, sp.start))
            if len(persons) >= 2:
                return persons[-1] if last else persons[0]
        return None


def to_records(
    text: str, found: list[Found], sents, actors: list[Actor] | None = None, words: TextWords | None = None
) -> list[Quote]:
    """Found quotations -> models.Quote, speakers linked to actors where a mention overlaps.

    ``words`` is the text's :class:`TextWords` when the caller shares one with the confidence features."""
    sent_starts = [b for b, _ in sents]
    mentions = _MentionIndex(actors or [])
    text_words = TextWords(text) if words is None else words

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    keep_rules_pick(text, found, sents, sent_of, mentions, text_words)
    out: list[Quote] = []
    for i, f in enumerate(found):
        b, e = f.start, f.end
        qtext = text[b:e]
        if f.kind == "direct":
            qtext = qtext.strip(DQUOTES)
        sp = f.speaker
        speaker_id, name = speaker_of(text, sp, found, i, sents, sent_of, mentions, text_words)
        # Where the text names the speaker for this quotation: an anaphoric source in its own
        # sentence ("Demnach", "wonach") rather than the antecedent its name comes from.
        at = f.mention or sp
        if f.kind == "direct" and at is f.mention and sp is not None and name is None and _relative_pronoun(at):
            # "eine Botschaft, welche … als „…“ bezeichnete": a relative pronoun for no one named; the
            # antecedent says what spoke.
            at = sp
        relay = f.relay
        if relay is not None and sp is not None and relay.start < sp.end and sp.start < relay.end:
            relay = None  # the medium was taken as the speaker after all
        relay_name = _relay_name(text, relay, found, i, sents, sent_of, mentions, text_words) if relay else None
        out.append(
            Quote(
                kind="direct" if f.kind == "direct" else "indirect",
                text=qtext,
                start=b,
                end=e,
                speaker=speaker_id,
                speaker_text=at.text if at else None,
                speaker_start=at.start if at else None,
                speaker_end=at.end if at else None,
                speaker_name=name,
                cue=f.cue,
                relay_start=relay.start if relay else None,
                relay_end=relay.end if relay else None,
                relay_name=relay_name,
            )
        )
    return out


def keep_rules_pick(text: str, found: list[Found], sents, sent_of, mentions: _MentionIndex, words: TextWords) -> None:
    """Put back the rules' pick where the speaker ranker overrode it with a mention that names no one as the
    output would show it (:func:`speaker_of`, :func:`.speaker_names.names_someone`: "unter Berufung auf" ->
    "Berufung") or names the words themselves (:func:`.direct.names_the_words`: "die Sprechchöre", "der
    Satz" are what was said, not who said it): the ranker judges mentions by their features, the name is
    judged here.  The quotation keeps the ranker's view of the pick (``Found.rules_pick``); changes ``found``
    in place."""
    for i, f in enumerate(found):
        pick = f.rules_pick
        if pick is None or not f.ranked or f.speaker is None:
            continue
        _, name = speaker_of(text, f.speaker, found, i, sents, sent_of, mentions, words)
        if name and names_someone(name, words) and not names_the_words(f.speaker):
            continue
        f.speaker, f.mention, f.ranked, f.rules_pick = pick[0], pick[1], False, None
        f.rank_p, f.rank_margin = (pick[2], pick[3]) if pick[0] is not None else (None, None)


def speaker_of(
    text: str,
    sp: Phrase | None,
    found: list[Found],
    i: int,
    sents,
    sent_of,
    mentions: _MentionIndex,
    text_words: TextWords,
) -> tuple[str | None, str | None]:
    """The actor id and the shown name of speaker mention ``sp`` of ``found[i]``: the linked actor, a pronoun's
    antecedent, a role's holder, or the phrase without its article; no name when it names no one.

    (The speaker ranker, :mod:`.ranker`, asks it for each candidate of a quotation when it learns.)"""
    speaker_id = name = None
    actor = None
    if sp is not None and not sp.pronoun and (bare := without_addressee(sp.text)) != sp.text:
        sp = Phrase(sp.start, sp.start + len(bare), bare)  # "die CDU-Politikerin der Zeitung": not the medium
    if sp is not None and not sp.pronoun and (full := compound_rest(text, sp.end)) > sp.end:
        sp = Phrase(sp.start, full, sp.text + text[sp.end : full])  # "der Deutsche Hotel- und Gaststättenverband"
    if sp is not None and not sp.pronoun and (body := _body_before_person(sp.text, text)) is not None:
        sp = Phrase(sp.start, sp.start + len(body), body)  # "warf die Staatsanwaltschaft Ertel vor": not Ertel
    ordinal = ORDINAL_ANAPHOR.fullmatch(sp.text) if sp is not None else None
    if sp is not None and ordinal:
        # "so letztere", "so der Erstgenannte": the mention stays, the person is one named before.
        actor = mentions.ordinal_antecedent(sp, sents, sent_of, last=ordinal.group(1).lower() == "letzt")
        if actor is not None:
            speaker_id, name = actor.id, actor.name
        else:
            name = resolve_name(text, sp, found, i, sents, sent_of)
            name = person_name(name) if name else None
    elif sp is not None and not sp.pronoun and is_document(sp.text):
        speaker_id, name = _document_speaker(sp, mentions, text_words)
    elif sp is not None and not sp.pronoun and possessed(sp.text, text):
        name = name_of(sp.text)  # "sagte der Anwalt Webers": the lawyer, unnamed, not Weber
    elif sp is not None:
        actor = mentions.actor_at(sp.start, sp.end)
        if actor is not None and not sp.pronoun and not _shares_word(actor.name, sp.text) and not (
            actor.kind == "person" and _party_epithet(sp.text)
        ) and not _spokesman_of(actor, sp.text):
            # A mention that overlaps but names someone else: keep our reading. A party epithet the
            # actors stage linked ("sagte der CSU-Politiker" after Füracker) names the person; a
            # spokesman of an organisation ("Ein Sprecher des Auswärtigen Amts") speaks for it.
            actor = None
        if actor is not None and actor.kind == "person" and _someone_of(actor, sp.text):
            actor = None  # "ein Sprecher von Minister Kahn", "die Frau des Ministers": not the person named after
        if actor is not None and actor.kind != "person" and _people_of(actor, sp.text):
            actor = None  # "die Fans des FC Augsburg": the fans speak, not the club
        if actor is not None and actor.kind != "person" and party_member(text, sp) is not None:
            actor = None  # "warf die Grüne ihr vor": a member of the party speaks, not the party
        if not sp.pronoun and (actor is None or actor.kind != "person") and (
                apposed := mentions.apposed_person(text, sp.end)) is not None:
            actor = apposed  # "sagte die Sprecherin der Bürgerinitiative, Monika Wutz.": she speaks, not it
        if actor is None and not sp.pronoun:
            actor = _spokesman_compound(sp.text, mentions)  # "ein Hamas-Sprecher": Hamas speaks
        if actor is None and not sp.pronoun and (kind := collective(sp.text)):
            actor = mentions.organisation_before(text, kind, sp.start)  # "das Unternehmen": the one named before
        if actor is not None and sp.pronoun and (raw := resolve_name(text, sp, found, i, sents, sent_of)) and (
                possessed(raw, text)):
            actor = None  # "Webers Anwalt äußerte sich. Er sagte": the lawyer, whom the actors do not know
            name = raw
        elif actor is not None:
            speaker_id = actor.id
            own = person_name(resolve_name(text, sp, found, i, sents, sent_of) or "")
            # The actor's name unless it is a fragment of what the text says here, or the text names a person
            # here in full where the actor is one word ("Pendlerin Heike Brandes" linked to "Pendlerin") or a body
            # ("ein ADAC-Sprecher, Michael Gebhardt": the spokesman is named).
            name = own if own and actor.name in own and len(own) > len(actor.name) else actor.name
            if own and without_addressee(actor.name) != actor.name:
                name = own  # an actor read with the medium spoken to ("Außenministerium der Nachrichtenagentur")
            if own and own != name and _full_person_name(own) and (
                actor.kind != "person" or len(actor.name.split()) == 1
            ):
                name = own
        else:
            name = resolve_name(text, sp, found, i, sents, sent_of)
            if name and not possessed(name, text) and _people_head(name) is None:
                name = person_name(name)  # (not "Fans des FC Augsburg" -> "FC Augsburg": the fans speak)
        if name:
            name = name.strip(DQUOTES + " ") or None
        if name and name.split()[0].lower() in _FIRST_PERSON_POSSESSIVES:
            name = None  # "Mein Vater hat gesagt: „…“": someone named from the speaker's side, never by name
        if name and actor is None and (sp.pronoun or description_gender(sp.text) or description(sp.text)):
            # "sagte er", "sagte der Österreicher" where the actors stage linked no one: the person the
            # resolver found is the actor of that name (positions then file the quotation under them).
            actor = mentions.person_named(name)
            speaker_id = actor.id if actor is not None else None
        if name and actor is None and sp.pronoun and is_document(name):
            name = None  # a pronoun stands for a person or a group, not for a text named before
        titled = _QUOTED_TITLE.search(name) if name else None
        if titled and titled.group(1)[:1].isupper():
            name = titled.group(1).strip()  # "Die französische Zeitung „Le Monde“": the medium's name
        else:
            titled = None
        # A title of two words or more is a name as it stands ("Le Monde", "Die Zeit"); one word is judged
        # like any other ("Spiegel" is also the common noun).
        named_title = titled is not None and name is not None and len(name.split()) >= 2
        # The antecedent of an anaphor ("sagte er", "Demnach", "wonach") keeps the name the resolver chose
        # unless the word lists and frequencies reject it: a report or estimate referred back to ("Einer
        # Schätzung zufolge ... Demnach ...") is the source the annotation names, and the form-based rules
        # (a phrase's head, a word's suffix) cost right speakers there on train (3, none gained).
        at = found[i].mention
        anaphoric = sp.pronoun or (at is not None and at.pronoun)
        if name and not named_title and (actor is None or actor.kind != "country") and _people_head(name) is None and (
                not names_someone(name, text_words, by_form=not anaphoric)):
            # Precision first: the mention stays (it is where the attribution is), but a
            # common noun, adverb or fragment is no one to show as the speaker; a phrase headed by one
            # shows whom its attribute names ("die Sichtweise von Innenminister Heribert Rech").
            inner = named_in_attribute(name, text_words)
            if inner and is_role(inner.split()[0]):
                inner = person_name(inner)  # "Innenminister Heribert Rech" -> "Heribert Rech"
            # An institution the actors stage found with its owner ("das polnische Wirtschaftsministerium")
            # stays linked: the briefing names it with its country and files its statements there.
            name, speaker_id = inner, (speaker_id if _owned_group(actor) else None)
        elif name and not named_title and (actor is None or name != actor.name) and _people_head(name) is None and (
                names_no_agent(name, text_words, anaphoric, sp.text)):
            # Issue 10: a speaker shown is someone. A phrase headed by a thing or a statement ("Dekret Nr. 72-186",
            # "Teil der Bevölkerung") shows the actor linked to it or whom its attribute names ("Sichtweise von
            # Innenminister Heribert Rech"), else no one; so does an anaphor standing for an abstract noun
            # ("Demnach" after "Spekulationen"). The mention stays (the annotation often names such a source).
            if actor is not None:
                name = actor.name
            else:
                inner = named_in_attribute(name, text_words)
                name = person_name(inner) if inner and is_role(inner.split()[0]) else inner
        elif name and actor is None and demonym_country(name):
            # "wird der Franzose zitiert": a person of that country named before, not a name to show
            # (the actors stage links it when it knows the person's country).
            name = None
        if name is None and actor is None and (side := side_country(sp.text)):
            name = side  # "wurde von pakistanischer Seite erklärt": Pakistan speaks
        if actor is None and _source_compound(sp.text):
            # "Nach NATO-Angaben", "nach Polizeiangaben": the source noun is no one; its named prefix is.
            name = prefix_owner(sp.text)
    return speaker_id, name


def _relay_name(
    text: str,
    relay: Phrase,
    found: list[Found],
    i: int,
    sents,
    sent_of,
    mentions: _MentionIndex,
    text_words: TextWords,
) -> str | None:
    """The name shown for the medium that relays a quotation: its quoted title ("von der „Netzeitung“",
    "im Fachblatt „Sport Bild“"), else what :func:`speaker_of` shows for the phrase."""
    titled = _QUOTED_TITLE.search(relay.text)
    if titled and titled.group(1)[:1].isupper():
        return titled.group(1).strip()
    agency = next((w for w in relay.text.split() if w in agency_names()), None)
    if agency is not None:
        return agency  # "die Nachrichtenagentur dpa"
    name = speaker_of(text, relay, found, i, sents, sent_of, mentions, text_words)[1]
    words = name.split() if name else []
    if len(words) > 1 and media_noun(words[0]) and words[1][:1].isupper():
        return " ".join(words[1:])  # "Nachrichtenagentur RIA Novosti": the medium's own name
    return name


def _source_compound(text: str) -> bool:
    """One word ending in a source noun of "nach …" ("NATO-Angaben", "Polizeiangaben", "UN-Informationen")."""
    words = text.split()
    parts = WORD.findall(words[0]) if len(words) == 1 else []
    # the noun alone ("nach Angaben der UN") names its source after it, not before
    return bool(parts) and ends_in_source_noun(parts[-1]) and (
        len(parts) > 1 or parts[0].lower() not in attribution_markers().get("noun", ())
    )


def _owned_group(actor: Actor | None) -> bool:
    """Is the linked actor an institution the actors stage found with its owner ("das polnische
    Wirtschaftsministerium": Wirtschaftsministerium of Polen)? Its name alone is a common noun, but with its
    owner it names one."""
    return actor is not None and actor.kind not in ("person", "country") and actor.affiliation is not None


def _document_speaker(sp: Phrase, mentions: _MentionIndex, text_words: TextWords) -> tuple[str | None, str | None]:
    """A document as the source ("laut dem Bericht", "In einer Erklärung des Ministeriums heißt es"): the
    mention stays, but a text is no one to show as the speaker; its owner is, when the phrase names one
    that names someone (the actor mentioned there, else the owner's words: "der NASA")."""
    owner = document_owner(sp.text)
    if owner is None:
        titled = _QUOTED_TITLE.search(sp.text)  # "einer Veröffentlichung im Fachblatt „Nature“": Nature's
        return None, titled.group(1).strip() if titled else prefix_owner(sp.text)  # "der OSZE-Bericht": the OSCE's
    actor = mentions.actor_at(sp.start + owner[0], sp.start + owner[1])
    name = actor.name if actor is not None else owner_name(sp.text[owner[0] : owner[1]])
    if name and actor is None:
        titled = _QUOTED_TITLE.search(name)
        name = titled.group(1).strip() if titled else person_name(name).strip(DQUOTES + " ")
    if (
        not name
        or (" " not in name and zipf(name) >= COMMON_ZIPF)
        or (actor is None and not names_someone(name, text_words))
    ):
        # "einer Erklärung der Regierung": an owner by a common noun alone names no one here (an actor the actors
        # stage found does: "einer Mitteilung der Deutschen Bahn" is the Deutsche Bahn)
        return None, None
    return (actor.id if actor is not None else None), name


# ------------------------------------------------------------------ spaCy component
