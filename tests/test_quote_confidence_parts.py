"""Round 16: an indirect quotation's confidence in two learned parts, P(reported speech) and P(speaker right |
speech), each with its own label (scripts/quote_cv.py), multiplied.  Made-up German sentences."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from briefing.extract.quotes import confidence as qc
from briefing.lang import QUOTE_CONFIDENCE, learned, quote_display_threshold

# ------------------------------------------------------------------ the model's arithmetic


def _model(speech: qc.LinearModel | None) -> qc.ConfidenceModel:
    return qc.ConfidenceModel(
        qc.LinearModel(2.0, {"how_after": 1.0}),
        qc.LinearModel(1.0, {"how_cue": 1.0}),
        0.9,
        display_threshold_indirect=0.8,
        indirect_speech=speech,
    )


def test_the_indirect_confidence_is_the_product_of_its_parts() -> None:
    model = _model(qc.LinearModel(0.0, {"clause_konjunktiv": 2.0}))
    feats = {"how_cue": 1.0, "clause_konjunktiv": 1.0}
    speech, speaker = model.parts("indirect", feats)
    assert speech == pytest.approx(1 / (1 + pow(2.718281828459045, -2.0)))
    assert speaker == pytest.approx(1 / (1 + pow(2.718281828459045, -2.0)))
    assert model.confidence("indirect", feats) == pytest.approx(speech * speaker)
    # without the Konjunktiv the record is less likely speech, the speaker part is the same
    plain = {"how_cue": 1.0}
    assert model.parts("indirect", plain)[0] < speech
    assert model.parts("indirect", plain)[1] == speaker
    # the speech model's features are computed for indirect records, not for direct ones
    assert "clause_konjunktiv" in model.read_features["indirect"]
    assert "clause_konjunktiv" not in model.read_features["direct"]


def test_direct_quotations_and_old_files_have_one_model() -> None:
    model = _model(qc.LinearModel(-5.0, {}))
    assert model.parts("direct", {"how_after": 1.0})[0] == 1.0
    old = _model(None)
    feats = {"how_cue": 1.0}
    assert old.parts("indirect", feats) == (1.0, old.indirect.probability(feats))
    assert old.confidence("indirect", feats) == old.indirect.probability(feats)


def test_no_speaker_no_confidence_in_either_part() -> None:
    model = _model(qc.LinearModel(3.0, {}))
    assert model.parts("indirect", {qc.NO_SPEAKER: 1.0}) == (0.0, 0.0)
    assert model.confidence("indirect", {qc.NO_SPEAKER: 1.0}) == 0.0


def test_the_speech_model_goes_to_json_and_back() -> None:
    model = _model(qc.LinearModel(0.5, {"clause_dass": -0.25}))
    data = qc.model_to_json(model, {"licence": "x"})
    assert data["indirect_speech"] == {"bias": 0.5, "weights": {"clause_dass": -0.25}}
    assert qc.parse_model(data) == model
    assert "indirect_speech" not in qc.model_to_json(_model(None), {})
    assert qc.parse_model(qc.model_to_json(_model(None), {})).indirect_speech is None


def test_the_shipped_file_has_both_parts_on_their_features() -> None:
    data = learned(QUOTE_CONFIDENCE)
    model = qc.load_model()
    assert model.indirect_speech is not None and model.indirect_speech.weights
    assert set(data["indirect_speech"]["weights"]) <= set(qc.FEATURES)
    # the speaker part reads no clause form: that tells speech, not who spoke
    assert set(model.indirect.weights) <= set(qc.SPEAKER_FEATURES)
    assert not any(f.startswith("clause_") for f in qc.SPEAKER_FEATURES)
    assert any(f.startswith("clause_") for f in model.indirect_speech.weights)


# ------------------------------------------------------------------ on sentences of our own


@pytest.fixture(scope="module")
def nlp():
    from briefing.extract.quotes.jsonl import build_nlp

    return build_nlp()


def _scored(nlp, text: str, fragment: str) -> tuple[float, float, float, str | None]:
    """(speech part, speaker part, confidence, shown name) of the one quotation of ``text`` holding
    ``fragment``, by the shipped model."""
    from briefing.extract.quotes import extract_quotes, to_records
    from briefing.extract.sentences import TEXT_KEY, USER_DATA_KEY

    with nlp.select_pipes(disable=["briefing_quotes"]):
        doc = nlp(text)
    text = doc.user_data.get(TEXT_KEY, doc.text)
    sents = list(doc.user_data.get(USER_DATA_KEY) or [(s.start_char, s.end_char) for s in doc.sents])
    actors = list(getattr(doc._, "briefing_actors", None) or [])
    found, _ = extract_quotes(text, sents)
    records = to_records(text, found, sents, actors)
    feats = qc.quotation_features(text, found, records, sents, actors)
    model = qc.load_model()
    (hit,) = [(q, x) for q, x in zip(records, feats, strict=True) if fragment in text[q.start : q.end]]
    q, x = hit
    assert q.kind == "indirect"
    speech, speaker = model.parts(q.kind, x)
    return speech, speaker, model.confidence(q.kind, x), q.speaker_name


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "Die Regierung werde die Renten im kommenden Jahr erhöhen, sagte Arbeitsministerin Bärbel Bas am "
            "Dienstag in Berlin.",
            "die Renten",
            "Bärbel Bas",
        ),
        (
            "Finnland werde seine Truppen an der Grenze verstärken, sagte Ministerpräsident Petteri Orpo am Mittwoch.",
            "seine Truppen",
            "Petteri Orpo",
        ),
        (
            "Man werde die Grenzkontrollen bis zum Sommer verlängern, sagte Innenminister Alexander Dobrindt.",
            "die Grenzkontrollen",
            "Alexander Dobrindt",
        ),
    ],
)
def test_a_textbook_report_is_shown_with_its_speaker(nlp, text: str, fragment: str, name: str) -> None:
    speech, speaker, confidence, shown_name = _scored(nlp, text, fragment)
    assert shown_name == name
    assert confidence >= quote_display_threshold("indirect")


def test_a_narrative_sentence_is_not_shown_and_is_less_likely_speech(nlp) -> None:
    report = _scored(
        nlp, "Die Grenzkontrollen würden bis zum Sommer verlängert, sagte Innenminister Alexander Dobrindt.", "würden"
    )
    narrative = _scored(
        nlp,
        "Innenminister Alexander Dobrindt sprach am Montag in Berlin vor Journalisten. Danach reiste er ab.",
        "sprach am Montag",
    )
    assert narrative[2] < quote_display_threshold("indirect") <= report[2]
    assert narrative[0] < report[0]  # the speech part tells them apart


def test_a_speaker_from_the_sentence_before_is_less_sure_than_one_in_its_own(nlp) -> None:
    own = _scored(
        nlp,
        "Die Grenzkontrollen würden bis zum Sommer verlängert, sagte Innenminister Alexander Dobrindt am Montag.",
        "würden",
    )
    before = _scored(
        nlp,
        "Innenminister Alexander Dobrindt sprach am Montag in Berlin vor Journalisten. "
        "Die Grenzkontrollen würden bis zum Sommer verlängert.",
        "würden",
    )
    assert own[3] == before[3] == "Alexander Dobrindt"
    assert before[1] < own[1]  # the speaker part doubts the neighbour's speaker
    assert before[2] < own[2]


def test_the_records_own_cue_after_it_is_no_second_cue(nlp) -> None:
    from test_quote_confidence import _one

    own = _one(nlp, "Die Lage sei ernst, sagte Finanzminister Lars Klingbeil am Montag.", "Die Lage")
    assert "cue_after_too" not in own and "how_cue" in own
    # another cue after a quotation attributed otherwise still counts (test_quote_confidence.py,
    # test_quotation_features: "Merz nannte den Haushalt „…“ und sagte, …")
    other = _one(nlp, "Merz nannte den Haushalt „einen Fehler der alten Regierung“ und sagte, man werde ihn ändern.",
                 "einen Fehler")
    assert "cue_after_too" in other


# ------------------------------------------------------------------ the labels (scripts/quote_cv.py)


def _cv():
    import importlib
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    try:
        return importlib.import_module("quote_cv")
    finally:
        sys.path.pop(0)


def _overlap(a: list[int], b: list[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _caps(s: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\b[A-ZÄÖÜ][\wäöüß\-]{2,}", s or "")}


def _speaker_ok(text: str, gold: dict, pred: dict) -> bool:
    span = pred["speaker"]["span"]
    if span and any(_overlap(span, g) > 0 for g in gold["speaker"]["spans"]):
        return True
    return bool(_caps(pred["speaker"]["name"] or "") & _caps(gold["speaker"]["text"]))


def _norm_bounds(text: str, b: int, e: int) -> tuple[int, int]:
    strip = " \"„“.,:;"
    while b < e and text[b] in strip:
        b += 1
    while e > b and text[e - 1] in strip:
        e -= 1
    return b, e


def _cover(spans: list[list[int]]) -> list[int] | None:
    spans = [s for s in spans if s and s[1] > s[0]]
    return [min(s[0] for s in spans), max(s[1] for s in spans)] if spans else None


# A stand-in for the shared scorer's helpers with their documented meaning (the tests do not read its code).
SCORER = SimpleNamespace(_overlap=_overlap, _speaker_ok=_speaker_ok, _norm_bounds=_norm_bounds, _cover=_cover)

TEXT = (
    "Die Ministerin sprach am Montag lange vor der Presse in Berlin über den Haushalt. Sie sagte, die Lage sei "
    "ernst, die Regierung werde sparen und die Steuern blieben gleich. Der Minister widersprach."
)


def _span(fragment: str) -> list[int]:
    b = TEXT.index(fragment)
    return [b, b + len(fragment)]


def _gold(*quotes: tuple[str, str]) -> dict:
    return {
        "text": TEXT,
        "quotes": [
            {"type": "Indirect", "quote": {"spans": [_span(q)]}, "speaker": {"spans": [_span(s)], "text": s}}
            for q, s in quotes
        ],
    }


def _pred(fragment: str, name: str | None, mention: str | None = None) -> dict:
    return {
        "kind": "indirect",
        "span": _span(fragment),
        "speaker": {"span": _span(mention) if mention else None, "name": name},
    }


def test_a_clause_of_a_longer_gold_report_is_speech_with_the_speaker_right() -> None:
    cv = _cv()
    gold = _gold(("die Lage sei ernst, die Regierung werde sparen und die Steuern blieben gleich", "Sie"))
    preds = [
        _pred("die Regierung werde sparen", "Die Ministerin", "Sie"),  # one clause of the chain
        _pred("die Regierung werde sparen", "Der Minister", "Der Minister"),  # the same, the speaker wrong
    ]
    assert cv.speech_labels(gold, preds, SCORER) == ([1, 1], [1, 0])


def test_a_record_swallowing_narrative_around_a_short_report_is_not_speech() -> None:
    cv = _cv()
    gold = _gold(("die Lage sei ernst", "Sie"))
    swallow = _pred("Die Ministerin sprach am Montag lange vor der Presse in Berlin über den Haushalt. Sie sagte, "
                    "die Lage sei ernst", "Die Ministerin", "Sie")
    elsewhere = _pred("Der Minister widersprach", "Der Minister", "Der Minister")
    assert cv.speech_labels(gold, [swallow, elsewhere], SCORER) == ([0, 0], [None, None])


def test_the_speaker_is_judged_against_the_gold_report_it_overlaps_most() -> None:
    cv = _cv()
    gold = _gold(
        ("die Lage sei ernst", "Der Minister"), ("die Regierung werde sparen und die Steuern blieben gleich", "Sie")
    )
    pred = _pred("ernst, die Regierung werde sparen und die Steuern blieben gleich", "Die Ministerin", "Sie")
    assert cv.speech_labels(gold, [pred], SCORER) == ([1], [1])


def test_the_labels_a_reader_and_the_parts_learn_from() -> None:
    cv = _cv()
    preds = [_pred("die Lage sei ernst", "X") for _ in range(4)]
    doc = cv.Doc({"id": "d"}, [], preds, [{} for _ in preds], [0, 1, 0, None], {}, [1, 1, 0, 1], [1, 1, None, None])
    assert [doc.label(k, "e2e") for k in range(4)] == [0, 1, 0, None]
    assert [doc.label(k, "speech") for k in range(4)] == [1, 1, 0, 1]
    assert [doc.label(k, "speaker") for k in range(4)] == [1, 1, None, None]
    # a right attribution the gold spans otherwise is right for a reader; narrative is wrong
    assert [doc.label(k, "reader") for k in range(4)] == [1, 1, 0, None]
    bare = cv.Doc({"id": "d"}, [], preds, [{} for _ in preds], [0, 1, 0, None])
    assert [bare.label(k, "reader") for k in range(4)] == [0, 1, 0, None]  # no speech labels: the scorer's


def test_a_gold_report_with_its_source_inside_covers_the_source_too() -> None:
    cv = _cv()
    text = "Die Lage bleibe nach Angaben der Ministerin Anna Roth bis zum Sommer ernst. Dann regnete es."
    b1, b2 = text.index("nach Angaben"), text.index(" bis zum")
    gold = {
        "text": text,
        "quotes": [{
            "type": "Indirect",
            "quote": {"spans": [[0, b1 - 1], [b2 + 1, text.index(". Dann")]]},
            "speaker": {"spans": [[text.index("Ministerin"), text.index(" bis zum")]], "text": "Ministerin Anna Roth"},
        }],
    }
    pred = {"kind": "indirect", "span": [0, text.index(". Dann")], "speaker": {"span": None, "name": "Anna Roth"}}
    assert cv.speech_labels(gold, [pred], SCORER) == ([1], [1])


def test_a_report_the_gold_gives_two_speakers_is_right_with_either() -> None:
    cv = _cv()
    both = {
        "text": TEXT,
        "quotes": [
            {"type": "Indirect", "quote": {"spans": [_span("die Lage sei ernst")]},
             "speaker": {"spans": [_span(s)], "text": s}}
            for s in ("Der Minister", "Sie")
        ],
    }
    preds = [_pred("die Lage sei ernst", None, "Sie"), _pred("die Lage sei ernst", None, "Der Minister"),
             _pred("die Lage sei ernst", "Berlin", "Berlin")]
    assert cv.speech_labels(both, preds, SCORER) == ([1, 1, 1], [1, 1, 0])
