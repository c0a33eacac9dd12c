#!/usr/bin/env python3
"""Why gold reported and free indirect speech is missed: counts and examples on the training split.

Usage:
    python scripts/reported_errors.py TRAIN.jsonl [--type Reported|FreeIndirect] [--show N]

For every gold quotation of the type (default Reported) that no prediction matches (overlap at
least half the longer span), the script names the first reason that applies:

* ``quotation in sentence``: the sentence holds a quotation another rule found, so the
  reported-speech rules leave it alone;
* ``part of sentence``: the gold span is under half its sentence (a clause: "…, und kündigten
  weitere Aktionen an"), which a sentence-level report cannot match;
* ``verb not learned``: the sentence would be a report with a candidate verb that
  reported_verbs.txt does not keep (the verb is counted);
* ``no report verb``: no candidate verb in the main clause, or no subject that can speak
  (passives such as "wurde … genannt", verbs outside the lexicons);
* ``other``: anything else (a speaker filter, a skipped first verb).

It prints the counts, the most frequent unlearned verbs and, with --show, examples of each reason.
Read-only: nothing is learned or written. Tune on train only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learn_reported_verbs import _cover, _pairs  # noqa: E402

from briefing.extract.nlp import break_punctuation_runs  # noqa: E402
from briefing.extract.quotes import extract_quotes, find_pairs, mask_quotes  # noqa: E402
from briefing.extract.quotes.speech_acts import (  # noqa: E402
    candidate_lemmas,
    find_reports,
    reported_lemmas,
    sentences_with_quotes,
)
from briefing.extract.sentences import split_sentences  # noqa: E402


def reasons(path: Path, qtype: str) -> tuple[Counter, Counter, dict[str, list[str]], int]:
    """(reason counts, unlearned verb counts, examples per reason, gold total) for ``qtype``."""
    counts: Counter = Counter()
    verbs: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    total = 0
    learned = reported_lemmas()
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        text = break_punctuation_runs(doc["text"])
        sents = split_sentences(text)
        found, _ = extract_quotes(text, sents)
        golds = [s for q in doc["quotes"] if q["type"] == qtype and (s := _cover(q["quote"]["spans"]))]
        total += len(golds)
        matched = {gi for gi, _ in _pairs(golds, [(f.start, f.end) for f in found])}
        taken = sentences_with_quotes(sents, found)
        masked = mask_quotes(text, find_pairs(text)[0])
        every = {r.sent: r for r in find_reports(masked, sents, set(), candidate_lemmas())}
        for gi, (b, e) in enumerate(golds):
            if gi in matched:
                continue
            k = next((i for i, (sb, se) in enumerate(sents) if sb <= b < se), None)
            if k is None:
                continue
            sb, se = sents[k]
            if k in taken:
                reason = "quotation in sentence"
            elif 2 * (min(e, se) - max(b, sb)) < se - sb:
                reason = "part of sentence"
            elif k in every and every[k].lemma not in learned:
                reason = "verb not learned"
                verbs[every[k].lemma] += 1
            elif k not in every:
                reason = "no report verb"
            else:
                reason = "other"
            counts[reason] += 1
            examples[reason].append(text[b:e].replace("\n", " ")[:160])
    return counts, verbs, examples, total


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("--type", default="Reported", choices=["Reported", "FreeIndirect"])
    ap.add_argument("--show", type=int, default=0, help="examples per reason")
    args = ap.parse_args(argv)
    counts, verbs, examples, total = reasons(args.train, args.type)
    print(f"gold {args.type}: {total}, missed {sum(counts.values())}")
    for reason, n in counts.most_common():
        print(f"  {reason:22s} {n}")
        for ex in examples[reason][: args.show]:
            print(f"      {ex}")
    if verbs:
        print("unlearned verbs: " + ", ".join(f"{v} {n}" for v, n in verbs.most_common(20)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
