"""Attribution patterns of German news found on the challenge set's part 6 (round 12) and fixed as patterns of
German, each with sentences written for these tests (never the challenge text): "nach" + article + source noun
telling when ("sagte sie nach der Vorstellung"); "hieß es am Donnerstag aus X"; a subordinate clause inside a report
put before ", sagte X"; a second speaker's frame coordinated after a report; "der" + feminine role after the verb as
a dative addressee; "Name, einer der …" as the subject; "entgegenhalten"; the "sein" passive of appeal verbs; a
lowercase judgement after a work noun; Konjunktiv continuations after a quotation of several sentences; "Man" + a
Konjunktiv I in "-e"; a woman named by first name after the last quoted woman as the antecedent of "sie"."""

from __future__ import annotations

import pytest

from tests.quote_helpers import quote, run


def test_nach_the_performance_tells_when_not_whose_account() -> None:
    rows = run("„Das war ein großer Abend“, sagte der Dirigent Jan Mertens nach der Vorstellung.")
    assert [(k, s) for k, _, s, _ in rows] == [("direct", "der Dirigent Jan Mertens")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an adjective marks the noun as a source; a compound holds its source inside
        ("Nach den bisherigen Ermittlungen handelte der Mann allein.", "den bisherigen Ermittlungen"),
        ("Dabei wurden nach den Polizeiangaben drei Menschen verletzt.", "den Polizeiangaben"),
    ],
)
def test_nach_with_a_marked_source_still_attributes(text: str, source: str) -> None:
    assert [s for _, _, s, _ in run(text)] == [source]


@pytest.mark.parametrize(
    ("text", "said", "source"),
    [
        ("Die Fusion sei geplatzt, hieß es am Mittwoch aus Bankkreisen.", "Die Fusion sei geplatzt", "Bankkreisen"),
        ("Man sei gesprächsbereit, hieß es am Abend aus dem Rathaus.", "Man sei gesprächsbereit", "dem Rathaus"),
    ],
)
def test_hiess_es_with_a_day_before_its_source(text: str, said: str, source: str) -> None:
    assert run(text) == [("indirect", said, source, None)]


def test_subordinate_clause_before_the_inverted_verb_is_part_of_the_report() -> None:
    rows = run("Die Halle bleibe geschlossen, weil das Dach undicht sei, sagte der Hausmeister.")
    assert [(k, q, s) for k, q, s, _ in rows] == [
        ("indirect", "Die Halle bleibe geschlossen, weil das Dach undicht sei", "der Hausmeister")
    ]


def test_speech_verb_inside_a_subordinate_clause_keeps_its_own_frame() -> None:
    rows = run("Der Trainer ging, weil der Präsident sagte, man brauche ihn nicht mehr.")
    assert [(q, s) for _, q, s, _ in rows] == [("man brauche ihn nicht mehr", "der Präsident")]


def test_verb_ending_a_wie_clause_after_an_apposition_frames_the_main_clause() -> None:
    rows = run("Das Feuer war schnell gelöscht, wie Kommandant Ralf Eder, Leiter der Wehr, mitteilte.")
    assert [q for _, q, _, _ in rows] == ["Das Feuer war schnell gelöscht"]


@pytest.mark.parametrize("joiner", ["und der Kämmerer ergänzte", "während der Kämmerer betonte"])
def test_report_ends_before_a_second_speakers_frame(joiner: str) -> None:
    text = f"Die Landrätin sagte, der Kreis könne die Kosten nicht tragen, {joiner}, die Rücklagen seien aufgebraucht."
    rows = run(text)
    assert [(q, s) for _, q, s, _ in rows] == [
        ("der Kreis könne die Kosten nicht tragen", "Die Landrätin"),
        ("die Rücklagen seien aufgebraucht", "der Kämmerer"),
    ]


def test_report_keeps_an_embedded_wie_clause() -> None:
    rows = run("Er sagte, die Regierung habe, wie der Minister betonte, keine andere Wahl.")
    assert [q for _, q, _, _ in rows] == ["die Regierung habe, wie der Minister betonte, keine andere Wahl"]


