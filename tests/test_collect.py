"""``briefing collect`` against a real HTTP server on 127.0.0.1 (no other network).

The server (http.server in a thread) serves feeds and pages the tests register: redirects,
404, 500, slow responses, wrong charsets, huge pages, ETag/Last-Modified, robots.txt.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.collect import collect_day
from briefing.collect.feeds import read_feeds
from briefing.collect.fetch import Fetcher, FetchError, decode_html
from briefing.errors import CollectError
from briefing.settings import Settings

DAY = date(2025, 9, 4)
NOW = datetime(2025, 9, 4, 16, 0, tzinfo=UTC)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the body (slow server)
    drip: float = 0.0  # seconds between 1 kB chunks


class Site:
    """Routes by path; records every request (path, headers)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.base = ""

    def add(self, path: str, body: bytes | str = b"", status: int = 200, **kw: object) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(status, data, **kw)  # type: ignore[arg-type]

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            s.requests.append((self.path, dict(self.headers)))
            route = s.routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = route.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            for k, v in route.headers.items():
                self.send_header(k, v)
            if not route.drip:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                if route.drip:
                    for i in range(0, len(route.body), 1000):
                        self.wfile.write(route.body[i : i + 1000])
                        self.wfile.flush()
                        time.sleep(route.drip)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


def article_html(title: str, body: str, dateline: str = "04.09.2025") -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<article><h1>{title}</h1><p class="dateline">{dateline}</p>{paras}</article></body></html>'
    )


BODY_A = (
    "Paris (dpa) - Die Staats- und Regierungschefs der Koalition der Willigen haben am Donnerstag in Paris "
    "über Sicherheitsgarantien für die Ukraine beraten. Der französische Präsident Emmanuel Macron sagte, "
    "26 Länder hätten sich verpflichtet, Truppen zu entsenden oder anderweitig zu helfen.\n\n"
    "Bundeskanzler Friedrich Merz sagte, Deutschland werde sich an der Luftverteidigung beteiligen. "
    "Über eine Beteiligung an Bodentruppen werde später entschieden."
)
BODY_B = (
    "Kiew (AFP) - Der ukrainische Präsident Wolodymyr Selenskyj hat die Zusagen der europäischen Partner "
    "begrüßt. Es sei der erste ernsthafte konkrete Schritt seit langer Zeit, sagte Selenskyj in Paris.\n\n"
    "Russland lehnt ausländische Truppen in der Ukraine strikt ab, erklärte das Außenministerium in Moskau."
)


def rss(base: str, items: list[tuple[str, str, str | None]]) -> str:
    out = []
    for title, path, pub in items:
        pub_xml = f"<pubDate>{pub}</pubDate>" if pub else ""
        out.append(f"<item><title>{title}</title><link>{base}{path}</link>{pub_xml}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test</title>'
        f"<link>{base}/</link><description>t</description>{''.join(out)}</channel></rss>"
    )


def atom(base: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{t}</title><link href="{base}{p}"/><id>{base}{p}</id><updated>{u}</updated></entry>'
        for t, p, u in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        f"<id>{base}/</id><updated>2025-09-04T10:00:00Z</updated>{entries}</feed>"
    )


THU = "Thu, 04 Sep 2025 10:00:00 +0200"
WED = "Wed, 03 Sep 2025 10:00:00 +0200"


def settings_for(tmp_path: Path, feeds: str, **kw: object) -> Settings:
    feeds_file = tmp_path / "feeds.toml"
    feeds_file.write_text(feeds, encoding="utf-8")
    values: dict[str, object] = dict(
        feeds=str(feeds_file),
        sources=str(tmp_path / "sources" / "{date}"),
        out=str(tmp_path / "out"),
        collect_state=str(tmp_path / "state.sqlite"),
        collect_delay=0.0,
        collect_timeout=2.0,
        db=str(tmp_path / "db.sqlite"),
    )
    values.update(kw)
    return Settings(**values)  # type: ignore[arg-type]


