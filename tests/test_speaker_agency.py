"""Issue 10, round 14: a speaker shown is someone.  A speaker name is a named person, organisation,
institution or country, or a role phrase or pronoun resolved to one; a phrase whose head cannot speak (a
thing: "das Motiv", "Dieses Kriterium", "der Tropensturm"; a statement or text: "Spekulationen", "die
Argumentation", "Dekret Nr. 14-207") shows no one, or whom its attribute names ("die Befunde des Staatlichen
Veterinäramts Tettnang").  Agents of every kind keep their speaker: persons, roles, organisations, countries,
groups, bodies, media.  All sentences are made up for these tests."""

from __future__ import annotations

import pytest

from briefing.extract.quotes.confidence import quotation_features
from briefing.extract.quotes.extract import extract_quotes
from briefing.extract.quotes.records import to_records
from briefing.extract.quotes.speaker_names import (
    AGENT,
    STATEMENT,
    THING,
    TextWords,
    common_compound,
    head_kind,
    names_no_agent,
)
from briefing.extract.sentences import split_sentences
from tests.quote_helpers import quote, run

# ------------------------------------------------------------------ what heads a speaker phrase


@pytest.mark.parametrize(
    "phrase",
    [
        "Innenministerin Karla Bergmann",  # a person with a role
        "der Sprecher",  # a role
        "Die Polizei",  # an institution
        "das Ministerium",
        "die Staatsanwaltschaft",
        "Frankreich",  # a country
        "Die Bundesregierung",
        "Die Demonstranten",  # a group of people
        "die Anwohner",
        "Beobachtern",
        "Die Zeitung",  # a medium
        "Die Nachrichtenagentur dpa",
        "Die Wochenzeitung „Die Zeit“",  # a quoted title
        "Die Stadt Nürnberg",  # a noun before a name
        "der Flughafen Bremen",
        "die Gemeinde",  # a body the agent-noun endings miss
        "der Verein",
        "Der Hersteller",
        "Hartmann",  # a rare word: a name
    ],
)
def test_agents_are_agents(phrase: str) -> None:
    assert head_kind(phrase, TextWords(f"Gestern sagte {phrase} etwas.")) == AGENT


@pytest.mark.parametrize(
    "phrase", ["Der Bericht", "Polizeiangaben", "Zeugenaussagen", "die Erklärung", "einem Schreiben", "Angaben"]
)
def test_statements_and_texts(phrase: str) -> None:
    assert head_kind(phrase, TextWords(f"Gestern las man {phrase} vor.")) == STATEMENT


@pytest.mark.parametrize(
    "phrase",
    ["das Motiv", "Dieses Kriterium", "Der Tropensturm", "Das Fahrzeug", "die Argumentation", "Spekulationen",
     "ein Brautkleid"],
)
def test_things_cannot_speak(phrase: str) -> None:
    assert head_kind(phrase, TextWords(f"Gestern war {phrase} ein Thema.")) == THING


def test_a_surname_the_text_gives_in_full_is_a_name() -> None:
    # "Barth" is a frequent German word (a surname); after a first name the text names a person
    words = TextWords("Trainer Jonas Barth war zufrieden. Barth sagte, das Team habe gut gespielt.")
    assert head_kind("Barth", words) == AGENT
    assert head_kind("Barth", TextWords("Barth war nass.")) == THING


def test_compounds_of_two_german_words() -> None:
    assert common_compound("Quellenlage") == "lage"
    assert common_compound("Steinmeier") is None  # "Steinm" is no word
    assert common_compound("Hasenpflug") is None or head_kind("Hasenpflug", TextWords("Henry Hasenpflug")) == AGENT


# ------------------------------------------------------------------ names that name no one


@pytest.mark.parametrize(
    ("name", "anaphoric", "mention", "no_agent"),
    [
        ("Dekret Nr. 14-207", False, None, True),  # a phrase headed by a text
        ("Teil der Bevölkerung", False, None, True),
        ("Sichtweise von Innenministerin Karla Bergmann", True, None, True),
        ("Spekulationen", True, None, True),  # an anaphor standing for an abstract noun
        ("Spekulationen", False, None, False),  # alone and named directly: names_someone judges it
        ("Kriterium", False, "Dieses Kriterium", True),  # a determiner: a common noun
        ("Kriterium", False, "Kriterium", False),
        ("Die Zeit", False, None, False),  # a title keeps its article
        ("The Guardian", False, None, False),
        ("Stadt Nürnberg", False, None, False),
        ("Nachrichtenagentur Reuters", False, None, False),
        ("Karla Bergmann", True, None, False),
        ("Sprecher des Ministeriums", False, None, False),
        ("von der Leyen", False, "von der Leyen", False),  # a surname with its particles
        ("de Maizière", True, None, False),
    ],
)
def test_names_no_agent(name: str, anaphoric: bool, mention: str | None, no_agent: bool) -> None:
    words = TextWords(f"Gestern ging es um {name}. Innenministerin Karla Bergmann war da.")
    assert names_no_agent(name, words, anaphoric, mention) is no_agent


# ------------------------------------------------------------------ end to end


