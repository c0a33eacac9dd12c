"""The description resolver's fast paths give what the plain computation gives.

The introductions of a text are read only as far as a caller asks (:class:`descriptions._Introductions`), and
the capitalised word before a surname is searched only around the surname's places
(:func:`descriptions._before_surname_matches`); both are compared with the whole-text reading here.
"""

from __future__ import annotations

import itertools

import pytest

from briefing.extract.quotes import descriptions
from briefing.extract.quotes.descriptions import introductions

TEXT = (
    "Der Ökonom Martin Werding warnte am Montag vor den Folgen. Werding, Ökonom an der Universität Bochum, "
    "sagte, die Rente sei sicher. Miriam Ostwald (31) lief als Erste ins Ziel. Die 31-jährige Miriam Ostwald "
    "aus Bamberg jubelte. Der Oberbürgermeister von Bamberg, Thomas Greul, gratulierte. Stefan Lindner, 44, "
    "arbeitet als früherer Nationalstürmer Paul Stieglitz beim Verein. Der 44 Jahre alte Stefan Lindner "
    "widersprach. Die Forscherin Ilka Tammen, die Anwältin Rahmani Purs und Präsident Macron schwiegen."
)


def _whole(text: str, upto: int) -> list[descriptions.Intro]:
    """The introductions ending by ``upto``, from a reading of the whole text."""
    descriptions._introductions_of.cache_clear()
    return [i for i in introductions(text, len(text) + 1) if i.end <= upto]


def test_whole_text_has_introductions() -> None:
    names = {i.name for i in introductions(TEXT, len(TEXT))}
    assert {"Martin Werding", "Miriam Ostwald", "Thomas Greul", "Stefan Lindner"} <= names


@pytest.mark.parametrize("order", list(itertools.permutations([0.2, 0.5, 0.8, 1.0]))[::5])
def test_introductions_read_as_far_as_asked(order: tuple[float, ...]) -> None:
    expected = {f: _whole(TEXT, int(len(TEXT) * f)) for f in order}
    descriptions._introductions_of.cache_clear()
    for f in order:  # one reading, asked in this order: each answer as from the whole text
        assert introductions(TEXT, int(len(TEXT) * f)) == expected[f]


def test_introductions_at_every_place() -> None:
    full = _whole(TEXT, len(TEXT) + 1)
    descriptions._introductions_of.cache_clear()
    for upto in range(0, len(TEXT) + 2, 7):
        assert introductions(TEXT, upto) == [i for i in full if i.end <= upto]


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        (TEXT, "Werding"),
        (TEXT, "Lindner"),
        ("Anna Werding Werding sagte, Hans Werding nicht.", "Werding"),
        ("Hans-Peter Werding-Werding Werding und A-B Werding Werding Werding.", "Werding"),
        ("x Werding, Abc Werdingx Werding_ Werding, Ö Werding Werding1 Ä-Werding Werding", "Werding"),
        (" Werding __A Werding -A Werding 3A Werding", "Werding"),
        ("Die Ministerin Anne Spiegel und Spiegel-Chefin Anne Spiegel", "Spiegel"),
        ("kein Name hier", "Werding"),
    ],
)
def test_surname_matches_as_finditer(text: str, surname: str) -> None:
    plain = [(m.span(), m.groups()) for m in descriptions._before_surname(surname).finditer(text)]
    fast = [(m.span(), m.groups()) for m in descriptions._before_surname_matches(surname, text)]
    assert fast == plain


COMPOUNDS = (
    "Die CDU-Generalsekretärin Anna Kuhn traf die 31-Jährige und Ex-Präsidentin Maria Lenz; taz-Reporter Jan "
    "Ott, aB-Präsident Kai Rau, Präsident-in spe und Präsidentin--Wahl. Der Präsident, die Präsidentin."
)


@pytest.mark.parametrize("text", [TEXT, COMPOUNDS])
def test_titles_ending_by_a_place(text: str) -> None:
    whole = descriptions._titles_in(text)
    assert whole  # (the texts hold titles)
    for upto in range(len(text) + 2):
        assert descriptions._titles_in(text, upto) == [(s, w) for s, w in whole if s + len(w) <= upto]


def test_ever_later_places_read_the_text_a_few_times() -> None:
    """One mention after another in a long text: the titles are read a few times, not once per question
    (once per question from the text's start made a 5 MB article quadratic)."""
    text = TEXT * 200
    reads: list[int] = []

    def counted(text: str, upto: int | None = None) -> list[tuple[int, str]]:
        reads.append(upto or 0)
        return descriptions._titles_in(text, upto)

    intros = descriptions._Introductions(text, counted)
    places = range(50, len(text) + 1, 97)
    for upto in places:
        intros.upto(upto)
    assert len(places) > 1000
    assert len(reads) <= 2 + (len(text) // 50).bit_length()
    assert intros.upto(len(text)) == _whole(text, len(text))
