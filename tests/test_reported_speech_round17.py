"""Round 17 (issue 10, kinds 6 and 7): reported speech that is not speech, and reported speech missed.

German sentences written for the tests, both sides of each pattern:

- before ", <verb>", the verb's subject with its apposition or relative clause ("Elon Musk, der Chef der Firma,
  kündigte … an") or an adverbial clause behind a focus particle ("Selbst wenn …, droht …") is no report; a
  clause of its own before the comma still is ("Vor dem Start wurde kein Notruf abgesetzt, teilte die Behörde
  mit").
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes
from briefing.extract.sentences import split_sentences


def _indirect(text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker mention) of every indirect quotation the rules find in ``text``."""
    found, _ = extract_quotes(text, split_sentences(text))
    return [(text[f.start : f.end], f.speaker.text if f.speaker else None) for f in found if f.kind == "indirect"]


def _spans(text: str) -> list[str]:
    """The words of every quotation that is not direct."""
    found, _ = extract_quotes(text, split_sentences(text))
    return [text[f.start : f.end] for f in found if f.kind != "direct"]


# ------------------------------------------------------------------ the subject before ", <verb>"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Jonas Weber, der im Verein für die Finanzen verantwortlich ist, wies den Vorwurf zurück.",
            "Jonas Weber, der im Verein für die Finanzen verantwortlich ist",
        ),
        (
            "Die Sprecherin der Linken im Landtag, Petra Sommer, kritisierte die Pläne der Stadtverwaltung.",
            "Die Sprecherin der Linken im Landtag, Petra Sommer",
        ),
        (
            "Der 71-jährige Brandt, der als Kritiker des Vorstands gilt, nannte den Beschluss einen Fehler.",
            "Der 71-jährige Brandt, der als Kritiker des Vorstands gilt",
        ),
        (
            "Selbst wenn der Antrag noch in dieser Woche gestellt wird, droht dem Verein eine lange Wartezeit.",
            "Selbst wenn der Antrag noch in dieser Woche gestellt wird",
        ),
    ],
)
def test_the_subject_with_its_apposition_before_the_verb_is_no_report(text: str, subject: str) -> None:
    assert subject not in _spans(text)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Vor dem Start wurde kein Notruf abgesetzt, teilte später der Leiter der Behörde, Jan Falk, mit.",
            "Vor dem Start wurde kein Notruf abgesetzt",
        ),
        (
            "Sie starb am Montag im Alter von 92 Jahren, teilte die Stiftung mit.",
            "Sie starb am Montag im Alter von 92 Jahren",
        ),
        (
            "Die Brücke bleibt bis zum Sommer gesperrt, sagte die Baudezernentin Anna Roth.",
            "Die Brücke bleibt bis zum Sommer gesperrt",
        ),
    ],
)
def test_a_clause_of_its_own_before_the_verb_is_still_reported(text: str, clause: str) -> None:
    assert clause in _spans(text)


# ------------------------------------------------------------------ the source's relative clause after the frame


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "Nach der Einschätzung eines Ingenieurs, der vom Sender befragt wurde, könnte die Brücke noch "
            "Jahre halten.",
            "könnte die Brücke noch Jahre halten",
        ),
        (
            "Nach offiziellen Angaben, die aber nicht überprüft werden können, waren die meisten Verletzten Kinder.",
            "waren die meisten Verletzten Kinder",
        ),
        (
            "Nach Angaben von Jan Falk, dem Leiter der Wasserbehörde, sind die Pegel in der Nacht gesunken.",
            "sind die Pegel in der Nacht gesunken",
        ),
    ],
)
def test_the_report_after_a_frame_starts_after_its_sources_relative_clause(text: str, report: str) -> None:
    spans = _spans(text)
    assert report in spans
    assert not any(s.startswith(("der ", "die ", "dem ")) and s.endswith(report) for s in spans)


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # the frame followed by its clause at once
        (
            "Nach Angaben der Polizei wurden am Abend drei Männer festgenommen.",
            "wurden am Abend drei Männer festgenommen",
        ),
        # an apposition whose closing comma is missing: not cut at a comma far on
        (
            "Nach Angaben von Jan Falk, dem Leiter der Wasserbehörde des Landkreises hatten die Helfer die "
            "Deiche gesichert und dazu aufgerufen, das Gebiet zu meiden.",
            "dem Leiter der Wasserbehörde des Landkreises hatten die Helfer die Deiche gesichert und dazu "
            "aufgerufen, das Gebiet zu meiden",
        ),
    ],
)
def test_a_report_after_a_frame_without_a_closed_relative_clause_is_kept(text: str, report: str) -> None:
    assert report in _spans(text)


