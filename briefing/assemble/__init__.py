"""[ArticleFacts] -> Briefing: stories, merged actors, positions, figures, quotes, outlook.

Entry point :func:`assemble`.  The steps, each in its own module:

* ``stories``   group the day's articles into events (TF-IDF cosine, blocked candidates)
* ``sources``   number the used articles S1..Sn, mark agency reprints as not independent
* ``actors``    merge spelling variants of one actor across sources
* ``summary``   headline, "Das Wichtigste in Kürze", "Ausblick" (extractive)
* ``positions`` positions by country or bloc, and the country x issue matrix
* ``figures``   key figures with conflicting values linked
* ``quotes``    direct and indirect quotes, deduplicated, best first

Articles of other dates (``background``) never become stories or actors of the
day: they are listed in ``excluded_sources`` with their reason.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from briefing.assemble import actors as actors_mod
from briefing.assemble import figures as figures_mod
from briefing.assemble import positions as positions_mod
from briefing.assemble import quotes as quotes_mod
from briefing.assemble import stories as stories_mod
from briefing.assemble import summary as summary_mod
from briefing.assemble import timeframe
from briefing.assemble.context import QUOTE_MARKS, opens_after_fronted_source, speaker_label, stand_alone, zu_infinitive
from briefing.assemble.sources import make_sources, reprints, source_order_key
from briefing.assemble.text import complete_title, content_terms, sort_sources, source_sort_key
from briefing.errors import AssembleError
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.lang import quote_display_threshold, word_set
from briefing.lang.de import attribution_markers
from briefing.models import (
    Article,
    ArticleFacts,
    Briefing,
    Excluded,
    Figure,
    Position,
    Quote,
    Statement,
    Story,
    StoryActor,
)

BACKGROUND_REASON = "anderes Datum ({date}): nur Hintergrund, nicht Teil der Meldungen dieses Tages"
OVERFLOW_REASON = "Thema nicht unter den {n} wichtigsten Themen des Tages"
EMPTY_REASON = "leer: kein Text"


def assemble(
    day: date,
    facts: list[ArticleFacts],
    *,
    background: list[ArticleFacts],
    excluded: tuple[Excluded, ...],
    title: str,
    max_stories: int,
    quote_threshold: float | None = None,
) -> Briefing:
    """Assemble the briefing of ``day`` from the extracted facts of its articles.

    Args:
        day: the briefing's date.
        facts: the day's articles (dated ``day`` or undated and included) after extraction.
        background: articles of other dates that ingest kept as context; they are only listed as excluded.
        excluded: files ingest already left out, with their reasons.
        title: the briefing's title.
        max_stories: at most this many stories; articles of further stories are listed as excluded.
        quote_threshold: a quotation's speaker is shown from this confidence on; None: the ones chosen on
            cross-validation for direct and indirect quotations (:func:`briefing.lang.quote_display_threshold`).

    Raises:
        AssembleError: ``max_stories`` is not positive, or one article is passed twice.
    """
    if max_stories < 1:
        raise AssembleError(f"max_stories must be at least 1, not {max_stories}")
    paths = [f.article.path for f in facts]
    if len(set(paths)) != len(paths):
        dup = sorted(p for p in set(paths) if paths.count(p) > 1)[0]
        raise AssembleError(f"article {dup} was passed twice; each file may be assembled once")
    empty = sorted((f for f in facts if not f.article.text.strip()), key=lambda f: f.article.path)
    facts = [f for f in facts if f.article.text.strip()]
    order = sorted(range(len(facts)), key=lambda i: source_order_key(facts[i].article))
    facts = [facts[i] for i in order]  # input order never changes the output
    copy_of = reprints([f.article for f in facts])
    vectors, idf = stories_mod.vectorise(facts)
    clusters = stories_mod.cluster(vectors)

    def prominence(members: list[int]) -> tuple[int, int, int]:
        independent = sum(1 for i in members if i not in copy_of)
        return (-independent, -len(members), members[0])

    clusters.sort(key=prominence)
    shown, dropped = clusters[:max_stories], clusters[max_stories:]
    used = sorted(i for c in shown for i in c)
    reprinted = frozenset(facts[i].article.path for i in copy_of)
    sources, ids = make_sources([facts[i].article for i in used], reprinted)
    threshold = (
        {kind: quote_display_threshold(kind) for kind in ("direct", "indirect")}
        if quote_threshold is None
        else {"direct": quote_threshold, "indirect": quote_threshold}
    )
    stories = [
        _story(f"T{n}", members, facts, vectors, idf, ids, threshold) for n, members in enumerate(shown, 1)
    ]

    out_excluded: list[Excluded] = []
    seen = set()
    for e in excluded:
        if e.path not in seen:
            seen.add(e.path)
            out_excluded.append(e)
    for f in sorted(background, key=lambda f: source_order_key(f.article)):
        if f.article.path not in seen and f.article.path not in ids:
            seen.add(f.article.path)
            out_excluded.append(Excluded(f.article.path, BACKGROUND_REASON.format(date=f.article.date or "unbekannt")))
    for f in empty:
        if f.article.path not in seen:
            seen.add(f.article.path)
            out_excluded.append(Excluded(f.article.path, EMPTY_REASON))
    for i in sorted(i for c in dropped for i in c):
        path = facts[i].article.path
        if path not in seen:
            seen.add(path)
            out_excluded.append(Excluded(path, OVERFLOW_REASON.format(n=max_stories)))
    return Briefing(
        date=day.isoformat(),
        title=title,
        sources=tuple(sources),
        excluded_sources=tuple(sorted(out_excluded, key=lambda e: (e.path, e.reason))),
        stories=tuple(stories),
    )


def _story(
    story_id: str,
    members: Sequence[int],
    facts: Sequence[ArticleFacts],
    vectors: Sequence[stories_mod.ArticleVector],
    idf: dict[str, float],
    ids: dict[str, str],
    quote_threshold: Mapping[str, float],
) -> Story:
    """Build one story from the indices of its articles."""
    central = stories_mod.centrality(members, vectors)
    # Source order inside the story: the number S1..Sn (ids sort numerically).
    members = sorted(members, key=lambda i: source_sort_key(ids[facts[i].article.path]))
    sid = {i: ids[facts[i].article.path] for i in members}

    refs = [actors_mod.ActorRef(i, sid[i], a) for i in members for a in facts[i].actors if a.name.strip()]
    story_actors, actor_ids = actors_mod.merge_actors(refs, story_id)

    by_centrality = sorted(members, key=lambda i: (-central[i], source_sort_key(sid[i])))
    # An opinion piece (ingest/genre.py) states its author's view: what the briefing states as the day's
    # facts (summary, headline, figures, positions, outlook) comes from the reports; its quotations stay.
    reports = [i for i in members if not facts[i].article.opinion] or list(members)
    readers = [i for i in by_centrality if i in reports][: summary_mod.MAX_SUMMARY_ARTICLES]
    carried = {i: _CarriedReports(facts[i], quote_threshold) for i in readers}
    cands = summary_mod.candidates(
        # an interviewer's question is never summary material (Article.turns, from ingest)
        [(i, sid[i], facts[i].article.text,
          [_answered(facts[i].article, s) for s in facts[i].sentences
           if not facts[i].article.in_question(s.start) and not carried[i].holds(s)],
          facts[i].article.publisher) for i in sorted(readers)],
        idf,
        {i: _published(facts[i]) for i in readers},
    )
    story_vec = _centroid([vectors[i].vector for i in readers])
    figures = figures_mod.merge_figures(
        [(sid[i], _answered_figure(facts[i].article, f)) for i in reports for f in facts[i].figures
         if not facts[i].article.in_question(f.start)], story_vec, idf)
    confirmed = frozenset(t for f in figures if len(f.sources) > 1 for t in content_terms(f.text) if t[:1] == "#")
    summary, leads = summary_mod.summarise(cands, story_vec, confirmed, stories_mod.follow_ups(members, vectors))
    if not leads:  # no complete sentence to choose: the text's first line still names the story
        leads = [facts[i].article.text.strip().split("\n", 1)[0] for i in by_centrality]
    clock = _Clock(members, facts)
    # A title written before the event ("Europäische Soldaten in der Ukraine?") does not head its outcome; the
    # title of a report whose sentence the summary puts first heads before the titles of the reports that
    # take an angle on the event (the reactions, an explainer): the report the summary leads with tells the event.
    first = set(summary[0].sources) if summary else set()
    titled = sorted((i for i in by_centrality if i in reports),
                    key=lambda i: (clock.has_outcome and clock.frames[i] == "preview", sid[i] not in first))
    head = summary_mod.headline([complete_title(facts[i].article.title, facts[i].article.text) for i in titled], leads)
    answers = {i: quotes_mod.interview_quotes(facts[i]) for i in members}
    pos_refs = [
        replace(r, overtaken=clock.overtaken(i, r.text)) for i in reports for r in positions_mod.position_refs(
            i, sid[i],
            _sure(facts[i], _not_answered(_not_asked(facts[i], facts[i].positions), answers[i]), quote_threshold),
            facts[i].sentences, actor_ids
        )
    ]
    quote_pos_refs = [
        replace(r, overtaken=clock.overtaken(i, r.text))
        for i in members
        for r in positions_mod.quote_position_refs(
            i, sid[i],
            _sure(facts[i], _not_answered(_not_asked(facts[i], _relayed(facts[i].quotes)), answers[i]),
                  quote_threshold) + answers[i],
            facts[i].sentences,
            actor_ids,
        )
    ]
    positions, matrix = positions_mod.merge_positions(pos_refs, quote_pos_refs, story_actors)
    quoted = [
        (i, sid[i], _whole(facts[i], q)) for i in members
        for q in _not_answered(_not_asked(facts[i], _relayed(facts[i].quotes)), answers[i]) + answers[i]
    ]
    quotes = quotes_mod.merge_quotes(
        quoted, actor_ids, story_actors, quote_threshold,
        owners={(i, q.start): owner for i, _, q in quoted
                if (owner := quotes_mod.unnamed_speakers_body(facts[i], q)) is not None},
        frames={(i, q.start): frame for i, _, q in quoted
                if (frame := quotes_mod.framing_sentence(facts[i], q)) is not None},
    )
    outlook = summary_mod.merge_outlook(
        [(sid[i], st) for i in reports
         for st in _outlook(i, facts[i], actor_ids, story_actors, clock, quote_threshold)],
        idf,
        said=[s.text for s in summary], stated=[p.text for p in positions],
    )
    return Story(
        id=story_id,
        headline=head,
        summary=tuple(summary),
        actors=tuple(story_actors),
        positions=tuple(positions),
        figures=tuple(figures),
        quotes=tuple(quotes),
        outlook=tuple(outlook),
        matrix=tuple(matrix),
        sources=sort_sources(sid.values()),
        background=False,
    )


def _relayed(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotations with a source's layer folded into the speaker's: "Laut BBC News sagte der Minister,
    dass ..." is read twice, as BBC News's report (a "laut" record around the sentence, as the annotation
    has it) and as the minister's words; the briefing shows the minister's, relayed by BBC News, not the
    same words a second time under the medium's name."""
    # (the noun markers come after "nach": "nach Angaben der Polizei" is cued by "nach")
    markers = frozenset().union(*attribution_markers().values(), ["nach"])
    sources = [q for q in quotes if q.cue and q.cue.lower() in markers]
    if not sources:
        return list(quotes)

    def source_of(r: Quote) -> Quote | None:
        return next((q for q in sources if q is not r and q.start <= r.start and r.end <= q.end
                     and r.speaker_start is not None and r.speaker_name
                     and r.speaker_name != q.speaker_name and q.cue != r.cue), None)

    sourced = [(q, source_of(q)) for q in quotes]
    layers = {id(s) for _, s in sourced if s is not None}
    return [
        replace(q, relay_name=s.speaker_name) if s is not None and q.relay_name is None and s.speaker_name else q
        for q, s in sourced
        if id(q) not in layers
    ]


