"""German sentence boundaries (briefing_sentences) on (text, expected sentences) pairs."""

from __future__ import annotations

import re

import pytest
import spacy

from briefing.extract import sentences as _sentences  # noqa: F401  (registers briefing_sentences)
from briefing.extract.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[b:e] for b, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Müller kam. Er ging.", ["Dr. Müller kam.", "Er ging."]),
        ("Das Gesetz Nr. 5 gilt. Es ist neu.", ["Das Gesetz Nr. 5 gilt.", "Es ist neu."]),
        (
            "Viele Länder, z. B. Frankreich, helfen. Andere nicht.",
            ["Viele Länder, z. B. Frankreich, helfen.", "Andere nicht."],
        ),
        ("Am 4. September trafen sie sich in Paris.", ["Am 4. September trafen sie sich in Paris."]),
        (
            "Der 2. Weltkrieg endete 1945. Danach kam der Frieden.",
            ["Der 2. Weltkrieg endete 1945.", "Danach kam der Frieden."],
        ),
        ("Das war im Jahr 2005. Danach änderte sich alles.", ["Das war im Jahr 2005.", "Danach änderte sich alles."]),
        ("Der Ökonom Edmund S. Phelps erhielt den Preis.", ["Der Ökonom Edmund S. Phelps erhielt den Preis."]),
        ("Das sagte J. R. R. Tolkien einmal.", ["Das sagte J. R. R. Tolkien einmal."]),
        # a capital letter after a lowercase word, before a common word, is a word ending the sentence
        ("Das schrieb er auf X. Er drohte mit dem Austritt.", ["Das schrieb er auf X.", "Er drohte mit dem Austritt."]),
        ("„Wir gehen.“ Er ging wirklich.", ["„Wir gehen.“", "Er ging wirklich."]),
        ("„Wir gehen. Heute noch“, sagte er.", ["„Wir gehen.", "Heute noch“, sagte er."]),
        ("„Das ist gut.“ erklärte sie.", ["„Das ist gut.“ erklärte sie."]),
        (
            "Überschrift ohne Punkt\n\nDer erste Absatz. Der zweite Satz.",
            ["Überschrift ohne Punkt", "Der erste Absatz.", "Der zweite Satz."],
        ),
        ("Titel\nText darunter.", ["Titel", "Text darunter."]),
        ("Wirklich? Ja! Gut.", ["Wirklich?", "Ja!", "Gut."]),
        # the word before an ordinal decides, also across the 40-character window of the check
        (
            "Die Verhandlungen über das Abkommen begannen bereits vor dem 3. Treffen der Minister.",
            ["Die Verhandlungen über das Abkommen begannen bereits vor dem 3. Treffen der Minister."],
        ),
        ("Er kam mit 3. Das war genug.", ["Er kam mit 3.", "Das war genug."]),
        ("(z. B. Frankreich) helfen. Andere nicht.", ["(z. B. Frankreich) helfen.", "Andere nicht."]),
        ("Es sprach Prof. Meier. Dann ging er.", ["Es sprach Prof. Meier.", "Dann ging er."]),
        # a period opening a line: the word before the line break is the one checked ("Dr" here)
        ("Er sprach mit Dr\n. Müller.", ["Er sprach mit Dr", ". Müller."]),
        ("Ein Text ohne Satzende", ["Ein Text ohne Satzende"]),
        ("", []),
        (
            "Diese sehr lange Zeile wurde vom Redaktionssystem hart umbrochen, der\nSatz geht hier weiter.",
            ["Diese sehr lange Zeile wurde vom Redaktionssystem hart umbrochen, der\nSatz geht hier weiter."],
        ),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_component_sets_sentence_starts() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("briefing_sentences")
    doc = nlp("Dr. Müller kam am 4. September. Er ging.\n\nNeuer Absatz")
    assert [s.text.strip() for s in doc.sents] == ["Dr. Müller kam am 4. September.", "Er ging.", "Neuer Absatz"]


def test_component_on_empty_doc() -> None:
    nlp = spacy.blank("de")
    nlp.add_pipe("briefing_sentences")
    assert list(nlp("").sents) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Müller kam. Er ging.\n\nÜberschrift\nDer zweite Absatz, am 4. Mai. Ende",
        "Ein Satz ohne Ende",
        "„Wir gehen.“ Er ging wirklich. Wirklich? Ja!",
    ],
)
def test_token_table_from_the_sentencizer_equals_one_read_from_sent_start(text: str) -> None:
    """The sentencizer hands its first tokens and token array to the token table; reading them back gives the same."""
    from briefing.extract.actors import TOKEN_TABLE_KEY, token_table
    from briefing.extract.nlp import make_nlp
    from briefing.extract.sentences import SENT_TOKENS_KEY, TOKEN_ARRAY_KEY

    doc = make_nlp("blank", components=())(text)
    assert SENT_TOKENS_KEY in doc.user_data and TOKEN_ARRAY_KEY in doc.user_data
    handed = token_table(doc)
    assert TOKEN_ARRAY_KEY not in doc.user_data  # read once, then let go
    del doc.user_data[TOKEN_TABLE_KEY], doc.user_data[SENT_TOKENS_KEY]
    assert token_table(doc) == handed
    assert handed.sents == [(s.start, s.end) for s in doc.sents]