@pytest.mark.parametrize(
    "text",
    [
        "Der Hausmeister sagte der Direktorin, das Dach sei undicht.",
        "Der Hausmeister hielt der Schulleiterin entgegen, das Dach sei undicht.",
    ],
)
def test_der_before_a_feminine_role_after_the_verb_is_the_addressee(text: str) -> None:
    assert [(q, s) for _, q, s, _ in run(text)] == [("das Dach sei undicht", "Der Hausmeister")]


def test_entgegenhalten_reports_a_dass_clause() -> None:
    rows = run("Sie hält ihm entgegen, dass die Zahlen nicht stimmten.")
    assert [(k, q, s) for k, q, s, _ in rows] == [("indirect", "dass die Zahlen nicht stimmten", "Sie")]


def test_partitive_apposition_leaves_the_named_person_the_speaker() -> None:
    text = (
        "Die Rektorin sagte, die Schule brauche mehr Lehrer, und Elternsprecher Jonas Brandt, einer der Initiatoren "
        "der Petition, erklärte, die Eltern würden protestieren."
    )
    assert quote(run(text), "Eltern würden")[3] == "Jonas Brandt"


def test_sein_passive_of_an_appeal_verb_is_no_speech() -> None:
    assert run("Alle Haushalte sind aufgerufen, in diesem Sommer Wasser zu sparen.") == []
    rows = run("Der Bürgermeister hat die Haushalte aufgerufen, in diesem Sommer Wasser zu sparen.")
    assert [(q, s) for _, q, s, _ in rows] == [("in diesem Sommer Wasser zu sparen", "Der Bürgermeister")]


def test_lowercase_judgement_after_a_work_noun_is_what_was_said() -> None:
    rows = run("Die Kritikerin Lea Sommer nannte den Film „zäh und überladen“.")
    assert [(k, q, n) for k, q, _, n in rows] == [("direct", "„zäh und überladen“", "Lea Sommer")]
    # a title opens with a capital: the film's name is no quotation
    assert run("Die Kritikerin Lea Sommer lobte den Film „Der stille Hafen“.") == []


def test_konjunktiv_continues_a_quotation_of_several_sentences() -> None:
    text = (
        "Arbeitsministerin Nora Lenz stellte ihre Pläne vor. „Eine Verkäuferin verdient weniger als ein Lagerist. Das "
        "ist nicht fair“, sagte die Ministerin. Künftig solle es einen höheren Mindestlohn geben."
    )
    kind, _, _, name = quote(run(text), "höheren Mindestlohn")
    assert (kind, name) == ("indirect", "Nora Lenz")


def test_man_with_a_konjunktiv_in_e_continues_a_report() -> None:
    text = "Ein Sprecher der Stadt sagte, die Brücke sei gesperrt. Man prüfe derzeit eine Umleitung."
    assert quote(run(text), "Man prüfe")[0] == "indirect"
    # the past tense in "-te" is no Konjunktiv
    assert run("Die Brücke ist gesperrt. Man hoffte lange auf eine Umleitung.") == []


@pytest.mark.parametrize(
    ("second", "name"),
    [
        # a woman named (first name, surname, perhaps a title) after the last quoted one: "sie" is her
        ("Auch Patientensprecherin Marion Keller kam zur Sitzung. Ihre Tochter ist lange krank.", "Marion Keller"),
        # a man named there leaves "sie" to the woman quoted before
        ("Auch Patientensprecher Heiko Keller kam zur Sitzung. Seine Tochter ist lange krank.", "Helga Brunner"),
    ],
)
def test_she_after_a_woman_named_by_first_name(second: str, name: str) -> None:
    text = f"„Die Kosten steigen“, erklärt die Kassenärztin Helga Brunner. {second} „Wir brauchen Hilfe“, sagt sie."
    assert quote(run(text), "brauchen Hilfe")[3] == name


def test_she_named_in_the_lead_in_of_the_quotation_she_closes() -> None:
    text = (
        "„Wir sind zufrieden“, sagte die Ärztin Helga Brunner. Die Sprecherin des Vereins, Marion Keller, sagte dazu "
        "im Radio: „Die Hilfe kommt zu spät, und das wissen alle,“ betont sie."
    )
    assert quote(run(text), "Hilfe kommt")[3] == "Marion Keller"
