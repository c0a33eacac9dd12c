"""Opinion pieces are recognised at ingest and state no facts in the briefing (German text written for
these tests; tests/data/days/bahnstreik is a made-up day)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing.ingest.genre import opinion_label

DAY = Path(__file__).parent / "data" / "days" / "bahnstreik"


@pytest.mark.parametrize(
    ("title", "lines", "label"),
    [
        ("Kommentar: Ein Streik, den niemand versteht", [], "Kommentar"),
        ("Leitartikel – Europa muss handeln", [], "Leitartikel"),
        ("Ein Streik, den niemand versteht", ["Meinung", "Ein Streik, den niemand versteht"], "Meinung"),
        ("Ein Streik, den niemand versteht", ["Ein Streik", "Ein Gastkommentar von Anna Berger"], "Gastkommentar"),
        # reports
        ("Kritik an der Bahn: Fahrgastverband fordert Schlichtung", [], None),
        ("Meinungsumfrage: Mehrheit gegen den Streik", [], None),
        ("Gewerkschaft kommentiert Angebot nicht", ["Von Anna Berger"], None),
        (None, ["Die Bahn hat den Streik kommentiert."], None),
    ],
)
def test_opinion_label(title, lines, label):
    assert opinion_label(title, lines) == label


@pytest.mark.slow
def test_a_commentary_states_no_facts_but_keeps_its_quotations():
    from briefing import ingest
    from briefing.assemble import assemble
    from briefing.extract import load_pipeline

    day = date(2026, 11, 14)
    selection = ingest.select_day(ingest.read_folder(DAY), day, undated="include")
    by_name = {Path(a.path).name: a for a in selection.articles}
    assert by_name["b3.txt"].opinion == "Kommentar" and by_name["b1.txt"].opinion is None
    ex = load_pipeline("blank")
    b = assemble(day, [ex.extract(a) for a in selection.articles], background=[], excluded=selection.excluded,
                 title="Test", max_stories=8)
    sid = next(s.id for s in b.sources if Path(s.path or "").name == "b3.txt")
    for story in b.stories:
        stated = [*story.summary, *story.figures, *story.positions, *story.outlook]
        assert not any(sid in item.sources for item in stated), story.headline
        assert not story.headline.startswith("Kommentar")
    # the commentary's own sentences ("Die EVG trifft mit ihrem Ausstand nicht den Vorstand, sondern Millionen
    # Pendler.") were summary material before it was recognised
    assert not any("Millionen Pendler" in s.text for story in b.stories for s in story.summary)


def test_the_list_of_sources_names_an_opinion_piece_as_such():
    from briefing.render.view import _labelled

    assert _labelled("Ein Streik, den niemand versteht", "Kommentar") == "Kommentar: Ein Streik, den niemand versteht"
    assert _labelled("Kommentar: Ein Streik", "Kommentar") == "Kommentar: Ein Streik"
    assert _labelled("Bahnstreik", "") == "Bahnstreik"
