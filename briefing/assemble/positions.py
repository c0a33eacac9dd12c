"""Positions of a story ("Positionen"): what each country or bloc wants, rejects, promises.

Each extracted position is filed under its actor's country (the actor itself
for a country, else its affiliation).  The same statement from several sources
is merged (near-identical wording) with all sources.  The sentences carrying
the quotes of a country's speakers are positions too (a quoted statement is the
speaker's position); they rank after extracted positions with as many sources.
Countries are ordered by how many sources report their positions.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.assemble.context import points_back, speaker_label, stand_alone
from briefing.assemble.quotes import SAME_WORDING
from briefing.assemble.text import containment, fold, lexicon, sort_sources, source_sort_key, words
from briefing.extract.actors import in_regions, quote_regions
from briefing.extract.actors import lexicon as actor_lexicon
from briefing.extract.positions import NARRATION_SEPARATORS
from briefing.lang.de import country_name
from briefing.models import MatrixCell, Position, Quote, Statement, StoryActor, StoryPosition

# Two statements filed under one country whose words overlap this much say the same.
SAME_STATEMENT = 0.8
# At most this many positions per country, named speakers first, then most confirmed.
MAX_PER_COUNTRY = 4
# The stances the country x issue table shows: what the text says clearly ("states" says only that
# someone spoke).
CLEAR_STANCES = frozenset({"wants", "rejects", "demands", "promises", "holds_back", "supports", "conditional", "open"})
# The table is left out when it would say little: fewer cells or countries than these.
MIN_MATRIX_CELLS = 4
MIN_MATRIX_COUNTRIES = 2
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
    overtaken: bool = False  # written before the event the story reports (timeframe.overtaken)


# A role that names its organisation by its acronym ("GDL-Chef", "DGB-Vorsitzende", "ADAC-Sprecher").
_ROLE_ACRONYM = re.compile(r"^([A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5})-[A-ZÄÖÜ]")


# Words between a framing preposition and the issue it frames ("nach einem Frieden oder Waffenstillstand").
MAX_FRAME_GAP_WORDS = 3


@functools.cache
def _frame_re() -> re.Pattern[str]:
    preps = sorted((fold(p) for p in lexicon("frame_prepositions.txt")), key=lambda p: (-len(p), p))
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, preps))})\s+(?:\S+\s+){{0,{MAX_FRAME_GAP_WORDS}}}$")


def frame_only(text: str, issue: str) -> bool:
    """Is ``issue`` named in ``text`` only as the statement's time or condition ("nach einem ...
    Waffenstillstand", ``frame_prepositions.txt``)? False when the text does not name it as written."""
    key = fold(issue).strip()
    folded = fold(text)
    spots = [m.start() for m in re.finditer(rf"\b{re.escape(key)}", folded)] if key else []
    return bool(spots) and all(_frame_re().search(folded[max(0, i - 80) : i]) for i in spots)


def country_of(actor: StoryActor) -> str | None:
    """The country, bloc or organisation an actor speaks for: itself if a country, else its affiliation,
    else the organisation its role names by acronym ("GDL-Chef Tobias Lenz" speaks for the GDL: on a day of
    domestic news, the sides are organisations, not countries), else a person's party."""
    if actor.kind == "country":
        return actor.name
    if actor.affiliation or actor.kind == "organization":
        return actor.affiliation or party_label(actor.name, actor.party_country)
    m = _ROLE_ACRONYM.match((actor.role or "").strip())
    if m and actor.kind == "person":
        return m.group(1)
    # a politician known by party alone ("Matthias Gastel (Grüne)", "die Grünen … sagte der Sprecher …")
    return party_label(actor.party, actor.party_country) if actor.kind == "person" and actor.party else None


def group_owners(actors: Sequence[StoryActor]) -> dict[str, str]:
    """A party's parliamentary group -> the party's heading: the story's organisations that are a party's
    group ("Grünen-Fraktion", affiliated to "Grüne") file their members' statements under the party, so "der
    Sprecher der Grünen-Fraktion" and "Die Grünen kritisierten …" stand under one heading."""
    lex = actor_lexicon()
    return {a.name: party_label(a.affiliation, a.party_country) for a in actors
            if a.kind == "organization" and a.org_type == "party" and a.affiliation
            and a.affiliation != a.name and lex.party_candidates(a.affiliation)}


