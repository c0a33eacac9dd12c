"""Faster getters of spaCy's lexeme attributes, with the same values.

spaCy computes 23 attributes in Python for every word it has not seen before (``Vocab._new_lexeme``),
which one pass over a day's articles does for most of its words (the getters took ~0.33 s of a ~3 s
cold pass over the 850 gold-set texts; their calls are most of it).  The slowest of spaCy's generic
getters get equivalents that answer the usual words (letters only, digits only, no period, no "@")
without the per-character Python loop or regex and fall back to spaCy's own function otherwise;
membership in spaCy's short tuples becomes a frozenset lookup; the getters that only call a str method or
slice the word become that method or an itemgetter (C-level callables: no Python frame per call).  Each
replaces spaCy's function only where the vocabulary uses exactly that function (a language with its own
getter keeps it).
tests/test_lexeme_attrs.py compares every getter with spaCy's on every character and on words of
each kind.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from spacy.lang import lex_attrs as spacy_attrs

# spaCy's word_shape: this long or longer is "LONG"; runs of one shape character are cut at this many.
_LONG_SHAPE = 100
_SHAPE_RUN = 4


def word_shape(text: str) -> str:
    """spaCy's ``word_shape`` ("Regierung" -> "Xxxxx", "2025" -> "dddd")."""
    if len(text) < _LONG_SHAPE:
        if text.isalpha():
            # (a letter's shape is "X" when it is uppercase, else "x": islower() rules out uppercase letters)
            if text.islower():
                return "x" * min(len(text), _SHAPE_RUN)
            rest = text[1:]
            if text[0].isupper() and (not rest or rest.islower()):
                return "X" + "x" * min(len(rest), _SHAPE_RUN)
        elif text.isdigit():
            return "d" * min(len(text), _SHAPE_RUN)
    return spacy_attrs.word_shape(text)


def like_url(text: str) -> bool:
    """spaCy's ``like_url``: a word without "." or ":" is none (it needs a period, or "http://")."""
    if text and "." not in text and ":" not in text:
        return False
    return spacy_attrs.like_url(text)


def is_punct(text: str) -> bool:
    """spaCy's ``is_punct``: a word starting with a letter or digit is none."""
    if text[:1].isalnum():
        return False
    return spacy_attrs.is_punct(text)


def is_currency(text: str) -> bool:
    """spaCy's ``is_currency``: a word starting with a letter or digit is none (no currency sign is one)."""
    if text[:1].isalnum():
        return False
    return spacy_attrs.is_currency(text)


def like_email(text: str) -> bool:
    """spaCy's ``like_email``: a word without "@" is none."""
    if "@" not in text:
        return False
    return spacy_attrs.like_email(text)


def like_num(text: str) -> bool:
    """spaCy's ``like_num``: a word of letters only is none (it needs digits)."""
    if text.isalpha():
        return False
    return spacy_attrs.like_num(text)


def _member_of(members: tuple[str, ...]) -> Callable[[str], bool]:
    """A getter answering ``text in members`` by a set lookup (spaCy's getter tests a tuple): the set's
    own ``__contains__``, called from spaCy's loop without a Python frame."""
    return frozenset(members).__contains__


# spaCy's sets, as its functions spell them (spacy/lang/lex_attrs.py)
_BRACKETS = ("(", ")", "[", "]", "{", "}", "<", ">")
_QUOTES = ('"', "'", "`", "«", "»", "‘", "’", "‚", "‛", "“", "”", "„", "‟", "‹", "›", "❮", "❯", "''", "``")
_LEFT_PUNCT = ("(", "[", "{", "<", '"', "'", "«", "‘", "‚", "‛", "“", "„", "‟", "‹", "❮", "``")
_RIGHT_PUNCT = (")", "]", "}", ">", '"', "'", "»", "’", "”", "›", "❯", "''")

# spaCy's getter -> ours
FASTER: dict[Callable[[str], Any], Callable[[str], Any]] = {
    spacy_attrs.word_shape: word_shape,
    spacy_attrs.like_url: like_url,
    spacy_attrs.is_punct: is_punct,
    spacy_attrs.is_currency: is_currency,
    spacy_attrs.like_email: like_email,
    spacy_attrs.like_num: like_num,
    spacy_attrs.is_ascii: str.isascii,
    spacy_attrs.is_bracket: _member_of(_BRACKETS),
    spacy_attrs.is_quote: _member_of(_QUOTES),
    spacy_attrs.is_left_punct: _member_of(_LEFT_PUNCT),
    spacy_attrs.is_right_punct: _member_of(_RIGHT_PUNCT),
    # spaCy's one-line getters that only call a str method or slice (``string.lower()``, ``string[0]``,
    # ``string[-3:]``, ...): the same operation as a C-level callable, which spaCy's loop calls without
    # making a Python frame for each of the word's attributes
    spacy_attrs.lower: str.lower,
    spacy_attrs.prefix: operator.itemgetter(0),
    spacy_attrs.suffix: operator.itemgetter(slice(-3, None)),
    spacy_attrs.is_alpha: str.isalpha,
    spacy_attrs.is_digit: str.isdigit,
    spacy_attrs.is_lower: str.islower,
    spacy_attrs.is_space: str.isspace,
    spacy_attrs.is_title: str.istitle,
    spacy_attrs.is_upper: str.isupper,
}


def speed_up_lexeme_attrs(vocab: Any) -> int:
    """Give ``vocab`` the faster getters where it uses spaCy's generic ones; returns how many."""
    getters = getattr(vocab, "lex_attr_getters", None)
    if not isinstance(getters, dict):
        return 0
    replaced = {attr: FASTER[fn] for attr, fn in getters.items() if fn in FASTER}
    if replaced:
        vocab.lex_attr_getters = {**getters, **replaced}  # (a new dict: no other vocabulary shares the change)
    return len(replaced)
