"""The PDF and the email as a reader gets them (slow: WeasyPrint, poppler, chromium).

PDFs are tested by their properties (pdfinfo, pdffonts, pdftotext, the PDF
objects), pages and screenshots by pixel statistics.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import zlib
from pathlib import Path

import pytest

from briefing.errors import RenderError
from briefing.models import Briefing, SourcedText
from briefing.render import Rendered, preview, render_all, write_all
from briefing.render.environment import shipped_templates
from briefing.render.pdf import render_pdf_html, templates_only_fetcher, write_pdf_bytes
from briefing.render.view import build_view

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
EMAIL_BACKGROUND = (0xEE, 0xF0, 0xF3)  # .outer in templates/email.css
EMAIL_WIDTH = 600


@pytest.fixture(scope="module")
def golden() -> Briefing:
    return Briefing.from_json((GOLDEN / "briefing.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rendered(golden: Briefing) -> Rendered:
    return render_all(golden)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, golden: Briefing) -> Path:
    folder = tmp_path_factory.mktemp("out")
    write_all(golden, folder)
    return folder


def _pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its Flate streams decompressed, to look for catalog entries."""
    parts = [pdf]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


# ------------------------------------------------------------------ files


def test_write_all_writes_every_format_json_first(out: Path, golden: Briefing) -> None:
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["briefing.json", "briefing.html", "briefing.web.html", "briefing.txt", "briefing.pdf"])
    assert Briefing.from_json((out / "briefing.json").read_text(encoding="utf-8")) == golden
    assert not list(out.glob(".*.tmp"))


def test_failed_render_keeps_previous_files(tmp_path: Path, golden: Briefing) -> None:
    import shutil

    write_all(golden, tmp_path / "day")
    before = {p.name: p.read_bytes() for p in (tmp_path / "day").iterdir()}
    own = tmp_path / "tpl"
    shutil.copytree(shipped_templates(), own)
    (own / "pdf.css").write_text("p { colr: red; }\n", encoding="utf-8")  # a WeasyPrint warning
    with pytest.raises(RenderError):
        write_all(golden, tmp_path / "day", templates=str(own))
    assert {p.name: p.read_bytes() for p in (tmp_path / "day").iterdir()} == before


# ------------------------------------------------------------------ PDF properties


def test_pdf_properties(out: Path) -> None:
    info = preview.pdfinfo(out / "briefing.pdf")
    assert info["Tagged"] == "yes"
    assert info["Title"].replace("\u00a0", " ") == "Europäische Perspektive – Donnerstag, 4. September 2025"
    assert info["Creator"] == "briefing 0.1.0"
    assert info["Producer"].startswith("WeasyPrint")
    assert info["CreationDate"].startswith("Thu Sep  4")
    assert "A4" in info["Page size"]
    assert int(info["Pages"]) == 3
    objects = _pdf_objects((out / "briefing.pdf").read_bytes())
    assert b"/Lang (de)" in objects
    assert b"/StructTreeRoot" in objects and b"/MarkInfo" in objects


def test_pdf_fonts_are_ours_and_embedded(out: Path) -> None:
    fonts = preview.pdffonts(out / "briefing.pdf")
    assert fonts, "no fonts"
    assert all(f["emb"] == "yes" for f in fonts), fonts
    assert all(f["uni"] == "yes" for f in fonts), fonts
    assert {re.sub(r"^[A-Z]{6}\+", "", f["name"]) for f in fonts} <= {
        "Briefing-Sans", "Briefing-Sans-Bold", "Briefing-Serif", "Briefing-Serif-Bold", "Briefing-Serif-Italic",
    }


def test_pdf_running_header_and_footer(out: Path) -> None:
    page2 = preview.pdftotext(out / "briefing.pdf", page=2)
    assert re.search(r"Europäische Perspektive\s+Donnerstag, 4\. September 2025", page2)
    assert "Seite 2 von 3" in page2
    page1 = preview.pdftotext(out / "briefing.pdf", page=1)
    assert "Seite 1 von 3" in page1