def _whole(f: ArticleFacts, q: Quote) -> Quote:
    """``q``, or its whole sentence when the reported words open right after a fronted source
    ("Nach seinen Angaben | sollen die zwölf Windräder ... liefern", "Laut dem Gutachten | brüten ..."):
    alone they start mid-sentence with the verb; the sentence names its source and reads whole. So does an
    infinitive clause with "zu" in a sentence that names its speaker ("Der Betriebsratsvorsitzende X warf dem
    Vorstand vor, | die Belegschaft erst aus der Presse informiert zu haben"), also when it opens with its object
    ("Das Ministerium kündigte an, | Hubschrauber zu schicken"): it has no subject of its own."""
    if q.kind != "indirect" or not q.text[:1].isalpha():
        return q
    sentence = next((s for s in f.sentences if s.start <= q.start < s.end), None)
    if sentence is None:
        return q
    before = f.article.text[sentence.start : q.start]
    opener = sentence.text.split(maxsplit=1)[0].lower() if sentence.text.split() else ""
    named_in_it = q.speaker_start is not None and sentence.start <= q.speaker_start < q.start and (
        opener not in word_set("personal_pronouns.txt"))
    if not ((q.text[:1].islower() and opens_after_fronted_source(before)) or (named_in_it and zu_infinitive(q.text))):
        return q
    return replace(q, text=sentence.text, start=sentence.start, end=max(q.end, sentence.end))



