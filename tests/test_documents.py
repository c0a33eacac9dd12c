"""Documents and publications as the source of a quotation (quotes/documents.py, lang/de/document_nouns.txt).

"In dem Bericht heißt es: „…“", "laut der Studie", "Nach dem Artikel 12 der Satzung": the speaker mention
is the document phrase; the name shown is its owner when the phrase names one, else no one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.extract.quotes.documents import (
    document_noun,
    document_owner,
    is_document,
    owner_name,
    prefix_owner,
)
from briefing.lang import rows
from tests.quote_helpers import quotes_of

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "train.jsonl"


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Bericht", "text"),
        ("Abschlussberichten", "text"),
        ("OSZE-Bericht", "text"),
        ("Studien", "text"),
        ("Grundgesetzes", "text"),
        ("documenta-Homepage", "text"),
        ("Urteil", "event"),
        ("Berichterstatter", None),
        ("Gesetzgeber", None),
        ("Analysten", None),
        ("bericht", None),  # not a noun
    ],
)
def test_document_nouns_inflected_and_in_compounds(word: str, kind: str | None) -> None:
    assert document_noun(word) == kind


@pytest.mark.parametrize(
    ("phrase", "document"),
    [
        ("dem Bericht", True),
        ("einer neuen Studie der Universität", True),
        ("In einem internen Schreiben", True),
        ("Medienberichten", True),
        ("Der Sprecher des Berichts", False),  # a person who speaks about a report
        ("die Regierung", False),
        ("Berichterstatterin Anna Vogt", False),
    ],
)
def test_a_phrase_is_a_document_by_its_head(phrase: str, document: bool) -> None:
    assert is_document(phrase) is document


@pytest.mark.parametrize(
    ("phrase", "owner", "name"),
    [
        ("einer Erklärung des Agrarministeriums", "des Agrarministeriums", "Agrarministerium"),
        ("dem Artikel 12 des Vertrags", "des Vertrags", "Vertrag"),
        ("einem Bericht von wetter.de", "von wetter.de", "wetter.de"),
        ("einer Mitteilung der WHO, die am Montag erschien", "der WHO", "WHO"),
        ("der Studie", None, None),
    ],
)
def test_the_owner_of_a_document(phrase: str, owner: str | None, name: str | None) -> None:
    span = document_owner(phrase)
    assert (phrase[span[0] : span[1]] if span else None) == owner
    assert (owner_name(owner) if owner else None) == name


def test_an_acronym_before_the_hyphen_owns_the_document() -> None:
    assert prefix_owner("der IAEA-Bericht") == "IAEA"
    assert prefix_owner("ein Online-Artikel") is None
    assert prefix_owner("der Bericht") is None


def _quotes(text: str):
    return quotes_of(text)


def _one(text: str, fragment: str):
    hits = [q for q in _quotes(text) if fragment in q.text]
    assert hits, f"no quotation containing {fragment!r}"
    hits.sort(key=lambda q: q.kind != "direct")
    return hits[0]


@pytest.mark.parametrize(
    ("text", "fragment", "mention", "name"),
    [
        (
            "Die Kommission legte ihre Ergebnisse vor. In dem Bericht heißt es: „Die Brücke muss innerhalb "
            "von zwei Jahren vollständig erneuert werden.“",
            "Die Brücke",
            "dem Bericht",
            None,
        ),
        (
            "Der Stadtrat tagte am Dienstag. Laut einer Studie der Universität Tübingen seien die Mieten "
            "in zehn Jahren um ein Drittel gestiegen.",
            "Mieten",
            "einer Studie der Universität Tübingen",
            "Universität Tübingen",
        ),
        (
            "Die Gemeinde wächst. Nach dem Artikel 12 der Landesverfassung entscheidet der Landtag "
            "„über alle Fragen der Schulpolitik und trägt dafür die Verantwortung“.",
            "Schulpolitik",
            "dem Artikel 12 der Landesverfassung",
            None,  # a constitution, a common noun: no one to show
        ),
    ],
)
def test_a_document_named_by_the_cue_is_the_mention(text: str, fragment: str, mention: str, name: str | None) -> None:
    q = _one(text, fragment)
    assert q.speaker_text == mention
    assert q.speaker_name == name


@pytest.mark.parametrize(
    ("text", "fragment", "mention"),
    [
        (
            "Die Feuerwehr war im Einsatz. In einem Bericht von wetter.de werden die Vorkehrungen als „extrem "
            "streng und teuer“ bezeichnet.",
            "streng",
            "einem Bericht von wetter.de",
        ),
        (
            "Die Prüfer reisten ab. Im Bericht der Kommission war festgestellt worden, dass keines der Stadien "
            "ausreichend sei.",
            "Stadien",
            "Bericht der Kommission",
        ),
        (
            "Die Zahlen sind alarmierend. In einem Jahresbericht des Ministeriums steht, dass 42 Prozent aller "
            "Fälle ungelöst blieben.",
            "42 Prozent",
            "einem Jahresbericht des Ministeriums",
        ),
        (
            "Die Lage ist ernst. Aus dem Bericht der Kommission geht hervor, dass die Zahl der Opfer stark "
            "gestiegen ist.",
            "Zahl der Opfer",
            "dem Bericht der Kommission",
        ),
        (
            "Der Streit geht weiter. Derzeit steht in dem Gesetzentwurf noch der Passus: „Die Daten sind nach "
            "der Ausgabe des Passes vollständig zu löschen.“",
            "Die Daten",
            "dem Gesetzentwurf",
        ),
    ],
)
def test_words_placed_in_a_document_with_no_one_speaking_are_the_documents(
    text: str, fragment: str, mention: str
) -> None:
    """A passive or "stehen" with no agent: the document the words are in ("in dem Bericht") is the source."""
    assert _one(text, fragment).speaker_text == mention


@pytest.mark.parametrize(
    ("text", "fragment", "mention"),
    [
        (
            "Die Gewerkschaft schickte ein Schreiben an den Vorstand, in dem es unter anderem heißt: „Wir werden "
            "diese Kürzungen unter keinen Umständen hinnehmen.“",
            "Kürzungen",
            "ein Schreiben",  # the document, not the addressee named last
        ),
        (
            "Der Streit um die Klinik geht weiter. Wie es in der Erklärung der Ärzte weiter heißt, sei die "
            "Versorgung der Patienten nicht mehr gesichert.",
            "Versorgung",
            "der Erklärung der Ärzte",
        ),
    ],
)
def test_heissen_with_the_document_in_its_clause(text: str, fragment: str, mention: str) -> None:
    """ "…, in dem es heißt": the document the relative pronoun stands for; "wie es in X heißt": X."""
    assert _one(text, fragment).speaker_text == mention


def test_a_person_speaking_in_a_document_stays_the_speaker() -> None:
    text = (
        "Die Debatte hält an. In einem Interview mit dem Bericht der Woche sagte die Ministerin Eva Krause, "
        "die Reform komme „noch in diesem Jahr und ohne weitere Verzögerung“."
    )
    assert "Eva Krause" in (_one(text, "noch in diesem Jahr").speaker_text or "")


def test_an_act_is_cited_with_the_indefinite_article_only() -> None:
    """ "Nach einer Veröffentlichung im Fachblatt „Nature“ haben …": the publication is the source (its medium
    the name); "Nach der Veröffentlichung kam es zu Protesten" tells when, and reports nothing."""
    text = (
        "Die Forscher sind besorgt. Nach einer Veröffentlichung im Fachblatt „Nature“ haben Forscher ein "
        "großes Ozonloch über der Arktis entdeckt. Nach der Veröffentlichung kam es zu heftigen Protesten."
    )
    q = _one(text, "Ozonloch")
    assert (q.speaker_text, q.speaker_name) == ("einer Veröffentlichung im Fachblatt „Nature“", "Nature")
    assert not [q for q in _quotes(text) if "Protesten" in q.text]


def test_a_document_is_never_shown_as_a_person() -> None:
    text = (
        "Die Untersuchung ist abgeschlossen. In dem Abschlussbericht heißt es: „Die Wartung der Anlage war "
        "über Jahre hinweg unzureichend und wurde nicht dokumentiert.“"
    )
    q = _one(text, "Wartung")
    assert q.speaker_text == "dem Abschlussbericht"
    assert q.speaker_name is None and q.speaker is None


def test_the_briefing_shows_no_speaker_for_a_document_without_owner() -> None:
    """Assembly reads a quotation's actor and name, never its mention: a report is no voice."""
    from datetime import date

    from assemble_helpers import facts

    from briefing.assemble import assemble

    text = (
        "Die Untersuchung der Brücke ist abgeschlossen. In dem Abschlussbericht heißt es: „Die Wartung der "
        "Anlage war über Jahre hinweg unzureichend und wurde nicht dokumentiert.“ Der Bürgermeister Paul "
        "Weber kündigte eine Sanierung an."
    )
    quotes = tuple(q for q in _quotes(text) if q.kind == "direct")
    assert quotes and quotes[0].speaker_text == "dem Abschlussbericht"
    b = assemble(
        date(2025, 9, 4), [facts("a.txt", text, quotes=quotes)], background=[], excluded=[], title="Test", max_stories=5
    )
    shown = [q for st in b.stories for q in st.quotes if "Wartung" in q.text]
    assert shown and all(q.speaker is None and q.speaker_name is None for q in shown)


