"""Story grouping measured: cosines of same-event and different-event article pairs, small and big days.

Usage: python3 benchmarks/story_similarity.py [--big PATH.jsonl] [--cache DIR] [--pairs N]

Where :data:`briefing.assemble.stories.STORY_SIMILARITY` comes from.  Two kinds of day:

* Small days with known stories: the reference day (``seeds/``, 2025-09-04: four reports of one event, a fifth file
is background),
  the test days under ``tests/data/`` (``days/*``, ``assemble/multi_event``, ``editor_day``).  For each
  day the script prints every pair's cosine, marked ``same`` (one story by :data:`EXPECTED`) or ``diff``,
  then the lowest same-event and the highest different-event cosine of all small days.
* A big day: the 700 WikiNews articles of the quote set (``../shared/eval/quotes/train.jsonl``, CC BY-NC-SA
  4.0, Petersen-Frey & Biemann, LREC-COLING 2024) given one date.  Their own dates tell the pairs apart
  without labels: articles written more than :data:`APART_DAYS` days apart report different events (a
  close cosine between them is a topic neighbour: two fires, two match days); the closest pairs written
  within :data:`CLOSE_DAYS` days are listed with their titles to be read.  The script prints the share of
  far-apart pairs at or above the threshold, the clusters :func:`~briefing.assemble.stories.cluster`
  builds that join articles written far apart, and the quantiles of both kinds.

Articles are ingested and extracted once and kept (pickled) in ``--cache``; delete it after changing
extraction.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import tempfile
from collections import Counter
from datetime import date
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = ROOT.parent / "shared" / "eval" / "quotes" / "train.jsonl"
DATA = ROOT / "tests" / "data"
# Articles written this many days apart (or more) report different events.
APART_DAYS = 30
# Articles written at most this many days apart may report one event.
CLOSE_DAYS = 2
BIG_DAY = date(2025, 1, 15)

# Small days: folder, day, stories of more than one article (file stems); every other file is its own story.
EXPECTED: list[tuple[Path, date, list[set[str]]]] = [
    (ROOT / "seeds", date(2025, 9, 4),
     [{"000_f52fc81975fd1a73", "001_b8a8f14ce05327aa", "003_696e33ab7f94c894", "004_7207ac820dfab686"}]),
    (DATA / "editor_day", date(2026, 3, 10), [{"01_vorschau", "02_einigung", "03_agentur"}]),
    (DATA / "assemble" / "multi_event", date(2025, 1, 15),
     [{"wikinews_7537", "wikinews_8562"}, {"wikinews_30456", "wikinews_30570"}]),
    (DATA / "days" / "agrargipfel", date(2026, 3, 12), [{"a1", "a2"}]),
    (DATA / "days" / "werk_schliessung", date(2026, 5, 20), [{"01_werk", "02_protest"}]),
    (DATA / "days" / "braende_und_spiele", date(2026, 6, 14), [{"01_lagerhalle", "02_getraenkehandel"}]),
    (DATA / "days" / "elbe_hochwasser", date(2026, 6, 8), [{"01_pegel", "02_katastrophenfall"}]),
    (DATA / "days" / "drohnen_gipfel", date(2026, 10, 2), [{"a1", "a2", "a3"}]),
    (DATA / "days" / "bahnstreik", date(2026, 11, 14), [{"b1", "b2", "b3"}]),
    (DATA / "days" / "wahlrecht_urteil", date(2027, 1, 20), [{"c1", "c2"}]),
    (DATA / "days" / "rentenpaket", date(2026, 12, 5), [{"r1", "r2"}]),
    (DATA / "days" / "rueckfuehrung", date(2026, 12, 6), [{"m1", "m2"}]),
    (DATA / "days" / "eauto_zoelle", date(2026, 12, 4), [{"e1", "e2", "e3"}]),
    (DATA / "days" / "mercosur_dach", date(2026, 12, 7), [{"m1", "m2", "m3", "m4"}]),
    (DATA / "days" / "vermoegen_gipfel", date(2025, 10, 24), [{"v1", "v2", "v3"}]),
    (DATA / "days" / "wehrdienst", date(2025, 12, 5), [{"a1", "a2"}]),
    (DATA / "days" / "bundestag_freitag", date(2026, 3, 20), [{"b1", "b3"}]),
    (DATA / "days" / "asylreform_reaktionen", date(2026, 11, 27), [{"a1", "a2"}]),
    (DATA / "days" / "urteile_karlsruhe", date(2026, 12, 1), [{"u1", "u2"}]),
    (DATA / "days" / "werk_hameln", date(2026, 12, 2), [{"w1", "w2"}]),
    (DATA / "days" / "sportgericht_stadtrat", date(2026, 12, 3), [{"s1", "s2"}]),
    (DATA / "days" / "klinik_streiks", date(2026, 12, 4), [{"k1", "k2"}]),
    (DATA / "days" / "ozeankonferenz", date(2026, 12, 9), [{"o1", "o2", "o3", "o4"}, {"o5", "o6"}]),
]


def _extractor():
    from briefing.extract import load_pipeline

    return load_pipeline("blank")


def folder_facts(folder: Path, day: date, cache: Path) -> list:
    """The day's ArticleFacts (selected as a build selects them), from the cache when present."""
    key = cache / (re.sub(r"\W+", "_", str(folder.resolve())) + ".pickle")
    if key.exists():
        return pickle.loads(key.read_bytes())
    from briefing import ingest

    selection = ingest.select_day(ingest.read_folder(folder), day, undated="include")
    extractor = _extractor()
    facts = [extractor.extract(a) for a in selection.articles]
    key.write_bytes(pickle.dumps(facts))
    return facts


