"""The actors of hand-annotated German texts, scored against pinned floors (scripts/score_actors.py).

``tests/data/actors/paragraphs.json`` holds 23 paragraphs written for this gold (organisations named by
their form, heads of government and their countries, bare kind nouns that name no one); ``days.json`` and
``days_heldout.json`` made-up days in ``tests/data/days/`` (days 21 and 8 annotated after the rules were
written). Raising a floor is a commit of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.actors_helpers import actors_of

GOLD = Path(__file__).parent / "data" / "actors"
DAYS_ROOT = Path(__file__).parent / "data" / "days"
# (gold file, precision, recall, person country, organisation type) floors, a little below today's figures
FLOORS = [
    ("paragraphs.json", 0.97, 0.88, 0.95, 0.95),
    ("days.json", 0.97, 0.90, 0.95, 0.90),
    ("days_heldout.json", 0.97, 0.72, 0.83, 0.95),
]


def _score(name: str) -> dict[str, float] | None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    try:
        import score_actors
    finally:
        sys.path.pop(0)
    items = score_actors.load_items(GOLD / name, DAYS_ROOT)
    if not items:
        return None
    return score_actors.score(items, actors_of, score_actors.scored_countries())


@pytest.mark.parametrize(("name", "precision", "recall", "country", "org_type"), FLOORS)
def test_actor_gold_floors(name: str, precision: float, recall: float, country: float, org_type: float) -> None:
    res = _score(name)
    assert res is not None, f"the texts of {name} are missing from tests/data/days"
    assert res["precision"] >= precision
    assert res["recall"] >= recall
    assert res["country_acc"] >= country
    assert res["org_type_acc"] >= org_type
