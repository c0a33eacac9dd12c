"""Editorial rules of the assembly, each on German sentences written for the test.

Preview vs. outcome (lead), readable out of context (anaphora, connectives, fragments), positions as
stances (merged, named speakers, narration, coordinated speakers, conditional/open), said once (quote
fragments), figures that count different things, Ausblick, headline of a one-article story.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from actors_helpers import pipeline
from assemble_helpers import sentences

from briefing.assemble import timeframe
from briefing.assemble.context import points_back, stand_alone, trim_connective
from briefing.assemble.figures import merge_figures
from briefing.assemble.positions import PositionRef, merge_positions, quote_position_refs
from briefing.assemble.quotes import merge_quotes
from briefing.assemble.summary import candidates, headline, is_summary_material, merge_outlook, summarise
from briefing.assemble.text import content_terms, vector
from briefing.models import Figure, Quote, Statement, StoryActor

TUESDAY = date(2025, 9, 2)

# ---------------------------------------------------------------- preview vs. outcome


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # an announced time, the present tense for the day of publication: the event is ahead
        ("Die Außenminister der EU beraten am Dienstag (14.30 Uhr) in Brüssel über neue Sanktionen.", TUESDAY,
         "preview"),
        # the same day in a past form: the report of the outcome
        ("Die Außenminister der EU haben sich am Dienstag in Brüssel auf neue Sanktionen geeinigt.", TUESDAY,
         "outcome"),
        ("Nach dem Treffen zeigte sich die Ministerin zufrieden.", None, "outcome"),
        ("Die Kanzlerin forderte zuletzt ein Verbot der Partei.", None, "preview"),
        ("Ob der Plan aufgeht, bleibt abzuwarten.", None, "preview"),
        ("Im Vorfeld des Gipfels warnte die Opposition vor zu hohen Erwartungen.", None, "preview"),
        # a reported future is ahead of the time of writing
        ("Die Regierung werde das Gesetz im Herbst vorlegen, hieß es aus dem Ministerium.", None, "preview"),
        # the words of a quotation keep the speaker's time, not the report's
        ("„Wir werden weiter kämpfen“, sagte die Kandidatin nach der Wahl.", None, "outcome"),
        ("Der Bürgermeister eröffnete die neue Brücke über den Inn.", None, None),
        # another weekday than the day of publication names no time of writing
        ("Die Minister beraten am Freitag über den Haushalt.", TUESDAY, None),
    ],
)
def test_sentence_frame(sentence, published, expected):
    assert timeframe.frame(sentence, published) == expected


def test_article_frame_is_the_majority_of_its_sentences():
    assert timeframe.article_frame(["preview", None, "preview", "outcome"]) == "preview"
    assert timeframe.article_frame(["outcome", None]) == "outcome"
    assert timeframe.article_frame(["preview", "outcome"]) is None
    assert timeframe.article_frame([]) is None


def test_outcome_overtakes_previews_only_when_the_story_has_one():
    assert timeframe.overtaken(1, 0, False, "preview", story_has_outcome=True)
    assert not timeframe.overtaken(1, 0, False, "preview", story_has_outcome=False)
    # a statement that reports an outcome stays, even with a reported future in it
    assert not timeframe.overtaken(0, 1, True, "outcome", story_has_outcome=True)
    # a plain statement of an article written before the event is overtaken; of a later one it is not
    assert timeframe.overtaken(0, 0, False, "preview", story_has_outcome=True)
    assert not timeframe.overtaken(0, 0, False, "outcome", story_has_outcome=True)
    # a future without any outcome is outlook, not the lead
    assert timeframe.overtaken(0, 0, True, None, story_has_outcome=True)


PREVIEW_ARTICLE = (
    "Die Staats- und Regierungschefs der EU beraten am Dienstag (10:00 Uhr) in Brüssel über den Haushalt. "
    "Die Kommission forderte zuletzt mehr Geld für die Verteidigung der Union. "
    "Die Nettozahler lehnen höhere Beiträge zum Haushalt der Union ab."
)
OUTCOME_ARTICLE = (
    "Die Staats- und Regierungschefs der EU haben sich am Dienstag in Brüssel auf einen Haushalt geeinigt. "
    "Nach dem Gipfel sprach der Ratspräsident von einem schwierigen, aber fairen Kompromiss für die Union. "
    "Der Haushalt der Union wächst um vier Prozent, die Verteidigung erhält mehr Geld als bisher."
)


def test_lead_states_the_outcome_when_the_day_has_both():
    members = [(0, "S1", PREVIEW_ARTICLE, sentences(PREVIEW_ARTICLE), None),
               (1, "S2", OUTCOME_ARTICLE, sentences(OUTCOME_ARTICLE), None)]
    cands = candidates(members, {}, {0: TUESDAY, 1: TUESDAY})
    story = vector(Counter(content_terms(PREVIEW_ARTICLE + " " + OUTCOME_ARTICLE)), {})
    lead, _ = summarise(cands, story)
    texts = " ".join(s.text for s in lead)
    assert "geeinigt" in texts
    assert "10:00 Uhr" not in texts and "zuletzt" not in texts
    assert all(s.sources != ("S1",) for s in lead), "nothing the preview article alone says leads"


def test_lead_of_a_preview_day_is_the_preview():
    members = [(0, "S1", PREVIEW_ARTICLE, sentences(PREVIEW_ARTICLE), None)]
    cands = candidates(members, {}, {0: TUESDAY})
    lead, _ = summarise(cands, vector(Counter(content_terms(PREVIEW_ARTICLE)), {}))
    assert any("10:00 Uhr" in s.text for s in lead)


# ---------------------------------------------------------------- readable out of context


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        ("Man werde die Hilfe im Winter verdoppeln.", "Weber", "Weber: Man werde die Hilfe im Winter verdoppeln."),
        ("Er glaube an eine Einigung bis Ostern.", "Nowak", "Nowak: Er glaube an eine Einigung bis Ostern."),
        ("Er glaube an eine Einigung bis Ostern.", None, None),
        ("Zudem werde die Hilfe aufgestockt, sagte Weber.", "Weber", "… werde die Hilfe aufgestockt, sagte Weber."),
        ("Zudem werde die Hilfe aufgestockt.", "Weber", "Weber: … werde die Hilfe aufgestockt."),
        ("Demnach sollen die Lieferungen im Mai beginnen.", None, "… sollen die Lieferungen im Mai beginnen."),
        ("Das erklärte der Minister am Abend in Wien.", "Huber", None),
        ("Das kündigte Oberbürgermeister Max Huber am Freitag an.", "Huber", None),  # a verb, not an adjective
        ("Dies sei ein Fehler gewesen.", "Huber", None),
        ("Das neue Gesetz gilt ab dem 1. Januar.", None, "Das neue Gesetz gilt ab dem 1. Januar."),
        ("Diese Entscheidung fiel einstimmig.", None, "Diese Entscheidung fiel einstimmig."),
        ("„Wir helfen, wo wir können“, sagte sie.", None, "„Wir helfen, wo wir können“, sagte sie."),
        ("Dort warten noch 200 Menschen auf Hilfe.", "Huber", None),
        # a possessive: the speaker's own when the sentence does not name him after it
        ("Sein Land sei bereit, die Kosten zu tragen.", "Nowak", "Nowak: Sein Land sei bereit, die Kosten zu tragen."),
        ("Ihr Vorsitzender Jan Nowak kritisierte den Plan.", "Nowak", None),
        # ... unless a country adjective says whose counterpart the named speaker is
        ("Sein polnischer Amtskollege Jan Nowak forderte, die Kosten zu teilen.", "Nowak",
         "Sein polnischer Amtskollege Jan Nowak forderte, die Kosten zu teilen."),
        ("Ihre französische Kollegin Claire Morel widersprach.", "Morel",
         "Ihre französische Kollegin Claire Morel widersprach."),
        ("Sein neuer Kollege Jan Nowak widersprach.", "Nowak", None),
        ("Deren Sprecherin sagte, man prüfe das.", None, None),
        # a plural "sie" (its verb agrees) stands for things named before, not for the speaker
        ("Sie kosteten viel Geld und brächten wenig, sagte sie.", "Prammer", None),
        ("Sie sind zu teuer, sagte die Ministerin.", "Prammer", None),
        ("Sie sei gegen den Plan, sagte sie.", "Prammer", "Prammer: Sie sei gegen den Plan, sagte sie."),
    ],
)
def test_stand_alone(text, speaker, expected):
    assert stand_alone(text, speaker) == expected


def test_points_back_and_trim_connective():
    assert points_back("Außerdem will Berlin Panzer liefern.")
    assert points_back("Sie habe davon nichts gewusst.")
    assert not points_back("Die Ministerin will Panzer liefern.")
    assert not points_back("Das kanadische Parlament lehnte das Gesetz ab.")
    assert trim_connective("Zudem sei die Lage ernst.") == "… sei die Lage ernst."
    assert trim_connective("Man sei bereit.") == "Man sei bereit."


@pytest.mark.parametrize(
    ("sentence", "ok"),
    [
        ("Der Minister sagte: „Wir lassen niemanden allein, und wir halten Wort.", False),  # cut in a quote
        ("Der Minister sagte, man lasse niemanden allein und halte Wort.", True),
        ("Bei dem Unglück starben nach Angaben der Polizei drei Menschen.", True),
        ("Dabei gehe es unter anderem um eine Stärkung der Armee.", False),
    ],
)
def test_lead_items_are_complete_sentences(sentence, ok):
    assert is_summary_material(sentence) is ok


# ---------------------------------------------------------------- positions as stances


def actor(aid: str, name: str, kind: str, affiliation: str | None, role: str | None = None) -> StoryActor:
    return StoryActor(aid, name, kind, role, affiliation, (), 1, ("S1",))  # type: ignore[arg-type]


WEBER = actor("T1-A1", "Anna Weber", "person", "Deutschland", "Kanzlerin")
GERMANY = actor("T1-A2", "Deutschland", "country", "Deutschland")
NOWAK = actor("T1-A3", "Jan Nowak", "person", "Polen", "Außenminister")
POLAND = actor("T1-A4", "Polen", "country", "Polen")
ITALY = actor("T1-A5", "Italien", "country", "Italien")


def test_one_speakers_statements_on_one_issue_are_one_stance_with_all_sources():
    refs = [
        PositionRef("S1", WEBER.id, "Kanzlerin Weber will die Luftabwehr der Ukraine stärken.", 0, "wants",
                    "Luftverteidigung"),
        PositionRef("S2", WEBER.id, "Weber kündigte an, die Flugabwehr mit weiteren Systemen auszubauen.", 0,
                    "wants", "Luftverteidigung"),
        PositionRef("S3", WEBER.id, "Kanzlerin Weber will die Luftabwehr der Ukraine stärken.", 5, "wants",
                    "Luftverteidigung"),
    ]
    positions, _ = merge_positions(refs, [], [WEBER])
    assert len(positions) == 1
    assert positions[0].sources == ("S1", "S2", "S3")
    assert positions[0].text == "Kanzlerin Weber will die Luftabwehr der Ukraine stärken."


def test_one_quotation_in_two_wordings_is_one_stance_and_other_quotations_stay_apart():
    one = "„Das ist ein guter Tag für unsere Fahrgäste und für unsere Beschäftigten“, sagte Kanzlerin Weber."
    other = "„Heute ist ein guter Tag für die Fahrgäste und die Beschäftigten“, sagte Anna Weber."
    third = "„Wir werden die Luftabwehr der Ukraine weiter stärken“, sagte Weber am Abend."
    refs = [PositionRef("S1", WEBER.id, one, 0), PositionRef("S2", WEBER.id, other, 0),
            PositionRef("S2", WEBER.id, third, 90)]
    positions, _ = merge_positions([], refs, [WEBER])
    assert [(p.text, p.sources) for p in positions] == [(one, ("S1", "S2")), (third, ("S2",))]
    # another speaker's words are never merged into hers, however alike
    nowak = PositionRef("S2", NOWAK.id, other.replace("Anna Weber", "Jan Nowak"), 0)
    positions, _ = merge_positions([], [refs[0], nowak], [WEBER, NOWAK])
    assert len(positions) == 2


def test_the_countrys_sentence_is_its_named_speakers_and_speakers_come_first():
    text = "Deutschland kritisierte die Pläne scharf und teilte über die Kanzlerin, Anna Weber, mit, man lehne sie ab."
    refs = [
        PositionRef("S1", GERMANY.id, text, 0, "rejects", "Bodentruppen"),
        PositionRef("S1", WEBER.id, text, 0, "rejects", "Bodentruppen"),
        PositionRef("S2", GERMANY.id, "Deutschland will mehr Geld für die Flugabwehr ausgeben.", 0, "wants",
                    "Luftverteidigung"),
    ]
    positions, _ = merge_positions(refs, [], [WEBER, GERMANY])
    assert [(p.actor, p.country) for p in positions] == [(WEBER.id, "Deutschland"), (GERMANY.id, "Deutschland")]


def test_the_partys_sentence_is_its_named_speakers_once():
    lenz = actor("T1-A6", "Eva Lenz", "person", "SPD", "Fraktionschefin")
    spd = actor("T1-A7", "SPD", "organization", None)
    text = "Die SPD stehe zu dem Paket, sagte Fraktionschefin Eva Lenz."
    refs = [PositionRef("S1", spd.id, text, 0, "states", None), PositionRef("S1", lenz.id, text, 0, "states", None)]
    positions, _ = merge_positions(refs, [], [lenz, spd])
    assert [(p.actor, p.country) for p in positions] == [(lenz.id, "SPD")]


def test_a_pronoun_statement_is_named_by_its_speaker_and_a_demonstrative_one_left_out():
    refs = [
        PositionRef("S1", NOWAK.id, "Man werde keine Soldaten in das Land schicken.", 0, "rejects", "Bodentruppen"),
        PositionRef("S1", NOWAK.id, "Das sagte der Minister am Abend in Warschau.", 50, "states", None),
    ]
    positions, _ = merge_positions(refs, [], [NOWAK])
    assert [p.text for p in positions] == ["Nowak: Man werde keine Soldaten in das Land schicken."]


def test_matrix_shows_clear_stances_only_and_is_left_out_when_small():
    def ref(aid, stance, issue, n):
        words = ["Brot", "Salz", "Wein", "Käse", "Milch"][n - 1]
        return PositionRef(f"S{n}", aid, f"{words} {n} betrifft {issue} des Tages.", 0, stance, issue)

    actors = [GERMANY, POLAND, ITALY]
    refs = [ref(GERMANY.id, "wants", "Sanktionen", 1), ref(POLAND.id, "rejects", "Sanktionen", 2),
            ref(ITALY.id, "open", "Sanktionen", 3), ref(GERMANY.id, "supports", "Waffenhilfe", 4),
            ref(POLAND.id, "states", "Waffenhilfe", 5)]
    _, matrix = merge_positions(refs, [], actors)
    cells = [(c.country, c.issue, c.stance) for c in matrix]
    assert ("Polen", "Waffenhilfe", "states") not in cells  # "äußert sich" is no stance
    assert cells == [("Deutschland", "Sanktionen", "wants"), ("Deutschland", "Waffenhilfe", "supports"),
                     ("Polen", "Sanktionen", "rejects"), ("Italien", "Sanktionen", "open")]
    _, small = merge_positions(refs[:2], [], actors)
    assert small == []


def test_a_quote_named_elsewhere_is_no_position_a_short_one_named_in_its_sentence_is():
    text = ("Gleichzeitig betonte er, die Wahl sei ungültig. "
            "Am Mittwoch hatte Russland den Plan als „inakzeptabel“ zurückgewiesen.")
    s = text.index("inakzeptabel")
    scare = Quote("direct", "inakzeptabel", s, s + 12, speaker="A1", speaker_start=text.index("er,"))
    assert quote_position_refs(0, "S1", [scare], sentences(text), {(0, "A1"): "T1-A1"}) == []
    long_q = "Das ist ein Angriff auf unsere Souveränität"
    text2 = f"Der Sprecher sagte: „{long_q}“. Moskau reagierte empört."
    q = Quote("direct", long_q, text2.index(long_q), text2.index(long_q) + len(long_q), speaker="A1",
              speaker_start=text2.index("Sprecher"))
    assert [r.text for r in quote_position_refs(0, "S1", [q], sentences(text2), {(0, "A1"): "T1-A1"})] == [
        f"Der Sprecher sagte: „{long_q}“."]
    text3 = "Der Kremlsprecher nannte den Plan „inakzeptabel“. Moskau reagierte empört."
    s3 = text3.index("inakzeptabel")
    named = Quote("direct", "inakzeptabel", s3, s3 + 12, speaker="A1", speaker_start=text3.index("Kremlsprecher"))
    assert [r.text for r in quote_position_refs(0, "S1", [named], sentences(text3), {(0, "A1"): "T1-A1"})] == [
        "Der Kremlsprecher nannte den Plan „inakzeptabel“."]


def test_narration_before_a_colon_is_cut_from_a_quoted_position():
    """ "Ganz anders Berlin: Kanzler Merz sprach von einem Fehler." under Deutschland reads as a sentence torn
    from its article; the speaker's clause is the position. A colon inside the quotation stays."""
    text = "Ganz anders Berlin: Kanzler Merz sprach von einem Fehler. Dann ging es weiter."
    said = "sprach von einem Fehler"
    q = Quote("indirect", said, text.index(said), text.index(said) + len(said), speaker="A1",
              speaker_start=text.index("Kanzler"))
    assert [r.text for r in quote_position_refs(0, "S1", [q], sentences(text), {(0, "A1"): "T1-A1"})] == [
        "Kanzler Merz sprach von einem Fehler."]
    text2 = "Kanzler Merz sagte: „Zwei Dinge: Ruhe und Geduld.“ Dann ging es weiter."
    q2 = Quote("direct", "„Zwei Dinge: Ruhe und Geduld.“", text2.index("„"), text2.index("“") + 1, speaker="A1",
               speaker_start=text2.index("Kanzler"))
    assert [r.text for r in quote_position_refs(0, "S1", [q2], sentences(text2), {(0, "A1"): "T1-A1"})] == [
        "Kanzler Merz sagte: „Zwei Dinge: Ruhe und Geduld.“"]


