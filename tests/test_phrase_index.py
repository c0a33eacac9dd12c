"""PhraseIndex: the pipeline's phrase lookups over the token table find what spaCy's PhraseMatcher finds."""

from __future__ import annotations

import pytest
from actors_helpers import pipeline
from spacy.matcher import PhraseMatcher

from briefing.extract.actors import PhraseIndex, build_matcher, token_table
from briefing.extract.outlook import marker_matcher

TEXTS = [
    "Frankreich und die Vereinigten Staaten von Amerika berieten in Brüssel über die Nato.",
    "Die Regierung des Vereinigten Königreichs will künftig mehr Geld für die Vereinten Nationen geben.",
    "Deutschlands Außenministerin reiste nach Paris, Washington und Moskau; die EU-Kommission schwieg.",
    "Ab nächster Woche soll die Regelung gelten. In Zukunft werden die Länder mehr zahlen.",
    "  Doppelte  Leerzeichen, Zeilen\n\nund „Zitate“ über das Auswärtige Amt in Berlin.",
]


def _by_matcher(matcher: PhraseMatcher, doc) -> list[tuple[str, int, int]]:
    return [(doc.vocab.strings[m], s, e) for m, s, e in matcher(doc)]


def _index_and_matcher(nlp, patterns: dict[str, list[str]], attr: str) -> tuple[PhraseIndex, PhraseMatcher]:
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    docs = {label: [nlp.make_doc(p) for p in phrases] for label, phrases in patterns.items()}
    for label, ds in docs.items():
        matcher.add(label, ds)
    return PhraseIndex.of(matcher, nlp.vocab, docs, attr), matcher


@pytest.mark.parametrize("attr", ["ORTH", "LOWER"])
@pytest.mark.parametrize("text", TEXTS)
def test_index_finds_what_the_matcher_finds(attr: str, text: str) -> None:
    """Every phrase at every position, overlapping and nested ones too, a phrase of two labels under both."""
    nlp = pipeline()
    patterns = {
        "A": ["Vereinigten Staaten", "Vereinigten Staaten von Amerika", "Brüssel", "Nato", "in Zukunft", "Paris"],
        "B": ["Staaten von Amerika", "Brüssel", "die Nato", "EU-Kommission", "Auswärtige Amt", "in"],
        "C": ["Vereinigten Königreichs", "Ab nächster Woche", "Leerzeichen ,"],
    }
    index, matcher = _index_and_matcher(nlp, patterns, attr)
    doc = nlp(text)
    words = token_table(doc).lowers if attr == "LOWER" else token_table(doc).words
    got = index.matches(words)
    want = _by_matcher(matcher, doc)
    assert sorted(got) == sorted(want)
    # the labels of one phrase come in the matcher's order (the actors' places keep the first label that fits)
    for start, end in {(s, e) for _, s, e in want}:
        assert [lab for lab, s, e in got if (s, e) == (start, end)] == [
            lab for lab, s, e in want if (s, e) == (start, end)
        ]


def test_no_words_no_matches() -> None:
    index, _ = _index_and_matcher(pipeline(), {"A": ["Brüssel"]}, "ORTH")
    assert index.matches([]) == []
    assert index.matches(["in", "Brüssel"]) == [("A", 1, 2)]


@pytest.mark.parametrize("text", TEXTS)
def test_pipeline_indexes_agree_with_their_matchers(text: str) -> None:
    """The actors' places (ORTH) and the outlook markers (LOWER) as the pipeline builds them."""
    from briefing.extract.actors import lexicon
    from briefing.lang import rows

    nlp = pipeline()
    doc = nlp(text)
    table = token_table(doc)
    lex = lexicon()
    places = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, forms in (("COUNTRY", lex.countries), ("METONYM", lex.metonyms), ("ORG", lex.organisations)):
        places.add(label, [nlp.make_doc(f) for f in sorted(forms)])
        gen = [f + "s" for f in sorted(forms) if not f.endswith(("s", "x", "z", "ß")) and not f.isupper()]
        places.add(label + "_GEN", [nlp.make_doc(f) for f in gen])
    assert sorted(build_matcher(nlp).matches(table.words)) == sorted(_by_matcher(places, doc))
    markers = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = {r[1].lower() for r in rows("outlook_markers.txt") if r[0] == "marker" and "…" not in r[1]}
    markers.add("OUTLOOK", [nlp.make_doc(p) for p in sorted(phrases)])
    assert sorted(marker_matcher(nlp).matches(table.lowers)) == sorted(_by_matcher(markers, doc))
