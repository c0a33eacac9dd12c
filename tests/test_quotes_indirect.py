"""Indirect speech: which clauses are reported speech and where they end (German sentences written for
these tests), on plain strings through ``extract_quotes``."""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes, konjunktiv_words
from briefing.extract.quotes.indirect import complement_words
from briefing.extract.quotes.konjunktiv import KONJUNKTIV_II, konjunktiv_alone, strong_forms
from briefing.extract.quotes.learning import replaced, replacing
from briefing.extract.sentences import split_sentences


def _indirect(text: str) -> list[str]:
    found, _ = extract_quotes(text, split_sentences(text))
    return [text[f.start : f.end] for f in found if f.kind == "indirect"]


def _direct(text: str) -> list[str]:
    found, _ = extract_quotes(text, split_sentences(text))
    return [text[f.start : f.end] for f in found if f.kind == "direct"]


# A direct quotation inside a reported clause: the clause is indirect speech, the quotation direct speech.
NESTED = [
    (
        "Die Ministerin sagte, es müsse jetzt Schluss sein mit „leeren Versprechen und faulen Ausreden“.",
        "es müsse jetzt Schluss sein mit „leeren Versprechen und faulen Ausreden“",
    ),
    (
        "Der Bürgermeister erklärte, die Stadt sei „auf jeden Fall gut vorbereitet“.",
        "die Stadt sei „auf jeden Fall gut vorbereitet“",
    ),
]


@pytest.mark.parametrize(("text", "clause"), NESTED)
def test_reported_clause_around_a_direct_quotation(text: str, clause: str) -> None:
    assert clause in _indirect(text)
    assert any(q in clause for q in _direct(text))


def test_direct_quotation_after_colon_is_no_indirect_speech() -> None:
    text = "Der Trainer sagte: „Wir haben heute verdient gewonnen, und darauf bin ich stolz.“"
    assert _indirect(text) == []
    assert _direct(text)


# A zu-infinitive after any verb of saying is what was said; after other verbs it is not speech.
ZU_INFINITIVE = [
    (
        "Die Ärztekammer mahnte die Regierung, die Kliniken nicht länger warten zu lassen.",
        "die Kliniken nicht länger warten zu lassen",
    ),
    (
        "Der Verband bekräftigte am Montag, an der geplanten Reform festhalten zu wollen.",
        "an der geplanten Reform festhalten zu wollen",
    ),
]


@pytest.mark.parametrize(("text", "clause"), ZU_INFINITIVE)
def test_zu_infinitive_after_a_verb_of_saying(text: str, clause: str) -> None:
    assert clause in _indirect(text)


@pytest.mark.parametrize(
    "text",
    [
        "Der Bürgermeister versuchte, die Wogen im Stadtrat zu glätten.",
        "Die Feuerwehr begann sofort, die Keller der Häuser auszupumpen.",
    ],
)
def test_zu_infinitive_after_other_verbs_is_no_speech(text: str) -> None:
    assert _indirect(text) == []


# The clause before ", <verb>" is reported speech ("Die Lage sei ernst, sagte er") unless it is an
# adverbial clause or holds the verb's own subject.
@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Die Lage im Hafen sei ernst, sagte der Bürgermeister.", "Die Lage im Hafen sei ernst"),
        ("Wenn der Vertrag scheitert, drohe dem Verein der Abstieg, sagte der Präsident.", "Wenn der Vertrag"),
    ],
)
def test_clause_before_the_verb_is_reported(text: str, clause: str) -> None:
    assert any(q.startswith(clause) for q in _indirect(text))


@pytest.mark.parametrize(
    "text",
    [
        "Wenn der Vertrag scheitert, droht dem Verein der Abstieg.",
        "Nachdem die Polizei eingetroffen war, berichtete ein Anwohner von lauten Schüssen.",
        "Obwohl der Winter mild war, kritisierte der Verband die hohen Heizkosten.",
    ],
)
def test_adverbial_clause_before_the_verb_is_no_speech(text: str) -> None:
    # The clause is not what was said; the whole sentence may be reported speech of its own
    # ("berichtete ein Anwohner von lauten Schüssen", speech_acts.py).
    clause = text.split(",")[0]
    assert all(q.strip(" ,.") != clause for q in _indirect(text))
    assert all(not q.startswith(clause) or q.rstrip(".") == text.rstrip(".") for q in _indirect(text))


