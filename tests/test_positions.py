"""Positions: actor, stance and issue from German sentences (blank pipeline, no quotes component)."""

from __future__ import annotations

import pytest
from actors_helpers import pipeline

from briefing.extract import load_pipeline
from briefing.models import Article


def positions_of(text: str) -> list[tuple[str, str, str | None]]:
    doc = pipeline("briefing_actors", "briefing_positions")(text)
    names = {a.id: a.name for a in doc._.briefing_actors}
    return [(names[p.actor], p.stance, p.issue) for p in doc._.briefing_positions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deutschland hält sich bei der Truppenfrage zurück.", [("Deutschland", "holds_back", "Bodentruppen")]),
        ("Russland lehnt Pläne ab", [("Russland", "rejects", None)]),
        ("Russland kritisierte die Idee einer Friedenstruppe in der Ukraine scharf.",
         [("Russland", "rejects", "Bodentruppen")]),
        ("Berlin setzt auf Waffenhilfe für Ukraine", [("Deutschland", "wants", "Waffenhilfe")]),
        ("Außerdem will Berlin vier mechanisierte ukrainische Infanterie-Brigaden komplett ausrüsten.",
         [("Deutschland", "wants", "Waffenhilfe")]),
        ("Frankreichs Präsident Macron forderte zuletzt eine europäische Friedenstruppe.",
         [("Macron", "demands", "Bodentruppen")]),
        ("Der ukrainische Präsident Wolodymyr Selenskyj zeigte sich nach den Beratungen zufrieden.",
         [("Wolodymyr Selenskyj", "supports", None)]),
        ("Frankreich setzt auf eine Friedenstruppe, Deutschland auf eine Stärkung der Luftabwehr.",
         [("Frankreich", "wants", "Bodentruppen"), ("Deutschland", "wants", "Luftverteidigung")]),
        ("Am Mittwoch hatte Russland europäische Überlegungen zur Entsendung von Truppen zurückgewiesen.",
         [("Russland", "rejects", "Bodentruppen")]),
        ("Deutschland hält sich zurück und will vor allem die Luftabwehr stärken.",
         [("Deutschland", "holds_back", "Luftverteidigung")]),
        ("Die Nato versprach weitere Sanktionen.", [("NATO", "promises", "Sanktionen")]),
        ("Auch Italien will keine Soldaten schicken.", [("Italien", "rejects", "Bodentruppen")]),
        ("Polen unterstützt den Plan nicht.", [("Polen", "rejects", None)]),
        ("Der Kreml wies die Vorwürfe zurück.", [("Russland", "rejects", None)]),
        ("Der Iran lehnt Verhandlungen ab.", [("Iran", "rejects", "Verhandlungen")]),
        ("Der Nachfolger des Airbus-Chefs Christian Streiff, Louis Gallois, hat angekündigt, Stellen zu streichen.",
         [("Louis Gallois", "promises", None)]),
    ],
)
def test_positions(text, expected):
    assert positions_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Man werde die Ukraine nach einem Frieden unterstützen.",  # "man" is the subject, Ukraine the object
        "Die Koalition wolle die Ukraine stärker unterstützen.",
        "Die Unterstützung für die Ukraine müsse verstärkt werden.",  # no stance predicate, no actor subject
        "In Paris trifft sich die Koalition.",
        "Macron telefonierte mit Trump.",  # no stance
        "Die Europäer baten Russland, einzulenken.",
        # "sagte ... zu" is no promise
        "Sacharowa sagte, man habe nicht vor, über einen solchen Schritt zu diskutieren.",
        "Patrick Kamanda von der Umweltbehörde Ugandas sagte, das Wasser sei belastet.",  # genitive attribute
        "Lula reagierte auf die Kritik Venezuelas an einem Abkommen, das Brasilien und die USA schlossen.",
    ],
)
def test_no_position_for_objects(text):
    got = positions_of(text)
    countries = ("Ukraine", "Frankreich", "Russland", "Uganda", "Venezuela", "Brasilien", "USA")
    assert all(a not in countries for a, _, _ in got), got
    assert all(stance != "promises" for _, stance, _ in got), got


