"""The role lookups' fast paths give the answers of the plain computations they stand in for.

Both run once per distinct capitalised word of a process (their answers are remembered), so they
cost in a day's single pass over new words: the actors' role lookup skips the role lengths when no
role ends like the word, and the quotation steps' role test is one ``endswith`` instead of a regex.
"""

from __future__ import annotations

import re

from briefing.extract import actors
from briefing.extract.actors import INFLECTION_ENDINGS, RoleInfo, lexicon
from briefing.extract.quotes import lexicon as quote_lexicon
from briefing.lang import word_set

WORDS = [
    "Präsident", "Präsidenten", "Präsidentin", "US-Präsident", "Vizepräsidentin", "Kommissionspräsidentin",
    "Chef", "Chefs", "Küchenchef", "Hamas-Chef", "Ex-Chefin", "Sprecher", "Sprechers", "Sprecherinnen",
    "Außenamtssprecherin", "Ministerin", "Ministeriums", "Bundeskanzler", "Kanzlers", "Regierung", "Merz",
    "Berlin", "Amt", "Amtes", "Beamten", "Xchef", "Ochef", "Sprechen", "Kanzel", "Dent", "Iden", "A", "",
    "EU", "ÄRZTE", "Arzt", "Ärztin", "Chefarzt", "Polizeisprecher", "Pressesprecherin", "Nordrhein-Westfalen",
]


def _role_plain(lex: actors.Lexicon, text: str) -> RoleInfo | None:
    """:meth:`actors.Lexicon._role` without its tail test: every ending, every role length."""
    if not text[:1].isupper() or not text.replace("-", "").isalpha():
        return None
    low = text.lower()
    for ending in INFLECTION_ENDINGS:
        if ending and not low.endswith(ending):
            continue
        base = low[: len(low) - len(ending)] if ending else low
        for n in lex.role_lengths:
            if n > len(base) or base[-n:] not in lex.roles:
                continue
            prefix = base[:-n]
            gender, aff, kind = lex.roles[base[-n:]]
            if prefix:
                p_aff = lex._prefix_affiliation(prefix)
                aff = p_aff or aff
                if len(prefix) < 2 and not p_aff:
                    continue
            nominative = text[: len(text) - len(ending)] if ending else text
            return RoleInfo(nominative, base[-n:], None if lex.adjectival(base[-n:]) else gender, aff, kind)
    return None


def test_role_lookup_is_the_plain_scan() -> None:
    """Our words, and every role with every ending, alone and after a prefix."""
    lex = lexicon()
    roles = [r.capitalize() + e for r in sorted(lex.roles) for e in INFLECTION_ENDINGS]
    for word in WORDS + roles + ["US-" + r for r in roles] + ["Vize" + r.lower() for r in roles]:
        assert lex._role(word) == _role_plain(lex, word), word


def test_is_role_is_the_anchored_alternation() -> None:
    stems = sorted(word_set("roles.txt"), key=len, reverse=True)
    pattern = re.compile("(?:" + "|".join(re.escape(s) for s in stems) + r")\Z")
    words = WORDS + [w.lower() for w in WORDS] + [s + "x" for s in stems] + ["x" + s for s in stems]
    for word in words:
        expected = bool(pattern.search(word.lower()))
        assert quote_lexicon.ends_in_role(word) == expected, word
        assert quote_lexicon.is_role(word) == expected, word  # (remembered: asked twice, the same answer)
        assert quote_lexicon.is_role(word) == expected, word
