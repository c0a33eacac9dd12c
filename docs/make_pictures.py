"""Regenerate the pictures in docs/: the email as a screenshot, the PDF pages as PNG.

    python docs/make_pictures.py                      # from tests/golden/briefing.json
    python docs/make_pictures.py out/2025-09-04       # from a built day (briefing.html + briefing.pdf)

Writes docs/email.png (desktop, 800 px wide, cropped to the content),
docs/email-phone.png (375 px wide, first screen) and docs/pdf-page1.png ...
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
DESKTOP_WIDTH, PHONE_WIDTH, PHONE_HEIGHT = 800, 375, 800
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
        preview.screenshot(folder / "briefing.html", DOCS / "email.png", width=DESKTOP_WIDTH, height=TALL)
        _crop_to_content(DOCS / "email.png")
        preview.screenshot(folder / "briefing.html", DOCS / "email-phone.png", width=PHONE_WIDTH, height=PHONE_HEIGHT)
        pages = []
        for n, png in enumerate(preview.pdf_pages_to_png(folder / "briefing.pdf", tmp / "pages", dpi=PDF_DPI), 1):
            pages.append(png.replace(DOCS / f"pdf-page{n}.png"))
    for path in [DOCS / "email.png", DOCS / "email-phone.png", *pages]:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
