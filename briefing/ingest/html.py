"""HTML article pages as a reader sees them.

1. The visible dateline: the date printed with the article -- after its headline (``<h1>``),
   or before it inside the same ``<article>`` -- is found in the markup before anything is
   removed.  Dates outside the article (a site header's "Montag, 09.12.2019") are never
   looked at; a "Veröffentlicht am" date is preferred to an "Aktualisiert am" one.  The
   page's metadata date (trafilatura/htmldate) is kept only as a fallback.
2. Furniture in the markup (``data/html_furniture.txt``: author boxes, captions, teasers,
   shop and newsletter promotion, "Aktualisiert am" boxes, navigation) and elements no reader
   reads as article (``<figure>``, ``<aside>``, ``<nav>``, site ``<header>``/``<footer>``) are
   removed; then trafilatura finds the article's blocks.
3. The blocks become plain text, never Markdown: a heading is one ``## `` line (which
   cleaning understands), every block its own paragraph, emphasis only remembered (a
   paragraph in bold is an interviewer's question in many interviews).
4. Interviews: question and answer blocks are told apart (a bold paragraph with a question
   mark, or alternating "Frage:"/"Name:" labels), with the interviewee as the answers' speaker
   where the page names them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from briefing.ingest import dates, lexicon

# A dateline is searched among this many elements after the headline (byline, kicker, date, lead).
DATELINE_WINDOW = 40
# A dateline is short; longer text is a paragraph that may mention dates.
DATELINE_MAX_CHARS = 120
# An element holding more than this share of the page's text is a wrapper, never furniture.
WRAPPER_SHARE = 0.5
# An interview has at least this many questions.
MIN_QUESTIONS = 2
# Without a "Frage:" label, the interviewer's label is the one most of whose paragraphs ask ("Update:"
# and "Hinweis:" paragraphs repeated in a report are no interview).
MIN_ASKING_SHARE = 0.5
# Furniture kinds whose dates belong to other articles or to the site, never the article's dateline.
_FOREIGN_DATES = frozenset({"teaser", "navigation", "promo", "comments", "newsletter", "share"})
# Interviewer labels ("Frage:", "F:") and a speaker label opening a paragraph ("Merz:", "SPIEGEL:").
_LABEL = re.compile(r"^(?P<label>[A-ZÄÖÜ][\w.\- ]{0,30}?|F|A)\s*:\s+(?=\S)")
_QUESTION_LABELS = frozenset({"frage", "f", "interviewer", "interviewerin"})
_ANSWER_LABELS = frozenset({"antwort", "a"})
_UPDATE_LABEL = re.compile(r"^\s*(?:zuletzt\s+)?(?:aktualisiert|geändert|updated|last updated)\b", re.IGNORECASE)
_SPLIT_DATELINE = re.compile(r"\s+[|·•/]\s+")
_WS = re.compile(r"\s+")
_SPLIT_WORDS = re.compile(r"[^A-Za-zÄÖÜäöüß0-9]+|(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")
_REMOVE_TAGS = ("figure", "figcaption", "aside", "nav", "footer", "form", "button", "iframe", "noscript",
                "script", "style", "svg", "template", "dialog")
# "Interview mit der Europaabgeordneten Katarina Muster": the capitalised words after it, of which
# the last two (with a name particle) are the name and any before them a role.
_INTERVIEW_WORDS = re.compile(
    r"\b(?:Interview|Gespräch)\s+mit\s+(?:(?:dem|der|den)\s+)?"
    r"(?P<words>[A-ZÄÖÜ][\w'-]+(?:\s+(?:(?:von|van|de|der|zu)\s+)?[A-ZÄÖÜ][\w'-]+){1,3})"
)
_PERSON = re.compile(r"[A-ZÄÖÜ][\w'-]+\s+(?:(?:von|van|de|der|zu)\s+)?[A-ZÄÖÜ][\w'-]+$")

BlockKind = Literal["heading", "paragraph", "item"]


@dataclass(frozen=True)
class Block:
    """One block of the article text: ``Page.text[start:end]``."""

    kind: BlockKind
    start: int
    end: int
    bold: bool = False  # the whole block is emphasised


@dataclass(frozen=True)
class Turn:
    """A question or an answer of an interview, as offsets into ``Page.text``."""

    kind: Literal["question", "answer"]
    start: int
    end: int
    speaker: str | None = None


@dataclass(frozen=True)
class Page:
    """What a reader sees of an HTML article page."""

    text: str
    blocks: tuple[Block, ...]
    turns: tuple[Turn, ...] = ()
    title: str | None = None
    url: str | None = None
    hostname: str | None = None
    sitename: str | None = None
    dateline: dates.DateCandidate | None = None
    page_date: tuple[Any, dates.Precision] | None = None  # metadata date: the fallback
    removed: tuple[str, ...] = ()


class NoArticle(Exception):
    """The page has no recognisable article text."""


@functools.cache
def _furniture_tokens() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, tokens in lexicon.fields("html_furniture.txt", 2):
        for token in tokens.split(","):
            if token.strip():
                out[token.strip().lower()] = kind
    return out


def _attr_words(el: Any) -> list[str]:
    values = " ".join(str(el.get(a) or "") for a in ("class", "id", "itemprop", "role", "data-component"))
    return [w.lower() for w in _SPLIT_WORDS.split(values) if w]


def _furniture_kind(el: Any) -> str | None:
    tokens = _furniture_tokens()
    for word in _attr_words(el):
        if word in tokens:
            return tokens[word]
    return None


def _text(el: Any) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _headline(root: Any) -> Any:
    h1s = root.xpath("//article//h1") or root.xpath("//main//h1") or root.xpath("//h1")
    return h1s[0] if h1s else None


def _parse_dateline_text(text: str) -> tuple[Any, dates.Precision] | None:
    if not text or len(text) > DATELINE_MAX_CHARS:
        return None
    for piece in [text, *_SPLIT_DATELINE.split(text)]:
        found = dates.parse_date_line(piece)
        if found:
            return found
    return None


def _not_the_articles(el: Any) -> bool:
    """Whether ``el`` sits in a caption, an aside, navigation, a teaser or a promotion."""
    for node in (el, *el.iterancestors()):
        if not isinstance(node.tag, str):
            continue
        if node.tag in ("figure", "figcaption", "aside", "nav", "footer", "script", "style"):
            return True
        if _furniture_kind(node) in _FOREIGN_DATES:
            return True
    return False


def find_dateline(root: Any) -> dates.DateCandidate | None:
    """The article's visible dateline: after the headline, or before it in the same ``<article>``."""
    h1 = _headline(root)
    if h1 is None:
        return None
    after: list[Any] = []  # elements after the headline, in document order
    seen_h1 = False
    for el in root.iter():
        if el is h1:
            seen_h1 = True
            continue
        if not seen_h1 or not isinstance(el.tag, str) or h1 in el.iterancestors():
            continue
        after.append(el)
        if len(after) >= DATELINE_WINDOW:
            break
    article = next((a for a in h1.iterancestors() if a.tag == "article"), None)
    before = []
    if article is not None:
        for el in article.iter():
            if el is h1:
                break
            if isinstance(el.tag, str):
                before.append(el)
    found: list[tuple[bool, int, tuple[Any, dates.Precision], str]] = []
    for order, el in enumerate(after + before):
        if el.tag in ("h1", "h2") or _not_the_articles(el):
            continue
        value = None
        text = _text(el)
        if el.tag == "time":
            value = _parse_dateline_text(text)
            if value is None and el.get("datetime"):
                value = dates.parse_iso(str(el.get("datetime"))[:10])
        elif len(el) == 0 or len(text) <= DATELINE_MAX_CHARS:
            value = _parse_dateline_text(text)
        if value is not None:
            found.append((bool(_UPDATE_LABEL.match(text)), order, value, text))
    if not found:
        return None
    update, _order, (day, precision), text = min(found, key=lambda f: (f[0], f[1]))
    # "Aktualisiert am" alone says when the page changed, not when it was published: below a feed's date
    return dates.DateCandidate(day, precision, dates.RANK_FOOTER if update else dates.RANK_TOP, -1, text[:40])


