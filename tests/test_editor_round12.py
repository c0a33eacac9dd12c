"""What the lead found reading made-up days as an editor in round 12, fixed as patterns of German; every
sentence here is written for these tests.

* A short said sentence in marks right after a sentence in which someone speaks is that voice going on
  ("Die Sprecherin sagte, man fühle sich vergessen. „Wir kämpfen bis zum Schluss.“"), as it is after a
  quotation in marks; a title has no closing punctuation of its own, and a new paragraph may be a new voice.
* The word after a pronoun subject opening a quotation is its finite verb ("Wir kämpfen …"), even where
  it ends like an adjective.
"""

from __future__ import annotations

import pytest

from tests.quote_helpers import quotes_of


def _direct(text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start : q.end], q.speaker_name) for q in quotes_of(text) if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "quoted", "name"),
    [
        ("Die Sprecherin Monika Aschenbrenner sagte, die Menschen fühlten sich vergessen. „Wir kämpfen bis zum "
         "Schluss.“ Danach zog der Zug weiter.", "Wir kämpfen bis zum Schluss.", "Monika Aschenbrenner"),
        ("Trainer Jonas Pfeifer erklärte, die Mannschaft habe gut gespielt. „Ich bin stolz auf sie.“",
         "Ich bin stolz auf sie.", "Jonas Pfeifer"),
    ],
)
def test_a_said_sentence_after_someone_speaks_is_that_voice(text, quoted, name):
    assert any(quoted in q and n == name for q, n in _direct(text)), _direct(text)


@pytest.mark.parametrize(
    "text",
    [
        # a new paragraph: another voice may speak, and nothing names it
        "Die Sprecherin Monika Aschenbrenner sagte, die Menschen fühlten sich vergessen.\n\n„Wir kämpfen bis zum "
        "Schluss.“",
        # a title has no closing punctuation of its own
        "Der Intendant Paul Rehm sagte, das Stück sei ausverkauft. „Wir kämpfen bis zum Schluss“ läuft bis Mai.",
        # nobody speaks in the sentence before
        "Die Halle war voll. „Wir kämpfen bis zum Schluss.“",
    ],
)
def test_no_voice_goes_on_without_a_speaker_just_before(text):
    assert not any("kämpfen" in q for q, _ in _direct(text)), _direct(text)
