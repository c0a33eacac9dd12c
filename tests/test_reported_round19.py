"""Round 19 (issue 10, kinds 6 and 7): reported speech that is not, and reported speech missed, as patterns of German.

German sentences written for the tests, both sides of each pattern:

- after "<verb> <speaker>," an indicative relative clause on the speaker says who spoke, not what was said: a
  relative pronoun that agrees with the speaker's article ("sagte der Sprecher, der seit Mai im Amt ist") or stands
  after a name, followed by no noun; and a sentence that opens with "Das"/"Dies" as the verb's object ("Dies
  berichtet der Verband, der …") has said what it reports already. A report after the comma stays ("sagte der
  Sprecher, der Plan ist gescheitert", "Das erklärte der Sprecher, das Projekt sei gescheitert");
- a speech verb that closes a relative or subordinate clause (its finite auxiliary after it, then the comma: "die
  wegen Lärm gemeldet wurden,", "Nachdem die Behörden gewarnt hatten,") reports nothing in the clause after the
  comma that opens with a finite verb: that is the outer clause going on ("Davon, sagte er, habe er nichts gewusst"
  keeps its report);
- a report ends before a second speech verb's participle that shares the main clause's auxiliary ("hatte angegeben,
  er habe …, jedoch stets beteuert, …");
- a Konjunktiv clause that continues a report from inside the narrator's sentence ends where the narrator's main
  clause goes on with its finite verb ("Hieß es zunächst, dass die Fahrgäste schuld seien, wird nun investiert");
- "nach" with a name in the genitive before a source noun is a source ("Nach Meyers Angaben soll …", "Nach Berlins
  Ansicht ist …"), its speaker the name without the "-s"; "Nach Abschluss des Vertrags" is none;
- "abstreiten" is a verb of saying ("hat abgestritten, dass …"), as "bestreiten" is;
- a source marker right after an article or possessive stands inside a noun phrase and sources an attribute only
  ("die Führung des – nach Angaben der Zeitung – verschuldeten Vereins", "120 der nach Behördenangaben 300
  Passagiere"), as does one after another figure before a number ("acht, nach anderen Angaben neun Stunden"): the
  sentence is the writer's. A marker that frames the clause stays ("Laut Polizei wurden 300 Menschen verletzt"), as
  does one in a relative clause ("Demonstranten, die laut Polizei Steine warfen") or after a pronoun ("worauf
  dieser nach Angaben der Zeitung auflegte");
- "sich versprechen" is to expect: "Davon verspricht sich der Konzern Gewinne" reports nothing ("versprach, dass …"
  does);
- a plural finite verb cannot have one named person after it as its subject: "Einige Bauern haben Ministerin Anna
  Berg geschrieben, dass …" is the farmers' report, not the minister's ("Diesen Brief hat Ministerin Anna Berg
  geschrieben" keeps her);
- a span of time as an adverb opening the sentence ("Monatelang haben die Stadtwerke bestritten, …") is not the
  speaker.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes
from briefing.extract.sentences import split_sentences


def _indirect(text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker mention) of every indirect quotation the rules find in ``text``."""
    found, _ = extract_quotes(text, split_sentences(text))
    return [(text[f.start : f.end], f.speaker.text if f.speaker else None) for f in found if f.kind == "indirect"]


def _words(text: str) -> list[str]:
    return [words for words, _ in _indirect(text)]


# ------------------------------------------------------------------ a relative clause on the speaker


@pytest.mark.parametrize(
    "text",
    [
        "Gestern sagte der Sprecher, der seit Mai im Amt ist.",
        "Am Montag erklärte die Vorsitzende, die den Verein seit 2015 führt.",
        "Gestern sagte Anna Berg, die seit Mai im Amt ist.",
        "Das sagte der Bürgermeister, der seit 2010 im Amt ist.",
        "Dies berichtet der Verband, der die Interessen der Mieter vertritt.",
        "Dies berichtet das Hamburger Institut, das Websites von Extremisten auswertet.",
        "Gestern sagte der Sprecher, dessen Amtszeit im Mai endet.",
    ],
)
def test_a_relative_clause_on_the_speaker_is_no_report(text: str) -> None:
    assert _indirect(text) == []


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Gestern sagte der Sprecher, der Plan ist gescheitert.", "der Plan ist gescheitert"),
        ("Das erklärte der Sprecher, das Projekt sei gescheitert.", "das Projekt sei gescheitert"),
        ("Der Minister sagte, der Plan sei gescheitert.", "der Plan sei gescheitert"),
        (
            "Der Bürgermeister sagte am Montag, der seit Jahren geplante Neubau kommt.",
            "der seit Jahren geplante Neubau kommt",
        ),
        ("Gestern sagte der Sprecher, die Stadt spart.", "die Stadt spart"),
    ],
)
def test_a_report_after_the_speakers_comma_stays(text: str, clause: str) -> None:
    assert clause in _words(text)


