"""Fast tests of the render stage: German formatting, view, text, email, safety (no PDF here)."""

from __future__ import annotations

import dataclasses
import html as htmllib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefing.errors import RenderError
from briefing.models import (
    UNSUBSCRIBE_SLOT,
    Briefing,
    Excluded,
    Source,
    SourcedText,
    Story,
    StoryActor,
    StoryFigure,
    StoryPosition,
    StoryQuote,
)
from briefing.render import check_writable, email, formatting, text, view
from briefing.render.environment import environment, render_template, shipped_templates, templates_folder
from briefing.render.hyphenate import SOFT_HYPHEN, load

GOLDEN = Path(__file__).parent / "golden"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def golden() -> Briefing:
    return Briefing.from_json((GOLDEN / "briefing.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ formatting


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (40e9, "EUR", None, f"40{NBSP}Mrd.{NBSP}€"),
        (40e9, "Euro", "rund", f"rund 40{NBSP}Mrd.{NBSP}€"),
        (1.5e6, "EUR", None, f"1,5{NBSP}Mio.{NBSP}€"),
        (250, "Euro", None, f"250{NBSP}€"),
        (20, "Prozent", None, f"20{NBSP}%"),
        (2.5, "%", None, f"2,5{NBSP}%"),
        (26, "Länder", None, f"26{NBSP}Länder"),
        (4, "Brigaden", "mindestens", f"mindestens 4{NBSP}Brigaden"),
        (12000, "Soldaten", None, f"12.000{NBSP}Soldaten"),
        (3_000_000, "Menschen", "mehr als", f"mehr als 3{NBSP}Mio.{NBSP}Menschen"),
    ],
)
def test_figure_in_german(value: float, unit: str, qualifier: str | None, expected: str) -> None:
    assert formatting.figure(value, unit, qualifier) == expected


@pytest.mark.parametrize(
    ("func", "value", "expected"),
    [
        (formatting.long_date, "2025-09-04", f"Donnerstag, 4.{NBSP}September 2025"),
        (formatting.long_date, "2025-12-24", f"Mittwoch, 24.{NBSP}Dezember 2025"),
        (formatting.day_month, "2025-09-04", f"4.{NBSP}September"),
        (formatting.medium_date, "2025-03-01", f"1.{NBSP}März 2025"),
        (formatting.number, 1234.5, "1.234,5"),
        (formatting.number, 26.0, "26"),
    ],
)
def test_dates_and_numbers_in_german(func, value, expected) -> None:  # noqa: ANN001
    assert func(value) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Zeile\x00 eins\x07", "Zeile eins"),
        ("a\u202eb\u2066c", "abc"),  # bidi overrides could reorder what a reader sees
        ("  viel \n\n Platz\t ", "viel Platz"),
        (None, ""),
    ],
)
def test_clean_text(raw: str | None, expected: str) -> None:
    assert formatting.clean_text(raw) == expected


# ------------------------------------------------------------------ hyphenation


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Deutschland", "Deutsch-land"),
        ("Deutschlands", "Deutsch-lands"),
        ("Ostdeutschland", "Ostdeutsch-land"),  # compounds break at joints only (test_hyphenation_compounds.py)
        ("Sicherheitsgarantien", "Sicherheits-garantien"),
        ("Waffenstillstand", "Waffen-still-stand"),
        ("Bundeskanzler", "Bundes-kanzler"),
        ("Friedenstruppe", "Friedens-truppe"),
        ("Regierung", "Re-gie-rung"),  # not a compound: its syllables
    ],
)
def test_german_hyphenation(word: str, expected: str) -> None:
    hyph = load(shipped_templates() / "hyphenation")
    assert hyph.word(word).replace(SOFT_HYPHEN, "-") == expected


def test_deutschland_is_never_split_wrongly() -> None:
    import pyphen

    # The reason for our own hyphenation: the one-level reading splits it wrongly.
    assert pyphen.Pyphen(lang="de_DE").inserted("Deutschland") == "Deut-sch-land"
    hyph = load(shipped_templates() / "hyphenation")
    out = hyph.text("Deutschland, Deutschlands und Ostdeutschland").replace(SOFT_HYPHEN, "-")
    assert out == "Deutsch-land, Deutsch-lands und Ostdeutsch-land"


