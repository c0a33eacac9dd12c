"""The briefing as the templates see it: numbered references, grouped and cleaned.

Everything a template would otherwise compute happens here, once, for every
format: source numbers ([1] -> anchor ``quelle-1``), positions grouped by
country, the country × issue matrix, speaker roles, German quotation marks
inside quotes, and the cuts an email must make to stay small (``Limits``).
The templates only lay these records out.  Order is the briefing's own order
(assemble ranks), never a set's, so the output is deterministic.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass

from briefing.errors import RenderError
from briefing.lang.de import attribution_markers
from briefing.models import Briefing, Story, StoryFigure, StoryQuote
from briefing.render.formatting import clean_text, figure, long_date, medium_date, month_year

log = logging.getLogger(__name__)

UNDATED = "Datum unbekannt"
UNATTRIBUTED = "ohne eindeutige Zuordnung"
# What ingest writes when an article names no publisher; readers get a sentence, not a bare "Unbekannt".
UNKNOWN_PUBLISHERS = frozenset({"", "unbekannt", "unbekannte quelle", "unknown"})
UNKNOWN_PUBLISHER = "Herausgeber unbekannt"
# A date ingest inferred from the article's content and the day's other articles, not read from a dateline.
INFERRED_DATE = "vermutlich {date}"
# The agency credit of a source ("Mit Informationen von dpa und Reuters"), as publishers print it.
AGENCY_CREDIT = "Mit Informationen von {agencies}"
# Above the other wordings of a quotation that sources give differently.
VARIANT_LABEL = "Anders zitiert:"
# A position already shown in full under another country's heading.
SEE_ALSO = "dieselbe Aussage, siehe {country}"
# Share of a statement's words that another section already shows for it to count as said there.
SHOWN_ELSEWHERE = 0.9
_WORD = re.compile(r"\w+")
CONFLICT_NOTE = "Angaben weichen ab:"
# Source ids inside assembled notes ("26 (S2, S4) / rund 30 (S2, S3)") become [n] like every other citation.
_SOURCE_ID = re.compile(r"\b(S\d+)\b")
# "(S2, S4)" and "S2, S4" are one citation group: the ids' separators and brackets go.
_ID_GROUP = re.compile(r"\(?\bS\d+(?:\s*,\s*S\d+)*\b\)?")
_LIST_SEPARATOR = re.compile(r"\s*[;,]\s*")
_QUOTED = re.compile(r"„[^“]*“")
# Only these become links; "javascript:" or "file:" from an article stays text.
LINK_SCHEMES = ("https://", "http://")
OTHER_COUNTRY = "Weitere"
# German labels of the stances the extractor assigns (models.Position.stance).
STANCE_LABELS = {
    "wants": "will",
    "rejects": "lehnt ab",
    "demands": "fordert",
    "promises": "sagt zu",
    "holds_back": "zurückhaltend",
    "supports": "unterstützt",
    "conditional": "unter Bedingungen",
    "open": "offen",
    "states": "äußert sich",
}
# Inner quotation marks inside a quote become German half quotes.
_SENTENCE_END = re.compile(r"(?<=[a-zäöüß]{2}[.!?])\s")
# Balanced straight double quotes (agency copy often has them) become German ones.
_STRAIGHT_PAIR = re.compile(r'"([^"]+)"')
# An ISO date ("2025-09-04", "2025-03") is for machines; reader text writes German dates.
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
_INNER_QUOTES = str.maketrans({"„": "‚", "“": "‘", "”": "’", '"': "'"})


@dataclass(frozen=True)
class Ref:
    number: int
    anchor: str


@dataclass(frozen=True)
class Line:
    text: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class ActorView:
    name: str
    kind: str
    role: str
    affiliation: str
    party: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class PositionView:
    actor: str
    text: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class PositionGroup:
    country: str
    items: tuple[PositionView, ...]


@dataclass(frozen=True)
class MatrixEntry:
    label: str
    text: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class MatrixRow:
    country: str
    cells: tuple[tuple[MatrixEntry, ...], ...]  # one tuple per issue, maybe empty
    filled: tuple[tuple[str, tuple[MatrixEntry, ...]], ...] = ()  # (issue, entries) where there are entries


@dataclass(frozen=True)
class Matrix:
    issues: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class NotePart:
    """A piece of a note: text, then the sources it cites (rendered as [n] links)."""

    text: str
    refs: tuple[Ref, ...]


@dataclass(frozen=True)
class VariantView:
    display: str
    text: str
    refs: tuple[Ref, ...]
    context: str = ""


@dataclass(frozen=True)
class FigureView:
    display: str
    text: str
    context: str
    note: tuple[NotePart, ...]  # empty when the sources agree
    refs: tuple[Ref, ...]
    variants: tuple[VariantView, ...]


@dataclass(frozen=True)
class QuoteView:
    text: str
    direct: bool
    speaker: str
    role: str
    refs: tuple[Ref, ...]
    variants: tuple[VariantView, ...]
    via: str = ""  # the medium that relays the words ("zitiert nach …")
    sentence: str = ""  # a phrase is shown in its sentence, which holds the quotation marks itself


@dataclass(frozen=True)
class StoryView:
    anchor: str
    number: int
    headline: str
    background: bool
    summary: tuple[Line, ...]
    positions: tuple[PositionGroup, ...]
    matrix: Matrix | None
    figures: tuple[FigureView, ...]
    quotes: tuple[QuoteView, ...]
    actors: tuple[ActorView, ...]
    outlook: tuple[Line, ...]


@dataclass(frozen=True)
class SourceView:
    number: int
    anchor: str
    publisher: str
    title: str
    date_label: str
    url: str
    agency: str = ""  # "Mit Informationen von dpa und Reuters", or empty
    known: bool = True  # False: the publisher is unknown ("Herausgeber unbekannt" is no name to set bold)


@dataclass(frozen=True)
class Omitted:
    """What an email left out to stay small (all zero for a full rendering)."""

    stories: int = 0
    items: int = 0
    sources: int = 0

    @property
    def any(self) -> bool:
        return bool(self.stories or self.items or self.sources)


@dataclass(frozen=True)
class BriefingView:
    """What readers get. Files left out of the day (``excluded_sources``) are not part of it:
    their names and reasons are internal and stay in the JSON and the build log."""

    title: str
    date_iso: str
    date_long: str
    preheader: str
    generator: str
    cut_note: str  # empty unless the email left something out
    stories: tuple[StoryView, ...]
    sources: tuple[SourceView, ...]
    omitted: Omitted


@dataclass(frozen=True)
class Limits:
    """How much of each list a rendering keeps; None keeps everything."""

    stories: int | None = None
    summary: int | None = None
    positions: int | None = None
    figures: int | None = None
    quotes: int | None = None
    variants: int | None = None
    actors: int | None = None
    outlook: int | None = None
    matrix: bool = True  # the country × issue table (it repeats the positions)
    text_chars: int | None = None  # longest single text before it is shortened with "…"


FULL = Limits()


class _Builder:
    def __init__(self, briefing: Briefing, limits: Limits) -> None:
        self.limits = limits
        self.numbers = {s.id: i for i, s in enumerate(briefing.sources, start=1)}
        self.cited: set[int] = set()
        self.dropped_items = 0

    def take(self, items: tuple, limit: int | None) -> tuple:
        if limit is None or len(items) <= limit:
            return items
        self.dropped_items += len(items) - limit
        return items[:limit]

    def text(self, value: str | None) -> str:
        text = german_quotes(clean_text(value))
        limit = self.limits.text_chars
        if limit is not None and len(text) > limit:
            text = text[:limit].rsplit(" ", 1)[0] + " …"
        return text

    def refs(self, ids: tuple[str, ...]) -> tuple[Ref, ...]:
        numbers: list[int] = []
        for sid in ids:
            n = self.numbers.get(sid)
            if n is None:
                log.warning("reference to unknown source %s dropped", sid)
                continue
            if n not in numbers:
                numbers.append(n)
        self.cited.update(numbers)
        return tuple(Ref(n, f"quelle-{n}") for n in sorted(numbers))

    def lines(self, items: tuple, limit: int | None) -> tuple[Line, ...]:
        lines = (Line(self.text(i.text), self.refs(i.sources)) for i in self.take(items, limit))
        return tuple(line for line in lines if line.text)

    def story(self, story: Story, number: int) -> StoryView:
        lim = self.limits
        names = {a.id: clean_text(a.name) for a in story.actors}
        roles = {a.id: clean_text(a.role) for a in story.actors}
        figures = _one_per_sentence(tuple(self.figure(f) for f in self.take(story.figures, lim.figures)))
        facts = [f.context for f in figures]
        # A sourced fact ("Nach Angaben der EU-Kommission wurden … 480.000 Menschen …") that Zahlen & Fakten
        # shows with its figure is no stance of the source's.
        positions = _without_facts(self.positions(story, names, lim.positions), facts)
        lines = self.lines(story.summary, lim.summary)
        # The story's first summary sentence is its lead: "Das Wichtigste" always opens with it, and
        # Positionen does not repeat it. Every other stance is shown in Positionen, under its speaker's
        # side, and the summary does not repeat it.
        if lines:
            positions = _without(positions, lines[0].text)
        stances = [p.text for g in positions for p in g.items]
        summary = lines[:1] + tuple(line for line in lines[1:] if not said_in(line.text, stances))
        # Each statement is shown once, where it serves best: a stance in Positionen (a promise is a
        # stance too), what comes next in Ausblick, and in Stimmen the voices not yet heard, besides the
        # quotations whose other wordings only Stimmen shows.
        shown = [line.text for line in summary] + [p.text for g in positions for p in g.items]
        outlook = tuple(line for line in self.lines(story.outlook, lim.outlook) if not said_in(line.text, shown))
        quotes = _one_per_wording(tuple(self.quote(q, names, roles) for q in self.take(story.quotes, lim.quotes)))
        shown += [line.text for line in outlook]
        # Reported speech a figure's sentence already shows word for word ("Nach UN-Angaben sind rund 1,9
        # Millionen Menschen … angewiesen") is a sourced fact there, no voice of its own; a direct quotation
        # with a number in it stays a voice.
        quotes = tuple(
            q for q in quotes if q.variants or not (said_in(q.text, shown) or (not q.direct and said_in(q.text, facts)))
        )
        return StoryView(
            anchor=f"meldung-{number}",
            number=number,
            headline=self.text(story.headline),
            background=story.background,
            summary=summary,
            positions=positions,
            matrix=self.matrix(story) if lim.matrix else None,
            figures=figures,
            quotes=quotes,
            actors=tuple(
                ActorView(
                    name=clean_text(a.name), kind=a.kind, role=clean_text(a.role),
                    # "Ukraine (Ukraine)" says nothing: a country is its own affiliation.
                    # ("Grüne (Österreich)" beside "Grüne (Schweiz)": a party name several countries' parties bear)
                    affiliation="" if clean_text(a.affiliation) == clean_text(a.name) else clean_text(
                        a.affiliation or a.party_country),
                    party=clean_text(a.party), refs=self.refs(a.sources),
                )
                # Akteure are people and organisations; countries speak through them (Positionen)
                for a in self.take(tuple(a for a in story.actors if a.kind != "country"), lim.actors)
            ),
            outlook=outlook,
        )

    def positions(self, story: Story, names: dict[str, str], limit: int | None) -> tuple[PositionGroup, ...]:
        affiliation = {a.id: clean_text(a.affiliation) for a in story.actors}
        person = {a.id for a in story.actors if a.kind == "person"}
        groups: dict[str, list[PositionView]] = {}  # insertion order = first mention order
        first_shown: dict[str, str] = {}  # position text -> the group it was shown in first
        for p in self.take(story.positions, limit):
            country = clean_text(p.country) or affiliation.get(p.actor) or OTHER_COUNTRY
            actor = names.get(p.actor, clean_text(p.actor))
            # A country speaking for itself is already named by its group heading; a text that names its
            # speaker ("Der französische Präsident Emmanuel Macron und ... betonten") names them once; a
            # marked prefix ("Macron: Man werde ...") becomes the speaker, set like every other.
            shown = self.text(p.text)
            if shown in first_shown and first_shown[shown] != country:
                # One statement of two speakers of different countries ("Macron und Starmer betonten ...",
                # "Italien und Spanien unterstützen ..."): in full under the first, a pointer under the others.
                groups.setdefault(country, []).append(
                    PositionView(actor, SEE_ALSO.format(country=first_shown[shown]), self.refs(p.sources)))
                continue
            # (a prefix names a person by the surname, with its particles: "von der Leyen: ", "Corrêa do Lago: ")
            words = actor.split()
            tails = (" ".join(words[k:]) for k in range(len(words)))
            surname = next((x for x in tails if shown.startswith(f"{x}: ")), "")
            if surname and actor != country:
                shown = shown[len(surname) + 2 :]  # the marked prefix becomes the speaker, set like every other
            else:
                named = names_speaker(p.text, actor, genitive=p.actor not in person)
                # (the heading names the speaker also with its country in brackets: "Grüne (Österreich)")
                actor = "" if actor in (country, country.split(" (", 1)[0]) or named else actor
            if shown:
                first_shown.setdefault(self.text(p.text), country)
                groups.setdefault(country, []).append(PositionView(actor, shown, self.refs(p.sources)))
        return tuple(PositionGroup(c, tuple(items)) for c, items in groups.items())

    def matrix(self, story: Story) -> Matrix | None:
        if not story.matrix:
            return None
        countries = list(dict.fromkeys(clean_text(c.country) for c in story.matrix))
        issues = list(dict.fromkeys(clean_text(c.issue) for c in story.matrix))
        cells: dict[tuple[str, str], list[MatrixEntry]] = {}
        for c in story.matrix:
            label = STANCE_LABELS.get(c.stance, clean_text(c.stance))
            cells.setdefault((clean_text(c.country), clean_text(c.issue)), []).append(
                MatrixEntry(label, self.text(c.text), self.refs(c.sources))
            )
        rows = tuple(
            MatrixRow(
                country,
                tuple(tuple(cells.get((country, i), ())) for i in issues),
                tuple((i, tuple(cells[country, i])) for i in issues if cells.get((country, i))),
            )
            for country in countries
        )
        return Matrix(tuple(issues), rows)

    def figure(self, f: StoryFigure) -> FigureView:
        return FigureView(
            display=figure(f.value, f.unit, f.qualifier, f.whole),
            text=self.text(f.text),
            context=self.text(f.context) or self.text(f.text),
            note=self.note(f.note, bool(f.variants)),
            refs=self.refs(f.sources),
            variants=tuple(
                VariantView(
                    figure(v.value, f.unit), self.text(v.text), self.refs(v.sources),
                    # FigureVariant.context is newer than the first briefings: tolerate its absence.
                    context=self.text(getattr(v, "context", None)),
                )
                for v in self.take(f.variants, self.limits.variants)
            ),
        )

    def note(self, note: str | None, conflict: bool) -> tuple[NotePart, ...]:
        """A figure's note with its source ids as citations, like every other statement.

        "26 (S2, S4) / rund 30 (S2, S3; S3: „…“)" -> "26 [2][4] / rund 30 [2][3] ([3]: „…“)".
        """
        text = self.text(note) or (CONFLICT_NOTE if conflict else "")
        parts: list[NotePart] = []
        last, prefix = 0, ""
        quoted = [q.span() for q in _QUOTED.finditer(text)]  # an article's words stay as they are
        for m in _ID_GROUP.finditer(text):
            ids = tuple(sid for sid in _SOURCE_ID.findall(m.group(0)) if sid in self.numbers)
            if not ids or any(start <= m.start() < end for start, end in quoted):
                continue
            group = m.group(0).strip()
            before = prefix + text[last : m.start()]
            prefix, last = "", m.end()
            if group.startswith("("):
                before = before.rstrip() + " "
                if not group.endswith(")"):
                    rest = _LIST_SEPARATOR.match(text, last)
                    if rest:  # "(S2, S3; S3: …)": the ids, then a bracket holding only the rest
                        last, prefix = rest.end(), " ("
                    else:  # "(S1: …)": the bracket stays around the citation
                        before += "("
            elif group.endswith(")"):  # the closing bracket belongs to the text around the ids
                last -= 1
            parts.append(NotePart(before, self.refs(ids)))
        tail = prefix + text[last:]
        if tail:
            parts.append(NotePart(tail, ()))
        return tuple(parts)

    def quote(self, q: StoryQuote, names: dict[str, str], roles: dict[str, str]) -> QuoteView:
        # Precision first: a quotation whose speaker is not known for sure says so, it does not guess.
        speaker = clean_text(q.speaker_name) or names.get(q.speaker or "", "")
        role = clean_text(q.speaker_role) or roles.get(q.speaker or "", "")
        if not speaker:
            # no name: the text's own description of the speaker ("ein Polizeisprecher"), else no guess
            speaker, role = role or UNATTRIBUTED, ""
        return QuoteView(
            text=self.text(q.text).translate(_INNER_QUOTES) if q.kind == "direct" else self.text(q.text),
            direct=q.kind == "direct",
            speaker=speaker,
            role=role,
            refs=self.refs(q.sources),
            variants=tuple(
                VariantView("", self.text(v.text).translate(_INNER_QUOTES), self.refs(v.sources))
                for v in self.take(q.variants, self.limits.variants)
            ),
            via=clean_text(q.relayed_by) or "",
            sentence=self.text(q.sentence) if q.sentence else "",
        )


def german_quotes(text: str) -> str:
    """'Die "Koalition der Willigen"' -> 'Die „Koalition der Willigen“' (only when the marks pair up)."""
    if '"' not in text or text.count('"') % 2:
        return text
    return _STRAIGHT_PAIR.sub("„\\1“", text)


def build_view(briefing: Briefing, limits: Limits = FULL) -> BriefingView:
    """The view of ``briefing``; ``limits`` cut lists (emails), FULL keeps all."""
    b = _Builder(briefing, limits)
    stories = tuple(b.story(s, i) for i, s in enumerate(b.take(briefing.stories, limits.stories), start=1))
    dropped_stories = len(briefing.stories) - len(stories)
    # A cut rendering lists only the sources it still cites, under their full numbers,
    # so [3] means the same article in the email, the PDF and the web version.
    sources = tuple(
        SourceView(
            number=i,
            anchor=f"quelle-{i}",
            publisher=_publisher(s.publisher),
            title=_labelled(clean_text(s.title), clean_text(getattr(s, "opinion", None))),
            date_label=_source_date(s.date, s.date_label, inferred=bool(getattr(s, "date_inferred", False))),
            url=clean_text(s.url) if clean_text(s.url).lower().startswith(LINK_SCHEMES) else "",
            agency=agency_credit(getattr(s, "agency", ()), s.publisher),
            known=_publisher(s.publisher) != UNKNOWN_PUBLISHER,
        )
        for i, s in enumerate(briefing.sources, start=1)
        if limits == FULL or i in b.cited
    )
    try:
        date_long = long_date(briefing.date)
    except ValueError:
        raise RenderError(f"briefing date {briefing.date!r} is not a date in the form YYYY-MM-DD") from None
    omitted = Omitted(
        stories=dropped_stories,
        items=b.dropped_items - dropped_stories,
        sources=len(briefing.sources) - len(sources),
    )
    # The preheader states the outcome: the first sentence of the lead (the first story
    # that is not background), as the subject line names the same story.
    lead = next((s for s in stories if not s.background and s.summary), next((s for s in stories if s.summary), None))
    first = lead.summary[0].text if lead else ""
    return BriefingView(
        title=clean_text(briefing.title),
        date_iso=briefing.date,
        date_long=date_long,
        preheader=_first_sentence(first),
        generator=clean_text(briefing.generator),
        cut_note=_cut_note(omitted),
        stories=stories,
        sources=sources,
        omitted=omitted,
    )


def _cut_note(omitted: Omitted) -> str:
    if not omitted.any:
        return ""
    parts = []
    if omitted.stories:
        parts.append(f"{omitted.stories} weitere {'Meldung' if omitted.stories == 1 else 'Meldungen'}")
    if omitted.items:
        parts.append(f"{omitted.items} weitere {'Eintrag' if omitted.items == 1 else 'Einträge'}")
    detail = f" ({', '.join(parts)})" if parts else ""
    return f"Diese E-Mail ist gekürzt{detail}. Vollständige Fassung im PDF / in der Webversion."


def _publisher(name: str | None) -> str:
    """The source's publisher, or "Herausgeber unbekannt" where ingest knows none."""
    name = clean_text(name)
    return UNKNOWN_PUBLISHER if name.casefold() in UNKNOWN_PUBLISHERS else name


