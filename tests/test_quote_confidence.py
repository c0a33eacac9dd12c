"""The confidence of a quotation's attribution: in the output, learned weights read offline, sure above shaky,
and the display threshold in assembly ("ohne eindeutige Zuordnung" below it)."""

from __future__ import annotations

import io
import json
import socket
from importlib import resources

import pytest

from briefing.assemble.quotes import merge_quotes
from briefing.extract.quotes import confidence as qc
from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.lang import QUOTE_CONFIDENCE, learned, quote_display_threshold
from briefing.models import Quote, StoryActor
from briefing.settings import load

SAID = "„Wir werden die Ukraine weiter unterstützen, so lange es nötig ist“"


def _quotes(text: str) -> list[dict]:
    out = io.StringIO()
    quotes_jsonl(io.StringIO(json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n"), out)
    return json.loads(out.getvalue())["quotes"]


@pytest.mark.parametrize(
    "text",
    [
        f"{SAID}, sagte Bundeskanzler Friedrich Merz am Montag in Berlin.",
        "Außenministerin Annalena Baerbock sagte in Brüssel: „Wir lassen niemanden im Stich, der Schutz sucht.“",
        "Die Ministerin sagte, die Regierung werde die Steuern im kommenden Jahr nicht erhöhen.",
        "Laut dem Innenministerium seien die Grenzkontrollen bis zum Herbst verlängert worden.",
        "Der Minister sprach lange. Später trafen sich die Delegationen. „Wir lassen niemanden im Stich“, sagte er.",
        "„Wir lassen niemanden im Stich, der Schutz vor Krieg und Verfolgung sucht und bei uns anklopft.“",
    ],
)
def test_every_quote_carries_a_confidence_between_0_and_1(text: str) -> None:
    quotes = _quotes(text)
    assert quotes
    for q in quotes:
        assert isinstance(q["confidence"], float) and 0.0 <= q["confidence"] <= 1.0
        assert round(q["confidence"], 3) == q["confidence"]  # rounded: the output stays deterministic
        if q["speaker"]["span"] is None:
            assert q["confidence"] == 0.0  # no attribution, nothing to be sure of


def test_sure_attribution_beats_one_from_the_previous_paragraph() -> None:
    sure = _quotes(f"Die Regierung will die Hilfe fortsetzen. {SAID}, sagte Bundeskanzler Friedrich Merz.")
    shaky = _quotes(
        "Bundeskanzler Friedrich Merz empfing am Montag in Berlin Gäste aus Kiew.\n\n"
        "Das Treffen dauerte drei Stunden. Danach gab es ein Essen im Kanzleramt.\n\n"
        "„Wir werden die Ukraine weiter unterstützen, so lange es nötig ist.“"
    )
    assert [q["speaker"]["name"] for q in sure] == ["Friedrich Merz"]
    assert len(shaky) == 1 and shaky[0]["speaker"]["span"] is not None  # a guess from the context
    assert sure[0]["confidence"] > shaky[0]["confidence"]
    assert sure[0]["confidence"] >= quote_display_threshold()  # a textbook attribution is shown


@pytest.mark.parametrize(
    ("sure", "shaky"),
    [
        (  # the speaker right before the colon vs. a thing heading the phrase before it
            "Bundesinnenministerin Nancy Faeser sagte am Dienstag: „Die Grenzkontrollen bleiben bis zum Herbst.“",
            "Den Namen der neuen Fernsehserie gab der Sender bereits bekannt: "
            "„Die Grenzkontrollen bleiben bis zum Herbst.“",
        ),
        (  # the speaker of the sentence before, nobody named since vs. another person named in between
            "„Wir brauchen mehr Geld für die Schulen“, sagte die Bildungsministerin Karin Prien. "
            "Man müsse jetzt handeln, „bevor die Gebäude verfallen und die Lehrer gehen“.",
            "„Wir brauchen mehr Geld für die Schulen“, sagte die Bildungsministerin Karin Prien. "
            "Finanzminister Lars Klingbeil war am Abend in Rom. "
            "Man müsse jetzt handeln, „bevor die Gebäude verfallen und die Lehrer gehen“.",
        ),
    ],
)
def test_sure_pairs(sure: str, shaky: str) -> None:
    def last_quote(text: str) -> dict:
        quotes = [q for q in _quotes(text) if text[q["span"][0] : q["span"][1]].strip("„“") in text[-60:]]
        assert len(quotes) == 1 and quotes[0]["speaker"]["span"] is not None
        return quotes[0]

    a, b = last_quote(sure), last_quote(shaky)
    assert a["confidence"] > b["confidence"], (a, b)


def test_model_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the confidence model must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    learned.cache_clear()
    qc.load_model.cache_clear()
    model = qc.load_model()
    assert 0.0 < model.display_threshold < 1.0
    assert model.direct.weights and model.indirect.weights


def test_shipped_weights_match_the_features_and_carry_the_licence() -> None:
    data = json.loads(resources.files("briefing.lang").joinpath(QUOTE_CONFIDENCE).read_text(encoding="utf-8"))
    assert "CC BY-NC-SA 4.0" in data["licence"]
    # Retrain (scripts/quote_cv.py --write) whenever the features change: the file names the ones it knows.
    assert data["features"] == list(qc.FEATURES)
    for kind in ("direct", "indirect"):
        assert set(data[kind]["weights"]) <= set(qc.FEATURES)
    assert qc.parse_model(data) == qc.load_model()


def test_broken_weights_are_a_clear_error() -> None:
    with pytest.raises(KeyError):
        qc.parse_model({"direct": {"bias": 0, "weights": {}}})


def _merge(confidence: float | None, threshold: float) -> tuple[str | None, str | None]:
    text = "„Wir lassen niemanden im Stich, der Schutz sucht“, sagte Merz."
    actor = StoryActor("T1A1", "Friedrich Merz", "person", None, None, (), 1, ("S1",))
    q = Quote("direct", text[1:47], 1, 47, speaker="A1", speaker_name="Friedrich Merz", confidence=confidence)
    (out,) = merge_quotes([(0, "S1", q)], {(0, "A1"): "T1A1"}, [actor], threshold)
    return out.speaker, out.speaker_name


def test_assembly_hides_a_speaker_below_the_threshold() -> None:
    assert _merge(0.97, 0.85) == ("T1A1", "Friedrich Merz")
    assert _merge(0.50, 0.85) == (None, None)  # rendered "ohne eindeutige Zuordnung"
    assert _merge(None, 0.85) == ("T1A1", "Friedrich Merz")  # a record made by hand has no confidence


def test_assembly_shows_no_bare_title_as_speaker() -> None:
    # "sagte der Minister" with no minister named: which one, the reader cannot tell.
    text = "„Wir lassen niemanden im Stich, der Schutz sucht“, sagte der Minister."
    q = Quote("direct", text[1:47], 1, 47, speaker_name="Minister", confidence=0.97)
    (out,) = merge_quotes([(0, "S1", q)], {}, [], 0.85)
    assert (out.speaker, out.speaker_name) == (None, None)
    named = Quote("direct", text[1:47], 1, 47, speaker_name="Yannick Neuder", confidence=0.97)
    (out,) = merge_quotes([(0, "S1", named)], {}, [], 0.85)
    assert out.speaker_name == "Yannick Neuder"


def test_assembly_leaves_out_reported_speech_that_is_a_relative_clause() -> None:
    clause = Quote("indirect", "der vor allem der deutschen Industrie schaden würde", 0, 51,
                   speaker_name="Katherina Reiche", confidence=0.97)
    statement = Quote("indirect", "die Zölle würden vor allem der deutschen Industrie schaden", 60, 118,
                      speaker_name="Katherina Reiche", confidence=0.97)
    out = merge_quotes([(0, "S1", clause), (0, "S1", statement)], {}, [], 0.85)
    assert [q.text for q in out] == ["die Zölle würden vor allem der deutschen Industrie schaden"]


def test_threshold_setting_defaults_to_the_shipped_one() -> None:
    assert load(env={}).quote_threshold is None
    assert load(env={"BRIEFING_QUOTE_THRESHOLD": "0.9"}).quote_threshold == 0.9
    assert 0.5 < quote_display_threshold() < 1.0


def test_indirect_quotations_below_the_drop_confidence_are_not_emitted() -> None:
    model = qc.ConfidenceModel(qc.LinearModel(0.0, {}), qc.LinearModel(0.0, {}), 0.9, drop_below=0.3)
    sure = Quote("indirect", "die Lage sei ernst", 0, 18, confidence=0.31)
    doubtful = Quote("indirect", "die Lage sei ernst", 0, 18, confidence=0.29)
    direct = Quote("direct", "Die Lage ist ernst", 0, 18, confidence=0.01)
    assert [model.keeps(q) for q in (sure, doubtful, direct)] == [True, False, True]


def test_the_shipped_drop_confidence_was_chosen_on_cross_validation() -> None:
    data = learned(QUOTE_CONFIDENCE)
    assert 0.0 <= data["drop_below"] < qc.load_model().display_threshold
    assert qc.load_model().drop_below == data["drop_below"]
