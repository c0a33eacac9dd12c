"""How sure is a quotation's attribution?  A small learned model over the finished attribution.

Every quotation the rules find gets a ``confidence``: the probability that it is a real
quotation AND its speaker is right (the scorer's test: the mention overlaps the gold speaker or
the shown name shares a capitalised word with it).  A quotation with no speaker mention has no
attribution to be sure of: its confidence is 0.

The features describe HOW the rules found the speaker (``Found.how``: the cue right after the
quotation, a colon introduction, a cue elsewhere in the sentence, a subject or person of the
sentence, a neighbouring quotation, the context; the cue's kind: speech verb, "so X", "laut/nach
Angaben X"), WHAT the speaker is (pronoun resolved or not, first name, role title, determiner,
organisation, country, an actor of the article and how often it is named), and WHERE it is (same
sentence, sentences and characters away, a paragraph between, how many persons the sentence
names).  Two logistic regressions, one for direct and one for indirect quotations, are learned
on the training split by ``scripts/quote_cv.py --write`` (numpy, offline) and shipped as
``briefing/lang/quote_confidence.json``; here they are read and applied in pure Python, with no
network and no numpy.  The weights are learned from data licensed CC BY-NC-SA 4.0 and carry that
licence.  When the rules change, the weights must be retrained (``--write``).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from briefing.extract.quotes.lexicon import attribution_markers, is_role, speech_verbs
from briefing.extract.quotes.speaker_names import is_country, is_organisation
from briefing.extract.quotes.speakers import Phrase, person_score
from briefing.lang import QUOTE_CONFIDENCE, LanguageDataError, learned, word_set
from briefing.lang.frequency import COMMON_ZIPF, zipf
from briefing.models import Actor, Quote

if TYPE_CHECKING:
    from briefing.extract.quotes.base import Found

# How the rules found a speaker (Found.how): one indicator each.  "cue": an indirect clause of a
# speech cue; "continuation": a Konjunktiv sentence continuing an attributed quotation.
HOWS = (
    "after",
    "colon",
    "colon_np",
    "bracket",
    "sentence",
    "cue",
    "continuation",
    "subject",
    "next",
    "previous",
    "context",
    "free",
    "reported",  # a speech-act sentence without Konjunktiv (speech_acts.py)
    "complement",  # a clause after a learned complement word (indirect.complement_quotes)
)
# Scales that bring counts and distances to about [0, 1] (a feature beyond its scale is 1).
MAX_SENTENCES_AWAY = 3
LOG_CHARS_AWAY = math.log1p(1000)  # a speaker 1,000 characters away is as far as any
LOG_QUOTE_WORDS = math.log1p(60)  # a quotation of 60 words is as long as any
LOG_MENTIONS = math.log1p(20)  # an actor named 20 times in an article is as central as any
MAX_SENTENCE_PERSONS = 4
# Persons named between a speaker mention and its quotation: counted up to this many.
MAX_BETWEEN = 2
# Noun phrases are read between a speaker and its quotation only over this many characters
# (further away the sentence distance already says enough).
MAX_BETWEEN_CHARS = 600
# Fewer words than this is a short quotation (the rules' own limit for speech without a cue).
SHORT_QUOTE_WORDS = 7

FEATURES: tuple[str, ...] = tuple(f"how_{h}" for h in HOWS) + (
    "cue_marker",
    "cue_source_word",
    "cue_so",
    "cue_name",
    "cue_unlisted",
    "sp_pronoun",
    "sp_pronoun_named",
    "sp_first_name",
    "sp_full_name",
    "sp_role",
    "sp_determiner",
    "sp_one_word",
    "sp_person_score",
    "sp_organisation",
    "sp_head_common",
    "sp_genitive",
    "sp_impersonal",
    "sp_country",
    "name_dropped",
    "actor_person",
    "actor_organization",
    "actor_country",
    "actor_mentions",
    "actor_top_person",
    "speaker_in_sentence",
    "speaker_inside_quote",
    "speaker_after",
    "sentences_away",
    "chars_away",
    "paragraph_between",
    "actors_between",
    "persons_between",
    "sentence_persons",
    "several_persons",
    "same_name_elsewhere",
    "mention_sure_elsewhere",
    "sure_neighbour_uninterrupted",
    "quote_opens_paragraph",
    "quote_words",
    "short_quote",
)

_WORD = re.compile(r"\w+")
# (\b as a lookbehind after the capital: a pattern opening with a character class is scanned for it in C)
_CAPITALISED = re.compile(r"[A-ZÄÖÜ](?<!\w[A-ZÄÖÜ])[\w-]+")
# Not a feature but a flag: a quotation without a speaker mention has confidence 0 (no attribution).
NO_SPEAKER = "no_speaker"
# How a speaker found right at its quotation is found: the cue after it or the speech verb before its colon.
_SURE_HOWS = frozenset(["after", "colon"])
# A mention opening with these is a genitive attribute ("des Berliner Verfassungsschutzes"), not a subject.
_GENITIVE_OPENERS = frozenset(["des", "eines"])


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression: bias and one weight per feature name."""

    bias: float
    weights: dict[str, float]

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        z = max(-30.0, min(30.0, z))
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class ConfidenceModel:
    """The shipped weights: one model per quotation kind and the display threshold chosen on CV."""

    direct: LinearModel
    indirect: LinearModel
    display_threshold: float
    # Indirect quotations less likely than this to be right are not emitted at all (chosen on CV: they
    # are mostly clauses that report nothing, or reports without a speaker; see scripts/quote_cv.py).
    drop_below: float = 0.0

    def keeps(self, q: Quote) -> bool:
        """Is ``q`` (with its confidence set) sure enough to be emitted?"""
        return q.kind == "direct" or (q.confidence or 0.0) >= self.drop_below

    def confidence(self, kind: str, feats: dict[str, float]) -> float:
        """The probability that the attribution is right; 0 for a quotation without a speaker (no attribution)."""
        if feats.get(NO_SPEAKER):
            return 0.0
        return (self.direct if kind == "direct" else self.indirect).probability(feats)