def party_label(party: str, country: str | None) -> str:
    """The heading of a party's statements: its name, with its country for a name parties of several
    countries bear ("Grüne (Österreich)" beside "Grüne (Schweiz)"); the name alone for any other."""
    if country and len(actor_lexicon().party_candidates(party)) > 1:
        return f"{party} ({country})"
    return party


def _party_of(label: str) -> str:
    """The party a heading names ("Grüne (Österreich)" -> "Grüne"; any other heading as it is)."""
    name, _, country = label.partition(" (")
    return name if country and len(actor_lexicon().party_candidates(name)) > 1 else label


def sentence_of(sentences: Sequence[Statement], start: int, end: int, text: str) -> str | None:
    """The source sentence that contains the span start..end (the span itself if none does)."""
    for s in sentences:
        if s.start <= start and end <= s.end:
            return s.text.strip()
    for s in sentences:
        if s.start <= start < s.end:
            return s.text.strip()
    return None


# Where the main clause of a further subject opens inside a sentence: after a comma, with or without a
# conjunction (", Paris will ...", ", und Paris will ...").
_CLAUSE_OPENING = re.compile(r",(?:\s*(?:und|aber|doch|sondern))?$")


def own_clause(sentences: Sequence[Statement], start: int, text: str) -> bool:
    """Is ``text`` (at ``start``) a main clause of its own that the extractor cut from a sentence of several
    subjects' clauses, each with its own verb ("Berlin will verhandeln, Paris will zurückschlagen")?  It has
    a subject and a verb, so it is no fragment however short: it opens the sentence and a comma follows, or
    it follows a comma (and a conjunction) and a comma follows or the sentence ends with it."""
    if not text[:1].isupper():
        return False
    s = next((s for s in sentences if s.start <= start < s.end), None)
    if s is None:
        return False
    at = start - s.start
    before, after = s.text[:at].rstrip(), s.text[at + len(text):].strip()
    if not before:
        return after.startswith(",")
    return bool(_CLAUSE_OPENING.search(before)) and (after.startswith(",") or not after)


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
            whole = sentence_of(sentences, p.start, p.end, text)
            if whole and own_clause(sentences, p.start, text):
                text = text if text.endswith((".", "!", "?")) else text + "."
            else:
                text = whole or text
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
        if not (aid and text):
            continue
        if q.kind == "direct" and not _names_speaker(sentences, q):
            continue  # the sentence that names the speaker carries the position, not this one
        out.append(PositionRef(source, aid, _after_narration(sentences, q) or text, q.start, "states", None))
    return out


def _after_narration(sentences: Sequence[Statement], q: Quote) -> str | None:
    """The clause of the quote's speaker when its sentence opens with narration before a colon or semicolon
    ("Ganz anders Berlin: Kanzler Merz sprach von einem Fehler." -> "Kanzler Merz sprach ..."), as the
    extracted positions cut it (:data:`NARRATION_SEPARATORS`); None when there is nothing to cut."""
    if q.speaker_start is None:
        return None
    s = next((s for s in sentences if s.start <= q.start < s.end and s.start <= q.speaker_start < s.end), None)
    if s is None:
        return None
    head = s.text[: q.speaker_start - s.start]
    regions = quote_regions(s.text)
    cut = max((k for k, c in enumerate(head) if c in NARRATION_SEPARATORS and not in_regions(k, regions)),
              default=-1)
    rest = s.text[cut + 1 :].strip()
    return rest if cut >= 0 and rest[:1].isupper() else None


def _names_speaker(sentences: Sequence[Statement], q: Quote) -> bool:
    """Does the sentence holding the quote also hold its speaker's mention (True when unknown where)?"""
    if q.speaker_start is None:
        return True
    for s in sentences:
        if s.start <= q.start < s.end:
            return s.start <= q.speaker_start < s.end
    return False


