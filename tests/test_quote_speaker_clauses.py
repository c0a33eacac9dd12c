"""Which clause's speaker a quotation belongs to: sourcing adverbials in the quotation's own clause, a
fronted "wie" clause before a main clause with its own subject, coordinated main clauses, a subject with
an extended participle attribute, the owner of a speech noun. German sentences written for these tests.

Each case names the quotation (a fragment of it), the words its speaker mention must contain and the
words it must not: the phrase of another clause that the rules took before.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes, to_records
from briefing.extract.sentences import split_sentences
from tests.quote_helpers import quote_containing


def _speaker_of(text: str, fragment: str) -> str:
    return quote_containing(text, fragment, direct_only=True).speaker_text or ""


def _assert_speaks(text: str, fragment: str, speaker: str, not_speaker: str) -> None:
    """The quotation holding ``fragment`` is credited to a mention naming ``speaker``, not ``not_speaker``."""
    got = _speaker_of(text, fragment)
    assert speaker in got
    assert not_speaker not in got


SOURCING_ADVERBIAL_IN_THE_QUOTATIONS_CLAUSE = [
    # The adverbial stands between the speech verb and the quotation: the quotation's clause is the source's.
    (
        "Die Reederei teilte am Abend mit, die Bergung sei nach Angaben der Küstenwache inzwischen „weitgehend "
        "abgeschlossen“ und solle morgen enden.",
        "weitgehend",
        "Küstenwache",
        "Reederei",
    ),
    (
        "Der Bürgermeister erklärte, die Brücke sei laut dem Gutachten des Landesamts schon lange „nicht mehr "
        "standsicher“ und werde gesperrt.",
        "standsicher",
        "Gutachten",
        "Bürgermeister",
    ),
    (
        "Die Polizei räumte ein, dass die Lage nach Einschätzung der Feuerwehr am Abend „jederzeit außer "
        "Kontrolle geraten“ könne.",
        "jederzeit außer",
        "Feuerwehr",
        "Polizei",
    ),
    (
        "Die Firma hat die Vorwürfe zurückgewiesen, die nach Bewertung der Aufsichtsbehörde „keinerlei Grundlage“ "
        "hätten.",
        "keinerlei Grundlage",
        "Aufsichtsbehörde",
        "Firma",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "not_speaker"), SOURCING_ADVERBIAL_IN_THE_QUOTATIONS_CLAUSE)
def test_a_sourcing_adverbial_in_the_quotations_clause_names_its_speaker(
    text: str, fragment: str, speaker: str, not_speaker: str
) -> None:
    _assert_speaks(text, fragment, speaker, not_speaker)


def test_a_sourcing_adverbial_in_the_speech_verbs_own_clause_names_the_reporter_not_the_speaker() -> None:
    # The paper reports that the opposition spoke: the words are the opposition's.
    text = "Die Opposition sprach nach Angaben der Zeitung von einem „Skandal ohnegleichen“."
    got = _speaker_of(text, "Skandal")
    assert "Opposition" in got
    assert "Zeitung" not in got


def test_a_participle_used_as_an_adjective_before_the_quotation_is_no_speech_verb() -> None:
    # "bezeichnete" describes the problems; the sourcing adverbial names the source, not the sentence's subject.
    text = "Die Ursache des Brandes waren dem Gutachten zufolge nicht näher bezeichnete „technische Mängel“."
    got = _speaker_of(text, "technische Mängel")
    assert "Gutachten" in got
    assert "Ursache" not in got


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Demonstranten skandierten „Weg mit dem Gesetz, weg mit der ganzen Regierung!“", "Demonstranten"),
        ("Der Minister Paul Lenz kam zu spät. Er sagte „Ich habe den Zug verpasst, es tut mir leid.“", "Er"),
    ],
)
def test_a_finite_speech_verb_right_before_the_quotation_stays_a_cue(text: str, speaker: str) -> None:
    assert speaker in _speaker_of(text, text[text.index("„") + 1 : text.index("„") + 6])


def test_a_speech_verb_after_the_sourcing_adverbial_keeps_its_subject() -> None:
    # "laut" frames the sentence, but the verb nearer to the quotation has its own speaker.
    text = "Laut der Zeitung hat der Minister Paul Lenz den Plan als „völlig verfehlt“ bezeichnet."
    assert "Paul Lenz" in _speaker_of(text, "völlig verfehlt")


WIE_CLAUSE_BEFORE_A_MAIN_CLAUSE = [
    (
        "Wie der Fernsehsender ABC berichtet, gab der Regierungssprecher Paul Lenz dem Sender eine kurze "
        "Antwort: „Dazu sagen wir heute nichts.“",
        "Dazu sagen wir",
        "Paul Lenz",
        "ABC",
    ),
    (
        "Wie die Agentur meldet, richtete die Ministerin Anna Roth einen Appell an die Streikenden: „Kommen Sie "
        "an den Tisch zurück.“",
        "Kommen Sie",
        "Anna Roth",
        "Agentur",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "not_speaker"), WIE_CLAUSE_BEFORE_A_MAIN_CLAUSE)
def test_the_main_clause_after_a_wie_clause_speaks(text: str, fragment: str, speaker: str, not_speaker: str) -> None:
    _assert_speaks(text, fragment, speaker, not_speaker)


def test_a_wie_clause_alone_keeps_its_reporter() -> None:
    # The main clause names no one: the reporter of the "wie" clause is all the text gives.
    text = "Wie die Agentur berichtet, herrschte in der Stadt am Abend Ruhe: „Alles ist friedlich geblieben.“"
    assert "Agentur" in _speaker_of(text, "Alles ist friedlich")


COORDINATED_MAIN_CLAUSES = [
    (
        "Der Vorstand tagte bis spät in die Nacht und der Vorsitzende Jan Berg sagte danach: „Wir haben eine "
        "Lösung gefunden.“",
        "Wir haben eine",
        "Jan Berg",
        "Vorstand",
    ),
    (
        "Die Menge skandierte vor dem Rathaus Parolen und der Unternehmer Peter Huber rief vor den "
        "Demonstranten aus: „Er ist der schlechteste Bürgermeister, den die Stadt je hatte!“",
        "schlechteste Bürgermeister",
        "Peter Huber",
        "Menge",
    ),
    (
        "Der Saal hat lange applaudiert, aber die Abgeordnete Maria Vogt sagte danach: „Das war eine Rede ohne "
        "jeden Inhalt.“",
        "Rede ohne",
        "Maria Vogt",
        "Saal",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "not_speaker"), COORDINATED_MAIN_CLAUSES)
def test_a_coordinated_main_clause_with_its_own_subject_speaks(
    text: str, fragment: str, speaker: str, not_speaker: str
) -> None:
    _assert_speaks(text, fragment, speaker, not_speaker)


def test_coordinated_subjects_of_one_verb_are_not_split() -> None:
    # No first conjunct with a verb of its own: "und" joins two subjects, the first one is kept.
    text = "Die Gewerkschaft und der Betriebsrat Karl Weber erklärten am Montag: „Wir streiken ab morgen.“"
    assert "Gewerkschaft" in _speaker_of(text, "Wir streiken")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Menge skandierte Parolen und der sich selbst als Retter der Stadt inszenierende Unternehmer "
            "Karl Bauer rief aus: „Ich bringe die Arbeit zurück!“",
            "Karl Bauer",
        ),
        (
            "Am Abend hat der von vielen Gegnern als Zauderer verspottete Senator Tom Ridge erklärt: „Ich "
            "bleibe im Amt.“",
            "Tom Ridge",
        ),
    ],
)
def test_a_subject_with_an_extended_participle_attribute_speaks(text: str, speaker: str) -> None:
    got = _speaker_of(text, text[text.index("„") + 1 : text.index("„") + 8])
    assert speaker in got


SPEECH_NOUN_OWNER = [
    (
        "Die Behauptung des Konzerns, die Anlage sei „absolut sicher“, hält der Gutachter für falsch.",
        "absolut sicher",
        "Konzerns",
        "Gutachter",
    ),
    (
        "Auf den Vorwurf der Opposition, es handle sich um ein „reines Wahlgeschenk“, entgegnete der Minister "
        "Paul Lenz, das Gesetz sei lange geplant.",
        "reines Wahlgeschenk",
        "Opposition",
        "Paul Lenz",
    ),
    (
        "Die Forderung der Gewerkschaft, dass die Löhne „sofort und kräftig“ steigen müssten, wies der Verband "
        "am Montag zurück.",
        "sofort und kräftig",
        "Gewerkschaft",
        "Verband",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "not_speaker"), SPEECH_NOUN_OWNER)
def test_the_owner_of_a_speech_noun_speaks_its_content_clause(
    text: str, fragment: str, speaker: str, not_speaker: str
) -> None:
    _assert_speaks(text, fragment, speaker, not_speaker)


def test_a_relative_clause_after_a_nouns_owner_is_no_content_clause() -> None:
    # "des Unfalls, bei dem …" is a relative clause about the accident: the speech verb's subject speaks.
    text = "Die Untersuchung des Unfalls, bei dem es sich um einen „tragischen Zufall“ handle, sagte der Sprecher."
    assert "Sprecher" in _speaker_of(text, "tragischen Zufall")


def test_a_konjunktiv_sentence_before_a_colon_continues_the_previous_speaker() -> None:
    # The subject of the Konjunktiv sentence is what is reported on; the one reporting speaks the quotation.
    text = (
        "Die Ministerin Anna Roth äußerte sich am Montag. Roth bekräftigte das Engagement der Regierung. Die "
        "Rechte der Bürger seien im Gesetz klar geregelt: „Niemand darf wegen seiner Herkunft benachteiligt "
        "werden.“"
    )
    got = _speaker_of(text, "Niemand darf")
    assert "Roth" in got
    assert "Rechte" not in got


def test_a_named_subject_before_a_colon_in_konjunktiv_keeps_the_quotation() -> None:
    text = "Der Minister sprach lange. Die Kanzlerin Eva Stein sei anderer Meinung: „Wir prüfen das.“"
    assert "Eva Stein" in _speaker_of(text, "Wir prüfen")


def _indirect_speaker_of(text: str, fragment: str) -> str:
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    hits = [q for q in to_records(text, found, sents) if fragment in q.text and q.kind == "indirect"]
    assert hits, f"no indirect quotation containing {fragment!r}"
    return hits[-1].speaker_text or ""


def test_a_coordinated_clause_after_a_comma_with_a_titled_subject_speaks() -> None:
    text = (
        "Der Präsident sagte vor der Presse, der Minister sei tot, doch Regierungssprecher Paul Lenz erklärte, "
        "den Tod bislang nicht bestätigen zu können."
    )
    got = _indirect_speaker_of(text, "den Tod bislang")
    assert "Paul Lenz" in got
    assert "Präsident" not in got


def test_a_truncated_compound_before_und_is_no_new_subject() -> None:
    # "der Fraktions- und Parteivorsitzenden": one phrase; the subject of the clause stays the speaker.
    text = (
        "Eva Stein hatte besonders die Rolle der Fraktions- und Parteivorsitzenden betont: „Die Entscheidungen "
        "fallen im kleinen Kreis.“"
    )
    assert "Eva Stein" in _speaker_of(text, "Die Entscheidungen")


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Einer der Rebellen, Paul Lenz, dankte den Menschen für ihre Unterstützung und ergänzte, der Umsturz "
            "sei im Interesse des Landes.",
            "der Umsturz",
            "Paul Lenz",
        ),
        ("Eine der Anwältinnen sagte, das Urteil werde angefochten.", "das Urteil", "Eine der Anwältinnen"),
    ],
)
def test_a_partitive_subject_speaks(text: str, fragment: str, speaker: str) -> None:
    assert speaker in _indirect_speaker_of(text, fragment)


def test_a_span_of_time_opening_the_sentence_is_no_speaker() -> None:
    text = "Wenige Stunden nach dem Anschlag erklärte der Verband, die Lage sei unter Kontrolle."
    got = _indirect_speaker_of(text, "die Lage")
    assert "Verband" in got
    assert "Stunden" not in got


def _speaker_name_of(text: str, fragment: str) -> str:
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    hits = [q for q in to_records(text, found, sents) if fragment in q.text and q.kind == "direct"]
    assert hits, f"no direct quotation containing {fragment!r}"
    return hits[0].speaker_name or ""


@pytest.mark.parametrize(
    "text",
    [
        "„Das ist ein guter Tag für die Stadt“, sagte der Sprecher der Polizei, Tom Weber, am Montag.",
        "Am Montag sagte der Sprecher der Polizei, Tom Weber: „Das ist ein guter Tag für die Stadt.“",
    ],
)
def test_a_role_phrase_after_the_verb_is_named_by_its_apposition(text: str) -> None:
    assert _speaker_name_of(text, "guter Tag") == "Tom Weber"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("Roths Forderung, die Steuern „sofort und deutlich“ zu senken, stieß auf Kritik.", "sofort", "Roths"),
        (
            "Die Forderung von Anna Roth, die Steuern „sofort und deutlich“ zu senken, stieß auf Kritik.",
            "sofort",
            "Anna Roth",
        ),
    ],
)
def test_the_owner_of_a_speech_noun_speaks_its_zu_infinitive(text: str, fragment: str, speaker: str) -> None:
    assert speaker in _speaker_of(text, fragment)


def test_a_parenthetical_wie_clause_does_not_take_the_quotation_from_the_main_clause() -> None:
    text = "Der Minister nannte die Pläne, wie die Zeitung berichtet, „völlig unausgegoren“."
    got = _speaker_of(text, "völlig unausgegoren")
    assert "Minister" in got
    assert "Zeitung" not in got


def test_a_speech_verb_whose_subject_is_an_object_gives_way() -> None:
    # The passive has no agent ("Dem Mann" is its dative object); the verb after the clause names the speaker.
    text = (
        "Dem Mann wird vorgeworfen, das Geld „systematisch beiseitegeschafft“ zu haben, sagte ein Sprecher des "
        "Gerichts."
    )
    assert "Sprecher" in _speaker_of(text, "systematisch")


def test_a_first_conjunct_with_two_subjects_still_has_its_own_verb() -> None:
    text = (
        "Die Gewerkschaft und die Arbeitgeber trafen sich am Montag, doch Verdi-Chef Frank Werner sagte danach: "
        "„Es gibt noch keine Einigung.“"
    )
    assert "Frank Werner" in _speaker_of(text, "keine Einigung")


def test_the_agent_of_a_passive_after_a_noun_with_its_article_speaks() -> None:
    # "ein Besuch von der Junta": after a noun with its article "von" opens the agent, no name particle.
    text = "In der letzten Woche war ein Besuch von der Junta mit dem Hinweis abgelehnt worden, man sei zu beschäftigt."
    got = _indirect_speaker_of(text, "man sei")
    assert "Junta" in got
    assert "Besuch" not in got


def test_the_subject_of_a_passive_speech_verb_without_an_agent_is_no_speaker() -> None:
    # "Als Begründung wurde angegeben": what was said is the subject; the speaker is the one named before.
    text = "Die Stadt hat die Gebühren erhöht. Als Begründung wurde angegeben, die Kosten seien gestiegen."
    got = _indirect_speaker_of(text, "die Kosten")
    assert "Begründung" not in got


@pytest.mark.parametrize(
    ("text", "speaker", "not_speaker"),
    [
        ("Bereits sechs Tage nach der Wahl meldete der Sender, dass die Lage ruhig sei.", "Sender", "Tage"),
        ("Des Weiteren verwies Steinbrück darauf, dass die Kosten gestiegen seien.", "Steinbrück", "Weiteren"),
    ],
)
def test_an_adverbial_opening_the_sentence_leaves_the_subject_after_the_verb(
    text: str, speaker: str, not_speaker: str
) -> None:
    got = _indirect_speaker_of(text, "dass")
    assert speaker in got
    assert not_speaker not in got


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Kritik kam auch von Tom Weber: „Das ist ein schlechter Witz und keine Reform.“", "Tom Weber"),
        ("Unterstützung bekam die Ministerin von Tom Weber: „Sie hat in allen Punkten völlig recht.“", "Tom Weber"),
    ],
)
def test_the_source_of_a_reaction_before_the_colon_speaks(text: str, speaker: str) -> None:
    got = _speaker_of(text, text[text.index("„") + 1 : text.index("„") + 8])
    assert speaker in got
    assert "Kritik" not in got and "Ministerin von" not in got


@pytest.mark.parametrize(
    "second",
    [
        "Mit diesen Worten reagierte Ministerin Anna Roth auf das Urteil.",
        "So äußerte sich Ministerin Anna Roth nach dem Urteil.",
    ],
)
def test_a_sentence_referring_back_to_the_quotation_names_its_speaker(second: str) -> None:
    text = f"Der Streit geht weiter. „Wir sind mit dem Ergebnis des Verfahrens sehr zufrieden.“ {second}"
    assert "Anna Roth" in _speaker_of(text, "sehr zufrieden")


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "not_speaker"),
    [
        (
            "Die Polizei teilte mit, der Fahrer Karl Bauer habe nach eigenen Angaben „überhaupt nichts gesehen“.",
            "überhaupt nichts",
            "Karl Bauer",
            "Polizei",
        ),
        (
            "Die Polizei teilte mit, der Fahrer Karl Bauer habe laut eigener Aussage „überhaupt nichts gesehen“.",
            "überhaupt nichts",
            "Karl Bauer",
            "eigener Aussage",
        ),
        (
            "Der ältere Bruder des Ministers, Georg Bauer, war nach eigenem Bekunden „seit Wochen eingeweiht“.",
            "seit Wochen",
            "Georg Bauer",
            "Ministers",
        ),
    ],
)
def test_an_own_source_points_to_the_subject_of_its_own_clause(
    text: str, fragment: str, speaker: str, not_speaker: str
) -> None:
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    hits = [q for q in to_records(text, found, sents) if fragment in q.text and q.kind == "direct"]
    assert hits
    shown = f"{hits[0].speaker_text} {hits[0].speaker_name}"
    assert speaker in shown
    assert not_speaker not in (hits[0].speaker_name or "")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Zwar räumte die Ministerin ein, dass es eng werde. Zwar-Sager und zwar Zwar sind selten. Zwar", "Zwar"),
        ("Darin hatte Reiche angekündigt, zu handeln.\nDarin_x Darin2 -Darin Darin- (Darin) „Darin“ Darin.", "Darin"),
        ("KnappKnapp Knapp Knapp. Knapp\nKnapp-\n-Knapp Knapp", "Knapp"),
        ("Ökonom Öko Ökonom. ÖkonomÖkonom Ökonom_ Ökonom", "Ökonom"),
    ],
)
def test_opener_occurrences_are_the_lookbehind_first_patterns(text: str, word: str) -> None:
    """_opener_no_noun finds a word's standalone occurrences with a pattern that opens with the word (fast) and
    looks behind it afterwards: the same matches as the pattern that opened with the lookbehind, at the text's
    start and end, after a line break, next to hyphens, underscores, digits and letters."""
    import re

    from briefing.extract.quotes.speakers import _standalone

    old = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    assert [m.start() for m in re.finditer(_standalone(word), text)] == old and old


def test_a_capitalised_adverb_opening_a_sentence_leaves_the_subject_after_the_verb() -> None:
    """An opener the text never writes capitalised inside a sentence is no subject ("Zwar räumte die
    Ministerin ein"); one it writes so inside a sentence may be a name."""
    from briefing.extract.quotes.speakers import _opener_no_noun

    text = "Zwar räumte die Ministerin ein, dass die Lage schwierig sei. Sie werde aber handeln."
    assert _opener_no_noun(text, (0, 4, "Zwar"), "räumte")
    text2 = "Knapp erklärte der Verband, man sei bereit. Der Sprecher Knapp blieb dabei."
    assert _opener_no_noun(text2, (0, 5, "Knapp"), "erklärte") is False
