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
        "Das Treffen dauerte drei Stunden. Danach aß Merz mit den Gästen im Kanzleramt.\n\n"
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


def test_a_speaker_the_text_describes_but_does_not_name_is_shown_in_the_texts_words() -> None:
    from dataclasses import replace

    from briefing.assemble.quotes import described_speaker
    from briefing.models import Briefing, Story
    from briefing.render.view import build_view

    text = "„Wir prüfen den Hinweis sehr genau“, sagte ein Polizeisprecher am Abend."
    q = Quote("direct", text[1:35], 1, 35, speaker_text="ein Polizeisprecher", speaker_start=42,
              speaker_end=61, confidence=0.97)
    (out,) = merge_quotes([(0, "S1", q)], {}, [], 0.85)
    assert (out.speaker, out.speaker_name, out.speaker_role) == (None, None, "ein Polizeisprecher")
    story = Story("T1", "Razzia", quotes=(out,))
    (shown,) = build_view(Briefing("2026-12-06", "T", stories=(story,))).stories[0].quotes
    assert (shown.speaker, shown.role) == ("ein Polizeisprecher", "")
    # below the threshold the attribution is not sure: no description either
    unsure = merge_quotes([(0, "S1", replace(q, confidence=0.5))], {}, [], 0.85)
    assert all(x.speaker_role is None for x in unsure)  # (a short unattributed fragment is left out entirely)
    # a pronoun or a name describes no one
    for mention in ("er", "Anna Berg", "die Bundesregierung"):
        assert described_speaker(mention) is None, mention
    assert described_speaker("der brasilianische Präsident") == "der brasilianische Präsident"


def test_assembly_leaves_out_reported_speech_that_is_a_relative_clause() -> None:
    clause = Quote("indirect", "der vor allem der deutschen Industrie schaden würde", 0, 51,
                   speaker_name="Katherina Reiche", confidence=0.97)
    statement = Quote("indirect", "die Zölle würden vor allem der deutschen Industrie schaden", 60, 118,
                      speaker_name="Katherina Reiche", confidence=0.97)
    out = merge_quotes([(0, "S1", clause), (0, "S1", statement)], {}, [], 0.85)
    assert [q.text for q in out] == ["Die Zölle würden vor allem der deutschen Industrie schaden"]  # shown alone


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


# ------------------------------------------------------------------ the features (German sentences of our own)


@pytest.fixture(scope="module")
def nlp():
    from briefing.extract.quotes.jsonl import build_nlp

    return build_nlp()


def _features(nlp, text: str) -> list[tuple[str, str, dict[str, float]]]:
    """(kind, quotation text, features) of every quotation the rules find in ``text``."""
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
    return [(q.kind, text[q.start : q.end], x) for q, x in zip(records, feats, strict=True)]


def _one(nlp, text: str, fragment: str) -> dict[str, float]:
    (feats,) = [x for _, quoted, x in _features(nlp, text) if fragment in quoted]
    return feats


@pytest.mark.parametrize(
    ("text", "fragment", "present", "absent"),
    [
        (  # spoken in the first person, a whole sentence
            "Die Ministerin sagte am Montag: „Wir bleiben bei unserem Kurs, auch wenn es schwer wird.“",
            "Wir bleiben",
            {"quote_first_person", "quote_sentence", "how_colon"},
            {"quote_partial", "cue_passive"},
        ),
        (  # a partial quotation woven into the sentence, no first person
            "Der Kanzler nannte den Haushaltsentwurf der Opposition „ein Dokument der Ratlosigkeit“.",
            "Dokument der Ratlosigkeit",
            {"quote_partial"},
            {"quote_first_person", "quote_sentence"},
        ),
        (  # a passive cue: the medium that quotes is a source too
            "Der Minister wird in der Zeitung mit den Worten zitiert: „Wir bleiben bei unserem Kurs.“",
            "Wir bleiben",
            {"cue_passive"},
            set(),
        ),
        (  # persons named in the sentence before compete with the speaker
            "Bundeskanzler Friedrich Merz traf in Paris Präsident Emmanuel Macron. "
            "„Wir stehen in dieser Frage ganz eng zusammen“, sagte Merz.",
            "ganz eng zusammen",
            {"previous_persons", "how_after"},
            {"cue_after_too"},
        ),
        (  # a second speech verb right after a quotation attributed by another cue
            "Merz nannte den Haushalt „einen Fehler der alten Regierung“ und sagte, man werde ihn ändern.",
            "einen Fehler",
            {"cue_after_too"},
            {"how_after"},
        ),
    ],
)
def test_quotation_features(nlp, text: str, fragment: str, present: set[str], absent: set[str]) -> None:
    feats = _one(nlp, text, fragment)
    assert present <= set(feats), feats
    assert not absent & set(feats), feats