def test_pdf_bookmarks_and_links(golden: Briefing) -> None:
    import weasyprint

    folder = shipped_templates()
    html = render_pdf_html(build_view(golden), folder)
    doc = weasyprint.HTML(string=html, base_url=folder.as_uri() + "/",
                          url_fetcher=templates_only_fetcher(folder)).render()
    tree = doc.make_bookmark_tree()
    top = [label for label, _target, _children, _state in tree]
    assert top == [
        "26 Länder sagen der Ukraine Sicherheitsgarantien zu",
        "NATO: Russland hat kein Vetorecht über Truppen in der Ukraine",
        "Quellen",
    ]
    assert [c[0] for c in tree[0][2]][:3] == ["Das Wichtigste in Kürze", "Positionen", "Zahlen & Fakten"]
    pdf = doc.write_pdf()
    objects = _pdf_objects(pdf)
    # every [n] is an internal link to its source entry
    assert objects.count(b"/Subtype /Link") >= 30
    assert b"quelle-3" in objects


def test_pdf_text_and_typography(out: Path) -> None:
    text = preview.pdftotext(out / "briefing.pdf")
    flat = re.sub(r"-?\s*\n\s*", " ", text.replace("\u00ad", ""))
    assert "„Ich danke allen für diese wichtige Arbeit“" in flat
    assert "rund 40 Mrd. €" in flat.replace("\u00a0", " ")
    assert re.search(r"Datum\s+unbekannt", preview.pdftotext(out / "briefing.pdf", layout=False))
    assert "Treffen" in text  # no ligature lost its letters


def test_pdf_never_splits_deutschland_wrongly(golden: Briefing, tmp_path: Path) -> None:
    words = ("Deutschland unterstützt Deutschlands Nachbarn; Ostdeutschland und Westdeutschland "
             "diskutieren Sicherheitsgarantien, Luftverteidigungssysteme und Waffenstillstandsverhandlungen. ")
    story = dataclasses.replace(golden.stories[1], summary=(SourcedText(words * 12, ("S3",)),))
    b = dataclasses.replace(golden, stories=(story,))
    pdf = tmp_path / "h.pdf"
    pdf.write_bytes(render_all(b).pdf)
    text = preview.pdftotext(pdf)
    # WeasyPrint draws U+2010 HYPHEN at a soft-hyphen break
    assert len(re.findall("\\w\u2010\n", text)) >= 3, "too few hyphenated words: the test proves nothing"
    assert not re.search("Deut[-\u2010]\\s*\n\\s*sch|Deutsc[-\u2010]\\s*\n|Deu[-\u2010]\\s*\n", text)
    assert re.search("deutsch[-\u2010]\n\\s*land|Ost[-\u2010]\n\\s*deutsch|West[-\u2010]\n\\s*deutsch", text)


def test_untrusted_text_stays_text_in_pdf(tmp_path: Path) -> None:
    from test_render import evil_briefing

    pdf = tmp_path / "evil.pdf"
    pdf.write_bytes(render_all(evil_briefing()).pdf)
    text = re.sub(r"\s+", " ", preview.pdftotext(pdf).replace("\u00ad", ""))
    assert "<script>alert('x')</script><b>fett</b>" in text.replace("- ", "")
    assert "{{ 7*7 }}" in text and "49" not in text


# ------------------------------------------------------------------ closed to the world and warnings


def test_no_weasyprint_warning_for_the_fixture(golden: Briefing, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_all(golden)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


@pytest.mark.parametrize(
    "html",
    [
        '<p>x</p><img src="http://example.com/pixel.png">',
        '<p>x</p><img src="file:///etc/hostname">',
        '<p>x</p><img src="../pyproject.toml">',
        '<style>@import url("https://example.com/a.css");</style><p>x</p>',
        "<style>p { colr: red }</style><p>x</p>",
    ],
)
def test_a_weasyprint_warning_fails_the_render(html: str) -> None:
    with pytest.raises(RenderError, match="warning"):
        write_pdf_bytes(f'<html lang="de"><head><title>t</title></head><body>{html}</body></html>',
                        shipped_templates())


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("fonts/DejaVuSans.ttf", True),
        ("pdf.css", True),
        ("../pyproject.toml", False),
        ("fonts/../../pyproject.toml", False),
        ("/etc/passwd", False),
        ("http://example.com/x.css", False),
        ("https://127.0.0.1/x.css", False),
        ("data:text/css,p{}", False),
        ("file://otherhost/etc/passwd", False),
        ("fonts/missing.ttf", False),
    ],
)
def test_fetcher_serves_only_files_inside_templates(url: str, allowed: bool) -> None:
    from urllib.parse import urljoin

    folder = shipped_templates()
    fetcher = templates_only_fetcher(folder)
    absolute = urljoin(folder.as_uri() + "/", url)
    if allowed:
        assert fetcher.fetch(absolute).read()
    else:
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(absolute)


