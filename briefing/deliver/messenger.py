"""Where messages go: an SMTP server, or ``.eml`` files for dry runs and tests.

Both implement :class:`Messenger` (``send``, ``close``). ``send`` either
returns (the message was accepted) or raises :class:`PermanentFailure` (a 5xx
reply: do not try again) or :class:`TransientFailure` (4xx, dropped
connection, timeout - after the retries were used up).
"""

from __future__ import annotations

import contextlib
import logging
import re
import smtplib
import ssl
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from briefing.deliver.message import DotStuffed, Outgoing, dot_stuff
from briefing.errors import DeliverError
from briefing.settings import MAX_WAIT_SECONDS, Settings

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

log = logging.getLogger(__name__)

# Retries come from settings.smtp_attempts / smtp_backoff (defaults 4 and 1 s:
# waits of 1, 2, 4 s). Enough to ride out a server restart or a "451 try
# again", short enough that a dead server fails the cron run within seconds.


class Messenger(Protocol):
    """Anything that can deliver an :class:`Outgoing`."""

    def send(self, message: Outgoing) -> None: ...

    def close(self) -> None: ...


class DeliveryFailure(Exception):
    """A message was not accepted; ``reply`` is the server's answer (or the error)."""

    def __init__(self, reply: str) -> None:
        super().__init__(reply)
        self.reply = reply


class PermanentFailure(DeliveryFailure):
    """A 5xx reply for this message: retrying will not help."""


class UnknownOutcome(DeliveryFailure):
    """The whole message was handed over, then the connection was lost before the server's reply:
    it may have been queued. Not retried, so a message is never sent twice by accident; what a
    later run does is the ``smtp_unknown_outcome`` policy."""


class TransientFailure(DeliveryFailure):
    """Still failing after the retries; ``connection`` says the server itself is unreachable."""

    def __init__(self, reply: str, connection: bool) -> None:
        super().__init__(reply)
        self.connection = connection


# ---------------------------------------------------------------- files