@pytest.mark.parametrize(
    ("text", "fragment", "present", "absent"),
    [
        (
            "Die Ministerin sagte, dass die Steuern im kommenden Jahr nicht steigen werden.",
            "dass die Steuern",
            {"clause_dass"},
            {"clause_relative", "clause_konjunktiv"},
        ),
        (  # Konjunktiv I; an article after the comma opens no relative clause
            "Finanzminister Lars Klingbeil sagte am Montag, die Lage sei ernst.",
            "die Lage sei ernst",
            {"clause_konjunktiv"},
            {"clause_relative", "clause_dass"},
        ),
        (  # a relative clause: it tells what the university is, nobody says it (one on the speaker itself is no
            # record since round 19: "Dies berichtet das Institut, das …"; one in the indicative on any noun before
            # the comma since round 20; a Konjunktiv one trimmed out of a sentence without a cue stays)
            "Die Stadt baut am Hafen neue Schulen, die den Bedarf der nächsten Jahre decken würden.",
            "die den Bedarf",
            {"clause_relative"},
            {"clause_dass"},
        ),
    ],
)
def test_clause_features(nlp, text: str, fragment: str, present: set[str], absent: set[str]) -> None:
    feats = _one(nlp, text, fragment)
    assert present <= set(feats), feats
    assert not absent & set(feats), feats


def test_a_reported_clause_opened_by_a_subordinator_and_its_sentence() -> None:
    from briefing.extract.quotes.base import Found

    text = "Bevor die Maschine startete, prüfte der Pilot die Triebwerke."
    out: dict[str, float] = {}
    qc._clause_form(text, Found("indirect", 0, text.index(","), None, None), 0, out)
    assert out == {"clause_subordinate": 1.0, "clause_opens_sentence": 1.0}


@pytest.mark.parametrize(
    ("text", "mention", "kind"),
    [
        ("„Wir helfen“, sagte Bundeskanzler Friedrich Merz.", "Bundeskanzler Friedrich Merz", "head_role"),
        ("„Wir helfen“, sagte die NATO.", "die NATO", "head_organisation"),
        ("„Wir helfen“, sagte Georg Ratzinger.", "Georg Ratzinger", "head_name"),  # a first name no lexicon lists
        ("Die Meinung der Regierung: „Wir helfen“.", "Die Meinung der Regierung", "head_common"),
        ("Der Gesetzesentwurf: „Wir helfen“.", "Der Gesetzesentwurf", "head_compound_common"),
        # a frequent word that the text also writes after a first name is a name: "Angela Merkel" ... "Merkel"
        ("Angela Merkel kam nach Berlin. „Wir helfen“, sagte Merkel.", "Merkel", "head_name"),
    ],
)
def test_the_kind_of_word_heading_a_mention(text: str, mention: str, kind: str) -> None:
    from briefing.extract.quotes.speaker_names import TextWords
    from briefing.extract.quotes.speakers import Phrase

    start = text.rindex(mention)
    sp = Phrase(start, start + len(mention), mention)
    out: dict[str, float] = {}
    qc._mention_head(sp, Quote("direct", "Wir helfen", 0, 10, speaker_name=mention), TextWords(text), out)
    assert {k for k in out if k.startswith("head_")} == {kind}, out


def test_a_mention_with_more_than_a_name_after_its_head_is_complex() -> None:
    from briefing.extract.quotes.speaker_names import TextWords
    from briefing.extract.quotes.speakers import Phrase

    def complex_(mention: str) -> bool:
        out: dict[str, float] = {}
        qc._mention_head(Phrase(0, len(mention), mention), Quote("direct", "x", 0, 1), TextWords(mention), out)
        return "mention_complex" in out

    assert complex_("Der Leiter des Instituts für Wirtschaftsforschung")
    assert not complex_("Ursula von der Leyen")


def test_the_same_speaker_attributed_for_sure_nearby(nlp) -> None:
    text = (
        "„Die Verhandlungen waren schwierig“, sagte Außenministerin Annalena Baerbock in Brüssel. "
        "Baerbock hatte zuvor lange mit den Partnern gesprochen. "
        "Sie sprach von einer „Einigung in letzter Minute, die uns allen viel abverlangt hat“."
    )
    feats = _one(nlp, text, "Einigung in letzter Minute")
    assert {"actor_sure_elsewhere", "actor_sure_near"} <= set(feats), feats
    assert "actor_sure_elsewhere" not in _one(nlp, text, "Die Verhandlungen")  # not its own sure find


