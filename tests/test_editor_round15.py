"""What the lead found reading days as an editor in round 15, fixed as patterns of German; every sentence here
is made up for the test.

- A part counted of a whole ("vier von zehn Wählern", "14 der 27 Staaten") is shown with its whole: "4 Wähler"
  alone is a false figure.
- Figures whose qualifiers make both true ("über 45 Prozent" and "68,3 Prozent") do not conflict; a value
  another source gives differently is shown with the ranked figure even when it does not rank itself.
- A partial quotation whose sentence opens with the speaker's own pronoun ("Sie sagte der Zeitung, die Union
  mache sich „zum Steigbügelhalter“") is shown in that sentence: the line names the speaker right after it.
"""

from __future__ import annotations

import pytest

from briefing.render.formatting import figure
from tests.actors_helpers import pipeline

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "value", "whole"),
    [
        ("Fast vier von zehn Wählern stimmten für die Partei.", 4, 10),
        ("Nur zwei von drei Befragten lehnen den Plan ab.", 2, 3),
        ("Am Ende stimmten 14 der 27 Mitgliedstaaten zu.", 14, 27),
        ("Die Armee schickt vier Brigaden an die Grenze.", 4, None),
        ("Von den 30 Ländern beteiligen sich 26 Länder an der Truppe.", 26, None),
    ],
)
def test_a_part_keeps_the_whole_it_is_counted_of(text, value, whole):
    figs = [f for f in pipeline("briefing_figures")(text)._.briefing_figures if f.value == value]
    assert [f.whole for f in figs] == [whole]


def test_a_part_is_shown_with_its_whole():
    assert figure(4, "Wählern", "fast", 10) == f"fast 4{NBSP}von{NBSP}10{NBSP}Wählern"
    assert figure(14, "Mitgliedstaaten", None, 27) == f"14{NBSP}von{NBSP}27{NBSP}Mitgliedstaaten"
    assert figure(4, "Brigaden") == f"4{NBSP}Brigaden"


def _figs(*reports):
    from briefing.assemble.figures import merge_figures
    from briefing.models import Figure

    refs = []
    for sid, value, unit, written, context, qualifier in reports:
        start = context.index(written)
        refs.append((sid, Figure(value, unit, written, context, start, start + len(written), qualifier)))
    return merge_figures(refs)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # "über 45" and 68,3 can both be true; 39,1 and 39,2 cannot
        ((45, "über 45 Prozent", "In einigen Wahlkreisen lag die Beteiligung über 45 Prozent.", "über"),
         (68.3, "68,3 Prozent", "Die Beteiligung lag landesweit bei 68,3 Prozent.", None), False),
        ((39.1, "39,1 Prozent", "Die Partei kam auf 39,1 Prozent der Stimmen.", None),
         (39.2, "39,2 Prozent", "Die Partei hatte 39,2 Prozent der Stimmen erreicht.", None), True),
        # "bis zu 30" allows 26; "mehr als 30" does not
        ((30, "bis zu 30 Prozent", "Die Preise für Strom steigen um bis zu 30 Prozent.", "bis zu"),
         (26, "26 Prozent", "Die Preise für Strom steigen um 26 Prozent.", None), False),
        ((30, "mehr als 30 Prozent", "Die Preise für Strom steigen um mehr als 30 Prozent.", "mehr als"),
         (26, "26 Prozent", "Die Preise für Strom steigen um 26 Prozent.", None), True),
        # "fast 40" is at most 40: 45 contradicts it, 38 does not
        ((40, "fast 40 Prozent", "Die Preise für Strom steigen um fast 40 Prozent.", "fast"),
         (45, "45 Prozent", "Die Preise für Strom steigen um 45 Prozent.", None), True),
        ((40, "fast 40 Prozent", "Die Preise für Strom steigen um fast 40 Prozent.", "fast"),
         (38, "38 Prozent", "Die Preise für Strom steigen um 38 Prozent.", None), False),
    ],
)
def test_figures_conflict_only_when_both_cannot_be_true(a, b, conflict):
    figs = _figs(("S1", a[0], "Prozent", a[1], a[2], a[3]), ("S2", b[0], "Prozent", b[1], b[2], b[3]))
    assert len(figs) == 2
    assert all(bool(f.note) == conflict for f in figs)


