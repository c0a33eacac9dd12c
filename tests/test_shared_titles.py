"""Whose side a speaker is on when the title or party name is one several countries give (round 15).

Germany, Austria and Switzerland share their federal titles ("Bundeskanzler", "Bundespräsident",
"Bundesminister"), Austria and South Tyrol the "Landeshauptmann", and parties of several countries share a name
("Grüne", "FDP"). Such a title names its holder's country only by a sign in the article: the holder's party, a
country adjective or genitive with it, else the one of its countries the article names clearly more often
(its name, capital, adjective, states, parties of that country alone, a national agency's credit). With no sign,
or signs that disagree, it names none: a statement filed under the wrong country is worse than one under none.
Titles of one country keep theirs. Every sentence here is written for these tests (invented people).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.actors_helpers import actors_of, person

DAY = Path(__file__).parent / "data" / "days" / "mercosur_dach"


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        # the article's country: its capital, its name, its parties, a national agency's credit
        ("Bundespräsident Anton Leitner sagte am Montag in Wien, Europa müsse zusammenstehen.", "Leitner",
         "Österreich"),
        ("Bern (Keystone-SDA) – Bundespräsident Urs Brunner sagte, man verhandle weiter.", "Brunner", "Schweiz"),
        ("Bundeskanzler Jonas Weber sagte, Deutschland werde zustimmen. Die Opposition im Bundestag zweifelt.",
         "Weber", "Deutschland"),
        ("Bundesministerin Eva Pichler sagte, der Plan sei gut. Die ÖVP und die SPÖ wollen ihn im Mai beschließen.",
         "Pichler", "Österreich"),
        # a sign of the holder's own: a country adjective (also Switzerland's "Schweizer"), a party of one country
        ("Der österreichische Bundeskanzler Markus Hofer sagte in Berlin, man sei sich einig.", "Hofer",
         "Österreich"),
        ("Der Schweizer Bundespräsident Urs Brunner sagte in Berlin, man sei sich einig.", "Brunner", "Schweiz"),
        ("Bundesinnenminister Klaus Wendt (CSU) sagte in Wien, die Kontrollen blieben.", "Wendt", "Deutschland"),
        ("Nationalratspräsident Walter Gruber (FPÖ) sagte, das Parlament werde abstimmen.", "Gruber", "Österreich"),
        # a later mention with an adjective tells whose office the first one was
        ("Bundeskanzler Markus Hofer kam nach Paris. Der österreichische Kanzler Hofer sprach von einem Erfolg.",
         "Hofer", "Österreich"),
    ],
)
def test_a_shared_title_takes_the_country_a_sign_in_the_article_gives(text, surname, country):
    assert person(text, surname).affiliation == country


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        # nothing says which country's federal president or chancellor this is
        ("Bundespräsident Anton Leitner sagte, Europa müsse zusammenstehen.", "Leitner"),
        ("Kanzler Jonas Weber kam später.", "Weber"),
        ("Landeshauptmann Georg Wallner sagte, das Land brauche Geld.", "Wallner"),
        # the article names Austria and Germany as often: it does not tell
        ("Bundeskanzler Jonas Weber sagte, Österreich und Deutschland seien sich einig.", "Weber"),
        # a party name several countries' parties bear says nothing by itself
        ("Bundesministerin Lea Brandt (Grüne) sagte, der Plan sei gut.", "Brandt"),
    ],
)
def test_a_shared_title_without_a_sign_names_no_country(text, surname):
    assert person(text, surname).affiliation is None


def test_the_signs_of_the_holders_own_sentence_come_before_the_articles():
    # an article about Austria's election: the chancellor who congratulates from Berlin is Germany's, and the
    # sentence about him tells nothing of the federal president after him
    text = ("Wien. Nach der Wahl in Österreich hat die ÖVP die meisten Stimmen erhalten. Die FPÖ legte zu, die SPÖ "
            "verlor. Bundeskanzler Jonas Weber gratulierte aus Berlin. Bundespräsident Anton Leitner will am "
            "Mittwoch mit den Parteichefs sprechen.")
    assert person(text, "Weber").affiliation == "Deutschland"
    assert person(text, "Leitner").affiliation == "Österreich"


def test_a_sign_with_another_persons_title_is_that_persons():
    text = ("Bundespräsident Anton Leitner traf in Wien den Schweizer Außenminister Ignazio Cassis. Österreich und "
            "die Schweiz wollen enger zusammenarbeiten, Wien will vermitteln.")
    assert person(text, "Cassis").affiliation == "Schweiz"
    assert person(text, "Leitner").affiliation == "Österreich"


def test_a_title_one_holder_holds_for_a_country_is_not_that_countrys_for_another():
    # Hofer is Austria's chancellor by his party; the article names Austria most, but Weber is not Austria's
    text = ("Bundeskanzler Jonas Weber reiste nach Wien. Dort traf er Bundeskanzler Markus Hofer (ÖVP). "
            "Deutschland und Österreich wollen enger zusammenarbeiten.")
    assert person(text, "Hofer").affiliation == "Österreich"
    assert person(text, "Weber").affiliation == "Deutschland"


def test_two_holders_of_one_title_placed_by_the_article_alone_are_placed_for_neither():
    # the article names Austria most, but Switzerland too: one of the two may be Switzerland's
    text = ("Bundespräsident Anton Leitner empfing in Wien Bundespräsident Urs Brunner. Österreich und die Schweiz "
            "wollen enger zusammenarbeiten, in Wien wurde ein Abkommen unterzeichnet.")
    assert person(text, "Leitner").affiliation is None
    assert person(text, "Brunner").affiliation is None


def test_a_former_and_the_current_holder_of_one_countrys_office_are_both_that_countrys():
    # the article names no other country: Brenner held the office Weber holds now
    text = ("Bundeskanzler Jonas Weber (CDU) lobte seinen Vorgänger. Der frühere Bundeskanzler Karl Brenner sagte in "
            "Berlin, Deutschland habe viel erreicht.")
    assert person(text, "Weber").affiliation == "Deutschland"
    assert person(text, "Brenner").affiliation == "Deutschland"


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        # titles of one country keep their country with no sign at all
        ("Bundestagspräsidentin Julia Sommer sagte, das Parlament tage.", "Sommer", "Deutschland"),
        ("Kremlsprecher Dmitri Orlow wies das zurück.", "Orlow", "Russland"),
        ("US-Präsident John Miller sagte, man verhandle.", "Miller", "USA"),
        ("Ratspräsident Pedro Alves sagte, der Gipfel sei ein Erfolg.", "Alves", "EU"),
        # a part that qualifies the holder keeps the bare title's country ...
        ("Vizekanzler Lars Kühne sagte in Berlin, die Koalition stehe.", "Kühne", "Deutschland"),
        ("EU-Ratspräsident Pedro Alves sagte, der Gipfel sei ein Erfolg.", "Alves", "EU"),
        # ... any other makes another office, which the bare title's country is not
        ("Schatzkanzlerin Helen Carter sagte, der Haushalt sei solide.", "Carter", None),
        ("Verwaltungsratspräsident Hans Muster sagte, die Firma wachse.", "Muster", None),
    ],
)
def test_titles_of_one_country_keep_theirs_and_compounds_make_other_offices(text, surname, country):
    assert person(text, surname).affiliation == country


def test_a_country_in_the_reported_speech_after_the_verb_is_what_an_official_speaks_about():
    text = "Außenminister Johann Berg sagte am Montag, man stehe an der Seite der Ukraine."
    assert person(text, "Berg").affiliation is None
    # the country acting in his sentence is still his
    assert person("Polen lehnte ab. Außenminister Adam Nowak sagte, das komme nicht infrage.",
                  "Nowak").affiliation == "Polen"


def _org(text: str, name: str):
    return next(a for a in actors_of(text) if a.kind == "organization" and a.name == name)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Die österreichische Bundesregierung lehnt den Plan ab.", "Österreich"),
        ("Die Bundesregierung in Wien lehnt den Plan ab.", "Österreich"),
        ("Die Bundesregierung lehnt den Plan ab, Deutschland wartet die Prüfung ab.", "Deutschland"),
        ("Die Bundesregierung lehnt den Plan ab.", None),
    ],
)
def test_a_body_of_a_shared_name_takes_its_country_from_a_sign(text, country):
    assert _org(text, "Bundesregierung").affiliation == country


def test_a_party_of_a_name_several_countries_bear_takes_the_articles_country():
    text = "Wien. Die Grünen kritisierten den Plan. Grünen-Chefin Sabine Moser sagte, Österreich verliere dabei."
    assert _org(text, "Grüne").party_country == "Österreich"
    assert person(text, "Moser").party_country == "Österreich"
    # a party of one country needs no such note
    assert person("Ute Kramer (SPD) sagte in Wien, der Plan sei gut.", "Kramer").party_country is None


@pytest.fixture(scope="module")
def dach_day():
    """The made-up day tests/data/days/mercosur_dach: Austrian, Swiss and German reports on one EU trade deal
    and a report from Brussels that names all three, with shared titles and the three countries' Greens."""
    from briefing import ingest
    from briefing.assemble import assemble
    from briefing.extract import load_pipeline

    ex = load_pipeline("blank")
    day = date(2026, 12, 7)
    selection = ingest.select_day(ingest.read_folder(DAY), day, undated="include")
    return assemble(day, [ex.extract(a) for a in selection.articles], background=[], excluded=selection.excluded,
                    title="Test", max_stories=4)


