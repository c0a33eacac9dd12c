"""A polite HTTP client for feeds and article pages (urllib3).

Polite means: a User-Agent that names the tool, robots.txt obeyed (``urllib.robotparser``, read
once per host and run, its Crawl-delay honoured), at most one request per host every
``delay`` seconds, connect/read timeouts plus a deadline for the whole response (a server
that drips bytes cannot hold the run), conditional GET (``If-None-Match`` /
``If-Modified-Since`` from the validators of the last fetch) and a size cap: a response larger
than :data:`MAX_RESPONSE_BYTES` is abandoned, not stored truncated.

Redirects are followed by hand, at most :data:`MAX_REDIRECTS`, so every hop is checked
against its own host's robots.txt and rate.  Everything that goes wrong with one URL is a
:class:`FetchError` whose message is the reason shown to the user; the caller goes on.
"""

from __future__ import annotations

import re
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import urllib3

# Articles are a few hundred kilobytes with markup; ingest refuses files above 5 MB anyway.
MAX_RESPONSE_BYTES = 5_000_000
# robots.txt files are small; a huge one is a misconfigured server.
MAX_ROBOTS_BYTES = 500_000
# Enough for http->https->www->canonical chains; more is a loop.
MAX_REDIRECTS = 5
CHUNK_BYTES = 65_536
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# WHATWG: browsers read pages labelled Latin-1 or ASCII as windows-1252.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"})


class FetchError(Exception):
    """One URL could not be fetched; the message says why (one line)."""


@dataclass(frozen=True)
class Response:
    """A complete response: final URL after redirects, status (200 or 304), body, headers."""

    url: str
    status: int
    body: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


