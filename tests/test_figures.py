"""Key figures on a blank German pipeline."""

from __future__ import annotations

import pytest
from actors_helpers import pipeline

from briefing.extract.figures import parse_number


def figures_of(text: str) -> list:
    return list(pipeline("briefing_figures")(text)._.briefing_figures)


@pytest.mark.parametrize(
    ("text", "value", "unit", "written", "qualifier"),
    [
        ("In Paris haben sich 26 westliche Staaten darauf verständigt.", 26, "Staaten", "26 westliche Staaten", None),
        ("Das von den rund 30 Ländern erarbeitete Konzept.", 30, "Länder", "rund 30 Ländern", "rund"),
        ("Vertreter von rund 30 westlichen Verbündeten der Ukraine.", 30, "Verbündete",
         "rund 30 westlichen Verbündeten", "rund"),
        ("Die Militärhilfe umfasst inzwischen rund 40 Milliarden Euro.", 40e9, "EUR", "rund 40 Milliarden Euro",
         "rund"),
        ("Ein Zuwachs von 20 Prozent pro Jahr.", 20, "Prozent pro Jahr", "20 Prozent pro Jahr", None),
        ("Ein Zuwachs von 7,5 % pro Jahr.", 7.5, "Prozent pro Jahr", "7,5 % pro Jahr", None),
        ("Das liefe auf 480 Infanteriefahrzeuge pro Jahr hinaus.", 480, "Infanteriefahrzeuge pro Jahr",
         "480 Infanteriefahrzeuge pro Jahr", None),
        ("Berlin will vier mechanisierte ukrainische Infanterie-Brigaden ausrüsten.", 4, "Infanterie-Brigaden",
         "vier mechanisierte ukrainische Infanterie-Brigaden", None),
        ("Macron telefonierte anderthalb Stunden mit Trump.", 1.5, "Stunden", "anderthalb Stunden", None),
        ("Mehr als 2.500 Soldaten sollen bleiben.", 2500, "Soldaten", "Mehr als 2.500 Soldaten", "Mehr als"),
        ("Es geht um 1,3 Millionen Menschen.", 1.3e6, "Menschen", "1,3 Millionen Menschen", None),
        ("Bis zu 5 Milliarden Dollar fehlen.", 5e9, "USD", "Bis zu 5 Milliarden Dollar", "Bis zu"),
        ("Spitzenvertreter aus 31 Ländern kamen.", 31, "Länder", "31 Ländern", None),
        ("Dort standen mindestens 12 Panzern gegenüber.", 12, "Panzer", "mindestens 12 Panzern", "mindestens"),
        # the -n of a feminine noun's plural stays outside the dative
        ("Im Gegenzug sollen 12 weitere Geiseln freikommen.", 12, "Geiseln", "12 weitere Geiseln", None),
        ("Ab Januar gelten drei neue Regeln.", 3, "Regeln", "drei neue Regeln", None),
        # an adjective's -en marks the dative without a preposition
        ("Das Gericht drohte neun maßgeblichen Anführern mit Haft.", 9, "Anführer", "neun maßgeblichen Anführern",
         None),
    ],
)
def test_figures(text, value, unit, written, qualifier):
    figs = figures_of(text)
    assert len(figs) == 1, figs
    f = figs[0]
    assert (f.value, f.unit, f.text, f.qualifier) == (pytest.approx(value), unit, written, qualifier)
    assert text[f.start:f.end] == f.text
    assert f.context == text


@pytest.mark.parametrize(
    "text",
    [
        "Das Treffen am 04.09.2025 beginnt um 10.00 Uhr.",
        "Am 4. September beraten sie.",
        "Im Jahr 2024 hallte ein Paukenschlag durch Europa.",
        "Ende Februar 2024 verkündete Macron etwas.",
        "Siehe Seite 3 und Artikel 5 des Vertrags.",
        "Das ist 40-mal so viel wie früher.",
        "Der 30-jährige Soldat kam zurück.",
        "Sie kamen zu zweit und redeten.",
        "Die Zahl 26 nannte er nicht.",
        "Um 14 Uhr beginnt es.",
        "[1] /Koalition-der-Willigen-in-Bruessel/!6077857",
        "Es kamen zwei.",
        "Der Minister ist 45 Jahre alt.",
        "Eine Boeing 747 der US-Fluggesellschaft landete.",  # an article is no adjective: no "747 Fluggesellschaft"
        "Der Unfall auf der A 2 hatte weitreichende Folgen.",  # a road's number names it
        "Die Bundesstraße 96 bleibt bis Montag gesperrt.",
        "Das Urteil hat das Aktenzeichen 2 BvF 1/23.",  # a file number names the case
        "Die Antwort steht in der Drucksache 20/1234.",
    ],
)
def test_not_figures(text):
    assert figures_of(text) == []


def test_context_is_the_sentence():
    text = "Die Koalition tagte. Berlin will vier Brigaden ausrüsten. Danach ging es weiter."
    (f,) = figures_of(text)
    assert f.context == "Berlin will vier Brigaden ausrüsten."
    assert (f.value, f.unit) == (4, "Brigaden")


@pytest.mark.parametrize(("integer", "decimals", "value"), [("2.500", None, 2500), ("1", "3", 1.3), ("40", None, 40)])
def test_parse_number(integer, decimals, value):
    assert parse_number(integer, decimals) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        # a part of a whole: the part is the figure, counted in the whole's noun; the whole is no figure
        ("Derzeit haben 14 der 27 Mitgliedstaaten eigene Regeln.", 14, "Mitgliedstaaten", "14 der 27 Mitgliedstaaten"),
        ("Nur zwei von drei Fernzügen waren pünktlich.", 2, "Fernzügen", "zwei von drei Fernzügen"),
    ],
)
def test_a_part_of_a_whole_is_the_figure(text: str, value: float, unit: str, written: str) -> None:
    assert [(f.value, f.unit, f.text) for f in figures_of(text)] == [(value, unit, written)]


def test_a_range_with_von_is_no_part_of_a_whole() -> None:
    assert [f.text for f in figures_of("Der Preis stieg von 5 auf 7 Euro.")] == ["7 Euro"]


def test_a_part_of_a_whole_with_an_adverb_before_the_whole() -> None:
    text = "Seit 2002 wurden 20.000 der einst 85.000 Arbeitsplätze abgebaut."
    assert [(f.value, f.text) for f in figures_of(text)] == [(20000, "20.000 der einst 85.000 Arbeitsplätze")]
