"""The quotation steps' fast paths give the answers of the plain computations they stand in for.

Each fast path (a per-sentence index, a per-word memo, a search by a range's periods) is compared with
the straightforward computation on German sentences of our own, including the edge cases the fast path
must hand back to the plain one (a range that cuts a word, a range across sentences).
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import cues, speakers
from briefing.extract.quotes.base import WORD
from briefing.extract.sentences import abbreviations, split_sentences

TEXTS = [
    "Bundeskanzler Friedrich Merz sagte am Montag in Berlin, die Lage sei ernst. CDU-Chef Jens Spahn widersprach.",
    "Nach Angaben der Polizei wurden drei Menschen verletzt. Nach Polizeiangaben war die Straße gesperrt.",
    "Die Ministerin Anna Roth und Außenamtssprecherin Maria Sacharowa trafen sich. Nach dem Spiel ging es weiter.",
    "Dr. Peter Huber, Prof. Eva Klein u. a. sprachen mit ver.di-Chef Frank Werneke in der U.S.A.-Botschaft.",
    "„Wir sind bereit“, sagte Kanzlerin Merkel.Als Nächstes sprach der Präsident. Das war es. Ende.",
    "Nach seiner Ansicht ist der Vorschlag gut. Seiner Meinung nach irrt der Minister Karl Lauterbach.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_source_noun_words_match_the_sentence_search(text: str) -> None:
    for sb, se in split_sentences(text):
        words = WORD.findall(text, sb, se)
        assert any(map(cues._ends_in_source_noun, words)) == bool(cues._SOURCE_NOUN.search(text, sb, se))


def test_source_noun_ends_a_compound_only_at_its_end() -> None:
    assert cues._ends_in_source_noun("Polizeiangaben")
    assert cues._ends_in_source_noun("ANGABEN")
    assert not cues._ends_in_source_noun("Angabenliste")


def _tokenise_plain(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for m in speakers.TOKEN.finditer(text, start, end):
        b, e, tok = m.start(), m.end(), m.group()
        if tok.endswith(".") and len(tok) > 2 and tok[:-1] not in abbreviations():
            e, tok = e - 1, tok[:-1]
        out.append((b, e, tok))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_tokenise_gives_every_word_its_period_as_the_plain_reading(text: str) -> None:
    for start in range(0, len(text), 5):
        if start and not text[start - 1].isspace():
            continue  # blocks start after whitespace
        starts, toks = speakers._tokenise(text, start, len(text))
        assert toks == _tokenise_plain(text, start, len(text))
        assert starts == [b for b, _, _ in toks]
