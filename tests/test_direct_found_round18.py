"""Which quotations in marks are direct speech: patterns of German read off the detection errors on train in
round 18 (a18); every sentence here is written for these tests (the people, places and laws invented).

* The official title of a law, decree, treaty or statute ("ein „Gesetz zur Änderung des Meldegesetzes“",
  "Teile des „Gesetzes über die Landesforsten“", "das „Abkommen über den Fischfang in der Ostsee“") is a name,
  not words anyone said, even in a sentence that reports speech.  A quotation that only opens with such a noun
  and goes on with a verb ("„Gesetz über Gesetz wird beschlossen, …“") is someone's words.
* A word with a capital inside ("YouTube", "iPod") is a brand or product; the gender-neutral capital I
  ("LehrerInnen") is no such capital.
* A translation in brackets right after a quotation ("„…“ (übersetzt etwa: „…“)", "(deutsch: „…“)") shares the
  original's verdict: the translation of a name left out is no quotation, however long; that of speech stays.
* What something "gilt als" (is regarded as) is a class or reputation, not words anyone in the sentence says;
  what someone "bezeichnete als" stays their words.
* The "dass"-clause of a stance noun ("ist der Meinung, dass …", "sind der gegenteiligen Auffassung, dass …")
  says what its holder thinks, as after a speech verb: a short quoted phrase in it is that holder's words, and
  the subject of the clause with the noun is their speaker.  The same phrase in a "dass"-clause of no stance
  ("Es ist kein Zufall, dass …") stays a term.
"""

from __future__ import annotations

import pytest

from tests.quote_helpers import run


def _direct(text: str, fragment: str) -> list[tuple[str, str, str | None, str | None]]:
    return [r for r in run(text) if r[0] == "direct" and fragment in r[1]]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "Die Landesregierung hat am Dienstag den Entwurf für ein „Gesetz zur Änderung des Meldegesetzes“ "
            "vorgestellt, sagte ein Sprecher des Innenministeriums.",
            "Meldegesetzes",
        ),
        (
            "Teile des „Gesetzes über die Landesforsten in Thüringen“ erklärte das Verfassungsgericht am Freitag "
            "für nichtig.",
            "Landesforsten",
        ),
        (
            "Die Zeitung berichtete über das geplante „Abkommen über den Fischfang in der Ostsee“, das beide Länder "
            "im Herbst unterzeichnen wollen.",
            "Fischfang",
        ),
        (
            "Der Minister kündigte an, die „Verordnung zur Sicherung der Trinkwasserversorgung“ noch vor dem Sommer "
            "zu erlassen.",
            "Trinkwasserversorgung",
        ),
    ],
)
def test_the_title_of_a_law_is_no_quotation(text, fragment):
    assert _direct(text, fragment) == []


def test_a_sentence_opening_with_a_law_noun_stays_speech():
    text = (
        "Die Opposition warf der Koalition Hektik vor. „Gesetz über Gesetz wird beschlossen, und keiner liest "
        "sie mehr“, sagte die Abgeordnete Mara Lindqvist am Mittwoch im Landtag."
    )
    rows = _direct(text, "keiner liest")
    assert len(rows) == 1
    assert rows[0][2] == "Die Abgeordnete Mara Lindqvist" or "Lindqvist" in (rows[0][3] or rows[0][2] or "")


