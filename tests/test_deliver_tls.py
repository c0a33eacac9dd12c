"""STARTTLS, implicit TLS and SMTP AUTH against aiosmtpd with a throw-away certificate."""

from __future__ import annotations

import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from deliver_helpers import DAY, Handler, add_many, addresses, make_day, start_server

from briefing.deliver import messenger as messenger_module
from briefing.deliver import send_day
from briefing.errors import DeliverError
from briefing.settings import Settings

USER, PASSWORD = "briefing", "s3cret-Passw0rt"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def trust(monkeypatch: pytest.MonkeyPatch, certificate: tuple[Path, Path]) -> None:
    """Make the client trust the test certificate (and only it), verification stays on."""
    cafile = str(certificate[0])
    monkeypatch.setattr(messenger_module, "tls_context", lambda: ssl.create_default_context(cafile=cafile))


def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


def server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    return context


@pytest.fixture
def starttls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Handler, int]]:
    handler = Handler()
    controller = start_server(
        handler,
        tls_context=server_context(certificate),
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    )
    try:
        yield handler, controller.port
    finally:
        controller.stop()


def settings_for(tmp_path: Path, port: int, **overrides: Any) -> Settings:
    make_day(tmp_path / "out")
    values: dict[str, Any] = {
        "db": str(tmp_path / "b.db"),
        "out": str(tmp_path / "out"),
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "smtp_security": "starttls",
        "smtp_user": USER,
        "smtp_password": PASSWORD,
        "smtp_attempts": 2,
        "smtp_backoff": 0.01,
        "smtp_timeout": 5,
        "from_addr": "EP <briefing@example.org>",
    }
    values.update(overrides)
    return Settings(**values)


def test_starttls_with_login_delivers(tmp_path: Path, starttls_server, trust) -> None:
    handler, port = starttls_server
    settings = settings_for(tmp_path, port)
    add_many(Path(settings.db), addresses(3))
    report = send_day(settings, DAY)
    assert report.ok and report.sent == 3
    assert sorted(r.rcpt for r in handler.messages()) == addresses(3)


def test_wrong_password_is_one_clear_line_without_the_password(tmp_path: Path, starttls_server, trust) -> None:
    handler, port = starttls_server
    settings = settings_for(tmp_path, port, smtp_password="wrong-Secret-123")
    add_many(Path(settings.db), addresses(1))
    with pytest.raises(DeliverError, match="SMTP login as 'briefing' on 127.0.0.1 refused") as info:
        send_day(settings, DAY)
    assert "wrong-Secret-123" not in str(info.value) and "\n" not in str(info.value)
    assert handler.messages() == []
    # The message was never handed over: the next run (right password) sends it.
    assert send_day(settings_for(tmp_path, port), DAY).sent == 1


def test_untrusted_certificate_is_refused(tmp_path: Path, starttls_server) -> None:
    handler, port = starttls_server
    settings = settings_for(tmp_path, port)
    add_many(Path(settings.db), addresses(1))
    with pytest.raises(DeliverError, match="TLS with 127.0.0.1:.* failed"):
        send_day(settings, DAY)
    assert handler.messages() == []


def test_implicit_tls(tmp_path: Path, certificate: tuple[Path, Path], trust) -> None:
    handler = Handler()
    controller = start_server(handler, ssl_context=server_context(certificate))
    try:
        settings = settings_for(tmp_path, controller.port, smtp_security="ssl", smtp_user=None, smtp_password=None)
        add_many(Path(settings.db), addresses(2))
        assert send_day(settings, DAY).sent == 2
        assert len(handler.messages()) == 2
    finally:
        controller.stop()