# ------------------------------------------------------------------ a verb closing a subordinate clause


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Die Stadt hat gefordert, alle Anträge, die wegen Lärm gemeldet wurden, sollten sofort geprüft werden.",
            "sollten sofort geprüft werden",
        ),
        (
            "Der Rat sagte, alle Schulen, denen vorgeworfen wurde, Geld zu verschwenden, würden geprüft.",
            "Geld zu verschwenden, würden geprüft",
        ),
        (
            "Nachdem die Behörden vor dem Verzehr gewarnt hatten, hatte sich herausgestellt, dass die Ware sauber war.",
            "dass die Ware sauber war",
        ),
        (
            "Wenn die Stadt damals geklagt hätte, hätte man keine Einigung mit dem Land gefunden.",
            "hätte man keine Einigung mit dem Land gefunden",
        ),
    ],
)
def test_the_clause_after_a_verb_closing_a_subordinate_clause_is_not_its_report(text: str, clause: str) -> None:
    assert clause not in _words(text)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Die Stadt hat gefordert, alle Anträge, die wegen Lärm gemeldet wurden, sollten sofort geprüft werden.",
            "alle Anträge, die wegen Lärm gemeldet wurden, sollten sofort geprüft werden",
        ),
        ("Davon, sagte er, habe er nichts gewusst.", "habe er nichts gewusst"),
        (
            "Er erklärte, über den Versuch, die Wahl zu verhindern, sei er enttäuscht.",
            "über den Versuch, die Wahl zu verhindern, sei er enttäuscht",
        ),
    ],
)
def test_the_outer_report_stays(text: str, clause: str) -> None:
    assert clause in _words(text)


# ------------------------------------------------------------------ a second participle ends the report


def test_a_second_speech_participle_ends_the_report() -> None:
    text = (
        "Der Minister hatte Fehler eingeräumt und angegeben, er habe zu wenig geprüft, jedoch stets beteuert, "
        "nichts gewusst zu haben."
    )
    words = _words(text)
    assert "er habe zu wenig geprüft" in words
    assert "nichts gewusst zu haben" in words


def test_a_participle_that_is_no_speech_verb_goes_on_with_the_report() -> None:
    text = "Er sagte, das Werk werde geschlossen, aber erst im Sommer verkauft."
    assert "das Werk werde geschlossen, aber erst im Sommer verkauft" in _words(text)


# ------------------------------------------------------------------ abstreiten; a span of time opening the sentence


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Lange hat die Firma abgestritten, dass die Geräte fehlerhaft wären.",
            "dass die Geräte fehlerhaft wären",
            "die Firma",
        ),
        ("Die Firma stritt ab, dass die Geräte fehlerhaft seien.", "dass die Geräte fehlerhaft seien", "Die Firma"),
        (
            "Monatelang haben die Stadtwerke bestritten, dass die Türen unsicher seien.",
            "dass die Türen unsicher seien",
            "die Stadtwerke",
        ),
        ("Wochenlang betonte die Stadt, dass die Türen sicher seien.", "dass die Türen sicher seien", "die Stadt"),
    ],
)
def test_the_speaker_who_denied_it(text: str, clause: str, speaker: str) -> None:
    assert (clause, speaker) in _indirect(text)


def test_a_quarrel_is_no_denial() -> None:
    assert _indirect("Die Brüder stritten sich am Sonntag um das Erbe ihres Vaters.") == []


# ------------------------------------------------------------------ a source for one figure


