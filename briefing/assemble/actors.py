"""Merge the actors of a story's articles into one list, each actor once.

Persons are the same when :mod:`briefing.lang.names` says so (the matcher extraction
uses too): their surnames match after transliteration folding (Selenskyj/Selenskij,
Sacharowa) - exactly or within one edit for longer names - and their first names are
compatible (equal after folding, one edit apart as in Wolodymyr/Wolodmyr, an initial,
or missing).  A surname-only mention joins the most mentioned full name it fits.
Organisations and countries merge by folded name or shared alias.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.assemble.text import fold, sort_sources, source_sort_key
from briefing.lang.names import first_names_match, same_person, split_name, surname_key, surnames_match
from briefing.models import Actor, StoryActor


def name_key(actor: Actor) -> str:
    """Grouping key: the transliterated last surname word of a person, the folded name otherwise."""
    if actor.kind == "person":
        return surname_key(actor.name)
    return fold(actor.name).strip()


@dataclass(frozen=True)
class ActorRef:
    """One article's actor, with the source it comes from."""

    article: int  # index of the article in the day
    source: str  # source id (S1 ...)
    actor: Actor


def _group_persons(refs: Sequence[ActorRef]) -> list[list[int]]:
    parent = list(range(len(refs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        parent[max(ri, rj)] = min(ri, rj)

    split = [split_name(r.actor.name) for r in refs]
    keys = [name_key(r.actor) for r in refs]
    full = [i for i in range(len(refs)) if split[i][0]]
    single = [i for i in range(len(refs)) if not split[i][0]]
    # Bucket by the key's first letters: only names that could match are compared.
    buckets: dict[str, list[int]] = defaultdict(list)
    for i in full:
        buckets[keys[i][:2]].append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if surnames_match(keys[i], keys[j]) and first_names_match(split[i][0], split[j][0]):
                    union(i, j)
    mentions: Counter[int] = Counter()
    for i in full:
        mentions[find(i)] += max(1, len(refs[i].actor.mentions))
    for i in single:
        fits = sorted(
            {find(j) for j in buckets.get(keys[i][:2], []) if surnames_match(keys[i], keys[j])},
            key=lambda root: (-mentions[root], root),
        )
        if fits:
            union(i, fits[0])
    # Surname-only mentions that fit no full name still merge with each other.
    by_key: dict[str, int] = {}
    for i in single:
        if find(i) == i:
            if keys[i] in by_key:
                union(i, by_key[keys[i]])
            else:
                by_key[keys[i]] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(refs)):
        groups[find(i)].append(i)
    return list(groups.values())


def _group_others(refs: Sequence[ActorRef]) -> list[list[int]]:
    """Organisations and countries by folded name or shared alias, within one owner: the Russian and the
    Ukrainian "Außenministerium" are two actors, and so are the German and the Austrian "Grüne"."""
    groups: list[list[int]] = []
    by_name: dict[str, int] = {}
    for i, r in enumerate(refs):
        owner_name = r.actor.party_country if r.actor.affiliation in (None, r.actor.name) else r.actor.affiliation
        # (the Austrian and the Swiss "Grüne" are two parties)
        owner = "" if r.actor.kind == "country" or not owner_name else "|" + fold(owner_name)
        names = [fold(r.actor.name).strip() + owner] + [fold(a).strip() + owner for a in r.actor.aliases]
        hit = next((by_name[n] for n in names if n in by_name), None)
        if hit is None:
            hit = len(groups)
            groups.append([])
        groups[hit].append(i)
        for n in names:
            by_name.setdefault(n, hit)
    return groups


def _most_common(values: Sequence[str | None]) -> str | None:
    """Most frequent non-empty value; ties go to the longest (most specific), then alphabetical."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return sorted(counts, key=lambda v: (-counts[v], -len(v), v))[0]


def _canonical_name(refs: Sequence[ActorRef]) -> str:
    """The fullest name form, most often seen (in most sources), ties alphabetical."""
    counts: Counter[str] = Counter()
    sources: dict[str, set[str]] = defaultdict(set)
    for r in refs:
        counts[r.actor.name] += max(1, len(r.actor.mentions))
        sources[r.actor.name].add(r.source)
    return sorted(counts, key=lambda n: (-len(n.split()), -len(sources[n]), -counts[n], n))[0]


def merge_actors(refs: Sequence[ActorRef], id_prefix: str) -> tuple[list[StoryActor], dict[tuple[int, str], str]]:
    """Merge a story's actor references into StoryActors ordered by prominence.

    Args:
        refs: every actor of every article in the story, in source order.
        id_prefix: prefix that makes ids unique in the briefing ("T1" -> "T1-A1").

    Returns:
        The merged actors and a map (article index, local actor id) -> story actor id.
    """
    persons = [r for r in refs if r.actor.kind == "person"]
    others = [r for r in refs if r.actor.kind != "person"]
    merged = []
    for part, groups in ((persons, _group_persons(persons)), (others, _group_others(others))):
        for g in groups:
            members = [part[i] for i in g]
            name = _canonical_name(members)
            seen = {m.actor.name for m in members} | {a for m in members for a in m.actor.aliases}
            kinds = Counter(m.actor.kind for m in members)
            merged.append(
                (
                    members,
                    StoryActor(
                        id="",
                        name=name,
                        kind=sorted(kinds, key=lambda k: (-kinds[k], k))[0],
                        role=_most_common([m.actor.role for m in members]),
                        affiliation=_most_common([m.actor.affiliation for m in members]),
                        aliases=tuple(sorted((a for a in seen if a != name), key=lambda a: (fold(a), a))),
                        mentions=sum(max(1, len(m.actor.mentions)) for m in members),
                        sources=sort_sources(m.source for m in members),
                        party=_most_common([m.actor.party for m in members]),
                        org_type=_most_common([m.actor.org_type for m in members]),
                        party_country=_most_common([m.actor.party_country for m in members]),
                    ),
                )
            )
    merged.sort(
        key=lambda ma: (
            -len(ma[1].sources),
            -ma[1].mentions,
            min(source_sort_key(s) for s in ma[1].sources),
            fold(ma[1].name),
            ma[1].name,
        )
    )
    merged = _party_countries_told(merged)
    actors = []
    ids: dict[tuple[int, str], str] = {}
    for n, (members, actor) in enumerate(merged, 1):
        aid = f"{id_prefix}-A{n}"
        actors.append(_with_id(actor, aid))
        for m in members:
            ids[(m.article, m.actor.id)] = aid
    return actors, ids


def _party_countries_told(merged: list[tuple[list[ActorRef], StoryActor]]) -> list[tuple[list[ActorRef], StoryActor]]:
    """Keep a party's country (``party_country``) only where the story needs it to tell two parties of one
    name apart (the German, the Austrian and the Swiss "Grüne"); on a day of one country's Greens the name
    says enough."""
    from dataclasses import replace

    def party_of(a: StoryActor) -> str | None:
        return a.name if a.kind == "organization" else a.party

    seen: dict[str, set[str | None]] = defaultdict(set)
    for _, a in merged:
        party = party_of(a)
        if party and (a.party_country or a.kind == "person" or a.org_type == "party"):
            seen[fold(party)].add(a.party_country)
    return [(m, a if not a.party_country or len(seen[fold(party_of(a) or "")]) > 1 else replace(a, party_country=None))
            for m, a in merged]


def _with_id(actor: StoryActor, aid: str) -> StoryActor:
    from dataclasses import replace

    return replace(actor, id=aid)


def find_actor(actors: Sequence[StoryActor], name: str | None) -> str | None:
    """Id of the story actor a free-text name (a quote's resolved speaker) refers to, if any."""
    if not name:
        return None
    key = fold(name).strip()
    for a in actors:
        if key == fold(a.name) or key in (fold(x) for x in a.aliases):
            return a.id
    for a in actors:
        if a.kind == "person" and same_person(name, a.name):
            return a.id
    short = _BRACKETED_SHORT_NAME.search(name)
    if short is not None:  # "Vereinigung der Kleinaktionäre (VdK)": the body the text then names by its short name
        return find_actor([a for a in actors if a.kind != "person"], short.group(1))
    return None


# A short name in brackets at the end of a name: "Verband der Kleinaktionäre (VdK)".
_BRACKETED_SHORT_NAME = re.compile(r"\S\s*\(([A-ZÄÖÜ][\w-]*)\)\Z")