class FileMessenger:
    """Writes each message to ``folder`` as ``NNNNN-address.eml`` (for ``--dry-run`` and tests)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.count = 0
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise DeliverError(f"cannot create {self.folder}: {e.strerror or e}") from None

    def send(self, message: Outgoing) -> None:
        self.count += 1
        safe = re.sub(r"[^A-Za-z0-9@._+-]", "_", message.recipient)
        path = self.folder / f"{self.count:05d}-{safe}.eml"
        try:
            path.write_bytes(message.data)
        except OSError as e:
            raise DeliverError(f"cannot write {path}: {e.strerror or e}") from None

    def close(self) -> None:
        pass


# ---------------------------------------------------------------- SMTP


# A reply of more lines than this is a server streaming garbage, not SMTP (an EHLO reply has
# one line per extension, a few dozen at most); without a cap smtplib reads it forever.
MAX_REPLY_LINES = 1000


class _UnclearReply(smtplib.SMTPResponseException):
    """The reply to the end of DATA is no SMTP reply (not 2xx, 4xx or 5xx): the server has the
    whole message and may have queued it, so its outcome is unknown, not a failure to retry."""


class _CountedReader:
    """The connection's reader, refusing a reply longer than :data:`MAX_REPLY_LINES` lines or
    slower than its time budget in total.

    The socket timeout bounds one ``recv``; a server trickling a byte every few seconds never
    trips it, and one 8 KB line would take hours. So a line is read one ``recv`` at a time
    (``peek`` does at most one), each with the time left of the reply's budget as its timeout.
    """

    def __init__(self, raw: Any, owner: _SMTP) -> None:
        self.raw = raw
        self.owner = owner

    def readline(self, size: int = -1) -> bytes:
        self.owner.reply_lines += 1
        if self.owner.reply_lines > MAX_REPLY_LINES:
            raise OSError(f"reply longer than {MAX_REPLY_LINES} lines")
        parts: list[bytes] = []
        total = 0
        while size < 0 or total < size:
            left = self.owner.reply_deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("reply took longer than the timeout in total")
            if self.owner.sock is not None:
                self.owner.sock.settimeout(left)
            chunk = self.raw.peek(1)  # buffered bytes, or one recv
            if not chunk:
                break  # end of stream: smtplib reports the lost connection
            end = chunk.find(b"\n")
            take = len(chunk) if end < 0 else end + 1
            if size >= 0:
                take = min(take, size - total)
            piece = self.raw.read(take)  # from the buffer, no further recv
            parts.append(piece)
            total += len(piece)
            if piece.endswith(b"\n"):
                break
        return b"".join(parts)

    def close(self) -> None:
        self.raw.close()


class _SMTP(smtplib.SMTP):
    """``smtplib.SMTP`` with a patient end of DATA, and a :class:`DotStuffed` message sent as is.

    * After the last byte of a message the server filters and queues it before it replies;
      RFC 5321 §4.5.3.2.6 gives it 10 minutes (``data_timeout``). Giving up sooner turns a
      slow server into a duplicate, so only this one reply waits that long.
    * ``payload_sent`` says the whole message went out: a connection lost after that point
      leaves the outcome unknown (the server may have queued it), not failed; so does a reply
      to the end of DATA that is no SMTP reply (retrying it had one server queue 4 copies).
    * Every reply is bounded in lines and in total time, so a server streaming an endless
      reply cannot hold the run (and its lock) for ever.
    * ``sendmail`` keeps all its checks and exceptions; only the quoting regex over the whole
      message (about 1 ms per 151 KiB copy) is skipped for a :class:`DotStuffed` message,
      because :class:`~briefing.deliver.message.MessageFactory` stuffed the shared body once
      for the run. Anything else is quoted by smtplib as usual.
    """

    data_timeout: float | None = None
    payload_sent = False
    reply_lines = 0
    reply_deadline = 0.0

    def getreply(self) -> tuple[int, bytes]:
        """smtplib's reply reader, bounded in lines and in total time (a hostile server cannot hold us)."""
        if self.file is None and self.sock is not None:
            self.file = _CountedReader(self.sock.makefile("rb"), self)
        timeout = self.sock.gettimeout() if self.sock is not None else None
        self.reply_lines = 0
        self.reply_deadline = time.monotonic() + (timeout if timeout else MAX_WAIT_SECONDS)
        try:
            return super().getreply()
        finally:  # the reader shortened it to the budget left
            if self.sock is not None:
                with contextlib.suppress(OSError):
                    self.sock.settimeout(timeout)

    def data(self, msg: ReadableBuffer | str) -> tuple[int, bytes]:
        self.payload_sent = False
        self.putcmd("data")
        code, reply = self.getreply()
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        if isinstance(msg, DotStuffed):
            wire = bytes(msg)
        else:
            raw = msg.encode("ascii") if isinstance(msg, str) else bytes(msg)
            wire = dot_stuff(raw) + b".\r\n"
        self.send(wire)
        self.payload_sent = True
        previous = self.sock.gettimeout() if self.sock is not None else None
        if self.data_timeout is not None and self.sock is not None:
            self.sock.settimeout(self.data_timeout)
        try:
            final = self.getreply()
        finally:
            if self.sock is not None:
                with contextlib.suppress(OSError):
                    self.sock.settimeout(previous)
        if final[0] // 100 not in (2, 4, 5):  # no SMTP reply (-1: not even a code): queued or not, we cannot tell
            raise _UnclearReply(final[0], final[1])
        self.payload_sent = False  # the outcome is known now
        return final


class _SMTP_SSL(_SMTP, smtplib.SMTP_SSL):  # noqa: N801 - smtplib's name with our prefix
    """Implicit TLS with the same ``data()``."""