_MIXED_TEXT = (
    "Bundeskanzler Friedrich Merz traf in Paris Präsident Emmanuel Macron. "
    "„Wir stehen in dieser Frage ganz eng zusammen“, sagte Merz. Macron sagte, man werde die Hilfen verlängern. "
    "Laut dem Innenministerium seien die Grenzkontrollen bis zum Herbst verlängert worden. "
    "Der Kanzler nannte den Haushaltsentwurf der Opposition „ein Dokument der Ratlosigkeit“. "
    "Die Ministerin sagte am Montag: „Wir bleiben bei unserem Kurs, auch wenn es schwer wird.“ "
    "Ein Sprecher des Ministeriums erklärte, dass die Regierung keine neuen Schulden aufnehmen wolle."
)


def test_features_for_the_shipped_models_are_those_of_the_full_computation(nlp) -> None:
    """with_confidence computes only what each kind's model weighs; on those features (and so in the
    confidence) it must agree with the full computation the learning script uses."""
    from briefing.extract.quotes import extract_quotes, to_records
    from briefing.extract.quotes.speaker_names import TextWords
    from briefing.extract.sentences import TEXT_KEY, USER_DATA_KEY

    with nlp.select_pipes(disable=["briefing_quotes"]):
        doc = nlp(_MIXED_TEXT)
    text = doc.user_data.get(TEXT_KEY, doc.text)
    sents = list(doc.user_data[USER_DATA_KEY])
    actors = list(doc._.briefing_actors or [])
    found, _ = extract_quotes(text, sents)
    records = to_records(text, found, sents, actors)
    model = qc.load_model()
    wanted = model.read_features
    full = qc.quotation_features(text, found, records, sents, actors)
    fast = qc.quotation_features(text, found, records, sents, actors, TextWords(text), wanted)
    assert {q.kind for q in records} == {"direct", "indirect"}
    assert any(set(f) - wanted[q.kind] - {qc.NO_SPEAKER} for q, f in zip(records, full, strict=True))  # work saved
    for q, f, g in zip(records, full, fast, strict=True):
        assert g == {k: v for k, v in f.items() if k in wanted[q.kind] or k == qc.NO_SPEAKER}
        assert model.confidence(q.kind, g) == model.confidence(q.kind, f)
    scored = qc.with_confidence(text, found, records, sents, actors)
    by_span = {(q.start, q.end): q.confidence for q in scored}
    for q, f in zip(records, full, strict=True):
        if (q.start, q.end) in by_span:
            assert by_span[(q.start, q.end)] == round(model.confidence(q.kind, f), 3)


def test_a_names_answer_is_remembered_per_text() -> None:
    from briefing.extract.quotes.speaker_names import TextWords, names_someone

    words = TextWords("Reinhold Gall sagte, Gall werde bleiben. Nach Angaben der Polizei war es ruhig.")
    assert names_someone("Gall", words) and not names_someone("Angaben", words)
    assert words.names == {"Gall": True, "Angaben": False}
    assert names_someone("Gall", words) and len(words.names) == 2


def test_the_direct_model_reads_a_subset_of_the_features() -> None:
    assert set(qc.DIRECT_FEATURES) < set(qc.FEATURES)
    assert qc.KIND_FEATURES["indirect"] == qc.FEATURES
    assert set(qc.load_model().direct.weights) <= set(qc.DIRECT_FEATURES)


# ------------------------------------------------------------------ the display thresholds


def test_each_kind_has_its_display_threshold() -> None:
    data = learned(QUOTE_CONFIDENCE)
    assert quote_display_threshold("direct") == data["display_threshold"]
    assert quote_display_threshold("indirect") == data["display_threshold_indirect"]
    model = qc.load_model()
    assert model.threshold("direct") == data["display_threshold"]
    assert model.threshold("indirect") == data["display_threshold_indirect"]
    old = qc.parse_model({k: v for k, v in data.items() if k != "display_threshold_indirect"})
    assert old.threshold("indirect") == old.threshold("direct")  # a file of one threshold uses it for both


def test_assembly_applies_the_threshold_of_each_kind() -> None:
    actor = StoryActor("T1A1", "Friedrich Merz", "person", None, None, (), 1, ("S1",))
    text = "„Wir lassen niemanden im Stich, der Schutz sucht“, sagte Merz. Er sagte, man helfe allen, die kämen."
    direct = Quote("direct", text[1:47], 1, 47, speaker="A1", speaker_name="Friedrich Merz", confidence=0.9)
    b = text.index("man helfe")
    indirect = Quote("indirect", text[b:-1], b, len(text) - 1, speaker="A1", speaker_name="Friedrich Merz",
                     confidence=0.9)
    out = merge_quotes(
        [(0, "S1", direct), (0, "S1", indirect)], {(0, "A1"): "T1A1"}, [actor], {"direct": 0.95, "indirect": 0.85}
    )
    assert [(q.kind, q.speaker) for q in out] == [("direct", None), ("indirect", "T1A1")]


