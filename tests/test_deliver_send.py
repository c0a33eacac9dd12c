"""`briefing send` against a real SMTP server (aiosmtpd on 127.0.0.1, in this process)."""

from __future__ import annotations

import email
import email.policy
import re
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from deliver_helpers import (
    DAY,
    HEADLINE,
    Handler,
    add_many,
    addresses,
    env_for,
    ledger,
    make_day,
    pdf_bytes,
)

from briefing.cli import main
from briefing.deliver import messenger as messenger_module
from briefing.deliver import send_day
from briefing.deliver.message import DotStuffed
from briefing.deliver.send import RateLimiter
from briefing.errors import DeliverError
from briefing.settings import Settings


@pytest.fixture
def settings(tmp_path: Path, server: tuple[Handler, int]) -> Settings:
    make_day(tmp_path / "out")
    return Settings(
        db=str(tmp_path / "data" / "briefing.db"),
        out=str(tmp_path / "out"),
        smtp_host="127.0.0.1",
        smtp_port=server[1],
        smtp_timeout=10,
        smtp_attempts=3,
        smtp_backoff=0.01,
        from_addr="Europäische Perspektive <briefing@example.org>",
        unsubscribe_url="https://example.org/abmelden/{token}",
        unsubscribe_mailto="abmelden@example.org",
        list_id="Europaeische Perspektive <ep.example.org>",
    )


def test_three_subscribers_get_one_message_each_with_parts_and_headers(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(3), {"leser001@example.org": "Jürgen Müller"})
    report = send_day(settings, DAY, None, None)
    assert report.ok and report.summary() == "2025-09-04: sent 3, skipped 0 (already sent), failed 0"
    got = handler.by_rcpt()
    assert sorted(got) == addresses(3)
    for rcpt, [received] in got.items():
        msg = received.message
        assert msg["To"].addresses[0].addr_spec == rcpt
        assert msg["From"].addresses[0].addr_spec == "briefing@example.org"
        assert str(msg["Subject"]) == "Europäische Perspektive, 4.9.: " + HEADLINE.split(": ", 1)[1]
        assert msg["Date"] and msg["List-Id"] == "Europaeische Perspektive <ep.example.org>"
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsub = str(msg["List-Unsubscribe"])
        assert unsub.startswith("<https://example.org/abmelden/")
        assert "<mailto:abmelden@example.org?subject=unsubscribe-" in unsub
        assert msg["Message-ID"].endswith("@example.org>")
        assert msg.get_content_type() == "multipart/mixed"
        text = msg.get_body(("plain",))
        html = msg.get_body(("html",))
        assert text is not None and "Grüße aus Brüssel" in text.get_content()
        assert html is not None and f"<h1>{HEADLINE}</h1>" in html.get_content()
        [attachment] = list(msg.iter_attachments())
        assert attachment.get_filename() == "Europaeische-Perspektive-2025-09-04.pdf"
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_content() == (Path(settings.out) / "2025-09-04" / "briefing.pdf").read_bytes()
    named = got["leser001@example.org"][0].message["To"].addresses[0]
    assert named.display_name == "Jürgen Müller"
    # Non-ASCII travels RFC 2047-encoded: the raw bytes are pure ASCII.
    raw = got["leser001@example.org"][0].data
    assert raw.isascii() and b"=?utf-8?" in raw.split(b"\r\n\r\n", 1)[0]
    # Each subscriber has an own token, and one connection served the whole run.
    tokens = {str(r.message["List-Unsubscribe"]).split("/abmelden/")[1].split(">")[0] for [r] in got.values()}
    assert len(tokens) == 3
    assert handler.connections == 1


