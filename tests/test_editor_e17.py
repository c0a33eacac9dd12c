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
* After a first name and a surname, "von der X" names where the person belongs ("Matteo Salvini von der Lega"),
  not a noble surname; after first names alone it is the surname ("Ursula von der Leyen").
* A verb of saying whose clause ends in a negation says nothing ("Die Kommission äußerte sich zunächst nicht"),
  and "Ähnlich äußerte sich X." only points to the statement before: neither is X's position.
* "Kritik kam von den Grünen im Landtag. Die Fraktionsvorsitzende X ...": a title held inside an organisation that
  opens its sentence after a definite article points back to the organisation the sentence before opens with, as
  the bare title does; a title with an owner of its own ("Die Fraktionsvorsitzende der CSU, X") takes none.
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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Auch Italiens Vize-Regierungschef Paolo Ferretti von der Lega sprach von einem Sieg.", "Paolo Ferretti"),
        ("Der Abgeordnete Luca Bianchi von der Lega sagte, man sei bereit.", "Luca Bianchi"),
    ],
)
def test_von_der_after_a_whole_name_is_where_the_person_belongs(text, name):
    surname = name.split()[-1]
    p = person_of(text, surname)
    assert p is not None
    assert p.name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("EU-Kommissionspräsidentin Ursula von der Leyen sagte, man sei bereit.", "Ursula von der Leyen"),
        ("Agrarminister Hans-Georg von der Marwitz sagte, man sei bereit.", "Hans-Georg von der Marwitz"),
        ("Personalvorstand Tessen von Heydebreck sagte, man sei bereit.", "Tessen von Heydebreck"),
    ],
)
def test_von_der_after_first_names_is_the_surname(text, name):
    p = person_of(text, name.split()[-1])
    assert p is not None
    assert p.name == name


def positions_of(text: str) -> list[tuple[str, str]]:
    doc = pipeline("briefing_actors", "briefing_positions")(text)
    names = {a.id: a.name for a in doc._.briefing_actors}
    return [(names[p.actor], p.stance) for p in doc._.briefing_positions]


@pytest.mark.parametrize(
    "text",
    [
        "Ähnlich äußerte sich SPD-Chef Lars Klingbeil.",
        "Ebenso äußerte sich die polnische Regierung.",
        "EU-Kommissionspräsidentin Ursula von der Leyen äußerte sich zunächst nicht.",
        "Polen äußerte sich auf Anfrage nicht.",
        "Frankreich sagte nicht, ob es Truppen schicken werde.",
    ],
)
def test_a_verb_of_saying_that_says_nothing_is_no_position(text):
    assert positions_of(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frankreich sprach von keinem Durchbruch.", [("Frankreich", "states")]),
        ("Frankreich erklärte, man werde nicht nachgeben.", [("Frankreich", "states")]),
        ("Ähnlich äußerte sich SPD-Chef Lars Klingbeil: Das sei ein Weckruf.", [("Lars Klingbeil", "states")]),
        ("Italiens Regierungschef Mario Rossi äußerte sich besorgt über den Ausgang.", [("Mario Rossi", "states")]),
        ("Ähnlich äußerte sich Polen, das eine Debatte verlangt.", [("Polen", "demands")]),
    ],
)
def test_a_verb_of_saying_with_something_said_stays_a_position(text, expected):
    assert positions_of(text) == expected


@pytest.mark.parametrize(
    ("text", "surname", "party"),
    [
        ("Kritik kam von den Grünen im Landtag. Die Fraktionsvorsitzende Marlene Kreutzer warf der Regierung "
         "Versäumnisse vor.", "Kreutzer", "Grüne"),
        ("Die Grünen im Landtag lehnten den Plan ab. Der Fraktionsvorsitzende Ralf Sonnleitner sagte, das komme zu "
         "spät.", "Sonnleitner", "Grüne"),
    ],
)
def test_a_title_after_a_definite_article_belongs_to_the_organisation_before(text, surname, party):
    p = person_of(text, surname)
    assert p is not None
    assert p.party == party


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # the title names its owner itself
        ("Die Grünen kritisierten den Plan. Die Fraktionsvorsitzende der CSU, Petra Huber, sagte, das sei falsch.",
         "Huber"),
        ("Die Grünen kritisierten den Plan. Fraktionsvorsitzende der CSU, Petra Huber, sagte, das sei falsch.",
         "Huber"),
        # a title held in government, not inside the organisation
        ("Die Grünen kritisierten den Plan. Der Innenminister Joachim Brandl sagte, das sei falsch.", "Brandl"),
    ],
)
def test_a_title_with_its_own_owner_or_of_government_takes_no_party_from_before(text, surname):
    p = person_of(text, surname)
    assert p is not None
    assert p.party != "Grüne"