def positions_of(text: str) -> list[tuple[str, str, str | None, str]]:
    doc = pipeline("briefing_actors", "briefing_positions")(text)
    names = {a.id: a.name for a in doc._.briefing_actors}
    return [(names[p.actor], p.stance, p.issue, p.text) for p in doc._.briefing_positions]


def test_narration_before_a_colon_is_not_the_position():
    text = "In Brüssel beginnt der Gipfel: Frankreichs Präsident Macron forderte zuletzt neue Sanktionen."
    assert positions_of(text) == [
        ("Macron", "demands", "Sanktionen", "Frankreichs Präsident Macron forderte zuletzt neue Sanktionen.")]


def test_coordinated_speakers_share_the_position():
    text = ("Die dänische Ministerpräsidentin Mette Frederiksen und der polnische Regierungschef Donald Tusk "
            "forderten am Montag neue Sanktionen gegen Russland.")
    got = {(name, stance) for name, stance, _, _ in positions_of(text)}
    assert got == {("Mette Frederiksen", "demands"), ("Donald Tusk", "demands")}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Washington werde die Mission wahrscheinlich aus der Luft unterstützen, sagte Trump.", "open"),
        ("Polen will Soldaten schicken, aber nur, wenn die USA sich beteiligen.", "conditional"),
        ("Italien unterstützt den Plan der Kommission.", "supports"),
        ("Spanien lehnt den Plan ab, wenn er nicht geändert wird.", "rejects"),  # only firm stances are qualified
    ],
)
def test_supports_only_where_the_text_says_so(text, stance):
    assert positions_of(text)[0][1] == stance


