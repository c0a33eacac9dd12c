"""Who published an article, and which news agencies it credits.

Publisher signatures (``data/publishers.txt``) are text only a given outlet puts on its
pages ("Das ist die Europäische Perspektive bei BR24", a ``# taz.de --`` header, the
dateline "Berlin taz |") and the outlets' host names.  Agencies (``data/agencies.txt``) are
read from datelines "Paris (dpa) -", credit lines "Mit Informationen von dpa und
reuters", "Quelle: AFP" and closing lines such as "dpa/AFP"; never from photo credits.

When no signature is found the publisher is, in this order: the first credited agency
(the text is then an agency text: "dpa"), the URL's host without ``www.``, or
:data:`UNKNOWN_PUBLISHER`.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from briefing.ingest import lexicon

UNKNOWN_PUBLISHER = "Unbekannt"

# Agency credits stand in short lines at the end ("dpa/AFP", "cw/dpa"); longer lines are prose.
CLOSING_LINE_MAX_CHARS = 40
_CREDIT_LINE = re.compile(
    r"^\s*(?:mit\s+(?:informationen|material|angaben)\s+(?:von|der|aus)|quellen?\s*:|material\s*:)\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|/|\bund\b|\bsowie\b|&)\s*", re.IGNORECASE)
_PHOTO = re.compile(r"\b(?:Foto|Fotos|Bild|Bilder|Bildrechte|Bildquelle)\s*:", re.IGNORECASE)


@functools.cache
def _signatures() -> tuple[tuple[str, str, re.Pattern[str] | str], ...]:
    out: list[tuple[str, str, re.Pattern[str] | str]] = []
    for name, kind, pattern in lexicon.fields("publishers.txt", 3):
        if kind == "text":
            out.append((name, kind, lexicon.compile_pattern(pattern, "publishers.txt", re.MULTILINE)))
        elif kind == "host":
            out.append((name, kind, pattern.lower().lstrip(".")))
        else:
            raise lexicon.IngestError(f"ingest data file publishers.txt: unknown kind {kind!r} for {name}")
    return tuple(out)


@functools.cache
def agency_names() -> frozenset[str]:
    """The news agencies' names as they are written ("dpa", "Reuters", "AFP", "epd")."""
    return frozenset(_agencies()[0].values())


@functools.cache
def _agencies() -> tuple[dict[str, str], re.Pattern[str]]:
    alias_to_name: dict[str, str] = {}
    for line in lexicon.lines("agencies.txt"):
        parts = [p.strip() for p in line.split(" | ")]
        name, aliases = parts[0], parts[1:] or [parts[0].lower()]
        for alias in aliases:
            alias_to_name[alias.lower()] = name
    alt = "|".join(re.escape(a) for a in sorted(alias_to_name, key=lambda s: (-len(s), s)))
    # "(dpa)", "(dpa/AFP)", "(AFP, Reuters)" in a dateline ("Paris (dpa) - ") or closing a text
    paren = re.compile(rf"\((?P<list>(?:{alt})(?:\s*[/,]\s*(?:{alt}))*)\)(?=\s*(?:[-–—:]|$))", re.IGNORECASE)
    return alias_to_name, paren


def host_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, lower-cased; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def publisher_for_host(host: str | None) -> str | None:
    """The publisher whose host signature matches ``host`` (or a parent domain of it)."""
    if not host:
        return None
    for name, kind, pattern in _signatures():
        if kind == "host" and isinstance(pattern, str) and (host == pattern or host.endswith("." + pattern)):
            return name
    return None


