"""``collect_day``: fetch the day's articles of every feed and page in the feeds file.

For each ``[[feed]]``: the feed (conditional GET; 304 means nothing new), its items
published on the day (Europe/Berlin; an item without a date only when collecting today),
and each item's page unless the day's folder already has it.  For each ``[[page]]``: the
page (conditional GET), rewritten only when its bytes changed.  A feed's validators are
stored only when all of its items were fetched, so an item that failed is tried again by the
next run.  One failing feed, page or item is logged with its reason and the rest goes on.
"""

from __future__ import annotations

import calendar
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from briefing.collect import store
from briefing.collect.feeds import Entry, read_feeds
from briefing.collect.fetch import Fetcher, FetchError, decode_html
from briefing.errors import CollectError
from briefing.settings import Settings

log = logging.getLogger(__name__)

# The briefing's day is a German newsroom's day: a feed item stamped 23:30 UTC belongs to the next day.
NEWS_TZ = "Europe/Berlin"
_FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
_PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
# What ingest reads as a page; a PDF or an image behind an article link is reported, not stored as .html.
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass
class CollectReport:
    """What one run did: new and updated articles, what was already there, what failed."""

    day: date
    folder: Path
    new: list[str] = field(default_factory=list)  # URLs
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0  # already in the folder, or 304
    other_days: int = 0  # feed items of other days
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason) of feeds/pages in the feeds file
    failed_items: list[tuple[str, str]] = field(default_factory=list)  # (url, reason) of feed items

    @property
    def ok(self) -> bool:
        """False when a feed or page of the feeds file failed (a failing item of a feed is a warning)."""
        return not self.failed

    def summary(self) -> str:
        """One line for the terminal."""
        failed = len(self.failed) + len(self.failed_items)
        return (
            f"{self.day.isoformat()}: {len(self.new)} new, {len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{self.other_days} of other days, {failed} failed -> {self.folder}"
        )

    def failure_message(self) -> str:
        """One line naming what failed, for the exit status."""
        first = "; ".join(f"{url}: {reason}" for url, reason in self.failed[:3])
        more = f" (+{len(self.failed) - 3} more)" if len(self.failed) > 3 else ""
        return f"{len(self.failed)} of the feeds file's sources failed: {first}{more}"


def _news_tz() -> Any:
    try:
        return ZoneInfo(NEWS_TZ)
    except ZoneInfoNotFoundError:  # no tz database installed: UTC is an hour or two off, not wrong by a day often
        return UTC


