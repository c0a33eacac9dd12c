"""A noun inside a prepositional phrase is no speaker, the source phrases are: German sentences written for
these tests (quotes.speakers.governed_by_preposition and the context speaker of quotes.resolve)."""

from __future__ import annotations

import pytest

from briefing.extract.quotes.speakers import clause_subject, governed_by_preposition, noun_phrases
from tests.quote_helpers import quote_containing


def _governed(sentence: str) -> dict[str, bool]:
    phrases = noun_phrases(sentence, 0, len(sentence))
    return {p.text: governed_by_preposition(sentence, p, 0, len(sentence)) for p in phrases}


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("In Anspielung auf die Räumung trugen viele Studenten Schilder mit Parolen.", "Anspielung"),
        ("In Anspielung auf die Räumung trugen viele Studenten Schilder mit Parolen.", "Parolen"),
        ("Die Gewerkschaft sprach gestern von glatter Desinformation.", "Desinformation"),
        ("Die Kammer verwies auf eine Verschränkung mit multimedialen Inhalten.", "Inhalten"),
        ("Wegen des Streiks fielen in Bayern zahlreiche Züge aus.", "des Streiks"),
    ],
)
def test_the_object_of_a_preposition_is_governed(sentence: str, phrase: str) -> None:
    assert _governed(sentence)[phrase] is True


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        # the subject of the clause
        ("In Anspielung auf die Räumung trugen viele Studenten Schilder mit Parolen.", "viele Studenten Schilder"),
        # source phrases: an attribution noun after "nach", a passive agent, a medium or document, "für" opening
        ("Nach Angaben der Feuerwehr sei das Feuer gelöscht.", "Angaben der Feuerwehr"),
        ("Der Bürgermeister wird von der Lokalzeitung mit einem Satz zitiert.", "der Lokalzeitung"),
        ("In der Zeitung fand sich dazu eine Feststellung.", "der Zeitung"),
        ("Für den Historiker Jan Berg ist der Fund eine Sensation.", "den Historiker Jan Berg"),
        ("Nach Müllers Vorstellung soll die Schule früher beginnen.", "Müllers Vorstellung"),
        ("Der Plan wurde in einem Gespräch mit Landrätin Eva Kurz besprochen.", "Landrätin Eva Kurz"),
        # a fixed adverbial and a relative pronoun are the preposition's whole object
        ("Vor allem Experten warnen vor den Folgen.", "Experten"),
        ("Sie hielten Schilder hoch, auf denen Sprüche standen.", "Sprüche"),
    ],
)
def test_subjects_and_source_phrases_are_not_governed(sentence: str, phrase: str) -> None:
    assert _governed(sentence)[phrase] is False


def test_a_context_speaker_is_not_taken_from_a_prepositional_phrase() -> None:
    text = (
        "Die Kundgebung blieb friedlich. In Anspielung auf die Räumung trugen die Studenten der Universität "
        "Schilder mit der Aufschrift „Bildung ist kein Verbrechen“ durch die Stadt."
    )
    q = quote_containing(text, "Bildung ist kein Verbrechen", direct_only=True)
    assert q.speaker_text is None or "Anspielung" not in q.speaker_text
    assert q.speaker_text is None or "Räumung" not in q.speaker_text


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # a word with a suffix of adjectives and adverbs only opens the sentence as an adverbial, before a
        # plural verb too, however rare the word
        ("Reflexartig brachten viele Print- und Onlinemedien die Meldung.", "viele Print- und Onlinemedien"),
        ("Sinngemäß erklärte die Sprecherin das Verfahren.", "die Sprecherin"),
        ("Ordnungsgemäß meldete der Verein die Versammlung an.", "der Verein"),
        # a noun or name opening the sentence stays its subject
        ("Experten warnten die Regierung vor den Folgen.", "Experten"),
        # after an adverb opening a main clause comes the finite verb, not an adjective of the subject
        ("Zudem diskutierten UN-Mitarbeiter mit den Behörden über die Lage.", "UN-Mitarbeiter"),
        ("So wurden Forderungen an die Vereine laut.", "Forderungen"),
        # after a focus particle a noun phrase follows
        ("Auch neue Mitglieder kamen zur Sitzung.", "neue Mitglieder"),
    ],
)
def test_the_subject_after_an_opening_adverbial_or_adverb(sentence: str, subject: str) -> None:
    got = clause_subject(sentence, 0, len(sentence))
    assert got is not None and got.text == subject


