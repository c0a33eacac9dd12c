"""The PDF (briefing.pdf) with WeasyPrint, closed to the world.

* ``base_url`` is the templates folder and :class:`TemplatesOnlyFetcher` serves
  only files inside it: no network, no file elsewhere on the machine, whatever
  a template or an article says. The one exception is the exact font files
  that ``pdf.css`` names with ``local()`` (found by fontconfig).
* Any warning WeasyPrint logs (a refused URL, an unknown CSS property, a
  missing font) fails the render: a PDF that silently lost its fonts or styles
  must not be sent. The exception is a single glyph no font has (``.notdef``):
  it is logged, not fatal (see :mod:`briefing.render.fonts`).
* Tagged PDF/UA-1 (structure tags, language, title) for screen readers.
* WeasyPrint is imported here, lazily: it costs about a second, and commands
  that write no PDF should not pay it.
* The evidence bundle (:mod:`briefing.render.evidence`) is embedded as file
  attachments, dated the briefing's day so the same briefing gives the same PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from briefing.errors import RenderError
from briefing.render.environment import render_template
from briefing.render.evidence import EvidenceFile
from briefing.render.fonts import local_font_files
from briefing.render.view import BriefingView

PDF_VARIANT = "pdf/ua-1"  # tagged PDF with the accessibility metadata WeasyPrint knows how to write
WEASYPRINT_LOGGER = "weasyprint"
NOTDEF_WARNING = ".notdef glyph rendered"


def render_pdf_html(view: BriefingView, folder: Path) -> str:
    """The HTML WeasyPrint lays out (soft hyphens included)."""
    return render_template(folder, "pdf.html", b=view, hyphenate=True, print_layout=True)


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplatesOnlyFetcher(URLFetcher):
        """Serve ``file:`` URLs inside ``root``; refuse everything else."""

        def __init__(self, root: Path, font_files: frozenset[Path] = frozenset()) -> None:
            super().__init__(allowed_protocols={"file"}, allow_redirects=False)
            self.root = root.resolve()
            self.font_files = frozenset(p.resolve() for p in font_files)  # system fonts pdf.css names by local()

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise ValueError(f"refused {url}: only files inside the templates folder may be used")
            path = Path(unquote(parts.path)).resolve()
            if not (path.is_relative_to(self.root) or path in self.font_files) or not path.is_file():
                raise ValueError(f"refused {url}: not a file inside {self.root}")
            return URLFetcherResponse(path.as_uri(), path.read_bytes())

    return TemplatesOnlyFetcher


def templates_only_fetcher(root: Path, font_files: frozenset[Path] = frozenset()) -> Any:
    """A WeasyPrint URL fetcher that serves only files inside ``root`` (and exactly ``font_files``)."""
    return _fetcher_class()(root, font_files)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _attachments(files: Sequence[EvidenceFile], day: str | None) -> list[Any]:
    import weasyprint

    try:
        stamp = datetime.fromisoformat(day).replace(tzinfo=UTC) if day else None
    except ValueError:
        stamp = None
    stamp = stamp or datetime(2000, 1, 1, tzinfo=UTC)  # fixed: the PDF must not depend on the clock
    return [
        weasyprint.Attachment(string=f.data, name=f.name, description=f.description, created=stamp, modified=stamp,
                              relationship="Supplement")
        for f in files
    ]


def write_pdf_bytes(html: str, folder: Path, attachments: Sequence[EvidenceFile] = (), day: str | None = None) -> bytes:
    """Lay out ``html`` (resources from ``folder`` only) and return the PDF bytes.

    ``attachments`` are embedded as PDF file attachments dated ``day`` (ISO).

    Raises:
        RenderError: WeasyPrint failed or logged a warning.
    """
    import weasyprint

    collect = _Collect()
    logger = logging.getLogger(WEASYPRINT_LOGGER)
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(
            string=html,
            base_url=folder.as_uri() + "/",
            url_fetcher=templates_only_fetcher(folder, local_font_files(folder / "pdf.css")),
            media_type="print",
        )
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT, attachments=_attachments(attachments, day))
    except Exception as e:  # WeasyPrint raises many kinds; all mean "no PDF"
        raise RenderError(f"PDF rendering failed: {type(e).__name__}: {e}") from None
    finally:
        logger.removeHandler(collect)
    # A glyph no font has is drawn as a box and reported, never fatal: briefing.render.fonts
    # replaces such characters beforehand, so this is only a safety net for the rare rest.
    boxes = [m for m in collect.messages if m.startswith(NOTDEF_WARNING)]
    for message in boxes:
        logging.getLogger(__name__).warning("PDF: %s", message.splitlines()[0])
    fatal = [m for m in collect.messages if not m.startswith(NOTDEF_WARNING)]
    if fatal:
        first = fatal[0].splitlines()[0]
        more = f" (and {len(fatal) - 1} more)" if len(fatal) > 1 else ""
        raise RenderError(f"PDF rendering logged a warning: {first}{more}")
    return pdf
