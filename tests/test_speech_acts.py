"""Reported speech without Konjunktiv (extract/quotes/speech_acts.py): German sentences written for the tests."""

from __future__ import annotations

import pytest

from briefing.extract.quotes.speech_acts import candidate_lemmas, find_reports, reported_lemmas
from briefing.extract.sentences import split_sentences

# The verbs these tests report; the shipped selection is learned and may differ.
LEMMAS = frozenset(
    ["fordern", "ankündigen", "sprechen", "warnen", "bezeichnen", "berichten", "vorwerfen", "kritisieren"]
)


def _reports(text: str, lemmas: frozenset[str] = LEMMAS, skip: set[int] | None = None):
    return find_reports(text, split_sentences(text), skip or set(), lemmas)


@pytest.mark.parametrize(
    ("text", "lemma", "speaker"),
    [
        ("Die Gewerkschaft fordert eine Lohnerhöhung von fünf Prozent.", "fordern", "Die Gewerkschaft"),
        ("Der Minister kündigte am Montag eine Reform der Pflegeversicherung an.", "ankündigen", "Der Minister"),
        ("Die Opposition hat den Rücktritt der Ministerin gefordert.", "fordern", "Die Opposition"),
        ("Die Polizei sprach von einem gezielten Angriff auf die Wache.", "sprechen", "Die Polizei"),
        ("Am Dienstag warnte der Wetterdienst vor starkem Hochwasser an der Elbe.", "warnen", "der Wetterdienst"),
        ("Sie bezeichnete den Entwurf als verfassungswidrig.", "bezeichnen", "Sie"),
        ("Anwohner berichteten von einem lauten Knall in der Nacht.", "berichten", "Anwohner"),
        # present tense of an inseparable verb, spelled like its participle ("hat berichtet")
        ("Der Sender berichtet von langen Staus auf der Autobahn.", "berichten", "Der Sender"),
        ("Die Stiftung kritisiert die Kürzungen im Haushalt scharf.", "kritisieren", "Die Stiftung"),
        # a fronted prepositional phrase: the subject follows the verb
        ("Seit Monaten fordert der Landkreis eine neue Umgehungsstraße.", "fordern", "der Landkreis"),
        ("Bei der Versammlung forderten die Mitglieder höhere Beiträge.", "fordern", "die Mitglieder"),
    ],
)
def test_a_speech_act_verb_with_its_subject_is_reported_speech(text: str, lemma: str, speaker: str) -> None:
    (r,) = _reports(text)
    assert r.lemma == lemma
    assert r.speaker.text == speaker
    assert (r.start, r.end) == (0, len(text.rstrip(".")))  # the whole sentence, speaker included


@pytest.mark.parametrize(
    "text",
    [
        "Der Neubau der Brücke wurde schon im Mai angekündigt.",  # passive: no speaker in the clause
        "Das berichtete die Zeitung am Dienstag unter Berufung auf Regierungskreise.",  # points back
        "Die Stadt baut die Schule, die der Elternverband seit Jahren fordert.",  # relative clause
        "Fordert die Regierung wirklich neue Steuern für alle Bürger?",  # a question
        "Der Minister nannte den Plan „unsinnig“ und bezeichnete ihn als „Zumutung“.",  # quotations
        "Die Zahl der Toten stieg weiter (die Agentur berichtete) auf zwölf.",  # an aside
        "Es warnte niemand rechtzeitig vor der Flut im Tal.",  # expletive subject
        "Das Wetter bleibt in den kommenden Tagen wechselhaft und kühl.",  # no speech-act verb
        "Das neue Gerät soll Autofahrer künftig vor Glätte warnen.",  # an infinitive after a modal
        "Der Sender fasst am Abend zusammen, was vom Gipfel zu fordern ist.",  # an infinitive
        "Die Redaktion fasst zusammen, wer den Rücktritt des Trainers fordert.",  # an indirect question
    ],
)
def test_no_report_without_a_speaker_reporting_in_the_main_clause(text: str) -> None:
    assert _reports(text) == []


def test_a_separable_verb_is_told_by_the_particle_closing_its_clause() -> None:
    text = "Die Bürgermeisterin sprach sich für einen Neubau der Brücke aus."
    assert _reports(text) == []  # "aussprechen" is not "sprechen"
    (r,) = _reports(text, candidate_lemmas())
    assert r.lemma == "aussprechen"


def test_sentences_other_rules_took_are_skipped() -> None:
    text = "Der Verband fordert mehr Geld für Schulen. Die Partei warnt vor neuen Schulden."
    assert [r.lemma for r in _reports(text)] == ["fordern", "warnen"]
    assert [r.lemma for r in _reports(text, skip={0})] == ["warnen"]


def test_only_listed_verbs_report() -> None:
    assert _reports("Die Gewerkschaft fordert eine Lohnerhöhung.", frozenset(["warnen"])) == []


def test_the_learned_verbs_are_candidates() -> None:
    learned = reported_lemmas()
    assert learned, "reported_verbs.txt is empty: run scripts/learn_reported_verbs.py"
    assert learned <= candidate_lemmas()