def agency_credit(agencies: tuple[str, ...] | list[str], publisher: str | None = None) -> str:
    """ "Mit Informationen von dpa und Reuters" for a source's agency credits (the publisher itself left out).

    An article that credits agencies carries their reporting; readers weigh it by that, so the credit is
    shown with the source as publishers print it.
    """
    own = clean_text(publisher).casefold()
    # "Deutsche Presse-Agentur" is dpa, "Agence France-Presse" AFP: the publisher's initials name it too.
    initials = "".join(w[0] for w in re.split(r"[\s-]+", own) if w)
    names = list(dict.fromkeys(
        a for a in (clean_text(x) for x in agencies) if a and a.casefold() not in (own, initials)
    ))
    if not names:
        return ""
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} und {names[-1]}"
    return AGENCY_CREDIT.format(agencies=joined)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def names_speaker(text: str, speaker: str, *, genitive: bool = False) -> bool:
    """Does ``text`` name ``speaker`` itself (their surname as a word, in any position)?

    "Der französische Präsident Emmanuel Macron und ... betonten ..." and "Macron: Man werde ..." name
    Macron; "... die Legitimität Selenskyjs" does not name Selenskyj as its speaker. An organisation
    (``genitive``) is named in the genitive by its spokesperson: "Ein Sprecher des Innenministeriums sagte".
    """
    surname = speaker.split()[-1] if speaker.split() else ""
    ending = "(?:s|es)?" if genitive else ""
    return bool(surname) and re.search(rf"(?<!\w){re.escape(surname)}{ending}(?!\w)", text) is not None


