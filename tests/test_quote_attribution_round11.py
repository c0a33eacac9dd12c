"""Attribution patterns of German news found on the challenge set's part 4 (round 11) and fixed as patterns of
German, each with sentences written for these tests (never the challenge text): a place's adjective in "-er"
before a title ("die Kölner Hausärztin Katrin Vogel") is an attribute, not the title; a description after "so"
("„…“, so die Regisseurin") is read with its article; umlauted feminine titles ("Stadträtin", "Hausärztin")
name people."""

from __future__ import annotations

import io
import json
from types import SimpleNamespace

import pytest

from briefing.extract.quotes.descriptions import introductions
from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.extract.quotes.resolve import _nominative, person_name
from tests.quote_helpers import quote_containing, quotes_of


def _name_of(text: str, fragment: str) -> str | None:
    return quote_containing(text, fragment).speaker_name


def make_quotes_with_actors(text: str) -> list[SimpleNamespace]:
    """The quotations ``briefing quotes`` writes for ``text`` (actors linked, shown names), as (text, speaker_name)."""
    out = io.StringIO()
    quotes_jsonl(io.StringIO(json.dumps({"id": "t", "text": text}) + "\n"), out)
    return [
        SimpleNamespace(text=text[q["span"][0] : q["span"][1]], speaker_name=q["speaker"]["name"])
        for q in json.loads(out.getvalue())["quotes"]
    ]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Die Leipziger Biologin Anja Wendt untersucht Bienen.", "Anja Wendt", "Biologin"),
        ("Der Dresdner Rechtsanwalt Uwe Kraft vertritt die Familie.", "Uwe Kraft", "Rechtsanwalt"),
        ("Gestern sprach die Bremer Pfarrerin Hanne Sievers im Dom.", "Hanne Sievers", "Pfarrerin"),
        # the demonym is the title when a first name follows it
        ("Der Hamburger Klaus Petersen gewann das Rennen.", "Klaus Petersen", "Hamburger"),
    ],
)
def test_place_adjective_before_a_title_is_an_attribute(text: str, name: str, role: str) -> None:
    intros = introductions(text, len(text))
    assert [(i.name, i.role) for i in intros] == [(name, role)]


RESOLVED = [
    # the title a person was introduced with after a place's adjective, not the woman named last
    (
        "Die Bonner Chemikerin Ute Lorenz warnt vor dem Stoff. Auch die Apothekerin Sabine Roth ist besorgt. "
        "„Wir sehen das täglich“, sagte Roth. Die Chemikerin bleibt dabei: „Das Verbot muss kommen.“",
        "Verbot muss",
        "Ute Lorenz",
    ),
    # "so die …": the description without its article in the phrase
    (
        "Die Dirigentin Carla Weiß hat das Festival eröffnet. Der Bürgermeister Paul Hahn lobte den Abend. "
        "„Musik verbindet die Stadt“, so die Dirigentin.",
        "verbindet",
        "Carla Weiß",
    ),
    # an umlauted feminine title names a person: the one woman named in the paragraph
    (
        "Im Kreistag gab es Streit. SPD-Fraktionschefin Gisela Brandt sagte, der Haushalt sei ungerecht. "
        "„Die Dörfer werden vergessen“, sagte die Kreisrätin.",
        "Dörfer",
        "Gisela Brandt",
    ),
    (
        "Im Landkreis fehlen Praxen. Die Internistin Lea Vogt hat zwei Stellen ausgeschrieben. "
        "„Es meldet sich niemand“, sagte die Hausärztin.",
        "niemand",
        "Lea Vogt",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), RESOLVED)
def test_description_names_the_person_it_was_introduced_as(text: str, fragment: str, name: str) -> None:
    assert _name_of(text, fragment) == name


OBJECT_FIRST = [
    # an act of speech in front is the object; who may speak after the verb is the subject
    ("Die Darstellung des Vermieters wies die Mieterin zurück: „Die Heizung war nie repariert.“", "die Mieterin"),
    ("Die Forderung der Eltern lehnte der Schulträger ab: „Dafür fehlt das Geld.“", "der Schulträger"),
    (
        "Eine Erhöhung der Gebühren bezeichnete die Kämmerin als unvermeidlich, weil die Kosten stiegen.",
        "die Kämmerin",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), OBJECT_FIRST)
def test_a_said_thing_in_front_is_the_object(text: str, speaker: str) -> None:
    q = quote_containing(text, " ", direct_first=True)
    assert text[q.speaker_start : q.speaker_end] == speaker