def test_a_thing_with_a_determiner_shows_no_name() -> None:
    kind, _, mention, name = quote(
        run("Dieses Kriterium sagte: „Wir erfüllen alle Bedingungen der Ausschreibung.“"), "Bedingungen"
    )
    assert (kind, mention, name) == ("direct", "Dieses Kriterium", None)  # the mention stays, no one is shown


def test_an_anaphor_for_an_abstract_noun_shows_no_name() -> None:
    rows = run(
        "In der Partei kursiert auch eine gegenläufige Argumentation, die davon ausgeht, der Vorsitzende solle "
        "gerade nicht kandidieren."
    )
    assert all(name != "Argumentation" for _, _, _, name in rows), rows
    rows = run(
        "Inzwischen sind neue Spekulationen an die Öffentlichkeit gelangt. Demnach soll der Trainer vor dem Spiel "
        "betrunken gewesen sein."
    )
    assert all(name != "Spekulationen" for _, _, _, name in rows), rows


def test_an_anaphor_for_findings_shows_their_owner() -> None:
    _, _, mention, name = quote(
        run(
            "Das Landesamt bestätigte die Befunde des Staatlichen Veterinäramts Tettnang, wonach rund 20 Kühe an "
            "der Seuche erkrankt sind."
        ),
        "Kühe",
    )
    assert mention == "wonach"
    assert name == "Staatlichen Veterinäramts Tettnang"


def test_an_anaphor_for_a_view_shows_the_person_whose_view_it_is() -> None:
    _, _, mention, name = quote(
        run(
            "Innenministerin Karla Bergmann (SPD) stellte am Montag den Entwurf vor. Die Sichtweise von "
            "Innenministerin Karla Bergmann (SPD), wonach das neue Gesetz „ausgewogen“ sei, teilen nicht alle "
            "Abgeordneten."
        ),
        "wonach",
    )
    assert mention == "wonach"
    assert name == "Karla Bergmann"  # the person, not "Sichtweise von Innenministerin Karla Bergmann (SPD)"


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        ("Innenminister Karl Meiering sagte am Montag: „Wir werden die Polizei stärken.“", "stärken",
         "Karl Meiering"),
        ("Die Stadt Nürnberg teilte am Freitag mit, die Straße bleibe bis Ende Mai gesperrt.", "gesperrt",
         "Stadt Nürnberg"),
        ("Die Wochenzeitung „Die Zeit“ berichtete, der Minister habe von den Plänen gewusst.", "Plänen",
         "Die Zeit"),
        ("Frankreich erklärte am Dienstag, es werde keine weiteren Truppen schicken.", "Truppen", "Frankreich"),
        ("Die Nachrichtenagentur Reuters meldete, der Konzern wolle 2.000 Stellen streichen.", "Stellen",
         "Nachrichtenagentur Reuters"),
        ("Barth sagte: „Wir spielen morgen auf Sieg.“", "Sieg", "Barth"),
    ],
)
def test_agents_keep_their_names(text: str, fragment: str, name: str) -> None:
    assert quote(run(text), fragment)[3] == name


@pytest.mark.parametrize(
    ("text", "fragment", "mention"),
    [
        ("Die Demonstranten riefen: „Wir bleiben hier!“", "bleiben", "Die Demonstranten"),  # a group
        ("Die Anwohner sagten, sie hätten in der Nacht nichts gehört.", "nichts", "Die Anwohner"),
        ("Der Bericht der Kommission stellt fest, dass die Grenzwerte überschritten wurden.", "Grenzwerte",
         "Der Bericht der Kommission"),  # a document: the annotation's source, kept as the mention
    ],
)
def test_groups_and_documents_keep_their_mention(text: str, fragment: str, mention: str) -> None:
    assert quote(run(text), fragment)[2] == mention


def test_confidence_feature_marks_things_only() -> None:
    text = (
        "Dieses Kriterium sagte: „Wir erfüllen alle Bedingungen der Ausschreibung.“ Nach Angaben der Behörde "
        "sei die Straße gesperrt. Die Polizei sagte, der Fahrer sei geflohen."
    )
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    records = to_records(text, found, sents)
    feats = {q.text: f for q, f in zip(records, quotation_features(text, found, records, sents, []), strict=True)}
    thing = next(f for t, f in feats.items() if "Bedingungen" in t)
    agent = next(f for t, f in feats.items() if "Fahrer" in t)
    assert thing.get("sp_head_thing") == 1.0
    assert "sp_head_thing" not in agent
    statement = next(f for t, f in feats.items() if "gesperrt" in t)
    assert "sp_head_thing" not in statement  # "Angaben der Behörde": a source, not a thing


def test_a_wie_clause_inside_a_report_frames_no_main_clause_of_its_own() -> None:
    # the "wie" clause is embedded in the report of "erklärte"; its main clause is that report, not the whole
    # sentence with "Sie erklärte" in it (whose speaker would be the city)
    # (the rules' records, before the confidence drops doubtful ones)
    text = "Sie erklärte, das Projekt sei, wie die Stadt mitteilte, bereits im Frühjahr gescheitert."
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    assert [q.text for q in to_records(text, found, sents)] == [
        "das Projekt sei, wie die Stadt mitteilte, bereits im Frühjahr gescheitert"
    ]
