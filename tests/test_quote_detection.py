"""Direct-quote detection patterns of German (issue 10, round 7): which quotations in marks are speech.

The sentences are made up; each test states a pattern, not a case of the training data.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import direct, extract_quotes, find_pairs, mask_quotes
from briefing.extract.sentences import split_sentences


def _direct(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker phrase) of every direct quotation the extraction finds in ``text``."""
    found, _ = extract_quotes(text)
    return [(text[f.start : f.end], f.speaker.text if f.speaker else None) for f in found if f.kind == "direct"]


# A quoted lowercase phrase in the sentence after one in reported speech goes on quoting that speech.


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Der Sprecher der Feuerwehr sagte, man habe die Lage im Griff. "
            "Ein Übergreifen auf die Nachbarhäuser wurde „in letzter Minute verhindert“.",
            "„in letzter Minute verhindert“",
        ),
        (
            "Der Vorstand erklärte, die Verhandlungen seien gescheitert. "
            "Beide Seiten hätten sich „auf keinen gemeinsamen Nenner einigen können“.",
            "„auf keinen gemeinsamen Nenner einigen können“",
        ),
    ],
)
def test_a_lowercase_phrase_after_reported_speech_is_a_fragment_of_it(text: str, quote: str) -> None:
    # whose words they are (the earlier speaker's or the own subject's) the text leaves open: no speaker lent
    assert _direct(text) == [(quote, None)]


@pytest.mark.parametrize(
    "text",
    [
        # a title or a name after reported speech stays a title or a name
        "Der Verlag teilte mit, das Buch erscheine im Mai. Es trägt den Titel „Die Stadt am Fluss“.",
        "Der Verlag teilte mit, das Buch erscheine im Mai. Geplant ist eine Lesung im „Haus der Literatur“.",
        # a scare-quoted word is no phrase
        "Der Trainer sagte, die Mannschaft sei müde. Der Verein spielt in der „zweiten“ Liga.",
    ],
)
def test_names_and_scare_words_after_reported_speech_stay_out(text: str) -> None:
    assert _direct(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Sprecher sagte, man sei vorbereitet. Die Lage bleibt „sehr angespannt“.", True),
        ("Die Ministerin hält den Etat für zu knapp. Die Lage bleibt „sehr angespannt“.", False),
        ("Die Lage bleibt „sehr angespannt“.", False),  # no sentence before
    ],
)
def test_follows_reported_speech(text: str, expected: bool) -> None:
    sents = split_sentences(text)
    pairs, _ = find_pairs(text)
    masked = mask_quotes(text, pairs)
    assert direct._follows_reported_speech(masked, sents, len(sents) - 1, None) is expected
