"""What helper e21 found reading two new days as an editor in round 20 (a drug recall with the regulator, the
ministry, the manufacturer, doctors, pharmacists and patients' groups; a large fire in a Bavarian recycling plant
with the fire brigade, the police, the mayor, the district administrator and the state ministers), fixed as
patterns of German news; every sentence here is written for these tests (the people and companies invented).

* "Die Grünen im Bundestag werfen Ministerin X vor, …": a body with a prepositional attribute in the prefield is
  the subject, the titled name after the verb its object, as without the attribute.
* "Ein Sprecher sagte, …": a title after an indefinite article brings in someone new, never the holder of that
  title named before.
* "Bundesvorsitzende", "Bundesgeschäftsführer": the federal prefix before an office of an organisation names the
  organisation's national level, no office of the state, so no country.
* "der Ministerin Versäumnisse": the plurals of the noun suffixes ("-nisse", "-heiten", "-keiten", "-tionen", …)
  are common nouns, never surnames.
* "…, sagte Geschäftsführer X" right after the sentence that opens with an organisation: the bare title after the
  verb of saying is that organisation's, as one opening its sentence is, unless the name is followed by its own
  owner ("… von der Gewerkschaft Verdi").
"""

from __future__ import annotations

import pytest

from briefing.extract import load_pipeline
from briefing.models import Article


def _facts(text: str):
    return load_pipeline("blank").extract(Article(path="a.txt", text=text, title="Streit", date="2026-12-08",
                                                  date_precision="day", publisher="Zeitung"))


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_name) for q in _facts(text).quotes]


def _people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.role, a.affiliation) for a in _facts(text).actors if a.kind == "person"}


# --- a body with an attribute in the prefield, a titled name after the verb ---------------------------------------

@pytest.mark.parametrize(
    ("text", "speaker", "object_"),
    [
        ("Die Linke im Landtag wirft Innenminister Paul Gerber vor, die Polizei im Stich gelassen zu haben.",
         "Linke", "Paul Gerber"),
        ("Die Freien Wähler im Stadtrat werfen Oberbürgermeisterin Vera Haslinger vor, die Bürger zu spät "
         "informiert zu haben.", "Freie Wähler", "Vera Haslinger"),
    ],
)
def test_a_body_with_an_attribute_in_front_accuses_the_titled_name_after_the_verb(text, speaker, object_):
    speakers = _speakers(text)
    assert speakers, text
    assert all(name != object_ for _, name in speakers), speakers


def test_a_thing_with_an_attribute_in_front_is_still_the_object():
    # "Die Rede im Landtag lobte Ministerin X": a thing first, the titled name after the verb speaks
    speakers = _speakers("Die Pläne der Regierung für die Kliniken lobte Gesundheitsministerin Petra Wendel als "
                         "mutig, sie seien lange überfällig gewesen.")
    assert not any(name == "Regierung" for _, name in speakers), speakers


# --- "Ein Sprecher" is someone new ------------------------------------------------------------------------------

def test_an_indefinite_title_is_not_the_holder_named_before():
    f = _facts("Die Grünen werfen dem Ministerium Untätigkeit vor, sagte der umweltpolitische Sprecher Tobias "
               "Rieger. Das Ministerium wies das zurück. Ein Sprecher sagte, die Warnungen hätten ein anderes Werk "
               "betroffen.")
    names = {a.id: a.name for a in f.actors}
    rieger = [p.text for p in f.positions if names[p.actor] == "Tobias Rieger"]
    assert not any(t.startswith("Ein Sprecher") for t in rieger), rieger
    mentions = [m.text for a in f.actors if a.name == "Tobias Rieger" for m in a.mentions]
    assert "Sprecher" not in mentions, mentions


def test_a_definite_title_still_points_back_at_its_holder():
    f = _facts("Innenministerin Carla Bremer lobte die Feuerwehr. Die Innenministerin sagte, der Einsatz sei "
               "vorbildlich gewesen.")
    mentions = [m.text for a in f.actors if a.name == "Carla Bremer" for m in a.mentions]
    assert "Innenministerin" in mentions, mentions


# --- the federal level of an organisation is no state office ----------------------------------------------------

@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Der Verband rechnet mit vollen Praxen, sagte die Bundesvorsitzende Helga Sommerfeld.",
         "Helga Sommerfeld", None),
        ("Bundesgeschäftsführer Ole Brandt kündigte eine Kampagne des Vereins an.", "Ole Brandt", None),
        ("Die Bundesvorsitzende der SPD, Lea Vogler, sagte, man sei bereit.", "Lea Vogler", "SPD"),
    ],
)
def test_the_federal_prefix_before_an_organisation_s_office_names_no_country(text, name, country):
    people = _people(text)
    assert name in people, people
    assert people[name][1] == country, people


# --- plural nouns are no surnames --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Die Opposition wirft der Ministerin Versäumnisse vor.",
        "Der Rechnungshof wirft dem Präsidenten Unklarheiten bei der Vergabe vor.",
        "Die Kassen werfen der Senatorin Fehlkalkulationen vor.",
    ],
)
def test_a_plural_noun_after_a_title_is_no_name(text):
    assert not _people(text), _people(text)


