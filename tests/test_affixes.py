"""The tokenizer skips its affix and URL regexes for words of letters only, with the same tokens."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM, ORTH, SPACY

from briefing.extract.affixes import (
    AFFIX_CALLABLES,
    letters_never_match,
    skip_letter_words,
    suffix_after_letters,
    suffix_window,
)
from briefing.extract.nlp import make_nlp

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize(
    ("pattern", "never"),
    [
        (r"US\$", True),  # a currency sign
        (r"(?<=[0-9])km$", True),  # a unit needs a digit before it
        (r"\.\.+$", True),
        (r"(?<=[a-zäöü])\.", True),  # a letter before, a period to split
        (r"^[„“‚]|\d+", True),  # every alternative needs a non-letter
        (r"(?:km)?$", False),  # an empty match at the end of any word
        (r"(?<=[a-z])(?=[A-Z])", False),  # an empty infix between letters
        (r"x|\$", False),  # one alternative is a letter
        (r"[^.]", False),  # a negated set matches letters
        (r"\w+", False),
        (r"(?:-)?[a-z]", False),  # an optional non-letter is not needed
        ("\u0345", True),  # no letter ...
        ("(?i)\u0345", False),  # ... but ignoring case it matches "ι"
        ("(?i:\u0345)", False),
    ],
)
def test_letters_never_match(pattern: str, never: bool) -> None:
    assert letters_never_match(re.compile(pattern)) is never


def test_when_letters_never_match_no_letter_word_matches() -> None:
    """The proof's verdict checked on the cases it decides: a pattern it says never matches letters finds
    nothing in any word of letters tried."""
    words = ["km", "US", "Wort", "ι", "Ⓐ", "Straße", "ΑΒΓ", "日本"]
    for pattern in (r"US\$", r"(?<=[0-9])km$", r"(?<=[a-zäöü])\.", "\u0345"):
        compiled = re.compile(pattern)
        assert letters_never_match(compiled)
        assert not any(compiled.search(w) for w in words)


@pytest.mark.parametrize(
    ("pattern", "window"),
    [
        (r"(?<=[0-9])km$|x$", 3),  # the widest alternative's two characters, one more for "$" before "\n"
        (r"\.\.+$", 3),  # a run of periods may start anywhere: it also matches in the window
        (r"a$|[.!]{2,}$", 3),
        (r"a.*b$", None),  # unbounded, and no run of one character
        (r"\.[.!]+$", None),
        (r"(?:ab)+$", None),
        (r"a$|b", None),  # an alternative not at the end
        (r"(?m)a$", None),  # "$" at every line end
    ],
)
def test_suffix_window(pattern: str, window: int | None) -> None:
    assert suffix_window(re.compile(pattern)) == window


@pytest.mark.parametrize(
    ("pattern", "after"),
    [
        (r"(?<=[0-9])km$|,$", True),  # the unit needs a digit before it, the comma is one character
        (r"(?<=[a-z])\.$|\.\.+$|'s$", True),  # each starts with a non-letter or is one character wide
        (r"km$|,$", False),  # "Bankm": "km" may start inside the word
        (r"(?<=[a-z]{2})x\.$", False),  # (a lookbehind of two characters is not read)
        (r"(?:s,)$", False),
        ("(?i)\u0345x$", False),  # ignoring case "\u0345" matches a letter
        (r"a$|b", False),  # no suffix pattern at all
    ],
)
def test_suffix_after_letters(pattern: str, after: bool) -> None:
    assert suffix_after_letters(re.compile(pattern)) is after


def test_a_word_and_one_more_character_finds_the_stock_suffix() -> None:
    """Words of letters followed by each character of the suffix and unit lists (and a few others)."""
    stock, ours = spacy.blank("de").tokenizer, make_nlp(components=()).tokenizer
    words = ["a", "Wort", "US", "km", "Bankm", "ha", "sehen", "Straße", "ΑΒΓ", "日本"]
    ends = [*".,:;!?)]}>'\"”“»«’‘%°$€£¥+*&#_/…²³-", "m", "s", "\n", "9"]
    for string in (w + e for w in words for e in ends):
        a, b = stock.suffix_search(string), ours.suffix_search(string)
        assert (a and a.span()) == (b and b.span()), string


def test_the_windowed_suffix_search_finds_what_the_whole_search_finds() -> None:
    """Random strings of suffix pieces (periods, units after digits, currency, quotation marks) and letters:
    the suffix found is the same, and so are prefixes, infixes and URLs."""
    import random

    stock, ours = spacy.blank("de").tokenizer, make_nlp(components=()).tokenizer
    pieces = [*"aZß.‚'’s$€5km²%-…,:;!?()\"„“»«/°C+#_*&", "US$", "km", "..", "Dr.", "www.", ".de"]
    rnd = random.Random(10)
    strings = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(20000)]
    for name in ("prefix_search", "suffix_search", "url_match"):
        theirs, mine = getattr(stock, name), getattr(ours, name)
        for string in strings:
            a, b = theirs(string), mine(string)
            assert (a and a.span()) == (b and b.span()), (name, string)
    for string in strings:
        assert [m.span() for m in stock.infix_finditer(string)] == [m.span() for m in ours.infix_finditer(string)]


def test_the_stock_german_regexes_are_all_skipped_for_letter_words() -> None:
    assert skip_letter_words(spacy.blank("de").tokenizer) == AFFIX_CALLABLES


def test_no_stock_german_regex_matches_a_single_letter() -> None:
    """Every letter of Unicode, alone and between two words, finds no affix, infix or URL."""
    tokenizer = spacy.blank("de").tokenizer
    letters = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isalpha()]
    for name in AFFIX_CALLABLES:
        regex = getattr(tokenizer, name)
        assert not any(list(regex(c)) if name == "infix_finditer" else regex(c) for c in letters), name
        assert not any(
            list(regex(f"Wort{c}wort")) if name == "infix_finditer" else regex(f"Wort{c}wort") for c in letters
        ), name


def test_tokens_are_those_of_the_stock_tokenizer() -> None:
    """Every seed article and words of letters, digits and punctuation tokenise as spacy.blank("de") does."""
    nlp, stock = make_nlp(components=()), spacy.blank("de")
    assert nlp.tokenizer.suffix_search is not stock.tokenizer.suffix_search
    attrs = [ORTH, IDX, IS_SPACE, NORM, SPACY, LENGTH]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append(
        "US$ 5 10km 3,5 km² z.B. Dr. Müller-Lüdenscheid sagte: „Nein…“ (dpa) www.br24.de/nachrichten "
        "E-Mail: info@example.org 24/7 Ⓐ ⓐ ΑΒΓ. 日本。 ῖ A.B.C. USA. S'Wetter ‚ja‘ --- 5–6 2+2 °C. ... "
        "Regierung, Regierung. Regierung: «Regierung» 'Regierung' km km. kmh 5kmh Nr.1 #tag @name"
    )
    for text in texts:
        ours, theirs = nlp.make_doc(text), stock.make_doc(text)
        assert ours.to_array(attrs).tolist() == theirs.to_array(attrs).tolist()


def test_the_stored_proofs_are_those_of_the_stock_patterns() -> None:
    """briefing/lang/affix_proofs.json holds what the analyses prove of spaCy's stock German patterns (after a
    spaCy upgrade that changes them: python3 scripts/affix_proofs.py --write)."""
    from briefing.extract.affixes import PROOFS_FILE, proof_table
    from briefing.lang import learned

    assert learned(PROOFS_FILE) == proof_table(spacy.blank("de").tokenizer)


def test_a_pattern_the_file_does_not_know_is_analysed() -> None:
    import re

    from spacy.tokenizer import Tokenizer

    from briefing.extract.affixes import letter_word_wrappers

    tokenizer = Tokenizer(spacy.blank("de").vocab, suffix_search=re.compile(r"(?:[.,!?]|\d+)$").search)
    wrapped = letter_word_wrappers(tokenizer)["suffix_search"]
    assert wrapped("Haus") is None and wrapped("Haus.").group() == "." and wrapped("Nr12").group() == "12"
