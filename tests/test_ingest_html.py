"""HTML articles as a reader sees them, on pages in the shape of real German news sites.

The pages in ``tests/data/ingest/html/`` were written for these tests: a site header date
beside the article's dateline, a modification date in the metadata, an author box, teasers,
shop and newsletter promotion, captions, two kinds of interview and Markdown-like emphasis.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from briefing.ingest import infer
from briefing.ingest.read import read_article, read_folder
from briefing.models import Article

PAGES = Path(__file__).parent / "data" / "ingest" / "html"


def page(name: str) -> Article:
    return read_article(PAGES / name)


def test_the_article_dateline_beats_the_site_header_date_and_metadata():
    a = page("site_header_date.html")
    assert (a.date, a.date_precision) == ("2019-06-07", "day")  # not the header's 09.12.2019
    assert "09.12.2019" not in a.text


def test_the_visible_dateline_beats_a_metadata_modification_date():
    a = page("modified_meta_date.html")
    assert a.date == "2015-10-12"  # not article:modified_time 2021-03-02
    assert "Aktualisiert" not in a.text


def test_the_metadata_date_is_only_a_fallback(tmp_path: Path):
    html = (PAGES / "modified_meta_date.html").read_text(encoding="utf-8")
    html = re.sub(r'<p class="dateline">.*?</p>', "", html, flags=re.S)
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    assert read_article(tmp_path / "a.html").date == "2021-03-02"


@pytest.mark.parametrize(
    "furniture",
    [
        "Redakteurin in der Wirtschaft",  # author bio
        "Anna Beispiel",  # author box name
        "Autobauer streichen Stellen",  # teaser of another article
        "Stellenabbau",
        "Rheinpost-Shop",  # shop promotion
        "Newsletter",  # newsletter promotion
        "Foto: Kay Nietfeld",  # caption
        "Hubertus Heil im Bundestag",
        "Rentenreform",  # kicker above the headline
        "Impressum",
        "Politik",  # site navigation
    ],
)
def test_page_furniture_is_removed(furniture: str):
    assert furniture not in page("site_header_date.html").text


def test_the_article_body_is_kept_whole():
    text = page("site_header_date.html").text
    assert text.startswith("Die Bundesregierung will die Rentenversicherung")
    assert "rund 19 Milliarden Euro" in text and "forderte eine Kommission." in text
    assert text.count("\n\n") == 2  # three paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Redakteurin in der Wirtschaft der Rheinpost. Sie schreibt über Rente und Soziales.",
        "Anna Beispiel ist Redakteurin im Ressort Politik.",
        "Der große Rentenratgeber für nur 9,90 Euro. Jetzt bestellen!",
        "Der Wirtschafts-Newsletter: Jetzt kostenlos anmelden.",
    ],
)
def test_bios_and_promotions_without_telltale_markup_are_removed_as_text(tmp_path: Path, line: str):
    body = "<p>Die Bundesregierung will die Rentenversicherung bis zum Jahr 2030 stabilisieren, sagte Heil.</p>"
    other = body.replace("Heil", "Merz")
    html = f"<html><body><article><h1>Neue Pläne</h1><p>07.06.2019</p>{body}<p>{line}</p>{other}</article>"
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    text = read_article(tmp_path / "a.html").text
    assert line[:20] not in text and "sagte Merz" in text


def test_prose_about_reporters_is_kept(tmp_path: Path):
    line = ("Korrespondenten in Brüssel berichten, die Kommission wolle den Vorschlag noch in dieser Woche vorlegen, "
            "obwohl mehrere Mitgliedstaaten Bedenken angemeldet haben.")
    html = f"<html><body><article><h1>Neue Pläne</h1><p>07.06.2019</p><p>{line}</p><p>{line}x</p></article>"
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    assert "Korrespondenten in Brüssel berichten" in read_article(tmp_path / "a.html").text


def test_no_markdown_or_markup_reaches_the_text():
    a = page("markdown_emphasis.html")
    for marker in ("**", "__", "*", "[", "](", "#", "<"):
        assert marker not in a.text, marker
    assert "mehr Fernzüge" in a.text and "ein wichtiger Schritt" in a.text
    assert "Update: Die Preise" in a.text and "vier Prozent" in a.text and "in unserem Überblick." in a.text
    assert "deutlich zu hoch" in a.text
    assert "\n\nMehr Züge, höhere Preise\n\n" in a.text  # a heading is a paragraph of its own


@pytest.mark.parametrize("text", ["Bürger*innen und Lehrer*innen", "5 * 3 ergibt 15"])
def test_asterisks_that_are_not_markup_are_kept(tmp_path: Path, text: str):
    (tmp_path / "a.txt").write_text(f"Titel der Meldung hier\n\n{text} sind gemeint, sagte die Ministerin heute.\n",
                                    encoding="utf-8")
    assert text in read_article(tmp_path / "a.txt").text


def test_interview_with_bold_questions_keeps_question_and_answer_apart():
    a = page("interview.html")
    kinds = [t.kind for t in a.turns]
    assert kinds == ["question", "answer"] * 3
    questions = [a.text[t.start : t.end] for t in a.turns if t.kind == "question"]
    assert questions[0].startswith("Frau Beispielowa, die Europäer")
    assert questions[2] == "Was erwarten Sie von Washington?"
    assert {t.speaker for t in a.turns if t.kind == "answer"} == {"Katarina Beispielowa"}
    assert all(t.speaker is None for t in a.turns if t.kind == "question")
    assert a.in_question(a.text.index("Was erwarten Sie")) and not a.in_question(a.text.index("Ohne die"))


def test_interview_with_labels_names_the_interviewee_in_full():
    a = page("interview_labels.html")
    assert [t.kind for t in a.turns] == ["question", "answer", "question", "answer"]
    assert {t.speaker for t in a.turns if t.kind == "answer"} == {"Johann Wadephul"}
    assert a.text[a.turns[0].start : a.turns[0].end].startswith("Frage: Herr Minister")


def test_an_article_is_no_interview():
    assert page("site_header_date.html").turns == ()


def test_every_block_is_its_own_paragraph(tmp_path: Path):
    html = ("<html><body><article><h1>Zahlen des Tages</h1><p>04.09.2025</p>"
            "<p>Die Zahl der Anträge lag zuletzt bei 19</p><p>Die Regierung reagierte mit neuen Regeln.</p>"
            "</article></body></html>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    assert "bei 19\n\nDie Regierung" in read_article(tmp_path / "a.html").text


def test_no_figure_or_sentence_spans_a_paragraph_break():
    from briefing.extract import load_pipeline

    text = "Die Zahl der Anträge lag zuletzt bei 19\n\nDie Regierung stellte 3\n\nMilliarden Euro bereit."
    facts = load_pipeline("blank").extract(Article(path="x", text=text))
    assert [(f.value, f.unit) for f in facts.figures] == []
    assert all("\n\n" not in s.text for s in facts.sentences)


# ---------------------------------------------------------------- sidecars of collected pages


def test_feed_published_date_is_below_the_dateline_and_above_page_metadata(tmp_path: Path):
    html = (PAGES / "modified_meta_date.html").read_text(encoding="utf-8")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (tmp_path / "a.html.meta.json").write_text(
        '{"url": "https://example.org/a", "publisher": "Stadtblatt", "published": "2015-10-13T06:00:00+00:00",'
        ' "fetched": "2015-10-13T07:00:00+00:00"}', encoding="utf-8")
    a = read_folder(tmp_path).articles[0]
    assert (a.date, a.url, a.publisher) == ("2015-10-12", "https://example.org/a", "Stadtblatt")
    html = re.sub(r'<p class="dateline">.*?</p>', "", html, flags=re.S)
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    assert read_folder(tmp_path).articles[0].date == "2015-10-13"


# ---------------------------------------------------------------- inferred dates


DATED = ("Die Staats- und Regierungschefs der Koalition der Willigen haben am Donnerstag in Paris über "
         "Sicherheitsgarantien für die Ukraine beraten. Macron sagte, 26 Länder würden Truppen entsenden.")
UNDATED = ("Nach den Beratungen der Koalition der Willigen am Donnerstag in Paris: 26 Länder wollen Truppen "
           "entsenden, Sicherheitsgarantien für die Ukraine seien vereinbart, sagte Macron.")
OTHER = "Der FC Bayern hat am Donnerstag gegen Dortmund gewonnen. Die Mannschaft spielte stark im Stadion."


def art(path: str, text: str, day: str | None = None) -> Article:
    return Article(path=path, text=text, date=day, date_precision="day" if day else "unknown")


def test_an_undated_article_gets_the_event_day_of_a_related_dated_article():
    out = infer.infer_dates([art("a", DATED, "2025-09-04"), art("b", UNDATED)])
    assert (out[1].date, out[1].date_precision, out[1].date_inferred) == ("2025-09-04", "day", True)
    assert out[0].date_inferred is False


def test_the_event_weekday_is_counted_back_from_a_later_report():
    later = DATED.replace("haben am Donnerstag", "hatten am Donnerstag")
    out = infer.infer_dates([art("a", later, "2025-09-05"), art("b", UNDATED)])
    assert out[1].date == "2025-09-05"  # the Friday report names Thursday; the undated one names Thursday too


@pytest.mark.parametrize(
    ("undated", "others"),
    [
        (UNDATED.replace(" am Donnerstag", ""), [art("a", DATED, "2025-09-04")]),  # no weekday: no evidence
        (UNDATED.replace("Donnerstag", "Dienstag"), [art("a", DATED, "2025-09-04")]),  # another weekday
        (UNDATED, [art("a", OTHER, "2025-09-04")]),  # no related article
    ],
)
def test_without_evidence_the_article_stays_undated(undated: str, others: list[Article]):
    out = infer.infer_dates([*others, art("b", undated)])
    assert out[-1].date is None and out[-1].date_inferred is False


def test_the_inferred_flag_reaches_the_source_record():
    from briefing.assemble.sources import make_sources

    a = dataclasses.replace(art("b", UNDATED, "2025-09-04"), date_inferred=True)
    sources, _ids = make_sources([a])
    assert sources[0].date_inferred is True


def test_the_summary_never_takes_an_interviewers_question():
    from briefing import assemble
    from briefing.extract import load_pipeline

    a = dataclasses.replace(page("interview.html"), publisher="Tageszeitung")
    facts = load_pipeline("blank").extract(a)
    assert any(a.in_question(s.start) for s in facts.sentences)  # the questions are sentences of the text
    briefing = assemble.assemble(date_of(a), [facts], background=[], excluded=(), title="T", max_stories=8)
    summary = [t.text for story in briefing.stories for t in story.summary]
    assert summary
    questions = [a.text[t.start : t.end] for t in a.turns if t.kind == "question"]
    assert not [s for s in summary if any(s in q or q in s for q in questions)]


def date_of(a: Article):
    from datetime import date

    return date.fromisoformat(a.date or "2025-09-04")


def test_a_page_fetched_on_the_event_day_gets_that_day():
    no_weekday = UNDATED.replace(" am Donnerstag", "")
    fetched = dataclasses.replace(art("b", no_weekday), fetched="2025-09-04")
    out = infer.infer_dates([art("a", DATED, "2025-09-04"), fetched])
    assert (out[1].date, out[1].date_inferred) == ("2025-09-04", True)
    later = dataclasses.replace(fetched, fetched="2025-09-06")  # fetched two days later: no evidence for the day
    assert infer.infer_dates([art("a", DATED, "2025-09-04"), later])[1].date is None


def test_an_undated_collected_page_gets_a_date_marked_inferred_in_the_briefing(tmp_path: Path):
    from datetime import date

    from briefing.pipeline import build_day
    from briefing.settings import Settings

    def write(name: str, body: str, meta: str) -> None:
        html = f"<html><body><article><h1>Koalition der Willigen</h1>{body}</article></body></html>"
        (tmp_path / name).write_text(html, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text(meta, encoding="utf-8")

    write("a.html", f"<p>04.09.2025</p><p>{DATED}</p>", '{"url": "https://example.org/a", "publisher": "A-Blatt"}')
    write("b.html", f"<p>{UNDATED}</p>", '{"url": "https://example.org/b", "publisher": "B-Blatt"}')
    result = build_day(Settings(sources=str(tmp_path), out=str(tmp_path / "out")), date(2025, 9, 4))
    by_url = {s.url: s for s in result.briefing.sources}
    assert by_url["https://example.org/b"].date == "2025-09-04"
    assert by_url["https://example.org/b"].date_inferred is True
    assert by_url["https://example.org/a"].date_inferred is False
    assert '"date_inferred": true' in (tmp_path / "out" / "2025-09-04" / "briefing.json").read_text(encoding="utf-8")


def test_repeated_labels_that_ask_nothing_are_no_interview(tmp_path: Path):
    paras = "".join(
        f"<p>{label}: Die Lage in der Stadt bleibt nach dem Unwetter angespannt, die Feuerwehr ist im Einsatz {i}.</p>"
        for i, label in enumerate(["Update", "Hinweis", "Update", "Hinweis"])
    )
    html = f"<html><body><article><h1>Unwetter in der Stadt</h1><p>04.09.2025</p>{paras}</article></body></html>"
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    assert read_article(tmp_path / "a.html").turns == ()


def test_dates_of_teasers_after_the_headline_are_not_the_dateline(tmp_path: Path):
    html = ("<html><body><article><h1>Stadtrat beschließt Haushalt</h1>"
            '<ul class="related-articles"><li>03.06.2019</li><li>Andere Meldung</li></ul>'
            "<p>Der Stadtrat hat den Haushalt beschlossen, sagte die Oberbürgermeisterin am Abend.</p>"
            "<p>Veröffentlicht am 07.06.2019</p></article></body></html>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    assert read_article(tmp_path / "a.html").date == "2019-06-07"


def test_a_site_top_bar_date_without_header_element_does_not_win(tmp_path: Path):
    html = ('<html><body><div class="top-bar">Montag, 09.12.2019</div><article><h1>Stadtrat beschließt Haushalt</h1>'
            "<p>Der Stadtrat hat den Haushalt beschlossen, sagte die Oberbürgermeisterin am Abend.</p>"
            "</article></body></html>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    a = read_article(tmp_path / "a.html")
    assert a.date != "2019-12-09" and "09.12.2019" not in a.text
