"""Actors beyond people with a known first name: organisations, parties, institutions, surname-only
mentions, place metonymy by context, roles and affiliations from titles and appositions.

German (text, expected) pairs written for each behaviour; none of the names is in a lexicon, so the
rules, not lists, must find them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.actors_helpers import actors_of, person


def orgs(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Organisation name -> (affiliation, org_type)."""
    return {a.name: (a.affiliation, a.org_type) for a in actors_of(text) if a.kind == "organization"}


# ---------------------------------------------------------------- organisations and parties


@pytest.mark.parametrize(
    ("text", "name", "org_type"),
    [
        # a party by name
        ("Im Streit um die Reform stellte sich die SPD quer.", "SPD", "party"),
        ("Die Grünen forderten am Dienstag Nachbesserungen am Gesetz.", "Grüne", "party"),
        # the owner in a role compound, standing alone elsewhere in the article
        ("Die Fatah lehnte den Plan ab. Fatah-Sprecher Osama Kawasmeh sagte, man wolle verhandeln.", "Fatah", None),
        ("Airbus kündigte Stellenabbau an. Airbus-Chef Tom Enders sagte, das sei unvermeidlich.", "Airbus", None),
        # an acronym defined in brackets: by its institution head or spelled out by its words; the type is the
        # head's (the first noun before a link: "Verband der ..."), international for "Welt-", "Europäische ..."
        ("Die Weltgesundheitsorganisation (WHO) warnte am Montag. Die WHO rief zu Impfungen auf.", "WHO",
         "international"),
        ("Laut Human Rights Watch (HRW) wurden Dutzende festgenommen.", "HRW", None),
        # ... with the links' initials ("der" -> D)
        ("Der Verband der Maschinenbauer (VDM) warnte vor neuen Zöllen.", "VDM", "association"),
        ("Die Vereinigung der Landwirte (VdL) kritisierte den Beschluss.", "VdL", "association"),
        # an acronym after a title
        ("Der Präsident der FIFA, Gianni Infantino, sagte, das Turnier finde statt.", "FIFA", None),
        # coordinated with an organisation of the text
        ("Die Organisationen Hamas und Fatah einigten sich. Hamas-Sprecher Hasem Kassem sprach von einem "
         "Durchbruch. Die Fatah äußerte sich vorsichtiger.", "Fatah", None),
        ("Die SPD und das BSW wollen eine Koalition bilden.", "BSW", "party"),
        # an acronym defined in brackets after a role title: the long form follows the title
        ("Das sagte der Chef der Europäischen Zentralbank (EZB), Jean Morel, in Frankfurt.", "EZB", "international"),
        ("Ein Sprecher der Bundesagentur für Arbeit (BA) nannte keine Zahlen.", "BA", "agency"),
    ],
)
def test_organisations_and_parties(text: str, name: str, org_type: str | None) -> None:
    found = orgs(text)
    assert name in found
    assert found[name][1] == org_type


def test_coordination_chains_through_a_later_mention() -> None:
    # "Kadima" is found beside the party "Linke"; its later mention then finds "Meretz" beside it
    text = "Die Linke und die Kadima verhandelten. Später trafen sich die Kadima und die Meretz in Haifa."
    assert orgs(text) == {"Linke": (None, "party"), "Kadima": (None, "party"), "Meretz": (None, "party")}


@pytest.mark.parametrize(
    ("text", "name", "owner"),
    [
        ("Das russische Außenministerium wies die Vorwürfe zurück.", "Außenministerium", "Russland"),
        ("Die US-Regierung schwieg zu dem Bericht.", "US-Regierung", "USA"),
        ("Die Regierung Frankreichs kündigte Gegenmaßnahmen an.", "Regierung", "Frankreich"),
        # Germany and Austria both have a "Bundesinnenministerium": the article tells whose (test_shared_titles.py)
        ("Das Bundesinnenministerium prüft den Fall.", "Bundesinnenministerium", None),
        ("Das Bundesinnenministerium prüft den Fall, der Bundestag berät im Mai.", "Bundesinnenministerium",
         "Deutschland"),
        # its seat after "in": a capital or a country
        ("Ein Sprecher des Innenministeriums in Paris bestätigte den Bericht.", "Innenministerium", "Frankreich"),
        ("Die Regierung in Warschau kündigte Gegenmaßnahmen an.", "Regierung", "Polen"),
    ],
)
def test_institutions_with_an_owner(text: str, name: str, owner: str) -> None:
    assert orgs(text)[name] == (owner, "institution")


