"""Quotation marks: pairing them in every German style and masking what they enclose."""

from __future__ import annotations

import re

from briefing.extract.quotes.base import Pair

# A quotation still open after this many characters without a closing mark is broken.
MAX_QUOTE_CHARS = 5000

_OPEN_ONLY = "„"
_QUOTE_CHARS = re.compile(r"[„“”\"»«]")


def find_pairs(text: str) -> tuple[list[Pair], list[str]]:
    """Pair the double quotation marks of ``text``.

    Returns:
        The pairs in text order and warnings for marks that could not be paired.
    """
    pairs: list[Pair] = []
    warnings: list[str] = []
    open_at: int | None = None
    n = len(text)
    for m in _QUOTE_CHARS.finditer(text):
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        opener_shape = (prev.isspace() or prev in "([/–-—:") and not nxt.isspace()
        closer_shape = not prev.isspace()
        if open_at is not None:
            if (c == _OPEN_ONLY or (opener_shape and not closer_shape)) and text.find("\n", open_at, i) != -1:
                # A new paragraph opens a quotation while the last one is open: German
                # convention for a quotation running over paragraphs. Close at the break.
                brk = text.index("\n", open_at)
                pairs.append(Pair(open_at, brk, open_at + 1, brk))
                open_at = i
                continue
            if c == _OPEN_ONLY or (opener_shape and not closer_shape and c in '"»«'):
                warnings.append(f"unbalanced quotation mark at {open_at}: dropped")
                open_at = i
                continue
            if i - open_at > MAX_QUOTE_CHARS:
                warnings.append(f"quotation at {open_at} runs over {MAX_QUOTE_CHARS} characters: dropped")
                open_at = i if opener_shape else None
                continue
            pairs.append(Pair(open_at, i + 1, open_at + 1, i))
            open_at = None
            continue
        if c == _OPEN_ONLY or (opener_shape and c in '"“»«”'):
            open_at = i
        elif closer_shape:
            warnings.append(f"closing quotation mark at {i} without an opening one: ignored")
    if open_at is not None:
        # A quotation still open at the end is never guessed: its extent is unknown.
        warnings.append(f"unbalanced quotation mark at {open_at}: dropped")
    return pairs, warnings


def mask_quotes(text: str, pairs: list[Pair]) -> str:
    """The text with quotation interiors replaced by underscores (offsets kept)."""
    if not pairs:
        return text
    parts = []
    last = 0
    for p in pairs:
        parts.append(text[last : p.inner_start])
        parts.append("_" * (p.inner_end - p.inner_start))
        last = p.inner_end
    parts.append(text[last:])
    return "".join(parts)
