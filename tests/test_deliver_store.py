"""Subscribers in SQLite: validation, add/remove/list/import, schema, and the CLI commands."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.deliver import store
from briefing.errors import DeliverError


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "nested" / "dir" / "briefing.db")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("anna@example.org", "anna@example.org"),
        ("  Anna.Schmidt@Example.ORG ", "Anna.Schmidt@example.org"),
        ("o'neil+briefing@mail.example.co.uk", "o'neil+briefing@mail.example.co.uk"),
        ("x@xn--mnchen-3ya.de", "x@xn--mnchen-3ya.de"),
    ],
)
def test_valid_addresses(raw: str, expected: str) -> None:
    assert store.normalize_email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "anna",
        "anna@",
        "@example.org",
        "anna@localhost",
        "anna@example..org",
        "anna..b@example.org",
        ".anna@example.org",
        "anna@-example.org",
        "anna schmidt@example.org",
        "Anna <anna@example.org>",
        "anna@example.org, bob@example.org",
        "anna@example.org\r\nBcc: victim@example.org",
        "anna@example.org\nX-Evil: 1",
        "anna@example.org\x00",
        "anna\u2028@example.org",
        '"anna"@example.org',
        "anna@[127.0.0.1]",
        "jürgen@example.org",
        "jurgen@münchen.de",
        "a" * 65 + "@example.org",
        "a@" + "b" * 250 + ".org",
    ],
)
def test_invalid_addresses(raw: str) -> None:
    with pytest.raises(DeliverError, match="email address"):
        store.normalize_email(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Jürgen Müller", "Jürgen Müller"),
        ("  Anna\r\nBcc: victim@example.org ", "Anna Bcc: victim@example.org"),
        ("Tab\there\x00and\x1bescape", "Tab here and escape"),
        ("Zero\u200bwidth and\u2028line", "Zero width and line"),
        ("   ", None),
        (None, None),
        ("x" * 300, "x" * store.MAX_NAME),
    ],
)
def test_clean_text_makes_one_safe_line(raw: str | None, expected: str | None) -> None:
    assert store.clean_text(raw) == expected


def test_add_remove_list_and_resubscribe(db: str) -> None:
    assert store.add_subscriber(db, "anna@example.org", "Anna Schmidt") == "added anna@example.org"
    assert store.add_subscriber(db, "bob@example.org", None) == "added bob@example.org"
    assert store.add_subscriber(db, "ANNA@example.org", None) == "anna@example.org is already subscribed"
    message = store.add_subscriber(db, "anna@example.org", "Anna S.")
    assert message == "anna@example.org is already subscribed (name updated)"
    assert store.list_lines(db, show_all=False) == ["anna@example.org\tAnna S.", "bob@example.org\t"]
    assert store.remove_subscriber(db, "Bob@EXAMPLE.org") == "unsubscribed bob@example.org"
    assert store.remove_subscriber(db, "bob@example.org") == "bob@example.org was already unsubscribed"
    assert store.list_lines(db, show_all=False) == ["anna@example.org\tAnna S."]
    lines = store.list_lines(db, show_all=True)
    assert lines[0] == "anna@example.org\tAnna S.\tactive"
    assert lines[1].startswith("bob@example.org\t\tunsubscribed 20")
    assert store.add_subscriber(db, "bob@example.org", None) == "re-subscribed bob@example.org"
    assert len(store.list_lines(db, show_all=False)) == 2


def test_remove_unknown_is_an_error(db: str) -> None:
    with pytest.raises(DeliverError, match="not on the subscriber list"):
        store.remove_subscriber(db, "nobody@example.org")


def test_tokens_are_random_unique_and_kept_on_resubscribe(db: str) -> None:
    for i in range(20):
        store.add_subscriber(db, f"p{i}@example.org", None)
    conn = store.connect(db)
    tokens = [t for (t,) in conn.execute("SELECT token FROM subscribers")]
    assert len(set(tokens)) == 20 and all(len(t) >= 40 for t in tokens)
    before = store.find_subscriber(conn, "p3@example.org")
    conn.close()
    store.remove_subscriber(db, "p3@example.org")
    store.add_subscriber(db, "p3@example.org", None)
    conn = store.connect(db)
    assert store.find_subscriber(conn, "p3@example.org") == before
    conn.close()


def test_unsubscribe_by_token(db: str) -> None:
    store.add_subscriber(db, "anna@example.org", None)
    conn = store.connect(db)
    token = store.find_subscriber(conn, "anna@example.org").token  # type: ignore[union-attr]
    conn.close()
    assert store.unsubscribe_token(db, "wrong") is None
    assert store.unsubscribe_token(db, token) == "anna@example.org"
    assert store.list_lines(db, show_all=False) == []


def test_database_is_wal_and_versioned_and_refuses_newer_schema(db: str) -> None:
    store.add_subscriber(db, "anna@example.org", None)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA user_version").fetchone() == (store.SCHEMA_VERSION,)
    conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DeliverError, match="newer than this briefing"):
        store.list_lines(db, show_all=False)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DeliverError, match="not a usable briefing database"):
        store.list_lines(str(bad), show_all=False)


# ---------------------------------------------------------------- CSV import


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "import.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_import_with_header_names_duplicates_and_invalid_lines(db: str, tmp_path: Path) -> None:
    store.add_subscriber(db, "old@example.org", None)
    store.add_subscriber(db, "gone@example.org", None)
    store.remove_subscriber(db, "gone@example.org")
    path = _csv(
        tmp_path,
        "email,name\n"
        "anna@example.org,Anna Schmidt\n"
        "OLD@example.org,Old\n"
        "gone@example.org,Comes Back?\n"
        "kaputt,Kaputt\n"
        "\n"
        'bob@example.org,"Bob\nBcc: victim@example.org"\n'
        "anna@example.org,Twice\n"
        "c@d\n",
    )
    report = store.import_csv(db, path)
    lines = report.summary().splitlines()
    assert lines[0] == "added 2, skipped 3 (already subscribed or unsubscribed), invalid 2"
    assert lines[1].startswith("  line 5: 'kaputt' is not a valid email address")
    assert lines[2].startswith("  line 10: 'c@d' is not a valid email address")
    active = store.list_lines(db, show_all=False)
    assert active == [
        "old@example.org\t",
        "anna@example.org\tAnna Schmidt",
        "bob@example.org\tBob Bcc: victim@example.org",
    ]
    # Unsubscribed people are never brought back by an import.
    assert "gone@example.org\t\tunsubscribed" in "\n".join(store.list_lines(db, show_all=True))


def test_import_without_header_semicolons_and_windows_1252(db: str, tmp_path: Path) -> None:
    path = _csv(tmp_path, "jürgen.mueller@example.org;Jürgen\r\nx@example.org;Xaver\r\n", "cp1252", "second.csv")
    # "jürgen" is not ASCII: invalid, while the name of the second line decodes fine.
    report = store.import_csv(db, _csv(tmp_path, "j.mueller@example.org;Jürgen Müller\r\n", encoding="cp1252"))
    assert report.added == 1
    assert store.list_lines(db, show_all=False) == ["j.mueller@example.org\tJürgen Müller"]
    report = store.import_csv(db, path)
    assert (report.added, len(report.invalid)) == (1, 1)


def test_import_utf8_bom_header(db: str, tmp_path: Path) -> None:
    report = store.import_csv(db, _csv(tmp_path, "\ufeffE-Mail,Name\nanna@example.org,Änne\n"))
    assert (report.added, report.skipped, report.invalid) == (1, 0, [])
    assert store.list_lines(db, show_all=False) == ["anna@example.org\tÄnne"]


def test_import_missing_file(db: str, tmp_path: Path) -> None:
    with pytest.raises(DeliverError, match="cannot read"):
        store.import_csv(db, tmp_path / "nope.csv")


# ---------------------------------------------------------------- CLI


def test_cli_subscriber_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"BRIEFING_DB": str(tmp_path / "sub" / "b.db")}
    result = runner.invoke(main, ["subscribers", "add", "anna@example.org", "--name", "Anna"], env=env)
    assert (result.exit_code, result.output) == (0, "added anna@example.org\n")
    (tmp_path / "list.csv").write_text("email,name\nbob@example.org,Bob\nfoo\n", encoding="utf-8")
    result = runner.invoke(main, ["subscribers", "import", str(tmp_path / "list.csv")], env=env)
    assert result.exit_code == 0
    assert result.output.startswith("added 1, skipped 0 (already subscribed or unsubscribed), invalid 1\n  line 3:")
    result = runner.invoke(main, ["subscribers", "remove", "anna@example.org"], env=env)
    assert (result.exit_code, result.output) == (0, "unsubscribed anna@example.org\n")
    result = runner.invoke(main, ["subscribers", "list"], env=env)
    assert (result.exit_code, result.output) == (0, "bob@example.org\tBob\n")
    result = runner.invoke(main, ["subscribers", "list", "--all"], env=env)
    assert result.output.count("\n") == 2 and "anna@example.org\tAnna\tunsubscribed" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["subscribers", "add", "not-an-address"],
        ["subscribers", "add", "anna@example.org\r\nBcc: x@example.org"],
        ["subscribers", "remove", "nobody@example.org"],
        ["subscribers", "import", "/nonexistent/list.csv"],
    ],
)
def test_cli_errors_are_one_line_and_nonzero(tmp_path: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, args, env={"BRIEFING_DB": str(tmp_path / "b.db")})
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and result.output.startswith("Error: ")
    assert "Traceback" not in result.output


def test_subscribers_list_does_not_import_spacy_weasyprint_or_babel(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from click.testing import CliRunner; from briefing.cli import main; "
        f"r = CliRunner().invoke(main, ['subscribers', 'list'], env={{'BRIEFING_DB': {str(tmp_path / 'x.db')!r}}}); "
        "assert r.exit_code == 0, r.output; "
        "print(sorted(m for m in ('spacy', 'weasyprint', 'babel') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_database_errors_are_one_line_delivery_errors(db: str) -> None:
    store.add_subscriber(db, "anna@example.org", None)
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE ledger")
    conn.execute("ALTER TABLE subscribers RENAME TO people")
    conn.close()
    with pytest.raises(DeliverError, match="subscriber database error: no such table: subscribers"):
        store.list_lines(db, show_all=False)
