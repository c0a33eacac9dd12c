"""The quotation records of a text, for the quotation unit tests (sentences, the rules, then the records:
no actors)."""

from __future__ import annotations

import io
import json

from briefing.extract.quotes import extract_quotes, to_records
from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.extract.sentences import split_sentences
from briefing.models import Quote

# A quotation as `briefing quotes` writes it: (kind, quoted words, speaker mention, shown name).
Row = tuple[str, str, str | None, str | None]


def quotes_of(text: str) -> list[Quote]:
    """Every quotation record of ``text``."""
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    return to_records(text, found, sents)


def quote_containing(text: str, fragment: str, *, direct_first: bool = False, direct_only: bool = False) -> Quote:
    """The first quotation of ``text`` whose words hold ``fragment`` (failing the test when there is none);
    ``direct_first``: a quotation in marks before a reported one, ``direct_only``: only those in marks."""
    hits = [q for q in quotes_of(text) if fragment in q.text and (q.kind == "direct" or not direct_only)]
    assert hits, f"no {'direct ' if direct_only else ''}quotation containing {fragment!r}"
    if direct_first:
        hits.sort(key=lambda q: q.kind != "direct")
    return hits[0]


def run(text: str) -> list[Row]:
    """``briefing quotes`` for ``text``: (kind, quoted words, speaker mention, shown name) per quotation."""
    out = io.StringIO()
    quotes_jsonl(io.StringIO(json.dumps({"id": "t", "text": text}) + "\n"), out)
    rows = []
    for q in json.loads(out.getvalue())["quotes"]:
        sp = q["speaker"]["span"]
        said = text[q["span"][0] : q["span"][1]]
        rows.append((q["kind"], said, text[sp[0] : sp[1]] if sp else None, q["speaker"]["name"]))
    return rows


def quote(rows: list[Row], fragment: str) -> Row:
    """The one row whose quoted words hold ``fragment`` (failing the test unless there is exactly one)."""
    hits = [r for r in rows if fragment in r[1]]
    assert len(hits) == 1, rows
    return hits[0]