# ---------------------------------------------------------------- said once


def test_a_fragment_of_a_quote_shown_in_full_is_dropped():
    full = "Man werde das Land „zu Wasser, zu Lande und in der Luft“ schützen"
    part = "zu Wasser, zu Lande und in der Luft"
    weber = actor("T1-A1", "Anna Weber", "person", "Deutschland")
    refs = [(0, "S1", Quote("indirect", full, 0, len(full), speaker="A1")),
            (0, "S1", Quote("direct", part, 20, 20 + len(part), speaker="A1")),
            (1, "S2", Quote("direct", part, 0, len(part), speaker="A1"))]
    qs = merge_quotes(refs, {(0, "A1"): weber.id, (1, "A1"): weber.id}, [weber])
    assert [(q.text, q.sources) for q in qs] == [(full, ("S1", "S2"))]


def test_indirect_speech_loses_its_leading_connective():
    weber = actor("T1-A1", "Anna Weber", "person", "Deutschland")
    text = "Zudem werde die Regierung die Hilfe für die Ukraine verdoppeln"
    qs = merge_quotes([(0, "S1", Quote("indirect", text, 0, len(text), speaker="A1"))], {(0, "A1"): weber.id},
                      [weber])
    assert qs[0].text == "… werde die Regierung die Hilfe für die Ukraine verdoppeln"


