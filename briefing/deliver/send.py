"""``briefing send``: mail the day's briefing to every subscriber exactly once.

The protocol, per subscriber, each step committed before the next:

1. ledger row ``sending`` with the deterministic Message-ID,
2. the SMTP transaction,
3. ledger row ``sent`` (or ``failed-permanent`` with the reply for a 5xx,
   ``failed-temporary`` when the retries ran out).

A run killed anywhere resumes with the rest: ``sent`` and ``failed-permanent``
rows are skipped, a ``sending`` row (the one message that may or may not have
left) is sent again with the same Message-ID. An exclusive ``flock`` on
``<db>.lock`` keeps two runs from interleaving; the kernel drops it when a
process dies, so a killed run never blocks the next one.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from briefing.deliver import store
from briefing.deliver.message import MessageFactory
from briefing.deliver.messenger import (
    FileMessenger,
    Messenger,
    PermanentFailure,
    SMTPMessenger,
    TransientFailure,
)
from briefing.errors import DeliverError
from briefing.settings import Settings

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock, rely on the ledger alone
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

FILES = {"briefing_json": "briefing.json", "html": "briefing.html", "txt": "briefing.txt", "pdf": "briefing.pdf"}
# Frozen editions keep their files this long (a late resume or a complaint
# about "what did we send last week" still works), then only the checksum stays.
KEEP_EDITION_DAYS = 30
# This many transient failures in a row (each already retried with backoff)
# mean the server is refusing us as a whole (rate limit, full queue): stop the
# run instead of walking 10,000 subscribers through backoff sleeps.
MAX_CONSECUTIVE_TRANSIENT = 5
# Permanent refusals are usually about one address, but this many in a row
# mean the server rejects the message itself (content filter, SPF/DKIM policy):
# stop before the whole list is marked failed for the day.
MAX_CONSECUTIVE_PERMANENT = 10


@dataclass
class SendReport:
    """The outcome of one ``briefing send``; ``summary()`` is the cron line."""

    day: date
    mode: Literal["ledger", "dry-run", "test"] = "ledger"
    target: str | None = None  # dry-run folder or test address
    sent: int = 0
    skipped: int = 0  # already sent by an earlier run
    earlier_failed: int = 0  # failed permanently in an earlier run, not retried
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, reply) of this run
    remaining: int = 0  # not attempted because the run stopped early
    stopped: str | None = None  # why the run stopped early

    @property
    def ok(self) -> bool:
        return not self.failed and self.stopped is None

    def summary(self) -> str:
        day = self.day.isoformat()
        if self.mode == "dry-run":
            plural = "s" if self.sent != 1 else ""
            return f"{day}: wrote {self.sent} message{plural} to {self.target} (dry run, nothing sent)"
        if self.mode == "test":
            return f"{day}: {'sent a test copy' if self.ok else 'test copy failed'} to {self.target}"
        line = f"{day}: sent {self.sent}, skipped {self.skipped} (already sent), failed {len(self.failed)}"
        if self.earlier_failed:
            line += f", {self.earlier_failed} not retried (failed permanently before)"
        if self.remaining:
            line += f", {self.remaining} not attempted"
        return line

    def failure_message(self) -> str:
        """One line naming what went wrong and what to do about it."""
        day = self.day.isoformat()
        parts = []
        if self.failed:
            first, reply = self.failed[0]
            more = f" and {len(self.failed) - 1} more" if len(self.failed) > 1 else ""
            parts.append(f"{len(self.failed)} failed ({first}: {reply}{more}; see the log)")
        if self.stopped:
            parts.append(f"stopped early: {self.stopped}")
        if self.remaining:
            parts.append(f"{self.remaining} not sent yet")
        if self.mode == "ledger":
            parts.append(f"run `briefing send --date {day}` again to resume; nothing is sent twice")
        return f"{day}: " + "; ".join(parts)


# ---------------------------------------------------------------- entry point


@store.db_errors
def send_day(
    settings: Settings,
    day: date,
    dry_run: Path | None = None,
    to: str | None = None,
    messenger: Messenger | None = None,
) -> SendReport:
    """Send the briefing of ``day`` to every active subscriber exactly once.

    Args:
        settings: database, SMTP server, sender, unsubscribe URL, rate, out folder.
        day: the edition to send; built first if ``out/DAY/`` does not exist.
        dry_run: write ``.eml`` files into this folder instead (no ledger, no lock).
        to: send one test copy to this address, outside the ledger.
        messenger: deliver through this instead of SMTP (ledger and lock as usual);
            for other transports and for measuring the bookkeeping alone.

    Returns:
        The report; ``report.ok`` is False when any message failed.

    Raises:
        DeliverError: no usable edition, bad settings, another run holds the
            lock, or the SMTP login/TLS failed.
    """
    test_address = store.normalize_email(to) if to else None
    conn = store.connect(settings.db)
    try:
        if dry_run is None and test_address is None:
            with send_lock(settings.db):
                edition = _frozen_edition(conn, settings, day)
                factory = _factory(settings, edition, day)
                return _send_ledger(conn, factory, messenger or SMTPMessenger(settings), day, settings.rate)
        # Previews show what a real run sends: the frozen edition if there is one.
        edition = store.load_edition(conn, day.isoformat()) or _read_edition(settings, day)
        factory = _factory(settings, edition, day)
        chosen: Messenger = FileMessenger(dry_run) if dry_run else (messenger or SMTPMessenger(settings))
        if test_address:
            return _send_test(conn, factory, chosen, day, test_address)
        return _send_preview(conn, factory, chosen, day, dry_run)
    finally:
        conn.close()


# ---------------------------------------------------------------- the edition


def _read_edition(settings: Settings, day: date) -> store.Edition:
    folder = Path(settings.out) / day.isoformat()
    if not folder.exists():
        from briefing.pipeline import build_day

        log.info("%s does not exist: building the briefing first", folder)
        build_day(settings, day)
    blobs: dict[str, bytes] = {}
    for key, name in FILES.items():
        try:
            blobs[key] = (folder / name).read_bytes()
        except FileNotFoundError:
            raise DeliverError(
                f"{folder / name} is missing; rebuild with `briefing build --date {day.isoformat()}`"
            ) from None
        except OSError as e:
            raise DeliverError(f"cannot read {folder / name}: {e.strerror or e}") from None
    digest = hashlib.sha256()
    for key in FILES:
        digest.update(len(blobs[key]).to_bytes(8, "big"))
        digest.update(blobs[key])
    return store.Edition(day=day.isoformat(), frozen_at=store.now_iso(), sha256=digest.hexdigest(), **blobs)


def _frozen_edition(conn: sqlite3.Connection, settings: Settings, day: date) -> store.Edition:
    edition = store.load_edition(conn, day.isoformat())
    if edition is not None:
        log.info("%s: resuming with the edition frozen at %s", day, edition.frozen_at)
        return edition
    candidate = _read_edition(settings, day)
    # Build a message before freezing: a broken briefing.json or bad settings
    # must fail now, not become the day's frozen content that no rebuild fixes.
    _factory(settings, candidate, day)
    return store.freeze_edition(conn, candidate, KEEP_EDITION_DAYS)


def _factory(settings: Settings, edition: store.Edition, day: date) -> MessageFactory:
    return MessageFactory(
        edition,
        day,
        from_addr=settings.from_addr,
        list_id=settings.list_id,
        unsubscribe_url=settings.unsubscribe_url,
        unsubscribe_mailto=settings.unsubscribe_mailto,
        title=settings.title,
        imprint=settings.imprint,
    )


# ---------------------------------------------------------------- lock


@contextlib.contextmanager
def send_lock(db: str) -> Iterator[None]:
    """Hold an exclusive lock on ``<db>.lock`` or fail at once naming the holder."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    path = Path(db).expanduser()
    path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as e:
        raise DeliverError(f"cannot create lock file {path}: {e.strerror or e}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise DeliverError(
                f"another `briefing send` is running (pid {holder}, lock {path}); it sends every message once, "
                "nothing to do here"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the flock


# ---------------------------------------------------------------- sending


class RateLimiter:
    """At most ``rate`` calls of ``wait`` per second (0 = no limit), without drift."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next > now:
            time.sleep(self.next - now)
            now = self.next
        self.next = max(self.next, now - self.interval) + self.interval


def _send_ledger(
    conn: sqlite3.Connection, factory: MessageFactory, messenger: Messenger, day: date, rate: float
) -> SendReport:
    key = day.isoformat()
    report = SendReport(day)
    done = store.ledger_status(conn, key)
    subscribers = store.active_subscribers(conn)
    if not subscribers:
        log.warning("%s: nobody to send to: the subscriber list has no active address", key)
    limiter = RateLimiter(rate)
    transient_in_a_row = permanent_in_a_row = 0
    try:
        for index, sub in enumerate(subscribers):
            status = done.get(sub.id)
            if status == "sent":
                report.skipped += 1
                continue
            if status == "failed-permanent":
                report.earlier_failed += 1
                continue
            try:
                message = factory.build(sub)
            except DeliverError as e:  # a row edited by hand: skip it, send the others
                report.failed.append((sub.email, str(e)))
                log.warning("%s: %s skipped: %s", key, sub.email, e)
                continue
            if not store.mark_sending(conn, key, sub, message.message_id):
                continue  # unsubscribed since the run started
            limiter.wait()
            try:
                messenger.send(message)
            except (PermanentFailure, TransientFailure) as e:
                permanent = isinstance(e, PermanentFailure)
                store.mark_done(conn, key, sub, "failed-permanent" if permanent else "failed-temporary", e.reply)
                server = f"{getattr(messenger, 'host', 'the server')}"
                if isinstance(e, TransientFailure) and e.connection:
                    # The server, not this subscriber: this one and the rest wait for the next run.
                    report.stopped = f"SMTP server {server} unreachable ({e.reply})"
                    report.remaining = _pending(subscribers[index:], done)
                    log.warning("%s: %s", key, report.stopped)
                    break
                report.failed.append((sub.email, e.reply))
                what = "refused permanently" if permanent else "failed for now"
                log.warning("%s: %s %s: %s", key, sub.email, what, e.reply)
                permanent_in_a_row = permanent_in_a_row + 1 if permanent else 0
                transient_in_a_row = 0 if permanent else transient_in_a_row + 1
                if transient_in_a_row >= MAX_CONSECUTIVE_TRANSIENT or permanent_in_a_row >= MAX_CONSECUTIVE_PERMANENT:
                    count = permanent_in_a_row if permanent else transient_in_a_row
                    report.stopped = f"SMTP server {server} refused {count} addresses in a row ({e.reply})"
                    report.remaining = _pending(subscribers[index + 1 :], done)
                    break
                continue
            store.mark_done(conn, key, sub, "sent")
            report.sent += 1
            transient_in_a_row = permanent_in_a_row = 0
            log.info("%s: sent to %s %s", key, sub.email, message.message_id)
    finally:
        messenger.close()
    return report


def _pending(subscribers: list[store.Subscriber], done: dict[int, str]) -> int:
    return sum(1 for s in subscribers if done.get(s.id) not in ("sent", "failed-permanent"))


def _send_preview(
    conn: sqlite3.Connection, factory: MessageFactory, messenger: Messenger, day: date, folder: Path | None
) -> SendReport:
    report = SendReport(day, mode="dry-run", target=str(folder))
    try:
        for sub in store.active_subscribers(conn):
            messenger.send(factory.build(sub))
            report.sent += 1
    finally:
        messenger.close()
    return report


def _send_test(
    conn: sqlite3.Connection,
    factory: MessageFactory,
    messenger: Messenger,
    day: date,
    address: str,
) -> SendReport:
    report = SendReport(day, mode="test", target=address)
    sub = store.find_subscriber(conn, address)
    # A test copy to a subscriber carries their real token (the unsubscribe
    # link works); to anybody else a token that matches nobody.
    token = sub.token if sub else "test"
    message = factory.build_test(address, token, secrets.token_hex(8))
    try:
        messenger.send(message)
        report.sent = 1
    except (PermanentFailure, TransientFailure) as e:
        report.failed.append((address, e.reply))
    finally:
        messenger.close()
    return report
