"""Count the speakers ``briefing quotes`` gives by what heads their mention: can it speak?  (Issue 10.)

    .venv/bin/python scripts/speaker_agency.py                       # train
    .venv/bin/python scripts/speaker_agency.py --gold tests/data/challenge/challenge.jsonl
    .venv/bin/python scripts/speaker_agency.py --examples thing      # ... and list the predictions of a kind

Issue 10: a speaker shown is a named person, organisation, institution or country, or a role phrase or
pronoun resolved to one of them; anything else gets no speaker.  Every predicted speaker mention (all
quotation types, relay records left out) is sorted by :func:`speaker_names.head_kind` into an agent (a
person, role, group, body, organisation, country, place, medium or name), a statement (something said or
written: "Angaben", "der Bericht", which the annotation names as the source) or a thing ("das Motiv",
"Dieses Kriterium"); pronouns and anaphoric adverbs ("Demnach") apart.  For each kind: how many, how many
carry a name, how many are shown (a name, confidence at or above the display threshold of their kind), and
of those matched to a gold quotation with a speaker how many are right by the shared scorer's test.  The
same is counted for the names shown themselves (a name whose head is a thing is shown as someone).  The
gold speaker mentions are sorted the same way (how often the annotation names a statement or a thing).
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.extract.quotes.speaker_names import TextWords, head_kind
from briefing.lang import quote_display_threshold, word_set

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_learning import scorer as load_scorer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "quotes" / "train.jsonl"
KINDS = ("agent", "statement", "thing", "pronoun")


def mention_kind(text: str, words: TextWords) -> str:
    """The kind of a speaker mention: a pronoun (or an anaphoric adverb standing for one), else its head's."""
    low = text.strip().lower()
    if low in word_set("pronouns.txt") or low in word_set("relative_pronouns.txt"):
        return "pronoun"
    if low in word_set("anaphoric_adverbs.txt") or low in ("wonach", "wie"):
        return "pronoun"
    return head_kind(text, words)


def count(
    gold: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]], sc: Any, thresholds: dict[str, float]
) -> dict[str, Any]:
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    gold_kinds: Counter[str] = Counter()
    examples: list[tuple[str, str, str]] = []
    for d in gold:
        text = d["text"]
        words = TextWords(text)
        for q in d["quotes"]:
            if q["speaker"]["spans"]:
                b, e = q["speaker"]["spans"][0]
                gold_kinds[mention_kind(text[b:e], words)] += 1
        golds = [dict(q, _span=sc._cover(q["quote"]["spans"])) for q in d["quotes"] if sc._cover(q["quote"]["spans"])]
        ps = [dict(p, _span=p["span"], _k=k) for k, p in enumerate(pred.get(d["id"], [])) if not p.get("relay")]
        matched = {p["_k"]: g for g, p in sc._match(text, golds, ps)}
        for p in ps:
            span, name = p["speaker"]["span"], p["speaker"]["name"]
            if span is None:
                continue
            g = matched.get(p["_k"])
            label = (
                "unmatched" if g is None
                else "no gold speaker" if not g["speaker"]["spans"]
                else "right" if sc._speaker_ok(text, g, p) else "wrong"
            )
            shown = bool(name) and (p.get("confidence") or 0.0) >= thresholds[p["kind"]]
            kind = mention_kind(text[span[0] : span[1]], words)
            for table, k in ((mentions, kind), (names, head_kind(name, words) if name else None)):
                if k is None:
                    continue
                c = table[k]
                c["n"] += 1
                c["named"] += bool(name)
                c[label] += 1
                if shown:
                    c["shown"] += 1
                    c[f"shown {label}"] += 1
            if kind in ("statement", "thing") or (name and head_kind(name, words) == "thing"):
                examples.append(
                    (kind, f"{'SHOWN' if shown else '     '} {label:15s} {p['kind'][:3]} {p.get('confidence')}",
                     f"mention={text[span[0]:span[1]]!r} name={name!r}")
                )
    return {"mentions": mentions, "names": names, "gold": gold_kinds, "examples": examples}


def table(title: str, rows: dict[str, Counter[str]]) -> None:
    print(title)
    print(f"  {'kind':10s} {'n':>5s} {'named':>6s} {'right':>6s} {'wrong':>6s} {'unmatch':>7s} | "
          f"{'shown':>5s} {'right':>6s} {'wrong':>6s} {'unmatch':>7s}")
    for k in KINDS:
        c = rows.get(k, Counter())
        print(f"  {k:10s} {c['n']:5d} {c['named']:6d} {c['right']:6d} {c['wrong']:6d} {c['unmatched']:7d} | "
              f"{c['shown']:5d} {c['shown right']:6d} {c['shown wrong']:6d} {c['shown unmatched']:7d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--pred", type=Path, help="``briefing quotes`` output for --gold (default: run it here)")
    ap.add_argument("--examples", choices=("statement", "thing"), help="list the predictions of this kind")
    ap.add_argument(
        "--thresholds", nargs=2, type=float, metavar=("DIRECT", "INDIRECT"),
        help="display thresholds (default: the shipped ones; another version's to count its --pred output)",
    )
    args = ap.parse_args(argv)
    logging.disable(logging.WARNING)
    sc = load_scorer()
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.pred is None:
        out = io.StringIO()
        with args.gold.open(encoding="utf-8") as f:
            quotes_jsonl(f, out)
        lines = out.getvalue().splitlines()
    else:
        lines = args.pred.read_text(encoding="utf-8").splitlines()
    pred = {d["id"]: d["quotes"] for d in map(json.loads, lines)}
    if args.thresholds:
        thresholds = dict(zip(("direct", "indirect"), args.thresholds, strict=True))
    else:
        thresholds = {k: quote_display_threshold(k) for k in ("direct", "indirect")}
    res = count(gold, pred, sc, thresholds)
    print("Gold speaker mentions by kind: " + ", ".join(f"{k} {res['gold'][k]}" for k in KINDS))
    table("Predicted speaker mentions by the kind of their head (relay records left out):", res["mentions"])
    table("Predicted speaker names by the kind of their head:", res["names"])
    if args.examples:
        for kind, head, rest in sorted(res["examples"]):
            if kind == args.examples or (args.examples == "thing" and "name=" in rest and kind != "thing"):
                print(f"  {kind:9s} {head} {rest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