class Fetcher:
    """GET with robots.txt, per-host rate, timeouts, size cap and conditional requests.

    Args:
        user_agent: sent with every request and matched against robots.txt.
        timeout: seconds for connecting and for each read; also the deadline for a whole response.
        delay: minimum seconds between two requests to the same host.
        clock, sleep: injectable for tests.
    """

    def __init__(
        self,
        user_agent: str,
        timeout: float = 20.0,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._headers = {"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"}
        self._pool = urllib3.PoolManager(
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=False,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._next_at: dict[str, float] = {}

    def close(self) -> None:
        """Close the pooled connections."""
        self._pool.clear()

    # ------------------------------------------------------------ public

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None, accept: str = "*/*"
    ) -> Response:
        """Fetch ``url`` politely; a 304 comes back as ``status=304`` with an empty body.

        Raises:
            FetchError: robots.txt forbids it, too many redirects, an HTTP error, a timeout,
                a connection error or a response larger than the cap.
        """
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                parts = urlsplit(current)
                ok = parts.scheme in ("http", "https") and bool(parts.hostname)
            except ValueError:
                ok = False
            if not ok:
                raise FetchError(f"keine gültige http(s)-Adresse: {current[:200]}")
            if not self.allowed(current):
                raise FetchError(f"robots.txt verbietet {current}")
            status, resp_headers, body = self._request(current, headers, MAX_RESPONSE_BYTES)
            if status in _REDIRECTS:
                location = resp_headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {status} ohne Location ({current})")
                current = urljoin(current, location)
                continue
            if status == 304:
                return Response(current, 304, b"", etag=etag, last_modified=last_modified)
            if status != 200:
                raise FetchError(f"HTTP {status} ({current})")
            return Response(
                current,
                200,
                body,
                content_type=resp_headers.get("Content-Type", ""),
                etag=resp_headers.get("ETag"),
                last_modified=resp_headers.get("Last-Modified"),
            )
        raise FetchError(f"mehr als {MAX_REDIRECTS} Weiterleitungen ({url})")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of ``url``'s host lets our User-Agent fetch it (read once per host)."""
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        parser = self._robots[origin]
        return True if parser is None else parser.can_fetch(self.user_agent, url)

    # ------------------------------------------------------------ internals

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt; None (everything allowed) when there is none (4xx)."""
        url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(url)
        try:
            for _hop in range(MAX_REDIRECTS + 1):  # RFC 9309 §2.3.1.2: follow at least five redirects
                status, headers, body = self._request(url, {"Accept": "text/plain"}, MAX_ROBOTS_BYTES)
                if status not in _REDIRECTS or not headers.get("Location"):
                    break
                url = urljoin(url, headers["Location"])
        except FetchError:
            # An unreachable robots.txt tells us nothing is allowed (RFC 9309 §2.3.1.4: assume complete
            # disallow when the server cannot be reached); the page fetch would fail the same way anyway.
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        if status in _REDIRECTS or 400 <= status < 500 or urlsplit(url).scheme not in ("http", "https"):
            return None  # no robots.txt: no restriction (RFC 9309 §2.3.1.3)
        if status != 200:
            parser.parse(["User-agent: *", "Disallow: /"])  # 5xx: the server is unwell, stay away this run
            return parser
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        robots = self._robots.get(_origin(url))
        crawl_delay = robots.crawl_delay(self.user_agent) if robots else None
        gap = max(self.delay, float(crawl_delay or 0))
        now = self._clock()
        at = self._next_at.get(host, now)
        if at > now:
            self._sleep(at - now)
        self._next_at[host] = max(at, now) + gap

    def _request(self, url: str, headers: dict[str, str], limit: int) -> tuple[int, Message, bytes]:
        self._wait_turn(url)
        deadline = self._clock() + self.timeout
        try:
            resp = self._pool.request(
                "GET", url, headers={**self._headers, **headers}, redirect=False, preload_content=False
            )
        except urllib3.exceptions.TimeoutError:
            raise FetchError(f"Zeitüberschreitung nach {self.timeout:g} s ({url})") from None
        except urllib3.exceptions.HTTPError as e:
            raise FetchError(f"nicht erreichbar: {_short(e)} ({url})") from None
        try:
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(f"zu groß ({int(declared) // 1000} kB, höchstens {limit // 1000} kB) ({url})")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.stream(CHUNK_BYTES):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"zu groß (mehr als {limit // 1000} kB) ({url})")
                if self._clock() > deadline:
                    raise FetchError(f"Zeitüberschreitung nach {self.timeout:g} s ({url})")
                chunks.append(chunk)
        except urllib3.exceptions.TimeoutError:
            raise FetchError(f"Zeitüberschreitung nach {self.timeout:g} s ({url})") from None
        except urllib3.exceptions.HTTPError as e:
            raise FetchError(f"Verbindung abgebrochen: {_short(e)} ({url})") from None
        finally:
            resp.release_conn()
        msg = Message()
        for k, v in resp.headers.items():
            msg[k] = v
        return resp.status, msg, b"".join(chunks)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _short(e: Exception) -> str:
    text = str(e).split(":")[-1].strip() or type(e).__name__
    return text[:120]


def charset_of(content_type: str) -> str | None:
    """The ``charset=`` parameter of a Content-Type header, lower-cased."""
    msg = Message()
    msg["Content-Type"] = content_type or "application/octet-stream"
    cs = msg.get_param("charset")
    return str(cs).strip().lower() if isinstance(cs, str) and cs.strip() else None


def decode_html(body: bytes, content_type: str = "") -> tuple[str, str]:
    """Decode a page whose declared charset may be wrong.

    Valid UTF-8 with non-ASCII bytes is read as UTF-8 whatever the header says (such byte
    sequences practically never arise from a single-byte encoding); otherwise the declared
    charset (header, then ``<meta charset>``) if it decodes, Latin-1 read as windows-1252 as
    browsers do; otherwise windows-1252 if it decodes; otherwise charset-normalizer's guess;
    otherwise windows-1252 with replacement characters.

    Returns:
        ``(text, encoding used)``.
    """
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = charset_of(content_type)
    if declared is None:
        m = _META_CHARSET.search(body[:4096])
        declared = m.group(1).decode("ascii", "replace").lower() if m else None
    if declared in _WINDOWS_1252_LABELS:
        declared = "cp1252"
    if declared and declared not in ("utf-8", "utf8"):
        try:
            return body.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    try:  # German pages in a legacy encoding are windows-1252 in practice; it fails on only 5 byte values
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return body.decode("cp1252", "replace"), "cp1252"