def big_facts(path: Path, cache: Path) -> tuple[list, dict[str, date], dict[str, str]]:
    """The articles of ``path`` as one day; their own dates and titles by file stem."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    dates = {f"w{r['id']}": date.fromisoformat(r["date"]) for r in rows}
    titles = {f"w{r['id']}": re.sub(r"^\d+ - | \(\d{4}-\d\d-\d\d\)$", "", r["title"]) for r in rows}
    key = cache / f"big_{path.stem}.pickle"
    if key.exists():
        return pickle.loads(key.read_bytes()), dates, titles
    with tempfile.TemporaryDirectory(prefix="story_similarity_") as tmp:
        for r in rows:
            Path(tmp, f"w{r['id']}.txt").write_text(
                f"{titles['w' + r['id']]}\n\n{BIG_DAY:%d.%m.%Y}\n\n{r['text'].strip()}\n", encoding="utf-8")
        facts = folder_facts(Path(tmp), BIG_DAY, Path(tmp))
    key.write_bytes(pickle.dumps(facts))
    return facts, dates, titles


def stem(f) -> str:
    return Path(f.article.path).stem


def small_days(cache: Path) -> tuple[list[float], list[float], int]:
    from briefing.assemble.stories import cluster, follows_up, placed_event, same_headline_event, vectorise
    from briefing.assemble.text import cosine

    same, diff, wrong = [], [], 0
    for folder, day, groups in EXPECTED:
        facts = folder_facts(folder, day, cache)
        vectors, _ = vectorise(facts)
        names = [stem(f) for f in facts]
        group_of = {n: k for k, g in enumerate(groups) for n in g}
        print(f"\n{folder.relative_to(ROOT)} ({day}, {len(facts)} articles)")
        for i, j in combinations(range(len(facts)), 2):
            c = cosine(vectors[i].event, vectors[j].event)
            one = names[i] in group_of and group_of.get(names[i]) == group_of.get(names[j])
            (same if one else diff).append(c)
            anchor = cosine(vectors[i].anchor, vectors[j].anchor)
            rare = len(vectors[i].rare & vectors[j].rare)
            headline = ", headline and lead shared" if same_headline_event(vectors[i], vectors[j]) else ""
            if follows_up(vectors[i], vectors[j]) or follows_up(vectors[j], vectors[i]):
                headline += ", one lead refers back to the other's headline"
            if placed_event(vectors[i], vectors[j]) or placed_event(vectors[j], vectors[i]):
                headline += ", one event named by its place"
            print(f"  {c:.3f} {'same' if one else 'diff'}  {names[i]} ~ {names[j]}  (names aside {anchor:.3f}, "
                  f"rare words shared {rare}{headline})")
        got = sorted(sorted(names[i] for i in c) for c in cluster(vectors))
        expected = sorted(sorted(g) for g in [*groups, *({n} for n in names if n not in group_of)])
        print(f"  stories: {'as expected' if got == expected else f'WRONG: {got}'}")
        wrong += got != expected
    return same, diff, wrong


def quantiles(xs: list[float]) -> str:
    xs = sorted(xs)
    if not xs:
        return "-"
    return " ".join(f"{q}:{xs[min(len(xs) - 1, int(q / 100 * len(xs)))]:.3f}" for q in (50, 90, 99)) + \
        f" max:{xs[-1]:.3f}"


def big_day(path: Path, cache: Path, threshold: float, show: int) -> None:
    from briefing.assemble.stories import (
        ANCHOR_SIMILARITY,
        FOLLOW_UP_SIMILARITY,
        cluster,
        follows_up,
        placed_event,
        same_event,
        same_headline_event,
        vectorise,
    )
    from briefing.assemble.text import cosine

    facts, dates, titles = big_facts(path, cache)
    vectors, _ = vectorise(facts)
    names = [stem(f) for f in facts]
    far, close = [], []
    for i, j in combinations(range(len(facts)), 2):
        apart = abs((dates[names[i]] - dates[names[j]]).days)
        c = cosine(vectors[i].event, vectors[j].event)
        if apart >= APART_DAYS:
            far.append((c, i, j))
        elif apart <= CLOSE_DAYS:
            close.append((c, i, j))
    print(f"\nbig day: {len(facts)} articles of {path.name} as one day")
    print(f"  pairs written >= {APART_DAYS} days apart (different events): {len(far)}; "
          f"at or above {threshold}: {sum(c >= threshold for c, _, _ in far)}; "
          f"quantiles {quantiles([c for c, _, _ in far])}")
    anchored = [(i, j) for c, i, j in far if c < threshold and same_event(vectors[i], vectors[j], threshold)]
    print(f"  far-apart pairs below it linked by their rare words or headline (stories.ANCHOR_SIMILARITY): "
          f"{len(anchored)}")
    for i, j in anchored[:show]:
        print(f"    {titles[names[i]][:60]} ~ {titles[names[j]][:60]}")
    for kind, pairs in (("far-apart", far), (f"written <= {CLOSE_DAYS} days apart", close)):
        headline = [(c, i, j) for c, i, j in pairs if c < threshold and same_headline_event(vectors[i], vectors[j])
                    and cosine(vectors[i].anchor, vectors[j].anchor) >= ANCHOR_SIMILARITY]
        print(f"  {kind} pairs below it that share headline and lead (stories.same_headline_event): {len(headline)}")
        for c, i, j in sorted(headline, reverse=True)[:show]:
            print(f"    {c:.3f}  {titles[names[i]][:60]} ~ {titles[names[j]][:60]}")
    for kind, pairs in (("far-apart", far), (f"written <= {CLOSE_DAYS} days apart", close)):
        refer = [(cosine(vectors[i].anchor, vectors[j].anchor), i, j) for c, i, j in pairs
                 if c < threshold and (follows_up(vectors[i], vectors[j]) or follows_up(vectors[j], vectors[i]))]
        print(f"  {kind} pairs below it of which one lead refers back to the other's headline (stories.follows_up): "
              f"{len(refer)}; names aside at or above stories.FOLLOW_UP_SIMILARITY ({FOLLOW_UP_SIMILARITY}): "
              f"{sum(a >= FOLLOW_UP_SIMILARITY for a, _, _ in refer)}")
        for a, i, j in sorted(refer, reverse=True)[:show]:
            print(f"    {a:.3f}  {titles[names[i]][:60]} ~ {titles[names[j]][:60]}")
    for kind, pairs in (("far-apart", far), (f"written <= {CLOSE_DAYS} days apart", close)):
        placed = [(cosine(vectors[i].anchor, vectors[j].anchor), i, j) for c, i, j in pairs
                  if c < threshold and (placed_event(vectors[i], vectors[j]) or placed_event(vectors[j], vectors[i]))]
        print(f"  {kind} pairs below it that name one event by its place (stories.placed_event): {len(placed)}; "
              f"names aside at or above stories.FOLLOW_UP_SIMILARITY: "
              f"{sum(a >= FOLLOW_UP_SIMILARITY for a, _, _ in placed)}")
        for a, i, j in sorted(placed, reverse=True)[:show]:
            print(f"    {a:.3f}  {titles[names[i]][:60]} ~ {titles[names[j]][:60]}")
    print("  closest far-apart pairs (topic neighbours):")
    for c, i, j in sorted(far, reverse=True)[:show]:
        print(f"    {c:.3f}  {titles[names[i]][:60]} ~ {titles[names[j]][:60]}")
    print(f"  pairs written <= {CLOSE_DAYS} days apart: {len(close)}; at or above {threshold}: "
          f"{sum(c >= threshold for c, _, _ in close)}")
    for c, i, j in sorted(close, reverse=True)[:show]:
        print(f"    {c:.3f}  {titles[names[i]][:60]} ~ {titles[names[j]][:60]}")
    clusters = [c for c in cluster(vectors, threshold) if len(c) > 1]
    mixed = [c for c in clusters
             if (max(dates[names[i]] for i in c) - min(dates[names[i]] for i in c)).days >= APART_DAYS]
    print(f"  clusters of several articles: {len(clusters)} ({sum(map(len, clusters))} articles); "
          f"joining articles written >= {APART_DAYS} days apart: {len(mixed)} ({sum(map(len, mixed))} articles)")
    sizes = Counter(len(c) for c in clusters)
    print(f"  cluster sizes: {dict(sorted(sizes.items()))}")


def main(argv: list[str]) -> int:
    from briefing.assemble.stories import STORY_SIMILARITY

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", type=Path, default=BIG)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "briefing_story_similarity")
    ap.add_argument("--pairs", type=int, default=12, help="closest pairs of each kind listed for the big day")
    ap.add_argument("--threshold", type=float, default=STORY_SIMILARITY)
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    same, diff, wrong = small_days(args.cache)
    print(f"\nsmall days: same-event pairs {len(same)}, lowest {min(same):.3f}; different-event pairs {len(diff)}, "
          f"highest {max(diff):.3f}; days grouped wrong at {args.threshold}: {wrong}")
    if args.big.exists():
        big_day(args.big, args.cache, args.threshold, args.pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