# ---------------------------------------------------------------- figures


def fig(value, unit, text, context):
    s = context.index(text)
    return Figure(value, unit, text, context, s, s + len(text), "rund" if "rund" in text else None)


def test_figures_that_count_different_things_do_not_conflict():
    took_part = "Am Gipfel nahmen Vertreter von rund 30 Ländern teil."
    contribute = "26 Länder wollen sich an der Schutztruppe beteiligen."
    refs = [("S1", fig(26, "Länder", "26 Länder", contribute)),
            ("S1", fig(30, "Ländern", "rund 30 Ländern", took_part)),
            ("S2", fig(26, "Länder", "26 Länder", contribute)),
            ("S3", fig(30, "Ländern", "rund 30 Ländern", took_part))]
    figs = merge_figures(refs)
    assert sorted(f.value for f in figs) == [26, 30]
    assert all(not f.variants and f.note is None for f in figs)


def test_the_same_quantity_reported_differently_still_conflicts():
    a = "Bei dem Busunglück in den Alpen starben 14 Menschen."
    b = "Bei dem Busunglück in den Alpen starben 17 Menschen."
    figs = merge_figures([("S1", fig(14, "Menschen", "14 Menschen", a)), ("S2", fig(17, "Menschen", "17 Menschen", b))])
    assert all(f.variants for f in figs) and figs[0].note.startswith("Angaben weichen ab")


