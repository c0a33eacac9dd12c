"""What a person's party tells (round 10, found by reading a made-up day on German border controls): a
party-member description ("der CSU-Politiker") is the person the text ties to that party, and a federal title
that Austria and Switzerland share with Germany ("Bundeskanzler") belongs to the country of the holder's
party. German sentences written for these tests."""

from __future__ import annotations

import pytest
from actors_helpers import person

from tests.quote_helpers import quote_containing

TWO_MEN = (
    "Ministerpräsident Donald Tusk kündigte Gegenmaßnahmen an. Bundesinnenminister Alexander Dobrindt (CSU) "
    "verlängerte die Kontrollen. Seit Mai seien 14.000 Menschen zurückgewiesen worden. „Die Kontrollen wirken“, "
    "sagte der CSU-Politiker in Berlin."
)


def test_a_party_member_description_is_the_person_tied_to_that_party():
    # Tusk is the other man in reach; only Dobrindt is tied to the CSU
    assert quote_containing(TWO_MEN, "Kontrollen wirken").speaker_name == "Alexander Dobrindt"


def test_a_party_member_description_names_no_one_the_text_ties_to_another_party():
    text = (
        "Die Abgeordnete Ute Kramer (SPD) kritisierte den Entwurf. „Das ist unausgegoren“, sagte die "
        "CDU-Politikerin."
    )
    assert quote_containing(text, "unausgegoren").speaker_name in (None, "CDU-Politikerin")


def test_a_party_member_description_still_resolves_without_competition():
    text = (
        "Die Abgeordnete Ute Kramer (SPD) kritisierte den Entwurf im Ausschuss. „Das ist unausgegoren“, sagte "
        "die SPD-Politikerin."
    )
    assert quote_containing(text, "unausgegoren").speaker_name == "Ute Kramer"


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        ("Bundeskanzler Christian Stocker (ÖVP) sagte in Wien, Schengen brauche starke Außengrenzen.", "Stocker",
         "Österreich"),
        ("Bundesinnenminister Gerhard Karner (ÖVP) forderte strengere Kontrollen.", "Karner", "Österreich"),
        ("Bundeskanzler Friedrich Merz (CDU) sagte, die Lage sei ernst.", "Merz", "Deutschland"),
        # no party and nothing else in the text says whose chancellor he is (round 15: tests/test_shared_titles.py)
        ("Bundeskanzler Friedrich Merz sagte, die Lage sei ernst.", "Merz", None),
        ("Bundeskanzler Friedrich Merz sagte in Berlin, Deutschland stehe bereit.", "Merz", "Deutschland"),
    ],
)
def test_a_shared_federal_title_belongs_to_the_country_of_the_holders_party(text, surname, country):
    assert person(text, surname).affiliation == country


def test_a_party_member_description_without_any_tie_in_the_text_is_the_one_person_in_reach():
    # German news often leaves the party to the reader's knowledge: "Gesundheitsminister X … der SPD-Politiker"
    text = (
        "Bayerns Gesundheitsminister Klaus Roder hielt dagegen: Kleine Häuser könnten die Vorgaben nicht erfüllen. "
        "„Es geht um die Versorgung von Menschen“, betonte der SPD-Politiker."
    )
    assert quote_containing(text, "Versorgung").speaker_name == "Klaus Roder"
