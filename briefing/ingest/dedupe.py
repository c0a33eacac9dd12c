"""Find duplicate articles: the same file twice, or the same text under different furniture.

Articles are compared by word shingles (runs of :data:`SHINGLE_WORDS` words of the
case-folded cleaned text; words hashed with CRC-32 and runs as tuples of those numbers,
so results do not depend on Python's string hash seed).  Two articles are near-duplicates
when the shingles they share cover at least :data:`NEAR_DUPLICATE` of the smaller one
(containment): the same agency text on two sites, or one a shortened copy of the other.

The articles are visited best first (more metadata, then longer, then by path) and each is
compared only with the articles already kept, through an inverted index from a fixed sample
of shingles (those whose hash is divisible by :data:`SAMPLE`) to the kept articles that have
them; the few best candidates are then compared exactly on all shingles.  An article's cost
is the total length of its sampled shingles' posting lists, so a day of 1,000 articles
dedupes in roughly linear time; shingles shared by more than :data:`MAX_POSTINGS` kept
articles are stock phrases and are not followed.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.models import Article

SHINGLE_WORDS = 5
# Containment at or above this is the same text (different furniture, a cut at the end).
# Rewrites of one agency report by different outlets share far less (typically < 0.5).
NEAR_DUPLICATE = 0.8
# Below this many shingles a text is compared only exactly (too short to judge overlap).
MIN_SHINGLES = 8
# Stock phrases shared by this many kept articles are no evidence of duplication.
MAX_POSTINGS = 50
# How many of the best-overlapping kept articles are verified exactly.
MAX_CANDIDATES = 3
# Only shingles whose hash is divisible by this are indexed (a fixed, content-defined sample):
# a copy sharing 80 % of the shingles shares about 80 % of the sample too, at a quarter of the cost.
SAMPLE = 4
# Texts with fewer sampled shingles than this index all of them.
MIN_SAMPLE = 8

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    """``article`` is a copy of ``kept`` with this similarity (1.0 = identical)."""

    article: Article
    kept: Article
    similarity: float
    identical_file: bool = False

    def reason(self) -> str:
        """The German reason shown in ``excluded_sources``."""
        name = Path(self.kept.path).name
        if self.identical_file:
            return f"Duplikat von {name} (identische Datei)"
        return f"Duplikat von {name} ({round(self.similarity * 100)} % gleich)"


def words(text: str) -> list[str]:
    """The case-folded words of ``text``."""
    return _WORD.findall(text.casefold())


def shingles(text: str) -> frozenset[int]:
    """Hashes of the runs of :data:`SHINGLE_WORDS` words in ``text``."""
    return _shingles(words(text))


def _shingles(w: list[str]) -> frozenset[int]:
    if len(w) < SHINGLE_WORDS:
        return frozenset([zlib.crc32(" ".join(w).encode("utf-8"))]) if w else frozenset()
    # Words become CRC-32 numbers, runs of them tuples: hashing a tuple of ints is
    # deterministic in CPython (no hash seed), and zip keeps the loop in C.
    ids = {word: zlib.crc32(word.encode("utf-8")) for word in set(w)}
    seq = [ids[word] for word in w]
    return frozenset(map(hash, zip(*(seq[k:] for k in range(SHINGLE_WORDS)), strict=False)))


def dedupe(
    articles: Sequence[Article], score: Callable[[Article], int] = lambda a: 0
) -> tuple[list[Article], list[Duplicate]]:
    """Split ``articles`` into the kept ones (in their input order) and the duplicates.

    Args:
        articles: the articles of a folder.
        score: how much metadata an article has; of two copies the higher score is kept.

    Returns:
        ``(kept, duplicates)``.
    """
    order = sorted(range(len(articles)), key=lambda i: (-score(articles[i]), -len(articles[i].text), articles[i].path))
    kept: list[int] = []
    dups: list[Duplicate] = []
    by_checksum: dict[str, int] = {}
    by_text: dict[str, int] = {}
    sets: dict[int, frozenset[int]] = {}
    index: dict[int, list[int]] = {}
    for i in order:
        a = articles[i]
        if a.checksum and a.checksum in by_checksum:
            dups.append(Duplicate(a, articles[by_checksum[a.checksum]], 1.0, identical_file=True))
            continue
        w = words(a.text)
        norm = " ".join(w)
        if norm in by_text:
            dups.append(Duplicate(a, articles[by_text[norm]], 1.0))
            continue
        sh = _shingles(w)
        match = _near(sh, sets, index) if len(sh) >= MIN_SHINGLES else None
        if match is not None:
            j, sim = match
            dups.append(Duplicate(a, articles[j], sim))
            continue
        kept.append(i)
        if a.checksum:
            by_checksum[a.checksum] = i
        by_text[norm] = i
        sets[i] = sh
        if len(sh) >= MIN_SHINGLES:
            for h in _sample(sh):
                index.setdefault(h, []).append(i)
    kept.sort()
    dups.sort(key=lambda d: d.article.path)
    return [articles[i] for i in kept], dups


def _sample(sh: frozenset[int]) -> frozenset[int] | list[int]:
    sampled = [h for h in sh if h % SAMPLE == 0]
    return sampled if len(sampled) >= MIN_SAMPLE else sh


def _near(sh: frozenset[int], sets: dict[int, frozenset[int]], index: dict[int, list[int]]) -> tuple[int, float] | None:
    counts: Counter[int] = Counter()
    for h in _sample(sh):
        posting = index.get(h)
        if posting and len(posting) <= MAX_POSTINGS:
            counts.update(posting)
    best: tuple[int, float] | None = None
    # most_common breaks ties by insertion order, which follows the sorted shingle walk of a
    # frozenset: sort explicitly so the result never depends on set iteration order.
    for j, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:MAX_CANDIDATES]:
        other = sets[j]
        sim = len(sh & other) / min(len(sh), len(other))
        if sim >= NEAR_DUPLICATE and (best is None or sim > best[1]):
            best = (j, sim)
    return best
