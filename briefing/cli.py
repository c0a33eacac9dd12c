"""Thin Click front end: parse, call one library function, print.

Domain errors (``BriefingError``) become one-line messages with exit status 1;
nothing else is caught here, so a real bug still shows its traceback.
"""

from __future__ import annotations

import errno
import functools
import logging
import os
import re
import sys
from collections.abc import Callable
from datetime import date as date_cls
from pathlib import Path
from typing import Any

import click

from briefing import __version__
from briefing.errors import BriefingError
from briefing.settings import Settings, load

log = logging.getLogger("briefing")


class OneLineFormatter(logging.Formatter):
    """Every log message on one line: a file name such as ``"x\nERROR: send failed.txt"`` in the
    sources folder must not forge a line of its own in the cron mail or the log file."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return super().formatMessage(record).replace("\r", "\\r").replace("\n", "\\n")


def _setup_logging(verbose: int, quiet: bool, log_file: str | None = None) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    root = logging.getLogger("briefing")
    root.handlers.clear()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter("%(levelname)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(level, logging.INFO) if log_file else level)
    handler.setLevel(level)
    if log_file:
        try:
            # A FIFO nobody reads would block the open forever; O_NONBLOCK makes that ENXIO.
            os.close(os.open(log_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644))
            fh = logging.FileHandler(log_file, encoding="utf-8")
        except OSError as e:
            why = "a named pipe nobody reads" if e.errno == errno.ENXIO else e.strerror or e
            raise click.ClickException(f"cannot open log file {log_file}: {why}") from None
        fh.setFormatter(OneLineFormatter("%(asctime)s %(levelname)s %(message)s"))
        fh.setLevel(logging.INFO)
        root.addHandler(fh)


def _settings(ctx: click.Context, **flags: Any) -> Settings:
    obj = ctx.find_object(dict) or {}
    try:
        settings = load(config=obj.get("config"), flags=flags)
    except BriefingError as e:
        raise click.ClickException(str(e)) from None
    if settings.log_file:
        _setup_logging(obj.get("verbose", 0), obj.get("quiet", False), settings.log_file)
    return settings


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn domain errors into a one-line message and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except BriefingError as e:
            raise click.ClickException(str(e)) from None
        except KeyboardInterrupt:
            raise click.ClickException("interrupted") from None

    return wrapper


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date_cls | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII):
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        return date_cls.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a valid calendar date") from None


def _verbosity_callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if not value:
        return
    root = ctx.find_root()
    root.ensure_object(dict)
    obj = root.obj
    if param.name == "verbose":
        obj["verbose"] = obj.get("verbose", 0) + value
    else:
        obj["quiet"] = True
    _setup_logging(obj.get("verbose", 0), obj.get("quiet", False))


def verbosity_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``-v``/``-q`` after the command name too (``briefing build -q``), same meaning as before it."""
    fn = click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_verbosity_callback,
                      help="Only errors.")(fn)
    return click.option("-v", "--verbose", count=True, expose_value=False, callback=_verbosity_callback,
                        help="More log output (-vv for debug).")(fn)


date_option = click.option(
    "--date", "day", callback=_parse_date, metavar="YYYY-MM-DD", help="The day of the briefing (default: today)."
)
out_option = click.option("--out", metavar="DIR", help="Output folder (default: out/).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="briefing")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False),
    envvar="BRIEFING_CONFIG",
    help="Settings file (TOML); also BRIEFING_CONFIG.",
)
@click.pass_context
def main(ctx: click.Context, verbose: int, quiet: bool, config: str | None) -> None:
    """Build and send the daily "Europäische Perspektive" briefing from German news articles."""
    ctx.ensure_object(dict)
    ctx.obj.update(verbose=verbose, quiet=quiet, config=config)
    _setup_logging(verbose, quiet)


@main.command()
@verbosity_options
@date_option
@click.option("--sources", type=click.Path(), help="Folder of article files (default: seeds/).")
@out_option
@click.option(
    "--undated", type=click.Choice(["include", "exclude"]), help="Use articles without a date (default: include)."
)
@click.option("--model", help='spaCy pipeline: "blank" (default) or an installed pipeline name or path.')
@click.option("--templates", type=click.Path(file_okay=False), help="Folder with your own copy of the templates.")
@click.pass_context
@handle_errors
def build(ctx: click.Context, day: date_cls | None, sources: str | None, out: str | None, undated: str | None,
          model: str | None, templates: str | None) -> None:
    """Build out/DATE/briefing.{html,txt,pdf,json} from a folder of articles."""
    from briefing.pipeline import build_day

    settings = _settings(ctx, sources=sources, out=out, undated=undated, model=model, templates=templates)
    result = build_day(settings, day or date_cls.today(), progress=sys.stderr.isatty() and not ctx.obj["quiet"])
    if not ctx.obj["quiet"]:
        click.echo(result.summary())