def _outlook(
    i: int,
    f: ArticleFacts,
    actor_ids: dict[tuple[int, str], str],
    actors: Sequence[StoryActor],
    clock: _Clock,
    threshold: Mapping[str, float],
) -> list[Statement]:
    """The article's outlook statements that still hold and stand alone.

    A statement of an article written before the event is overtaken when the story reports the outcome.
    A question (an interviewer's, or one the text asks) is left out. One that points back ("Man werde ...")
    is named by the speaker of the quotation it belongs to ("Macron: Man werde ..."), trimmed ("… werde
    ..."), or left out (:func:`context.stand_alone`); one that is part of a quotation and does not name its
    speaker gets the speaker in front.
    """
    if clock.has_outcome and clock.frames[i] == "preview":
        return []
    by_id = {a.id: a for a in actors}
    # (an indicative sentence merely carrying on someone's report, below the display threshold, is
    # nobody's: "…, sagte Al Thani. Die Gespräche sollen nächste Woche beginnen." names no one)
    sure = _sure(f, f.quotes, threshold)
    out = []
    for st in f.outlook:
        # An interviewer's question, or any question the text asks, says nothing about what comes next:
        # Ausblick states it ("Ob die USA mitziehen, dürfte sich erst zeigen.").
        if f.article.in_question(st.start) or st.text.rstrip(QUOTE_MARKS + " ").endswith("?"):
            continue
        speaker = None
        for q in sure:
            aid = actor_ids.get((i, q.speaker)) if q.speaker else None
            if aid and q.start < st.end and st.start < q.end:
                speaker = speaker_label(by_id[aid].name, by_id[aid].kind)
                break
        if speaker is None:  # an interview's answer is the interviewee's ("Roth: Ohne Geld vom Bund ...")
            answered = _answered(f.article, st)
            speaker = answered.text.split(": ", 1)[0] if answered is not st else None
        text = stand_alone(st.text, speaker)
        if text and speaker and text == st.text.strip() and not _names(text, speaker):
            text = f"{speaker}: {text}"  # reported speech ("Die Ukraine werde ...") is someone's: say whose
        if text:
            out.append(replace(st, text=text))
    return out


