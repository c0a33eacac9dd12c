"""Bad input never raises in the actors/figures/positions/outlook components, and output stays in bounds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from actors_helpers import pipeline

MINE = ("briefing_actors", "briefing_figures", "briefing_positions", "briefing_outlook")
SEED = (Path(__file__).resolve().parent.parent / "seeds" / "003_696e33ab7f94c894.txt").read_text(encoding="utf-8")
# Linear time: a 5 MB article must finish well within a minute even on a busy 2-core machine.
BIG_TEXT_SECONDS = 120


def _check(text: str) -> None:
    doc = pipeline(*MINE)(text)
    for name in ("briefing_actors", "briefing_figures", "briefing_positions", "briefing_outlook"):
        assert isinstance(getattr(doc._, name), list)
    for a in doc._.briefing_actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
    for rec in (*doc._.briefing_figures, *doc._.briefing_positions, *doc._.briefing_outlook):
        assert 0 <= rec.start <= rec.end <= len(text)
        assert text[rec.start:rec.end] == rec.text
    ids = {a.id for a in doc._.briefing_actors}
    assert all(p.actor in ids for p in doc._.briefing_positions)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "Kein Satzende hier und Präsident Emmanuel Macron sagt",
        "The President Joe Biden said on Monday that 40 percent of voters will decide.",
        "Le président Emmanuel Macron a déclaré que la France enverra 2 000 soldats.",
        "„" * 500 + "“" * 3,
        "Präsident " * 2000,
        "Emmanuel " * 3000,
        "er sie er sie " * 500,
        "1.2.3.4.5 12,5,6 3,4 Millionen Milliarden Euro % Prozent",
        "\x00\x01\ufeff ☃ 🙂 [1][2][3] ]]] [[[ (((",
        "Russland lehnt ab ab ab ab lehnt lehnt",
        SEED.replace(".", ""),
    ],
)
def test_bad_input_does_not_raise(text):
    _check(text)


@pytest.mark.slow
def test_five_megabytes_in_linear_time():
    text = (SEED + "\n\n") * (5_000_000 // len(SEED) + 1)
    t0 = time.perf_counter()
    _check(text)
    assert time.perf_counter() - t0 < BIG_TEXT_SECONDS
