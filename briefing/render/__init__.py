"""Render stage: Briefing -> briefing.json, .html (email), .web.html, .txt, .pdf.

Everything is rendered in memory first and written only when all formats
succeeded, each file atomically (:func:`briefing.fileio.atomic_write`), so a
failed or killed build leaves the previous day's files intact, never a
half-written PDF.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.fileio import atomic_write
from briefing.models import Briefing
from briefing.output import FILE_NAMES, check_writable
from briefing.render import fonts
from briefing.render.email import render_email
from briefing.render.environment import render_template, templates_folder
from briefing.render.evidence import evidence_files
from briefing.render.pdf import render_pdf_html, write_pdf_bytes
from briefing.render.text import render_text
from briefing.render.view import FULL, build_view

log = logging.getLogger(__name__)

__all__ = ["Rendered", "check_writable", "render_all", "write_all", "FILE_NAMES"]


@dataclass(frozen=True)
class Rendered:
    """All formats of one briefing, in memory."""

    json: str
    email_html: str
    web_html: str
    text: str
    pdf: bytes

    def files(self) -> dict[str, str | bytes]:
        """File name -> content, in :data:`FILE_NAMES` order."""
        return dict(zip(FILE_NAMES, (self.json, self.email_html, self.web_html, self.text, self.pdf), strict=True))


def render_all(briefing: Briefing, templates: str | Path | None = None) -> Rendered:
    """Render every format of ``briefing`` in memory.

    Args:
        briefing: the assembled briefing.
        templates: a folder with the user's own copy of the templates; None uses the shipped ones.
    """
    t0 = time.perf_counter()
    folder = templates_folder(templates)
    full = build_view(briefing, FULL)
    email_html, email_view = render_email(briefing, folder)
    if email_view.omitted.any:
        log.info("email shortened to stay below Gmail's clipping size: %s", email_view.cut_note)
    web_html = render_template(folder, "web.html", b=full, hyphenate=False)
    plain = render_text(full)
    t1 = time.perf_counter()
    pdf_html, font_warnings = fonts.cover(render_pdf_html(full, folder), briefing, folder / "pdf.css")
    for warning in font_warnings:
        log.warning("%s", warning)
    pdf = write_pdf_bytes(pdf_html, folder, evidence_files(briefing), briefing.date)
    log.info(
        "rendered from %s: email %.1f KB, text and web in %.2f s, PDF %.1f KB in %.2f s",
        folder, len(email_html.encode()) / 1024, t1 - t0, len(pdf) / 1024, time.perf_counter() - t1,
    )
    return Rendered(json=briefing.to_json(), email_html=email_html, web_html=web_html, text=plain, pdf=pdf)


def write_all(briefing: Briefing, out_dir: Path, templates: str | None = None) -> list[Path]:
    """Render ``briefing`` and write all files into ``out_dir``; return their paths, json first."""
    check_writable(Path(out_dir))  # cheap; the PDF is not
    rendered = render_all(briefing, templates)
    return [atomic_write(Path(out_dir) / name, data) for name, data in rendered.files().items()]
