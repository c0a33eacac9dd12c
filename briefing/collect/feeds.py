"""The feeds file: which feeds and pages to collect, each with its publisher.

A TOML file (path in the ``feeds`` setting)::

    [[feed]]                                  # an RSS or Atom feed: its items of the day
    url = "https://www.tagesschau.de/xml/rss2/"
    publisher = "tagesschau.de"

    [[page]]                                  # one article page, fetched as it is
    url = "https://www.br.de/nachrichten/meldung/europaeische-perspektive,abc"
    publisher = "BR24"

Unknown tables or keys, a missing ``url`` or ``publisher`` and URLs that are not http(s)
are errors (a typo must not silently drop a source).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from briefing.errors import CollectError
from briefing.fileio import read_toml

KINDS = ("feed", "page")
# A feeds file lists URLs: far below this; a larger file is not one.
MAX_FEEDS_BYTES = 1_000_000
KEYS = frozenset({"url", "publisher"})


@dataclass(frozen=True)
class Entry:
    """One line of the feeds file: a feed or a page, and who publishes it."""

    kind: Literal["feed", "page"]
    url: str
    publisher: str


def _check_url(url: object, origin: str) -> str:
    if not isinstance(url, str) or not url.strip():
        raise CollectError(f"{origin}: url must be a non-empty string")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CollectError(f"{origin}: url {url!r} is not an http(s) URL")
    return url.strip()


def read_feeds(path: Path) -> tuple[Entry, ...]:
    """Read and check the feeds file.

    Raises:
        CollectError: the file is missing, not TOML, or has an unknown or malformed entry.
    """
    try:
        data = read_toml(path, MAX_FEEDS_BYTES)
    except FileNotFoundError:
        raise CollectError(f"feeds file {path} does not exist; set `feeds` in the settings or BRIEFING_FEEDS") from None
    except OSError as e:
        raise CollectError(f"feeds file {path} cannot be read: {e.strerror or e}") from None
    except ValueError as e:
        raise CollectError(f"feeds file {path} {e}") from None
    unknown = sorted(set(data) - set(KINDS))
    if unknown:
        raise CollectError(f"feeds file {path}: unknown table {unknown[0]!r} (use [[feed]] or [[page]])")
    entries: list[Entry] = []
    seen: set[str] = set()
    for kind in KINDS:
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise CollectError(f"feeds file {path}: {kind} must be an array of tables ([[{kind}]])")
        for i, item in enumerate(items, 1):
            origin = f"feeds file {path}, {kind} #{i}"
            if not isinstance(item, dict):
                raise CollectError(f"{origin}: expected a table with url and publisher")
            extra = sorted(set(item) - KEYS)
            if extra:
                raise CollectError(f"{origin}: unknown key {extra[0]!r} (known: publisher, url)")
            url = _check_url(item.get("url"), origin)
            publisher = item.get("publisher")
            if not isinstance(publisher, str) or not publisher.strip():
                raise CollectError(f"{origin}: publisher must be a non-empty string")
            if url in seen:
                raise CollectError(f"{origin}: {url} is listed twice")
            seen.add(url)
            entries.append(Entry(kind, url, publisher.strip()))  # type: ignore[arg-type]
    if not entries:
        raise CollectError(f"feeds file {path} lists no [[feed]] or [[page]]")
    return tuple(entries)
