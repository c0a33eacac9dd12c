"""Look at the output as a person does: PDF pages and email screenshots as PNG.

Used by the slow rendering tests and by ``docs/make_pictures.py``.  Needs the
Debian tools poppler-utils (``pdftoppm``, ``pdfinfo``, ``pdffonts``) and
chromium; Pillow comes with WeasyPrint.  Chromium runs headless with every
network feature off and a throw-away profile.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from briefing.errors import RenderError

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--disable-extensions", "--mute-audio",
    # Draw only a fully laid-out page: a busy machine must not yield a half-painted screenshot.
    "--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000",
)
MIN_WINDOW_WIDTH = 500  # px: headless Chromium lays out no narrower window than this
TALL_FRAME = 20_000  # px; taller than any email, so the frame never needs a vertical scrollbar
TOOL_TIMEOUT = 120  # seconds; a cold chromium start takes a few on a busy 2-core machine


def _run(args: list[str]) -> str:
    if not shutil.which(args[0]):
        raise RenderError(f"{args[0]} is not installed")
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=TOOL_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(f"{Path(args[0]).name} took longer than {TOOL_TIMEOUT} s") from None
    if done.returncode != 0:
        raise RenderError(f"{Path(args[0]).name} failed: {done.stderr.strip().splitlines()[-1:]}")
    return done.stdout


def pdf_pages_to_png(pdf: Path, out_dir: Path, prefix: str = "page", dpi: int = 60) -> list[Path]:
    """Each page of ``pdf`` as ``out_dir/PREFIX-N.png`` (N from 1), in page order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / prefix)])
    pages = sorted(out_dir.glob(f"{prefix}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    # pdftoppm pads page numbers to the width of the page count ("page-01"): normalise.
    normalised = []
    for p in pages:
        target = out_dir / f"{prefix}-{int(p.stem.rsplit('-', 1)[1])}.png"
        if p != target:
            p.replace(target)
        normalised.append(target)
    return normalised


def screenshot(html: Path, png: Path, width: int = 800, height: int = 3000, dark: bool = False) -> Path:
    """A headless Chromium screenshot of the local file ``html`` (``dark``: prefers-color-scheme dark)."""
    scheme = ["--blink-settings=preferredColorScheme=0"] if dark else []  # 0 = dark, 1 = light
    with tempfile.TemporaryDirectory(prefix="briefing-chromium-") as profile:
        _run([
            CHROMIUM, *CHROMIUM_FLAGS, *scheme, f"--user-data-dir={profile}", f"--screenshot={png}",
            f"--window-size={width},{height}", html.resolve().as_uri(),
        ])
    if not png.is_file():
        raise RenderError(f"chromium wrote no screenshot {png}")
    return png


# Runs inside the wrapper page once the email's iframe has loaded; writes what a reader
# would see into <body data-measured="..."> for --dump-dom to carry out.
_MEASURE_SCRIPT = """
document.getElementById('email').addEventListener('load', function () {
  var d = this.contentDocument, root = d.documentElement, widest = '', right = 0;
  d.querySelectorAll('body *').forEach(function (n) {
    var r = n.getBoundingClientRect();
    if (r.right > right) { right = r.right; widest = n.tagName.toLowerCase() + '.' + n.className; }
  });
  function visible(n) {
    var r = n.getBoundingClientRect(), st = d.defaultView.getComputedStyle(n);
    return r.width > 0 && r.height > 0 && st.visibility === 'visible' && st.display !== 'none' && st.opacity !== '0';
  }
  var links = Array.prototype.filter.call(d.querySelectorAll('a[href]'), function (a) {
    return /abbestellen|abmelden/i.test(a.textContent);
  }).map(function (a) { return {href: a.getAttribute('href'), text: a.textContent, visible: visible(a)}; });
  var imprint = d.querySelector('.imprint');
  var box = d.querySelector('.container') || d.body;
  var st = d.defaultView.getComputedStyle(box);
  document.body.setAttribute('data-measured', JSON.stringify({
    scroll_width: root.scrollWidth, client_width: root.clientWidth, right: right, widest: widest,
    unsubscribe: links,
    imprint: imprint ? {text: imprint.innerText, visible: visible(imprint)} : null,
    background: st.backgroundColor, color: st.color
  }));
});
"""


def measure_email(html: str, width: int, dark: bool = False) -> dict:
    """Lay the email out at ``width`` CSS pixels in headless Chromium and report what a reader sees.

    The email is shown in an iframe of exactly ``width`` px (a headless window is at
    least 500 px wide, an iframe is as narrow as we say), so its media queries see a
    phone.  Returns ``scroll_width`` (the page's width: more than ``client_width`` means
    horizontal scrolling), ``widest`` (the element reaching furthest right),
    ``unsubscribe`` (links whose text says "abbestellen", with ``visible``), ``imprint``
    (its text), and the column's computed ``background`` and ``color``.
    """
    import html as html_lib
    import json

    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body { margin: 0 }"
        f" iframe {{ border: 0; width: {int(width)}px; height: {TALL_FRAME}px }}</style></head><body>"
        f'<iframe id="email" srcdoc="{html_lib.escape(html, quote=True)}"></iframe>'
        f"<script>{_MEASURE_SCRIPT}</script></body></html>"
    )
    scheme = ["--blink-settings=preferredColorScheme=0"] if dark else []
    with tempfile.TemporaryDirectory(prefix="briefing-chromium-") as tmp:
        wrapper = Path(tmp) / "measure.html"
        wrapper.write_text(page, encoding="utf-8")
        dom = _run([
            CHROMIUM, *CHROMIUM_FLAGS, *scheme, f"--user-data-dir={tmp}/profile", "--window-size=1000,1000",
            "--dump-dom", wrapper.as_uri(),
        ])
    found = re.search(r'data-measured="([^"]*)"', dom)
    if not found:
        raise RenderError("chromium did not measure the email (no data-measured in the page)")
    return json.loads(html_lib.unescape(found.group(1)))


def screenshot_email(html: str, png: Path, width: int, height: int, dark: bool = False) -> Path:
    """A screenshot of the email ``html`` as a ``width`` × ``height`` px screen shows it.

    Like :func:`measure_email`, the email sits in an iframe of exactly that size, so a
    phone width is a real phone layout (a headless window is at least 500 px wide and
    would otherwise lay the page out wider and crop it).
    """
    import html as html_lib

    from PIL import Image

    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>body { margin: 0 }"
        f" iframe {{ border: 0; display: block; width: {int(width)}px; height: {int(height)}px }}</style></head>"
        f'<body><iframe srcdoc="{html_lib.escape(html, quote=True)}"></iframe></body></html>'
    )
    with tempfile.TemporaryDirectory(prefix="briefing-chromium-") as tmp:
        wrapper = Path(tmp) / "shot.html"
        wrapper.write_text(page, encoding="utf-8")
        screenshot(wrapper, png, width=max(width, MIN_WINDOW_WIDTH), height=height, dark=dark)
    with Image.open(png) as img:
        img.crop((0, 0, width, height)).save(png)
    return png


