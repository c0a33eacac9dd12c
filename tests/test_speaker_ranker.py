"""The learned speaker ranker (briefing/extract/quotes/ranker.py): which candidate it prefers in typical German
attribution patterns, when it overrides the rules, and what it hands on to the confidence model."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from briefing.extract.quotes import confidence as qc
from briefing.extract.quotes import extract_quotes, ranker, to_records
from briefing.extract.quotes.speakers import Phrase
from briefing.extract.sentences import split_sentences


class _Watching:
    """The shipped ranker, keeping what it saw: per quotation index, the candidates' texts and probabilities."""

    def __init__(self) -> None:
        self.shipped = ranker.ModelChooser(ranker.load_model())
        self.seen: dict[int, dict[str, float]] = {}

    def choose(self, i, cands, feats):
        self.seen[i] = {c.text: p for c, p in zip(cands, self.shipped.model.probabilities(feats), strict=True)}
        return self.shipped.choose(i, cands, feats)


def _ranked(text: str, quote: str):
    """The quotation of ``text`` that starts with ``quote`` and the ranker's probabilities for its candidates."""
    watch = _Watching()
    found, _ = extract_quotes(text, split_sentences(text), ranker=watch)
    i = next(k for k, f in enumerate(found) if text[f.start : f.end].lstrip("„").startswith(quote))
    return found[i], watch.seen.get(i, {})


def _p(probs: dict[str, float], words: str) -> float:
    return next(p for c, p in probs.items() if words in c)


def test_the_inverted_subject_of_a_speech_verb_beats_a_person_after_a_preposition() -> None:
    # Olaf Scholz is the object of "mit" inside a prepositional phrase: the rules pass him over
    # (speakers.governed_by_preposition) and take the inverted subject after the verb, and the ranker agrees.
    text = (
        "Nach dem Treffen mit Olaf Scholz äußerte sich Finanzminister Christian Lindner zuversichtlich. "
        "„Wir haben eine gute Grundlage gefunden, und das ist entscheidend für uns.“"
    )
    f, probs = _ranked(text, "Wir haben")
    assert _p(probs, "Lindner") > _p(probs, "Scholz")
    assert f.speaker is not None and "Lindner" in f.speaker.text and not f.ranked


def test_the_speaker_is_not_the_addressee_after_a_preposition() -> None:
    text = (
        "Am Montag wandte sich Verbandschef Peter Müller an Ministerin Anna Schulz. "
        "„Wir erwarten eine klare Antwort, und zwar noch in diesem Monat.“"
    )
    f, probs = _ranked(text, "Wir erwarten")
    assert _p(probs, "Müller") > _p(probs, "Schulz")
    assert f.speaker is not None and "Müller" in f.speaker.text and not f.ranked


def test_a_newly_named_person_beats_the_previous_quotations_speaker() -> None:
    text = (
        "„Wir werden das prüfen“, sagte Merkel am Montag in Berlin. "
        "Innenminister Horst Seehofer widersprach ihr am Abend deutlich. "
        "„Das ist falsch, und wir werden das auch nicht zulassen.“"
    )
    f, probs = _ranked(text, "Das ist falsch")
    assert _p(probs, "Seehofer") > _p(probs, "Merkel")
    assert f.speaker is not None and "Seehofer" in f.speaker.text
    assert f.rank_p is not None and f.rank_p > 0.5 and f.rank_margin is not None and f.rank_margin > 0


def test_a_speaker_found_at_its_cue_is_not_ranked() -> None:
    # Where a cue names the speaker, the rules' reading stands and the ranker does not spend time on it.
    text = "„Wir werden das prüfen“, sagte Merkel am Montag in Berlin."
    f, probs = _ranked(text, "Wir werden")
    assert f.how == "after" and not probs and f.rank_p is None and not f.ranked


@pytest.mark.parametrize(
    ("probs", "margin", "chosen"),
    [
        ([0.5, 0.45, 0.05], 0.1, 0),  # the best beats the rules' pick by less than the margin
        ([0.3, 0.6, 0.1], 0.1, 1),  # ... by more
        ([0.3, 0.6, 0.1], None, 0),  # no margin: the ranker never overrides
        ([0.4, 0.4, 0.2], 0.0, 0),  # a tie keeps the rules' pick
    ],
)
def test_decide_overrides_only_by_the_margin(probs: list[float], margin: float | None, chosen: int) -> None:
    caps = [frozenset({"a"}), frozenset({"b"}), frozenset({"c"})]
    k, p, lead = ranker.decide(caps, probs, margin)
    assert k == chosen and p == probs[chosen]
    assert lead == pytest.approx(probs[chosen] - max(q for m, q in enumerate(probs) if m != chosen))


def test_the_lead_ignores_rivals_naming_the_same_one() -> None:
    # "Horst Seehofer" and "Seehofer" are one person: the lead is over the best rival naming someone else.
    cands = [Phrase(0, 14, "Horst Seehofer"), Phrase(20, 28, "Seehofer"), Phrase(30, 36, "Merkel")]
    caps = [ranker._caps(c.text) for c in cands]
    k, p, lead = ranker.decide(caps, [0.5, 0.3, 0.2], 0.1)
    assert k == 0 and lead == pytest.approx(0.3)


def test_shipped_ranker_carries_the_licence_and_knows_its_features() -> None:
    data = json.loads(resources.files("briefing.lang").joinpath(ranker.SPEAKER_RANKER).read_text(encoding="utf-8"))
    assert "CC BY-NC-SA 4.0" in data["licence"]
    assert set(data["model"]["weights"]) <= set(ranker.FEATURES)
    assert data["margin"] is None or 0.0 <= data["margin"] < 1.0


def test_the_confidence_model_reads_the_rankers_view() -> None:
    assert {"rank_p", "rank_margin", "rank_changed"} <= set(qc.FEATURES)
    text = (
        "„Wir werden das prüfen“, sagte Merkel am Montag in Berlin. "
        "Innenminister Horst Seehofer widersprach ihr am Abend deutlich. "
        "„Das ist falsch, und wir werden das auch nicht zulassen.“"
    )
    f, _ = _ranked(text, "Das ist falsch")
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    records = to_records(text, found, sents)
    feats = qc.quotation_features(text, found, records, sents, [])
    assert feats[1]["rank_p"] == pytest.approx(f.rank_p)
    assert "rank_p" not in feats[0]  # the first quotation's speaker is found at its cue: not ranked