def stored(folder: Path) -> dict[str, dict[str, object]]:
    """Sidecars of the folder by URL."""
    out = {}
    for p in sorted(folder.glob("*.meta.json")):
        meta = json.loads(p.read_text(encoding="utf-8"))
        out[meta["url"]] = meta
    return out


def feeds_toml(*entries: tuple[str, str, str]) -> str:
    return "\n".join(f'[[{kind}]]\nurl = "{url}"\npublisher = "{pub}"\n' for kind, url, pub in entries)


# ---------------------------------------------------------------- end to end


def test_collect_then_rerun_adds_nothing_and_a_failing_feed_does_not_stop_the_rest(site: Site, tmp_path: Path):
    b = site.base
    html_type = {"Content-Type": "text/html; charset=utf-8"}
    site.add("/a.html", article_html("Koalition der Willigen berät in Paris", BODY_A), headers=html_type)
    site.add("/b.html", article_html("Selenskyj begrüßt Zusagen", BODY_B), headers=html_type)
    site.add("/old.html", article_html("Gestern", BODY_B, "03.09.2025"))
    site.add("/feed.xml", rss(b, [("Koalition der Willigen berät in Paris", "/a.html", THU),
                                  ("Alt", "/old.html", WED)]),
             headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'})
    site.add("/atom.xml", atom(b, [("Selenskyj begrüßt Zusagen", "/b.html", "2025-09-04T08:00:00Z")]),
             headers={"Content-Type": "application/atom+xml", "Last-Modified": "Thu, 04 Sep 2025 08:00:00 GMT"})
    site.add("/broken.xml", "kaputt", status=500)
    settings = settings_for(tmp_path, feeds_toml(("feed", f"{b}/feed.xml", "Tagesblatt"),
                                                 ("feed", f"{b}/broken.xml", "Kaputt-Zeitung"),
                                                 ("feed", f"{b}/atom.xml", "Atomblatt")))
    report = collect_day(settings, DAY, now=lambda: NOW)
    folder = tmp_path / "sources" / "2025-09-04"
    assert sorted(report.new) == [f"{b}/a.html", f"{b}/b.html"]
    assert report.other_days == 1
    assert [u for u, _ in report.failed] == [f"{b}/broken.xml"] and "HTTP 500" in report.failed[0][1]
    assert not report.ok
    metas = stored(folder)
    assert metas[f"{b}/a.html"]["publisher"] == "Tagesblatt"
    assert metas[f"{b}/a.html"]["title"] == "Koalition der Willigen berät in Paris"
    assert metas[f"{b}/a.html"]["published"] == "2025-09-04T10:00:00+02:00"  # Europe/Berlin
    assert metas[f"{b}/b.html"]["publisher"] == "Atomblatt"
    assert metas[f"{b}/a.html"]["fetched"] == "2025-09-04T18:00:00+02:00"
    assert len(list(folder.glob("*.html"))) == 2
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    ua = {h.get("User-Agent") for _, h in site.requests}
    assert ua == {settings.user_agent}

    # re-run: the feeds answer 304 (ETag / Last-Modified sent back), nothing is fetched or written again
    site.requests.clear()
    again = collect_day(settings, DAY, now=lambda: NOW)
    assert again.new == [] and again.updated == []
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before
    feed_req = [h for p, h in site.requests if p == "/feed.xml"]
    assert feed_req and feed_req[0].get("If-None-Match") == '"v1"'
    atom_req = [h for p, h in site.requests if p == "/atom.xml"]
    assert atom_req[0].get("If-Modified-Since") == "Thu, 04 Sep 2025 08:00:00 GMT"
    assert site.hits("/a.html") == 0 and site.hits("/b.html") == 0


def test_build_from_collected_articles_cites_urls(site: Site, tmp_path: Path):
    b = site.base
    site.add("/a.html", article_html("Koalition der Willigen berät in Paris", BODY_A))
    site.add("/b.html", article_html("Selenskyj begrüßt Zusagen", BODY_B))
    site.add("/feed.xml", rss(b, [("Koalition der Willigen berät in Paris", "/a.html", THU),
                                  ("Selenskyj begrüßt Zusagen", "/b.html", THU)]))
    settings = settings_for(tmp_path, feeds_toml(("feed", f"{b}/feed.xml", "Tagesblatt")))
    assert collect_day(settings, DAY, now=lambda: NOW).ok
    from briefing.pipeline import build_day

    result = build_day(settings, DAY)
    sources = result.briefing.sources
    assert {s.url for s in sources} == {f"{b}/a.html", f"{b}/b.html"}
    assert {s.publisher for s in sources} == {"Tagesblatt"}
    assert all(s.date == "2025-09-04" for s in sources)
    txt = (tmp_path / "out" / "2025-09-04" / "briefing.txt").read_text(encoding="utf-8")
    assert f"{b}/a.html" in txt


def test_cli_collect_is_quiet_under_cron_and_fails_when_a_feed_fails(site: Site, tmp_path: Path):
    b = site.base
    site.add("/a.html", article_html("Koalition der Willigen berät in Paris", BODY_A))
    site.add("/feed.xml", rss(b, [("Koalition", "/a.html", THU)]))
    settings = settings_for(tmp_path, feeds_toml(("feed", f"{b}/feed.xml", "Tagesblatt"),
                                                 ("page", f"{b}/missing.html", "Fehlt")))
    config = tmp_path / "briefing.toml"
    config.write_text(
        "\n".join(f"{k} = {json.dumps(v)}" for k, v in
                  dict(feeds=settings.feeds, sources=settings.sources, collect_state=settings.collect_state,
                       collect_delay=0.0, collect_timeout=2.0).items()),
        encoding="utf-8",
    )
    runner = CliRunner()
    quiet = runner.invoke(main, ["--config", str(config), "-q", "collect", "--date", "2025-09-04"])
    assert quiet.exit_code == 1
    assert "HTTP 404" in quiet.output and "Traceback" not in quiet.output
    assert "new" not in quiet.output  # no summary line under -q, only the error
    loud = runner.invoke(main, ["--config", str(config), "collect", "--date", "2025-09-04"])
    assert "2025-09-04: 0 new" in loud.output  # the article is already there
    assert len(list((tmp_path / "sources" / "2025-09-04").glob("*.html"))) == 1


# ---------------------------------------------------------------- the HTTP client


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    f = Fetcher("briefing-test/1.0", timeout=1.0, delay=0.0)
    yield f
    f.close()


def test_redirects_are_followed_and_the_final_url_kept(site: Site, fetcher: Fetcher):
    site.add("/old", status=301, headers={"Location": "/mid"})
    site.add("/mid", status=302, headers={"Location": f"{site.base}/new"})
    site.add("/new", "<p>da</p>")
    resp = fetcher.get(f"{site.base}/old")
    assert resp.url == f"{site.base}/new" and resp.body == b"<p>da</p>"


def test_a_redirect_loop_is_an_error(site: Site, fetcher: Fetcher):
    site.add("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="Weiterleitungen"):
        fetcher.get(f"{site.base}/loop")


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors_are_fetch_errors(site: Site, fetcher: Fetcher, status: int):
    site.add("/x", "nein", status=status)
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        fetcher.get(f"{site.base}/x")


def test_a_slow_server_times_out(site: Site, fetcher: Fetcher):
    site.add("/slow", "<p>spät</p>", delay=3.0)
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="Zeitüberschreitung"):
        fetcher.get(f"{site.base}/slow")
    assert time.monotonic() - t0 < 2.5


def test_a_dripping_server_hits_the_deadline(site: Site, fetcher: Fetcher):
    site.add("/drip", b"x" * 20_000, drip=0.2)  # each read is quick, the whole takes 4 s
    with pytest.raises(FetchError, match="Zeitüberschreitung"):
        fetcher.get(f"{site.base}/drip")


def test_huge_pages_are_refused_with_and_without_content_length(site: Site, fetcher: Fetcher, monkeypatch):
    monkeypatch.setattr("briefing.collect.fetch.MAX_RESPONSE_BYTES", 50_000)
    site.add("/huge", b"<p>" + b"a" * 60_000)
    with pytest.raises(FetchError, match="zu groß"):
        fetcher.get(f"{site.base}/huge")
    site.add("/huge-chunked", b"a" * 60_000, drip=0.0001)  # no Content-Length: counted while reading
    with pytest.raises(FetchError, match="zu groß"):
        fetcher.get(f"{site.base}/huge-chunked")


def test_robots_txt_is_obeyed(site: Site, fetcher: Fetcher):
    site.add("/robots.txt", "User-agent: *\nDisallow: /privat/\n")
    site.add("/privat/a.html", "<p>geheim</p>")
    site.add("/offen.html", "<p>offen</p>")
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(f"{site.base}/privat/a.html")
    assert fetcher.get(f"{site.base}/offen.html").status == 200
    assert site.hits("/privat/a.html") == 0 and site.hits("/robots.txt") == 1


def test_requests_to_one_host_are_spaced(site: Site):
    site.add("/a", "a")
    waits: list[float] = []
    clock = [100.0]
    f = Fetcher("briefing-test/1.0", timeout=1.0, delay=2.0, clock=lambda: clock[0], sleep=waits.append)
    f.get(f"{site.base}/a")  # robots.txt (404) then /a: the second waits the full delay
    f.get(f"{site.base}/a")
    f.close()
    assert waits == [2.0, 4.0]


def test_conditional_get_returns_304(site: Site, fetcher: Fetcher):
    site.add("/p", "<p>x</p>", headers={"ETag": '"abc"'})
    first = fetcher.get(f"{site.base}/p")
    assert first.etag == '"abc"'
    assert fetcher.get(f"{site.base}/p", etag=first.etag).status == 304


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("Größe „Ä“ – 5 €".encode("cp1252"), "text/html; charset=utf-8", "Größe „Ä“ – 5 €"),  # lies: says UTF-8
        ("Größe „Ä“".encode(), "text/html; charset=iso-8859-1", "Größe „Ä“"),  # lies: says Latin-1
        ("Größe „Ä“".encode("cp1252"), "text/html; charset=iso-8859-1", "Größe „Ä“"),  # Latin-1 = windows-1252
        ('<meta charset="windows-1252"><p>Größe</p>'.encode("cp1252"), "text/html", "Größe"),
    ],
)
def test_wrong_charsets_are_read_right(body: bytes, content_type: str, expected: str):
    text, _enc = decode_html(body, content_type)
    assert expected in text