def remove_furniture(root: Any) -> list[str]:
    """Remove furniture elements in place; return the kinds removed."""
    h1 = _headline(root)
    body = root.find("body")
    total = len(_text(body)) if body is not None else len(_text(root))
    kinds: set[str] = set()
    doomed: list[tuple[Any, str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head"):
            continue
        kind = None
        if el.tag in _REMOVE_TAGS:
            kind = "caption" if el.tag in ("figure", "figcaption") else el.tag
        elif el.tag == "header" and (h1 is None or h1 not in el.iter()):
            kind = "site_header"
        else:
            kind = _furniture_kind(el)
        if kind is None:
            continue
        if h1 is not None and (el is h1 or h1 in el.iter()):
            continue
        if total and len(_text(el)) > WRAPPER_SHARE * total:
            continue
        doomed.append((el, kind))
    for el, kind in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        if tail and tail.strip():
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)
        kinds.add(kind)
    return sorted(kinds)


def _block_text(el: Any) -> tuple[str, bool]:
    """Plain text of a trafilatura block; whether all of it is bold."""
    parts: list[str] = []
    bold_chars = 0

    def walk(node: Any, bold: bool) -> None:
        nonlocal bold_chars
        is_bold = bold or (node.tag == "hi" and "#b" in str(node.get("rend") or ""))
        if node.tag == "lb":
            parts.append(" ")
        if node.text and node.tag != "lb":
            parts.append(node.text)
            if is_bold:
                bold_chars += len(node.text.strip())
        for child in node:
            walk(child, is_bold)
            if child.tail:
                parts.append(child.tail)
                if is_bold:
                    bold_chars += len(child.tail.strip())

    walk(el, False)
    text = _WS.sub(" ", "".join(parts)).strip()
    plain = len(text.replace(" ", ""))
    return text, bool(plain) and bold_chars >= plain


def _blocks(body: Any) -> list[tuple[BlockKind, str, bool]]:
    out: list[tuple[BlockKind, str, bool]] = []
    for el in body:
        if el.tag == "head":
            text, _ = _block_text(el)
            if text:
                out.append(("heading", text, False))
        elif el.tag == "list":
            for item in el.iter("item"):
                text, bold = _block_text(item)
                if text:
                    out.append(("item", text, bold))
        elif el.tag in ("p", "quote", "code"):
            inner = [c for c in el if c.tag in ("p", "list", "head")]
            if inner:
                out.extend(_blocks(el))
                continue
            text, bold = _block_text(el)
            if text:
                out.append(("paragraph", text, bold))
    return out


def _assemble(blocks: list[tuple[BlockKind, str, bool]]) -> tuple[str, tuple[Block, ...]]:
    parts: list[str] = []
    out: list[Block] = []
    pos = 0
    for kind, text, bold in blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        prefix = "## " if kind == "heading" else ""
        parts.append(prefix + text)
        out.append(Block(kind, pos + len(prefix), pos + len(prefix) + len(text), bold))
        pos += len(prefix) + len(text)
    return "".join(parts), tuple(out)


def interview_turns(text: str, blocks: tuple[Block, ...], title: str | None) -> tuple[Turn, ...]:
    """Question and answer blocks of an interview; () when the page is no interview."""
    paras = [b for b in blocks if b.kind == "paragraph"]
    labels = []
    for b in paras:
        m = _LABEL.match(text[b.start : b.end])
        labels.append(m.group("label").strip() if m else None)
    kinds: list[str | None] = [None] * len(paras)
    speaker: str | None = None
    counts: dict[str, int] = {}
    for lab in labels:
        if lab:
            counts[lab] = counts.get(lab, 0) + 1
    frequent = [lab for lab, n in counts.items() if n >= MIN_QUESTIONS]
    if len(frequent) >= 2:
        # Labelled interview: the label whose paragraphs ask questions is the interviewer's.
        def asks(lab: str) -> float:
            own = [b for b, lb in zip(paras, labels, strict=True) if lb == lab]
            return sum("?" in text[b.start : b.end] for b in own) / len(own)

        ranked = sorted(frequent, key=lambda lab: (-(lab.lower() in _QUESTION_LABELS), -asks(lab), lab))
        q_label = ranked[0]
        if q_label.lower() not in _QUESTION_LABELS and asks(q_label) < MIN_ASKING_SHARE:
            return ()
        a_labels = [lab for lab in frequent if lab != q_label]
        for i, lab in enumerate(labels):
            kinds[i] = "question" if lab == q_label else "answer" if lab in a_labels else None
        named = [lab for lab in a_labels if lab.lower() not in _ANSWER_LABELS]
        if len(named) == 1:
            speaker = named[0]
    elif sum(1 for b in paras if b.bold and "?" in text[b.start : b.end]) >= MIN_QUESTIONS:
        asked = False
        for i, b in enumerate(paras):
            if b.bold and "?" in text[b.start : b.end]:
                kinds[i] = "question"
                asked = True
            elif asked:
                kinds[i] = "answer"
    if not any(k == "question" for k in kinds):
        return ()
    speaker = _full_name(speaker, text, title)
    return tuple(
        Turn(kind, b.start, b.end, speaker if kind == "answer" else None)  # type: ignore[arg-type]
        for b, kind in zip(paras, kinds, strict=True)
        if kind
    )


def _full_name(label: str | None, text: str, title: str | None) -> str | None:
    """The interviewee: a surname label made a full name from the text, or "Interview mit NAME"."""
    haystack = f"{title or ''}\n{text}"
    if label:
        m = re.search(rf"\b[A-ZÄÖÜ][\w'-]+\s+(?:(?:von|van|de|der|zu)\s+)?{re.escape(label)}\b", haystack)
        return m.group() if m else label
    m = _INTERVIEW_WORDS.search(haystack)
    if not m:
        return None
    name = _PERSON.search(m.group("words"))
    return name.group() if name else None


def read_page(html: str) -> Page:
    """The article of an HTML page as blocks of plain text, with its dateline and metadata.

    Raises:
        NoArticle: the page has no recognisable article text.
    """
    import lxml.html
    import trafilatura
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        raise NoArticle("HTML-Seite ohne erkennbaren Artikeltext") from None
    dateline = find_dateline(root)
    removed = remove_furniture(root)
    doc: Any = trafilatura.bare_extraction(
        root,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_formatting=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or getattr(doc, "body", None) is None:
        raise NoArticle("HTML-Seite ohne erkennbaren Artikeltext")
    text, blocks = _assemble(_blocks(doc.body))
    if not text.strip():
        raise NoArticle("HTML-Seite ohne erkennbaren Artikeltext")
    title = getattr(doc, "title", None) or None
    page_date = dates.parse_iso(str(doc.date)) if getattr(doc, "date", None) else None
    return Page(
        text=text,
        blocks=blocks,
        turns=interview_turns(text, blocks, title),
        title=title,
        url=getattr(doc, "url", None) or None,
        hostname=getattr(doc, "hostname", None) or None,
        sitename=getattr(doc, "sitename", None) or None,
        dateline=dateline,
        page_date=page_date,
        removed=tuple(removed),
    )
