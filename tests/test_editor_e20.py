"""What helper e20 found reading two new days as an editor in round 20 (a UN climate conference's decision with
reactions from Berlin, Paris, Warsaw, Vienna and the Commission; a Federal Court of Justice ruling upholding a
competition fine against an energy company, with the company, the regulator, consumer groups, a union and
politicians), fixed as patterns of German news; every sentence here is written for these tests (the people and
companies invented).

* A court's ruling reported in the past ("urteilte der Senat am Dienstag", "entschied", "nach dem Urteil") is the
  outcome of the day: the morning preview ("Das Gericht entscheidet heute …") no longer leads the story.
* A Konjunktiv main clause carried on from a person's reported speech ("Die Sprecherin warf der Ministerin vor,
  … Österreich habe sich versteckt.") is that person's claim about its subject, never the subject's position.
* "Für <person> ist …" in the indicative is the writer's judgement, no reported speech ("Für den Chef ist es der
  schwerste Tag seiner Amtszeit"); with a Konjunktiv ("Für die Ministerin sei …") it stays.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_editor_e18 import _briefing, _positions

# --- a court's outcome overtakes the morning preview ---------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "Die Klausel sei unwirksam, urteilte der Zivilsenat am Dienstag in Karlsruhe.",
        "Das Oberverwaltungsgericht entschied am Dienstag, dass die Sperrstunde rechtmäßig ist.",
        "Nach dem Urteil müssen die Stadtwerke ihre Gebühren senken.",
        "Das Landgericht wies die Klage der Anwohner am Dienstag ab.",
    ],
)
def test_a_ruling_reported_in_the_past_is_the_outcome(sentence):
    from briefing.assemble.timeframe import frame

    assert frame(sentence, date(2026, 12, 8), tense=False) == "outcome"


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Oberverwaltungsgericht entscheidet heute über die Sperrstunde in der Altstadt.",
        "Der Senat will sein Urteil am Dienstag verkünden.",
    ],
)
def test_a_ruling_announced_for_the_day_is_a_preview(sentence):
    from briefing.assemble.timeframe import frame

    assert frame(sentence, date(2026, 12, 8), tense=False) != "outcome"


_PREVIEW = ("Das Oberverwaltungsgericht Lüneburg entscheidet heute über die Sperrstunde für die Kneipen der "
            "Altstadt von Celle. Die Stadt hatte die Sperrstunde im Frühjahr auf 23 Uhr vorgezogen. "
            "Mehrere Wirte hatten dagegen geklagt.")
_OUTCOME = ("Die Sperrstunde in der Altstadt von Celle sei rechtmäßig, urteilte das Oberverwaltungsgericht "
            "Lüneburg am Dienstag. Die Wirte der Altstadt müssen ihre Kneipen damit weiter um 23 Uhr schließen. "
            "Nach dem Urteil kündigten die Wirte an, vor das Bundesverwaltungsgericht zu ziehen.")


def test_the_outcome_of_a_ruling_leads_not_the_morning_preview():
    b = _briefing(_PREVIEW, _OUTCOME, title="Sperrstunde in Celle")
    story = b.stories[0]
    assert story.summary
    assert not any("entscheidet heute" in s.text for s in story.summary), [s.text for s in story.summary]


# --- a Konjunktiv carried on from a person's report is not its subject's position ----------------------------

def test_a_person_s_reported_claim_about_a_country_is_not_the_country_s_position():
    text = ("Die Grünen kritisierten die Regierung scharf. Umweltsprecherin Johanna Pichler warf dem Minister "
            "vor, in Brüssel „nur zugeschaut“ zu haben. Österreich habe sich hinter Ungarn versteckt, statt ein "
            "klares Verbot zu fordern.")
    holders = {name for name, said, _ in _positions(text) if said.startswith("Österreich habe")}
    assert "Österreich" not in holders, holders


def test_a_medium_s_report_of_a_government_s_plan_stays_its_position():
    text = ("Über die Pläne hatte zuerst die Zeitung berichtet. Frankreich wolle außerdem zwei neue Fregatten "
            "bestellen und die Marine verstärken.")
    assert any(name == "Frankreich" for name, _, _ in _positions(text)), _positions(text)


# --- "Für X ist …" in the indicative is no reported speech ------------------------------------------------------

def _quotes(text: str) -> list[tuple[str, str]]:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    f = load_pipeline("blank").extract(Article(path="a.txt", text=text, title="Streit", date="2026-12-08",
                                               date_precision="day", publisher="Zeitung"))
    return [(q.kind, q.text) for q in f.quotes]


@pytest.mark.parametrize(
    "text",
    [
        "Für Vorstandschef Henning Lorenz ist es die schwerste Woche seiner Laufbahn.",
        "Für die Trainerin war das Spiel gegen Dänemark ein Wendepunkt der Saison.",
    ],
)
def test_an_indicative_fuer_judgement_is_no_reported_speech(text):
    assert not [q for q in _quotes(text) if q[0] == "indirect"], _quotes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Für die Ministerin sei der Kompromiss ein Fehler gewesen, der sich rächen werde.",
        "Für Vorstandschef Henning Lorenz ist die Lage „außerordentlich ernst“.",
    ],
)
def test_a_fuer_judgement_in_the_konjunktiv_or_with_a_quotation_stays_speech(text):
    assert _quotes(text), text


# --- a national coach speaks for no state -----------------------------------------------------------------------

def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    f = load_pipeline("blank").extract(Article(path="a.txt", text=text, title="Spiel", date="2026-12-08",
                                               date_precision="day", publisher="Zeitung"))
    return {a.name: (a.role, a.affiliation) for a in f.actors if a.kind == "person"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("„Wir haben in der zweiten Hälfte die Ruhe verloren“, sagte Bundestrainerin Ute Kaminski nach dem Spiel.",
         "Ute Kaminski", None),
        ("Bundestrainer Jonas Herberich lobte die Abwehr: „Das war unser bestes Spiel.“", "Jonas Herberich", None),
        ("Bundestagspräsidentin Karla Wendt sagte, die Sitzung werde verlegt.", "Karla Wendt", "Deutschland"),
    ],
)
def test_the_federal_prefix_before_a_team_role_names_no_country(text, name, country):
    people = _people(text)
    assert name in people, people
    assert people[name][1] == country, people


# --- page furniture: a byline beside the date, the masthead ------------------------------------------------------

_PAGE = """{masthead}

