"""Who speaks when an organisation speaks through a named person ("teilte über ihren Sprecher Max Kühn
mit", "ließ über ihren Generalsekretär ... mitteilen"): the named spokesman (issue 10, kind 3); an unnamed
lawyer only reads out the subject's words. And a pronoun's antecedent is no predicate noun ("Der
Mittsechziger ist Rentner ... sagt er": not "Rentner"). German sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.quote_helpers import quote_containing


def _speaker(text: str, fragment: str) -> tuple[str, str | None]:
    q = quote_containing(text, fragment)
    return q.speaker_text or "", q.speaker_name


CASES = [
    (
        "Die SPD stellte sich hinter den Kanzler. Die Partei ließ über ihren Sprecher Max Kühn mitteilen, man "
        "unterstütze den Kurs.",
        "unterstütze",
        "Max Kühn",
    ),
    ("Der Verein erklärte über seinen Anwalt Peter Sommer, die Vorwürfe seien haltlos.", "haltlos", "Peter Sommer"),
    # a copula's noun is no antecedent
    (
        "Nebenan arbeitet Karl Brunner im Garten. Der Mittsechziger ist Rentner und hilft den Nachbarn. „Man muss "
        "zusammenhalten“, sagt er.",
        "zusammenhalten",
        "Brunner",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), CASES)
def test_speaker_named(text: str, fragment: str, name: str) -> None:
    mention, shown = _speaker(text, fragment)
    assert name in (shown or "")


def test_an_unnamed_subject_speaks_through_its_lawyer_and_shows_no_name() -> None:
    """The subject's words, though unnamed: the mention is the defendant, and no name is shown for him (a
    common noun is no one's name: precision first)."""
    mention, shown = _speaker("Der Angeklagte ließ über seinen Verteidiger erklären, er bereue die Tat.", "bereue")
    assert mention == "Der Angeklagte" and shown is None