def test_a_handful_of_figures_durations_last():
    refs = [("S1", fig(90, "Minuten", "90 Minuten", "Die Ministerin sprach 90 Minuten mit dem Präsidenten."))]
    for n in range(1, 8):
        ctx = f"Die Hilfe umfasst {n} Milliarden Euro für Projekt {n}."
        refs.append(("S1", fig(n * 1e9, "Euro", f"{n} Milliarden Euro", ctx)))
    figs = merge_figures(refs)
    assert len(figs) <= 6
    assert all(f.unit != "Minuten" for f in figs)


# ---------------------------------------------------------------- Ausblick and headline


def test_ausblick_has_next_steps_and_what_is_still_open_and_says_nothing_twice():
    texts = [
        "In den kommenden Wochen soll ein Gesetzentwurf vorgelegt werden.",
        "Im Herbst will die Regierung über die Finanzierung entscheiden.",
        "Bis Ende des Jahres sollen die ersten Lieferungen ankommen.",
        "Am Montag soll das Kabinett den Plan beschließen.",
        "Wie viel das kosten wird, ist noch offen.",
        "Ob die Länder zustimmen, bleibt abzuwarten.",
    ]
    refs = [("S1", Statement(t, 100 * i, 100 * i + len(t))) for i, t in enumerate(texts)]
    out = [s.text for s in merge_outlook(refs, {}, said=[texts[0]])]
    assert texts[0] not in out
    assert out[-2:] == [texts[4], texts[5]]
    assert len(out) == 5


