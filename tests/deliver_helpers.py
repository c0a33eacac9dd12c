"""Helpers for the delivery tests: a real SMTP server (aiosmtpd) and a fake out/DAY folder.

The server runs in a thread of the test process on 127.0.0.1 and an
ephemeral port. Its handler stores every accepted message and can misbehave
on purpose: reply 550 for chosen addresses, 451 once for others, die after N
messages (drop every connection from then on), drop one connection after N
messages and recover, slow each message down. ``start_server(..., bulk=True)``
serves with the benchmark's bulk-DATA reader (benchmarks/loopback_smtpd.py)
instead of stock aiosmtpd.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import hashlib
import os
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from briefing import models
from briefing.deliver import store

DAY = date(2025, 9, 4)
HEADLINE = "Koalition der Willigen: 26 Länder sagen Sicherheitsgarantien zu"
REPO = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(REPO / "benchmarks"))
from loopback_smtpd import BulkDataSMTP  # noqa: E402


@dataclass
class Received:
    rcpt: str
    data: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)  # type: ignore[return-value]

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


class Handler:
    """aiosmtpd handler with switchable failures; thread-safe record of messages."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.received: list[Received] = []
        self.reject: dict[str, str] = {}  # address -> permanent reply
        self.transient_once: dict[str, str] = {}  # address -> reply given once
        self.die_after: int | None = None  # accept N messages, then drop every connection
        self.drop_once_after: int | None = None  # drop the connection once after N messages
        self.delay = 0.0  # seconds per DATA, so a kill can land mid-run
        self.queue_first = False  # with a delay: keep the message first, then reply late (a slow filter)
        self.reject_sender: str | None = None  # reply to every MAIL FROM
        self.connections = 0

    # aiosmtpd hooks

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]) -> Any:
        with self.lock:
            self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        with self.lock:
            dead = self.die_after is not None and len(self.received) >= self.die_after
            drop = self.drop_once_after is not None and len(self.received) >= self.drop_once_after
            if drop:
                self.drop_once_after = None
        if dead or drop:
            server.transport.close()
            return "421 4.3.2 going away"
        if self.reject_sender:
            return self.reject_sender
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        with self.lock:
            if address in self.reject:
                return self.reject[address]
            if address in self.transient_once:
                return self.transient_once.pop(address)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay and not self.queue_first:
            await asyncio.sleep(self.delay)
        data = envelope.original_content or envelope.content
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.received.append(Received(rcpt, bytes(data)))
        if self.delay and self.queue_first:
            await asyncio.sleep(self.delay)
        return "250 2.0.0 accepted"

    # test API

    def messages(self) -> list[Received]:
        with self.lock:
            return list(self.received)

    def by_rcpt(self) -> dict[str, list[Received]]:
        out: dict[str, list[Received]] = {}
        for r in self.messages():
            out.setdefault(r.rcpt, []).append(r)
        return out


class EphemeralController(Controller):
    """aiosmtpd Controller on port 0: learn the real port before the readiness probe."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class EphemeralBulkController(EphemeralController):
    """The same, serving the benchmark's :class:`BulkDataSMTP`."""

    def factory(self) -> BulkDataSMTP:
        return BulkDataSMTP(self.handler, **self.SMTP_kwargs)


def start_server(handler: Handler, bulk: bool = False, **kwargs: Any) -> EphemeralController:
    cls = EphemeralBulkController if bulk else EphemeralController
    controller = cls(handler, hostname="127.0.0.1", port=0, **kwargs)
    controller.start()
    return controller


# ---------------------------------------------------------------- out/DAY and subscribers


def pdf_bytes() -> bytes:
    """Binary test 'PDF': every byte value, CR/LF pairs, NULs - to catch any mangling."""
    body = bytes(range(256)) * 64 + b"\r\n.\r\n\n.\n\r" + hashlib.sha256(b"briefing").digest() * 100
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + body + b"\n%%EOF\n"


def make_day(out: Path, day: date = DAY, headline: str = HEADLINE, marker: str = "") -> Path:
    """Write a small out/DAY/briefing.{json,html,web.html,txt,pdf}; ``marker`` changes the content."""
    folder = out / day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    briefing = models.Briefing(
        date=day.isoformat(),
        title="Europäische Perspektive",
        sources=(models.Source("S1", "tagesschau.de", "Titel", day.isoformat(), "a.html", None),),
        stories=(models.Story(id="story-1", headline=headline, sources=("S1",)),),
    )
    (folder / "briefing.json").write_text(briefing.to_json(), encoding="utf-8")
    (folder / "briefing.html").write_text(
        f"<!doctype html><html lang=de><body><h1>{headline}</h1><p>Grüße aus Brüssel {marker}</p>"
        + "<p>Absatz mit Umlauten: äöüß – „Zitat“.</p>" * 50
        # the footer as templates/email.html writes it: slots that delivery fills
        + f'<p id="fusszeile"><a href="{models.UNSUBSCRIBE_SLOT}">abbestellen</a> {models.IMPRINT_SLOT}</p>'
        + "</body></html>",
        encoding="utf-8",
    )
    (folder / "briefing.web.html").write_text(f"<!doctype html><h1>{headline}</h1>", encoding="utf-8")
    (folder / "briefing.txt").write_text(
        f"{headline}\n\nGrüße aus Brüssel {marker}\n" + "Eine Zeile mit Umlauten: äöüß.\n" * 50
        + f"\n-- \nAbbestellen: {models.UNSUBSCRIBE_SLOT}\n{models.IMPRINT_SLOT}\n",
        encoding="utf-8",
    )
    (folder / "briefing.pdf").write_bytes(pdf_bytes() + marker.encode())
    return folder


def addresses(n: int) -> list[str]:
    return [f"leser{i:03d}@example.org" for i in range(n)]


def add_many(db: Path, emails: list[str], names: dict[str, str] | None = None) -> None:
    names = names or {}
    for addr in emails:
        store.add_subscriber(str(db), addr, names.get(addr))


def ledger(db: Path) -> dict[str, tuple[str, str | None]]:
    """``email -> (status, reply)`` for DAY."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT email, status, reply FROM ledger WHERE day = ?", (DAY.isoformat(),))
        return {e: (s, r) for e, s, r in rows}
    finally:
        conn.close()


def env_for(db: Path, out: Path, port: int, **extra: str) -> dict[str, str]:
    """Environment for a ``python -m briefing.cli send`` subprocess against the test server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    env.update(
        BRIEFING_DB=str(db),
        BRIEFING_OUT=str(out),
        BRIEFING_SMTP_HOST="127.0.0.1",
        BRIEFING_SMTP_PORT=str(port),
        BRIEFING_SMTP_TIMEOUT="10",
        BRIEFING_SMTP_ATTEMPTS="3",
        BRIEFING_SMTP_BACKOFF="0.05",
        BRIEFING_FROM="Europäische Perspektive <briefing@example.org>",
        BRIEFING_IMPRINT="Beispiel GmbH\nMusterstraße 1, 80331 München\nVerantwortlich: Erika Mustermann",
        PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    env.update(extra)
    return env


def send_cmd() -> list[str]:
    return [sys.executable, "-m", "briefing.cli", "send", "--date", DAY.isoformat()]


def wait_for(predicate: Any, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return False
