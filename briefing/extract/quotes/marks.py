"""Quotation marks: pairing them in every German style and masking what they enclose."""

from __future__ import annotations

import re

from briefing.extract.quotes.base import Pair

# A quotation still open after this many characters without a closing mark is broken.
MAX_QUOTE_CHARS = 5000

_OPEN_ONLY = "„"
_QUOTE_CHARS = re.compile(r"[„“”\"»«]")


# A quotation nested in another one („… „inner“ …“) is at most this long; a longer one is no nesting.
MAX_NESTED_CHARS = 300


def find_pairs(text: str) -> tuple[list[Pair], list[str]]:
    """Pair the double quotation marks of ``text``.

    A quotation opened inside an open one in the same paragraph and closed right before the outer one closes
    („Wir haben Anmeldungen für bedeutende „Small-Business-Unternehmen“ gehabt.“) is nested: the outer pair
    is kept whole, the inner is part of its words.

    Returns:
        The pairs in text order and warnings for marks that could not be paired.
    """
    pairs: list[Pair] = []
    warnings: list[str] = []
    open_at: int | None = None
    n = len(text)
    marks = [m.start() for m in _QUOTE_CHARS.finditer(text)]
    k = 0
    while k < len(marks):
        i = marks[k]
        k += 1
        c = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        opener_shape = (prev.isspace() or prev in "([/–-—:") and not nxt.isspace()
        closer_shape = not prev.isspace()
        if open_at is not None:
            opens = c == _OPEN_ONLY or (opener_shape and not closer_shape)
            if opens and (outer := _nested_close(text, marks, k, i)) is not None:
                pairs.append(Pair(open_at, outer + 1, open_at + 1, outer))
                open_at = None
                k += 2  # the inner closing mark and the outer one
                continue
            if opens and text.find("\n", open_at, i) != -1:
                if _reopens_paragraph(text, open_at, i):
                    continue  # the same quotation goes on in the new paragraph
                # A new paragraph opens a quotation while the last one is open somewhere inside its
                # paragraph: close that one at the break.
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


def _reopens_paragraph(text: str, open_at: int, i: int) -> bool:
    """Whether the opening mark at ``i`` goes on with the quotation opened at ``open_at``: the typographic
    convention for a quotation running over paragraphs leaves the closing mark out at each paragraph's end and
    opens the next paragraph with a new opening mark („Wir gehen. … Wir bleiben nicht.⏎⏎„Nie wieder“, sagte
    sie).  So: the open quotation ran to the end of its paragraph with a finished sentence (no closing mark,
    ``.!?…`` last), and the mark at ``i`` is the first character of the next paragraph, the breaks between them
    being empty lines only."""
    line = text.rfind("\n", open_at, i)
    if line < 0 or text[line + 1 : i].strip():
        return False
    last = text[open_at:line].rstrip()
    return bool(last) and last[-1] in ".!?…" and "\n\n" in text[open_at + len(last) : i]


def _nested_close(text: str, marks: list[int], k: int, i: int) -> int | None:
    """Where the outer quotation closes when the opening mark at ``i`` (``marks[k]`` is the mark after it) opens
    one nested in it: the next mark closes the inner one within :data:`MAX_NESTED_CHARS` and the same
    paragraph, and the mark after that, before any paragraph break, is no opening mark; the inner one does not
    open a paragraph.  None otherwise."""
    if text[i] != _OPEN_ONLY or k + 1 >= len(marks):
        return None
    if not text[text.rfind("\n", 0, i) + 1 : i].strip():
        return None  # it opens a paragraph: the convention for a quotation running over paragraphs
    inner, outer = marks[k], marks[k + 1]
    if inner - i > MAX_NESTED_CHARS or text[inner] == _OPEN_ONLY or text[inner - 1].isspace():
        return None  # the inner quotation must close, glued to its last word
    if "\n\n" in text[i:outer] or text[outer] == _OPEN_ONLY:
        return None
    after = text[outer + 1] if outer + 1 < len(text) else " "
    if text[outer - 1].isspace() and not after.isspace() and after not in ".,;:!?)":
        return None  # shaped like an opening mark: another quotation starts there
    return outer


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