def test_two_foreign_ministries_are_two_actors() -> None:
    text = "Das russische Außenministerium widersprach. Das ukrainische Außenministerium blieb bei seiner Darstellung."
    owners = sorted(a.affiliation for a in actors_of(text) if a.name == "Außenministerium")
    assert owners == ["Russland", "Ukraine"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Polizei sucht Zeugen. Das Gericht vertagte sich.",  # an institution nobody owns is no actor
        "Das Bruttoinlandsprodukt (BIP) wuchs um zwei Prozent.",  # an acronym that names no organisation
        "Der Chef der Familie, Hans Huber, sagte, man sei froh.",  # "der Familie" is no organisation
        "Nach Angaben der Nachrichtenagentur dpa sagte der Minister ab.",  # news agencies report the news
        "Friedrich Merz (CDU) sprach im Bundestag.",  # a party in brackets is the person's, not an actor
        "Die Beamten des Zolls prüften die Ladung.",  # "Beamten" ends in "amt" but is no office
        "Peking will die Interessen chinesischer Unternehmen verteidigen.",  # a country has many companies
        "Eine britische Stiftung finanziert das Projekt.",  # ... and many foundations: no one is named
        "Das Ministerium in Brüssel schwieg.",  # a seat of several (EU, NATO, Belgium) names no one country
    ],
)
def test_no_organisation_without_evidence(text: str) -> None:
    assert set(orgs(text)) <= {"Bundestag"}


def test_a_name_ending_in_another_organisations_word_is_not_that_organisation() -> None:
    # "der Fahrgastverband Pro Bahn" is a passengers' association, not the Bahn; "die Firma Porsche" and
    # "die Lokführergewerkschaft GDL" name the organisation by its kind.
    text = ("Bahn-Personalvorständin Jana Holm sagte, man sei bereit. Der Fahrgastverband Pro Bahn kritisierte "
            "die Bahn scharf. Die Lokführergewerkschaft GDL streikt, GDL-Chef Ole Lenz drohte der Bahn.")
    bahn = next(a for a in actors_of(text) if a.name == "Bahn")
    assert [text[m.start - 4 : m.end] for m in bahn.mentions] == ["die Bahn", "der Bahn"]
    gdl = next(a for a in actors_of(text) if a.name == "GDL")
    assert text[: gdl.mentions[0].end].endswith("Die Lokführergewerkschaft GDL")


def test_common_words_coordinated_with_an_organisation_are_none() -> None:
    found = orgs("Die SPD und Ärzte kritisierten die Reform. Die SPD sprach mit Verbänden und Vertretern der Kassen.")
    assert set(found) == {"SPD"}
    found = orgs("Airbus baut in der Luft- und Raumfahrt Stellen ab. Airbus-Chef Tom Enders bestätigte das.")
    assert "Luft-" not in found and "Raumfahrt" not in found


# ---------------------------------------------------------------- people: surname linking, roles


def test_full_name_then_surname_is_one_actor_without_a_known_first_name() -> None:
    text = "Kemal Yilmazer traf am Montag Vertreter der Opposition. Yilmazer sagte, er sei zuversichtlich."
    people = [a for a in actors_of(text) if a.kind == "person"]
    assert [p.name for p in people] == ["Kemal Yilmazer"]
    assert {m.text for m in people[0].mentions} >= {"Kemal Yilmazer", "Yilmazer"}


def test_noun_before_a_surname_is_no_first_name() -> None:
    text = "Kritik kam vom Pontifikat Benedikt nicht. Benedikt sagte, er bete für alle."
    assert all(a.name != "Pontifikat Benedikt" for a in actors_of(text))


