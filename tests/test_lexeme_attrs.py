"""The faster lexeme attribute getters give spaCy's values."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy
from spacy.lang import lex_attrs as spacy_attrs

from briefing.extract import lexeme_attrs
from briefing.extract.lexeme_attrs import FASTER, speed_up_lexeme_attrs
from briefing.extract.nlp import make_nlp

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ALL_CHARS = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
WORDS = [
    "Regierung", "sagte", "EU", "EU-Kommission", "2025", "٣٤", "²", "3,5", "10km", "Dr.", "z.B.", "ǅemal", "ǅ",
    "Ärger", "ÄRGER", "über", "İstanbul", "ﬁnden", "ŉ", "Σίσυφος", "日本語", "Straße", "ß", "ẞ", "Hallo!", "„", "“",
    "''", "``", "br24.de", "www.br24.de", "http://x", "https://br24.de/a", "mail@example.org", "a.", ".a", "a:b",
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsbesichtigungsterminvereinbarung",
    "x" * 99, "X" + "x" * 98, "X" * 99, "1" * 99, "x" * 100, "", "Ⓐ", "Ⅻ", "ⅻ", "µm", "km²",
]


def test_the_member_sets_are_spacys() -> None:
    """Our sets are the tuples spaCy's functions test (read from their code: a spaCy upgrade is noticed)."""
    pairs = [
        (spacy_attrs.is_bracket, lexeme_attrs._BRACKETS),
        (spacy_attrs.is_quote, lexeme_attrs._QUOTES),
        (spacy_attrs.is_left_punct, lexeme_attrs._LEFT_PUNCT),
        (spacy_attrs.is_right_punct, lexeme_attrs._RIGHT_PUNCT),
    ]
    for fn, ours in pairs:
        (theirs,) = [c for c in fn.__code__.co_consts if isinstance(c, tuple)]
        assert set(theirs) == set(ours), fn.__name__


@pytest.mark.parametrize("spacy_getter", list(FASTER), ids=lambda f: f.__name__)
def test_every_character_and_word_gets_spacys_value(spacy_getter) -> None:  # type: ignore[no-untyped-def]
    ours = FASTER[spacy_getter]
    texts = [*ALL_CHARS, *WORDS, *(c * 5 for c in ALL_CHARS[:0x3000]), *("A" + c + "b" for c in ALL_CHARS[:0x3000])]
    texts += [w for p in sorted(SEEDS.glob("*.txt")) for w in p.read_text(encoding="utf-8").split()]
    # (spaCy's like_url and prefix fail on the empty string, a word no lexeme is made for: ours the same way)
    assert [_outcome(ours, t) for t in texts] == [_outcome(spacy_getter, t) for t in texts]


def _outcome(getter, text: str) -> object:  # type: ignore[no-untyped-def]
    """The getter's value for ``text``, or the type of the exception it raises."""
    try:
        return getter(text)
    except Exception as e:  # noqa: BLE001 (any failure must be the same failure)
        return type(e)


def test_the_pipeline_uses_them_and_leaves_other_vocabularies_alone() -> None:
    nlp, stock = make_nlp(components=()), spacy.blank("de")
    assert nlp.vocab.lex_attr_getters is not stock.vocab.lex_attr_getters
    assert set(FASTER.values()) <= set(nlp.vocab.lex_attr_getters.values())
    assert not set(FASTER.values()) & set(stock.vocab.lex_attr_getters.values())
    assert speed_up_lexeme_attrs(nlp.vocab) == 0  # nothing of spaCy's generic ones left to replace


def test_lexemes_are_those_of_the_stock_vocabulary() -> None:
    """Every attribute of every word of the seed articles, as spacy.blank("de") makes it."""
    nlp, stock = make_nlp(components=()), spacy.blank("de")
    names = ["norm_", "shape_", "prefix_", "suffix_", "is_alpha", "is_ascii", "is_digit", "is_lower", "is_upper",
             "is_title", "is_punct", "is_space", "is_bracket", "is_quote", "is_left_punct", "is_right_punct",
             "is_currency", "like_url", "like_num", "like_email", "is_stop", "lang_"]
    for text in [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [" ".join(WORDS[:-1])]:
        ours, theirs = nlp.make_doc(text), stock.make_doc(text)
        assert [[getattr(t, a) for a in names] for t in ours] == [[getattr(t, a) for a in names] for t in theirs]