def test_lines_starting_with_dots_arrive_unchanged(settings: Settings, server, tmp_path: Path) -> None:
    # The body is dot-stuffed once per run, not by smtplib per message: a line
    # "." left unstuffed would end DATA early, "..zwei" would lose a dot.
    handler, _ = server
    text = ".Punkt am Zeilenanfang\n.\n..zwei\n...\nEnde.\n"
    (Path(settings.out) / DAY.isoformat() / "briefing.txt").write_text(text, encoding="utf-8")
    add_many(Path(settings.db), addresses(2))
    preview = send_day(settings, DAY, dry_run=tmp_path / "preview")
    assert send_day(settings, DAY).ok
    written = {p.name.split("-", 1)[1].removesuffix(".eml"): p.read_bytes() for p in (tmp_path / "preview").iterdir()}
    got = handler.by_rcpt()
    assert preview.sent == 2 and sorted(got) == sorted(written) == addresses(2)
    def without_date(raw: bytes) -> bytes:
        # Date is the freeze time of the edition: the dry run (no edition frozen yet) stamps its own
        # second, so the two may differ by a clock tick; every other byte must be equal.
        return re.sub(rb"\r\nDate: [^\r]*\r\n", b"\r\n", raw, count=1)

    for rcpt, [received] in got.items():
        assert without_date(received.data) == without_date(written[rcpt])  # byte for byte what --dry-run shows
        plain = next(p for p in received.message.walk() if p.get_content_type() == "text/plain")
        assert plain.get_content().replace("\r\n", "\n") == text


def test_plain_bytes_are_still_quoted_by_smtplib(server) -> None:
    handler, port = server
    message = b"Subject: x\r\n\r\n.\r\n..zwei\r\n"
    conn = messenger_module._SMTP("127.0.0.1", port, timeout=10)
    conn.sendmail("a@example.org", ["plain@example.org"], message)
    conn.sendmail("a@example.org", ["stuffed@example.org"], DotStuffed(b"Subject: x\r\n\r\n..\r\n...zwei\r\n.\r\n"))
    conn.quit()
    assert [(r.rcpt, r.data) for r in handler.messages()] == [
        ("plain@example.org", message),
        ("stuffed@example.org", message),
    ]


def test_rerun_sends_nothing(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(3))
    assert send_day(settings, DAY, None, None).ok
    report = send_day(settings, DAY, None, None)
    assert report.ok and report.summary() == "2025-09-04: sent 0, skipped 3 (already sent), failed 0"
    assert len(handler.messages()) == 3


def test_message_ids_are_deterministic_per_day_and_subscriber(settings: Settings, server, tmp_path: Path) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(2))
    send_day(settings, DAY, None, None)
    first = {r.rcpt: r.message_id for r in handler.messages()}
    # The same subscribers in a fresh database, same day: same IDs; other day: other IDs.
    other = replace(settings, db=str(tmp_path / "other.db"))
    add_many(Path(other.db), addresses(2))
    send_day(other, DAY, None, None)
    second = {r.rcpt: r.message_id for r in handler.messages()[2:]}
    assert first == second and len(set(first.values())) == 2
    make_day(Path(settings.out), date(2025, 9, 5))
    send_day(settings, date(2025, 9, 5), None, None)
    third = {r.rcpt: r.message_id for r in handler.messages()[4:]}
    assert set(third.values()).isdisjoint(first.values())


def test_server_dying_after_two_of_five_fails_the_run_and_rerun_sends_the_other_three(settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(5))
    handler.die_after = 2
    report = send_day(settings, DAY, None, None)
    assert not report.ok
    assert report.sent == 2 and report.stopped and report.remaining == 3 and report.failed == []
    assert report.summary() == "2025-09-04: sent 2, skipped 0 (already sent), failed 0, 3 not attempted"
    assert "again" in report.failure_message() and "\n" not in report.failure_message()
    assert len(handler.messages()) == 2
    handler.die_after = None
    rerun = send_day(settings, DAY, None, None)
    assert rerun.ok and rerun.sent == 3 and rerun.skipped == 2
    counts = {rcpt: len(msgs) for rcpt, msgs in handler.by_rcpt().items()}
    assert counts == {a: 1 for a in addresses(5)}


