"""build_day(): ingest -> extract -> assemble -> render."""

from __future__ import annotations

import logging
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
    """Build the briefing of ``day`` from ``settings.sources`` into ``settings.out/DAY/``."""
    from briefing import assemble, extract, ingest, render

    t0 = time.perf_counter()
    out_dir = Path(settings.out) / day.isoformat()
    render.check_writable(out_dir)
    folder = ingest.read_folder(settings.sources_for(day))
    selection = ingest.select_day(folder, day, undated=settings.undated)
    extractor = extract.load_pipeline(settings.model)
    facts = [extractor.extract(a) for a in _progress(list(selection.articles), "Extracting", progress)]
    background = [extractor.extract(a) for a in selection.background]
    briefing = assemble.assemble(
        day, facts, background=background, excluded=selection.excluded, title=settings.title,
        max_stories=settings.max_stories,
    )
    paths = render.write_all(briefing, out_dir, templates=settings.templates)
    return BuildResult(briefing, tuple(paths), time.perf_counter() - t0)


def render_json(settings: Settings, briefing_json: Path, out: Path | None) -> Iterable[Path]:
    """Render an existing briefing.json (no extraction) next to it or into ``out``."""
    from briefing import render

    try:
        briefing = Briefing.from_json(briefing_json.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError) as e:
        raise RenderError(f"{briefing_json} is not a readable briefing.json: {e}") from None
    out_dir = out / briefing.date if out else briefing_json.parent
    return render.write_all(briefing, out_dir, templates=settings.templates)
