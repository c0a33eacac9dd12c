"""Extraction throughput against bare spaCy tokenising, measured in the same run.

    python3 benchmarks/bench_extract.py [--json] [--limit N] [--data DIR]

Runs, on the texts of the quotation gold set (train + dev, 850 German news articles):

* baseline: ``spacy.blank("de")`` tokenising every text;
* extraction: ``load_pipeline("blank").extract(Article(path=id, text=text))`` — all
  components (sentences, actors, quotes, figures, positions, outlook);
* quotes only: sentences + quotes (the component this benchmark was written for).

Each measurement runs in its own subprocess (peak memory via ru_maxrss, load time)
and times the tokenising baseline in that same process, interleaved with it and over
windows of about the same length, so machine load hits both sides of the ratio alike.
Prints throughputs (tokens/s and chars/s), the ratio to the baseline (best against
best; floor: extraction >= 25 % of tokenising), the median of the paired ratios, peak
memory (floor < 500 MB) and pipeline load time.  Single process, no parallelism.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path("/work/shared/eval/quotes")
# Floors from the issue: extraction keeps at least this share of tokenising throughput...
MIN_RATIO = 0.25
# ...and stays below this peak resident memory.
MAX_PEAK_MB = 500
# Timed passes per measurement (best one counts); the CPUs are shared with other work.
REPEATS = 7


def load_texts(data: Path, limit: int | None) -> list[tuple[str, str]]:
    texts = []
    for name in ("train.jsonl", "dev.jsonl"):
        path = data / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    texts.append((str(d["id"]), d["text"]))
    if not texts:
        sys.exit(f"no texts found in {data} (train.jsonl, dev.jsonl)")
    return texts[:limit] if limit else texts


def run_one(mode: str, data: Path, limit: int | None) -> dict:
    """Measure one mode in this process (called in a subprocess)."""
    sys.path.insert(0, str(ROOT))
    texts = load_texts(data, limit)
    t0 = time.perf_counter()
    import spacy

    if mode == "tokenise":
        nlp = spacy.blank("de")
        run = nlp.make_doc
    elif mode == "extract":
        from briefing.extract.nlp import load_pipeline
        from briefing.models import Article

        extractor = load_pipeline("blank")

        def run(text: str, _id: list[int] = [0]) -> object:  # noqa: B006 (counter)
            _id[0] += 1
            return extractor.extract(Article(path=str(_id[0]), text=text))
    elif mode == "quotes":
        from briefing.extract.nlp import make_nlp

        nlp = make_nlp("blank", components=("briefing_quotes",))
        run = nlp
    else:
        raise SystemExit(f"unknown mode {mode}")
    load = time.perf_counter() - t0
    # The baseline is measured in the same process, interleaved with the measured pipeline, so
    # machine load (shared CPUs) affects both sides of the ratio alike.
    base_nlp = spacy.blank("de")
    n_tokens = sum(len(base_nlp.make_doc(t)) for _, t in texts)  # also warms the baseline's vocab
    n_chars = sum(len(t) for _, t in texts)
    for _, text in texts:  # warm the measured pipeline too (first-use caches, lexemes)
        run(text)
    # Both sides are timed over windows of about the same length: tokenising is ~4x faster, so its
    # window covers the texts several times.  (The best of several 0.6 s windows catches a quiet moment
    # of a noisy machine more often than the best of as many 2.5 s windows does, which tilts the ratio
    # against the pipeline.)  The median of the paired ratios is reported as well.
    t1 = time.perf_counter()
    for _, text in texts:
        base_nlp.make_doc(text)
    one_base = time.perf_counter() - t1
    t1 = time.perf_counter()
    for _, text in texts:
        run(text)
    one_run = time.perf_counter() - t1
    base_rounds = max(1, round(one_run / one_base))
    base_times, run_times = [], []
    for _ in range(REPEATS):  # interleaved, best of each: other users' load comes and goes
        t1 = time.perf_counter()
        for _ in range(base_rounds):
            for _, text in texts:
                base_nlp.make_doc(text)
        base_times.append((time.perf_counter() - t1) / base_rounds)
        t1 = time.perf_counter()
        for _, text in texts:
            run(text)
        run_times.append(time.perf_counter() - t1)
    base_secs, secs = min(base_times), min(run_times)
    paired = statistics.median(b / r for b, r in zip(base_times, run_times, strict=True))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode,
        "docs": len(texts),
        "tokens": n_tokens,
        "chars": n_chars,
        "seconds": round(secs, 3),
        "tokens_per_s": round(n_tokens / secs),
        "chars_per_s": round(n_chars / secs),
        "load_s": round(load, 3),
        "ratio": round(base_secs / secs, 3),
        "paired_median_ratio": round(paired, 3),
        "baseline_rounds": base_rounds,
        "peak_mb": round(peak_mb, 1),
    }


def measure(mode: str, data: Path, limit: int | None) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--data", str(data)]
    if limit:
        cmd += ["--limit", str(limit)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        sys.exit(f"{mode} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--limit", type=int, help="only the first N texts")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train.jsonl/dev.jsonl")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.data, args.limit)))
        return 0
    base = measure("tokenise", args.data, args.limit)
    rows = [base, measure("extract", args.data, args.limit), measure("quotes", args.data, args.limit)]
    full = rows[1]
    verdict = {
        "ratio_ok": full["ratio"] >= MIN_RATIO,
        "memory_ok": full["peak_mb"] < MAX_PEAK_MB,
    }
    if args.json:
        print(
            json.dumps(
                {"results": rows, "floors": {"min_ratio": MIN_RATIO, "max_peak_mb": MAX_PEAK_MB}, **verdict}, indent=2
            )
        )
    else:
        print(f"{base['docs']} texts, {base['tokens']} tokens, {base['chars']} chars")
        print(
            f"{'mode':10s} {'tokens/s':>10s} {'chars/s':>11s} {'ratio':>7s} {'paired':>7s} "
            f"{'peak MB':>8s} {'load s':>7s}"
        )
        for r in rows:
            print(
                f"{r['mode']:10s} {r['tokens_per_s']:>10d} {r['chars_per_s']:>11d} {r['ratio']:>7.3f} "
                f"{r['paired_median_ratio']:>7.3f} "
                f"{r['peak_mb']:>8.1f} {r['load_s']:>7.3f}"
            )
        print(
            f"extraction/tokenising ratio {full['ratio']:.3f} (floor {MIN_RATIO}): "
            f"{'ok' if verdict['ratio_ok'] else 'BELOW FLOOR'}; peak {full['peak_mb']:.0f} MB "
            f"(floor < {MAX_PEAK_MB}): {'ok' if verdict['memory_ok'] else 'ABOVE FLOOR'}"
        )
    return 0 if all(verdict.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
