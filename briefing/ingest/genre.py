"""Opinion pieces: a commentary states its author's view, not the day's facts.

A page labels it in its title ("Kommentar: Ein Streik, den niemand versteht"), in a kicker line above
the title ("Kommentar", "Meinung") or in its byline ("Ein Kommentar von Anna Berger").  The labels are
in ``data/opinion_labels.txt``.  Assembly keeps an opinion piece's sentences out of what the briefing
states as the day's facts (summary, figures, positions, outlook); its quotations stay.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from briefing.ingest import lexicon
from briefing.ingest.clean import HEADER_LINES  # the kicker and byline are looked for among these first lines


@functools.cache
def _labels() -> dict[str, str]:
    return {label.casefold(): label for label in lexicon.lines("opinion_labels.txt")}


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    alternation = "|".join(re.escape(label) for label in sorted(_labels(), key=len, reverse=True))
    title = re.compile(rf"(?i:({alternation}))\s*(?::|–|—|-\s)\s*\S")
    kicker = re.compile(rf"(?i:({alternation}))\s*:?")
    byline = re.compile(rf"(?i:(?:ein|eine)\s+({alternation})\s+(?:von|vom)\s)")
    return title, kicker, byline


def opinion_label(title: str | None, lines: Sequence[str]) -> str | None:
    """The label that marks the piece as opinion ("Kommentar"), as the label list spells it; None for a
    report.  ``lines`` are the page's first lines (the raw lines of the text, furniture included)."""
    title_re, kicker_re, byline_re = _patterns()
    labels = _labels()
    if title:
        m = title_re.match(title.strip())
        if m:
            return labels[m.group(1).casefold()]
    for line in [ln.strip() for ln in lines if ln.strip()][:HEADER_LINES]:
        m = kicker_re.fullmatch(line) or byline_re.match(line)
        if m:
            return labels[m.group(1).casefold()]
    return None
