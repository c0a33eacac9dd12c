"""Direct-quotation speakers on WikiNews-style German, patterns found on the challenge set's part 8 (round 13,
articles 81-91) and fixed as patterns of German, each with sentences written for these tests (never the
challenge text): a determiner with a number before the noun ("die rund 200 Demonstranten", "Einer der 13
Feuerwehrleute"), not a measure before an adjective ("der 330 Seiten starke Bericht"); an adverb of degree and a
quantity word in the prefield before a colon quotation ("Besonders viel Beifall bekam X für …: „…“"); the words of
the quotation a pronoun attributes and names inside quotation marks are no antecedent of a pronoun after them;
"Frau" and "Herr" before a surname show the gender; "zitiert die Zeitung „Titel“ den Minister": the one quoted;
a compound adjective on a name ("US-amerikanische", "SPD-nahe") is an adjective, not a noun of the phrase or name;
a bare surname has the gender of the first name the text gave it; "„…“ – mit diesen Worten VERB X": X speaks."""

from __future__ import annotations

import pytest

from briefing.extract.quotes.speakers import read_np, tokens
from tests.quote_helpers import quote, run


def np_words(text: str) -> str:
    toks = tokens(text, 0, len(text))
    return " ".join(t[2] for t in toks[: read_np(toks, 0)])


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("die rund 200 Demonstranten riefen", "die rund 200 Demonstranten"),
        ("die mehr als 50 Gäste beschwerten sich", "die mehr als 50 Gäste"),
        ("die zwölf Geschworenen erklärten", "die zwölf Geschworenen"),
        ("Einer der 13 beteiligten Feuerwehrleute sagte", "Einer der 13 beteiligten Feuerwehrleute"),
        ("die 2.000 Beschäftigten des Werks streikten", "die 2.000 Beschäftigten des Werks"),
        # a number measuring an adjective is no phrase of its own
        ("der 330 Seiten starke Bericht verweist", ""),
        ("der 40 Meter hohe Kran stürzte", ""),
    ],
)
def test_a_determiner_with_a_number_opens_a_noun_phrase(text: str, phrase: str) -> None:
    assert np_words(text) == phrase


def test_a_counted_group_after_the_verb_speaks() -> None:
    rows = run(
        "„Die Fabrik bleibt offen“, sagte Betriebsratschef Horst Kramer. Am Abend zogen Beschäftigte vor das "
        "Rathaus. „Wir lassen uns nicht abspeisen“, riefen die etwa 300 Arbeiter."
    )
    assert quote(rows, "abspeisen")[2] == "die etwa 300 Arbeiter"
    assert quote(rows, "Fabrik")[2] == "Betriebsratschef Horst Kramer"


def test_a_partitive_with_a_number_speaks_not_the_person_before() -> None:
    rows = run(
        "Der Einsatzleiter Paul Brandner bestätigte den Brand. Einer der 20 eingesetzten Helfer sagte: "
        "„So ein Feuer habe ich noch nie gesehen.“"
    )
    assert quote(rows, "Feuer")[2] == "Einer der 20 eingesetzten Helfer"


@pytest.mark.parametrize(
    "opening",
    ["Besonders viel Beifall bekam Karin Leistner", "Besonders wenig Zustimmung fand Karin Leistner"],
)
def test_an_adverb_of_degree_and_a_quantity_open_the_prefield_before_the_subject(opening: str) -> None:
    rows = run(
        "Die Landtagspräsidentin Karin Leistner eröffnete die Sitzung. "
        f"{opening} für einen Satz zur Schulpolitik: „Keine Schule wird geschlossen.“"
    )
    _, _, mention, name = quote(rows, "Keine Schule")
    assert mention == "Karin Leistner" and name == "Karin Leistner"


def test_words_of_a_quotation_over_several_sentences_are_no_antecedent_of_its_pronoun() -> None:
    rows = run(
        "Bürgermeister Stefan Wolter und Landrat Thomas Kehl stritten über die Kreisumlage. Wolter blieb "
        "gelassen. „Ich schätze Thomas Kehl als Kollegen. Die Zahlen kennt er aber auch“, sagte er am Abend."
    )
    _, _, mention, name = quote(rows, "Ich schätze")
    assert mention == "er" and name is not None and "Wolter" in name


@pytest.mark.parametrize(("words", "gender"), [("Frau Kehl", "f"), ("Herr Wolter", "m"), ("Herrn Wolter", "m")])
def test_a_form_of_address_shows_the_gender(words: str, gender: str) -> None:
    from briefing.extract.quotes.resolve import _gender

    assert _gender(words) == gender


def test_a_medium_with_its_title_quotes_the_person_after_it() -> None:
    rows = run(
        "Der Trainer Uwe Rast war enttäuscht. „Wir haben schlecht gespielt“, zitierte das Fachblatt „Kicker“ "
        "den 52-Jährigen."
    )
    people = [r for r in rows if "schlecht" in r[1] and not (r[2] or "").startswith("das Fachblatt")]
    assert [r[2] for r in people] == ["den 52-Jährigen"], rows


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Die Lage ist ernst“, sagte der US-amerikanische Außenminister Tom Carver in Genf.", "Tom Carver"),
        ("„Wir bleiben hart“, sagte die SPD-nahe Ökonomin Petra Lind.", "Petra Lind"),
        # a name with a lowercase last part is no adjective
        ("„Die Lage ist ernst“, sagte UN-Generalsekretär Ban Ki-moon in New York.", "Ban Ki-moon"),
    ],
)
def test_a_hyphenated_adjective_before_a_title_is_not_part_of_the_name(text: str, name: str) -> None:
    assert [(s, n) for _, _, s, n in run(text)][0][1] == name


def test_a_bare_surname_has_the_gender_of_the_first_name_the_text_gave_it() -> None:
    rows = run(
        "Im Streit um die Kreisumlage haben sich Bürgermeister Stefan Wolter und Landrätin Sabine Kehl am Montag "
        "angegriffen. Kehl warf ihm Wortbruch vor. „Das ist unredlich“, sagte sie. Wolter blieb gelassen. "
        "„Ich kenne Frau Kehl als kluge Kollegin. Die Zahlen kennt sie aber auch“, sagte er am Abend."
    )
    _, _, mention, name = quote(rows, "Ich kenne")
    assert mention == "er" and name is not None and "Wolter" in name


@pytest.mark.parametrize(
    "after",
    ["– mit diesen Worten beruhigte Werksleiter Tom Pauly am Montag die Belegschaft.",
     "– mit diesen Worten trat Werksleiter Tom Pauly am Montag vor die Belegschaft."],
)
def test_a_dash_and_a_clause_referring_back_name_the_speaker(after: str) -> None:
    rows = run(f"Das Werk steckt in der Krise. „Wir werden den Standort nicht aufgeben“ {after}")
    assert quote(rows, "Standort")[2] == "Werksleiter Tom Pauly"