def test_hyphenation_leaves_short_words_acronyms_and_numbers_alone() -> None:
    hyph = load(shipped_templates() / "hyphenation")
    text = "Die NATO und 40 Mrd. Euro für Paris"
    assert hyph.text(text) == text


# ------------------------------------------------------------------ view


def test_view_numbers_sources_and_groups_positions(golden: Briefing) -> None:
    v = view.build_view(golden)
    assert [s.number for s in v.sources] == [1, 2, 3, 4]
    assert v.sources[1].date_label == "Datum unbekannt"
    story = v.stories[0]
    assert [g.country for g in story.positions] == ["Frankreich", "Deutschland", "Russland", "USA", "Ukraine"]
    assert [r.number for r in story.summary[0].refs] == [1, 3]  # sorted, S3 and S1
    assert story.matrix is not None and story.matrix.issues == ("Bodentruppen", "Luftverteidigung")
    france = story.matrix.rows[0]
    assert france.country == "Frankreich" and france.cells[0][0].label == "will" and france.cells[1] == ()
    assert v.stories[1].matrix is None
    assert v.preheader.startswith("Beim Treffen") and v.preheader.endswith("abzusichern.")
    assert not v.omitted.any and v.cut_note == ""


def test_view_is_deterministic(golden: Briefing) -> None:
    assert view.build_view(golden) == view.build_view(Briefing.from_json(golden.to_json()))


def test_unknown_source_reference_is_dropped(golden: Briefing) -> None:
    story = dataclasses.replace(golden.stories[1], summary=(SourcedText("Satz.", ("S9", "S3")),))
    v = view.build_view(dataclasses.replace(golden, stories=(story,)))
    assert [r.number for r in v.stories[0].summary[0].refs] == [3]


def test_only_web_urls_become_links() -> None:
    b = Briefing(
        date="2025-09-04",
        title="T",
        sources=(Source("S1", "X", None, None, None, "javascript:alert(1)"),),
    )
    s = view.build_view(b).sources[0]
    assert s.url == ""
    assert "javascript" not in email.render_email(b, shipped_templates())[0]


# ------------------------------------------------------------------ plain text


def test_text_is_wrapped_at_72_columns(golden: Briefing) -> None:
    out = text.render_text(view.build_view(golden))
    for line in out.splitlines():
        # only an unbreakable word (a URL) may overflow
        assert len(line) <= 72 or " " not in line.strip(), line
    assert "„Ich danke allen für diese wichtige Arbeit“ – Wolodymyr Selenskyj" in out
    assert "[2] Deutsche Presse-Agentur" in out and "Datum unbekannt" in out
    assert f"rund 40{NBSP}Mrd.{NBSP}€" in out
    # excluded files are internal (JSON and build log), never shown to readers
    assert "Nicht berücksichtigt" not in out and "anderes Datum" not in out and ".txt" not in out


# ------------------------------------------------------------------ untrusted text

EVIL = "<script>alert('x')</script><b>fett</b> {{ 7*7 }} {% raw %} <style>body{display:none}</style>\x1b[31m"


def evil_briefing() -> Briefing:
    actor = StoryActor("P1", f"Max {EVIL}", "person", EVIL, EVIL, (), 1, ("S1",))
    story = Story(
        id="s1",
        headline=f"Titel {EVIL}",
        summary=(SourcedText(f"Zusammenfassung {EVIL}", ("S1",)),),
        actors=(actor,),
        positions=(StoryPosition("P1", f"Position {EVIL}", ("S1",), country=EVIL),),
        figures=(StoryFigure(3, f"Stück {EVIL}", EVIL, f"Kontext {EVIL}", ("S1",)),),
        quotes=(StoryQuote("P1", f"Max {EVIL}", f"Zitat {EVIL}", "direct", ("S1",)),),
        outlook=(SourcedText(f"Ausblick {EVIL}", ("S1",)),),
    )
    return Briefing(
        date="2025-09-04",
        title=f"Briefing {EVIL}",
        sources=(Source("S1", f"Verlag {EVIL}", EVIL, None, EVIL, f"https://x.example/?q={EVIL}"),),
        excluded_sources=(Excluded(f"datei {EVIL}", f"Grund {EVIL}"),),
        stories=(story,),
    )


