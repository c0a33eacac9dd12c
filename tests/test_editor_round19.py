"""What the lead found reading a made-up day as an editor in round 19 (an EU asylum compromise with reactions
from governments, NGOs and the opposition), fixed as patterns of German and of news pages; every sentence here
is written for these tests (the people invented).

* Reported words carried on from a speaker named in a sentence before ("X sagte, … Die Menschen in den Lagern
  hätten davon nichts.") are shown as that speaker's; they are not the day's fact in the summary as well.
* "Dessen"/"deren" opening reported speech point at someone named before, never at the speaker.
* A connective in front of the subject ("Auch Polens Premier lehnte … ab") is cut without a mark: what is left
  is a whole sentence.
* "die Bundesregierung" is the country its own paragraph names when the sentence and the one before do not tell.
* A text hard-wrapped at 120 characters is wrapped text: a line that begins with a number continues the sentence
  of the line before.
"""

from __future__ import annotations

import pytest

from briefing.assemble.context import stand_alone, trim_connective
from briefing.ingest.clean import clean
from tests.actors_helpers import actors_of
from tests.test_editor_e18 import _briefing

_REPORTED = (
    "Die Innenminister der Länder haben sich am Donnerstag in Erfurt auf neue Regeln für die Unterbringung "
    "geeinigt. Künftig sollen die Kommunen mehr Geld vom Bund erhalten.\n\n"
    "Der Vorsitzende des Flüchtlingsrats, Bernd Wolters, sagte der Zeitung, mit den Regeln werde die Not nur "
    "verwaltet. Wer wenig Platz habe, könne sich freikaufen. Die Familien in den Sammelunterkünften hätten davon "
    "gar nichts.\n\n"
    "Der Beschluss soll im Januar in Kraft treten."
)


def test_a_speaker_s_words_carried_on_are_not_the_summary_s_fact():
    b = _briefing(_REPORTED)
    summary = " ".join(s.text for st in b.stories for s in st.summary)
    voices = " ".join(q.text for st in b.stories for q in st.quotes)
    assert "Sammelunterkünften" in voices  # shown as Wolters' words ...
    assert "Sammelunterkünften" not in summary  # ... and not as the day's fact
    assert "Erfurt" in summary


@pytest.mark.parametrize("text", ["Dessen Zustimmung sei ein schwerer Fehler.", "Deren Vorschlag sei unbezahlbar."])
def test_a_demonstrative_possessive_points_at_someone_else(text):
    assert stand_alone(text) is None
    assert stand_alone(text, "Lena Brandt") is None


def test_a_plain_possessive_in_reported_speech_is_the_speaker_s():
    assert stand_alone("Sein Land sei zur Hilfe bereit.", "Jan Novak") == "Jan Novak: Sein Land sei zur Hilfe bereit."


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("Auch Tschechiens Premier Jan Novak lehnte den Plan ab.", "Tschechiens Premier Jan Novak lehnte den Plan ab."),
        ("Zudem: Die Zahl der Anträge sei gesunken.", "Die Zahl der Anträge sei gesunken."),
        ("Zudem werde bis Mai entschieden.", "… werde bis Mai entschieden."),  # the verb follows: the cut shows
    ],
)
def test_a_connective_before_the_subject_is_cut_without_a_mark(text, alone):
    assert trim_connective(text) == alone
    assert stand_alone(text) == alone


def test_the_federal_government_is_the_country_its_paragraph_names():
    text = (
        "Die Innenministerin Österreichs, Petra Huber (ÖVP), verteidigte die Pläne. Österreich brauche schnelle "
        "Verfahren, sagte Huber in Wien.\n\n"
        "Die Grünen im Bundestag kritisierten die Einigung scharf. Das sei ein schwarzer Tag, sagte ihre Sprecherin "
        "Anna Kern. Die Bundesregierung habe sich gegen die Menschen entschieden."
    )
    gov = [a for a in actors_of(text) if a.name == "Bundesregierung"]
    assert [a.affiliation for a in gov] == ["Deutschland"]


_WRAPPED = (
    "Asylstreit: Einigung in Luxemburg\n\n"
    "Die Innenministerinnen und Innenminister haben sich nach langem Streit am Donnerstag in Luxemburg auf eine\n"
    "Verteilung von Asylsuchenden geeinigt. Staaten, die keine Menschen aufnehmen wollen, sollen dafür pro Person\n"
    "20.000 Euro in einen gemeinsamen Fonds einzahlen. Das Geld soll an die Länder an den Außengrenzen gehen, die\n"
    "besonders viele Menschen aufnehmen. Der Kompromiss muss noch vom Parlament bestätigt werden, das im Januar\n"
    "darüber abstimmt. Hilfsorganisationen kritisierten die Pläne als Freikauf von der Verantwortung für die\n"
    "Menschen. Die Regierungen der Mitgliedstaaten sprachen dagegen von einem wichtigen Schritt nach vorn.\n"
)


