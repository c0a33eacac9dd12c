"""``briefing send``: mail the day's briefing to every subscriber exactly once.

The protocol, per subscriber, each step committed before the next:

1. ledger row ``sending`` with the deterministic Message-ID,
2. the SMTP transaction,
3. ledger row ``sent`` (or ``failed-permanent`` with the reply for a 5xx,
   ``failed-temporary`` when the retries ran out).

A run killed anywhere resumes with the rest: ``sent`` and ``failed-permanent``
rows are skipped, a ``sending`` row (the one message that may or may not have
left) is sent again with the same Message-ID.

Unknown outcomes. The reply to the end of DATA is awaited as long as RFC 5321
says (``smtp_data_timeout``, 10 minutes). When the connection is still lost
after the whole message was handed over, the server may have queued it: the row
becomes ``unknown`` and is not retried. A later run follows the documented
policy ``smtp_unknown_outcome``: ``hold`` (the default) reports the message and
never sends it again, so nobody gets it twice; ``resend`` sends it again with
the same Message-ID (receivers that de-duplicate on it show it once).

Outcomes the database cannot take. If recording ``sent`` (or any outcome) fails
because another process holds the database lock past the busy timeout, the
outcome is appended to ``<db>.outcomes`` (fsynced) and the run stops; the next
run writes those outcomes into the ledger before it sends anything, so the row
is never left ``sending`` and resent silently. The same holds when the disk is
full: each run keeps 64 KB in ``<db>.outcomes-reserve`` and deletes that file
when the journal cannot be written for want of space.

An exclusive ``flock`` keeps two runs from interleaving. It is taken on a lock
file named after the database file's identity (device and inode, beside the
resolved file), so the same database reached through a symlink or another
path shares the lock; the kernel drops it when a process dies, so a killed run
never blocks the next one.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
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
    UnknownOutcome,
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
# Recording an outcome waits store.BUSY_TIMEOUT_MS per try; after this many tries the
# outcome goes to the journal (<db>.outcomes) and the run stops.
RECORD_ATTEMPTS = 3
JOURNAL_SUFFIX = ".outcomes"
# Space kept for the journal in a file beside it (<db>.outcomes-reserve), deleted when a full disk
# refuses the journal too; a journal line is about 250 bytes, so this holds the outcome of the
# message in flight many times over.
JOURNAL_RESERVE_BYTES = 64 * 1024
RESERVE_SUFFIX = "-reserve"


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
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (address, what happened) of this run
    held: int = 0  # unknown outcome in an earlier run, held by the policy (not sent again)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.unknown and self.stopped is None

    def summary(self) -> str:
        day = self.day.isoformat()
        if self.mode == "dry-run":
            plural = "s" if self.sent != 1 else ""
            return f"{day}: wrote {self.sent} message{plural} to {self.target} (dry run, nothing sent)"
        if self.mode == "test":
            return f"{day}: {'sent a test copy' if self.ok else 'test copy failed'} to {self.target}"
        line = f"{day}: sent {self.sent}, skipped {self.skipped} (already sent), failed {len(self.failed)}"
        if self.unknown:
            line += f", {len(self.unknown)} outcome unknown"
        if self.earlier_failed:
            line += f", {self.earlier_failed} not retried (failed permanently before)"
        if self.held:
            line += f", {self.held} held (outcome unknown before; smtp_unknown_outcome = hold)"
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
        if self.unknown:
            first, what = self.unknown[0]
            more = f" and {len(self.unknown) - 1} more" if len(self.unknown) > 1 else ""
            parts.append(
                f"{len(self.unknown)} outcome unknown ({first}: {what}{more}); not sent again unless "
                "smtp_unknown_outcome = resend"
            )
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
        day: the edition to send: the frozen one, else ``out/DAY/`` (the CLI builds it first
            when missing or incomplete: :func:`briefing.pipeline.ensure_built`).
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
                replay_journal(conn, settings.db)
                keep_reserve(journal_path(settings.db))
                edition = _frozen_edition(conn, settings, day)
                factory = _factory(settings, edition, day)
                return _send_ledger(
                    conn, factory, messenger or SMTPMessenger(settings), day, settings.rate,
                    resend_unknown=settings.smtp_unknown_outcome == "resend", journal=journal_path(settings.db),
                )
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
    """The day's files as one published set (:func:`briefing.output.read_set`), or a one-line error."""
    from briefing import output

    folder = output.day_folder(settings.out, day)
    try:
        found = output.read_set(settings.out, day, tuple(FILES.values()))
    except OSError as e:
        raise DeliverError(f"cannot read {folder}: {e.strerror or e}") from None
    if isinstance(found, list):
        raise DeliverError(
            f"{folder / found[0]} is missing; rebuild with `briefing build --date {day.isoformat()}` "
            "(`briefing send` builds a missing or incomplete day itself)"
        )
    blobs = {key: found[name] for key, name in FILES.items()}
    digest = hashlib.sha256()
    for key in FILES:
        digest.update(len(blobs[key]).to_bytes(8, "big"))
        digest.update(blobs[key])
    return store.Edition(day=day.isoformat(), frozen_at=store.now_iso(), sha256=digest.hexdigest(), **blobs)


