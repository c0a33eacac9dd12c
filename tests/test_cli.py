"""The command line: help everywhere, documented in the README, one-line errors."""

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from briefing import __version__
from briefing.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "briefing"):
    for name, cmd in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, path)


ALL_COMMANDS = list(_commands(main))


def test_there_are_commands():
    names = {p for p, _ in ALL_COMMANDS}
    assert {"briefing build", "briefing send", "briefing quotes", "briefing subscribers add"} <= names


@pytest.mark.parametrize(("path", "cmd"), ALL_COMMANDS, ids=[p for p, _ in ALL_COMMANDS])
def test_every_command_has_help_and_is_in_the_readme(path, cmd):
    assert cmd.help and cmd.help.strip(), f"{path} has no help text"
    result = CliRunner().invoke(main, path.split()[1:] + ["--help"])
    assert result.exit_code == 0, result.output
    assert " ".join(cmd.help.split()[:6]) in " ".join(result.output.split())
    if not isinstance(cmd, click.Group):
        assert f"`{path}" in README, f"{path} is not documented in the README"


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_broken_config_is_one_line_error(tmp_path):
    cfg = tmp_path / "b.toml"
    cfg.write_text("out = [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(cfg), "build", "--date", "2025-09-04"])
    assert result.exit_code != 0
    assert "not valid TOML" in result.output
    assert "Traceback" not in result.output


def test_bad_date_is_a_usage_error():
    result = CliRunner().invoke(main, ["build", "--date", "4.9.2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_every_setting_is_documented_in_the_readme():
    import dataclasses

    from briefing.settings import Settings

    for f in dataclasses.fields(Settings):
        name = "from" if f.name == "from_addr" else f.name
        assert f"`{name}`" in README, f"setting {name} is not documented in the README"
