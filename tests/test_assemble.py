"""Assembly: [ArticleFacts] -> Briefing, on hand-made records (fast, no spaCy pipeline)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from assemble_helpers import country, facts, figure, outlook, person, position, quote

from briefing.assemble import assemble
from briefing.errors import AssembleError
from briefing.models import Briefing, Excluded

DAY = date(2025, 9, 4)

SUMMIT_A = (
    "In Berlin haben sich die Regierungschefs von 26 Ländern auf neue Hilfen für die Republik Moldau geeinigt. "
    "Bundeskanzlerin Anna Weber sagte, Deutschland werde die Energieversorgung der Republik Moldau sichern. "
    "„Wir lassen unsere Nachbarn im Winter nicht allein“, sagte Weber nach dem Gipfeltreffen in Berlin. "
    "Der moldauische Präsident Wladislaw Petrenko dankte den Regierungschefs für die Zusage. "
    "Die Hilfen umfassen rund 2 Milliarden Euro für Gas und Strom. "
    "Bis Ende Oktober sollen die ersten Lieferungen in der Republik Moldau ankommen."
)
SUMMIT_B = (
    "Rund 30 Länder haben beim Gipfeltreffen in Berlin neue Hilfen für die Republik Moldau beschlossen. "
    "Deutschland werde die Energieversorgung der Republik Moldau sichern, sagte Kanzlerin Weber. "
    "„Wir lassen unsere Nachbarn im Winter nicht allein“, sagte Weber. "
    "Präsident Wladyslaw Petrenko dankte den Regierungschefs für ihre Zusage. "
    "Russland kritisierte das Gipfeltreffen und lehnt die Hilfen für die Republik Moldau als Einmischung ab. "
    "„Die Republik Moldau braucht vor allem Gas, Strom und Geduld“, sagte Petrenko in Berlin."
)
SUMMIT_C = (
    "Die Regierungschefs von 26 Ländern sagten der Republik Moldau in Berlin neue Hilfen zu. "
    "Wie viel Geld fließt, ist umstritten? "
    "Die Hilfen umfassen rund 2 Milliarden Euro für Gas und Strom der Republik Moldau. "
    "Der Präsident Petrenko dankte in Berlin für die Zusage der Regierungschefs. "
    "„Die Republik Moldau braucht vor allem Gas und Strom“, sagte Petrenko beim Gipfeltreffen. "
    "Lesen Sie mehr dazu in unserem Newsletter am Abend."
)
FLOOD = (
    "Nach tagelangem Starkregen ist der Fluss Inn in Rosenheim über die Ufer getreten. "
    "Feuerwehr und Technisches Hilfswerk evakuierten am Donnerstag rund 400 Anwohner aus ihren Häusern. "
    "Bürgermeister Karl Huber sagte, die Pegelstände würden bis zum Abend weiter steigen. "
    "Die Bahnstrecke zwischen Rosenheim und Kufstein bleibt gesperrt."
)
FOOTBALL = (
    "Der FC Augsburg hat das Pokalspiel gegen den Hamburger SV mit drei zu eins gewonnen. "
    "Trainer Jonas Berger lobte seine Mannschaft für eine starke zweite Halbzeit im Stadion. "
    "Das Achtelfinale im Pokal wird am Sonntag ausgelost."
)
BACKGROUND = (
    "Im März hatten sich die Regierungschefs bereits in Rom über Hilfen für die Republik Moldau beraten. "
    "Ministerpräsident Paolo Rossi lud zu dem Gipfeltreffen ein."
)


def summit_a():
    t = SUMMIT_A
    return facts(
        "in/a.txt", t, title="Gipfel in Berlin: Hilfen für die Republik Moldau", publisher="Abendblatt",
        actors=(person("A1", "Anna Weber", t, "Bundeskanzlerin", "Deutschland"),
                person("A2", "Wladislaw Petrenko", t, "Präsident", "Moldau"),
                country("A3", "Deutschland")),
        quotes=(quote(t, "Wir lassen unsere Nachbarn im Winter nicht allein", "A1"),),
        figures=(figure(t, "26 Ländern", 26, "Länder"), figure(t, "rund 2 Milliarden Euro", 2e9, "Euro", "rund")),
        positions=(position(t, "Deutschland werde die Energieversorgung der Republik Moldau sichern", "A1",
                            "promises", "Energie"),),
        outlook=(outlook(t, "Bis Ende Oktober sollen die ersten Lieferungen in der Republik Moldau ankommen."),),
    )


def summit_b():
    t = SUMMIT_B
    return facts(
        "in/b.txt", t, title="Moldau bekommt Hilfe", publisher="Kurier",
        actors=(person("A1", "Weber", t, "Kanzlerin", "Deutschland"),
                person("A2", "Wladyslaw Petrenko", t, "Präsident", "Moldau"),
                country("A3", "Russland")),
        quotes=(quote(t, "Wir lassen unsere Nachbarn im Winter nicht allein", "A1"),
                quote(t, "Die Republik Moldau braucht vor allem Gas, Strom und Geduld", "A2")),
        figures=(figure(t, "Rund 30 Länder", 30, "Länder", "rund"),),
        positions=(position(t, "Deutschland werde die Energieversorgung der Republik Moldau sichern", "A1",
                            "promises", "Energie"),
                   position(t, "Russland kritisierte das Gipfeltreffen und lehnt die Hilfen für die Republik "
                               "Moldau als Einmischung ab", "A3", "rejects", "Hilfen")),
    )


def summit_c():
    t = SUMMIT_C
    return facts(
        "in/c.txt", t, title=None, publisher="Abendblatt", date=None,
        actors=(person("A1", "Petrenko", t, None, "Moldau"),),
        quotes=(quote(t, "Die Republik Moldau braucht vor allem Gas und Strom", "A1"),),
        figures=(figure(t, "26 Ländern", 26, "Länder"), figure(t, "rund 2 Milliarden Euro", 2e9, "Euro", "rund")),
    )


def flood():
    t = FLOOD
    return facts("in/flood.txt", t, title="Hochwasser in Rosenheim", publisher="Lokalblatt",
                 actors=(person("A1", "Karl Huber", t, "Bürgermeister", None),),
                 quotes=(quote(t, "die Pegelstände würden bis zum Abend weiter steigen", "A1", "indirect"),),
                 figures=(figure(t, "rund 400 Anwohner", 400, "Anwohner", "rund"),))


def football():
    t = FOOTBALL
    return facts("in/football.txt", t, title="Augsburg siegt im Pokal", publisher="Sportblatt",
                 actors=(person("A1", "Jonas Berger", t, "Trainer", None),))


def background():
    t = BACKGROUND
    return facts("in/old.txt", t, title="Gipfel in Rom", date="2025-03-06",
                 actors=(person("A1", "Paolo Rossi", t, "Ministerpräsident", "Italien"),))


def build(day_facts=None, **kw) -> Briefing:
    day_facts = day_facts if day_facts is not None else [summit_a(), summit_b(), summit_c(), flood(), football()]
    kw.setdefault("background", [background()])
    kw.setdefault("excluded", (Excluded("in/empty.txt", "leer"),))
    kw.setdefault("title", "Europäische Perspektive")
    kw.setdefault("max_stories", 8)
    return assemble(DAY, day_facts, **kw)


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return build()


def paths(b: Briefing, ids) -> set[str]:
    by_id = {s.id: s.path for s in b.sources}
    return {by_id[i] for i in ids}


# ---------------------------------------------------------------- stories


def test_one_story_per_event_nothing_mixed(briefing):
    groups = sorted(sorted(paths(briefing, st.sources)) for st in briefing.stories)
    assert groups == [["in/a.txt", "in/b.txt", "in/c.txt"], ["in/flood.txt"], ["in/football.txt"]]


def test_lead_story_is_the_most_reported(briefing):
    assert paths(briefing, briefing.stories[0].sources) == {"in/a.txt", "in/b.txt", "in/c.txt"}


def test_story_items_only_cite_their_own_sources(briefing):
    for st in briefing.stories:
        own = set(st.sources)
        for section in (st.summary, st.actors, st.positions, st.figures, st.quotes, st.outlook):
            for item in section:
                assert item.sources and set(item.sources) <= own, item


def test_actors_never_mix_across_stories(briefing):
    names = {st.id: {a.name for a in st.actors} for st in briefing.stories}
    assert names["T1"] >= {"Anna Weber", "Wladyslaw Petrenko"}
    assert "Karl Huber" not in names["T1"] and "Jonas Berger" not in names["T1"]
    assert any(n == {"Karl Huber"} for n in names.values())


def test_actor_ids_unique_in_briefing(briefing):
    ids = [a.id for st in briefing.stories for a in st.actors]
    assert len(ids) == len(set(ids))


# ---------------------------------------------------------------- sources


def test_sources_numbered_by_date_publisher_path_and_undated_labelled(briefing):
    got = [(s.id, s.path, s.date, s.date_label) for s in briefing.sources]
    assert [g[1] for g in got] == ["in/a.txt", "in/b.txt", "in/flood.txt", "in/football.txt", "in/c.txt"]
    assert [g[0] for g in got] == ["S1", "S2", "S3", "S4", "S5"]
    assert got[-1][2:] == (None, "Datum unbekannt")
    assert got[0][3] == "4. September 2025"


def test_background_is_excluded_and_its_people_appear_nowhere(briefing):
    assert "in/old.txt" not in {s.path for s in briefing.sources}
    reasons = {e.path: e.reason for e in briefing.excluded_sources}
    assert "anderes Datum" in reasons["in/old.txt"] and reasons["in/empty.txt"] == "leer"
    assert "Rossi" not in briefing.to_json()


def test_excluded_passed_in_is_not_duplicated():
    b = build(excluded=(Excluded("in/old.txt", "anderes Datum"),))
    assert [e.path for e in b.excluded_sources].count("in/old.txt") == 1


def test_agency_reprint_is_not_independent():
    text = SUMMIT_A
    b = build([facts("x/1.txt", text, publisher="A", agency=("dpa",)),
               facts("x/2.txt", text + " Ein Satz mehr.", publisher="B", agency=("dpa",)),
               facts("x/3.txt", SUMMIT_B, publisher="C", agency=("dpa",))], background=[])
    assert [(s.path, s.independent) for s in b.sources] == [("x/1.txt", True), ("x/2.txt", False), ("x/3.txt", True)]


def test_max_stories_moves_further_stories_to_excluded():
    b = build(max_stories=1)
    assert len(b.stories) == 1 and len(b.sources) == 3
    reasons = {e.path: e.reason for e in b.excluded_sources}
    assert "1 wichtigsten" in reasons["in/flood.txt"] and "in/football.txt" in reasons


def test_max_stories_must_be_positive():
    with pytest.raises(AssembleError):
        build(max_stories=0)


def test_empty_day_gives_an_empty_briefing():
    b = build([], background=[])
    assert b.stories == () and b.sources == ()


# ---------------------------------------------------------------- actors


def test_spelling_variants_are_one_actor(briefing):
    lead = briefing.stories[0]
    petrenko = [a for a in lead.actors if "Petrenko" in a.name]
    assert len(petrenko) == 1
    p = petrenko[0]
    # Equal name forms in one source each: the one mentioned more often is the name, the other an alias.
    assert p.name == "Wladyslaw Petrenko" and "Wladislaw Petrenko" in p.aliases and "Petrenko" in p.aliases
    assert len(p.sources) == 3 and p.affiliation == "Moldau"
    weber = [a for a in lead.actors if "Weber" in a.name]
    assert len(weber) == 1 and weber[0].name == "Anna Weber" and weber[0].affiliation == "Deutschland"


@pytest.mark.parametrize(
    ("names", "groups"),
    [
        (["Wolodymyr Selenskyj", "Wolodmyr Selenskyj", "Selenskij"], 1),
        (["Marija Sacharowa", "Maria Sacharowa"], 1),
        (["Donald Trump", "Melania Trump"], 2),
        (["Ursula von der Leyen", "von der Leyen"], 1),
        (["Emmanuel Macron", "Brigitte Macron", "Macron"], 2),
        (["Olaf Scholz", "Anna Schulz"], 2),
    ],
)
def test_person_merging(names, groups):
    from briefing.assemble.actors import ActorRef, merge_actors
    from briefing.models import Actor

    refs = [ActorRef(i, f"S{i + 1}", Actor(f"A{i}", n, "person")) for i, n in enumerate(names)]
    actors, ids = merge_actors(refs, "T1")
    assert len(actors) == groups
    assert len(ids) == len(names)


def test_surname_only_mention_joins_the_most_mentioned_full_name():
    from briefing.assemble.actors import ActorRef, merge_actors
    from briefing.models import Actor, Mention

    many = tuple(Mention(i, i + 1, "x") for i in range(5))
    refs = [ActorRef(0, "S1", Actor("A1", "Donald Trump", "person", mentions=many)),
            ActorRef(0, "S1", Actor("A2", "Melania Trump", "person")),
            ActorRef(1, "S2", Actor("A1", "Trump", "person"))]
    actors, ids = merge_actors(refs, "T1")
    assert ids[(1, "A1")] == ids[(0, "A1")] != ids[(0, "A2")]


def test_country_actors_merge_by_name():
    from briefing.assemble.actors import ActorRef, merge_actors
    from briefing.models import Actor

    refs = [ActorRef(0, "S1", Actor("A1", "Frankreich", "country")),
            ActorRef(1, "S2", Actor("A4", "Frankreich", "country")),
            ActorRef(1, "S2", Actor("A5", "NATO", "organization", aliases=("Nato",)))]
    actors, _ = merge_actors(refs, "T2")
    assert [(a.id, a.name, a.sources) for a in actors] == [("T2-A1", "Frankreich", ("S1", "S2")),
                                                           ("T2-A2", "NATO", ("S2",))]


# ---------------------------------------------------------------- figures


def test_same_figure_from_two_sources_is_one(briefing):
    money = [f for f in briefing.stories[0].figures if f.value == 2e9]
    assert len(money) == 1 and money[0].sources == ("S1", "S5") and not money[0].variants


def test_conflicting_figures_are_both_kept_and_linked(briefing):
    figs = {f.value: f for f in briefing.stories[0].figures if f.unit == "Länder"}
    assert set(figs) == {26, 30}
    assert figs[26].sources == ("S1", "S5") and figs[30].sources == ("S2",)
    assert [v.value for v in figs[26].variants] == [30] and [v.value for v in figs[30].variants] == [26]
    assert figs[26].note == figs[30].note == "Angaben weichen ab: 26 (S1, S5) / rund 30 (S2)"


def test_unrelated_figures_are_not_linked():
    from briefing.assemble.figures import merge_figures
    from briefing.models import Figure

    refs = [("S1", Figure(26, "Länder", "26 Länder", "26 Länder schicken Truppen in die Ukraine.", 0, 9)),
            ("S2", Figure(480, "Fahrzeuge", "480 Fahrzeuge", "Berlin liefert 480 Fahrzeuge.", 0, 9)),
            ("S2", Figure(27, "Länder", "27 Länder", "Die EU hat 27 Länder als Mitglieder im Haushaltsstreit.", 0, 9))]
    figs = merge_figures(refs)
    assert len(figs) == 3 and all(not f.variants and f.note is None for f in figs)


@pytest.mark.parametrize(("unit", "key"), [("Länder", "lander"), ("Staaten", "lander"), ("Ländern", "lander"),
                                           ("EUR", "euro"), ("Prozent", "prozent"), ("Brigaden", "brigad"),
                                           ("Unterstützerstaaten", "lander"), ("Verbündete", "lander"),
                                           ("Infanterie-Brigaden", "infanteriebrigad"),
                                           ("Infanteriebrigaden", "infanteriebrigad")])
def test_unit_groups(unit, key):
    from briefing.assemble.figures import unit_key

    assert unit_key(unit) == key


# ---------------------------------------------------------------- quotes


def test_same_quote_in_two_sources_appears_once_with_both(briefing):
    q = [q for q in briefing.stories[0].quotes if "Nachbarn im Winter" in q.text]
    assert len(q) == 1 and q[0].sources == ("S1", "S2") and q[0].speaker_name == "Anna Weber"
    assert q[0].speaker == next(a.id for a in briefing.stories[0].actors if a.name == "Anna Weber")


def test_slightly_different_wording_is_one_quote_with_a_variant(briefing):
    q = [q for q in briefing.stories[0].quotes if "braucht vor allem Gas" in q.text]
    assert len(q) == 1
    assert q[0].text == "Die Republik Moldau braucht vor allem Gas, Strom und Geduld" and q[0].sources == ("S2", "S5")
    assert [(v.text, v.sources) for v in q[0].variants] == [("Die Republik Moldau braucht vor allem Gas und Strom",
                                                             ("S5",))]


def test_clearly_different_translations_stay_separate_and_cross_referenced():
    from briefing.assemble.quotes import merge_quotes
    from briefing.models import Quote, StoryActor

    a = ("Russland wird keine ausländische Intervention in der Ukraine in irgendeiner Form oder in irgendeinem "
         "Format diskutieren")
    b = ("Russland wird nicht über eine zutiefst unannehmbare und jede Sicherheit untergrabende ausländische "
         "Intervention in der Ukraine diskutieren")
    actor = StoryActor("T1-A1", "Maria Sacharowa", "person", "Sprecherin", "Russland", (), 2, ("S1", "S2"))
    qs = merge_quotes([(0, "S1", Quote("direct", a, 0, len(a), speaker="A1")),
                       (1, "S2", Quote("direct", b, 0, len(b), speaker="A1"))],
                      {(0, "A1"): "T1-A1", (1, "A1"): "T1-A1"}, [actor])
    # Same speaker, as many sources: the longer wording first.
    assert [(q.text, q.sources) for q in qs] == [(b, ("S2",)), (a, ("S1",))]
    assert [v.text for v in qs[0].variants] == [a] and [v.text for v in qs[1].variants] == [b]


def test_different_statements_of_one_speaker_are_not_cross_referenced():
    from briefing.assemble.quotes import merge_quotes
    from briefing.models import Quote, StoryActor

    a = "In den nächsten Tagen werden wir die Unterstützung der USA für diese Sicherheitsgarantien finalisieren"
    b = "Diese Streitmacht hat weder den Willen noch das Ziel, Kriege gegen Russland zu führen"
    actor = StoryActor("T1-A1", "Emmanuel Macron", "person", "Präsident", "Frankreich", (), 2, ("S1",))
    refs = [(0, "S1", Quote("direct", a, 0, 1, speaker="A1")), (0, "S1", Quote("direct", b, 5, 6, speaker="A1"))]
    qs = merge_quotes(refs, {(0, "A1"): "T1-A1"}, [actor])
    assert len(qs) == 2 and all(not q.variants for q in qs)


def test_scare_quotes_are_not_voices():
    from briefing.assemble.quotes import merge_quotes
    from briefing.models import Quote

    assert merge_quotes([(0, "S1", Quote("direct", "strategisches Signal", 0, 20))], {}, []) == []


def test_a_short_quote_that_is_a_clause_is_a_voice():
    """„Das ist kurzsichtig“, so X: three words with a verb of their own are what X said; three words of a
    term („Ende der Fahnenstange“) or a title („Der Pate“) are not."""
    from briefing.assemble.quotes import merge_quotes
    from briefing.models import Quote, StoryActor

    actor = StoryActor("T1-A1", "Jana Roth", "person", "Fraktionschefin", None, (), 1, ("S1",))
    said = [(0, "S1", Quote("direct", t, 0, 1, speaker="A1", confidence=0.99))
            for t in ("Das ist kurzsichtig", "Ende der Fahnenstange", "Der Pate", "Wir sind bereit.")]
    shown = merge_quotes(said, {(0, "A1"): "T1-A1"}, [actor])
    assert sorted(q.text for q in shown) == ["Das ist kurzsichtig", "Wir sind bereit."]


def test_reported_speech_without_anyone_named_is_no_voice():
    from briefing.assemble.quotes import merge_quotes
    from briefing.models import Quote

    fact = "beteiligen sich Landwirte aus achtzehn Mitgliedstaaten an den Protesten"
    said = "Ohne uns gibt es kein Essen auf dem Tisch, und das wissen alle hier"
    qs = merge_quotes([(0, "S1", Quote("indirect", fact, 0, 1)), (0, "S1", Quote("direct", said, 5, 6))], {}, [])
    assert [q.kind for q in qs] == ["direct"]
    named = merge_quotes([(0, "S1", Quote("indirect", fact, 0, 1, speaker_name="Karl Huber"))], {}, [])
    assert [q.speaker_name for q in named] == ["Karl Huber"]


def test_a_spokesman_of_an_organisation_of_the_story_is_a_voice_an_unowned_title_is_not():
    from briefing.assemble.quotes import merge_quotes
    from briefing.models import Quote, StoryActor

    said = "man lasse sich von Drohungen aus der Wirtschaft nicht einschüchtern"
    gdl = StoryActor("T1-A1", "GDL", "organization", None, None, (), 2, ("S1",))
    qs = merge_quotes([(0, "S1", Quote("indirect", said, 0, 1, speaker_name="GDL-Sprecher"))], {}, [gdl])
    assert [q.speaker_name for q in qs] == ["GDL-Sprecher"]
    # a title nobody of the story owns: which minister, the reader cannot tell
    assert merge_quotes([(0, "S1", Quote("indirect", said, 0, 1, speaker_name="Minister"))], {}, [gdl]) == []
    assert merge_quotes([(0, "S1", Quote("indirect", said, 0, 1, speaker_name="Kreml-Sprecher"))], {}, [gdl]) == []


def test_a_fragment_nobody_is_named_for_is_no_voice_but_a_whole_sentence_is():
    from briefing.assemble.quotes import merge_quotes
    from briefing.models import Quote

    whole = "Diese Entscheidung hätte längst fallen müssen, das wissen alle im Rathaus"
    for fragment in ("Bis es zu spät war", "nicht aggressiv oder so, sondern eher ruhig und freundlich"):
        qs = merge_quotes([(0, "S1", Quote("direct", fragment, 0, 1)), (0, "S1", Quote("direct", whole, 5, 6))],
                          {}, [])
        assert [q.text for q in qs] == [whole], fragment
    named = merge_quotes([(0, "S1", Quote("direct", "Bis es zu spät war", 0, 1, speaker_name="Eva Roth"))], {}, [])
    assert [q.speaker_name for q in named] == ["Eva Roth"]


def test_direct_quotes_before_indirect_and_prominent_speakers_first(briefing):
    kinds = [q.kind for q in briefing.stories[0].quotes]
    assert kinds == sorted(kinds, key=lambda k: k != "direct")
    flood_story = next(st for st in briefing.stories if "in/flood.txt" in paths(briefing, st.sources))
    assert [(q.kind, q.speaker_name) for q in flood_story.quotes] == [("indirect", "Karl Huber")]


# ---------------------------------------------------------------- positions


def country_names(b: Briefing, actor_id: str) -> str:
    a = next(a for st in b.stories for a in st.actors if a.id == actor_id)
    return " ".join([a.name, a.affiliation or "", *a.aliases])


def test_positions_filed_by_country_and_merged(briefing):
    lead = briefing.stories[0]
    by_country = {}
    for p in lead.positions:
        by_country.setdefault(p.country, []).append(p)
        assert p.country in country_names(briefing, p.actor)
    # The same statement in two sources is one position with both; the sentence carrying the
    # chancellor's quote is a position of Deutschland too, after the extracted one.
    de = by_country["Deutschland"]
    assert [(p.text, p.sources) for p in de] == [
        ("Deutschland werde die Energieversorgung der Republik Moldau sichern", ("S1", "S2")),
        ("„Wir lassen unsere Nachbarn im Winter nicht allein“, sagte Weber nach dem Gipfeltreffen in Berlin.",
         ("S1", "S2")),
    ]
    assert by_country["Russland"][0].stance == "rejects"
    # Moldau has no extracted position: the sentences carrying its president's quotes stand in.
    assert any("braucht vor allem Gas" in p.text for p in by_country["Moldau"])
    assert [p.country for p in lead.positions][0] == "Deutschland"  # most sources first


def test_matrix_is_left_out_when_it_would_say_little(briefing):
    # Two clear cells repeat the two positions above them: no table.
    assert [(p.country, p.stance) for p in briefing.stories[0].positions if p.issue] == [
        ("Deutschland", "promises"), ("Russland", "rejects")]
    assert briefing.stories[0].matrix == ()


# ---------------------------------------------------------------- summary, headline, outlook


def test_summary_is_verbatim_central_and_clean(briefing):
    lead = briefing.stories[0]
    texts = [s.text for s in lead.summary]
    assert 3 <= len(texts) <= 5
    all_text = SUMMIT_A + SUMMIT_B + SUMMIT_C
    for t in texts:
        assert t in all_text
        assert not t.endswith("?") and "Newsletter" not in t and not t.startswith("„")
    supported = [s for s in lead.summary if len(s.sources) > 1]
    assert supported, "a sentence several sources say should be chosen, with those sources"


def test_summary_skips_a_sentence_that_repeats_a_chosen_one():
    from collections import Counter

    from briefing.assemble.summary import Candidate, summarise
    from briefing.assemble.text import content_terms, vector

    texts = [
        (0, "S1", "Die Regierungschefs von 26 Ländern sagten der Republik Moldau in Berlin neue Hilfen zu."),
        (1, "S2", "Die Regierungschefs von 26 Ländern sagten der Republik Moldau am Montag neue Hilfen zu."),
        (1, "S2", "Russland kritisierte das Gipfeltreffen in Berlin als Einmischung in fremde Angelegenheiten."),
        (0, "S1", "Bis Ende Oktober sollen die ersten Lieferungen von Gas in der Republik Moldau ankommen."),
    ]
    cands = [Candidate(a, s, n, n / 4, t, vector(Counter(content_terms(t)), {})) for n, (a, s, t) in enumerate(texts)]
    summary, leads = summarise(cands, vector(Counter(content_terms(" ".join(t for *_, t in texts))), {}))
    chosen = [x.text for x in summary]
    assert len(chosen) == 3 and sum("26 Ländern" in t for t in chosen) == 1
    # The sentence both articles say is the lead, with both sources.
    assert "26 Ländern" in leads[0] and next(x.sources for x in summary if "26 Ländern" in x.text) == ("S1", "S2")


@pytest.mark.parametrize(
    ("sentence", "ok"),
    [
        ("Die Regierungschefs von 26 Ländern sagten der Republik Moldau neue Hilfen zu.", True),
        ("Wie viel Geld fließt am Ende tatsächlich in die Republik Moldau?", False),
        ("Berlin setzt auf Waffenhilfe für die Ukraine und ihre Armee", False),
        ("„Wir lassen unsere Nachbarn im Winter nicht allein“, sagte Weber.", False),
        ("Der BR24 Newsletter informiert Sie immer montags bis freitags zum Feierabend.", False),
        ("Bild: Hilfe für die Ukraine | Macron empfängt Selenskyj in Paris zum Gipfel.", False),
        ("Kurz.", False),
        ("Das erklärte der französische Präsident nach einem Treffen in Paris.", False),
        ("Das Treffen in Paris am Donnerstag soll wichtige Weichen für die Ukraine stellen.", True),
        ("Dabei gehe es unter anderem um eine Stärkung der ukrainischen Armee.", False),
    ],
)
def test_summary_material(sentence, ok):
    from briefing.assemble.summary import is_summary_material

    assert is_summary_material(sentence) is ok


def test_headline_is_a_source_title_or_a_shortened_sentence(briefing):
    titles = {"Gipfel in Berlin: Hilfen für die Republik Moldau", "Moldau bekommt Hilfe"}
    assert briefing.stories[0].headline in titles


@pytest.mark.parametrize(
    ("titles", "lead", "expected"),
    [
        (["Europäische Soldaten in der Ukraine?", "Gipfel in Paris"], [], "Gipfel in Paris"),
        (["26 Länder für Sicherungstruppe für Ukrai…"], ["Macron lädt nach Paris ein."], "Macron lädt nach Paris ein"),
        ([None], ["Die in der sogenannten Koalition der Willigen vereinten Unterstützerländer der Ukraine beraten "
                  "am Donnerstag in Paris über Sicherheitsgarantien nach einem Waffenstillstand.",
                  "In Paris haben sich 26 westliche Staaten darauf verständigt, nach einem möglichen "
                  "Waffenstillstand Truppen in die Ukraine zu schicken."],
         # "darauf" announces the next clause: no cut there, the sentence stays whole
         "In Paris haben sich 26 westliche Staaten darauf verständigt, nach einem möglichen "
         "Waffenstillstand Truppen in die Ukraine zu schicken"),
        (["Nur eine Frage?"], [], "Nur eine Frage?"),
        # a report's title made of someone's words is its angle: the title that says what happened heads
        (["Bauernverband: „Wir werden weiter protestieren“", "Mercosur-Abkommen: EU-Staaten stimmen zu"], [],
         "Mercosur-Abkommen: EU-Staaten stimmen zu"),
        # a single quoted word names a thing: no quotation of anyone
        (["Streit über den „Drohnenwall“", "Frederiksen: „Keine Frage von Jahren“"], [],
         "Streit über den „Drohnenwall“"),
    ],
)
def test_headline_choice(titles, lead, expected):
    from briefing.assemble.summary import headline

    assert headline(titles, lead) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kurzer Satz", "Kurzer Satz"),
        ("In Paris haben sich 26 westliche Staaten darauf verständigt, nach einem möglichen Waffenstillstand "
         "Truppen in die Ukraine zu schicken",
         "In Paris haben sich 26 westliche Staaten darauf verständigt, nach einem möglichen "
         "Waffenstillstand Truppen in die Ukraine zu schicken"),
    ],
)
def test_shorten_at_clause_boundary(text, expected):
    from briefing.assemble.summary import shorten

    assert shorten(text) == expected


def test_outlook_is_kept_with_sources(briefing):
    assert [(o.text, o.sources) for o in briefing.stories[0].outlook] == [
        ("Bis Ende Oktober sollen die ersten Lieferungen in der Republik Moldau ankommen.", ("S1",))]


# ---------------------------------------------------------------- determinism


def test_same_input_in_any_order_gives_identical_json(briefing):
    items = [summit_a(), summit_b(), summit_c(), flood(), football()]
    random.Random(7).shuffle(items)
    assert build(items).to_json() == briefing.to_json()


def test_json_round_trip(briefing):
    assert Briefing.from_json(briefing.to_json()) == briefing


def test_position_fragment_is_widened_to_its_sentence():
    from assemble_helpers import sentences

    from briefing.assemble.positions import position_refs
    from briefing.models import Position

    text = "Die Lage ist ernst. Berlin wolle außerdem vier Brigaden ausrüsten, hieß es. Mehr folgt."
    s = text.index("wolle")
    refs = position_refs(0, "S1", [Position("A1", "wolle außerdem", s, s + 14, "wants")], sentences(text),
                         {(0, "A1"): "T1-A1"})
    assert [(r.text, r.actor, r.stance) for r in refs] == [
        ("Berlin wolle außerdem vier Brigaden ausrüsten, hieß es.", "T1-A1", "wants")]


def test_values_from_the_same_sources_only_are_not_a_conflict():
    """Three throws of one athlete in one report are three figures, not disagreeing sources."""
    from briefing.assemble.figures import merge_figures
    from briefing.models import Figure

    ctx = "Sie warf 63,19 Meter, dann 64,33 Meter und zuletzt 66,56 Meter im Finale."
    refs = [("S4", Figure(v, "Meter", f"{v} Meter", ctx, 0, 5)) for v in (63.19, 64.33, 66.56)]
    figs = merge_figures(refs)
    assert len(figs) == 3 and all(f.note is None and not f.variants for f in figs)


@pytest.mark.slow
def test_output_does_not_depend_on_the_hash_seed(briefing):
    """Set iteration order changes with PYTHONHASHSEED; none of it may leak into the JSON."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    here = str(Path(__file__).resolve().parent)
    code = (f"import sys; sys.path.insert(0, {here!r}); from test_assemble import build; "
            "print(build().to_json(), end='')")
    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                check=True).stdout)
    assert outs == {briefing.to_json()}


