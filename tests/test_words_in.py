"""``words_in``: the ``\\w+`` words of a text range, equal to ``WORD.findall`` over that range."""

from __future__ import annotations

import random
import sys

import pytest

from briefing.extract.quotes.base import WORD, WORD_EDGES, words_in


def test_no_edge_or_whitespace_character_is_a_word_character() -> None:
    assert [c for c in WORD_EDGES if WORD.fullmatch(c)] == []
    spaces = [chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace()]
    assert spaces and [c for c in spaces if WORD.fullmatch(c)] == []


@pytest.mark.parametrize(
    "text",
    [
        "„Wir schaffen das“, sagte die Kanzlerin am Montag in Berlin.",
        "Der CDU-Chef (58) nannte 3,5 Prozent „nicht genug“ – die SPD-Fraktion widersprach!",
        "Laut snake_case-Namen, z.B. in §12 Abs. 2, gilt: ²³ und ½ zählen; 100%ige Zustimmung?",
        "Ärztin Ökonomin Übersee straße…punkt ‚einfach‘ «doppelt» [Link](https://x.de/a_b)",
        "Москва заявила: «Нет». 東京 und Αθήνα — beide\tgetrennt\nzeilen\u00a0weise\u2009schmal",
        "",
        "   ",
        "---,,,„“",
    ],
)
def test_words_equal_findall_over_whole_and_partial_ranges(text: str) -> None:
    n = len(text)
    for start in range(-2, n + 3):
        for end in (start - 1, start, start + 1, start + 7, n, n + 2):
            assert words_in(text, start, end) == WORD.findall(text, start, end), (start, end)


def test_words_equal_findall_on_mixed_characters() -> None:
    alphabet = "aZäß09_ -,.;:!?„“»«()[]/'’–—…%&+|\t\n\u00a0²½éΩж東"
    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        start, end = rng.randrange(-3, 43), rng.randrange(-3, 43)
        assert words_in(text, start, end) == WORD.findall(text, start, end), (text, start, end)