# ------------------------------------------------------------------ ", so X im Radio": the frame's own words


def test_words_after_a_postposed_so_frame_are_not_reported() -> None:
    text = (
        "Die Stadt wird inzwischen aufgefordert, die Brücke für den Verkehr zu öffnen, so Bürgermeister Jan Falk "
        "im Lokalradio."
    )
    assert (
        "Die Stadt wird inzwischen aufgefordert, die Brücke für den Verkehr zu öffnen",
        "Bürgermeister Jan Falk",
    ) in _indirect(text)
    assert not any("Lokalradio" in s for s in _spans(text))


@pytest.mark.parametrize(
    ("text", "report"),
    [
        # a frame closed by a comma stands inside its report
        (
            "Die Sanierung solle sich, so Falk, „angesichts der knappen Mittel“ auf die Schulen beschränken.",
            "Die Sanierung solle sich, so Falk, „angesichts der knappen Mittel“ auf die Schulen beschränken",
        ),
        (
            "Der Grund für den Rücktritt, so vermutet die Zeitung, dürfte ein Streit im Vorstand gewesen sein.",
            "Der Grund für den Rücktritt, so vermutet die Zeitung, dürfte ein Streit im Vorstand gewesen sein",
        ),
    ],
)
def test_a_so_frame_inside_its_report_keeps_the_report_whole(text: str, report: str) -> None:
    assert report in _spans(text)


# ------------------------------------------------------------------ clauses after the verb's comma that report nothing


@pytest.mark.parametrize(
    ("text", "not_reported"),
    [
        # a conditional with its verb first, put into the verb's own clause
        (
            "Der Minister bezeichnete die Worte des Trainers, sollten sie wirklich gefallen sein, als „unerträglich“.",
            "sollten sie wirklich gefallen sein",
        ),
        # the purpose of the verb's own act, and no verb of a report after it
        (
            "Bis jetzt hat die Regierung nicht auf die Vorwürfe geantwortet, um einen Streit zu vermeiden, nicht "
            "weil ihre Minister nichts sagen könnten.",
            "nicht weil ihre Minister nichts sagen könnten",
        ),
    ],
)
def test_a_clause_inserted_after_the_verbs_comma_is_no_report(text: str, not_reported: str) -> None:
    assert not any(not_reported in s for s in _spans(text))


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "Der Minister sagte, sollte es keine Einigung geben, werde er zurücktreten.",
            "sollte es keine Einigung geben, werde er zurücktreten",
        ),
        (
            "Die Ministerin erklärte, um den Frieden zu sichern, müsse die Regierung verhandeln.",
            "um den Frieden zu sichern, müsse die Regierung verhandeln",
        ),
        (
            "Der Trainer sagte, wäre das Tor gefallen, hätte die Mannschaft gewonnen.",
            "wäre das Tor gefallen, hätte die Mannschaft gewonnen",
        ),
    ],
)
def test_a_conditional_or_purpose_in_front_of_the_reports_verb_belongs_to_the_report(text: str, report: str) -> None:
    assert report in _spans(text)


# ------------------------------------------------------------------ a zu-infinitive before a relative clause


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Die Ministerin schlägt vor, die Gebühr nur für den Verkehr zu erheben, der die Stadt durchquert.",
            "die Gebühr nur für den Verkehr zu erheben, der die Stadt durchquert",
            "Die Ministerin",
        ),
        (
            "Der Verband warf der Polizei vor, sich nicht an Absprachen gehalten zu haben, die vor dem Spiel "
            "getroffen wurden.",
            "sich nicht an Absprachen gehalten zu haben, die vor dem Spiel getroffen wurden",
            "Der Verband",
        ),
    ],
)
def test_a_zu_infinitive_before_a_relative_clause_is_what_was_said(text: str, clause: str, speaker: str) -> None:
    assert (clause, speaker) in _indirect(text)


