"""Score the actors of single articles against a hand-made gold list (people and organisations).

usage: python scripts/score_actors.py GOLD.json [--root DIR] [-v]

Each gold item has ``text`` (or ``file``, relative to ``--root``) and ``actors``: ``kind`` (person or
organization), ``names`` (any of them may match the actor's name or an alias, folded), for people
``country`` (the country or bloc they speak for, or null), for organisations ``org_type`` (null: any
type), and ``optional`` (neither a hit nor a miss). Countries as actors are not scored. Prints actor
P/R/F1, the share of matched people with the right country (null included) and of matched organisations
with the right type.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing.lang.names import fold

SCORED_KINDS = ("person", "organization")


def person_country(actor: object, countries: frozenset[str]) -> str | None:
    """The country or bloc a person speaks for: the affiliation when it is one."""
    aff = getattr(actor, "affiliation", None)
    return aff if aff in countries else None


def score(items: list[dict], actors_of, countries: frozenset[str], verbose: bool = False) -> dict[str, float]:
    """Counts and figures over ``items``; ``actors_of(text)`` gives an article's actors."""
    tp = fp = fn = 0
    country_ok = country_all = type_ok = type_all = 0
    for item in items:
        predicted = [a for a in actors_of(item["text"]) if a.kind in SCORED_KINDS]
        gold = item["actors"]
        used: set[int] = set()
        for a in predicted:
            forms = {fold(a.name), *(fold(x) for x in a.aliases)}
            hit = next((g for g, ga in enumerate(gold) if g not in used and ga["kind"] == a.kind
                        and forms & {fold(n) for n in ga["names"]}), None)
            if hit is None:
                fp += 1
                if verbose:
                    print(f"{item['id']}: FP {a.kind} {a.name!r} ({a.org_type or a.affiliation})")
                continue
            used.add(hit)
            ga = gold[hit]
            if ga.get("optional"):
                continue
            tp += 1
            if a.kind == "person":
                country_all += 1
                got = person_country(a, countries)
                country_ok += got == ga.get("country")
                if verbose and got != ga.get("country"):
                    print(f"{item['id']}: country of {a.name!r}: {got} (gold {ga.get('country')})")
            elif ga.get("org_type") is not None:
                type_all += 1
                type_ok += a.org_type == ga["org_type"]
                if verbose and a.org_type != ga["org_type"]:
                    print(f"{item['id']}: type of {a.name!r}: {a.org_type} (gold {ga['org_type']})")
        for g, ga in enumerate(gold):
            if g not in used and not ga.get("optional"):
                fn += 1
                if verbose:
                    print(f"{item['id']}: MISS {ga['kind']} {ga['names'][0]!r}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "country_acc": country_ok / country_all if country_all else 1.0,
        "org_type_acc": type_ok / type_all if type_all else 1.0,
    }


def scored_countries() -> frozenset[str]:
    """What counts as a person's country: a country of the lexicon or a bloc listed as its own affiliation."""
    from briefing.extract.actors import lexicon

    lex = lexicon()
    return frozenset(lex.countries.values()) | frozenset(v[0] for v in lex.organisations.values() if v[1] == v[0])


def load_items(gold: Path, root: Path) -> list[dict]:
    """Gold items with their text (items whose file is missing are left out)."""
    items = []
    for item in json.loads(gold.read_text(encoding="utf-8")):
        if "text" not in item:
            path = root / item["file"]
            if not path.exists():
                continue
            item = {**item, "text": path.read_text(encoding="utf-8")}
        items.append(item)
    return items


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent / "tests" / "data" / "days")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    from briefing.extract.nlp import make_nlp

    nlp = make_nlp()
    items = load_items(args.gold, args.root)
    res = score(items, lambda t: nlp(t)._.briefing_actors, scored_countries(), args.verbose)
    print(f"{args.gold.name}: {len(items)} texts  actors P/R/F1 {res['precision']:.3f}/{res['recall']:.3f}/"
          f"{res['f1']:.3f} (tp {res['tp']} fp {res['fp']} fn {res['fn']})  person country "
          f"{res['country_acc']:.3f}  org type {res['org_type_acc']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
