"""The quotation records of a text, for the quotation unit tests (sentences, the rules, then the records:
no actors)."""

from __future__ import annotations

from briefing.extract.quotes import extract_quotes, to_records
from briefing.extract.sentences import split_sentences
from briefing.models import Quote


def quotes_of(text: str) -> list[Quote]:
    """Every quotation record of ``text``."""
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    return to_records(text, found, sents)


def quote_containing(text: str, fragment: str, *, direct_first: bool = False, direct_only: bool = False) -> Quote:
    """The first quotation of ``text`` whose words hold ``fragment`` (failing the test when there is none);
    ``direct_first``: a quotation in marks before a reported one, ``direct_only``: only those in marks."""
    hits = [q for q in quotes_of(text) if fragment in q.text and (q.kind == "direct" or not direct_only)]
    assert hits, f"no {'direct ' if direct_only else ''}quotation containing {fragment!r}"
    if direct_first:
        hits.sort(key=lambda q: q.kind != "direct")
    return hits[0]