@pytest.mark.slow
def test_each_countrys_positions_name_its_own_speakers(dach_day):
    names = {a.id: a.name for s in dach_day.stories for a in s.actors}
    filed: dict[str, set[str]] = {}
    for s in dach_day.stories:
        for p in s.positions:
            filed.setdefault(p.country or "", set()).add(names.get(p.actor, ""))
    assert {"Markus Hofer", "Anton Leitner"} <= filed["Österreich"]
    assert "Urs Brunner" in filed["Schweiz"]
    assert "Thomas Berger" in filed["Deutschland"]
    # nobody is filed under a country not theirs
    assert not filed["Österreich"] & {"Urs Brunner", "Thomas Berger", "Laura Keller", "Lena Brandt"}
    assert not filed["Deutschland"] & {"Markus Hofer", "Anton Leitner", "Urs Brunner", "Claudia Meier"}
    assert not filed["Schweiz"] & {"Markus Hofer", "Anton Leitner", "Thomas Berger", "Julia Sommer"}
    # the three countries' Greens are three headings, not one
    assert "Grüne" not in filed
    assert {"Grüne (Österreich)", "Grüne (Schweiz)", "Grüne (Deutschland)"} <= set(filed)


@pytest.mark.slow
def test_every_actors_country_is_right_or_absent(dach_day):
    right = {
        "Markus Hofer": "Österreich", "Anton Leitner": "Österreich", "Eva Pichler": "Österreich",
        "Urs Brunner": "Schweiz", "Claudia Meier": "Schweiz",
        "Thomas Berger": "Deutschland", "Julia Sommer": "Deutschland", "Bundesregierung": "Deutschland",
    }
    parties = {"Sabine Moser": "Österreich", "Laura Keller": "Schweiz", "Lena Brandt": "Deutschland"}
    for s in dach_day.stories:
        for a in s.actors:
            if a.name in right:
                assert a.affiliation == right[a.name], a
            elif a.kind == "person":
                assert a.affiliation in (None, "Tirol", "Frankreich"), a
            if a.name in parties:
                assert a.party_country == parties[a.name], a


