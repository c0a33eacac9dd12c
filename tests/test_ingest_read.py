"""Reading folders: seeds, metadata sidecars, HTML, encodings, bad files, errors, language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.errors import IngestError
from briefing.ingest import read_folder
from briefing.ingest.read import decode

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

GERMAN = (
    "Die Koalition der Willigen hat sich am Donnerstag in Paris getroffen. Frankreichs Präsident "
    "Emmanuel Macron sprach von einem wichtigen Signal an Moskau. Deutschland will die Luftverteidigung "
    "der Ukraine stärken und sich an der Ausbildung der Streitkräfte beteiligen, sagte ein Sprecher der "
    "Bundesregierung in Berlin. Russland lehnt die Pläne ab und warnte vor einer Eskalation."
)
ENGLISH = (
    "The coalition of the willing met in Paris on Thursday. French President Emmanuel Macron said that "
    "the countries were ready to provide security guarantees for Ukraine after a ceasefire, and that the "
    "United States would be informed by phone. Russia has rejected the plans, which it said were a threat "
    "to its security, and the Kremlin warned against any deployment of troops."
)
FRENCH = (
    "La coalition des volontaires s'est réunie jeudi à Paris. Le président Emmanuel Macron a déclaré que "
    "les pays étaient prêts à fournir des garanties de sécurité à l'Ukraine après un cessez-le-feu, et que "
    "les États-Unis seraient informés par téléphone. La Russie a rejeté ces plans qui sont selon elle une "
    "menace pour sa sécurité."
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _by_name(result):
    return {Path(a.path).name: a for a in result.articles}


def _reasons(result):
    return {Path(e.path).name: e.reason for e in result.excluded}


# ---------------------------------------------------------------- the reference seeds


@pytest.fixture(scope="module")
def seeds():
    return read_folder(SEEDS)


def test_seeds_all_read(seeds):
    assert [Path(a.path).name for a in seeds.articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert seeds.excluded == ()
    assert all(a.path == str(SEEDS / Path(a.path).name) for a in seeds.articles)


@pytest.mark.parametrize(
    ("stem", "publisher", "day", "precision"),
    [
        ("000_f52fc81975fd1a73", "BR24", "2025-09-04", "day"),
        ("001_b8a8f14ce05327aa", "Unbekannt", "2025-09-04", "day"),
        ("002_bbcfefe2b262d2fe", "Unbekannt", "2025-03-01", "month"),
        ("003_696e33ab7f94c894", "BR24", None, "unknown"),
        ("004_7207ac820dfab686", "taz", "2025-09-04", "day"),
    ],
)
def test_seed_metadata_by_inference(seeds, stem, publisher, day, precision):
    a = _by_name(seeds)[f"{stem}.txt"]
    assert (a.publisher, a.date, a.date_precision) == (publisher, day, precision)
    assert a.language == "de"
    assert len(a.checksum) == 64


def test_seed_agencies(seeds):
    arts = _by_name(seeds)
    assert arts["003_696e33ab7f94c894.txt"].agency == ("dpa", "Reuters")
    assert arts["000_f52fc81975fd1a73.txt"].agency == ()  # only the photo is dpa's


def test_read_is_deterministic(seeds):
    assert read_folder(SEEDS) == seeds


# ---------------------------------------------------------------- metadata sidecars


def test_sources_toml_beats_inference(tmp_path):
    shutil.copy(SEEDS / "004_7207ac820dfab686.txt", tmp_path / "a.txt")
    (tmp_path / "sources.toml").write_text(
        '["a.txt"]\npublisher = "Die Tageszeitung"\ntitle = "Sicherungstruppe"\ndate = "2025-09-05"\n'
        'url = "https://taz.de/!1/"\nagency = ["dpa"]\n',
        encoding="utf-8",
    )
    result = read_folder(tmp_path)
    (a,) = result.articles
    assert (a.publisher, a.title, a.date, a.date_precision, a.url, a.agency) == (
        "Die Tageszeitung",
        "Sicherungstruppe",
        "2025-09-05",
        "day",
        "https://taz.de/!1/",
        ("dpa",),
    )
    assert result.excluded == ()  # the sidecar is not an article


def test_meta_json_beats_sources_toml_key_by_key(tmp_path):
    _write(tmp_path, "a.txt", GERMAN)
    (tmp_path / "sources.toml").write_text('["a.txt"]\npublisher = "X"\ndate = 2025-09-01\n', encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"date": "2025-09"}), encoding="utf-8")
    (a,) = read_folder(tmp_path).articles
    assert (a.publisher, a.date, a.date_precision) == ("X", "2025-09-01", "month")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('["a.txt"]\nautor = "X"\n', "unknown key 'autor'"),
        ('["a.txt"]\ndate = "gestern"\n', "is not YYYY-MM-DD"),
        ('["a.txt"\n', "not valid TOML"),
        ('["a.txt"]\ntitle = 3\n', "title must be a non-empty string"),
    ],
)
def test_bad_sources_toml_is_an_error(tmp_path, content, message):
    _write(tmp_path, "a.txt", GERMAN)
    (tmp_path / "sources.toml").write_text(content, encoding="utf-8")
    with pytest.raises(IngestError, match=message):
        read_folder(tmp_path)


def test_bad_meta_json_is_an_error(tmp_path):
    _write(tmp_path, "a.txt", GERMAN)
    (tmp_path / "a.txt.meta.json").write_text("{date: 1}", encoding="utf-8")
    with pytest.raises(IngestError, match="not valid JSON"):
        read_folder(tmp_path)


def test_sidecar_language_excludes(tmp_path):
    _write(tmp_path, "a.txt", GERMAN)
    _write(tmp_path, "b.txt", GERMAN + " Noch ein Satz.")
    (tmp_path / "sources.toml").write_text('["b.txt"]\nlanguage = "en"\n', encoding="utf-8")
    result = read_folder(tmp_path)
    assert "nicht Deutsch" in _reasons(result)["b.txt"]


# ---------------------------------------------------------------- HTML


HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Gipfel in Paris: Koalition einigt sich | tagesschau.de</title>
<meta property="og:title" content="Gipfel in Paris: Koalition einigt sich">
<meta property="og:site_name" content="tagesschau.de">
<meta property="og:url" content="https://www.tagesschau.de/ausland/gipfel-paris-101.html">
<meta property="article:published_time" content="2025-09-04T18:00:00+02:00">
</head><body>
<nav><a href="/">Startseite</a> <a href="/inland">Inland</a></nav>
<article><h1>Gipfel in Paris: Koalition einigt sich</h1>
<p>Die Koalition der Willigen hat sich am Donnerstag in Paris auf Sicherheitsgarantien für die Ukraine
geeinigt. 26 Länder wollen sich an einer Truppe beteiligen, sagte Frankreichs Präsident Macron.</p>
<h2>Russland lehnt ab</h2>
<p>Russland lehnt die Pläne ab. „Wir werden darüber nicht diskutieren“, sagte eine Sprecherin in Moskau.</p>
</article>
<footer>Impressum · Datenschutz · Kontakt</footer></body></html>"""


