"""Remove page furniture from an article's text and rejoin its paragraphs.

What counts as furniture is data: ``data/furniture.txt`` (captions, credits, media players,
share buttons, newsletter promotion, link/author/tag lists, teasers of other articles ...).
The code here adds what a single pattern cannot say:

* hard-wrapped files (taz style, every line ending in ``| |``): the marker is stripped and
  the lines of a paragraph are rejoined.  The wrap width is the longest line; a line is a
  paragraph's last when the next line's first word would still have fit on it;
* ``> `` lines are the lead and ``## `` lines headings: each becomes its own paragraph;
* the line after a media marker (``Bild``, ``Videobeitrag``) is the picture's or video's
  title; a line repeated further down (captions, titles) is dropped the second time;
* the title: a header line (``data/title_headers.txt``), a heading-like line repeated at the
  top, or the first heading-like line before the first paragraph; it goes to
  ``Article.title`` and out of the body;
* date lines (a line that is only a date) are dropped and kept as date candidates.

Cleaning never rewrites characters, it only drops them: every character of the cleaned
text is copied from the decoded original, except the separators inserted where lines are
joined (a space, or ``\\n\\n`` between paragraphs).  :class:`Piece` keeps that map, and
:class:`Cleaned` exposes it as :class:`briefing.models.Segment` runs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from briefing.ingest import dates, lexicon
from briefing.lang import word_set
from briefing.lang.de import is_place
from briefing.models import Segment

# An agency dateline ("Brüssel, 12.03.2026 – …") opens the article: at most this many kept lines (title,
# kicker) come before it; a dated line further down is news text.
DATELINE_MAX_LINES_BEFORE = 2

BODY = "body"
BLANK = "blank"

# A heading is short; a title longer than this is a paragraph that lacks its full stop.
HEADING_MAX_CHARS = 150
# A title has at least this many words ("Ukraine-Krieg" alone is a kicker, not a title).
TITLE_MIN_WORDS = 3
# A heading of at most this many words right above a longer heading is its kicker ("Streit um Klimaziele").
KICKER_MAX_WORDS = 3
# Title and header lines are looked for among the first lines only.
HEADER_LINES = 8
# Hard-wrap detection: wrapped files use a fixed width below this, ...
WRAP_MAX_WIDTH = 130
# ... have at least this many lines, ...
WRAP_MIN_LINES = 5
# ... and at least this share of lines fill the width to at least WRAP_FULL_LINE of it.
WRAP_MIN_FULL_SHARE = 0.5
WRAP_FULL_LINE = 0.75
# In a wrapped file, a line without final punctuation that leaves at least this share of the
# width free is a heading (real wrapped lines stop within a word's length of the width).
WRAP_HEADING_SHARE = 0.75
# A file uses "| |" wrap markers when this share of its non-blank lines ends with one.
MARKER_MIN_SHARE = 0.3
# List items under a section heading ("## TAGS") are short; longer lines are prose again.
SECTION_ITEM_MAX_CHARS = 100
# A tail pattern ("## ARTIKEL ZUM THEMA") only counts in this later part of a file, so a
# "Mehr zum Thema" box in the middle never cuts the article short.
TAIL_MIN_POSITION = 0.5
# Lines shorter than this are not dropped as repetitions (short list items may repeat).
REPEAT_MIN_CHARS = 20

_SENTENCE_END = re.compile(r"[.!?…][\"“”»«’'‘)\]]*$")
_PERIOD_END = re.compile(r"[.…:;,][\"“”»«’'‘)\]]*$")
_WRAP_MARKER = re.compile(r"\s*\|\s*\|\s*$")
_HALF_MARKER = re.compile(r"\s+\|\s*$")
_QUOTE_PREFIX = re.compile(r">\s+(?=\S)")
_HEADING_PREFIX = re.compile(r"#{1,6}\s+(?=\S)")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x85\x0b\x0c]")
_SPACES = re.compile(r"\s{2,}")
_FIRST_WORD = re.compile(r"\S+")
# Words after which a line-final hyphen is a truncated compound ("Staats- und Regierungschefs").
_CONJUNCTIONS = frozenset({"und", "oder", "bis", "sowie", "bzw", "bzw.", "noch", "als", "wie"})


@functools.cache
def _unfinished_words() -> frozenset[str]:
    """Words no heading, caption or paragraph ends with: articles, prepositions, conjunctions."""
    return _CONJUNCTIONS | word_set("determiners.txt") | word_set("prepositions.txt") | word_set("subordinators.txt")


def _ends_unfinished(text: str) -> bool:
    """The line stops inside a sentence: after a comma or a word that needs what follows ("von", "und")."""
    if text.endswith(","):
        return True
    words = text.rsplit(None, 1)
    return bool(words) and words[-1].lower() in _unfinished_words()
# Media markers after which the next heading-like line is the medium's title.
_MEDIA_KIND = "media"


# ---------------------------------------------------------------- pieces of the original


@dataclass(frozen=True, slots=True)
class Piece:
    """A string assembled from ranges of an original text, which it remembers."""

    src: str
    frags: tuple[tuple[int, int], ...]
    text: str

    @classmethod
    def of(cls, src: str, start: int, end: int) -> Piece:
        """The piece ``src[start:end]``."""
        return cls(src, ((start, end),) if end > start else (), src[start:end])

    def delete(self, spans: Iterable[tuple[int, int]]) -> Piece:
        """A copy without the given ``[start, end)`` ranges of :attr:`text`."""
        todo = sorted((a, b) for a, b in spans if b > a)
        if not todo:
            return self
        out: list[tuple[int, int]] = []
        pos = 0  # offset in self.text where the current fragment starts
        si = 0
        for a, b in self.frags:
            n = b - a
            cur = 0
            while cur < n:
                while si < len(todo) and todo[si][1] <= pos + cur:
                    si += 1
                if si == len(todo) or todo[si][0] >= pos + n:
                    out.append((a + cur, b))
                    break
                s, e = todo[si]
                if s > pos + cur:
                    out.append((a + cur, a + s - pos))
                cur = min(n, e - pos)
            pos += n
        return Piece(self.src, tuple(out), "".join(self.src[x:y] for x, y in out))

    def strip(self) -> Piece:
        """A copy without leading and trailing whitespace."""
        t = self.text
        lead = len(t) - len(t.lstrip())
        trail = len(t) - len(t.rstrip())
        if not lead and not trail:
            return self
        return self.delete([(0, lead), (len(t) - trail, len(t))])

    def squeeze(self) -> Piece:
        """A copy where each run of whitespace keeps only its first character."""
        return self.delete((m.start() + 1, m.end()) for m in _SPACES.finditer(self.text)).strip()


# ---------------------------------------------------------------- furniture patterns


@dataclass(frozen=True)
class _Furniture:
    line: re.Pattern[str] | None
    inline: re.Pattern[str] | None
    section: re.Pattern[str] | None
    tail: re.Pattern[str] | None
    kinds: dict[str, str]  # group name -> kind
    keep: dict[str, str]  # group name -> name of its keep group


_SCOPES = ("line", "inline", "section", "tail")


def _list_heading(text: str) -> str:
    """A list or teaser heading as the patterns spell it: pages write it with or without a colon
    ("Mehr zum Thema:", "Schlagwörter:")."""
    return text.rstrip().removesuffix(":").rstrip()


@functools.cache
def _furniture() -> _Furniture:
    source = "furniture.txt"
    groups: dict[str, list[str]] = {s: [] for s in _SCOPES}
    kinds: dict[str, str] = {}
    keep: dict[str, str] = {}
    for i, (kind, scope, pattern) in enumerate(lexicon.fields(source, 3)):
        if scope not in groups:
            raise lexicon.IngestError(f"ingest data file {source}: unknown scope {scope!r} in {pattern!r}")
        lexicon.compile_pattern(pattern, source)  # names the broken entry, not the combined regex
        name = f"f{i}"
        if "(?P<keep>" in pattern:
            pattern = pattern.replace("(?P<keep>", f"(?P<k{i}>")
            keep[name] = f"k{i}"
        groups[scope].append(f"(?P<{name}>{pattern})")
        kinds[name] = kind

    def combine(scope: str) -> re.Pattern[str] | None:
        return lexicon.compile_pattern("|".join(groups[scope]), source) if groups[scope] else None

    return _Furniture(combine("line"), combine("inline"), combine("section"), combine("tail"), kinds, keep)


@functools.cache
def _title_headers() -> tuple[re.Pattern[str], ...]:
    return tuple(lexicon.compile_pattern(p, "title_headers.txt") for p in lexicon.lines("title_headers.txt"))


def _kind_of(m: re.Match[str]) -> str:
    return _furniture().kinds[m.lastgroup or ""]


# ---------------------------------------------------------------- lines


@dataclass
class _Line:
    index: int
    piece: Piece
    raw_len: int  # length as wrapped in the file (markers "> "/"## " included)
    raw_text: str = ""  # the line as in the file
    kind: str = BODY
    heading: bool = False  # "## " marker
    quoted: bool = False  # "> " marker: the lead

    @property
    def text(self) -> str:
        return self.piece.text

    @property
    def kept(self) -> bool:
        return self.kind == BODY


@dataclass(frozen=True)
class Cleaned:
    """The cleaned article and what cleaning learnt on the way."""

    text: str
    segments: tuple[Segment, ...]
    removed: tuple[str, ...]
    title: str | None = None
    dates: tuple[dates.DateCandidate, ...] = ()
    raw_lines: tuple[str, ...] = field(default=(), repr=False)
    line_kinds: tuple[str, ...] = field(default=(), repr=False)  # per raw line: "body", "blank" or a furniture kind
    dateline: str | None = None  # the place of the dateline cut from the article's opening


def split_lines(src: str) -> list[Piece]:
    """The lines of ``src`` as pieces (line breaks excluded)."""
    out = []
    start = 0
    for m in _LINE_BREAK.finditer(src):
        out.append(Piece.of(src, start, m.start()))
        start = m.end()
    out.append(Piece.of(src, start, len(src)))
    return out


def heading_like(text: str) -> bool:
    """A short line without a final full stop, colon or comma: a heading or title."""
    return 0 < len(text) <= HEADING_MAX_CHARS and not _PERIOD_END.search(text) and not text[0].islower()


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


# ---------------------------------------------------------------- the cleaning steps


def _prepare(src: str) -> tuple[list[_Line], bool]:
    pieces = split_lines(src)
    nonblank = [p for p in pieces if p.text.strip()]
    marked = bool(nonblank) and (
        sum(1 for p in nonblank if _WRAP_MARKER.search(p.text)) >= MARKER_MIN_SHARE * len(nonblank)
    )
    lines = []
    for i, p in enumerate(pieces):
        line = _Line(i, p, 0, p.text)
        if marked:
            m = _WRAP_MARKER.search(p.text) or _HALF_MARKER.search(p.text)
            if m:
                p = p.delete([(m.start(), m.end())])
        p = p.strip()
        line.raw_len = len(p.text)
        m = _HEADING_PREFIX.match(p.text)
        if m:
            p = p.delete([(0, m.end())])
            line.heading = True
        else:
            m = _QUOTE_PREFIX.match(p.text)
            if m:
                p = p.delete([(0, m.end())])
                line.quoted = True
        line.piece = p
        line.kind = BODY if p.text else BLANK
        lines.append(line)
    return lines, marked


class _Cleaner:
    def __init__(self, src: str, title_hint: str | None) -> None:
        self.src = src
        self.title_hint = title_hint
        self.lines, marked = _prepare(src)
        self.removed: set[str] = set()
        self.title: str | None = None
        self.front: list[dates.DateCandidate] = []
        # (line index, (date, precision)) of lines that are a date / that open with one
        self.date_lines: list[tuple[int, tuple[date, dates.Precision]]] = []
        self.datelines: list[tuple[int, tuple[date, dates.Precision]]] = []
        # line index -> where its text resumes after an agency dateline ("Brüssel, 12.03.2026 – ")
        self.dateline_ends: dict[int, int] = {}
        self.dateline: str | None = None
        if marked:
            self.removed.add("wrap_marker")

    # -- helpers
    def drop(self, line: _Line, kind: str) -> None:
        line.kind = kind
        self.removed.add(kind)

    def body(self) -> list[_Line]:
        return [ln for ln in self.lines if ln.kept]

    # -- steps
    def front_matter(self) -> None:
        for line in self.lines:
            if line.kind == BLANK:
                continue
            found = dates.parse_front_matter(line.text)
            if found:
                (value, precision), length = found
                self.front.append(
                    dates.DateCandidate(value, precision, dates.RANK_META, line.index, line.text[:length])
                )
                line.piece = line.piece.delete([(0, length)]).strip()
                self.removed.add("metadata")
                if not line.text:
                    line.kind = BLANK
            return

    def header_title(self) -> None:
        seen = 0
        for line in self.lines:
            if line.kind == BLANK:
                continue
            seen += 1
            if seen > HEADER_LINES:
                return
            for pattern in _title_headers():
                m = pattern.fullmatch(line.text)
                if m and m.group("title").strip():
                    self.title = m.group("title").strip()
                    self.drop(line, "title")
                    return

    def masthead(self) -> None:
        """The outlet's name alone on one of the page's first lines is its masthead, not the article's title or
        text (the publisher is read from the raw lines: ingest/publishers.py)."""
        from briefing.ingest.publishers import MASTHEAD_LINES, masthead_name

        for line in [ln for ln in self.lines if ln.kind != BLANK][:MASTHEAD_LINES]:
            if line.kept and masthead_name(line.text):
                self.drop(line, "masthead")

    def tail(self) -> None:
        pattern = _furniture().tail
        if pattern is None:
            return
        start = int(len(self.lines) * TAIL_MIN_POSITION)
        for line in self.lines[start:]:
            if line.kept:
                m = pattern.fullmatch(_list_heading(line.text))
                if m:
                    kind = _kind_of(m)
                    for later in self.lines[line.index :]:
                        if later.kind != BLANK:
                            self.drop(later, kind)
                    return

    def whole_lines(self) -> None:
        pattern = _furniture().line
        if pattern is None:
            return
        for line in self.body():
            m = pattern.fullmatch(line.text)
            if m:
                self.drop(line, _kind_of(m))

    def sections(self) -> None:
        pattern = _furniture().section
        if pattern is None:
            return
        lines = self.lines
        i = 0
        while i < len(lines):
            line = lines[i]
            m = pattern.fullmatch(_list_heading(line.text)) if line.kept else None
            if not m:
                i += 1
                continue
            kind = _kind_of(m)
            self.drop(line, kind)
            i += 1
            while i < len(lines):
                item = lines[i]
                if item.kind == BLANK or item.heading:
                    break
                if item.kept and (len(item.text) > SECTION_ITEM_MAX_CHARS or _ends_sentence(item.text)):
                    break
                if item.kept:
                    self.drop(item, kind)
                i += 1

    def media_titles(self) -> None:
        lines = self.lines
        for i, line in enumerate(lines):
            if line.kind != _MEDIA_KIND:
                continue
            nxt = next((ln for ln in lines[i + 1 :] if ln.kind != BLANK), None)
            if nxt is not None and nxt.kept and not nxt.heading and heading_like(nxt.text):
                self.drop(nxt, _MEDIA_KIND)

    def date_lines_and_datelines(self) -> None:
        for line in self.lines:
            if line.kind == BLANK:
                continue
            if line.kept:
                found = dates.parse_date_line(line.text)
                if found:
                    self.date_lines.append((line.index, found))
                    self.drop(line, "date")
                    continue
            found = dates.parse_dateline(line.text)
            if found:
                self.datelines.append((line.index, found))
                end = dates.dateline_prefix_end(line.text)
                if end is not None and line.kept:
                    self.dateline_ends[line.index] = end
            elif line.kept and (end := _place_dateline_end(line.text, self.src)) is not None:
                self.dateline_ends[line.index] = end  # "Kairo/Jerusalem – …", "Brüssel. …": no date, a place

    def bylines_at_dates(self) -> None:
        """A line that is only a person's name, right above or below a date line, is the author's byline
        ("Jan Petersen" over "03.12.2026 - 15:48 Uhr"): pages print the author beside the time of
        publication. Only a name that opens with a listed first name counts; a name inside the text
        ("Jan Petersen sagte …") is a sentence and stays."""
        lines = self.lines
        for index, _ in self.date_lines:
            for step in (-1, 1):
                k = index + step
                if 0 <= k < len(lines) and lines[k].kept and _bare_name(lines[k].text):
                    self.drop(lines[k], "byline")

    def inline(self) -> None:
        fur = _furniture()
        pattern = fur.inline
        for line in self.body():
            spans: list[tuple[int, int]] = []
            kinds = []
            if line.index in self.dateline_ends and self._kept_before(line.index) <= DATELINE_MAX_LINES_BEFORE:
                spans.append((0, self.dateline_ends[line.index]))  # the dateline is metadata, not news
                kinds.append("dateline")
                if self.dateline is None and (m := _DATELINE_PLACE.match(line.text)):
                    self.dateline = m.group()  # where the news happened (stories: an event named by its place)
            if pattern is not None:
                for m in pattern.finditer(line.text):
                    if m.end() == m.start():
                        continue
                    name = m.lastgroup or ""
                    kinds.append(fur.kinds[name])
                    keep = fur.keep.get(name)
                    if keep and m.group(keep) is not None:
                        spans += [(m.start(), m.start(keep)), (m.end(keep), m.end())]
                    else:
                        spans.append((m.start(), m.end()))
            piece = line.piece.delete(spans).squeeze() if spans else line.piece.squeeze()
            self.removed.update(kinds)
            line.piece = piece
            if not piece.text:
                line.kind = kinds[-1] if kinds else BLANK

    def _kept_before(self, index: int) -> int:
        return sum(1 for ln in self.lines[:index] if ln.kept)

    def repeats(self) -> None:
        seen: set[str] = set()
        for line in self.lines:
            if line.kind == BLANK:
                continue
            key = _norm(line.text)
            if len(key) < REPEAT_MIN_CHARS:
                continue
            if key in seen and line.kept:
                self.drop(line, "repeated")
            seen.add(key)

    def find_title(self) -> None:
        if self.title_hint:
            hint = _norm(self.title_hint)
            for line in self.body():
                if _norm(line.text) == hint:
                    self.drop(line, "title")
        if self.title is not None:
            return
        if self.title_hint:
            self.title = self.title_hint
            return
        # The title is a paragraph of one heading-like line before the first real paragraph
        # (judged after rejoining, so the first line of a hard-wrapped paragraph is no title).
        top: list[_Line] = []
        for group in self.groups():
            if len(group) != 1 or not heading_like(group[0].text):
                break
            top.append(group[0])
        if not top:
            return
        counts: dict[str, int] = {}
        for line in self.lines:
            if line.kind in (BODY, "repeated"):
                counts[_norm(line.text)] = counts.get(_norm(line.text), 0) + 1
        repeated = [ln for ln in top if counts.get(_norm(ln.text), 0) > 1]
        candidates = repeated or [ln for ln in top if len(ln.text.split()) >= TITLE_MIN_WORDS]
        if not candidates:
            return
        chosen = candidates[0]
        if not repeated:
            after = [ln for ln in top if ln.index > chosen.index]
            if after and len(chosen.text.split()) <= KICKER_MAX_WORDS < len(after[0].text.split()):
                # "Streit um Klimaziele" above "Brüssel macht beim Verbrenner einen Rückzieher": a short heading
                # right above a longer one is its kicker
                chosen = after[0]
        self.title = chosen.text
        self.drop(chosen, "title")
        for line in top:
            if line.index >= chosen.index:
                break
            # a short heading above the title is its kicker ("Ukraine-Krieg"), page furniture
            if len(line.text.split()) <= KICKER_MAX_WORDS:
                self.drop(line, "kicker")

    # -- output
    def date_candidates(self) -> list[dates.DateCandidate]:
        body = [ln.index for ln in self.lines if ln.kept]
        first = body[0] if body else len(self.lines)
        last = body[-1] if body else -1
        out = list(self.front)
        raw = [ln.text for ln in self.lines]
        for index, (value, precision) in self.date_lines:
            rank = dates.RANK_TOP if index < first else dates.RANK_FOOTER if index > last else dates.RANK_MIDDLE
            out.append(dates.DateCandidate(value, precision, rank, index, raw[index]))
        for index, (value, precision) in self.datelines:
            if index <= first:
                out.append(dates.DateCandidate(value, precision, dates.RANK_TOP, index, raw[index][:40]))
        return out

    def groups(self) -> list[list[_Line]]:
        """Kept lines grouped into paragraphs."""
        kept = [ln for ln in self.lines if ln.kept and not ln.heading]
        width = max((ln.raw_len for ln in kept), default=0)
        full = sum(1 for ln in kept if ln.raw_len >= WRAP_FULL_LINE * width)
        wrapped = len(kept) >= WRAP_MIN_LINES and width <= WRAP_MAX_WIDTH and full >= WRAP_MIN_FULL_SHARE * len(kept)
        groups: list[list[_Line]] = []
        prev: _Line | None = None
        for line in self.lines:
            if not line.kept:
                prev = None  # blank lines and dropped furniture end a paragraph
                continue
            if prev is not None and self._joins(prev, line, wrapped, width):
                groups[-1].append(line)
            else:
                groups.append([line])
            prev = line
        return groups

    def paragraphs(self) -> list[list[tuple[str, Piece]]]:
        """The paragraphs as (joiner before it, piece) pairs, hyphenation resolved."""
        out: list[list[tuple[str, Piece]]] = []
        for group in self.groups():
            para: list[tuple[str, Piece]] = [("", group[0].piece)]
            for line in group[1:]:
                joiner, prev_piece = self._joiner(para[-1][1], line.text)
                para[-1] = (para[-1][0], prev_piece)
                para.append((joiner, line.piece))
            out.append(para)
        return out

    @staticmethod
    def _joins(a: _Line, b: _Line, wrapped: bool, width: int) -> bool:
        if a.heading or b.heading or a.quoted != b.quoted:
            return False
        if wrapped:
            m = _FIRST_WORD.match(b.text)
            need = a.raw_len + 1 + (len(m.group()) if m else 0)
            # The next word would have fit on this line, so the writer ended the line here:
            # a paragraph's last line ends a sentence, a heading is much shorter than the width.
            # (Measured widths are a few characters off, so fitting alone is not enough.)
            if need <= width and _ends_sentence(a.text):
                return False
            return not (need <= WRAP_HEADING_SHARE * width and heading_like(a.text))
        # Unwrapped text: a line continues on the next when that starts in lower case, or when the
        # line itself cannot end there ("die Ministerin für Asyl und" + "Migration, …"): German nouns
        # are capitalised, so the case of the next line alone misses half of the wrapped lines.
        if _ends_sentence(a.text) or a.text.endswith(":"):
            return False
        return b.text[:1].islower() or _ends_unfinished(a.text)

    @staticmethod
    def _joiner(a: Piece, b_text: str) -> tuple[str, Piece]:
        t = a.text
        if len(t) > 1 and t.endswith("-") and t[-2].isalpha():
            m = _FIRST_WORD.match(b_text)
            word = m.group() if m else ""
            if word.rstrip(",.;").lower() in _CONJUNCTIONS:
                return " ", a
            if word[:1].islower():  # "Unterstützer-" + "länder": a hyphenated word
                return "", a.delete([(len(t) - 1, len(t))])
            return "", a  # "Nato-" + "Staaten": a compound keeps its hyphen
        return " ", a


# A dateline of places only, opening the article's first paragraph: "Kairo/Jerusalem – Die …", "Hamburg (dpa) -
# Der …", "Brüssel. Die …" (one to three capitalised words, joined by spaces or slashes, an agency in brackets).
_PLACE_DATELINE = re.compile(
    r"(?P<place>[A-ZÄÖÜ][\w-]+(?:[ /][A-ZÄÖÜ][\w-]+){0,2})(?P<agency>\s*\([^()\n]{1,15}\))?\s*(?:–|—|-|\||\.)\s+"
    r"(?=[A-ZÄÖÜ„\"])"
)


# The place a dateline opens with: one to three capitalised words, joined by spaces or slashes ("Mombasa (dpa) –",
# "Brüssel, 12.03.2026 –", "Kairo/Jerusalem –").
_DATELINE_PLACE = re.compile(r"[A-ZÄÖÜ][\w-]+(?:[ /][A-ZÄÖÜ][\w-]+){0,2}(?=\s*[,(–—|.-])")


def _place_dateline_end(text: str, article: str = "") -> int | None:
    """Where the text resumes after a dateline of places, or None. Without a date the words must show it is
    one: an agency in brackets, places joined by a slash, a country or capital the lexicons know, or a place
    the ``article`` names after a preposition of place ("München – …" and "sagte er in München"); "Heute – Die
    …", "Anna Roth – Die …" are none."""
    m = _PLACE_DATELINE.match(text)
    if not m:
        return None
    place = m.group("place")
    if m.group("agency") or "/" in place or all(is_place(w) for w in place.split()):
        return m.end()
    # (a dash only: "Wahl. Die …" is a sentence; the place again after the dateline, not in it)
    if m.group(0).rstrip()[-1:] in "–—" and re.search(
            rf"\b(?:in|aus|nach|bei) {re.escape(place)}\b", article.replace(text[: m.end()], "", 1)):
        return m.end()
    # One word before a dash that is no function word and no first name ("München – Nach dem Beschluss …",
    # "Augsburg – Nach der Trennung …"): where the article opens (the caller cuts it only there), a place or a
    # kicker, not a sentence's subject (a name has two words; "Heute – Die …" is a function word).
    if m.group(0).rstrip()[-1:] in "–—" and " " not in place and len(place) >= 3 and (
            place.lower() not in word_set("function_words.txt") and place.lower() not in word_set("first_names.txt")):
        return m.end()
    return None


