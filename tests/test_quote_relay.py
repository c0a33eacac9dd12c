"""A quotation a medium relays ("zitiert die Zeitung den Minister", "wird von der Zeitung zitiert"): the
person quoted is the speaker, the medium is kept beside them as the relay, ``briefing quotes`` writes the
words a second time with the medium as speaker and ``"relay": true`` (the benchmark annotates them twice),
and the briefing says "zitiert nach …". German sentences written for these tests."""

from __future__ import annotations

import html as htmllib
import io
import json

import pytest
from quote_helpers import quotes_of

from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.models import Briefing, Source, Story, StoryActor, StoryQuote
from briefing.render import text as text_render
from briefing.render import view
from briefing.render.environment import render_template, shipped_templates

CASES = [
    # passive with the medium as agent, colon quotation
    (
        "Der Landrat Peter Maier wird von der „Passauer Neuen Presse“ mit den Worten zitiert: „Wir haben keine "
        "Wahl mehr, die Brücke muss gesperrt werden.“",
        "Peter Maier",
        "Passauer Neuen Presse",
    ),
    # active, verb first: the medium, then the one quoted
    (
        "„Die Lage ist ernst, aber wir haben sie im Griff“, zitiert die „Süddeutsche Zeitung“ Innenminister "
        "Joachim Herrmann.",
        "Joachim Herrmann",
        "Süddeutsche Zeitung",
    ),
    # active, the medium in the prefield
    (
        "Die Nachrichtenagentur Reuters zitiert die Ministerin Anna Berger mit den Worten: „Wir werden den "
        "Haushalt nicht mehr ändern, das ist beschlossen.“",
        "Anna Berger",
        "Reuters",
    ),
    # the medium's kind before its name is left out of the name shown
    (
        "Die Nachrichtenagentur Interfax zitiert Außenminister Sergej Lawrow mit den Worten: „Wir sind zu "
        "Gesprächen bereit, aber nicht zu jedem Preis.“",
        "Sergej Lawrow",
        "Interfax",
    ),
    # an agency named in lowercase; the one quoted by an indefinite article
    (
        "„Wir tun alles, um so viele Menschen wie möglich an ihr Ziel zu bringen“, zitiert die Nachrichtenagentur "
        "dpa einen Bahnsprecher.",
        "Bahnsprecher",
        "dpa",
    ),
    # the agent right after the one quoted
    (
        "„Wer jetzt streikt, nimmt Millionen Pendler in Geiselhaft“, wird die Personalvorständin Ulrike Weiß von "
        "der „Frankfurter Allgemeinen Zeitung“ zitiert.",
        "Ulrike Weiß",
        "Frankfurter Allgemeinen Zeitung",
    ),
    # passive, the medium the words appear in
    (
        "„Wir rechnen mit weiteren Verzögerungen beim Bau“, wird die Bauministerin Klara Geywitz im Fachblatt "
        "„Bauwelt“ zitiert.",
        "Klara Geywitz",
        "Bauwelt",
    ),
    # no medium named: one record
    ("„Das ist eine gute Nachricht für die ganze Region“, wird Bürgermeister Hans Huber zitiert.", "Hans Huber", None),
    ("„Wir werden das prüfen und uns dann äußern“, zitierte man die Sprecherin Eva Lang.", "Eva Lang", None),
    # "von X" as an attribute of the place, not the agent: no medium named as one
    (
        "Der Trainer Jens Keller wird auf der Internetseite von Borussia Dortmund wie folgt zitiert: „Wir haben "
        "eine schwere Saison hinter uns, aber wir kommen zurück.“",
        "Jens Keller",
        None,
    ),
    # an interview with a broadcaster is no relay: the speaker said it to the broadcaster
    ("In einem Interview mit dem Sender sagte Huber: „Wir werden das prüfen und uns dann äußern.“", "Huber", None),
]


def _records(text: str) -> list[dict]:
    out = io.StringIO()
    quotes_jsonl(io.StringIO(json.dumps({"id": "t", "text": text}, ensure_ascii=False) + "\n"), out)
    return json.loads(out.getvalue())["quotes"]


@pytest.mark.parametrize(("text", "speaker", "medium"), CASES)
def test_relayed_quotation(text: str, speaker: str, medium: str | None) -> None:
    recs = _records(text)
    assert recs and recs[0]["kind"] == "direct" and not recs[0].get("relay")
    assert recs[0]["speaker"]["name"] == speaker
    relays = [r for r in recs if r.get("relay")]
    if medium is None:
        assert not relays and len(recs) == 1
        return
    assert len(recs) == 2 and len(relays) == 1
    relay = relays[0]
    assert relay["span"] == recs[0]["span"] and relay["kind"] == recs[0]["kind"]
    assert relay["confidence"] == recs[0]["confidence"]
    assert relay["speaker"]["name"] == medium
    b, e = relay["speaker"]["span"]
    assert medium.split()[-1] in text[b:e]


def _briefing(relayed_by: str | None) -> Briefing:
    actor = StoryActor("P1", "Joachim Herrmann", "person", "Innenminister", None, (), 1, ("S1",))
    quote = StoryQuote("P1", "Joachim Herrmann", "Die Lage ist ernst", "direct", ("S1",), relayed_by=relayed_by)
    story = Story(id="s1", headline="Hochwasser in Bayern", actors=(actor,), quotes=(quote,))
    return Briefing(
        date="2025-09-04",
        title="Briefing",
        sources=(Source("S1", "BR24", "Hochwasser", None, "2025-09-04", "https://x.example/a"),),
        excluded_sources=(),
        stories=(story,),
    )


@pytest.mark.parametrize("medium", ["Süddeutsche Zeitung", "<b>Blatt</b> {{ 7*7 }}"])
def test_briefing_names_the_relaying_medium(medium: str) -> None:
    b = _briefing(medium)
    plain = " ".join(text_render.render_text(view.build_view(b)).split())  # (wrapped at 72 columns)
    html = " ".join(render_template(shipped_templates(), "web.html", b=view.build_view(b), hyphenate=False).split())
    assert f"(zitiert nach {medium})" in plain
    assert f"(zitiert nach {htmllib.escape(medium, quote=False)})" in html  # untrusted text stays text


def test_briefing_without_relay_says_nothing_of_one() -> None:
    b = _briefing(None)
    assert "zitiert nach" not in text_render.render_text(view.build_view(b))


@pytest.mark.parametrize(
    ("text", "speaker", "source"),
    [
        ("Laut BBC News sagte Energieminister Rafael Ramirez, dass zehn Millionen Dollar investiert würden.",
         "Rafael Ramirez", "BBC News"),
        # (a bare "der Polizei" names no one without the actors stage: the layer goes, no medium is named)
        ("Nach Angaben der Polizei sagte Sprecherin Anna Berg am Montag, der Mann sei geflohen.",
         "Anna Berg", None),
    ],
)
def test_a_source_around_a_speakers_words_is_the_relay_not_a_second_voice(text: str, speaker: str,
                                                                          source: str | None) -> None:
    from briefing.assemble import _relayed

    records = quotes_of(text)
    assert len(records) == 2  # the source's layer and the speaker's (the annotation has both)
    shown = _relayed(records)
    assert [(q.speaker_name, q.relay_name) for q in shown] == [(speaker, source)]


def test_a_source_alone_stays_the_speaker() -> None:
    from briefing.assemble import _relayed

    records = quotes_of("Laut Polizei sei der Mann geflohen.")
    assert _relayed(records) == records
