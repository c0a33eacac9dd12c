"""One-line errors instead of tracebacks (issue 13), through the real CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main

GOLDEN = Path(__file__).parent / "golden" / "briefing.json"


def _one_line_error(result, exit_code: int = 1) -> str:
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    return result.output


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2025-02-30", "'2025-02-30' is not a valid calendar date"),
        ("2025-13-01", "'2025-13-01' is not a valid calendar date"),
        ("4.9.2025", "'4.9.2025' is not a date in the form YYYY-MM-DD"),
        ("20250904", "'20250904' is not a date in the form YYYY-MM-DD"),  # fromisoformat would take it
    ],
)
def test_dates_say_what_is_wrong(value: str, message: str) -> None:
    out = _one_line_error(CliRunner().invoke(main, ["build", "--date", value]), exit_code=2)
    assert message in out


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BRIEFING_SMTP_TIMEOUT": "0"}, "smtp_timeout must be greater than 0"),
        ({"BRIEFING_SMTP_PASSWORD": "Grüße"}, "smtp_password must be ASCII only"),
        ({"BRIEFING_RATE": "nan"}, "rate must be a finite number"),
        ({"BRIEFING_SMTP_PORT": "0"}, "smtp_port must be a port between 1 and 65535"),
    ],
)
def test_bad_settings_are_one_line_errors(tmp_path: Path, env: dict[str, str], message: str) -> None:
    env = {"BRIEFING_DB": str(tmp_path / "b.db"), **env}
    out = _one_line_error(CliRunner().invoke(main, ["send", "--date", "2025-09-04"], env=env))
    assert message in out and out.count("\n") == 1
    assert "Grüße" not in out


def test_deeply_nested_settings_file_is_one_line(tmp_path: Path) -> None:
    cfg = tmp_path / "briefing.toml"
    cfg.write_text("out = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    out = _one_line_error(CliRunner().invoke(main, ["--config", str(cfg), "subscribers", "list"]))
    assert "not valid TOML" in out


def test_a_table_as_out_is_refused_not_a_folder_named_after_it(tmp_path: Path) -> None:
    cfg = tmp_path / "briefing.toml"
    cfg.write_text("out = { a = 1 }\n", encoding="utf-8")
    out = _one_line_error(CliRunner().invoke(main, ["--config", str(cfg), "build", "--date", "2025-09-04"]))
    assert "out must be a string, not dict" in out
    assert not list(tmp_path.glob("{*"))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("../../entkommen", "is not in the form YYYY-MM-DD"),
        ("2025-02-30", "is not a valid calendar date"),
        (20250904, "is not in the form YYYY-MM-DD"),
    ],
)
def test_render_checks_the_date_before_creating_any_folder(tmp_path: Path, value: object, message: str) -> None:
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    data["date"] = value
    src = tmp_path / "in" / "briefing.json"
    src.parent.mkdir()
    src.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(src), "--out", str(out)])
    assert message in _one_line_error(result)
    assert not out.exists() and sorted(p.name for p in tmp_path.rglob("*")) == ["briefing.json", "in"]


def test_render_of_deeply_nested_json_is_one_line(tmp_path: Path) -> None:
    src = tmp_path / "briefing.json"
    src.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "is not a readable briefing.json" in _one_line_error(CliRunner().invoke(main, ["render", str(src)]))


@pytest.mark.slow
def test_render_next_to_a_day_folder_publishes_the_whole_set_and_elsewhere_touches_nothing_else(
    tmp_path: Path,
) -> None:
    from briefing import output

    day_folder = tmp_path / "out" / "2025-09-04"
    day_folder.mkdir(parents=True)
    (day_folder / "briefing.json").write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(day_folder / "briefing.json")])
    assert result.exit_code == 0, result.output
    assert output.missing(tmp_path / "out", date(2025, 9, 4)) == []
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".2025-09-04.lock", "2025-09-04"]
    # A folder with other files is no day folder: each file is replaced, the rest stays.
    own = tmp_path / "2025-09-04"
    own.mkdir()
    (own / "briefing.json").write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    (own / "notizen.txt").write_text("meins", encoding="utf-8")
    assert CliRunner().invoke(main, ["render", str(own / "briefing.json")]).exit_code == 0
    assert (own / "notizen.txt").read_text(encoding="utf-8") == "meins" and (own / "briefing.pdf").is_file()
