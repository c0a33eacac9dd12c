"""What helper e17 found reading two new days as an editor in round 17 (a French election night with reactions from
several capitals, a drone incident over Poland with statements from Berlin, Paris, Brussels and Washington), fixed
as patterns of German; every sentence here is written for these tests (the people invented).

* "X kündigte an, die Bundeswehr werde ... über Polen ...": the comma after the particle of a separable verb of
  saying opens what X says, as the comma after "sagte" does; the country named there is what X talks about, not
  whose minister X is.
* A minister of a party that only one country has ("(SPD)") is that country's minister, whatever other country the
  sentence before names.
* A number after "bis" or after "zwischen N und" is the upper bound of a range ("zwischen 230 und 280
  Abgeordnete"): the figure keeps the whole range, not the upper bound alone.
"""

from __future__ import annotations

import pytest

from briefing.assemble.figures import _range
from tests.actors_helpers import person as person_of
from tests.actors_helpers import pipeline


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        # the country after the separable verb of saying is the topic
        ("Verteidigungsministerin Sabine Kollwitz kündigte an, die Luftwaffe werde ihren Einsatz über Litauen "
         "verlängern.", "Kollwitz", None),
        ("Innenminister Egon Brettschneider (CSU) räumte ein, man habe Österreich zu spät gewarnt.",
         "Brettschneider", "Deutschland"),
        # a party only Germany has decides, whatever the sentence before names
        ("Kanzler Paul Wendrich sagte in Berlin, man stehe fest zu Polen. Verteidigungsminister Jonas Albrecht "
         "(SPD) kündigte an, die Bundeswehr werde über Polen patrouillieren.", "Albrecht", "Deutschland"),
        ("Aus Polen kam scharfe Kritik. Außenministerin Anna Wisniewska (CDU) kündigte an, den Botschafter "
         "einzubestellen.", "Wisniewska", "Deutschland"),
    ],
)
def test_a_country_after_a_separable_verb_of_saying_or_a_national_party_is_not_the_ministers(text, surname, country):
    p = person_of(text, surname)
    assert p is not None
    assert p.affiliation == country


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        # the country before the verb still tells the minister's country
        ("Aus Polen kam scharfe Kritik. Außenminister Tadeusz Wrobel kündigte an, den Botschafter einzubestellen.",
         "Wrobel", "Polen"),
        ("Litauens Verteidigungsminister Darius Kavaliauskas kündigte an, die Grenze zu schließen.",
         "Kavaliauskas", "Litauen"),
        # a party several countries have does not decide alone (the article tells)
        ("Aus Österreich kam Kritik. Umweltministerin Lena Hofbauer (Grüne) kündigte an, zu klagen.",
         "Hofbauer", "Österreich"),
    ],
)
def test_the_ministers_own_country_stays(text, surname, country):
    p = person_of(text, surname)
    assert p is not None
    assert p.affiliation == country


def figures_of(text: str):
    return list(pipeline("briefing_figures")(text)._.briefing_figures)


@pytest.mark.parametrize(
    ("text", "value", "written", "qualifier"),
    [
        ("Die Partei könnte zwischen 120 und 150 Abgeordnete stellen.", 150, "zwischen 120 und 150 Abgeordnete",
         "zwischen 120 und"),
        ("Zum Fest kommen 40 bis 60 Besucher.", 60, "40 bis 60 Besucher", "40 bis"),
        ("Der Umbau kostet zwischen 20 und 30 Millionen Euro.", 30_000_000, "zwischen 20 und 30 Millionen Euro",
         "zwischen 20 und"),
        ("Die Firma streicht zwei bis drei Werke.", 3, "zwei bis drei Werke", "2 bis"),
        ("Die Wirtschaft wächst um 1,5 bis 2 Prozent.", 2, "1,5 bis 2 Prozent", "1,5 bis"),
    ],
)
def test_the_upper_bound_of_a_range_keeps_the_range(text, value, written, qualifier):
    (fig,) = figures_of(text)
    assert fig.value == value
    assert fig.text == written
    assert fig.qualifier == qualifier
    assert _range(fig) == (float("-inf"), value)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Es kamen drei Kinder und 280 Abgeordnete.", ["drei Kinder", "280 Abgeordnete"]),  # "und" without "zwischen"
        ("Die Zahl stieg von 230 auf 280 Abgeordnete.", ["280 Abgeordnete"]),  # a change, not a range
        ("Bis 2030 sollen 500 Windräder entstehen.", ["500 Windräder"]),
        ("Die Inflation lag bei rund 2,1 Prozent.", ["rund 2,1 Prozent"]),
    ],
)
def test_no_range_without_its_lower_bound(text, written):
    figs = figures_of(text)
    assert [f.text for f in figs] == written
    assert all(f.qualifier in (None, "rund") for f in figs)
