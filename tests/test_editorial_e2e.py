"""End to end, as an editor reads it: a day of unrelated articles, and the reference day against the key.

The test day is made of German WikiNews articles from the quotation dev set (``tests/data/quotes/dev.jsonl``,
CC BY-NC-SA 4.0, see its README): seven articles on unrelated events, each written as a ``.txt`` file with
its title and a dateline, built through the real CLI.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "quotes" / "dev.jsonl"
SHARED = ROOT.parent / "shared"
DAY = "2007-03-12"
DATELINE = "Montag, 12. März 2007"
# Unrelated events: airline management, police union, whaling, a parliament vote, a ceasefire, a waste
# scandal (its title is a question), a speech on climate.
ARTICLE_IDS = ("33687", "17905", "34005", "38693", "31406", "34359", "45056")
# Words that point at a sentence the reader does not see (the editor's list, not the implementation's).
DANGLING = ("Er ", "Sie ", "Man ", "Wir ", "Zudem", "Demnach", "Daher", "Dies ", "Diese ", "Dieser ", "Dabei ",
            "Außerdem", "Damit ", "Danach ", "Deshalb ", "Dort ")

pytestmark = pytest.mark.slow


def _title(raw: str) -> str:
    m = re.match(r"^\d+ - (.*) \(\d{4}-\d\d-\d\d\)$", raw)
    assert m, raw
    return m.group(1)


@pytest.fixture(scope="module")
def test_day(tmp_path_factory):
    rows = {d["id"]: d for d in map(json.loads, DEV.read_text(encoding="utf-8").splitlines())}
    src = tmp_path_factory.mktemp("sources")
    titles = {}
    for n, aid in enumerate(ARTICLE_IDS):
        d = rows[aid]
        titles[f"{n:02d}_{aid}.txt"] = _title(d["title"])
        (src / f"{n:02d}_{aid}.txt").write_text(f"{_title(d['title'])}\n{DATELINE}\n\n{d['text']}\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", "--date", DAY, "--sources", str(src), "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads((out / DAY / "briefing.json").read_text(encoding="utf-8")), titles


def test_one_story_per_event_headed_by_its_own_title(test_day):
    b, titles = test_day
    assert len(b["stories"]) == len(ARTICLE_IDS)
    path_of = {s["id"]: Path(s["path"]).name for s in b["sources"]}
    for st in b["stories"]:
        assert len(st["sources"]) == 1
        assert st["headline"] == titles[path_of[st["sources"][0]]]
    assert any(st["headline"].endswith("?") for st in b["stories"]), "a question title stays the headline"


def test_no_empty_or_say_nothing_stance_cells(test_day):
    b, _ = test_day
    for st in b["stories"]:
        for cell in st.get("matrix") or []:
            assert cell["stance"] and cell["stance"] != "states" and cell["text"].strip()
        for p in st["positions"]:
            assert p["text"].strip() and p["sources"]


def test_no_statement_starts_with_an_unresolved_pointer(test_day):
    b, _ = test_day
    for st in b["stories"]:
        shown = [s["text"] for s in st["summary"]] + [p["text"] for p in st["positions"]] + [
            o["text"] for o in st["outlook"]]
        dangling = [t for t in shown if t.startswith(DANGLING)]
        assert not dangling, dangling
        for s in st["summary"]:
            assert re.search(r"[.!?“\"»)]\s*$", s["text"]), s["text"]


@pytest.mark.skipif(not (SHARED / "acceptance").is_dir(), reason="../shared/acceptance not beside the repo")
def test_reference_day_passes_the_editors_key_strictly(tmp_path):
    """The editor's key on the reference day, editorial part included (``--strict``): every check passes."""
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--date", "2025-09-04", "--sources", str(ROOT / "seeds"),
                                       "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    day = out / "2025-09-04"
    key = SHARED / "acceptance"
    run = subprocess.run(
        [sys.executable, str(key / "check_briefing.py"), str(key / "2025-09-04.json"), str(day / "briefing.json"),
         "--html", str(day / "briefing.html"), "--strict"],
        capture_output=True, text=True, check=False,
    )
    misses = [line for line in run.stdout.splitlines() if line.startswith("miss:")]
    assert not misses, misses
    assert run.returncode == 0, run.stdout
    assert re.search(r"score: (\d+)/\1 checks passed", run.stdout), run.stdout
