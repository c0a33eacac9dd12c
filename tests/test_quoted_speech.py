"""Speech or not: titles, names and scare quotes in quotation marks vs short direct quotations, the learned
model's features, its verdict and its weights read offline."""

from __future__ import annotations

import json
import socket
from importlib import resources

import pytest

from briefing.extract.quotes import extract_quotes, find_pairs, mask_quotes
from briefing.extract.quotes import quoted_speech as qs
from briefing.extract.quotes.base import Pair
from briefing.extract.quotes.linear import LinearModel as Linear
from briefing.extract.quotes.quoted_speech import RuleView, SpeechModel
from briefing.extract.quotes.speakers import Phrase
from briefing.lang import learned

FILM = "Am Abend zeigte das Kino den Film „Der Himmel über Berlin“ vor vollem Saal."
SCARE = "Die Regierung plant eine so genannte „Übergewinnsteuer“ für die großen Energiekonzerne."
NEIN = "Der Minister wurde gefragt, ob er zurücktreten werde. Er sagte: „Nein.“"


def _direct(text: str, judge: qs.SpeechJudge | None = None) -> list[str]:
    found, _ = extract_quotes(text, judge=judge)
    return [text[f.start : f.end] for f in found if f.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (FILM, []),  # a film title after "den Film"
        (SCARE, []),  # a scare quote after "so genannte"
        ("Die Zeitung „Neue Presse“ berichtete am Montag über den Streit im Stadtrat.", []),  # a name
        (NEIN, ["„Nein.“"]),  # a real short quotation
        (
            "„Wir lassen niemanden im Stich“, sagte die Ministerin am Montag in Brüssel.",
            ["„Wir lassen niemanden im Stich“"],
        ),
    ],
)
def test_titles_and_scare_quotes_are_no_speech_a_short_quote_is(text: str, expected: list[str]) -> None:
    assert _direct(text) == expected


class _RulesAlone:
    """A judge that says what the rules say (the shipped model reads the features)."""

    def could_keep(self, rules_keep: bool) -> bool:
        return qs.shipped_judge().could_keep(rules_keep)

    def features(self, text: str, masked: str, p: Pair, sent: tuple[int, int], view: RuleView) -> dict[str, float]:
        return qs.shipped_judge().features(text, masked, p, sent, view)

    def judge(self, feats: dict[str, float], rules_keep: bool) -> tuple[bool, float]:
        return rules_keep, 0.5


def test_a_song_title_the_rules_take_for_speech_is_dropped() -> None:
    text = "Der Film zeigt, wie Lieder wie „Born in the USA“ entstanden sind, erklärte der Regisseur."
    assert _direct(text) == []  # the shipped model: an English title, no speech
    assert _direct(text, _RulesAlone()) == ["„Born in the USA“"]  # what the rules alone say


