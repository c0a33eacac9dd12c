"""Publisher signatures, agency credits and the fallback when nothing identifies the publisher."""

from __future__ import annotations

import pytest

from briefing.ingest import publishers

BODY = "Die Koalition der Willigen hat sich in Paris getroffen."


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([BODY, "Das ist die Europäische Perspektive bei BR24."], "BR24"),
        (['"Hier ist Bayern": Der BR24 Newsletter informiert Sie immer montags bis freitags.'], "BR24"),
        (["BR24 spricht mit der Korrespondentin über die Erwartungen.", BODY], "BR24"),
        (["# taz.de -- Koalition der Willigen: 26 Länder | |", BODY], "taz"),
        (["Berlin taz | 26 Länder wollen sich beteiligen | |"], "taz"),
        ([BODY, "Quelle: tagesschau.de"], "tagesschau.de"),
        ([BODY, "Dieser Artikel erschien zuerst bei ZEIT ONLINE."], "ZEIT ONLINE"),
        ([BODY, "© DER SPIEGEL 2025"], "DER SPIEGEL"),
        ([BODY, "Mehr auf n-tv.de"], "ntv"),
        ([BODY, "Aus Wikinews, der freien Nachrichtenquelle"], "Wikinews"),
        # two BR24 signatures beat one taz one
        (["Berlin taz | Text", "Das ist die Europäische Perspektive bei BR24.", "Der BR24 Newsletter"], "BR24"),
        # a mention in a sentence is no signature
        (["Über die Pläne hatte zuerst der Spiegel berichtet.", BODY], None),
        (["Wie die taz berichtete, ist das Treffen vorbei."], None),
        # a date line that several ARD sites print alike names none of them
        (["Stand: 25.06.2025 18:40 Uhr", BODY], None),
        ([BODY], None),
    ],
)
def test_infer_publisher(lines, expected):
    assert publishers.infer_publisher(lines) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.tagesschau.de/ausland/europa/ukraine-101.html", "tagesschau.de"),
        ("https://taz.de/Koalition-der-Willigen/!6104868/", "taz"),
        ("https://www.br.de/nachrichten/deutschland-welt/x", "BR24"),
        ("https://example.org/artikel", None),
        (None, None),
    ],
)
def test_publisher_from_url(url, expected):
    assert publishers.infer_publisher([BODY], url) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Paris (dpa) - Die Koalition der Willigen berät."], ("dpa",)),
        (["Kiew (dpa/AFP) - Russland greift an."], ("dpa", "AFP")),
        (["Frankfurt (dpa-AFX) - Der Dax stieg."], ("dpa-AFX",)),
        ([BODY, "Mit Informationen von dpa und reuters"], ("dpa", "Reuters")),
        ([BODY, "Mit Material von AFP, KNA und epd"], ("AFP", "KNA", "epd")),
        ([BODY, "Quelle: AFP"], ("AFP",)),
        ([BODY, "dpa/AFP"], ("dpa", "AFP")),
        ([BODY, "cw/dpa"], ("dpa",)),
        # photo credits credit the picture, not the text
        (["04.09.2025, Paris: Macron (r) empfängt Selenskyj. Foto: Michel Euler/AP/dpa +++ dpa-Bildfunk +++"], ()),
        (["Bildrechte: dpa-Bildfunk/Michel Euler"], ()),
        # words that look like agencies inside prose
        (["Die Apotheke (ap) schloss.", "Er sagte: dpa sei wichtig für die Arbeit der Redaktion."], ()),
        ([BODY], ()),
    ],
)
def test_infer_agencies(lines, expected):
    assert publishers.infer_agencies(lines) == expected


@pytest.mark.parametrize(
    ("agencies", "url", "expected"),
    [
        (("dpa", "Reuters"), None, "dpa"),
        ((), "https://www.example.org/a", "example.org"),
        ((), None, publishers.UNKNOWN_PUBLISHER),
    ],
)
def test_fallback_publisher(agencies, url, expected):
    assert publishers.fallback_publisher(agencies, url) == expected


def test_host_of():
    assert publishers.host_of("https://www.Taz.de/x") == "taz.de"
    assert publishers.host_of("taz.de/x") == "taz.de"
    assert publishers.host_of("") is None
