"""What subscribers and report readers get (issue 14): the email on a phone and in the law, the PDF.

* the email fits 320/380/600 px without horizontal scrolling, in light and dark mode
  (measured in headless Chromium), with a visible unsubscribe link (the List-Unsubscribe
  URL, per subscriber) and the imprint;
* the subject stays within 80 characters; the preheader is the lead's first sentence;
* nothing internal reaches readers: no excluded file, no reason, no path, no ISO date;
* figure notes cite [n] like everything else;
* the PDF hyphenates compounds at their joints and carries an evidence bundle.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import html as htmllib
import json
import re
import secrets
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.deliver import store
from briefing.deliver.message import IMPRINT_MISSING, TOKEN_LENGTH, MessageFactory
from briefing.models import IMPRINT_SLOT, UNSUBSCRIBE_SLOT, Briefing, Excluded, Source, SourcedText
from briefing.render import email as email_render
from briefing.render import text, view
from briefing.render.environment import render_template, shipped_templates
from briefing.render.hyphenate import SOFT_HYPHEN, load

GOLDEN = Path(__file__).parent / "golden"
DAY = date(2025, 9, 4)
IMPRINT = "Beispiel Medien GmbH\nMusterstraße 1, 80331 München\nVerantwortlich nach § 18 Abs. 2 MStV: Erika <Muster>"
UNSUBSCRIBE = "https://example.org/abbestellen?liste=ep&token={token}"
# An ISO date ("2025-09-04", "2025-03") in text meant for people.
ISO_DATE = re.compile(r"\b\d{4}-\d{2}(-\d{2})?\b")


@pytest.fixture(scope="module")
def golden() -> Briefing:
    b = Briefing.from_json((GOLDEN / "briefing.json").read_text(encoding="utf-8"))
    # an excluded file whose reason carries ISO dates, as the ingest stage writes them
    excluded = Excluded("seeds/002_bbcfefe2b262d2fe.txt", "anderes Datum: 2025-03 (nicht 2025-09-04)")
    return replace(b, excluded_sources=(*b.excluded_sources, excluded))


def _token() -> str:
    return secrets.token_urlsafe(32)


def _edition(b: Briefing) -> store.Edition:
    html, _ = email_render.render_email(b, shipped_templates())
    txt = text.render_text(view.build_view(b))
    return store.Edition(day=b.date, frozen_at="2025-09-04T05:00:00+00:00", briefing_json=b.to_json().encode(),
                         html=html.encode(), txt=txt.encode(), pdf=b"%PDF-1.7\n%%EOF\n", sha256="cd" * 32)


def _factory(b: Briefing, imprint: str | None = IMPRINT) -> MessageFactory:
    return MessageFactory(
        _edition(b), DAY, from_addr="Europäische Perspektive <briefing@example.org>",
        list_id="Europaeische Perspektive <ep.example.org>", unsubscribe_url=UNSUBSCRIBE, unsubscribe_mailto=None,
        title="Europäische Perspektive", imprint=imprint,
    )


def _parts(data: bytes) -> tuple[email.message.EmailMessage, str, str]:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    body = {p.get_content_type(): p.get_content().replace("\r\n", "\n") for p in msg.walk()
            if p.get_content_type().startswith("text/")}
    return msg, body["text/html"], body["text/plain"]  # type: ignore[return-value]


def _visible_text(html: str) -> str:
    """The text a reader sees: no tags, no <style>, entities decoded."""
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", html))


# ------------------------------------------------------------------ hyphenation at compound joints

# General news vocabulary, each compound with the joints a German typesetter breaks it at.
COMPOUNDS = [
    "Sicherheits-garantien", "Luft-verteidigung", "Waffen-still-stand", "Bundes-kanzler", "Friedens-truppe",
    "Außen-minister", "Verteidigungs-minister", "Bundes-regierung", "Minister-präsident", "Staats-präsident",
    "Regierungs-sprecher", "Sicherheits-rat", "Kriegs-verbrechen", "Waffen-lieferungen", "Militär-hilfe",
    "Wirtschafts-minister", "Finanz-ministerium", "Friedens-verhandlungen", "Boden-truppen", "Kampf-flug-zeuge",
    "Luft-abwehr-systeme", "Flüchtlings-krise", "Energie-preise", "Steuer-erhöhung", "Arbeits-markt",
    "Gesundheits-ministerium", "Klima-schutz", "Klima-schutz-gesetz", "Umwelt-schutz", "Wahl-kampf",
    "Bundestags-wahl", "Partei-vorsitzende", "Koalitions-vertrag", "Oppositions-führer", "Presse-konferenz",
    "Nachrichten-agentur", "Zeitungs-bericht", "Grenz-kontrollen", "Einwanderungs-politik", "Asyl-bewerber",
    "Strom-netz", "Wind-kraft-anlagen", "Atom-kraft-werk", "Schienen-verkehr", "Wohnungs-markt",
    "Miet-preis-bremse", "Gipfel-treffen", "Handels-abkommen", "Zoll-streit", "Friedens-plan", "Truppen-abzug",
    "Schutz-truppe", "Schützen-panzer", "Raketen-angriff", "Drohnen-angriffe", "Sicherungs-truppe",
    "Rüstungs-industrie", "Staats-schulden", "Zins-erhöhung", "Geld-politik", "Noten-bank", "Zusammen-arbeit",
    "Waffen-ruhe", "Deutsch-land", "West-deutschland", "Waffen-still-stands-verhandlungen",
]
# Words that are no compounds keep the patterns' syllable points.
NOT_COMPOUNDS = {
    "Regierung": "Re-gie-rung", "Verteidigung": "Ver-tei-di-gung", "Unterstützung": "Un-ter-stüt-zung",
    "Bevölkerung": "Be-völ-ke-rung", "Entscheidung": "Ent-schei-dung",
}


def test_the_compound_list_is_long_enough() -> None:
    assert len(COMPOUNDS) >= 50 and len(set(COMPOUNDS)) == len(COMPOUNDS)


@pytest.mark.parametrize("expected", COMPOUNDS)
def test_compounds_break_only_at_their_joints(expected: str) -> None:
    hyph = load(shipped_templates() / "hyphenation")
    word = expected.replace("-", "")
    # "Sicherheits-garantien", never "Sicherheitsga-rantien": no point inside a part
    assert hyph.word(word).replace(SOFT_HYPHEN, "-") == expected


@pytest.mark.parametrize(("word", "expected"), NOT_COMPOUNDS.items())
def test_other_words_keep_their_syllables(word: str, expected: str) -> None:
    assert load(shipped_templates() / "hyphenation").word(word).replace(SOFT_HYPHEN, "-") == expected


# ------------------------------------------------------------------ nothing internal, German dates, [n]


def test_no_reader_output_names_an_excluded_file_a_path_or_an_iso_date(golden: Briefing) -> None:
    folder = shipped_templates()
    html, _ = email_render.render_email(golden, folder)
    full = view.build_view(golden)
    outputs = {
        "email": _visible_text(html),
        "web": _visible_text(render_template(folder, "web.html", b=full, hyphenate=False)),
        "text": text.render_text(full),
    }
    assert golden.excluded_sources and all(s.path for s in golden.sources)
    for name, out in outputs.items():
        assert "Nicht berücksichtigt" not in out, name
        for e in golden.excluded_sources:
            assert Path(e.path).stem not in out and e.reason not in out, name
        for s in golden.sources:
            assert Path(s.path or "").name not in out, name
        assert "seeds/" not in out and ".txt" not in out, name
        assert not ISO_DATE.search(out), (name, ISO_DATE.search(out))
    assert "4.\u00a0September 2025" in outputs["text"] and "Datum unbekannt" in outputs["text"]
    # the JSON keeps them: it is for machines and the build log
    assert "002_bbcfefe2b262d2fe" in golden.to_json()


def test_source_dates_are_german_whatever_the_source_said() -> None:
    sources = (
        Source("S1", "A", None, "2025-09-04", None, None),
        Source("S2", "B", None, "2025-03", None, None),
        Source("S3", "C", None, None, None, None, date_label="2025-09-04"),
    )
    b = Briefing(date="2025-09-04", title="T", sources=sources)
    assert [s.date_label for s in view.build_view(b).sources] == ["4.\u00a0September 2025", "März 2025",
                                                                 "Datum unbekannt"]


def test_figure_notes_cite_sources_as_numbers(golden: Briefing) -> None:
    out = text.render_text(view.build_view(golden))
    assert "Hinweis: Angaben weichen ab: rund 30 [4] / 35 [1] ([1]: „hieß es aus" in out
    assert not re.search(r"\bS\d\b", out)
    html, _ = email_render.render_email(golden, shipped_templates())
    note = re.search(r'<p class="note".*?</p>', html, flags=re.S)
    assert note and 'href="#quelle-4"' in note.group(0) and "(S4)" not in note.group(0)
    assert "font-style: italic" not in note.group(0)  # information, not a warning


def test_source_ids_inside_a_quoted_phrase_stay_text(golden: Briefing) -> None:
    figure = replace(golden.stories[0].figures[2], note="Angaben weichen ab: 30 (S4) / 35 (S1: „die S3 und S1 sagen“)")
    story = replace(golden.stories[0], figures=(figure,))
    v = view.build_view(replace(golden, stories=(story,)))
    note = "".join(p.text + "".join(f"[{r.number}]" for r in p.refs) for p in v.stories[0].figures[0].note)
    assert note == "Angaben weichen ab: 30 [4] / 35 ([1]: „die S3 und S1 sagen“)"


def test_preheader_is_the_leads_first_sentence(golden: Briefing) -> None:
    lead = golden.stories[0].summary[0].text
    v = view.build_view(golden)
    assert lead.startswith(v.preheader) and v.preheader.endswith(".")
    html, _ = email_render.render_email(golden, shipped_templates())
    assert re.search(r'<div class="preheader"[^>]*>' + re.escape(htmllib.escape(v.preheader, quote=False)), html)


# ------------------------------------------------------------------ the footer per subscriber


def test_footer_has_the_subscribers_unsubscribe_link_and_the_imprint(golden: Briefing) -> None:
    token = _token()
    out = _factory(golden).build(store.Subscriber(1, "anna@example.org", "Anna", token))
    msg, html, plain = _parts(out.data)
    url = UNSUBSCRIBE.replace("{token}", token)
    assert str(msg["List-Unsubscribe"]) == f"<{url}>"
    assert f'href="{htmllib.escape(url)}"' in html  # the same URL, & escaped in the attribute
    assert f"Newsletter abbestellen: {url}" in plain
    # the imprint: escaped text with line breaks
    assert "Beispiel Medien GmbH<br>Musterstraße 1, 80331 München<br>" in html
    assert "Erika &lt;Muster&gt;" in html and "<Muster>" not in html
    assert "Impressum\nBeispiel Medien GmbH\nMusterstraße 1, 80331 München\n" in plain
    for body in (html, plain):
        assert UNSUBSCRIBE_SLOT not in body and IMPRINT_SLOT not in body and IMPRINT_MISSING not in body
        assert "weil Sie „Europäische Perspektive“ mit dieser Adresse abonniert haben" in " ".join(body.split())
    assert len(str(msg["Subject"])) <= 80


def test_copies_differ_only_by_token_and_are_reproducible(golden: Briefing) -> None:
    # a long URL: quoted-printable breaks lines inside the token; it must come out whole
    long_url = "https://newsletter.example.org/verwaltung/abonnements/europaeische-perspektive/abbestellen/{token}"
    tokens = [_token() for _ in range(6)]
    bodies = set()
    for token in tokens:
        f1 = replace_url(_factory(golden), long_url)
        a, b = f1.build(store.Subscriber(1, "a@example.org", None, token)), f1.build(
            store.Subscriber(1, "a@example.org", None, token))
        assert a.data == b.data
        # another run (another random placeholder) gives the same bytes
        assert replace_url(_factory(golden), long_url).build(store.Subscriber(1, "a@example.org", None, token)).data \
            == a.data
        msg, html, plain = _parts(a.data)
        url = long_url.replace("{token}", token)
        assert url in plain and f'href="{url}"' in html
        bodies.add((html.replace(token, "T"), plain.replace(token, "T")))
        assert a.smtp_data.startswith(a.head) and len(a.smtp_data) >= len(a.data)
    assert len(bodies) == 1


def replace_url(factory: MessageFactory, url: str) -> MessageFactory:
    """A factory like ``factory`` with another unsubscribe URL template."""
    return MessageFactory(
        factory.edition, DAY, from_addr="Europäische Perspektive <briefing@example.org>",
        list_id="Europaeische Perspektive <ep.example.org>", unsubscribe_url=url, unsubscribe_mailto=None,
        title="Europäische Perspektive", imprint=IMPRINT,
    )


def test_test_copy_and_odd_tokens_get_their_own_link(golden: Briefing) -> None:
    f = _factory(golden)
    msg, html, plain = _parts(f.build_test("chefin@example.net", "test", "abc123").data)
    assert "token=test" in html and "token=test" in plain and str(msg["List-Unsubscribe"]).endswith("token=test>")
    odd = "x" * (TOKEN_LENGTH + 5)
    _, html, _ = _parts(f.build(store.Subscriber(3, "c@example.org", None, odd)).data)
    assert f"token={odd}" in html


def test_article_text_cannot_become_the_link_or_the_imprint(golden: Briefing) -> None:
    story = golden.stories[0]
    forged = SourcedText(f"Gefälscht: {UNSUBSCRIBE_SLOT} und {IMPRINT_SLOT}", ("S1",))
    b = replace(golden, stories=(replace(story, summary=(forged, *story.summary)), *golden.stories[1:]))
    token = _token()
    factory = _factory(b)
    _, html, plain = _parts(factory.build(store.Subscriber(1, "a@example.org", None, token)).data)
    for body, rendered in ((html, factory.edition.html.decode()), (plain, factory.edition.txt.decode())):
        # the article's copies (summary, preheader) stay as they were; only the footer's slots are filled
        assert "Gefälscht:" in body
        assert body.count(UNSUBSCRIBE_SLOT) == rendered.count(UNSUBSCRIBE_SLOT) - 1
        assert body.count(IMPRINT_SLOT) == rendered.count(IMPRINT_SLOT) - 1
        assert body.count(token) == 1
        assert "Beispiel Medien GmbH" in body


def test_without_imprint_previews_show_a_placeholder(golden: Briefing) -> None:
    _, html, plain = _parts(_factory(golden, imprint=None).build(store.Subscriber(1, "a@b.org", None, _token())).data)
    assert IMPRINT_MISSING in html and IMPRINT_MISSING in plain


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {"BRIEFING_DB": str(tmp_path / "b.db"), "BRIEFING_OUT": str(tmp_path / "out"),
           "BRIEFING_SMTP_HOST": "127.0.0.1", "BRIEFING_SMTP_PORT": "9", "BRIEFING_IMPRINT": ""}
    env.update(extra)
    return env


def test_real_send_refuses_without_imprint(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["send", "--date", "2025-09-04"], env=_env(tmp_path))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: imprint is not set: set `imprint`")
    assert "BRIEFING_IMPRINT" in lines[0] and "--dry-run" in lines[0]
    assert not (tmp_path / "b.db").exists()  # refused before anything was touched


def test_dry_run_works_without_imprint_and_shows_the_placeholder(tmp_path: Path, golden: Briefing) -> None:
    from briefing.render import write_all

    write_all(golden, tmp_path / "out" / "2025-09-04")
    store.add_subscriber(str(tmp_path / "b.db"), "leser@example.org", None)
    result = CliRunner().invoke(main, ["send", "--date", "2025-09-04", "--dry-run", str(tmp_path / "eml")],
                                env=_env(tmp_path))
    assert result.exit_code == 0, result.output
    [eml] = (tmp_path / "eml").glob("*.eml")
    msg, html, plain = _parts(eml.read_bytes())
    assert IMPRINT_MISSING in html and IMPRINT_MISSING in plain
    token = re.search(r"/unsubscribe/([A-Za-z0-9_-]+)>", str(msg["List-Unsubscribe"]))
    assert token and f"/unsubscribe/{token.group(1)}" in html
    assert len(str(msg["Subject"])) <= 80


# ------------------------------------------------------------------ seen in a browser (slow)

WIDTHS = (320, 380, 600)


@pytest.fixture(scope="module")
def mailed_html(golden: Briefing) -> tuple[str, str]:
    token = _token()
    _, html, _ = _parts(_factory(golden).build(store.Subscriber(1, "anna@example.org", None, token)).data)
    return html, UNSUBSCRIBE.replace("{token}", token)


@pytest.mark.slow
@pytest.mark.parametrize(("width", "dark"), [(w, False) for w in WIDTHS] + [(380, True)])
def test_email_fits_the_screen_with_visible_unsubscribe_link_and_imprint(
    mailed_html: tuple[str, str], width: int, dark: bool
) -> None:
    from briefing.render import preview

    html, url = mailed_html
    seen = preview.measure_email(html, width, dark=dark)
    assert seen["scroll_width"] <= width and seen["right"] <= width + 0.5, seen  # no horizontal scrolling
    [link] = seen["unsubscribe"]
    assert link["visible"] and link["href"] == url
    assert seen["imprint"]["visible"]
    assert "Beispiel Medien GmbH\nMusterstraße 1, 80331 München" in seen["imprint"]["text"]
    if dark:
        assert seen["background"] == "rgb(21, 25, 30)" and seen["color"] == "rgb(230, 233, 237)"
    else:
        assert seen["background"] == "rgb(255, 255, 255)"


@pytest.mark.slow
def test_the_width_measurement_sees_an_overflow(mailed_html: tuple[str, str]) -> None:
    """The measurement is not blind: a 900 px table in the email makes the page wider than a phone."""
    from briefing.render import preview

    html, _ = mailed_html
    wide = html.replace("</h1>", '</h1><table width="900"><tr><td>breit</td></tr></table>', 1)
    seen = preview.measure_email(wide, 380)
    assert seen["scroll_width"] > 380 and seen["widest"].startswith("table")


# ------------------------------------------------------------------ the PDF (slow)


@pytest.mark.slow
def test_pdf_carries_the_evidence_bundle_with_checked_hashes(golden: Briefing, tmp_path: Path) -> None:
    import pypdf

    from briefing.render import preview, render_all

    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(render_all(golden).pdf)
    attached = {name: data[0] for name, data in pypdf.PdfReader(pdf).attachments.items()}
    names = [f"quelle-{n}.txt" for n in range(1, len(golden.sources) + 1)]
    assert sorted(attached) == sorted(["belege.json", "briefing.json", *names])
    # poppler sees the same files
    listed = preview._run(["pdfdetach", "-list", str(pdf)]).splitlines()[1:]
    assert sorted(line.split(": ", 1)[1] for line in listed) == sorted(attached)
    manifest = json.loads(attached["belege.json"])
    assert manifest["date"] == "2025-09-04"
    for entry in manifest["files"]:
        assert hashlib.sha256(attached[entry["name"]]).hexdigest() == entry["sha256"]
        assert len(attached[entry["name"]]) == entry["bytes"]
    assert {e["name"] for e in manifest["files"]} == set(attached) - {"belege.json"}
    for s, source in zip(manifest["sources"], golden.sources, strict=True):
        assert s["id"] == source.id and hashlib.sha256(attached[s["file"]]).hexdigest() == s["sha256"]
    assert Briefing.from_json(attached["briefing.json"].decode()) == golden
    excerpt = attached["quelle-3.txt"].decode()
    assert excerpt.startswith("Quelle [3]\nHerausgeber: BR24\n")
    assert "Das Wichtigste in Kürze (Meldung 1): Beim Treffen der „Koalition der Willigen“" in excerpt
    # tampering shows: a changed byte no longer matches its hash
    assert hashlib.sha256(attached["quelle-3.txt"] + b" ").hexdigest() != manifest["sources"][2]["sha256"]


@pytest.mark.slow
def test_pdf_text_has_no_internal_names_no_iso_dates_and_an_actors_table(golden: Briefing, tmp_path: Path) -> None:
    from briefing.render import preview, render_all

    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(render_all(golden).pdf)
    out = preview.pdftotext(pdf, layout=False).replace(SOFT_HYPHEN, "")
    assert "Nicht berücksichtigt" not in out and "002_bbcfefe2b262d2fe" not in out and "seeds/" not in out
    assert not ISO_DATE.search(out), ISO_DATE.search(out)
    assert re.search(r"NAME\s+ROLLE\s+ZUGEHÖRIGKEIT\s+QUELLEN", preview.pdftotext(pdf))


@pytest.mark.slow
def test_pdf_lines_break_compounds_at_joints(golden: Briefing, tmp_path: Path) -> None:
    from briefing.render import preview, render_all

    words = [c.replace("-", "") for c in COMPOUNDS]
    paragraph = " ".join(f"Die {w} und {words[(i * 7) % len(words)]} sind Thema." for i, w in enumerate(words))
    story = replace(golden.stories[1], summary=(SourcedText(paragraph, ("S3",)),) * 2)
    pdf = tmp_path / "h.pdf"
    pdf.write_bytes(render_all(replace(golden, stories=(story,))).pdf)
    joints = {c.replace("-", ""): {m.start() - i for i, m in enumerate(re.finditer("-", c))} for c in COMPOUNDS}
    text_ = preview.pdftotext(pdf, layout=False)
    # WeasyPrint draws U+2010 HYPHEN where it broke at a soft hyphen
    breaks = re.findall(r"(\w+)\u2010\n(\w+)", text_)
    checked = 0
    for left, right in breaks:
        word = left + right
        if word in joints:
            assert len(left) in joints[word], f"{left}-{right}"
            checked += 1
    assert checked >= 5, breaks  # enough breaks fell into compounds to prove something
