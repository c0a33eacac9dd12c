"""Round 19: the name a reader sees - whom a pronoun, role or description is resolved to.

The scorer accepts "sagte er" whoever "er" was resolved to; the briefing shows the name. Each case is a pattern
of German (sentences written for these tests): a pronoun is never bound inside its own clause; an object or a
predicate noun is no antecedent; a pronoun opening the sentence between carries its person on; two persons in
reach (joined by "und") leave a pronoun unresolved rather than guessed; a medium in quotation marks after a
description is the addressee; a person noun with a genitive name names the lawyer, not his client; a surname
after a body's description ("warf die Staatsanwaltschaft Ertel vor") is the object.
"""

from __future__ import annotations

import pytest
from quote_helpers import run

from briefing.extract.quotes.descriptions import possessed
from briefing.extract.quotes.speakers import clause_subject


def _direct_name(text: str) -> str | None:
    rows = [r for r in run(text) if r[0] == "direct"]
    assert len(rows) == 1, rows
    return rows[0][3]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a person named in the pronoun's own clause (a companion, an object) is someone else
        (
            "Der Trainer Uwe Brandt kam spät zur Pressekonferenz. Nach dem Gespräch mit Vereinschef Tobias Kranz "
            "sagte er: „Wir bleiben ruhig und arbeiten weiter.“",
            "Uwe Brandt",
        ),
        # a predicate noun ("will Bürgermeisterin bleiben", "ist Sprecherin") is what the subject is, not a person
        (
            "Helga Brückner will Bürgermeisterin bleiben. Am Abend trat sie vor die Presse. Sie erklärte: „Ich mache "
            "weiter, so lange man mich lässt.“",
            "Helga Brückner",
        ),
        # the dative object of the sentence before is not who speaks next
        (
            "Bürgermeister Lars Feldmann gewann die Wahl knapp. Sein Herausforderer Tim Ostermann von der CDU gab sich "
            "geschlagen. Am Abend gratulierte der Christdemokrat dem Bürgermeister im Rathaus. „Das Ergebnis ist fair "
            "und klar“, sagte er.",
            "Tim Ostermann",
        ),
        # the pronoun opening the sentence between carries its person on; that sentence's other names are others
        (
            "Der Forscher Karl Brandt lebt in Kiel. Er war es, der das von Minister Paul Roth gesetzte Ziel "
            "erreichte. Nach dem Flug meldete er sich mit den Worten: „Wir sind gut gelandet.“",
            "Karl Brandt",
        ),
        (
            "Die Ärztin Anna Roth kam am Morgen. Sie traf die Kollegin Eva Kurz. „Wir sind für den Ansturm bereit“, "
            "sagte sie.",
            "Anna Roth",
        ),
        # a medium in quotation marks after the description is the one spoken to
        (
            "Die Ärztin Eva Brandt warnt vor Engpässen. „Uns fehlen in jeder Schicht Pflegekräfte“, sagte die "
            "Internistin der „Rheinischen Zeitung“.",
            "Eva Brandt",
        ),
        (
            "Der Außenminister Paul Wendt reiste ab. „Wir antworten angemessen“, sagte ein Sprecher des "
            "Außenministeriums der Nachrichtenagentur Reuters.",
            "Sprecher des Außenministeriums",
        ),
        # a person noun with a name in the genitive: the lawyer speaks, not his client
        (
            "Der Stürmer Jonas Weber verletzte sich im Training. „Mein Mandant wird den Verein verklagen“, sagte der "
            "Anwalt Webers am Abend.",
            "Anwalt Webers",
        ),
        (
            "Der Stürmer Jonas Weber verletzte sich im Training. Webers Anwalt äußerte sich am Abend. Er sagte: „Mein "
            "Mandant wird den Verein verklagen.“",
            "Webers Anwalt",
        ),
        # a member of a body is a person of it, not the body (a person noun without an agent's ending)
        (
            "Die Landesregierung lehnt den Plan ab. „Am Ende gibt es wie immer einen Kompromiss“, sagte ein Mitglied "
            "der Landesregierung.",
            "Mitglied der Landesregierung",
        ),
        # the other side: one person of the pronoun's gender in a coordination is its antecedent
        (
            "Zum Treffen kamen Maria Lang und Thomas Ebert. Er sagte: „Wir haben heute viel erreicht.“",
            "Thomas Ebert",
        ),
        (
            "„Wir kämpfen für jeden Arbeitsplatz im Werk“, sagte Innenministerin Anna Schulz am Montag.",
            "Anna Schulz",
        ),
    ],
)
def test_the_name_shown_is_the_person_meant(text: str, name: str) -> None:
    assert _direct_name(text) == name


def test_a_companion_in_the_pronouns_clause_is_not_shown() -> None:
    # (she may stay unnamed: the sentence before is about where, not who; never her colleague)
    text = (
        "Die Pilotin Jana Vogt startete am Morgen in Kiel. Zusammen mit ihrer Kollegin Lea Sommer landete sie am "
        "Abend und sagte: „Der Flug war ruhig und schön.“"
    )
    assert _direct_name(text) in ("Jana Vogt", None)


@pytest.mark.parametrize(
    "text",
    [
        # two persons of the gender joined by "und": which one is unsaid
        "Auf der Liste standen die Abgeordneten Karl Hübner (SPD) und Stefan Riedel (CDU). Er forderte: „Das muss "
        "schnell aufgeklärt werden.“",
        "Zur Sitzung kamen Landrat Olaf Brenner und Bürgermeister Tom Hale. Er sagte: „Wir sind uns in allen "
        "Fragen einig.“",
    ],
)
def test_two_persons_in_reach_leave_the_pronoun_unnamed(text: str) -> None:
    assert _direct_name(text) is None


def test_a_surname_after_a_bodys_description_is_its_object() -> None:
    # "warf die Staatsanwaltschaft Ertel vor": the prosecutors accuse him; he is not who speaks
    text = (
        "Gegen den Landrat Kurt Ertel wird ermittelt. Außerdem warf die Staatsanwaltschaft Ertel vor, Aufträge "
        "falsch vergeben zu haben."
    )
    assert all(r[3] != "Kurt Ertel" for r in run(text))


@pytest.mark.parametrize(
    ("clause", "subject"),
    [
        ("Helga Brückner will Bürgermeisterin bleiben.", "Helga Brückner"),
        ("Der Verband soll bald Partner werden.", "Der Verband"),
        ("Am Montag will der Minister sein Amt abgeben.", "der Minister"),
    ],
)
def test_a_predicate_noun_before_the_modals_copula_is_not_the_subject(clause: str, subject: str) -> None:
    found = clause_subject(clause, 0, len(clause))
    assert found is not None and found.text == subject


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        ("der Anwalt Webers", "Der Stürmer Jonas Weber", True),
        ("Finks Managerin", "Die Sängerin Laura Fink", True),
        ("der Sprecher Merkels", "Angela Merkel", True),
        ("Minister Schulz", "Minister Schulz", False),
        ("Kanzlerin Merkel", "Angela Merkel", False),
        ("der Sprecher des Ministers", "Minister Paul Roth", False),
    ],
)
def test_a_person_noun_with_a_genitive_name(words: str, text: str, expected: bool) -> None:
    assert possessed(words, text) is expected
