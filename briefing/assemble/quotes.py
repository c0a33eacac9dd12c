"""Quotes of a story ("Stimmen"): deduplicated across sources, best first.

Two reports of one quote are merged when their wording is near-identical
(:data:`SAME_WORDING`), keeping the fuller text and all sources; the other
wording is kept as a variant (shown as "Anders zitiert:").  Clearly different
wordings of the same speaker that still share much vocabulary (translations
of one statement) stay separate quotes - each source's words remain findable -
and point at each other through ``variants``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from briefing.assemble.actors import find_actor
from briefing.assemble.context import QUOTE_MARKS, relative_clause, stand_alone, trim_connective
from briefing.assemble.text import containment, content_terms, fold, overlap, sort_sources, source_sort_key, words
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.lexicon import bare_role
from briefing.extract.quotes.quoted_speech import has_finite_verb
from briefing.extract.quotes.speaker_names import is_organisation, is_place, may_name_people
from briefing.lang import rows, word_set
from briefing.lang.de import SUBJECT_PRONOUNS, institution_nominative
from briefing.models import ArticleFacts, Quote, QuoteVariant, StoryActor, StoryQuote

# Share of the shorter quote's words found in the other from which two quotes are one (the same
# statement, perhaps cut differently or with a typo fixed).
SAME_WORDING = 0.8
# Content-word overlap (Jaccard) from which two quotes of one speaker are renderings of one statement
# (two translations: "keine ausländische Intervention ... diskutieren" / "nicht über eine zutiefst
# unannehmbare ... ausländische Intervention ... diskutieren" share 5 of 12) - kept apart, cross-referenced.
RELATED_WORDING = 0.35
# ... and they share at least this many content words (short quotes overlap by chance).
RELATED_MIN_SHARED = 3
# Direct quotes shorter than this are scare quotes or single terms ("strategisches Signal"), not voices...
MIN_DIRECT_WORDS = 4
# ... unless they are a clause of their own, at least this long („Das ist kurzsichtig“, „Wir sind bereit“).
MIN_CLAUSE_WORDS = 3
# A quotation shown without a speaker needs at least this many words (and to open a sentence).
MIN_UNATTRIBUTED_WORDS = 8
# Indirect speech shorter than this carries no statement of its own.
MIN_INDIRECT_WORDS = 5
# At most this many quotes per story.
MAX_QUOTES = 16
# Among quotes of one speaker with as many sources, longer ones say more - up to this many words,
# beyond which length is no merit.
QUOTE_WORDS_ENOUGH = 25
# A quote is compared only with earlier quotes sharing one of its longest words (near-identical or
# translated wordings share their long words), and with at most this many of them.
PROBE_WORDS = 4
MAX_QUOTE_CANDIDATES = 50
# Words shorter than this are too common to find candidates by.
PROBE_MIN_CHARS = 5


@dataclass
class _Merged:
    quote: Quote
    speaker: str | None
    speaker_name: str | None
    words: list[str]
    sources: set[str]
    order: tuple[int, int]
    variants: dict[str, set[str]] = field(default_factory=dict)  # other wording -> sources
    related: list[int] = field(default_factory=list)
    described: str | None = None  # the text's own words for a speaker it does not name ("ein Polizeisprecher")
    sentence: str | None = None  # the sentence that frames a partial quotation (:func:`framing_sentence`)


def merge_quotes(
    refs: Sequence[tuple[int, str, Quote]],
    actor_ids: dict[tuple[int, str], str],
    actors: Sequence[StoryActor],
    min_confidence: float | Mapping[str, float] = 0.0,
    owners: Mapping[tuple[int, int], str] | None = None,
    frames: Mapping[tuple[int, int], str] | None = None,
) -> list[StoryQuote]:
    """Merge ``(article index, source id, Quote)`` triples into the story's quotes.

    Args:
        refs: the quotes of the story's articles, in source order.
        actor_ids: (article index, local actor id) -> story actor id, from :func:`merge_actors`.
        actors: the story's actors in prominence order.
        min_confidence: a quotation whose attribution is less sure than this (``Quote.confidence``) shows
            no speaker ("ohne eindeutige Zuordnung"); one without a confidence (made by hand) keeps it.  One
            threshold, or one per quotation kind (direct, indirect).
        owners: (article index, quotation start) -> the body a speaker the text does not name speaks for
            (:func:`unnamed_speakers_body`), shown beside the text's words for them.
        frames: (article index, quotation start) -> the sentence a partial quotation is shown in
            (:func:`framing_sentence`).
    """
    by_id = {a.id: a for a in actors}
    rank = {a.id: i for i, a in enumerate(actors)}
    merged: list[_Merged] = []
    index: dict[str, list[int]] = defaultdict(list)

    def candidates(ws: list[str]) -> list[int]:
        probes = sorted({w for w in ws if len(w) >= PROBE_MIN_CHARS}, key=lambda w: (-len(w), w))[:PROBE_WORDS]
        hits: dict[int, int] = defaultdict(int)
        for w in probes:
            for i in index.get(w, ()):
                hits[i] += 1
        return sorted(hits, key=lambda i: (-hits[i], i))[:MAX_QUOTE_CANDIDATES]

    for article, sid, q in refs:
        ws = words(q.text)
        if len(ws) < (MIN_DIRECT_WORDS if q.kind == "direct" else MIN_INDIRECT_WORDS) and not _short_clause(q):
            continue
        if q.kind == "indirect" and (relative_clause(q.text) or (
                _complement_clause(q.text) and not (frames and (article, q.start) in frames))):
            # "der vor allem der Industrie schaden würde", "dass die Umsetzung schwierig werde": a clause that
            # starts mid-sentence says nothing alone (a "dass"-clause is shown in its sentence where that can be)
            continue
        least = min_confidence if isinstance(min_confidence, (int, float)) else min_confidence.get(q.kind, 0.0)
        if q.confidence is not None and q.confidence < least:
            speaker, name = None, None  # precision first: no guess shown
        else:
            speaker = actor_ids.get((article, q.speaker)) if q.speaker else None
            if speaker is None:
                speaker = find_actor(actors, q.speaker_name)
            name = by_id[speaker].name if speaker else q.speaker_name and nominative_name(q.speaker_name)
            if speaker is None and name and bare_role(name) and not _owner_in_story(name, actors):
                name = None  # "der Minister" nobody is named for: which one, the reader cannot tell
        if q.kind == "indirect" and not name:
            continue  # reported speech nobody is named for is a statement of fact, not a voice
        if q.kind == "indirect" and not (frames and (article, q.start) in frames) and stand_alone(
                q.text.strip(), name) is None:
            continue  # "Dort liegen nach Angaben der Kommission …": where, the reader of the line cannot tell
        # A speaker the text describes but does not name ("sagte ein Polizeisprecher", "der brasilianische
        # Präsident"): the reader is told the text's own words for them, sure as the attribution is.
        described = None if speaker or name or (q.confidence or 0.0) < least else described_speaker(q.speaker_text)
        if described is not None and owners and (article, q.start) in owners:
            described = f"{described} ({owners[(article, q.start)]})"  # "ein Sprecher (EU-Kommission)"
        order = (source_sort_key(sid), q.start)
        same = next(
            (
                m
                for m in (merged[i] for i in candidates(ws))
                if m.quote.kind == q.kind
                and _same_speaker(m.speaker, speaker)
                and containment(m.words, ws) >= SAME_WORDING
            ),
            None,
        )
        if same is None:
            for w in set(ws):
                if len(w) >= PROBE_MIN_CHARS:
                    index[w].append(len(merged))
            sentence = frames.get((article, q.start)) if frames else None
            merged.append(_Merged(q, speaker, name, ws, {sid}, order, described=described, sentence=sentence))
            continue
        same.sources.add(sid)
        if same.speaker is None and speaker is not None:  # a resolved speaker beats an unresolved name
            same.speaker, same.speaker_name = speaker, name
        same.speaker_name = same.speaker_name or name
        same.described = None if same.speaker or same.speaker_name else same.described or described
        if q.text != same.quote.text:
            if len(ws) > len(same.words):  # keep the fuller wording as the text
                same.variants.setdefault(same.quote.text, set()).update(same.sources - {sid})
                same.quote, same.words = q, ws
                pos = merged.index(same)
                for w in set(ws):
                    if len(w) >= PROBE_MIN_CHARS and pos not in index[w]:
                        index[w].append(pos)
            else:
                same.variants.setdefault(q.text, set()).add(sid)
    # Said once: a quotation shown in full inside a longer quote of the same speaker (a direct fragment
    # inside the indirect sentence that carries it) is that quote; its sources join the longer one.
    fragment_of: dict[int, int] = {}
    for i, m in enumerate(merged):
        hosts = [
            j for j in candidates(m.words)
            if j != i and len(merged[j].words) > len(m.words) and _same_speaker(m.speaker, merged[j].speaker)
            and containment(m.words, merged[j].words) >= SAME_WORDING
            and _inside(m.quote.text, merged[j].quote.text)
        ]
        if hosts:
            host = min(hosts, key=lambda j: (-len(merged[j].words), j))
            fragment_of[i] = host
            merged[host].sources |= m.sources
    merged = [m for i, m in enumerate(merged) if i not in fragment_of]
    index = defaultdict(list)
    for pos, m in enumerate(merged):
        for w in set(m.words):
            if len(w) >= PROBE_MIN_CHARS:
                index[w].append(pos)
    terms = [set(content_terms(m.quote.text)) for m in merged]
    for i, m in enumerate(merged):
        for j in candidates(m.words):
            o = merged[j]
            if (
                i != j
                and m.speaker
                and m.speaker == o.speaker
                and len(terms[i] & terms[j]) >= RELATED_MIN_SHARED
                and overlap(terms[i], terms[j]) >= RELATED_WORDING
            ):
                m.related.append(j)
    # A voice nobody is named for must at least say something whole: a fragment („Bis es zu spät war“,
    # „nicht aggressiv oder so“) with "ohne eindeutige Zuordnung" tells the reader nothing.
    shown = [i for i, m in enumerate(merged) if m.speaker_name or m.speaker or m.described or _whole_statement(m)]
    ranked = sorted(
        shown,
        key=lambda i: (
            merged[i].quote.kind != "direct",
            rank.get(merged[i].speaker or "", len(actors)),
            -len(merged[i].sources),
            -min(len(merged[i].words), QUOTE_WORDS_ENOUGH),
            merged[i].order,
        ),
    )[:MAX_QUOTES]
    out = []
    for i in ranked:
        m = merged[i]
        variants = [QuoteVariant(text=t.strip(), sources=sort_sources(s)) for t, s in sorted(m.variants.items())]
        variants += [
            QuoteVariant(text=merged[j].quote.text.strip(), sources=sort_sources(merged[j].sources))
            for j in m.related
        ]
        out.append(
            StoryQuote(
                speaker=m.speaker,
                speaker_name=m.speaker_name,
                text=_statement(m.quote.text) if m.quote.kind == "indirect" else m.quote.text.strip(),
                kind=m.quote.kind,
                sources=sort_sources(m.sources),
                speaker_role=by_id[m.speaker].role if m.speaker else m.described,
                variants=tuple(variants),
                relayed_by=m.quote.relay_name,
                sentence=m.sentence,
            )
        )
    return out


def _short_clause(q: Quote) -> bool:
    """Is a short direct quotation a clause of its own (it opens with a capital and has a finite verb: „Das ist
    kurzsichtig“), a voice, not a term in quotation marks („wirtschaftlichen Selbstmord“, „Der Pate“)?"""
    ws = q.text.strip().strip(QUOTE_MARKS + ".,;:!?… ").split()
    return (q.kind == "direct" and len(ws) >= MIN_CLAUSE_WORDS and ws[0][:1].isupper()
            and has_finite_verb([w.strip(".,;:!?…") for w in ws]))


def nominative_name(name: str) -> str:
    """A speaker name as a reader is told it, in the nominative: an institution named in the genitive ("nach
    Angaben des Finanzministeriums" -> "Finanzministerium"), a group named in the dative plural ("nach Ansicht
    von Beobachtern", "hieß es unter Anwohnern" -> "Beobachter", "Anwohner": German adds -n to the plural
    of nouns in -er and -el)."""
    if (" " not in name and name.endswith(("ern", "eln")) and may_name_people(name[:-1])
            and not (is_place(name) or is_organisation(name) or name in _region_names())):
        return name[:-1]  # (not a place or body whose name ends so: "Bayern")
    return institution_nominative(name)


@functools.cache
def _region_names() -> frozenset[str]:
    return frozenset(r[0] for r in rows("regions.txt"))


def unnamed_speakers_body(facts: ArticleFacts, q: Quote) -> str | None:
    """The organisation an unnamed spokesman speaks for: "Die EU-Kommission wies die Kritik zurück. Ein Sprecher
    sagte, …" - a title held inside an organisation (``organisation_roles.txt``) with an indefinite article
    and nothing else, whose sentence follows one that opens with an organisation, is that organisation's, as
    German news writes it.  None otherwise (a named speaker, a title with its own genitive, a sentence before
    that opens with something else)."""
    words = (q.speaker_text or "").split()
    if len(words) != 2 or words[0].lower() not in ("ein", "eine") or q.speaker_start is None:
        return None
    if not words[1].lower().endswith(_organisation_roles()):
        return None
    own = next((s for s in facts.sentences if s.start <= q.speaker_start < s.end), None)
    before = next((s for s in reversed(facts.sentences) if own is not None and s.end <= own.start), None)
    if own is None or before is None or own.start - before.end > 1:
        return None  # the first sentence, or one after a paragraph break
    opening = before.start + len(before.text) - len(before.text.lstrip())
    for actor in facts.actors:
        for m in actor.mentions if actor.kind == "organization" else ():
            lead = before.text[opening - before.start : m.start - before.start].strip().strip(QUOTE_MARKS).lower()
            if opening <= m.start < before.end and lead in ("", "die", "der", "das"):
                return actor.name
    return None


@functools.cache
def _organisation_roles() -> tuple[str, ...]:
    return tuple(sorted(r[0].lower() for r in rows("organisation_roles.txt")))


def described_speaker(mention: str | None) -> str | None:
    """A speaker phrase that describes someone by a title without naming them, as a reader is told it: "Ein
    Polizeisprecher" -> "ein Polizeisprecher", "der brasilianische Präsident"; None for a name, a pronoun or
    anything else (an article, lowercase attributes, one role title, nothing after it)."""
    toks = (mention or "").split()
    if len(toks) < 2 or toks[0].lower() not in _DESCRIBING_ARTICLES:
        return None
    head, attributes = toks[-1], toks[1:-1]
    if not (bare_role(head) and all(w.isalpha() and w.islower() for w in attributes)):
        return None
    return " ".join([toks[0].lower(), *toks[1:]])


# Articles that open a description of one speaker in the nominative.
_DESCRIBING_ARTICLES = frozenset({"der", "die", "ein", "eine"})


def _owner_in_story(role: str, actors: Sequence[StoryActor]) -> bool:
    """Does a bare role's compound prefix name an organisation or country of the story ("ein GDL-Sprecher"
    where the GDL is an actor)? Then the reader knows whose spokesman speaks."""
    prefix = role.split()[-1].rsplit("-", 1)[0] if "-" in role else ""
    return bool(prefix) and any(a.kind != "person" and fold(a.name) == fold(prefix) for a in actors)


def framing_sentence(facts: ArticleFacts, q: Quote) -> str | None:
    """The sentence a partial quotation is shown in: a direct one that opens in lowercase („die Verhandlung
    sogar noch herausgezögert“), with a subordinating conjunction („Bis es zu spät war“) or has no finite verb is a
    phrase of the writer's sentence, and reported speech that opens with its "dass" is a clause of it; alone
    either starts mid-context. The whole sentence, when it holds the quotation and stands on its own (no pronoun
    or connective pointing back): the briefing stays extractive. None for a quotation that is a statement of its
    own, or a sentence that cannot be shown alone."""
    if not (_partial(q.text) if q.kind == "direct" else _complement_clause(q.text)):
        return None
    own = next((s for s in facts.sentences if s.start <= q.start and q.end <= s.end + 1), None)
    if own is None:
        return None
    text = own.text.strip()
    if len(text) > MAX_FRAME_CHARS:
        return None
    if stand_alone(text) == text:
        return text
    # "Sie sagte der Zeitung, die Union mache sich „zum Steigbügelhalter“": the opening pronoun is the
    # quotation's own speaker (its resolved mention), whom the line names right after the sentence.
    lead = len(own.text) - len(own.text.lstrip())
    pronoun_speaker = (
        q.speaker_name is not None
        and q.speaker_start == own.start + lead
        and q.speaker_text is not None
        and fold(q.speaker_text) in {"er", "sie"}
    )
    if pronoun_speaker and stand_alone(text, q.speaker_name) == f"{q.speaker_name}: {text}":
        return text
    return None


# An interview's answer opens with its speaker's label ("Behle: Die Verantwortung liegt …"): a name of up to four
# words and a colon.
_ANSWER_LABEL = re.compile(r"[A-ZÄÖÜ][^\s:]*(?: [^\s:]+){0,3}:\s+")
# An answer is shown up to this many characters, in whole sentences (at least its first).
MAX_ANSWER_CHARS = 400


# An interview answer's first sentence of at most this many words replies to the question ("Eine zentrale.").
MAX_REPLY_WORDS = 3


def interview_quotes(f: ArticleFacts) -> list[Quote]:
    """The answers of a printed interview as its interviewee's direct words (``Article.turns``, from ingest): the
    page labels whose they are ("Behle: Die Verantwortung liegt allein beim Arbeitgeber."), as surely as
    quotation marks and a verb of saying would. An answer whose first sentence points back at the question
    ("Das hängt vom Angebot ab.") says nothing alone and is left out; one that opens with a short reply ("Eine
    zentrale.", "Ja.") is quoted from the sentence after it; a long one is cut after a sentence."""
    out = []
    text = f.article.text
    for turn in f.article.turns:
        if turn.kind != "answer" or not turn.speaker:
            continue
        label = _ANSWER_LABEL.match(text, turn.start, turn.end)
        start = label.end() if label else turn.start
        ends = [min(s.end, turn.end) for s in f.sentences
                if turn.start <= s.start < turn.end or s.start <= start < s.end]
        if not ends:
            continue
        first = text[start : ends[0]].strip()
        if len(first.split()) <= MAX_REPLY_WORDS:
            # "Eine zentrale.", "Ja.", "Schwer zu sagen.": the reply means what the question asked; the answer
            # is quoted from the sentence after it (an answer of the reply alone says nothing)
            if len(ends) < 2:
                continue
            start = ends[0] + len(text[ends[0] : ends[1]]) - len(text[ends[0] : ends[1]].lstrip())
            ends = ends[1:]
            first = text[start : ends[0]].strip()
        if not first or stand_alone(first) != first:
            continue
        end = ends[0]
        for e in ends[1:]:
            if e - start > MAX_ANSWER_CHARS:
                break
            end = e
        words = text[start:end].strip()
        speaker = _local_person(f, turn.speaker)
        out.append(Quote("direct", words, start, start + len(words), speaker=speaker, speaker_name=turn.speaker,
                         cue=":"))
    return out


def _local_person(f: ArticleFacts, name: str) -> str | None:
    """The article's one person actor named ``name`` (or by its surname), else None."""
    surname = fold(name.split()[-1]) if name.split() else ""
    hits = [a.id for a in f.actors if a.kind == "person" and (
        fold(a.name) == fold(name) or fold(a.name.split()[-1]) == surname)]
    return hits[0] if len(hits) == 1 else None


# A quotation of at most this many words with no finite verb is a phrase („Kein Kommentar“).
MAX_PHRASE_WORDS = 4
# A sentence longer than this is no frame for a phrase: the phrase is shown alone.
MAX_FRAME_CHARS = 400


def _complement_clause(text: str) -> bool:
    """Does reported speech open with the conjunction of its clause ("dass die Umsetzung schwierig werde", "ob
    …")? Alone it starts mid-sentence; its sentence says whose it is."""
    return text.lstrip().startswith(("dass ", "ob "))


def _partial(text: str) -> bool:
    """Is a quotation's text a phrase of a sentence rather than one of its own (see :func:`framing_sentence`)?"""
    body = text.strip().lstrip(QUOTE_MARKS + "([…. ")
    ws = body.split()
    if not ws:
        return False
    first = fold(ws[0]).strip(",;:")
    # a subordinate clause alone; with a comma a main clause may follow („Wenn wir warten, verlieren wir“)
    clause = first in _clause_openers() and "," not in body
    # a short phrase with no finite verb („Sieg der Vernunft“); longer ones open with a capital as sentences do
    phrase = len(ws) <= MAX_PHRASE_WORDS and not has_finite_verb(ws)
    return body[:1].islower() or clause or phrase


@functools.cache
def _clause_openers() -> frozenset[str]:
    """Conjunctions that open a subordinate clause and nothing else ("wie", "da", "als", "seit", "während" also
    open questions, main clauses or phrases), with "dass", "ob", "bis" and "um" (an infinitive clause: „um den
    Kindern den Anblick zu ersparen“)."""
    return frozenset(fold(w) for w in word_set("subordinators.txt")) - _ALSO_MAIN | {"dass", "ob", "bis", "um"}


_ALSO_MAIN = frozenset({"wie", "da", "als", "seit", "während"})


def _whole_statement(m: _Merged) -> bool:
    """Does the quotation say something whole: it opens with a capital and has
    :data:`MIN_UNATTRIBUTED_WORDS` words or more?"""
    text = m.quote.text.strip().lstrip(QUOTE_MARKS + "([…. ")
    return text[:1].isupper() and len(m.words) >= MIN_UNATTRIBUTED_WORDS


def _inside(short: str, long: str) -> bool:
    """Is ``short`` word for word part of ``long`` (case, punctuation and spacing aside)?"""
    return " ".join(words(short)) in " ".join(words(long))


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Unknown speakers do not block a merge; two known speakers must agree."""
    return a is None or b is None or a == b


def _statement(text: str) -> str:
    """Reported speech as a statement of its own: a clause after "sagte X," opening with its subject in
    lowercase capitalised ("die Halle sei …" -> "Die Halle sei …"), a leading connective cut."""
    text = trim_connective(text)
    first = text.split(maxsplit=1)[0] if text.split() else ""
    if first.isalpha() and first.islower() and (
            first in _SUBJECT_OPENING or first in SUBJECT_PRONOUNS or _fronted_phrase(first, text)):
        return text[:1].upper() + text[1:]
    return text


def _fronted_phrase(first: str, text: str) -> bool:
    """Does reported speech open a main clause of its own with a phrase in front of its verb ("mit dem Freikauf
    werde Solidarität zur Ware", "in Bayern fehlten Plätze")? A preposition opens it, and the clause speaks in
    Konjunktiv, as reported main clauses do (a subordinate clause opens with its conjunction instead)."""
    return first in word_set("prepositions.txt") and konjunktiv_words(text, 0, len(text), strong=True) > 0


# Lowercase words that open a reported clause with its subject ("die Halle sei …", "man habe …").
_SUBJECT_OPENING = frozenset({"der", "die", "das", "ein", "eine", "kein", "keine", "diese", "dieser", "dieses"})