SUBJECT_FIRST = [
    # a body or a text in front speaks; a thing after the verb does not
    ("Die Universität wies die Vorwürfe zurück: „Wir haben korrekt geprüft.“", "Die Universität"),
    ("Die Regierung lehnte die Forderung ab: „Das ist nicht finanzierbar.“", "Die Regierung"),
    (
        "Der Bericht der Prüfer nannte die Abrechnungen der Klinik fehlerhaft: „Es fehlen Belege.“",
        "Der Bericht der Prüfer",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SUBJECT_FIRST)
def test_a_body_in_front_stays_the_subject(text: str, speaker: str) -> None:
    q = quote_containing(text, " ", direct_first=True)
    assert text[q.speaker_start : q.speaker_end] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Der Club verspielte eine 2:0-Führung.\n\n„Wir waren zu passiv. Das darf nicht passieren.“ Die Fans pfiffen.",
        "Die Sitzung endete um 22:30 Uhr.\n\n„Wir sind müde. Morgen geht es weiter.“ Draußen regnete es.",
    ],
)
def test_a_score_or_time_is_one_word_and_no_speaker(text: str) -> None:
    """A colon between digits joins a score or a time ("2:0-Führung", "22:30"): its second half is no phrase of
    its own that might be taken for a speaker."""
    q = quote_containing(text, "Das darf" if "2:0" in text else "Morgen", direct_only=True)
    mention = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else ""
    assert not mention[:1].isdigit() and "Führung" not in mention and "Uhr" not in mention


def test_pronoun_after_so_description_names_the_person() -> None:
    """ "„…“, so die Dirigentin. … sagte sie": the pronoun stands for whom the description after "so" names."""
    text = (
        "Die Dirigentin Carla Weiß hat das Festival eröffnet. Der Bürgermeister Paul Hahn lobte den Abend.\n\n"
        "„Musik verbindet die Stadt“, so die Dirigentin. Im Gespräch mit dem Radio erklärte sie, was sie plant: "
        "„Nächstes Jahr spielen wir im Freien.“"
    )
    assert _name_of(text, "im Freien") == "Carla Weiß"


APPOSITION_AFTER_THE_VERB = [
    # the name after the speaker's comma is the speaker's apposition, not the start of what was said
    (
        "Die Preise blieben bis zum Sommer stabil, sagte ein Sprecher der Stadtwerke, Jonas Keller.",
        "Die Preise blieben bis zum Sommer stabil",
        "Jonas Keller",
    ),
    (
        "Der Zeitplan sei nicht zu halten, sagte die Leiterin des Bauamts, Petra Simon, am Dienstag.",
        "Der Zeitplan sei nicht zu halten",
        "Petra Simon",
    ),
]


@pytest.mark.parametrize(("text", "said", "name"), APPOSITION_AFTER_THE_VERB)
def test_a_named_apposition_after_the_speaker_is_no_report(text: str, said: str, name: str) -> None:
    q = quote_containing(text, said)
    assert q.text.strip() == said and q.speaker_name == name


def test_a_name_opening_the_report_is_reported() -> None:
    """After "meinte weiter," (no speaker phrase before the comma) a name opens what was said."""
    text = "Der Trainer meinte weiter, Lena Hartmann und Mia Roth seien für ihre Rollen perfekt gewesen."
    assert quote_containing(text, "perfekt").text.startswith("Lena Hartmann")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Von Schulleiterin Karin Abt hieß es, man prüfe alle Vorwürfe.", "Schulleiterin Karin Abt"),
        ("Vom Elternbeirat hieß es, man sei enttäuscht.", "Elternbeirat"),
    ],
)
def test_von_agent_before_hiess_es_speaks(text: str, speaker: str) -> None:
    """ "Von X hieß es, …": the agent right before the verb is the source, as after "aus" or "seitens"."""
    q = quote_containing(text, "man")
    assert speaker in text[q.speaker_start : q.speaker_end]


def test_von_with_a_time_before_hiess_es_names_no_one() -> None:
    text = "Von Anfang an hieß es, man werde die Halle sanieren."
    assert all("Anfang" not in (q.speaker_text or "") for q in quotes_of(text))


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "„Wir bauen die Brücke neu“, sagte Verkehrsminister Jonas Lind. „Sie hält nicht mehr.“\n\nDie Opposition "
            "schweigt.",
            "hält nicht",
            "Jonas Lind",
        ),
        (
            "„Das Geld reicht nicht“, sagte Kämmerin Ute Maas am Montag. „Wir müssen sparen!“ Der Rat tagt im Mai.",
            "sparen",
            "Ute Maas",
        ),
        # one sentence about the speaker in between, an auxiliary as the verb
        (
            "„Ich mache weiter“, sagt Jonas Brenner. Der 61-Jährige führt den Hof seit 1990. „Aber leicht wird es "
            "nicht.“",
            "leicht",
            "Jonas Brenner",
        ),
    ],
)
def test_a_short_sentence_in_marks_after_a_quotation_goes_on_quoting(text: str, fragment: str, name: str) -> None:
    q = quote_containing(text, fragment, direct_only=True)
    assert q.speaker_name == name