def test_outlook_puts_a_position_the_story_states_after_the_plans():
    stated = "Er sagte, Ungarn werde keinen Blankoscheck unterschreiben."
    plan = "Die Staats- und Regierungschefs wollen im Dezember in Brüssel eine Entscheidung treffen."
    refs = [("S1", Statement("Orbán: " + stated, 0, 60)), ("S1", Statement(plan, 100, 190))]
    position = "Orbán sagte, Ungarn werde keinen Blankoscheck unterschreiben."
    out = [s.text for s in merge_outlook(refs, {}, stated=[position])]
    assert out == [plan, "Orbán: " + stated]
    # without that position, text order as before
    assert [s.text for s in merge_outlook(refs, {})] == ["Orbán: " + stated, plan]


def test_one_article_story_keeps_its_own_title_a_question_included():
    title = "Kommt das Tempolimit auf Autobahnen doch noch?"
    assert headline([title], ["Die Koalition streitet weiter über ein Tempolimit auf Autobahnen."]) == title
    # several articles: a question is no headline
    lead = "Die Koalition streitet weiter über ein Tempolimit auf Autobahnen"
    assert headline([title, "Streit ums Tempolimit?"], [lead + "."]) == lead


def test_a_statement_on_the_issue_joins_the_speakers_stance_but_two_stances_stay_apart():
    refs = [
        PositionRef("S1", NOWAK.id, "Nowak will weitere Soldaten an die Ostgrenze schicken.", 0, "wants",
                    "Bodentruppen"),
        PositionRef("S2", NOWAK.id, "Nowak sprach am Abend über die Truppen an der Grenze zu Belarus.", 0, "states",
                    "Bodentruppen"),
        PositionRef("S3", NOWAK.id, "Nowak hält sich bei der Frage einer Friedenstruppe zurück.", 0, "holds_back",
                    "Bodentruppen"),
    ]
    positions, _ = merge_positions(refs, [], [NOWAK])
    assert [(p.stance, p.sources) for p in positions] == [("wants", ("S1", "S2")), ("holds_back", ("S3",))]