# A byline's name: a first name and one to three more capitalised words (particles allowed), nothing else.
_BYLINE_NAME = re.compile(r"(?P<first>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
                          r"(?: (?:von|van|de|der|zu))?(?: [A-ZÄÖÜ][\w'’-]+){1,3}")


def _bare_name(text: str) -> bool:
    """Is the line only a person's name, opening with a listed first name ("Jan Petersen", "Anna von Berg")?"""
    m = _BYLINE_NAME.fullmatch(text.strip())
    if m is None:
        return False
    firsts = word_set("first_names.txt") | word_set("first_names_world.txt")
    return all(part.lower() in firsts for part in m.group("first").split("-"))


def clean(src: str, title_hint: str | None = None) -> Cleaned:
    """Clean one decoded article.

    Args:
        src: the decoded file (or the text trafilatura extracted from an HTML page).
        title_hint: a title known from metadata; lines repeating it are dropped.

    Returns:
        The cleaned text with its map to ``src``, the kinds of furniture removed, the
        title and the date candidates found on the way.
    """
    c = _Cleaner(src, title_hint)
    c.front_matter()
    c.header_title()
    c.masthead()
    c.tail()
    c.whole_lines()
    c.sections()
    c.media_titles()
    c.date_lines_and_datelines()
    c.bylines_at_dates()
    c.inline()
    c.repeats()
    c.find_title()
    text, segments = assemble(c.paragraphs())
    return Cleaned(
        text=text,
        segments=segments,
        removed=tuple(sorted(c.removed)),
        title=c.title,
        dates=tuple(c.date_candidates()),
        raw_lines=tuple(ln.raw_text for ln in c.lines),
        line_kinds=tuple(ln.kind for ln in c.lines),
        dateline=c.dateline,
    )


def assemble(paragraphs: list[list[tuple[str, Piece]]]) -> tuple[str, tuple[Segment, ...]]:
    """Join paragraphs with a blank line; return the text and its segments."""
    parts: list[str] = []
    segs: list[Segment] = []
    pos = 0
    for pi, para in enumerate(paragraphs):
        if pi:
            parts.append("\n\n")
            pos += 2
        for joiner, piece in para:
            parts.append(joiner)
            pos += len(joiner)
            for a, b in piece.frags:
                n = b - a
                last = segs[-1] if segs else None
                if last and last.clean_start + last.length == pos and last.orig_start + last.length == a:
                    segs[-1] = Segment(last.clean_start, last.orig_start, last.length + n)
                else:
                    segs.append(Segment(pos, a, n))
                pos += n
            parts.append(piece.text)
    return "".join(parts), tuple(segs)