def _without(groups: tuple[PositionGroup, ...], lead: str) -> tuple[PositionGroup, ...]:
    """``groups`` without the positions the ``lead`` already says (a group left empty goes too)."""
    kept = (PositionGroup(g.country, tuple(p for p in g.items if not said_in(p.text, [lead]))) for g in groups)
    return tuple(g for g in kept if g.items)


def _without_facts(groups: tuple[PositionGroup, ...], facts: list[str]) -> tuple[PositionGroup, ...]:
    """``groups`` without the positions that only give a source for a fact a figure shows ("Nach Angaben der
    EU-Kommission wurden … 480.000 Menschen …", "Laut Polizei …"): the sentence opens with its source and
    a figure's sentence says it word for word."""
    kept = (
        PositionGroup(g.country, tuple(p for p in g.items if not (_sourced(p.text) and said_in(p.text, facts))))
        for g in groups
    )
    return tuple(g for g in kept if g.items)


def _sourced(text: str) -> bool:
    """Does ``text`` open with the source of what it reports: "Laut …", "Gemäß …", "Nach (UN-)Angaben …"?"""
    words = re.findall(r"[\w-]+", text[:60])
    if not words:
        return False
    first = words[0].lower()
    markers = attribution_markers()
    if first in markers.get("prep", ()):
        return True
    second = words[1].lower() if len(words) > 1 else ""
    # "Nach Angaben", "Nach UN-Angaben"
    return first == "nach" and any(second.endswith(n) for n in markers.get("noun", ()))


