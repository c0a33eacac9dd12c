"""Round 18 (issue 10, kind 7): reported speech missed, as patterns of German.

German sentences written for the tests, both sides of each pattern:

- a semicolon ends a clause reported after its verb when the clause after it is the writer's own (no
  Konjunktiv): "Die Mieter hatten angegeben, dass …; das Gericht prüft den Fall"; a Konjunktiv clause after
  it goes on with the report;
- before ", <verb> X", a Konjunktiv clause that holds a partial quotation or a quoted name is reported whole ("Sie
  sei „tief erschüttert“ über den Unfall, sagte die Bürgermeisterin"), as it is after the verb; also when the direct
  quotation at its end took the verb ("Die Stadt müsse „endlich handeln“, sagte …"). Not a quotation that
  opens the clause ("„Die Stadt muss handeln“, sagte …": a direct quotation), nor an indicative clause;
- a sentence that frames its own report ("Der Anwalt vertritt die Ansicht, sein Mandant habe …") is a quotation
  of its own: the Konjunktiv sentences after it continue the report as a second one (as after a cue's
  sentence), with the same speaker.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes
from briefing.extract.sentences import split_sentences


def _indirect(text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker mention) of every indirect quotation the rules find in ``text``."""
    found, _ = extract_quotes(text, split_sentences(text))
    return [(text[f.start : f.end], f.speaker.text if f.speaker else None) for f in found if f.kind == "indirect"]


def _direct(text: str) -> list[str]:
    found, _ = extract_quotes(text, split_sentences(text))
    return [text[f.start : f.end] for f in found if f.kind == "direct"]


# ------------------------------------------------------------------ a semicolon ends the report


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Die Mieter hatten angegeben, dass der Vermieter die Heizung abgestellt hatte; das Gericht prüft nun, "
            "ob das stimmt.",
            "dass der Vermieter die Heizung abgestellt hatte",
        ),
        (
            "Der Trainer erklärte, dass die Mannschaft müde gewesen sei; am Sonntag spielt sie in Bremen.",
            "dass die Mannschaft müde gewesen sei",
        ),
    ],
)
def test_a_semicolon_before_the_writers_clause_ends_the_report(text: str, clause: str) -> None:
    assert clause in [words for words, _ in _indirect(text)]


def test_a_konjunktiv_clause_after_the_semicolon_goes_on_with_the_report() -> None:
    text = "Der Trainer erklärte, dass die Mannschaft müde gewesen sei; sie brauche nun eine Pause."
    assert "dass die Mannschaft müde gewesen sei; sie brauche nun eine Pause" in [w for w, _ in _indirect(text)]


# ------------------------------------------------------------------ a partial quotation before ", <verb> X"


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Sie sei „zutiefst erschüttert“ über den Unfall, sagte die Bürgermeisterin.",
            "Sie sei „zutiefst erschüttert“ über den Unfall",
            "die Bürgermeisterin",
        ),
        (
            "Die Stadt habe „viel zu lange gewartet“ und müsse nun handeln, sagte die Bürgermeisterin am Montag.",
            "Die Stadt habe „viel zu lange gewartet“ und müsse nun handeln",
            "die Bürgermeisterin",
        ),
        (
            "Die Stadt müsse „endlich handeln“, sagte die Bürgermeisterin.",
            "Die Stadt müsse „endlich handeln“",
            "die Bürgermeisterin",
        ),
        (
            "Nach dem Spiel sei die Stimmung „eher gedrückt“ gewesen, berichtete ein Reporter des Senders.",
            "Nach dem Spiel sei die Stimmung „eher gedrückt“ gewesen",
            "ein Reporter des Senders",
        ),
        (
            "Der Verein „Grüne Aue“ habe den Plan abgelehnt, sagte die Sprecherin.",
            "Der Verein „Grüne Aue“ habe den Plan abgelehnt",
            "die Sprecherin",
        ),
        (
            "Der Vorstand habe die Fans „im Regen stehen lassen“, kritisierte der Sprecher der Initiative.",
            "Der Vorstand habe die Fans „im Regen stehen lassen“",
            "der Sprecher der Initiative",
        ),
    ],
)
def test_a_konjunktiv_clause_holding_a_quotation_before_the_verb_is_reported_whole(
    text: str, clause: str, speaker: str
) -> None:
    assert (clause, speaker) in _indirect(text)


def test_the_quotation_inside_stays_a_direct_quotation() -> None:
    assert _direct("Die Stadt müsse „endlich handeln“, sagte die Bürgermeisterin.") == ["„endlich handeln“"]


@pytest.mark.parametrize(
    "text",
    [
        "„Die Stadt muss endlich handeln“, sagte die Bürgermeisterin.",
        "„Die Stadt muss endlich handeln“ und „sie muss es schnell tun“, sagte die Bürgermeisterin.",
        "Die Stadt hat „viel zu lange gewartet“, sagte die Bürgermeisterin.",
    ],
)
def test_a_quotation_opening_the_clause_or_an_indicative_clause_is_not_reported_whole(text: str) -> None:
    assert not [w for w, _ in _indirect(text) if "„" in w]


# ------------------------------------------------------------------ a sentence framing its own report


@pytest.mark.parametrize(
    ("text", "first", "rest"),
    [
        (
            "Der Anwalt des Angeklagten vertritt die Ansicht, sein Mandant habe in Notwehr gehandelt. Die Polizei "
            "habe den Fall zu schnell abgeschlossen. Auch seien Zeugen nicht befragt worden.",
            "sein Mandant habe in Notwehr gehandelt.",
            "Die Polizei habe den Fall zu schnell abgeschlossen. Auch seien Zeugen nicht befragt worden.",
        ),
        (
            "Die Bürgerinitiative hatte am Morgen einen Brief an den Bürgermeister geschickt. Die Sprecherin der "
            "Initiative vertritt die Ansicht, der Lärm sei unzumutbar. Die Stadt habe die Beschwerden lange ignoriert.",
            "der Lärm sei unzumutbar.",
            "Die Stadt habe die Beschwerden lange ignoriert.",
        ),
    ],
)
def test_konjunktiv_sentences_after_a_framed_report_are_a_quotation_of_their_own(
    text: str, first: str, rest: str
) -> None:
    found = _indirect(text)
    words = [w for w, _ in found]
    assert first in words and rest in words
    speakers = {w: sp for w, sp in found}
    assert speakers[first] == speakers[rest] is not None


def test_konjunktiv_sentences_without_a_frame_of_their_own_stay_one_quotation() -> None:
    text = (
        "Der Bürgermeister äußerte sich am Abend. Die Stadt habe kein Geld. Der Haushalt sei ausgeschöpft. Man "
        "müsse sparen."
    )
    words = [w for w, _ in _indirect(text)]
    assert "Die Stadt habe kein Geld. Der Haushalt sei ausgeschöpft. Man müsse sparen." in words
