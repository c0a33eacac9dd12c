"""Direct-quote detection patterns of German (issue 10, round 7): which quotations in marks are speech.

The sentences are made up; each test states a pattern, not a case of the training data.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import direct, extract_quotes, find_cues, find_pairs, mask_quotes
from briefing.extract.sentences import split_sentences


def _direct(text: str) -> list[tuple[str, str | None]]:
    """(quotation, speaker phrase) of every direct quotation the extraction finds in ``text``."""
    found, _ = extract_quotes(text)
    return [(text[f.start : f.end], f.speaker.text if f.speaker else None) for f in found if f.kind == "direct"]


# A quoted lowercase phrase in the sentence after one in reported speech goes on quoting that speech.


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Der Sprecher der Feuerwehr sagte, man habe die Lage im Griff. "
            "Ein Übergreifen auf die Nachbarhäuser wurde „in letzter Minute verhindert“.",
            "„in letzter Minute verhindert“",
        ),
        (
            "Der Vorstand erklärte, die Verhandlungen seien gescheitert. "
            "Beide Seiten hätten sich „auf keinen gemeinsamen Nenner einigen können“.",
            "„auf keinen gemeinsamen Nenner einigen können“",
        ),
    ],
)
def test_a_lowercase_phrase_after_reported_speech_is_a_fragment_of_it(text: str, quote: str) -> None:
    # whose words they are (the earlier speaker's or the own subject's) the text leaves open: no speaker lent
    assert _direct(text) == [(quote, None)]


def test_a_fragment_after_reported_speech_takes_a_person_its_own_sentence_names() -> None:
    text = (
        "Der Verband erklärte, die Reform sei überfällig. "
        "Für Bürgermeisterin Anna Berger ist die Reform „ein längst fälliger Schritt nach vorn“."
    )
    assert _direct(text) == [("„ein längst fälliger Schritt nach vorn“", "Bürgermeisterin Anna Berger")]


def test_a_fragment_after_reported_speech_is_not_lent_the_earlier_speaker() -> None:
    text = (
        "Der Verband erklärte, die Reform sei überfällig. "
        "Für die Stadt ist die Reform „ein längst fälliger Schritt nach vorn“."
    )
    found, _ = extract_quotes(text)
    (fragment,) = [f for f in found if f.kind == "direct"]
    assert fragment.speakerless and fragment.speaker is None
    # the indirect quotation before keeps its speaker
    assert any(f.kind == "indirect" and f.speaker is not None and f.speaker.text == "Der Verband" for f in found)


@pytest.mark.parametrize(
    "text",
    [
        # a title or a name after reported speech stays a title or a name
        "Der Verlag teilte mit, das Buch erscheine im Mai. Es trägt den Titel „Die Stadt am Fluss“.",
        "Der Verlag teilte mit, das Buch erscheine im Mai. Geplant ist eine Lesung im „Haus der Literatur“.",
        # a scare-quoted word is no phrase
        "Der Trainer sagte, die Mannschaft sei müde. Der Verein spielt in der „zweiten“ Liga.",
    ],
)
def test_names_and_scare_words_after_reported_speech_stay_out(text: str) -> None:
    assert _direct(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Sprecher sagte, man sei vorbereitet. Die Lage bleibt „sehr angespannt“.", True),
        ("Die Ministerin hält den Etat für zu knapp. Die Lage bleibt „sehr angespannt“.", False),
        ("Die Lage bleibt „sehr angespannt“.", False),  # no sentence before
    ],
)
def test_follows_reported_speech(text: str, expected: bool) -> None:
    sents = split_sentences(text)
    pairs, _ = find_pairs(text)
    masked = mask_quotes(text, pairs)
    assert direct._follows_reported_speech(masked, sents, len(sents) - 1, None) is expected


# The name a thing goes by is no one's words: named by the impersonal "man", by itself, or "known as".


@pytest.mark.parametrize(
    "text",
    [
        "Die Firma teilt jede Aktie in drei neue. Dies nennt man einen „Aktiensplit“.",
        "Man bezeichnet diesen Wind als „Föhn“, er weht vor allem im Frühjahr.",
        "Die Miliz, die sich selbst „Armee zur Befreiung des Nordens und des Südens der Provinz“ nennt, "
        "hat die Stadt eingenommen, sagte ein Sprecher der Regierung.",
        "Die Polizei räumte das als „Camp am Kanal“ bekannte Zeltlager am frühen Morgen.",
    ],
)
def test_a_name_given_by_no_speaker_is_no_quotation(text: str) -> None:
    assert _direct(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a speaker naming something so says it
        ("Die Opposition nannte den Haushalt einen „Irrweg“.", "„Irrweg“"),
        ("Der Kanzler bezeichnete die Einigung als „großen Erfolg für Europa“.", "„großen Erfolg für Europa“"),
        # "sich" naming no one: the speaker calls himself something in his own words
        (
            "Der Minister bezeichnete sich als „ein Opfer einer beispiellosen Kampagne“.",
            "„ein Opfer einer beispiellosen Kampagne“",
        ),
    ],
)
def test_a_speaker_naming_something_is_speech(text: str, quote: str) -> None:
    assert [q for q, _ in _direct(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dies nennt man einen „Aktiensplit“.", True),
        ("Die Gruppe, die sich „Freunde des Hafens“ nennt, demonstrierte.", True),
        ("Das als „Kanalcamp“ bekannte Lager wurde geräumt.", True),
        ("Die Opposition nannte den Haushalt einen „Irrweg“.", False),
        # "man" in another clause does not name this quotation
        ("Man weiß es nicht, doch die Partei nannte den Plan einen „Irrweg“.", False),
    ],
)
def test_goes_by_name(text: str, expected: bool) -> None:
    pairs, _ = find_pairs(text)
    assert direct._goes_by_name(mask_quotes(text, pairs), pairs[0], (0, len(text))) is expected


# ", so <verb> <subject>" attributes what came before ("…, so schätzen die Forscher"); with an auxiliary it is
# the correlative "so" opening the main clause after a fronted clause, and attributes nothing.


def _so_cues(text: str) -> list[str | None]:
    pairs, _ = find_pairs(text)
    cues = find_cues(mask_quotes(text, pairs), split_sentences(text), [p.end for p in pairs], text)
    return [c.speaker.text if c.speaker else None for c in cues if c.kind == "so"]


def test_so_with_a_speech_verb_attributes() -> None:
    assert _so_cues("Die Preise steigen weiter, so schätzen die Forscher.") == ["die Forscher"]


@pytest.mark.parametrize(
    "text",
    [
        "Wird kein Haushalt verabschiedet, so werden die Mittel gekürzt.",
        "Galt der Plan lange als „Jahrhundertprojekt der Region“, so wurde er zuletzt von vielen kritisiert.",
    ],
)
def test_the_correlative_so_before_an_auxiliary_attributes_nothing(text: str) -> None:
    # (whether a quoted label there is kept is the learned speech model's call, not this rule's)
    assert _so_cues(text) == []


# A name noun in the quotation's clause gives it as a name or title, however far before it (name_nouns.txt).


@pytest.mark.parametrize(
    "text",
    [
        "Der wissenschaftliche Name der neuen Art lautet demnach „gefleckter Laubfrosch aus dem Hochland“.",
        "Den Titel der neuen Reihe gab der Sender am Montag bekannt: „Alte Wege – neue Ziele“.",
        "Der Codename der Mission lautet „Nordlicht“, wie die Behörde mitteilte.",
    ],
)
def test_a_name_noun_in_the_clause_makes_the_quotation_a_name(text: str) -> None:
    assert _direct(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a sentence of its own, closed by its own full stop, is said or written
        (
            "Im Namen des Vorstands erklärte die Sprecherin: „Wir bedauern den Vorfall zutiefst.“",
            "„Wir bedauern den Vorfall zutiefst.“",
        ),
        # "im Namen": on behalf of someone, not a name
        (
            "Im Namen der Opposition sprach die Abgeordnete von einem „schweren Fehler der Regierung“.",
            "„schweren Fehler der Regierung“",
        ),
    ],
)
def test_speech_after_a_name_noun_stays(text: str, quote: str) -> None:
    assert [q for q, _ in _direct(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Name lautet also „kleiner Bär“.", True),
        ("Ihr Künstlername ist seit Jahren „die Eiserne“.", True),  # a compound of a name noun
        ("Der Titel war lang, die Kritik lautete „viel zu lang“.", False),  # the noun is in another clause
        ("Im Namen aller Beteiligten bat er um „etwas mehr Geduld“.", False),
        ("Der Titel lautet: „Warum?“", False),  # closed by its own question mark
    ],
)
def test_named_by_noun(text: str, expected: bool) -> None:
    pairs, _ = find_pairs(text)
    p = pairs[0]
    got = direct._named_by_noun(mask_quotes(text, pairs), p, text[p.inner_start : p.inner_end], 0)
    assert got is expected


# A sentence of quoted words alone, referred back to by the next sentence's speech verb, is speech however short.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "„Ja, es gibt Probleme“. Das musste der Minister am Montag einräumen.",
            [("„Ja, es gibt Probleme“", "der Minister")],
        ),
        (
            "„Wir schaffen das“. Das sagte die Kanzlerin am Montag in Berlin.",
            [("„Wir schaffen das“", "die Kanzlerin")],
        ),
        (
            "„Wir schaffen das.“ Mit diesen Worten reagierte die Kanzlerin auf die Kritik.",
            [("„Wir schaffen das.“", "die Kanzlerin")],
        ),
    ],
)
def test_a_short_quoted_sentence_referred_back_to_is_speech(text: str, expected: list) -> None:
    assert _direct(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the next sentence names no speaker: a title standing alone stays a title
        "„Tatort“. Das zeigt die ARD seit fünfzig Jahren am Sonntag.",
        # the quotation is part of its sentence: the next one does not refer back to it alone
        "Das Festival heißt „Klangwelten“. Das sagte der Veranstalter am Montag.",
    ],
)
def test_no_speech_from_a_back_reference_alone(text: str) -> None:
    assert _direct(text) == []