def test_a_page_with_a_wrong_charset_is_stored_as_utf8_and_readable(site: Site, tmp_path: Path):
    html = article_html("Koalition der Willigen berät in Paris", BODY_A).replace('charset="utf-8"', 'charset="utf-8"')
    site.add("/cp.html", html.encode("cp1252"), headers={"Content-Type": "text/html; charset=utf-8"})
    settings = settings_for(tmp_path, feeds_toml(("page", f"{site.base}/cp.html", "Tagesblatt")))
    assert collect_day(settings, DAY, now=lambda: NOW).new == [f"{site.base}/cp.html"]
    page = next((tmp_path / "sources" / "2025-09-04").glob("*.html"))
    assert "Staats- und Regierungschefs" in page.read_text(encoding="utf-8")
    assert "berät" in page.read_text(encoding="utf-8")


def test_a_changed_page_is_updated_and_an_unchanged_one_left_alone(site: Site, tmp_path: Path):
    site.add("/p.html", article_html("Koalition der Willigen berät in Paris", BODY_A), headers={"ETag": '"1"'})
    settings = settings_for(tmp_path, feeds_toml(("page", f"{site.base}/p.html", "Tagesblatt")))
    assert len(collect_day(settings, DAY, now=lambda: NOW).new) == 1
    again = collect_day(settings, DAY, now=lambda: NOW)
    assert again.unchanged == 1 and not again.new and not again.updated
    site.add("/p.html", article_html("Koalition der Willigen berät in Paris", BODY_A + "\n\nNachtrag."),
             headers={"ETag": '"2"'})
    assert collect_day(settings, DAY, now=lambda: NOW).updated == [f"{site.base}/p.html"]