def test_the_same_article_twice_is_a_clear_error():
    with pytest.raises(AssembleError, match="passed twice"):
        build([summit_a(), summit_a()])


def test_non_finite_figures_are_dropped():
    from briefing.assemble.figures import merge_figures
    from briefing.models import Figure

    refs = [("S1", Figure(float("nan"), "Länder", "x Länder", "x", 0, 1)), ("S1", Figure(3, "Länder", "3", "3", 0, 1))]
    assert [f.value for f in merge_figures(refs)] == [3]


def test_independent_reports_outrank_agency_reprints():
    """Two papers printing one dpa text are one confirmation; two own reports are two."""
    reprinted = [facts("r/1.txt", FLOOD, publisher="A", agency=("dpa",)),
                 facts("r/2.txt", FLOOD + " Die Feuerwehr bleibt im Einsatz.", publisher="B", agency=("dpa",))]
    own = [summit_a(), summit_b()]
    b = build(reprinted + own, background=[])
    assert [sorted(paths(b, st.sources)) for st in b.stories] == [["in/a.txt", "in/b.txt"], ["r/1.txt", "r/2.txt"]]
    assert {s.path: s.independent for s in b.sources}["r/2.txt"] is False


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("Das Konzept der rund 30 Länder werde konkretisiert, hieß es aus dem Élysée-Palast.",
         "hieß es aus dem Élysée-Palast"),
        ("Laut Polizei kamen 5000 Menschen.", "Laut Polizei"),
        ("Nach Angaben der Veranstalter kamen 20.000 Menschen.", "Nach Angaben der Veranstalter"),
        ("26 Länder wollen sich an einer Sicherungstruppe beteiligen.", None),
    ],
)
def test_attribution_of_a_figure(context, expected):
    from briefing.assemble.figures import attribution

    assert attribution(context) == expected


