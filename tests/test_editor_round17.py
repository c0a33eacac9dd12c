"""What the lead found reading days as an editor in round 17, fixed as patterns of German; every sentence here
is written for these tests (the people and bodies invented).

* A present-tense event with a time ahead ("Die nächste Konferenz findet im November in Oslo statt") is what
  comes next; the same verb with "seit" or with no time is an event under way.
* Portuguese names keep their particle "do" as they keep "da" and "dos" ("Paulo do Nascimento").
* An acronym in brackets names an organisation when it spells the long form's words without its articles, an
  adjective among them ("Vereinigung der ländlichen Sparkassen (VLS)").
"""

from __future__ import annotations

import pytest

from tests.actors_helpers import actors_of, pipeline


def outlook_of(text: str) -> list[str]:
    return [s.text for s in pipeline("briefing_outlook")(text)._.briefing_outlook]


@pytest.mark.parametrize(
    "text",
    [
        "Die nächste Konferenz findet im November in Oslo statt.",
        "Die Abstimmung findet am Donnerstag im Landtag statt.",
        "Die beiden Runden finden im März und im April statt.",
    ],
)
def test_a_scheduled_event_ahead_is_outlook(text):
    assert outlook_of(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Die Konferenz findet seit Montag in Oslo statt.",  # under way
        "Die Konferenz findet in Oslo statt.",  # no time
        "Die Konferenz fand am Montag in Oslo statt.",  # past
    ],
)
def test_an_event_under_way_or_past_is_no_outlook(text):
    assert outlook_of(text) == []


def test_a_portuguese_particle_stays_in_the_name():
    names = [a.name for a in actors_of("Der Trainer Paulo do Nascimento lobte die Mannschaft. "
                                        "Nascimento sagte, das Team habe gekämpft.") if a.kind == "person"]
    assert names == ["Paulo do Nascimento"]


def test_an_acronym_spelling_a_long_form_with_an_adjective_is_an_organisation():
    text = "Die Vereinigung der ländlichen Sparkassen (VLS) lehnte den Plan ab. Die VLS will klagen."
    assert [(a.name, a.kind) for a in actors_of(text)] == [("VLS", "organization")]


@pytest.mark.parametrize(
    "text",
    [
        "Der Anteil der erneuerbaren Energien (EE) stieg im Jahr deutlich.",  # no organisation head, no spelling
        "Das Gewicht der kleinen Teilchen (KT) ist gering.",  # spelled, but by one capitalised word only
    ],
)
def test_an_acronym_of_a_thing_is_no_organisation(text):
    assert [a for a in actors_of(text) if a.kind == "organization"] == []


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Ursula von der Leyen", "von der Leyen"),  # the surname keeps its particles
        ("Thomas de Maizière", "de Maizière"),
        ("André Corrêa do Lago", "Corrêa do Lago"),  # a double surname joined by a foreign particle
        ("Luiz Inácio Lula da Silva", "Lula da Silva"),
        ("Maria da Costa", "da Costa"),  # "Maria" is a first name, not the first part of the surname
        ("Emmanuel Macron", "Macron"),
    ],
)
def test_a_prefix_names_a_person_by_the_whole_surname(name, label):
    from briefing.assemble.context import speaker_label

    assert speaker_label(name, "person") == label


@pytest.mark.parametrize(
    ("first", "later", "opening"),
    [
        # a place the article names again after "in", "aus", "nach", "bei": the dateline goes
        ("Regensburg – Nach dem Beschluss fordert die Stadt Geld.", "Der Bürgermeister sprach in Regensburg.",
         "Nach dem Beschluss"),
        ("Passau – Die Stadt baut eine Brücke.", "Die Pläne kommen aus Passau.", "Die Stadt baut"),
        # round 20: one word before a dash where the article opens goes too, named again or not; a function word
        # ("Heute") or a first name stays
        ("Regensburg – Die Stadt baut eine Brücke.", "Die Pläne sind fertig.", "Die Stadt baut"),
        ("Heute – Die Stadt baut eine Brücke.", "Die Pläne gelten heute.", "Heute – Die Stadt"),
        ("Anna – Die Stadt baut eine Brücke.", "Die Pläne sind fertig.", "Anna – Die Stadt"),
    ],
)
def test_a_dateline_of_a_place_the_article_names_again_goes(first, later, opening):
    from briefing.ingest.clean import clean

    text = clean(f"Eine Überschrift für den Test\n\n{first}\n\nEin zweiter Absatz. {later}").text
    assert text.startswith(opening), text


@pytest.mark.parametrize(
    "text",
    [
        "Die Ministerin für Umwelt, Verkehr und Energie lehnte den Plan ab.",
        "Die Bundesministerin für Bildung, Familie, Senioren und Jugend, Greta Lindholm, lehnte den Plan ab.",
        "Der Chef des Amtes für Bau, Wohnen oder Verkehr lehnte den Plan ab.",
    ],
)
def test_the_fields_a_title_lists_are_no_people(text):
    people = [a.name for a in actors_of(text) if a.kind == "person"]
    assert people == (["Greta Lindholm"] if "Greta" in text else []), people


def test_a_surname_after_a_title_and_its_comma_is_still_a_person():
    people = [(a.name, a.role) for a in actors_of("Der Chef der Fraktion, Brandhuber, lehnte den Plan ab.")]
    assert people == [("Brandhuber", "Chef")]


def _speakers(text: str) -> list[tuple[str, str | None]]:
    doc = pipeline("briefing_actors", "briefing_quotes")(text)
    return [(q.kind, q.speaker_name) for q in doc._.briefing_quotes]


@pytest.mark.parametrize(
    "text",
    [
        # a title's fields listed with commas belong to the apposition; the named person speaks
        "Greta Lindholm, Bundesministerin für Bildung, Familie, Senioren und Jugend, sagte, das Geld reiche nicht.",
        "Bundesrat Kurt Sigg, Vorsteher des Departements für Umwelt, Verkehr und Energie (UVE), sagte, die Konferenz "
        "sei gescheitert.",
    ],
)
def test_the_fields_of_a_title_in_apposition_are_no_speaker(text):
    assert {name for _, name in _speakers(text)} == {"Greta Lindholm" if "Greta" in text else "Kurt Sigg"}


def test_a_list_of_people_is_not_read_as_a_title_s_fields():
    # no "für" before the commas: the list is the subject, not a title's fields
    assert {name for _, name in _speakers("Roth, Brandt und Weber sagten, das Geld reiche nicht.")} != {
        "Roth, Brandt und Weber"}


def test_a_title_with_its_field_before_the_name_shows_the_name():
    from briefing.extract.quotes.resolve import person_name

    assert person_name("EU-Kommissar für Energie Karl Brandt") == "Karl Brandt"
    assert person_name("Direktor der Behörde Roberto Salinas") == "Roberto Salinas"
    assert person_name("Direktor der Behörde") == "Direktor der Behörde"  # no name: the title stays


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Der EU-Kommissar für Energie Karl Brandt lehnte den Plan ab.", "EU-Kommissar"),
        ("Die Ministerin für Bildung und Forschung Greta Lindholm lehnte den Plan ab.", "Ministerin"),
        ("Das Geld für Schulen Greta Lindholm zu geben, lehnte der Rat ab.", None),  # no title before "für"
    ],
)
def test_a_title_s_field_between_title_and_name(text, role):
    assert [a.role for a in actors_of(text) if a.kind == "person"] == [role]
