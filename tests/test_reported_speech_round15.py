"""Round 15 (issue 10, kinds 6 and 7): reported and indirect speech found where it is, not where it is not.

German sentences written for the tests, both sides of each pattern:

- the clause after a speech verb's comma whose Konjunktiv sits inside the quotation marks it holds is indirect
  speech ("äußerte sich dahingehend, das Gespräch „sei freundlich verlaufen“");
- a report verb whose comma clause is its content (dass/ob, a zu-infinitive, a Konjunktiv clause) reports that
  clause, not the whole sentence;
- "…, sagte Jan Keller, der Sprecher der Feuerwehr." is the speaker's apposition, not what was said;
- a passive report whose agent names people is that agent's reported speech.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes, find_cues, find_pairs, mask_quotes
from briefing.extract.quotes.speech_acts import find_reports
from briefing.extract.sentences import split_sentences

# The verbs the reported-speech tests report; the shipped selection is learned and may differ.
LEMMAS = frozenset(["angeben", "empfehlen", "erwägen", "fordern", "auffordern", "bezeichnen", "ankündigen"])


def _indirect(text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker mention) of every indirect quotation the rules find in ``text``."""
    found, _ = extract_quotes(text, split_sentences(text))
    return [(text[f.start : f.end], f.speaker.text if f.speaker else None) for f in found if f.kind == "indirect"]


def _reports(text: str) -> list[tuple[str, str]]:
    """(quoted words, speaker) of every report :func:`find_reports` finds with :data:`LEMMAS`."""
    return [(text[r.start : r.end], r.speaker.text) for r in find_reports(text, split_sentences(text), set(), LEMMAS)]


# ------------------------------------------------------------------ Konjunktiv inside the quotation marks


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Am Freitag äußerte sich der Vereinssprecher Tim Hansen dahingehend, das Treffen „sei in ruhiger "
            "Atmosphäre verlaufen“.",
            "das Treffen „sei in ruhiger Atmosphäre verlaufen“",
            "der Vereinssprecher Tim Hansen",
        ),
        (
            "Die Bürgermeisterin erklärte am Abend, der Haushalt „habe keinen Spielraum mehr für neue Projekte“.",
            "der Haushalt „habe keinen Spielraum mehr für neue Projekte“",
            "Die Bürgermeisterin",
        ),
    ],
)
def test_a_clause_whose_konjunktiv_is_quoted_is_indirect_speech(text: str, clause: str, speaker: str) -> None:
    assert (clause, speaker) in _indirect(text)


@pytest.mark.parametrize(
    "text",
    [
        # the quotation is the whole clause: a direct quotation, no indirect one around it
        "Der Trainer äußerte sich dahingehend, „das sei ein verdientes Ergebnis für uns alle gewesen“.",
        # the quoted words are in the indicative: nothing marks the clause as reported
        "Am Freitag äußerte sich der Vereinssprecher dahingehend, das Treffen „ist ruhig verlaufen“.",
    ],
)
def test_a_clause_without_its_own_reported_mood_is_not_indirect_speech(text: str) -> None:
    assert _indirect(text) == []


# ------------------------------------------------------------------ a report verb's comma complement


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Die Behörden haben die Bewohner des Tals aufgefordert, ihre Häuser sofort zu verlassen.",
            "ihre Häuser sofort zu verlassen",
            "Die Behörden",
        ),
        (
            "Angesichts des Urteils erwägt die Verteidigerin, mit ihrer Mandantin in Berufung zu gehen.",
            "mit ihrer Mandantin in Berufung zu gehen",
            "die Verteidigerin",
        ),
        (
            "Viele Pendler gaben in der Umfrage an, sie seien im Bahnhof nachts nicht sicher.",
            "sie seien im Bahnhof nachts nicht sicher",
            "Viele Pendler",
        ),
        (
            "Die Elternvertreter fordern seit Wochen, dass die Schule einen neuen Anbau erhält.",
            "dass die Schule einen neuen Anbau erhält",
            "Die Elternvertreter",
        ),
    ],
)
def test_a_report_verbs_comma_clause_is_the_report(text: str, clause: str, speaker: str) -> None:
    assert _reports(text) == [(clause, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        # "um … zu": a purpose, not what was asked for
        "Die Stadt fordert mehr Geld vom Land, um die Schwimmbäder im Sommer offen zu halten.",
        # a relative clause after the comma describes the object
        "Die Gewerkschaft fordert eine Prämie, die allen Beschäftigten gezahlt werden soll.",
        # no comma clause at all
        "Die Gewerkschaft fordert eine Prämie für alle Beschäftigten der Stadtwerke.",
    ],
)
def test_a_report_without_a_comma_clause_is_the_whole_sentence(text: str) -> None:
    ((words, _speaker),) = _reports(text)
    assert words == text.rstrip(".")


