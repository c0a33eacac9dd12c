"""Round 20, the lead's reading of a made-up day (a state parliament's vote on wind power, its reactions, a
county's referendum, a Christmas market): what an editor would have sent back, as patterns of German."""

from __future__ import annotations

import pytest
from actors_helpers import pipeline

from briefing.assemble.positions import PositionRef, group_owners, merge_positions
from briefing.models import StoryActor
from briefing.render.formatting import NBSP, figure
from tests.quote_helpers import quote_containing, run


def figures_of(text: str) -> list:
    return list(pipeline("briefing_figures")(text)._.briefing_figures)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # "über" is the preposition of the verb (a separable one, its particle at the end) or of the noun
        ("Im Landkreis Kelheim stimmen die Wähler am 9. Mai über drei geplante Solarparks ab.",
         "drei geplante Solarparks"),
        ("Die Fachklinik in Bad Aibling verfügt über 240 Betten.", "240 Betten"),
        ("Der Gemeinderat entschied am Abend über sieben Bauanträge.", "sieben Bauanträge"),
        ("Die Abstimmung über zwölf Änderungsanträge dauerte bis Mitternacht.", "zwölf Änderungsanträge"),
    ],
)
def test_uber_of_a_verb_or_noun_is_no_more_than(text: str, written: str) -> None:
    (f,) = figures_of(text)
    assert (f.text, f.qualifier) == (written, None)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # "über" opening the phrase, or after another preposition, still means "more than"
        ("Über 300 Menschen stimmten in der Versammlung ab.", "Über 300 Menschen"),
        ("Die Polizei berichtete von über 40 Festnahmen.", "über 40 Festnahmen"),
        ("Der Minister sprach vor über 500 Gästen.", "über 500 Gästen"),
        ("Im Stadion waren über 20.000 Zuschauer.", "über 20.000 Zuschauer"),
        # a verb of another clause does not govern it
        ("Der Rat stimmte zu, über 80 Millionen Euro fließen in die Schulen.", "über 80 Millionen Euro"),
    ],
)
def test_uber_as_more_than_stays(text: str, written: str) -> None:
    (f,) = figures_of(text)
    assert f.text == written
    assert f.qualifier is not None and f.qualifier.lower() == "über"


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (4.5, "Euro", f"4,50{NBSP}€"),
        (1234.05, "EUR", f"1.234,05{NBSP}€"),
        (12.0, "Euro", f"12{NBSP}€"),
        (2.99, "Dollar", f"2,99{NBSP}$"),
        (7.5, "Prozent", f"7,5{NBSP}%"),  # not money: one decimal as written
    ],
)
def test_money_is_written_to_the_cent(value: float, unit: str, shown: str) -> None:
    assert figure(value, unit) == shown


def _actor(id_: str, name: str, kind: str, **kw: object) -> StoryActor:
    fields = {"role": None, "affiliation": None, "aliases": (), "mentions": 1, "sources": ("S1",), "party": None,
              "org_type": None, "party_country": None}
    fields.update(kw)
    return StoryActor(id=id_, name=name, kind=kind, **fields)  # type: ignore[arg-type]


def test_a_partys_group_and_the_party_are_one_heading() -> None:
    actors = [
        _actor("A1", "SPD", "organization", org_type="party"),
        _actor("A2", "SPD-Fraktion", "organization", org_type="party", affiliation="SPD"),
        _actor("A3", "Jana Kölbl", "person", role="Sprecherin", affiliation="SPD-Fraktion"),
        _actor("A4", "CSU", "organization", org_type="party"),
    ]
    assert group_owners(actors) == {"SPD-Fraktion": "SPD"}
    text_a = "Die SPD kritisierte den Haushaltsentwurf der Staatsregierung als unsozial und kurzsichtig."
    text_b = "Die Regierung spare bei den Kitas und verschweige die Folgen für die Kommunen, sagte Kölbl."
    text_c = "Die CSU verteidigte den Haushaltsentwurf als solide und ausgewogen für das ganze Land."
    refs = [PositionRef("S1", "A1", text_a, 0), PositionRef("S1", "A3", text_b, 100),
            PositionRef("S1", "A4", text_c, 200)]
    positions, _ = merge_positions(refs, [], actors)
    assert {p.country for p in positions} == {"SPD", "CSU"}
    assert {p.actor for p in positions if p.country == "SPD"} == {"A1", "A3"}