def test_a_conflicting_value_outside_the_handful_is_still_shown_as_a_variant():
    from briefing.assemble.figures import MAX_FIGURES

    # figures two sources confirm rank first and fill the handful but one place; of the two differing shares
    # only the first source's ranks, and the second source's value comes with it
    reports = []
    for k in range(MAX_FIGURES - 1):
        context = f"Das Amt meldete {k + 2} Brände in der Region."
        written = f"{k + 2} Brände"
        reports += [("S1", k + 2, "Brände", written, context, None), ("S3", k + 2, "Brände", written, context, None)]
    reports += [("S1", 39.2, "Prozent", "39,2 Prozent", "Die Partei hatte 39,2 Prozent der Stimmen erreicht.", None),
                ("S2", 39.1, "Prozent", "39,1 Prozent", "Die Partei kam auf 39,1 Prozent der Stimmen.", None)]
    figs = _figs(*reports)
    assert len(figs) == MAX_FIGURES
    shares = [f for f in figs if f.unit == "Prozent"]
    assert [(f.value, [v.value for v in f.variants]) for f in shares] == [(39.2, [39.1])]
    assert shares[0].note and "39,1" in shares[0].note


@pytest.mark.parametrize(
    ("text", "part", "mention", "framed"),
    [
        # the pronoun opening the sentence is the quotation's own speaker: the sentence is the frame
        ("Weidel kam spät. Sie sagte der Zeitung, die Union mache sich „zum Steigbügelhalter der Linken“.",
         "zum Steigbügelhalter der Linken", "Sie", True),
        ("Berg kam spät. Er sprach von einem „Sieg der Vernunft“.", "Sieg der Vernunft", "Er", True),
        # the pronoun is someone else than the speaker named in the sentence: no frame
        ("Berg kam spät. Sie habe laut Müller „die Verhandlung herausgezögert“.",
         "die Verhandlung herausgezögert", "Müller", False),
        # a plural "sie" is no one person
        ("Die Grünen kamen spät. Sie sind laut Berg „am Ende ihrer Kraft“.", "am Ende ihrer Kraft", "Berg", False),
    ],
)
def test_a_partial_quotation_after_its_speakers_pronoun_is_framed(text, part, mention, framed):
    from briefing.assemble.quotes import framing_sentence
    from briefing.models import Quote
    from tests.assemble_helpers import facts

    start = text.index(part)
    m = text.index(mention, text.index(". ") + 2)
    q = Quote("direct", part, start, start + len(part), speaker_text=mention, speaker_start=m,
              speaker_end=m + len(mention), speaker_name="Anna Berg")
    sentence = text[text.index(". ") + 2:]
    assert framing_sentence(facts("a.txt", text), q) == (sentence if framed else None)


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        # an office held before or not yet: the role says so and gives no country
        ("Der frühere Innenminister Holger Brandt hatte eine Öffnung gefordert.", "Holger Brandt",
         "früherer Innenminister", None),
        ("Die ehemalige Bundeskanzlerin Maria Lehner schwieg dazu.", "Maria Lehner", "ehemalige Bundeskanzlerin", None),
        ("Jean Dupont, früherer Minister, kritisierte das.", "Jean Dupont", "früherer Minister", None),
        ("Die designierte Präsidentin Ana Ruiz kündigte Reformen an.", "Ana Ruiz", "designierte Präsidentin", None),
        # the office held now keeps its country
        ("Bundeskanzler Olaf Berger lehnte den Plan im Bundestag ab.", "Olaf Berger", "Bundeskanzler", "Deutschland"),
        ("US-Präsident Tom Baker lehnte den Plan ab.", "Tom Baker", "US-Präsident", "USA"),
        ("Der frühere US-Präsident Tom Baker lehnte den Plan ab.", "Tom Baker", "früherer US-Präsident", None),
        ("Der neue Innenminister Holger Brandt kündigte Kontrollen an.", "Holger Brandt", "Innenminister", None),
    ],
)
def test_a_former_or_future_office_is_named_so_and_gives_no_country(text, name, role, affiliation):
    from tests.actors_helpers import actors_of

    actors = {a.name: a for a in actors_of(text)}
    assert (actors[name].role, actors[name].affiliation) == (role, affiliation)


def _interview(paragraphs):
    """An article of labelled paragraphs ("Frage: …", "Behle: …") with its interview turns as ingest finds them."""
    from briefing.models import Article, ArticleFacts, Turn
    from tests.assemble_helpers import person, sentences

    text, turns = "", []
    for kind, para in paragraphs:
        start = len(text)
        text += para + "\n\n"
        if kind:
            turns.append(Turn(kind, start, start + len(para), "Christine Behle" if kind == "answer" else None))
    art = Article(path="i.txt", text=text, publisher="Zeitung", title="Interview", date="2026-12-09",
                  date_precision="day", turns=tuple(turns))
    return ArticleFacts(article=art, sentences=sentences(text), actors=(person("A1", "Christine Behle", text),))