# ------------------------------------------------------------------ the speaker's apposition


def test_a_role_apposition_after_the_speaker_is_not_what_was_said() -> None:
    text = "Die Verletzten seien außer Lebensgefahr, sagte Jan Keller, der Sprecher der Feuerwehr."
    assert _indirect(text) == [("Die Verletzten seien außer Lebensgefahr", "Jan Keller")]


def test_a_role_holder_who_did_something_is_reported() -> None:
    text = "Die Lage sei ernst, sagte Jan Keller, der Sprecher habe aber keine Zahlen genannt."
    assert ("der Sprecher habe aber keine Zahlen genannt", "Jan Keller") in _indirect(text)


# ------------------------------------------------------------------ passive reports with an agent


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Von mehreren Abgeordneten wurde der Entwurf als verfassungswidrig bezeichnet.", "mehreren Abgeordneten"),
        ("Die Pläne wurden von Ministerin Anna Berger als unbezahlbar bezeichnet.", "Ministerin Anna Berger"),
    ],
)
def test_a_passive_report_speaks_through_its_agent(text: str, speaker: str) -> None:
    assert _reports(text) == [(text.rstrip("."), speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "Der Entwurf wurde in der Sitzung als verfassungswidrig bezeichnet.",  # no agent: no speaker
        "Von einer raschen Einigung wurde in den Berichten nicht gesprochen.",  # "von" is the verb's object
        "Die neue Brücke wurde vom Hochwasser im Frühjahr schwer beschädigt.",  # no verb of saying
    ],
)
def test_a_passive_without_a_speaking_agent_is_no_report(text: str) -> None:
    assert _reports(text) == []


# ------------------------------------------------------------------ a separable particle written before its verb


def test_a_particle_written_apart_before_a_clause_final_verb_makes_the_cue() -> None:
    text = "Wie der Landkreis am Morgen bekannt gab, wird die Brücke ab Montag für drei Wochen gesperrt."
    assert _indirect(text) == [("wird die Brücke ab Montag für drei Wochen gesperrt", "der Landkreis")]


def test_a_particle_before_a_verb_inside_its_clause_is_no_cue() -> None:
    # the particle put first for emphasis, the verb in second place: not a verb-final clause
    text = "Bekannt gab die Polizei den Namen des Fahrers nicht, die Ermittlungen laufen noch."
    pairs, _ = find_pairs(text)
    cues = find_cues(mask_quotes(text, pairs), split_sentences(text), [p.end for p in pairs], text)
    assert [c.word for c in cues] == []


# ------------------------------------------------------------------ "demnach" in the middle of the main clause


def test_demnach_after_the_verb_points_to_the_source_named_before() -> None:
    text = (
        "Die Wahlkommission legte am Abend das vorläufige Ergebnis vor. "
        "Der Amtsinhaber erreichte demnach mehr als sechzig Prozent der Stimmen."
    )
    assert [words for words, _ in _indirect(text)] == [
        "Der Amtsinhaber erreichte demnach mehr als sechzig Prozent der Stimmen"
    ]


def test_demnach_inside_a_subordinate_clause_is_no_cue() -> None:
    text = "Der Verein wartet ab, ob die Stadt demnach die Halle im Winter schließt."
    pairs, _ = find_pairs(text)
    cues = find_cues(mask_quotes(text, pairs), split_sentences(text), [p.end for p in pairs], text)
    assert [c.word for c in cues if c.kind == "marker"] == []


# ------------------------------------------------------------------ a quoted name as the subject of a wie-clause


def test_a_quoted_medium_alone_in_a_wie_clause_is_its_speaker() -> None:
    text = "Wie „netz aktuell“ berichtet, sperrten die Behörden am Freitag den Zugang zu der Plattform."
    assert _indirect(text) == [("sperrten die Behörden am Freitag den Zugang zu der Plattform", "„netz aktuell“")]

