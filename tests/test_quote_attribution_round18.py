"""Quotation speakers on registers the benchmark has little of, patterns found on the challenge set's part 18
(round 18, articles 163-168: a foreign minister abroad, a coalition dispute, tariffs and suppliers, a federal
court ruling, an election night, a health reform row) and fixed as patterns of German, each with sentences written
for these tests (never the challenge text):

* "sagte die Grünen-Politikerin" after "Ministerin Clara Vogt (Grüne)": the inflected party form in a compound
  ("Grünen-", "Linken-") names the same party as its name in parentheses; a member of another party stays apart;
* "sagte der Abgeordnete Karl Brunner der „Welt“", "sagte Jürgen Hartwig der Süddeutschen Zeitung": a first name
  and the word after it are a name, and a name takes no genitive: the medium after it is the one spoken to, never
  the speaker (a role title keeps its genitive: "der Chefredakteur der „Zeit“");
* "Die Stadt habe …, sagte Martin Krause, Professor an der Hochschule Coburg.": after a Konjunktiv report before
  the speech verb, indicative words after the speaker's comma are the speaker's apposition, not a second report;
  a Konjunktiv clause there still is one ("…, sagte er, die Regierung müsse handeln").
"""

from __future__ import annotations

from tests.quote_helpers import quote, run

# ------------------------------------------------------------------ a party's inflected form in a compound


def test_party_compound_in_inflected_form_names_the_member_in_parentheses() -> None:
    text = (
        "Bonn - Umweltministerin Clara Vogt (Grüne) hat am Montag die neue Kläranlage besucht. "
        "„Wir brauchen bei der Sanierung mehr Tempo“, sagte die Grünen-Politikerin."
    )
    _kind, _words, mention, name = quote(run(text), "mehr Tempo")
    assert mention == "die Grünen-Politikerin" and name == "Clara Vogt"


def test_left_party_compound_names_the_member_in_parentheses() -> None:
    text = (
        "Erfurt - Sozialministerin Heike Brand (Linke) stellte den Armutsbericht vor. "
        "„Jedes fünfte Kind ist betroffen“, sagte die Linken-Politikerin."
    )
    assert quote(run(text), "Jedes fünfte Kind")[3] == "Heike Brand"


def test_party_compound_does_not_name_a_member_of_another_party() -> None:
    text = (
        "Bonn - Umweltministerin Clara Vogt (SPD) hat am Montag die neue Kläranlage besucht. "
        "„Wir brauchen bei der Sanierung mehr Tempo“, sagte die Grünen-Politikerin."
    )
    assert quote(run(text), "mehr Tempo")[3] != "Clara Vogt"


# ------------------------------------------------------------------ the medium after a name is spoken to


def test_quoted_medium_after_a_name_is_the_addressee() -> None:
    text = "Die Reform ist umstritten. „Das geht so nicht“, sagte der FDP-Abgeordnete Karl Brunner der „Welt“."
    _kind, _words, mention, name = quote(run(text), "Das geht so nicht")
    assert mention == "der FDP-Abgeordnete Karl Brunner" and name == "Karl Brunner"


def test_long_quoted_medium_after_a_double_surname_is_the_addressee() -> None:
    text = (
        "Die Kliniken sind besorgt. „Das trifft die kleinen Häuser“, sagte Verbandschef Gerald Hartmann-Werner "
        "der „Frankfurter Allgemeinen Zeitung“."
    )
    assert quote(run(text), "kleinen Häuser")[3] == "Gerald Hartmann-Werner"


def test_unquoted_medium_after_a_name_is_the_addressee() -> None:
    text = "Die Reform ist umstritten. „Das geht so nicht“, sagte Jürgen Hartwig der Süddeutschen Zeitung."
    _kind, _words, mention, name = quote(run(text), "Das geht so nicht")
    assert mention == "Jürgen Hartwig" and name == "Jürgen Hartwig"


def test_role_title_keeps_its_quoted_genitive() -> None:
    text = "„Wir drucken weiter“, sagte der Chefredakteur der „Zeit“, als die Druckerei brannte."
    _kind, _words, mention, name = quote(run(text), "Wir drucken weiter")
    assert mention == "der Chefredakteur der „Zeit“" and name != "Zeit"


# ------------------------------------------------------------------ the speaker's apposition is no report


def test_apposition_after_speaker_is_no_second_report() -> None:
    text = (
        "Der Umbau ist umstritten. Die Stadt habe die Kosten zu niedrig angesetzt, sagte der Bauexperte Martin "
        "Krause, Professor an der Hochschule Coburg. Der Stadtrat entscheidet im Mai."
    )
    rows = run(text)
    assert not [r for r in rows if "Professor" in r[1]]
    kind, words, _mention, name = quote(rows, "Kosten")
    assert kind == "indirect" and words == "Die Stadt habe die Kosten zu niedrig angesetzt" and name == "Martin Krause"