def test_dropped_connection_is_reopened_within_the_run(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(4))
    handler.drop_once_after = 2
    report = send_day(settings, DAY, None, None)
    assert report.ok and report.sent == 4
    assert handler.connections == 2
    assert sorted(r.rcpt for r in handler.messages()) == addresses(4)


def test_550_is_recorded_others_sent_and_not_retried(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(3))
    handler.reject["leser001@example.org"] = "550 5.1.1 <leser001@example.org>: user unknown"
    report = send_day(settings, DAY, None, None)
    assert not report.ok and report.sent == 2
    assert report.failed == [("leser001@example.org", "550 5.1.1 <leser001@example.org>: user unknown")]
    assert "leser001@example.org" in report.failure_message()
    status = ledger(Path(settings.db))
    assert status["leser001@example.org"] == ("failed-permanent", "550 5.1.1 <leser001@example.org>: user unknown")
    assert status["leser000@example.org"][0] == "sent"
    handler.reject.clear()  # even if the address works now, the day's run does not retry it
    rerun = send_day(settings, DAY, None, None)
    assert rerun.ok and rerun.sent == 0 and rerun.earlier_failed == 1
    assert "1 not retried" in rerun.summary()
    assert [r.rcpt for r in handler.messages()].count("leser001@example.org") == 0


def test_refused_sender_stops_the_run_without_failing_subscribers(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(3))
    handler.reject_sender = "553 5.7.1 sender not allowed"
    with pytest.raises(DeliverError, match=r"refuses the sender briefing@example.org: 553 5.7.1 sender not allowed"):
        send_day(settings, DAY, None, None)
    assert "failed-permanent" not in {status for status, _ in ledger(Path(settings.db)).values()}
    handler.reject_sender = None
    assert send_day(settings, DAY, None, None).sent == 3


def test_many_permanent_refusals_in_a_row_stop_the_run(settings: Settings, server) -> None:
    from briefing.deliver.send import MAX_CONSECUTIVE_PERMANENT

    handler, _ = server
    everyone = addresses(MAX_CONSECUTIVE_PERMANENT + 5)
    add_many(Path(settings.db), everyone)
    handler.reject.update({a: "554 5.7.1 message rejected as spam" for a in everyone})
    report = send_day(settings, DAY, None, None)
    assert not report.ok and len(report.failed) == MAX_CONSECUTIVE_PERMANENT and report.remaining == 5
    assert "refused 10 addresses in a row" in report.failure_message()
    # The rest were never attempted and go out once the problem is fixed.
    handler.reject.clear()
    rerun = send_day(settings, DAY, None, None)
    assert rerun.sent == 5 and rerun.earlier_failed == MAX_CONSECUTIVE_PERMANENT


def test_transient_451_is_retried_and_delivered(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(3))
    handler.transient_once["leser002@example.org"] = "451 4.7.1 greylisted, try again"
    report = send_day(settings, DAY, None, None)
    assert report.ok and report.sent == 3
    assert sorted(r.rcpt for r in handler.messages()) == addresses(3)
    assert ledger(Path(settings.db))["leser002@example.org"][0] == "sent"


def test_persistent_4xx_is_a_temporary_failure_retried_by_the_next_run(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(2))
    settings = replace(settings, smtp_attempts=2)
    handler.transient_once["leser000@example.org"] = "452 4.2.2 mailbox full"
    report = send_day(replace(settings, smtp_attempts=1), DAY, None, None)
    assert not report.ok and report.sent == 1 and report.failed[0][1].startswith("452")
    assert ledger(Path(settings.db))["leser000@example.org"][0] == "failed-temporary"
    rerun = send_day(settings, DAY, None, None)
    assert rerun.ok and rerun.sent == 1 and rerun.skipped == 1


