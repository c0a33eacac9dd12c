"""Is a text German?  A cheap function-word count, good enough to reject foreign articles.

Each language of ``data/function_words.txt`` scores the share of a text's words that are
among its function words; words listed for several languages count for none.  German news
prose scores about 0.3; a text is judged "clearly not German" when another language scores
at least :data:`MIN_FOREIGN_SHARE` and more than :data:`FOREIGN_MARGIN` times German's share.
Texts shorter than :data:`MIN_WORDS` are not judged (a short caption says too little).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from briefing.lang import entries

# Fewer words than this give shares too noisy to exclude an article on.
MIN_WORDS = 40
# Another language must cover at least this share of the words (English prose: ~0.3) ...
MIN_FOREIGN_SHARE = 0.12
# ... and beat German by this factor, so German text quoting an English sentence stays German.
FOREIGN_MARGIN = 2.0
# Only the first words are counted: enough to judge, and it bounds the cost for long texts.
MAX_WORDS = 2000

_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {}
    owners: dict[str, set[str]] = {}
    for line in entries("function_words.txt", lang=None):
        lang, _, word = line.partition(" ")
        word = word.strip().lower()
        if not word:
            continue
        words.setdefault(lang, set()).add(word)
        owners.setdefault(word, set()).add(lang)
    return {lang: frozenset(w for w in ws if len(owners[w]) == 1) for lang, ws in words.items()}


def shares(text: str) -> tuple[int, dict[str, float]]:
    """Number of words counted and, per language, the share of them that are its function words."""
    tokens = _WORD.findall(text.lower())[:MAX_WORDS]
    if not tokens:
        return 0, {}
    owner = _owner()
    counts = Counter(owner[t] for t in tokens if t in owner)
    return len(tokens), {lang: counts.get(lang, 0) / len(tokens) for lang in sorted(_lists())}


@functools.cache
def _owner() -> dict[str, str]:
    return {w: lang for lang, ws in _lists().items() for w in ws}


def detect_foreign(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is clearly written in, if not German.

    Returns:
        e.g. ``"en"``; None when the text is German, too short to judge, or unclear.
    """
    n, by_lang = shares(text)
    if n < MIN_WORDS:
        return None
    german = by_lang.get("de", 0.0)
    lang, best = max(
        ((lang, s) for lang, s in by_lang.items() if lang != "de"), key=lambda x: (x[1], x[0]), default=("", 0.0)
    )
    if lang and best >= MIN_FOREIGN_SHARE and best > FOREIGN_MARGIN * german:
        return lang
    return None


def language_name(code: str) -> str:
    """The German name of a language code via CLDR ("en" -> "Englisch")."""
    from babel import Locale

    return Locale("de").languages.get(code, code)