@pytest.mark.parametrize(
    "text",
    [
        "Gerettet wurden bis zum Abend 120 der nach Behördenangaben 300 Passagiere.",
        "Das Laden dauert acht, nach anderen Angaben neun Stunden.",
        "Bei dem Anschlag starben 40 Menschen, darunter laut Angaben der Klinik zwölf Kinder.",
        "Der Zug fuhr mit nach Polizeiangaben rund 200 Stundenkilometern in die Kurve.",
        "Er übernimmt die Führung des – nach Angaben der Zeitung – hoch verschuldeten Vereins.",
        "Das Messer mit seinen laut Gutachtern geringen Spuren wurde erneut untersucht.",
        "Dies geht aus einer laut Auskunft der Regierung erstellten Liste hervor.",
    ],
)
def test_a_source_for_one_figure_reports_nothing(text: str) -> None:
    assert _indirect(text) == []


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Laut Polizei wurden am Abend 300 Menschen verletzt.", "wurden am Abend 300 Menschen verletzt"),
        ("Nach Angaben der Klinik starben zwölf Kinder.", "starben zwölf Kinder"),
        ("Am Ufer standen Demonstranten, die laut Polizei Steine warfen.", "die laut Polizei Steine warfen"),
        (
            "Gesucht wird ein Mann, von dem laut Polizei keine Gefahr ausgeht.",
            "von dem laut Polizei keine Gefahr ausgeht",
        ),
        (
            "Er rief an, worauf dieser nach Angaben der Zeitung sofort auflegte.",
            "worauf dieser nach Angaben der Zeitung sofort auflegte",
        ),
        (
            "Der Schaden liegt laut Versicherung bei 300 Millionen Euro.",
            "Der Schaden liegt laut Versicherung bei 300 Millionen Euro",
        ),
    ],
)
def test_a_source_for_the_clause_stays(text: str, clause: str) -> None:
    assert clause in _words(text)


# ------------------------------------------------------------------ "sich versprechen": to expect


@pytest.mark.parametrize(
    "text",
    [
        "Von der neuen Fabrik, dem Werk in Pune, verspricht sich der Konzern große Gewinne.",
        "Der Konzern verspricht sich von der Fabrik, dass die Kosten sinken.",
    ],
)
def test_what_one_expects_is_not_said(text: str) -> None:
    assert _indirect(text) == []


def test_a_promise_is_said() -> None:
    text = "Der Minister versprach, dass die Steuern sinken würden."
    assert ("dass die Steuern sinken würden", "Der Minister") in _indirect(text)


# ------------------------------------------------------------------ the narrator's main clause after a continuation


def test_a_continued_report_ends_where_the_main_clause_goes_on() -> None:
    text = (
        "Die Stadtwerke haben bestritten, dass die Türen nicht sicher genug wären. Hieß es zunächst "
        "noch, dass die Fahrgäste an den Unfällen selbst schuld seien, wird nun viel Geld in die Türen investiert."
    )
    words = _words(text)
    assert "dass die Fahrgäste an den Unfällen selbst schuld seien" in words
    assert not any("investiert" in w for w in words)


def test_a_continued_report_goes_on_in_the_konjunktiv() -> None:
    text = (
        "Die Stadtwerke haben bestritten, dass die Türen nicht sicher genug wären. Hieß es zunächst "
        "noch, dass die Fahrgäste selbst schuld seien, sei das nun vorbei."
    )
    assert "dass die Fahrgäste selbst schuld seien, sei das nun vorbei." in _words(text)


# ------------------------------------------------------------------ "nach Meyers Angaben"


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("Nach Meyers Angaben soll die Steuer im Mai sinken.", "soll die Steuer im Mai sinken", "Meyer"),
        ("Nach Bergers Worten sei die Lage ernst.", "sei die Lage ernst", "Berger"),
        ("Nach Berlins Ansicht ist der Vertrag gültig.", "ist der Vertrag gültig", "Berlin"),
    ],
)
def test_a_name_in_the_genitive_before_the_source_noun(text: str, clause: str, speaker: str) -> None:
    assert (clause, speaker) in _indirect(text)


@pytest.mark.parametrize(
    "text",
    ["Nach Abschluss des Vertrags soll die Steuer sinken.", "Nach Ostern kommen die Kinder wieder in die Schule."],
)
def test_nach_with_a_noun_in_the_genitive_is_no_source(text: str) -> None:
    assert _indirect(text) == []


# ------------------------------------------------------------------ a plural verb, one person after it


@pytest.mark.parametrize(
    "text",
    [
        "Einige Bauern haben Ministerin Anna Berg gestern geschrieben, dass die Preise zu niedrig seien.",
        "Die Bauern haben Ministerin Anna Berg in einem Brief geschrieben, dass die Preise zu niedrig seien.",
    ],
)
def test_one_person_after_a_plural_verb_is_not_its_subject(text: str) -> None:
    speakers = [sp for words, sp in _indirect(text) if words == "dass die Preise zu niedrig seien"]
    assert speakers and "Anna Berg" not in (speakers[0] or "")


def test_one_person_after_a_singular_verb_is_its_subject() -> None:
    text = "Gestern hat Ministerin Anna Berg geschrieben, dass die Preise zu niedrig seien."
    assert ("dass die Preise zu niedrig seien", "Ministerin Anna Berg") in _indirect(text)
