"""PDF fonts (issue 13): any script a German news article may carry is drawn or replaced, never fatal.

Slow: WeasyPrint, poppler and (in the end-to-end case) the whole build.
"""

from __future__ import annotations

import dataclasses
import logging
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.models import Briefing
from briefing.render import fonts, render_all
from briefing.render.environment import shipped_templates

pytestmark = pytest.mark.slow

GOLDEN = Path(__file__).parent / "golden"
CSS = shipped_templates() / "pdf.css"
# Not in any font pdf.css names (Phoenician, a musical symbol): must be replaced.
NO_FONT = "\U00010900\U0001d11e"


def _briefing(title: str, headline_extra: str = "", path: str = "/quellen/a.txt") -> Briefing:
    b = Briefing.from_json((GOLDEN / "briefing.json").read_text(encoding="utf-8"))
    first = dataclasses.replace(b.sources[0], title=title, path=path)
    story = dataclasses.replace(b.stories[0], headline=b.stories[0].headline + headline_extra)
    return dataclasses.replace(b, sources=(first, *b.sources[1:]), stories=(story, *b.stories[1:]))


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode()


def _pdf_fonts(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "f.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout


def test_fonts_install_sh_installs_cover_chinese_arabic_hebrew_and_emoji() -> None:
    cmap = fonts.coverage(CSS)
    for char in "习近平Ελλάδαשלוםمرحباनमस्ते🙂🇩":
        assert ord(char) in cmap, f"{char} U+{ord(char):04X}: run install.sh (fonts-noto-*)"
    assert not {ord(c) for c in NO_FONT} & cmap


def test_the_emoji_font_covers_only_its_unicode_range() -> None:
    # Listed plainly, Noto Color Emoji would draw digits and spaces too (it has them for keycaps).
    emoji = fonts._cmap(*fonts._system_font("Noto Color Emoji"))
    assert ord("1") in emoji
    assert fonts._unicode_range("U+0-7F, U+4??, U+1F600") == set(range(0x80)) | set(range(0x400, 0x500)) | {0x1F600}


def test_chinese_name_and_emoji_are_drawn_not_fatal(tmp_path: Path, caplog) -> None:
    b = _briefing("Xi Jinping (习近平) trifft Delegation 🙂", " 🇩🇪")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        rendered = render_all(b)
    text = _pdf_text(rendered.pdf, tmp_path)
    assert "习近平" in text
    assert "Noto-Sans-CJK-SC" in _pdf_fonts(rendered.pdf, tmp_path) or "Noto-Serif-CJK-SC" in _pdf_fonts(
        rendered.pdf, tmp_path
    )
    assert "Noto-Color-Emoji" in _pdf_fonts(rendered.pdf, tmp_path)
    assert not [r for r in caplog.records if "no PDF font has" in r.getMessage()]
    # Digits stay in the text font (the emoji font would take them if it were listed without a range).
    assert "Briefing-Sans" in _pdf_fonts(rendered.pdf, tmp_path)
    assert "习近平" in rendered.email_html and "🙂" in rendered.email_html


@pytest.mark.parametrize(
    "char",
    [
        "\U0001fae9",  # an emoji newer than the installed emoji font: no font on the machine has it (was fatal)
        "\U00010900",  # Phoenician: a system font has it, but not one pdf.css names (was machine-dependent)
    ],
)
def test_a_character_no_font_has_is_replaced_and_reported_with_the_article(tmp_path: Path, caplog, char) -> None:
    b = _briefing(f"Inschrift {char} aus Byblos", path="/quellen/习近平-bericht.txt")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        rendered = render_all(b)
    assert rendered.pdf.startswith(b"%PDF-")
    warnings = [r.getMessage() for r in caplog.records if "no PDF font has" in r.getMessage()]
    assert warnings == [
        f"习近平-bericht.txt: no PDF font has {char} (U+{ord(char):04X}); "
        "shown as \ufffd in the PDF (the email keeps it)"
    ]
    text = _pdf_text(rendered.pdf, tmp_path)
    assert "\ufffd" in text and char not in text
    assert char in rendered.email_html  # only the PDF lacks a font for it


def test_cover_leaves_markup_and_drawable_text_alone() -> None:
    b = _briefing("x")
    html = f'<p title="{NO_FONT}">Grüße 习 🙂&amp; {NO_FONT[1]}\u200d\ufe0f</p>'
    covered, warnings = fonts.cover(html, b, CSS)
    assert covered == f'<p title="{NO_FONT}">Grüße 习 🙂&amp; \ufffd\u200d\ufe0f</p>'
    assert warnings and "U+1D11E" in warnings[0]


def test_build_of_an_article_with_a_chinese_name_an_emoji_and_a_cjk_file_name(tmp_path: Path) -> None:
    sources = tmp_path / "quellen"
    sources.mkdir()
    (sources / "习近平-besuch.txt").write_text(
        " date 2025-09-04 "
        "Chinas Staatschef Xi Jinping (习近平) hat am Donnerstag in Berlin Bundeskanzler Friedrich Merz "
        "getroffen 🤝. „Wir wollen die Zusammenarbeit vertiefen“, sagte Merz nach dem Treffen. Die beiden "
        "Regierungen vereinbarten neue Gespräche über Handel und Klimaschutz im kommenden Jahr. 🇨🇳🇩🇪\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", "--date", "2025-09-04", "--sources", str(sources), "--out", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    pdf = (out / "2025-09-04" / "briefing.pdf").read_bytes()
    text = _pdf_text(pdf, tmp_path)
    assert "习近平" in text