def test_a_position_whose_quotation_runs_on_takes_the_whole_quotation():
    from briefing.extract.positions import PositionFinder, stance_lexicon

    text = "Generalsekretär Rutte hielt dagegen: „Warum sollten wir darauf hören? Die Ukraine ist ein freies Land.“"
    doc = pipeline("briefing_actors")(text)
    rutte = next(a for a in doc._.briefing_actors if a.name.endswith("Rutte"))
    q_text = "Warum sollten wir darauf hören? Die Ukraine ist ein freies Land."
    s = text.index(q_text)
    doc._.briefing_quotes = [Quote("direct", q_text, s, s + len(q_text), speaker=rutte.id,
                                   speaker_start=text.index("Rutte"))]
    found = PositionFinder(doc, list(doc._.briefing_actors), doc._.briefing_quotes, stance_lexicon()).run()
    assert [(p.actor, p.text) for p in found if p.actor == rutte.id] == [(rutte.id, text)]


def test_ausblick_names_the_speaker_of_reported_speech_and_drops_what_the_outcome_overtook():
    from assemble_helpers import facts, outlook, person, quote

    from briefing.assemble import assemble

    before = ("Die Minister beraten am Dienstag (10:00 Uhr) in Wien über die Energiehilfe für Moldau. "
              "Im Anschluss soll die Presse informiert werden.")
    after = ("Die Minister haben sich am Dienstag in Wien auf eine Energiehilfe für Moldau geeinigt. "
             "Das sagte Ministerin Clara Huber nach dem Treffen in Wien. "
             "Man werde die Hilfe bis zum Winter verdoppeln. "
             "Die Lieferungen sollen künftig über Rumänien laufen.")
    speech = "Man werde die Hilfe bis zum Winter verdoppeln. Die Lieferungen sollen künftig über Rumänien laufen."
    a = facts("in/a.txt", before, date="2025-09-02", title="Minister beraten über Moldau",
              outlook=(outlook(before, "Im Anschluss soll die Presse informiert werden."),))
    b = facts("in/b.txt", after, date="2025-09-02", title="Einigung auf Hilfe für Moldau",
              actors=(person("A1", "Clara Huber", after, "Ministerin", "Österreich"),),
              quotes=(quote(after, speech, "A1", "indirect"),),
              outlook=(outlook(after, "Man werde die Hilfe bis zum Winter verdoppeln."),
                       outlook(after, "Die Lieferungen sollen künftig über Rumänien laufen.")))
    b_ = assemble(TUESDAY, [a, b], background=[], excluded=(), title="T", max_stories=3)
    texts = [o.text for st in b_.stories for o in st.outlook]
    assert "Huber: Man werde die Hilfe bis zum Winter verdoppeln." in texts
    assert "Huber: Die Lieferungen sollen künftig über Rumänien laufen." in texts
    assert not any("Presse" in t for t in texts)


def test_a_figure_from_the_middle_of_a_quotation_is_not_a_fact():
    """A sentence that starts inside someone's quotation ("… Europa dar.“") is a fragment of their words."""
    inside = "Wer Verträge in Frage stellt, denen die 25 Mitgliedstaaten zugestimmt haben, stellt ein Risiko dar.“"
    whole = "„Die 27 Mitgliedstaaten haben zugestimmt“, sagte der Minister."
    figs = merge_figures([("S1", fig(25, "Mitgliedstaaten", "25 Mitgliedstaaten", inside)),
                          ("S2", fig(27, "Mitgliedstaaten", "27 Mitgliedstaaten", whole))])
    assert [f.value for f in figs] == [27]
