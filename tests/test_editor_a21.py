"""Actors and positions an editor sent back in round 20 (helper a21), fixed as patterns of German; every sentence
here is written for these tests (the people and groups invented; the banks are real names in made-up sentences).

* Experts who belong to a body ("Analysten der Commerzbank", "Ökonominnen des Instituts") speak for themselves:
  their forecast is no position of the bank or institute (round 20 did so for fans, staff and members).
* An organisation named after "von" behind a person's full name ("Anna Brehm von Klimawacht sagte") is an actor.
* A capitalised word in "-e" before a masculine or neuter head without "der"/"das" is a noun of the name, not an
  adjective ("die Landeszentrale Bildungsverband" is no "Landeszentraler Bildungsverband", its genitive no
  fragment "Bildungsverband").
* A body's plan to deal with something on a date ("Der Landtag will sich im März mit dem Gesetz befassen") is
  outlook, not a stance.
* An interview answer is the interviewee's quotation, not also the position of a country it names.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_editor_e18 import _positions


def _facts(text: str, title: str = "Streit"):
    from briefing.extract import load_pipeline
    from briefing.ingest.read import _text_turns
    from briefing.models import Article

    return load_pipeline("blank").extract(Article(path="a.txt", text=text, title=title, date="2026-12-08",
                                                  date_precision="day", publisher="Zeitung",
                                                  turns=_text_turns(text, title)))


# --- experts of a body speak for themselves ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Analysten der Commerzbank rechnen damit, dass der Umsatz des Versicherers im kommenden Jahr deutlich sinkt.",
        "Ein Analyst der Commerzbank sagte, die Zahlen des Versicherers seien enttäuschend ausgefallen.",
        "Ökonominnen der Commerzbank sagten, die Inflation werde im Frühjahr spürbar zurückgehen.",
        "Forscher des Instituts für Meeresschutz erklärten, die Bestände hätten sich kaum erholt.",
    ],
)
def test_experts_of_a_body_state_no_position_of_the_body(text):
    owners = [name for name, _, _ in _positions(text) if name in ("Commerzbank", "Institut für Meeresschutz")]
    assert owners == [], _positions(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ein Sprecher der Commerzbank sagte, die Zahlen des Versicherers seien enttäuschend ausgefallen.",
        "Die Chefin der Commerzbank sagte, die Zahlen des Versicherers seien enttäuschend ausgefallen.",
    ],
)
def test_a_spokesman_or_head_still_speaks_for_the_body(text):
    assert [name for name, _, _ in _positions(text)] == ["Commerzbank"], _positions(text)


# --- an organisation after "von" behind a person's full name -----------------------------------------------------

def _actors(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in _facts(text).actors}


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        ("Anna Brehm von Klimawacht sagte, ohne feste Fristen bleibe der Beschluss ein leeres Versprechen.",
         "Anna Brehm", "Klimawacht"),
        ("Die Ökonomin Jana Kessler von Fairfinanz erklärte, die Gebühren der Banken würden weiter steigen.",
         "Jana Kessler", "Fairfinanz"),
    ],
)
def test_an_organisation_after_von_behind_a_full_name_is_an_actor(text, person, organisation):
    actors = _actors(text)
    assert actors.get(person) == "person" and actors.get(organisation) == "organization", actors


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a nobility name: "von" right after the first name, or a first name before the surname
        ("Die Abgeordnete Henrike von Altmark sagte, der Antrag sei gescheitert.", "Altmark"),
        ("Hans Dietrich von Berlepsch sagte, das Schloss werde im Frühjahr wieder geöffnet.", "Berlepsch"),
        ("Der Bankier Luis Moreno von Hallerstein-Rode sagte, die Familie verkaufe das Gut im Frühjahr.",
         "Hallerstein-Rode"),
        # a longer name: a club with its number
        ("In der 12. Minute sah Marco Lenz von Eintracht 05 die erste gelbe Karte des Spiels.", "Eintracht"),
    ],
)
def test_a_nobility_name_makes_no_organisation(text, name):
    assert _actors(text).get(name) != "organization", _actors(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Mieterzentrale Landesverband (mzl) fordert strengere Regeln für Nebenkosten.",
         "Mieterzentrale Landesverband"),
        ("Die Vorsitzende des Mieterzentrale Landesverbands, Petra Holm, sagte, die Nebenkosten seien zu hoch.",
         "Mieterzentrale Landesverband"),
        # a weak "-e" after "der"/"das" is an adjective: the name in the nominative
        ("Das Statistische Landesamt meldete am Dienstag einen Rückgang der Preise.", "Statistisches Landesamt"),
        ("Der Deutsche Wetterdienst warnte am Abend vor Sturm an der Küste.", "Deutscher Wetterdienst"),
    ],
)
def test_a_noun_in_e_before_a_masculine_head_stays_in_the_name(text, name):
    actors = _actors(text)
    assert actors.get(name) == "organization", actors


# --- a body's plan for a date is outlook -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Der Bundestag will sich im März mit dem neuen Mietgesetz befassen.",
        "Die Nato will im Frühjahr über die Lage an der Ostflanke beraten.",
        "Die Kommission plant, im Dezember über die Zölle auf Stahl zu entscheiden.",
    ],
)
def test_a_plan_to_deal_with_something_is_no_stance(text):
    assert _positions(text) == []


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Der Bundestag will im März die Mietpreisbremse verlängern.", "wants"),
        ("Die Nato will im Frühjahr über neue Manöver beraten und lehnt Gespräche mit Moskau ab.", "rejects"),
    ],
)
def test_a_plan_with_a_view_stays_a_position(text, stance):
    assert [s for _, _, s in _positions(text)] == [stance], _positions(text)


def test_a_plan_to_deal_with_something_is_outlook():
    f = _facts("Der Stadtrat tagte am Montag. Der Bundestag will sich im März mit dem neuen Mietgesetz befassen.")
    assert any("befassen" in o.text for o in f.outlook)


# --- an interview answer is quoted once -------------------------------------------------------------------------

_INTERVIEW = (
    "Die Agrarforscherin Katrin Söllner über die Ernte, den Weizenpreis und die Rolle Kanadas.\n\n"
    "Zeitung: Frau Söllner, wie fällt die Bilanz des Jahres aus?\n\n"
    "Söllner: Besser als befürchtet. Die Bauern haben trotz der Dürre im Sommer fast so viel geerntet wie im "
    "Vorjahr.\n\n"
    "Zeitung: Welche Rolle hat Kanada gespielt?\n\n"
    "Söllner: Eine entscheidende. Kanada hat sich bereit erklärt, seine Exporte nach Europa deutlich zu erhöhen. "
    "Das hat die Preise am Ende stabil gehalten.\n"
)


def test_an_interview_answer_is_no_position_of_the_country_it_names():
    from briefing.assemble import assemble

    b = assemble(date(2026, 12, 8), [_facts(_INTERVIEW, title="Interview: Die Ernte")], background=[],
                 excluded=[], title="Test", max_stories=3)
    story = b.stories[0]
    names = {a.id: a.name for a in story.actors}
    heads = [names.get(p.actor) for p in story.positions if "Kanada hat sich bereit erklärt" in p.text]
    quoted = [q for q in story.quotes if "Kanada hat sich bereit erklärt" in q.text]
    assert "Kanada" not in heads and quoted, (heads, [q.text for q in story.quotes])
