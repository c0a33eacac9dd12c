"""What the lead found reading made-up days as an editor in round 12, fixed as patterns of German; every
sentence here is written for these tests.

* A short said sentence in marks right after a sentence in which someone speaks is that voice going on
  ("Die Sprecherin sagte, man fühle sich vergessen. „Wir kämpfen bis zum Schluss.“"), as it is after a
  quotation in marks; a title has no closing punctuation of its own, and a new paragraph may be a new voice.
* The word after a pronoun subject opening a quotation is its finite verb ("Wir kämpfen …"), even where
  it ends like an adjective.
"""

from __future__ import annotations

from datetime import date

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


# ---------------------------------------------------------------- a debate between parties

LANDTAG = """Streit im Landtag über die Schulreform

Erfurt, 3. Februar 2027 – Im Landtag ist es am Dienstag zu einer heftigen Debatte über die Schulreform gekommen.
Kultusministerin Petra Lindner (CDU) verteidigte den Kurs der Landesregierung. „Wir lassen keine Schule im Stich“,
sagte Lindner.

Die Grünen sehen das anders. Ihr bildungspolitischer Sprecher Tobias Rehm warf der Ministerin vor, den
Lehrermangel „schönzureden“.

Die SPD forderte mehr Geld für kleine Schulen. Die Freien Wähler mahnten mehr Tempo an.
"""


@pytest.fixture(scope="module")
def landtag_positions():
    from briefing.assemble import assemble
    from briefing.extract import load_pipeline
    from briefing.models import Article

    ex = load_pipeline("blank")
    body = LANDTAG.split("\n\n", 1)[1]
    facts = ex.extract(Article(path="landtag.txt", text=body, title="Streit im Landtag über die Schulreform",
                               date="2027-02-03", date_precision="day", publisher="Zeitung"))
    b = assemble(date(2027, 2, 3), [facts], background=[], excluded=[], title="Test", max_stories=4)
    return [(p.country, p.text) for s in b.stories for p in s.positions]


def test_in_a_debate_between_parties_a_minister_is_filed_under_her_party(landtag_positions):
    groups = {c for c, _ in landtag_positions}
    assert {"CDU", "Grüne", "SPD"} <= groups and "Deutschland" not in groups, landtag_positions


def test_a_possessive_before_the_named_speaker_points_at_the_party_it_is_filed_under(landtag_positions):
    assert ("Grüne", next(t for c, t in landtag_positions if "Rehm" in t)) in landtag_positions
    assert any(t.startswith("Ihr bildungspolitischer Sprecher Tobias Rehm") for _, t in landtag_positions)


def test_a_party_acting_in_the_plural_past_states_a_position(landtag_positions):
    assert ("Freie Wähler", "Die Freien Wähler mahnten mehr Tempo an.") in landtag_positions, landtag_positions


@pytest.mark.parametrize(
    ("form", "plural"),
    [("mahnte", "mahnten"), ("mahnt", "mahnten"), ("kritisiert", "kritisierten"), ("abgelehnt", None),
     ("zugesagt", None), ("will", None), ("verlangst", None)],
)
def test_past_plural(form, plural):
    from briefing.extract.positions import past_plural

    assert past_plural(form) == plural


@pytest.mark.parametrize(
    ("sentence", "material"),
    [
        # someone's words in Konjunktiv I, the speaker named a sentence before: a claim passed off as fact
        ("Für den Umbau der Kliniken stehe bis 2030 eine Milliarde Euro bereit.", False),
        ("Für den Umbau der Kliniken stehe bis 2030 eine Milliarde Euro bereit, sagte die Ministerin.", True),
        ("Laut Ministerium stehe bis 2030 eine Milliarde Euro für den Umbau bereit.", True),
        ("Für den Umbau der Kliniken steht bis 2030 eine Milliarde Euro bereit.", True),
    ],
)
def test_reported_words_without_their_speaker_are_no_summary(sentence, material):
    from briefing.assemble.summary import is_summary_material

    assert is_summary_material(sentence) is material


@pytest.mark.parametrize(
    ("raw", "opening"),
    [
        ("Frankfurt am Main (dpa) - Die Notenbank senkt den Leitzins auf 1,75 Prozent.", "Die Notenbank senkt"),
        ("Halle an der Saale (epd) – Die Stadt hat einen neuen Bürgermeister.", "Die Stadt hat"),
        ("Augsburg (dpa/lby) - Der Markt ist voll.", "Der Markt ist"),
    ],
)
def test_an_agency_dateline_with_a_place_of_several_words_goes(raw, opening):
    from briefing.ingest.clean import clean

    text = clean(f"Eine Überschrift für den Test\n\n{raw}\n\nEin zweiter Absatz, der ganz normal endet.").text
    assert opening in text and "(" not in text.split(opening)[0], text


def test_a_strong_verbs_konjunktiv_ii_reports_too():
    from briefing.assemble.summary import is_summary_material

    assert not is_summary_material("Bis 2030 stünden 1,2 Milliarden Euro für den Umbau der Kliniken bereit.")
    assert is_summary_material("Bis 2030 stehen 1,2 Milliarden Euro für den Umbau der Kliniken bereit.")
