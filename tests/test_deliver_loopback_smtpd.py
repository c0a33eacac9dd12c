"""The benchmark's bulk-DATA aiosmtpd server receives exactly what stock aiosmtpd receives.

benchmarks/bench_send.py measures ``briefing send`` through
benchmarks/loopback_smtpd.py's :class:`BulkDataSMTP`, because stock aiosmtpd
reads DATA line by line and caps the measurement at the server's speed. That
figure is only honest if the bulk reader is a faithful SMTP server: every case
here runs the same raw SMTP dialogue against both servers and compares the
replies and the content handed to the handler, byte for byte.
"""

from __future__ import annotations

import os
import smtplib
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from deliver_helpers import DAY, Handler, add_many, addresses, make_day, start_server
from loopback_smtpd import BulkDataSMTP

from briefing.deliver import send_day
from briefing.settings import Settings

BASE64_BODY = b"".join(os.urandom(57).hex().encode()[:76] + b"\r\n" for _ in range(3000))  # ~230 KB of 76-char lines


def _reply(f: socket.SocketIO | object) -> bytes:
    lines = []
    while True:
        line = f.readline()  # type: ignore[attr-defined]
        assert line, "server closed the connection"
        lines.append(line)
        if line[3:4] != b"-":
            return b"".join(lines)


