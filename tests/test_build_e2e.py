"""End to end: `briefing build` on the reference day and on bad input, through the real CLI."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
DAY = "2025-09-04"

pytestmark = pytest.mark.slow


def build(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["build", *args], env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def reference_day(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = build("--date", DAY, "--sources", str(SEEDS), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out / DAY


def test_build_writes_the_four_files(reference_day):
    for name in ("briefing.json", "briefing.html", "briefing.txt", "briefing.pdf"):
        path = reference_day / name
        assert path.is_file() and path.stat().st_size > 500, name
    assert (reference_day / "briefing.pdf").read_bytes().startswith(b"%PDF-")
    assert not list(reference_day.glob("*.tmp")), "temporary files left behind"


def test_reference_day_json_contract(reference_day):
    b = json.loads((reference_day / "briefing.json").read_text(encoding="utf-8"))
    assert b["date"] == DAY and b["title"]
    used = {Path(s["path"]).stem for s in b["sources"]}
    assert used == {"000_f52fc81975fd1a73", "001_b8a8f14ce05327aa", "003_696e33ab7f94c894", "004_7207ac820dfab686"}
    assert [Path(s["path"]).stem for s in b["excluded_sources"]] == ["002_bbcfefe2b262d2fe"]
    undated = [s for s in b["sources"] if s["date"] is None]
    assert [Path(s["path"]).stem for s in undated] == ["003_696e33ab7f94c894"]
    story = b["stories"][0]
    for key in ("headline", "summary", "actors", "positions", "figures", "quotes", "outlook"):
        assert key in story
    ids = {s["id"] for s in b["sources"]}
    for section in ("summary", "positions", "figures", "quotes", "outlook", "actors"):
        for item in story[section]:
            assert item["sources"] and set(item["sources"]) <= ids, (section, item)


@pytest.mark.skipif(not (SHARED / "acceptance").is_dir(), reason="../shared/acceptance not beside the repo")
def test_reference_day_passes_the_editors_key(reference_day):
    proc = subprocess.run(
        [sys.executable, str(SHARED / "acceptance" / "check_briefing.py"), str(SHARED / "acceptance" / f"{DAY}.json"),
         str(reference_day / "briefing.json"), "--html", str(reference_day / "briefing.html")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stdout


def test_same_inputs_same_json(reference_day, tmp_path):
    result = build("-q", "--date", DAY, "--sources", str(SEEDS), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output == ""  # -q: nothing on success
    assert (tmp_path / DAY / "briefing.json").read_bytes() == (reference_day / "briefing.json").read_bytes()


def test_undated_exclude(tmp_path):
    result = build("--date", DAY, "--sources", str(SEEDS), "--out", str(tmp_path), "--undated", "exclude")
    assert result.exit_code == 0, result.output
    b = json.loads((tmp_path / DAY / "briefing.json").read_text(encoding="utf-8"))
    assert "003_696e33ab7f94c894" in {Path(s["path"]).stem for s in b["excluded_sources"]}
    assert "003_696e33ab7f94c894" not in {Path(s["path"]).stem for s in b["sources"]}


def test_bad_files_are_skipped_and_the_build_goes_on(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 40)
    out = tmp_path / "out"
    result = build("--date", DAY, "--sources", str(src), "--out", str(out))
    assert result.exit_code == 0, result.output
    b = json.loads((out / DAY / "briefing.json").read_text(encoding="utf-8"))
    excluded = {Path(s["path"]).name: s["reason"] for s in b["excluded_sources"]}
    assert "empty.txt" in excluded and "binary.txt" in excluded
    assert all(reason.strip() for reason in excluded.values())


def _one_line_error(result):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.output
    return lines[0]


def test_missing_sources_folder(tmp_path):
    msg = _one_line_error(build("--date", DAY, "--sources", str(tmp_path / "nope"), "--out", str(tmp_path)))
    assert "nope" in msg


def test_empty_sources_folder(tmp_path):
    (tmp_path / "src").mkdir()
    _one_line_error(build("--date", DAY, "--sources", str(tmp_path / "src"), "--out", str(tmp_path / "o")))


def test_no_article_for_the_date_names_the_dates_there_are(tmp_path):
    msg = _one_line_error(build("--date", "2025-09-05", "--sources", str(SEEDS), "--out", str(tmp_path)))
    assert "2025-09-04" in msg


def test_out_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    _one_line_error(build("--date", DAY, "--sources", str(SEEDS), "--out", str(blocker)))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_out(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    _one_line_error(build("--date", DAY, "--sources", str(SEEDS), "--out", str(ro)))


def test_killed_build_leaves_previous_files_intact(reference_day, tmp_path):
    """SIGKILL a build mid-way: every file is either the old one or a complete new one."""
    out = tmp_path / "out"
    shutil.copytree(reference_day, out / DAY)
    before = {p.name: p.read_bytes() for p in (out / DAY).iterdir()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli", "build", "--date", DAY, "--sources", str(SEEDS), "--out", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    # Kill while the PDF is being written: poll until the JSON has been rewritten (or give up after a while).
    json_path = out / DAY / "briefing.json"
    mtime = json_path.stat().st_mtime_ns
    for _ in range(600):
        if proc.poll() is not None or json_path.stat().st_mtime_ns != mtime:
            break
        subprocess.run(["sleep", "0.02"])
    proc.kill()
    proc.wait()
    for p in (out / DAY).iterdir():
        if p.name.endswith(".tmp"):
            continue  # an unfinished temporary file is allowed; the real name is what readers use
        data = p.read_bytes()
        if p.suffix == ".pdf":
            assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert data == before.get(p.name) or len(data) > 100
