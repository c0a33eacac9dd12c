"""A sentence opened by an adverb or particle ("Zwar", "Darin", "Demgegenüber", "Fast gleichzeitig") has its
subject after the finite verb: that subject speaks, not the opening word (issue 10, kind 2). German sentences
written for these tests; the cases that must not change keep a name, a pronoun or a plural subject first."""

from __future__ import annotations

import pytest

from tests.quote_helpers import quote_containing


def _speaker_of(text: str, fragment: str) -> str:
    return quote_containing(text, fragment).speaker_text or ""


OPENED_BY_AN_ADVERB = [
    (
        "Der Kanzler reiste nach Paris. Zwar räumte Finanzministerin Eva Roth ein, dass die Kassen leer seien.",
        "Kassen leer",
        "Eva Roth",
    ),
    (
        "Der Gipfel endete ohne Ergebnis. Demgegenüber erklärte der Minister Karl Ott, man sei auf einem guten Weg.",
        "guten Weg",
        "Karl Ott",
    ),
    (
        "Die Ärztin Maria Stein hat ein Buch geschrieben. Darin hatte Stein angekündigt, die Praxis zu schließen.",
        "Praxis zu schließen",
        "Stein",
    ),
    ("Fast gleichzeitig teilte die Polizei mit, der Täter sei gefasst worden.", "Täter sei", "Polizei"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), OPENED_BY_AN_ADVERB)
def test_subject_after_the_verb_speaks(text: str, fragment: str, speaker: str) -> None:
    got = _speaker_of(text, fragment)
    assert speaker in got
    assert got.split()[0] not in ("Zwar", "Demgegenüber", "Darin", "Fast")


KEPT_FIRST = [
    # A pronoun, a name the text also writes inside a sentence, a plural subject before a plural verb.
    ("Die Lage ist ernst. Er räumte ein, dass die Kassen leer seien.", "Kassen leer", "Er"),
    (
        "Die Kanzlerin Angela Merkel war in Paris. Merkel betonte vor Journalisten, die Reform sei gelungen.",
        "Reform sei",
        "Merkel",
    ),
    ("Experten warnten am Montag, die Lage sei ernst.", "Lage sei", "Experten"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), KEPT_FIRST)
def test_subject_in_the_prefield_stays(text: str, fragment: str, speaker: str) -> None:
    assert _speaker_of(text, fragment).startswith(speaker)
