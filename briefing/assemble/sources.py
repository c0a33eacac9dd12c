"""Sources: number the articles a briefing uses and find agency reprints.

Sources are numbered S1..Sn in a fixed order (date, publisher, path) so the
same folder always gives the same numbers.  Two articles that credit the same
agency (dpa, Reuters ...) and share much of their wording are one confirmation,
not two: the later one is marked ``independent=False``.
"""

from __future__ import annotations

import functools
import zlib
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from briefing.assemble.text import complete_title, fold, words
from briefing.models import Article, Source

UNDATED_LABEL = "Datum unbekannt"
UNKNOWN_PUBLISHER = "Unbekannte Quelle"
# Word n-grams ("shingles") compare wording; five words rarely repeat by chance in news text.
SHINGLE_WORDS = 5
# Keep one shingle in SHINGLE_SAMPLE (chosen by a stable hash) - containment estimates stay good
# while the index stays small for 1,000-article days.
SHINGLE_SAMPLE = 4
# Shared agency + this share of the shorter text's shingles = a reprint of the same agency copy.
AGENCY_REPRINT_CONTAINMENT = 0.4
# Without a shared agency credit only near-verbatim copies count as one confirmation.
VERBATIM_CONTAINMENT = 0.8
# A shingle found in more articles than this is boilerplate (a standard credit line), not shared copy;
# the cap also keeps the comparison linear in the size of the day.
MAX_SHINGLE_POSTINGS = 10


def source_order_key(article: Article) -> tuple[bool, str, str, str]:
    """Sort key for numbering: dated before undated, then date, publisher, path."""
    return (article.date is None, article.date or "", fold(article.publisher or ""), article.path)


@functools.lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    # crc32, not hash(): str hashes change between runs and would make the sample (and output) vary.
    return zlib.crc32(word.encode("utf-8"))


def _shingles(text: str) -> frozenset[int]:
    hs = [_word_hash(w) for w in words(text)]
    out = set()
    for i in range(len(hs) - SHINGLE_WORDS + 1):
        h = hash(tuple(hs[i : i + SHINGLE_WORDS]))  # hashes of int tuples do not vary between runs
        if h % SHINGLE_SAMPLE == 0:
            out.add(h)
    return frozenset(out)


def reprints(articles: Sequence[Article]) -> dict[int, int]:
    """Map index -> index of the earlier article whose agency copy it reprints.

    ``articles`` must already be in source order (:func:`source_order_key`); only articles that share a
    sampled shingle are compared, so the cost grows with the overlap, not with
    the square of the day.
    """
    shingles = [_shingles(a.text) for a in articles]
    postings: dict[int, list[int]] = defaultdict(list)
    for i, sh in enumerate(shingles):
        for h in sh:
            postings[h].append(i)
    out: dict[int, int] = {}
    for i, sh in enumerate(shingles):
        if not sh:
            continue
        shared: dict[int, int] = defaultdict(int)
        for h in sh:
            plist = postings[h]
            if len(plist) > MAX_SHINGLE_POSTINGS:
                continue
            for j in plist:
                if j < i:
                    shared[j] += 1
        agencies_i = {fold(a) for a in articles[i].agency}
        for j in sorted(shared, key=lambda j: (-shared[j], j)):
            contained = shared[j] / min(len(sh), len(shingles[j]))
            agencies_j = {fold(a) for a in articles[j].agency}
            if contained >= VERBATIM_CONTAINMENT or (
                agencies_i & agencies_j and contained >= AGENCY_REPRINT_CONTAINMENT
            ):
                out[i] = out.get(j, j)
                break
    return out


def date_label(article: Article) -> str:
    """German date for display ("4. September 2025"), or "Datum unbekannt"."""
    if not article.date:
        return UNDATED_LABEL
    from babel.dates import format_date

    parts = article.date.split("-")
    try:
        nums = [int(p) for p in parts]
        if len(nums) == 3 and article.date_precision in ("day", "unknown"):
            return format_date(date(*nums), "d. MMMM y", locale="de")
        if len(nums) >= 2:
            return format_date(date(nums[0], nums[1], 1), "MMMM y", locale="de")
    except ValueError:
        pass
    return article.date


def make_sources(
    articles: Sequence[Article], reprinted: frozenset[str] = frozenset()
) -> tuple[list[Source], dict[str, str]]:
    """Number ``articles`` S1..Sn and build their Source records.

    Args:
        articles: the articles the briefing uses.
        reprinted: paths of articles that reprint another article's agency copy (see :func:`reprints`).

    Returns:
        The sources in order and a map article path -> source id.
    """
    ordered = sorted(articles, key=source_order_key)
    sources = []
    ids: dict[str, str] = {}
    for i, a in enumerate(ordered):
        sid = f"S{i + 1}"
        ids[a.path] = sid
        sources.append(
            Source(
                id=sid,
                publisher=a.publisher or UNKNOWN_PUBLISHER,
                title=complete_title((a.title or "").strip(), a.text) or None,
                date=a.date,
                path=a.path,
                url=a.url,
                date_label=date_label(a),
                agency=tuple(a.agency),
                independent=a.path not in reprinted,
                date_inferred=a.date_inferred,
                opinion=a.opinion,
            )
        )
    return sources, ids