def test_a_failed_item_is_retried_by_the_next_run(site: Site, tmp_path: Path):
    b = site.base
    site.add("/feed.xml", rss(b, [("A", "/a.html", THU)]), headers={"ETag": '"f"'})
    site.add("/a.html", "weg", status=503)
    settings = settings_for(tmp_path, feeds_toml(("feed", f"{b}/feed.xml", "Tagesblatt")))
    first = collect_day(settings, DAY, now=lambda: NOW)
    assert first.ok and [u for u, _ in first.failed_items] == [f"{b}/a.html"]
    site.add("/a.html", article_html("Koalition der Willigen berät in Paris", BODY_A))
    assert collect_day(settings, DAY, now=lambda: NOW).new == [f"{b}/a.html"]


def test_undated_feed_items_are_taken_only_for_today(site: Site, tmp_path: Path):
    b = site.base
    site.add("/feed.xml", rss(b, [("A", "/a.html", None)]))
    site.add("/a.html", article_html("Koalition der Willigen berät in Paris", BODY_A))
    settings = settings_for(tmp_path, feeds_toml(("feed", f"{b}/feed.xml", "Tagesblatt")))
    assert collect_day(settings, date(2025, 9, 3), now=lambda: NOW).other_days == 1
    assert collect_day(settings, DAY, now=lambda: NOW).new == [f"{b}/a.html"]


