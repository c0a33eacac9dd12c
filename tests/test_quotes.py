"""Quotation extraction on German (text, quotation, speaker) pairs, spacy.blank("de")."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import spacy

from briefing.extract import quotes as _quote_factory  # noqa: F401  (registers briefing_quotes)
from briefing.extract import sentences as _sentences  # noqa: F401  (registers briefing_sentences)
from briefing.extract.quotes import extract_quotes, find_pairs, to_records
from briefing.extract.sentences import split_sentences
from briefing.models import Actor, Mention
from tests.quote_helpers import quotes_of

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("briefing_sentences")
    nlp.add_pipe("briefing_quotes")
    return nlp


def _quotes(text: str):
    return quotes_of(text)


def _find(quotes, fragment: str):
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quotation containing {fragment!r} in {[q.text for q in quotes]}"
    return hits[0]


DIRECT = [
    # (text, fragment of the quotation, word of the speaker's name)
    (
        "Putin reagierte ablehnend. „Russland wird nicht über eine zutiefst unannehmbare ausländische "
        "Intervention diskutieren“, erklärte Außenamtssprecherin Maria Sacharowa.",
        "zutiefst unannehmbare",
        "Sacharowa",
    ),
    (
        "Frankreichs Präsident Emmanuel Macron sagte am Donnerstag: „Wir sind bereit für einen robusten, "
        "dauerhaften Frieden für die Ukraine.“",
        "robusten, dauerhaften Frieden",
        "Macron",
    ),
    (
        "Russland kritisierte die Idee scharf und teilte über die Sprecherin des Außenministeriums, "
        'Marija Sacharowa, mit: "Russland wird keine '
        'ausländische Intervention in der Ukraine diskutieren"',
        "keine ausländische Intervention",
        "Sacharowa",
    ),
    ("Merz: „Eine gut bewaffnete Armee ist die wirksamste Abschreckung gegen neue Angriffe.“", "wirksamste", "Merz"),
    (
        "»Wir haben ausführlich darüber diskutiert, inwieweit jedes Land bereit ist«, sagte Selenskyj.",
        "inwieweit jedes Land",
        "Selenskyj",
    ),
    (
        "«Das ist ein wichtiger Tag für die Sicherheit in ganz Europa», sagte der Nato-Generalsekretär Mark Rutte.",
        "wichtiger Tag",
        "Rutte",
    ),
    (
        "„Ich danke allen für diese wichtige Arbeit“, schrieb der ukrainische Präsident Wolodymyr Selenskyj "
        "am Donnerstag auf der Plattform X.",
        "Ich danke allen",
        "Selenskyj",
    ),
    (
        "„Die Ukraine ist ein souveränes Land, das selbst entscheidet“, so Nato-Generalsekretär Mark Rutte.",
        "souveränes Land",
        "Rutte",
    ),
    (
        "„Das ist ‚nicht verhandelbar‘ für uns alle in der Regierung“, sagte die Ministerin Annalena Baerbock.",
        "nicht verhandelbar",
        "Baerbock",
    ),
    (
        "Bundeskanzler Friedrich Merz traf Macron in Paris. Er sagte: „Wir werden die Ukraine weiter mit "
        "aller Kraft unterstützen.“",
        "mit aller Kraft",
        "Merz",
    ),
    (
        "Am Montag sagte der Minister: „Die Lage an der Front ist schwierig, aber nicht hoffnungslos.“",
        "nicht hoffnungslos",
        "Minister",
    ),
    (
        "„Wir brauchen Klarheit über die Sicherheitsgarantien“, hatte der Kanzler zuvor gesagt.",
        "Klarheit",
        "Kanzler",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), DIRECT)
def test_direct_quote_and_speaker(text: str, fragment: str, speaker: str) -> None:
    q = _find(_quotes(text), fragment)
    assert q.kind == "direct"
    assert speaker in (q.speaker_name or ""), (q.speaker_text, q.speaker_name)
    assert q.speaker_start is not None and text[q.speaker_start : q.speaker_end] == q.speaker_text


def test_split_quote_parts_share_the_speaker() -> None:
    text = (
        "„Wir werden die Ukraine nicht allein lassen“, sagte Macron. „Die Europäer stehen bereit, "
        "einen robusten Frieden zu sichern.“"
    )
    qs = [q for q in _quotes(text) if q.kind == "direct"]
    assert len(qs) == 2
    assert all("Macron" in (q.speaker_name or "") for q in qs)


def test_split_quote_around_attribution() -> None:
    text = "„Das ist ein guter Tag“, sagte Macron, „für die Ukraine und für ganz Europa.“"
    qs = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.text for q in qs] == ["Das ist ein guter Tag", "für die Ukraine und für ganz Europa."]
    assert all(q.speaker_name == "Macron" for q in qs)


def test_quote_spanning_sentences_is_one_quote() -> None:
    text = "„Wir gehen. Wir kommen wieder. Und dann bleiben wir für immer hier“, sagte der Sprecher der Gruppe."
    qs = _quotes(text)
    assert len(qs) == 1 and qs[0].text.startswith("Wir gehen.") and "Sprecher" in qs[0].speaker_name


def test_quote_spanning_paragraphs() -> None:
    text = (
        "Der Minister sagte: „Wir haben lange über diese Frage gesprochen und sind uns einig.\n\n"
        "„Am Ende zählt nur, dass die Menschen in Sicherheit leben können“, fügte er hinzu."
    )
    qs = [q for q in _quotes(text) if q.kind == "direct"]
    # the typographic convention for one quotation over paragraphs (no closing mark at the first paragraph's end,
    # a new opening mark at the next): one quotation (tests/test_quote_attribution_round15.py)
    assert len(qs) == 1
    assert qs[0].text.startswith("Wir haben lange") and qs[0].text.endswith("in Sicherheit leben können")
    assert "Minister" in qs[0].speaker_name


@pytest.mark.parametrize(
    "text",
    [
        "Die sogenannte „Koalition der Willigen“ traf sich am Donnerstag in Paris.",
        "China startete das Raumschiff „Shenzhou 6“ am Morgen.",
        "Die Zeitung „Die Welt“ berichtete über das Treffen.",
        "Das Treffen der „Willigen“ dauerte drei Stunden.",
        "Wie die „Aktion Deutschland hilft“ mitteilte, werde weiter gesammelt.",
        "Sie werden unter dem Begriff „Fahrendes Volk“ („gens du voyage“) zusammengefasst.",
        "Eine „Eins zu Eins“-Begegnung sei nicht geplant, sagte der Sprecher.",
        "Betroffen sind die Straßenbahntypen „E1“ und „E2“, sagte ein Sprecher.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(text: str) -> None:
    assert [q for q in _quotes(text) if q.kind == "direct"] == []


INDIRECT = [
    # (text, fragment of the reported clause, speaker word)
    ("Der Minister sagte, die Lage sei ernst und werde sich nicht rasch bessern.", "die Lage sei ernst", "Minister"),
    ("Macron betonte, man werde die Ukraine nicht im Stich lassen.", "man werde die Ukraine", "Macron"),
    (
        "Selenskyj erklärte, dass die Sicherheitsgarantien praktisch umgesetzt werden müssten.",
        "dass die Sicherheits",
        "Selenskyj",
    ),
    ("Laut Polizei wurden bei dem Angriff drei Menschen verletzt.", "drei Menschen verletzt", "Polizei"),
    ("Den Behörden zufolge wurden am Sonntag 17 Menschen festgenommen.", "17 Menschen festgenommen", "Behörden"),
    ("Nach Angaben des Ministeriums sind 26 Länder zur Teilnahme bereit.", "26 Länder", "Ministeriums"),
    ("Nach einer Studie der Universität Oslo schadet Rauchen auch dem Gehör.", "schadet Rauchen", "Universität"),
    # an infinitive clause after verbs of demanding and hoping is what was said
    ("Der Verband verlangte, die Steuern noch in diesem Jahr deutlich zu senken.", "die Steuern noch", "Verband"),
    ("Die Trainerin hofft, das Team bis zum Sommer in die erste Liga zu führen.", "das Team bis", "Trainerin"),
    # the speech verb of a subordinate clause speaks for it, not the main clause's verb
    (
        "Die Richterin lehnte ab, zumal der Verteidiger Max Muster betont hatte, der Angeklagte sei harmlos.",
        "der Angeklagte sei harmlos",
        "Muster",
    ),
    # a demonstrative before the speech verb points back to what was said
    ("Der Minister tritt zurück. Dies bestätigte Regierungssprecher Steffen Seibert.", "tritt zurück", "Seibert"),
    ("Die Kamera ist seit Juni ausgefallen, das teilte die Nasa am Freitag mit.", "Kamera ist seit", "Nasa"),
    (
        "Wie ein Sprecher des Ministeriums mitteilte, soll die Truppe im Westen stationiert werden.",
        "soll die Truppe",
        "Sprecher",
    ),
    (
        "Die Truppe soll nach dem Waffenstillstand stationiert werden, hieß es aus dem Élysée-Palast.",
        "Die Truppe soll",
        "Élysée-Palast",
    ),
    (
        "Die Entsendung sei nicht geplant, sagte ein Sprecher der Bundesregierung.",
        "Die Entsendung sei",
        "Sprecher der Bundesregierung",
    ),
    ("Russland teilte mit, man werde keine ausländischen Truppen dulden.", "keine ausländischen Truppen", "Russland"),
    ("Der Kanzler wies die Forderung zurück, die Bundeswehr werde nicht entsandt.", "Bundeswehr werde", "Kanzler"),
    (
        "Nach Angaben aus Regierungskreisen will Deutschland vier Brigaden ausrüsten.",
        "will Deutschland vier Brigaden",
        "Regierungskreisen",
    ),
    (
        "Anschließend sei laut el-Baradei die Bearbeitung der Brennstäbe erfolgt.",
        "Bearbeitung der Brennstäbe",
        "el-Baradei",
    ),
    (
        "Die Regierung wirft den Rebellen vor, eine eigene Regierung installieren zu wollen.",
        "installieren zu wollen",
        "Regierung",
    ),
    ("Die Polizei geht davon aus, dass der Täter allein gehandelt hat.", "dass der Täter allein", "Polizei"),
    ("Laut ndr.de blieben einige Demonstranten noch auf dem Platz.", "blieben einige Demonstranten", "ndr.de"),
    # "von Seiten"/"seitens" name the source of "hieß es", before it or after it
    ("Von Seiten des Finanzamts hieß es, man prüfe den Antrag noch.", "man prüfe den Antrag", "Finanzamt"),
    ("Seitens der Stadtwerke hieß es, die Preise blieben stabil.", "die Preise blieben", "Stadtwerke"),
    ("Dazu hieß es von Seiten der Klinik, der Patient sei stabil.", "der Patient sei stabil", "Klinik"),
    ("Laut „Welt“ soll er sich in der Justizvollzugsanstalt Landsberg befinden.", "soll er sich", "Welt"),
    ("Zudem hob Sarkozy dem „Figaro“ zufolge die Wichtigkeit Englands hervor.", "die Wichtigkeit", "Figaro"),
    (
        # The mention is "wonach" (where this clause names its source); a report is no one to name.
        "Die Zeitung zitierte einen internen Bericht, wonach die Kosten deutlich gestiegen sind.",
        "die Kosten deutlich gestiegen",
        "wonach",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), INDIRECT)
def test_indirect_speech(text: str, fragment: str, speaker: str) -> None:
    q = _find(_quotes(text), fragment)
    assert q.kind == "indirect"
    assert speaker in (q.speaker_name or q.speaker_text or ""), (q.speaker_text, q.speaker_name)


def test_konjunktiv_chain_continues_with_same_speaker() -> None:
    text = (
        "Der Außenminister sagte, die Gespräche seien konstruktiv gewesen. Man habe viele Fragen geklärt. "
        "Es gebe aber noch offene Punkte. Am Abend reiste die Delegation ab."
    )
    qs = _quotes(text)
    cont = _find(qs, "Man habe viele Fragen")
    assert cont.kind == "indirect" and "Außenminister" in cont.speaker_name
    assert "offene Punkte" in cont.text  # consecutive Konjunktiv sentences form one quotation
    assert not any("Delegation ab" in q.text for q in qs)


def test_pronoun_speaker_is_resolved_to_preceding_person() -> None:
    text = (
        "Frankreichs Präsident Emmanuel Macron empfing die Gäste im Élysée-Palast. "
        "Er sagte, Europa sei bereit, Verantwortung für die eigene Sicherheit zu übernehmen."
    )
    q = _find(_quotes(text), "Europa sei bereit")
    assert q.speaker_text == "Er"
    assert q.speaker_name == "Emmanuel Macron"


def test_speaker_linked_to_actor_by_mention() -> None:
    text = "„Wir stehen fest an der Seite der Ukraine“, sagte er am Abend in Paris."
    b = text.index("er am")
    actor = Actor(id="A1", name="Emmanuel Macron", kind="person", mentions=(Mention(b, b + 2, "er"),))
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    (q,) = to_records(text, found, sents, [actor])
    assert q.speaker == "A1" and q.speaker_name == "Emmanuel Macron"


def test_component_stores_records_and_spans(nlp) -> None:
    doc = nlp("„Wir sind bereit für einen robusten und dauerhaften Frieden“, sagte Macron.")
    (q,) = doc._.briefing_quotes
    assert q.kind == "direct" and q.speaker_name == "Macron" and q.cue == "sagte"
    assert [s.label_ for s in doc.spans["briefing_quotes"]] == ["direct"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "Ein Text ohne Satzende und ohne Anführungszeichen",
        "Er sagte: „Das ist der Anfang eines Zitats, das nie endet",
        "„Gemischt» und “falsch« zitiert, sagte er.“",
        'The minister said: "We will not send troops to Ukraine", according to officials.',
        '„“ „“ "" »«',
    ],
)
def test_bad_input_never_raises(nlp, text: str) -> None:
    doc = nlp(text)
    assert isinstance(doc._.briefing_quotes, list)


def test_unbalanced_quote_is_dropped_with_warning(nlp, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="briefing.extract.quotes"):
        doc = nlp("Er sagte: „Das ist der Anfang eines Zitats, das nie endet. Danach kam nichts mehr.")
    assert [q for q in doc._.briefing_quotes if q.kind == "direct"] == []
    assert any("unbalanced" in r.message for r in caplog.records)


@pytest.mark.slow
def test_large_article_is_handled(nlp) -> None:
    para = (
        "„Wir sind bereit für einen robusten und dauerhaften Frieden in Europa“, sagte Macron. "
        "Der Minister sagte, die Lage sei ernst. "
    ) * 25
    text = (para + "\n\n") * 1600  # ~5 MB, direct and indirect speech (guards against quadratic steps)
    assert len(text) > 5_000_000
    qs = _quotes(text)
    assert len(qs) == 2 * 25 * 1600


def test_find_pairs_styles() -> None:
    text = 'A „eins“ B "zwei" C »drei« D «vier» E “fünf”'
    pairs, warnings = find_pairs(text)
    assert [text[p.inner_start : p.inner_end] for p in pairs] == ["eins", "zwei", "drei", "vier", "fünf"]
    assert warnings == []


def test_report_inside_relative_clause_covers_that_clause() -> None:
    text = "Die Tasche, die nach Angaben des Mannes eine Bombe enthielt, wurde gesprengt."
    q = _find(_quotes(text), "eine Bombe enthielt")
    assert q.kind == "indirect"
    assert "gesprengt" not in q.text and q.text.startswith("die nach Angaben")
    # The mention is kept; "Mannes" is a common noun, no one to name (precision first).
    assert "Mannes" in (q.speaker_text or "") and q.speaker_name is None


def test_demnach_takes_the_source_from_the_context() -> None:
    text = (
        "Das Statistikamt veröffentlichte am Montag seinen Bericht zur Lage. "
        "Demnach stieg die Zahl der Arbeitslosen im August um drei Prozent."
    )
    q = _find(_quotes(text), "stieg die Zahl")
    assert q.kind == "indirect" and q.text.startswith("stieg")
    assert "Statistikamt" in (q.speaker_name or "")


def test_free_reported_speech_without_speech_verb() -> None:
    text = (
        "Das Robert-Koch-Institut sieht gegenwärtig für Deutschland keine besondere Gefahr. "
        "Lediglich Personen mit Umgang mit Geflügel seien besonders zu schützen. "
        "Die Lage werde täglich neu bewertet. Am Abend tagte der Krisenstab."
    )
    qs = _quotes(text)
    q = _find(qs, "Lediglich Personen")
    assert q.kind == "indirect" and "täglich neu bewertet" in q.text  # consecutive sentences merged
    assert "Robert-Koch-Institut" in (q.speaker_name or "")
    assert not any("Krisenstab" in x.text for x in qs)


def test_reportative_sollen_is_reported_speech() -> None:
    text = (
        "Die Staatsanwaltschaft ermittelt gegen den Rentner. "
        "Er soll seine Tochter jahrelang gefangen gehalten haben. Der Prozess beginnt im Mai."
    )
    qs = _quotes(text)
    q = _find(qs, "gefangen gehalten haben")
    assert q.kind == "indirect"
    assert not any("Prozess beginnt" in x.text for x in qs)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Stoiber sagte, die Union benötige entweder die SPD oder die Grünen.", "die Union benötige"),
        ("An die Gewerkschaften gewandt sagte Köhler, sie müssten ihre Zurückhaltung aufgeben.", "sie müssten"),
        ("Podolski sagte bei der Gelegenheit, er freue sich über den Wechsel.", "er freue sich"),
    ],
)
def test_clause_after_sagte_comma_is_reported_in_any_mood(text: str, fragment: str) -> None:
    q = _find(_quotes(text), fragment)
    assert q.kind == "indirect" and q.text.startswith(fragment)


def test_sentence_with_quoted_phrase_is_reported_as_a_whole() -> None:
    text = (
        "Die USA knüpften Bedingungen an Verhandlungen. "
        "Der Iran müsse „vollständig und nachweislich die Anreicherung“ beenden."
    )
    qs = _quotes(text)
    assert any(q.kind == "direct" and q.text == "vollständig und nachweislich die Anreicherung" for q in qs)
    assert any(q.kind == "indirect" and q.text.startswith("Der Iran müsse") for q in qs)


PARTIAL_DIRECT = [
    # A short quoted phrase in a sentence that names or judges something is a partial quotation.
    ("Die Ministerin wertete den Vorstoß als „gefährlichen Alleingang“.", "gefährlichen Alleingang", "Ministerin"),
    ("Bürgermeister Klaus Weber verteidigte den Einsatz als „notwendige Härte“.", "notwendige Härte", "Weber"),
    ("Der Sprecher charakterisierte den Vorfall als ein „Versehen ohne Folgen“.", "Versehen ohne Folgen", "Sprecher"),
    ("Händler sprachen in diesem Zusammenhang von „Panik“.", "Panik", "Händler"),
    ("Die Demonstranten skandierten Parolen wie „Keine Macht den Banken“.", "Keine Macht den Banken", "Demonstranten"),
    ("Kanzlerin Petra Lange wies die Vorwürfe als „haltlos“ zurück.", "haltlos", "Lange"),
    ("Bundeskanzler Karl Huber würdigte den Dirigenten als „großen Europäer“.", "großen Europäer", "Huber"),
    ("Der Präsident konstatierte eine wachsende „Kluft zwischen Arm und Reich“.", "Kluft", "Präsident"),
    ("Gewerkschaftschef Otto Kluge warnte erneut vor den „Lohnverzichtstheorien“.", "Lohnverzichtstheorien", "Kluge"),
    # A phrase opening with a preposition is no title, even with capitalised nouns in it.
    ("Präsident Jonas Berg warnte, die Zukunft des Landes stehe „auf Messers Schneide“.", "Messers", "Berg"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), PARTIAL_DIRECT)
def test_partial_quotation_in_naming_sentence(text: str, fragment: str, speaker: str) -> None:
    q = _find([q for q in _quotes(text) if q.kind == "direct"], fragment)
    # The mention found; a plural common noun ("Händler") is kept as the mention, not as a name.
    assert speaker in (q.speaker_name or q.speaker_text or "")


NOT_PARTIAL = [
    # Names of works, media and things stay names even near a speech or naming verb.
    "Wie „Tagesspiegel Online“ berichtet, wurde die Sitzung vertagt.",
    "Die Zeitung „Neue Presse“ lobte den Entwurf.",
    "Die Raumfähre „Endeavour“ startete am Morgen.",
    "Der Mann ist in der Stadt nur als „Nachtfalke“ bekannt.",
    "Der Film „Die Spur der Steine“ wurde gelobt.",
    # An article + quoted noun after other prepositions stays a name.
    "Die Ministerin sagte, sie habe mit der „Stiftung Warentest“ gesprochen.",
    # A name given by "lautet"/"heißt" after a naming noun.
    "Der wissenschaftliche Name lautet „Tiktaalik roseae“ und bezeichnet einen Fisch.",
    "Das Motto hieß „Freiheit statt Angst“, und die Polizei zählte die Teilnehmer.",
    # "von „…“" is a name unless someone speaks of it.
    "Zwei Männer werden beschuldigt, Mitglieder von „Nordfront“ zu sein.",
]


@pytest.mark.parametrize("text", NOT_PARTIAL)
def test_names_near_naming_verbs_are_not_quotes(text: str) -> None:
    assert [q.text for q in _quotes(text) if q.kind == "direct"] == []


SPEAKER_ORDER = [
    # A dative prefield ("Der … Zeitung") leaves the subject after the verb.
    ("Der englischsprachigen Zeitung sagte Jakob Moser: „Wir werden weiter für die Freiheit kämpfen.“", "Moser"),
    # A prefield with a named apposition beats the object after the verb.
    (
        "Der Vorsitzende des Verbands in Bayern, Michael Knipper, kritisierte die Entscheidung der Behörde scharf: "
        "„Die Behörde muss sich fragen lassen, warum sie den Weg frei gemacht hat.“",
        "Knipper",
    ),
    # A surname with particles as the whole prefield.
    ("Von der Leyen betonte, es gebe „viele Frauen, die Erfahrung haben im Umgang mit Kindern“.", "Leyen"),
    ("De Maizière sagte: „Wir werden weiter für die Freiheit kämpfen.“", "Maizière"),
    # Negative: "von der" after "wie" is a passive agent, not a surname.
    (
        "Die Richterin Eva Brandt erklärte, wie von der Verteidigung ausgeführt, zum Urteil: "
        "„Wir werden weiter für die Freiheit kämpfen.“",
        "Brandt",
    ),
    # A verb coordinated with one after an adverbial prefield shares its subject.
    (
        "Bereits am Sonntagabend zogen Demonstranten vor das Rathaus und skandierten Sprüche wie „Gefälschte Wahl“.",
        "Demonstranten",
    ),
    # ", so X" followed by a prepositional phrase.
    (
        "Es gibt Karten. „Wir wollen auch den Fans die Möglichkeit bieten, sich die Spiele anzuschauen“, "
        "so Vereinschef Corny Littmann zu den Beweggründen des Vereins.",
        "Littmann",
    ),
    # Negative of the dative rule: a nominative prefield stays the speaker.
    ("Der neue Minister sagte Journalisten: „Wir werden weiter für die Freiheit kämpfen.“", "Minister"),
]


@pytest.mark.parametrize(("text", "speaker"), SPEAKER_ORDER)
def test_speaker_of_verb_second_clause(text: str, speaker: str) -> None:
    q = next(q for q in _quotes(text) if q.kind == "direct")
    assert speaker in (q.speaker_name or q.speaker_text or "")


CONTEXT_FALLBACK = [
    # A bare capitalised word before an unattributed quotation is no speaker when someone
    # was quoted a few sentences back.
    (
        "„Wir bleiben hart“, sagte Ministerin Anna Roth. Viele Firmen warten. Im Irak wächst der Druck. "
        "„Die Gespräche gehen weiter und wir sind zuversichtlich für alle Beteiligten.“",
        "Roth",
    ),
    # A role title nearby still wins over the earlier speaker.
    (
        "„Wir bleiben hart“, sagte Ministerin Anna Roth. Viele Firmen warten. Später trat Botschafter Paul Kern auf. "
        "„Die Gespräche gehen weiter und wir sind zuversichtlich für alle Beteiligten.“",
        "Kern",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CONTEXT_FALLBACK)
def test_unattributed_quotation_speaker_from_context(text: str, speaker: str) -> None:
    q = _find([q for q in _quotes(text) if q.kind == "direct"], "Gespräche gehen weiter")
    assert speaker in (q.speaker_name or "")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # Konjunktiv I of an -ieren verb makes the sentence reported speech, so its quoted phrase is kept.
        ("Die Anwältin legte Berufung ein. Aus dem Urteil resultiere ein „klarer Verstoß gegen das Gesetz“.", "klarer"),
        # "schiere" is an adjective, not a Konjunktiv: the scare quote stays out.
        ("Die Anwältin legte Berufung ein. Die schiere Menge an „Kleinkram“ wächst.", None),
    ],
)
def test_ieren_konjunktiv_marks_reported_speech(text: str, fragment: str | None) -> None:
    direct = [q.text for q in _quotes(text) if q.kind == "direct"]
    if fragment is None:
        assert direct == []
    else:
        assert any(fragment in d for d in direct), direct


def test_pronoun_prefers_person_named_after_last_quoted_speaker() -> None:
    text = (
        "„Das geht zu weit“, sagte die Abgeordnete Petra Sommer. Unterdessen verteidigte der Vorsitzende des "
        "Ausschusses, Sebastian Kranz, den Entwurf. Er halte die Regeln für vertretbar und bezeichnete die "
        "Erweiterung als „maßvoll“."
    )
    q = _find([q for q in _quotes(text) if q.kind == "direct"], "maßvoll")
    assert "Kranz" in (q.speaker_name or "")


def test_pronoun_keeps_last_quoted_speaker_without_newer_person() -> None:
    text = (
        "„Das geht zu weit“, sagte die Abgeordnete Petra Sommer. Die Debatte dauerte an. Sie nannte den Plan „unfair“."
    )
    q = _find([q for q in _quotes(text) if q.kind == "direct"], "unfair")
    assert "Sommer" in (q.speaker_name or "")


CITED = [
    # Impersonal "zitierte man X": the object is the one quoted.
    ("„Wir sind unwillkommene Zeugen“, zitierte man Yolanda Alvarez vom Sender RTVE.", "Zeugen", "Alvarez"),
    # A named subject that cites only reports: the one it quotes spoke.
    ("„Das wird das größte Update aller Zeiten“, zitiert die Zeitung Welt den Chef.", "größte Update", "Chef"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), CITED)
def test_speaker_of_zitieren(text: str, fragment: str, speaker: str) -> None:
    q = _find([q for q in _quotes(text) if q.kind == "direct"], fragment)
    assert speaker in (q.speaker_name or ""), (q.speaker_text, q.speaker_name)


SENTENCE_PERSON = [
    # A person named in the quotation's own sentence beats a speaker quoted sentences earlier.
    (
        "„Wir sind auf gutem Weg“, sagte der Chef der Agentur, Frank Weise, in Nürnberg.\n\nDamit wird nun seit "
        "einem Monat die Marke unterschritten, die Gerhard Schröder in seiner ersten Legislaturperiode (1998 bis "
        "2002) zum eigenen Erfolgskriterium erklärt hatte: „Ich rechne damit, dass es uns gelingt, die "
        "Arbeitslosigkeit zu drücken.“",
        "Ich rechne damit",
        "Schröder",
    ),
    # Without a person in its own sentence the earlier speaker is kept (named by the apposition after the
    # role phrase).
    (
        "„Wir sind auf gutem Weg“, sagte der Chef der Agentur, Frank Weise, in Nürnberg.\n\nDamit wird nun seit "
        "einem Monat die Marke unterschritten, die in der ersten Legislaturperiode (1998 bis 2002) als eigenes "
        "Erfolgskriterium galt: „Ich rechne damit, dass es uns gelingt, die Arbeitslosigkeit zu drücken.“",
        "Ich rechne damit",
        "Frank Weise",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), SENTENCE_PERSON)
def test_unattributed_quotation_prefers_person_in_own_sentence(text: str, fragment: str, speaker: str) -> None:
    q = _find([q for q in _quotes(text) if q.kind == "direct"], fragment)
    assert speaker in (q.speaker_name or ""), (q.speaker_text, q.speaker_name)


POSSESSED = [
    # "Seine Zuversicht: „…“": a thing of the last speaker, so the quotation is that speaker's.
    (
        "In einem Interview äußerte sich Außenminister Paul Kern zuversichtlich: „Ich gehe davon aus, dass eine "
        "Einigung gelingt.“ Seine Zuversicht gründet sich auf Erfahrungen mit der Türkei: „Entscheidungen, die "
        "die Türkei betreffen, sind immer erst spät gefallen.“",
        "Entscheidungen, die",
        "Kern",
    ),
    # A possessed role is a person of its own and keeps the quotation.
    (
        "In einem Interview äußerte sich Außenminister Paul Kern zuversichtlich: „Ich gehe davon aus, dass eine "
        "Einigung gelingt.“ Seine Sprecherin Anna Roth sagte später: „Entscheidungen, die die Türkei betreffen, "
        "sind immer erst spät gefallen.“",
        "Entscheidungen, die",
        "Roth",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), POSSESSED)
def test_possessed_thing_before_colon_is_no_speaker(text: str, fragment: str, speaker: str) -> None:
    q = _find([q for q in _quotes(text) if q.kind == "direct"], fragment)
    assert speaker in (q.speaker_name or ""), (q.speaker_text, q.speaker_name)


def test_fuer_person_copula_attributes_the_quotation() -> None:
    text = (
        "Täglich kommen 2.000 Fälle hinzu.\n\nFür den brasilianischen Gesundheitsminister Jose Gomes Temporao ist "
        "die Situation in Rio de Janeiro „alarmierend“. Die Kliniken reichen nicht."
    )
    q = _find([q for q in _quotes(text) if q.kind == "direct"], "alarmierend")
    assert "Temporao" in (q.speaker_name or ""), (q.speaker_text, q.speaker_name)


@pytest.mark.parametrize(
    "text",
    [
        "Für die Kinder ist die Lage „alarmierend“.",  # no person: no attribution
        "Für 2026 ist ein „Umbau der Verwaltung“ geplant.",  # a date
    ],
)
def test_fuer_without_person_attributes_nothing(text: str) -> None:
    assert not [q for q in _quotes(text) if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a speech or naming verb, "zu „…“" is what was recommended or called for.
        ("Der Bremer Forscher Dr. Heino Stoever riet allgemein zu „Gelassenheit und Aufmerksamkeit“.", "Stoever"),
        # Without one, "zu „…“" goes to a name (a festival, an event).
        ("Die Band fährt im Juni zu „Rock am Ring“ nach Nürburg.", None),
    ],
)
def test_zu_before_quoted_phrase(text: str, expected: str | None) -> None:
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    if expected is None:
        assert not direct
    else:
        assert direct and expected in (direct[0].speaker_name or "")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "… und rief:": the subject of the first conjunct, here after a fronted subordinate clause.
        (
            "Die Flugbegleiter wollten den Mann beruhigen. Als ein Fluggast zu Hilfe eilte, biss der Randalierer "
            "den Fluggast und rief: „Lasst mich raus!“ Daraufhin senkte der Pilot den Druck.",
            "Randalierer",
        ),
        # An apposition comma is not taken for the end of a fronted clause.
        ("Der Minister, Hans Meier, besuchte die Stadt und sagte: „Das ist ein guter Tag für alle.“", "Meier"),
    ],
)
def test_speaker_of_coordinated_speech_verb(text: str, speaker: str) -> None:
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    # (the mention: "der Randalierer" is the speaker, though a common noun is no name to show)
    assert direct and speaker in (direct[0].speaker_text or ""), [(q.speaker_text, q.speaker_name) for q in direct]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A bracketed quotation right after a person is that person's.
        (
            "Viele gratulierten, so der italienische Ministerpräsident Berlusconi, der Leiter der Behörde, Mohammed "
            "ElBaradei („Mir fällt niemand ein, der diese Ehre mehr verdient hätte.“), und andere.",
            "ElBaradei",
        ),
        # After a thing ("das Gesetz") the bracket is a citation; the speech verb's subject stays.
        (
            "Ministerin Anna Roth sagte, das Gesetz („Wer Daten speichert, muss sie nach einem Jahr löschen.“) "
            "sei gut.",
            "Roth",
        ),
    ],
)
def test_bracketed_quotation_after_person(text: str, speaker: str) -> None:
    q = _find([q for q in _quotes(text) if q.kind == "direct"], "Ehre" if "Ehre" in text else "Daten speichert")
    assert speaker in (q.speaker_name or ""), (q.speaker_text, q.speaker_name)


_PRECHECK_TEXTS = [
    "Nach Angaben der Polizei wurden drei Menschen verletzt. Nach dem Spiel ging er nach Hause.",
    "Das Ministerium teilte am Montag mit, die Lage sei ernst. Die Firma teilte den Gewinn auf.",
    "„Wir bleiben“, so der Minister. So weit ist es noch nicht. Es ging so nicht weiter.",
    "Für den Minister ist die Lage „alarmierend“. Er stimmte für den Antrag.",
    "Laut Polizei war der Fahrer betrunken. Dem Bericht zufolge fehlt Geld. Demnach sei alles offen.",
    "Er gab bekannt, dass er zurücktritt. Sie gab ihm das Buch. Nach eigenen Angaben zahlte er.",
    "Nach Polizeiangaben blieb es ruhig, so die Sprecherin. Es gibt nach wie vor Streit, wonach keiner fragt.",
]


_SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize(
    "text",
    _PRECHECK_TEXTS + _SEED_TEXTS,
    ids=[f"example{i}" for i in range(len(_PRECHECK_TEXTS))] + [f"seed{i}" for i in range(len(_SEED_TEXTS))],
)
def test_cue_precheck_only_skips_sentences_without_cues(text: str) -> None:
    """The cheap test before tokenising a sentence must never drop a cue the rules would find."""
    from briefing.extract.quotes import cues, mask_quotes

    pairs, _ = find_pairs(text)
    masked = mask_quotes(text, pairs)
    sents = split_sentences(text)
    pair_ends = [p.end for p in pairs]
    with_check = cues.find_cues(masked, sents, pair_ends, text)
    without = cues.find_cues(masked, sents, pair_ends, text, precheck=False)
    assert with_check == without
    if text in _PRECHECK_TEXTS:
        assert with_check  # the examples do contain cues


def test_demonstrative_does_not_reach_into_another_paragraph() -> None:
    text = "Die Kamera ist ausgefallen.\n\nDas bestätigte die Nasa am Freitag."
    assert not [q for q in _quotes(text) if "Kamera" in q.text]


def test_speaker_apposition_is_not_reported_speech() -> None:
    text = "Der frühere Bürgermeister, Henning Scherf (SPD), warnte die CDU vor einem „populistischen Wahlkampf“."
    assert [(q.kind, q.text) for q in _quotes(text)] == [("direct", "populistischen Wahlkampf")]
    text = "Der Vizepräsident des OK, Wolfgang Niersbach, sagte, die WM sei ein großer Erfolg gewesen."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["die WM sei ein großer Erfolg gewesen"]
    assert "Niersbach" in (quotes[0].speaker_name or "")


def test_mention_index_finds_the_first_actor_like_a_scan() -> None:
    """The speaker-to-actor lookup gives what scanning every mention of every actor gives."""
    import random

    from briefing.extract.quotes.records import _MentionIndex

    rng = random.Random(7)
    actors = []
    for k in range(12):
        mentions = []
        for _ in range(rng.randint(1, 6)):
            s = rng.randrange(0, 500)
            mentions.append(Mention(s, s + rng.randint(1, 30), "x"))
        actors.append(Actor(id=f"a{k}", name=f"A{k}", kind="person", mentions=tuple(mentions)))
    index = _MentionIndex(actors)
    for _ in range(2000):
        b = rng.randrange(0, 540)
        e = b + rng.randint(1, 40)
        scan = next((a for a in actors for m in a.mentions if m.start < e and b < m.end), None)
        assert index.actor_at(b, e) is scan


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Die Regierung geht davon aus, dass die Gespräche scheitern.", 0),
        ("Sie hält es für möglich , zu verhandeln, und wartet.", 0),
        ("Verhandlungsbereitschaftsbekundungen,die keiner glaubt", 0),
        ("Wortteil, der hier mitten im Wort beginnt", 3),
        ("Er sagte,\tdass es, wie erwartet, , „____“, ____, so sei, ", 0),
        ("Erst 2024,dann nie, (sagt er), und", 5),
    ],
)
def test_words_before_commas_are_what_a_regex_search_finds(text: str, start: int) -> None:
    from briefing.extract.quotes import indirect

    plain = re.compile(r"(\w+)[ \t]*,[ \t]*(?=\w)")
    for end in (len(text), len(text) - 3):
        assert list(indirect._words_before_commas(text, start, end)) == [
            (*m.span(1), m.end()) for m in plain.finditer(text, start, end)
        ]


@pytest.mark.parametrize("start", [0, 4, 12])
def test_capitalised_words_start_at_word_boundaries(start: int) -> None:
    from briefing.extract.quotes import confidence

    text = "Bundeskanzler Friedrich Merz und EU-Chefin von der Leyen, iPhone-Nutzer, ÖPNV; xY Ab"
    plain = re.compile(r"\b[A-ZÄÖÜ][\w-]+")
    assert [m.span() for m in confidence._CAPITALISED.finditer(text, start)] == [
        m.span() for m in plain.finditer(text, start)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Der Kanzler warb für das Paket. Eine Zahl nannte er nicht.",
        "Die Ministerin reiste ab. Zu den Vorwürfen äußerte sie sich nicht.",
        "Der Konzern sprach von Einzelfällen. Die Forderungen der Gewerkschaft kommentierte er nie.",
    ],
)
def test_a_negated_speech_act_reports_no_speech(text: str) -> None:
    second = text.split(". ", 1)[1]
    assert not any(q.text.strip(" .") in second and second.startswith(q.text.strip(" .")[:12]) for q in _quotes(text))
