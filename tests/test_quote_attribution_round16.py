"""Quotation speakers on registers the benchmark has little of, patterns found on the challenge set's part 14
(round 16, articles 133-140: an Amtsgericht trial, a biathlon race, an exhibition, a Bürgerentscheid, a shortage of
family doctors, a software company's job cuts, an EU summit, fraudsters posing as police officers) and fixed as
patterns of German, each with sentences written for these tests (never the challenge text):

* "Das Gericht sprach ihn schuldig", "Die Jury sprach die Sportlerin frei": "sprechen" whose clause closes with
  a particle or predicative of another verb (schuldig sprechen, freisprechen, "sagte das Konzert ab") is that
  verb, no report of speech; "sprach von einem Erfolg" still is one;
* "sagte der 56-Jährige der „Lausitzer Rundschau“": after a person named by age or a generic epithet, "der" and a
  quoted name are the dative the words were said to, not a genitive: the newspaper is not the speaker's name
  ("der Chefredakteur der „Lausitzer Rundschau“" keeps its genitive);
* "Die Abwehr habe gezeigt, dass sie stehe, sagte die Trainerin": a speech verb in the Konjunktiv before the frame
  of a later verb after a comma is part of that verb's report, not a report of its own whose subject speaks;
* "Das Kieler Softwareunternehmen Nordwerk … teilte das Unternehmen mit": a place's adjective in -er between the
  article and the kind noun still introduces the company named after it, which "das Unternehmen" refers to.
"""

from __future__ import annotations

import pytest

from tests.quote_helpers import quote, run

# ------------------------------------------------------------------ a verdict is no report


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Schöffengericht sprach die Angeklagte am Mittwoch in allen Punkten schuldig.",
        "Nach zwei Stunden Beratung sprach die Jury den Sportler am Ende frei.",
        "Der Veranstalter sagte das Konzert am Abend wegen des Sturms ab.",
    ],
)
def test_a_verb_made_another_by_its_closing_particle_reports_nothing(sentence: str) -> None:
    text = "Im Saal war es still. " + sentence + " Danach leerte sich der Saal."
    assert run(text) == []


def test_speaking_of_something_is_still_a_report() -> None:
    text = "Im Saal war es still. Der Bürgermeister sprach am Abend von einem schwarzen Tag für die Stadt."
    kind, words, mention, _name = quote(run(text), "schwarzen Tag")
    assert kind == "indirect" and words.startswith("Der Bürgermeister sprach")
    assert mention == "Der Bürgermeister"


# ------------------------------------------------------------------ the newspaper told is no speaker


def test_a_newspaper_after_an_age_is_the_dative() -> None:
    text = (
        "Bäckermeister Jonas Keller (61) hat seinen Laden geschlossen. „Ich finde einfach keine Leute mehr“, sagte "
        "der 61-Jährige der „Lausitzer Rundschau“."
    )
    kind, _words, mention, name = quote(run(text), "keine Leute")
    assert kind == "direct" and mention == "der 61-Jährige"
    assert name == "Jonas Keller"


def test_a_newspaper_after_an_epithet_is_no_name() -> None:
    text = (
        "Die Nachbarn hörten in der Nacht Schreie. „Ich habe sofort die Polizei gerufen“, sagte eine Frau der "
        "„Lausitzer Rundschau“. Sie habe sich danach nicht mehr auf die Straße getraut, sagte sie."
    )
    rows = run(text)
    assert quote(rows, "Polizei gerufen")[2] == "eine Frau"
    assert all(r[3] is None or "Rundschau" not in r[3] for r in rows), rows


def test_a_post_at_the_newspaper_keeps_its_genitive() -> None:
    text = "Der Verlag spart. „Wir drucken trotzdem weiter“, sagte der Chefredakteur der „Lausitzer Rundschau“."
    _kind, _words, mention, _name = quote(run(text), "drucken trotzdem")
    assert mention == "der Chefredakteur der „Lausitzer Rundschau“"


# ------------------------------------------------------------------ hearsay inside a report


def test_a_konjunktiv_speech_verb_before_a_later_frame_is_part_of_its_report() -> None:
    text = (
        "Trainerin Petra Kolb lobte ihre Abwehr. Die Innenverteidigerin habe gezeigt, dass sie in die erste Elf "
        "gehöre, sagte Kolb dem Sender. „Und der Rest kommt von allein.“"
    )
    rows = run(text)
    reports = [r for r in rows if "gehöre" in r[1]]
    assert len(reports) == 1, rows
    assert reports[0][1].startswith("Die Innenverteidigerin habe gezeigt") and reports[0][3] == "Petra Kolb"
    assert quote(rows, "Rest kommt")[3] == "Petra Kolb"


def test_a_speech_verb_in_the_indicative_keeps_its_own_report() -> None:
    text = "Die Ministerin hat am Montag erklärt, dass die Schulen nach den Ferien wieder öffnen sollen."
    kind, words, mention, _name = quote(run(text), "Schulen")
    assert kind == "indirect" and words.startswith("dass die Schulen") and mention == "Die Ministerin"


# ------------------------------------------------------------------ a company introduced after a place's adjective


def test_a_place_adjective_before_the_kind_noun_still_names_the_company() -> None:
    text = (
        "Der Leipziger Autozulieferer Voigtmann Systems streicht 80 Stellen. Die Auftragslage sei schlecht, "
        "teilte das Unternehmen am Dienstag mit."
    )
    assert quote(run(text), "Auftragslage")[3] == "Voigtmann Systems"


def test_two_companies_leave_the_company_unnamed() -> None:
    text = (
        "Der Leipziger Autozulieferer Voigtmann Systems streicht 80 Stellen. Auch der Zulieferer Elbtec ist "
        "betroffen. Die Auftragslage sei schlecht, teilte das Unternehmen am Dienstag mit."
    )
    assert quote(run(text), "Auftragslage")[3] is None
