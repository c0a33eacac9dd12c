"""The second attack on the built tool (docs/hardening.md): each case that was not clean, pinned.

Hostile settings and environment, named files that are FIFOs or devices, a hostile SMTP server
(a non-SMTP reply to the end of DATA, an endless EHLO reply), odd day folders, undecodable file
names. Anything that could hang runs in a subprocess or thread with a timeout; network is loopback.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from deliver_helpers import DAY, add_many, addresses, ledger, make_day

from briefing.deliver import send_day, store
from briefing.deliver.messenger import MAX_REPLY_LINES
from briefing.errors import DeliverError, IngestError, RenderError, SettingsError
from briefing.fileio import read_regular
from briefing.ingest import read_folder
from briefing.ingest.read import decode
from briefing.output import write_day
from briefing.settings import MAX_WAIT_SECONDS, Settings, load

GERMAN = (
    "Die Koalition der Willigen hat sich am Donnerstag in Paris getroffen. Frankreichs Präsident "
    "Emmanuel Macron sprach von einem wichtigen Signal an Moskau. Deutschland will die Luftverteidigung "
    "der Ukraine stärken, sagte ein Sprecher der Bundesregierung in Berlin."
)
# Bound for every subprocess and thread below: the cases used to hang forever.
LIMIT = 60


def _cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", *args], capture_output=True, text=True, timeout=LIMIT,
        env=full_env, cwd=cwd,
    )


def _one_line_error(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert expected in result.stderr


# ---------------------------------------------------------------- settings


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("BRIEFING_SMTP_PORT", "1" * 5000, "smtp_port is out of range"),
        ("BRIEFING_SMTP_TIMEOUT", "1e308", "smtp_timeout must be at most 86400"),
        ("BRIEFING_SMTP_DATA_TIMEOUT", "1e308", "smtp_data_timeout must be at most 86400"),
        ("BRIEFING_SMTP_BACKOFF", "1e308", "smtp_backoff must be at most 86400"),
        ("BRIEFING_RATE", "1e-300", "rate must be 0 (no limit) or at least one message per day"),
        ("BRIEFING_SMTP_ATTEMPTS", "9" * 40, "smtp_attempts must be at most 100"),
        ("BRIEFING_TITLE", "Hallo\nBcc: x@example.org", "title must be a single line"),
        ("BRIEFING_FROM", "a <a@example.org>\nBcc: x@example.org", "from_addr must be a single line"),
        ("BRIEFING_SMTP_PORT", "٢٥", "smtp_port must be a whole number"),
    ],
)
def test_hostile_environment_is_one_line_at_load(key: str, value: str, message: str) -> None:
    """1e308 s used to reach socket.settimeout/time.sleep (OverflowError), 5,000 digits int()."""
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load(env={key: value})


def test_the_largest_accepted_waits_are_accepted() -> None:
    settings = load(env={"BRIEFING_SMTP_TIMEOUT": str(MAX_WAIT_SECONDS), "BRIEFING_RATE": str(1 / MAX_WAIT_SECONDS)})
    assert settings.smtp_timeout == MAX_WAIT_SECONDS


def test_toml_with_a_huge_integer_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "briefing.toml"
    config.write_text("smtp_port = " + "1" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML: a number with thousands of digits"):
        load(config=str(config), env={})


def _fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


def test_read_regular_refuses_fifo_and_device_without_blocking(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path, "x")
    for path, what in ((fifo, "named pipe"), (Path("/dev/zero"), "device"), (tmp_path, "folder")):
        with pytest.raises(OSError, match=what):
            read_regular(path, 1000)
    regular = tmp_path / "r.txt"
    regular.write_bytes(b"x" * 50)
    assert read_regular(regular, 10) == b"x" * 11  # limit + 1: the caller sees "too large"


@pytest.mark.parametrize("how", ["flag", "env"])
def test_config_file_that_is_a_fifo_does_not_hang(tmp_path: Path, how: str) -> None:
    fifo = _fifo(tmp_path, "briefing.toml")
    env = {"BRIEFING_DB": str(tmp_path / "b.db")}
    args = ["subscribers", "list"]
    if how == "flag":
        args = ["--config", str(fifo), *args]
    else:
        env["BRIEFING_CONFIG"] = str(fifo)
    _one_line_error(_cli(*args, env=env), "not a regular file (a named pipe)")


def test_config_file_dev_zero_is_refused_before_reading() -> None:
    _one_line_error(_cli("--config", "/dev/zero", "subscribers", "list"), "not a regular file (a device)")


def test_log_file_that_is_a_fifo_nobody_reads_does_not_hang(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path, "log")
    result = _cli("subscribers", "list", env={"BRIEFING_LOG_FILE": str(fifo), "BRIEFING_DB": str(tmp_path / "b.db")})
    _one_line_error(result, "a named pipe nobody reads")


def test_csv_import_of_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path, "team.csv")
    result = _cli("subscribers", "import", str(fifo), env={"BRIEFING_DB": str(tmp_path / "b.db")})
    _one_line_error(result, "not a regular file (a named pipe)")


def test_render_of_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path, "briefing.json")
    _one_line_error(_cli("render", str(fifo)), "not a regular file (a named pipe)")


def test_date_with_other_digits_says_the_form_is_wrong() -> None:
    result = _cli("build", "--date", "٢٠٢٥-٠٩-٠٤", "--sources", "/nonexistent")
    assert result.returncode == 2
    assert "is not a date in the form YYYY-MM-DD" in result.stderr


# ---------------------------------------------------------------- CSV


def test_unterminated_quote_on_the_last_row_is_named_as_such(tmp_path: Path) -> None:
    csv_file = tmp_path / "team.csv"
    csv_file.write_bytes(b'a@example.org,Anna\n"b@example.org,Bernd\n')
    report = store.import_csv(str(tmp_path / "b.db"), csv_file)
    assert report.added == 1
    assert [(n, r.split(":")[0]) for n, r in report.invalid] == [(2, "unterminated quote")]


def test_a_quote_inside_a_name_is_not_an_unterminated_quote(tmp_path: Path) -> None:
    csv_file = tmp_path / "team.csv"
    csv_file.write_bytes(b'a@example.org,O"Brien\nb@example.org,Bernd\n')
    report = store.import_csv(str(tmp_path / "b.db"), csv_file)
    assert (report.added, report.invalid) == (2, [])


# ---------------------------------------------------------------- a hostile SMTP server


class HostileServer:
    """A raw SMTP server on 127.0.0.1 whose replies the test scripts (no aiosmtpd: it is too polite)."""

    def __init__(self, on_ehlo: Callable[[Callable[[str], None]], None] | None = None,
                 end_of_data_reply: str = "250 queued", trickle: float = 0.0) -> None:
        self.on_ehlo = on_ehlo
        self.trickle = trickle  # > 0: the greeting comes one byte per `trickle` seconds, never ending
        self.end_of_data_reply = end_of_data_reply
        self.messages = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        def say(line: str) -> None:
            conn.sendall(line.encode() + b"\r\n")

        reader = conn.makefile("rb")
        try:
            if self.trickle:
                conn.sendall(b"220 ")
                while not self.stopped.is_set():
                    conn.sendall(b"x")
                    self.stopped.wait(self.trickle)
                return
            say("220 hostile ESMTP")
            while line := reader.readline():
                verb = line.decode("ascii", "replace").strip().upper()
                if verb.startswith("EHLO"):
                    if self.on_ehlo:
                        self.on_ehlo(say)
                    say("250-hostile")
                    say("250 8BITMIME")
                elif verb == "DATA":
                    say("354 go ahead")
                    while (body := reader.readline()) and body != b".\r\n":
                        pass
                    self.messages += 1
                    say(self.end_of_data_reply)
                elif verb.startswith("QUIT"):
                    say("221 bye")
                    return
                else:
                    say("250 ok")
        except OSError:
            pass
        finally:
            conn.close()

    def stop(self) -> None:
        self.stopped.set()
        self.sock.close()


def _send_settings(tmp_path: Path, port: int) -> Settings:
    make_day(tmp_path / "out")
    return Settings(
        db=str(tmp_path / "briefing.db"), out=str(tmp_path / "out"), smtp_host="127.0.0.1", smtp_port=port,
        smtp_timeout=5, smtp_attempts=4, smtp_backoff=0.01, from_addr="Briefing <briefing@example.org>",
        unsubscribe_url="https://example.org/abmelden/{token}",
    )


def _bounded(fn: Callable[[], object]) -> object:
    """Run ``fn`` in a thread; fail (instead of hanging the suite) when it takes longer than LIMIT."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed back to the test
            box["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(LIMIT)
    assert not thread.is_alive(), f"still running after {LIMIT} s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("result")


@pytest.fixture
def garbage_server() -> Iterator[HostileServer]:
    server = HostileServer(end_of_data_reply="xyz what")
    yield server
    server.stop()


def test_a_non_smtp_reply_to_the_end_of_data_is_unknown_not_retried(tmp_path: Path, garbage_server) -> None:
    """It was retried as a 4xx: 4 attempts x 2 recipients = 8 copies queued by the server."""
    settings = _send_settings(tmp_path, garbage_server.port)
    add_many(Path(settings.db), addresses(2))
    report = _bounded(lambda: send_day(settings, DAY))
    assert garbage_server.messages == 2
    assert sorted(status for status, _ in ledger(Path(settings.db)).values()) == ["unknown", "unknown"]
    assert "outcome unknown" in report.failure_message()  # type: ignore[attr-defined]
    _bounded(lambda: send_day(settings, DAY))  # the policy holds them: still one copy each
    assert garbage_server.messages == 2


def test_an_endless_ehlo_reply_does_not_hold_the_send(tmp_path: Path) -> None:
    def endless(say: Callable[[str], None]) -> None:
        for _ in range(MAX_REPLY_LINES * 5):  # far past the cap; the client must give up, not read on
            say("250-" + "x" * 60)

    server = HostileServer(on_ehlo=endless)
    try:
        settings = replace(_send_settings(tmp_path, server.port), smtp_attempts=1)
        add_many(Path(settings.db), addresses(1))
        report = _bounded(lambda: send_day(settings, DAY))
        assert f"reply longer than {MAX_REPLY_LINES} lines" in report.failure_message()  # type: ignore[attr-defined]
        assert server.messages == 0
    finally:
        server.stop()


def test_a_greeting_trickled_byte_by_byte_does_not_hold_the_send(tmp_path: Path) -> None:
    """Each byte came within the socket timeout, so one 8 KB line could take hours."""
    server = HostileServer(trickle=0.1)
    try:
        settings = replace(_send_settings(tmp_path, server.port), smtp_timeout=1.0, smtp_attempts=1)
        add_many(Path(settings.db), addresses(1))
        started = time.monotonic()
        report = _bounded(lambda: send_day(settings, DAY))
        assert time.monotonic() - started < 15
        assert "timed out" in report.failure_message() or "in total" in report.failure_message()  # type: ignore[attr-defined]
    finally:
        server.stop()


def test_auth_the_server_does_not_offer_is_named(tmp_path: Path) -> None:
    server = HostileServer()
    try:
        settings = replace(_send_settings(tmp_path, server.port), smtp_user="u", smtp_password="p",
                           smtp_allow_plain_auth=True)
        add_many(Path(settings.db), addresses(1))
        with pytest.raises(DeliverError, match=r"does not support AUTH \(login with smtp_user\)"):
            _bounded(lambda: send_day(settings, DAY))
    finally:
        server.stop()


# ---------------------------------------------------------------- the day folder


FILES = {"briefing.json": "{}", "briefing.txt": "neu"}


def test_a_day_folder_that_is_a_link_is_replaced_and_its_target_left_alone(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("bleibt", encoding="utf-8")
    (out / DAY.isoformat()).symlink_to(elsewhere)
    write_day(out, DAY, FILES)
    assert sorted(os.listdir(out)) == [f".{DAY.isoformat()}.lock", DAY.isoformat()]  # no .tmp-* link left
    assert not (out / DAY.isoformat()).is_symlink()
    assert os.listdir(elsewhere) == ["keep.txt"]


def test_a_day_folder_that_is_a_file_is_replaced_without_leftovers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / DAY.isoformat()).write_text("x", encoding="utf-8")
    write_day(out, DAY, FILES)
    assert sorted(os.listdir(out)) == [f".{DAY.isoformat()}.lock", DAY.isoformat()]
    assert (out / DAY.isoformat() / "briefing.txt").read_text(encoding="utf-8") == "neu"


def test_leftover_links_and_files_of_the_day_are_cleaned(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / f".{DAY.isoformat()}.tmp-link").symlink_to(elsewhere)
    (out / f".{DAY.isoformat()}.tmp-file").write_text("x", encoding="utf-8")
    write_day(out, DAY, FILES)
    assert sorted(os.listdir(out)) == [f".{DAY.isoformat()}.lock", DAY.isoformat()]
    assert elsewhere.is_dir()


@pytest.mark.parametrize("kind", ["folder", "link"])
def test_a_lock_file_that_is_not_a_file_is_one_line(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    lock = out / f".{DAY.isoformat()}.lock"
    if kind == "folder":
        lock.mkdir()
    else:
        (tmp_path / "other").write_text("x", encoding="utf-8")
        lock.symlink_to(tmp_path / "other")
    with pytest.raises(RenderError, match="cannot use the day's lock file"):
        write_day(out, DAY, FILES)
    assert not (out / DAY.isoformat()).exists()
    if kind == "link":
        assert (tmp_path / "other").read_text(encoding="utf-8") == "x"


def test_out_that_is_a_file_says_so(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("x", encoding="utf-8")
    with pytest.raises(RenderError, match="is a file, not a folder"):
        write_day(out, DAY, FILES)


# ---------------------------------------------------------------- the sources folder


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_a_replacement(tmp_path: Path) -> None:
    """One such name made the whole day fail (surrogates in the email's CSS inlining)."""
    folder = tmp_path / "sources"
    folder.mkdir()
    bad = os.fsdecode(b"bad\xff\xfe.txt")
    (folder / bad).write_text(GERMAN, encoding="utf-8")
    result = read_folder(folder)
    assert [Path(a.path).name for a in result.articles] == ["bad\ufffd\ufffd.txt"]
    json.dumps([a.path for a in result.articles], ensure_ascii=False).encode("utf-8")  # no surrogate left


def test_a_file_name_that_is_not_utf8_is_shown_in_excluded_too(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(GERMAN, encoding="utf-8")
    (folder / os.fsdecode(b"x\xff.pdf")).write_bytes(b"%PDF")
    result = read_folder(folder)
    assert [Path(e.path).name for e in result.excluded] == ["x\ufffd.pdf"]


def test_control_characters_past_the_binary_sniff_become_spaces() -> None:
    text, _ = decode((GERMAN * 60 + "\x00\x1b ende").encode("utf-8"))
    assert "\x00" not in text and "\x1b" not in text
    assert len(text) == len(GERMAN * 60 + "\x00\x1b ende")  # one for one: offsets stay valid


def test_a_socket_in_the_sources_folder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text(GERMAN, encoding="utf-8")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "s.txt"))
        reasons = {Path(e.path).name: e.reason for e in read_folder(folder).excluded}
    finally:
        sock.close()
    assert reasons["s.txt"] == "keine gewöhnliche Datei (Socket), nicht gelesen"


@pytest.mark.parametrize("name", ["a.txt.meta.json", "sources.toml"])
def test_a_sidecar_with_a_huge_integer_is_one_line(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text(GERMAN, encoding="utf-8")
    digits = "1" * 5000
    text = f'{{"date": {digits}}}' if name.endswith(".json") else f'["a.txt"]\ndate = {digits}\n'
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(IngestError, match="a number with thousands of digits"):
        read_folder(folder)


# ---------------------------------------------------------------- a full disk


def test_a_full_database_says_so_not_cannot_rollback(tmp_path: Path, monkeypatch) -> None:
    """SQLite rolls back itself on SQLITE_FULL; our second ROLLBACK used to hide the reason."""
    db = str(tmp_path / "b.db")
    store.add_subscriber(db, "a@example.org", None)
    real_connect = store.connect

    def small(path: str | Path) -> object:
        conn = real_connect(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # a disk that is full after one more page
        return conn

    monkeypatch.setattr(store, "connect", small)
    csv_file = tmp_path / "team.csv"
    csv_file.write_text("".join(f"u{i}@example.org,Name {i}\n" for i in range(3000)), encoding="utf-8")
    with pytest.raises(DeliverError, match="database or disk is full"):
        store.import_csv(db, csv_file)


def test_the_send_lock_is_held_when_its_pid_cannot_be_written(tmp_path: Path, monkeypatch) -> None:
    from briefing.deliver import send as send_module

    db = tmp_path / "b.db"
    store.add_subscriber(str(db), "a@example.org", None)

    def full(*args: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(send_module.os, "pwrite", full)
    busy = "another `briefing send` is running"
    with send_module.send_lock(str(db)), pytest.raises(DeliverError, match=busy), send_module.send_lock(str(db)):
        pass


# ---------------------------------------------------------------- one endless line


def test_a_sentence_without_end_is_cut_so_extraction_stays_linear() -> None:
    """A 3.8 MB article of one line without a period took over 400 s to extract (quadratic per sentence)."""
    from briefing.extract.sentences import MAX_SENTENCE_CHARS, split_sentences

    text = "Die Regierung sagte am Donnerstag in Berlin sie wolle helfen " * 2000
    spans = split_sentences(text)
    assert max(e - b for b, e in spans) <= MAX_SENTENCE_CHARS
    assert "".join(text[b:e] for b, e in spans).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert all(text[b - 1] == " " for b, _ in spans[1:])  # cut between words


def test_a_long_real_sentence_is_not_cut() -> None:
    from briefing.extract.sentences import split_sentences

    clause = "dass die Regierung und die Länder gemeinsam handeln wollten, "
    sentence = "Der Kanzler sagte, " + clause * 15 + "und ging."
    assert 700 < len(sentence) < 2000
    assert split_sentences(sentence) == [(0, len(sentence))]


# ---------------------------------------------------------------- sidecars


def _with_article(tmp_path: Path) -> Path:
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.txt").write_text(GERMAN, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["a.txt.meta.json", "sources.toml"])
@pytest.mark.parametrize("kind", ["fifo", "folder", "broken link"])
def test_a_sidecar_that_is_no_file_is_an_error_not_ignored(tmp_path: Path, name: str, kind: str) -> None:
    """It was skipped silently (is_file() is False), so the article went on without its metadata,
    while a sidecar linked out of the folder stopped the build: now both say why, in one line."""
    folder = _with_article(tmp_path)
    path = folder / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(folder / "missing")
    with pytest.raises(IngestError, match=f"{name} cannot be read: ") as info:
        _bounded(lambda: read_folder(folder))
    assert "\n" not in str(info.value)


def test_a_sidecar_date_of_the_right_form_but_no_day_says_so(tmp_path: Path) -> None:
    folder = _with_article(tmp_path)
    (folder / "a.txt.meta.json").write_text('{"date": "2025-02-30"}', encoding="utf-8")
    with pytest.raises(IngestError, match="'2025-02-30' is not a valid calendar date"):
        read_folder(folder)


def test_a_file_name_with_a_line_break_cannot_forge_a_log_line(tmp_path: Path, capsys) -> None:
    import logging

    from briefing.cli import _setup_logging

    _setup_logging(0, False)
    logging.getLogger("briefing.ingest").warning("%s: skipped: %s", "x\nERROR: send failed.txt", "leer")
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["WARNING: x\\nERROR: send failed.txt: skipped: leer"]


def test_the_outcomes_journal_is_not_written_through_a_link(tmp_path: Path) -> None:
    from briefing.deliver import send as send_module
    from briefing.deliver.store import Subscriber

    journal, target = tmp_path / "b.db.outcomes", tmp_path / "elsewhere"
    journal.symlink_to(target)  # dangling: O_CREAT would have created the file it names
    conn = store.connect(str(tmp_path / "b.db"))
    conn.execute("PRAGMA query_only = ON")  # the ledger refuses the outcome, so the journal is tried
    sub = Subscriber(id=1, email="a@example.org", name=None, token="t")
    with pytest.raises(DeliverError, match="stays 'sending'"):
        send_module._record(conn, "2025-09-04", sub, "<id@x>", "sent", None, journal)
    assert not target.exists()


# ---------------------------------------------------------------- runs of punctuation


def test_punctuation_runs_are_broken_one_for_one() -> None:
    from briefing.extract.nlp import MAX_PUNCT_RUN, break_punctuation_runs

    for run in ("=" * 5000, "[" * 5000, "_" * 5000, "„" * 5000):
        broken = break_punctuation_runs("Er sagte: " + run + " Ende.")
        assert len(broken) == len(run) + len("Er sagte:  Ende.")
        assert max(len(piece) for piece in broken.split()) <= MAX_PUNCT_RUN
    separator = "=" * MAX_PUNCT_RUN  # a separator line of ordinary length is left alone
    assert break_punctuation_runs(separator) == separator
    assert break_punctuation_runs("(„Wir gehen.“)") == "(„Wir gehen.“)"


def test_punctuation_runs_glued_to_words_are_broken_and_long_words_kept() -> None:
    """The run-free shortcut looks at whitespace-free chunks: a run inside a long chunk is still found."""
    from briefing.extract.nlp import MAX_PUNCT_RUN, break_punctuation_runs

    glued = "Ende" + "=-" * 40 + "Anfang und mehr"
    broken = break_punctuation_runs(glued)
    assert len(broken) == len(glued) and broken != glued
    assert max(len(piece) for piece in broken.split()) <= MAX_PUNCT_RUN + len("Anfang")
    url = "https://www.example.org/nachrichten/politik/ausland/artikel-" + "1" * 40
    assert break_punctuation_runs(url) == url  # long, but no punctuation run


def test_a_long_punctuation_run_does_not_hold_extraction() -> None:
    """spaCy's tokenizer is quadratic in such a run: 100 KB of "[" did not finish in 120 s."""
    from briefing.extract import load_pipeline

    extractor = load_pipeline("blank")
    _bounded(lambda: extractor.quotes("Er sagte: " + "[" * 100_000))


def test_quotes_command_skips_json_nested_too_deeply(tmp_path: Path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text("[" * 100_000 + "]" * 100_000 + "\n" + '{"id": 2, "text": "' + "(" * 50_000 + '"}\n',
                     encoding="utf-8")
    result = _cli("quotes", str(lines))
    assert result.returncode == 0, result.stderr
    assert "line 1: not valid JSON (nested too deeply" in result.stderr
    assert json.loads(result.stdout) == {"id": 2, "quotes": []}


def test_a_full_disk_under_database_and_journal_uses_the_reserve_and_sends_nothing_twice(
    tmp_path: Path, monkeypatch
) -> None:
    """The database filled up mid-send and the journal, on the same disk, could not take the
    outcome either: the row stayed 'sending' and the next run sent it again (3,001 for 3,000)."""
    from briefing.deliver import send as send_module
    from briefing.deliver.store import Subscriber

    db = tmp_path / "b.db"
    journal = send_module.journal_path(str(db))
    store.add_subscriber(str(db), "a@example.org", None)
    send_module.keep_reserve(journal)
    reserve = send_module.reserve_path(journal)
    assert reserve.stat().st_size == send_module.JOURNAL_RESERVE_BYTES
    real_append = send_module._append_line

    def full_disk(path: Path, line: str) -> None:
        if reserve.exists():  # the disk has room only once the reserve is gone
            raise OSError(28, "No space left on device")
        real_append(path, line)

    monkeypatch.setattr(send_module, "_append_line", full_disk)
    conn = store.connect(str(db))
    conn.execute("PRAGMA query_only = ON")  # the database refuses the outcome
    sub = Subscriber(id=1, email="a@example.org", name=None, token="t")
    with pytest.raises(DeliverError, match="the outcome is kept in"):
        send_module._record(conn, "2025-09-04", sub, "<id@x>", "sent", None, journal)
    assert not reserve.exists()
    records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines() if line]
    assert [(r["subscriber_id"], r["status"]) for r in records] == [(1, "sent")]