# A clause reported after its verb ends before a second speech act of the same speaker.
def test_reported_clause_ends_before_the_next_speech_act() -> None:
    text = "Er sagte, die Stadt brauche mehr Wohnungen und fügte hinzu: „Wir fangen noch in diesem Jahr damit an.“"
    assert _indirect(text) == ["die Stadt brauche mehr Wohnungen"]


def test_reported_clause_keeps_its_own_coordination() -> None:
    text = "Sie erklärte, die Mieten seien zu hoch und die Löhne stiegen zu langsam."
    assert _indirect(text) == ["die Mieten seien zu hoch und die Löhne stiegen zu langsam"]


# Konjunktiv II forms count alone (like Konjunktiv I) only when learned so (konjunktiv_alone.txt).
def test_learned_konjunktiv_ii_forms_are_konjunktiv_ii() -> None:
    assert konjunktiv_alone() <= KONJUNKTIV_II


@pytest.mark.parametrize("form", sorted(KONJUNKTIV_II))
def test_konjunktiv_ii_counts_alone_only_when_learned(form: str) -> None:
    text = f"Die Beschäftigten {form} dadurch weniger verdienen."
    assert konjunktiv_words(text, 0, len(text), strong=True) == (form in konjunktiv_alone())
    assert konjunktiv_words(text, 0, len(text), strong=True, learned=False) == 0
    assert konjunktiv_words(text, 0, len(text)) == 1


def test_konjunktiv_i_counts_alone() -> None:
    text = "Die Lage sei ernst."
    assert konjunktiv_words(text, 0, len(text), strong=True) == 1


@pytest.mark.skipif("würden" not in konjunktiv_alone(), reason="'würden' not learned as reported speech")
def test_free_reported_sentence_in_learned_konjunktiv_ii() -> None:
    text = (
        "Die Gewerkschaft lehnte den Sparplan des Vorstands ab. "
        "Die Beschäftigten würden dadurch Hunderte Euro im Monat verlieren."
    )
    assert "Die Beschäftigten würden dadurch Hunderte Euro im Monat verlieren" in " ".join(_indirect(text))


@pytest.mark.skipif("wäre" in konjunktiv_alone(), reason="'wäre' learned as reported speech")
def test_plain_conditional_in_konjunktiv_ii_is_no_speech() -> None:
    text = "Der Sturm zog in der Nacht über die Insel. Ohne den neuen Deich wäre das Dorf überflutet worden."
    assert _indirect(text) == []


# "um/ohne/statt … zu" is an adverbial infinitive, never what was said.
@pytest.mark.parametrize(
    "text",
    [
        "Der Sprecher betonte das mehrfach, um Missverständnisse zu vermeiden.",
        "Die Ministerin verließ den Saal, ohne ein Wort zu sagen.",
    ],
)
def test_adverbial_infinitive_is_no_speech(text: str) -> None:
    assert _indirect(text) == []


# A dass-clause or zu-infinitive after a learned complement word (complement_words.txt) is reported speech
# with the clause's subject as speaker; other dass-clauses are not.
@pytest.mark.skipif("heraus" not in complement_words(), reason="'heraus' not learned")
def test_dass_clause_after_learned_complement_word() -> None:
    text = "Die Forscher der Universität fanden heraus, dass die Proben schon im Labor verunreinigt waren."
    found, _ = extract_quotes(text, split_sentences(text))
    hits = [f for f in found if f.kind == "indirect" and text[f.start : f.end].startswith("dass die Proben")]
    assert hits and hits[0].speaker is not None and hits[0].speaker.text.startswith("Die Forscher")


def test_dass_clause_of_consequence_is_no_speech() -> None:
    text = "Der Sturm war so heftig, dass mehrere Bäume auf die Gleise stürzten."
    assert _indirect(text) == []


def test_complement_words_are_lowercase_words() -> None:
    assert complement_words() and all(w.isalpha() and w == w.lower() for w in complement_words())


