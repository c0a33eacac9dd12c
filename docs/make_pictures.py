"""Regenerate the pictures in docs/: the email as a screenshot, the PDF pages as PNG.

    python docs/make_pictures.py                      # from tests/golden/briefing.json
    python docs/make_pictures.py out/2025-09-04       # from a built day (briefing.html + briefing.pdf)

Writes docs/email.png (desktop, 800 px wide, cropped to the content),
docs/email-phone.png (a 380 px phone, first screen), docs/email-phone-dark.png
(the same in dark mode), docs/email-phone-positions.png (the phone further down:
the country × issue list and the figures) and docs/pdf-page1.png ...
The email is shown as a subscriber gets it: the footer filled by
deliver/message.py with an example imprint and unsubscribe link.
Needs chromium and poppler-utils (see briefing/render/preview.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
EMAIL_BACKGROUND = (0xEE, 0xF0, 0xF3)  # .outer in templates/email.css
DESKTOP_WIDTH, PHONE_WIDTH, PHONE_HEIGHT = 800, 380, 800
# Where the phone picture further down starts: at the positions' overview (matrix as a list).
POSITIONS_ANCHOR = 'class="matrix-narrow"'
EXAMPLE_IMPRINT = (
    "Beispiel Medien GmbH\nMusterstraße 1, 80331 München\nVerantwortlich nach § 18 Abs. 2 MStV: Erika Mustermann"
)
TALL = 12_000  # taller than any email we send; the screenshot is cropped afterwards
BOTTOM_MARGIN = 24
PALETTE_COLORS = 96
PDF_DPI = 70  # readable in a README, ~150 KB per page


def _crop_to_content(png: Path) -> None:
    from PIL import Image, ImageChops

    with Image.open(png) as img:
        rgb = img.convert("RGB")
    diff = ImageChops.difference(rgb, Image.new("RGB", rgb.size, EMAIL_BACKGROUND)).convert("L")
    box = diff.point(lambda v: 255 if v > 6 else 0).getbbox()
    if box:
        rgb = rgb.crop((0, 0, rgb.width, min(rgb.height, box[3] + BOTTOM_MARGIN)))
    # A palette keeps text crisp at a quarter of the bytes of full colour.
    rgb.quantize(colors=PALETTE_COLORS).save(png, optimize=True)


def _quantize(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as img:
        rgb = img.convert("RGB")
    rgb.quantize(colors=PALETTE_COLORS).save(png, optimize=True)


def _as_mailed(folder: Path) -> str:
    """The HTML part of the day's message to an example subscriber (footer filled)."""
    import email
    import email.policy
    from datetime import date

    from briefing.deliver.message import MessageFactory
    from briefing.deliver.store import Edition, Subscriber

    read = {name: (folder / f"briefing.{name}").read_bytes() for name in ("json", "html", "txt", "pdf")}
    day = date.fromisoformat(folder.name) if folder.name[:4].isdigit() else date(2025, 9, 4)
    edition = Edition(day=day.isoformat(), frozen_at=f"{day.isoformat()}T05:00:00+00:00", briefing_json=read["json"],
                      html=read["html"], txt=read["txt"], pdf=read["pdf"], sha256="0" * 64)
    factory = MessageFactory(edition, day, from_addr="Europäische Perspektive <briefing@example.org>",
                             list_id="Europaeische Perspektive <ep.example.org>",
                             unsubscribe_url="https://example.org/abbestellen/{token}", unsubscribe_mailto=None,
                             title="Europäische Perspektive", imprint=EXAMPLE_IMPRINT)
    data = factory.build(Subscriber(1, "leserin@example.org", None, "B" * 43)).data
    msg = email.message_from_bytes(data, policy=email.policy.default)
    return next(p.get_content() for p in msg.walk() if p.get_content_type() == "text/html")


def main(argv: list[str]) -> int:
    from briefing.models import Briefing
    from briefing.render import preview, write_all

    with tempfile.TemporaryDirectory(prefix="briefing-pictures-") as tmp_name:
        tmp = Path(tmp_name)
        given = Path(argv[0]) if argv else ROOT / "tests" / "golden" / "briefing.json"
        if given.is_dir():
            folder = given
        else:
            folder = tmp / "out"
            write_all(Briefing.from_json(given.read_text(encoding="utf-8")), folder)
        for old in DOCS.glob("pdf-page*.png"):
            old.unlink()
        html = _as_mailed(folder)
        preview.screenshot_email(html, DOCS / "email.png", width=DESKTOP_WIDTH, height=TALL)
        _crop_to_content(DOCS / "email.png")
        preview.screenshot_email(html, DOCS / "email-phone.png", width=PHONE_WIDTH, height=PHONE_HEIGHT)
        preview.screenshot_email(html, DOCS / "email-phone-dark.png", width=PHONE_WIDTH, height=PHONE_HEIGHT,
                                 dark=True)
        # further down on the phone: start the page at the positions' overview
        start = html.find(POSITIONS_ANCHOR)
        if start >= 0:
            marked = html[:start] + 'id="hier" ' + html[start:]
            scrolled = marked.replace("</body>", "<script>document.getElementById('hier').scrollIntoView()</script>"
                                      "</body>", 1)
            preview.screenshot_email(scrolled, DOCS / "email-phone-positions.png", width=PHONE_WIDTH,
                                     height=PHONE_HEIGHT)
        for png in DOCS.glob("email*.png"):
            _quantize(png)
        pages = []
        for n, png in enumerate(preview.pdf_pages_to_png(folder / "briefing.pdf", tmp / "pages", dpi=PDF_DPI), 1):
            pages.append(png.replace(DOCS / f"pdf-page{n}.png"))
    for path in [*sorted(DOCS.glob("email*.png")), *pages]:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