def test_a_purpose_clause_before_a_relative_clause_is_no_content() -> None:
    text = "Der Verein kündigte an, um einen Partner zu finden, der die Halle bezahlt."
    assert not any(s.startswith(("um einen Partner", "einen Partner")) for s in _spans(text))


def test_a_relative_clause_after_a_main_clause_is_not_read_as_closing_a_zu_infinitive() -> None:
    # the zu-infinitive test looks at the words before the relative clause's comma only
    text = "Die Ministerin schlug vor, den Hafen auszubauen, und nannte das Werk, das die Stadt gekauft hat."
    spans = _spans(text)
    assert not any(s.endswith("das die Stadt gekauft hat") and s.startswith("den Hafen") for s in spans)


# ------------------------------------------------------------------ a w-clause after the verb's object; a name


@pytest.mark.parametrize(
    ("text", "not_reported"),
    [
        (
            "Der Minister kritisierte die Rolle der Partei in der Debatte, was eine Reaktion der Opposition zur "
            "Folge hatte.",
            "was eine Reaktion der Opposition zur Folge hatte",
        ),
        (
            "Die Kommission kritisierte die Art und Weise, wie das Gesetz verabschiedet wurde.",
            "wie das Gesetz verabschiedet wurde",
        ),
        (
            "„Onkel Ted“, wie der Senator im Land genannt wurde, war für sein Geschick bekannt.",
            "„Onkel Ted“, wie der Senator im Land genannt wurde, war für sein Geschick bekannt",
        ),
        (
            "Jan Berger oder Jo Berger, wie er sich selbst gerne nannte, ist tot.",
            "Jan Berger oder Jo Berger, wie er sich selbst gerne nannte, ist tot",
        ),
    ],
)
def test_a_clause_on_what_came_before_or_a_name_is_no_report(text: str, not_reported: str) -> None:
    assert not_reported not in _spans(text)


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        # (round 20: with "nicht" before the comma the question is what he left unsaid, no report; the adverbs
        # between the verb and its comma are what this case is about)
        ("Der Minister sagte am Montag ausführlich, was er plant.", "was er plant", "Der Minister"),
        (
            "Die Ministerin erklärte, wie die Reform finanziert werden soll.",
            "wie die Reform finanziert werden soll",
            "Die Ministerin",
        ),
        (
            "Am Abend erklärte der Militärrat, wie sich die Junta selbst nennt, die Lage sei unter Kontrolle.",
            "die Lage sei unter Kontrolle",
            "der Militärrat",
        ),
    ],
)
def test_a_question_the_verb_reports_and_a_report_after_a_name_are_kept(text: str, clause: str, speaker: str) -> None:
    assert (clause, speaker) in _indirect(text)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        # a relative clause on the whole clause before it ends the zu-infinitive
        (
            "Die Regierung beschuldigt die Rebellen, Geld aus dem Ausland zu erhalten, was bisher nicht bestätigt "
            "wurde.",
            "Geld aus dem Ausland zu erhalten",
        ),
        (
            "Der Rat forderte die Stadt auf, genaue Zahlen zu sammeln, wobei die Aufgabe beim Bürgermeister liegt.",
            "genaue Zahlen zu sammeln",
        ),
        # one on the noun before it belongs to it
        (
            "Der Experte schlug der Stadt vor, sich an Modellen aus Skandinavien zu orientieren, wo jedem Kind ein "
            "Platz garantiert werde.",
            "sich an Modellen aus Skandinavien zu orientieren, wo jedem Kind ein Platz garantiert werde",
        ),
    ],
)
def test_a_zu_infinitive_ends_before_a_clause_on_the_whole_clause(text: str, clause: str) -> None:
    assert clause in _spans(text)