@main.command()
@verbosity_options
@date_option
@click.option("--feeds", type=click.Path(dir_okay=False), help="Feeds file (TOML; default: the `feeds` setting).")
@click.option("--sources", type=click.Path(), help="Sources folder; {date} stands for the day (default: seeds/).")
@click.pass_context
@handle_errors
def collect(ctx: click.Context, day: date_cls | None, feeds: str | None, sources: str | None) -> None:
    """Fetch the day's articles from the feeds file into the sources folder (for cron, before build)."""
    from briefing.collect import collect_day

    settings = _settings(ctx, feeds=feeds, sources=sources)
    report = collect_day(settings, day or date_cls.today(), progress=sys.stderr.isatty() and not ctx.obj["quiet"])
    if not ctx.obj["quiet"]:
        click.echo(report.summary())
    if not report.ok:
        raise click.ClickException(report.failure_message())


@main.command()
@verbosity_options
@click.argument("infile", type=click.File("r", encoding="utf-8"))
@click.option("--model", help='spaCy pipeline: "blank" (default) or an installed pipeline name or path.')
@click.pass_context
@handle_errors
def quotes(ctx: click.Context, infile: Any, model: str | None) -> None:
    """Extract quotations from JSONL lines {"id", "text"}; one JSON line per document to stdout."""
    from briefing.extract import quotes_jsonl

    settings = _settings(ctx, model=model)
    quotes_jsonl(infile, sys.stdout, model=settings.model)


@main.command()
@verbosity_options
@date_option
@out_option
@click.option("--sources", type=click.Path(), help="Folder of article files, if the day must be built first.")
@click.option(
    "--dry-run", "dry_run", type=click.Path(file_okay=False),
    help="Write .eml files into this folder instead of sending.",
)
@click.option("--to", "to", help="Send one test copy to this address, outside the ledger.")
@click.option("--rate", type=float, help="At most this many messages per second (default: no limit).")
@click.pass_context
@handle_errors
def send(ctx: click.Context, day: date_cls | None, out: str | None, sources: str | None, dry_run: str | None,
         to: str | None, rate: float | None) -> None:
    """Email the day's briefing to every subscriber, exactly once (for cron)."""
    from briefing.deliver import send_day
    from briefing.deliver.send import is_frozen
    from briefing.pipeline import ensure_built

    settings = _settings(ctx, out=out, sources=sources, rate=rate)
    if not (dry_run or to or (settings.imprint or "").strip()):
        # A German newsletter must carry an imprint (§ 5 DDG, § 18 MStV); previews show a placeholder.
        raise click.ClickException(
            "imprint is not set: set `imprint` in the settings file or BRIEFING_IMPRINT (publisher, address, "
            "person responsible per § 18 MStV), or preview with --dry-run DIR / --to EMAIL"
        )
    day = day or date_cls.today()
    if not is_frozen(settings, day):
        ensure_built(settings, day)
    report = send_day(settings, day, dry_run=Path(dry_run) if dry_run else None, to=to)
    if not ctx.obj["quiet"]:
        click.echo(report.summary())
    if not report.ok:
        raise click.ClickException(report.failure_message())


@main.group()
def subscribers() -> None:
    """Manage the subscriber list (SQLite, see BRIEFING_DB)."""


@subscribers.command("add")
@verbosity_options
@click.argument("email")
@click.option("--name", help="Display name.")
@click.pass_context
@handle_errors
def subscribers_add(ctx: click.Context, email: str, name: str | None) -> None:
    """Add (or re-subscribe) EMAIL."""
    from briefing.deliver import store

    settings = _settings(ctx)
    click.echo(store.add_subscriber(settings.db, email, name))


@subscribers.command("remove")
@verbosity_options
@click.argument("email")
@click.pass_context
@handle_errors
def subscribers_remove(ctx: click.Context, email: str) -> None:
    """Mark EMAIL as unsubscribed (the record is kept)."""
    from briefing.deliver import store

    settings = _settings(ctx)
    click.echo(store.remove_subscriber(settings.db, email))


@subscribers.command("list")
@verbosity_options
@click.option("--all", "show_all", is_flag=True, help="Include unsubscribed addresses.")
@click.pass_context
@handle_errors
def subscribers_list(ctx: click.Context, show_all: bool) -> None:
    """List subscribers, one per line."""
    from briefing.deliver import store

    settings = _settings(ctx)
    for line in store.list_lines(settings.db, show_all=show_all):
        click.echo(line)


@subscribers.command("import")
@verbosity_options
@click.argument("csv_file", type=click.Path(dir_okay=False))
@click.pass_context
@handle_errors
def subscribers_import(ctx: click.Context, csv_file: str) -> None:
    """Import subscribers from a CSV file with columns email[,name]."""
    from briefing.deliver import store

    settings = _settings(ctx)
    report = store.import_csv(settings.db, Path(csv_file))
    click.echo(report.summary())
    if not report.ok:
        raise click.ClickException(f"no usable row in {csv_file}: check the columns (email[,name]) and the encoding")


@main.command()
@verbosity_options
@click.argument("briefing_json", type=click.Path(dir_okay=False, exists=True))
@out_option
@click.option("--templates", type=click.Path(file_okay=False), help="Folder with your own copy of the templates.")
@click.pass_context
@handle_errors
def render(ctx: click.Context, briefing_json: str, out: str | None, templates: str | None) -> None:
    """Render an existing briefing.json to HTML, text and PDF (no extraction)."""
    from briefing.pipeline import render_json

    settings = _settings(ctx, out=out, templates=templates)
    for path in render_json(settings, Path(briefing_json), Path(out) if out else None):
        click.echo(str(path))


if __name__ == "__main__":  # pragma: no cover
    main()