# A pronoun after a sentence whose subject is a person the text does not name ("Der Bruder der Getöteten",
# "Die Zeugin", "Der Angeklagte") stands for that person, not for someone quoted before: no name is shown.
UNNAMED_ANTECEDENTS = [
    ("„Die Beweise reichen nicht“, sagte Verteidiger Jonas Pfeil. Der Vater des Opfers wirkte gefasst. "
     "„Ich habe auf diesen Tag gewartet“, sagte er nach der Verhandlung.", "auf diesen Tag gewartet"),
    ("Staatsanwältin Miriam Olk forderte acht Jahre Haft. „Das war eine geplante Tat“, sagte sie. Die Zeugin "
     "schilderte den Abend ausführlich. „Ich hatte große Angst“, sagte sie.", "große Angst"),
    ("„Wir legen Revision ein“, kündigte Anwalt Bernd Sauer an. Der Angeklagte selbst schwieg bis zum Schluss. "
     "„Ich bereue nichts“, rief er beim Hinausgehen.", "bereue nichts"),
]


@pytest.mark.parametrize(("text", "fragment"), UNNAMED_ANTECEDENTS)
def test_a_pronoun_after_an_unnamed_person_names_no_one_quoted_before(text: str, fragment: str) -> None:
    record = quote_containing(text, fragment)
    assert record.speaker_text is not None and record.speaker_text.lower() in ("er", "sie")
    assert record.speaker_name is None


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # a thing as the subject in between, or the unnamed person's own name given: the person quoted before
        ("„Wir legen Revision ein“, sagte Anwältin Sabine Rauch. Der Winter in der Haftanstalt sei hart gewesen. "
         "„Mein Mandant ist krank“, sagte sie.", "Mandant ist krank", "Sabine Rauch"),
        ("„Das Urteil ist falsch“, sagte Anwalt Bernd Sauer. Der Bruder des Opfers, Tim Kolb, schwieg. "
         "„Wir prüfen alles“, sagte er.", "prüfen alles", None),
    ],
)
def test_a_pronoun_after_a_thing_or_a_named_person(text: str, fragment: str, name: str | None) -> None:
    record = quote_containing(text, fragment)
    if name is not None:
        assert record.speaker_name == name
    else:
        assert record.speaker_name != "Bernd Sauer"


def _organisations(text: str) -> set[str]:
    doc = pipeline("briefing_actors")(text)
    return {a.name for a in doc._.briefing_actors if a.kind == "organization"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Das Amtsgericht Deggendorf hat den Mann am Dienstag freigesprochen.", "Amtsgericht Deggendorf"),
        ("Der Prozess vor dem Landgericht Traunstein dauerte vier Wochen.", "Landgericht Traunstein"),
        ("Wie die Polizei Straubing mitteilte, wurde niemand verletzt.", "Polizei Straubing"),
        ("Die Ermittlungen der Staatsanwaltschaft Landshut dauern an.", "Staatsanwaltschaft Landshut"),
    ],
)
def test_an_institution_named_by_its_seat_is_an_actor(text: str, name: str) -> None:
    assert name in _organisations(text)


@pytest.mark.parametrize(
    "text",
    [
        # after a verb the word after the head is its object; a plural names several bodies
        "Außerdem warf die Staatsanwaltschaft Kerber Untreue vor.",
        "Am Abend setzte die Polizei Wasserwerfer ein.",
        "Den Familien wurden von den Behörden Notquartiere angeboten.",
        "Das Gericht Montag früh zu erreichen, gelang niemandem.",
    ],
)
def test_an_institution_head_before_an_object_or_in_the_plural_names_no_seat(text: str) -> None:
    heads = ("gericht", "polizei", "behörden", "staatsanwaltschaft")
    assert not any(" " in name and name.split()[0].lower().endswith(heads) for name in _organisations(text))


