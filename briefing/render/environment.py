"""The one Jinja environment and where its templates live.

The shipped templates sit at the top of the repository (``templates/``) and are
installed as package data (``briefing/templates`` is a link to them in the
source tree, so a wheel and an editable install both see them there).  Users
may point ``--templates DIR`` (``settings.templates``) at their own copy.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

import jinja2

from briefing.errors import RenderError
from briefing.render import formatting
from briefing.render.hyphenate import load as load_hyphenator

# Files every templates folder must have, checked before rendering starts so a
# wrong --templates gives one clear message instead of a Jinja traceback.
REQUIRED = ("base.html", "email.html", "web.html", "pdf.html", "partials/story.html")


@functools.lru_cache(maxsize=1)
def shipped_templates() -> Path:
    """The templates folder installed with the package (or the repository's)."""
    candidates = [
        Path(str(resources.files("briefing") / "templates")),
        Path(__file__).resolve().parents[2] / "templates",
    ]
    for folder in candidates:
        if (folder / "base.html").is_file():
            return folder.resolve()
    raise RenderError("the shipped templates are missing: reinstall briefing")


def templates_folder(templates: str | Path | None = None) -> Path:
    """The folder to render from: the user's ``templates`` or the shipped one."""
    if templates is None:
        return shipped_templates()
    folder = Path(templates).expanduser().resolve()
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    if missing:
        raise RenderError(
            f"templates folder {folder} lacks {', '.join(missing)}: copy the shipped templates "
            f"from {shipped_templates()} and edit the copy"
        )
    return folder


@jinja2.pass_context
def _prose(ctx: jinja2.runtime.Context, text: str) -> str:
    """Running text: with soft hyphens where the layout justifies it (PDF)."""
    if ctx.get("hyphenate"):
        return load_hyphenator(shipped_templates() / "hyphenation").text(text)
    return text


@functools.lru_cache(maxsize=8)
def environment(folder: Path) -> jinja2.Environment:
    """The Jinja environment for ``folder``: autoescaped, strict, with the German filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(formatting.FILTERS)
    env.filters["prose"] = _prose
    # The PDF lays some parts out for print (actors as a table, the matrix without its
    # small-screen list); render_pdf_html sets it, every other format keeps the default.
    env.globals["print_layout"] = False
    return env


def render_template(folder: Path, name: str, **context: object) -> str:
    """Render template ``name`` from ``folder``; Jinja errors become RenderError."""
    try:
        return environment(folder).get_template(name).render(**context)
    except jinja2.TemplateError as e:
        where = f"{e.filename}:{e.lineno}" if isinstance(e, jinja2.TemplateSyntaxError) else name
        raise RenderError(f"template {where} failed: {e.message or e}") from None