class _Tags(HTMLParser):
    """Start tags and text of an HTML document, as a browser's parser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_untrusted_text_stays_text_in_html() -> None:
    b = evil_briefing()
    folder = shipped_templates()
    web = render_template(folder, "web.html", b=view.build_view(b), hyphenate=False)
    for html in (email.render_email(b, folder)[0], web):
        parsed = _Tags(html)
        names = [t for t, _ in parsed.tags]
        assert "script" not in names and "b" not in names
        assert names.count("style") == 1  # ours; the article's <style> is text
        text_seen = "".join(parsed.text)
        assert "<script>alert('x')</script><b>fett</b> {{ 7*7 }}" in text_seen  # shown as text, not evaluated
        assert "49" not in html
        assert "\x1b" not in html
        hrefs = [a.get("href") or "" for t, a in parsed.tags if t == "a"]
        # the footer's unsubscribe slot is ours (delivery fills it); everything else points inside or to the source
        assert all(h.startswith(("#", "https://x.example/", UNSUBSCRIBE_SLOT)) for h in hrefs), hrefs


def test_untrusted_text_stays_text_in_plain_text() -> None:
    out = text.render_text(view.build_view(evil_briefing()))
    assert "<script>alert('x')</script>" in out  # verbatim, it is plain text
    assert "{{ 7*7 }}" in out and "49" not in out
    assert "\x1b" not in out


# ------------------------------------------------------------------ email


def test_email_structure(golden: Briefing) -> None:
    html, v = email.render_email(golden, shipped_templates())
    assert not v.omitted.any
    parsed = _Tags(html)
    attrs = {t: a for t, a in reversed(parsed.tags)}  # first of each tag
    assert attrs["html"]["lang"] == "de"
    assert any(t == "div" and a.get("class") == "wrapper" and a.get("lang") == "de" for t, a in parsed.tags)
    assert html.startswith('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">')
    assert 'role="presentation"' in html and 'width="600"' in html
    assert "max-width: 600px" in html  # inlined from email.css
    assert "<script" not in html.lower()
    # nothing to load; links only to the sources and the unsubscribe slot delivery fills
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!www\.br\.de|taz\.de|briefing\.invalid/)""", html)
    assert not re.search(r"<(img|link|iframe|object|embed)\b", html)
    style_blocks = re.findall(r"<style>(.*?)</style>", html, flags=re.S)
    assert len(style_blocks) == 1 and "@media" in style_blocks[0] and "prefers-color-scheme" in style_blocks[0]
    assert ".story {" not in style_blocks[0]  # plain rules went into style attributes
    assert 'class="preheader"' in html and "display: none" in html
    for heading in ("Das Wichtigste in Kürze", "Positionen", "Zahlen &amp; Fakten", "Stimmen", "Akteure",
                    "Ausblick", "Quellen", "Angaben weichen ab", "Anders zitiert", "Impressum"):
        assert heading in html, heading
    assert "Nicht berücksichtigt" not in html and "seeds/" not in html
    refs = [a for t, a in parsed.tags if t == "a" and a.get("class") == "ref"]
    assert any(r.get("href") == "#quelle-3" and r.get("aria-label") == "Quelle 3" for r in refs)
    assert 'id="quelle-3"' in html
    assert "„Ich danke allen für diese wichtige Arbeit“" in html
    assert f"40{NBSP}Mrd.{NBSP}€" in htmllib.unescape(html)
    assert "<h1" in html and "<h2" in html and "<h3" in html


def _huge_briefing(golden: Briefing, stories: int = 40, repeat: int = 12) -> Briefing:
    """A long day: many stories, each with many quotes, figures and positions."""
    base = golden.stories[0]
    many = []
    for i in range(stories):
        many.append(dataclasses.replace(
            base,
            id=f"story-{i}",
            headline=f"Meldung {i + 1}: {base.headline}",
            quotes=base.quotes * repeat,
            figures=base.figures * repeat,
            positions=base.positions * repeat,
            actors=base.actors * 3,
            summary=base.summary * 3,
        ))
    excluded = tuple(Excluded(f"folder/datei-{i}.txt", "anderes Datum") for i in range(300))
    return dataclasses.replace(golden, stories=tuple(many), excluded_sources=excluded)


