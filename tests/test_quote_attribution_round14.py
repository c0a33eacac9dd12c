"""Quotation speakers on registers the benchmark has little of, patterns found on the challenge set's part 10
(round 14, articles 101-108: a Kreistag, an Alpine police report, a bank takeover with analysts, Swiss ice
hockey, a Landgericht verdict, a medical study, a printed interview, an election ticker) and fixed as patterns of
German, each with sentences written for these tests (never the challenge text):

* a mention opened by an indefinite article ("eine Anwohnerin", "Ein früherer Mitarbeiter") is someone the text
  brings in without a name: no name is shown for it, nor for a pronoun standing for it ("sagte ein Sprecher. …,
  fügte er hinzu"); a name apposed to it ("ein Sprecher des Unternehmens, Thomas Reuter") still is, and a spokesman
  compound keeps the body it names ("zitiert dpa einen Bahnsprecher", tests/test_quote_relay.py);
* a possessive with a relation noun and a name ("Sein Kollege Uwe Brandt sieht das anders: „…“") is a person
  speaking, not a thing of the one quoted before ("Ihre Zuversicht gründet sich auf …: „…“" still is);
* a noun phrase in the singular after a plural verb is no subject ("Manche fordern eine Maut"): the object is no
  speaker; a coordinated subject ("sagten der Minister und die Ministerin") still is;
* "hieß es in einer am Montag veröffentlichten Stellungnahme": the document with an extended attribute is the
  source (it was missed), and no name is made of the attribute;
* "…, hatte die Angeklagte damals gesagt": an inverted perfect frame after a Konjunktiv report attributes it to
  the subject after the auxiliary (an indicative clause or an apposition before the comma is no report);
* "Er sagte, X habe, wie der Minister betonte, Y": a wie-clause inside the report of a verb before it makes no
  quotation of the whole sentence (it had been kept out only by the confidence drop).
"""

from __future__ import annotations

import pytest

from tests.quote_helpers import quote, run

# ------------------------------------------------------------------ someone brought in without a name


@pytest.mark.parametrize(
    ("text", "fragment", "mention"),
    [
        ("„Es war ganz still in der Nacht“, sagte eine Anwohnerin am Morgen.", "ganz still", "eine Anwohnerin"),
        (
            "Eine frühere Kassiererin hatte vor Gericht ausgesagt, sie sei zu Überstunden gedrängt worden.",
            "Überstunden",
            "Eine frühere Kassiererin",
        ),
        (
            "„Wir prüfen alle Angebote“, sagte ein Sprecher in Bremen. Man werde sich bald äußern, fügte er hinzu.",
            "bald äußern",
            "er",
        ),
    ],
)
def test_an_indefinite_mention_shows_no_name(text: str, fragment: str, mention: str) -> None:
    _kind, _said, said_by, name = quote(run(text), fragment)
    assert said_by == mention
    assert name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Wir prüfen alle Angebote“, sagte ein Sprecher des Unternehmens, Thomas Reuter.", "Thomas Reuter"),
        ("„Wir prüfen alle Angebote“, sagte eine Sprecherin, Anna Weber, am Montag in Kiel.", "Anna Weber"),
        ("„Wir prüfen alle Angebote“, sagte die Sprecherin Anna Weber am Montag.", "Anna Weber"),
    ],
)
def test_a_name_apposed_to_the_mention_is_still_shown(text: str, name: str) -> None:
    assert quote(run(text), "Angebote")[3] == name



# ------------------------------------------------------------------ a possessive with a relation noun and a name


def test_a_relation_noun_with_a_name_speaks_for_itself() -> None:
    rows = run(
        "Martin Vogel von der Sparkasse hält die Zinsen für „deutlich zu hoch“. „Viele Kunden warten ab“, sagte er. "
        "Sein Kollege Uwe Brandt von der Volksbank sieht das anders: „Die Zinsen sind angemessen.“"
    )
    _kind, _said, said_by, name = quote(rows, "angemessen")
    assert said_by is not None and "Uwe Brandt" in said_by
    assert name is not None and "Brandt" in name and "Vogel" not in name


def test_a_possessed_thing_still_takes_the_speaker_before() -> None:
    rows = run(
        "„Wir schaffen das“, sagte die Ministerin Anna Roth. Ihre Zuversicht gründet sich auf eine Umfrage: "
        "„Die Mehrheit steht hinter uns.“"
    )
    assert quote(rows, "Mehrheit")[3] == "Anna Roth"


