"""The loopback SMTP server of the send benchmark: aiosmtpd, with a stock or a bulk DATA reader.

Why a second reader: aiosmtpd's stock ``SMTP.smtp_DATA`` reads the message
line by line, one ``await reader.readuntil(b"\\r\\n")`` plus bookkeeping per
line - about 2,000 awaits for a 151 KiB briefing (base64 PDF and
quoted-printable text are 76-character lines). py-spy on the server
subprocess showed two thirds of its event-loop thread inside that loop, and
the server capped at about 90 messages/s however fast the client was: the
benchmark measured the test server, not ``briefing send``.

:class:`BulkDataSMTP` is still aiosmtpd (a subclass of ``aiosmtpd.smtp.SMTP``
speaking the full SMTP dialogue through the same handler hooks); only its DATA
phase differs. It reads up to each ``.\\r\\n`` instead of each line (a handful
of awaits per message, at most one per socket read), stops at the first
``\\r\\n.\\r\\n``, and removes the dot-stuffing with one ``replace``. The
content handed to ``handle_DATA`` is byte-identical to the stock reader's,
and the size and line-length limits give the same replies (a message over
both limits gets 552 here; the stock reader answers for whichever limit came
first in the stream); tests/test_deliver_loopback_smtpd.py checks this
against stock aiosmtpd.

Run as a script it serves until stdin closes and answers ``stats`` on stdin
with ``messages bytes connections``::

    python benchmarks/loopback_smtpd.py PORT --reader bulk
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import MISSING, SMTP

log = logging.getLogger("mail.log")  # aiosmtpd's logger name

# "\r\n.\r\n" ends DATA; the CRLF that ended the DATA command line counts as the
# one before the first line, so an empty message is just ".\r\n".
_END = b"\r\n.\r\n"
# What the reader waits for: every end-of-data also ends in this, and in
# base64 and quoted-printable bodies it is rare (a text line ending in a dot).
_DOT_LINE_END = b".\r\n"


class BulkDataSMTP(SMTP):
    """aiosmtpd's SMTP with a DATA phase that reads in bulk instead of line by line."""

    def __init__(self, handler: Any, **kwargs: Any) -> None:
        if kwargs.get("decode_data"):
            raise ValueError("BulkDataSMTP hands bytes to the handler; decode_data is not supported")
        super().__init__(handler, **kwargs)

    async def smtp_DATA(self, arg: str) -> None:
        # The checks before the 354 reply are the stock method's, in its order.
        if await self.check_helo_needed():
            return
        if await self.check_auth_needed("DATA"):
            return
        assert self.envelope is not None
        if not self.envelope.rcpt_tos:
            await self.push("503 Error: need RCPT command")
            return
        if arg:
            await self.push("501 Syntax: DATA")
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")

        limit = self.data_size_limit
        data = bytearray(b"\r\n")  # the CRLF of the DATA command line, see _END
        dropped = 0  # bytes thrown away once the message is known to be too large
        while not data.endswith(_END):
            try:
                chunk = await self._reader.readuntil(_DOT_LINE_END)
            except asyncio.LimitOverrunError as e:
                # No ".\r\n" within the reader's limit (aiosmtpd sets it to the line
                # length limit): take what is safe to take, the search goes on.
                chunk = await self._reader.readexactly(e.consumed)
            except asyncio.CancelledError:
                log.info("Connection lost during DATA")
                self._writer.close()
                raise
            data += chunk
            if limit and dropped + len(data) - len(_END) > limit:
                # Like the stock reader: keep reading to the end, but not the content.
                # The last bytes stay so the end marker is still recognised.
                dropped += len(data) - len(_END)
                del data[: -len(_END)]
        if dropped:
            await self.push("552 Error: Too much mail data")
            self._set_post_data_state()
            return

        # The lines as sent (each still ending in CRLF) behind the leading CRLF,
        # without the final ".\r\n".
        framed = bytes(data[:-3])
        if max(map(len, framed.split(b"\r\n"))) + 2 > self.line_length_limit:
            await self.push("500 Line too long (see RFC5321 4.5.3.1.6)")
            self._set_post_data_state()
            return
        # RFC 5321 4.5.2: a line starting with "." loses that dot; the leading
        # CRLF lets one replace reach the first line as well.
        content = framed.replace(b"\r\n.", b"\r\n")[2:]
        self.envelope.content = content
        self.envelope.original_content = content

        status = await self._call_handler_hook("DATA") if "DATA" in self._handle_hooks else MISSING
        self._set_post_data_state()
        await self.push("250 OK" if status is MISSING else status)


class BulkDataController(Controller):
    """aiosmtpd's threaded Controller serving :class:`BulkDataSMTP`."""

    def factory(self) -> BulkDataSMTP:
        return BulkDataSMTP(self.handler, **self.SMTP_kwargs)


class Counter:
    """Counts messages (one per recipient), message bytes and connections (EHLOs)."""

    def __init__(self) -> None:
        self.messages = self.bytes = self.connections = 0

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str, responses: list[str]) -> Any:
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages += len(envelope.rcpt_tos)
        self.bytes += len(envelope.original_content or b"")
        return "250 OK"


def main() -> None:
    parser = argparse.ArgumentParser(description="Loopback SMTP server for benchmarks/bench_send.py")
    parser.add_argument("port", type=int)
    parser.add_argument("--reader", choices=("stock", "bulk"), default="bulk")
    args = parser.parse_args()
    handler = Counter()
    cls = BulkDataController if args.reader == "bulk" else Controller
    controller = cls(handler, hostname="127.0.0.1", port=args.port, data_size_limit=0)
    controller.start()
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "stats":
            break
        print(handler.messages, handler.bytes, handler.connections, flush=True)
    controller.stop()


if __name__ == "__main__":
    main()