# Reported speech whose Konjunktiv sits in a clause after an indicative main clause is that clause.
def test_konjunktiv_clause_after_an_indicative_main_clause() -> None:
    text = (
        "Der Streit um den Neubau geht weiter. "
        "Die Gewerkschaft zog am Montag vor Gericht, weil der Vertrag nicht rechtens sei."
    )
    found, _ = extract_quotes(text, split_sentences(text))
    quotes = [f for f in found if f.kind == "indirect"]
    assert [text[f.start : f.end].rstrip(".") for f in quotes] == ["weil der Vertrag nicht rechtens sei"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Die Gewerkschaft"


def test_konjunktiv_main_clause_keeps_the_whole_sentence() -> None:
    text = (
        "Die Gewerkschaft zog am Montag vor Gericht. "
        "Der Vertrag sei nicht rechtens, weil er gegen die Satzung verstoße."
    )
    assert "Der Vertrag sei nicht rechtens, weil er gegen die Satzung verstoße." in _indirect(text)


# ", so X" and the parenthetical ", so <verb> X" report the clause before them.
@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("Die Stimmung im Team ist gut, so der Trainer.", "Die Stimmung im Team ist gut", "Trainer"),
        (
            "Der Umbau der Halle dauert zwei Jahre, so schätzen die Planer der Stadt.",
            "Der Umbau der Halle dauert zwei Jahre",
            "die Planer der Stadt",
        ),
    ],
)
def test_so_report(text: str, clause: str, speaker: str) -> None:
    found, _ = extract_quotes(text, split_sentences(text))
    hits = [f for f in found if f.kind == "indirect" and text[f.start : f.end] == clause]
    assert hits and hits[0].speaker is not None and speaker in hits[0].speaker.text


@pytest.mark.parametrize(
    "text",
    [
        "Die Straße war gesperrt, so dass die Busse umgeleitet werden mussten.",
        "Der Zug fuhr an diesem Tag langsam, so langsam wie nie zuvor.",
    ],
)
def test_so_without_report(text: str) -> None:
    assert _indirect(text) == []


# A clause put in front of the Konjunktiv belongs to the report; an adverbial clause in between does not.
def test_report_starts_at_the_verbs_comma() -> None:
    text = (
        "Der Doktorvater erklärte in einem Interview, über den Versuch, die Veröffentlichung zu verhindern, "
        "sei er enttäuscht."
    )
    assert _indirect(text) == ["über den Versuch, die Veröffentlichung zu verhindern, sei er enttäuscht"]


def test_adverbial_clause_between_verb_and_report_is_left_out() -> None:
    text = "Der Minister sagte, nachdem er die Zahlen gesehen hatte, die Lage sei ernst."
    assert _indirect(text) == ["die Lage sei ernst"]


# An attribution marker after a colon or semicolon: the clause before the colon is the writer's own, the
# report is what follows the colon, without the marker.
MARKER_AFTER_COLON = [
    (
        "Die Lage im Tal bleibt ernst: Nach Angaben der Feuerwehr sind noch drei Straßen überflutet.",
        "sind noch drei Straßen überflutet",
    ),
    (
        "Die Stimmung war gereizt; laut Polizei wurden am Abend zwölf Menschen festgenommen.",
        "wurden am Abend zwölf Menschen festgenommen",
    ),
]


@pytest.mark.parametrize(("text", "clause"), MARKER_AFTER_COLON)
def test_marker_after_colon_reports_what_follows_the_colon(text: str, clause: str) -> None:
    assert _indirect(text) == [clause]


# Free reported speech whose Konjunktiv verb follows a comma right away: what stands before the comma is
# the fronted part of the same clause (a subject with its apposition), not a main clause
# of the narrator, so the report keeps it; a fronted adverbial clause ("Obwohl …,") stays outside.
FRONTED_BEFORE_KONJUNKTIV = [
    "Die Verletzten, darunter zwei Kinder, seien in Krankenhäuser gebracht worden.",
    "Die Ursache des Brandes, ein defektes Kabel im Keller, sei inzwischen gefunden worden.",
]


@pytest.mark.parametrize("text", FRONTED_BEFORE_KONJUNKTIV)
def test_fronted_part_before_konjunktiv_verb_stays_in_the_report(text: str) -> None:
    assert _indirect(text) == [text]


def test_fronted_adverbial_clause_stays_outside_the_report() -> None:
    text = "Obwohl die Einnahmen steigen, sei die Stadt von einem ausgeglichenen Haushalt weit entfernt."
    assert _indirect(text) == ["sei die Stadt von einem ausgeglichenen Haushalt weit entfernt."]


