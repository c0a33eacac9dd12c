"""Reference output: tests/golden/briefing.json must render to email.html and email.txt byte for byte.

Regenerate after an intended change with ``sh tests/golden/regenerate.sh`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.models import Briefing
from briefing.render import email, text, view
from briefing.render.environment import shipped_templates

GOLDEN = Path(__file__).parent / "golden"
HINT = "rendering changed: if intended, run `sh tests/golden/regenerate.sh` and review `git diff tests/golden`"


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return Briefing.from_json((GOLDEN / "briefing.json").read_text(encoding="utf-8"))


def test_fixture_round_trips(briefing: Briefing) -> None:
    assert Briefing.from_json(briefing.to_json()) == briefing


def test_email_html_matches_golden(briefing: Briefing) -> None:
    html, _ = email.render_email(briefing, shipped_templates())
    assert html.encode("utf-8") == (GOLDEN / "email.html").read_bytes(), HINT


def test_email_txt_matches_golden(briefing: Briefing) -> None:
    out = text.render_text(view.build_view(briefing))
    assert out.encode("utf-8") == (GOLDEN / "email.txt").read_bytes(), HINT