def _labelled(title: str, label: str) -> str:
    """A source's title with its opinion label in front ("Kommentar: …") unless the title says it already:
    a reader weighs a commentary's words as its author's view."""
    if not label or title.casefold().startswith(label.casefold()):
        return title
    return f"{label}: {title}" if title else label


def said_in(text: str, shown: list[str]) -> bool:
    """Is ``text`` already shown: are nearly all its words inside one of the ``shown`` statements?

    The speaker prefix of a marked statement ("Macron: Man werde ...") does not count as its words.
    """
    mine = _words(text.split(": ", 1)[1] if re.match(r"^[\w .-]{1,40}: ", text) else text)
    if not mine:
        return False
    for other in shown:
        theirs = set(_words(other))
        if sum(w in theirs for w in mine) >= SHOWN_ELSEWHERE * len(mine):
            return True
    return False


def _one_per_sentence(figures: tuple[FigureView, ...]) -> tuple[FigureView, ...]:
    """Figures one sentence gives are one entry ("30 Zwergwale, 9 Finnwale – Das Ministerium legte fest,
    dass ..."): the sentence is shown once. Its [n] are the sources all its figures share (each entry's [n]
    must hold for all it shows); one that another source confirms ("bis zu 24 Monate" [1][2] beside
    "höchstens 18 Monate" [1]) is then shown with the sentence's source only. Figures with a note on
    differing values stay apart: the note speaks of one figure."""
    out: list[FigureView] = []
    at: dict[str, int] = {}
    for f in figures:
        i = at.get(f.context)
        shared = tuple(r for r in out[i].refs if r in f.refs) if i is not None else ()
        if i is None or not shared or f.note or f.variants or out[i].note or out[i].variants:
            if not (f.note or f.variants):
                at.setdefault(f.context, len(out))
            out.append(f)
            continue
        out[i] = dataclasses.replace(out[i], display=f"{out[i].display}, {f.display}", refs=shared)
    return tuple(out)


