"""Key figures of a story: merged across sources, conflicting values linked.

The same value with the same kind of unit from several sources is one figure
with all its sources.  Different values for the same thing (same unit group,
similar context, values close to each other) are all kept - never silently
picked - and linked with ``variants`` and a note "Angaben weichen ab: ...".
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.assemble.text import (
    balanced_quotes,
    content_terms,
    cosine,
    fold,
    lexicon,
    sort_sources,
    source_sort_key,
    stem,
    vector,
)
from briefing.lang import rows
from briefing.lang.de import split_rate
from briefing.models import Figure, FigureVariant, StoryFigure

# Values further apart than this factor are different things, not conflicting reports (26 vs 30 is
# a conflict, 26 vs 480 is not).
CONFLICT_MAX_RATIO = 1.6
# The sentences that give the two values (all reports of each) must share at least this many content
# words besides numbers and the unit to be about the same thing.  Unit group, close values and
# disagreeing sources already say most; the shared word rules out two unrelated counts of one unit.
CONFLICT_MIN_SHARED_TERMS = 1
# ... and at least this share of the shorter context's words: "26 Länder wollen sich an einer Sicherungstruppe
# beteiligen" and "beteiligten sich Vertreter von rund 30 Verbündeten" share one word, not what they count.
CONFLICT_MIN_SHARED_SHARE = 0.3
# A known unit this long may be the head of a compound (Partnerländer -> länder); shorter ones
# ("eur", "%") would match by accident.
MIN_HEAD_CHARS = 4
# A handful of figures per story, the most important first.
MAX_FIGURES = 6
NUMBER_RE = re.compile(r"\d[\d.,]*(?:\s*(?:Millionen|Milliarden|Billionen|Mio\.|Mrd\.))?")


@functools.cache
def _unit_groups() -> dict[str, str]:
    groups: dict[str, str] = {}
    for line in lexicon("unit_groups.txt"):
        members = [fold(m.strip()) for m in line.split("|") if m.strip()]
        for m in members:
            groups[m] = members[0]
            groups[stem(m)] = members[0]
    return groups


def unit_key(unit: str) -> str:
    """The unit group of a unit as written (Länder, Staaten -> lander; EUR, Euro -> euro).

    Hyphens are dropped and a compound counts as its head noun when that is a known unit
    (Infanterie-Brigaden = Infanteriebrigaden; Unterstützerstaaten -> lander).
    """
    head, per = split_rate(unit)
    if per is not None:  # "Kilometer pro Stunde": a rate is its own group, never an amount of its head
        return f"{unit_key(head)}/{unit_key(per)}"
    words = fold(unit).replace("-", "").split()
    last = words[-1] if words else ""
    groups = _unit_groups()
    for form in (last, stem(last)):
        if form in groups:
            return groups[form]
    for form in (last, stem(last)):
        for member in sorted(groups, key=lambda m: (-len(m), m)):
            if len(member) >= MIN_HEAD_CHARS and form.endswith(member):
                return groups[member]
    return stem(last)


def value_label(fig: Figure) -> str:
    """The number as the source wrote it, with its qualifier: "rund 30", "40 Milliarden"."""
    m = NUMBER_RE.search(fig.text or "")
    number = m.group().strip() if m else _format_value(fig.value)
    if fig.whole is not None:  # "14 von 27", "4 von 10": a part is no count of its own
        number = f"{_format_value(fig.value)} von {_format_value(fig.whole)}"
    return f"{fig.qualifier} {number}" if fig.qualifier and fig.qualifier not in number else number


def _format_value(value: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale="de")


@dataclass
class _Merged:
    figure: Figure
    sources: set[str]
    order: tuple[int, int]  # (first source number, offset) of the first report
    terms: frozenset[str]
    reports: list[tuple[str, Figure]]  # every (source, figure) merged here

    @property
    def kinds(self) -> frozenset[str]:
        """What the reports' sentences make of the figure: a demand, an offer, or a fact ("")."""
        return frozenset(modality(f.context) for _, f in self.reports)