def test_unreachable_server_fails_with_clear_report(settings: Settings, server) -> None:
    handler, port = server
    add_many(Path(settings.db), addresses(2))
    handler.die_after = 0
    report = send_day(settings, DAY, None, None)
    assert not report.ok and report.sent == 0 and report.remaining == 2
    assert report.failure_message().startswith("2025-09-04: stopped early: SMTP server 127.0.0.1 unreachable (")
    assert "2 not sent yet; run `briefing send --date 2025-09-04` again to resume" in report.failure_message()


def test_frozen_content_is_sent_on_resume_not_a_rebuilt_briefing(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(4))
    handler.die_after = 2
    send_day(settings, DAY, None, None)
    # The briefing is rebuilt in between (new headline, new PDF) ...
    make_day(Path(settings.out), headline="Eine ganz andere Schlagzeile", marker="v2")
    handler.die_after = None
    send_day(settings, DAY, None, None)
    msgs = handler.messages()
    assert len(msgs) == 4
    # ... but the resumed run mails the frozen first version.
    assert {str(r.message["Subject"]) for r in msgs} == {"Europäische Perspektive, 4.9.: " + HEADLINE.split(": ", 1)[1]}
    assert {next(r.message.iter_attachments()).get_content() for r in msgs} == {pdf_bytes()}
    # Every copy of the day is identical apart from To, Message-ID, List-Unsubscribe and the
    # subscriber's own token in the footer's unsubscribe link (the same URL as List-Unsubscribe).
    bodies = set()
    for r in msgs:
        token = re.search(r"/abmelden/([A-Za-z0-9_-]+)", str(r.message["List-Unsubscribe"])).group(1)  # type: ignore[union-attr]
        texts = [p.get_content() for p in r.message.walk() if p.get_content_type() in ("text/plain", "text/html")]
        assert all(token in t for t in texts)
        bodies.add(tuple(t.replace(token, "TOKEN") for t in texts))
    assert len(bodies) == 1


def _fake_builds(monkeypatch, fail: bool = False) -> list[date]:
    """Replace the (slow, spaCy + PDF) build by one that publishes make_day's files through briefing.output."""
    import briefing.pipeline
    from briefing import output
    from briefing.errors import IngestError

    calls: list[date] = []

    def fake_build(s: Settings, day: date, progress: bool = False) -> None:
        calls.append(day)
        if fail:
            raise IngestError("no readable article")
        staged = make_day(Path(s.out) / ".fake-source", day)
        output.write_day(s.out, day, {p.name: p.read_bytes() for p in sorted(staged.iterdir())})

    monkeypatch.setattr(briefing.pipeline, "build_day", fake_build)
    return calls


def test_cli_send_builds_a_missing_day_first_and_only_once(settings: Settings, server, monkeypatch, tmp_path) -> None:
    handler, port = server
    calls = _fake_builds(monkeypatch)
    settings = replace(settings, out=str(tmp_path / "fresh"))
    add_many(Path(settings.db), addresses(1))
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(main, ["send", "--date", "2025-09-04"], env=_cli_env(settings, port))
        assert result.exit_code == 0, result.output
    assert calls == [DAY]
    assert len(handler.messages()) == 1


def test_cli_send_builds_an_incomplete_day(settings: Settings, server, monkeypatch) -> None:
    handler, port = server
    calls = _fake_builds(monkeypatch)
    add_many(Path(settings.db), addresses(1))
    (Path(settings.out) / "2025-09-04" / "briefing.pdf").unlink()  # a folder left by hand or an old version
    result = CliRunner().invoke(main, ["send", "--date", "2025-09-04"], env=_cli_env(settings, port))
    assert result.exit_code == 0, result.output
    assert calls == [DAY] and len(handler.messages()) == 1


