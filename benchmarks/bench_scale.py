"""Scaling of a day build: 100 vs 1,000 articles through ingest -> extract -> assemble.

Usage: python3 benchmarks/bench_scale.py [--sizes 100 1000] [--data PATH ...]

Writes each size's articles as .txt files (title line, date line, text) into a
temporary folder, then times ``ingest.read_folder`` + ``select_day``, the
extraction of every article and ``assemble``; rendering is left out (its cost
does not grow with the number of articles: a briefing shows at most
``max_stories`` stories).  Texts are the German WikiNews articles of the quote
evaluation set (../shared/eval/quotes/*.jsonl, CC BY-NC-SA 4.0, Petersen-Frey &
Biemann, LREC-COLING 2024), all given one date.  Beyond the 850 available
texts, the longest texts are split in two halves that become two articles (two
reports of one event), so a 1,000-article day has 1,000 distinct articles.
Smaller days take every k-th article of the largest day, so article lengths
are alike at every size and the ratio measures scaling, not text length.

Each build runs in a fresh process, as ``briefing build`` does for a day: the
pipeline is loaded and a warm-up day of the five reference seeds runs first (lazy
imports, first calls; not timed), then the day is built once and timed.  Each
size is built ``--repeat`` times (default 3) and the build with the least CPU
time counts.  (Building the same articles again in one process measures a
cache-warm re-run that no real day sees, and its smallest size was a 0.4 s
window that swung the ratio between 10 and 17 from run to run.)
Prints per size the wall time of each stage and the CPU time of the whole,
then the ratio time(largest)/time(smallest), wall and CPU, against the linear
ratio (the budget is 12 for 1,000 vs 100, judged on CPU time because wall time
on the shared machine also measures the neighbours' load) and the largest wall
time (the budget is 60 s on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = [ROOT.parent / "shared" / "eval" / "quotes" / "train.jsonl",
                ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl"]
DAY = date(2025, 1, 15)
MAX_RATIO = 12.0
MAX_SECONDS_1000 = 60.0


def load_texts(paths: list[Path]) -> list[tuple[str, str]]:
    rows = []
    for p in paths:
        with p.open(encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                title = re.sub(r"^\d+ - | \(\d{4}-\d\d-\d\d\)$", "", r.get("title") or "").strip()
                rows.append((title, r["text"].strip()))
    return rows


def day_texts(texts: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """``n`` distinct articles: the texts as they are, and beyond them the longest texts split in two.

    Each half of a split text is a file of its own with its own wording, so ingest's duplicate check keeps
    both and the day really has ``n`` articles (two reports of one event, like two papers' articles).
    """
    if n <= len(texts):
        return texts[:n]
    extra = n - len(texts)
    if extra > len(texts):
        raise SystemExit(f"only {len(texts)} texts: cannot build a day of {n} distinct articles")
    longest = set(sorted(range(len(texts)), key=lambda i: (-len(texts[i][1]), i))[:extra])
    out = []
    for i, (title, text) in enumerate(texts):
        if i not in longest:
            out.append((title, text))
            continue
        paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        if len(paras) < 2:  # one long paragraph: split at the middle sentence boundary
            cut = text.find(". ", len(text) // 2) + 1 or len(text) // 2
            halves = [text[:cut], text[cut:]]
        else:
            half = len(paras) // 2
            halves = ["\n\n".join(paras[:half]), "\n\n".join(paras[half:])]
        out += [(title, halves[0].strip()), (f"{title} (Fortsetzung)", halves[1].strip())]
    return out


def write_day(folder: Path, texts: list[tuple[str, str]], n: int) -> None:
    for i, (title, text) in enumerate(texts[:n]):
        (folder / f"{i:04d}.txt").write_text(f"{title}\n\n{DAY:%d.%m.%Y}\n\n{text}\n", encoding="utf-8")


def run(n: int, texts: list[tuple[str, str]], extractor) -> dict[str, float]:
    from briefing import assemble, ingest

    with tempfile.TemporaryDirectory(prefix="bench_scale_") as tmp:
        folder = Path(tmp)
        write_day(folder, texts, n)
        c0, t0 = time.process_time(), time.perf_counter()
        selection = ingest.select_day(ingest.read_folder(folder), DAY, undated="include")
        t1 = time.perf_counter()
        facts = [extractor.extract(a) for a in selection.articles]
        t2 = time.perf_counter()
        b = assemble.assemble(DAY, facts, background=[], excluded=selection.excluded, title="Bench", max_stories=8)
        c3, t3 = time.process_time(), time.perf_counter()
    return {"articles": len(selection.articles), "stories": len(b.stories),
            "ingest": t1 - t0, "extract": t2 - t1, "assemble": t3 - t2, "total": t3 - t0, "cpu": c3 - c0}


def child(n: int, largest_n: int, data: list[Path]) -> dict[str, float]:
    """One day build of ``n`` articles in this (fresh) process, as ``briefing build`` runs it."""
    largest = day_texts(load_texts(data), largest_n)
    from briefing.extract import load_pipeline

    extractor = load_pipeline("blank")
    # Warm-up (not timed): lazy imports and first calls, on the reference seeds (not in any measured day).
    seeds = [("Warm-up", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    run(len(seeds), seeds, extractor)
    # Every size draws evenly from the largest day, so articles are alike in length at every size.
    step = len(largest) / n
    return run(n, [largest[int(k * step)] for k in range(n)], extractor)


def measure(n: int, largest_n: int, data: list[Path]) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(n), "--largest", str(largest_n), "--data", *map(str, data)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        sys.exit(f"size {n} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--data", type=Path, nargs="+", default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=3,
                    help="builds per size, each in a fresh process; the fastest counts (the machine is shared)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--largest", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.largest or args.child, args.data)))
        return 0
    results = {}
    for n in args.sizes:
        runs = [measure(n, max(args.sizes), args.data) for _ in range(max(1, args.repeat))]
        r = min(runs, key=lambda x: x["cpu"])
        results[n] = r
        print(f"{n:>5} files: {r['articles']} articles, {r['stories']} stories shown; "
              f"ingest {r['ingest']:.2f} s, extract {r['extract']:.2f} s, assemble {r['assemble']:.2f} s, "
              f"total {r['total']:.2f} s (CPU {r['cpu']:.2f} s)", flush=True)
    small, large = min(results), max(results)
    ok = True
    if large != small:
        ratio = results[large]["total"] / results[small]["total"]
        cpu_ratio = results[large]["cpu"] / results[small]["cpu"]
        a_ratio = results[large]["assemble"] / max(results[small]["assemble"], 1e-9)
        print(f"ratio time({large})/time({small}) = {ratio:.2f} wall, {cpu_ratio:.2f} CPU (linear {large / small:.0f}; "
              f"budget {MAX_RATIO:.0f} for 1000/100); assemble alone {a_ratio:.2f} wall")
        if (small, large) == (100, 1000):
            # CPU time decides: on the shared 2-core machine wall time also measures the neighbours' load.
            ok = cpu_ratio <= MAX_RATIO
    if large >= 1000:
        print(f"time({large}) = {results[large]['total']:.1f} s (budget {MAX_SECONDS_1000:.0f} s)")
        ok = ok and results[large]["total"] <= MAX_SECONDS_1000
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