def test_direct_quotations_carry_the_models_probability() -> None:
    found, _ = extract_quotes(NEIN)
    direct = [f for f in found if f.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speech is not None and 0.0 < direct[0].speech < 1.0


def _features(text: str, view: RuleView) -> dict[str, float]:
    pairs, _ = find_pairs(text)
    assert len(pairs) == 1
    return qs.features(text, mask_quotes(text, pairs), pairs[0], (0, len(text)), view)


_NO_RULES = RuleView("name_like", "", "", None, False, False, False, -1)


def test_features_of_a_film_title_after_article_and_noun() -> None:
    f = _features(FILM, _NO_RULES)
    assert f["before_noun"] == f["before_article_noun"] == 1.0
    assert f["rejected_name_like"] == 1.0 and "rules_keep" not in f
    assert "speaker_attached" not in f and f["no_person_speaker"] == 1.0
    assert "starts_lower" not in f and "ends_with_punct" not in f


def test_features_of_a_scare_quote_after_so_genannte() -> None:
    f = _features(SCARE, _NO_RULES)
    assert f["before_scare_word"] == 1.0 and f["one_word"] == 1.0 and f["short"] == 1.0
    assert "before_noun" not in f and "speaker_attached" not in f


def test_features_of_a_short_quote_after_sagte_colon() -> None:
    text = "Der Minister sagte: „Nein.“"
    speaker = Phrase(0, 12, "Der Minister")
    f = _features(text, RuleView("", "colon", "verb", speaker, False, True, False, 18))
    assert f["rules_keep"] == f["how_colon"] == f["cue_verb"] == 1.0
    assert f["before_colon"] == f["ends_with_punct"] == f["closes_sentence"] == 1.0
    assert f["speaker_attached"] == f["speaker_person"] == 1.0 and "no_person_speaker" not in f


@pytest.mark.parametrize(
    "text",
    [
        "Die Band stellte am Abend ihr neues Album „Have a nice day“ in New York vor.",
        "Zu der Kundgebung hatte die französische „Alliance pour la Planète“ aufgerufen.",
    ],
)
def test_a_foreign_title_is_a_foreign_phrase(text: str) -> None:
    f = _features(text, _NO_RULES)
    assert f["foreign_share"] >= 0.5 and f["foreign_phrase"] == 1.0


def test_foreign_speech_is_no_foreign_phrase_and_german_none_at_all() -> None:
    english = _features("Der Astronaut meldete sich mit den Worten: „The Eagle has landed.“", _NO_RULES)
    assert english["foreign_share"] >= 0.5 and "foreign_phrase" not in english  # a sentence: speech
    law = _features("Der Bundestag beriet das „Gesetz zur Änderung des Passgesetzes“ am Donnerstag.", _NO_RULES)
    assert law["title_case"] == 1.0 and law["before_definite"] == 1.0 and "foreign_share" not in law
    phrase = _features("Die Opposition sprach von einer „Politik der ruhigen Hand“ am Abend.", _NO_RULES)
    assert "title_case" not in phrase and "foreign_share" not in phrase  # an adjective: a phrase, no title


def test_a_foreign_title_the_rules_keep_is_dropped() -> None:
    """The rules take the name after "die französische" for a quoted phrase; the model drops it."""
    text = "Insbesondere die französische „Alliance pour la Planète“ hatte zu den Protesten aufgerufen."
    pairs, _ = find_pairs(text)
    view = RuleView("", "sentence", "verb", None, False, True, False, -1)
    f = qs.features(text, mask_quotes(text, pairs), pairs[0], (0, len(text)), view)
    model = qs.load_model()
    assert not model.keeps(model.probability(f, True), rules_keep=True)


def test_features_of_a_quoted_phrase_inside_reported_speech() -> None:
    text = "Der Sprecher erklärte, dass die Pläne „völlig unrealistisch“ seien."
    cue_end = text.index("erklärte") + len("erklärte")
    f = _features(text, RuleView("", "sentence", "verb", Phrase(0, 11, "Der Sprecher"), True, True, False, cue_end))
    assert f["subordinate_before"] == f["konjunktiv"] == f["starts_lower"] == 1.0


def test_the_model_overrules_the_rules_only_past_its_cuts() -> None:
    model = SpeechModel(Linear(0.0, {}), Linear(0.0, {}), drop_below=0.3, keep_from=0.9)
    assert model.keeps(0.31, rules_keep=True) and not model.keeps(0.29, rules_keep=True)
    assert model.keeps(0.9, rules_keep=False) and not model.keeps(0.89, rules_keep=False)
    # each group is read by its own regression
    split = SpeechModel(Linear(5.0, {}), Linear(-5.0, {}), 0.5, 0.5)
    assert split.probability({}, True) > 0.99 and split.probability({}, False) < 0.01


def test_direct_quotations_follow_the_models_verdict() -> None:
    """The extraction asks the model: one that drops everything leaves no direct quotation, one that
    keeps what the rules leave out turns the film title into one."""
    drop_all = SpeechModel(Linear(-30.0, {}), Linear(-30.0, {}), drop_below=0.5, keep_from=2.0)
    assert _direct(NEIN) and _direct(NEIN, qs.ModelJudge(drop_all)) == []
    keep_all = SpeechModel(Linear(30.0, {}), Linear(30.0, {}), drop_below=0.0, keep_from=0.5)
    assert _direct(FILM) == [] and _direct(FILM, qs.ModelJudge(keep_all)) == ["„Der Himmel über Berlin“"]


def test_weights_load_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the quoted-speech model must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    learned.cache_clear()
    qs.load_model.cache_clear()
    model = qs.load_model()
    assert model.kept.weights and model.left_out.weights
    assert 0.0 <= model.drop_below <= 1.0 and model.keep_from > 0.5


def test_shipped_weights_name_known_features_and_carry_the_licence() -> None:
    data = json.loads(resources.files("briefing.lang").joinpath(qs.QUOTED_SPEECH).read_text(encoding="utf-8"))
    assert "CC BY-NC-SA 4.0" in data["licence"]
    for group in ("kept", "left_out"):
        assert set(data[group]["weights"]) <= set(qs.FEATURES)  # retrain after renaming a feature
    assert qs.parse_model(data) == qs.load_model()


@pytest.mark.parametrize("broken", [{}, {"kept": {"bias": 1.0}}, {"kept": [], "left_out": {}}])
def test_a_broken_model_is_a_clear_error(broken: dict) -> None:
    with pytest.raises(ValueError, match="missing or malformed"):
        qs.parse_model(broken)


@pytest.mark.parametrize(
    "text",
    [
        FILM,
        "Der Minister nannte den Plan „einen Fehler mit 3 Folgen“ und sagte, man werde ihn ändern.",
        "„Have a nice day“, stand auf dem Schild des Cafés am Montag.",
        "Die Ministerin sagte: „Wir bleiben bei unserem Kurs, auch wenn es schwer wird.“",
    ],
)
def test_the_models_features_are_those_of_the_full_computation(text: str) -> None:
    """direct_quotes computes only what the shipped model weighs; on those it must agree with the full
    computation the learning script uses (and so in the probability)."""
    pairs, _ = find_pairs(text)
    masked = mask_quotes(text, pairs)
    model = qs.load_model()
    wanted = model.read_features
    for view in (_NO_RULES, RuleView("", "after", "verb", None, True, True, False, 0)):
        full = qs.features(text, masked, pairs[0], (0, len(text)), view)
        fast = qs.features(text, masked, pairs[0], (0, len(text)), view, wanted=wanted)
        assert fast == {k: v for k, v in full.items() if k in wanted}
        for keep in (True, False):
            assert model.probability(fast, keep) == model.probability(full, keep)
    assert "capitalised_share" in full and "capitalised_share" not in wanted  # work the shipped model saves