def _cv():
    import importlib
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    try:
        return importlib.import_module("quote_cv")
    finally:
        sys.path.pop(0)


def test_the_lower_bound_asks_more_margin_of_fewer_quotations() -> None:
    cv = _cv()
    assert cv.wilson_lower(19, 20) < cv.wilson_lower(190, 200) < cv.wilson_lower(1900, 2000) < 0.95
    assert cv.wilson_lower(0, 0) == 0.0
    assert cv.wilson_lower(10, 10) < 1.0


def test_the_threshold_is_where_the_bound_reaches_the_target_not_the_bare_share() -> None:
    cv = _cv()
    # 100 named direct quotations: confidence 0.99 .. 0.00; the 8 wrong ones sit at ranks 10, 20, ..., 80
    preds = [{"kind": "direct", "speaker": {"name": "X"}} for _ in range(100)]
    labels: list[int | None] = [0 if k and k % 10 == 0 and k <= 80 else 1 for k in range(100)]
    doc = cv.Doc({"id": "d"}, [], preds, [{} for _ in preds], labels)
    conf = {("d", k): round(1 - (k + 1) / 100, 3) for k in range(100)}
    t = cv.choose_threshold([doc], conf)
    n, right = cv.shown([doc], conf, t)
    assert cv.wilson_lower(right, n) >= cv.SHOWN_PRECISION
    bare = next(u for u in sorted(set(conf.values())) if (s := cv.shown([doc], conf, u))[0] and s[1] / s[0] >= 0.95)
    assert t > bare  # the bare share reaches 0.95 with fewer quotations shown at a lower confidence


def test_the_shipped_threshold_is_the_median_of_the_partitions_choices(capsys: pytest.CaptureFixture[str]) -> None:
    cv = _cv()
    preds = [{"kind": "indirect", "speaker": {"name": "X"}} for _ in range(10)]
    doc = cv.Doc({"id": "d"}, [], preds, [{} for _ in preds], [1] * 10)
    conf = {("d", k): k / 10 for k in range(10)}
    assert cv.report_threshold([doc], [[doc]], conf, "indirect", [0.95, 0.86, 0.91, 0.93, 0.9]) == 0.91
    assert "0.910, the median" in capsys.readouterr().out


def test_the_direct_threshold_is_the_highest_of_the_partitions_choices(capsys: pytest.CaptureFixture[str]) -> None:
    # round 20: a direct speaker is shown only where every partition's bound reaches the target
    cv = _cv()
    preds = [{"kind": "direct", "speaker": {"name": "X"}} for _ in range(10)]
    doc = cv.Doc({"id": "d"}, [], preds, [{} for _ in preds], [1] * 10)
    conf = {("d", k): k / 10 for k in range(10)}
    assert cv.report_threshold([doc], [[doc]], conf, "direct", [0.95, 0.86, 0.91, 0.93, 0.9]) == 0.95
    assert "0.950, the highest" in capsys.readouterr().out


def test_noun_phrases_read_again_are_the_same_and_a_copy() -> None:
    from briefing.extract.quotes.speakers import noun_phrases, person_score

    text = "Am Montag sagte Bundeskanzler Friedrich Merz in Berlin, der Haushalt der Regierung stehe."
    first = noun_phrases(text, 0, len(text))
    assert [p.text for p in first][:2] == ["Montag", "Bundeskanzler Friedrich Merz"]
    first.clear()  # a caller's change does not reach the remembered answer
    again = noun_phrases(text, 0, len(text))
    assert again and again == noun_phrases(text, 0, len(text))
    assert [person_score(p) for p in again[:3]] == [-1, 2, 1]  # a date, a titled person, a bare name


def test_scored_is_replace_with_the_confidence() -> None:
    """_scored copies a quotation's fields without the frozen __init__: the copy must be what
    dataclasses.replace makes (equal, same hash and repr, every field), the original untouched."""
    import dataclasses

    from briefing.models import Quote

    q = Quote("indirect", "es sei gut", 3, 14, "p1", "er", 20, 22, "Friedrich Merz", "sagte", None, 30, 35, "dpa")
    scored = qc._scored(q, 0.731)
    expected = dataclasses.replace(q, confidence=0.731)
    assert scored == expected and hash(scored) == hash(expected) and repr(scored) == repr(expected)
    assert dataclasses.asdict(scored) == dataclasses.asdict(expected)
    assert type(scored) is Quote and q.confidence is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        scored.confidence = 0.5  # type: ignore[misc]
