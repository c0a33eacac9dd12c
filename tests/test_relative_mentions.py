"""Relative pronouns as speaker mentions: "Clara Busch, die rief: „…“".

When a speech verb's subject is a relative pronoun, the pronoun is where the text names the speaker (the
quotation's speaker span) and the antecedent is the name shown; a pronoun for no one named ("eine
Botschaft, welche … als „…“ bezeichnete") leaves the antecedent phrase as the mention.
"""

from __future__ import annotations

import pytest

from tests.quote_helpers import quote_containing


def _quote(text: str, fragment: str):
    return quote_containing(text, fragment, direct_first=True)


@pytest.mark.parametrize(
    ("text", "fragment", "mention", "name"),
    [
        (
            "Am Abend sprach auch Clara Busch, die vor dem Rathaus rief: „Wir geben dieses Krankenhaus "
            "nicht auf, solange wir atmen!“",
            "Krankenhaus",
            "die",
            "Clara Busch",
        ),
        (
            "Der Vorsitzende des Rates, der zunächst den Wahlsieg als „Fest“ bezeichnete, ordnete nun eine "
            "Untersuchung an.",
            "Fest",
            "der",
            "Vorsitzende des Rates",
        ),
        (
            "Kritik kam von Peter Huber, der behauptet, die Pläne seien viel zu teuer und kaum umsetzbar.",
            "Pläne",
            "der",
            "Peter Huber",
        ),
    ],
)
def test_a_relative_pronoun_subject_is_the_mention_and_its_antecedent_the_name(
    text: str, fragment: str, mention: str, name: str
) -> None:
    q = _quote(text, fragment)
    assert (q.speaker_text, q.speaker_name) == (mention, name)


def test_a_relative_pronoun_for_no_one_named_keeps_the_antecedent() -> None:
    text = (
        "Die Angreifer hinterließen auf der Seite eine Botschaft, welche die Techniker der Universität als "
        "„einen Haufen von Anfängern“ bezeichnete."
    )
    q = _quote(text, "Anfängern")
    assert q.speaker_text == "eine Botschaft" and q.speaker_name is None


def test_an_article_after_the_comma_is_no_relative_pronoun() -> None:
    # "…, die Regierung erklärte, …": "die" opens the subject of a new clause.
    text = "Die Lage blieb angespannt, die Regierung erklärte am Abend, man werde die Grenzen sofort schließen."
    q = _quote(text, "Grenzen")
    assert q.speaker_text == "die Regierung"


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "Die Ministerin traf am Morgen den Bischof Karl Lenz. Dieser sagte, die Kirche werde den Flüchtlingen "
            "helfen.",
            "Kirche",
            "Karl Lenz",  # the person named last, not the sentence's subject
        ),
        (
            "Belastet wird er durch seinen früheren Fahrer Tobias Brandt. Dieser behauptete, der Angeklagte habe "
            "die Waffe selbst gekauft.",
            "Waffe",
            "Tobias Brandt",
        ),
    ],
)
def test_a_demonstrative_subject_is_the_mention_and_the_person_named_last_the_name(
    text: str, fragment: str, name: str
) -> None:
    q = _quote(text, fragment)
    assert q.speaker_text == "Dieser"
    assert name in (q.speaker_name or "")


@pytest.mark.parametrize("cue", ["sagte dieser nach dem Treffen", "so dieser"])
def test_a_demonstrative_after_the_quotation(cue: str) -> None:
    text = (
        "Die Ministerin traf den Bischof Karl Lenz. „Die Kirche wird den Flüchtlingen helfen, so gut sie "
        f"kann“, {cue}."
    )
    q = _quote(text, "Flüchtlingen")
    assert (q.speaker_text, q.speaker_name) == ("dieser", "Karl Lenz")


def test_a_demonstrative_for_a_thing_names_no_one_and_takes_no_quotation() -> None:
    # "Dieser bestehe aus „…“": the plan named before, not a speaker; the quotation keeps the report's source.
    text = (
        "Die Zeitung berichtet über das Treffen der Minister. Dort habe man sich auf einen Aktionsplan geeinigt. "
        "Dieser bestehe aus „strengen“ und „milden“ Maßnahmen."
    )
    q = _quote(text, "strengen")
    assert q.speaker_text != "Dieser"


def test_a_demonstrative_before_a_noun_is_a_determiner() -> None:
    text = "Diese Woche sagte der Minister Jan Vogel, die Steuern würden nicht erhöht."
    assert "Jan Vogel" in (_quote(text, "Steuern").speaker_text or "")


def test_a_relative_clause_after_the_closing_participle_refers_to_the_noun_before_it() -> None:
    # "war X anwesend, der …": the relative clause follows the verb bracket; its antecedent is X.
    text = (
        "Im Saal war auch der frühere Minister Jan Brandt anwesend, der der Regierung vorwarf, die Bürger über "
        "die Kosten getäuscht zu haben."
    )
    q = _quote(text, "Bürger")
    assert q.speaker_text == "der" and "Jan Brandt" in (q.speaker_name or "")


def test_diese_names_only_a_woman_shown_as_one() -> None:
    # "diese" is also plural: a man named before is not who it stands for.
    text = (
        "Ein Passant wurde von vier Unbekannten angesprochen. Diese behaupteten, sie seien Polizisten aus der "
        "Stadt."
    )
    q = _quote(text, "Polizisten")
    assert q.speaker_text == "Diese" and q.speaker_name is None
