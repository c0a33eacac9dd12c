"""Round 19: the speaker ranker's discourse and salience features, quotations ranked beyond the guessed ones
(what scripts/learn_speaker_ranker.py --every measures), and a quotation the rules left without a speaker
(the model's ``fill``).  German sentences written for these tests."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes, ranker
from briefing.extract.quotes.base import Found
from briefing.extract.quotes.speakers import Phrase
from briefing.extract.sentences import split_sentences


class _Recording:
    """Keeps each ranked quotation's candidates (text -> features); leaves the rules' pick, fills nothing."""

    def __init__(self) -> None:
        self.seen: dict[int, list[tuple[str, dict[str, float]]]] = {}

    def choose(self, i: int, cands: list[Phrase], feats: list[dict[str, float]]) -> tuple[int, float, float]:
        self.seen[i] = [(c.text, x) for c, x in zip(cands, feats, strict=True)]
        return (0 if feats[0].get("rules") else -1), 0.0, 0.0


def _features(text: str, quote: str, every: bool = True) -> tuple[bool, list[tuple[str, dict[str, float]]]]:
    """Whether the quotation of ``text`` starting with ``quote`` has a speaker, and its candidates' features."""
    rec = _Recording()
    found, _ = extract_quotes(text, split_sentences(text), ranker=rec, rank_every=every)
    i = next(k for k, f in enumerate(found) if text[f.start : f.end].lstrip("„").startswith(quote))
    return found[i].speaker is not None, rec.seen.get(i, [])


def _of(feats: list[tuple[str, dict[str, float]]], words: str) -> dict[str, float]:
    return next(x for c, x in feats if words in c)


def test_a_quotation_found_at_its_cue_is_ranked_when_every_quotation_is() -> None:
    text = (
        "Stadtrat Uwe Berg hatte den Bau lange kritisiert. "
        "„Wir bauen die Brücke bis zum Herbst fertig“, sagte Bürgermeisterin Karla Wendt am Dienstag."
    )
    assert not _features(text, "Wir bauen", every=False)[1]
    _, feats = _features(text, "Wir bauen")
    assert _of(feats, "Wendt")["rules"] == 1.0 and _of(feats, "Wendt")["cue_sentence_own"] == 1.0
    assert "rules" not in _of(feats, "Berg") and "cue_sentence_own" not in _of(feats, "Berg")


def test_a_quotation_opening_its_paragraph_and_a_candidate_of_the_paragraph_before() -> None:
    before = "Landrat Jens Oberdorf eröffnete am Morgen die neue Kreisstraße."
    quote = "„Das hat viel zu lange gedauert, und das ärgert uns alle sehr.“"
    _, feats = _features(f"{before}\n{quote}", "Das hat viel")
    assert _of(feats, "Oberdorf")["opens_paragraph_before"] == 1.0 and "same_paragraph" not in _of(feats, "Oberdorf")
    _, feats = _features(f"{before} {quote}", "Das hat viel")
    assert _of(feats, "Oberdorf")["same_paragraph"] == 1.0 and "opens_paragraph_before" not in _of(feats, "Oberdorf")


def test_a_sentence_without_a_speech_verb_looks_back_for_its_speaker() -> None:
    text = (
        "Trainer Holger Brandt saß nach dem Spiel neben Kapitän Jonas Weber auf dem Podium. "
        "„Wir waren heute einfach nicht gut genug, das muss man so sagen.“"
    )
    _, feats = _features(text, "Wir waren")
    brandt = _of(feats, "Brandt")
    assert brandt["no_cue_sentence_before"] == 1.0 and "cue_sentence_own" not in brandt


def test_the_most_named_candidate_and_the_speaker_of_the_paragraphs_previous_quotation() -> None:
    text = (
        "Ministerin Sabine Roth besuchte das Werk in Kassel. Roth lobte die Belegschaft. "
        "„Hier entsteht die Zukunft der Region“, sagte Roth, und Werksleiter Tim Sander nickte. "
        "„Wir brauchen aber schnellere Genehmigungen, sonst verlieren wir den Anschluss.“"
    )
    _, feats = _features(text, "Wir brauchen")
    roth, sander = _of(feats, "Roth"), _of(feats, "Sander")
    assert roth["most_mentioned"] == 1.0 and roth["mentions"] > sander["mentions"]
    assert "most_mentioned" not in sander
    assert roth["turn_same_paragraph"] == 1.0 and "turn_same_paragraph" not in sander
    # in the next paragraph, the previous quotation is no longer the same turn
    _, feats = _features(text.replace(" „Wir brauchen", "\n„Wir brauchen"), "Wir brauchen")
    assert "turn_same_paragraph" not in _of(feats, "Roth") and _of(feats, "Roth")["spoke_previous"] == 1.0


def test_a_quotation_without_a_speaker_gets_rivals_but_no_pick() -> None:
    text = "Bürgermeister Ole Janssen und Kämmerin Eva Brandt stellten den Haushalt vor. „Wir sparen, wo es geht.“"
    sents = split_sentences(text)
    qb = text.index("„")
    f = Found("direct", qb, len(text), None, None)
    cands = ranker.candidates(text, sents, [f], 0, 1, {}, lambda pos: 0 if pos < sents[1][0] else 1)
    assert cands and all("Janssen" in c.text or "Brandt" in c.text for c in cands)
    feats = ranker.features(text, sents, [f], 0, 1, cands, {}, lambda pos: 0 if pos < sents[1][0] else 1, None, False)
    assert all("rules" not in x for x in feats)
    with_pick = ranker.features(text, sents, [f], 0, 1, cands, {}, lambda pos: 0 if pos < sents[1][0] else 1)
    assert with_pick[0]["rules"] == 1.0


@pytest.mark.parametrize(
    ("probs", "fill", "chosen"),
    [
        ([0.7, 0.2, 0.1], 0.6, 0),  # the best candidate reaches the fill: given
        ([0.2, 0.5, 0.3], 0.6, -1),  # it does not: none
        ([0.2, 0.7, 0.1], None, -1),  # no fill: a quotation without a speaker keeps none
    ],
)
def test_decide_fills_a_quotation_without_a_pick_only_at_the_fill(
    probs: list[float], fill: float | None, chosen: int
) -> None:
    caps = [frozenset([str(k)]) for k in range(len(probs))]
    k, p, lead = ranker.decide(caps, probs, 0.0, picked=False, fill=fill)
    assert k == chosen and p == max(probs) and lead > 0


def test_the_model_file_may_name_a_fill() -> None:
    base = {"model": {"bias": 0.0, "weights": {"rules": 1.0}}, "margin": None}
    assert ranker.parse_model(base).fill is None
    assert ranker.parse_model(dict(base, fill=0.75)).fill == 0.75