def merge_positions(
    refs: Sequence[PositionRef], quote_refs: Sequence[PositionRef], actors: Sequence[StoryActor]
) -> tuple[list[StoryPosition], list[MatrixCell]]:
    """Merge position statements into stances; return positions (grouped by country) and the matrix.

    One entry per actor and issue: every statement of one speaker on one issue, from any source, is one
    stance with all its sources, worded by the statement that covers the others best.  A statement without
    an issue joins an entry of the same speaker that says the same.  The same sentence filed under a
    country and under its named speaker ("Russland kritisierte ... über die Sprecherin ... Sacharowa") is the
    speaker's.  A statement that points back ("Man werde ...") is named ("Macron: Man werde ...") or trimmed
    (:func:`context.stand_alone`), or left out when it cannot stand alone.
    """
    by_id = {a.id: a for a in actors}
    groups: dict[str, list[_Stance]] = defaultdict(list)
    labels: dict[str, str] = {}
    owners = group_owners(actors)
    filed = _party_filing(by_id, [r.actor for r in refs] + [r.actor for r in quote_refs], owners)
    for r, from_quote in [(r, False) for r in refs] + [(r, True) for r in quote_refs]:
        country = filed.get(r.actor) or _heading(by_id[r.actor], owners)
        if not country:
            continue
        key = fold(country)
        labels.setdefault(key, country)
        ws = words(r.text)
        entries = groups[key]
        issue = fold(r.issue) if r.issue else None
        # One speaker's statements on one issue are one position, unless they take different clear stances
        # ("will" and "hält sich zurück" stay apart).
        hit = next((e for e in entries if e.actor == r.actor and issue and e.issue_key == issue
                    and _compatible(e.stance, r.stance)), None)
        if hit is None:
            hit = next((e for e in entries if (e.actor == r.actor or _is_group(by_id[e.actor], key)
                                               or _is_group(by_id[r.actor], key))
                        and (not issue or not e.issue_key or issue == e.issue_key)
                        and any(containment(w, ws) >= SAME_STATEMENT for w in e.words)), None)
        if hit is None and (quoted := _quoted_words(r.text)):
            # One quotation in two wordings ("Das ist ein guter Tag für unsere Fahrgäste ..." / "Heute ist
            # ein guter Tag für die Fahrgäste ..."): the speaker's one stance, as Stimmen shows it.
            hit = next((e for e in entries if e.actor == r.actor
                        and any(_same_quotation(quoted, _quoted_words(x.text)) for x in e.refs)), None)
        if hit is None:
            entries.append(_Stance(r.actor, issue, [r], [ws], {r.source}, (source_sort_key(r.source), r.start),
                                   from_quote))
            continue
        hit.add(r, ws, from_quote)
        if _is_group(by_id[hit.actor], key) and not _is_group(by_id[r.actor], key):
            hit.actor = r.actor  # the named speaker states what the country's (party's) sentence says
    countries = sorted(
        groups,
        key=lambda k: (
            -len(set().union(*(e.sources for e in groups[k]))),
            -len(groups[k]),
            min(e.order for e in groups[k]),
            k,
        ),
    )
    positions: list[StoryPosition] = []
    matrix: list[MatrixCell] = []
    for k in countries:
        shown = []
        for e in groups[k]:
            actor = by_id[e.actor]
            owner_shown = actor.kind == "person" and bool({labels[k], _party_of(labels[k])} & {
                actor.party, actor.affiliation}) and country_name(labels[k]) is None
            text, ref = e.wording(speaker_label(actor.name, actor.kind) if actor.kind != "country" else None,
                                  owner_shown=owner_shown)
            if text is not None and ref is not None:
                shown.append((e, text, ref))
        # A country's position is stated by its people and institutions: named speakers first.
        # What they want, reject, promise or leave open comes before what they merely said, and a statement
        # on one of the day's issues before one on none; what the day's outcome overtook comes last.
        shown.sort(key=lambda x: (by_id[x[0].actor].kind == "country", all(r.overtaken for r in x[0].refs),
                                  x[2].stance not in CLEAR_STANCES, x[0].issue_key is None, -len(x[0].sources),
                                  x[0].from_quote, x[0].order))
        shown = _introduced_first(shown, {e.actor: speaker_label(by_id[e.actor].name, by_id[e.actor].kind)
                                          for e, _, _ in shown})
        for e, text, ref in shown[:MAX_PER_COUNTRY]:
            srcs = sort_sources(e.sources)
            issue = next((r.issue for r in e.refs if r.issue), None)
            positions.append(StoryPosition(e.actor, text, srcs, country=labels[k], stance=ref.stance, issue=issue))
        for issue_key in dict.fromkeys(e.issue_key for e, _, _ in shown if e.issue_key):
            clear = [(e, t, r) for e, t, r in shown if e.issue_key == issue_key and r.stance in CLEAR_STANCES
                     and not frame_only(t, next((x.issue for x in e.refs if x.issue), "") or "")]
            if clear:
                e, text, ref = clear[0]
                issue = next(r.issue for r in e.refs if r.issue)
                matrix.append(MatrixCell(labels[k], issue, ref.stance or "states", text, sort_sources(e.sources)))
    # The table repeats the positions; it is worth its room only when it compares several countries.
    if len(matrix) < MIN_MATRIX_CELLS or len({c.country for c in matrix}) < MIN_MATRIX_COUNTRIES:
        matrix = []
    return positions, matrix


