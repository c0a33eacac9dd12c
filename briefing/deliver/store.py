"""Subscribers, the send ledger and frozen editions in one SQLite database.

One file (``settings.db``) holds three tables:

``subscribers``  every address ever added; unsubscribing only flips ``status``,
                 so an import can never bring back somebody who left.
``ledger``       one row per (day, subscriber): written *before* the SMTP
                 transaction (``sending``, with the Message-ID) and *after* it
                 (``sent`` / ``failed-permanent`` / ``failed-temporary`` /
                 ``unknown``), each step committed, which makes ``briefing send``
                 resumable.
``editions``     the day's briefing files frozen as blobs on the first send, so
                 a resumed run mails the same bytes, never a rebuilt briefing.

The schema version lives in ``PRAGMA user_version``; :func:`connect` migrates.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import re
import secrets
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path
from typing import Any, TypeVar

from briefing.errors import DeliverError
from briefing.fileio import read_regular

SCHEMA_VERSION = 2
# Seconds a connection waits for another writer (a concurrent `subscribers add`
# during a send) before giving up; each write transaction is tiny.
BUSY_TIMEOUT_MS = 15_000
# RFC 5321 limits: 254 characters for a usable address, 64 for the local part.
MAX_ADDRESS = 254
MAX_LOCAL_PART = 64
# Display names longer than this are cut: a name is a greeting, not a paragraph.
MAX_NAME = 120
# WAL + synchronous=NORMAL: every commit is in the WAL before the next SMTP
# transaction starts, so a killed process (SIGKILL, OOM, Ctrl-C) loses nothing
# and resumes exactly once. Only an OS crash or power loss may drop the last
# few commits; the protocol then re-sends those few messages (same Message-ID)
# and never skips one. FULL would fsync twice per message: measured 0.4-5 ms
# per commit on these shared disks, which alone capped sending below 100 msg/s.
SYNCHRONOUS = "NORMAL"
# Bytes of randomness in an unsubscribe token (secrets.token_urlsafe -> 43 chars).
TOKEN_BYTES = 32

_SCHEMA = [
    # version 1
    """
    CREATE TABLE subscribers (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT,
        token TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('active', 'unsubscribed')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE ledger (
        day TEXT NOT NULL,
        subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
        email TEXT NOT NULL,
        message_id TEXT NOT NULL,
        status TEXT NOT NULL
            CHECK (status IN ('sending', 'sent', 'failed-permanent', 'failed-temporary')),
        attempts INTEGER NOT NULL DEFAULT 0,
        reply TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (day, subscriber_id)
    );
    CREATE TABLE editions (
        day TEXT PRIMARY KEY,
        frozen_at TEXT NOT NULL,
        briefing_json BLOB,
        html BLOB,
        txt BLOB,
        pdf BLOB,
        sha256 TEXT NOT NULL
    );
    """,
    # version 2: 'unknown' - the connection was lost after the whole message was handed over.
    # SQLite cannot change a CHECK constraint, so the table is rebuilt with its rows.
    """
    CREATE TABLE ledger_v2 (
        day TEXT NOT NULL,
        subscriber_id INTEGER NOT NULL REFERENCES subscribers(id),
        email TEXT NOT NULL,
        message_id TEXT NOT NULL,
        status TEXT NOT NULL
            CHECK (status IN ('sending', 'sent', 'failed-permanent', 'failed-temporary', 'unknown')),
        attempts INTEGER NOT NULL DEFAULT 0,
        reply TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (day, subscriber_id)
    );
    INSERT INTO ledger_v2 SELECT day, subscriber_id, email, message_id, status, attempts, reply, updated_at FROM ledger;
    DROP TABLE ledger;
    ALTER TABLE ledger_v2 RENAME TO ledger;
    """,
]

# Syntax accepted for the local part and the domain: RFC 5322 dot-atoms
# (no quoted local parts, no address literals, ASCII only - what real
# subscription forms produce and every SMTP server accepts without SMTPUTF8).
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_RE = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN_RE = re.compile(rf"{_LABEL}(?:\.{_LABEL})+")


def now_iso() -> str:
    """UTC timestamp with seconds, the format of every ``*_at`` column."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


# ---------------------------------------------------------------- validation


def normalize_email(raw: str, single_label_domain: bool = False) -> str:
    """Return ``raw`` as a clean address (domain lower-cased) or raise DeliverError.

    Rejects anything that could end up as a second header line or a second
    recipient: control characters (CR, LF, NUL ...), spaces, commas, angle
    brackets, display names, quoted local parts and non-ASCII characters.
    Subscriber domains need a dot; ``single_label_domain`` also accepts
    ``localhost``-style domains, for the sender on a test or intranet setup.
    """
    value = raw.strip()
    shown = value.encode("unicode_escape").decode("ascii")[:80]
    if not value:
        raise DeliverError("empty email address")
    if any(unicodedata.category(c)[0] == "C" for c in value):
        raise DeliverError(f"{shown!r} is not a valid email address (control characters)")
    if not value.isascii():
        raise DeliverError(
            f"{shown!r} is not a valid email address (only ASCII addresses are supported; "
            "write an international domain in its xn-- form)"
        )
    name, addr = parseaddr(value)
    if name or addr != value:
        raise DeliverError(f"{shown!r} is not a valid email address (give the bare address, like anna@example.org)")
    local, at, domain = value.rpartition("@")
    domain_ok = _DOMAIN_RE.fullmatch(domain) or (single_label_domain and re.fullmatch(_LABEL, domain))
    if not at or not _LOCAL_RE.fullmatch(local) or not domain_ok:
        raise DeliverError(f"{shown!r} is not a valid email address")
    if len(value) > MAX_ADDRESS or len(local) > MAX_LOCAL_PART:
        raise DeliverError(f"{shown!r} is not a valid email address (too long)")
    return f"{local}@{domain.lower()}"


def is_plain_address(value: str) -> bool:
    """Cheap re-check of an address that :func:`normalize_email` accepted before."""
    local, at, domain = value.rpartition("@")
    return bool(at and _LOCAL_RE.fullmatch(local) and _DOMAIN_RE.fullmatch(domain))


def clean_text(raw: str | None, limit: int = MAX_NAME) -> str | None:
    """A single-line, control-character-free version of ``raw`` (None if empty).

    Used for display names and anything else that may reach a mail header:
    CR/LF and every other control or format character becomes a space, runs of
    whitespace collapse, and the result is cut to ``limit`` characters.
    """
    if raw is None:
        return None
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in raw)
    text = " ".join(text.split())[:limit].strip()
    return text or None


