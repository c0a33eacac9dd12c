"""Dates: German (and English) date expressions, datelines, front matter, and which one wins."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.ingest import dates
from briefing.ingest.clean import clean


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 Sep 2025", (date(2025, 9, 4), "day")),
        ("4. September 2025", (date(2025, 9, 4), "day")),
        ("Donnerstag, 4. September 2025", (date(2025, 9, 4), "day")),
        ("Do., 04.09.2025 | 12:00", (date(2025, 9, 4), "day")),
        ("Stand: 04.09.2025 12:30 Uhr", (date(2025, 9, 4), "day")),
        ("Veröffentlicht am 4.9.2025 um 12:30 Uhr", (date(2025, 9, 4), "day")),
        ("Aktualisiert am 5. Sept. 2025", (date(2025, 9, 5), "day")),
        ("04.09.25", (date(2025, 9, 4), "day")),
        ("2025-09-04", (date(2025, 9, 4), "day")),
        ("4. Jänner 2025", (date(2025, 1, 4), "day")),  # Austrian, from CLDR de_AT
        ("3. März 2025", (date(2025, 3, 3), "day")),
        ("Sep 4, 2025", (date(2025, 9, 4), "day")),
        ("März 2025", (date(2025, 3, 1), "month")),
        ("2025-03", (date(2025, 3, 1), "month")),
        # with its place, an agency after it
        ("Berlin, 5. Dezember 2026", (date(2026, 12, 5), "day")),
        ("Bad Tölz, 05.12.2026 (dpa)", (date(2026, 12, 5), "day")),
    ],
)
def test_parse_date_line(text, expected):
    assert dates.parse_date_line(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ende Februar 2024 hallte ein Paukenschlag durch Europa.",
        "Am 4. September 2025 trafen sich die Staats- und Regierungschefs in Paris.",
        "Berlin, Paris und Rom am 4. September 2025",
        "31.02.2025",  # no such day
        "4. Brumaire 2025",
        "1848",
        "12:30 Uhr",
        "",
    ],
)
def test_not_a_date_line(text):
    assert dates.parse_date_line(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04.09.2025, Frankreich, Paris: Emmanuel Macron empfängt", (date(2025, 9, 4), "day")),
        ("4. September 2025 – Paris: Die Koalition berät", (date(2025, 9, 4), "day")),
        ("Ende Februar 2024 hallte ein Paukenschlag", None),
        ("März 2025, Paris: ein Treffen", None),  # a month opens no dateline
    ],
)
def test_parse_dateline(text, expected):
    assert dates.parse_dateline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "length"),
    [
        (" date 2025-09-04 Die in der Koalition", (date(2025, 9, 4), "day"), 17),
        (" date 2025-03 Vorlesen 0:00", (date(2025, 3, 1), "month"), 14),
        ("Datum: 2025-09-04", (date(2025, 9, 4), "day"), 17),
        ("dated 2025-09-04", None, 0),
        ("Die date 2025-09-04", None, 0),
    ],
)
def test_front_matter(text, expected, length):
    found = dates.parse_front_matter(text)
    if expected is None:
        assert found is None
    else:
        assert found == (expected, length)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-09-04", (date(2025, 9, 4), "day")),
        ("2025-09", (date(2025, 9, 1), "month")),
        ("2025", (date(2025, 1, 1), "year")),
        ("4. September 2025", (date(2025, 9, 4), "day")),
        ("gestern", None),
        ("2025-13-01", None),
    ],
)
def test_parse_iso(value, expected):
    assert dates.parse_iso(value) == expected


BODY = "Die Koalition der Willigen hat sich am Donnerstag in Paris getroffen und beraten."


@pytest.mark.parametrize(
    ("raw", "iso", "precision", "rank"),
    [
        (f"Stand: 04.09.2025 12:30 Uhr\n\n{BODY}", "2025-09-04", "day", dates.RANK_TOP),
        (f"{BODY}\n\n4 Sep 2025", "2025-09-04", "day", dates.RANK_FOOTER),
        (f"date 2025-09-03 {BODY}\n\n4 Sep 2025", "2025-09-03", "day", dates.RANK_META),
        (f"Mittwoch, 3. September 2025\n\n{BODY}\n\n4 Sep 2025", "2025-09-03", "day", dates.RANK_TOP),
        (
            f"04.09.2025, Frankreich, Paris: Bildunterschrift. Foto: A. B./dpa\n\n{BODY}",
            "2025-09-04",
            "day",
            dates.RANK_TOP,
        ),
        (f"{BODY}\n\nMärz 2025", "2025-03-01", "month", dates.RANK_FOOTER),
    ],
)
def test_best_date_of_a_text(raw, iso, precision, rank):
    found = dates.best(list(clean(raw).dates))
    assert found is not None
    assert (found.iso(), found.precision, found.rank) == (iso, precision, rank)


def test_sentence_dates_are_not_article_dates():
    raw = f"{BODY} Am 4. September 2025 soll es weitergehen.\n\nEnde Februar 2024 begann alles."
    assert dates.best(list(clean(raw).dates)) is None


def test_date_lines_leave_the_body():
    c = clean(f"Donnerstag, 4. September 2025\n\n{BODY}\n\nStand: 04.09.2025 12:30 Uhr")
    assert c.text == BODY
    assert "date" in c.removed


def test_labels():
    c = dates.DateCandidate(date(2025, 3, 1), "month", dates.RANK_META)
    assert (c.iso(), c.label()) == ("2025-03-01", "2025-03")
    assert dates.format_label(date(2025, 9, 4), "day") == "2025-09-04"
    assert dates.format_label(date(2025, 1, 1), "year") == "2025"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brüssel, 12.03.2026 – Nach dem Gipfel hat Merz Paris kritisiert.", date(2026, 3, 12)),
        ("Berlin (dpa), 4. September 2025 - Die Regierung hat beschlossen.", date(2025, 9, 4)),
        ("Frankfurt/Main, 01.02.2026 | Die Börse schloss fester.", date(2026, 2, 1)),
        ("Berlin, 3. Juli 2026 (dpa) – Ärzte haben mehr Tempo verlangt.", date(2026, 7, 3)),
    ],
)
def test_agency_dateline_with_the_place_first(text, expected):
    assert dates.parse_dateline(text) == (expected, "day")


def test_an_agency_dateline_dates_the_article_and_leaves_its_text():
    src = "Merz wirft Paris Blockade vor\n\nBrüssel, 12.03.2026 – Nach dem Gipfel hat Merz Paris kritisiert.\n"
    cleaned = clean(src)
    assert cleaned.text.startswith("Merz wirft") or cleaned.text.startswith("Nach dem Gipfel")
    assert "12.03.2026" not in cleaned.text and "Nach dem Gipfel hat Merz Paris kritisiert." in cleaned.text
    assert date(2026, 3, 12) in [c.value for c in cleaned.dates]


def test_an_agency_after_the_date_goes_with_the_dateline():
    src = "Ärzte fordern mehr Tempo\n\nBerlin, 3. Juli 2026 (dpa) – Ärzte haben mehr Tempo verlangt.\n"
    cleaned = clean(src)
    assert "(dpa)" not in cleaned.text and "Ärzte haben mehr Tempo verlangt." in cleaned.text
    assert date(2026, 7, 3) in [c.value for c in cleaned.dates]


def test_a_dateline_deep_in_the_text_keeps_its_words():
    lines = ["Titel der Meldung", "", "Erster Absatz ohne Datum.", "", "Zweiter Absatz.", "",
             "Berlin, 12.03.2026 – hier geht die Nachricht weiter."]
    cleaned = clean("\n".join(lines) + "\n")
    assert "Berlin, 12.03.2026 – hier geht" in cleaned.text


def test_a_date_line_that_runs_into_the_byline_after_a_middle_dot_dates_the_article():
    # "3. Dezember 2026 · Von Jan Peters, Den Haag": news sites set date and author on one line
    src = ("Rutte mahnt Europäer zur Eile\n3. Dezember 2026 · Von Jan Peters, Den Haag\n\n"
           "Der Generalsekretär hat seine Worte mit Bedacht gewählt.\n")
    cleaned = clean(src)
    assert date(2026, 12, 3) in [c.value for c in cleaned.dates]
    assert "2026 ·" not in cleaned.text and "Der Generalsekretär hat seine Worte" in cleaned.text
    assert dates.parse_dateline("4. Juni 2026 • Lesezeit 3 Min.") == (date(2026, 6, 4), "day")
