"""Quoted fragments a named subject says or holds inside a narrative sentence (issue 10, direct-quote recall).

The quoted words are the object or complement of a speech, naming or attitude verb whose subject names someone
("warfen der Regierung „Wortbruch“ vor", "rechnen mit „sehr ergiebigen Niederschlägen“"): speech of that
subject.  Titles, names and scare quotes in the same positions stay out.  The sentences are made up.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import direct, extract_quotes, find_pairs, mask_quotes
from briefing.extract.quotes import quoted_speech as qs
from briefing.extract.quotes.quoted_speech import RuleView


def _direct(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker phrase) of every direct quotation the extraction finds in ``text``."""
    found, _ = extract_quotes(text)
    return [(text[f.start : f.end], f.speaker.text if f.speaker else None) for f in found if f.kind == "direct"]


def _governor(text: str) -> tuple[str, str] | None:
    pairs, _ = find_pairs(text)
    assert len(pairs) == 1
    got = direct._governing_subject(mask_quotes(text, pairs), pairs[0], (0, len(text)))
    return None if got is None else (got[0].text, got[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Gewerkschaften warfen dem Vorstand am Dienstag „Wortbruch“ vor.", "Die Gewerkschaften"),
        ("Der Staatsanwalt hält den Angeklagten für „gefährlich und unberechenbar“.", "Der Staatsanwalt"),
        ("Hydrologen rechnen bis Freitag mit „deutlich steigenden Pegelständen“.", "Hydrologen"),
        ("Die Opposition sieht das Gesetz als „Angriff auf die Pressefreiheit“.", "Die Opposition"),
    ],
)
def test_the_subject_of_the_verb_whose_object_the_quotation_is(text: str, expected: str) -> None:
    got = _governor(text)
    assert got is not None and got[0] == expected


def test_the_governing_verb_is_told_by_its_separable_particle() -> None:
    assert _governor("Die Gewerkschaften warfen dem Vorstand am Dienstag „Wortbruch“ vor.") == (
        "Die Gewerkschaften",
        "vorwerfen",
    )
    # "warfen" without its particle is no speech verb: no governor
    assert _governor("Die Demonstranten warfen Flaschen mit der Aufschrift „Wortbruch“ auf die Straße.") is None


@pytest.mark.parametrize(
    "text",
    [
        # the verb's clause ends at the comma: the quotation is in another clause
        "Die Ministerin kritisierte den Plan, doch die „Tafel“ in Köln blieb geöffnet.",
        # no speech, naming or attitude verb at all
        "Am Samstag eröffnete im Hafen das Restaurant „Zum Anker“ mit vierzig Plätzen.",
    ],
)
def test_no_governing_verb_outside_the_quotations_clause(text: str) -> None:
    assert _governor(text) is None


def test_a_bare_noun_a_named_subject_accuses_someone_of_is_speech() -> None:
    text = "Mehrere Umweltverbände warfen der Landesregierung unter anderem „Wortbruch“ vor."
    assert _direct(text) == [("„Wortbruch“", "Mehrere Umweltverbände")]


def test_a_lowercase_phrase_a_named_subject_holds_is_speech_with_that_speaker() -> None:
    text = "Meteorologen rechnen für das Wochenende mit „sehr kräftigen Gewittern“ im ganzen Süden."
    assert _direct(text) == [("„sehr kräftigen Gewittern“", "Meteorologen")]
    held = "Der Staatsanwalt hält den Angeklagten für „gefährlich und ohne jede Reue“."
    assert _direct(held) == [("„gefährlich und ohne jede Reue“", "Der Staatsanwalt")]


@pytest.mark.parametrize(
    "text",
    [
        # a name after a naming verb: "nennt … „Twitter“" names a service, nobody says "Twitter"
        "Der Jahresbericht der Organisation nennt „Twitter“ als wichtigste Quelle.",
        "Als Beispiele nennt der Hersteller die Modelle „Kompakt“ und „Kombi“.",
        # a lowercase name in apposition to a noun right before it
        "Die Entführer wollen die Freilassung von Angehörigen des Stamms „al-Hamid bin Said“ erzwingen.",
        # a lowercase phrase nobody in the sentence holds: a term
        "Im Bereich „politisch motivierte Kriminalität“ liegt das Land an erster Stelle.",
        # a foreign phrase opening lowercase
        "Der Konzern startete im Herbst sein „space recovery experiment“ mit zwei Satelliten.",
    ],
)
def test_names_terms_and_foreign_phrases_stay_out(text: str) -> None:
    assert _direct(text) == []


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("sehr kräftigen Gewittern", True),
        ("unter bestimmten Umständen", True),
        ("gefährlich", False),  # one word: a scare quote
        ("iTunes-Musik-Handy", False),  # one compound, not a phrase
        ("Gesetz zur Änderung des Passgesetzes", False),  # opens capitalised: a title
        ("space recovery experiment", False),  # English
    ],
)
def test_lower_phrase(inner: str, expected: bool) -> None:
    assert qs.lower_phrase(inner, qs.WORD.findall(inner)) is expected


def test_a_scare_word_inside_the_quotation_before_does_not_name_this_one() -> None:
    text = "Seine Worte sind bis heute ein „geflügeltes Wort“: „Wir schaffen das, und wir werden es schaffen.“"
    quotes = [q for q, _ in _direct(text)]
    assert "„Wir schaffen das, und wir werden es schaffen.“" in quotes
    # a scare word right before the mark still marks a title
    title = "Die Ausstellung trägt das Motto „Wir schaffen das, und wir werden es schaffen“ und endet im Mai."
    assert _direct(title) == []


