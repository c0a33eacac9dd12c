"""Choosing a day's articles: other dates, background, undated, and the error for an empty day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing.errors import IngestError
from briefing.ingest import DaySelection, read_folder, select_day
from briefing.models import Article, Excluded, IngestResult

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DAY = date(2025, 9, 4)


def _a(name: str, day: str | None, precision: str = "day") -> Article:
    return Article(path=f"src/{name}", text="Text.", date=day, date_precision=precision if day else "unknown")


def _names(articles) -> list[str]:
    return [Path(a.path).name for a in articles]


def test_reference_day_from_seeds():
    sel = select_day(read_folder(SEEDS), DAY)
    assert isinstance(sel, DaySelection)
    assert [n[:3] for n in _names(sel.articles)] == ["000", "001", "003", "004"]
    assert [(Path(e.path).name[:3], e.reason) for e in sel.excluded] == [
        ("002", "anderes Datum: 2025-03 (nicht 2025-09-04)")
    ]
    assert [n[:3] for n in _names(sel.background)] == ["002"]
    assert any("003" in w and "ohne Datum" in w for w in sel.warnings)


def test_no_article_of_the_day_lists_dates():
    with pytest.raises(IngestError) as info:
        select_day(read_folder(SEEDS), date(2025, 9, 5))
    assert str(info.value) == (
        f"no article dated 2025-09-05 in {SEEDS}/; dates found: 2025-09-04 (3), 2025-03 (1), undated (1)"
    )


def test_other_dates_excluded_older_ones_as_background():
    result = IngestResult(
        articles=(
            _a("a.txt", "2025-09-04"),
            _a("b.txt", "2025-09-03"),
            _a("c.txt", "2025-09-05"),
            _a("d.txt", "2024-01-01", "month"),
            _a("e.txt", "2024-01-01", "year"),
        ),
        excluded=(Excluded("src/x.pdf", "kein Artikelformat"),),
    )
    sel = select_day(result, DAY)
    assert _names(sel.articles) == ["a.txt"]
    assert _names(sel.background) == ["b.txt", "d.txt", "e.txt"]  # c.txt is newer than the day
    assert {Path(e.path).name: e.reason for e in sel.excluded} == {
        "b.txt": "anderes Datum: 2025-09-03 (nicht 2025-09-04)",
        "c.txt": "anderes Datum: 2025-09-05 (nicht 2025-09-04)",
        "d.txt": "anderes Datum: 2024-01 (nicht 2025-09-04)",
        "e.txt": "anderes Datum: 2024 (nicht 2025-09-04)",
        "x.pdf": "kein Artikelformat",
    }


@pytest.mark.parametrize(
    ("undated", "used", "reason"),
    [("include", ["a.txt", "u.txt", "m.txt"], None), ("exclude", ["a.txt"], "--undated exclude")],
)
def test_undated_and_coarse_dates(undated, used, reason):
    result = IngestResult(
        articles=(_a("a.txt", "2025-09-04"), _a("u.txt", None), _a("m.txt", "2025-09-01", "month")), excluded=()
    )
    sel = select_day(result, DAY, undated=undated)
    assert sorted(_names(sel.articles)) == sorted(used)
    if reason:
        reasons = {Path(e.path).name: e.reason for e in sel.excluded}
        assert reasons["u.txt"] == "ohne Datum (--undated exclude)"
        assert reasons["m.txt"].startswith("Datum nur ungefähr bekannt (2025-09)")
    else:
        assert len(sel.warnings) == 2


def test_undated_alone_is_not_a_day():
    with pytest.raises(IngestError, match=r"dates found: undated \(2\)"):
        select_day(IngestResult(articles=(_a("u.txt", None), _a("v.txt", None)), excluded=()), DAY)


def test_background_is_bounded_and_deterministic():
    older = tuple(_a(f"o{i:02d}.txt", f"2025-08-{i:02d}") for i in range(1, 31))
    result = IngestResult(articles=(_a("a.txt", "2025-09-04"), *older), excluded=())
    sel = select_day(result, DAY)
    assert len(sel.background) == 20
    assert _names(sel.background)[0] == "o11.txt" and _names(sel.background)[-1] == "o30.txt"
    assert len(sel.excluded) == 30


def test_bad_undated_value():
    with pytest.raises(IngestError, match="undated must be"):
        select_day(IngestResult(articles=(_a("a.txt", "2025-09-04"),), excluded=()), DAY, undated="maybe")
