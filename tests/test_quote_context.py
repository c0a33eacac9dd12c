"""Speakers across sentences: anaphoric sources, which cue wins, neighbours and pronouns.

German sentences written for these tests; each case names the quotation (a fragment of it), the
speaker mention the text gives for it and, where the mention points back, the person it names.
"""

from __future__ import annotations

import pytest

from briefing.models import Quote
from tests.quote_helpers import quote_containing


def _record(text: str, fragment: str) -> Quote:
    return quote_containing(text, fragment)


POSSESSIVE_SOURCES = [
    # "seiner Ansicht nach", "ihrer Meinung nach", "nach seiner Auffassung": the possessive phrase is
    # the mention, the person it points back to the name.
    (
        "Bürgermeister Tobias Brandl besuchte am Montag die zerstörte Brücke. Seiner Ansicht nach "
        "„ist das die schwerste Katastrophe seit Jahrzehnten“.",
        "schwerste Katastrophe",
        "Seiner Ansicht",
        "Tobias Brandl",
    ),
    (
        "Die Anwältin Petra Lind verlangt eine Prüfung des Vertrags, der ihrer Meinung nach "
        "„gegen geltendes Recht verstößt“.",
        "geltendes Recht",
        "ihrer Meinung",
        "Petra Lind",
    ),
    (
        "Die Ministerin Karla Ebert hält die Messung für fehlerhaft. Nach ihrer Auffassung "
        "„wurde das Gerät nie richtig geeicht, und das weiß jeder im Labor“.",
        "nie richtig geeicht",
        "ihrer Auffassung",
        "Karla Ebert",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "mention", "name"), POSSESSIVE_SOURCES)
def test_a_possessive_source_is_the_mention_and_points_back(text: str, fragment: str, mention: str, name: str) -> None:
    q = _record(text, fragment)
    assert q.speaker_text == mention
    assert q.speaker_name is not None and name in q.speaker_name


def test_nach_eigenem_bekunden_is_a_source_like_nach_eigenen_angaben() -> None:
    # "Bekunden" is no listed source noun: it is one as the nominalised speech verb "bekunden".
    text = (
        "Die Ärztin Clara Wendt war nach eigenem Bekunden von Anfang an skeptisch. "
        "„Das konnte nicht gut gehen, wir haben alle davor gewarnt.“"
    )
    q = _record(text, "nicht gut gehen")
    assert q.speaker_text is not None and "Clara Wendt" in q.speaker_text
    assert "Anfang" not in (q.speaker_name or "")


def test_nach_after_a_demand_takes_an_object_and_is_no_source() -> None:
    # "ihrer Forderung nach höheren Löhnen": "nach" governs "höheren Löhnen", it reports nothing.
    text = (
        "Die Gewerkschaft hatte im April zur Durchsetzung ihrer Forderung nach höheren Löhnen einen Streik "
        "ausgerufen. „Wir bleiben hart, bis alles erfüllt ist“, sagte Sprecher Max Roth."
    )
    q = _record(text, "Wir bleiben hart")
    assert q.speaker_text == "Sprecher Max Roth"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Die Autorin Jana Pohl wandte sich gegen die ihrer Meinung nach verbreiteten Irrtümer: "
            "„Niemand wird uns verschonen, wenn wir einfach wegschauen.“",
            "Die Autorin Jana Pohl",
        ),
        (
            "Sie äußerte sich auch gegen die ihrer Meinung nach falschen Hoffnungen der Regierung: "
            "„Wer jetzt wegschaut, wird es später teuer bezahlen müssen.“",
            "Sie",
        ),
    ],
)
def test_a_possessive_source_inside_the_clause_is_not_the_colons_cue(text: str, speaker: str) -> None:
    assert _record(text, "wegschau" if "wegschaut" in text else "Niemand").speaker_text == speaker


@pytest.fixture(scope="module")
def nlp():
    from briefing.extract.nlp import make_nlp

    return make_nlp(components=("briefing_actors", "briefing_quotes"))


@pytest.mark.parametrize(
    ("closing", "mention", "name"),
    [
        ("so letztere", "letztere", "Lea Brandt"),
        ("so Erstere", "Erstere", "Paul Ehrlich"),
        ("so der Letztgenannte", "Letztgenannte", "Lea Brandt"),
        ("so der Erstgenannte", "Erstgenannte", "Paul Ehrlich"),
    ],
)
def test_letztere_and_erstere_name_the_last_or_first_person_named_before(nlp, closing: str, mention: str, name: str):
    text = (
        "Kanzler Paul Ehrlich und Ministerin Lea Brandt stritten am Abend über den Haushalt. "
        f"„Wir werden das so nicht mittragen, auf keinen Fall“, {closing}."
    )
    (q,) = [q for q in nlp(text)._.briefing_quotes if "mittragen" in q.text]
    assert q.speaker_text == mention
    assert q.speaker_name == name


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # The cue after the quotation ("wird X zitiert") beats the colon before it, and its mention is
        # the speaker's, even with a quoted newspaper name between auxiliary and participle.
        (
            "Trainer Jean Morel stellt sich vor seinen Fahrer: „Er ist immer noch der Beste, den wir je hatten. "
            "Wer etwas anderes behauptet, versteht nichts vom Sport.“ wird der Franzose im Fachblatt "
            "„Rennsport heute“ zitiert.",
            "der Franzose",
        ),
        (
            "Die Ministerin Karla Ebert blieb bei ihrer Linie: „Wir ändern an dem Gesetz kein einziges Wort, "
            "das ist endgültig.“ wurde die Sprecherin Ina Vogt in der „Tagespost“ zitiert.",
            "die Sprecherin Ina Vogt",
        ),
    ],
)
def test_a_passive_quoting_cue_after_the_quotation_beats_the_colon(text: str, mention: str) -> None:
    q = _record(text, "Wort" if "Wort" in text else "immer noch")
    assert q.speaker_text == mention


