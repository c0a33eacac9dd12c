"""Fixtures shared by the test modules (module-level fixtures of the same name take precedence)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from deliver_helpers import Handler, start_server


@pytest.fixture
def server() -> Iterator[tuple[Handler, int]]:
    """An aiosmtpd server on 127.0.0.1 with a recording handler: ``(handler, port)``."""
    handler = Handler()
    controller = start_server(handler)
    try:
        yield handler, controller.port
    finally:
        controller.stop()