def test_the_subject_after_an_opening_adverbial_speaks() -> None:
    text = (
        "Der Minister hat am Morgen sein Amt verloren. Reflexartig meldeten viele Print- und Onlinemedien, "
        "der Minister sei von sich aus zurückgetreten."
    )
    q = quote_containing(text, "von sich aus")
    assert q.speaker_text == "viele Print- und Onlinemedien"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # the clause reporting an unattributed indirect quotation names who holds the view: its subject
        # speaks (the subject of the clause right before the quotation, where a comma opens one)
        (
            "Der Stadtrat hat eine Wohnbaugesellschaft gegründet. Die Gründung der Gesellschaft stieß auf "
            "Zustimmung, die Organisation bezweifelt aber, dass es dadurch bald billigere Mieten gibt.",
            "billigere Mieten",
            "die Organisation",
        ),
        (
            "In Kanada wurde am Sonntag gewählt. Die Liberale Partei Kanadas begrüßte das Ergebnis, weil es den "
            "Willen der Wähler zeige und die Regierung stärke.",
            "Willen der Wähler",
            "Die Liberale Partei Kanadas",
        ),
        (
            "Der Bauausschuss stimmte am Dienstag über die Vorlage ab. CDU und FDP setzten dem entgegen, dass es "
            "die Entscheidung der Investoren sei, wie gebaut werde.",
            "Entscheidung der Investoren",
            "CDU und FDP",
        ),
    ],
)
def test_the_subject_reporting_an_indirect_quotation_speaks(text: str, fragment: str, speaker: str) -> None:
    q = quote_containing(text, fragment)
    assert q.speaker_text == speaker


def test_a_thing_reporting_nothing_is_no_speaker() -> None:
    # neither the reporting clause's subject nor the context speaker is a thing
    text = (
        "In Kanada wurde am Sonntag gewählt. Die Kürzung der Zuschüsse traf die Vereine hart, weil sie ohne das "
        "Geld keine Hallen mieten könnten."
    )
    q = quote_containing(text, "keine Hallen")
    assert q.speaker_text is None or "Kürzung" not in q.speaker_text


def test_an_anaphoric_source_still_refers_to_a_text() -> None:
    text = (
        "Der Lebenslauf der Abgeordneten war auf der Internetseite des Landtags veröffentlicht worden. Demnach "
        "habe sie von 1985 bis 1995 in Bonn Rechtswissenschaften studiert."
    )
    q = quote_containing(text, "Rechtswissenschaften")
    assert q.speaker_text == "Demnach"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # "bezweifelt" is also a participle: after a passive clause of its own, the active clause's subject
        # speaks, not the passive's agent
        (
            "Der Stadtrat hat eine Wohnbaugesellschaft gegründet. Die Gründung wird von den Mietern begrüßt, die "
            "Organisation bezweifelt aber, dass es dadurch bald billigere Mieten gibt.",
            "billigere Mieten",
            "die Organisation",
        ),
        # a passive's agent still speaks
        ("Seine Bilder werden von Kritikern als „Meilensteine der Moderne“ bezeichnet.", "Meilensteine", "Kritikern"),
    ],
)
def test_a_passive_agent_speaks_only_in_its_own_clause(text: str, fragment: str, speaker: str) -> None:
    q = quote_containing(text, fragment)
    assert q.speaker_text is not None and speaker in q.speaker_text


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a prefield of a noun phrase in the nominative and its relative clause is the subject; the phrase
        # after the verb is the object
        (
            "Der Sender, der für die Übertragung verantwortlich ist, begründete die Entscheidung damit, dass "
            "die Rechte zu teuer geworden seien.",
            "Rechte zu teuer",
            "Der Sender",
        ),
        (
            "Der frühere Präsident Tom Hall, der als Wahlbeobachter im Land war, sagte Reportern, dass alles "
            "friedlich verlaufen sei.",
            "friedlich verlaufen",
            "Tom Hall",
        ),
    ],
)
def test_a_subject_with_its_relative_clause_speaks(text: str, fragment: str, speaker: str) -> None:
    q = quote_containing(text, fragment)
    assert q.speaker_text is not None and speaker in q.speaker_text


