"""Frozen records that travel between the stages, with a JSON round-trip.

ingest   -> Article
extract  -> ArticleFacts (plain records with character offsets into Article.text)
assemble -> Briefing (the public JSON contract of ``../shared/eval/README.md`` §2)

Records are frozen dataclasses whose fields are JSON-friendly (str, int, float,
bool, None, tuples of those or of other records).  ``to_dict`` / ``from_dict``
convert them; tuples become lists in JSON and back.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, get_origin, get_type_hints

T = TypeVar("T")

ActorKind = Literal["person", "organization", "country"]
QuoteKind = Literal["direct", "indirect"]


# ---------------------------------------------------------------- generic JSON


def to_dict(obj: Any) -> Any:
    """Convert a record (or nested records, tuples, lists, dicts) to JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for arg in (a for a in get_args(tp) if a is not type(None)):
            try:
                return _convert(arg, value)
            except (TypeError, ValueError, KeyError):
                continue
        raise TypeError(f"cannot convert {value!r} to {tp}")
    if origin is tuple:
        items = get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(_convert(items[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(items, value, strict=True))
    if origin is Literal:
        if value not in get_args(tp):
            raise ValueError(f"{value!r} is not one of {get_args(tp)}")
        return value
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build record ``cls`` from data produced by :func:`to_dict` (unknown keys ignored)."""
    hints = get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def dumps(obj: Any) -> str:
    """Deterministic JSON: same record, same bytes."""
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


# ---------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Segment:
    """A run of cleaned text copied from the original file.

    ``text[clean_start:clean_start+length]`` was taken from the decoded file at
    ``orig_start``; characters between segments (joins, removed furniture) have
    no origin of their own.
    """

    clean_start: int
    orig_start: int
    length: int


@dataclass(frozen=True)
class Turn:
    """A question or an answer of an interview: ``Article.text[start:end]`` (one paragraph).

    Questions are the interviewer's and never material for a summary; answers are the
    interviewee's (``speaker`` as the page names them, None when it does not).
    """

    kind: Literal["question", "answer"]
    start: int
    end: int
    speaker: str | None = None


@dataclass(frozen=True)
class Article:
    """One input file after reading and cleaning."""

    path: str  # as given on the command line / found in the folder
    text: str  # cleaned body: paragraphs separated by a blank line
    publisher: str | None = None
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, None when unknown
    date_precision: Literal["day", "month", "year", "unknown"] = "unknown"
    url: str | None = None
    language: str = "de"
    agency: tuple[str, ...] = ()  # agencies the text credits (dpa, reuters, AFP ...)
    segments: tuple[Segment, ...] = ()
    removed: tuple[str, ...] = ()  # kinds of furniture removed, for the log
    checksum: str = ""  # sha256 of the raw bytes
    date_inferred: bool = False  # date not printed with the article but inferred (see ingest/infer.py)
    fetched: str | None = None  # ISO day ``briefing collect`` fetched the page (None for files from elsewhere)
    turns: tuple[Turn, ...] = ()  # interview questions and answers, in text order (empty: no interview)
    opinion: str | None = None  # the label of an opinion piece ("Kommentar"), None for a report (ingest/genre.py)
    dateline: str | None = None  # the place of the dateline cut from the opening ("Mombasa (dpa) –" -> "Mombasa")

    def in_question(self, i: int) -> bool:
        """Whether cleaned offset ``i`` lies in an interviewer's question."""
        return any(t.kind == "question" and t.start <= i < t.end for t in self.turns)

    def original_offset(self, i: int) -> int | None:
        """Character offset in the decoded original file for cleaned offset ``i``."""
        for seg in self.segments:
            if seg.clean_start <= i < seg.clean_start + seg.length:
                return seg.orig_start + (i - seg.clean_start)
        return None


@dataclass(frozen=True)
class Excluded:
    path: str
    reason: str


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    excluded: tuple[Excluded, ...]
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- extract


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """An actor of one article; ``id`` is local to the article (A1, A2 ...)."""

    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = None  # country or bloc in German (Frankreich, EU, NATO ...)
    party: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    # finer kind of an organization: party, company, institution, agency, association, international
    org_type: str | None = None
    # for a party name that parties of several countries bear ("Grüne": Germany's, Austria's, Switzerland's),
    # the country of the party (an organization) or of the person's party, when the text tells it
    party_country: str | None = None


@dataclass(frozen=True)
class Quote:
    kind: QuoteKind
    text: str  # the quoted words, without the outer quotation marks
    start: int
    end: int
    speaker: str | None = None  # local actor id
    speaker_text: str | None = None  # the mention as written ("er", "Sacharowa")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None  # resolved full name or institution
    cue: str | None = None  # the speech verb or marker ("sagte", "laut")
    # Probability that the quotation is real and its speaker right (learned, extract/quotes/confidence.py);
    # None where no model was applied (records made by hand).
    confidence: float | None = None
    # The medium that relays the speaker's words ("zitiert die Zeitung den Minister"): its mention and the
    # name shown for it (None when it names no one, "in der Meldung").
    relay_start: int | None = None
    relay_end: int | None = None
    relay_name: str | None = None


@dataclass(frozen=True)
class Position:
    actor: str  # local actor id (a person, an organisation or a country)
    text: str  # the source sentence (or clause) stating it
    start: int
    end: int
    stance: Literal[
        "wants", "rejects", "demands", "promises", "holds_back", "supports", "conditional", "open", "states"
    ] = "states"
    issue: str | None = None  # e.g. Bodentruppen, Luftverteidigung, Sanktionen


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str  # what is counted or the unit: "Länder", "EUR", "Prozent", "Brigaden"
    text: str  # as written: "rund 40 Milliarden Euro"
    context: str  # the sentence it stands in
    start: int
    end: int
    qualifier: str | None = None  # rund, mehr als, bis zu, mindestens ...
    whole: float | None = None  # the whole a part is counted of: "vier von zehn Wählern" -> 10


@dataclass(frozen=True)
class Statement:
    """A sentence worth surfacing (summary candidate or outlook)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ArticleFacts:
    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    positions: tuple[Position, ...] = ()
    figures: tuple[Figure, ...] = ()
    outlook: tuple[Statement, ...] = ()
    sentences: tuple[Statement, ...] = ()
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- briefing (public JSON)


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str | None
    date: str | None
    path: str | None
    url: str | None
    date_label: str | None = None  # "Datum unbekannt" where undated
    agency: tuple[str, ...] = ()  # agencies credited ("Mit Informationen von dpa und Reuters")
    independent: bool = True  # False when it reprints another source's agency text
    date_inferred: bool = False  # the date is inferred from the text and the day's other articles
    opinion: str | None = None  # "Kommentar", "Leitartikel" ...: an opinion piece (Article.opinion)


@dataclass(frozen=True)
class SourcedText:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class StoryActor:
    id: str
    name: str
    kind: ActorKind
    role: str | None
    affiliation: str | None
    aliases: tuple[str, ...]
    mentions: int
    sources: tuple[str, ...]
    party: str | None = None
    org_type: str | None = None  # see Actor.org_type
    party_country: str | None = None  # see Actor.party_country


@dataclass(frozen=True)
class StoryPosition:
    actor: str
    text: str
    sources: tuple[str, ...]
    country: str | None = None  # the country or bloc this position is filed under
    stance: str | None = None
    issue: str | None = None


@dataclass(frozen=True)
class FigureVariant:
    value: float
    text: str
    sources: tuple[str, ...]
    context: str | None = None  # the sentence the other value stands in (shows why they differ)
    unit: str | None = None  # the other value's unit as its source wrote it ("Verbündete" beside "Länder")


@dataclass(frozen=True)
class StoryFigure:
    value: float
    unit: str
    text: str
    context: str
    sources: tuple[str, ...]
    qualifier: str | None = None
    variants: tuple[FigureVariant, ...] = ()  # other values given for the same thing
    note: str | None = None  # "Angaben weichen ab: ..."
    whole: float | None = None  # the whole a part is counted of ("vier von zehn"): 10


@dataclass(frozen=True)
class QuoteVariant:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class StoryQuote:
    speaker: str | None
    speaker_name: str | None
    text: str
    kind: QuoteKind
    sources: tuple[str, ...]
    speaker_role: str | None = None
    variants: tuple[QuoteVariant, ...] = ()  # "Wortlaut weicht ab"
    relayed_by: str | None = None  # the medium that quotes the speaker ("zitiert nach …")
    # a partial quotation (a phrase, a "dass"-clause: no statement of its own) is shown in the sentence that
    # frames it
    sentence: str | None = None


@dataclass(frozen=True)
class MatrixCell:
    country: str
    issue: str
    stance: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    id: str
    headline: str
    summary: tuple[SourcedText, ...] = ()
    actors: tuple[StoryActor, ...] = ()
    positions: tuple[StoryPosition, ...] = ()
    figures: tuple[StoryFigure, ...] = ()
    quotes: tuple[StoryQuote, ...] = ()
    outlook: tuple[SourcedText, ...] = ()
    matrix: tuple[MatrixCell, ...] = ()
    sources: tuple[str, ...] = ()
    background: bool = False  # "Hintergrund": built from articles of other dates


@dataclass(frozen=True)
class Briefing:
    date: str
    title: str
    sources: tuple[Source, ...] = ()
    excluded_sources: tuple[Excluded, ...] = ()
    stories: tuple[Story, ...] = ()
    generator: str = field(default="briefing")

    def to_json(self) -> str:
        return dumps(self)

    @classmethod
    def from_json(cls, text: str) -> Briefing:
        return from_dict(cls, json.loads(text))


# The email's footer carries two things only delivery knows: the subscriber's own
# unsubscribe link and the publisher's imprint (settings.imprint). The render stage
# writes these slots into the footer of briefing.html / briefing.txt, and
# deliver/message.py fills them for every message (only inside the footer, so
# article text can never be turned into a link or an imprint).
UNSUBSCRIBE_SLOT = "https://briefing.invalid/abbestellen"
IMPRINT_SLOT = "[Impressum: wird beim Versand eingesetzt]"