Wirtschaft
Molkerei Almtal schließt Werk in Kempten

Der Milchpreis drückt die Bilanz. Die Belegschaft ist entsetzt.

Sabine Holzner
02.12.2026 - 11:20 Uhr

Kempten. Die Molkerei Almtal schließt ihr Werk in Kempten bis zum Sommer. Betroffen sind 240 Beschäftigte, \
teilte das Unternehmen am Mittwoch mit. Sabine Holzner vom Betriebsrat sprach von einem schwarzen Tag.
"""


def test_a_name_beside_the_date_line_is_a_byline_and_the_masthead_names_the_publisher(tmp_path):
    from briefing.ingest import read_folder

    (tmp_path / "a.txt").write_text(_PAGE.format(masthead="HANDELSBLATT"), encoding="utf-8")
    article = read_folder(tmp_path).articles[0]
    assert article.publisher == "Handelsblatt"
    assert article.title == "Molkerei Almtal schließt Werk in Kempten"
    assert "HANDELSBLATT" not in article.text
    assert not article.text.startswith("Sabine Holzner")
    assert "\nSabine Holzner\n" not in article.text
    assert "Sabine Holzner vom Betriebsrat" in article.text  # the name inside a sentence stays


@pytest.mark.parametrize("line", ["Welt", "Stern"])
def test_a_common_word_alone_on_the_first_line_is_no_masthead(line):
    from briefing.ingest.publishers import masthead_name

    assert masthead_name(line) is None


@pytest.mark.parametrize("line", ["WDR", "Deutschlandfunk", "tagesschau.de", "DER SPIEGEL"])
def test_an_outlet_s_name_alone_is_a_masthead(line):
    from briefing.ingest.publishers import masthead_name

    assert masthead_name(line)


# --- a summary sentence whose speaker is only "er", however long the closing clause runs ---------------------------

@pytest.mark.parametrize(
    ("sentence", "points_back"),
    [
        ("„Heute hat die Vernunft gesiegt“, sagte er nach der Abstimmung unter dem Jubel der Abgeordneten im Saal.",
         True),
        ("Die Reform komme zu spät, so sie bei einer Pressekonferenz am Rande des Treffens in Brüssel am Abend.", True),
        ("„Heute hat die Vernunft gesiegt“, sagte Parlamentspräsidentin Ilse Vogt nach der Abstimmung im Saal.",
         False),
    ],
)
def test_a_closing_clause_of_verb_and_pronoun_points_back_at_any_length(sentence, points_back):
    from briefing.assemble.summary import needs_context

    assert needs_context(sentence) is points_back


# --- organisations: an acronym after a genitive plural, a company named after its kind ------------------------------

def _organisations(text: str) -> dict[str, tuple[tuple[str, ...], str | None]]:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    f = load_pipeline("blank").extract(Article(path="a.txt", text=text, title="Streit", date="2026-12-08",
                                               date_precision="day", publisher="Zeitung"))
    return {a.name: (a.aliases, a.org_type) for a in f.actors if a.kind == "organization"}


def test_an_acronym_after_a_genitive_plural_without_article_is_one_organisation():
    orgs = _organisations("Der Bund deutscher Forstleute (BDF) warnte vor neuen Kahlschlägen. BDF-Präsident Ulf "
                          "Hagemann sagte, die Wälder bräuchten Ruhe.")
    assert "BDF" in orgs and "Bund deutscher Forstleute" in orgs["BDF"][0], orgs
    assert "Bund deutscher Forstleute" not in orgs, orgs
    assert orgs["BDF"][1] == "association"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das Kartellamt hat den Wasserversorger Klarquell zu einer Preissenkung verpflichtet.", "Klarquell"),
        ("Der Netzbetreiber Norvia kündigte an, die Gebühren zu senken.", "Norvia"),
    ],
)
def test_a_company_named_after_its_kind_of_supply_or_operation(text, name):
    orgs = _organisations(text)
    assert name in orgs and orgs[name][1] == "company", orgs


# --- an interview's expert, named in the standfirst, answers: an actor -------------------------------------------

def test_an_expert_named_in_the_standfirst_of_an_interview_is_an_actor():
    text = ("Der Verkehrsforscher Malte Grünwald über volle Züge, späte Busse und die Schuld der Länder.\n\n"
            "Zeitung: Herr Grünwald, warum kommen die Züge zu spät?\n\n"
            "Grünwald: Weil das Netz seit Jahrzehnten zu klein ist. Daran ändert auch der neue Fahrplan nichts.")
    assert ("Malte Grünwald", "Verkehrsforscher") in [(n, r) for n, (r, _) in _people(text).items()], _people(text)


def test_an_expert_named_in_passing_stays_no_actor():
    text = "Der Verkehrsforscher Malte Grünwald über volle Züge. Mehr dazu im Dossier am Wochenende."
    assert "Malte Grünwald" not in _people(text)


# --- a speaker's continuation comes after the statement that introduces them --------------------------------------

def test_a_continuation_follows_the_statement_that_introduces_its_speaker():
    text = ("Die Grünen im Kreistag kritisierten den Landrat scharf. Fraktionssprecherin Greta Hollmann (Grüne) warf "
            "ihm vor, beim Schutz der Auen „tatenlos zugesehen“ zu haben. Der Kreis habe sich hinter dem Land "
            "versteckt, statt ein Bauverbot zu fordern.")
    b = _briefing(text, title="Streit um die Auen")
    mine = [p.text for s in b.stories for p in s.positions
            if p.text.startswith(("Fraktionssprecherin Greta Hollmann", "Der Kreis habe"))]
    assert len(mine) == 2 and mine[0].startswith("Fraktionssprecherin Greta Hollmann"), mine


# --- a figure's qualifier opening its sentence is shown in lower case -----------------------------------------------

@pytest.mark.parametrize(
    ("qualifier", "shown"),
    [("Rund", "rund 3.000\u00a0Wohnungen"), ("Mehr als", "mehr als 3.000\u00a0Wohnungen"),
     ("knapp", "knapp 3.000\u00a0Wohnungen")],
)
def test_a_qualifier_opening_the_sentence_is_shown_in_lower_case(qualifier, shown):
    from briefing.render.formatting import figure

    assert figure(3000, "Wohnungen", qualifier) == shown


# --- a call for tips with a telephone number is service, not news -------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "material"),
    [
        ("Die Polizei bittet Zeugen um Hinweise unter der Telefonnummer 0911 211 23 45.", False),
        ("Wer betroffen ist, kann sich unter 089/4455-6677 bei der Verbraucherzentrale melden.", False),
        ("Die Polizei bittet Zeugen um Hinweise, die Ermittlungen dauern an.", True),
        ("Zwischen 2019 und 2023 zahlten die Kunden rund 18 Prozent zu viel.", True),
    ],
)
def test_a_sentence_with_a_telephone_number_is_no_summary_material(sentence, material):
    from briefing.assemble.summary import is_summary_material

    assert is_summary_material(sentence) is material
