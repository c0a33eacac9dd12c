"""Build the challenge gold set (tests/data/challenge/challenge.jsonl) from its marked-up sources.

The challenge set is German news text written for the project (not WikiNews), annotated in the gold
format of the quotation benchmark (../shared/eval/README.md), so that ``briefing quotes`` can be
measured on text nobody tuned the rules for.  Offsets are computed here from the markup, never by hand.

Source files (tests/data/challenge/src/*.txt) look like::

    title: Stadtrat streitet über Radwege
    date: 2026-11-12

    <s1>Oberbürgermeisterin Anna Berger</s1> sagte: <q1 D s1>„Wir bauen.“</q1>

Markup:
* ``<qN T sM>…</qN>`` a quotation of type T (D Direct, I Indirect, F FreeIndirect, R Reported,
  IF IndirectFreeIndirect) whose speaker is ``sM`` (``-`` for none); a later ``<qN>…</qN>`` adds a
  further span to the same quotation (an interrupted indirect quotation, a "laut X" frame cut out).
* ``<sM>…</sM>`` a speaker mention; ``<sM =Full Name>`` also records who a pronoun or role phrase
  refers to (kept as ``speaker.name``, an extra key the shared scorer ignores); ``<sM =->`` a person the
  article never names ("ein Sprecher", "die Frau", "der Landrat"): ``speaker.name`` is null.
Paragraphs are separated by a blank line, as in the benchmark's texts.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "tests" / "data" / "challenge"
TYPES = {"D": "Direct", "I": "Indirect", "F": "FreeIndirect", "R": "Reported", "IF": "IndirectFreeIndirect"}
TAG = re.compile(r"<(/?)([qs]\d+[a-z]?)([^>]*)>")


def parse(source: str, doc_id: str) -> dict:
    """One marked-up article as a gold line: the plain text and its quotations with offsets."""
    head, _, body = source.partition("\n\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    body = "\n\n".join(p.strip().replace("\n", " ") for p in body.strip().split("\n\n"))
    text_parts: list[str] = []
    pos = 0
    out_len = 0
    open_at: dict[str, int] = {}
    spans: dict[str, list[list[int]]] = {}
    attrs: dict[str, str] = {}
    for m in TAG.finditer(body):
        chunk = body[pos : m.start()]
        text_parts.append(chunk)
        out_len += len(chunk)
        pos = m.end()
        closing, ident, rest = m.group(1), m.group(2), m.group(3).strip()
        if closing:
            if ident not in open_at:
                raise ValueError(f"{doc_id}: </{ident}> without opening tag")
            spans.setdefault(ident, []).append([open_at.pop(ident), out_len])
        else:
            if ident in open_at:
                raise ValueError(f"{doc_id}: <{ident}> opened twice")
            open_at[ident] = out_len
            if rest:
                if ident in attrs:
                    raise ValueError(f"{doc_id}: <{ident}> attributes given twice")
                attrs[ident] = rest
    text_parts.append(body[pos:])
    if open_at:
        raise ValueError(f"{doc_id}: unclosed {sorted(open_at)}")
    text = "".join(text_parts)
    quotes = []
    for ident in sorted((i for i in spans if i.startswith("q")), key=lambda i: spans[i][0][0]):
        kind, _, speaker = attrs[ident].partition(" ")
        qspans = spans[ident]
        sp_spans = spans.get(speaker, []) if speaker and speaker != "-" else []
        if speaker not in ("-", "") and not sp_spans:
            raise ValueError(f"{doc_id}: {ident} names unknown speaker {speaker}")
        sp_attr = attrs.get(speaker, "")
        sp_text = " ".join(text[b:e] for b, e in sp_spans)
        quotes.append(
            {
                "type": TYPES[kind],
                "medium": "Speech",
                "nested": False,
                "quote": {"spans": qspans, "text": " ".join(text[b:e] for b, e in qspans)},
                "speaker": {
                    "spans": sp_spans,
                    "text": sp_text,
                    "name": _name(sp_attr, sp_text),
                },
                "cue": {"spans": [], "text": ""},
                "addressee": {"spans": [], "text": ""},
                "frame": {"spans": [], "text": ""},
            }
        )
    for outer in quotes:
        for inner in quotes:
            if inner is not outer and all(
                any(ob <= b and e <= oe for ob, oe in outer["quote"]["spans"]) for b, e in inner["quote"]["spans"]
            ):
                inner["nested"] = True
    return {"id": doc_id, "title": meta["title"], "date": meta["date"], "text": text, "quotes": quotes}


def _name(attr: str, mention: str) -> str | None:
    """Whom a speaker mention refers to: ``=Full Name``, ``=-`` for a person the article never names (None:
    the briefing must not show a name for them), else the mention itself (a name, an organisation)."""
    if not attr.startswith("="):
        return mention
    name = attr[1:].strip()
    return None if name == "-" else name


def main() -> int:
    """Write challenge.jsonl from every source file, in file-name order; print counts by type."""
    docs = [parse(p.read_text(encoding="utf-8"), "challenge-" + p.stem) for p in sorted((HERE / "src").glob("*.txt"))]
    with (HERE / "challenge.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for d in docs:
        for q in d["quotes"]:
            counts[q["type"]] = counts.get(q["type"], 0) + 1
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} articles, {words} words, {sum(counts.values())} quotations: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
