"""A government's official named with a portfolio but no country ("Außenminister Xavier Bettel") speaks for
the one country the sentence or the sentence before names, as a head of government named by a bare title
does ("Auch aus Luxemburg kommt Widerspruch. Außenminister Xavier Bettel …"); a spokesman may speak for a
party or company and gets no country this way. German sentences written for these tests."""

from __future__ import annotations

import pytest
from actors_helpers import person


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        ("Auch aus Luxemburg kommt Widerspruch. Außenminister Xavier Bettel nannte die Kontrollen ein Ärgernis.",
         "Bettel", "Luxemburg"),
        ("Frankreich drängt auf eine harte Linie. Handelsminister Paul Morel sagte, Europa dürfe nicht naiv sein.",
         "Morel", "Frankreich"),
        ("Spanien lehnt den Plan ab. Die Botschafterin Ana Ruiz übergab eine Protestnote.", "Ruiz", "Spanien"),
        # two countries in reach: whose minister, the text does not say
        ("Frankreich und Italien lehnen ab. Außenminister Jean Weber sagte, man sei enttäuscht.", "Weber", None),
        # a place where he spoke is not whose he is
        ("In Paris trafen sich die Minister. Außenminister Jean Weber sagte, man sei zufrieden.", "Weber", None),
        # what a clause after him names is what he speaks about, not whose he is
        ("Auch Polen lehnt ab. Innenminister Jan Nowak verwies darauf, dass sein Land viele Geflüchtete aus der "
         "Ukraine aufgenommen habe.", "Nowak", "Polen"),
        ("Innenminister Jan Nowak sagte, dass Litauen mehr tun müsse.", "Nowak", None),
        # the first mention's context counts, not the last one's
        ("Ungarn stimmte dagegen. Ministerpräsident Gábor Kiss kündigte an, man werde nicht zahlen. „Nein“, "
         "schrieb Kiss auf X.", "Kiss", "Ungarn"),
        # a spokesman speaks for parties and companies too
        ("Frankreich lehnte ab. Sprecher Jean Dupont sagte, man prüfe den Text.", "Dupont", None),
    ],
)
def test_an_official_without_a_country_speaks_for_the_one_country_named_before(text, surname, country):
    assert person(text, surname).affiliation == country


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        # named only in compounds, the alliance is still the story's: Brussels is NATO's seat here
        ("Beim Treffen der Nato-Außenminister stritten die Partner. Ein Gesuch aus Brüssel wolle man prüfen, "
         "sagte US-Außenminister Marco Rubio.", "NATO"),
        ("Die EU-Kommission legte einen Plan vor. Aus Brüssel hieß es, man wolle prüfen.", "EU"),
        ("Aus Brüssel hieß es, man wolle prüfen.", "EU"),
    ],
)
def test_a_seat_of_several_means_the_one_the_article_names_also_in_compounds(text, meant):
    from actors_helpers import actors_of

    kinds = {a.name for a in actors_of(text) if a.kind != "person"}
    assert meant in kinds and not ({"EU", "NATO"} - {meant}) & kinds


@pytest.mark.parametrize(
    ("text", "surname", "state"),
    [
        ("Bayerns Innenminister Joachim Berger (CSU) sagte, die Polizei sei vorbereitet.", "Berger", "Bayern"),
        ("Die sächsische Kultusministerin Anne Vogt widersprach.", "Vogt", "Sachsen"),
        ("Die steirische Landeshauptfrau Eva Huber forderte mehr Geld.", "Huber", "Steiermark"),
        ("Tirols Landeshauptmann Karl Moser widersprach.", "Moser", "Tirol"),
        # the federal title is the country's
        ("Bundesinnenminister Joachim Berger (CSU) sagte, die Polizei sei vorbereitet.", "Berger", "Deutschland"),
    ],
)
def test_a_title_after_a_state_is_that_states_office(text, surname, state):
    assert person(text, surname).affiliation == state
