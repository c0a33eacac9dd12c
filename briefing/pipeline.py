"""build_day(): ingest -> extract -> assemble -> render."""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from briefing.errors import RenderError
from briefing.models import Briefing
from briefing.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
# A day's briefing.json is a few hundred kilobytes; a file this large is not one.
MAX_BRIEFING_JSON_BYTES = 50_000_000


@dataclass(frozen=True)
class BuildResult:
    briefing: Briefing
    paths: tuple[Path, ...]
    seconds: float

    def summary(self) -> str:
        n_stories = len(self.briefing.stories)
        return (
            f"{self.briefing.date}: {len(self.briefing.sources)} sources, "
            f"{len(self.briefing.excluded_sources)} excluded, {n_stories} "
            f"{'story' if n_stories == 1 else 'stories'} -> {self.paths[0].parent} ({self.seconds:.1f} s)"
        )


def _progress(items: list[T], label: str, show: bool) -> Iterator[T]:
    if not show:
        yield from items
        return
    import click

    with click.progressbar(items, label=label, file=None) as bar:
        yield from bar


def build_day(settings: Settings, day: date, progress: bool = False) -> BuildResult:
    """Build the briefing of ``day`` from ``settings.sources`` and publish it as ``settings.out/DAY/``.

    Everything is rendered in memory; only a complete set is published, in one rename
    (:mod:`briefing.output`), so a failed or killed build leaves the previous set, or no folder.
    """
    from briefing import assemble, extract, ingest, output, render

    t0 = time.perf_counter()
    output.check_writable(settings.out)
    folder = ingest.read_folder(settings.sources_for(day))
    selection = ingest.select_day(folder, day, undated=settings.undated)
    extractor = extract.load_pipeline(settings.model)
    facts = [extractor.extract(a) for a in _progress(list(selection.articles), "Extracting", progress)]
    background = [extractor.extract(a) for a in selection.background]
    briefing = assemble.assemble(
        day, facts, background=background, excluded=selection.excluded, title=settings.title,
        max_stories=settings.max_stories, quote_threshold=settings.quote_threshold,
    )
    rendered = render.render_all(briefing, settings.templates)
    paths = output.write_day(settings.out, day, rendered.files())
    return BuildResult(briefing, tuple(paths), time.perf_counter() - t0)


def ensure_built(settings: Settings, day: date, progress: bool = False) -> BuildResult | None:
    """Build ``day`` unless ``settings.out/DAY/`` holds a complete set; None when nothing was built."""
    from briefing import output

    absent = output.missing(settings.out, day)
    if not absent:
        return None
    folder = output.day_folder(settings.out, day)
    what = "does not exist" if len(absent) == len(output.FILE_NAMES) else f"lacks {', '.join(absent)}"
    log.info("%s %s: building the briefing first", folder, what)
    return build_day(settings, day, progress=progress)


def render_json(settings: Settings, briefing_json: Path, out: Path | None) -> Iterable[Path]:
    """Render an existing briefing.json (no extraction) next to it or into ``out/DATE/``.

    Into a day folder (``--out``, or a ``briefing.json`` that sits in its own ``DATE/`` folder) the
    set is published as a whole, like a build; elsewhere (a folder holding other files too) each
    file is replaced atomically and nothing else is touched.
    """
    from briefing import output, render
    from briefing.fileio import read_regular

    try:
        raw = read_regular(briefing_json, MAX_BRIEFING_JSON_BYTES)
        if len(raw) > MAX_BRIEFING_JSON_BYTES:
            raise ValueError(f"larger than {MAX_BRIEFING_JSON_BYTES // 1_000_000} MB")
        briefing = Briefing.from_json(raw.decode("utf-8"))
    except OSError as e:
        raise RenderError(f"{briefing_json} cannot be read: {e.strerror or e}") from None
    except (ValueError, TypeError, KeyError, RecursionError) as e:
        raise RenderError(f"{briefing_json} is not a readable briefing.json: {e}") from None
    day = _checked_day(briefing.date, briefing_json)
    if out is not None:
        return output.write_day(out, day, render.render_all(briefing, settings.templates).files())
    folder = briefing_json.resolve().parent
    if folder.name == day.isoformat() and set(os.listdir(folder)) <= set(output.FILE_NAMES):
        return output.write_day(folder.parent, day, render.render_all(briefing, settings.templates).files())
    return render.write_all(briefing, folder, templates=settings.templates)


def _checked_day(value: object, origin: Path) -> date:
    """The briefing's date as a calendar day: it names a folder, so nothing else may pass."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value, re.ASCII):
        raise RenderError(f"{origin}: date {value!r} is not in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RenderError(f"{origin}: date {value!r} is not a valid calendar date") from None
