"""What helper e18 found reading two new days as an editor in round 18 (ceasefire talks in Cairo with statements
from Jerusalem, Doha, Washington, Brussels and Berlin; an EU-US tariff dispute with a commentary and industry
voices), fixed as patterns of German news; every sentence here is written for these tests (the people invented).

* In a story between countries (another country or a bloc states a position), a minister speaks for the country,
  not for the party, even when opposition parties state positions too; in a debate among one country's parties
  alone the minister stays one party's side.
* "Berlin will verhandeln, Paris will zurückschlagen, Rom will abwarten": each capital opens a main clause with
  its own verb, so each country's position is its own clause, not the whole sentence shown under the first and
  "dieselbe Aussage" under the others; a verb the subjects share ("Paris und Rom wollen ...") or a gapped clause
  ("..., Deutschland auf Gespräche") stays one statement.
* "Das Interview führte Anna Berger." under an interview is the interviewer's credit (page furniture, like a
  byline), not a sentence of the article: its name is no actor.
* The story's headline is the title of the report the summary leads with (it tells the event), before the titles
  of the reports that take an angle on it (reactions, "Rentenpaket: Arbeitgeber warnen"); an explainer's title
  ("Wahlrecht: Was das Urteil bedeutet") ranks after a title that says what happened.
* An interview answer that opens with a short reply ("Eine zentrale.", "Ja.") means what the question asked: it
  is quoted from the sentence after the reply.
* What comes next: "will am Donnerstag nach Kairo und anschließend nach Jerusalem reisen" is one clause whose
  infinitive closes it after the "und" (no new subject after it), and "steht am Samstag auf dem Programm / auf der
  Tagesordnung" is a scheduled event like "findet ... statt".
"""

from __future__ import annotations

from datetime import date

import pytest


def _briefing(*bodies: str, title: str = "Streit um die Hilfe"):
    from briefing.assemble import assemble
    from briefing.extract import load_pipeline
    from briefing.models import Article

    nlp = load_pipeline("blank")
    facts = [nlp.extract(Article(path=f"a{i}.txt", text=body, title=title, date="2026-12-08",
                                 date_precision="day", publisher="Zeitung"))
             for i, body in enumerate(bodies)]
    return assemble(date(2026, 12, 8), facts, background=[], excluded=[], title="Test", max_stories=3)


def _headings(b) -> dict[str, set[str]]:
    names = {a.id: a.name for s in b.stories for a in s.actors}
    out: dict[str, set[str]] = {}
    for s in b.stories:
        for p in s.positions:
            out.setdefault(names.get(p.actor, p.actor), set()).add(p.country)
    return out


_PARTIES = ("Die Grünen forderten einen sofortigen Stopp aller Lieferungen, solange die Kämpfe andauerten. "
            "Die Linke kritisierte, die Regierung habe viel zu lange gezögert und nichts erreicht. ")
_MINISTER = ("Bundesaußenminister Tobias Mertens (CDU) hat beide Seiten aufgefordert, die Waffenruhe einzuhalten. "
             "Entwicklungsministerin Carla Wendt (SPD) kündigte weitere 30 Millionen Euro für die Nothilfe an. ")


def test_a_minister_speaks_for_the_country_beside_another_bloc():
    body = _MINISTER + ("Die EU-Außenbeauftragte Marja Lindqvist bot an, eine Beobachtermission an die Grenze zu "
                        "schicken. ") + _PARTIES
    h = _headings(_briefing(body))
    assert h.get("Tobias Mertens") == {"Deutschland"}, h
    assert h.get("Carla Wendt") == {"Deutschland"}, h


def test_a_minister_is_one_party_s_side_in_a_debate_among_the_parties():
    h = _headings(_briefing(_MINISTER + _PARTIES))
    assert h.get("Tobias Mertens") == {"CDU"}, h
    assert h.get("Carla Wendt") == {"SPD"}, h