@store.db_errors
def is_frozen(settings: Settings, day: date) -> bool:
    """True when the edition of ``day`` is frozen in the database (a send needs no files then)."""
    conn = store.connect(settings.db)
    try:
        row = conn.execute("SELECT 1 FROM editions WHERE day = ?", (day.isoformat(),)).fetchone()
        return row is not None
    finally:
        conn.close()


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
    """Hold an exclusive lock on the database file's identity or fail at once naming the holder.

    The lock file is ``.<name>.<st_dev>-<st_ino>.send-lock`` beside the resolved database file:
    every path that reaches the same file (a symlink, ``..`` detours) finds the same lock.
    """
    if fcntl is None:  # pragma: no cover
        yield
        return
    path = lock_path(db)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
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
        with contextlib.suppress(OSError):  # the holder's pid only helps a reader; a full disk must not stop us
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the flock


def lock_path(db: str) -> Path:
    """The send lock of database ``db``, named after the file's identity (it must exist)."""
    real = Path(db).expanduser().resolve()
    try:
        info = real.stat()
    except OSError as e:
        raise DeliverError(f"cannot lock subscriber database {real}: {e.strerror or e}") from None
    return real.with_name(f".{real.name}.{info.st_dev}-{info.st_ino}.send-lock")


def journal_path(db: str) -> Path:
    """Outcomes the database could not take (see the module docstring), beside the resolved file."""
    real = Path(db).expanduser().resolve()
    return real.with_name(real.name + JOURNAL_SUFFIX)


def replay_journal(conn: sqlite3.Connection, db: str) -> int:
    """Write outcomes a locked database could not take into the ledger; return how many."""
    path = journal_path(db)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return 0
    except (OSError, UnicodeDecodeError) as e:
        raise DeliverError(f"cannot read {path}: {e}") from None
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line cut by a crash while it was written: its row stays 'sending'
    with store.write(conn):
        for r in records:
            conn.execute(
                "UPDATE ledger SET status = ?, reply = ?, updated_at = ? "
                "WHERE day = ? AND subscriber_id = ? AND message_id = ? AND status = 'sending'",
                (r["status"], r.get("reply"), r["at"], r["day"], r["subscriber_id"], r["message_id"]),
            )
    path.unlink()
    log.warning("recorded %d outcome(s) from %s that the database could not take last time", len(records), path)
    return len(records)


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
    conn: sqlite3.Connection,
    factory: MessageFactory,
    messenger: Messenger,
    day: date,
    rate: float,
    resend_unknown: bool = False,
    journal: Path | None = None,
) -> SendReport:
    key = day.isoformat()
    report = SendReport(day)
    done = store.ledger_status(conn, key)
    subscribers = store.active_subscribers(conn)
    if not subscribers:
        log.warning("%s: nobody to send to: the subscriber list has no active address", key)
    limiter = RateLimiter(rate)
    # Rows no later run of the day sends again.
    final = frozenset({"sent", "failed-permanent"} | (set() if resend_unknown else {"unknown"}))
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
            if status == "unknown" and not resend_unknown:
                report.held += 1
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
            except UnknownOutcome as e:
                _record(conn, key, sub, message.message_id, "unknown", e.reply, journal)
                report.unknown.append((sub.email, e.reply))
                log.warning("%s: %s: outcome unknown, not sent again: %s", key, sub.email, e.reply)
                continue
            except (PermanentFailure, TransientFailure) as e:
                permanent = isinstance(e, PermanentFailure)
                status = "failed-permanent" if permanent else "failed-temporary"
                _record(conn, key, sub, message.message_id, status, e.reply, journal)
                server = f"{getattr(messenger, 'host', 'the server')}"
                if isinstance(e, TransientFailure) and e.connection:
                    # The server, not this subscriber: this one and the rest wait for the next run.
                    report.stopped = f"SMTP server {server} unreachable ({e.reply})"
                    report.remaining = _pending(subscribers[index:], done, final)
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
                    report.remaining = _pending(subscribers[index + 1 :], done, final)
                    break
                continue
            _record(conn, key, sub, message.message_id, "sent", None, journal)
            report.sent += 1
            transient_in_a_row = permanent_in_a_row = 0
            log.info("%s: sent to %s %s", key, sub.email, message.message_id)
    finally:
        messenger.close()
    return report


