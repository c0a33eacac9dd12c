"""Free indirect speech with "sollen" after a report (extract/quotes/free_indirect.py): own German sentences."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes

REPORT = "Der Minister sagte am Montag, die Reform komme im Mai."


def _continuations(text: str):
    found, _ = extract_quotes(text)
    return [(text[f.start : f.end], f.speaker.text if f.speaker else None) for f in found if f.how == "continuation"]


@pytest.mark.parametrize(
    "follow",
    [
        "Die Beiträge sollen danach deutlich sinken.",
        "Auch die Kassen sollten mehr Geld für die Pflege bekommen.",
        "Bis zum Herbst soll ein Gesetzentwurf vorliegen.",
    ],
)
def test_sollen_right_after_a_report_continues_it(follow: str) -> None:
    assert _continuations(f"{REPORT} {follow}") == [(follow.rstrip("."), "Der Minister")]


@pytest.mark.parametrize(
    "text",
    [
        f"{REPORT}\n\nDie Beiträge sollen danach deutlich sinken.",  # a new paragraph
        "Die Brücke ist seit Montag gesperrt. Sie soll im Mai saniert werden.",  # no report before
        f"{REPORT} Betroffen sind vor allem Kassen, die mehr sparen sollen.",  # a relative clause
        f"{REPORT} Sollen die Beiträge danach wirklich sinken?",  # a question
        f"{REPORT} Wir sollen danach alle mehr sparen.",  # the writer speaking
        f"{REPORT} Die Beiträge steigen trotzdem weiter.",  # no "sollen"
    ],
)
def test_no_continuation_without_a_report_just_before(text: str) -> None:
    assert _continuations(text) == []