def test_conflict_note_says_where_each_value_comes_from():
    from briefing.assemble.figures import merge_figures
    from briefing.models import Figure

    a = "Nach Angaben der Veranstalter demonstrierten 20.000 Menschen in Berlin gegen die Reform."
    b = "Laut Polizei demonstrierten 15.000 Menschen in Berlin gegen die Reform."
    figs = merge_figures([("S1", Figure(20000, "Menschen", "20.000 Menschen", a, 0, 5)),
                          ("S2", Figure(15000, "Menschen", "15.000 Menschen", b, 0, 5))])
    assert figs[0].note == ("Angaben weichen ab: 15.000 (S2; S2: „Laut Polizei“) / "
                            "20.000 (S1; S1: „Nach Angaben der Veranstalter“)")
    assert [(v.value, v.unit, v.context) for v in figs[0].variants] == [(15000, "Menschen", b)]


def test_a_resolved_speaker_replaces_an_unresolved_name():
    from briefing.assemble.quotes import merge_quotes
    from briefing.models import Quote, StoryActor

    text = "Wir lassen unsere Nachbarn im Winter nicht allein"
    actor = StoryActor("T1-A1", "Anna Weber", "person", "Kanzlerin", "Deutschland", (), 2, ("S1", "S2"))
    qs = merge_quotes([(0, "S1", Quote("direct", text, 0, 1, speaker_name="Winter")),
                       (1, "S2", Quote("direct", text, 0, 1, speaker="A1"))], {(1, "A1"): "T1-A1"}, [actor])
    assert [(q.speaker, q.speaker_name, q.sources) for q in qs] == [("T1-A1", "Anna Weber", ("S1", "S2"))]