@pytest.mark.parametrize(
    ("text", "surname", "role", "affiliation", "party"),
    [
        ("Kremlsprecher Dmitri Peskow sagte, man sei bereit.", "Peskow", "Kremlsprecher", "Russland", None),
        ("Frankreichs Präsident Emmanuel Macron widersprach.", "Macron", "Präsident", "Frankreich", None),
        ("Der CDU-Politiker Norbert Röttgen warnte vor Eile.", "Röttgen", "CDU-Politiker", None, "CDU"),
        ("Die Hamas schwieg. Hamas-Chef Ismail Hanija sagte, man kämpfe weiter.", "Hanija", "Hamas-Chef", "Hamas",
         None),
        ("Ismail Hanija, der Chef der FIFA, lehnte ab.", "Hanija", "Chef", "FIFA", None),
        ("Jean Dupont, früherer Minister, sagte, er kandidiere nicht.", "Dupont", "früherer Minister", None, None),
    ],
)
def test_role_and_affiliation_from_titles_and_appositions(text, surname, role, affiliation, party) -> None:
    p = person(text, surname)
    assert p is not None
    assert (p.role, p.affiliation, p.party) == (role, affiliation, party)


# ---------------------------------------------------------------- place metonymy by context


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("Die NATO berät über neue Truppen. Ein Gesuch aus Brüssel liegt den Mitgliedern vor.", "NATO"),
        ("Die EU streitet über Zölle, die NATO nicht. Die EU will Zölle. Ein Gesuch aus Brüssel liegt vor.", "EU"),
        ("Ein Gesuch aus Brüssel liegt den Mitgliedern vor.", "EU"),  # neither named: the first seat holder
    ],
)
def test_seat_of_several_is_read_by_context(text: str, meant: str) -> None:
    holder = [a for a in actors_of(text) if any(m.text == "Brüssel" for m in a.mentions)]
    assert [a.name for a in holder] == [meant]
    assert holder[0].kind == "organization"


# ---------------------------------------------------------------- lists learned from the train split

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "train.jsonl"


@pytest.mark.skipif(not TRAIN.is_file(), reason="the quotation train split is not beside the repository")
def test_institution_heads_are_speakers_in_the_train_split() -> None:
    """Each institution head ends a word of at least two annotated speaker phrases (no entry for one example)."""
    import json
    import re

    from briefing.lang import rows

    words = [
        w.lower()
        for line in TRAIN.read_text(encoding="utf-8").splitlines()
        for q in json.loads(line)["quotes"]
        for w in re.findall(r"[\w-]+", q["speaker"]["text"])
    ]
    endings = ("", "s", "es", "n", "en")
    for head, kind, *_ in rows("institutions.txt"):
        if kind == "-":
            continue
        count = sum(1 for w in words if any(w.endswith(head + e) for e in endings))
        assert count >= 2, head


@pytest.mark.parametrize(
    ("text", "surname", "role", "affiliation"),
    [
        ("BDI-Hauptgeschäftsführerin Tanja Gönner sagte, jeder Streiktag koste Geld.", "Gönner",
         "BDI-Hauptgeschäftsführerin", "BDI"),
        ("Landrat Anton Klotz wies die Kritik zurück.", "Klotz", "Landrat", None),
        ("Staatssekretärin Eva Lindner (SPD) kündigte einen Entwurf an.", "Lindner", "Staatssekretärin", None),
        # a federation's coach holds no office of the state: no country, so his words are no country's position
        # (round 20, e20; tests/test_editor_e20.py)
        ("Bundestrainer Julian Nagelsmann nominierte drei Neulinge.", "Nagelsmann", "Bundestrainer", None),
    ],
)
def test_officers_of_companies_associations_and_offices_carry_their_title(
    text: str, surname: str, role: str, affiliation: str | None
) -> None:
    p = person(text, surname)
    assert p is not None and (p.role, p.affiliation) == (role, affiliation)