def test_a_quotation_closing_a_fronted_clause_belongs_to_that_clauses_speaker() -> None:
    text = (
        "Während Ministerin Karla Ebert erklärte, sehr zufrieden zu sein, „besser geht es nicht“, räumte "
        "Kanzler Paul Ehrlich ein, dass noch viel Arbeit bevorstehe."
    )
    assert "Karla Ebert" in (_record(text, "besser geht").speaker_text or "")


def test_a_quotation_before_the_main_verb_without_a_fronted_clause_keeps_the_cue_after_it() -> None:
    text = (
        "Ministerin Karla Ebert erklärte am Morgen ihre Pläne. „Besser geht es nicht, wir sind sehr "
        "zufrieden“, sagte Kanzler Paul Ehrlich am Abend."
    )
    assert "Paul Ehrlich" in (_record(text, "Besser geht").speaker_text or "")


def test_the_colon_closes_the_last_speaker_of_a_list() -> None:
    text = (
        "Viele Politiker gratulierten dem Sieger, so der Kanzler Paul Ehrlich, die Leiterin der Agentur, "
        "Karla Ebert, und der dänische Ministerpräsident Otto Kern: „Der Preis kommt genau zur richtigen "
        "Zeit, er hat ihn verdient.“"
    )
    assert _record(text, "richtigen Zeit").speaker_text == "der dänische Ministerpräsident Otto Kern"


def test_an_addressee_before_the_colon_is_not_a_listed_speaker() -> None:
    # "sagte … dem Sender und der Zeitung:": the phrase after "und" is no speaker (an object).
    text = (
        "Der Kanzler Paul Ehrlich sagte dem Sender und der Zeitung: „Wir bleiben bei unserem Kurs, ohne Wenn und Aber.“"
    )
    assert "Paul Ehrlich" in (_record(text, "Kurs").speaker_text or "")


def test_a_named_subject_of_the_quotations_own_sentence_beats_the_previous_speaker() -> None:
    text = (
        "„Das ist ein Skandal“, sagte Oppositionsführer Max Roth. Die Bundesregierung hatte den Bericht "
        "am Morgen als „völlig falsch“ zurückgewiesen."
    )
    assert _record(text, "völlig falsch").speaker_text == "Die Bundesregierung"


def test_in_reported_speech_going_on_the_subject_is_content_not_a_speaker() -> None:
    # Konjunktiv before the quotation: the previous speaker goes on talking about the government.
    text = (
        "Datenschützer Max Roth übte Kritik an den Plänen. Er bezeichnete die Pläne als „Wortbruch“. "
        "Bisher habe die Bundesregierung eine „zentrale Datei für alle Bürger“ stets ausgeschlossen."
    )
    q = _record(text, "zentrale Datei")
    assert q.speaker_text == "Er"
    assert q.speaker_name is not None and "Max Roth" in q.speaker_name


@pytest.mark.parametrize(
    ("text", "fragment", "medium"),
    [
        (
            "Der Sänger starb am Freitag. „Er war ein großer Künstler, einer der letzten seiner Art“, "
            "schrieb „Die Zeit“ in einem Nachruf.",
            "großer Künstler",
            "Die Zeit",
        ),
    ],
)
def test_a_quoted_medium_after_the_verb_is_the_speaker(text: str, fragment: str, medium: str) -> None:
    assert medium in (_record(text, fragment).speaker_text or "")


def test_the_one_a_quoted_medium_quotes_is_the_speaker() -> None:
    text = "„Das wird das größte Update aller Zeiten“, zitiert die „Computerwoche“ den Entwickler Max Roth."
    record = _record(text, "größte Update")
    assert "Max Roth" in (record.speaker_name or "") and "Computerwoche" not in (record.speaker_text or "")


def test_a_full_name_in_the_sentence_before_beats_an_older_speaker() -> None:
    # The quotation stands alone; the sentence before names Volker Beck (no first-name lexicon entry
    # needed), so the speaker of two sentences back is not carried over.
    text = (
        "„Das ist ein guter Tag“, sagte Kanzlerin Lea Brandt. Als „verpasste Chance“ beurteilte der "
        "Geschäftsführer der Fraktion, Volkhard Beckmann das Ergebnis. „Unter ihr ist das Land "
        "wieder hinter alle Reformen zurückgefallen, das muss man so sagen.“"
    )
    record = _record(text, "Unter ihr")
    assert record.speaker_name == "Volkhard Beckmann"
    assert (record.speaker_text or "").endswith("Volkhard Beckmann")