def test_every_document_noun_heads_speakers_of_the_training_data() -> None:
    """The lexicon's derivation (its header): each noun heads at least two annotated speaker phrases."""
    if not TRAIN.is_file():
        pytest.skip(f"{TRAIN} is absent (train is read from ../shared beside the repo)")
    skip = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "einem", "eines", "einen", "in",
            "im", "auf", "laut", "nach", "von", "vom", "aus", "seinem", "seiner", "seinen", "ihrer", "ihrem",
            "ihren", "diese", "dieser", "diesem"}
    heads = []
    for line in TRAIN.read_text(encoding="utf-8").splitlines():
        for q in json.loads(line)["quotes"]:
            words = [w for w in re.findall(r"[\w-]+", q["speaker"]["text"]) if w.lower() not in skip]
            head = next((w for w in words if any(ch.isupper() for ch in w)), None)
            if head:
                heads.append(head.lower())
    for noun, _kind in rows("document_nouns.txt"):
        count = sum(
            1 for h in heads for e in ("", "e", "en", "n", "s", "es") if h == noun + e or h.endswith(noun + e)
        )
        assert count >= 2, noun


def test_document_noun_answers_as_a_walk_over_the_list_would() -> None:
    """The suffix lookup gives the first listed noun a word is or ends in (with a compound part of at least
    three letters before it), as walking the list in order does."""
    from briefing.extract.quotes import documents as d

    def walk(word: str) -> str | None:
        if not word.rsplit("-", 1)[-1][:1].isupper():
            return None
        low = word.lower()
        for noun, kind in d._nouns().items():
            for ending in d._ENDINGS:
                form = noun + ending
                if low == form or (low.endswith(form) and len(low) - len(form) >= d._MIN_PREFIX):
                    return kind
        return None

    words = ["Bericht", "Berichts", "Jahresberichten", "OSZE-Bericht", "Abericht", "Medienberichte", "bericht",
             "Sprecher", "Grundgesetzes", "Wikipedia-Artikel", "Haushaltsentwurf", "Gesetz", "Mitteilung"]
    words += [n.capitalize() + e for n in d._nouns() for e in d._ENDINGS]
    words += ["Xy" + n for n in d._nouns()] + ["Xyz" + n for n in d._nouns()]
    assert [d.document_noun.__wrapped__(w) for w in words] == [walk(w) for w in words]
