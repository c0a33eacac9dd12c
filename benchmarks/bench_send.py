"""How fast does `briefing send` mail a day to many subscribers?

Sends one realistic edition (HTML ~40 KB, text ~10 KB, PDF ~60 KB by
default) to N subscribers (default 10,000) through an aiosmtpd server on
127.0.0.1 running in a subprocess, over one reused connection, and compares it
with a baseline measured in the same run: raw ``smtplib.sendmail`` of the same
message bytes, N times on one connection (no database, no ledger, no MIME).
The ratio shows what the exactly-once bookkeeping costs.

    python benchmarks/bench_send.py                      # 10,000 subscribers
    python benchmarks/bench_send.py --subscribers 2000 --pdf-kb 60

Prints messages/s for both, the ratio, peak RSS of this process, and the
number of SMTP connections the server saw. Floor: 200 messages/s.
"""

from __future__ import annotations

import argparse
import os
import resource
import smtplib
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing import models  # noqa: E402
from briefing.deliver import send_day, store  # noqa: E402
from briefing.deliver.message import MessageFactory, Outgoing  # noqa: E402
from briefing.settings import Settings  # noqa: E402

FLOOR = 200.0  # messages per second, from the delivery brief
DAY = date(2025, 9, 4)
DAY2 = date(2025, 9, 5)

