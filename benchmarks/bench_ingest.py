"""How ingest scales with the number of articles in a folder.

Builds a folder of N synthetic articles (sentences of the seed articles shuffled into new
texts, with page furniture around them, every 10th article a near-copy of another) and
measures, in this process:

* ``read``: :func:`briefing.ingest.read_folder` on the folder (decode, clean, infer, dedupe);
* ``dedupe``: deduplication alone on the articles read;
* ``floor``: reading and decoding the files' bytes (what any ingest must pay).

It prints the ratios ``read / floor`` and, for N and N/4 articles, ``dedupe(N) / dedupe(N/4)``
(about 4 for linear scaling, 16 for all pairs).

    python benchmarks/bench_ingest.py            # N = 1000
    python benchmarks/bench_ingest.py -n 400
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.ingest import read_folder  # noqa: E402
from briefing.ingest.dedupe import dedupe  # noqa: E402

FURNITURE_HEAD = "Vorlesen 0:00 0:00 News folgen Artikel teilen\n\nBild\nBildrechte: dpa-Bildfunk/Foto Grafen\n\n"
FURNITURE_TAIL = "\n\nDas ist die Europäische Perspektive bei BR24.\n\n4 Sep 2025\n"


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if 40 < len(s) < 300 and "|" not in s]


def make_folder(folder: Path, n: int, seed: int = 1) -> None:
    """Write ``n`` synthetic articles into ``folder``."""
    rng = random.Random(seed)
    pool = _sentences()
    bodies: list[str] = []
    for i in range(n):
        if i % 10 == 9 and bodies:  # a near-copy of an earlier article under other furniture
            body = bodies[rng.randrange(len(bodies))].replace(" und ", " sowie ", 1)
        else:
            sentences = rng.sample(pool, 12)
            body = "\n\n".join(" ".join(sentences[j : j + 3]) for j in range(0, 12, 3))
            bodies.append(body)
        (folder / f"{i:05d}.txt").write_text(FURNITURE_HEAD + body + FURNITURE_TAIL, encoding="utf-8")


def _timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="articles in the folder (default 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_folder(folder, args.n)
        floor = _timed(lambda: [p.read_bytes().decode("utf-8") for p in sorted(folder.iterdir())])
        t0 = time.perf_counter()
        result = read_folder(folder)
        read = time.perf_counter() - t0
        articles = list(result.articles)
        dups = sum(1 for e in result.excluded if "Duplikat" in e.reason)
        make_folder(folder, args.n, seed=2)  # the same N files rewritten with other texts
        others = [a for a in read_folder(folder).articles]
        all_articles = articles + others[: args.n - len(articles)]  # N articles, of them about N/10 copies
        quarter = all_articles[: len(all_articles) // 4]
        t_full = _timed(lambda: dedupe(all_articles))
        t_quarter = _timed(lambda: dedupe(quarter))
    print(f"articles: {args.n} files, {len(articles)} kept, {dups} duplicates found")
    print(f"floor (read+decode bytes): {floor * 1000:.1f} ms")
    print(
        f"read_folder:               {read * 1000:.1f} ms  ({read / floor:.0f}x floor, "
        f"{read / args.n * 1000:.2f} ms/article)"
    )
    print(f"dedupe {len(all_articles)} articles:       {t_full * 1000:.1f} ms")
    print(f"dedupe {len(quarter)} articles:        {t_quarter * 1000:.1f} ms")
    print(f"scaling dedupe(N)/dedupe(N/4): {t_full / t_quarter:.1f} (linear: 4, all pairs: 16)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