def _one_per_wording(quotes: tuple[QuoteView, ...]) -> tuple[QuoteView, ...]:
    """One entry per quotation: a later entry whose wording is a variant of an earlier one's goes.

    Two sources that quote one statement in different wordings come from assemble as two entries, each
    listing the other's wording as its variant; readers see the first (best ranked) with the other
    wording under it.
    """
    out: list[QuoteView] = []
    variants_shown: set[str] = set()
    sentences: dict[tuple[str, str], int] = {}  # (sentence, speaker) -> its entry in out
    for q in quotes:
        key = " ".join(_words(q.text))
        if key in variants_shown:
            continue
        if q.sentence:
            # two phrases of one sentence ("„Bis es zu spät war“, stellte sie fest, seien „…“"): the sentence once
            at = sentences.get((q.sentence, q.speaker))
            if at is not None:
                first = out[at]
                refs = tuple(sorted(set(first.refs + q.refs), key=lambda r: r.number))
                out[at] = dataclasses.replace(first, refs=refs)
                continue
            sentences[(q.sentence, q.speaker)] = len(out)
        out.append(q)
        variants_shown.update(" ".join(_words(v.text)) for v in q.variants)
    return tuple(out)


def _source_date(iso: str | None, label: str | None, inferred: bool = False) -> str:
    if iso:
        try:
            shown = medium_date(iso)
            return INFERRED_DATE.format(date=shown) if inferred else shown
        except ValueError:
            pass
        try:  # "2025-03": the month is all the source said
            return month_year(iso)
        except ValueError:  # not a date at all: never show a reader ISO or garbage
            pass
    label = clean_text(label)
    return label if label and not _ISO_DATE.search(label) else UNDATED


def _first_sentence(text: str) -> str:
    # A sentence ends after a lowercase word, not after "4." or "z. B.".
    match = _SENTENCE_END.search(text)
    return text[: match.start()] if match else text
