"""Names of people on news nobody tuned for (round 10, found by reading made-up days). German sentences
written for these tests."""

from __future__ import annotations

import pytest
from actors_helpers import person


@pytest.mark.parametrize(
    ("text", "surname", "name"),
    [
        ("Vorstandschef Dennis Grimm sagte, der Konzern verliere Geld.", "Grimm", "Dennis Grimm"),
        ("Trainer Dominik Kaiser sagte, die Mannschaft sei bereit.", "Kaiser", "Dominik Kaiser"),
        ("Henrik Lund sagte, der Hafen bleibe geschlossen.", "Lund", "Henrik Lund"),
    ],
)
def test_a_first_name_that_ends_like_a_noun_is_a_first_name(text, surname, name):
    # "Dennis" ends like "Ergebnis", "Dominik" like "Musik": the noun-suffix test must not hide a listed first name
    found = person(text, surname)
    assert found is not None and found.name == name



def test_a_byline_with_its_place_after_a_comma_names_no_actor():
    from briefing.extract.nlp import load_pipeline
    from briefing.models import Article

    text = ("Von Jan Peters, Den Haag\n\nDer Generalsekretär hat seine Worte mit Bedacht gewählt. „Die Bedrohung "
            "ist real“, sagte Mark Rutte.")
    names = [a.name for a in load_pipeline("blank").extract(Article(path="x", text=text)).actors]
    assert names == ["Mark Rutte"]