def test_gapped_clauses_share_the_clause_without_the_narration_before_the_colon():
    text = "Europa ringt um Garantien: Frankreich setzt auf eine Friedenstruppe, Deutschland auf die Luftabwehr."
    doc = pipeline("briefing_actors", "briefing_positions")(text)
    names = {a.id: a.name for a in doc._.briefing_actors}
    got = [(names[p.actor], p.text, p.issue) for p in doc._.briefing_positions]
    # A gapped clause ("Deutschland auf die Luftabwehr.") is no sentence: each country gets the whole clause,
    # and its own issue (the first one after its name).
    clause = "Frankreich setzt auf eine Friedenstruppe, Deutschland auf die Luftabwehr."
    assert got == [("Frankreich", clause, "Bodentruppen"), ("Deutschland", clause, "Luftverteidigung")]
    assert all(text[p.start:p.end] == p.text for p in doc._.briefing_positions)


def test_position_text_and_offsets_are_the_sentence():
    text = "Die Lage ist ernst. Russland lehnt die Pläne ab. Danach wurde verhandelt."
    doc = pipeline("briefing_actors", "briefing_positions")(text)
    (p,) = doc._.briefing_positions
    assert p.text == "Russland lehnt die Pläne ab."
    assert text[p.start:p.end] == p.text


def test_quote_speaker_gives_a_position():
    from spacy.tokens import Doc

    from briefing.extract.positions import PositionFinder, stance_lexicon
    from briefing.models import Quote

    text = 'Nato-Generalsekretär Mark Rutte sprach. "Die Ukraine ist ein souveränes Land", sagte Rutte.'
    doc: Doc = pipeline("briefing_actors")(text)
    rutte = next(a for a in doc._.briefing_actors if a.name == "Mark Rutte")
    q_start = text.index("Die Ukraine")
    quote = Quote("direct", "Die Ukraine ist ein souveränes Land", q_start, q_start + 35, speaker=rutte.id)
    got = PositionFinder(doc, list(doc._.briefing_actors), [quote], stance_lexicon()).run()
    mine = [p for p in got if p.actor == rutte.id]
    assert any("souveränes Land" in p.text and p.stance == "states" for p in mine), got


def test_a_short_quote_makes_its_sentence_a_position_when_the_sentence_names_the_speaker():
    """ "Die Ministerin nannte den Plan „verantwortungslos“": two quoted words are no statement of their own,
    but the sentence that names who called what so is her position. Named in the sentence before, it is not."""
    from spacy.tokens import Doc

    from briefing.extract.positions import PositionFinder, stance_lexicon
    from briefing.models import Quote

    text = ("Die Umweltministerin Svenja Kahl nannte den Plan der Regierung „verantwortungslos“. "
            "Am Abend sprach Kahl in Kiel. Sie nannte ihn „einen Rückschritt“.")
    doc: Doc = pipeline("briefing_actors")(text)
    kahl = next(a for a in doc._.briefing_actors if a.name == "Svenja Kahl")
    named = text.index("„verantwortungslos")
    elsewhere = text.index("„einen")
    quotes = [
        Quote("direct", "„verantwortungslos“", named, named + 19, speaker=kahl.id, speaker_start=text.index("Svenja")),
        Quote("direct", "„einen Rückschritt“", elsewhere, elsewhere + 19, speaker=kahl.id,
              speaker_start=text.index("Kahl in")),
    ]
    got = PositionFinder(doc, list(doc._.briefing_actors), quotes, stance_lexicon()).run()
    mine = [p.text for p in got if p.actor == kahl.id]
    assert "Die Umweltministerin Svenja Kahl nannte den Plan der Regierung „verantwortungslos“." in mine
    assert not any("Rückschritt" in t for t in mine)


def test_a_colon_starts_the_clause_whose_subject_holds_the_stance() -> None:
    """ "Unterstützung erhielt er aus Bratislava: Regierungschef Fico erklärte, …" is Fico's statement; the
    "er" before the colon (Orbán) said nothing of it."""
    text = (
        "Ungarns Ministerpräsident Viktor Orbán lehnte neue Schulden ab. Unterstützung erhielt er von der "
        "Slowakei: Regierungschef Robert Fico erklärte, jedes Land solle selbst für seine Verteidigung zahlen."
    )
    facts = load_pipeline("blank").extract(Article(path="t.txt", text=text))
    names = {a.id: a.name for a in facts.actors}
    by_text = {p.text: names[p.actor] for p in facts.positions}
    assert all("Fico erklärte" not in t or n == "Robert Fico" for t, n in by_text.items())
    assert "Robert Fico" in by_text.values()