def item_day(entry: Any) -> date | None:
    """The day (Europe/Berlin) a feed item was published, or updated when it has no published date."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    moment = datetime.fromtimestamp(calendar.timegm(stamp), UTC)
    return moment.astimezone(_news_tz()).date()


def _iso_published(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    # in newsroom time, so the day of the stamp (what ingest reads) is the day the item was filed under
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC).astimezone(_news_tz()).isoformat() if stamp else None


class _Collector:
    def __init__(self, settings: Settings, day: date, fetcher: Fetcher, state: store.State,
                 folder: Path, now: Callable[[], datetime]) -> None:
        self.settings = settings
        self.day = day
        self.fetcher = fetcher
        self.state = state
        self.folder = folder
        self.now = now
        self.report = CollectReport(day, folder)
        self.today = now().astimezone(_news_tz()).date()

    def _store(self, url: str, final_url: str, body: bytes, content_type: str, meta: dict[str, Any]) -> bool:
        """Write a fetched page; True when the folder changed.

        Raises:
            FetchError: the response is no web page (a PDF, an image ...).
        """
        mime = content_type.split(";", 1)[0].strip().lower()
        if mime not in _PAGE_TYPES:
            raise FetchError(f"keine Webseite ({mime}): {final_url}")
        text, encoding = decode_html(body, content_type)
        html = store.as_utf8_html(text)
        name = store.article_name(url)
        path = self.folder / name
        if path.is_file() and path.read_bytes() == html:
            return False
        meta = {"url": final_url, **meta, "fetched": self.now().astimezone(_news_tz()).isoformat(timespec="seconds")}
        store.write_article(self.folder, name, html, meta)
        log.info("%s: stored as %s (%s)", final_url, name, encoding)
        return True

    def page(self, entry: Entry) -> None:
        etag, modified = self.state.validators(entry.url)
        if not store.has_article(self.folder, store.article_name(entry.url)):
            etag = modified = None  # the day's folder lacks it: fetch in full
        resp = self.fetcher.get(entry.url, etag, modified, accept=_PAGE_ACCEPT)
        if resp.status == 304:
            self.report.unchanged += 1
            return
        existed = store.has_article(self.folder, store.article_name(entry.url))
        if self._store(entry.url, resp.url, resp.body, resp.content_type, {"publisher": entry.publisher}):
            (self.report.updated if existed else self.report.new).append(resp.url)
        else:
            self.report.unchanged += 1
        self.state.remember(entry.url, resp.etag, resp.last_modified)

    def feed(self, entry: Entry) -> None:
        import feedparser

        etag, modified = self.state.validators(entry.url)
        resp = self.fetcher.get(entry.url, etag, modified, accept=_FEED_ACCEPT)
        if resp.status == 304:
            log.info("%s: not modified", entry.url)
            return
        parsed = feedparser.parse(resp.body, response_headers={"content-type": resp.content_type or "application/xml",
                                                               "content-location": resp.url})
        if parsed.bozo and not parsed.entries:
            raise FetchError(f"kein RSS/Atom-Feed: {str(parsed.get('bozo_exception', 'unlesbar'))[:120]}")
        complete = True
        for item in parsed.entries:
            link = item.get("link")
            day = item_day(item)
            if not link:
                if day == self.day:
                    title = (item.get("title") or "?").strip()[:80]
                    self.report.failed_items.append((entry.url, f"Eintrag ohne (gültigen) Link: {title}"))
                    log.warning("%s: item without a (valid) link: %s", entry.url, title)
                continue
            if day != self.day and not (day is None and self.day == self.today):
                self.report.other_days += 1
                continue
            if store.has_article(self.folder, store.article_name(link)):
                self.report.unchanged += 1
                continue
            try:
                page = self.fetcher.get(link, accept=_PAGE_ACCEPT)
                meta = {"publisher": entry.publisher, "title": (item.get("title") or "").strip() or None,
                        "published": _iso_published(item)}
                if self._store(link, page.url, page.body, page.content_type, meta):
                    self.report.new.append(page.url)
            except (FetchError, CollectError) as e:
                complete = False
                self.report.failed_items.append((link, str(e)))
                log.warning("%s: %s", link, e)
        if complete:
            self.state.remember(entry.url, resp.etag, resp.last_modified)


def _progress(items: list[Entry], show: bool) -> Iterator[Entry]:
    if not show:
        yield from items
        return
    import click

    def current(entry: Entry | None) -> str | None:
        return entry.url if entry else None

    with click.progressbar(items, label="Collecting", file=None, item_show_func=current) as bar:
        yield from bar


def collect_day(
    settings: Settings,
    day: date,
    progress: bool = False,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> CollectReport:
    """Collect the articles of ``day`` from the feeds file into ``settings.sources_for(day)``.

    Raises:
        CollectError: no feeds file is set, it is malformed, or the folder or state cannot be written.
    """
    if not settings.feeds:
        raise CollectError("no feeds file: set `feeds` in the settings file or BRIEFING_FEEDS (see README, Collect)")
    entries = read_feeds(Path(settings.feeds))
    folder = settings.sources_for(day)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CollectError(f"sources folder {folder} cannot be created: {e.strerror or e}") from None
    state = store.State(Path(settings.collect_state))
    fetcher = Fetcher(settings.user_agent, timeout=settings.collect_timeout, delay=settings.collect_delay)
    collector = _Collector(settings, day, fetcher, state, folder, now)
    t0 = time.perf_counter()
    try:
        for entry in _progress(list(entries), progress):
            try:
                collector.feed(entry) if entry.kind == "feed" else collector.page(entry)
            except (FetchError, CollectError) as e:
                collector.report.failed.append((entry.url, str(e)))
                log.error("%s (%s): %s", entry.url, entry.publisher, e)
    finally:
        fetcher.close()
        state.close()
    log.info("collected in %.1f s", time.perf_counter() - t0)
    return collector.report
