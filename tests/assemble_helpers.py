"""Builders for hand-made ArticleFacts records used by the assembly tests."""

from __future__ import annotations

from briefing.models import Actor, Article, ArticleFacts, Figure, Mention, Position, Quote, Statement


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def sentences(text: str) -> tuple[Statement, ...]:
    """Sentence records: one per line-free sentence ending in . ! ? (good enough for hand-made texts)."""
    import re

    out = []
    for m in re.finditer(r"[^\s][^.!?\n]*(?:[.!?][\"“”]?|$)", text):
        out.append(Statement(m.group(), m.start(), m.end()))
    return tuple(out)


def person(aid: str, name: str, text: str, role: str | None = None, affiliation: str | None = None,
           aliases: tuple[str, ...] = ()) -> Actor:
    mentions = []
    last = name.split()[-1]
    i = text.find(last)
    while i >= 0:
        mentions.append(Mention(i, i + len(last), last))
        i = text.find(last, i + 1)
    return Actor(aid, name, "person", role, affiliation, None, aliases, tuple(mentions))


def country(aid: str, name: str) -> Actor:
    return Actor(aid, name, "country", None, name)


def quote(text: str, part: str, speaker: str | None, kind: str = "direct", name: str | None = None) -> Quote:
    s, e = _span(text, part)
    return Quote(kind, part, s, e, speaker=speaker, speaker_name=name)  # type: ignore[arg-type]


def figure(text: str, written: str, value: float, unit: str, qualifier: str | None = None) -> Figure:
    s, e = _span(text, written)
    ctx = next(st.text for st in sentences(text) if st.start <= s < st.end)
    return Figure(value, unit, written, ctx, s, e, qualifier)


def position(text: str, part: str, actor: str, stance: str = "states", issue: str | None = None) -> Position:
    s, e = _span(text, part)
    return Position(actor, part, s, e, stance, issue)  # type: ignore[arg-type]


def outlook(text: str, part: str) -> Statement:
    s, e = _span(text, part)
    return Statement(part, s, e)


def facts(path: str, text: str, *, title: str | None = None, publisher: str | None = "Zeitung",
          date: str | None = "2025-09-04", agency: tuple[str, ...] = (), **kw) -> ArticleFacts:
    art = Article(path=path, text=text, publisher=publisher, title=title, date=date,
                  date_precision="day" if date else "unknown", agency=agency)
    kw.setdefault("sentences", sentences(text))
    return ArticleFacts(article=art, **kw)