# ---------------------------------------------------------------- the feeds file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[feed]]\nurl = "https://x.example/f"\n', "publisher"),
        ('[[feed]]\nurl = "ftp://x.example/f"\npublisher = "X"\n', "not an http"),
        ('[[feeds]]\nurl = "https://x.example/f"\npublisher = "X"\n', "unknown table"),
        ('[[page]]\nurl = "https://x.example/f"\npublisher = "X"\nname = "y"\n', "unknown key"),
        ("", "lists no"),
        ("[[feed]\n", "not valid TOML"),
    ],
)
def test_feeds_file_errors_are_one_line(tmp_path: Path, text: str, message: str):
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CollectError, match=message):
        read_feeds(path)


@pytest.mark.parametrize("kind", ["fifo", "folder", "nested", "huge number"])
def test_a_feeds_file_that_is_no_file_or_hostile_toml_is_one_line(tmp_path: Path, kind: str):
    """Read like the settings file: a named pipe would otherwise wait forever for a writer."""
    path = tmp_path / "feeds.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "nested":
        path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    else:
        path.write_text("x = " + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(CollectError, match="feeds file"):
        read_feeds(path)


def test_collect_without_feeds_file_says_how_to_fix_it(tmp_path: Path):
    result = CliRunner().invoke(main, ["collect", "--date", "2025-09-04", "--sources", str(tmp_path)],
                                env={"BRIEFING_COLLECT_STATE": str(tmp_path / "s.sqlite")})
    assert result.exit_code == 1 and "feeds" in result.output and "Traceback" not in result.output


def test_robots_crawl_delay_is_honoured(site: Site):
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 5\n")
    site.add("/a", "a")
    waits: list[float] = []
    clock = [100.0]
    f = Fetcher("briefing-test/1.0", timeout=1.0, delay=1.0, clock=lambda: clock[0], sleep=waits.append)
    f.get(f"{site.base}/a")
    f.get(f"{site.base}/a")
    f.close()
    assert waits[-1] >= 5.0


@pytest.mark.parametrize("link", ["http://[::1", "mailto:redaktion@example.org", "javascript:alert(1)"])
def test_a_bad_item_link_is_reported_and_the_rest_goes_on(site: Site, tmp_path: Path, link: str):
    b = site.base
    feed = rss(b, [("A", "/a.html", THU)]).replace("</channel>", f"<item><title>X</title><link>{link}</link>"
                                                    f"<pubDate>{THU}</pubDate></item></channel>")
    site.add("/feed.xml", feed)
    site.add("/a.html", article_html("Koalition der Willigen berät in Paris", BODY_A))
    settings = settings_for(tmp_path, feeds_toml(("feed", f"{b}/feed.xml", "Tagesblatt")))
    report = collect_day(settings, DAY, now=lambda: NOW)
    assert report.new == [f"{b}/a.html"] and len(report.failed_items) == 1 and report.ok


def test_a_pdf_behind_an_article_link_is_not_stored_as_a_page(site: Site, tmp_path: Path):
    site.add("/doc.pdf", b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"})
    settings = settings_for(tmp_path, feeds_toml(("page", f"{site.base}/doc.pdf", "Amt")))
    report = collect_day(settings, DAY, now=lambda: NOW)
    assert "keine Webseite (application/pdf)" in report.failed[0][1]
    assert not list((tmp_path / "sources" / "2025-09-04").glob("*"))


def test_agency_credits_of_a_collected_page_reach_the_source_record(site: Site, tmp_path: Path):
    b = site.base
    credited = BODY_A.replace("Paris (dpa) - ", "") + "\n\nMit Informationen von dpa und Reuters"
    site.add("/a.html", article_html("Koalition der Willigen berät in Paris", credited))
    site.add("/b.html", article_html("Selenskyj begrüßt Zusagen", BODY_B))
    pages = feeds_toml(("page", f"{b}/a.html", "BR24"), ("page", f"{b}/b.html", "Kiewer Blatt"))
    settings = settings_for(tmp_path, pages)
    assert collect_day(settings, DAY, now=lambda: NOW).ok
    from briefing.pipeline import build_day

    sources = {s.url: s for s in build_day(settings, DAY).briefing.sources}
    assert sources[f"{b}/a.html"].agency == ("dpa", "Reuters")
    assert sources[f"{b}/a.html"].publisher == "BR24"
    assert sources[f"{b}/a.html"].title == "Koalition der Willigen berät in Paris"


def test_a_late_evening_item_belongs_to_the_newsroom_day(site: Site, tmp_path: Path):
    b = site.base
    site.add("/feed.xml", rss(b, [("A", "/a.html", "Wed, 03 Sep 2025 22:30:00 +0000")]))  # 00:30 in Berlin
    site.add("/a.html", article_html("Koalition der Willigen berät in Paris", BODY_A, dateline=""))
    settings = settings_for(tmp_path, feeds_toml(("feed", f"{b}/feed.xml", "Tagesblatt")))
    assert collect_day(settings, DAY, now=lambda: NOW).new == [f"{b}/a.html"]
    from briefing.ingest import read_folder

    article = read_folder(tmp_path / "sources" / "2025-09-04").articles[0]
    assert (article.date, article.fetched) == ("2025-09-04", "2025-09-04")


def test_robots_txt_behind_a_redirect_is_followed(site: Site, fetcher: Fetcher):
    site.add("/robots.txt", status=301, headers={"Location": "/real-robots.txt"})
    site.add("/real-robots.txt", "User-agent: *\nDisallow: /privat/\n")
    site.add("/privat/a.html", "<p>geheim</p>")
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(f"{site.base}/privat/a.html")