def test_a_named_apposition_whose_closing_comma_is_missing_is_read_to_the_name() -> None:
    # "der Sprecher der Fraktion, Volkhard Beckmann das Ergebnis": the comma after the name is missing;
    # the name still ends the speaker phrase (and the object after it is not part of it).
    text = "Als „verpasste Chance“ beurteilte der Sprecher der Fraktion, Volkhard Beckmann das Ergebnis."
    text += " „Unter ihr ist das Land wieder hinter alle Reformen zurückgefallen, das muss man so sagen.“"
    record = _record(text, "Unter ihr")
    assert record.speaker_name == "Volkhard Beckmann"
    assert record.speaker_text == "der Sprecher der Fraktion, Volkhard Beckmann"


def test_a_continuation_keeps_the_mention_its_speaker_was_named_by() -> None:
    # "Demnach" attributes the first report; the next Konjunktiv sentence goes on with the same source
    # and the same mention (the name still comes from the sentence before).
    text = (
        "Das Bundeskartellamt hat heute seinen Abschlussbericht vorgelegt. Demnach gebe es unter den großen "
        "Stromerzeugern keine verbotenen Absprachen. Die allgemeine Wettbewerbssituation sei jedoch "
        "weiterhin unbefriedigend."
    )
    q = _record(text, "Wettbewerbssituation")
    assert q.speaker_text == "Demnach"
    assert q.speaker_name == "Bundeskartellamt"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Max Roth, CDU-Generalsekretär", "Max Roth"),  # a role in apposition after the name
        ("der Sprecher des Amtes, Max Roth", "Max Roth"),  # the name in apposition after the role
    ],
)
def test_person_name_is_the_name_not_the_role_of_an_apposition(phrase: str, name: str) -> None:
    from briefing.extract.quotes.resolve import person_name

    assert person_name(phrase) == name


@pytest.mark.parametrize(
    ("first", "name"),
    [
        # "er" cannot stand for a feminine noun ("Kommission", "die Regierung"): no name rather than a wrong one.
        ("Die Untersuchungskommission der Universität legte am Montag ihren Bericht vor.", None),
        ("Minister Paul Ehrlich besuchte am Montag die Kommission.", "Paul Ehrlich"),
    ],
)
def test_er_agrees_with_the_grammatical_gender_of_its_antecedent(first: str, name: str | None) -> None:
    text = first + " Er sagte, man habe „nichts zu verbergen“ und werde alles offenlegen."
    q = _record(text, "verbergen")
    assert q.speaker_text == "Er"
    assert q.speaker_name == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The subject is what the view is about, not whose it is: the person named before.
        (
            "Bürgermeister Otto Kern besuchte die Baustelle. Nach seiner Meinung hat die Regierung bei der "
            "Planung „völlig versagt“.",
            "Otto Kern",
        ),
        # A titled subject of the possessive's gender is its owner.
        ("Die Ministerin Lea Brandt hat nach ihrer Aussage „nichts davon gewusst“.", "Lea Brandt"),
    ],
)
def test_a_possessive_source_names_its_owner_not_the_clause_subject(text: str, name: str) -> None:
    q = _record(text, "versagt" if "versagt" in text else "gewusst")
    assert q.speaker_name is not None and name in q.speaker_name


def test_addressees_joined_by_und_before_the_colon_are_no_list_of_speakers() -> None:
    text = (
        "Der Kanzler Paul Ehrlich sagte zu den Journalisten und der Ministerin Lea Brandt: "
        "„Wir bleiben bei unserem Kurs, ohne Wenn und Aber.“"
    )
    assert "Paul Ehrlich" in (_record(text, "Kurs").speaker_text or "")


def test_a_quoted_medium_opening_a_compound_is_not_the_speaker() -> None:
    # "„Spiegel“-Chef Max Roth": the medium is part of the speaker's title, not the speaker.
    q = _record("„Wir drucken das nicht“, sagte „Spiegel“-Chef Max Roth am Montag.", "drucken")
    assert q.speaker_text != "„Spiegel“"


def test_a_description_in_the_cue_after_is_the_mention_and_the_person_before_the_colon_its_name() -> None:
    text = (
        "Trainer Jean Morel stellt sich vor seinen Fahrer: „Er ist immer noch der Beste, den wir je hatten. "
        "Wer etwas anderes behauptet, versteht nichts vom Sport.“ wird der Franzose im Fachblatt "
        "„Rennsport heute“ zitiert."
    )
    q = _record(text, "immer noch")
    assert q.speaker_text == "der Franzose"
    assert q.speaker_name is not None and "Jean Morel" in q.speaker_name


def test_a_bare_demonym_is_no_name_to_show() -> None:
    # Nobody named before the quotation: "der Franzose" stays the mention, but is shown as no one.
    q = _record("„Wir geben nicht auf, niemals, das verspreche ich euch“, sagte der Franzose am Abend.", "niemals")
    assert q.speaker_text == "der Franzose"
    assert q.speaker_name is None