def test_html_through_trafilatura(tmp_path):
    _write(tmp_path, "seite.html", HTML)
    (a,) = read_folder(tmp_path).articles
    assert "26 Länder wollen sich an einer Truppe beteiligen" in a.text
    assert "Russland lehnt ab" in a.text.split("\n\n")  # heading kept as its own paragraph
    assert "Impressum" not in a.text and "Startseite" not in a.text
    assert a.title == "Gipfel in Paris: Koalition einigt sich"
    assert not a.text.startswith("Gipfel in Paris")  # the title is not body text
    assert (a.date, a.date_precision) == ("2025-09-04", "day")
    assert a.publisher == "tagesschau.de"


def test_html_without_article_is_excluded(tmp_path):
    _write(tmp_path, "leer.htm", "<html><body><nav>Startseite</nav></body></html>")
    _write(tmp_path, "a.txt", GERMAN)
    assert "leer.htm" in _reasons(read_folder(tmp_path))


# ---------------------------------------------------------------- encodings and bad files


def test_cp1252_file(tmp_path):
    text = "„Wir helfen der Ukraine“, sagte Merz – es geht um 40 Mio. €. " + GERMAN
    (tmp_path / "alt.txt").write_bytes(text.encode("cp1252"))
    (a,) = read_folder(tmp_path).articles
    assert "„Wir helfen der Ukraine“, sagte Merz – es geht um 40 Mio. €." in a.text
    assert "Präsident" in a.text


