"""The HTML email (briefing.html): inlined CSS, one 600 px column, under Gmail's clip size.

Gmail shows only the first 102 KB of an HTML body and hides the rest behind
"[Nachricht gekürzt]", which would cut off the source list.  On a long day the
email therefore leaves out lower-priority material, step by step, until it fits
(:data:`CUT_STEPS`): first fewer quotes, figures, positions and actors per
story, then fewer stories (the briefing is ranked, so the last ones go), and as
a last resort shorter texts.  What was left out is counted in a note that
points to the complete version: "Vollständige Fassung im PDF / in der
Webversion".  The PDF and the web version always carry everything.

The CSS is inlined at build time with css-inline, because many mail clients drop
``<style>``; only the ``@media`` rules (small screens, dark mode) stay in a
small ``<style>`` block.  No script, no image, no external resource.

The footer holds the unsubscribe link and the imprint as slots
(:data:`briefing.models.UNSUBSCRIBE_SLOT`, :data:`~briefing.models.IMPRINT_SLOT`) that
delivery fills per message: the build does not know who will read the mail.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import RenderError
from briefing.models import IMPRINT_SLOT, UNSUBSCRIBE_SLOT, Briefing
from briefing.render.environment import render_template
from briefing.render.view import FULL, BriefingView, Limits, build_view

# Gmail clips HTML bodies above 102 KB; stay below it with room for the
# headers Gmail counts and for the MIME encoding of non-ASCII characters.
MAX_EMAIL_BYTES = 95_000
# Ever smaller emails, tried in order until one fits. Lower-priority material goes first:
# variants and extra quotes/figures, then whole stories from the end of the ranking.
CUT_STEPS: tuple[Limits, ...] = (
    FULL,
    Limits(quotes=4, figures=5, positions=8, actors=8, variants=2),
    Limits(quotes=2, figures=3, positions=5, actors=5, variants=1, summary=4, outlook=2),
    Limits(stories=6, quotes=2, figures=3, positions=5, actors=5, variants=1, summary=4, outlook=2),
    Limits(stories=4, quotes=1, figures=2, positions=4, actors=4, variants=0, summary=3, outlook=1),
    Limits(stories=2, quotes=1, figures=1, positions=3, actors=3, variants=0, summary=3, outlook=1,
           matrix=False),
    Limits(stories=1, quotes=1, figures=1, positions=2, actors=2, variants=0, summary=2, outlook=1,
           matrix=False, text_chars=400),
)


_CHARSET = '<meta charset="utf-8">'


def _inline(html: str) -> str:
    import css_inline

    inliner = css_inline.CSSInliner(
        keep_style_tags=False,
        keep_at_rules=True,  # the @media blocks stay in <style>: they cannot be inlined
        load_remote_stylesheets=False,
    )
    try:
        inlined = inliner.inline(html)
    except ValueError as e:  # css_inline raises InlineError, a ValueError subclass
        raise RenderError(f"cannot inline the email CSS: {e}") from None
    # css-inline puts the kept @media rules first in <head>; the charset must lead.
    return inlined.replace(_CHARSET, "", 1).replace("<head>", "<head>" + _CHARSET, 1)


def render_email_view(view: BriefingView, folder: Path) -> str:
    """One email rendering of ``view`` with the CSS inlined."""
    return _inline(render_template(
        folder, "email.html", b=view, hyphenate=False, unsubscribe_url=UNSUBSCRIBE_SLOT, imprint=IMPRINT_SLOT
    ))


def render_email(briefing: Briefing, folder: Path, max_bytes: int = MAX_EMAIL_BYTES) -> tuple[str, BriefingView]:
    """The email HTML and the view it shows, cut until it is at most ``max_bytes``."""
    for limits in CUT_STEPS:
        view = build_view(briefing, limits)
        html = render_email_view(view, folder)
        if len(html.encode("utf-8")) <= max_bytes:
            return html, view
    raise RenderError(
        f"the email stays above {max_bytes // 1000} KB even with one shortened story: "
        "check the briefing for an oversized headline or summary"
    )