def _record(
    conn: sqlite3.Connection,
    day: str,
    sub: store.Subscriber,
    message_id: str,
    status: str,
    reply: str | None,
    journal: Path | None,
) -> None:
    """Record an outcome in the ledger; if the database stays locked, in the journal, then stop.

    Raises:
        DeliverError: the database would not take the outcome (it is in the journal then).
    """
    error: sqlite3.OperationalError | None = None
    for _ in range(RECORD_ATTEMPTS):
        try:
            store.mark_done(conn, day, sub, status, reply)
            return
        except sqlite3.OperationalError as e:  # locked or busy past the busy timeout
            error = e
            log.warning("%s: recording %s for %s failed (%s); trying again", day, status, sub.email, e)
    if journal is None:
        raise DeliverError(f"subscriber database error while recording {status} for {sub.email}: {error}")
    line = json.dumps({"day": day, "subscriber_id": sub.id, "message_id": message_id, "status": status,
                       "reply": reply, "at": store.now_iso()})
    try:
        try:
            _append_line(journal, line)
        except OSError as e:
            reserve = reserve_path(journal)
            if e.errno != errno.ENOSPC or not reserve.exists():
                raise
            # The disk is full (the database's failure, most likely): free the space kept for this
            # and write again; the leading line break ends a line the failed write may have cut.
            reserve.unlink()
            log.warning("%s: the disk is full; used the space reserved for the outcomes journal", day)
            _append_line(journal, "\n" + line)
    except OSError as e:
        raise DeliverError(
            f"subscriber database error ({error}) and cannot write {journal} ({e.strerror or e}): the ledger row "
            f"of {sub.email} stays 'sending' and the next run sends it again"
        ) from None
    raise DeliverError(
        f"subscriber database error while recording {status} for {sub.email}: {error}; the outcome is kept in "
        f"{journal} and the next run records it first; stopped so nothing is sent twice"
    )


def _append_line(journal: Path, line: str) -> None:
    fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def reserve_path(journal: Path) -> Path:
    """The file that keeps :data:`JOURNAL_RESERVE_BYTES` free for ``journal``."""
    return journal.with_name(journal.name + RESERVE_SUFFIX)


def keep_reserve(journal: Path) -> None:
    """Make sure the journal's reserve exists (best effort: a disk already full goes on without it).

    The journal shares the database's file system, so when the database cannot take an outcome
    because the disk is full, the journal could not either, and the row would stay ``sending``
    and be sent again. Deleting this file gives the journal the room it needs.
    """
    path = reserve_path(journal)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except OSError as e:
        log.warning("cannot create %s: %s", path, e.strerror or e)
        return
    try:
        if os.fstat(fd).st_size < JOURNAL_RESERVE_BYTES:
            os.pwrite(fd, bytes(JOURNAL_RESERVE_BYTES), 0)  # written, not sparse: the blocks are taken
            os.fsync(fd)
    except OSError as e:
        log.warning("cannot reserve %d bytes in %s: %s", JOURNAL_RESERVE_BYTES, path, e.strerror or e)
    finally:
        os.close(fd)


def _pending(subscribers: list[store.Subscriber], done: dict[int, str], final: frozenset[str]) -> int:
    return sum(1 for s in subscribers if done.get(s.id) not in final)


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
