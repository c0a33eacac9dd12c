"""Positions of a story ("Positionen"): what each country or bloc wants, rejects, promises.

Each extracted position is filed under its actor's country (the actor itself
for a country, else its affiliation).  The same statement from several sources
is merged (near-identical wording) with all sources.  The sentences carrying
the quotes of a country's speakers are positions too (a quoted statement is the
speaker's position); they rank after extracted positions with as many sources.
Countries are ordered by how many sources report their positions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.assemble.summary import needs_context
from briefing.assemble.text import containment, fold, sort_sources, source_sort_key, words
from briefing.models import MatrixCell, Position, Quote, Statement, StoryActor, StoryPosition

# Two statements filed under one country whose words overlap this much say the same.
SAME_STATEMENT = 0.8
# At most this many positions per country, most confirmed first.
MAX_PER_COUNTRY = 4
# A position shorter than this (in words), or starting mid-sentence, is a fragment: the whole source
# sentence that contains it is shown instead.
MIN_POSITION_WORDS = 6


@dataclass(frozen=True)
class PositionRef:
    source: str
    actor: str  # story actor id
    text: str
    start: int
    stance: str | None = None
    issue: str | None = None


def country_of(actor: StoryActor) -> str | None:
    """The country or bloc an actor speaks for: itself if a country, else its affiliation."""
    if actor.kind == "country":
        return actor.name
    return actor.affiliation or (actor.name if actor.kind == "organization" else None)


def sentence_of(sentences: Sequence[Statement], start: int, end: int, text: str) -> str | None:
    """The source sentence that contains the span start..end (the span itself if none does)."""
    for s in sentences:
        if s.start <= start and end <= s.end:
            return s.text.strip()
    for s in sentences:
        if s.start <= start < s.end:
            return s.text.strip()
    return None


def position_refs(
    article: int,
    source: str,
    positions: Sequence[Position],
    sentences: Sequence[Statement],
    actor_ids: dict[tuple[int, str], str],
) -> list[PositionRef]:
    """One article's positions, with story actor ids (positions of unknown actors are dropped)."""
    out = []
    for p in positions:
        aid = actor_ids.get((article, p.actor))
        text = p.text.strip()
        if len(text.split()) < MIN_POSITION_WORDS or not text[:1].isupper():
            text = sentence_of(sentences, p.start, p.end, text) or text
        if aid and text:
            out.append(PositionRef(source, aid, text, p.start, p.stance, p.issue))
    return out


def quote_position_refs(
    article: int,
    source: str,
    quotes: Sequence[Quote],
    sentences: Sequence[Statement],
    actor_ids: dict[tuple[int, str], str],
) -> list[PositionRef]:
    """Candidate positions from the sentences that carry an actor's quotes."""
    out = []
    for q in quotes:
        aid = actor_ids.get((article, q.speaker)) if q.speaker else None
        text = sentence_of(sentences, q.start, q.end, q.text) if aid else None
        if aid and text:
            out.append(PositionRef(source, aid, text, q.start, "states", None))
    return out


def merge_positions(
    refs: Sequence[PositionRef], quote_refs: Sequence[PositionRef], actors: Sequence[StoryActor]
) -> tuple[list[StoryPosition], list[MatrixCell]]:
    """Merge position statements by country; return positions (grouped by country) and the matrix."""
    by_id = {a.id: a for a in actors}
    groups: dict[str, list[dict]] = defaultdict(list)
    labels: dict[str, str] = {}
    for r, from_quote in [(r, False) for r in refs] + [(r, True) for r in quote_refs]:
        country = country_of(by_id[r.actor])
        if not country:
            continue
        key = fold(country)
        labels.setdefault(key, country)
        ws = words(r.text)
        entries = groups[key]
        hit = next((e for e in entries if containment(e["words"], ws) >= SAME_STATEMENT), None)
        if hit is None:
            entries.append(
                {"ref": r, "words": ws, "sources": {r.source}, "order": (source_sort_key(r.source), r.start),
                 "from_quote": from_quote}
            )
        else:
            hit["sources"].add(r.source)
            hit["from_quote"] = hit["from_quote"] and from_quote
            if len(ws) > len(hit["words"]):
                stance = hit["ref"].stance if hit["ref"].stance not in (None, "states") else r.stance
                hit["ref"] = PositionRef(r.source, r.actor, r.text, r.start, stance, hit["ref"].issue or r.issue)
                hit["words"] = ws
    countries = sorted(
        groups,
        key=lambda k: (
            -len(set().union(*(e["sources"] for e in groups[k]))),
            -len(groups[k]),
            min(e["order"] for e in groups[k]),
            k,
        ),
    )
    positions: list[StoryPosition] = []
    matrix: list[MatrixCell] = []
    for k in countries:
        # A sentence that opens by pointing back ("Das erklärte ...") says little on its own: it comes last.
        entries = sorted(
            groups[k], key=lambda e: (needs_context(e["ref"].text), -len(e["sources"]), e["from_quote"], e["order"])
        )
        seen_issues: set[str] = set()
        for e in entries[:MAX_PER_COUNTRY]:
            r = e["ref"]
            srcs = sort_sources(e["sources"])
            positions.append(StoryPosition(r.actor, r.text, srcs, country=labels[k], stance=r.stance, issue=r.issue))
            if r.issue and fold(r.issue) not in seen_issues:
                seen_issues.add(fold(r.issue))
                matrix.append(MatrixCell(labels[k], r.issue, r.stance or "states", r.text, srcs))
    return positions, matrix
