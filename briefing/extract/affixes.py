"""Skip the tokenizer's affix and URL regexes for words of letters only, where they cannot match.

spaCy's tokenizer runs four regexes over every chunk of text it has not cached: prefix and suffix
searches (alternations of ~120 and ~80 pieces, tried at every position of the chunk), the infix search
and the URL match.  For German none of them can match a chunk made of letters only ("Regierung", and
"Regierung" again once the comma of "Regierung," is split off), which is ~70 % of their calls and took
more than half of tokenising.  :func:`letters_never_match` proves that of a regex from its parsed form:
every match needs some character that is no letter (a "$", a digit before a unit, a period).  Only then
is the regex wrapped by :func:`skip_letter_words`, so a tokenizer with other rules (a loaded pipeline,
a future spaCy) keeps its own regexes wherever the proof fails, and tokens stay the same.  The other
chunks search only the last characters for a suffix ("2009": :func:`suffix_window`), a word of letters
plus one character ("hatten,") only its last (:func:`suffix_after_letters`), each where the parsed regex
proves that the answer is the same.  (A tokenizer so wrapped cannot be serialised with ``to_bytes``:
the pipeline never is.)
"""

from __future__ import annotations

import functools
import hashlib
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


@functools.lru_cache(maxsize=16)
def _parsed(pattern: str, flags: int) -> Any:
    """The parse of a regex (the three analyses below read the suffix pattern's: parse it once)."""
    return sre_parse.parse(pattern, flags)


def letters_never_match(pattern: re.Pattern[str]) -> bool:
    """Is it certain that ``pattern`` matches nowhere in a string of letters only?"""
    if not isinstance(pattern.pattern, str):
        return False
    parsed = _parsed(pattern.pattern, pattern.flags)
    return _needs_non_letter(parsed, bool(parsed.state.flags & _IGNORECASE))


def _run_of_one_character(items: Any) -> int | None:
    """The least length when the parsed sequence ``items`` is a run of one character (set) at the end
    of the string ("\\.\\.+$": some copies, repeats of at least one, then ``$``); else None.  Such a run
    matching from some position also matches from each later one that leaves it its least length."""
    *consumed, end = items
    if end != (sre.AT, sre.AT_END) or not consumed:
        return None
    one = None
    least = 0
    for op, av in consumed:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and len(av[2]) == 1:
            item, count = av[2][0], av[0]
        else:
            item, count = (op, av), 1
        if item[0] not in (sre.LITERAL, sre.IN) or (one is not None and item != one):
            return None
        one, least = item, least + count
    return least


def suffix_window(pattern: re.Pattern[str]) -> int | None:
    """How many characters at the end of a string a search of the suffix ``pattern`` needs to start in.

    spaCy's suffix regex is an alternation whose every alternative ends in ``$``; a search returns the
    match starting leftmost, and that start decides the suffix's length.  An alternative of bounded width
    can only start within the last (width + 1) characters (``$`` also matches before a final line
    break); a run of one character ("\\.\\.+$") may start anywhere, but then it also matches at the
    window's first position.  So a search from that position finds the same match, unless it finds one
    starting right there, which may reach further left (then the whole string is searched).  None when
    the pattern is not of that form.
    """
    if not isinstance(pattern.pattern, str) or pattern.flags & re.MULTILINE:
        return None
    parsed = _parsed(pattern.pattern, pattern.flags)
    branch = len(parsed.data) == 1 and parsed.data[0][0] is sre.BRANCH
    alternatives = parsed.data[0][1][1] if branch else [parsed.data]
    window = 0
    for alt in alternatives:
        items = list(alt)
        if not items or items[-1] != (sre.AT, sre.AT_END):
            return None
        widest = sre_parse.SubPattern(parsed.state, items).getwidth()[1]
        if widest >= sre.MAXREPEAT:
            least = _run_of_one_character(items)
            if least is None:
                return None
            widest = least
        window = max(window, widest)
    return window + 1


def _may_start_with_letter(items: Any, ignorecase: bool) -> bool:
    """Can a match of the parsed sequence ``items`` start with a letter?  (True when unsure.)"""
    if not items:
        return True
    op, av = items[0]
    if op is sre.LITERAL:
        return _may_be_letter(chr(av), ignorecase)
    if op is sre.IN:
        return _set_may_be_letter(av, ignorecase)
    if op is sre.BRANCH:
        return any(_may_start_with_letter(alt, ignorecase) for alt in av[1])
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return _may_start_with_letter(av[3], ignorecase)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _may_start_with_letter(av[2], ignorecase)
    return True


