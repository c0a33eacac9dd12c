"""Quotation speakers on registers the benchmark has little of, patterns found on the challenge set's part 12
(round 15, articles 117-124: a party convention, foreign reactions to an election, a Landtag debate with heckles,
a plant closure, a train accident, a heat study, a portrait, a carnival report with press voices) and fixed as
patterns of German, each with sentences written for these tests (never the challenge text):

* a quotation running over paragraphs in the typographic convention (no closing mark at a paragraph's end, a new
  opening mark at the next paragraph's start) is one quotation, attributed by the frame after its last part;
* a bare surname the text wrote before after a first name ("Kessel" after "Werner Kessel") is a person, however
  common the word: as the subject of the sentence before an unframed quotation it is nearer evidence than a
  speaker attributed a few sentences back;
* "auf der Plattform X. Deutschland werde …": a capital letter after a common noun and before a common word is a
  word of its own that ends the sentence, not an initial ("Anna K. Berger");
* "Die Opposition warf Ministerin Anna Kern vor, …": a group or body with "die"/"das" in the prefield is the
  subject when the titled name after the verb has no article to show its case;
* "Strenger urteilt der Kommentator: …": a comparative opening the sentence (after a quotation too) is no name;
* "Von der Regierungsbank rief Lindauer: „…“": a prefield shaped like "Von der Leyen" is a prepositional phrase
  when the text never writes it with lowercase particles and a person stands after the verb;
* a description inside a paragraph ("Auch in Warschau … . Der polnische Regierungschef sprach …") is not read
  against the persons of the paragraph before: only a description opening its paragraph goes on about them.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import find_pairs
from briefing.extract.sentences import split_sentences
from tests.quote_helpers import quote, run

# ------------------------------------------------------------------ a quotation over paragraphs


def test_a_quotation_reopened_in_the_next_paragraph_is_one() -> None:
    text = (
        "Die Bäckerei öffnet um fünf. „Früher kamen die Leute noch vor der Schicht. Heute kommen sie zum Kaffee.\n\n"
        "„Aber sie kommen, das ist die Hauptsache“, sagt Bäckermeisterin Ute Brandl."
    )
    rows = run(text)
    said = [r for r in rows if "Früher" in r[1] or "Hauptsache" in r[1]]
    assert len(said) == 1, rows
    kind, words, mention, name = said[0]
    assert kind == "direct" and words.startswith("„Früher") and words.endswith("Hauptsache“")
    assert name == "Ute Brandl"


def test_three_paragraphs_of_one_quotation_are_one_pair() -> None:
    text = "Er erzählte: „Wir kamen an.\n\n„Es regnete.\n\n„Wir blieben trotzdem“, sagte er."
    pairs, _ = find_pairs(text)
    assert [text[p.start : p.end] for p in pairs] == [text[text.index("„") : text.rindex("“") + 1]]


@pytest.mark.parametrize(
    "text",
    [
        # the open quotation breaks off inside its sentence: no convention, two quotations
        "Er sagte: „Wir haben lange\n\n„Am Ende zählt nur das“, fügte er hinzu.",
        # a line break inside a paragraph is no paragraph of a quotation
        "Er sagte: „Wir haben lange gesprochen.\n„Am Ende zählt nur das“, fügte er hinzu.",
    ],
)
def test_what_is_no_quotation_over_paragraphs(text: str) -> None:
    pairs, _ = find_pairs(text)
    assert len(pairs) == 2


# ------------------------------------------------------------------ a surname introduced before


def test_a_surname_written_in_full_before_speaks_for_the_quotation_after_it() -> None:
    text = (
        "Seit 20 Jahren führt Martin Wendler die Hütte am Pass. „Im Winter sind wir ganz allein hier oben“, sagt "
        "Bergführerin Ilse Brandner. Sie kommt jede Woche vorbei.\n\n"
        "Wendler steht am Fenster. „Irgendwann wird das jemand anders machen müssen.“"
    )
    _kind, _said, mention, name = quote(run(text), "Irgendwann")
    assert mention == "Wendler" and name == "Martin Wendler"


def test_a_bare_word_nobody_introduced_yields_to_the_speaker_named_back() -> None:
    text = (
        "„Wir liefern pünktlich“, sagte Spediteur Paul Lange. Die Lastwagen stehen bereit.\n\n"
        "Wendler steht am Fenster. „Irgendwann wird das jemand anders machen müssen.“"
    )
    _kind, _said, mention, _name = quote(run(text), "Irgendwann")
    assert mention == "Spediteur Paul Lange"


# ------------------------------------------------------------------ a letter that is no initial


def test_a_letter_after_a_common_noun_ends_the_sentence() -> None:
    text = "Sie schrieb auf der Plattform X. Deutschland werde helfen, sagte ein Sprecher."
    sents = split_sentences(text)
    assert [text[b:e] for b, e in sents][0] == "Sie schrieb auf der Plattform X."
    _kind, said, mention, _name = quote(run(text), "helfen")
    assert said.startswith("Deutschland") and mention == "ein Sprecher"


@pytest.mark.parametrize(
    "text",
    ["Präsident George W. Bush sprach.", "Die Autorin Anna K. Berger liest.", "Das Haus der Familie Gerd B. Müller."],
)
def test_an_initial_after_a_first_name_stays(text: str) -> None:
    assert len(split_sentences(text)) == 1


# ------------------------------------------------------------------ the subject before a titled name


@pytest.mark.parametrize(
    ("text", "fragment", "mention"),
    [
        (
            "Die Opposition warf Schulministerin Anna Kern vor, die Zahlen zu beschönigen.",
            "beschönigen",
            "Die Opposition",
        ),
        (
            "Die Gewerkschaft warnte Vorstandschef Jens Ott, die Belegschaft werde sich wehren.",
            "wehren",
            "Die Gewerkschaft",
        ),
    ],
)
def test_a_body_first_is_the_subject_before_a_titled_name(text: str, fragment: str, mention: str) -> None:
    _kind, _said, said_by, _name = quote(run(text), fragment)
    assert said_by == mention


@pytest.mark.parametrize(
    ("text", "fragment", "mention"),
    [
        # a thing first: the object
        ("Die Zölle lehnte Handelsminister Jens Ott ab: „Das schadet allen.“", "schadet", "Handelsminister Jens Ott"),
        # a nominative article after the verb: the subject
        (
            "Die Gewerkschaft kritisierte der Vorstandschef Jens Ott scharf: „Sie blockiert jede Lösung.“",
            "blockiert",
            "der Vorstandschef Jens Ott",
        ),
    ],
)
def test_a_titled_name_after_the_verb_still_speaks(text: str, fragment: str, mention: str) -> None:
    _kind, _said, said_by, _name = quote(run(text), fragment)
    assert said_by == mention


# ------------------------------------------------------------------ a comparative opening the sentence


@pytest.mark.parametrize(
    "text",
    [
        "Die Lokalzeitung lobt die Stadt. Strenger urteilt der Kommentator: Die Stadt habe zu spät gehandelt.",
        "Das Blatt schreibt: „Die Stadt hat alles richtig gemacht.“ Strenger urteilt der Kommentator: Die Stadt "
        "habe zu spät gehandelt.",
        "Schärfer urteilte der Kommentator: Die Stadt habe zu spät gehandelt.",
    ],
)
def test_a_comparative_in_front_is_no_speaker(text: str) -> None:
    _kind, _said, said_by, _name = quote(run(text), "zu spät")
    assert said_by == "der Kommentator"


def test_a_surname_shaped_like_a_comparative_still_speaks() -> None:
    text = "Die Trainerin Jana Lauter war zufrieden. Lauter urteilte: Die Mannschaft habe gekämpft."
    _kind, _said, said_by, _name = quote(run(text), "gekämpft")
    assert said_by == "Lauter"


# ------------------------------------------------------------------ "Von der …" in front


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Ministerin Theresa Lindauer hörte zu. Von der Regierungsbank rief Lindauer: „Das stimmt nicht!“",
            "Lindauer",
        ),
        ("Von der Tribüne rief Trainer Jens Ott: „Weiter so!“", "Trainer Jens Ott"),
    ],
)
def test_von_der_place_in_front_puts_the_subject_after_the_verb(text: str, mention: str) -> None:
    _kind, _said, said_by, _name = quote(run(text), "„")
    assert said_by == mention


@pytest.mark.parametrize(
    "text",
    [
        "Ursula von der Leyen reiste nach Kiew. Von der Leyen kritisierte Präsident Trump: „Das ist falsch.“",
        "Von der Leyen sagte: „Das ist falsch.“",
    ],
)
def test_von_der_leyen_in_front_still_speaks(text: str) -> None:
    _kind, _said, said_by, _name = quote(run(text), "falsch")
    assert said_by == "Von der Leyen"


# ------------------------------------------------------------------ a description inside its paragraph


def test_a_description_inside_a_paragraph_is_not_read_against_the_paragraph_before() -> None:
    text = (
        "Bundesaußenminister Jens Kramer schrieb: „Ein guter Tag.“ Berlin werde helfen, sagte ein Sprecher der "
        "Regierung.\n\nAuch in Warschau fiel die Reaktion deutlich aus. Der polnische Regierungschef sprach von "
        "einem „historischen Tag für Europa“."
    )
    _kind, _said, said_by, name = quote(run(text), "historischen")
    assert said_by == "Der polnische Regierungschef"
    assert name is None


def test_a_description_opening_its_paragraph_goes_on_about_the_one_before() -> None:
    text = (
        "Finanzminister Lars Weber verteidigte am Montag den Haushalt im Bundestag.\n\n"
        "„Wir sparen, wo wir können“, sagte der Vizekanzler."
    )
    _kind, _said, said_by, name = quote(run(text), "sparen")
    assert said_by == "der Vizekanzler"
    assert name == "Lars Weber"