def parse_model(data: dict) -> ConfidenceModel:
    """The model from its JSON form (see :func:`model_to_json`).

    Raises:
        ValueError: a key is missing or a value is not a number.
    """

    def linear(d: dict) -> LinearModel:
        return LinearModel(float(d["bias"]), {str(k): float(v) for k, v in d["weights"].items()})

    return ConfidenceModel(
        linear(data["direct"]),
        linear(data["indirect"]),
        float(data["display_threshold"]),
        float(data.get("drop_below", 0.0)),
    )


def model_to_json(model: ConfidenceModel, meta: dict) -> dict:
    """The JSON form of ``model`` with ``meta`` (licence, how it was trained) beside it."""

    def linear(m: LinearModel) -> dict:
        return {"bias": round(m.bias, 6), "weights": {k: round(v, 6) for k, v in sorted(m.weights.items())}}

    return {
        **meta,
        "display_threshold": round(model.display_threshold, 4),
        "drop_below": round(model.drop_below, 4),
        "direct": linear(model.direct),
        "indirect": linear(model.indirect),
    }


@cache
def load_model() -> ConfidenceModel:
    """The shipped model (package data ``briefing/lang/quote_confidence.json``, read once; never fetched).

    Raises:
        LanguageDataError: the file is missing or broken (a broken installation).
    """
    try:
        return parse_model(learned(QUOTE_CONFIDENCE))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        where = f"data file {QUOTE_CONFIDENCE} of briefing.lang"
        raise LanguageDataError(f"{where} is broken ({e}); reinstall briefing") from None


# ------------------------------------------------------------------ features


class DocumentContext:
    """What the features ask of one document, computed once: sentence lookup, actors by mention."""

    def __init__(self, text: str, sents: Sequence[tuple[int, int]], actors: Sequence[Actor]) -> None:
        self.text = text
        self.sents = list(sents)
        self.sent_starts = [b for b, _ in sents]
        self.actors = {a.id: a for a in actors}
        persons = [a for a in actors if a.kind == "person"]
        self.top_person = max(persons, key=lambda a: (len(a.mentions), -actors.index(a))).id if persons else None
        self.person_mentions = sorted((m.start, m.end, a.id) for a in persons for m in a.mentions)
        self.mention_starts = [s for s, _, _ in self.person_mentions]

    def persons_between(self, lo: int, hi: int, speaker: str | None) -> int:
        """How many mentions of person actors other than ``speaker`` lie inside ``[lo, hi)``."""
        k = bisect.bisect_left(self.mention_starts, lo)
        n = 0
        while k < len(self.person_mentions) and self.person_mentions[k][0] < hi:
            _, e, aid = self.person_mentions[k]
            if e <= hi and aid != speaker:
                n += 1
            k += 1
        return n

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)