def test_a_first_name_keeps_a_surname_that_ends_like_a_noun():
    assert "Anna Kenntnis" in _people("Ministerin Anna Kenntnis eröffnete die neue Station.")


# --- a bare title right after the verb of saying is the organisation's ----------------------------------------

@pytest.mark.parametrize(
    ("text", "name", "owner"),
    [
        ("Der Digitalverband Bitkom warnte vor Engpässen. Die Preise seien zu niedrig, sagte "
         "Geschäftsführer Jörg Tannhäuser.", "Jörg Tannhäuser", "Bitkom"),
        ("Die Gewerkschaft Verdi lehnte das Angebot ab. „Das ist für die Beschäftigten eine echte Zumutung“, "
         "sagte Vorsitzende Nadine Kraus.", "Nadine Kraus", "Verdi"),
    ],
)
def test_a_bare_title_after_the_verb_of_saying_belongs_to_the_organisation_before(text, name, owner):
    people = _people(text)
    assert people.get(name, (None, None))[1] == owner, people


def test_a_name_with_its_own_owner_after_it_keeps_no_other():
    people = _people("Der Autobauer BMW lobte den Plan. Das sei ein guter Tag für die Region, sagte Sprecherin "
                     "Anna Kolb von der Gewerkschaft Verdi.")
    assert people.get("Anna Kolb", (None, None))[1] != "BMW", people


# --- fire brigade officers and physicians are titled people ------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Kreisbrandrat Anton Seidl sagte, das Feuer sei am Morgen unter Kontrolle gewesen.", "Anton Seidl",
         "Kreisbrandrat"),
        ("„Wir konnten das Wohnhaus gerade noch halten“, sagte Stadtbrandmeisterin Eva Lindl.", "Eva Lindl",
         "Stadtbrandmeisterin"),
        ("Feuerwehrkommandant Josef Reiter sagte, die Nachlöscharbeiten würden bis zum Abend dauern.",
         "Josef Reiter", "Feuerwehrkommandant"),
        # (physicians by speciality, "Die Onkologin Maria Senft", were withdrawn with the scholars' disciplines at
        # the merge: a known title of that kind loses the person for a later "sagte sie", see the lead's round 20)
    ],
)
def test_a_fire_brigade_officer_s_or_a_physician_s_title_is_a_role(text, name, role):
    people = _people(text)
    assert people.get(name, (None, None))[0] == role, people


# --- an institution's "für" complement belongs to the source, not to the reported clause -------------------------

@pytest.mark.parametrize(
    ("text", "speaker", "clause"),
    [
        ("Nach Angaben des Landesamts für Denkmalpflege gibt es in der Altstadt noch rund 300 Holzhäuser.",
         "Landesamt für Denkmalpflege", "gibt es in der Altstadt"),
        ("Laut dem Bundesamt für Seeschifffahrt lag der Wasserstand am Morgen einen Meter über dem Mittel.",
         "Bundesamt für Seeschifffahrt", "lag der Wasserstand"),
    ],
)
def test_an_institution_s_field_is_part_of_the_source(text, speaker, clause):
    quotes = _facts(text).quotes
    assert quotes, text
    assert quotes[0].text.startswith(clause), [q.text for q in quotes]
    assert quotes[0].speaker_name == speaker, [(q.speaker_name, q.speaker_text) for q in quotes]


def test_a_purpose_after_a_plain_noun_stays_out_of_the_source():
    quotes = _facts("Nach Angaben der Veranstalter Wiener Messe für Familien gab es am Wochenende zu wenig "
                    "Parkplätze.").quotes
    assert all(not (q.speaker_name or "").endswith("Familien") for q in quotes), [q.speaker_name for q in quotes]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("der Bundesanstalt für Arbeit zufolge", "der Bundesanstalt für Arbeit"),
        ("die Deutsche Gesellschaft für Ernährung rät", "die Deutsche Gesellschaft für Ernährung"),
        ("ein Entwurf der Regierung für Aufsehen", "ein Entwurf der Regierung"),
        ("die Polizei für Ordnung", "die Polizei"),
    ],
)
def test_only_heads_that_name_a_field_take_fuer_into_the_phrase(text, phrase):
    from briefing.extract.quotes.speakers import read_np, tokens

    toks = tokens(text, 0, len(text))
    j = read_np(toks, 0)
    assert text[: toks[j - 1][1]] == phrase


# --- an institution's long form with its field defines the acronym in brackets ------------------------------------

def test_an_institution_with_its_field_defines_the_acronym_after_it():
    f = _facts("Das Bundesamt für Katastrophenhilfe und Bevölkerungswarnung (BKBW) gab Entwarnung. Das BKBW teilte "
               "mit, die Sirenen würden am Abend noch einmal getestet.")
    orgs = [a for a in f.actors if a.kind == "organization"]
    assert len(orgs) == 1, [(a.name, a.aliases) for a in orgs]
    assert {m.text for m in orgs[0].mentions} >= {"Bundesamt für Katastrophenhilfe und Bevölkerungswarnung", "BKBW"}


def test_a_thing_with_a_fuer_complement_defines_no_organisation():
    f = _facts("Das Programm für Arbeit und Teilhabe (ProAT) läuft im Frühjahr aus, sagte die Sprecherin.")
    assert not [a for a in f.actors if a.kind == "organization"], [a.name for a in f.actors]
