"""The plain-text briefing (briefing.txt, the text/plain part of the email).

Same content and order as the HTML, wrapped at 72 columns with ``textwrap``;
references are the same numbers, written "[1]".  Spaces inside "40 Mrd. €" are
U+00A0, which textwrap does not break at.  Only a word longer than a line (a
URL) may overflow it.
"""

from __future__ import annotations

import textwrap

from briefing.models import IMPRINT_SLOT, UNSUBSCRIBE_SLOT
from briefing.render.view import VARIANT_LABEL, BriefingView, Line, NotePart, Ref, StoryView

WIDTH = 72  # RFC 5322 recommends ≤ 78 characters; 72 leaves room for "> " quoting
BULLET = "* "
INDENT = "  "


def _refs(refs: tuple[Ref, ...]) -> str:
    return "".join(f"[{r.number}]" for r in refs)


def _with_refs(text: str, refs: tuple[Ref, ...]) -> str:
    marks = _refs(refs)
    return f"{text} {marks}" if marks else text


def _note(parts: tuple[NotePart, ...]) -> str:
    return "Hinweis: " + "".join(p.text + _refs(p.refs) for p in parts)


def _para(text: str, indent: str = "", hanging: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=indent if hanging is None else hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _item(text: str, level: int = 1) -> list[str]:
    pad = INDENT * (level - 1)
    return _para(text, pad + BULLET, pad + " " * len(BULLET))


def _heading(text: str, underline: str) -> list[str]:
    lines = _para(text)
    return [*lines, underline * min(WIDTH, max(len(line) for line in lines))]


def _lines(title: str, items: tuple[Line, ...]) -> list[str]:
    if not items:
        return []
    out = ["", title]
    for item in items:
        out += _item(_with_refs(item.text, item.refs))
    return out


def _story(story: StoryView) -> list[str]:
    out = ["", "", *_heading(f"{story.number}. {story.headline}", "=")]
    if story.background:
        out.append("(Hintergrund)")
    out += _lines("Das Wichtigste in Kürze", story.summary)
    if story.positions or story.matrix:
        out += ["", "Positionen"]
        for group in story.positions:
            out += _para(f"{group.country}:", INDENT)
            for p in group.items:
                out += _item(_with_refs(f"{p.actor}: {p.text}" if p.actor else p.text, p.refs), 2)
        if story.matrix:
            out += _para("Positionen im Überblick:", INDENT)
            for row in story.matrix.rows:
                for issue, entries in zip(story.matrix.issues, row.cells, strict=True):
                    for e in entries:
                        out += _item(_with_refs(f"{row.country} – {issue}: {e.label}", e.refs), 2)
    if story.figures:
        out += ["", "Zahlen & Fakten"]
        for f in story.figures:
            out += _item(_with_refs(f"{f.display} – {f.context}", f.refs))
            if f.note:
                out += _para(_note(f.note), INDENT * 2)
            for v in f.variants:
                text = f"{v.display} („{v.text}“)" if v.text else v.display
                text = f"{text} – {v.context}" if v.context else text
                out += _item(_with_refs(text, v.refs), 3)
    if story.quotes:
        out += ["", "Stimmen"]
        for q in story.quotes:
            said = q.sentence or (f"„{q.text}“" if q.direct else q.text)
            who = q.speaker + (f", {q.role}" if q.role else "") + (f" (zitiert nach {q.via})" if q.via else "")
            who += "" if q.direct else " (sinngemäß)"
            out += _item(_with_refs(f"{said} – {who}", q.refs))
            if q.variants:
                out += _para(VARIANT_LABEL, INDENT * 2)
                for v in q.variants:
                    out += _item(_with_refs(f"„{v.text}“", v.refs), 3)
    if story.actors:
        out += ["", "Akteure"]
        for a in story.actors:
            extra = ", ".join(x for x in (a.affiliation, a.party) if x)
            text = a.name + (f", {a.role}" if a.role else "") + (f" ({extra})" if extra else "")
            out += _item(_with_refs(text, a.refs))
    out += _lines("Ausblick", story.outlook)
    return out


def render_text(view: BriefingView) -> str:
    """The whole briefing as plain text, lines ≤ 72 columns, ending with a newline."""
    out = [*_heading(view.title, "#"), view.date_long]
    for story in view.stories:
        out += _story(story)
    if view.cut_note:
        out += ["", *_para(view.cut_note)]
    out += ["", "", *_heading("Quellen", "=")]
    for s in view.sources:
        text = f"{s.publisher}: {s.title}" if s.title else s.publisher
        text = f"{text}, {s.date_label}." + (f" {s.agency}." if s.agency else "") + (f" {s.url}" if s.url else "")
        out += _para(f"[{s.number}] {text}", "", " " * (len(str(s.number)) + 3))
    # The footer: its unsubscribe link and imprint are slots delivery fills per message.
    out += [
        "", "-- ",
        *_para(f"Sie erhalten diese E-Mail, weil Sie „{view.title}“ mit dieser Adresse abonniert haben."),
        f"Newsletter abbestellen: {UNSUBSCRIBE_SLOT}",
        "",
        "Impressum",
        IMPRINT_SLOT,
        "",
        *_para(f"Automatisch zusammengestellt von {view.generator} aus den oben genannten Quellen."),
    ]
    # "-- " (with its space) is the signature separator mail readers recognise.
    return "\n".join(line if line == "-- " else line.rstrip() for line in out) + "\n"