def _positions(text: str) -> list[tuple[str, str, str]]:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    f = load_pipeline("blank").extract(Article(path="a.txt", text=text, title="Streit", date="2026-12-08",
                                               date_precision="day", publisher="Zeitung"))
    names = {a.id: a.name for a in f.actors}
    return [(names[p.actor], p.text, p.stance) for p in f.positions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin will verhandeln, Paris will zurückschlagen, Rom will mit Washington allein reden.",
         [("Deutschland", "Berlin will verhandeln", "wants"), ("Frankreich", "Paris will zurückschlagen", "wants"),
          ("Italien", "Rom will mit Washington allein reden.", "wants")]),
        ("Madrid fordert neue Gespräche, und Lissabon lehnt jede Frist ab.",
         [("Spanien", "Madrid fordert neue Gespräche", "demands"), ("Portugal", "Lissabon lehnt jede Frist ab.",
                                                                     "rejects")]),
    ],
)
def test_each_capital_with_its_own_verb_states_its_own_clause(text, expected):
    assert _positions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Frankreich setzt auf neue Zölle, Deutschland auf eine Stärkung der Gespräche.",  # gapped: one verb
        "Spanien und Portugal fordern neue Gespräche mit der Kommission.",  # one verb for both
    ],
)
def test_subjects_sharing_one_verb_share_the_sentence(text):
    texts = {t for _, t, _ in _positions(text)}
    assert texts == {text}, texts


def test_each_capital_s_clause_is_shown_under_its_own_heading():
    body = ("Der Streit über die Zölle spaltet die Union. Berlin will verhandeln, Paris will zurückschlagen, "
            "Rom will mit Washington allein reden. ")
    b = _briefing(body, title="Zollstreit spaltet die Union")
    shown = {(p.country, p.text) for s in b.stories for p in s.positions}
    assert ("Deutschland", "Berlin will verhandeln.") in shown, shown
    assert ("Frankreich", "Paris will zurückschlagen.") in shown, shown
    assert ("Italien", "Rom will mit Washington allein reden.") in shown, shown


@pytest.mark.parametrize(
    ("sentence", "clause", "own"),
    [
        ("Berlin will verhandeln, Paris will zurückschlagen.", "Berlin will verhandeln", True),
        ("Berlin will verhandeln, Paris will zurückschlagen.", "Paris will zurückschlagen.", True),
        ("Berlin will verhandeln, und Paris will zurückschlagen.", "Paris will zurückschlagen.", True),
        # a piece inside a clause, or after a colon (narration before it), is a fragment
        ("Berlin will verhandeln, Paris will zurückschlagen.", "will verhandeln", False),
        ("Ganz anders Paris: Macron widersprach.", "Macron widersprach.", False),
        ("Berlin will verhandeln.", "Berlin will verhandeln.", False),
    ],
)
def test_a_short_main_clause_of_its_own_is_no_fragment(sentence, clause, own):
    from briefing.assemble.positions import own_clause
    from briefing.models import Statement

    text = "Vorher. " + sentence
    st = (Statement("Vorher.", 0, 7), Statement(sentence, 8, 8 + len(sentence)))
    assert own_clause(st, text.index(clause), clause) is own


_INTERVIEW = ("Eine Überschrift für den Test\n\nFrage: Wie geht es weiter?\n\nHolzer: Wir warten auf die Antwort aus "
              "Kairo. Vorher ist nichts entschieden.\n\n{last}\n")


@pytest.mark.parametrize(
    "last",
    ["Das Interview führte Jana Kessler.", "Das Gespräch führten Ole Brandt und Mia Lorenz.",
     "Die Fragen stellte Jana Kessler"],
)
def test_the_interviewer_s_credit_under_an_interview_is_furniture(last):
    from briefing.ingest.clean import clean

    text = clean(_INTERVIEW.format(last=last)).text
    assert "Kessler" not in text and "Brandt" not in text, text
    assert "Antwort aus Kairo" in text


@pytest.mark.parametrize(
    "last",
    [
        "Das Interview führte zu einem Streit in der Koalition.",  # a sentence of the article
        "Das Gespräch führte Kanzler Holzer am Montag in Kairo mit dem Präsidenten.",
    ],
)
def test_a_sentence_about_an_interview_stays(last):
    from briefing.ingest.clean import clean

    assert last in clean(_INTERVIEW.format(last=last)).text


@pytest.mark.parametrize(
    ("title", "explainer"),
    [
        ("Wahlrecht: Was das Urteil bedeutet", True),
        ("Warnstreik bei der Bahn: Was Pendler jetzt wissen müssen", True),
        ("Wie es nach dem Gipfel weitergeht", True),
        ("Karlsruhe kippt Wahlrechtsreform teilweise", False),
        ("Wie geht es nach dem Gipfel weiter?", False),  # a question asks; it is not an explainer's statement
        ("Was bleibt: Ein Rückblick auf den Gipfel", False),  # the kicker's question, then a statement
    ],
)
def test_an_indirect_question_is_an_explainer_s_title(title, explainer):
    from briefing.assemble.summary import explains

    assert explains(title) is explainer