@pytest.mark.parametrize(
    ("text", "not_credited"),
    [
        # a Konjunktiv main clause whose sentence names another as its source reports what that one said
        # of the subject
        ("Ministerpräsident Markus Söder reiste nach Berlin. In Bayern habe Söder bessere Chancen als in "
         "Berlin, sagte der Politologe Hans Weber.", "Söder"),
    ],
)
def test_a_reported_main_clause_is_no_position_of_its_subject(text: str, not_credited: str) -> None:
    facts = load_pipeline("blank").extract(Article(path="t.txt", text=text))
    names = {a.id: a.name for a in facts.actors}
    assert not any(not_credited in names[p.actor] for p in facts.positions), [
        (names[p.actor], p.text) for p in facts.positions]


def test_a_reported_main_clause_with_a_pronoun_subject_stays_the_persons_own() -> None:
    text = ("Ministerpräsident Karl Huber kündigte Neuwahlen an. Außerdem wolle er im Parlament die "
            "Vertrauensfrage stellen.")
    facts = load_pipeline("blank").extract(Article(path="t.txt", text=text))
    names = {a.id: a.name for a in facts.actors}
    assert any(names[p.actor] == "Karl Huber" and "Vertrauensfrage" in p.text for p in facts.positions)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # A quotation whose speaker the sentence names only by a pronoun or an epithet is the position of the
        # person the pronoun or epithet stands for, filed under that person's country.
        (
            "Ungarns Innenminister Péter Kovács erklärte, sein Land werde nicht zustimmen. Portugals "
            "Innenministerin Ana Lopes enthielt sich. Lissabon hatte Einwände erhoben. „Wir dürfen die "
            "Verantwortung nicht auslagern“, sagte sie.",
            "Ana Lopes",
        ),
        (
            "Der schwedische Minister Erik Lund kam spät. „Der Kompromiss ist tragfähig“, sagte der Schwede.",
            "Erik Lund",
        ),
    ],
)
def test_a_quotation_by_pronoun_or_epithet_is_the_position_of_the_person_meant(text: str, person: str) -> None:
    facts = load_pipeline("blank").extract(Article(path="t.txt", text=text))
    names = {a.id: a.name for a in facts.actors}
    quoted = [p for p in facts.positions if "“" in p.text or "„" in p.text]
    assert [names[p.actor] for p in quoted] == [person]


def test_an_unnamed_spokesperson_of_a_named_organisation_speaks_for_it() -> None:
    text = ("Die Gewerkschaft Verdi lehnte das Angebot ab. Eine Verdi-Sprecherin sagte am Montag, man halte an "
            "der Forderung fest.")
    facts = load_pipeline("blank").extract(Article(path="t.txt", text=text))
    names = {a.id: a.name for a in facts.actors}
    said = [q for q in facts.quotes if "Forderung fest" in q.text]
    assert said and names.get(said[0].speaker) == "Verdi"
    assert any("Verdi-Sprecherin" in p.text and names[p.actor] == "Verdi" for p in facts.positions)


@pytest.mark.parametrize(
    ("tokens", "stance"),
    [
        (["merz", "sprach", "von", "einem", "fehler"], "states"),
        # talking about a topic or with someone is no position
        (["merz", "sprach", "über", "die", "lage"], None),
        (["die", "ministerin", "spricht", "mit", "den", "ländern"], None),
        # a stance word beside it still counts
        (["merz", "sprach", "mit", "macron", "und", "kritisierte", "den", "plan"], "rejects"),
    ],
)
def test_talking_about_or_with_states_no_position(tokens: list[str], stance: str | None) -> None:
    from briefing.extract.positions import stance_lexicon, stance_of

    assert stance_of(tokens, stance_lexicon()) == stance