class SMTPMessenger:
    """One SMTP connection for the whole run, re-opened when it drops.

    Security (plain, STARTTLS or implicit TLS) and login come from the
    settings; certificates are verified with the system's trust store.
    """

    def __init__(
        self,
        settings: Settings,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.host = settings.smtp_host
        self.port = settings.smtp_port
        self.security = settings.smtp_security
        self.timeout = settings.smtp_timeout
        self.data_timeout = settings.smtp_data_timeout
        if settings.smtp_user and settings.smtp_security == "none" and not settings.smtp_allow_plain_auth:
            raise DeliverError(
                f"smtp_user is set but smtp_security is none: the password would go to {self.host} in clear; "
                "set smtp_security = starttls or ssl (or smtp_allow_plain_auth = true for a trusted local relay)"
            )
        self.user = settings.smtp_user
        self.password = settings.smtp_password
        self.attempts = max(1, settings.smtp_attempts)
        self.backoff = max(0.0, settings.smtp_backoff)
        self.sleep = sleep
        self.conn: smtplib.SMTP | None = None
        self.connections = 0  # opened so far, for the log and the benchmark

    # -- connection

    def _connect(self) -> smtplib.SMTP:
        context = tls_context()
        conn: smtplib.SMTP
        if self.security == "ssl":
            conn = _SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            conn = _SMTP(self.host, self.port, timeout=self.timeout)
        conn.data_timeout = self.data_timeout
        try:
            conn.ehlo()
            if self.security == "starttls":
                conn.starttls(context=context)
                conn.ehlo()
            if self.user:
                conn.login(self.user, self.password or "")
        except BaseException:
            _quietly_close(conn)
            raise
        self.connections += 1
        log.debug("connected to %s:%s (%s)", self.host, self.port, self.security)
        return conn

    def _drop(self) -> None:
        if self.conn is not None:
            _quietly_close(self.conn)
            self.conn = None

    # -- sending

    def send(self, message: Outgoing) -> None:
        """Hand ``message`` to the server, retrying transient failures with backoff."""
        last = ""
        connection_problem = False
        for attempt in range(1, self.attempts + 1):
            if attempt > 1:
                delay = min(self.backoff * 2.0 ** min(attempt - 2, 64), MAX_WAIT_SECONDS)
                log.info("retrying %s in %.1f s (attempt %d): %s", message.recipient, delay, attempt, last)
                self.sleep(delay)
            try:
                if self.conn is None:
                    self.conn = self._connect()
                self.conn.sendmail(message.envelope_from, [message.recipient], message.smtp_data)
                return
            except UnicodeEncodeError:
                self._drop()
                raise DeliverError("smtp_user and smtp_password must be ASCII (smtplib sends no other characters)") \
                    from None
            except smtplib.SMTPAuthenticationError as e:
                self._drop()
                raise DeliverError(f"SMTP login as {self.user!r} on {self.host} refused: {_reply(e)}") from None
            except smtplib.SMTPNotSupportedError as e:
                self._drop()
                wanted = "AUTH (login with smtp_user)" if "AUTH" in str(e) else self.security
                raise DeliverError(f"SMTP server {self.host} does not support {wanted}: {e}") from None
            except ssl.SSLError as e:
                self._drop()
                raise DeliverError(f"TLS with {self.host}:{self.port} failed: {e}") from None
            except _UnclearReply as e:
                self._drop()
                raise UnknownOutcome(f"the reply to the message was no SMTP reply ({_reply(e)})") from None
            except smtplib.SMTPRecipientsRefused as e:
                code, text = next(iter(e.recipients.values()))
                last, connection_problem = _format(code, text), False
                if 500 <= code < 600:
                    raise PermanentFailure(last) from None
            except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as e:
                last, connection_problem = _reply(e), False
                if 500 <= e.smtp_code < 600 and isinstance(e, smtplib.SMTPSenderRefused):
                    # About our sender, not this subscriber: failing every recipient
                    # permanently would drop the whole list for the day.
                    raise DeliverError(
                        f"SMTP server {self.host} refuses the sender {message.envelope_from}: {last}; "
                        "check from_addr and the server's sender rules"
                    ) from None
                if 500 <= e.smtp_code < 600:
                    raise PermanentFailure(last) from None
                if e.smtp_code == 421:  # "service not available, closing channel"
                    self._drop()
                    connection_problem = True
            except smtplib.SMTPResponseException as e:
                # Unexpected replies during connect/EHLO (e.g. 421 or 554 greeting).
                last, connection_problem = _reply(e), True
                self._drop()
            except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, TimeoutError, OSError) as e:
                last, connection_problem = f"{type(e).__name__}: {e}".rstrip(": "), True
                handed_over = isinstance(self.conn, _SMTP) and self.conn.payload_sent
                self._drop()
                if handed_over:
                    raise UnknownOutcome(f"connection lost after the message was sent, before the reply ({last})") \
                        from None
        raise TransientFailure(last, connection=connection_problem)

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.quit()
            except (smtplib.SMTPException, OSError):
                pass
            finally:
                self._drop()


def tls_context() -> ssl.SSLContext:
    """Certificates and host names verified against the system's trust store."""
    return ssl.create_default_context()


def _format(code: int, text: bytes | str) -> str:
    message = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(message.split())}"


def _reply(e: smtplib.SMTPResponseException) -> str:
    return _format(e.smtp_code, e.smtp_error)


def _quietly_close(conn: smtplib.SMTP) -> None:
    with contextlib.suppress(OSError):
        conn.close()