def test_degenerate_articles_do_not_break_the_briefing():
    from briefing.models import Actor, Article, ArticleFacts

    day = [ArticleFacts(Article(path="x/empty.txt", text="  ")),
           ArticleFacts(Article(path="x/head.txt", text="Nur eine Überschrift ohne Punkt", title="   "),
                        actors=(Actor("A1", " ", "person"),))]
    b = build(day, background=[], excluded=())
    assert [(e.path, e.reason) for e in b.excluded_sources] == [("x/empty.txt", "leer: kein Text")]
    assert [s.path for s in b.sources] == ["x/head.txt"] and b.sources[0].title is None
    assert [(st.headline, st.actors) for st in b.stories] == [("Nur eine Überschrift ohne Punkt", ())]


def test_sentences_about_the_publisher_itself_are_no_summary():
    from briefing.assemble.summary import candidates

    text = ("Der Abendkurier spricht mit der Korrespondentin über die Erwartungen an das Treffen. "
            "Die Regierungschefs von 26 Ländern sagten der Republik Moldau in Berlin neue Hilfen zu.")
    from assemble_helpers import sentences

    got = [c.text for c in candidates([(0, "S1", text, sentences(text), "Abendkurier")], {})]
    assert got == ["Die Regierungschefs von 26 Ländern sagten der Republik Moldau in Berlin neue Hilfen zu."]