def test_a_new_paragraph_does_not_go_on_quoting() -> None:
    text = "„Wir bauen neu“, sagte Minister Jonas Lind. Die Kosten steigen.\n\n„Zu teuer.“ Die Opposition lacht."
    assert not [q for q in quotes_of(text) if "Zu teuer" in q.text]


def test_a_title_closed_by_its_own_mark_is_no_continuation() -> None:
    """Only a sentence of its own goes on quoting: a title inside a sentence does not."""
    text = "„Wir lesen viel“, sagte Lehrerin Ute Maas. Die Klasse las das Buch „Der Wald ist still.“ im Unterricht."
    assert not [q for q in quotes_of(text) if "Wald" in q.text]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Kämmerin Ute Maas", "Ute Maas"),
        ("Leipziger Biologin Anja Wendt", "Anja Wendt"),
        ("Prof. Dr. Jonas Kern", "Jonas Kern"),
        ("Bundesinnenminister Boris Kühn", "Boris Kühn"),
        # no title before a first name the lists do not know: the whole name stays
        ("Rodney Basil Price", "Rodney Basil Price"),
    ],
)
def test_person_name_drops_titles_the_lexicon_lacks(phrase: str, name: str) -> None:
    assert person_name(phrase) == name


PARTY_MEMBERS = [
    # a member of a party described by the party's adjectival noun is the person tied to it, not the party
    (
        "Die Grünen-Abgeordnete Eva Roth und die FDP-Abgeordnete Nina Kurz stritten. „Das ist ungerecht“, "
        "sagte Roth. „Das ist fair“, sagte Kurz. „Sie irren sich“, entgegnete die Grüne.",
        "irren",
        "Eva Roth",
    ),
    (
        "Bürgermeister Tom Weiß (SPD) und Stadtrat Ralf Kern (CDU) lobten den Plan. „Wir sind stolz“, sagte der "
        "Sozialdemokrat.",
        "stolz",
        "Tom Weiß",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), PARTY_MEMBERS)
def test_a_party_member_is_the_person_tied_to_the_party(text: str, fragment: str, name: str) -> None:
    assert _name_of(text, fragment) == name


def test_a_party_member_nobody_is_tied_to_names_no_one() -> None:
    text = "Im Landtag wurde gestritten. „Das ist ungerecht“, sagte die Grüne."
    assert _name_of(text, "ungerecht") is None


def test_a_document_of_a_named_organisation_names_it() -> None:
    """ "heißt es in einer Mitteilung der Deutschen Bahn": the owner the actors stage knows is the speaker, in
    its own spelling; a common noun as owner ("der Regierung") names no one."""
    text = "„Wir bitten um Geduld“, heißt es in einer Mitteilung der Deutschen Bahn. Die Züge fahren wieder."
    q = [q for q in make_quotes_with_actors(text) if "Geduld" in q.text][0]
    assert q.speaker_name == "Deutsche Bahn"
    text = "„Wir bitten um Geduld“, heißt es in einer Erklärung der Regierung."
    assert [q.speaker_name for q in make_quotes_with_actors(text) if "Geduld" in q.text] == [None]



def test_pronoun_after_a_new_bare_name_is_not_guessed() -> None:
    """ "„…“, sagte Weber. Kowalczyk dankte. „…“, sagte er": a name opening the sentence after the quoted speaker
    (no common word, place or body) may be whom "er" stands for as much as the quoted speaker: no guess."""
    text = (
        "Der Minister traf den Gast aus Warschau. „Wir stehen zusammen“, sagte Minister Jonas Weber. Kowalczyk "
        "dankte. „Das bedeutet uns viel“, sagte er."
    )
    assert _name_of(text, "bedeutet") != "Jonas Weber"


def test_pronoun_after_a_place_keeps_the_quoted_speaker() -> None:
    """A place opening the sentence speaks by metonymy at most: "er" is still the quoted speaker."""
    text = "„Wir stehen zusammen“, sagte Minister Jonas Weber. Berlin reagierte kühl. „Das ist schade“, sagte er."
    assert _name_of(text, "schade") == "Jonas Weber"


@pytest.mark.parametrize(
    "text",
    [
        "Die Lage sei ernst, so Innenministerin Petra Lang.",
        "Der Zug komme später, so ein Sprecher der Bahn.",
    ],
)
def test_a_short_clause_framed_by_so_is_one_quotation(text: str) -> None:
    """ "…, so X.": the clause before the frame is the quotation; the sentence is not reported a second time as
    free reported speech."""
    assert len(quotes_of(text)) == 1


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Er sagte der „Kieler Zeitung“, die Arbeiten dauerten noch an.", "die Arbeiten dauerten noch an"),
        ("Jana Wolf sagte dem Sender, die Schule bleibt geschlossen.", "die Schule bleibt geschlossen"),
    ],
)
def test_a_clause_after_the_addressee_is_what_was_said(text: str, said: str) -> None:
    """ "X sagte der Zeitung Y, …": with the speaker before the verb, the dative after it is whom X told, and the
    clause after its comma is what was said, in whatever mood."""
    assert quote_containing(text, said.split()[1]).text.strip() == said


