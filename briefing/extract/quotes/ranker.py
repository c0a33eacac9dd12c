"""Which of a quotation's speaker candidates spoke?  A small learned ranker beside the speaker rules.

The rules (:mod:`.direct`, :mod:`.indirect`, :mod:`.resolve`) pick ONE speaker mention per quotation.  Where
they only guessed it (from the context, or lent from a neighbouring quotation: :data:`GUESSED_HOWS`) the
pick gets a handful of rivals: the noun phrases of the quotation's own sentence (outside the quotation) and
of the sentence before, the speakers of the speech cues two sentences back to one ahead, and the speakers
the rules gave the quotations next to it.  Each (quotation, candidate) pair is described by features that
name no words beyond closed classes: whether and by which rule (``Found.how``) the rules picked it, which
sentence it is in, how far it is and on which side, where it stands to a speech cue (the cue's speaker
slot, right after the verb: an inverted subject; after a preposition or an oblique article: an addressee
or object), what heads it (a first name and surname, a role title, an organisation or country, a pronoun,
a common German word by wordfreq), whether it spoke the quotation before, how many candidates lie between
it and the quotation, whether it is inside another quotation; and (round 19) salience and discourse: whether
it is in the quotation's paragraph (or in the one before a quotation opening its paragraph), how many tokens
away, how often its capitalised words occur in the document and whether most often of the candidates,
whether it spoke the quotation before or after in the same paragraph (a turn), and whether the quotation's
sentence has a speech verb (then a candidate in it, else one before).

A conditional logit (a softmax over each quotation's candidates) scores them; it is learned on the training
split by ``scripts/learn_speaker_ranker.py`` (numpy, offline) and shipped as
``briefing/lang/speaker_ranker.json``, read here in pure Python, never fetched.  The weights are learned
from data licensed CC BY-NC-SA 4.0 and carry that licence.  The ranker overrides the rules' pick only where
its best candidate beats the pick by the file's ``margin`` (null: never), and the records put the pick back
where the override names no one (:func:`.records.keep_rules_pick`).  The file may name features the model
was learned without (``without``: round 19, b19 measured a model without the rules' pick and way, learned on
every quotation, that judges the candidates on their own; not shipped, docs/quotes-evaluation.md) and the
picks it decides (``scope``, default the guessed ones).  In every case the chosen mention's probability and
its lead over the best rival naming someone else are kept on the quotation (``Found.rank_p``,
``Found.rank_margin``) for the confidence model (:mod:`.confidence`).  A quotation the rules left without a
speaker is given the best candidate only where the file names a ``fill`` (null: never; round 19 found it
does not carry over).

Cost (the quotation step is timed): candidates reuse what the pipeline read - the noun phrases the
resolution rules read (memoised per text), the cues' and the neighbours' speakers - and what a mention is
is worked out once per document.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol

from briefing.extract.quotes.base import HOWS, Cue, Found
from briefing.extract.quotes.lexicon import is_role, word_set
from briefing.extract.quotes.linear import LinearModel
from briefing.extract.quotes.speaker_names import RARE_ZIPF, is_country, is_organisation
from briefing.extract.quotes.speakers import Phrase, noun_phrases, person_score
from briefing.lang import LanguageDataError, learned
from briefing.lang.frequency import COMMON_ZIPF, zipf

SPEAKER_RANKER = "speaker_ranker.json"
# Sentences around the quotation's own whose speech cues lend their speakers as candidates.
PREVIOUS_SENTENCES = 2
NEXT_SENTENCES = 1
# The quotations ranked: those whose speaker the rules guessed from the context or lent from a neighbouring
# quotation (Found.how).  Where a cue names the speaker (or a titled subject opens the quotation's own
# sentence: "subject") the rules' reading stands: with every quotation ranked, out of fold on train the
# ranker overrode 2 of about 1,900 such picks, and reading the rivals of all of them made the quotation
# step a quarter slower; the "subject" ones gained nothing out of fold.
GUESSED_HOWS = frozenset(["context", "previous", "next"])
# The candidates nearest to the quotation kept besides the rules' pick (further ones are rarely the speaker
# and cost features).
MAX_RIVALS = 4
# Scales to about [0, 1].
LOG_CHARS = math.log1p(1000)
LOG_TOKENS = math.log1p(150)
LOG_MENTIONS = math.log1p(20)
MAX_BETWEEN = 3
# Words after a cue verb before its inverted subject ("sagte daraufhin der Minister").
INVERTED_GAP_TOKENS = 2
INVERTED_GAP_CHARS = 30
_CLAUSE_MARKS = frozenset(",;:.")

FEATURES: tuple[str, ...] = (
    "rules",
    *(f"rules_{h}" for h in HOWS),
    "direct_quote",
    "same_sentence",
    "previous_sentence",
    "previous2_sentence",
    "next_sentence",
    "before",
    "after",
    "inside",
    "chars_away",
    "between",
    "nearest",
    "neighbour_speaker",
    "spoke_previous",
    "spoke_next",
    "cue_speaker",
    "marker_source",
    "after_cue_verb",
    "before_cue_verb",
    "after_preposition",
    "oblique",
    "genitive",
    "full_name",
    "first_name",
    "role",
    "organisation",
    "country",
    "pronoun",
    "impersonal",
    "common_head",
    "rare_word",
    "name_shape",
    "one_word",
    "determiner",
    "person_score",
    "in_other_quote",
    "named_again",
    # round 19: salience and discourse, no words (see features())
    "same_paragraph",
    "tokens_away",
    "mentions",
    "most_mentioned",
    "turn_same_paragraph",
    "cue_sentence_own",
    "no_cue_sentence_before",
    "opens_paragraph_before",
)


# What a model file may say the ranker decides (``scope``): the quotations whose speaker the rules guessed
# (:data:`GUESSED_HOWS`), or every quotation the rules picked a speaker for (measured only: round 19 found the
# rules at a cue carry over to held-out text better than any model).
SCOPES = ("guessed", "every")


@dataclass(frozen=True)
class RankerModel:
    """The shipped weights, the margin by which the best candidate must beat the rules' pick, and the
    probability the best candidate needs to be given to a quotation the rules left without a speaker.

    ``without``: features the model was learned without (round 19: the rules' pick and way, ``rules`` and
    ``rules_*``, so that the model judges the candidates on their own and the rules' guess is one of them);
    they weigh nothing here whatever the weights say.  ``scope``: which picks it decides (:data:`SCOPES`)."""

    model: LinearModel
    margin: float | None  # None: the ranker never overrides the rules (its scores still feed confidence)
    fill: float | None = None  # None: a quotation the rules left without a speaker keeps none
    without: frozenset[str] = frozenset()
    scope: str = "guessed"

    def probabilities(self, feats: Sequence[dict[str, float]]) -> list[float]:
        """A softmax over one quotation's candidates (a conditional logit: the bias cancels)."""
        weights = self.model.weights
        skip = self.without
        scores = [sum(weights.get(k, 0.0) * v for k, v in x.items() if k not in skip) for x in feats]
        top = max(scores)
        exps = [math.exp(z - top) for z in scores]
        total = sum(exps)
        return [e / total for e in exps]


def parse_model(data: dict) -> RankerModel:
    """The model from its JSON form: ``{"model": {"bias", "weights"}, "margin": float | null, "fill": float |
    null, "without": [feature, ...], "scope": "guessed" | "every"}`` (no "fill": null; no "without": none; no
    "scope": "guessed").

    Raises:
        ValueError: a scope or a left-out feature the ranker does not know.
    """
    margin, fill = data.get("margin"), data.get("fill")
    without = frozenset(str(f) for f in data.get("without") or ())
    unknown = without.difference(FEATURES)
    if unknown:
        raise ValueError(f"unknown features left out: {', '.join(sorted(unknown))}")
    scope = str(data.get("scope") or "guessed")
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    return RankerModel(
        LinearModel.from_json(data["model"]),
        None if margin is None else float(margin),
        None if fill is None else float(fill),
        without,
        scope,
    )


@cache
def load_model() -> RankerModel:
    """The shipped ranker (package data ``briefing/lang/speaker_ranker.json``, read once).

    Raises:
        LanguageDataError: the file is missing or broken (a broken installation).
    """
    try:
        return parse_model(learned(SPEAKER_RANKER))
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        where = f"data file {SPEAKER_RANKER} of briefing.lang"
        raise LanguageDataError(f"{where} is broken ({e}); reinstall briefing") from None


# ------------------------------------------------------------------ candidates


@lru_cache(maxsize=2)
def _capitalised_counts(masked: str) -> dict[str, int]:
    """How often each capitalised word (lowercased, as :func:`_caps` keeps them) occurs in the document."""
    counts: dict[str, int] = {}
    for w in masked.split():
        w = w.strip(",.()!?;:\"'„“”«»")
        if w[:1].isupper() and len(w) > 2:
            key = w.lower()
            counts[key] = counts.get(key, 0) + 1
    return counts


@lru_cache(maxsize=4096)
def _caps(text: str) -> frozenset[str]:
    """The capitalised words of a mention, lowercased, less articles ("Der", "Die" opening a sentence): the
    scorer's test for "the same one named"."""
    words = (w.strip(",.()").lower() for w in text.split() if w[:1].isupper() and len(w) > 2)
    return frozenset(w for w in words if w not in word_set("determiners.txt"))


def candidates(
    masked: str,
    sents: Sequence[tuple[int, int]],
    found: Sequence[Found],
    i: int,
    si: int,
    by_sent: dict[int, list[Cue]],
    sent_of: Callable[[int], int],
) -> list[Phrase]:
    """The rules' pick of ``found[i]`` first (none when the rules left it without a speaker), then its rivals
    nearest first (see the module docstring).

    Rivals are what the pipeline already read, so that ranking costs little: the speakers of the speech
    cues of the quotation's sentence, the two before and the one after, the speakers the rules gave the
    other quotations there, and the noun phrases the resolution rules read (see below).  ``si``: the
    quotation's sentence.  Phrases overlapping the pick (or the mention it is shown at) or inside the
    quotation are left out (the same mention, or its words)."""
    f = found[i]
    pick = f.speaker
    last = si
    while last + 1 < len(sents) and sents[last + 1][0] < f.end:
        last += 1
    lo, hi = si - PREVIOUS_SENTENCES, last + NEXT_SENTENCES
    phrases: list[Phrase] = [c.speaker for k in range(lo, hi + 1) for c in by_sent.get(k, ()) if c.speaker is not None]
    # The noun phrases of the quotation's sentence before it (and after it, to the sentence's end) and of the
    # sentence before: the stretches the resolution rules read too (:mod:`.resolve`), so mostly remembered.
    stretches = [(sents[si][0], f.start), (f.end, sents[last][1])]
    if si > 0:
        stretches.append(sents[si - 1])
    for b, e in stretches:
        if e > b:
            phrases.extend(p for p in noun_phrases(masked, b, e) if p.pronoun or person_score(p) >= 0)
    first = sents[max(0, lo)][0]
    for j in range(i - 1, -1, -1):
        g = found[j]
        if g.end <= first:
            break
        if g.speaker is not None:
            phrases.append(g.speaker)
    end = sents[min(len(sents) - 1, hi)][1]
    for j in range(i + 1, len(found)):
        g = found[j]
        if g.start >= end:
            break
        if g.speaker is not None:
            phrases.append(g.speaker)
    qb, qe = f.start, f.end
    rivals = sorted(
        ((qb - p.end if p.end <= qb else p.start - qe if p.start >= qe else 0), p.start, k)
        for k, p in enumerate(phrases)
        if not qb <= p.start < qe
    )
    out = [] if pick is None else [pick]
    seen = [] if pick is None else [(pick.start, pick.end)]
    if f.mention is not None:
        seen.append((f.mention.start, f.mention.end))  # "Demnach": where the text names the pick's source
    for _, _, k in rivals:
        p = phrases[k]
        if any(p.start < e and s < p.end for s, e in seen):
            continue
        out.append(p)
        if len(out) - (pick is not None) >= MAX_RIVALS:
            break
        seen.append((p.start, p.end))
    return out


_OBLIQUE = frozenset(["den", "dem", "einen", "einem", "seinen", "seinem", "ihren", "ihrem", "diesen", "diesem"])
_GENITIVE = frozenset(["des", "eines"])


# ------------------------------------------------------------------ features


def features(
    masked: str,
    sents: Sequence[tuple[int, int]],
    found: Sequence[Found],
    i: int,
    si: int,
    cands: Sequence[Phrase],
    by_sent: dict[int, list[Cue]],
    sent_of: Callable[[int], int],
    memo: dict[tuple[int, int], tuple[dict[str, float], frozenset[str], int]] | None = None,
    picked: bool = True,
) -> list[dict[str, float]]:
    """The features of each candidate of ``found[i]`` (``cands[0]`` the rules' pick when ``picked``), sparse.

    ``memo``: what a mention is, by its span, shared by the quotations of one document (a cue's speaker is
    a candidate of several).  ``picked``: False for a quotation the rules left without a speaker (its
    candidates are rivals only)."""
    f = found[i]
    last = sent_of(max(f.start, f.end - 1))
    before = found[i - 1].speaker if i > 0 else None
    after = found[i + 1].speaker if i + 1 < len(found) else None
    prev_caps = _caps(before.text) if before is not None else frozenset()
    next_caps = _caps(after.text) if after is not None else frozenset()
    neighbour_spans = {(p.start, p.end) for p in (before, after) if p is not None}
    others = [(g.start, g.end) for g in found[max(0, i - 2) : i + 3] if g is not f]
    if memo is None:
        memo = {}
    own = []
    for c in cands:
        known = memo.get((c.start, c.end))
        if known is None:
            cs = sent_of(c.start)
            intrinsic = dict(_head(c.text, c.pronoun))
            _cue_position(masked, c, by_sent.get(cs, ()), sents[cs][0], intrinsic)
            known = memo[(c.start, c.end)] = (intrinsic, _caps(c.text), cs)
        own.append(known)
    common: dict[str, float] = {"direct_quote": 1.0} if f.kind == "direct" else {}
    spans = [(c.start, c.end) for c in cands]
    n = len(cands)
    again = [False] * n
    for k in range(n):
        for m in range(k + 1, n):
            if own[k][1] & own[m][1]:
                again[k] = again[m] = True
    qb, qe = f.start, f.end
    # The quotation's paragraph (a line of the text), whether its sentence has a speech verb, and how often
    # each candidate's capitalised words occur in the document (salience: the protagonist is named again).
    para_b = masked.rfind("\n", 0, qb) + 1
    para_e = masked.find("\n", qe)
    if para_e < 0:
        para_e = len(masked)
    opens = sents[si][0] <= para_b or not masked[para_b : sents[si][0]].strip()
    verb_cue = any(c.kind != "marker" for k in range(si, last + 1) for c in by_sent.get(k, ()))
    prev_in_para = i > 0 and found[i - 1].start >= para_b
    next_in_para = i + 1 < len(found) and found[i + 1].start < para_e
    counts = _capitalised_counts(masked)
    named = [max((counts.get(w, 0) for w in own[k][1]), default=0) for k in range(n)]
    most = max(named, default=0)
    out = []
    for k, (cb, ce) in enumerate(spans):
        intrinsic, caps, cs = own[k]
        x = {**intrinsic, **common}
        if k == 0 and picked:
            x["rules"] = 1.0
            if f.how in HOWS:
                x[f"rules_{f.how}"] = 1.0
        if si <= cs <= last:
            x["same_sentence"] = 1.0
        elif cs == si - 1:
            x["previous_sentence"] = 1.0
        elif cs < si - 1:
            x["previous2_sentence"] = 1.0
        else:
            x["next_sentence"] = 1.0
        if ce <= qb:
            x["before"] = 1.0
            lo, hi = ce, qb
        elif cb >= qe:
            x["after"] = 1.0
            lo, hi = qe, cb
        else:
            x["inside"] = 1.0
            lo = hi = cb
        x["chars_away"] = min(1.0, math.log1p(hi - lo) / LOG_CHARS)
        x["tokens_away"] = min(1.0, math.log1p(len(masked[lo:hi].split())) / LOG_TOKENS)
        if para_b <= cb and ce <= para_e:
            x["same_paragraph"] = 1.0
        elif ce <= para_b and opens:
            x["opens_paragraph_before"] = 1.0  # a quotation opening its paragraph, a speaker from the one before
        if named[k]:
            x["mentions"] = min(1.0, math.log1p(named[k]) / LOG_MENTIONS)
            if named[k] == most and most > 1:
                x["most_mentioned"] = 1.0
        if si <= cs <= last and verb_cue:
            x["cue_sentence_own"] = 1.0  # the quotation's own sentence has a speech verb, and this is in it
        elif cs < si and not verb_cue:
            x["no_cue_sentence_before"] = 1.0  # no speech verb in its sentence: the speaker was named before
        between = sum(1 for b, e in spans if lo <= b and e <= hi)
        if between:
            x["between"] = min(between, MAX_BETWEEN) / MAX_BETWEEN
        else:
            x["nearest"] = 1.0
        if (cb, ce) in neighbour_spans:
            x["neighbour_speaker"] = 1.0
        if caps:
            if caps & prev_caps:
                x["spoke_previous"] = 1.0
                if prev_in_para:
                    x["turn_same_paragraph"] = 1.0  # continuation: the paragraph's previous quotation is theirs
            if caps & next_caps:
                x["spoke_next"] = 1.0
                if next_in_para:
                    x["turn_same_paragraph"] = 1.0
            if again[k]:
                x["named_again"] = 1.0
        for b, e in others:
            if b <= cb and ce <= e:
                x["in_other_quote"] = 1.0
                break
        out.append(x)
    return out


def _cue_position(masked: str, c: Phrase, cues: Sequence[Cue], sb: int, x: dict[str, float]) -> None:
    """Where the candidate stands to the speech cues of its sentence."""
    before = masked[max(sb, c.start - INVERTED_GAP_CHARS) : c.start].split()
    governed = bool(before) and before[-1].lower() in word_set("prepositions.txt")
    if governed:
        x["after_preposition"] = 1.0  # "sagte zu Journalisten", "nach dem Treffen mit X äußerte sich"
    for cue in cues:
        sp = cue.speaker
        if sp is not None and sp.start < c.end and c.start < sp.end:
            x["marker_source" if cue.kind == "marker" else "cue_speaker"] = 1.0
        if cue.kind == "marker":
            continue
        if 0 <= c.start - cue.end <= INVERTED_GAP_CHARS:
            gap = masked[cue.end : c.start]
            if len(gap.split()) <= INVERTED_GAP_TOKENS and not _CLAUSE_MARKS.intersection(gap):
                x["after_cue_verb"] = 1.0  # "„…“, sagte der Minister": the inverted subject
        if not governed and c.end <= cue.start and not masked[c.end : cue.start].strip():
            x["before_cue_verb"] = 1.0  # "Der Minister sagte": the prefield subject


@lru_cache(maxsize=16384)
def _head(text: str, pronoun: bool) -> tuple[tuple[str, float], ...]:
    """What a mention is: pronoun, name, role, organisation or country, a common word (by its words alone:
    remembered across documents)."""
    x: dict[str, float] = {}
    if pronoun:
        x["pronoun"] = 1.0
        if text.lower() == "man":
            x["impersonal"] = 1.0
        x["person_score"] = 1.0
        return tuple(x.items())
    words = text.split()
    first = words[0].lower()
    if first in _OBLIQUE:
        x["oblique"] = 1.0  # "dem Sender", "den Journalisten": an addressee or object
    elif first in _GENITIVE:
        x["genitive"] = 1.0
    if first in word_set("determiners.txt"):
        x["determiner"] = 1.0
    if len(words) == 1:
        x["one_word"] = 1.0
    determiners = word_set("determiners.txt")
    caps = [w.strip(",()") for w in words if w[:1].isupper() and w.lower() not in determiners]
    first_names = word_set("first_names.txt")
    named = [k for k, w in enumerate(caps) if w.lower() in first_names]
    if named:
        x["full_name" if any(k + 1 < len(caps) for k in named) else "first_name"] = 1.0
    if any(is_role(w) for w in caps):
        x["role"] = 1.0
    if is_organisation(text):
        x["organisation"] = 1.0
    elif is_country(text):
        x["country"] = 1.0
    rare = [w for w in caps if zipf(w) < RARE_ZIPF]
    if rare:
        x["rare_word"] = 1.0  # a surname or a name the lexicons do not know ("Wittner", "Reuters")
        if len(caps) >= 2 and caps[-1] in rare:
            x["name_shape"] = 1.0  # "Rainer Wittner", "Radio Vatikan": capitalised words ending in a rare one
    head = caps[0] if caps else ""
    common = head and not named and not rare and zipf(head) >= COMMON_ZIPF
    if common and not is_role(head) and not is_organisation(head):
        x["common_head"] = 1.0  # "Die Sichtweise", "Angaben": a thing heads the phrase
    x["person_score"] = max(-1, min(2, person_score(Phrase(0, 0, text)))) / 2
    return tuple(x.items())


# ------------------------------------------------------------------ the decision


class Chooser(Protocol):
    """Decides each quotation's speaker among its candidates (the shipped model, or a recorder that learns).

    A protocol: a chooser need not subclass it (this module is compiled, and a Python class cannot subclass a
    compiled one; scripts/learn_speaker_ranker.py and the tests bring their own)."""

    def choose(self, i: int, cands: list[Phrase], feats: list[dict[str, float]]) -> tuple[int, float, float]:
        """(index of the chosen candidate, its probability, its lead over the best rival naming someone else)."""
        ...


class ModelChooser:
    """The shipped ranker: the best candidate when it beats the rules' pick by the model's margin (or, for a
    quotation the rules left without a speaker, when its probability reaches the model's fill), and names
    someone (:func:`may_take`; ``words``: the document's text, indexed; None: any candidate)."""

    def __init__(self, model: RankerModel) -> None:
        self.model = model
        # the last quotation's view of the rules' pick (probability, lead), kept where the ranker overrides it
        self.pick_view = (0.0, 0.0)

    def choose(self, i: int, cands: list[Phrase], feats: list[dict[str, float]]) -> tuple[int, float, float]:
        caps = [_caps(c.text) for c in cands]
        picked = bool(feats[0].get("rules"))
        m = self.model
        probs = m.probabilities(feats)
        chosen = decide(caps, probs, m.margin, picked, m.fill)
        if chosen[0] > 0:
            _, p, lead = decide(caps, probs, None)
            self.pick_view = (p, lead)
        return chosen


def decide(
    caps: Sequence[frozenset[str]],
    probs: Sequence[float],
    margin: float | None,
    picked: bool = True,
    fill: float | None = None,
    eligible: Sequence[bool] | None = None,
) -> tuple[int, float, float]:
    """The chosen candidate (index 0 the rules' pick), its probability and its lead over the best rival that
    names someone else (``caps``: each candidate's capitalised words; a rival sharing none names someone
    else, a pronoun is a rival of everyone).

    Without a pick (``picked`` False: the rules left the quotation without a speaker) the best candidate is
    chosen when its probability reaches ``fill``; else the index is -1 (none chosen).  ``eligible``: which
    candidates may replace the pick or fill (:func:`names_someone`; None: all); when the best is not, the
    rules' reading stands."""
    best = max(range(len(probs)), key=lambda k: (probs[k], -k))
    free = eligible is None or eligible[best]
    if picked:
        k = best if free and margin is not None and probs[best] - probs[0] > margin else 0
    else:
        k = best if free and fill is not None and probs[best] >= fill else -1
    mine = caps[best if k < 0 else k]
    rivals = [probs[m] for m in range(len(probs)) if m != (best if k < 0 else k) and not (mine & caps[m])]
    p = probs[best if k < 0 else k]
    return k, p, p - max(rivals, default=0.0)


def rank_speakers(
    masked: str,
    sents: Sequence[tuple[int, int]],
    found: list[Found],
    by_sent: dict[int, list[Cue]],
    sent_of: Callable[[int], int],
    chooser: Chooser | None = None,
    every: bool = False,
) -> None:
    """Set each attributed quotation's ranker view and, where the ranker overrides the rules, its speaker.

    Ranked: the quotations whose speaker the rules guessed (:data:`GUESSED_HOWS`), and those they left
    without one when the shipped model fills them (its ``fill``); ``every``: all quotations (what
    scripts/learn_speaker_ranker.py measures).  All candidates are read before any speaker changes (a
    neighbour's speaker is the rules' pick).  Where a model (:class:`ModelChooser`, the shipped one by
    default) overrides a pick, the pick is kept on the quotation (``Found.rules_pick``): the records put it
    back when the choice names no one; the model's ``fill`` and ``scope`` say which quotations it ranks."""
    fills = every
    if chooser is None:
        chooser = ModelChooser(load_model())
    shipped = chooser if isinstance(chooser, ModelChooser) else None
    if shipped is not None:
        fills = fills or shipped.model.fill is not None
        every = every or shipped.model.scope == "every"
    decisions: list[tuple[Found, list[Phrase], tuple[int, float, float], tuple[float, float] | None]] = []
    memo: dict[tuple[int, int], tuple[dict[str, float], frozenset[str], int]] = {}
    for i, f in enumerate(found):
        if f.speaker is None:
            if not fills:
                continue
        elif not every and f.how not in GUESSED_HOWS:
            continue
        si = sent_of(f.start)
        cands = candidates(masked, sents, found, i, si, by_sent, sent_of)
        if not cands:
            continue
        if len(cands) == 1 and f.speaker is not None:  # no rival: nothing to rank, and sure as far as it can tell
            decisions.append((f, cands, (0, 1.0, 1.0), None))
            continue
        feats = features(masked, sents, found, i, si, cands, by_sent, sent_of, memo, f.speaker is not None)
        chosen = chooser.choose(i, cands, feats)
        view = shipped.pick_view if shipped is not None and chosen[0] > 0 else None
        decisions.append((f, cands, chosen, view))
    for f, cands, (k, p, margin), view in decisions:
        if k < 0:
            continue  # left without a speaker
        f.rank_p, f.rank_margin = round(p, 6), round(margin, 6)
        if view is not None:
            f.rules_pick = (f.speaker, f.mention, round(view[0], 6), round(view[1], 6))
        if k or f.speaker is None:
            f.speaker, f.mention, f.ranked = cands[k], None, True