# ------------------------------------------------------------------ number agreement of verb and subject


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        ("Der Bürgermeister sprach lange. Manche fordern eine Eintrittsgebühr wie in Venedig.", "eine Eintrittsgebühr"),
        (
            "Der Stadtrat diskutierte bis Mitternacht. Viele verlangen eine Obergrenze für Reisebusse in der Altstadt.",
            "eine Obergrenze",
        ),
        ("Die Anwohner sind verärgert. Viele fordern eine Sperrstunde für die Bars am Hafen.", "eine Sperrstunde"),
    ],
)
def test_a_singular_phrase_after_a_plural_verb_is_no_speaker(text: str, obj: str) -> None:
    rows = run(text)
    assert all(r[2] != obj for r in rows), rows


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("„Das geht so nicht weiter“, sagten der Bürgermeister und die Landrätin.", "der Bürgermeister"),
        ("„Das geht so nicht weiter“, sagte der Bürgermeister am Abend.", "der Bürgermeister"),
        ("„Das geht so nicht weiter“, sagten die Anwohner am Abend.", "die Anwohner"),
    ],
)
def test_agreeing_and_coordinated_subjects_still_speak(text: str, mention: str) -> None:
    assert quote(run(text), "so nicht weiter")[2] == mention


# ------------------------------------------------------------------ a document with an extended attribute


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Die Fusion ist umstritten. Der Preis sei zu niedrig, hieß es in einer am Montag veröffentlichten "
            "Stellungnahme.",
            "einer am Montag veröffentlichten Stellungnahme",
        ),
        (
            "Die Fusion ist umstritten. Der Preis sei zu niedrig, hieß es in einer vom Vorstand verbreiteten "
            "Mitteilung.",
            "einer vom Vorstand verbreiteten Mitteilung",
        ),
    ],
)
def test_a_document_with_an_extended_attribute_is_the_source(text: str, mention: str) -> None:
    _kind, _said, said_by, name = quote(run(text), "zu niedrig")
    assert said_by == mention
    assert name is None or ("veröffentlichten" not in name and "verbreiteten" not in name)


def test_a_time_after_hiess_es_is_no_extended_document() -> None:
    rows = run("Die Fusion ist umstritten. Der Preis sei zu niedrig, hieß es in der Nacht zum Sonntag.")
    assert all(r[2] is None or "Sonntag" not in r[2] for r in rows), rows


# ------------------------------------------------------------------ an inverted perfect frame after the report


@pytest.mark.parametrize(
    ("text", "fragment", "mention"),
    [
        (
            "Der Prozess begann im Mai. Sie habe den Überblick verloren, hatte die Angeklagte damals gesagt.",
            "Überblick",
            "die Angeklagte",
        ),
        (
            "Der Bau ruht seit Wochen. Die Reform sei gescheitert, hat der Minister am Montag erklärt.",
            "gescheitert",
            "der Minister",
        ),
    ],
)
def test_an_inverted_perfect_frame_attributes_the_report_before_it(text: str, fragment: str, mention: str) -> None:
    kind, said, said_by, _name = quote(run(text), fragment)
    assert kind == "indirect" and said_by == mention
    assert not said.endswith("gesagt") and "hat der" not in said and "hatte die" not in said


@pytest.mark.parametrize(
    "text",
    [
        "Nach dem Spiel, das der Verein verloren hatte, hatte der Trainer nichts gesagt.",
        "Die Reform ist gescheitert, hat der Minister gesagt.",
    ],
)
def test_no_report_before_an_inverted_perfect_frame(text: str) -> None:
    assert run(text) == []


def test_an_apposition_comma_before_the_auxiliary_keeps_the_subject() -> None:
    rows = run(
        "Der Vorsitzende des Vereins, Bernd Albers, hatte den Kassenwart aufgefordert, sein Amt niederzulegen."
    )
    assert [r[2] for r in rows if "niederzulegen" in r[1]] in ([], ["Der Vorsitzende des Vereins"],
                                                               ["Der Vorsitzende des Vereins, Bernd Albers"])


# ------------------------------------------------------------------ a wie-clause inside another verb's report


def test_a_wie_clause_inside_a_report_makes_no_quotation_of_its_own() -> None:
    rows = run("Die Sprecherin sagte, der Verband habe, wie die Präsidentin betonte, keine Schulden gemacht.")
    assert [(q, s) for _, q, s, _ in rows] == [
        ("der Verband habe, wie die Präsidentin betonte, keine Schulden gemacht", "Die Sprecherin")
    ]


def test_a_wie_clause_without_a_report_around_it_still_frames_its_sentence() -> None:
    rows = run("Der Verband habe, wie die Präsidentin betonte, keine Schulden gemacht.")
    assert [s for _, _, s, _ in rows] == ["die Präsidentin"]
