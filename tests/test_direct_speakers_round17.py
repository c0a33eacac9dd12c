"""Direct quotations whose speaker the rules got wrong out of fold on train in round 17 (a17), fixed as patterns of
German; every sentence here is written for these tests (the people and places invented).

* Words written on or in something and read there ("Auf dem Transparent war die Parole „…“ zu lesen", "ein Zettel,
  auf dem stand: „…“", "ist in der Stellungnahme zu finden: „…“", "fand sich in der Broschüre der Satz: „…“"):
  the thing they are written on is their source, not the noun that names the words ("die Parole", "der Satz") nor
  someone of a neighbouring sentence.  A time ("Am Montag war … zu lesen") or a person is no such place, and
  "stehen" says it only with the words as its subject ("Auf dem Podium stand Roth: „…“" is Roth's); someone who
  "hat auf seiner Website geschrieben" is the writer, not the page.
"""

from __future__ import annotations

import pytest

from tests.quote_helpers import quote, run


@pytest.mark.parametrize(
    ("text", "fragment", "source"),
    [
        (
            "Vor dem Rathaus versammelten sich am Abend mehrere Gewerkschafter. "
            "Auf dem großen Transparent war die Parole „Wir zahlen nicht für eure Krise“ zu lesen.",
            "Krise",
            "dem großen Transparent",
        ),
        (
            "Im Flur der Grundschule hing lange ein Plakat, auf dem geschrieben stand: „Bitte leise sein, hier wird "
            "gelernt.“ Die Schulleiterin ließ es im Sommer abnehmen.",
            "leise",
            "ein Plakat",
        ),
        (
            "Ab 1950 musste an jeder Werkbank ein Zettel kleben, auf dem stand: „Wer die Maschine verlässt, schaltet "
            "sie ab.“ Nach Angaben der Firma hielten sich fast alle daran.",
            "Maschine",
            "ein Zettel",
        ),
        (
            "Der Verband kritisierte den Entwurf scharf. Der härteste Vorwurf ist jedoch in der Stellungnahme zu "
            "finden: „Wer dieses Gesetz beschließt, gefährdet tausende Arbeitsplätze.“",
            "Gesetz",
            "der Stellungnahme",
        ),
        (
            "Der Verein feierte sein Jubiläum mit einer Broschüre. In der Broschüre fand sich auch der Satz: „Wir haben "
            "in hundert Jahren nie aufgegeben.“",
            "aufgegeben",
            "der Broschüre",
        ),
    ],
)
def test_words_read_on_a_thing_are_its_words(text, fragment, source):
    _kind, _said, mention, _name = quote(run(text), fragment)
    assert mention == source


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a speech verb with a person: the place of the event is no source
        (
            "Auf der Pressekonferenz sagte Bürgermeisterin Anna Roth: „Wir bauen die Brücke bis zum Herbst neu.“",
            "Brücke",
            "Bürgermeisterin Anna Roth",
        ),
        # someone wrote the words somewhere: the writer speaks, not the page
        (
            "Das Umweltamt hat am Montag auf seiner Website geschrieben: „Die Messwerte liegen deutlich "
            "unter dem Grenzwert.“",
            "Messwerte",
            "Das Umweltamt",
        ),
        # "stehen" with a person as its subject: where she stood is not what she said
        (
            "Auf dem Podium stand Bürgermeisterin Anna Roth: „Wir bauen die Brücke bis zum Herbst neu.“",
            "Brücke",
            "Bürgermeisterin Anna Roth",
        ),
    ],
)
def test_a_place_without_written_words_is_no_source(text, fragment, speaker):
    _kind, _said, mention, _name = quote(run(text), fragment)
    assert mention == speaker


def test_a_time_is_no_place_words_are_read_on():
    text = (
        "Die Stadtwerke kündigten Bauarbeiten an. Am Montag war in der Lokalzeitung zu lesen: „Die alte Brücke wird "
        "für drei Monate gesperrt.“"
    )
    rows = run(text)
    hits = [r for r in rows if "Brücke wird" in r[1]]
    # the time adverbial is never the source; the paper is, when the quotation is kept
    assert all(r[2] != "Montag" and r[2] != "Am Montag" for r in hits), rows
    assert all(r[2] in (None, "der Lokalzeitung") for r in hits), rows
