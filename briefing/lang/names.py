"""Is this the same person? One matcher for extraction (within an article) and assembly (across a story).

A person's name is compared by a spelling-independent key of its surname (transliteration
variants of Slavic and other names in German text: Selenskyj/Selenskij, Marija/Maria,
Wolodymyr/Volodimir, Tschechow/Chekhov), and, where both forms have them, by compatible first
names (equal, one edit apart, an initial, or missing).  Longer surnames may also differ by one
edit (typos such as "Selenskji"); short ones would collide too often.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from briefing.lang.de import NAME_PARTICLES

# Transliteration variants, applied in order to a folded name.
_TRANSLIT = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("yj", "i"),
    ("ij", "i"),
    ("iy", "i"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
    ("ph", "f"),
    ("kh", "ch"),
    ("z", "s"),
)
# Surnames this long or longer may differ by one edit and still be the same person.
FUZZY_SURNAME_MIN = 6
# First names may differ by one edit per this many characters (Wolodymyr/Wolodmyr), at least one.
FIRST_NAME_CHARS_PER_EDIT = 5
_NOT_LETTER = re.compile(r"[^a-z\s-]")
_DOUBLED = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case and strip diacritics (Élysée -> elysee); ß -> ss."""
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("ß", "ss")


@functools.lru_cache(maxsize=65536)
def name_fold(text: str) -> str:
    """The quick key of a name form within one article: folded, y/ij -> i, w -> v, doubled letters single.

    Extraction looks every capitalised word up by this key, so it stays cheaper than :func:`translit`.
    """
    s = fold(text).replace("ij", "i").replace("y", "i").replace("w", "v")
    return re.sub(r"(.)\1", r"\1", s)


def translit(name: str) -> str:
    """Fold a name to a spelling-independent key (lower case, no diacritics, variants unified)."""
    s = _NOT_LETTER.sub("", fold(name))
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return _DOUBLED.sub(r"\1", s)  # doubled letters: Mariia -> maria


def split_name(name: str) -> tuple[str, str]:
    """(first names, surname) of a person's name; the surname keeps its particles ("von der Leyen")."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    if not parts:
        return "", ""
    i = len(parts) - 1
    while i > 0 and fold(parts[i - 1]) in NAME_PARTICLES:
        i -= 1
    return " ".join(parts[:i]), " ".join(parts[i:])


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution (fast path)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def surnames_match(a: str, b: str) -> bool:
    """Two surname keys denote the same name: equal, or one edit apart when both are long enough."""
    if not a or not b:
        return False
    if a == b:
        return True
    return min(len(a), len(b)) >= FUZZY_SURNAME_MIN and within_one_edit(a, b)


def first_names_match(a: str, b: str) -> bool:
    """Compatible first names: equal, close, an initial, or one of them missing."""
    ka, kb = translit(a).replace("-", " ").split(), translit(b).replace("-", " ").split()
    if not ka or not kb:
        return True
    fa, fb = ka[0], kb[0]
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    allowed = max(1, min(len(fa), len(fb)) // FIRST_NAME_CHARS_PER_EDIT)
    return edit_distance(fa, fb, allowed) <= allowed


def surname_key(name: str) -> str:
    """The transliterated last surname word of a person's name ("Ursula von der Leyen" -> "leien")."""
    _, surname = split_name(name)
    return translit(surname.split()[-1]) if surname else ""


def same_person(a: str, b: str) -> bool:
    """Do two name forms ("Wolodymyr Selenskyj", "Selenskij", "W. Selenskyj") denote one person?"""
    return surnames_match(surname_key(a), surname_key(b)) and first_names_match(split_name(a)[0], split_name(b)[0])


__all__ = [
    "FUZZY_SURNAME_MIN",
    "edit_distance",
    "first_names_match",
    "fold",
    "name_fold",
    "same_person",
    "split_name",
    "surname_key",
    "surnames_match",
    "translit",
    "within_one_edit",
]