def test_an_interview_answer_is_its_interviewees_direct_words():
    from briefing.assemble.quotes import interview_quotes

    f = _interview([
        (None, "Interview mit Verdi-Vize Christine Behle"),
        ("question", "Frage: Frau Behle, ist der Streik vor Weihnachten nicht unfair?"),
        ("answer", "Behle: Die Beschäftigten haben lange gewartet. Die Verantwortung liegt beim Arbeitgeber."),
        ("question", "Frage: Wird es weitere Streiks geben?"),
        # an answer that points back at its question says nothing alone
        ("answer", "Behle: Das hängt vom Angebot ab. Wir schließen nichts aus."),
    ])
    got = [(q.kind, q.text, q.speaker, q.speaker_name) for q in interview_quotes(f)]
    assert got == [("direct", "Die Beschäftigten haben lange gewartet. Die Verantwortung liegt beim Arbeitgeber.",
                    "A1", "Christine Behle")]
    q = interview_quotes(f)[0]
    assert f.article.text[q.start:q.end] == q.text


def test_a_long_interview_answer_is_cut_after_a_sentence():
    from briefing.assemble.quotes import MAX_ANSWER_CHARS, interview_quotes

    sentence = "Die Beschäftigten haben seit vielen Monaten auf ein faires und annehmbares Angebot gewartet. "
    f = _interview([("question", "Frage: Warum jetzt?"), ("answer", "Behle: " + sentence * 8)])
    (q,) = interview_quotes(f)
    assert len(q.text) <= MAX_ANSWER_CHARS and q.text.endswith("gewartet.") and q.text.startswith("Die ")


def test_no_interview_no_answers():
    from briefing.assemble.quotes import interview_quotes

    f = _interview([(None, "Behle: Die Verantwortung liegt beim Arbeitgeber.")])
    assert interview_quotes(f) == []


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("SPD-Vize Anke Rehl warnte vor Neuwahlen.", "Anke Rehl", "SPD-Vize"),
        ("Der Fraktionsvize der Union, Jens Spahl, sagte, man sei bereit.", "Jens Spahl", "Fraktionsvize"),
    ],
)
def test_a_deputy_called_vize_has_that_role(text, name, role):
    from tests.actors_helpers import actors_of

    actors = {a.name: a for a in actors_of(text)}
    assert actors[name].role == role


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # a nationality in the description sets its holder apart: the German minister named before is not him
        ("Bundesaußenminister Johann Wadel reiste nach Warschau. Der polnische Außenminister sprach von einem "
         "„historischen Tag“.", "historischen Tag", None),
        ("Bundesaußenminister Johann Wadel reiste nach Warschau. Beide Länder stünden eng zusammen, sagte der "
         "polnische Ministerpräsident.", "Beide Länder", None),
        ("Bundesaußenminister Johann Wadel reiste nach Paris. Der französische Präsident sagte, Europa müsse "
         "handeln.", "Europa müsse", None),
        # a holder introduced as of that country is the one
        ("Der polnische Außenminister Radek Sikora reiste nach Berlin. Dort traf er Bundesaußenminister Johann "
         "Wadel. „Wir stehen zusammen“, sagte der polnische Außenminister.", "Wir stehen", "Radek Sikora"),
        ("Kanzler Friedrich Merk lobte die Zusammenarbeit. „Das ist ein guter Tag“, sagte der deutsche "
         "Regierungschef.", "guter Tag", "Friedrich Merk"),
    ],
)
def test_a_description_with_a_nationality_names_only_a_holder_of_that_country(text, fragment, name):
    from tests.quote_helpers import run

    rows = [r for r in run(text) if fragment in r[1]]
    assert rows and all(r[3] == name for r in rows), rows


@pytest.mark.parametrize(
    ("confidence", "kept"),
    [(0.36, False), (0.62, True)],
)
def test_a_konjunktiv_continuation_is_the_earlier_speakers_only_when_likely(confidence, kept):
    from briefing.assemble import _sure
    from briefing.models import Position, Quote
    from tests.assemble_helpers import facts

    text = ("Laut Pro Asyl drohen Kindern künftig monatelange Haft.\n\nDas Parlament muss noch zustimmen. "
            "Die Regeln könnten dann Mitte 2027 in Kraft treten.")
    later = "Die Regeln könnten dann Mitte 2027 in Kraft treten."
    s = text.index(later)
    q = Quote("indirect", later, s, s + len(later), speaker="A1", speaker_text="Pro Asyl", speaker_start=5,
              speaker_end=13, speaker_name="Pro Asyl", confidence=confidence)
    pos = Position("A1", later, s, s + len(later))
    f = facts("a.txt", text, quotes=(q,), positions=(pos,))
    threshold = {"direct": 0.86, "indirect": 0.92}
    assert (_sure(f, [pos], threshold) == [pos]) is kept
    assert (_sure(f, [q], threshold) == [q]) is kept