def test_build_fails_then_send_builds_and_sends(settings: Settings, server, monkeypatch, tmp_path) -> None:
    """Issue 13: a failed build left out/DAY/ behind and `send` refused instead of building."""
    handler, port = server
    settings = replace(settings, out=str(tmp_path / "fresh"), sources=str(tmp_path / "leer"))
    (tmp_path / "leer").mkdir()
    add_many(Path(settings.db), addresses(2))
    env = {**_cli_env(settings, port), "BRIEFING_SOURCES": settings.sources}
    runner = CliRunner()
    # The 06:30 run: the real build fails (no article) and must leave no out/DAY/ behind.
    failed = runner.invoke(main, ["send", "--date", "2025-09-04"], env=env)
    assert failed.exit_code == 1 and "no readable article" in failed.output
    assert not (Path(settings.out) / "2025-09-04").exists()
    assert [p.name for p in Path(settings.out).iterdir() if not p.name.endswith(".lock")] == []
    # The 09:30 retry, the articles now there: it builds and sends.
    calls = _fake_builds(monkeypatch)
    result = runner.invoke(main, ["send", "--date", "2025-09-04"], env=env)
    assert result.exit_code == 0, result.output
    assert calls == [DAY] and len(handler.messages()) == 2


def test_incomplete_out_day_is_a_clear_error(settings: Settings, server) -> None:
    add_many(Path(settings.db), addresses(1))
    (Path(settings.out) / "2025-09-04" / "briefing.pdf").unlink()
    with pytest.raises(DeliverError, match=r"briefing\.pdf is missing; rebuild with `briefing build --date 2025-09-04"):
        send_day(settings, DAY, None, None)


def test_a_broken_edition_is_not_frozen(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(1))
    day_json = Path(settings.out) / "2025-09-04" / "briefing.json"
    good = day_json.read_bytes()
    day_json.write_text("{ kaputt", encoding="utf-8")
    with pytest.raises(DeliverError, match="briefing.json is not valid JSON"):
        send_day(settings, DAY, None, None)
    day_json.write_bytes(good)  # rebuilt: the next run freezes and sends the good one
    assert send_day(settings, DAY, None, None).sent == 1


def test_a_hand_edited_bad_address_is_skipped_and_reported(settings: Settings, server) -> None:
    handler, _ = server
    add_many(Path(settings.db), addresses(3))
    conn = sqlite3.connect(settings.db)
    conn.execute("UPDATE subscribers SET email = 'kaputt\nBcc: x@example.org' WHERE email = 'leser001@example.org'")
    conn.commit()
    conn.close()
    report = send_day(settings, DAY, None, None)
    assert report.sent == 2 and not report.ok and "is not valid" in report.failure_message()
    assert sorted(handler.by_rcpt()) == ["leser000@example.org", "leser002@example.org"]


def test_unsubscribed_people_get_nothing(settings: Settings, server) -> None:
    from briefing.deliver import store

    handler, _ = server
    add_many(Path(settings.db), addresses(3))
    store.remove_subscriber(settings.db, "leser001@example.org")
    assert send_day(settings, DAY, None, None).sent == 2
    assert "leser001@example.org" not in handler.by_rcpt()


def test_rate_limit_spaces_messages(settings: Settings, server) -> None:
    import time

    add_many(Path(settings.db), addresses(4))
    t0 = time.monotonic()
    assert send_day(replace(settings, rate=20.0), DAY, None, None).sent == 4
    # 4 messages at 20/s: the 2nd..4th wait 50 ms each.
    assert time.monotonic() - t0 >= 0.15


def test_rate_limiter_without_limit_never_sleeps(monkeypatch) -> None:
    import time

    monkeypatch.setattr(time, "sleep", lambda s: pytest.fail("slept"))
    limiter = RateLimiter(0)
    for _ in range(100):
        limiter.wait()


def test_second_run_while_lock_is_held_says_so(settings: Settings, server) -> None:
    from briefing.deliver.send import send_lock

    add_many(Path(settings.db), addresses(1))
    with send_lock(settings.db), pytest.raises(DeliverError, match="another `briefing send` is running"):
        send_day(settings, DAY, None, None)
    assert send_day(settings, DAY, None, None).sent == 1