@pytest.mark.slow
def test_the_reader_sees_whose_greens_each_are(dach_day):
    import re

    from briefing.render import text, view

    out = re.sub(r"\n +", " ", text.render_text(view.build_view(dach_day)))  # unwrapped lines
    for heading in ("Grüne (Österreich):", "Grüne (Schweiz):", "Grüne (Deutschland):"):
        assert heading in out
    assert "Sabine Moser, Grünen-Chefin (Österreich, Grüne)" in out
    assert "Anton Leitner, Bundespräsident (Österreich)" in out
    assert "Urs Brunner, Bundespräsident (Schweiz)" in out


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        # round 16: the title in an apposition after the name is read as the one before it
        ("Anton Leitner, der Bundespräsident, mahnte zur Ruhe.", "Leitner", None),
        ("Eva Pichler, Bundesinnenministerin, sagte, der Plan sei gut.", "Pichler", None),
        ("In Wien sagte Anton Leitner, der Bundespräsident, Europa müsse zusammenstehen.", "Leitner", "Österreich"),
        ("Urs Brunner, der Schweizer Bundespräsident, sagte in Berlin, man sei sich einig.", "Brunner", "Schweiz"),
        ("Urs Brunner, der Schweizer Botschafter, sagte in Berlin, man sei sich einig.", "Brunner", "Schweiz"),
        ("Lena Huber, die österreichische Bundesministerin, sagte in Berlin, man sei sich einig.", "Huber",
         "Österreich"),
        # a title of one country keeps its country in the apposition too; an adjective names any title's
        ("Pjotr Sokolow, der Kreml-Sprecher, wies das zurück.", "Sokolow", "Russland"),
        ("Jean Dupont, der französische Botschafter, wies das zurück.", "Dupont", "Frankreich"),
        ("Jan Novak, der frühere Botschafter, wies das zurück.", "Novak", None),
    ],
)
def test_a_shared_title_in_an_apposition_takes_only_the_country_a_sign_gives(text, surname, country):
    assert person(text, surname).affiliation == country