# The SMTP server: counts messages, bytes and connections; answers "stats" on stdin.
SERVER = r"""
import sys, threading
from aiosmtpd.controller import Controller

class Count:
    def __init__(self):
        self.messages = self.bytes = self.connections = 0
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses
    async def handle_DATA(self, server, session, envelope):
        self.messages += len(envelope.rcpt_tos)
        self.bytes += len(envelope.original_content or b"")
        return "250 OK"

handler = Count()
controller = Controller(handler, hostname="127.0.0.1", port=int(sys.argv[1]), data_size_limit=0)
controller.start()
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "stats":
        print(handler.messages, handler.bytes, handler.connections, flush=True)
    else:
        break
controller.stop()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class NullMessenger:
    """Accepts every message at once: measures everything but the SMTP server."""

    def send(self, message: Outgoing) -> None:
        pass

    def close(self) -> None:
        pass


def make_day(out: Path, pdf_kb: int, day: date = DAY) -> None:
    folder = out / day.isoformat()
    folder.mkdir(parents=True)
    briefing = models.Briefing(
        date=day.isoformat(),
        title="Europäische Perspektive",
        stories=(models.Story(id="s1", headline="Koalition der Willigen berät in Paris über Sicherheitsgarantien"),),
    )
    (folder / "briefing.json").write_text(briefing.to_json(), encoding="utf-8")
    paragraph = "<p>Die Staats- und Regierungschefs beraten über Garantien für die Ukraine – „ein Signal“.</p>\n"
    (folder / "briefing.html").write_text("<html><body>" + paragraph * 440 + "</body></html>", encoding="utf-8")
    (folder / "briefing.txt").write_text("Die Regierungschefs beraten über Garantien.\n" * 230, encoding="utf-8")
    # Incompressible bytes like a real PDF's font and image streams.
    (folder / "briefing.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(pdf_kb * 1024) + b"\n%%EOF\n")


def add_subscribers(db: Path, n: int, tmp: Path) -> float:
    csv_path = tmp / "subscribers.csv"
    csv_path.write_text("email,name\n" + "".join(f"leser{i:05d}@example.org,Leserin {i}\n" for i in range(n)))
    t0 = time.perf_counter()
    report = store.import_csv(str(db), csv_path)
    assert report.added == n, report.summary()
    return time.perf_counter() - t0


def stats(server: subprocess.Popen[str]) -> tuple[int, int, int]:
    assert server.stdin and server.stdout
    server.stdin.write("stats\n")
    server.stdin.flush()
    messages, size, connections = map(int, server.stdout.readline().split())
    return messages, size, connections


def baseline_pass(port: int, message: Outgoing, indices: range) -> float:
    """Raw smtplib: the same bytes to each recipient on one connection; seconds taken."""
    t0 = time.perf_counter()
    smtp = smtplib.SMTP("127.0.0.1", port)
    for i in indices:
        smtp.sendmail(message.envelope_from, [f"leser{i:05d}@example.org"], message.data)
    smtp.quit()
    return time.perf_counter() - t0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--pdf-kb", type=int, default=60)
    args = parser.parse_args()
    n = args.subscribers

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert server.stdout and server.stdout.readline().strip() == "ready"
    try:
        with tempfile.TemporaryDirectory() as tmpdir:
            tmp = Path(tmpdir)
            make_day(tmp / "out", args.pdf_kb)
            db = tmp / "briefing.db"
            import_seconds = add_subscribers(db, n, tmp)
            settings = Settings(
                db=str(db),
                out=str(tmp / "out"),
                smtp_host="127.0.0.1",
                smtp_port=port,
                from_addr="Europäische Perspektive <briefing@example.org>",
                unsubscribe_url="https://example.org/abmelden/{token}",
            )

            # Baseline: the same bytes through smtplib, one connection, no bookkeeping.
            conn = store.connect(db)
            sub = store.active_subscribers(conn)[0]
            edition = store.Edition(
                DAY.isoformat(),
                store.now_iso(),
                sha256="0" * 64,
                **{
                    k: (tmp / "out" / DAY.isoformat() / f).read_bytes()
                    for k, f in {
                        "briefing_json": "briefing.json",
                        "html": "briefing.html",
                        "txt": "briefing.txt",
                        "pdf": "briefing.pdf",
                    }.items()
                },
            )
            conn.close()
            message = MessageFactory(
                edition,
                DAY,
                from_addr=settings.from_addr,
                list_id=settings.list_id,
                unsubscribe_url=settings.unsubscribe_url,
                unsubscribe_mailto=None,
                title=settings.title,
            ).build(sub)
            rss_before = peak_rss_mb()
            # A-B-A: half the baseline before our run and half after, so load
            # from other processes on this shared machine hits both alike.
            first_half = baseline_pass(port, message, range(0, n // 2))
            before = stats(server)

            t0 = time.perf_counter()
            report = send_day(settings, DAY)
            ours = time.perf_counter() - t0
            ours_messages, ours_bytes, ours_connections = (a - b for a, b in zip(stats(server), before, strict=True))
            rss_after = peak_rss_mb()

            second_half = baseline_pass(port, message, range(n // 2, n))
            baseline = first_half + second_half
            all_messages, _, all_connections = stats(server)
            base_messages = all_messages - ours_messages
            base_connections = all_connections - ours_connections

            # The ceiling of the bookkeeping alone (ledger, lock, MIME; no SMTP): a fresh day.
            make_day(tmp / "out", args.pdf_kb, DAY2)
            t0 = time.perf_counter()
            null_report = send_day(settings, DAY2, messenger=NullMessenger())
            null_seconds = time.perf_counter() - t0
            assert null_report.sent == n, null_report.summary()

            check = sqlite3.connect(db)
            sent_rows = check.execute(
                "SELECT count(*) FROM ledger WHERE status = 'sent' AND day = ?", (DAY.isoformat(),)
            ).fetchone()[0]
            check.close()
    finally:
        if server.stdin:
            server.stdin.close()
        server.wait(30)

    assert report.ok and report.sent == n == ours_messages == base_messages == sent_rows, report.summary()
    rate, base_rate = n / ours, n / baseline
    print(f"subscribers           {n:,} (import {import_seconds:.2f} s, {n / import_seconds:,.0f}/s)")
    print(f"message size          {len(message.data) / 1024:.0f} KiB  ({ours_bytes / 2**20:,.0f} MiB per pass)")
    print(
        f"baseline smtplib      {baseline:6.1f} s  {base_rate:7.0f} msg/s  ({base_connections} connections: 2 halves)"
    )
    print(f"briefing send         {ours:6.1f} s  {rate:7.0f} msg/s  ({ours_connections} connection)")
    print(f"ratio send/baseline   {rate / base_rate:.2f}")
    print(f"without SMTP          {null_seconds:6.1f} s  {n / null_seconds:7.0f} msg/s  (ledger + lock + MIME only)")
    print(f"peak RSS              {rss_after:.0f} MiB (before the sends {rss_before:.0f} MiB)")
    print(f"floor {FLOOR:.0f} msg/s        {'PASS' if rate >= FLOOR else 'FAIL'}")
    if rate < FLOOR:
        sys.exit(1)


if __name__ == "__main__":
    main()
