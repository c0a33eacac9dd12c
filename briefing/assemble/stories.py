"""Group the day's articles into stories, one per event.

Each article becomes a TF-IDF vector of its stemmed content words (title
counted twice) plus its named actors' surname keys.  A small day compares every
pair; on a big day candidate pairs come from an inverted index over each
article's heaviest, reasonably rare terms, capped per article, so a
1,000-article day costs about linear time; a candidate pair
whose cosine reaches :data:`STORY_SIMILARITY` is the same event and linked
(union-find).  A lone article is its own story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.assemble.actors import name_key
from briefing.assemble.text import content_terms, cosine, idf_table, vector
from briefing.models import ArticleFacts

# Cosine of two articles' TF-IDF vectors from which they report the same event.  Measured: the four
# reports of the reference day (seeds/, 2025-09-04) score 0.23-0.35 with each other, unrelated WikiNews
# articles put into one small day score below 0.06; on the 700 WikiNews articles of the quote set taken
# as one big day, reports of one event score 0.34-0.68 and articles that merely share a topic (two
# fires, two Bundesliga match days) 0.18-0.26.  0.2 keeps small days' same-event reports together with
# a margin; on big days it may join close topic neighbours, which a reader sees as one story.
STORY_SIMILARITY = 0.2
# The title names the event: its words weigh like this many mentions in the body.
TITLE_WEIGHT = 2
# A named actor (folded surname key) shared by two articles is strong evidence of one event.
ACTOR_WEIGHT = 2
# Vectors keep their heaviest terms only: enough to characterise an event, cheap to compare.
VECTOR_TERMS = 80
# Blocking: an article is indexed under its heaviest terms ...
BLOCKING_TERMS = 12
# ... that occur in at most this share of the day's articles (common words are no evidence) ...
BLOCKING_MAX_DF_SHARE = 0.2
# ... (in small days every term may serve) ...
BLOCKING_MIN_DF = 30
# ... and meets, per blocking term, only this many articles on either side of it in the term's posting
# list: the work per article is bounded (linear days), while the articles of a big event still link up
# in a chain through union-find ...
BLOCKING_WINDOW = 10
# ... and is compared with at most this many candidates (those sharing most blocking terms) ...
MAX_CANDIDATES = 25
# ... that share at least this many of its blocking terms: reports of one event share several of their
# heaviest rare terms (names, places, numbers), one shared term alone is coincidence.
MIN_SHARED_BLOCKING = 2
# Blocking only saves time: a day of up to this many articles compares every pair (at most ~11,000
# cosines, milliseconds), so a short preview and the outcome report of one event (cosine 0.26) that share
# only one of their twelve heaviest terms are still one story.
EXHAUSTIVE_MAX_ARTICLES = 150


@dataclass(frozen=True)
class ArticleVector:
    """What clustering and summarising need about one article."""

    index: int
    terms: Counter[str]
    vector: dict[str, float]


def article_terms(facts: ArticleFacts) -> Counter[str]:
    """Term counts of an article: body, title (weighted) and actor surname keys."""
    counts = Counter(content_terms(facts.article.text))
    for term in content_terms(facts.article.title or ""):
        counts[term] += TITLE_WEIGHT
    for actor in facts.actors:
        key = name_key(actor)
        if key:
            counts["@" + key] += ACTOR_WEIGHT * max(1, len(actor.mentions))
    return counts


def vectorise(facts: Sequence[ArticleFacts]) -> tuple[list[ArticleVector], dict[str, float]]:
    """TF-IDF vectors of the day's articles, and the day's IDF table."""
    counts = [article_terms(f) for f in facts]
    idf = idf_table(c.keys() for c in counts)
    return [ArticleVector(i, c, vector(c, idf, keep=VECTOR_TERMS)) for i, c in enumerate(counts)], idf


def _candidates(vectors: Sequence[ArticleVector]) -> list[list[int]]:
    if len(vectors) <= EXHAUSTIVE_MAX_ARTICLES:
        return [[j for j in range(len(vectors)) if j != i] for i in range(len(vectors))]
    max_df = max(BLOCKING_MIN_DF, int(len(vectors) * BLOCKING_MAX_DF_SHARE))
    df: Counter[str] = Counter()
    for v in vectors:
        df.update(v.vector.keys())
    keys: list[list[tuple[str, int]]] = []  # (term, position of the article in the term's posting list)
    index: dict[str, list[int]] = defaultdict(list)
    for v in vectors:
        usable = [(w, t) for t, w in v.vector.items() if df[t] <= max_df]
        top = [t for _, t in sorted(usable, key=lambda wt: (-wt[0], wt[1]))[:BLOCKING_TERMS]]
        keys.append([(t, len(index[t])) for t in top])
        for t in top:
            index[t].append(v.index)
    out = []
    for v in vectors:
        shared: Counter[int] = Counter()
        for t, pos in keys[v.index]:
            postings = index[t]
            for j in postings[max(0, pos - BLOCKING_WINDOW) : pos + BLOCKING_WINDOW + 1]:
                if j != v.index:
                    shared[j] += 1
        ranked = sorted(((j, c) for j, c in shared.items() if c >= MIN_SHARED_BLOCKING), key=lambda jc: (-jc[1], jc[0]))
        out.append([j for j, _ in ranked[:MAX_CANDIDATES]])
    return out


def cluster(vectors: Sequence[ArticleVector], threshold: float = STORY_SIMILARITY) -> list[list[int]]:
    """Group article indices into stories.

    Returns:
        Clusters of indices, each sorted, clusters ordered by their first index.
    """
    parent = list(range(len(vectors)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, cands in enumerate(_candidates(vectors)):
        for j in cands:
            if j > i and find(i) != find(j) and cosine(vectors[i].vector, vectors[j].vector) >= threshold:
                ri, rj = find(i), find(j)
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(vectors)):
        groups[find(i)].append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def centrality(members: Sequence[int], vectors: Sequence[ArticleVector]) -> dict[int, float]:
    """Cosine of each member with the story's centroid (1.0 for a lone article)."""
    if len(members) == 1:
        return {members[0]: 1.0}
    centroid: dict[str, float] = defaultdict(float)
    for i in members:
        for t, x in vectors[i].vector.items():
            centroid[t] += x
    norm = sum(x * x for x in centroid.values()) ** 0.5 or 1.0
    c = {t: x / norm for t, x in centroid.items()}
    return {i: cosine(vectors[i].vector, c) for i in members}