def test_latin1_file(tmp_path):
    (tmp_path / "alt.txt").write_bytes(GERMAN.encode("latin-1"))
    (a,) = read_folder(tmp_path).articles
    assert a.text == GERMAN


def test_utf8_bom_and_utf16(tmp_path):
    assert decode(b"\xef\xbb\xbfGr\xc3\xbc\xc3\x9fe") == ("Grüße", "utf-8-sig")
    assert decode("Grüße".encode("utf-16"))[0] == "Grüße"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "Binärdatei"),
        (b"", "leere Datei"),
        (b"  \n\n\t ", "leere Datei"),
        (bytes(range(1, 9)) * 200, "nicht dekodierbar"),
    ],
)
def test_bad_files_are_excluded_and_the_rest_goes_on(tmp_path, data, reason, caplog):
    (tmp_path / "kaputt.txt").write_bytes(data)
    _write(tmp_path, "gut.txt", GERMAN)
    result = read_folder(tmp_path)
    assert [Path(a.path).name for a in result.articles] == ["gut.txt"]
    assert reason in _reasons(result)["kaputt.txt"]
    assert "kaputt.txt" in caplog.text


def test_other_files_listed_hidden_and_folders_ignored(tmp_path):
    _write(tmp_path, "a.txt", GERMAN)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    _write(tmp_path, ".notiz.txt", "versteckt")
    (tmp_path / "archiv").mkdir()
    result = read_folder(tmp_path)
    assert set(_reasons(result)) == {"scan.pdf"}
    assert ".pdf" in _reasons(result)["scan.pdf"]


def test_furniture_only_file_is_excluded(tmp_path):
    _write(tmp_path, "a.txt", GERMAN)
    _write(tmp_path, "b.txt", "Bild\nBildrechte: dpa\nVideobeitrag\nArtikel teilen\n")
    assert "kein Artikeltext" in _reasons(read_folder(tmp_path))["b.txt"]


# ---------------------------------------------------------------- folder errors


def test_missing_folder(tmp_path):
    with pytest.raises(IngestError, match="does not exist"):
        read_folder(tmp_path / "nope")


def test_file_instead_of_folder(tmp_path):
    with pytest.raises(IngestError, match="is not a folder"):
        read_folder(_write(tmp_path, "a.txt", GERMAN))


def test_empty_folder(tmp_path):
    with pytest.raises(IngestError, match="no readable article .* the folder is empty"):
        read_folder(tmp_path)


def test_folder_without_readable_articles(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    with pytest.raises(IngestError, match=r"2 file\(s\) skipped: a.txt: leere Datei"):
        read_folder(tmp_path)


def test_error_message_is_one_line(tmp_path):
    with pytest.raises(IngestError) as info:
        read_folder(tmp_path)
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------- language


@pytest.mark.parametrize(("text", "name"), [(ENGLISH, "Englisch"), (FRENCH, "Französisch")])
def test_foreign_language_excluded(tmp_path, text, name):
    _write(tmp_path, "a.txt", GERMAN)
    _write(tmp_path, "b.txt", text)
    reason = _reasons(read_folder(tmp_path))["b.txt"]
    assert reason.startswith("nicht Deutsch") and name in reason


def test_german_with_english_quote_stays(tmp_path):
    _write(tmp_path, "a.txt", GERMAN + ' Trump schrieb: "We will help them, and it will be great."')
    assert len(read_folder(tmp_path).articles) == 1


def test_short_foreign_text_not_judged(tmp_path):
    _write(tmp_path, "a.txt", "The summit in Paris ended on Thursday evening.")
    assert len(read_folder(tmp_path).articles) == 1


def test_broken_link_is_excluded(tmp_path):
    _write(tmp_path, "a.txt", GERMAN)
    (tmp_path / "weg.txt").symlink_to(tmp_path / "gibt-es-nicht.txt")
    assert _reasons(read_folder(tmp_path))["weg.txt"].startswith("nicht lesbar")


def test_agency_text_without_publisher(tmp_path):
    _write(tmp_path, "a.txt", "Paris (dpa) - " + GERMAN)
    (a,) = read_folder(tmp_path).articles
    assert (a.publisher, a.agency) == ("dpa", ("dpa",))
    assert a.text == GERMAN  # the dateline is not body text