def merge_figures(
    refs: Sequence[tuple[str, Figure]],
    story_vector: dict[str, float] | None = None,
    idf: dict[str, float] | None = None,
) -> list[StoryFigure]:
    """Merge ``(source id, Figure)`` pairs into the story's figures, ranked by importance.

    A handful per story (:data:`MAX_FIGURES`): those that say what they count first (a unit that is no
    detail of the telling such as a duration or "in zwei Stufen", ``minor_units.txt``: a detail confirmed
    twice is still a detail), then the most confirmed, then those whose sentence is closest to the story
    as a whole (``story_vector``, with the day's ``idf``).
    """
    merged: dict[tuple[str, float], _Merged] = {}
    for sid, fig in refs:
        if not math.isfinite(fig.value):  # NaN/inf cannot be compared, ranked or written as JSON
            continue
        if not balanced_quotes(fig.context, strict=True):
            continue  # a sentence that starts or ends inside a quotation is a fragment of someone's words
        key = (unit_key(fig.unit), float(fig.value))
        order = (source_sort_key(sid), fig.start)
        m = merged.get(key)
        if m is None:
            merged[key] = _Merged(fig, {sid}, order, _context_terms(fig), [(sid, fig)])
        else:
            m.sources.add(sid)
            m.reports.append((sid, fig))
            m.terms = m.terms | _context_terms(fig)
            if order < m.order:
                m.figure, m.order = fig, order
    def centrality(m: _Merged) -> float:
        if not story_vector:
            return 0.0
        return cosine(vector(Counter(content_terms(m.figure.context)), idf or {}), story_vector)

    ordered = sorted(
        merged.items(),
        key=lambda kv: (_minor(kv[1].figure.unit), -len(kv[1].sources), -round(centrality(kv[1]), 6),
                        kv[1].order, kv[0]),
    )
    ranked = ordered[:MAX_FIGURES]
    # Sources that disagree are news of their own: a value another source gives differently is shown as the
    # ranked figure's variant even where it does not rank among the handful itself.
    conflicts = _conflicts([k for k, _ in ordered], merged)
    out = []
    for key, m in ranked:
        f = m.figure
        others = conflicts.get(key, [])
        variants = tuple(
            FigureVariant(
                value=merged[o].figure.value,
                text=merged[o].figure.text,
                sources=sort_sources(merged[o].sources),
                context=merged[o].figure.context,
                unit=merged[o].figure.unit,
            )
            for o in others
        )
        out.append(
            StoryFigure(
                value=f.value,
                unit=f.unit,
                text=f.text,
                context=f.context,
                sources=sort_sources(m.sources),
                qualifier=f.qualifier,
                whole=f.whole,
                variants=variants,
                note=_note([key, *others], merged) if others else None,
            )
        )
    return out


def _minor(unit: str) -> bool:
    """A figure that does not say what it counts, or counts a detail of the telling (minor_units.txt); a
    rate by what it counts ("480 Fahrzeuge pro Jahr" counts vehicles)."""
    words = fold(split_rate(unit)[0]).split()
    return not words or words[-1] in _minor_units()


@functools.cache
def _minor_units() -> frozenset[str]:
    return frozenset(fold(u) for u in lexicon("minor_units.txt"))


def _context_terms(fig: Figure) -> frozenset[str]:
    unit_terms = set(content_terms(fig.unit))
    return frozenset(t for t in content_terms(fig.context) if t not in unit_terms and not t.startswith("#"))


def _same_quantity(a: _Merged, b: _Merged) -> bool:
    """Do two figures of one unit group count the same thing? Their sentences must say what is counted
    alike: share content words besides number and unit, most of the shorter context's."""
    if not a.kinds & b.kinds:  # a demand, an offer and the result are three things, not one quantity
        return False
    shared = len(a.terms & b.terms)
    smaller = min(len(a.terms), len(b.terms)) or 1
    return shared >= CONFLICT_MIN_SHARED_TERMS and shared / smaller >= CONFLICT_MIN_SHARED_SHARE


@functools.cache
def _modalities() -> tuple[tuple[str, re.Pattern[str]], ...]:
    out = []
    for line in lexicon("figure_modality.txt"):
        kind, _, words = line.partition(":")
        alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(
            (w.strip() for w in words.split("|") if w.strip()), key=lambda w: (-len(w), w)))
        out.append((kind.strip(), re.compile(rf"(?<!\w)(?:{alt})(?!\w)")))
    return tuple(out)


def modality(context: str) -> str:
    """ "demand" or "offer" when the figure's sentence states a claim in a negotiation
    (``figure_modality.txt``), else "" (a fact reported)."""
    folded = fold(context or "")
    return next((kind for kind, pattern in _modalities() if pattern.search(folded)), "")


