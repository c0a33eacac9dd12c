"""Round 17 (o17): a listed organisation whose name is also a common German noun ("Allianz": the insurer, and
any alliance) is read by its context.  German sentences written for these tests (no eval text)."""

from __future__ import annotations

import pytest

from briefing.extract.actors import lexicon
from briefing.lang import rows
from tests.actors_helpers import actors_of


def organisations(text: str) -> dict[str, list[str]]:
    """Organisation actor -> the texts of its mentions."""
    return {a.name: [m.text for m in a.mentions] for a in actors_of(text) if a.kind == "organization"}


def test_the_generated_list_names_the_insurer_and_no_plain_name():
    names = lexicon().common_noun_orgs
    assert "Allianz" in names
    # names that head no German compounds, and acronyms, are names only
    assert names.isdisjoint({"Lufthansa", "Bundestag", "Bundeswehr", "Commerzbank", "Nato", "NATO", "Greenpeace"})
    assert names <= {r[0] for r in rows("organisations.txt")}


@pytest.mark.parametrize("text", [
    "Die Allianz steigerte ihren Gewinn im dritten Quartal deutlich. Die Allianz will eigene Aktien zurückkaufen.",
    "Allianz-Chef Oliver Bäte sagte, die Allianz sei gut aufgestellt. Eine Allianz der Vernunft brauche es nicht.",
    "Der Versicherer Allianz meldete Rekordzahlen. Die Allianz der Vorjahre sei das nicht gewesen.",
    "Die Allianz SE hat ihren Gewinn gesteigert. Eine Allianz mit der Politik sei nicht geplant.",
    "Die Allianz erklärte der Nachrichtenagentur Reuters, sie prüfe den Schaden.",
    "Die Allianz aus München erhöht die Dividende.",
    "Unter den Firmen stehen Siemens auf Platz 68 und Allianz auf Platz 93.",
])
def test_the_insurer_stays_the_insurer_in_a_business_text(text):
    assert "Allianz" in organisations(text)


@pytest.mark.parametrize("text", [
    "Grüne und SPD schmieden eine breite Allianz gegen die Pläne der Regierung.",
    "Die transatlantische Allianz steht vor einer Zerreißprobe, sagte Merz.",
    "Die Umweltallianz fordert ein Verbot. Die Allianz will am Montag Unterschriften übergeben.",
    "Die Allianz aus Grünen, SPD und Linken will den Antrag gemeinsam stellen.",
    "Eine Allianz deutscher Städte fordert mehr Geld vom Bund.",
    "Die Nato berät in Brüssel über die Ostflanke. Die Allianz schickt weitere Soldaten nach Litauen.",
    "Die Allianz der Vernunft sei zerbrochen, schrieb die Zeitung.",
])
def test_the_alliance_is_not_the_insurer(text):
    assert "Allianz" not in organisations(text)


def test_a_long_form_headed_by_the_noun_names_the_acronym():
    orgs = organisations("Die Allianz der kleinen Inselstaaten (AOSIS) reagierte mit scharfer Kritik auf den Entwurf.")
    assert "AOSIS" in orgs and "Allianz" not in orgs


def test_a_compound_with_an_organisation_links_its_anaphor():
    orgs = organisations("Die Militärallianz Nato verstärkt ihre Präsenz. Die Allianz schickt weitere Soldaten.")
    assert orgs["NATO"] == ["Nato", "Allianz"]
    orgs = organisations("Die Nato-Allianz berät in Brüssel. Die Allianz schickt weitere Soldaten.")
    assert "Allianz" in orgs["NATO"] and "Allianz" not in orgs


def test_a_capitalised_complement_makes_a_name_of_its_own():
    orgs = organisations("Nach Schätzungen der Allianz Chronischer Seltener Erkrankungen leben viele Menschen damit.")
    assert "Allianz Chronischer Seltener Erkrankungen" in orgs and "Allianz" not in orgs
    orgs = organisations("Die Allianz zur Europäischen Integration will die Regierung bilden.")
    assert "Allianz zur Europäischen Integration" in orgs


def test_no_sign_keeps_the_organisation():
    # no sign of either reading in the text: today's reading (the listed organisation) stays
    assert "Allianz" in organisations("Die Allianz kündigte am Dienstag Stellenstreichungen an.")


def test_the_noun_again_names_what_its_first_mention_names():
    text = ("Die Allianz der kleinen Inselstaaten (AOSIS) reagierte mit scharfer Kritik auf den Entwurf. "
            "Die Allianz forderte ein klares Bekenntnis zum Ausstieg aus der Kohle.")
    orgs = organisations(text)
    assert "Allianz" not in orgs and orgs["AOSIS"].count("Allianz") == 1
    # a first mention read as the noun that names no one: the later one names no one either
    text = "Eine Allianz der Vernunft sei nötig, schrieb der Verband. Die Allianz solle bis Juni stehen."
    assert "Allianz" not in organisations(text)


def test_the_anaphor_follows_only_an_earlier_noun():
    # the first mention has no sign and stays the insurer; the later noun does not turn it into the alliance
    orgs = organisations("Die Allianz kündigte Stellenstreichungen an. Eine Allianz der Gewerkschaften protestierte.")
    assert orgs.get("Allianz") == ["Allianz"]