def _how(f: Found) -> str:
    return "" if f.how == "none" else f.how  # nothing found: the quotation has no speaker


def features(
    f: Found,
    q: Quote,
    ctx: DocumentContext,
    names: Sequence[str | None],
    sure: frozenset[tuple[int, int]] = frozenset(),
) -> dict[str, float]:
    """The features of one quotation (sparse: only non-zero values).

    Args:
        f: the quotation as the rules found it (how, speaker mention).
        q: its record after actor linking (shown name, actor id).
        ctx: the document.
        names: the shown speaker names of all the document's quotations (for agreement).
        sure: the speaker mentions (start, end) of the document's quotations attributed by the cue right
            after them or the colon before them.
    """
    out: dict[str, float] = {}
    how = _how(f)
    if how:
        out[f"how_{how}"] = 1.0
    text = ctx.text
    nwords = len(_WORD.findall(text, f.start, f.end))
    out["quote_words"] = min(1.0, math.log1p(nwords) / LOG_QUOTE_WORDS)
    if f.start == 0 or text[text.rfind("\n", 0, f.start) + 1 : f.start].strip() == "":
        out["quote_opens_paragraph"] = 1.0
    if nwords < SHORT_QUOTE_WORDS:
        out["short_quote"] = 1.0
    si = ctx.sent_of(f.start)
    sb, se = ctx.sents[si] if ctx.sents else (0, len(text))
    persons = _titled_persons(text, sb, f.start) + _titled_persons(text, f.end, se)
    out["sentence_persons"] = min(persons, MAX_SENTENCE_PERSONS) / MAX_SENTENCE_PERSONS
    if persons >= 2:
        out["several_persons"] = 1.0
    sp = f.speaker
    if sp is None:
        out[NO_SPEAKER] = 1.0
        return _drop_zeros(out)
    cue = (f.cue or "").lower()
    if f.cue_kind == "marker":
        markers = attribution_markers()
        if cue == "nach" or cue in markers.get("prep", ()) or cue in markers.get("postp", ()):
            out["cue_marker"] = 1.0  # "laut X", "X zufolge", "nach Angaben X": the source is named there
        else:
            out["cue_source_word"] = 1.0  # "Demnach …", "…, wonach …": the source is named elsewhere
    elif f.cue_kind == "so":
        out["cue_so"] = 1.0
    elif f.cue_kind == "name":
        out["cue_name"] = 1.0  # a naming or judging verb: "nannte den Plan „…“"
    elif cue and cue not in speech_verbs():
        out["cue_unlisted"] = 1.0  # "„…“, strich Romney heraus": a verb the lexicon does not know
    actor = ctx.actors.get(q.speaker or "")
    _speaker_kind(sp, q, actor is not None, out)
    if actor is not None:
        out[f"actor_{actor.kind}"] = 1.0
        out["actor_mentions"] = min(1.0, math.log1p(len(actor.mentions)) / LOG_MENTIONS)
        if actor.id == ctx.top_person:
            out["actor_top_person"] = 1.0
    ssi = ctx.sent_of(sp.start)
    last = ctx.sent_of(max(f.start, f.end - 1))
    if si <= ssi <= last:
        out["speaker_in_sentence"] = 1.0
        away = 0
    else:
        away = si - ssi if ssi < si else ssi - last
    out["sentences_away"] = min(away, MAX_SENTENCES_AWAY) / MAX_SENTENCES_AWAY
    if f.start <= sp.start < f.end:
        out["speaker_inside_quote"] = 1.0
        gap = 0
    elif sp.start >= f.end:
        out["speaker_after"] = 1.0
        gap = sp.start - f.end
    else:
        gap = max(0, f.start - sp.end)
    out["chars_away"] = min(1.0, math.log1p(gap) / LOG_CHARS_AWAY)
    lo, hi = (f.end, sp.start) if sp.start >= f.end else (sp.end, f.start)
    if hi > lo and "\n" in text[lo:hi]:
        out["paragraph_between"] = 1.0
    if hi > lo:
        out["actors_between"] = min(ctx.persons_between(lo, hi, q.speaker), MAX_BETWEEN) / MAX_BETWEEN
        if hi - lo <= MAX_BETWEEN_CHARS:
            out["persons_between"] = min(_titled_persons(text, lo, hi), MAX_BETWEEN) / MAX_BETWEEN
    if q.speaker_name and names.count(q.speaker_name) > 1:
        out["same_name_elsewhere"] = 1.0
    if how not in _SURE_HOWS and (sp.start, sp.end) in sure:
        out["mention_sure_elsewhere"] = 1.0  # a neighbour's speaker, found right at that neighbour
        if away <= 1 and not out.get("actors_between") and not out.get("persons_between"):
            # "„…“, sagte Macron. Man sei bereit, „…“": the speaker of the sentence before, nobody named since
            out["sure_neighbour_uninterrupted"] = 1.0
    return _drop_zeros(out)