T = TypeVar("T", Position, Quote)


def _sure(f: ArticleFacts, items: Sequence[T], threshold: Mapping[str, float]) -> list[T]:
    """Positions or quotes without the sentences that merely carry someone's report on: reported speech whose
    speaker was named before its sentence is no position of that speaker unless its attribution is sure enough.
    In the indicative ("..., sagte sie. Bis Ende des Jahres sollen Gespräche beginnen.") that is the display
    threshold; a Konjunktiv continuation ("Man werde ...") stays when it is more likely right than wrong
    (:data:`POSITION_MIN_CONFIDENCE`: "Laut Pro Asyl drohen …" does not make "Die Regeln könnten dann Mitte 2027
    in Kraft treten", two sentences later, Pro Asyl's)."""
    unsure = []
    for q in f.quotes:
        if not _named_before(f, q):
            continue
        konjunktiv = konjunktiv_words(f.article.text, q.start, q.end, strong=True) > 0
        least = POSITION_MIN_CONFIDENCE if konjunktiv else threshold.get(q.kind, 0.0)
        if (q.confidence or 0.0) < least:
            unsure.append(q)
    if not unsure:
        return list(items)
    return [x for x in items if not any(
        q.start < x.end and x.start < q.end and getattr(x, "actor", q.speaker) == q.speaker for q in unsure)]


# The confidence from which a Konjunktiv continuation of someone's report counts as theirs: more likely right
# than wrong (the confidence model is a calibrated probability, quote_cv.py).
POSITION_MIN_CONFIDENCE = 0.5