# A story whose statements are filed under at least this many parties is a debate between parties.
MIN_DEBATE_PARTIES = 2


def _heading(actor: StoryActor, owners: dict[str, str]) -> str | None:
    """The heading an actor's statements stand under: :func:`country_of`, a party's group read as the party."""
    own = country_of(actor)
    return owners.get(own, own) if own else None


def _party_filing(by_id: dict[str, StoryActor], speakers: Sequence[str],
                  owners: dict[str, str] | None = None) -> dict[str, str]:
    """Speakers to file under their party instead of their country: in a debate between a country's parties
    (statements filed under two of them or more), a politician of one of them whose country is the party's
    ("Gesundheitsministerin Judith Gerlach (CSU)" among the Grünen, the SPD and the AfD) is one side of it.
    Not when another country or a bloc states a position in the story: then the minister speaks for the
    country ("Deutschland" beside "EU" and "UN"), and only the parties' own statements stand under them."""
    lex = actor_lexicon()
    owners = owners or {}
    keys = {_heading(by_id[a], owners) for a in set(speakers)}
    debated = {_party_of(k) for k in keys if k and lex.party_candidates(_party_of(k))}
    if len(debated) < MIN_DEBATE_PARTIES:
        return {}
    countries = {c for k in debated for c in lex.party_candidates(k)}  # (a name several countries' parties bear: all)
    if any(k and k not in countries and country_name(k) for k in keys):
        # Another country or a bloc states a position too ("EU", "UN", "Jordanien"): the story is between
        # countries, and a country's minister speaks for it; the parties' own statements keep their headings.
        return {}
    out = {}
    for a in set(speakers):
        actor = by_id[a]
        own = _heading(actor, owners)
        if actor.kind == "person" and actor.party and own in lex.party_candidates(actor.party) and own in countries:
            out[a] = party_label(actor.party, actor.party_country)
    return out


def _is_group(actor: StoryActor, key: str) -> bool:
    """Is the actor the group its statements are filed under: the country, or the party or organisation
    that names the group ("SPD" under "SPD")?"""
    return actor.kind == "country" or fold(actor.name) in (key, key.split(" (", 1)[0])  # ("grune (osterreich)")


def _compatible(a: str | None, b: str | None) -> bool:
    """Can two statements of one speaker on one issue be one position? Not with two different clear stances."""
    return a == b or a not in CLEAR_STANCES or b not in CLEAR_STANCES


_QUOTATION_RE = re.compile(r"[„“\"»]([^„“”\"»«]{12,})[“”\"«]")


@functools.lru_cache(maxsize=4096)
def _quoted_words(text: str) -> tuple[str, ...]:
    """The words of the quotations in ``text`` (empty when it quotes nothing); asked once per statement
    and again for each later statement of the same speaker."""
    return tuple(w for m in _QUOTATION_RE.finditer(text) for w in words(m.group(1)))