def test_huge_email_is_cut_below_gmail_clipping(golden: Briefing) -> None:
    huge = _huge_briefing(golden)
    full = email.render_email_view(view.build_view(huge), shipped_templates())
    assert len(full.encode()) > 102_000  # the test really needs cutting
    html, v = email.render_email(huge, shipped_templates())
    assert len(html.encode()) <= email.MAX_EMAIL_BYTES < 102_000
    assert v.omitted.stories > 0 and v.omitted.items > 0
    assert "Vollständige Fassung im PDF / in der Webversion" in html
    assert v.stories[0].headline.startswith("Meldung 1:")  # the top-ranked story stays
    # every reference in the cut email still points at a listed source
    listed = set(re.findall(r'id="(quelle-\d+)"', html))
    assert set(re.findall(r'href="#(quelle-\d+)"', html)) <= listed


def test_email_that_cannot_fit_is_an_error(golden: Briefing) -> None:
    with pytest.raises(RenderError, match="stays above"):
        email.render_email(golden, shipped_templates(), max_bytes=2_000)


# ------------------------------------------------------------------ environment and files


def test_environment_is_strict_and_autoescaping() -> None:
    env = environment(shipped_templates())
    assert env.autoescape is True
    assert env.undefined.__name__ == "StrictUndefined"


def test_own_templates_folder(tmp_path: Path, golden: Briefing) -> None:
    import shutil

    own = tmp_path / "mine"
    shutil.copytree(shipped_templates(), own)
    (own / "partials" / "story.html").write_text("<h2>EIGENE {{ story.headline }}</h2>\n", encoding="utf-8")
    assert templates_folder(str(own)) == own.resolve()
    html, _ = email.render_email(golden, own)
    assert "EIGENE 26 Länder" in html and "Das Wichtigste in Kürze" not in html


def test_incomplete_templates_folder_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="lacks base.html") as err:
        templates_folder(tmp_path)
    assert "\n" not in str(err.value)


def test_template_error_is_a_render_error(tmp_path: Path, golden: Briefing) -> None:
    import shutil

    own = tmp_path / "mine"
    shutil.copytree(shipped_templates(), own)
    (own / "partials" / "story.html").write_text("{{ story.no_such_field }}\n", encoding="utf-8")
    with pytest.raises(RenderError, match="no_such_field"):
        email.render_email(golden, own)


def test_check_writable(tmp_path: Path) -> None:
    check_writable(tmp_path / "new" / "day")
    assert (tmp_path / "new" / "day").is_dir()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(RenderError, match="cannot write to output folder") as err:
        check_writable(blocker / "day")
    assert "\n" not in str(err.value)


def test_country_speaking_for_itself_is_not_named_twice(golden: Briefing) -> None:
    country = StoryActor("C1", "Russland", "country", None, "Russland", (), 3, ("S1",))
    story = dataclasses.replace(
        golden.stories[1],
        actors=(country,),
        positions=(StoryPosition("C1", "Russland lehnt das ab.", ("S1",), country="Russland"),),
    )
    v = view.build_view(dataclasses.replace(golden, stories=(story,)))
    assert v.stories[0].positions[0].country == "Russland"
    assert v.stories[0].positions[0].items[0].actor == ""
    assert "  * Russland lehnt das ab. [1]" in text.render_text(v)


def test_render_package_imports_weasyprint_lazily() -> None:
    import subprocess
    import sys

    code = "import sys, briefing.render; print('weasyprint' in sys.modules, 'spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_empty_briefing_renders() -> None:
    b = Briefing(date="2025-09-04", title="Europäische Perspektive")
    html, v = email.render_email(b, shipped_templates())
    assert v.stories == () and v.preheader == ""
    assert "Quellen" in html and "Nicht berücksichtigt" not in html
    assert text.render_text(view.build_view(b)).startswith("Europäische Perspektive\n")


