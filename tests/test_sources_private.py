"""No output that leaves the machine shows a source's file name or path.

Every file ``briefing build`` writes for readers (HTML email, web page, plain text, the PDF's
text via pdftotext) and every message ``briefing send --dry-run`` writes is searched for the
source files' names (with and without suffix) and their folder.  ``briefing.json`` keeps
``path`` (the public JSON contract) and is not searched.
"""

from __future__ import annotations

import email
import email.policy
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from briefing.deliver import send_day, store
from briefing.pipeline import build_day
from briefing.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DAY = date(2025, 9, 4)


def _texts_of_eml(path: Path) -> list[str]:
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    out = [str(v) for _k, v in msg.items()]
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            out.append(part.get_content())
    return out


@pytest.mark.slow
def test_no_output_shows_a_source_file_name_or_path(tmp_path: Path):
    sources = tmp_path / "quellen-ordner"
    shutil.copytree(SEEDS, sources)
    settings = Settings(sources=str(sources), out=str(tmp_path / "out"), db=str(tmp_path / "db.sqlite"),
                        unsubscribe_url="https://example.org/abmelden/{token}")
    result = build_day(settings, DAY)
    store.add_subscriber(settings.db, "leser@example.org", None)
    send_day(settings, DAY, dry_run=tmp_path / "preview")

    out = tmp_path / "out" / DAY.isoformat()
    texts: dict[str, str] = {}
    for name in ("briefing.html", "briefing.web.html", "briefing.txt"):
        texts[name] = (out / name).read_text(encoding="utf-8")
    if shutil.which("pdftotext"):
        texts["briefing.pdf"] = subprocess.run(
            ["pdftotext", str(out / "briefing.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    emls = sorted((tmp_path / "preview").glob("*.eml"))
    assert emls
    for eml in emls:
        texts[eml.name] = "\n".join(_texts_of_eml(eml))

    needles = {str(sources), sources.name}
    for s in result.briefing.sources:
        assert s.path
        needles |= {Path(s.path).name, Path(s.path).stem}
    for e in result.briefing.excluded_sources:
        needles |= {Path(e.path).name, Path(e.path).stem}
    shown = {(name, needle) for name, text in texts.items() for needle in needles if needle in text}
    assert not shown, f"file names or paths shown to readers: {sorted(shown)}"
