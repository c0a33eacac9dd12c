"""What the lead found reading days as an editor in round 18, fixed as patterns of German and of news; every
sentence here is written for these tests (the people and bodies invented).

* A meeting or vote in the present tense with a time ahead ("Der Rat kommt am Samstag zusammen", "Der Landtag
  stimmt im März ab") is what comes next, as "findet … statt" is.
* "wird … angesehen" (a separable prefix before a participle's "ge") is a passive, no future.
* A person noun with its complement after the speaker's name ("sagte X, Kommandant des Heeres, dass …") is his
  apposition, not the start of what he said, whether or not a role list holds the noun.
"""

from __future__ import annotations

import pytest

from tests.quote_helpers import quotes_of
from tests.test_editor_round17 import outlook_of


@pytest.mark.parametrize(
    "text",
    [
        "Der Rat der Bürgermeister kommt am Samstag in Linz zusammen.",
        "Zu einer Sondersitzung kommen die Innenminister der Länder am Montag zusammen.",
        "Das Parlament tritt in der kommenden Woche zu einer Sondersitzung zusammen.",
        "Der Landtag stimmt im März über den Haushalt ab.",
    ],
)
def test_a_meeting_or_vote_ahead_is_outlook(text):
    assert outlook_of(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Der Rat kommt seit Montag täglich zusammen.",  # under way
        "Der Rat kommt in Linz zusammen.",  # no time
        "Der Rat kam am Samstag in Linz zusammen.",  # past
        "Der Landtag stimmte im März über den Haushalt ab.",  # past
    ],
)
def test_a_meeting_under_way_without_time_or_past_is_no_outlook(text):
    assert outlook_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Grenzregion wird von der Regierung als Sperrgebiet angesehen.",  # an|ge|sehen: passive
        "Dem Bürgermeister wird vorgeworfen, Aufträge an Freunde vergeben zu haben.",
        "Ein Anschlag wird von der Polizei ausgeschlossen.",
    ],
)
def test_a_passive_with_a_separable_participle_is_no_outlook(text):
    assert outlook_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Die Ministerin wird dem neuen Kabinett angehören.",  # an|gehören: an infinitive
        "Der Verband wird seine Zahlen erst im Frühjahr angeben.",
        "Die Stadt wird die Arbeiten an eine Firma aus Linz abgeben.",
    ],
)
def test_a_future_with_a_separable_verb_of_ge_stays_outlook(text):
    assert outlook_of(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Am Donnerstag sagte General Peter Maier, Kommandant des Heeres, ohne auf einen Vorfall zu verweisen, "
        "dass ihn die Anschuldigungen zutiefst besorgt hätten.",
        "Am Montag sagte Paul Brenner, Gründer der Initiative, dass die Stadt mehr tun müsse.",
    ],
)
def test_a_person_noun_with_its_complement_after_the_name_is_the_speakers_apposition(text):
    reported = [q for q in quotes_of(text) if q.kind != "direct"]
    assert [q.text[:5] for q in reported] == ["dass "]
    assert reported[0].speaker_name in ("Peter Maier", "Paul Brenner")


def test_an_abstract_noun_with_its_complement_after_the_name_opens_the_report():
    reported = [q for q in quotes_of("Am Montag sagte Paul Brenner, Ziel der Reform sei eine gerechtere Verteilung.")
                if q.kind != "direct"]
    assert [q.text for q in reported] == ["Ziel der Reform sei eine gerechtere Verteilung"]