@pytest.mark.parametrize(
    ("text", "fragment", "not_name"),
    [
        (
            "Umweltministerin Lea Brand steht in der Kritik. „Wir prüfen die Vorwürfe“, sagte ein Sprecher von "
            "Ministerin Brand.",
            "prüfen",
            "Lea Brand",
        ),
        (
            "Der Angeklagte Timo Alt schwieg. „Er bereut die Tat“, sagte die Anwältin von Timo Alt.",
            "bereut",
            "Timo Alt",
        ),
    ],
)
def test_someone_speaking_for_a_person_is_not_that_person(text: str, fragment: str, not_name: str) -> None:
    """ "ein Sprecher von Ministerin X": the spokesman speaks, not the minister the actors stage found in the phrase."""
    assert [q.speaker_name for q in make_quotes_with_actors(text) if fragment in q.text] != [not_name]


def test_a_bare_title_after_a_possessive_is_no_name() -> None:
    text = "Der Angeklagte schwieg. „Er bereut die Tat“, sagte sein Verteidiger."
    assert [q.speaker_name for q in make_quotes_with_actors(text)] == [None]


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "Ministerpräsidentin Eva Roth besuchte die Werft. Der Ministerpräsidentin zufolge sollen 300 Stellen "
            "erhalten bleiben.",
            "300 Stellen",
            "Eva Roth",
        ),
        (
            "Der Ökonom Paul Stein warnt vor einer Rezession. Dem Ökonomen zufolge dürfte die Wirtschaft schrumpfen.",
            "schrumpfen",
            "Paul Stein",
        ),
    ],
)
def test_a_description_in_a_source_frame_names_the_person(text: str, fragment: str, name: str) -> None:
    """ "Dem Ökonomen zufolge", "laut der Ministerin": the dative of a description is read as its nominative."""
    assert _name_of(text, fragment) == name


@pytest.mark.parametrize(
    ("dative", "nominative"), [("dem Präsidenten", "der Präsident"), ("der Polizei", "der Polizei")]
)
def test_nominative_of_a_dative_description(dative: str, nominative: str) -> None:
    assert _nominative(dative) == nominative


def test_a_plural_noun_opening_the_sentence_is_no_rival() -> None:
    """ "Neubauten würden …, sagte er": a plural subject (its verb is plural) is no person "er" may stand for."""
    text = (
        "Ein Sprecher der Stadt, Jonas Keller, sagte dem Radio: „Wir bauen weiter.“ Neubauten würden wie "
        "geplant fertig, die Kosten stiegen um zehn Prozent, sagte er."
    )
    assert _name_of(text, "Kosten stiegen") == "Jonas Keller"


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # a spokesperson named after the compound that names the body
        ("Der ADAC warnt. „Das war absehbar“, kritisierte ein ADAC-Sprecher, Mark Weber.", "absehbar", "Mark Weber"),
        # a person named in full after a title the lexicons lack
        ("„Ich fahre jeden Tag.“ Das sagt Pendlerin Ute Sander aus Kiel. Sie ist müde.", "fahre", "Ute Sander"),
    ],
)
def test_a_person_named_in_full_beats_a_one_word_actor(text: str, fragment: str, name: str) -> None:
    assert [q.speaker_name for q in make_quotes_with_actors(text) if fragment in q.text] == [name]


def test_the_word_ending_the_sentence_before_does_not_make_a_quotation_a_name() -> None:
    """ "… für das Projekt. „Wir brauchen die Halle“, sagte X.": "Projekt" (a word before project names in marks)
    ends the sentence before; the quotation is speech."""
    text = "Ute Brandt und Jan Weiß warben für das Projekt. „Wir brauchen die Halle“, sagte Brandt."
    assert "Brandt" in (quote_containing(text, "Halle", direct_only=True).speaker_name or "")


def test_a_role_with_a_genitive_name_takes_the_apposition() -> None:
    """ "sagte der Fraktionschef der Freien Wähler, Max Huber.": the genitive is the title's, the apposition names
    the speaker."""
    text = "„Das ist Verschwendung“, sagte der Fraktionschef der Freien Wähler, Lukas Brandl. Er will klagen."
    assert quote_containing(text, "Verschwendung").speaker_name == "Lukas Brandl"
