"""Resolved speaker names on the hand-written development set (tests/data/speaker_names/dev.jsonl).

    .venv/bin/python scripts/speaker_name_dev.py

Each document lists quotations by a fragment of their text and the names a reader may be shown for their
speaker; ``null`` means no one may be named (two persons fit equally: the mention stays, no guess). Prints
every expectation with the name ``briefing quotes`` gives and the share right. The sentences are written
for this set (German news patterns: a role or epithet standing for a person named before); they are for
tuning, unlike tests/data/challenge.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

from briefing.extract.quotes.jsonl import quotes_jsonl

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "speaker_names" / "dev.jsonl"


def results(path: Path = DEV) -> list[tuple[str, str, list[str | None], str | None, bool]]:
    """(document id, quotation fragment, accepted names, predicted name, right) for every expectation."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = io.StringIO()
    quotes_jsonl(io.StringIO("\n".join(lines) + "\n"), out)
    preds = {d["id"]: d["quotes"] for d in map(json.loads, out.getvalue().splitlines())}
    rows: list[tuple[str, str, list[str | None], str | None, bool]] = []
    for doc in map(json.loads, lines):
        text = doc["text"]
        for exp in doc["expect"]:
            at = text.index(exp["quote"])
            hits = [q for q in preds[doc["id"]] if q["span"][0] <= at < q["span"][1]]
            name = hits[0]["speaker"]["name"] if hits else "(no quotation)"
            mention = text[slice(*hits[0]["speaker"]["span"])] if hits and hits[0]["speaker"]["span"] else ""
            ok = bool(hits) and _right(name, exp["names"], mention)
            rows.append((doc["id"], exp["quote"], exp["names"], name, ok))
    return rows


def _right(name: str | None, accepted: list[Any], mention: str) -> bool:
    if accepted == [None]:
        return name is None or name in mention  # no one named: at most the mention as written
    return name in accepted


def main() -> int:
    rows = results()
    for doc_id, frag, names, name, ok in rows:
        print(f"{'ok ' if ok else 'BAD'} {doc_id:24s} {frag[:28]:28s} -> {name!s:30s} want {names}")
    right = sum(r[-1] for r in rows)
    print(f"resolved names right: {right}/{len(rows)} = {right / len(rows):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
