"""Exactly once across processes: concurrent runs and runs killed with SIGKILL.

Each run is a real ``python -m briefing.cli send`` subprocess against the
aiosmtpd server of this process.
"""

from __future__ import annotations

import random
import signal
import subprocess
from pathlib import Path

import pytest
from deliver_helpers import (
    Handler,
    add_many,
    addresses,
    env_for,
    ledger,
    make_day,
    send_cmd,
    wait_for,
)

pytestmark = pytest.mark.slow

KILLS = 20
# Enough subscribers that work is left for every killed run: each mid-run kill lets a few messages
# through, and with 50 a quick machine had delivered everyone before the last runs, which then ended
# on their own (17 kills of 20 in a CI run).
SUBSCRIBERS = 150
# Per-message server delay: 150 messages take ~3 s, so a kill lands mid-run.
DELAY = 0.02


def test_two_concurrent_runs_send_each_message_once(tmp_path: Path, server: tuple[Handler, int]) -> None:
    handler, port = server
    handler.delay = DELAY
    db, out = tmp_path / "briefing.db", tmp_path / "out"
    make_day(out)
    add_many(db, addresses(20))
    env = env_for(db, out, port)
    procs = [subprocess.Popen(send_cmd(), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [(p.wait(60), *p.communicate()) for p in procs]
    counts = {rcpt: len(m) for rcpt, m in handler.by_rcpt().items()}
    assert counts == {a: 1 for a in addresses(20)}
    # One run did the work; the other either found everything sent or was turned
    # away by the lock with a one-line explanation.
    codes = sorted(code for code, _, _ in results)
    assert codes[0] == 0, results
    for code, _, err in results:
        if code:
            assert b"another `briefing send` is running" in err, err


def test_sigkill_at_random_moments_then_a_final_run_delivers_everything_once(
    tmp_path: Path, server: tuple[Handler, int]
) -> None:
    handler, port = server
    handler.delay = DELAY
    db, out = tmp_path / "briefing.db", tmp_path / "out"
    make_day(out)
    everyone = addresses(SUBSCRIBERS)
    add_many(db, everyone)
    env = env_for(db, out, port)
    rng = random.Random(20250904)
    kills = 0
    for run in range(KILLS):
        before = len(handler.messages())
        proc = subprocess.Popen(send_cmd(), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if run % 5 == 4:
            # Every fifth run dies early: during start-up, the freeze or the first ledger write.
            wait_for(lambda p=proc: p.poll() is not None, timeout=rng.uniform(0.05, 0.5))
        else:
            # The others die mid-run: once they have delivered something, at a random
            # moment within the next few messages (~DELAY each).
            wait_for(lambda b=before, p=proc: len(handler.messages()) > b or p.poll() is not None, timeout=20)
            wait_for(lambda p=proc: p.poll() is not None, timeout=rng.uniform(0, 3 * DELAY))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(10)
    final = subprocess.run(send_cmd(), env=env, capture_output=True, timeout=60)
    assert final.returncode == 0, final.stderr
    by_rcpt = handler.by_rcpt()
    assert sorted(by_rcpt) == everyone
    repeats = sum(len(msgs) - 1 for msgs in by_rcpt.values())
    assert kills >= KILLS - 2  # the kills really landed while the runs were going
    assert len(handler.messages()) - repeats > 0
    assert repeats <= kills
    for msgs in by_rcpt.values():
        assert len({m.message_id for m in msgs}) == 1
        assert len({m.data for m in msgs}) == 1  # a repeat is the very same message
    assert {status for status, _ in ledger(db).values()} == {"sent"}
    # One more run finds nothing to do.
    again = subprocess.run(send_cmd(), env=env, capture_output=True, timeout=60)
    assert again.returncode == 0 and f"sent 0, skipped {SUBSCRIBERS}".encode() in again.stdout
