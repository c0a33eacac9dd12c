"""Delivery hardening (issue 13): AUTH without TLS, the end-of-data wait, unknown outcomes,
a database locked mid-send, the lock on the database's identity, the ledger migration.

All against a real aiosmtpd server on 127.0.0.1.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from deliver_helpers import DAY, Handler, add_many, addresses, ledger, make_day, start_server

from briefing.deliver import send_day, store
from briefing.deliver.send import journal_path, send_lock
from briefing.errors import DeliverError
from briefing.settings import Settings, load


def _settings(tmp_path: Path, port: int, **overrides: Any) -> Settings:
    if not (tmp_path / "out" / DAY.isoformat()).exists():
        make_day(tmp_path / "out")
    base = Settings(
        db=str(tmp_path / "data" / "briefing.db"),
        out=str(tmp_path / "out"),
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_timeout=10,
        smtp_attempts=3,
        smtp_backoff=0.01,
        from_addr="Europäische Perspektive <briefing@example.org>",
        unsubscribe_url="https://example.org/abmelden/{token}",
    )
    return replace(base, **overrides)


# ---------------------------------------------------------------- AUTH only with TLS


def _accept_any(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    return AuthResult(success=isinstance(auth_data, LoginPassword), handled=False)


@pytest.fixture
def plain_auth_server() -> Iterator[tuple[Handler, int]]:
    handler = Handler()
    controller = start_server(handler, authenticator=_accept_any, auth_require_tls=False)
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def test_auth_over_plain_tcp_is_refused_before_connecting(tmp_path: Path, plain_auth_server) -> None:
    handler, port = plain_auth_server
    settings = _settings(tmp_path, port, smtp_user="briefing", smtp_password="geheim")
    add_many(Path(settings.db), addresses(2))
    with pytest.raises(DeliverError, match="smtp_security is none: the password would go to 127.0.0.1 in clear") as e:
        send_day(settings, DAY)
    assert "geheim" not in str(e.value)
    assert handler.connections == 0 and handler.messages() == []
    assert ledger(Path(settings.db)) == {}  # nothing marked 'sending' either


def test_auth_over_plain_tcp_when_explicitly_allowed(tmp_path: Path, plain_auth_server) -> None:
    handler, port = plain_auth_server
    settings = _settings(tmp_path, port, smtp_user="briefing", smtp_password="geheim", smtp_allow_plain_auth=True)
    add_many(Path(settings.db), addresses(2))
    assert send_day(settings, DAY).sent == 2


def test_allow_plain_auth_is_a_setting() -> None:
    assert load(env={}).smtp_allow_plain_auth is False
    assert load(env={"BRIEFING_SMTP_ALLOW_PLAIN_AUTH": "true"}).smtp_allow_plain_auth is True


# ---------------------------------------------------------------- the end-of-data reply


# The server takes this long to answer the end of DATA: longer than the connection timeout
# (smtp_timeout) of these tests, as 45 s would be against the old 30 s.
SLOW_REPLY = 1.5


def test_the_wait_for_the_end_of_data_reply_is_the_rfc_value() -> None:
    assert Settings().smtp_data_timeout == 600.0  # RFC 5321 §4.5.3.2.6: 10 minutes


def test_a_slow_end_of_data_reply_beyond_the_timeout_is_waited_for_and_not_sent_twice(tmp_path, server) -> None:
    handler, port = server
    handler.delay, handler.queue_first = SLOW_REPLY, True  # a retry after a timeout would be a second copy
    # Every other reply must come within smtp_timeout; only the end of DATA gets the RFC's 10 minutes.
    settings = _settings(tmp_path, port, smtp_timeout=SLOW_REPLY / 3)
    add_many(Path(settings.db), addresses(2))
    report = send_day(settings, DAY)
    assert (report.sent, report.failed, report.unknown) == (2, [], [])
    assert {r: len(m) for r, m in handler.by_rcpt().items()} == {a: 1 for a in addresses(2)}


def test_lost_reply_after_the_message_is_unknown_and_held_by_default(tmp_path, server) -> None:
    handler, port = server
    handler.delay, handler.queue_first = SLOW_REPLY, True
    # A client that gives up before the reply (as the old 30 s did against a slow server).
    settings = _settings(tmp_path, port, smtp_timeout=5, smtp_data_timeout=SLOW_REPLY / 3)
    add_many(Path(settings.db), addresses(1))
    report = send_day(settings, DAY)
    assert not report.ok and report.sent == 0 and len(report.unknown) == 1
    assert "outcome unknown" in report.failure_message()
    assert ledger(Path(settings.db))["leser000@example.org"][0] == "unknown"
    assert len(handler.messages()) == 1  # the server did queue it: a retry would have been a duplicate
    # The resumed run decides by the policy: hold -> not sent again, reported, exit 0.
    handler.delay = 0
    again = send_day(replace(settings, smtp_data_timeout=600.0), DAY)
    assert again.ok and again.held == 1 and again.sent == 0
    assert "1 held (outcome unknown before" in again.summary()
    assert len(handler.messages()) == 1


def test_policy_resend_sends_an_unknown_outcome_again_with_the_same_message_id(tmp_path, server) -> None:
    handler, port = server
    handler.delay, handler.queue_first = SLOW_REPLY, True
    settings = _settings(tmp_path, port, smtp_timeout=5, smtp_data_timeout=SLOW_REPLY / 3)
    add_many(Path(settings.db), addresses(1))
    send_day(settings, DAY)
    handler.delay = 0
    again = send_day(replace(settings, smtp_data_timeout=600.0, smtp_unknown_outcome="resend"), DAY)
    assert again.sent == 1
    first, second = handler.messages()
    assert first.message_id == second.message_id
    assert ledger(Path(settings.db))["leser000@example.org"][0] == "sent"


# ---------------------------------------------------------------- the database locked mid-send


class LockingHandler(Handler):
    """Accepts a message, then another process-like writer holds the database lock."""

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db
        self.holder: sqlite3.Connection | None = None

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        reply = await super().handle_DATA(server, session, envelope)
        if self.holder is None:
            self.holder = sqlite3.connect(self.db, check_same_thread=False, isolation_level=None)
            self.holder.execute("BEGIN IMMEDIATE")
        return reply

    def release(self) -> None:
        assert self.holder is not None
        self.holder.execute("ROLLBACK")
        self.holder.close()


def test_a_database_locked_mid_send_keeps_the_outcome_and_sends_nothing_twice(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 100)
    db = tmp_path / "data" / "briefing.db"
    handler = LockingHandler(db)
    controller = start_server(handler)
    try:
        settings = _settings(tmp_path, controller.port)
        add_many(db, addresses(3))
        with pytest.raises(DeliverError, match="the outcome is kept in .*briefing.db.outcomes") as e:
            send_day(settings, DAY)
        assert "\n" not in str(e.value)
        assert len(handler.messages()) == 1
        handler.release()
        assert ledger(db)["leser000@example.org"][0] == "sending"  # what the database holds so far
        report = send_day(settings, DAY)
        assert (report.sent, report.skipped) == (2, 1)
        assert {r: len(m) for r, m in handler.by_rcpt().items()} == {a: 1 for a in addresses(3)}
        assert {s for s, _ in ledger(db).values()} == {"sent"}
        assert not journal_path(str(db)).exists()
    finally:
        controller.stop()


# ---------------------------------------------------------------- the lock follows the file, not the path


@pytest.mark.parametrize("other_path", ["symlink", "dotdot"])
def test_the_same_database_through_another_path_shares_the_lock(tmp_path, server, other_path: str) -> None:
    handler, port = server
    settings = _settings(tmp_path, port)
    add_many(Path(settings.db), addresses(2))
    real = Path(settings.db)
    if other_path == "symlink":
        alias = tmp_path / "link.db"
        alias.symlink_to(real)
    else:
        alias = real.parent / ".." / real.parent.name / real.name
    with send_lock(str(real)), pytest.raises(DeliverError, match="another `briefing send` is running"):
        send_day(replace(settings, db=str(alias)), DAY)
    assert handler.messages() == []
    assert send_day(replace(settings, db=str(alias)), DAY).sent == 2


def test_two_concurrent_runs_through_a_symlink_send_each_message_once(tmp_path, server) -> None:
    handler, port = server
    handler.delay = 0.02
    settings = _settings(tmp_path, port)
    add_many(Path(settings.db), addresses(20))
    alias = tmp_path / "link.db"
    alias.symlink_to(settings.db)
    errors: list[str] = []

    def run(db: str) -> None:
        try:
            send_day(replace(settings, db=db), DAY)
        except DeliverError as e:
            errors.append(str(e))

    threads = [threading.Thread(target=run, args=(db,)) for db in (settings.db, str(alias))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert {r: len(m) for r, m in handler.by_rcpt().items()} == {a: 1 for a in addresses(20)}
    assert all("another `briefing send` is running" in e for e in errors)


# ---------------------------------------------------------------- schema 1 -> 2


def test_a_version_1_database_is_migrated_with_its_rows(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(store._SCHEMA[0])
    conn.execute("INSERT INTO subscribers VALUES (1, 'a@example.org', NULL, 't', 'active', 'x', 'x')")
    conn.execute("INSERT INTO ledger VALUES ('2025-09-04', 1, 'a@example.org', '<m>', 'sent', 1, NULL, 'x')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    conn = store.connect(db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION == 2
        assert conn.execute("SELECT status FROM ledger").fetchall() == [("sent",)]
        conn.execute("UPDATE ledger SET status = 'unknown'")
    finally:
        conn.close()


# ---------------------------------------------------------------- CSV import


def _import(tmp_path: Path, data: bytes) -> tuple[store.ImportReport, str]:
    db = str(tmp_path / "data" / "briefing.db")
    path = tmp_path / "liste.csv"
    path.write_bytes(data)
    return store.import_csv(db, path), db


def test_unterminated_quote_does_not_swallow_the_next_rows_silently(tmp_path: Path) -> None:
    report, db = _import(
        tmp_path, b'dora@example.org,Dora\nanna@example.org,"Anna\nbert@example.org,Bert\ncarl@example.org,Carl\n'
    )
    assert report.added == 1 and [n for n, _ in report.invalid] == [2]
    reason = report.invalid[0][1]
    assert "unterminated quote" in reason and "line 3 (bert@example.org)" in reason and "line 4" in reason
    assert store.list_lines(db, show_all=False) == ["dora@example.org\tDora"]


def test_excel_unicode_text_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    text = "E-Mail\tName\r\nanna@example.org\tÄnne Müller\r\nbert@example.org\t李雷\r\n"
    report, db = _import(tmp_path, text.encode("utf-16"))
    assert (report.added, report.invalid) == (2, [])
    assert store.list_lines(db, show_all=False) == ["anna@example.org\tÄnne Müller", "bert@example.org\t李雷"]


def test_cr_only_line_ends(tmp_path: Path) -> None:
    report, _ = _import(tmp_path, b"email,name\ranna@example.org,Anna\rbert@example.org,Bert\r")
    assert (report.added, report.invalid) == (2, [])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a text file \\(binary content\\)"),
        ("anna@example.org,Anna\n".encode("utf-16-le"), "looks like UTF-16 text without a byte order mark"),
        (b'anna@example.org,"' + b"x" * 200_000 + b'"\n', "not a readable CSV file \\(line 1: field larger"),
    ],
)
def test_broken_csv_files_are_one_line_errors(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(DeliverError, match=message) as e:
        _import(tmp_path, data)
    assert "\n" not in str(e.value)


def test_cli_import_where_every_row_is_invalid_exits_nonzero(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefing.cli import main

    path = tmp_path / "liste.csv"
    path.write_text("email\nkaputt@\nnix@x\n", encoding="utf-8")
    env = {"BRIEFING_DB": str(tmp_path / "b.db")}
    result = CliRunner().invoke(main, ["subscribers", "import", str(path)], env=env)
    assert result.exit_code == 1
    assert "invalid 2" in result.output and "Error: no usable row in" in result.output
    assert "Traceback" not in result.output
    path.write_text("email\nanna@example.org\nnix@x\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["subscribers", "import", str(path)], env=env).exit_code == 0


def test_cli_import_of_a_binary_file_is_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefing.cli import main

    path = tmp_path / "liste.xlsx.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8)
    result = CliRunner().invoke(main, ["subscribers", "import", str(path)], env={"BRIEFING_DB": str(tmp_path / "b.db")})
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "binary content" in result.output