def test_words_before_the_comma_of_a_speech_verb_are_no_apposed_name() -> None:
    # "X, früherer Minister" introduces X; "100 Millionen Euro, sagte Verbandssprecher Y" does not.
    text = "Jeder Streiktag koste bis zu 100 Millionen Euro, sagte Verbandssprecher Klaus Roth am Freitag."
    assert [a.name for a in actors_of(text) if a.kind == "person"] == ["Klaus Roth"]
    assert person("Jean Dupont, früherer Minister, sagte, man sei bereit.", "Dupont") is not None


def test_a_masculine_title_after_die_is_a_group_not_the_last_holder() -> None:
    # "Die Agrarminister wollen ... beraten": all of them, not the minister named before.
    text = ("Der polnische Agrarminister Stefan Krajewski kritisierte die Kommission. Die Agrarminister wollen "
            "am Donnerstag weiter beraten. Der Agrarminister sagte, er bleibe hart.")
    p = person(text, "Krajewski")
    assert p is not None
    assert [text[m.start : m.end] for m in p.mentions] == ["Stefan Krajewski", "Agrarminister", "er"]
    assert text.index("Der Agrarminister sagte") + 4 == p.mentions[1].start  # the singular one only


def test_a_country_inside_the_quotation_is_not_the_spokesmans() -> None:
    # The spokesman speaks about Pakistan; the country he speaks for is not named in this sentence.
    text = "Außenamtssprecher Randhir Jaiswal sagte: „Pakistan muss aufhören, Terroristen Unterschlupf zu gewähren.“"
    p = person(text, "Jaiswal")
    assert p is not None and p.affiliation != "Pakistan"
    # ... while a country acting in the narration still lends its official its affiliation
    text = "Russland teilte über die Sprecherin Marija Sacharowa mit, man prüfe den Vorschlag."
    assert person(text, "Sacharowa").affiliation == "Russland"


def test_a_party_epithet_names_the_person_just_named_and_gives_the_party() -> None:
    text = ("Finanzminister Albert Füracker verteidigte die Pläne. Man müsse jetzt handeln, sagte der "
            "CSU-Politiker am Montag.")
    p = person(text, "Füracker")
    assert p is not None and p.party == "CSU"
    assert any(text[m.start : m.end] == "CSU-Politiker" for m in p.mentions)
    # a gender that does not agree, or another party, is someone else
    text = "Finanzministerin Eva Roth (SPD) verteidigte die Pläne. Das sei falsch, sagte der CSU-Politiker."
    p = person(text, "Roth")
    assert p is not None and not any(text[m.start : m.end] == "CSU-Politiker" for m in p.mentions)


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        # the regular "-isch" adjective of a country's German name, not only the listed ones
        ("Die kenianische Umweltministerin Deborah Barasa und ihre Amtskollegin aus Kolumbien forderten "
         "einen Fonds.", "Barasa", "Kenia"),
        ("Der kuwaitische Ölminister Ahmed Fahad sagte in Wien, man halte an der Menge fest.", "Fahad", "Kuwait"),
        ("Der brasilianische Gesundheitsminister José Temporão warnte vor dem Virus.", "Temporão", "Brasilien"),
    ],
)
def test_a_country_adjective_before_the_title_gives_the_country(text: str, surname: str, country: str) -> None:
    p = person(text, surname)
    assert p is not None and p.affiliation == country


def test_an_organisation_of_two_words_in_a_role_compound_is_named_whole() -> None:
    # "IG-Metall-Bezirksleiterin" where the text writes "die IG Metall": the organisation is "IG Metall", not "IG".
    text = ("Die IG Metall kündigte Widerstand an. IG-Metall-Bezirksleiterin Barbara Resch sagte, man werde "
            "notfalls streiken.")
    assert "IG Metall" in orgs(text) and "IG" not in orgs(text)
    assert person(text, "Resch").affiliation == "IG Metall"


# ---------------------------------------------------------------- organisations named by their form