class _CarriedReports:
    """The article's reported words whose speaker was named in a sentence before ("Karl Kopp sagte, … Die Menschen
    in den Lagern hätten davon nichts."), attributed surely enough to be shown as that speaker's words (the display
    threshold of their kind). A sentence inside one is not the day's fact as well: read alone in the summary, it
    would pass the speaker's claim off as the briefing's. Read once per article; each sentence is a look-up."""

    def __init__(self, f: ArticleFacts, threshold: Mapping[str, float]) -> None:
        spans = sorted((q.start, q.end) for q in f.quotes if q.speaker is not None
                       and (q.confidence or 0.0) >= threshold.get(q.kind, 0.0) and _named_before(f, q))
        self.starts = [b for b, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))  # the furthest end so far

    def holds(self, s: Statement) -> bool:
        """Does one of the reported quotations cover the sentence ``s``?"""
        k = bisect.bisect_right(self.starts, s.start + _EDGE)
        return k > 0 and self.reach[k - 1] >= s.end - _EDGE


# Characters a quotation's span may fall short of its sentence's at either end (a mark, the final stop).
_EDGE = 2


def _named_before(f: ArticleFacts, q: Quote) -> bool:
    """Is ``q`` reported speech whose speaker was named before its sentence?"""
    if q.kind != "indirect" or q.confidence is None or q.speaker_start is None or q.speaker_start >= q.start:
        return False
    sentence = next((s for s in f.sentences if s.start <= q.start < s.end), None)
    return sentence is not None and q.speaker_start < sentence.start


def _not_asked(f: ArticleFacts, items: Sequence[T]) -> list[T]:
    """Positions or quotes outside an interviewer's questions: a question states no one's position."""
    return [x for x in items if not f.article.in_question(x.start)]


def _not_answered(items: Sequence[T], answers: Sequence[Quote]) -> list[T]:
    """Positions or quotations outside the interview answers quoted as the interviewee's words (``answers``):
    "Peking hat sich bereit erklärt, …" in an expert's answer is the expert's account, shown once as their
    quotation, not as China's position or words beside it."""
    if not answers:
        return list(items)
    return [x for x in items if not any(q.start <= x.start < q.end for q in answers)]


def _answered(article: Article, st: Statement) -> Statement:
    """A sentence of an interview's answer names who says it ("Roth: Ohne Geld vom Bund ..."): out of the
    interview, an answer read as a plain sentence would state the interviewee's view as fact."""
    turn = next((t for t in article.turns if t.kind == "answer" and t.start <= st.start < t.end), None)
    label = speaker_label(turn.speaker, "person") if turn and turn.speaker else None
    if not label or _names(st.text, label) or st.text.startswith(f"{label}:"):
        return st
    return replace(st, text=f"{label}: {st.text.strip()}")


def _answered_figure(article: Article, f: Figure) -> Figure:
    """A figure from an interview's answer: its sentence with the interviewee named (see :func:`_answered`)."""
    if not article.turns:
        return f
    st = _answered(article, Statement(f.context, f.start, f.end))
    return f if st.text == f.context else replace(f, context=st.text)


def _names(text: str, speaker: str) -> bool:
    """Does ``text`` name ``speaker`` (a quotation that names its speaker needs no prefix)?"""
    return re.search(rf"\b{re.escape(speaker)}\b", text) is not None


class _Clock:
    """The time frames of a story's articles: which were written before the event, which after it."""

    def __init__(self, members: Sequence[int], facts: Sequence[ArticleFacts]) -> None:
        self.published = {i: _published(facts[i]) for i in members}
        self.frames = {
            i: timeframe.article_frame(
                timeframe.frame(s.text, self.published[i], tense=False) for s in facts[i].sentences
            )
            for i in members
        }
        self.has_outcome = any(f == "outcome" for f in self.frames.values())

    def overtaken(self, article: int, text: str) -> bool:
        """Does the story's outcome overtake this statement of ``article`` (tense aside: a promise made
        after the event is future too)?"""
        ahead, behind = timeframe.evidence(text, self.published[article], tense=False)
        return timeframe.overtaken(ahead, behind, False, self.frames[article], self.has_outcome)


def _published(f: ArticleFacts) -> date | None:
    """The article's day of publication, when ingest knows it to the day."""
    if not f.article.date or f.article.date_precision != "day":
        return None
    try:
        return date.fromisoformat(f.article.date)
    except ValueError:
        return None


def _centroid(vecs: Sequence[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for v in vecs:
        for t, x in v.items():
            total[t] = total.get(t, 0.0) + x
    norm = sum(x * x for x in total.values()) ** 0.5 or 1.0
    return {t: x / norm for t, x in sorted(total.items())}


__all__ = ["assemble"]
