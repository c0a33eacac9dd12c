"""Round 18 (x18) speed-ups of the figures and outlook components keep what they find.

Figures: a number is tried at the tokens that open with a decimal digit instead of at every digit run a
scan of the text finds (the number's lookbehind fails inside a run of digits, dots and commas, so both find
the same numbers). Outlook: a two-part marker ("ist … geplant", "findet … statt") is looked for in a
sentence only when the document holds a pair's second word or an event's first word.
"""

from __future__ import annotations

import pytest
from actors_helpers import actors_of, pipeline


def figures_of(text: str) -> list[tuple[str, float, str, int]]:
    return [(f.text, f.value, f.unit, f.start) for f in pipeline("briefing_figures")(text)._.briefing_figures]


def outlook_of(text: str) -> list[str]:
    return [s.text for s in pipeline("briefing_outlook")(text)._.briefing_outlook]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date and a year are no figures; a number after a comma is one
        ("Am 12.3.2024 kamen 1.500 Menschen, rund 2,5 Prozent mehr als 2023.",
         [("1.500 Menschen", 1500.0, "Menschen", 19), ("rund 2,5 Prozent", 2.5, "Prozent", 35)]),
        # a number glued to a word in one token is none
        ("Nach Angaben der Polizei waren es 40-mal mehr, etwa 300 Demonstranten und 12 Polizisten.",
         [("etwa 300 Demonstranten", 300.0, "Demonstranten", 47), ("12 Polizisten", 12.0, "Polizisten", 74)]),
        # digits after a dot or comma inside a run are no number of their own
        ("Sie zahlten 1.,5 Millionen Euro und 3,,4 Prozent, dazu 7 Tonnen.", [("7 Tonnen", 7.0, "Tonnen", 55)]),
        # digits inside a token ("Nr.3", "x20") open no number; a decimal digit of another script does
        ("Die Liste nannte Nr.3 und x20 Fahrzeuge sowie \u0663 Soldaten und 20 Panzer.",
         [("\u0663 Soldaten", 3.0, "Soldaten", 46), ("20 Panzer", 20.0, "Panzer", 61)]),
        ("Er kaufte 1.000.000 Aktien zu 12,50 Euro, also 15 Prozent des Unternehmens.",
         [("1.000.000 Aktien", 1000000.0, "Aktien", 10), ("12,50 Euro", 12.5, "EUR", 30),
          ("15 Prozent", 15.0, "Prozent", 47)]),
        # a number after a bracket or an opening quotation mark; a fraction's parts are none
        ("(200 Soldaten) und „300 Helfer“ kamen; 5/6 der Mitglieder stimmten zu.",
         [("200 Soldaten", 200.0, "Soldaten", 1), ("300 Helfer", 300.0, "Helfer", 20)]),
    ],
)
def test_numbers_are_found_at_the_tokens_opening_with_a_digit(text: str, expected: list) -> None:
    assert figures_of(text) == expected


def test_a_pair_needs_both_words_in_one_sentence() -> None:
    # the document holds "ist" and "geplant", but in no sentence together in that order
    text = "Das Treffen ist schwierig. Geplant wurde vieles, aber nichts davon kam."
    assert outlook_of(text) == []


def test_a_pair_is_found_in_a_document_of_several_sentences() -> None:
    text = "Die Gespräche dauern an. Ein weiteres Treffen ist für Oktober geplant. Die Lage bleibt ruhig."
    assert outlook_of(text) == ["Ein weiteres Treffen ist für Oktober geplant."]


def test_a_scheduled_event_is_found_in_a_document_of_several_sentences() -> None:
    text = "Die Gespräche dauern an. Die nächste Runde findet im März statt. Die Lage bleibt ruhig."
    assert outlook_of(text) == ["Die nächste Runde findet im März statt."]


def _positions_with_deps(text: str, deps: dict[str, str] | None) -> list[tuple[str, str]]:
    """Positions of ``text`` on a blank pipeline, the words of ``deps`` given those dependency labels (a parser's)."""
    nlp = pipeline("briefing_actors", "briefing_quotes", "briefing_positions")
    doc = nlp.make_doc(text)
    if deps is not None:
        for tok in doc:
            tok.dep_ = deps.get(tok.text, "dep")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    names = {a.id: a.name for a in doc._.briefing_actors}
    return [(names[p.actor], p.stance) for p in doc._.briefing_positions]


def test_a_parsers_labels_are_read_when_the_doc_has_them() -> None:
    # the dependency labels are asked for on first need; a subject the parser labels otherwise takes no position
    text = "Frankreich lehnt neue Sanktionen gegen Russland ab."
    assert ("Frankreich", "rejects") in _positions_with_deps(text, None)
    assert ("Frankreich", "rejects") in _positions_with_deps(text, {"Frankreich": "sb"})
    assert _positions_with_deps(text, {"Frankreich": "oa"}) == []


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("Er sagte: " + "=" * 20 + "\u00a0" + "=" * 20 + " Ende.", False),  # no-break space: two runs of 20
        ("Preise: " + "€" * 20 + " und mehr.", False),  # 60 bytes, 20 characters
        ("Er sagte: " + "—" * 40 + " Ende.", True),  # a run of 40 characters of 3 bytes each
        ("Er sagte: " + "=" * 33 + " Ende.", True),
        ("Er sagte: " + "=" * 32 + " Ende.", False),
        ("Siehe https://www.example.org/nachrichten/politik/ausland/artikel-1234 für mehr.", False),
    ],
)
def test_punctuation_runs_are_found_by_their_bytes_as_by_the_words(text: str, changed: bool) -> None:
    from briefing.extract.nlp import _PUNCT_RUN, MAX_PUNCT_RUN, break_punctuation_runs

    broken = break_punctuation_runs(text)
    assert (broken != text) is changed
    assert len(broken) == len(text)
    assert _PUNCT_RUN.search(broken) is None and (_PUNCT_RUN.search(text) is not None) is changed
    assert changed or max(map(len, text.split())) > MAX_PUNCT_RUN or broken is text


def test_a_country_adjective_names_the_country_each_time_it_is_asked() -> None:
    # (the answer is kept per word after the first document: the second document gets it from there)
    for _ in range(2):
        actors = actors_of("Die britische Regierung kritisierte den Plan. Die britischen Diplomaten schwiegen.")
        assert [(a.name, a.affiliation) for a in actors if a.kind == "organization"] == [
            ("Regierung", "Großbritannien")]