def test_paraphrases_with_the_same_confirmed_figure_are_one_claim():
    from collections import Counter

    from briefing.assemble.summary import Candidate, summarise
    from briefing.assemble.text import content_terms, vector

    texts = [
        (0, "S1", "26 Länder wollen sich an einer Sicherungstruppe für die Ukraine beteiligen."),
        (1, "S2", "In Paris haben sich 26 westliche Staaten darauf verständigt, nach einem möglichen "
                  "Waffenstillstand Truppen in die Ukraine zu schicken."),
        (1, "S2", "Russland kritisierte das Treffen in Paris als Einmischung in fremde Angelegenheiten."),
    ]
    cands = [Candidate(a, s, n, n / 3, t, vector(Counter(content_terms(t)), {})) for n, (a, s, t) in enumerate(texts)]
    story = vector(Counter(content_terms(" ".join(t for *_, t in texts))), {})
    with_figure, _ = summarise(cands, story, frozenset({"#26"}))
    assert sum("26" in x.text for x in with_figure) == 1
    assert next(x.sources for x in with_figure if "26" in x.text) == ("S1", "S2")
    without, _ = summarise(cands, story)  # the figure unconfirmed: two separate claims
    assert sum("26" in x.text for x in without) == 2


def test_positions_that_point_back_are_left_out():
    from briefing.assemble.positions import PositionRef, merge_positions
    from briefing.models import StoryActor

    macron = StoryActor("T1-A1", "Emmanuel Macron", "person", "Präsident", "Frankreich", (), 3, ("S1",))
    refs = [PositionRef("S1", "T1-A1", "Das erklärte der französische Präsident Emmanuel Macron in Paris.", 0),
            PositionRef("S1", "T1-A1", "Frankreich will eine europäische Friedenstruppe in die Ukraine schicken.", 90)]
    positions, _ = merge_positions(refs, [], [macron])
    # "Das erklärte ..." cannot be read without the sentence before it: it is left out.
    assert [p.text[:10] for p in positions] == ["Frankreich"]