def test_glued_sentence_ends_are_what_the_lookbehind_first_pattern_finds() -> None:
    from briefing.extract import sentences

    text = "sagte Merkel.Als „verpasste Chance“ galt es.Die Frage!Wer? ver.di und ndr.de, so.„Nein“ Ab.Cd"
    plain = re.compile(r"(?<=[a-zäöüß]{2})[.!?](?P<close>[“”\"«»]?)(?=[A-ZÄÖÜ][a-zäöüß])")
    glued = [m for m in sentences._SENTENCE_END.finditer(text) if m.start("ws") < 0]
    assert [(m.span(), m.span("glued")) for m in glued] == [(m.span(), m.span("close")) for m in plain.finditer(text)]
    assert len(plain.findall(text)) >= 2


# the two ends the one expression finds, each as an expression of its own (the repeat of final punctuation in
# a group, as written before it opened with a character set)
_PLAIN_CANDIDATE = re.compile(
    r"""(?P<punct>[.!?…]+)(?P<close>[“”"«»‘’'\)\]]*)(?P<ws>[ \t\u00a0]+)"""
    r"""(?=[„"»«‚“(\[\-–]?(?:[^\W\d_a-zäöüß]|\d))""",
)
_PLAIN_GLUED = re.compile(r"(?<=[a-zäöüß]{2})[.!?](?P<close>[“”\"«»]?)(?=[A-ZÄÖÜ][a-zäöüß])")


def test_candidate_ends_are_what_the_repeat_in_a_group_finds() -> None:
    from briefing.extract import sentences

    text = (
        "Er kam... Dann ging er! Wirklich?! „So nicht.“ Sie sagte: „Nein!“ (Ja.) 3. Mai. Ende…  Aber 5 Tage. "
        "U.S.A. sind weit. Was?? Gut.\u00a0Danach… „Ja“. Z. B. nicht. Das ist 2025.\tNeu"
    )
    groups = ("punct", "close", "ws")
    found = [m for m in sentences._SENTENCE_END.finditer(text) if m.start("ws") >= 0]
    assert [[m.span(g) for g in groups] for m in found] == [
        [m.span(g) for g in groups] for m in _PLAIN_CANDIDATE.finditer(text)
    ]
    assert len(found) >= 10


@pytest.mark.parametrize(
    "text",
    [
        "sagte Merkel.Als er kam... Dann ging er! Wirklich?!„Nein“ Ab.Cd so.“Er ging.“ Was?!Wer… Gut.)Da",
        "Er sagte es.“Die Frage!“ Wer? ver.di und ndr.de. Ja.\u00a0Nein.«Aber» ein Mann.Ab. Z. B. nicht.",
        "Das ist 2025.\tNeu. U.S.A. sind weit.Und „ja“.Der Rest.. Ende…Aha. so!!Ja ha.Xy. ende.ÄÖ. aus.Öl",
    ],
)
def test_one_scan_finds_both_kinds_of_end(text: str) -> None:
    """Both ends open at final punctuation and neither can start inside the other's match: one scan finds what
    the two expressions find."""
    from briefing.extract import sentences

    both = [(m.span(), m.start("ws") >= 0) for m in sentences._SENTENCE_END.finditer(text)]
    apart = sorted([(m.span(), True) for m in _PLAIN_CANDIDATE.finditer(text)]
                   + [(m.span(), False) for m in _PLAIN_GLUED.finditer(text)])
    assert both == apart
    assert any(w for _, w in both) and not all(w for _, w in both)


def test_a_quotation_opening_with_a_number_starts_a_sentence() -> None:
    text = ("Der Verband hält das Ziel für unzureichend. „75 Prozent bedeutet, dass jeder vierte Zug zu spät "
            "kommt“, sagte Naumann. Am 3. Dezember beginnt der Streik.")
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Der Verband hält das Ziel für unzureichend.",
        "„75 Prozent bedeutet, dass jeder vierte Zug zu spät kommt“, sagte Naumann.",
        "Am 3. Dezember beginnt der Streik.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Erster Absatz.\n\nZweiter  Absatz mit  doppelten Leerzeichen.\n \nDritter\tAbsatz.",
        "  Vorne Leerraum, hinten auch.  \n",
    ],
)
def test_token_table_reads_every_column_as_the_doc_has_it(text: str) -> None:
    """Words, lowercase words, offsets and whitespace tokens (spaCy's IS_SPACE, read from the word forms)."""
    from briefing.extract.actors import token_table
    from briefing.extract.nlp import make_nlp

    doc = make_nlp("blank", components=())(text)
    table = token_table(doc)
    assert table.words == [t.text for t in doc]
    assert table.lowers == [t.lower_ for t in doc]
    assert table.idx == [t.idx for t in doc]
    assert table.space == [t.is_space for t in doc]
    assert any(table.space)