# ------------------------------------------------------------------ seen as a person sees it


def test_pdf_pages_are_not_blank(out: Path, tmp_path: Path) -> None:
    pages = preview.pdf_pages_to_png(out / "briefing.pdf", tmp_path, dpi=40)
    assert len(pages) == int(preview.pdfinfo(out / "briefing.pdf")["Pages"]) == 3
    for page in pages:
        assert preview.ink_fraction(page) > 0.01, page
    # the first page is full, the last one only partly
    assert preview.ink_fraction(pages[0]) > preview.ink_fraction(pages[-1])


def test_email_screenshot_is_one_column_of_600_px(out: Path, tmp_path: Path) -> None:
    png = preview.screenshot(out / "briefing.html", tmp_path / "email.png", width=1000, height=1400)
    # the top 1000 rows: Chromium may leave the bottom of a tall window unpainted
    left, right = preview.content_columns(png, EMAIL_BACKGROUND, rows=(0, 1000))
    assert right - left + 1 <= EMAIL_WIDTH
    assert right - left + 1 >= EMAIL_WIDTH - 20  # the column is really used
    assert abs((left + right) / 2 - 500) <= 20  # centred
    assert preview.ink_fraction(png, EMAIL_BACKGROUND, tolerance=6) > 0.3  # the white column


def test_email_screenshot_on_a_phone_has_no_horizontal_overflow(out: Path, tmp_path: Path) -> None:
    # in a frame of exactly 375 px: a headless window lays out at least 500 px and would hide an overflow
    html = (out / "briefing.html").read_text(encoding="utf-8")
    png = preview.screenshot_email(html, tmp_path / "phone.png", width=375, height=900)
    from PIL import Image

    with Image.open(png) as img:
        assert img.width == 375
    left, right = preview.content_columns(png, EMAIL_BACKGROUND, rows=(0, 600))
    assert left <= 2 and right >= 372  # the white column fills the narrow screen


def test_cli_render_with_own_templates(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from briefing.cli import main

    own = tmp_path / "tpl"
    shutil.copytree(shipped_templates(), own)
    (own / "partials" / "refs.html").write_text(
        '{% macro refs(items) %}{% for r in items %}<sup class="mine">{{ r.number }}</sup>{% endfor %}{% endmacro %}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["render", str(GOLDEN / "briefing.json"), "--out", str(tmp_path / "out"), "--templates", str(own)]
    )
    assert result.exit_code == 0, result.output
    paths = [Path(line) for line in result.output.split()]
    assert [p.name for p in paths] == ["briefing.json", "briefing.html", "briefing.web.html", "briefing.txt",
                                       "briefing.pdf"]
    assert '<sup class="mine"' in paths[1].read_text(encoding="utf-8")
    assert paths[4].read_bytes().startswith(b"%PDF-")


def test_cli_render_unwritable_out_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefing.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["render", str(GOLDEN / "briefing.json"), "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write") and result.output.count("\n") == 1


def test_empty_briefing_pdf(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        paths = write_all(Briefing(date="2025-09-04", title="Europäische Perspektive"), tmp_path)
    assert int(preview.pdfinfo(paths[-1])["Pages"]) == 1


def test_email_dark_mode_survives_inlining(out: Path, tmp_path: Path) -> None:
    from PIL import Image

    png = preview.screenshot(out / "briefing.html", tmp_path / "dark.png", width=1000, height=900, dark=True)
    dark = (0x15, 0x19, 0x1E)  # @media (prefers-color-scheme: dark) in templates/email.css
    with Image.open(png) as img:
        rgb = img.convert("RGB")
        assert rgb.getpixel((10, 10)) == dark  # outside the column
        assert rgb.getpixel((210, 450)) == dark  # the column's left padding (column starts at x=200)
    assert preview.ink_fraction(png, dark, tolerance=6) > 0.02  # light text on the dark column