def _titled_persons(text: str, start: int, end: int) -> int:
    """How many persons ``text[start:end]`` names by a role title or a first name ("Bundeskanzler Friedrich
    Merz" is one: a run of such words counts once).  A cheap stand-in for reading every noun phrase."""
    first_names = word_set("first_names.txt")
    n = 0
    last_end = -2
    for m in _CAPITALISED.finditer(text, start, end):
        w = m.group()
        if is_role(w) or w.lower() in first_names:
            if m.start() != last_end + 1:
                n += 1
            last_end = m.end()
    return n


def _speaker_kind(sp: Phrase, q: Quote, linked: bool, out: dict[str, float]) -> None:
    words = sp.text.split()
    if sp.pronoun:
        out["sp_pronoun"] = 1.0
        if sp.text.lower() == "man":
            out["sp_impersonal"] = 1.0
        if q.speaker_name:
            out["sp_pronoun_named"] = 1.0
        return
    caps = [w.strip(",") for w in words if w[:1].isupper()]
    first_names = word_set("first_names.txt")
    if any(w.lower() in first_names for w in caps):
        out["sp_first_name"] = 1.0
        if any(a.lower() in first_names and b[:1].isupper() and not is_role(b) for a, b in itertools.pairwise(words)):
            out["sp_full_name"] = 1.0  # "Mark Rutte": a first name and a surname
    if any(is_role(w) for w in caps):
        out["sp_role"] = 1.0
    if words and words[0].lower() in word_set("determiners.txt"):
        out["sp_determiner"] = 1.0
    if words and words[0].lower() in _GENITIVE_OPENERS:
        out["sp_genitive"] = 1.0
    head = caps[0] if caps else ""
    if (
        head
        and not linked  # an actor's name may be a frequent word too ("Schröder", "Obama")
        and zipf(head) >= COMMON_ZIPF
        and not is_role(head)
        and head.lower() not in first_names
        and not is_organisation(head)
        and not is_country(head)
    ):
        out["sp_head_common"] = 1.0  # "Die Sichtweise von …", "Der Kurzfilm": a thing heads the phrase
    if len(words) == 1:
        out["sp_one_word"] = 1.0
    out["sp_person_score"] = max(-1, min(2, person_score(sp))) / 2
    if is_organisation(sp.text):
        out["sp_organisation"] = 1.0
    if is_country(sp.text):
        out["sp_country"] = 1.0
    if not q.speaker_name:
        out["name_dropped"] = 1.0  # a mention whose name names no one (speaker_names)


def _drop_zeros(feats: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in feats.items() if v}


def quotation_features(
    text: str,
    found: Sequence[Found],
    quotes: Sequence[Quote],
    sents: Sequence[tuple[int, int]],
    actors: Sequence[Actor],
) -> list[dict[str, float]]:
    """The features of every quotation of one document (``found[i]`` became ``quotes[i]``)."""
    ctx = DocumentContext(text, sents, actors)
    names = [q.speaker_name for q in quotes]
    sure = frozenset((f.speaker.start, f.speaker.end) for f in found if f.speaker is not None and _how(f) in _SURE_HOWS)
    return [features(f, q, ctx, names, sure) for f, q in zip(found, quotes, strict=True)]


def with_confidence(
    text: str,
    found: Sequence[Found],
    quotes: Sequence[Quote],
    sents: Sequence[tuple[int, int]],
    actors: Sequence[Actor],
    model: Callable[[], ConfidenceModel] = load_model,
) -> list[Quote]:
    """``quotes`` with their ``confidence`` set (rounded to 3 places: the output is deterministic), less the
    indirect ones the model drops (:attr:`ConfidenceModel.drop_below`)."""
    m = model()
    feats = quotation_features(text, found, quotes, sents, actors)
    scored = [replace(q, confidence=round(m.confidence(q.kind, x), 3)) for q, x in zip(quotes, feats, strict=True)]
    return [q for q in scored if m.keeps(q)]
