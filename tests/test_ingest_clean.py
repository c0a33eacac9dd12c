"""Cleaning: page furniture gone, paragraphs intact, nothing of the body lost, offsets map back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.ingest.clean import Piece, clean
from briefing.ingest.read import read_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).parent / "data" / "ingest"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

# Lines (1-based) of each seed that are page furniture or the title, reviewed by hand.
# Every other non-blank line is article body and must survive cleaning.
FURNITURE_LINES = {
    "000_f52fc81975fd1a73": {*range(1, 9), 10, 12, 13, 15, 17, 21, 31, 33},
    "001_b8a8f14ce05327aa": set(),
    "002_bbcfefe2b262d2fe": {1},
    "003_696e33ab7f94c894": {15, 16, 17},
    "004_7207ac820dfab686": {1, 5, *range(66, 104)},
}
TITLES = {
    "000_f52fc81975fd1a73": "Koalition der Willigen: Europäische Soldaten in der Ukraine?",
    "001_b8a8f14ce05327aa": None,
    "002_bbcfefe2b262d2fe": None,
    "003_696e33ab7f94c894": None,
    "004_7207ac820dfab686": "Koalition der Willigen: 26 Länder für Sicherungstruppe für Ukrai…",
}


def _data_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


FURNITURE = _data_lines("furniture_strings.txt")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _body_line(line: str) -> str:
    """A raw seed line reduced to its words, by simple rules independent of the cleaner."""
    line = re.sub(r"\s*\|\s*\|\s*$", "", line)
    line = re.sub(r"^\s*(?:>|#+)\s+", "", line)
    line = re.sub(r"^\s*date \d{4}-\d{2}(?:-\d{2})?\s+", "", line)
    line = re.sub(r"^Berlin taz \|\s+", "", line)
    line = re.sub(r"\[\d+\]\[([^\]]+)\]", r"\1", line)
    return _squash(line)


def test_seeds_are_present():
    assert len(SEED_FILES) == 5


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_has_no_furniture(path):
    text = clean(path.read_text(encoding="utf-8")).text
    for junk in FURNITURE:
        assert junk not in text, f"{junk!r} survived in {path.name}"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_body_not_lost(path):
    cleaned = _squash(clean(path.read_text(encoding="utf-8")).text)
    furniture = FURNITURE_LINES[path.stem]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number in furniture or not line.strip():
            continue
        body = _body_line(line)
        if path.stem == "002_bbcfefe2b262d2fe" and number == 1:
            continue
        assert body in cleaned, f"{path.name}:{number} lost: {body[:80]!r}"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_furniture_lines_dropped(path):
    cleaned = clean(path.read_text(encoding="utf-8")).text
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        body = _body_line(line)
        if number in FURNITURE_LINES[path.stem] and len(body) > 25:
            assert body not in _squash(cleaned), f"{path.name}:{number} kept: {body[:60]!r}"


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_paragraphs_match_reviewed_copy(path):
    expected = (DATA / "expected" / path.name).read_text(encoding="utf-8").rstrip("\n")
    assert clean(path.read_text(encoding="utf-8")).text == expected


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_title(path):
    assert clean(path.read_text(encoding="utf-8")).title == TITLES[path.stem]


def test_headings_are_own_paragraphs_without_markers():
    paras = clean((SEEDS / "003_696e33ab7f94c894.txt").read_text(encoding="utf-8")).text.split("\n\n")
    assert "Russland lehnt Pläne ab" in paras
    assert "Berlin setzt auf Waffenhilfe für Ukraine" in paras
    taz = clean((SEEDS / "004_7207ac820dfab686.txt").read_text(encoding="utf-8")).text.split("\n\n")
    assert "Gespräche zwischen Russland und Ukraine auf Eis" in taz
    assert not any(p.startswith(("#", ">")) for p in taz)


def test_taz_lead_first_and_wrapped_lines_rejoined():
    paras = clean((SEEDS / "004_7207ac820dfab686.txt").read_text(encoding="utf-8")).text.split("\n\n")
    assert paras[0] == (
        "Die Koalition der Willigen hat sich auf mehr Unterstützung für die Ukraine geeinigt. "
        "Deutschland will seine Hilfe für die Luftverteidigung aufstocken."
    )
    assert paras[1].startswith("26 Länder wollen sich an einer Sicherungstruppe für die Ukraine beteiligen.")
    assert "mit Truppen „auf dem Land, auf der See und im Himmel“ unterstützen" in paras[1]
    assert "Koalition der Willingen in Paris" in paras[1]  # link marker [1][...] unwrapped
    assert not any("\n" in p for p in paras)


# ---------------------------------------------------------------- synthetic cases


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # hard-wrapped prose without markers is rejoined; a short line ending a sentence ends a paragraph
        (
            # (width 70: "Bundeskanzler" did not fit after "kämpfen.", "Die" would have after "Signal.")
            "Die Regierung in Berlin hat am Donnerstag neue Hilfen für die Ukraine\n"
            "beschlossen. Dazu gehören Luftabwehrsysteme und Munition für die\n"
            "Streitkräfte des Landes, die seit Jahren gegen Russland kämpfen.\n"
            "Bundeskanzler Merz sprach von einem Signal.\n"
            "Die Opposition kritisierte den Zeitpunkt der Entscheidung scharf und\n"
            "forderte eine Debatte im Bundestag.",
            "Die Regierung in Berlin hat am Donnerstag neue Hilfen für die Ukraine beschlossen. Dazu gehören "
            "Luftabwehrsysteme und Munition für die Streitkräfte des Landes, die seit Jahren gegen Russland kämpfen. "
            "Bundeskanzler Merz sprach von einem Signal.\n\n"
            "Die Opposition kritisierte den Zeitpunkt der Entscheidung scharf und forderte eine Debatte im Bundestag.",
        ),
        # one paragraph per line, a lowercase continuation is joined
        (
            "Erster Absatz steht hier und endet mit einem Punkt.\n"
            "Zweiter Absatz beginnt hier ohne Punkt am Zeilenende und\n"
            "wird hier fortgesetzt.",
            "Erster Absatz steht hier und endet mit einem Punkt.\n\n"
            "Zweiter Absatz beginnt hier ohne Punkt am Zeilenende und wird hier fortgesetzt.",
        ),
        # a line that cannot end where it does (an article, preposition or conjunction, a comma) continues
        # on the next though that starts with a capitalised noun; a heading-like line does not
        (
            "Der Minister für Verkehr und\n"
            "Digitales, Jan Weber, sprach von einem Erfolg.\n"
            "Kritik kam von der\n"
            "Opposition.\n"
            "Wie es weitergeht\n"
            "Der Bundestag berät im Januar.",
            "Der Minister für Verkehr und Digitales, Jan Weber, sprach von einem Erfolg.\n\n"
            "Kritik kam von der Opposition.\n\n"
            "Wie es weitergeht\n\n"
            "Der Bundestag berät im Januar.",
        ),
        # a hyphenated word split over two lines
        (
            "Die Unterstützer-\nländer der Ukraine treffen sich in Paris.",
            "Die Unterstützerländer der Ukraine treffen sich in Paris.",
        ),
    ],
)
def test_reflow(raw, expected):
    assert clean(raw).text == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Foto: Michael Kappeler/dpa", "caption"),
        ("Bildrechte: picture alliance/dpa | Kay Nietfeld", "credit"),
        ("Bild: Kanzler Merz bei der Pressekonferenz", "caption"),
        ("Der Kanzler in Berlin. Foto: Max Muster/AFP", "caption"),
        ("Videobeitrag", "media"),
        ("Ludovic Marin / AFP", "credit"),
        ("picture alliance / dpa | Kay Nietfeld", "credit"),
        ("Über dieses Thema berichtet: BR24 im Radio am 04.09.2025 um 12:00 Uhr.", "broadcast"),
        ("Mit Informationen von dpa und AFP", "agency"),
        ("Lesezeit: 3 Min.", "reading"),
        ("Jetzt den Newsletter abonnieren und nichts verpassen", "newsletter"),
        ("Jetzt das Digital-Abo testen: 4 Wochen gratis", "promo"),
        ("Probeabo sichern – 3 Monate für 1 Euro", "promo"),
        ("Hören Sie dazu auch unseren Podcast „Die Entscheidung“ in der ARD Audiothek.", "promo"),
        ("Sehen Sie hier das Video zur Debatte im Landtag", "promo"),
    ],
)
def test_furniture_line_kinds(line, kind):
    body = "Der Bundestag hat am Donnerstag über die Hilfen für die Ukraine beraten und abgestimmt."
    c = clean(f"{body}\n\n{line}\n\n{body} Es gab eine lange Debatte.")
    assert c.line_kinds[2] == kind
    assert kind in c.removed
    assert line not in c.text


@pytest.mark.parametrize(
    "line",
    [
        "Der Kanzler sagte, die Quelle der Informationen sei unklar.",
        "Bilder aus Kiew zeigen zerstörte Häuser, sagte der Bürgermeister.",
        "Russland lehnt Pläne ab",
        "Die Bundeswehr soll 20 Prozent mehr Geld bekommen.",
        "Teilen der Bevölkerung fehlt Strom.",
        "Wer das Abo kündigt, kann das kostenlos tun.",
        "Deutschlandticket-Abo: Preis steigt auf 63 Euro",
        "Sehen Sie sich das an, sagte der Bürgermeister und zeigte auf das Video der Überwachungskamera.",
    ],
)
def test_body_lines_are_not_furniture(line):
    c = clean(f"Ein erster Absatz über das Treffen in Paris, der ganz normal endet.\n\n{line}\n\nUnd ein Schluss.")
    assert line in c.text


def test_tail_only_in_second_half():
    early = "Mehr zum Thema\n\n" + "\n\n".join(f"Absatz {i} über die Lage in der Ukraine." for i in range(6))
    assert "Absatz 5" in clean(early).text
    late = (
        "\n\n".join(f"Absatz {i} über die Lage in der Ukraine." for i in range(6))
        + "\n\n## Mehr zum Thema\n\nTeaser eins."
    )
    c = clean(late)
    assert "Teaser eins" not in c.text and "Absatz 5" in c.text


@pytest.mark.parametrize(
    ("heading", "items"),
    [
        ("Mehr zum Thema:", "Bundeswehr bestellt neue Abwehrsysteme\nWas ist der Drohnenwall?"),  # teasers
        ("Schlagwörter:", "Bundeswehr\nDrohnenwall"),  # a tag list
        ("Links :", "Bundeswehr: Abwehr\nDrohnenwall erklärt"),  # a link list
    ],
)
def test_list_headings_written_with_a_colon_are_furniture_too(heading, items):
    body = "\n\n".join(f"Absatz {i} über die Lage in der Ukraine." for i in range(6))
    c = clean(body + f"\n\n{heading}\n{items}")
    assert "Bundeswehr" not in c.text and "Drohnenwall" not in c.text and "Absatz 5" in c.text


def test_an_ads_label_takes_the_ad_under_it_along():
    body = "\n\n".join(f"Absatz {i} über die Lage in der Ukraine." for i in range(4))
    c = clean(body + "\n\nAnzeige\nReisen Sie jetzt an die Ostsee\nHotels ab 59 Euro die Nacht\n\n" + body)
    assert "Ostsee" not in c.text and "59 Euro" not in c.text and "Absatz 3" in c.text
    assert "promo" in c.removed
    # the article goes on right under the label: a sentence is prose again and stays
    c = clean(body + "\n\nAnzeige\nDie Regierung hat am Abend weitere Hilfen für die Ukraine beschlossen.\n")
    assert "weitere Hilfen" in c.text


def test_repeated_title_at_top_goes_to_title():
    c = clean(
        "Gipfel in Paris endet ohne Einigung\n\nGipfel in Paris endet ohne Einigung\n\n"
        "Der Gipfel ist vorbei. Es gab keine Einigung."
    )
    assert c.title == "Gipfel in Paris endet ohne Einigung"
    assert c.text == "Der Gipfel ist vorbei. Es gab keine Einigung."


def test_kicker_above_the_title_is_dropped():
    c = clean("Ukraine-Krieg\nMerz sagt Luftverteidigung zu\n\nDer Kanzler hat der Ukraine Hilfe zugesagt.")
    assert c.title == "Merz sagt Luftverteidigung zu"
    assert c.text == "Der Kanzler hat der Ukraine Hilfe zugesagt."
    assert "kicker" in c.removed


def test_title_hint_removes_title_line():
    c = clean(
        "Merz reist nach Kiew\n\nDer Kanzler ist am Morgen in Kiew eingetroffen.", title_hint="Merz reist nach Kiew"
    )
    assert c.title == "Merz reist nach Kiew"
    assert "Merz reist" not in c.text


# ---------------------------------------------------------------- offsets


def test_piece_delete_keeps_origin():
    src = "ab[1][Koalition]cd"
    p = Piece.of(src, 0, len(src)).delete([(2, 6), (15, 16)])
    assert p.text == "abKoalitioncd"
    assert "".join(src[a:b] for a, b in p.frags) == p.text
    assert p.delete([(0, 2), (11, 13)]).text == "Koalition"


def _check_map(article, original: str, start: int, end: int) -> int:
    mapped = 0
    for i in range(start, end):
        o = article.original_offset(i)
        if o is None:
            assert article.text[i] in " \n", f"unmapped non-join char {article.text[i]!r} at {i}"
            continue
        assert original[o] == article.text[i], f"char {i}: {article.text[i]!r} != original {original[o]!r}"
        mapped += 1
    return mapped


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_every_cleaned_char_maps_to_the_original(path):
    article = read_article(path)
    original = path.read_text(encoding="utf-8")
    mapped = _check_map(article, original, 0, len(article.text))
    assert mapped >= 0.97 * len(article.text)


def test_quotes_map_to_the_original():
    rows = [ln.split(" | ", 1) for ln in _data_lines("seed_quotes.txt")]
    assert rows
    for stem, quote in rows:
        path = SEEDS / f"{stem}.txt"
        article = read_article(path)
        original = path.read_text(encoding="utf-8")
        i = article.text.index(quote)
        start, end = max(0, i - 60), min(len(article.text), i + len(quote) + 60)
        assert _check_map(article, original, start, end) > 0
        o = article.original_offset(i)
        # the quote's first characters are in the file at the mapped offset
        assert original[o : o + 8] == quote[:8]


def test_offset_outside_text_is_none():
    article = read_article(SEED_FILES[1])
    assert article.original_offset(len(article.text) + 5) is None
    assert article.original_offset(-1) is None


def test_crlf_lines_map_to_the_original():
    raw = "Titel der Meldung hier\r\n\r\nDer erste Absatz endet hier.\r\nBildrechte: dpa\r\n\r\nDer zweite Absatz.\r\n"
    c = clean(raw)
    assert c.text == "Der erste Absatz endet hier.\n\nDer zweite Absatz."
    for seg in c.segments:
        assert (
            raw[seg.orig_start : seg.orig_start + seg.length] == c.text[seg.clean_start : seg.clean_start + seg.length]
        )


FUZZ_TOKENS = [
    "Wort",
    "und",
    "Satz.",
    "„Zitat“",
    "| |",
    "> ",
    "## ",
    "[1][Link]",
    "Foto:",
    "Bild",
    "\n",
    "\n\n",
    "\r\n",
    "4 Sep 2025",
    "date 2025-09-04",
    "Unter-",
    "ländern",
    "  ",
    "\t",
    "Videobeitrag",
    "\u00ad",
    "—",
    "Der",
    "BR24",
]


def test_random_text_keeps_the_map_invariant():
    import random

    rng = random.Random(11)
    for _ in range(300):
        raw = " ".join(rng.choice(FUZZ_TOKENS) for _ in range(rng.randrange(0, 80)))
        c = clean(raw)
        covered = 0
        for seg in c.segments:
            piece = c.text[seg.clean_start : seg.clean_start + seg.length]
            assert raw[seg.orig_start : seg.orig_start + seg.length] == piece
            covered += seg.length
        # everything not copied from the original is a join: spaces and paragraph breaks
        assert len(c.text) - covered == sum(1 for i in range(len(c.text)) if _unmapped(c, i))
        assert all(c.text[i] in " \n" for i in range(len(c.text)) if _unmapped(c, i))
        assert "\n\n\n" not in c.text and c.text == c.text.strip()


def _unmapped(c, i: int) -> bool:
    return not any(s.clean_start <= i < s.clean_start + s.length for s in c.segments)
