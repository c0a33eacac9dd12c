"""Outlook sentences on a blank German pipeline."""

from __future__ import annotations

import pytest
from actors_helpers import pipeline


def outlook_of(text: str) -> list[str]:
    return [s.text for s in pipeline("briefing_outlook")(text)._.briefing_outlook]


@pytest.mark.parametrize(
    "sentence",
    [
        '"In den nächsten Tagen werden wir die Unterstützung der USA finalisieren", versprach er.',
        "Ob das Treffen mehr als ein Symbol ist, bleibt abzuwarten.",
        "Im Anschluss soll US-Präsident Trump telefonisch informiert werden.",
        "Ob Moskau an den Verhandlungstisch gedrängt wird, dürfte sich erst in den kommenden Tagen zeigen.",
        "Die Ukraine werde künftig Sanktionen gegen Russland mit den USA abstimmen.",
        "Nächste Woche treffen sich die Außenminister.",
        "Ein weiteres Treffen ist für Oktober geplant.",
        "Die Regierung wird das Gesetz im Herbst beschließen.",
        "Die Koalition wird sich weiter für die Ukraine einsetzen, sagte Macron.",
        "Über 100 zusätzliche Soldaten sollen bald folgen.",
        "Ein weiteres Treffen ist im Oktober in Rom geplant.",
        "Am Montag will die Regierung über das Paket entscheiden.",
        # a named month points ahead like a weekday (CLDR month names)
        "Die Staats- und Regierungschefs wollen im Dezember in Brüssel eine Entscheidung treffen.",
        "Die Kommission will bis Mitte Oktober einen Fahrplan vorlegen.",
        # a scheduled date ("angesetzt", "anberaumt", "terminiert")
        "Die nächste Verhandlungsrunde ist für den 20. November in Frankfurt angesetzt.",
        "Eine Sondersitzung des Rates ist für Freitag anberaumt.",
        # what has to happen, with a time ("muss nun", "müssen bis zum 30. März")
        "Der Bundestag muss nun bis zur nächsten Wahl eine Neuregelung beschließen.",
        # ... or is still to come ("muss noch")
        "Der Landtag muss dem Staatsvertrag noch zustimmen.",
        "Die Aufsichtsräte beider Banken müssen die Fusion noch billigen.",
        # a possible next step with a time ("könnte dann", "könnten am Montag")
        "Die neuen Tarife könnten dann im Frühjahr gelten.",
        "Am Wochenende könnten die Verhandlungen wieder aufgenommen werden.",
    ],
)
def test_outlook(sentence):
    text = "Die Koalition tagte in Paris. " + sentence + " Mit Informationen von dpa."
    assert outlook_of(text) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        '"Russland wird keine ausländische Intervention diskutieren", sagte Sacharowa.',  # future only in a quote
        "US-Präsident Trump wurde am Nachmittag informiert.",
        "Russland wird von den Sanktionen hart getroffen.",  # passive, strong participle
        "Die Pläne werden in Paris nicht erwartet.",
        "Selenskyj sollte bereits am Mittwochabend empfangen werden.",  # past
        "Das Treffen fand am 4. September statt.",
        "Dabei soll es sich um eine Suchmaschine handeln.",  # hearsay "soll", not future
        "Im Mittelpunkt steht der Architekt, der die Gebäude geplant hat.",
        "Berlin will vier Brigaden ausrüsten.",  # an intention without a time: a position, not an outlook
        "Laut der Agentur soll ein Gericht die im Oktober verhängten Urteile bestätigt haben.",  # hearsay, past
        "Die geschockte Mutter muss psychologisch betreut werden.",  # an obligation without a time
        "Der Motor könnte variabel gesteuert werden.",  # a capability, no time
        "Das könnte für die Stadt teuer werden.",
        "Der Verein will noch nicht aufgeben.",  # "noch" only makes a "muss" sentence a step to come
    ],
)
def test_not_outlook(sentence):
    assert outlook_of(sentence) == []


def test_offsets_point_into_text():
    text = "Erst tagte man.\n\nEs bleibt abzuwarten, was folgt."
    (s,) = pipeline("briefing_outlook")(text)._.briefing_outlook
    assert text[s.start:s.end] == s.text == "Es bleibt abzuwarten, was folgt."


@pytest.mark.parametrize(
    "text",
    [
        "Die Entscheidung soll nächste Woche fallen.\n\n  Am Montag beginnen die Gespräche. Sonst nichts.",
        "Der Gipfel ist für Juni geplant. „Wir werden verhandeln“, sagte er. Die Regierung wird das prüfen.",
        "Ohne Ausblick. Nur Gestern.",
    ],
)
def test_outlook_by_matcher_and_by_expression_agree(text: str) -> None:
    """Markers found by token (PhraseMatcher) and by character (the compiled expression) mark the same sentences."""
    from briefing.extract.outlook import find_outlook, marker_matcher, outlook_lexicon

    nlp = pipeline()
    doc = nlp(text)
    by_tokens = find_outlook(doc, outlook_lexicon(), marker_matcher(nlp))
    assert by_tokens == find_outlook(doc, outlook_lexicon())
    assert all(text[s.start:s.end] == s.text == s.text.strip() for s in by_tokens)