@pytest.mark.parametrize(
    ("iso", "label", "expected"),
    [
        ("2025-09-04", None, f"4.{NBSP}September 2025"),
        (None, "Datum unbekannt", "Datum unbekannt"),
        (None, None, "Datum unbekannt"),
        ("2025-03", None, "März 2025"),  # only the month is known
        ("Sept. 2025", None, "Datum unbekannt"),  # not a date we can read: never shown raw
        (None, "2025-09-04", "Datum unbekannt"),  # an ISO label is for machines
    ],
)
def test_source_date_labels(iso: str | None, label: str | None, expected: str) -> None:
    b = Briefing(date="2025-09-04", title="T", sources=(Source("S1", "X", None, iso, None, None, label),))
    assert view.build_view(b).sources[0].date_label == expected


def test_bad_briefing_date_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="not a date"):
        view.build_view(Briefing(date="04.09.2025", title="T"))


def test_one_giant_story_is_shortened_to_fit(golden: Briefing) -> None:
    giant = "Sehr langer Satz über Sicherheitsgarantien. " * 4000  # ~180 KB in one summary line
    story = dataclasses.replace(golden.stories[0], summary=(SourcedText(giant, ("S1",)),))
    html, v = email.render_email(dataclasses.replace(golden, stories=(story,)), shipped_templates())
    assert len(html.encode()) <= email.MAX_EMAIL_BYTES
    assert v.stories[0].summary[0].text.endswith(" …") and len(v.stories[0].summary[0].text) <= 402
    assert v.stories[0].matrix is None


def test_empty_statements_are_left_out(golden: Briefing) -> None:
    story = dataclasses.replace(
        golden.stories[1],
        summary=(SourcedText("  ", ("S1",)), SourcedText("Echter Satz.", ("S1",))),
        positions=(StoryPosition("P6", "\x00", ("S3",), country="NATO"),),
    )
    v = view.build_view(dataclasses.replace(golden, stories=(story,)))
    assert [line.text for line in v.stories[0].summary] == ["Echter Satz."]
    assert v.stories[0].positions == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('Die "Koalition der Willigen" tagt', "Die „Koalition der Willigen“ tagt"),
        ('"A" und "B"', "„A“ und „B“"),
        ('Ein "offenes Zitat', 'Ein "offenes Zitat'),  # unbalanced: left alone
        ("schon „deutsch“", "schon „deutsch“"),
    ],
)
def test_german_quotes(raw: str, expected: str) -> None:
    assert view.german_quotes(raw) == expected


def test_quote_inside_quote_gets_half_quotes(golden: Briefing) -> None:
    q = StoryQuote("P1", "Emmanuel Macron", 'Wir nennen es "Koalition der Willigen"', "direct", ("S1",))
    story = dataclasses.replace(golden.stories[1], quotes=(q,))
    v = view.build_view(dataclasses.replace(golden, stories=(story,)))
    assert v.stories[0].quotes[0].text == "Wir nennen es ‚Koalition der Willigen‘"


def test_a_quotation_without_a_sure_speaker_says_so(golden: Briefing) -> None:
    q = StoryQuote(None, None, "Die Lage sei ernst", "indirect", ("S1",))
    story = dataclasses.replace(golden.stories[1], quotes=(q,))
    v = view.build_view(dataclasses.replace(golden, stories=(story,)))
    assert v.stories[0].quotes[0].speaker == "ohne eindeutige Zuordnung"


def test_akteure_are_people_and_organisations_not_countries(golden: Briefing) -> None:
    country = StoryActor("C1", "Ukraine", "country", None, "Ukraine", (), 3, ("S1",))
    person = StoryActor("P1", "Ismail Hanija", "person", "Chef", "Hamas", (), 2, ("S1",))
    org = StoryActor("O1", "Hamas", "organization", None, None, (), 2, ("S1",))
    story = dataclasses.replace(golden.stories[1], actors=(country, person, org))
    v = view.build_view(dataclasses.replace(golden, stories=(story,)))
    assert [a.name for a in v.stories[0].actors] == ["Ismail Hanija", "Hamas"]
    rendered = text.render_text(v)
    assert "* Ismail Hanija, Chef (Hamas) [1]" in rendered and "* Ukraine [1]" not in rendered


