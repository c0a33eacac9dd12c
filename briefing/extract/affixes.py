"""Skip the tokenizer's affix and URL regexes for words of letters only, where they cannot match.

spaCy's tokenizer runs four regexes over every chunk of text it has not cached: prefix and suffix
searches (alternations of ~120 and ~80 pieces, tried at every position of the chunk), the infix search
and the URL match.  For German none of them can match a chunk made of letters only ("Regierung", and
"Regierung" again once the comma of "Regierung," is split off), which is ~70 % of their calls and took
more than half of tokenising.  :func:`letters_never_match` proves that of a regex from its parsed form:
every match needs some character that is no letter (a "$", a digit before a unit, a period).  Only then
is the regex wrapped by :func:`skip_letter_words`, so a tokenizer with other rules (a loaded pipeline,
a future spaCy) keeps its own regexes wherever the proof fails, and tokens stay the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as sre  # type: ignore[attr-defined]  # (the parser's node kinds)
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# The tokenizer's regex callables (attribute names of spacy.tokenizer.Tokenizer).
AFFIX_CALLABLES = ("prefix_search", "suffix_search", "infix_finditer", "url_match")
# What each wrapped method of a compiled pattern returns when it finds nothing.
_NOTHING: dict[str, Any] = {"search": None, "match": None, "fullmatch": None, "finditer": ()}
_IGNORECASE = re.IGNORECASE
_NO_LETTER_CATEGORIES = frozenset(
    {sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT, sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE}
)


def _may_be_letter(char: str, ignorecase: bool) -> bool:
    """Can ``char`` in a pattern match a letter (``str.isalpha``)?  Under IGNORECASE any character
    with a case mapping counts as one (U+0345, no letter, matches "ι" ignoring case)."""
    if char.isalpha():
        return True
    return ignorecase and (char.lower() != char or char.upper() != char or char.casefold() != char)


def _set_may_be_letter(items: list[tuple[Any, Any]], ignorecase: bool) -> bool:
    """Can the character set ``[...]`` (parsed ``items``) match a letter?"""
    for op, av in items:
        if op is sre.LITERAL:
            if _may_be_letter(chr(av), ignorecase):
                return True
        elif op is sre.RANGE:
            if any(_may_be_letter(chr(c), ignorecase) for c in range(av[0], av[1] + 1)):
                return True
        elif not (op is sre.CATEGORY and av in _NO_LETTER_CATEGORIES):
            return True  # a negated set, \w, \S and the like
    return False


def _needs_non_letter(items: Any, ignorecase: bool) -> bool:
    """Does every match of the parsed sequence ``items`` need a character that is no letter?

    True only when some part the sequence cannot do without (a character, a set, a group, a repeat
    of at least one, a positive lookaround) needs one; any other part (an anchor, a negative
    lookaround, an optional repeat, a back reference) is taken to need nothing.
    """
    for op, av in items:
        if op is sre.LITERAL:
            needed = not _may_be_letter(chr(av), ignorecase)
        elif op is sre.IN:
            needed = not _set_may_be_letter(av, ignorecase)
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            local = (ignorecase or bool(add_flags & _IGNORECASE)) and not del_flags & _IGNORECASE
            needed = _needs_non_letter(sub, local)
        elif op is sre.ATOMIC_GROUP:
            needed = _needs_non_letter(av, ignorecase)
        elif op is sre.BRANCH:
            needed = all(_needs_non_letter(alt, ignorecase) for alt in av[1])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            needed = av[0] >= 1 and _needs_non_letter(av[2], ignorecase)
        elif op is sre.ASSERT:  # a lookahead or lookbehind looks at characters of the same string
            needed = _needs_non_letter(av[1], ignorecase)
        else:
            needed = False
        if needed:
            return True
    return False


def letters_never_match(pattern: re.Pattern[str]) -> bool:
    """Is it certain that ``pattern`` matches nowhere in a string of letters only?"""
    if not isinstance(pattern.pattern, str):
        return False
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    return _needs_non_letter(parsed, bool(parsed.state.flags & _IGNORECASE))


def _skipping(method: Callable[[str], Any], nothing: Any) -> Callable[[str], Any]:
    def skipping(string: str) -> Any:
        return nothing if string.isalpha() else method(string)

    return skipping


def skip_letter_words(tokenizer: Any) -> tuple[str, ...]:
    """Wrap each of the tokenizer's regex callables that provably cannot match a word of letters only,
    so that such a word does not run it.  Returns the names of those wrapped."""
    wrapped = []
    for name in AFFIX_CALLABLES:
        method = getattr(tokenizer, name, None)
        pattern = getattr(method, "__self__", None)
        kind = getattr(method, "__name__", "")
        if isinstance(pattern, re.Pattern) and kind in _NOTHING and letters_never_match(pattern):
            setattr(tokenizer, name, _skipping(method, _NOTHING[kind]))  # type: ignore[arg-type]
            wrapped.append(name)
    return tuple(wrapped)
