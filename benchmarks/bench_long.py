"""Extraction cost of one long article: does it stay linear in the text length?

    python3 benchmarks/bench_long.py [--max-chars N] [--data FILE]

Joins the texts of the quotation dev set (150 German news articles, about 240,000
characters) into single articles of 0.24, 0.48, 0.96, 1.9 and up to ``--max-chars``
(default 5,000,000: the ingest limit for one file) characters and extracts each with
``load_pipeline("blank").extract`` in this process, after a warm-up.  Prints seconds
and microseconds per character per size, and the per-character cost of the largest
article against the smallest (linear is 1.0; the budget here is 1.5: a rule that
compares every quotation with every mention shows up as a ratio growing with size).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl"
MAX_PER_CHAR_RATIO = 1.5


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-chars", type=int, default=5_000_000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    logging.disable(logging.WARNING)  # unbalanced quotation marks in the joined texts are reported per article
    from briefing.extract.nlp import load_pipeline
    from briefing.models import Article

    with open(args.data, encoding="utf-8") as f:
        base = "\n\n".join(json.loads(line)["text"] for line in f if line.strip())
    extractor = load_pipeline("blank")
    extractor.extract(Article(path="warm-up", text=base[:100_000]))
    sizes, k = [], 1
    while True:
        size = min(len(base) * k + 2 * (k - 1), args.max_chars)
        sizes.append(size)
        if size >= args.max_chars:
            break
        k *= 2
    per_char = []
    for size in sizes:
        copies = -(-size // len(base))
        text = "\n\n".join([base] * copies)[:size]
        t0 = time.perf_counter()
        facts = extractor.extract(Article(path=f"long-{size}", text=text))
        secs = time.perf_counter() - t0
        per_char.append(secs / len(text) * 1e6)
        print(f"{len(text):>10,} chars: {secs:6.2f} s, {per_char[-1]:.2f} us/char, "
              f"{len(facts.quotes)} quotes, {len(facts.actors)} actors", flush=True)
    ratio = per_char[-1] / per_char[0]
    ok = ratio <= MAX_PER_CHAR_RATIO
    print(f"per-character cost, largest / smallest: {ratio:.2f} (linear 1.0; budget {MAX_PER_CHAR_RATIO})")
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