def test_konjunktiv_clause_after_the_speaker_is_still_a_report() -> None:
    text = "Die Lage sei ernst, sagte der Landrat Peter Hahn, die Regierung müsse jetzt handeln."
    kind, _words, _mention, name = quote(run(text), "die Regierung müsse")
    assert kind == "indirect" and name == "Peter Hahn"


def test_indicative_clause_after_a_plain_speech_verb_is_still_a_report() -> None:
    text = "Der Bürgermeister Jan Roth sagte, die Regierung hat bei den Schulen versagt."
    kind, _words, _mention, name = quote(run(text), "hat bei den Schulen versagt")
    assert kind == "indirect" and name == "Jan Roth"


# ------------------------------------------------------------------ a relative is a person, not a thing


def test_husband_named_by_possessive_is_not_the_wife() -> None:
    text = (
        "Die Kläger, Maria und Josef Hanke, waren erleichtert. „Wir sind froh“, sagte Maria Hanke. "
        "Ihr Mann ergänzte: „Es war eine lange Zeit.“"
    )
    _kind, _words, mention, name = quote(run(text), "lange Zeit")
    assert mention == "Ihr Mann" and name != "Maria Hanke"


def test_daughter_after_the_quotation_is_not_the_father() -> None:
    text = "„Wir sind froh“, sagte Peter Hanke. „Es war eine lange Zeit“, sagte seine Tochter."
    _kind, _words, mention, name = quote(run(text), "lange Zeit")
    assert mention == "seine Tochter" and name != "Peter Hanke"


def test_a_possessed_thing_before_a_colon_still_passes_the_speaker_on() -> None:
    text = (
        "„Ich bin stolz“, sagte Peter Hanke. Seine Zuversicht gründet sich auf Erfahrung: "
        "„Wir haben das schon einmal geschafft.“"
    )
    assert quote(run(text), "schon einmal")[3] == "Peter Hanke"


# ------------------------------------------------------------------ the writer's main clause after "Ob …,"


def test_question_left_open_is_no_continuation() -> None:
    text = (
        "Der Schutz der Mieter habe Vorrang, sagte die Ministerin Eva Kurz. "
        "Ob sie das Gesetz ändern wolle, ließ sie offen."
    )
    rows = run(text)
    assert not [r for r in rows if "Gesetz ändern" in r[1]]
    assert quote(rows, "Vorrang")[3] == "Eva Kurz"


def test_konjunktiv_main_clause_after_ob_still_continues() -> None:
    text = (
        "Der Schutz der Mieter habe Vorrang, sagte die Ministerin Eva Kurz. "
        "Ob sie das Gesetz ändern wolle, wisse sie noch nicht."
    )
    kind, _words, _mention, name = quote(run(text), "wisse sie noch nicht")
    assert kind == "indirect" and name == "Eva Kurz"


# ------------------------------------------------------------------ "wie ihn X fordern": no source


def test_comparative_wie_clause_is_no_source_of_the_sentence() -> None:
    text = (
        "Die Ministerin Eva Kurz will handeln. Einen Hilfsfonds, wie ihn die Länder fordern, lehnte sie ab: "
        "„Das kann der Staat nicht leisten.“"
    )
    rows = run(text)
    assert all(r[2] != "die Länder" for r in rows)
    kind, _words, _mention, name = quote(rows, "nicht leisten")
    assert kind == "direct" and name == "Eva Kurz"


def test_wie_with_a_subject_still_names_the_source() -> None:
    text = "Die Bundesstraße bleibt bis Freitag gesperrt, wie die Polizei am Montag mitteilte."
    kind, _words, mention, _name = quote(run(text), "bis Freitag gesperrt")
    assert kind == "indirect" and mention == "die Polizei"


# ------------------------------------------------------------------ a separable speech verb without its particle


def test_continuation_with_a_bare_form_of_a_separable_speech_verb() -> None:
    text = (
        "„Der Auftrag ist weg“, sagte Geschäftsführer Peter Seitz. "
        "Er könne die Beschäftigten bis zum Sommer halten, danach sei alles offen."
    )
    kind, _words, _mention, name = quote(run(text), "bis zum Sommer")
    assert kind == "indirect" and name == "Peter Seitz"


def test_continuation_stops_at_a_separable_speech_verb_with_its_particle() -> None:
    text = (
        "„Der Auftrag ist weg“, sagte Geschäftsführer Peter Seitz. "
        "Die Bank hielt ihm entgegen, der Kredit sei längst gekündigt."
    )
    rows = run(text)
    assert all(r[3] != "Peter Seitz" for r in rows if "Kredit" in r[1])
