"""Regular expressions over word lists, factored so that matching stays fast.

An alternation of plain words (``angaben|analyse|ansicht|...``) makes Python's ``re`` try every
word in turn at every position of the text; with fifty words that is most of the time a
component spends in such a search.  :func:`word_alternation` writes the same set of words as a
trie (``an(?:alyse|gabe(?:n)?|sicht)|...``): at a position only the branch of the character
there is tried.  It matches the same strings, and at each position the longest word, as an
alternation sorted longest first does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # trie key marking that a word ends at this node


def word_alternation(words: Iterable[str]) -> str:
    """A regular expression source (no outer group) matching exactly ``words``, longest first.

    Args:
        words: the literal words; empty strings are ignored.

    Returns:
        A pattern such as ``an(?:alyse(?:n)?|gabe(?:n)?)``; ``(?!)`` (never matches) when no word is left.
    """
    trie: dict[str, dict] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _branch(trie) if trie else "(?!)"


def _branch(node: dict[str, dict]) -> str:
    """The pattern for the words below ``node``; optional when a word also ends at ``node``."""
    alternatives = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch != _END]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if _END in node:  # greedy: the longer word is tried first, the word ending here after it
        return f"(?:{body})?"
    return body