def _conflicts(keys: Sequence[tuple[str, float]], merged: dict[tuple[str, float], _Merged]) -> dict:
    by_unit: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for k in keys:
        by_unit[k[0]].append(k)
    out: dict[tuple[str, float], list[tuple[str, float]]] = {}
    for unit_keys in by_unit.values():
        for k in unit_keys:
            linked = []
            for o in unit_keys:
                if o == k or not k[1] or not o[1]:
                    continue
                ratio = max(k[1], o[1]) / min(k[1], o[1]) if min(k[1], o[1]) > 0 else float("inf")
                # Sources disagree only when no source gives both values: a report that names 26 and about
                # 30 in different sentences counts two different things (26 states contribute, about 30 took
                # part); it does not contradict itself, and so the two values are not one quantity.
                disagree = not (merged[k].sources & merged[o].sources)
                if (disagree and ratio <= CONFLICT_MAX_RATIO and not _consistent(merged[k].figure, merged[o].figure)
                        and _same_quantity(merged[k], merged[o])):
                    linked.append(o)
            if linked:
                out[k] = sorted(linked, key=lambda o: o[1])
    return out


@functools.cache
def _qualifier_bounds() -> dict[str, str]:
    """Qualifier -> "min" or "max": which side of the true value its number is (qualifiers.txt)."""
    return {r[0].lower(): r[1] for r in rows("qualifiers.txt") if len(r) > 1 and r[1] in ("min", "max")}


def _range(fig: Figure) -> tuple[float, float]:
    """The values a figure allows: "über 45" at least 45, "bis zu 30" at most 30, "rund 30" just 30."""
    bound = _qualifier_bounds().get((fig.qualifier or "").lower())
    if fig.qualifier and fig.qualifier.endswith((" bis", " und")):
        bound = "max"  # "zwischen 230 und 280": at most the upper bound the figure holds
    if bound == "min":
        return fig.value, math.inf
    if bound == "max":
        return -math.inf, fig.value
    return fig.value, fig.value


def _consistent(a: Figure, b: Figure) -> bool:
    """Can both figures be true of one quantity ("über 45 Prozent" and "68,3 Prozent")? Then they do not
    conflict."""
    (lo_a, hi_a), (lo_b, hi_b) = _range(a), _range(b)
    if lo_a == hi_a and lo_b == hi_b:
        return False  # two values as such ("rund 30", "26"): they differ
    return lo_a <= hi_b and lo_b <= hi_a


@functools.cache
def _attribution_re() -> re.Pattern[str]:
    cues = sorted(lexicon("attribution_cues.txt"), key=lambda c: (-len(c), c))
    alt = "|".join(r"\s+".join(map(re.escape, c.split())) for c in cues)
    return re.compile(rf"(?i)\b(?:{alt})\b")


# Words that continue an attribution after its cue ("nach Angaben der Polizei", "aus dem Élysée-Palast");
# besides these only capitalised words (nouns, names) continue it.
_ATTRIBUTION_GLUE = frozenset(["der", "des", "dem", "den", "die", "von", "vom", "aus", "einer", "eines", "einem"])
# An attribution names its source in a few words.
MAX_ATTRIBUTION_WORDS = 6


def attribution(context: str) -> str | None:
    """Where the sentence says its figure comes from ("laut Polizei"), verbatim; None if it does not say."""
    m = _attribution_re().search(context or "")
    if not m:
        return None
    taken = []
    for word in context[m.end() :].split()[:MAX_ATTRIBUTION_WORDS]:
        bare = word.strip(",;.:–\"„“”)")
        if not bare or not (bare in _ATTRIBUTION_GLUE or bare[:1].isupper()):
            break
        taken.append(bare)
        if bare != word:  # punctuation ends the phrase
            break
    while taken and taken[-1] in _ATTRIBUTION_GLUE:
        taken.pop()
    return " ".join([m.group(), *taken]) if taken else None


def _note(keys: Sequence[tuple[str, float]], merged: dict[tuple[str, float], _Merged]) -> str:
    """ "Angaben weichen ab: 26 (S3, S4) / rund 30 (S2, S4)", plus sources that give several values."""
    ordered = sorted(keys, key=lambda k: k[1])
    parts = []
    for k in ordered:
        reports = sorted(merged[k].reports, key=lambda r: (source_sort_key(r[0]), r[1].start))
        said = dict.fromkeys(f"{sid}: „{a}“" for sid, a in ((sid, attribution(f.context)) for sid, f in reports) if a)
        inner = "; ".join([", ".join(sort_sources(merged[k].sources)), *said])
        parts.append(f"{value_label(merged[k].figure)} ({inner})")
    note = "Angaben weichen ab: " + " / ".join(parts)
    both = sorted(set.intersection(*(merged[k].sources for k in ordered)), key=source_sort_key)
    if both:
        verb = "nennt" if len(both) == 1 else "nennen"
        which = "beide Zahlen" if len(ordered) == 2 else "alle diese Zahlen"
        note += f"; {', '.join(both)} {verb} {which} in verschiedenem Zusammenhang"
    return note