def dialogue(port: int, payloads: list[bytes], pieces: int = 1) -> list[bytes]:
    """One connection, one DATA transaction per payload (sent raw, in ``pieces``); the final replies."""
    replies = []
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        f = s.makefile("rb")
        _reply(f)
        s.sendall(b"EHLO test.example.org\r\n")
        _reply(f)
        for i, payload in enumerate(payloads):
            for cmd in (b"MAIL FROM:<a@example.org>", f"RCPT TO:<r{i}@example.org>".encode(), b"DATA"):
                s.sendall(cmd + b"\r\n")
                answer = _reply(f)
            assert answer.startswith(b"354"), answer
            step = max(1, -(-len(payload) // pieces))
            for start in range(0, len(payload), step):
                s.sendall(payload[start : start + step])
                if pieces > 1:
                    time.sleep(0.002)  # let the server read a partial end marker
            replies.append(_reply(f))
        s.sendall(b"QUIT\r\n")
        _reply(f)
    return replies


def both(payloads: list[bytes], pieces: int = 1, **server_kwargs: object) -> dict[str, tuple[list[bytes], list]]:
    """``{"stock"|"bulk": (final replies, [(rcpt, content)])}`` for the same dialogue."""
    out = {}
    for name, bulk in (("stock", False), ("bulk", True)):
        handler = Handler()
        controller = start_server(handler, bulk=bulk, **server_kwargs)
        try:
            replies = dialogue(controller.port, payloads, pieces)
        finally:
            controller.stop()
        out[name] = (replies, [(r.rcpt, r.data) for r in handler.messages()])
    return out


# (wire bytes after DATA, content the handler must receive)
CASES = {
    "empty message": (b".\r\n", b""),
    "one empty line": (b"\r\n.\r\n", b"\r\n"),
    "one line": (b"Subject: x\r\n.\r\n", b"Subject: x\r\n"),
    "stuffed lone dot": (b"a\r\n..\r\nb\r\n.\r\n", b"a\r\n.\r\nb\r\n"),
    "stuffed first line": (b"..Punkt\r\n.\r\n", b".Punkt\r\n"),
    "leading dots anywhere": (b".a\r\n..b\r\n...c\r\n.\r\n", b"a\r\n.b\r\n..c\r\n"),
    "lines ending in dots": (b"Ende.\r\nnoch.\r\n. .\r\n.\r\n", b"Ende.\r\nnoch.\r\n .\r\n"),
    "dot CRLF inside a line": (b"x.\r\ny\r\n.x.\r\n.\r\n", b"x.\r\ny\r\nx.\r\n"),
    "bare LF and CR": (b"a\nb\rc\r\n.\n\r\n.\r\n", b"a\nb\rc\r\n\n\r\n"),
    "longest allowed line": (b"x" * 999 + b"\r\n.\r\n", b"x" * 999 + b"\r\n"),
    "big body": (BASE64_BODY + b".\r\n", BASE64_BODY),
}


@pytest.mark.parametrize("pieces", [1, 7])
@pytest.mark.parametrize("case", sorted(CASES))
def test_bulk_reader_receives_what_stock_aiosmtpd_receives(case: str, pieces: int) -> None:
    wire, content = CASES[case]
    # A second transaction on the same connection: the state after DATA is clean.
    got = both([wire, b"Subject: next\r\n.\r\n"], pieces)
    assert got["bulk"] == got["stock"]
    replies, received = got["bulk"]
    assert replies == [b"250 2.0.0 accepted\r\n"] * 2
    assert received == [("r0@example.org", content), ("r1@example.org", b"Subject: next\r\n")]


@pytest.mark.parametrize(
    ("wire", "kwargs", "code"),
    [
        (b"x" * 1000 + b"\r\n.\r\n", {}, b"500"),  # one byte over the line limit
        (b"a\r\n" + b"y" * 5000 + b"\r\nb\r\n.\r\n", {}, b"500"),  # a line longer than the reader's buffer limit
        (BASE64_BODY + b".\r\n", {"data_size_limit": 10_000}, b"552"),
        (b"z" * 98 + b"\r\n.\r\n", {"data_size_limit": 100}, b"250"),  # exactly at the limit
        (b"z" * 99 + b"\r\n.\r\n", {"data_size_limit": 100}, b"552"),
    ],
)
def test_limits_give_the_stock_replies_and_the_connection_goes_on(wire: bytes, kwargs: dict, code: bytes) -> None:
    got = both([wire, b"ok\r\n.\r\n"], **kwargs)
    assert got["bulk"] == got["stock"]
    replies, received = got["bulk"]
    assert replies[0].startswith(code) and replies[1].startswith(b"250")
    assert received[-1] == ("r1@example.org", b"ok\r\n")


@pytest.mark.parametrize("bulk", [False, True])
def test_commands_pipelined_behind_the_end_marker_are_not_swallowed(bulk: bool) -> None:
    # RFC 2920: a client may send the next commands right behind ".\r\n"; the
    # reader must stop at the end marker, not read on into the next command.
    handler = Handler()
    controller = start_server(handler, bulk=bulk)
    try:
        with socket.create_connection(("127.0.0.1", controller.port), timeout=10) as s:
            f = s.makefile("rb")
            _reply(f)
            s.sendall(b"EHLO t\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n")
            assert [_reply(f)[:3] for _ in range(4)] == [b"250", b"250", b"250", b"354"]
            s.sendall(BASE64_BODY + b".\r\nMAIL FROM:<c@example.org>\r\nRCPT TO:<d@example.org>\r\nDATA\r\n")
            assert [_reply(f)[:3] for _ in range(4)] == [b"250", b"250", b"250", b"354"]
            s.sendall(b"..zwei\r\n.\r\nQUIT\r\n")
            assert [_reply(f)[:3] for _ in range(2)] == [b"250", b"221"]
    finally:
        controller.stop()
    assert [(r.rcpt, r.data) for r in handler.messages()] == [
        ("b@example.org", BASE64_BODY),
        ("d@example.org", b".zwei\r\n"),
    ]


def test_decode_data_is_refused() -> None:
    with pytest.raises(ValueError, match="decode_data"):
        BulkDataSMTP(Handler(), decode_data=True)


@pytest.fixture
def bulk_server() -> Iterator[tuple[Handler, int]]:
    handler = Handler()
    controller = start_server(handler, bulk=True)
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def test_smtplib_and_briefing_send_through_the_bulk_server(tmp_path: Path, bulk_server) -> None:
    handler, port = bulk_server
    message = b"Subject: t\r\n\r\n.\r\n..zwei\r\n" + BASE64_BODY
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        smtp.sendmail("a@example.org", ["raw@example.org"], message)
    make_day(tmp_path / "out")
    settings = Settings(
        db=str(tmp_path / "briefing.db"),
        out=str(tmp_path / "out"),
        smtp_host="127.0.0.1",
        smtp_port=port,
        from_addr="Europäische Perspektive <briefing@example.org>",
        unsubscribe_url="https://example.org/abmelden/{token}",
    )
    add_many(tmp_path / "briefing.db", addresses(3))
    report = send_day(settings, DAY)
    assert report.ok and report.sent == 3
    got = handler.by_rcpt()
    assert got["raw@example.org"][0].data == message
    assert sorted(got) == sorted([*addresses(3), "raw@example.org"])
    pdf = (tmp_path / "out" / DAY.isoformat() / "briefing.pdf").read_bytes()
    assert all(next(r.message.iter_attachments()).get_content() == pdf for r in handler.messages()[1:])
