#!/usr/bin/env python3
"""Write the wider first-name list (briefing/lang/de/first_names_world.txt) from Faker's name data.

Usage:
    pip install faker wordfreq
    python scripts/learn_first_names.py [--write]

Why: a first name is the strongest evidence that a capitalised run is a person ("Dieter Reiter",
"Renate Künast"), and the hand-kept ``first_names.txt`` holds about 190 names: people named once by their
full name were missed on news nobody tuned for.  Faker (MIT licence, maintained, no network) ships the
first names of many locales, sorted by gender; this script reads them once, here, and writes a plain
list that the package reads like its other language data (Faker is not needed at run time).

Which names: single words of Latin script ("Hans-Peter" as one word; no abbreviations, no spaces) from
the German-speaking locales and from the European and American ones that German news reports on. The
gender is the German locales' where they list the name, else every other locale's; a name listed for
both genders is left out (its gender would be a guess). A name is left out where it is a German word
the news uses as one: a word of the function, particle, month and weekday lists
(``lang/de``), and for the names of other locales any word German text uses often (wordfreq Zipf >=
``FOREIGN_MAX_ZIPF``: "Allen", "Tage", "Lage", "Made", "Pastor" are first names in some locale and words
here). The hand-kept list wins where both hold a name.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "briefing" / "lang" / "de" / "first_names_world.txt"
GERMAN_LOCALES = ("de_DE", "de_AT", "de_CH")
OTHER_LOCALES = (
    "en_US", "en_GB", "fr_FR", "it_IT", "es_ES", "pt_PT", "nl_NL", "pl_PL", "cs_CZ", "sk_SK", "tr_TR",
    "sv_SE", "da_DK", "no_NO", "fi_FI", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "lt_LT", "lv_LV", "et_EE",
)
# A name of another locale that German text uses this often (Zipf) is a German word first.
FOREIGN_MAX_ZIPF = 3.0
_LETTERS = "a-zäöüßàáâãåæçèéêëìíîïñòóôõøùúûýÿăąćčďęěğıłńňőřśşšťůűźżžș"
_SHAPE = re.compile(rf"[A-ZÄÖÜ][{_LETTERS}]+(?:-[A-ZÄÖÜ][{_LETTERS}]+)?")
# German words that are first names somewhere: the lists of lang/de they are in.
_WORD_LISTS = ("function_words.txt", "determiners.txt", "prepositions.txt", "subordinators.txt",
               "connectives.txt", "pronouns.txt", "name_particles.txt", "not_names.txt", "number_words.txt")


def german_words() -> set[str]:
    sys.path.insert(0, str(ROOT))
    from babel.dates import get_day_names, get_month_names

    from briefing.lang import word_set

    words: set[str] = set()
    for name in _WORD_LISTS:
        words |= word_set(name)
    for width in ("wide", "abbreviated"):
        words |= {m.lower().rstrip(".") for m in get_month_names(width, locale="de").values()}
        words |= {d.lower().rstrip(".") for d in get_day_names(width, locale="de").values()}
    return words


def collect() -> dict[str, tuple[str, bool]]:
    """name -> (gender, listed by a German locale), for names of one gender."""
    seen: dict[str, dict[bool, set[str]]] = defaultdict(lambda: defaultdict(set))
    for locale in GERMAN_LOCALES + OTHER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr, gender in (("first_names_male", "m"), ("first_names_female", "f")):
            for name in getattr(provider, attr, ()) or ():
                if _SHAPE.fullmatch(name):
                    seen[name][locale in GERMAN_LOCALES].add(gender)
    out = {}
    for name, by in seen.items():
        german = True in by
        genders = by[True] if german else by[False]
        if len(genders) == 1:
            out[name] = (next(iter(genders)), german)
    return out


def names() -> list[tuple[str, str]]:
    from wordfreq import zipf_frequency

    words = german_words()
    kept = []
    for name, (gender, german) in collect().items():
        if name.lower() in words or any(part.lower() in words for part in name.split("-")):
            continue
        if not german and zipf_frequency(name, "de") >= FOREIGN_MAX_ZIPF:
            continue
        kept.append((name, gender))
    return sorted(kept)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    args = ap.parse_args()
    import faker

    rows = names()
    header = [
        "# First names of many locales (German ones first), from Faker's name data (MIT licence,",
        f"# Faker {faker.VERSION}), written by scripts/learn_first_names.py: read its docstring for which",
        "# names and why. Evidence that a capitalised run is a person's name; the hand-kept first_names.txt",
        "# wins where both hold a name. Format: name<TAB>gender (m, f).",
    ]
    text = "\n".join(header + [f"{n}\t{g}" for n, g in rows]) + "\n"
    print(f"{len(rows)} first names", file=sys.stderr)
    if args.write:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