# ---------------------------------------------------------------- round 21: the report leads its reactions

_MUELL_REPORT = [
    "Der Kreistag von Celle hat am Mittwoch eine höhere Müllgebühr für alle Haushalte beschlossen.",
    "Für die Vorlage stimmten 41 Kreisräte, zwölf Abgeordnete stimmten dagegen und drei enthielten sich.",
    "Die neue Gebühr gilt vom 1. März an und steigt für eine Familie um knapp 40 Euro im Jahr.",
]
_MUELL_ECHO = [
    "Nach dem Beschluss des Kreistags zur Müllgebühr haben Vermieter und Mieter in Celle protestiert.",
    "Der Mieterverein warnte, die Nebenkosten der Mieter stiegen damit schon wieder deutlich.",
    "Die Vermieter wollen die höheren Nebenkosten nicht allein den Mietern aufbürden.",
    "Mieter und Vermieter fordern vom Landkreis eine Entlastung bei den Nebenkosten.",
]


def _muell_summary(follow_ups: frozenset[int]) -> list:
    from collections import Counter

    from briefing.assemble.summary import Candidate, summarise
    from briefing.assemble.text import content_terms, vector

    texts = [(0, "S1", t) for t in _MUELL_REPORT] + [(1, "S2", t) for t in _MUELL_ECHO]
    cands = []
    for a, s, t in texts:
        own = [x for b, _, x in texts if b == a]
        n = own.index(t)
        cands.append(Candidate(a, s, n, n / len(own), t, vector(Counter(content_terms(t)), {})))
    story = vector(Counter(content_terms(" ".join(t for *_, t in texts))), {})
    return summarise(cands, story, frozenset(), follow_ups)[0]


def test_a_story_s_summary_leads_with_the_event_s_report_and_then_its_reactions():
    summary = _muell_summary(frozenset({1}))
    sources = [x.sources[0] for x in summary]
    # the report's facts first (the act, the vote, when it takes effect), then the reactions
    assert [x.text for x in summary[:3]] == _MUELL_REPORT
    assert sources == sorted(sources)


def test_without_a_follow_up_the_summary_ranks_all_articles_alike():
    summary = _muell_summary(frozenset())
    # the reactions' words are the story's most common: by them alone the reactions' lead opens the summary and
    # the day the fee takes effect is left out (what the follow-ups change)
    assert summary[0].text == _MUELL_ECHO[0] and _MUELL_REPORT[2] not in [x.text for x in summary]
