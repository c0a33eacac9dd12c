"""What helper e18 found reading two new days as an editor in round 18 (ceasefire talks in Cairo with statements
from Jerusalem, Doha, Washington, Brussels and Berlin; an EU-US tariff dispute with a commentary and industry
voices), fixed as patterns of German news; every sentence here is written for these tests (the people invented).

* In a story between countries (another country or a bloc states a position), a minister speaks for the country,
  not for the party, even when opposition parties state positions too; in a debate among one country's parties
  alone the minister stays one party's side.
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