def test_features_of_a_held_quotation() -> None:
    text = "Hydrologen rechnen bis Freitag mit „deutlich steigenden Pegelständen“."
    pairs, _ = find_pairs(text)
    masked = mask_quotes(text, pairs)
    held = RuleView("unreported", "", "", None, False, False, False, -1, governor=1)
    f = qs.features(text, masked, pairs[0], (0, len(text)), held)
    assert f["governed"] == f["governed_by_person"] == f["lower_phrase"] == 1.0
    unheld = RuleView("unreported", "", "", None, False, False, False, -1)
    g = qs.features(text, masked, pairs[0], (0, len(text)), unheld)
    assert "governed" not in g and "governed_by_person" not in g and g["lower_phrase"] == 1.0


# Slogans: the training data annotates slogans people chant or carry as their direct speech (7 of 7 written,
# 8 of 11 chanted in train), the motto of an event not (0 of 10); see lang/de/slogan_nouns.txt.


def test_a_chanted_slogan_is_direct_speech_of_those_who_chant_it() -> None:
    text = "Die Streikenden zogen zum Rathaus und skandierten Parolen wie „Wir sind keine Bittsteller“."
    assert _direct(text) == [("„Wir sind keine Bittsteller“", "Die Streikenden")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Bauern trugen Plakate mit der Aufschrift „Ohne uns kein Brot auf dem Tisch“ durch die Stadt.",
        "Auf einem Transparent war die Parole „Hände weg von unseren Renten und Löhnen“ zu lesen.",
        "Sie riefen Sprechchöre wie zum Beispiel „Wir bleiben hier“ oder „Keine Räumung ohne Ersatz“.",
    ],
)
def test_slogans_after_a_slogan_noun_are_kept(text: str) -> None:
    assert len(_direct(text)) >= 1


def test_a_slogan_noun_is_no_speaker_and_a_motto_stays_a_title() -> None:
    text = "Auf einem Transparent war die Parole „Hände weg von unseren Renten und Löhnen“ zu lesen."
    pairs, _ = find_pairs(text)
    assert direct._after_slogan_noun(mask_quotes(text, pairs), pairs[0], 0)
    motto = "Die Tagung steht in diesem Jahr unter dem Motto „Zukunft gestalten“ und beginnt am Montag."
    assert _direct(motto) == []
    motto_pairs, _ = find_pairs(motto)
    assert not direct._after_slogan_noun(mask_quotes(motto, motto_pairs), motto_pairs[0], 0)


def test_every_slogan_in_a_list_after_the_noun_is_one() -> None:
    text = "Die Menge skandierte Parolen wie „Freiheit jetzt“ und „Weg mit dem Gesetz“."
    pairs, _ = find_pairs(text)
    masked = mask_quotes(text, pairs)
    assert all(direct._after_slogan_noun(masked, p, 0) for p in pairs)


# Quotation marks nested in a quotation („… „inner“ …“): the outer quotation is kept whole.


def test_a_quotation_nested_in_another_keeps_the_outer_whole() -> None:
    text = (
        "Der Geschäftsführer sagte: „Wir haben viele Anmeldungen für die „Premium-Adressen“ erhalten. "
        "Die Nachfrage ist größer als erwartet.“ Danach stellte er die Zahlen vor."
    )
    pairs, warnings = find_pairs(text)
    assert warnings == []
    assert [text[p.start : p.end] for p in pairs] == [
        "„Wir haben viele Anmeldungen für die „Premium-Adressen“ erhalten. Die Nachfrage ist größer als erwartet.“"
    ]
    assert [q for q, _ in _direct(text)] == [text[pairs[0].start : pairs[0].end]]


def test_a_nested_quotation_after_paragraphs_of_one_quotation() -> None:
    text = (
        "Der Vorsitzende Richter schloss: „Wir haben entschieden.\n\nBedenken Sie das, bevor Sie urteilen. "
        "Nur dann haben Sie den Grundsatz „im Zweifel für den Angeklagten“ verstanden.“\n\nDanach endete die Sitzung."
    )
    pairs, _ = find_pairs(text)
    assert len(pairs) == 1 and text[pairs[0].start : pairs[0].end].endswith("verstanden.“")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a new paragraph opening a quotation while one is open after a finished sentence: the typographic
        # convention for one quotation over paragraphs, one pair (no nesting; tests/test_quote_attribution_round15.py)
        (
            "Er sagte: „Wir haben lange gesprochen.\n\n„Am Ende zählt nur das“, fügte er hinzu.",
            ["„Wir haben lange gesprochen.\n\n„Am Ende zählt nur das“"],
        ),
        # an unclosed quotation before a short one: the short one alone, no nesting guessed
        ("Er sagte: „Das ist der Anfang. Danach kam „nichts“ mehr.", ["„nichts“"]),
        # two quotations in a row are no nesting
        ("Sie rief „Halt“ und dann „Weg hier“ in die Menge.", ["„Halt“", "„Weg hier“"]),
    ],
)
def test_what_is_no_nesting(text: str, expected: list[str]) -> None:
    pairs, _ = find_pairs(text)
    assert [text[p.start : p.end] for p in pairs] == expected


def test_a_relative_clause_names_its_holder_by_the_antecedent() -> None:
    text = "Scharfe Kritik kam vom Mieterverein Nord, der die Erhöhung als „Abzocke“ bezeichnete und ablehnt."
    assert _governor(text) is not None and _governor(text)[0] == "Mieterverein Nord"  # type: ignore[index]
    held = "Kritik kommt vom Mieterbund Hessen, der die Regelung als „Kapitulation“ vor den Vermietern sieht."
    assert _direct(held) == [("„Kapitulation“", "Mieterbund Hessen")]
