"""Konjunktiv forms: the mood that marks reported speech in German ("er sagte, er sei …")."""

from __future__ import annotations

from functools import lru_cache

from briefing.extract.quotes.base import words_in
from briefing.extract.quotes.learning import replaced
from briefing.extract.quotes.lexicon import word_set
from briefing.lang import rows

# The 3rd person singular Konjunktiv I of -ieren verbs ("er resultiere"); no adjective or
# lowercase noun ends like this, so it needs no list.
_KONJ_I_SUFFIX = "iere"
# Shorter words ending so include the adjective "schiere"; the verbs are mostly longer ("studiere").
_KONJ_I_MIN_LEN = 8
# Konjunktiv II of strong verbs, written differently from every indicative form ("es gäbe", "sie stünden"): used
# in place of a Konjunktiv I that equals the indicative ("sie stehen"), seldom for a plain conditional.
STRONG_KONJUNKTIV_II = frozenset(r[0] for r in rows("konjunktiv.txt") if r[1:2] == ("strong-ii",))
# Konjunktiv II forms of konjunktiv.txt: they report speech ("Die Soldaten hätten ihn empfangen") as
# often as they state a plain conditional ("Ohne Regen wäre die Ernte verloren"). Which of them count
# alone, like Konjunktiv I, is learned from data (konjunktiv_alone.txt, scripts/learn_konjunktiv_alone.py).
KONJUNKTIV_II = (
    frozenset(["hätte", "hätten", "wäre", "wären", "würde", "würden", "könnten", "müssten", "dürften", "sollten"])
    | STRONG_KONJUNKTIV_II
)


@lru_cache(maxsize=1)
def _konjunktiv() -> frozenset[str]:
    """Konjunktiv forms (lowercase: a capitalised word is a noun or starts a sentence)."""
    return frozenset(w for w in word_set("konjunktiv.txt") if w[:1].islower())


def konjunktiv_words(
    text: str,
    start: int,
    end: int,
    *,
    strong: bool = False,
    learned: bool = True,
    words: list[str] | None = None,
) -> int:
    """Number of Konjunktiv verb forms in ``text[start:end]``.

    ``strong``: only the forms that make a sentence reported speech on their own: Konjunktiv I and,
    unless ``learned`` is False, the Konjunktiv II forms learned to do so (:func:`konjunktiv_alone`).

    ``words`` are the ``\\w+`` words of that range when the caller has them already.  Counting is
    set membership mapped in C; only words ending in "iere" need a look of their own.
    """
    if words is None:
        words = words_in(text, start, end)
    forms = (strong_forms() if learned else _konjunktiv_i()) if strong else _konjunktiv()
    # (most sentences hold no form at all: isdisjoint tells so without counting)
    count = 0 if forms.isdisjoint(words) else sum(map(forms.__contains__, words))
    if len(words) > 1 and words[0] == "Man" and _man_konjunktiv(words[1]):
        count += 1  # "Man beobachte die Lage genau": after "man" a finite verb in -e is Konjunktiv I
    if text.find(_KONJ_I_SUFFIX, start, end) >= 0:
        # "resultiere", "existiere": an -ieren verb's Konjunktiv I, never an adjective.  (Read from the
        # range's words: a search for \w*iere(?!\w) finds the same whole words, backtracking at each letter.)
        count += sum(
            1
            for w in words
            if w.endswith(_KONJ_I_SUFFIX) and len(w) >= _KONJ_I_MIN_LEN and w[0].islower() and w not in forms
        )
    return count


def _man_konjunktiv(verb: str) -> bool:
    """The finite verb right after a clause-opening "Man" in the 3rd person Konjunktiv I ("beobachte",
    "rechne", "prüfe"): lowercase, ending in "-e" but not the "-te" of the past ("Man hoffte"), and not a
    form the list already counts."""
    return (
        len(verb) >= 4
        and verb[:1].islower()
        and verb.endswith("e")
        and not verb.endswith("te")
        and verb not in _konjunktiv()
        and verb not in word_set("function_words.txt")
    )


def konjunktiv_alone() -> frozenset[str]:
    """The Konjunktiv II forms that mark reported speech on their own (learned, konjunktiv_alone.txt;
    scripts/learn_konjunktiv_alone.py tries other sets through
    :func:`~briefing.extract.quotes.learning.replacing`)."""
    forms = replaced("konjunktiv_alone")
    return word_set("konjunktiv_alone.txt") & KONJUNKTIV_II if forms is None else forms


@lru_cache(maxsize=1)
def _konjunktiv_i() -> frozenset[str]:
    return _konjunktiv() - KONJUNKTIV_II


@lru_cache(maxsize=1)
def strong_forms() -> frozenset[str]:
    """The forms that make a sentence reported speech on their own: Konjunktiv I and the learned
    Konjunktiv II forms (``konjunktiv_words(..., strong=True)``)."""
    return _konjunktiv() - (KONJUNKTIV_II - konjunktiv_alone())