def test_lead_stays_in_summary_and_positions_do_not_repeat_it(golden: Briefing) -> None:
    # The lead is a stance too ("Macron hat ... kritisiert"): it opens "Das Wichtigste", and Positionen
    # shows only the stances it does not already say; a later summary sentence that a position says
    # is shown there instead.
    macron = StoryActor("P1", "Emmanuel Macron", "person", "Präsident", "Frankreich", (), 2, ("S1",))
    lead = "Der französische Präsident Emmanuel Macron hat die deutsche Schuldenbremse erneut kritisiert."
    said = "Europa brauche mehr gemeinsame Investitionen, sagte Macron am Freitag in Lyon."
    other = "Eine Sprecherin der Kommission kündigte Vorschläge für April an."
    story = dataclasses.replace(
        golden.stories[1],
        actors=(macron,),
        summary=(SourcedText(lead, ("S1",)), SourcedText(said, ("S1",)), SourcedText(other, ("S1",))),
        positions=(
            StoryPosition("P1", lead, ("S1",), country="Frankreich"),
            StoryPosition("P1", said, ("S1",), country="Frankreich"),
        ),
    )
    shown = view.build_view(dataclasses.replace(golden, stories=(story,))).stories[0]
    assert [line.text for line in shown.summary] == [lead, other]
    assert [p.text for g in shown.positions for p in g.items] == [said]


# ------------------------------------------------------------------ each statement once


def _story_with_fact(quote: StoryQuote) -> Briefing:
    fact = "Nach UN-Angaben sind rund 1,9 Millionen Menschen im Gazastreifen auf Hilfe angewiesen."
    story = Story(
        id="s1",
        headline="Waffenruhe verlängert",
        figures=(StoryFigure(1.9e6, "Menschen", "rund 1,9 Millionen Menschen", fact, ("S1",), "rund"),),
        quotes=(quote,),
    )
    return Briefing(
        date="2025-09-04",
        title="Briefing",
        sources=(Source("S1", "BR24", "Gaza", None, "2025-09-04", "https://x.example/a"),),
        excluded_sources=(),
        stories=(story,),
    )


def test_reported_fact_shown_as_figure_is_no_voice() -> None:
    said = "Nach UN-Angaben sind rund 1,9 Millionen Menschen im Gazastreifen auf Hilfe angewiesen."
    v = view.build_view(_story_with_fact(StoryQuote(None, "UN", said, "indirect", ("S1",))))
    assert v.stories[0].figures and not v.stories[0].quotes


def test_direct_quotation_with_a_figure_stays_a_voice() -> None:
    said = "Rund 1,9 Millionen Menschen im Gazastreifen sind auf Hilfe angewiesen"
    v = view.build_view(_story_with_fact(StoryQuote(None, "Tom Fletcher", said, "direct", ("S1",))))
    assert [q.text for q in v.stories[0].quotes] == [said]


def test_sourced_fact_shown_as_figure_is_no_position() -> None:
    fact = "Nach Angaben der EU-Kommission wurden rund 480.000 Menschen zur Ausreise aufgefordert."
    stance = "Die Kommission will die Quote der Rückführungen bis 2028 auf 480.000 im Jahr verdoppeln."
    actor = StoryActor("O1", "EU-Kommission", "organization", None, "EU", (), 1, ("S1",))
    story = Story(
        id="s1",
        headline="Rückführungen",
        actors=(actor,),
        positions=(
            StoryPosition("O1", fact, ("S1",), country="EU"),
            StoryPosition("O1", stance, ("S1",), country="EU"),
        ),
        figures=(StoryFigure(480000, "Menschen", "rund 480.000 Menschen", fact, ("S1",), "rund"),),
    )
    b = Briefing(
        date="2025-09-04",
        title="Briefing",
        sources=(Source("S1", "BR24", "EU", None, "2025-09-04", "https://x.example/a"),),
        excluded_sources=(),
        stories=(story,),
    )
    items = [p.text for g in view.build_view(b).stories[0].positions for p in g.items]
    assert items == [stance]  # the stance with a number stays; the sourced fact is in Zahlen & Fakten