@pytest.mark.parametrize(
    ("text", "fragment", "holder"),
    [
        (
            "Die Mehrheit der Befragten ist mit dem Nahverkehr zufrieden, 41 Prozent sind jedoch der gegenteiligen "
            "Auffassung, dass die Busse auf dem Land „viel zu selten“ fahren.",
            "viel zu selten",
            "41 Prozent",
        ),
        (
            "Die Umfrage zeigt ein gespaltenes Land. Ein Drittel der Befragten ist der Ansicht, dass die Rente "
            "„nicht mehr sicher“ ist.",
            "nicht mehr sicher",
            "Ein Drittel der Befragten",
        ),
        (
            "Der Elternbeirat der Schule ist der Meinung, dass die neue Mensa „völlig überteuert“ sei und kaum "
            "genutzt werde.",
            "überteuert",
            "Der Elternbeirat der Schule",
        ),
        (
            "Die Bürgerinitiative Grünes Tal ist der festen Überzeugung, dass die Umgehungsstraße „schlicht "
            "überflüssig“ ist.",
            "überflüssig",
            "Die Bürgerinitiative Grünes Tal",
        ),
    ],
)
def test_a_phrase_in_the_clause_of_a_stance_noun_is_the_holders(text, fragment, holder):
    rows = _direct(text, fragment)
    assert len(rows) == 1, run(text)
    assert rows[0][2] == holder


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "Es ist kein Zufall, dass die Busse auf dem Land „viel zu selten“ fahren: Die Strecken lohnen sich "
            "für die Betreiber nicht.",
            "viel zu selten",
        ),
        (
            "Seit Jahren ist bekannt, dass die Mensa „völlig überteuert“ ist; geändert hat sich wenig.",
            "überteuert",
        ),
    ],
)
def test_a_phrase_in_a_dass_clause_of_no_stance_stays_a_term(text, fragment):
    assert _direct(text, fragment) == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "Wie die Agentur meldet, sperrten die Behörden am Montag den Zugang zu „FotoFlix“ und zwei weiteren "
            "Diensten.",
            "FotoFlix",
        ),
        ("Der Hersteller sagte, das neue „eReader“ solle im Herbst in den Handel kommen.", "eReader"),
    ],
)
def test_a_word_with_a_capital_inside_is_a_brand(text, fragment):
    assert _direct(text, fragment) == []


def test_a_quoted_word_with_the_gender_capital_stays_a_quoted_word():
    text = "Die Gewerkschaft warf dem Ministerium vor, die „LehrerInnen“ im Stich zu lassen, sagte Jana Horn."
    assert len(_direct(text, "LehrerInnen")) == 1


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "Für Freitag haben die im Bündnis „United Front for the Freedom of the Korm Valley“ (übersetzt etwa: "
            "„Vereinigte Front für die Freiheit des Tals von Korm“) organisierten Gruppen eine Kundgebung "
            "angekündigt.",
            "Freiheit des Tals",
        ),
        (
            "Die Partei „Narodna Sloga“ (deutsch: „Bewegung für die Einheit aller Völker des Landes“) trat bei der "
            "Wahl erstmals an, berichtete die Zeitung.",
            "Einheit aller",
        ),
    ],
)
def test_the_translation_of_a_name_is_no_quotation(text, fragment):
    assert _direct(text, fragment) == []


def test_the_translation_of_speech_stays_speech():
    text = (
        "Der Trainer rief seinen Spielern zu: „Keep going!“ (deutsch: „Macht weiter!“) Danach verließ er das "
        "Spielfeld."
    )
    assert len(_direct(text, "Keep going")) == 1
    assert len(_direct(text, "Macht weiter")) == 1


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "Der Vorfall im Klärwerk wird von der Aufsicht mit Stufe 1 bewertet und gilt damit nicht als "
            "„schwerer Störfall“, teilte das Landesamt mit.",
            "Störfall",
        ),
        (
            "Der Abgeordnete sagte im Ausschuss kaum etwas und galt schon damals als „stiller Strippenzieher“ "
            "seiner Fraktion.",
            "Strippenzieher",
        ),
    ],
)
def test_what_something_is_regarded_as_is_no_quotation(text, fragment):
    assert _direct(text, fragment) == []


def test_what_someone_calls_something_stays_speech():
    text = "Die Umweltministerin Petra Lohse bezeichnete den Vorfall im Klärwerk am Montag als „schweren Störfall“."
    rows = _direct(text, "Störfall")
    assert len(rows) == 1 and "Lohse" in (rows[0][2] or "")