def test_a_title_that_says_what_happened_heads_before_an_explainer_s():
    from briefing.assemble.summary import headline

    titles = ["Kita-Gesetz: Was Eltern jetzt wissen müssen", "Landtag beschließt neues Kita-Gesetz"]
    assert headline(titles, []) == "Landtag beschließt neues Kita-Gesetz"
    assert headline(titles[:1], []) == titles[0]  # a story of one report keeps its own title


def test_the_headline_is_the_title_of_the_report_the_summary_leads_with():
    """tests/data/days/rentenpaket: the decision's report and a report of the reactions to it."""
    from pathlib import Path

    from briefing.assemble import assemble
    from briefing.extract import load_pipeline
    from briefing.ingest import read_folder

    folder = Path(__file__).parent / "data" / "days" / "rentenpaket"
    nlp = load_pipeline("blank")
    facts = [nlp.extract(a) for a in read_folder(folder).articles]
    b = assemble(date(2026, 12, 5), facts, background=[], excluded=[], title="Test", max_stories=3)
    story = next(s for s in b.stories if len(s.sources) > 1)
    lead = {src.id: src.title for src in b.sources}
    assert story.headline == lead[story.summary[0].sources[0]], (story.headline, story.summary[0])
    assert story.headline.startswith("Bundestag beschließt Rentenpaket"), story.headline


_QA = """Was die Kommission jetzt vorhat

08.12.2026

Die Ökonomin Hanna Vogt über den Zollstreit.

Frage: Frau Vogt, welche Rolle spielt Paris?

Vogt: {answer}

Frage: Und Berlin?

Vogt: Berlin zögert, weil die Autoindustrie auf dem Spiel steht. Das kostet Zeit.
"""


def _answers(tmp_path, answer: str) -> list[str]:
    from briefing.assemble.quotes import interview_quotes
    from briefing.extract import load_pipeline
    from briefing.ingest import read_folder

    (tmp_path / "a.txt").write_text(_QA.format(answer=answer), encoding="utf-8")
    art = read_folder(tmp_path).articles[0]
    return [q.text for q in interview_quotes(load_pipeline("blank").extract(art))]


@pytest.mark.parametrize(
    ("answer", "quoted"),
    [
        ("Eine zentrale. Paris will die Zölle schnell beantworten.", "Paris will die Zölle schnell beantworten."),
        ("Ja. Ohne Paris gibt es keine Mehrheit im Rat.", "Ohne Paris gibt es keine Mehrheit im Rat."),
        # a first sentence of four words or more is the answer itself
        ("Paris treibt die Kommission an. Das ist nicht neu.", "Paris treibt die Kommission an. Das ist nicht neu."),
    ],
)
def test_an_answer_is_quoted_from_after_its_short_reply(tmp_path, answer, quoted):
    shown = _answers(tmp_path, answer)
    assert quoted in shown, shown
    assert not any(t.startswith(("Eine zentrale", "Ja.")) for t in shown), shown


def test_an_answer_of_a_reply_alone_is_not_quoted(tmp_path):
    shown = _answers(tmp_path, "Eine zentrale.")
    assert shown == ["Berlin zögert, weil die Autoindustrie auf dem Spiel steht. Das kostet Zeit."], shown


def _outlook(text: str) -> list[str]:
    from tests.actors_helpers import pipeline

    return [s.text for s in pipeline("briefing_outlook")(text)._.briefing_outlook]


@pytest.mark.parametrize(
    "text",
    [
        "Am Freitag will die Ministerin nach Rom und anschließend nach Madrid reisen.",
        "Im Januar soll der Ausschuss in Brüssel oder in Straßburg beraten.",
        "Am Sonntag steht in Oberstdorf das Springen auf dem Programm.",
        "Im März steht das Gesetz im Landtag auf der Tagesordnung.",
    ],
)
def test_a_next_step_across_und_or_on_the_agenda_is_outlook(text):
    assert _outlook(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Am Montag will die Regierung mehr Geld und die Opposition lehnt das ab.",  # a new subject after "und"
        "Am Montag will der Minister mehr Geld und er kündigte Kürzungen an.",
        "Seit Montag steht die Reform auf der Tagesordnung.",  # under way
        "Am Montag stand die Reform auf der Tagesordnung.",  # past
        "Die Reform steht auf der Tagesordnung.",  # no time
    ],
)
def test_a_new_clause_after_und_or_an_agenda_without_a_time_ahead_is_no_outlook(text):
    assert _outlook(text) == []
