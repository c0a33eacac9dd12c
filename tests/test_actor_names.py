"""Over the dev texts, no actor is named by a common German word ("Mitte", "Angaben", "Regierung").

Checked against wordfreq's German word frequencies, independent of the extractor's own lists: a
word is a common German word when it is frequent in German (Zipf >= 3.5) and far more frequent in
German than in English and French (by >= 2.2 Zipf), which names (Merkel, Putin, Hamas, Airbus) are not.
Checked are one-word person names, the first word of longer ones (the first name: "Pontifikat
Benedikt" is a misreading) and organisations that are not a listed party or an owned institution
(an "Außenministerium" of Russland is rightly named by a common noun), nor a name of several words ending
in an institution head ("Statistisches Bundesamt") or opening with an acronym ("IG Metall"); acronyms are
no common words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

wordfreq = pytest.importorskip("wordfreq")

DEV = Path(__file__).parent / "data" / "quotes" / "dev.jsonl"
# Zipf frequency from which a word is common in German, and how much more German than English/French it is.
COMMON_ZIPF = 3.5
GERMAN_MARGIN = 2.2


def common_german_word(word: str) -> bool:
    de = wordfreq.zipf_frequency(word, "de")
    return de >= COMMON_ZIPF and de - max(wordfreq.zipf_frequency(word, "en"), wordfreq.zipf_frequency(word, "fr")) >= (
        GERMAN_MARGIN
    )


def test_the_measure_tells_names_from_words() -> None:
    assert all(map(common_german_word, ("Mitte", "Angaben", "Regierung", "Demgegenüber", "Kritisch", "Prozent")))
    assert not any(map(common_german_word, ("Merkel", "Putin", "Hamas", "Airbus", "Schmidt", "Macron")))


@pytest.mark.slow
def test_no_actor_name_is_a_common_german_word() -> None:
    from briefing.extract.actors import lexicon
    from briefing.extract.nlp import Extractor, make_nlp

    extractor = Extractor(make_nlp(components=("briefing_actors",)))
    lex = lexicon()
    listed = {entry[0] for entry in lex.organisations.values()}  # curated names ("Deutsches Rotes Kreuz")
    bad = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for a in extractor.doc(doc["text"])._.briefing_actors:
            if a.kind == "country" or (a.kind == "organization" and (a.org_type == "party" or a.affiliation)):
                continue
            if a.kind == "organization" and a.name in listed:
                continue
            words = a.name.split()
            if a.kind == "organization" and len(words) >= 2 and (
                    lex.institution(words[-1]) is not None or words[0].isupper()):
                continue  # named by its form: "Statistisches Bundesamt", "Afrikanische Union", "IG Metall"
            if a.kind == "organization" and len(words) == 2 and lex.institution(words[0]) is not None:
                continue  # a head and the seat that names it: "Universität Greifswald", "Landgericht Passau"
            if a.kind == "organization" and any(w in ("der", "des") and lex.institution(words[k - 1]) is not None
                                                for k, w in enumerate(words) if k):
                continue  # a head and the genitive that names it: "Hauptverband der Deutschen Schuhindustrie"
            checked = words[:1] if a.kind == "person" else words
            bad += [(doc["id"], a.name) for w in checked
                    if w[:1].isupper() and not w.isupper() and common_german_word(w)]
    assert bad == []