@pytest.mark.parametrize(
    ("text", "name", "org_type", "affiliation"),
    [
        # capitalised adjectives before an institution head inside a sentence open its name; the name is
        # the nominative without article, whatever the case in the text
        ("Nach Angaben des Statistischen Landesamts stieg die Zahl der Geburten.", "Statistisches Landesamt",
         "agency", None),
        ("Die Kritik kam vom Kommunalen Arbeitgeberverband, der die Forderung ablehnte.",
         "Kommunaler Arbeitgeberverband", "association", None),
        ("Am Montag widersprach die Junge Union dem Parteichef.", "Junge Union", "association", None),
        ("Die Warnung des Deutschen Wetterdienstes gilt bis Sonntag.", "Deutscher Wetterdienst", "agency", None),
        ("Die Bayerische Krankenhausgesellschaft unterstützt die Reform.", "Bayerische Krankenhausgesellschaft",
         "association", None),
        # ... after a first name ("Robert Koch-Institut"); "des Verbraucherzentrale Bundesverbands" has a noun
        ("Die Zahlen des Robert Koch-Instituts steigen.", "Robert Koch-Institut", "association", None),
        # a listed organisation in another case is the listed one
        ("Die Abgeordneten des Europäischen Parlaments stimmten zu.", "EU-Parlament", "international", "EU"),
        # a name after its kind, in apposition
        ("Am Dienstag rief die Gewerkschaft Komba zum Streik auf.", "Komba", "association", None),
        ("Der Chipkonzern Infineon streicht 1400 Stellen.", "Infineon", "company", None),
        ("Die Pläne des Mobilfunkanbieters stießen beim Verbraucherverband VZBV auf Kritik.", "VZBV",
         "association", None),
        # a name before the hyphen of a company compound is the company
        ("Beim Continental-Konzern fallen 3000 Stellen weg.", "Continental", "company", None),
        # an acronym's long form gives the type by its head
        ("Der Deutsche Journalisten-Verband (DJV) protestierte gegen das Urteil.", "DJV", "association", None),
    ],
)
def test_organisations_named_by_their_form(text: str, name: str, org_type: str, affiliation: str | None) -> None:
    assert orgs(text).get(name) == (affiliation, org_type)


@pytest.mark.parametrize(
    "text",
    [
        # capitals that open a sentence, a quotation or a count are no name
        "Zahlreiche Unternehmen meldeten Kurzarbeit an.",
        "Er sagte: „Deutsche Unternehmen brauchen Planungssicherheit.“",
        "In der Krise haben Tausende Unternehmen Kurzarbeit angemeldet.",
        # a common noun after the kind is part of the clause, not a name
        "Im vergangenen Jahr schrieb das Geldinstitut Verluste.",
        "Damals war der Konzern Marktführer.",
        # a plural kind lists several; an agency is named by its place; a common noun before the hyphen
        "Die Verbände Bioland und Demeter kritisierten die Reform scharf.",
        "Ermittler des Landeskriminalamts Niedersachsen durchsuchten die Wohnung.",
        "Der Energie-Konzern will Stellen abbauen.",
        # a news agency is no actor, whatever its name
        "Das sagte er der Deutschen Presse-Agentur in Berlin.",
        # a bare head names no one
        "Die Gewerkschaft warnte vor Stellenabbau, der Verband widersprach.",
    ],
)
def test_no_organisation_from_a_form_that_names_none(text: str) -> None:
    assert [a.name for a in actors_of(text) if a.kind == "organization" and a.org_type != "party"] == []


def test_a_bare_head_after_the_named_organisation_is_that_organisation() -> None:
    text = ("Die Gewerkschaft Komba fordert acht Prozent mehr Lohn. Die Gewerkschaft droht mit Streiks. "
            "Das Statistische Landesamt meldet mehr Geburten. Das Landesamt nennt keine Gründe.")
    found = {a.name: [m.text for m in a.mentions] for a in actors_of(text) if a.kind == "organization"}
    assert found["Komba"] == ["Gewerkschaft Komba", "Gewerkschaft"]
    assert found["Statistisches Landesamt"] == ["Statistische Landesamt", "Landesamt"]
    assert set(found) == {"Komba", "Statistisches Landesamt"}