def test_a_speaker_is_not_carried_past_the_person_a_new_paragraph_is_about() -> None:
    # a paragraph about another person (named by surname, then "Er"), then a quotation without a verb of its own:
    # that person's words, not those of the speaker named in the paragraph before
    text = (
        'FC Augsburg trennt sich von Trainer Jess Thorup\n'
        'Stand: 29.11.2026 14:05 Uhr\n'
        'Der FC Augsburg hat sich nach der fünften Niederlage in Serie von Cheftrainer Jess Thorup getrennt. '
        'Das gab der Bundesligist am Sonntagmittag bekannt. Die Mannschaft steht mit neun Punkten aus zwölf '
        'Spielen auf dem vorletzten Tabellenplatz.\n'
        '"Wir haben uns diese Entscheidung nicht leicht gemacht", sagte Sportdirektor Marinko Jurendic. '
        'Thorup habe mit großem Einsatz gearbeitet, die Ergebnisse seien aber "zu weit weg von unseren '
        'Ansprüchen". Bis auf Weiteres übernimmt U23-Trainer Tobias Strobl die Mannschaft.\n'
        'Thorup selbst äußerte sich in einer kurzen Mitteilung des Vereins. Er bedanke sich bei den Fans und '
        'der Mannschaft, hieß es darin. "Ich wünsche dem FCA nur das Beste."\n'
        'Kapitän Jeffrey Gouweleeuw nahm die Spieler in die Pflicht. "Wir Spieler stehen auf dem Platz, nicht'
        ' der Trainer", sagte der Niederländer nach dem 0:3 gegen Freiburg am Samstag. Die Mannschaft müsse '
        'sich jetzt hinterfragen.\n'
        'Als möglicher Nachfolger wird in Medienberichten der frühere Mainzer Trainer Bo Svensson gehandelt. '
        'Der Verein wollte sich dazu nicht äußern.\n'
        'Schlagwörter: FC Augsburg, Bundesliga, Fußball\n'
    )
    rows = [r for r in run(text) if "nur das Beste" in r[1]]
    assert [(r[2], r[3]) for r in rows] == [("Er", "Jess Thorup")]


def test_a_quotation_continuing_its_speakers_paragraph_keeps_the_speaker() -> None:
    text = ("„Der Schritt war überfällig“, sagte Landrat Peter Kammerl.\n\n„Wir hätten das schon vor Jahren tun "
            "sollen.“ Die Kritik der Opposition wies er zurück.")
    assert quote_containing(text, "vor Jahren").speaker_name == "Peter Kammerl"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # people of a body in its genitive speak for themselves, not for the body
        ("Nach dem Abstieg haben die Fans des TSV Lindenau einen Neuanfang in der Vereinsführung gefordert.",
         "Fans des TSV Lindenau"),
        ("Die Anhänger der Partei Volt erklärten am Abend, die Koalition sei gescheitert.",
         "Anhänger der Partei Volt"),
    ],
)
def test_the_people_of_a_body_are_not_the_body(text: str, shown: str) -> None:
    (row,) = run(text)
    assert row[3] == shown


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("München – Nach dem Beschluss des Landtags haben Verbände reagiert.", "Nach dem Beschluss"),
        ("Augsburg — Nach der Trennung vom Trainer fordern die Fans einen Neuanfang.", "Nach der Trennung"),
    ],
)
def test_a_one_word_dateline_before_a_dash_is_cut(line: str, rest: str) -> None:
    from briefing.ingest.clean import _place_dateline_end

    end = _place_dateline_end(line)
    assert end is not None and line[end:].startswith(rest)


@pytest.mark.parametrize("line", ["Heute – Die Regierung entscheidet.", "Anna – Die Ärztin erzählt.",
                                  "Anna Roth – Die Ärztin erzählt.", "Wahl. Die Stimmen sind gezählt."])
def test_a_function_word_or_a_name_before_a_dash_is_no_dateline(line: str) -> None:
    from briefing.ingest.clean import _place_dateline_end

    assert _place_dateline_end(line) is None