def test_a_text_wrapped_at_120_characters_is_one_paragraph():
    text = clean(_WRAPPED).text
    assert "pro Person 20.000 Euro in einen gemeinsamen Fonds" in text
    assert "\n" not in text.strip()


def test_a_demonstrative_possessive_before_the_named_speaker_is_the_heading_s():
    text = "Dessen Ehrenvorsitzender Karl Naumann sagte, die Kunden hätten kein Verständnis mehr."
    assert stand_alone(text, "Karl Naumann", owner_shown=True) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("mit der neuen Regel werde die Hilfe zur Ware", "Mit der neuen Regel werde die Hilfe zur Ware"),
        ("für die Kommunen bleibe alles beim Alten", "Für die Kommunen bleibe alles beim Alten"),
        ("mit dem Plan sind alle zufrieden", "mit dem Plan sind alle zufrieden"),  # indicative: not surely reported
        ("und die Preise stiegen weiter", "und die Preise stiegen weiter"),  # a conjunction: mid-sentence
    ],
)
def test_reported_speech_opening_with_a_fronted_phrase_is_a_sentence(text, shown):
    from briefing.assemble.quotes import _statement

    assert _statement(text) == shown


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Die Opposition hat Merz vorgeworfen, die Wähler zu täuschen.", "Die Opposition"),
        ("Die Gewerkschaft hat Ministerin Kern aufgefordert, die Gespräche wieder aufzunehmen.", "Die Gewerkschaft"),
        ("Die Hamas hat Israel vorgeworfen, die Freilassung der Häftlinge zu verzögern.", "Die Hamas"),
        ("Die Pläne hat Merz scharf kritisiert, sie seien zu teuer.", "Merz"),  # a thing in front: the object
    ],
)
def test_a_body_before_auxiliary_and_bare_name_is_the_speaker(text, speaker):
    from tests.quote_helpers import quotes_of

    assert [q.speaker_text for q in quotes_of(text)] == [speaker]


_TICKER = (
    "Die Entwicklungen im Liveticker.\n\n"
    "16.20 Uhr: Bürgermeisterin Kern fordert mehr Geld vom Land\n\n"
    "Bürgermeisterin Anna Kern (SPD) hat das Land aufgefordert, die Kosten der Unterbringung zu übernehmen. "
    "Die Stadt könne das nicht allein stemmen, sagte sie.\n\n"
    "14.05 Uhr: Opposition wirft Regierung Versagen vor\n\n"
    "Die Opposition im Landtag hat der Regierung vorgeworfen, die Kommunen im Stich zu lassen."
)


def test_a_ticker_heading_is_no_report_and_no_position():
    from briefing.extract import load_pipeline
    from briefing.models import Article

    nlp = load_pipeline("blank")
    f = nlp.extract(Article(path="t.txt", text=_TICKER, title="Ticker", date="2026-12-16", date_precision="day",
                            publisher="Zeitung"))
    assert not [q for q in f.quotes if "Uhr:" in _TICKER[q.start:q.end] or "fordert mehr" in q.text]
    assert not [p for p in f.positions if "Uhr" in p.text or "wirft" in p.text or "fordert mehr" in p.text]
    # the paragraphs under the headings still report
    assert any("Kosten der Unterbringung" in q.text for q in f.quotes)
    assert any("im Stich zu lassen" in q.text for q in f.quotes)


def test_hamas_is_an_organisation():
    acts = {a.name: a.kind for a in actors_of("Die Hamas wies den Vorwurf zurück. Die Fatah schwieg.")}
    assert acts.get("Hamas") == "organization" and acts.get("Fatah") == "organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Syriens Präsident Baschar al-Assad sagte, er sei zu Gesprächen bereit.", "Baschar al-Assad"),
        ("Ein Sprecher, Madsched al-Ansari, sagte, beide Seiten hätten zugesagt.", "Madsched al-Ansari"),
    ],
)
def test_an_arabic_surname_with_its_article_is_the_whole_name(text, name):
    assert name in [a.name for a in actors_of(text) if a.kind == "person"]
