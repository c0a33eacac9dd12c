"""Read a folder of article files into :class:`briefing.models.Article` records.

Files: ``*.txt`` (plain text) and ``*.html`` / ``*.htm`` (web pages, read as a reader sees
them by :mod:`briefing.ingest.html`), in path order.  Hidden files, sub-folders and the metadata files
below are skipped silently; any other file, and any file that cannot be used (unreadable,
binary, empty, undecodable, not German, a duplicate) is listed in ``excluded`` with a
reason and logged as a warning; the rest goes on.

Encodings: UTF-8 (a BOM is dropped; UTF-16/32 with a BOM are read too); otherwise
charset-normalizer's guess, taking cp1252 for the Western single-byte family because German
news in a legacy encoding is almost always Windows-1252 (it has „ “ – € where Latin-1 has
control codes); otherwise cp1252 or Latin-1 if the result is printable text.

Metadata (beats inference) -- either of, per file ``NAME`` (``NAME.meta.json`` wins key
by key over ``sources.toml``):

* ``sources.toml`` in the folder, one table per file name::

      ["001_agentur.txt"]
      publisher = "dpa"
      title = "Koalition der Willigen berät in Paris"
      date = "2025-09-04"        # or "2025-09" (month) or "2025"; a TOML date works too
      url = "https://example.org/artikel"
      agency = ["dpa"]           # optional
      language = "de"            # optional; another language excludes the file
      published = "2025-09-04T08:00:00+00:00"  # optional: the feed's date (below the printed dateline)
      fetched = "2025-09-04T09:00:00+00:00"    # optional: when ``briefing collect`` fetched it

* ``NAME.meta.json`` beside the file (``001_agentur.txt.meta.json``), an object with the
  same keys.

An unknown key or a malformed value is an :class:`IngestError` (a typo must not silently
fall back to guessing).  For HTML pages, the page's metadata (title, site name, URL) counts
as metadata below the sidecar files; its date is only a fallback below the printed dateline.
Undated articles may get a date inferred from the folder's other articles (``infer``).

``Article.segments`` map the cleaned text to the decoded file (for HTML: to the plain text of
the article's blocks, since offsets into markup mean nothing to a reader).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import json
import logging
import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefing.errors import IngestError
from briefing.ingest import dates, genre, infer, language, publishers
from briefing.ingest import html as html_page
from briefing.ingest.clean import clean
from briefing.ingest.dedupe import dedupe
from briefing.models import Article, Excluded, IngestResult, Segment, Turn

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SIDECAR_TOML = "sources.toml"
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = frozenset({"publisher", "title", "date", "url", "agency", "language", "published", "fetched"})

# News articles are a few kilobytes; a file this large is an export or an archive, not an article.
MAX_FILE_BYTES = 5_000_000
# Binary files have NUL bytes early on; text in any 8-bit encoding has none.
BINARY_SNIFF_BYTES = 8192
# Decoded text with more than this share of control or unassigned characters is not text.
MAX_CONTROL_SHARE = 0.01
# A cleaned article shorter than this has no body (only furniture, or a stub).
MIN_ARTICLE_CHARS = 40
# charset-normalizer encodings that agree with cp1252 on German letters.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1257", "iso8859_9", "cp1254"})
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class Skip(Exception):
    """A file cannot be used; the message is the reason shown to the user (German)."""


@dataclass(frozen=True)
class Meta:
    """Metadata given for a file (sidecar or HTML markup); None where not given."""

    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    precision: str = "unknown"
    url: str | None = None
    agency: tuple[str, ...] | None = None
    language: str | None = None
    published: str | None = None  # ISO day the feed gives (a candidate below the visible dateline)
    fetched: str | None = None  # ISO day the page was fetched (an upper bound for inferring a date)
    page_date: str | None = None  # the HTML page's metadata date (a fallback only)
    page_precision: str = "unknown"

    def merged_over(self, other: Meta) -> Meta:
        """This metadata, with ``other``'s values where this has none."""
        return Meta(
            publisher=self.publisher or other.publisher,
            title=self.title or other.title,
            date=self.date or other.date,
            precision=self.precision if self.date else other.precision,
            url=self.url or other.url,
            agency=self.agency if self.agency is not None else other.agency,
            language=self.language or other.language,
            published=self.published or other.published,
            fetched=self.fetched or other.fetched,
            page_date=self.page_date or other.page_date,
            page_precision=self.page_precision if self.page_date else other.page_precision,
        )

    def count(self) -> int:
        """How many fields are given (the better-documented copy of a duplicate is kept)."""
        return sum(v is not None for v in (self.publisher, self.title, self.date, self.url))