def pdfinfo(pdf: Path) -> dict[str, str]:
    """``pdfinfo`` fields (Title, Pages, Tagged ...) as a dict."""
    fields = {}
    for line in _run(["pdfinfo", str(pdf)]).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    """One dict per font of ``pdf`` (name, type, emb, sub, uni) from ``pdffonts``."""
    lines = _run(["pdffonts", str(pdf)]).splitlines()[2:]
    fonts = []
    for line in lines:
        parts = re.split(r"\s+", line.strip())
        # name, type words..., encoding, emb, sub, uni, object, id
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return fonts


def pdftotext(pdf: Path, page: int | None = None, layout: bool = True) -> str:
    """The text of ``pdf`` (or one page), with its layout (``layout=False``: in reading order, column by column)."""
    args = ["pdftotext", "-layout"] if layout else ["pdftotext"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return _run([*args, str(pdf), "-"])


def ink_fraction(png: Path, background: tuple[int, int, int] = (255, 255, 255), tolerance: int = 24) -> float:
    """Share of pixels that differ from ``background``: 0.0 is a blank page."""
    from PIL import Image

    with Image.open(png) as img:
        rgb = img.convert("RGB")
        mask = _difference_mask(rgb, background, tolerance)
        histogram = mask.histogram()
    return histogram[255] / (rgb.width * rgb.height)


def content_columns(
    png: Path, background: tuple[int, int, int], tolerance: int = 6, rows: tuple[int, int] | None = None
) -> tuple[int, int]:
    """First and last pixel column that is not ``background`` (the content's horizontal extent).

    ``rows`` (top, bottom) limits the measurement to a band of the picture: headless
    Chromium sometimes leaves the lowest tiles of a tall window unpainted (white).
    """
    from PIL import Image

    with Image.open(png) as img:
        rgb = img.convert("RGB")
        if rows:
            rgb = rgb.crop((0, rows[0], rgb.width, min(rows[1], rgb.height)))
        mask = _difference_mask(rgb, background, tolerance)
    box = mask.getbbox()
    if box is None:
        raise RenderError(f"{png} is blank")
    return box[0], box[2] - 1


def _difference_mask(rgb, background: tuple[int, int, int], tolerance: int):  # noqa: ANN001, ANN202 - PIL types
    from PIL import Image, ImageChops

    diff = ImageChops.difference(rgb, Image.new("RGB", rgb.size, background)).convert("L")
    return diff.point(lambda v: 255 if v > tolerance else 0)