# ---------------------------------------------------------------- the country of a head of government


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        # the one country of the sentence before
        ("Portugal lehnt den Plan ab. Regierungschef Luís Almeida sagte, man brauche mehr Zeit.",
         "Almeida", "Portugal"),
        ("Die Niederlande stimmten zu. Premierminister Dick Schoof sprach von einem guten Tag.", "Schoof",
         "Niederlande"),
        # an owned institution names its country
        ("Die griechische Regierung bleibt hart. Ministerpräsident Kyriakos Mitsotakis lehnte jede Änderung ab.",
         "Mitsotakis", "Griechenland"),
        # two countries: no country rather than a wrong one
        ("Belgien und Luxemburg streiten. Premierminister Bart De Wever sagte, man bleibe im Gespräch.",
         "Wever", None),
        # where he speaks is no country of his
        ("In Dänemark sprach Präsident Alexander Stubb von einem Durchbruch.", "Stubb", None),
        # another person holds the country already
        ("Frankreichs Präsident Emmanuel Macron empfing in Paris Regierungschef Luc Delvaux.", "Delvaux", None),
        # a "Ministerpräsident" in Germany heads a Land
        ("Deutschland streitet über Geld. Ministerpräsident Michael Kretschmer forderte mehr Mittel.", "Kretschmer",
         None),
        # a compound title names what he heads
        ("Deutschland streitet über Geld. Bauernpräsident Joachim Krämer forderte mehr Mittel.", "Krämer", None),
        # a president beside an organisation may be its president
        ("Österreich prüft den Vorschlag. Präsident Harald Mahrer vom Wirtschaftsbund WKÖ warnte davor.",
         "Mahrer", None),
    ],
)
def test_a_head_of_government_speaks_for_the_country_named_nearby(text: str, surname: str,
                                                                  country: str | None) -> None:
    p = person(text, surname)
    assert p is not None
    assert p.affiliation == country


@pytest.mark.parametrize(
    ("word", "nominative"),
    [
        ("Finanzministeriums", "Finanzministerium"),
        ("Bundesamtes", "Bundesamt"),
        ("Sozialverbands", "Sozialverband"),
        ("Finanzministerium", "Finanzministerium"),
        # no institution, or not one word: as it is
        ("Merkels", "Merkels"),
        ("Ausschuss", "Ausschuss"),
        ("Sprecher des Ministeriums", "Sprecher des Ministeriums"),
        # the place after the institution stays ("ein Sprecher des Arbeitsgerichts Frankfurt")
        ("Arbeitsgerichts Frankfurt", "Arbeitsgericht Frankfurt"),
        ("Landgerichts Bonn", "Landgericht Bonn"),
        ("Angela Merkel", "Angela Merkel"),
        # a medium ("nach einer Meldung des Staatsfernsehens"), a place's adjective before it that does not decline
        ("Staatsfernsehens", "Staatsfernsehen"),
        ("Nachrichtensenders", "Nachrichtensender"),
        ("Grazer Landgerichts", "Grazer Landgericht"),
        ("Belgrader Staatsfernsehens", "Belgrader Staatsfernsehen"),
        ("Peter Müller", "Peter Müller"),
    ],
)
def test_a_speaker_named_in_the_genitive_is_shown_in_the_nominative(word: str, nominative: str) -> None:
    from briefing.lang.de import institution_nominative

    assert institution_nominative(word) == nominative


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an unknown acronym and a capitalised word after an article name one organisation
        ("Die IG Bau warnte vor Entlassungen auf den Baustellen.", "IG Bau"),
        ("Am Samstag verlor der SC Paderborn knapp.", "SC Paderborn"),
    ],
)
def test_an_acronym_and_the_words_after_it_are_one_name(text: str, name: str) -> None:
    assert name in orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Der NATO Gipfel beginnt am Montag.",  # a known acronym before a common noun: a compound written apart
        "Laut ZDF Politbarometer liegt die Union vorn.",  # no article
        "Die CDU Bayern tagt.",  # a party
    ],
)
def test_an_acronym_before_a_noun_is_no_new_name(text: str) -> None:
    assert not any(" " in name for name in orgs(text))


def test_a_title_with_a_complement_for_what_before_the_name() -> None:
    p = person("Das sagte die dänische Ministerin für Kultur und Medien, Karen Holm, am Montag.", "Holm")
    assert p is not None and p.role == "Ministerin" and p.affiliation == "Dänemark"
