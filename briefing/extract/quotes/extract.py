"""``extract_quotes``: the quotation steps in order, over a plain string and its sentences."""

from __future__ import annotations

import bisect
import re

from briefing.extract.quotes.base import Cue, Found, words_in
from briefing.extract.quotes.cues import find_cues
from briefing.extract.quotes.direct import direct_quotes
from briefing.extract.quotes.free_indirect import sollen_continuations
from briefing.extract.quotes.indirect import complement_quotes, indirect_quotes, trim_to_konjunktiv_clause
from briefing.extract.quotes.marks import find_pairs, mask_quotes
from briefing.extract.quotes.quoted_speech import SpeechJudge
from briefing.extract.quotes.ranker import Chooser, rank_speakers
from briefing.extract.quotes.reported import continuations, free_reported
from briefing.extract.quotes.resolve import resolve_missing_speakers
from briefing.extract.quotes.speakers import unmasked
from briefing.extract.quotes.speech_acts import reported_speech
from briefing.extract.sentences import split_sentences
from briefing.ingest.clean import HEADING_MAX_CHARS


def in_heading(text: str, start: int, end: int) -> bool:
    """Is ``[start, end)`` inside a heading of the article: a short paragraph of its own, with text after it, that
    no full stop, question or exclamation mark ends ("16.20 Uhr: Wadephul fordert mehr Hilfe")? A heading is the
    newsroom's shorthand for what the paragraphs under it report with their sources, no one's reported words. (A
    line ending in a colon leads in to what follows: no heading.) Only the span's own line is read (a heading is at
    most HEADING_MAX_CHARS long), so the cost does not grow with the text."""
    if "\n" in text[start:end].strip():
        return False
    window = HEADING_MAX_CHARS + 1
    last = text.find("\n", end, end + window)
    first = text.rfind("\n", max(0, start - window), start) + 1
    if last < 0 or (first == 0 and start >= window) or _TEXT_AFTER.search(text, last) is None:
        return False  # a line longer than a heading; or the text's last line, which heads nothing
    para = text[first:last].strip()
    if not para or len(para) > HEADING_MAX_CHARS:
        return False
    return para.rstrip(_CLOSING_MARKS)[-1:] not in ".!?…:"


# Closing quotation marks and brackets that may follow a sentence's final punctuation.
_CLOSING_MARKS = "\"“”«»‘’)]"
# Something written after a line: a heading heads it.
_TEXT_AFTER = re.compile(r"\S")


def extract_quotes(
    text: str,
    sents: list[tuple[int, int]] | None = None,
    reported_lemmas: frozenset[str] | None = None,
    ranker: Chooser | None = None,
    judge: SpeechJudge | None = None,
    rank_every: bool = False,
) -> tuple[list[Found], list[str]]:
    """All quotations of ``text``.

    Args:
        text: the article text.
        sents: sentence spans; :func:`split_sentences` when not given.
        reported_lemmas: the verbs that make reported speech (default: the learned ones;
            scripts/learn_reported_verbs.py passes others).
        ranker: who chooses among each quotation's speaker candidates (default: the shipped speaker
            ranker, :mod:`.ranker`; scripts/learn_speaker_ranker.py passes a recorder).
        judge: who judges which quotations in marks are direct speech (default: the shipped model,
            :mod:`.quoted_speech`; scripts/learn_quoted_speech.py passes one that learns).
        rank_every: rank every quotation's speaker candidates, those the rules found at a cue and those
            they left without a speaker too (scripts/learn_speaker_ranker.py measures them; see
            :func:`.ranker.rank_speakers`).

    Returns:
        The quotations in text order and warnings (unbalanced marks and the like).
    """
    if not text or not text.strip():
        return [], []
    if sents is None:
        sents = split_sentences(text)
    if not sents:
        return [], []
    pairs, warnings = find_pairs(text)
    masked = mask_quotes(text, pairs)
    pair_ends = [p.end for p in pairs]
    sent_starts = [b for b, _ in sents]
    sent_words = [words_in(masked, sb, se) for sb, se in sents]
    cues = find_cues(masked, sents, pair_ends, text, sent_words)
    by_sent: dict[int, list[Cue]] = {}
    for c in cues:
        by_sent.setdefault(c.sent, []).append(c)

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    found: list[Found] = []
    used_cues: set[int] = set()
    direct = direct_quotes(text, masked, pairs, sents, by_sent, sent_of, used_cues, sent_words, judge)
    found.extend(direct)
    found.extend(indirect_quotes(text, masked, sents, by_sent, pairs, used_cues))
    found.extend(continuations(text, masked, sents, pairs, found, sent_words))
    found.extend(free_reported(text, masked, sents, found, sent_words))
    found.extend(reported_speech(masked, sents, found, reported_lemmas, sent_words))
    found.extend(sollen_continuations(text, masked, sents, found))
    found = [f for f in found if f.kind == "direct" or not in_heading(text, f.start, f.end)]
    found.sort(key=lambda f: (f.start, f.end))
    resolve_missing_speakers(text, masked, sents, found, sent_of)
    # Free reported speech whose Konjunktiv sits in a clause after the main clause starts there; its
    # speaker is looked for again (the main clause's subject is now in front of it), the others' kept.
    trimmed = [f for f in trim_to_konjunktiv_clause(text, masked, sents, found) if not f.attributed]
    if trimmed:
        for f in trimmed:
            f.speaker = None
        again = set(map(id, trimmed))
        found.sort(key=lambda f: (f.start, f.end))
        resolve_missing_speakers(
            text, masked, sents, [f for f in found if f.speaker is not None or id(f) in again], sent_of
        )
    # Clauses after a learned complement word come last: the rules above (and the speakers they lend each
    # other) are not to change for them.
    extra = complement_quotes(text, masked, sents, found, sent_words)
    if extra:
        found.extend(extra)
        found.sort(key=lambda f: (f.start, f.end))
        resolve_missing_speakers(text, masked, sents, found, sent_of)
    rank_speakers(masked, sents, found, by_sent, sent_of, ranker, rank_every)
    for f in found:  # speakers were read from the masked text: a quoted name in one gets its words back
        f.speaker, f.mention = unmasked(f.speaker, text), unmasked(f.mention, text)
    return found, warnings
