"""regions_overlap must agree with checking every position by in_regions (it lets callers skip that)."""

import pytest

from briefing.extract.actors import in_regions, quote_regions, regions_overlap

TEXTS = [
    "Er sagte: „Wir kommen.“ Dann ging er.",
    'Kein Zitat hier. Aber "hier" und »dort« schon.',
    "Gar keine Anführungszeichen.",
    "„Offen bis zum Ende",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_regions_overlap_matches_in_regions(text: str) -> None:
    regions = quote_regions(text)
    for lo in range(len(text) + 1):
        for hi in range(lo + 1, len(text) + 2):
            expected = any(in_regions(pos, regions) for pos in range(lo, hi))
            assert regions_overlap(regions, lo, hi) is expected, (text, lo, hi)


@pytest.mark.parametrize(
    ("text", "lo", "hi", "expected"),
    [
        ("a „b“ c", 0, 1, False),  # before the quotation
        ("a „b“ c", 0, 3, True),  # reaches its opening mark
        ("a „b“ c", 5, 7, False),  # after its closing mark
    ],
)
def test_regions_overlap_cases(text: str, lo: int, hi: int, expected: bool) -> None:
    assert regions_overlap(quote_regions(text), lo, hi) is expected