def _search_at_word_start(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None or m.start() == 0 or not text[m.start() - 1].isalnum():
            return m
        pos = m.start() + 1


# A page's masthead stands among its first lines: the outlet's name alone on a line ("HANDELSBLATT", "WDR").
MASTHEAD_LINES = 3
# A one-word name this frequent in German is also an ordinary word or a section label ("Welt" 5.7, "stern" 4.5);
# the outlets' names are rarer ("WDR" 4.0, "Handelsblatt" 3.7).
MASTHEAD_MAX_ZIPF = 4.5


def masthead_name(line: str) -> str | None:
    """The publisher whose name (as publishers.txt spells it, any case) is the whole line ("HANDELSBLATT", "WDR",
    "tagesschau.de"). A one-word name that is also a common German word ("stern", "WELT" beside a section label
    "Welt") is no sign on its own."""
    from briefing.lang.frequency import zipf

    name = _publisher_names().get(line.strip().casefold())
    if name and (" " in name or "." in name or zipf(name) < MASTHEAD_MAX_ZIPF):
        return name
    return None


@functools.cache
def _publisher_names() -> dict[str, str]:
    return {name.casefold(): name for name, _, _ in _signatures()}


def _masthead(lines: tuple[str, ...] | list[str]) -> str | None:
    """The publisher named by the page's masthead: alone on one of the file's first non-blank lines."""
    for line in [ln for ln in lines if ln.strip()][:MASTHEAD_LINES]:
        name = masthead_name(line)
        if name:
            return name
    return None


def infer_publisher(lines: tuple[str, ...] | list[str], url: str | None = None) -> str | None:
    """The publisher with the most distinct signatures in ``lines`` (or known by the URL's host).

    Args:
        lines: the raw lines of the file.
        url: the article's URL, if known.

    Returns:
        The publisher's name, or None when nothing identifies one.
    """
    hits: dict[str, set[int]] = {}
    first: dict[str, int] = {}
    # One search per signature over the whole text (patterns are MULTILINE, so "^" is a line
    # start): each starts with a literal, which the regex engine finds fast.
    text = "\n".join(lines)
    for si, (name, kind, pattern) in enumerate(_signatures()):
        if kind != "text" or isinstance(pattern, str):
            continue
        m = _search_at_word_start(pattern, text)
        if m:
            li = text.count("\n", 0, m.start())
            hits.setdefault(name, set()).add(si)
            first[name] = min(first.get(name, li), li)
    masthead = _masthead(lines)
    if masthead:
        hits.setdefault(masthead, set()).add(-2)
        first.setdefault(masthead, -2)
    by_host = publisher_for_host(host_of(url))
    if by_host:
        hits.setdefault(by_host, set()).add(-1)
        first.setdefault(by_host, -1)
    if not hits:
        return None
    return min(hits, key=lambda n: (-len(hits[n]), first[n], n))


def infer_agencies(lines: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Agencies the text credits, in order of first mention, without duplicates."""
    alias_to_name, paren = _agencies()
    found: list[str] = []

    def add(token: str) -> bool:
        name = alias_to_name.get(token.strip(" .;:()").lower())
        if name and name not in found:
            found.append(name)
        return name is not None

    for line in lines:
        if _PHOTO.search(line):
            continue  # "Foto: Michel Euler/AP/dpa" credits a photo, not the text
        for m in paren.finditer(line):
            for token in _SPLIT.split(m.group("list")):
                add(token)
        credit = _CREDIT_LINE.match(line)
        if credit:
            for token in _SPLIT.split(credit.group("rest")):
                add(token)
            continue
        stripped = line.strip().strip("()")
        if 0 < len(stripped) <= CLOSING_LINE_MAX_CHARS:
            tokens = [t for t in _SPLIT.split(stripped) if t]
            # "dpa/AFP" or "cw/dpa": every token an agency or author initials, at least one agency.
            agencies = [t for t in tokens if t.strip(" .").lower() in alias_to_name]
            initials = [t for t in tokens if t not in agencies and re.fullmatch(r"[a-zäöü]{2,3}", t.strip(" ."))]
            if agencies and len(agencies) + len(initials) == len(tokens):
                for t in agencies:
                    add(t)
    return tuple(found)


def fallback_publisher(agencies: tuple[str, ...], url: str | None) -> str:
    """Publisher when no signature is found: agency, URL host or :data:`UNKNOWN_PUBLISHER`."""
    if agencies:
        return agencies[0]
    return host_of(url) or UNKNOWN_PUBLISHER
