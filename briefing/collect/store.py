"""Where collected articles go, and what the collector remembers between runs.

Layout of the day's sources folder (``Settings.sources_for(day)``; with ``{date}`` in the
``sources`` setting each day has its own folder)::

    <host>-<hash>.html             the page as fetched, re-encoded as UTF-8
    <host>-<hash>.html.meta.json   {"url", "publisher", "title", "published", "fetched"}

The name comes from the URL the feed or the feeds file gives (before redirects), so a
re-run recognises an article it already has without asking the server again; the sidecar
keeps the URL after redirects, which is what a reader opens.  ``briefing build`` reads the
pair (see :mod:`briefing.ingest.read`).

The state file (SQLite, ``collect_state`` setting) keeps the ETag and Last-Modified
validators per feed or page URL for conditional GET.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefing.errors import BriefingError, CollectError
from briefing.fileio import atomic_write

SIDECAR_SUFFIX = ".meta.json"
# Enough hex digits that two URLs of one day never share a name.
NAME_HASH_CHARS = 16
_UNSAFE = re.compile(r"[^a-z0-9.-]+")
_META_CHARSET = re.compile(rb"""(<meta[^>]+charset\s*=\s*["']?\s*)([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def article_name(url: str) -> str:
    """The file name of the article at ``url``: its host and a hash of the URL."""
    host = (urlsplit(url).hostname or "page").removeprefix("www.")
    host = _UNSAFE.sub("-", host.lower()).strip("-.")[:40] or "page"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:NAME_HASH_CHARS]
    return f"{host}-{digest}.html"


def as_utf8_html(text: str) -> bytes:
    """The decoded page as UTF-8 bytes, its ``<meta charset>`` (if any) saying so."""
    data = text.encode("utf-8")
    head, tail = data[:4096], data[4096:]
    head = _META_CHARSET.sub(lambda m: m.group(1) + b"utf-8", head, count=1)
    return head + tail


def write_article(folder: Path, name: str, html: bytes, meta: dict[str, Any]) -> None:
    """Write the page and then its sidecar, each atomically (a killed run leaves no half file).

    The sidecar is written last: a page without a sidecar is re-fetched by the next run.
    """
    try:
        atomic_write(folder / name, html)
        body = json.dumps({k: v for k, v in meta.items() if v is not None}, ensure_ascii=False, indent=2) + "\n"
        atomic_write(folder / (name + SIDECAR_SUFFIX), body)
    except BriefingError as e:
        raise CollectError(str(e)) from None


def has_article(folder: Path, name: str) -> bool:
    """Whether ``name`` and its sidecar are already in ``folder``."""
    return (folder / name).is_file() and (folder / (name + SIDECAR_SUFFIX)).is_file()


class State:
    """ETag / Last-Modified per URL, in a small SQLite file."""

    def __init__(self, path: Path) -> None:
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path))
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT)"
            )
            self._db.commit()
        except (OSError, sqlite3.Error) as e:
            raise CollectError(f"collect state {path} cannot be opened: {e}; set collect_state") from None

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """``(etag, last_modified)`` of the last complete fetch of ``url``."""
        row = self._db.execute("SELECT etag, last_modified FROM validators WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Store the validators of a complete fetch (nothing when the server gave none)."""
        if etag is None and last_modified is None:
            self._db.execute("DELETE FROM validators WHERE url = ?", (url,))
        else:
            self._db.execute(
                "INSERT OR REPLACE INTO validators (url, etag, last_modified) VALUES (?, ?, ?)",
                (url, etag, last_modified),
            )
        self._db.commit()

    def close(self) -> None:
        """Close the database."""
        self._db.close()