# ---------------------------------------------------------------- connection


F = TypeVar("F", bound=Callable[..., Any])


def db_errors(fn: F) -> F:
    """Report SQLite failures (locked, disk full, corrupt) as one-line DeliverErrors."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except sqlite3.Error as e:
            raise DeliverError(f"subscriber database error: {e}") from None

    return wrapper  # type: ignore[return-value]


def connect(db: str | Path) -> sqlite3.Connection:
    """Open (creating folders and schema as needed) the delivery database.

    WAL lets ``subscribers list`` read while a send writes. See
    ``SYNCHRONOUS`` for the durability of ledger commits.
    """
    path = Path(db).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as e:
        raise DeliverError(f"cannot open subscriber database {path}: {e}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, path)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise DeliverError(f"{path} is not a usable briefing database: {e}") from None
    return conn


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DeliverError(
            f"{path} has schema version {version}, newer than this briefing ({SCHEMA_VERSION}); upgrade briefing"
        )
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read inside the write lock: a concurrent process may have migrated.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for step in range(version, SCHEMA_VERSION):
            for statement in _SCHEMA[step].split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


# ---------------------------------------------------------------- subscribers


@dataclass(frozen=True)
class Subscriber:
    id: int
    email: str
    name: str | None
    token: str


def active_subscribers(conn: sqlite3.Connection) -> list[Subscriber]:
    """Active subscribers in a stable order (by id, i.e. sign-up order)."""
    rows = conn.execute("SELECT id, email, name, token FROM subscribers WHERE status = 'active' ORDER BY id")
    return [Subscriber(*row) for row in rows]


def find_subscriber(conn: sqlite3.Connection, email: str) -> Subscriber | None:
    row = conn.execute("SELECT id, email, name, token FROM subscribers WHERE email = ?", (email,)).fetchone()
    return Subscriber(*row) if row else None


@db_errors
def add_subscriber(db: str, email: str, name: str | None) -> str:
    """Add ``email`` (or re-subscribe it) and return a one-line message for the user."""
    address = normalize_email(email)
    display = clean_text(name)
    conn = connect(db)
    try:
        with _write(conn):
            row = conn.execute("SELECT status, name, email FROM subscribers WHERE email = ?", (address,)).fetchone()
            stamp = now_iso()
            if row is None:
                conn.execute(
                    "INSERT INTO subscribers (email, name, token, status, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'active', ?, ?)",
                    (address, display, secrets.token_urlsafe(TOKEN_BYTES), stamp, stamp),
                )
                return f"added {address}"
            status, old_name, address = row  # as first stored (the case of the local part may differ)
            new_name = display if display is not None else old_name
            conn.execute(
                "UPDATE subscribers SET status = 'active', name = ?, updated_at = ? WHERE email = ?",
                (new_name, stamp, address),
            )
            if status == "unsubscribed":
                return f"re-subscribed {address}"
            return f"{address} is already subscribed" + (" (name updated)" if new_name != old_name else "")
    finally:
        conn.close()


@db_errors
def remove_subscriber(db: str, email: str) -> str:
    """Mark ``email`` as unsubscribed (the record stays, so imports skip it)."""
    address = normalize_email(email)
    conn = connect(db)
    try:
        with _write(conn):
            row = conn.execute("SELECT status, email FROM subscribers WHERE email = ?", (address,)).fetchone()
            if row is None:
                raise DeliverError(f"{address} is not on the subscriber list")
            status, stored = row
            if status == "unsubscribed":
                return f"{stored} was already unsubscribed"
            conn.execute(
                "UPDATE subscribers SET status = 'unsubscribed', updated_at = ? WHERE email = ?",
                (now_iso(), address),
            )
            return f"unsubscribed {stored}"
    finally:
        conn.close()


@db_errors
def unsubscribe_token(db: str, token: str) -> str | None:
    """Unsubscribe whoever owns ``token`` (for a web or mail handler); returns the address or None."""
    conn = connect(db)
    try:
        with _write(conn):
            row = conn.execute("SELECT email FROM subscribers WHERE token = ?", (token,)).fetchone()
            if row is None:
                return None
            conn.execute(
                "UPDATE subscribers SET status = 'unsubscribed', updated_at = ? WHERE token = ?", (now_iso(), token)
            )
            return str(row[0])
    finally:
        conn.close()


@db_errors
def list_lines(db: str, show_all: bool) -> list[str]:
    """Subscribers as tab-separated lines ``email<TAB>name`` (plus status with ``show_all``)."""
    conn = connect(db)
    try:
        where = "" if show_all else "WHERE status = 'active'"
        rows = conn.execute(f"SELECT email, name, status, updated_at FROM subscribers {where} ORDER BY id")
        lines = []
        for email, name, status, updated in rows:
            line = f"{email}\t{name or ''}"
            if show_all:
                line += "\tactive" if status == "active" else f"\tunsubscribed {updated[:10]}"
            lines.append(line)
        return lines
    finally:
        conn.close()


@dataclass
class ImportReport:
    """What an import did; ``invalid`` holds ``(line number, reason)``."""

    added: int = 0
    skipped: int = 0
    invalid: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        head = (
            f"added {self.added}, skipped {self.skipped} (already subscribed or unsubscribed), "
            f"invalid {len(self.invalid)}"
        )
        return "\n".join([head, *(f"  line {n}: {reason}" for n, reason in self.invalid)])

    @property
    def ok(self) -> bool:
        """False when the file had rows and not one of them was usable (wrong file, encoding or columns)."""
        return bool(self.added or self.skipped or not self.invalid)


# Header cells recognised in the first row (case-insensitive); any other first
# row whose first cell has no "@" is treated as a header as well.
_HEADER_WORDS = {"email", "e-mail", "mail", "address", "adresse", "e-mail-adresse"}


@db_errors
def import_csv(db: str, path: Path) -> ImportReport:
    """Add the addresses of a CSV file (columns ``email[,name]``, header row optional).

    Addresses already on the list - subscribed or unsubscribed - are skipped:
    an import never brings back somebody who left. Delimiter ``,``, ``;`` or
    tab; UTF-8 (with or without BOM), UTF-16/32 with a BOM (Excel's "Unicode
    text"), falling back to Windows-1252 as written by a German Excel. Line
    ends CRLF, LF or CR. A quote left open is reported with the rows it would
    swallow; binary content or a broken file is one DeliverError.
    """
    text = _read_csv_text(path)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # newline="": CR, LF and CRLF all end a line (a CR-only file from an old Mac export too),
    # and the csv module sees the line ends it needs inside quoted values.
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    report = ImportReport()
    conn = connect(db)
    try:
        with _write(conn):
            stamp = now_iso()
            first = True
            line_end = 0
            for row in _rows(reader, path):
                # A quoted name may span lines: report the line the record starts on.
                number, line_end = line_end + 1, reader.line_num
                swallowed = _swallowed(lines[number:line_end], str(dialect.delimiter), number + 1)
                if not swallowed and line_end == len(lines):
                    swallowed = _open_at_end(lines[number - 1 : line_end], dialect)
                if swallowed:
                    report.invalid.append((number, swallowed))
                    first = False
                    continue
                cells = [c.strip() for c in row]
                if not any(cells):
                    continue
                if first:
                    first = False
                    if cells[0].lower() in _HEADER_WORDS or "@" not in cells[0]:
                        continue
                try:
                    address = normalize_email(cells[0])
                except DeliverError as e:
                    report.invalid.append((number, str(e)))
                    continue
                name = clean_text(cells[1]) if len(cells) > 1 else None
                cursor = conn.execute(
                    "INSERT INTO subscribers (email, name, token, status, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'active', ?, ?) ON CONFLICT (email) DO NOTHING",
                    (address, name, secrets.token_urlsafe(TOKEN_BYTES), stamp, stamp),
                )
                if cursor.rowcount:
                    report.added += 1
                else:
                    report.skipped += 1
    finally:
        conn.close()
    return report


def _rows(reader: Any, path: Path) -> Any:
    """The reader's rows; a malformed file is one line, not a traceback."""
    try:
        yield from reader
    except csv.Error as e:
        raise DeliverError(f"{path} is not a readable CSV file (line {reader.line_num}: {e})") from None


def _swallowed(continuation: list[str], delimiter: str, first_line: int) -> str | None:
    """Why a record that runs over line ends is really an unterminated quote, or None.

    A quoted name may hold a line break, but no line of it starts with an address: when one
    does, a quote was left open and the rows below were swallowed into one value.
    """
    taken = []
    for offset, line in enumerate(continuation):
        cell = line.split(delimiter, 1)[0].strip().strip('"').strip()
        try:
            taken.append((first_line + offset, normalize_email(cell)))
        except DeliverError:
            continue
    if not taken:
        return None
    shown = ", ".join(f"line {n} ({addr})" for n, addr in taken[:3]) + (" ..." if len(taken) > 3 else "")
    return f"unterminated quote: this row runs on over {shown}; none of them imported, close the quote and import again"


def _open_at_end(record: list[str], dialect: type[csv.Dialect] | csv.Dialect) -> str | None:
    """Why the file's last record is an unterminated quote (it runs into the end of the file), or None.

    The lenient reader returns such a record as one value ('"b@x.org,B'), which would be reported as
    a bad address; strict parsing tells the open quote from a quote that is merely part of a name.
    """
    try:
        for _ in csv.reader(io.StringIO("".join(record), newline=""), dialect, strict=True):
            pass
    except csv.Error as e:
        if "end of data" in str(e):
            return "unterminated quote: this row opens a quote that the file never closes; close it and import again"
    return None


# Byte order marks of the encodings Excel and other tools write for "Unicode text".
_CSV_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A subscriber list is text; a file larger than this is something else.
MAX_CSV_BYTES = 50_000_000


def _read_csv_text(path: Path) -> str:
    try:
        data = read_regular(path, MAX_CSV_BYTES)  # a FIFO or device is refused, not waited on
    except OSError as e:
        raise DeliverError(f"cannot read {path}: {e.strerror or e}") from None
    if len(data) > MAX_CSV_BYTES:
        raise DeliverError(f"{path} is larger than {MAX_CSV_BYTES // 1_000_000} MB; not a subscriber list")
    for bom, encoding in _CSV_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as e:
                raise DeliverError(f"{path} starts like {encoding.upper()} text but is not ({e.reason})") from None
    if b"\x00" in data:
        if len(data) > 1 and (data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4):
            raise DeliverError(f"{path} looks like UTF-16 text without a byte order mark; save it as UTF-8 CSV")
        raise DeliverError(f"{path} is not a text file (binary content); export the list as CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class _write:
    """``with write(conn):`` - one IMMEDIATE transaction, committed or rolled back."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise DeliverError(f"subscriber database is busy: {e}") from None
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            # SQLite has already rolled back after some errors (SQLITE_FULL): a second ROLLBACK would
            # replace "database or disk is full" with "cannot rollback - no transaction is active".
            self.conn.execute("ROLLBACK")


write = _write


# ---------------------------------------------------------------- editions (frozen content)


@dataclass(frozen=True)
class Edition:
    """The bytes of one day's briefing as frozen on its first send."""

    day: str
    frozen_at: str
    briefing_json: bytes
    html: bytes
    txt: bytes
    pdf: bytes
    sha256: str


def load_edition(conn: sqlite3.Connection, day: str) -> Edition | None:
    row = conn.execute(
        "SELECT day, frozen_at, briefing_json, html, txt, pdf, sha256 FROM editions WHERE day = ?", (day,)
    ).fetchone()
    if row is None:
        return None
    if row[2] is None:
        raise DeliverError(f"the frozen briefing of {day} was pruned from the database; it cannot be sent again")
    return Edition(row[0], row[1], bytes(row[2]), bytes(row[3]), bytes(row[4]), bytes(row[5]), row[6])


def freeze_edition(conn: sqlite3.Connection, edition: Edition, keep_days: int) -> Edition:
    """Store ``edition`` unless the day is frozen already; return the stored one.

    Blobs of editions more than ``keep_days`` older than this one are dropped
    (the row and checksum stay) so the database does not grow by a PDF a day.
    """
    with _write(conn):
        conn.execute(
            "INSERT INTO editions (day, frozen_at, briefing_json, html, txt, pdf, sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO NOTHING",
            (
                edition.day,
                edition.frozen_at,
                edition.briefing_json,
                edition.html,
                edition.txt,
                edition.pdf,
                edition.sha256,
            ),
        )
        conn.execute(
            "UPDATE editions SET briefing_json = NULL, html = NULL, txt = NULL, pdf = NULL "
            "WHERE day < date(?, ?) AND pdf IS NOT NULL",
            (edition.day, f"-{keep_days} days"),
        )
    stored = load_edition(conn, edition.day)
    assert stored is not None
    return stored


# ---------------------------------------------------------------- ledger


def ledger_status(conn: sqlite3.Connection, day: str) -> dict[int, str]:
    """``subscriber_id -> status`` for every ledger row of ``day``."""
    rows = conn.execute("SELECT subscriber_id, status FROM ledger WHERE day = ?", (day,))
    return {sid: status for sid, status in rows}


def mark_sending(conn: sqlite3.Connection, day: str, sub: Subscriber, message_id: str) -> bool:
    """Record that the message to ``sub`` is about to be handed to SMTP (committed).

    Returns False (and writes nothing) when the subscriber unsubscribed since
    the run started or the row is final already. One statement, so the check
    and the write are atomic: nothing goes to somebody who just left.
    """
    cursor = conn.execute(
        "INSERT INTO ledger (day, subscriber_id, email, message_id, status, attempts, updated_at) "
        "SELECT ?, id, email, ?, 'sending', 1, ? FROM subscribers WHERE id = ? AND status = 'active' "
        "ON CONFLICT (day, subscriber_id) DO UPDATE SET status = 'sending', message_id = excluded.message_id, "
        "attempts = attempts + 1, updated_at = excluded.updated_at "
        "WHERE ledger.status NOT IN ('sent', 'failed-permanent')",
        (day, message_id, now_iso(), sub.id),
    )
    return cursor.rowcount == 1


def mark_done(conn: sqlite3.Connection, day: str, sub: Subscriber, status: str, reply: str | None = None) -> None:
    """Record the outcome of the SMTP transaction (one statement, committed)."""
    conn.execute(
        "UPDATE ledger SET status = ?, reply = ?, updated_at = ? WHERE day = ? AND subscriber_id = ?",
        (status, reply, now_iso(), day, sub.id),
    )
