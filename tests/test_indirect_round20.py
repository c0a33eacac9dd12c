"""Round 20 (issue 10, kind 6): indirect speech that is not, as patterns of German.

German sentences written for the tests, both sides of each pattern:

- before ", <verb> X" the words are no clause when they hold no verb outside relative clauses and appositions: a
  phrase with its relative clause is the front of the verb's own sentence ("In einer Abstimmung, die am Sonntag
  stattfand, sprach sich die Mehrheit … aus"), as is a prepositional phrase alone ("Von mehreren Ministern …, wie
  etwa …, wurde betont"). A report before the verb has its own verb ("Die Lage, die sich zuspitzt, ist ernst, sagte
  X"), and a phrase alone without a preposition may be an elliptic report ("Kein Kommentar, sagte der Sprecher");
- "wie etwa", "wie zum Beispiel" open examples of the noun before, not a source ("wie die Polizei mitteilte");
- after a speech verb's comma, an indicative relative clause on a noun before it ("berichtete von Bränden in
  zwei Häusern, die am Hafen standen", "hat über den Entwurf berichtet, das die Grundlage schaffen soll") is no
  report; a report whose subject the pronoun opens as its article stays ("sagte am Montag, der seit Jahren geplante
  Neubau kommt", "kündigte an, das marode Stadion abzureißen"), and a report after the relative clause is found
  without it ("sagte in einem Interview, das am Sonntag erschien, die Lage sei ernst");
- an act of speech in front of the clause is its object and the finite verb follows it right away, whatever its
  form ("Die Äußerungen der Richter bezeichnete Ministerin Anna Berg als …", "Die Vorwürfe wies sie zurück"): the
  one after the verb speaks, also for a second verb joined by "und" ("… und glaubt, dass …"). A body in front of
  a verb and a person stays the speaker ("Die Polizei informierte Bürgermeister Hans Weber, dass …");
- an indirect question ("ob …", "wann …", "Wieso …") whose verb of saying is negated is what was left unsaid ("sagte
  nicht, wann …", "wollte nicht sagen, ob …", "Wieso …, gab die Bahn nicht bekannt"): no report. Without the
  negation, or with it in another clause ("kam nicht, sagte aber, ob …"), the question is reported;
- "Dies sagte X" after a sentence that is a quotation with a frame of its own ("Weiter sagte Berg: „…“") names who
  that speaker is and reports nothing new; after a sentence without one it reports that sentence ("Die Stadt spart
  … Dies kritisierte der Elternverband", "Die Lage sei „sehr ernst“. Dies sagte die Ministerin").
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


# ------------------------------------------------------------------ the front of the verb's own sentence


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "In einer Abstimmung, die am Sonntag in der Gemeinde stattfand, sprach sich eine Mehrheit der Bürger für "
            "den Neubau aus.",
            "In einer Abstimmung, die am Sonntag in der Gemeinde stattfand",
        ),
        (
            "Von mehreren Ministern auf dem Gipfel der Union, wie etwa von Vertretern aus Polen, wurde die Einigkeit "
            "betont.",
            "Von mehreren Ministern auf dem Gipfel der Union",
        ),
        (
            "Im Finale aber, ihrer stärksten Disziplin, zeigte die Läuferin ihr Können.",
            "Im Finale aber, ihrer stärksten Disziplin",
        ),
        (
            "Die wichtigste Frage für die Stadt, die seit Jahren in Geldnot ist, lautet: Wer bezahlt die Schulen?",
            "Die wichtigste Frage für die Stadt, die seit Jahren in Geldnot ist",
        ),
        (
            "Die streikenden Piloten, die sich an der Kundgebung beteiligt hatten, bezeichnete der Konzernchef als "
            "verantwortungslos.",
            "Die streikenden Piloten, die sich an der Kundgebung beteiligt hatten",
        ),
        (
            "Auch neue Zahlen, auf die im Jahresbericht verwiesen wird, bestätigen den Trend.",
            "Auch neue Zahlen, auf die im Jahresbericht verwiesen wird",
        ),
    ],
)
def test_a_phrase_with_its_relative_clause_before_the_verb_is_no_report(text: str, fragment: str) -> None:
    assert fragment not in _words(text)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Die Lage, die sich seit Tagen zuspitzt, ist ernst, sagte der Bürgermeister.", "Die Lage, die sich seit "
         "Tagen zuspitzt, ist ernst"),
        ("Die Lage sei ernst, sagte der Bürgermeister.", "Die Lage sei ernst"),
        (
            "Die Kosten für den Bau, die der Bund trage, seien zu hoch, sagte die Ministerin.",
            "Die Kosten für den Bau, die der Bund trage, seien zu hoch",
        ),
        ("Der Verein hat keine Zukunft, erklärte der Vorsitzende.", "Der Verein hat keine Zukunft"),
        ("Die Preise steigen weiter, wie die Zentralbank am Montag mitteilte.", "Die Preise steigen weiter"),
    ],
)
def test_a_clause_with_its_own_verb_before_the_frame_stays(text: str, clause: str) -> None:
    assert clause in _words(text)


# ------------------------------------------------------------------ a relative clause after the verb's comma


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "Auch die Feuerwehr berichtete von zwei Bränden in verschiedenen Häusern, die am Hafen standen.",
            "die am Hafen standen",
        ),
        (
            "Der Sender hat über den neuen Entwurf für ein Gesetz berichtet, das die Grundlage für neue Ausweise "
            "schaffen soll.",
            "das die Grundlage für neue Ausweise schaffen soll",
        ),
        (
            "Die Verlage haben für den Herbst die ersten Bücher angekündigt, die mit einem neuen Einband ausgestattet "
            "sind.",
            "die mit einem neuen Einband ausgestattet sind",
        ),
        (
            "Der Minister sagte in einem Interview, das am Sonntag erschien, die Lage sei ernst.",
            "das am Sonntag erschien, die Lage sei ernst",
        ),
    ],
)
def test_a_relative_clause_on_a_noun_after_the_verb_is_no_report(text: str, fragment: str) -> None:
    assert fragment not in _words(text)


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Der Bürgermeister sagte am Montag, der seit Jahren geplante Neubau kommt.", "der seit Jahren geplante "
         "Neubau kommt"),
        ("Der Minister hat angekündigt, das marode Stadion abzureißen.", "das marode Stadion abzureißen"),
        ("Der Minister sagte in einem Interview, das am Sonntag erschien, die Lage sei ernst.", "die Lage sei ernst"),
        ("Er sagte, die Gebühren, die seit Jahren steigen, seien zu hoch.", "die Gebühren, die seit Jahren steigen, "
         "seien zu hoch"),
        ("Gestern sagte der Sprecher, die Stadt spart.", "die Stadt spart"),
    ],
)
def test_a_report_after_the_verbs_comma_stays(text: str, clause: str) -> None:
    assert clause in _words(text)


# ------------------------------------------------------------------ an act of speech in front is the object


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Äußerungen der beiden Richter bezeichnete Ministerin Anna Berg als Zumutung und glaubt, dass die "
            "Regierung handeln müsse.",
            "Ministerin Anna Berg",
        ),
        (
            "Die Vorwürfe der Opposition wies Ministerin Anna Berg zurück und sagte, sie habe alles richtig gemacht.",
            "Ministerin Anna Berg",
        ),
        (
            "Die Kritik der Verbände wies der Minister zurück und sagte, er habe alles richtig gemacht.",
            "der Minister",
        ),
        ("Die Polizei informierte Bürgermeister Hans Weber, dass die Straße gesperrt sei.", "Die Polizei"),
        ("Die Ministerin kritisierte die Vorschläge und sagte, dass sie zu teuer seien.", "Die Ministerin"),
    ],
)
def test_the_speaker_after_an_act_of_speech_in_front(text: str, speaker: str) -> None:
    assert [sp for _, sp in _indirect(text)] == [speaker]


# ------------------------------------------------------------------ a question left unsaid


@pytest.mark.parametrize(
    "text",
    [
        "Wieso der Zug kurz nach der Abfahrt umkehrte, gab die Bahn nicht bekannt.",
        "Der Sprecher sagte nicht, wann die Arbeiten am Tunnel enden.",
        "Die Ministerin wollte nicht sagen, ob die Steuern im nächsten Jahr steigen.",
        "Ob die Schule im Herbst öffnet, erklärte der Bürgermeister nicht.",
    ],
)
def test_a_question_a_negated_verb_leaves_unsaid_is_no_report(text: str) -> None:
    assert _indirect(text) == []


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Wieso der Zug kurz nach der Abfahrt umkehrte, gab die Bahn am Abend bekannt.",
            "Wieso der Zug kurz nach der Abfahrt umkehrte",
        ),
        (
            "Der Minister kam nicht, sagte aber am Abend, ob die Steuern im nächsten Jahr steigen.",
            "ob die Steuern im nächsten Jahr steigen",
        ),
        ("Die Ministerin erklärte am Montag, wie die Reform finanziert werden soll.", "wie die Reform finanziert "
         "werden soll"),
        ("Der Sprecher sagte nicht, dass die Arbeiten am Tunnel enden.", "dass die Arbeiten am Tunnel enden"),
    ],
)
def test_a_question_said_stays(text: str, clause: str) -> None:
    assert clause in _words(text)


# ------------------------------------------------------------------ "Dies sagte X" after a framed quotation


def test_dies_sagte_after_a_framed_quotation_reports_no_second_time() -> None:
    text = (
        "Der Umsatz sei stark gesunken. Weiter sagte Berg: „Wir werden alle Zahlen offenlegen.“ Dies sagte die Chefin "
        "des Konzerns am Montag vor Anlegern."
    )
    assert not any("Weiter sagte Berg" in words for words in _words(text))


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        (
            "Die Stadt spart beim Bau neuer Schulen. Dies kritisierte der Elternverband am Montag.",
            "Die Stadt spart beim Bau neuer Schulen",
            "der Elternverband",
        ),
        (
            "Die Lage sei „sehr ernst“. Dies sagte die Ministerin am Montag.",
            "Die Lage sei „sehr ernst“.",
            "die Ministerin",
        ),
    ],
)
def test_dies_sagte_after_a_sentence_reports_it(text: str, clause: str, speaker: str) -> None:
    assert (clause, speaker) in _indirect(text)