# An attribution marker inside a relative clause that opens with a preposition ("unter denen", "auf dem"):
# the report is that relative clause, not the sentence around it.
def test_marker_in_prepositional_relative_clause_reports_that_clause() -> None:
    text = (
        "Die Polizei nahm zwei Männer fest, unter denen sich nach Angaben der Ermittler auch der Anführer "
        "der Bande befinden soll, und brachte sie nach Berlin."
    )
    assert _indirect(text) == ["unter denen sich nach Angaben der Ermittler auch der Anführer der Bande befinden soll"]


# A sentence that introduces its Konjunktiv with an indicative clause of its own before a colon gives the
# words to that clause's subject, never to the speaker of the sentence before (issue 10, kind 4).
_BEFORE = "Der Streik sei völlig überzogen, sagte ein Sprecher des Konzerns. "


def _speakers(text: str) -> dict[str, str | None]:
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    return {text[f.start : f.end]: (f.speaker.text if f.speaker else None) for f in found}


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        ("Die Gewerkschaft widersprach: Das Angebot liege unter der Inflationsrate.", "Die Gewerkschaft"),
        ("Die Ministerin sah das anders: Das Angebot liege unter der Inflationsrate.", "Die Ministerin"),
        # a subject that names no one: no one's words, and not the spokesman's either
        ("Die Lage hat sich verändert: Das Angebot liege unter der Inflationsrate.", None),
    ],
)
def test_an_own_introduction_before_a_colon_names_its_own_speaker(second: str, speaker: str | None) -> None:
    got = _speakers(_BEFORE + second)
    said = [(w, s) for w, s in got.items() if "Inflationsrate" in w]
    if speaker is None:
        assert all(s is None or "Sprecher" not in s for _, s in said)
    else:
        assert said and all(s == speaker for _, s in said), said


def test_a_sollen_sentence_with_its_own_introduction_does_not_continue_the_report() -> None:
    text = (
        "Die Ministerin kündigte am Montag eine Reform der Behörden an. Zudem ist eine Fusion geplant: Zwei "
        "Ämter sollen zu einem zusammengelegt werden."
    )
    assert all("Ämter" not in w or s is None for w, s in _speakers(text).items())


def test_a_continuation_whose_speech_verb_only_closes_it_goes_on_with_the_report() -> None:
    """'Die Gewerkschaft habe das Angebot abgelehnt': the participle reports an act; the spokesman before
    still speaks (a speech verb that opens a clause of its own, 'Sie lehnte ab, …', would end the report)."""
    text = "Der Streik sei überzogen, sagte ein Sprecher des Konzerns. Die Gewerkschaft habe das Angebot abgelehnt."
    got = _speakers(text)
    assert got.get("Die Gewerkschaft habe das Angebot abgelehnt.") == "ein Sprecher des Konzerns"


# The learning scripts try other learned sets through an injection point (briefing/extract/quotes/learning.py);
# the extraction must see them whether its modules are compiled or not.
def test_a_replaced_complement_word_set_is_the_one_used() -> None:
    text = "Die Forscher der Universität fanden heraus, dass die Proben schon im Labor verunreinigt waren."

    def clause_found() -> bool:
        found, _ = extract_quotes(text, split_sentences(text))
        return any(f.kind == "indirect" and text[f.start : f.end].startswith("dass die Proben") for f in found)

    with replacing("complement_words", frozenset({"heraus"})):
        assert complement_words() == {"heraus"}
        assert clause_found()
    with replacing("complement_words", frozenset()):
        assert not clause_found()
    assert replaced("complement_words") is None


def test_a_replaced_konjunktiv_alone_set_is_the_one_used() -> None:
    text = "Die Beschäftigten würden dadurch weniger verdienen."
    try:
        for alone, count in ((frozenset({"würden"}), 1), (frozenset(), 0)):
            with replacing("konjunktiv_alone", alone):
                strong_forms.cache_clear()
                assert konjunktiv_words(text, 0, len(text), strong=True) == count
    finally:
        strong_forms.cache_clear()
    with (  # one replacement at a time
        replacing("konjunktiv_alone", frozenset()),
        pytest.raises(RuntimeError),
        replacing("konjunktiv_alone", frozenset({"würden"})),
    ):
        pass