# ---------------------------------------------------------------- opening


def read_inside(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path``, which must be a regular file inside its own folder.

    The one place ingest opens a file, because the sources folder is untrusted:

    * a symbolic link is followed only when its target resolves to a file in the
      same folder (``ln -s /etc/passwd x.txt`` must not become a story);
    * the resolved path is opened with ``O_NOFOLLOW`` (no link swapped in after
      the check) and ``O_NONBLOCK`` (opening a FIFO must not wait for a writer);
    * type and size are judged on the *open* file (``fstat``), not on the name:
      a FIFO, socket or device (``/dev/zero``) is refused before one byte is
      read, and at most ``limit + 1`` bytes are ever read.

    Raises:
        Skip: the file is not a readable regular file inside the folder (German reason).
    """
    folder = path.parent.resolve()
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as e:  # RuntimeError: a symlink loop on older Pythons
        raise Skip(f"nicht lesbar: {getattr(e, 'strerror', None) or e}") from None
    if target.parent != folder:
        raise Skip("Verweis auf eine Datei außerhalb des Quellordners, nicht gelesen")
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise Skip("Verweis, der sich während des Lesens änderte, nicht gelesen") from None
        with contextlib.suppress(OSError):  # a socket cannot be opened at all (ENXIO): say what it is
            mode = os.stat(target).st_mode
            if not stat.S_ISREG(mode):
                raise Skip(f"keine gewöhnliche Datei ({_file_kind(mode)}), nicht gelesen") from None
        raise Skip(f"nicht lesbar: {e.strerror or e}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Skip(f"keine gewöhnliche Datei ({_file_kind(info.st_mode)}), nicht gelesen")
        if info.st_size > limit:
            raise Skip(f"zu groß für einen Artikel ({info.st_size // 1_000_000} MB)")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as e:
        raise Skip(f"nicht lesbar: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # grew after fstat
        raise Skip(f"zu groß für einen Artikel (über {limit // 1_000_000} MB)")
    return data


def shown_path(path: Path) -> str:
    """``path`` as text that JSON, HTML, PDF and mail can carry.

    A file name that is not UTF-8 reaches Python with its bad bytes as lone surrogates, which
    no UTF-8 output can encode (one such name made the whole day fail in the email's CSS
    inlining); they become U+FFFD here, once, where the name enters the records.
    """
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "Named Pipe"), (stat.S_ISCHR, "Gerätedatei"), (stat.S_ISBLK, "Gerätedatei"),
             (stat.S_ISSOCK, "Socket"), (stat.S_ISDIR, "Ordner"))
    return next((name for test, name in kinds if test(mode)), "Sonderdatei")


# ---------------------------------------------------------------- decoding


def decode(raw: bytes) -> tuple[str, str]:
    """Decode file bytes to text.

    Returns:
        ``(text, encoding)``.

    Raises:
        Skip: binary data or no encoding gives printable text.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _printable(raw.decode(encoding)), encoding
            except UnicodeDecodeError:
                raise Skip(f"nicht dekodierbar: ungültiges {encoding.upper()}") from None
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        raise Skip("Binärdatei, kein Text")
    try:
        return _printable(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = _guess(raw)
    for encoding in ([guess] if guess else []) + ["cp1252", "latin-1"]:
        try:
            return _printable(raw.decode(encoding)), encoding
        except (UnicodeDecodeError, LookupError, Skip):
            continue
    raise Skip("nicht dekodierbar: weder UTF-8 noch eine bekannte Zeichenkodierung")


def _guess(raw: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional at run time; cp1252/latin-1 still work
        return None
    best = from_bytes(raw).best()
    if best is None:
        return None
    if best.encoding in _WESTERN:
        return "cp1252"
    return best.encoding


# Control characters (but tab, line and page breaks), surrogates, private use, U+FFFD.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")


# Control characters a text may carry a few of (a stray NUL after the first 8 KB, an escape):
# they mean nothing to a reader and NUL is not allowed in HTML, XML or mail, so each becomes a space
# (one for one, so offsets into the decoded text stay valid).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    if text:
        bad = len(_NOT_TEXT.findall(text))
        if bad > MAX_CONTROL_SHARE * len(text):
            raise Skip("nicht dekodierbar: enthält Steuerzeichen statt Text")
    return _CONTROL.sub(" ", text)


def html_to_text(html: str) -> tuple[str, Meta, html_page.Page]:
    """The article text of a web page as a reader sees it, its metadata and its structure."""
    try:
        page = html_page.read_page(html)
    except html_page.NoArticle as e:
        raise Skip(str(e)) from None
    url = page.url
    meta = Meta(
        publisher=publishers.publisher_for_host(publishers.host_of(url) or page.hostname) or page.sitename or None,
        title=page.title,
        url=url,
        page_date=page.page_date[0].isoformat() if page.page_date else None,
        page_precision=page.page_date[1] if page.page_date else "unknown",
    )
    return page.text, meta, page


def _text_turns(text: str, title: str | None) -> tuple[Turn, ...]:
    """Interview turns of a plain-text article: its paragraphs (blank-line separated) read as an HTML page's
    blocks are ("BR24: Herr Schnieder, …?" / "Schnieder: Nein. …"); () when it is no interview."""
    blocks = []
    for m in _PARAGRAPH.finditer(text):
        blocks.append(html_page.Block("paragraph", m.start(), m.end(), False))
    return tuple(Turn(t.kind, t.start, t.end, t.speaker) for t in html_page.interview_turns(text, tuple(blocks), title))


# A paragraph of plain text: lines up to a blank line.
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")


def _turns_in_clean(turns: tuple[html_page.Turn, ...], segments: tuple[Segment, ...]) -> tuple[Turn, ...]:
    """Interview turns moved from page-text offsets to cleaned-text offsets (dropped if cleaned away)."""
    out = []
    for t in turns:
        starts = [
            seg.clean_start + max(t.start, seg.orig_start) - seg.orig_start
            for seg in segments
            if seg.orig_start < t.end and t.start < seg.orig_start + seg.length
        ]
        ends = [
            seg.clean_start + min(t.end, seg.orig_start + seg.length) - seg.orig_start
            for seg in segments
            if seg.orig_start < t.end and t.start < seg.orig_start + seg.length
        ]
        if starts:
            out.append(Turn(t.kind, min(starts), max(ends), t.speaker))
    return tuple(out)


# ---------------------------------------------------------------- metadata files


def _meta_from(data: Mapping[str, Any], origin: str) -> Meta:
    if not isinstance(data, Mapping):
        raise IngestError(f"{origin}: expected a table of keys ({', '.join(sorted(SIDECAR_KEYS))})")
    unknown = sorted(set(data) - SIDECAR_KEYS)
    if unknown:
        raise IngestError(f"{origin}: unknown key {unknown[0]!r} (known: {', '.join(sorted(SIDECAR_KEYS))})")
    values: dict[str, Any] = {}
    for key in ("publisher", "title", "url", "language"):
        if key in data:
            if not isinstance(data[key], str) or not data[key].strip():
                raise IngestError(f"{origin}: {key} must be a non-empty string")
            values[key] = data[key].strip()
    if "agency" in data:
        agency = data["agency"]
        if isinstance(agency, str):
            agency = [agency]
        if not isinstance(agency, list) or not all(isinstance(a, str) for a in agency):
            raise IngestError(f"{origin}: agency must be a string or a list of strings")
        values["agency"] = tuple(a.strip() for a in agency if a.strip())
    for key in ("published", "fetched"):
        if key in data:
            stamp = data[key]
            parsed_stamp = _parse_stamp(stamp)
            if parsed_stamp is None:
                raise IngestError(f"{origin}: {key} {stamp!r} is not an ISO date or date-time")
            values[key] = parsed_stamp.isoformat()
    if "date" in data:
        raw = data["date"]
        if isinstance(raw, datetime):  # a TOML date-time: its calendar day is the article's date
            raw = raw.date()
        parsed = (raw, "day") if isinstance(raw, date) else dates.parse_iso(raw) if isinstance(raw, str) else None
        if parsed is None and isinstance(raw, str) and re.fullmatch(r"\d{4}(-\d{2}){0,2}", raw.strip(), re.ASCII):
            raise IngestError(f"{origin}: date {raw!r} is not a valid calendar date")  # the form is right
        if parsed is None:
            raise IngestError(f"{origin}: date {raw!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
        values["date"] = parsed[0].isoformat()
        values["precision"] = parsed[1]
    return Meta(**values)


def _parse_stamp(value: Any) -> date | None:
    """The day of an ISO date or date-time, as written in its own offset (a TOML date or datetime works too)."""
    from datetime import datetime

    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def read_sidecars(folder: Path, names: list[str]) -> tuple[dict[str, Meta], list[str]]:
    """Metadata per file name from ``sources.toml`` and ``NAME.meta.json`` files.

    Returns:
        ``(metadata by file name, warnings)``.

    Raises:
        IngestError: a metadata file is malformed.
    """
    meta: dict[str, Meta] = {}
    warnings: list[str] = []
    toml_path = folder / SIDECAR_TOML
    # lexists, not is_file: a sidecar that is a FIFO, folder or broken link was ignored silently,
    # so its article went on without the metadata meant to beat inference; now it is an error
    # like a sidecar linked out of the folder (read_inside says which).
    if os.path.lexists(toml_path):
        try:
            data = tomllib.loads(_sidecar_text(toml_path))
        except tomllib.TOMLDecodeError as e:
            raise IngestError(f"{toml_path} is not valid TOML: {e}") from None
        except RecursionError:
            raise IngestError(f"{toml_path} is not valid TOML: nested too deeply") from None
        except ValueError:  # int() past 4,300 digits, let through by tomllib
            raise IngestError(f"{toml_path} is not valid TOML: a number with thousands of digits") from None
        for name in sorted(data):
            meta[name] = _meta_from(data[name], f"{toml_path} [{name}]")
            if name not in names:
                warnings.append(f"{toml_path}: no article file named {name!r}")
    for name in names:
        json_path = folder / (name + SIDECAR_SUFFIX)
        if not os.path.lexists(json_path):
            continue
        try:
            data = json.loads(_sidecar_text(json_path))
        except json.JSONDecodeError as e:
            raise IngestError(f"{json_path} is not valid JSON: {e.msg} (line {e.lineno})") from None
        except RecursionError:
            raise IngestError(f"{json_path} is not valid JSON: nested too deeply") from None
        except ValueError:  # int() past 4,300 digits
            raise IngestError(f"{json_path} is not valid JSON: a number with thousands of digits") from None
        own = _meta_from(data, str(json_path))
        meta[name] = own.merged_over(meta.get(name, Meta()))
    return meta, warnings


def _sidecar_text(path: Path) -> str:
    """A metadata file's text, opened as safely as an article (see :func:`read_inside`)."""
    try:
        return read_inside(path).decode("utf-8")
    except Skip as e:
        raise IngestError(f"{path} cannot be read: {e}") from None
    except UnicodeDecodeError as e:
        raise IngestError(f"{path} cannot be read: not UTF-8 ({e.reason} at byte {e.start})") from None


def _is_sidecar(name: str) -> bool:
    return name == SIDECAR_TOML or name.endswith(SIDECAR_SUFFIX)


# ---------------------------------------------------------------- one file


def read_article(path: Path, meta: Meta | None = None) -> Article:
    """Read, clean and describe one article file.

    Args:
        path: a ``.txt``, ``.html`` or ``.htm`` file.
        meta: metadata from sidecar files, which beats anything inferred.

    Returns:
        The article.

    Raises:
        Skip: the file cannot be used; the message says why.
    """
    meta = meta or Meta()
    raw = read_inside(path)
    if not raw.strip():
        raise Skip("leere Datei")
    text, _encoding = decode(raw)
    page: html_page.Page | None = None
    if path.suffix.lower() in HTML_SUFFIXES:
        text, page_meta, page = html_to_text(text)
        meta = meta.merged_over(page_meta)
    cleaned = clean(text, title_hint=meta.title)
    if len(cleaned.text.strip()) < MIN_ARTICLE_CHARS:
        raise Skip("kein Artikeltext (leer oder nur Seitenelemente)")
    if meta.language and meta.language.lower() not in ("de", "deu", "ger", "german", "deutsch"):
        raise Skip(f"nicht Deutsch (laut Metadaten: {meta.language})")
    if not meta.language:
        foreign = language.detect_foreign(cleaned.text)
        if foreign:
            raise Skip(f"nicht Deutsch (vermutlich {language.language_name(foreign)})")

    day: str | None
    if meta.date:
        day, precision = meta.date, meta.precision
    else:
        candidates = list(cleaned.dates)
        if page is not None and page.dateline is not None:
            candidates.append(page.dateline)
        if meta.published:
            candidates.append(dates.DateCandidate(date.fromisoformat(meta.published), "day", dates.RANK_FEED))
        if meta.page_date and meta.page_precision in ("day", "month", "year"):
            candidates.append(
                dates.DateCandidate(date.fromisoformat(meta.page_date), meta.page_precision, dates.RANK_PAGE)  # type: ignore[arg-type]
            )
        found = dates.best(candidates)
        day, precision = (found.iso(), found.precision) if found else (None, "unknown")
    agency = meta.agency if meta.agency is not None else publishers.infer_agencies(cleaned.raw_lines)
    publisher = (
        meta.publisher
        or publishers.infer_publisher(cleaned.raw_lines, meta.url)
        or publishers.fallback_publisher(agency, meta.url)
    )
    return Article(
        path=shown_path(path),
        text=cleaned.text,
        publisher=publisher,
        title=meta.title or cleaned.title,
        date=day,
        date_precision=precision,  # type: ignore[arg-type]
        url=meta.url,
        language="de",
        agency=agency,
        segments=cleaned.segments,
        removed=tuple(sorted(set(cleaned.removed) | set(page.removed if page else ()))),
        checksum=hashlib.sha256(raw).hexdigest(),
        turns=(_turns_in_clean(page.turns, cleaned.segments) if page
               else _text_turns(cleaned.text, meta.title or cleaned.title)),
        fetched=meta.fetched,
        opinion=genre.opinion_label(meta.title or cleaned.title, cleaned.raw_lines),
        dateline=cleaned.dateline,
    )


# ---------------------------------------------------------------- a folder


def read_folder(folder: Path) -> IngestResult:
    """Read every article file of ``folder``.

    Args:
        folder: the folder of a day's (or several days') article files.

    Returns:
        The articles (sorted by path, duplicates removed), the excluded files with their
        reasons, and warnings.

    Raises:
        IngestError: the folder is missing, not a folder, or has no readable article.
    """
    folder = Path(folder)
    if not folder.exists():
        raise IngestError(f"source folder {folder} does not exist; pass --sources FOLDER or set BRIEFING_SOURCES")
    if not folder.is_dir():
        raise IngestError(f"source {folder} is not a folder; pass the folder that holds the article files")
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as e:
        raise IngestError(f"source folder {folder} cannot be listed: {e.strerror or e}") from None

    files = [p for p in entries if not p.name.startswith(".") and not _is_sidecar(p.name) and not p.is_dir()]
    names = [p.name for p in files]
    sidecars, warnings = read_sidecars(folder, names)
    for w in warnings:
        log.warning(w)

    articles: list[Article] = []
    excluded: list[Excluded] = []
    for path in files:
        suffix = path.suffix.lower()
        if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
            reason = f"kein Artikelformat ({suffix or 'ohne Endung'}; gelesen werden .txt, .html, .htm)"
            excluded.append(Excluded(shown_path(path), reason))
            continue
        meta = sidecars.get(path.name)
        try:
            article = read_article(path, meta)
        except Skip as e:
            excluded.append(Excluded(shown_path(path), str(e)))
            continue
        log.info(
            "%s: %s, %s, removed %s",
            path.name,
            article.publisher,
            article.date or "undated",
            ", ".join(article.removed) or "nothing",
        )
        articles.append(article)

    if not articles:
        detail = "; ".join(f"{Path(e.path).name}: {e.reason}" for e in excluded[:3])
        more = f" (+{len(excluded) - 3} more)" if len(excluded) > 3 else ""
        what = f"{len(excluded)} file(s) skipped: {detail}{more}" if excluded else "the folder is empty"
        raise IngestError(f"no readable article (.txt, .html, .htm) in {folder}: {what}")

    meta_score = {p.name: sidecars[p.name].count() for p in files if p.name in sidecars}

    def score(a: Article) -> int:
        inferred = sum(v is not None for v in (a.title, a.date, a.url))
        return 10 * meta_score.get(Path(a.path).name, 0) + inferred + (a.publisher != publishers.UNKNOWN_PUBLISHER)

    kept, duplicates = dedupe(articles, score)
    kept = infer.infer_dates(kept)
    excluded += [Excluded(d.article.path, d.reason()) for d in duplicates]
    excluded.sort(key=lambda e: e.path)
    for skipped in excluded:
        warnings.append(f"{Path(skipped.path).name}: skipped: {skipped.reason}")
        log.warning("%s: skipped: %s", Path(skipped.path).name, skipped.reason)
    return IngestResult(articles=tuple(kept), excluded=tuple(excluded), warnings=tuple(warnings))
