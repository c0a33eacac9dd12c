"""A seeded sample of kind 6 (indirect that is not) and kind 7 (missed indirect and reported) on train, to read.

    .venv/bin/python scripts/reported_sample.py --seed 19 --n 60 > /tmp/sample.txt

Runs the rules over train (``quote_cv.prepare``), pairs them with the gold the way ``quote_cv.error_kinds``
does (all types), and prints ``--n`` of the predicted indirect quotations no gold quotation matches and ``--n``
of the gold Indirect, IndirectFreeIndirect and Reported quotations no prediction matches, drawn with
``random.Random(seed).sample`` over each list in document order, each with its out-of-fold confidence (the
shipped L2 penalties, folds k mod 5), the gold or predicted quotations it overlaps and the sentences around it.
Train only: dev stays untouched.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quote_cv as cv  # noqa: E402

MISSED_TYPES = ("Indirect", "IndirectFreeIndirect", "Reported")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=cv.DEFAULT_TRAIN)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument(
        "--shown",
        action="store_true",
        help="also print every indirect quotation shown with a name out of fold "
        "(at the shipped display threshold) that the reader's label counts wrong",
    )
    ap.add_argument("--threshold", type=float, default=None, help="the display threshold (default: the shipped one)")
    args = ap.parse_args(argv)
    scorer = cv.load_scorer(cv.DEFAULT_SCORER)
    docs = cv.prepare(args.train, scorer, None)
    folds = [[d for k, d in enumerate(docs) if k % cv.FOLDS == i] for i in range(cv.FOLDS)]
    l2 = json.loads(cv.WEIGHTS.read_text(encoding="utf-8"))["l2"]
    conf = cv.out_of_fold(folds, l2)
    false: list[str] = []
    missed: list[str] = []
    shown_wrong: list[str] = []
    shown_n = 0
    threshold = args.threshold or json.loads(cv.WEIGHTS.read_text(encoding="utf-8"))["display_threshold_indirect"]
    for d in docs:
        text = d.gold["text"]
        golds = cv.gold_quotes(d.gold, scorer, False)
        ps = [dict(p, _span=p["span"], _k=k) for k, p in enumerate(d.preds)]
        pairs = scorer._match(text, golds, ps)
        matched_p = {id(p) for _, p in pairs}
        matched_g = {id(g) for g, _ in pairs}
        for p in ps:
            c = conf[(d.gold["id"], p["_k"])]
            shown_n += p["kind"] != "direct" and bool(p["speaker"]["name"]) and c >= threshold
            if p["kind"] != "direct" and p["speaker"]["name"] and c >= threshold and d.label(p["_k"], "reader") == 0:
                b, e = p["span"]
                shown_wrong.append(
                    f"[{d.gold['id']} #{p['_k']} conf {c:.3f}] {text[b:e][:240]!r}\n  speaker: {p['speaker']['name']!r}"
                    f"\n  | {cv._context(d, b, e)}\n"
                )
            if id(p) in matched_p or p["kind"] == "direct":
                continue
            b, e = p["span"]
            near = [
                f"{g['type']} {text[g['_span'][0] : g['_span'][1]][:120]!r} by {g['speaker']['text']!r}"
                for g in golds
                if scorer._overlap(g["_span"], p["span"]) > 0
            ]
            sp = p["speaker"]
            false.append(
                f"[{d.gold['id']} #{p['_k']} conf {conf[(d.gold['id'], p['_k'])]:.3f} "
                f"how {next((f[4:] for f in d.feats[p['_k']] if f.startswith('how_')), '?')}] "
                f"{text[b:e][:240]!r}\n  speaker: {sp['name']!r}; gold overlapping: {'; '.join(near) or 'none'}\n"
                f"  | {cv._context(d, b, e)}\n"
            )
        for g in golds:
            if id(g) in matched_g or g["type"] not in MISSED_TYPES:
                continue
            b, e = g["_span"]
            near = [
                f"{p['kind']} {text[p['span'][0] : p['span'][1]][:120]!r}"
                for p in ps
                if scorer._overlap(g["_span"], p["span"]) > 0
            ]
            missed.append(
                f"[{d.gold['id']} {g['type']}] {text[b:e][:240]!r} by {g['speaker']['text']!r}\n"
                f"  ours overlapping: {'; '.join(near) or 'none'}\n  | {cv._context(d, b, e)}\n"
            )
    if args.shown:
        print(
            f"# indirect shown with a name out of fold from {threshold} on: {shown_n}, wrong by the reader: "
            f"{len(shown_wrong)}\n"
        )
        for k, item in enumerate(shown_wrong, 1):
            print(f"{k}. {item}")
    rng = random.Random(args.seed)
    for title, items in (("kind 6, indirect that is not", false), ("kind 7, missed indirect/reported", missed)):
        print(f"# {title}: {len(items)}, sample of {min(args.n, len(items))} (seed {args.seed})\n")
        for k, item in enumerate(rng.sample(items, min(args.n, len(items))), 1):
            print(f"{k}. {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