def suffix_after_letters(pattern: re.Pattern[str]) -> bool:
    """Can a suffix of ``pattern`` only start at the last character of a word of letters plus one more
    character ("hatten,")?

    True when each alternative (see :func:`suffix_window`) is at most one character wide, or starts with
    a character that is no letter, or right after a one-character lookbehind that needs a non-letter
    ("(?<=[0-9])km$": a digit before the unit).  A match starting further left would start at a letter
    that follows a letter or the start of the string; so a search from the last character finds what the
    whole search finds.
    """
    if suffix_window(pattern) is None:
        return False
    parsed = _parsed(pattern.pattern, pattern.flags)
    ignorecase = bool(parsed.state.flags & _IGNORECASE)
    branch = len(parsed.data) == 1 and parsed.data[0][0] is sre.BRANCH
    for alt in parsed.data[0][1][1] if branch else [parsed.data]:
        items = list(alt)
        if sre_parse.SubPattern(parsed.state, items).getwidth()[1] <= 1:
            continue
        op, av = items[0]
        if op is sre.ASSERT and av[0] == -1:  # a lookbehind
            behind = sre_parse.SubPattern(parsed.state, list(av[1]))
            if behind.getwidth() == (1, 1) and _needs_non_letter(behind, ignorecase):
                continue
        if _may_start_with_letter(items, ignorecase):
            return False
    return True


def _skipping(method: Callable[[str], Any], nothing: Any) -> Callable[[str], Any]:
    def skipping(string: str) -> Any:
        return nothing if string.isalpha() else method(string)

    return skipping


def _windowed(
    search: Callable[..., Any], window: int, skip_letters: bool, after_letters: bool
) -> Callable[[str], Any]:
    def windowed(string: str) -> Any:
        if skip_letters and string.isalpha():
            return None
        last = len(string) - 1
        if after_letters and last and string[:last].isalpha() and not string[last].isspace():
            return search(string, last)
        start = last + 1 - window
        if start <= 0:
            return search(string)
        match = search(string, start)
        if match is not None and match.start() == start:
            return search(string)
        return match

    return windowed


# The proofs of the stock German tokenizer's patterns, by :func:`pattern_key` (scripts/affix_proofs.py
# writes them; tests/test_affixes.py checks them against the analyses): parsing its large patterns costs
# ~0.08 s per process, a few per cent of a day's build.  A pattern not in the file is analysed at load.
PROOFS_FILE = "affix_proofs.json"


def pattern_key(pattern: re.Pattern[str]) -> str:
    """A pattern's key in :data:`PROOFS_FILE`: the SHA-256 of its flags and its source."""
    return hashlib.sha256(f"{pattern.flags}\0{pattern.pattern}".encode()).hexdigest()


def analyse(pattern: re.Pattern[str], suffix: bool) -> tuple[bool, int | None, bool]:
    """(:func:`letters_never_match`, and for a suffix search :func:`suffix_window` and
    :func:`suffix_after_letters`) of ``pattern``."""
    window = suffix_window(pattern) if suffix else None
    return letters_never_match(pattern), window, suffix_after_letters(pattern) if window is not None else False


@functools.cache
def _stored_proofs() -> dict[str, tuple[bool, int | None, bool]]:
    from briefing.lang import learned  # (the package's JSON data loader)

    return {k: (bool(v[0]), v[1], bool(v[2])) for k, v in learned(PROOFS_FILE).items()}


def _proofs(pattern: re.Pattern[str], suffix: bool) -> tuple[bool, int | None, bool]:
    return _stored_proofs().get(f"{pattern_key(pattern)}:{int(suffix)}") or analyse(pattern, suffix)


def proof_table(tokenizer: Any) -> dict[str, list[Any]]:
    """The proofs of ``tokenizer``'s patterns as :data:`PROOFS_FILE` stores them (analysed, not looked up)."""
    return {f"{pattern_key(pattern)}:{int(suffix)}": list(analyse(pattern, suffix))
            for name, pattern, kind in affix_patterns(tokenizer)
            for suffix in [name == "suffix_search" and kind == "search"]}


def affix_patterns(tokenizer: Any) -> list[tuple[str, re.Pattern[str], str]]:
    """(attribute name, compiled pattern, method name) of the tokenizer's regex callables we can wrap."""
    out = []
    for name in AFFIX_CALLABLES:
        method: Any = getattr(tokenizer, name, None)
        pattern = getattr(method, "__self__", None)
        kind = getattr(method, "__name__", "")
        if isinstance(pattern, re.Pattern) and kind in _NOTHING:
            out.append((name, pattern, kind))
    return out


def letter_word_wrappers(tokenizer: Any) -> dict[str, Callable[[str], Any]]:
    """For each of the tokenizer's regex callables that provably cannot match a word of letters only, a
    wrapper that does not run it for such a word (and, for a suffix, searches only the string's end:
    :func:`suffix_window`), by attribute name; the callables it cannot prove anything of are left out."""
    wrappers: dict[str, Callable[[str], Any]] = {}
    for name, pattern, kind in affix_patterns(tokenizer):
        method: Any = getattr(tokenizer, name)
        letters, window, after_letters = _proofs(pattern, name == "suffix_search" and kind == "search")
        if window is not None:
            wrappers[name] = _windowed(method, window, letters, after_letters)
        elif letters:
            wrappers[name] = _skipping(method, _NOTHING[kind])
    return wrappers


def skip_letter_words(tokenizer: Any) -> tuple[str, ...]:
    """Install :func:`letter_word_wrappers` on ``tokenizer``; returns the names of those wrapped.  (Each
    assignment makes spaCy reload the special cases: building a new Tokenizer with all of them at once,
    as the pipeline does, loads them once.)"""
    wrappers = letter_word_wrappers(tokenizer)
    for name, wrapper in wrappers.items():
        setattr(tokenizer, name, wrapper)
    return tuple(wrappers)
