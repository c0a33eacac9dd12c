"""What the lead found reading days as an editor in round 16, fixed as patterns of German; every sentence here
is written for these tests (the people invented).

* Praise states a position as criticism does: "lobte die Einigung", "würdigte den Kompromiss" support what they
  praise, "bemängelte" rejects.
* "Er nannte sie einen Erfolg": a speaker prefix restores who "er" is, not what the object pronoun pointed at; such
  a statement is left out of Positionen.
"""

from __future__ import annotations

import pytest

from briefing.assemble.context import stand_alone
from tests.actors_helpers import pipeline


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Ministerpräsidentin Karla Wendt lobte die Einigung der Länder.", "supports"),
        ("Gewerkschaftschef Timo Brandl würdigte den Kompromiss als fair.", "supports"),
        ("Verbandschefin Ines Roth bemängelte die Pläne der Regierung.", "rejects"),
    ],
)
def test_praise_and_blame_state_a_position(text, stance):
    positions = pipeline("briefing_actors", "briefing_quotes", "briefing_positions")(text)._.briefing_positions
    assert [p.stance for p in positions] == [stance], positions


def test_praise_as_a_noun_states_no_position():
    text = "Das Lob der Opposition blieb aus. Die Sitzung dauerte bis zum Abend."
    assert pipeline("briefing_actors", "briefing_quotes", "briefing_positions")(text)._.briefing_positions == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # an object pronoun after the opening pronoun points at something the reader does not see
        ("Er nannte sie einen „großen Sieg für alle“.", None),
        ("Sie lobte ihn für seinen Mut.", None),
        ("Er dankte ihnen für die Geduld.", None),
        # the opening pronoun alone is the speaker's, and "es" before "dass" points forward
        ("Er sprach von einem „Kriegsdarlehen“.", "Timo Brandl: Er sprach von einem „Kriegsdarlehen“."),
        ("Er hält es für richtig, dass die Länder zahlen.",
         "Timo Brandl: Er hält es für richtig, dass die Länder zahlen."),
    ],
)
def test_a_statement_whose_object_pronoun_points_back_does_not_stand_alone(text, shown):
    assert stand_alone(text, "Timo Brandl") == shown
