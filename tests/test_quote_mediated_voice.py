"""Who speaks when an organisation speaks through a named person ("teilte über ihren Sprecher Max Kühn
mit", "ließ über ihren Generalsekretär ... mitteilen"): the named spokesman (issue 10, kind 3); an unnamed
lawyer only reads out the subject's words. And a pronoun's antecedent is no predicate noun ("Der
Mittsechziger ist Rentner ... sagt er": not "Rentner"). German sentences written for these tests."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes, to_records
from briefing.extract.sentences import split_sentences


def _speaker(text: str, fragment: str) -> tuple[str, str | None]:
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    hits = [q for q in to_records(text, found, sents) if fragment in q.text]
    assert hits, f"no quotation containing {fragment!r}"
    return hits[0].speaker_text or "", hits[0].speaker_name


CASES = [
    (
        "Die SPD stellte sich hinter den Kanzler. Die Partei ließ über ihren Sprecher Max Kühn mitteilen, man "
        "unterstütze den Kurs.",
        "unterstütze",
        "Max Kühn",
    ),
    ("Der Verein erklärte über seinen Anwalt Peter Sommer, die Vorwürfe seien haltlos.", "haltlos", "Peter Sommer"),
    # unnamed: the subject's words
    ("Der Angeklagte ließ über seinen Verteidiger erklären, er bereue die Tat.", "bereue", "Angeklagte"),
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