def _same_quotation(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Are ``a`` and ``b`` (quoted words) two wordings of one quotation, by Stimmen's measure?"""
    short, long = sorted((a, b), key=len)
    return bool(short) and containment(short, long) >= SAME_WORDING


# A statement as a heading shows it: the merged stance, its wording, the reference the wording comes from.
_Shown = tuple["_Stance", str, PositionRef]


def _introduced_first(shown: list[_Shown], labels: dict[str, str | None]) -> list[_Shown]:
    """The order of a heading's statements, with a speaker's continuation that does not name them (shown as
    "Hofbauer: Österreich habe sich versteckt …", carried on from the sentence before) after the statement of
    the same speaker and report that comes before it in the text ("Umweltsprecherin Lena Hofbauer warf Leitner
    vor, …", which names them): read the other way round, the prefix names someone not introduced yet. The
    introducing statement moves up to the continuation's rank."""
    pending = list(shown)
    out: list[_Shown] = []
    while pending:
        e = pending.pop(0)
        label = labels.get(e[0].actor)
        if label and not _names_in_text(e[1], label):  # (shown as "Hofbauer: …")
            before = [f for f in pending if f[0].actor == e[0].actor and f[0].order[0] == e[0].order[0]
                      and f[0].order < e[0].order and _names_in_text(f[1], label)]
            if before:
                first = min(before, key=lambda f: f[0].order)
                pending.remove(first)
                pending[:0] = [first, e]
                continue
        out.append(e)
    return out


def _names_in_text(text: str, label: str) -> bool:
    """Does the statement name its speaker in its own words (not only by a marked prefix "Macron: …")?"""
    return label in text and not text.startswith(f"{label}: ")


@dataclass
class _Stance:
    """One actor's statements on one issue, merged across sources."""

    actor: str
    issue_key: str | None
    refs: list[PositionRef]
    words: list[list[str]]
    sources: set[str]
    order: tuple[int, int]
    from_quote: bool
    reported: list[int] = field(default_factory=list)  # per wording: how many reports give it

    def __post_init__(self) -> None:
        self.reported = self.reported or [1] * len(self.refs)

    @property
    def stance(self) -> str | None:
        """The clear stance of its statements, if one has it."""
        return next((r.stance for r in self.refs if r.stance in CLEAR_STANCES), self.refs[0].stance)

    def add(self, r: PositionRef, ws: list[str], from_quote: bool) -> None:
        self.sources.add(r.source)
        self.from_quote = self.from_quote and from_quote
        if self.issue_key is None and r.issue:
            self.issue_key = fold(r.issue)
        same = next((k for k, w in enumerate(self.words) if containment(w, ws) >= SAME_STATEMENT), None)
        if same is None or len(ws) > len(self.words[same]):
            self.refs.append(r)
            self.words.append(ws)
            self.reported.append(1 if same is None else self.reported[same] + 1)
        else:
            self.reported[same] += 1
        self.order = min(self.order, (source_sort_key(r.source), r.start))

    def wording(self, speaker: str | None, *, owner_shown: bool = False) -> tuple[str | None, PositionRef | None]:
        """The statement that covers the others best and stands alone (resolved or trimmed if need be);
        ``owner_shown``: the heading it is filed under is the speaker's party or organisation."""
        def coverage(i: int) -> float:
            return sum(containment(self.words[j], self.words[i]) for j in range(len(self.refs)) if j != i)

        # A wording from after the event, then one that states the stance, then the one most reports give,
        # else the one that covers the others best.
        ranked = sorted(range(len(self.refs)), key=lambda i: (
            points_back(self.refs[i].text), self.refs[i].overtaken, self.refs[i].stance not in CLEAR_STANCES,
            -self.reported[i],
            -coverage(i), -len(self.words[i]),
            source_sort_key(self.refs[i].source), self.refs[i].start))
        for i in ranked:
            text = stand_alone(self.refs[i].text, speaker, owner_shown=owner_shown)
            if text:
                return text, self.refs[i]
        return None, None