def test_bad_unsubscribe_url_is_a_settings_error(settings: Settings, server) -> None:
    add_many(Path(settings.db), addresses(1))
    with pytest.raises(DeliverError, match=r"must be an http\(s\) URL containing \{token\}"):
        send_day(replace(settings, unsubscribe_url="https://example.org/unsubscribe"), DAY, None, None)


# ---------------------------------------------------------------- CLI: --dry-run and --to


def _cli_env(settings: Settings, port: int) -> dict[str, str]:
    env = env_for(Path(settings.db), Path(settings.out), port)
    return {k: v for k, v in env.items() if k.startswith("BRIEFING_")}


def test_cli_dry_run_writes_eml_files_and_no_ledger(settings: Settings, server, tmp_path: Path) -> None:
    handler, port = server
    add_many(Path(settings.db), addresses(3))
    folder = tmp_path / "eml"
    result = CliRunner().invoke(
        main, ["send", "--date", "2025-09-04", "--dry-run", str(folder)], env=_cli_env(settings, port)
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"2025-09-04: wrote 3 messages to {folder} (dry run, nothing sent)"
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 3 and handler.messages() == []
    msg = email.message_from_bytes(files[0].read_bytes(), policy=email.policy.default)
    assert msg["To"].addresses[0].addr_spec == "leser000@example.org"
    assert next(msg.iter_attachments()).get_content() == pdf_bytes()
    assert ledger(Path(settings.db)) == {}
    # Nothing was frozen either: a later real run still reads out/DAY.
    conn = sqlite3.connect(settings.db)
    assert conn.execute("SELECT count(*) FROM editions").fetchone() == (0,)
    conn.close()


def test_cli_to_sends_one_test_copy_outside_the_ledger(settings: Settings, server) -> None:
    handler, port = server
    add_many(Path(settings.db), addresses(2))
    runner = CliRunner()
    args = ["send", "--date", "2025-09-04", "--to", "chefin@example.net"]
    result = runner.invoke(main, args, env=_cli_env(settings, port))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "2025-09-04: sent a test copy to chefin@example.net"
    [copy] = handler.messages()
    assert copy.rcpt == "chefin@example.net" and ".test." in copy.message_id
    assert ledger(Path(settings.db)) == {}
    # The real run afterwards still reaches everybody.
    result = runner.invoke(main, ["send", "--date", "2025-09-04"], env=_cli_env(settings, port))
    assert result.exit_code == 0 and result.output.strip() == "2025-09-04: sent 2, skipped 0 (already sent), failed 0"
    result = runner.invoke(main, ["-q", "send", "--date", "2025-09-04"], env=_cli_env(settings, port))
    assert result.exit_code == 0 and result.output == ""


@pytest.mark.parametrize("bad", ["not-an-address", "a@b.org\r\nBcc: victim@example.org", "a@b.org, c@d.org"])
def test_cli_to_invalid_address_is_a_one_line_error(settings: Settings, server, bad: str) -> None:
    handler, port = server
    result = CliRunner().invoke(main, ["send", "--date", "2025-09-04", "--to", bad], env=_cli_env(settings, port))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "not a valid email address" in lines[0]
    assert handler.messages() == []


def test_cli_failed_run_exits_nonzero_with_one_line(settings: Settings, server) -> None:
    handler, port = server
    add_many(Path(settings.db), addresses(2))
    handler.reject["leser000@example.org"] = "550 5.1.1 no such user"
    result = CliRunner().invoke(main, ["send", "--date", "2025-09-04"], env=_cli_env(settings, port))
    assert result.exit_code == 1
    # stderr: one warning per refused address (the cron mail says who), then summary and error.
    warning, summary, error = result.output.strip().splitlines()
    assert warning == "WARNING: 2025-09-04: leser000@example.org refused permanently: 550 5.1.1 no such user"
    assert summary == "2025-09-04: sent 1, skipped 0 (already sent), failed 1"
    assert error.startswith("Error: 2025-09-04: 1 failed (leser000@example.org: 550 5.1.1 no such user")