@pytest.mark.parametrize(
    "prefield",
    [
        "Die Zahl der Toten, die seit Montag gestiegen ist,",  # "die" may be an accusative: an object in front
        "Ein Tief, das über der Bucht stand, habe das Land erreicht,",  # more than the relative clause
        "Weil der Sender, der zahlen muss, klagt,",  # a subordinate clause
    ],
)
def test_no_subject_read_from_other_prefields(prefield: str) -> None:
    from briefing.extract.quotes.speakers import _head_before_relative, tokens

    toks = tokens(prefield, 0, len(prefield))
    while toks and toks[-1][2] == ",":
        toks.pop()
    i = 1 if prefield.startswith("Weil") else 0
    assert _head_before_relative(prefield, toks, i) is None


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # the subject of a direct quotation's own sentence, a body or group by its noun, is nearer than the
        # speaker of a quotation before
        (
            "„Die Spuren sind eindeutig“, sagte der Gutachter Paul Weiß. Das Gericht kam damit zu dem Ergebnis, "
            "„dass keine tragfähige Grundlage für eine Verurteilung besteht“.",
            "tragfähige Grundlage",
            "Das Gericht",
        ),
        (
            "„Wir bleiben bis zum Abend“, sagte die Sprecherin Eva Lenz. Einige Anhänger der Partei "
            "protestierten vor dem Rathaus mit Schildern, auf denen Sprüche wie „Nieder mit der Regierung“ standen.",
            "Nieder mit",
            "Einige Anhänger der Partei",
        ),
    ],
)
def test_the_subject_of_a_direct_quotations_sentence_speaks(text: str, fragment: str, speaker: str) -> None:
    q = quote_containing(text, fragment, direct_only=True)
    assert q.speaker_text == speaker


def test_a_common_noun_alone_is_no_context_speaker() -> None:
    # "Zettel", "Sprüche" name no one (common German nouns by wordfreq): the quotation has no speaker
    text = (
        "Die Stimmung war angespannt. Am Rathaus hingen gestern Zettel, auf denen Sprüche wie „Nieder mit der "
        "Regierung“ standen."
    )
    q = quote_containing(text, "Nieder mit", direct_only=True)
    assert q.speaker_text is None


def test_an_adjective_and_a_common_noun_are_no_speaker() -> None:
    # "Besondere Probleme" opens the sentence before: an adjective and a common noun, no one who speaks
    text = (
        "Die Prüfer fanden viele Mängel. Besondere Probleme traten beim Transport der Güter auf. Auch sei die "
        "Dokumentation nicht ordnungsgemäß erfolgt."
    )
    q = quote_containing(text, "Dokumentation")
    assert q.speaker_text is None or "Probleme" not in q.speaker_text


def test_a_sentence_holding_a_view_has_its_own_speaker() -> None:
    # a Konjunktiv sentence after a quotation goes on with its speaker, unless its own indicative main clause
    # names who holds the view ("Sein Verteidiger vertritt die Ansicht, …"); the sentences after go on with them
    text = (
        "Staatsanwalt Peter Gruber sagte, der Angeklagte habe die Frau getötet. Die Beweise seien eindeutig. "
        "Sein Verteidiger Tom Reed vertritt dagegen die Ansicht, die Frau habe sich selbst getötet. Die Polizei "
        "habe seinen Mandanten vorverurteilt."
    )
    assert quote_containing(text, "Beweise seien").speaker_text == "Staatsanwalt Peter Gruber"
    assert quote_containing(text, "sich selbst getötet").speaker_text == "Sein Verteidiger Tom Reed"
    assert quote_containing(text, "vorverurteilt").speaker_text == "Sein Verteidiger Tom Reed"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a prepositional phrase in front ("Außer aus Rio …") puts the subject after the verb
        (
            "Außer aus Rio de Janeiro meldet das Gesundheitsamt auch aus anderen Städten, dass die Zahl der Fälle "
            "steige.",
            "Zahl der Fälle",
            "das Gesundheitsamt",
        ),
    ],
)
def test_a_prepositional_phrase_in_front_is_no_subject(text: str, fragment: str, speaker: str) -> None:
    q = quote_containing(text, fragment)
    assert q.speaker_text == speaker


def test_a_title_before_a_named_woman_leaves_the_pronoun_open() -> None:
    # the whole apposition is the cue's speaker now ("des Deutschen Industrie- und Handelskammertags" is one
    # phrase); its masculine title must not keep "sie" from the woman it names
    text = (
        "Die Wirtschaft warnt vor den Folgen. Der Hauptgeschäftsführer des Deutschen Industrie- und "
        "Handelskammertags, Helena Melnikov, sagte, jeder Streiktag koste die Volkswirtschaft viel Geld. "
        "„Das kann sich unser Land in der aktuellen Lage nicht leisten“, sagte sie."
    )
    q = quote_containing(text, "nicht leisten", direct_only=True)
    assert q.speaker_name == "Helena Melnikov"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # an indefinite pronoun standing alone is the subject, not the object after the verb
        ("Einige vertreten die Auffassung, die Welt gehe bald unter.", "Einige"),
        ("Viele fürchten, dass die Preise weiter steigen.", "Viele"),
        # before its noun it is part of the phrase
        ("Einige Anhänger der Partei protestierten vor dem Rathaus.", "Einige Anhänger der Partei"),
    ],
)
def test_an_indefinite_pronoun_alone_is_the_subject(sentence: str, subject: str) -> None:
    got = clause_subject(sentence, 0, sentence.index(",") if "," in sentence else len(sentence))
    assert got is not None and got.text == subject
