"""Build the day's email: one MIME body for everybody, personal headers per subscriber.

The body (multipart/mixed: text + HTML alternative, the PDF attached) is
generated once per run with ``email.message.EmailMessage`` and ``policy.SMTP``;
per subscriber only ``To``, ``Message-ID`` and ``List-Unsubscribe`` are
prepended, and the subscriber's token is written into the footer's unsubscribe
link (the same URL as ``List-Unsubscribe``). That keeps 10,000 messages cheap
(no 10,000 base64 or quoted-printable encodings) and makes every copy of a day
byte-identical apart from those three lines and the token - a message repeated
after a crash is the same message.

The footer of briefing.html / briefing.txt carries two slots
(:data:`briefing.models.UNSUBSCRIBE_SLOT`, :data:`~briefing.models.IMPRINT_SLOT`):
the imprint (``settings.imprint``, escaped, one line per line) is filled once per
run, the unsubscribe URL with a per-run random token placeholder that survives
quoted-printable encoding and is replaced by each subscriber's token in the
encoded bytes (:class:`_TokenSlots`).  Only the footer is searched: article text
above it can never become a link or an imprint.

The body is also dot-stuffed for the SMTP DATA phase once per run
(:attr:`Outgoing.smtp_data`): smtplib would run its quoting regex over all
~151 KiB of every copy (about 1 ms each, measured), which was the largest
cost on our side of a send.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from briefing.deliver.store import Edition, Subscriber, clean_text, is_plain_address, normalize_email
from briefing.errors import DeliverError
from briefing.models import IMPRINT_SLOT, UNSUBSCRIBE_SLOT

# A subject line is read on a phone (30-40 characters visible) and in a desktop list
# (60-80): title and date first, the story cut at a word to stay within this.
MAX_SUBJECT = 80
MAX_HEADLINE = 160  # longest headline read from the JSON before it is shortened
ELLIPSIS = "…"
# A shortened headline keeps at least this many words ("Gipfel" alone says nothing).
MIN_SUBJECT_WORDS = 3
MAX_IMPRINT_LINE = 300  # characters; an imprint line is an address or a name
# Shown to preview readers (--dry-run, --to) where the imprint is not configured yet;
# a real send refuses to start without it (cli.py).
IMPRINT_MISSING = "[Impressum fehlt: Einstellung imprint / BRIEFING_IMPRINT setzen]"
# Where the footer starts in briefing.html (an attribute article text cannot produce:
# autoescape turns its quotes into &#34;) and in briefing.txt (the signature separator).
HTML_FOOTER = 'id="fusszeile"'
TEXT_FOOTER = "\n-- \n"
# Subscriber tokens are secrets.token_urlsafe(32): 43 characters of this alphabet.
_TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
TOKEN_LENGTH = 43
# Hex digits of the sha256 in a Message-ID: 96 bits, no collisions in practice.
MESSAGE_ID_HASH_CHARS = 24

log = logging.getLogger(__name__)

_POLICY = policy.SMTP
# RFC 5322 recommends header lines of at most 78 characters (plus CRLF).
MAX_HEADER_LINE = 80
# URL characters allowed in the unsubscribe template (RFC 3986, minus quoting chars).
_URL_RE = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%{}]+")


# RFC 5321 4.5.2 transparency: a line starting with "." gets a second one.
# smtplib's own pattern (``smtplib._quote_periods``), so the DATA phase
# carries the very bytes ``sendmail`` would send.
_LINE_START_DOT = re.compile(rb"(?m)^\.")
_CRLF = b"\r\n"
_END_OF_DATA = b".\r\n"


class DotStuffed(bytes):
    """A message as the SMTP DATA phase carries it: dot-stuffed and ending in CRLF "." CRLF.

    The type tells the SMTP messenger to send it as is instead of quoting again.
    """


def dot_stuff(data: bytes) -> bytes:
    """``data`` dot-stuffed, ending in CRLF, without the final ``.`` line."""
    stuffed = _LINE_START_DOT.sub(b"..", data)
    return stuffed if stuffed.endswith(_CRLF) else stuffed + _CRLF


class _TokenSlots:
    """Bytes with slots for a token: ``fill(token)`` writes it where the placeholder stood.

    Quoted-printable may have broken the placeholder across lines ("=\\r\\n" soft
    breaks); the token is written in the same pieces, so line lengths stay as the
    encoder made them.  Tokens must have the placeholder's length and alphabet.
    """

    def __init__(self, data: bytes, placeholder: str) -> None:
        pattern = b"(?:=\r\n)?".join(re.escape(ch.encode()) for ch in placeholder)
        self.pieces: list[bytes] = []
        self.layouts: list[tuple[int, ...]] = []
        last = 0
        for m in re.finditer(pattern, data):
            self.pieces.append(data[last : m.start()])
            self.layouts.append(tuple(len(chunk) for chunk in m.group(0).split(b"=\r\n")))
            last = m.end()
        self.pieces.append(data[last:])

    @property
    def count(self) -> int:
        return len(self.layouts)

    def pieces_with(self, token: bytes) -> list[bytes]:
        """The pieces of the bytes with ``token`` in every slot, to be joined."""
        out = [self.pieces[0]]
        for layout, piece in zip(self.layouts, self.pieces[1:], strict=True):
            chunks, start = [], 0
            for size in layout:
                chunks.append(token[start : start + size])
                start += size
            out += [b"=\r\n".join(chunks), piece]
        return out

    def fill(self, token: bytes) -> bytes:
        """The bytes with ``token`` in every slot."""
        return b"".join(self.pieces_with(token))


@dataclass(frozen=True)
class Outgoing:
    """One message ready for the wire: personal header lines plus the day's shared body.

    The body is kept as the day's pieces around the subscriber's token (see
    :class:`_TokenSlots`) and joined only when needed, once, straight into the
    bytes the SMTP DATA phase sends: no per-message copies of ~150 KiB beyond that.
    """

    envelope_from: str
    recipient: str
    message_id: str
    head: bytes  # the personal header lines, each ending in CRLF
    token: bytes  # the subscriber's unsubscribe token, written into the body's slots
    body_slots: _TokenSlots  # the day's body (the rest of the message)
    stuffed_slots: _TokenSlots  # ``dot_stuff(body)``, stuffed once per run

    @functools.cached_property
    def body(self) -> bytes:
        """Everything after the personal headers: the day's body with this subscriber's token."""
        return self.body_slots.fill(self.token)

    @property
    def stuffed_body(self) -> bytes:
        """``dot_stuff(body)``."""
        return self.stuffed_slots.fill(self.token)

    @property
    def data(self) -> bytes:
        """The message (RFC 5322 bytes, CRLF line ends)."""
        return self.head + self.body

    @property
    def smtp_data(self) -> DotStuffed:
        """``data`` for the SMTP DATA phase: dot-stuffed, with the end-of-data line.

        Stuffing works line by line and ``head`` ends in CRLF, so stuffing the
        two parts apart gives the same bytes as stuffing ``data``.
        """
        return DotStuffed(b"".join([dot_stuff(self.head), *self.stuffed_slots.pieces_with(self.token), _END_OF_DATA]))


def attachment_name(day: date) -> str:
    """File name of the attached PDF (ASCII, so every mail client shows it)."""
    return f"Europaeische-Perspektive-{day.isoformat()}.pdf"


def german_date(day: date) -> str:
    """``4. September 2025`` via CLDR."""
    from babel.dates import format_date

    return format_date(day, "d. MMMM y", locale="de")


def lead_headline(briefing_json: bytes) -> tuple[str | None, str | None]:
    """``(title, headline of the lead story)`` from a briefing.json; None where absent.

    Read leniently on purpose: a subject line must not fail a send because the
    JSON grew or lost an unrelated key.
    """
    try:
        data = json.loads(briefing_json.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise DeliverError(f"briefing.json is not valid JSON: {e}") from None
    if not isinstance(data, dict):
        raise DeliverError("briefing.json is not a JSON object")
    title = data.get("title") if isinstance(data.get("title"), str) else None
    stories = [s for s in data.get("stories") or [] if isinstance(s, dict) and isinstance(s.get("headline"), str)]
    lead = next((s for s in stories if not s.get("background")), stories[0] if stories else None)
    return title, (lead["headline"] if lead else None)


def short_date(day: date) -> str:
    """``4.9.``: the German day and month (CLDR skeleton ``Md``); a daily mail needs no year."""
    from babel.dates import format_skeleton

    return format_skeleton("Md", day, locale="de")


def subject_line(title: str, day: date, headline: str | None) -> str:
    """``Europäische Perspektive, 4.9.: <the lead story in a few words>``, at most MAX_SUBJECT characters.

    A headline that does not fit is shortened (:func:`_few_words`); the preheader
    (the lead's first sentence) carries the rest.
    """
    head = f"{clean_text(title, MAX_SUBJECT // 2) or 'Europäische Perspektive'}, {short_date(day)}"
    headline = clean_text(headline, MAX_HEADLINE)
    if not headline:
        return head
    return f"{head}: {_few_words(headline, MAX_SUBJECT - len(head) - 2)}"


def _few_words(headline: str, room: int) -> str:
    """``headline`` in at most ``room`` characters: whole, its statement, its first clause, or cut at a word.

    "Koalition der Willigen: 26 Länder sagen Sicherheitsgarantien zu" -> the statement
    after the kicker's colon; "In Paris haben sich …, nach …" -> the main clause.
    """
    if len(headline) <= room:
        return headline
    kicker, colon, statement = headline.partition(": ")
    candidates = [statement if colon else "", headline.split(", ", 1)[0], statement.split(", ", 1)[0]]
    for text in candidates:
        if text and len(text) <= room and len(text.split()) >= MIN_SUBJECT_WORDS:
            return text
    prefix = headline[: room - 1]
    cut = prefix.rsplit(" ", 1)[0].rstrip(" ,;:–-") if " " in prefix else ""
    return f"{cut} {ELLIPSIS}" if cut else prefix + ELLIPSIS


def _fill_footer(body: str, marker: str, slots: dict[str, str]) -> tuple[str, bool]:
    """``body`` with the slots after its last ``marker`` replaced; False when it has no footer."""
    head, found, footer = body.rpartition(marker)
    if not found or not all(slot in footer for slot in slots):
        return body, False
    for slot, value in slots.items():
        footer = footer.replace(slot, value)
    return head + found + footer, True


def message_id(day: date, email: str, domain: str) -> str:
    """Deterministic Message-ID of the (day, subscriber) message.

    A message resent after a crash carries the same ID, so receiving systems
    and the subscriber's client can recognise the duplicate.
    """
    digest = hashlib.sha256(f"{day.isoformat()}\n{email.lower()}".encode()).hexdigest()
    return f"<briefing.{day.isoformat()}.{digest[:MESSAGE_ID_HASH_CHARS]}@{domain}>"


class MessageFactory:
    """Turns the frozen edition into one :class:`Outgoing` per subscriber."""

    def __init__(
        self,
        edition: Edition,
        day: date,
        *,
        from_addr: str,
        list_id: str,
        unsubscribe_url: str,
        unsubscribe_mailto: str | None,
        title: str,
        imprint: str | None = None,
    ) -> None:
        self.day = day
        self.sender = _parse_from(from_addr)
        self.domain = self.sender.domain
        self.unsubscribe_url = _check_url_template(unsubscribe_url)
        self.unsubscribe_mailto = _mailto(unsubscribe_mailto) if unsubscribe_mailto else None
        json_title, headline = lead_headline(edition.briefing_json)
        self.subject = subject_line(json_title or title, day, headline)
        list_id_value = clean_text(list_id, 250)
        if not list_id_value or not list_id_value.isascii() or "<" not in list_id_value:
            raise DeliverError(f"list_id {list_id!r} must look like 'Name <list.example.org>' (ASCII)")
        self.edition = edition
        self.footer_missing: list[str] = []
        self.list_id = list_id_value
        cleaned = (clean_text(line, MAX_IMPRINT_LINE) for line in (imprint or "").splitlines())
        self.imprint_lines: list[str] = [line for line in cleaned if line]
        # A random placeholder per run: no article can contain it, and tokens take its place.
        self._placeholder = "".join(secrets.choice(_TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))
        self._base = self._build_base(self._placeholder)
        if self.footer_missing:
            log.warning(
                "%s: %s has no footer with unsubscribe link and imprint (rendered with old templates?); "
                "rebuild with `briefing build --date %s`", day, " and ".join(self.footer_missing), day,
            )
        self._slots = _TokenSlots(self._base, self._placeholder)
        self._stuffed_slots = _TokenSlots(dot_stuff(self._base), self._placeholder)
        if self._slots.count != self._stuffed_slots.count:  # pragma: no cover - stuffing never touches a token
            raise DeliverError("internal error: the unsubscribe slots changed in dot-stuffing")

    # -- once per run

    def unsubscribe_link(self, token: str) -> str:
        """The subscriber's unsubscribe URL (the List-Unsubscribe header's, and the footer's link)."""
        return self.unsubscribe_url.replace("{token}", token)

    def _footer(self, html_body: str, text_body: str, token: str) -> tuple[str, str]:
        """The HTML and text bodies with the footer's unsubscribe link and imprint filled in."""
        url = self.unsubscribe_link(token)
        lines = self.imprint_lines or [IMPRINT_MISSING]
        html_body, html_ok = _fill_footer(html_body, HTML_FOOTER, {
            UNSUBSCRIBE_SLOT: html.escape(url), IMPRINT_SLOT: "<br>".join(html.escape(line) for line in lines),
        })
        text_body, text_ok = _fill_footer(text_body, TEXT_FOOTER, {
            UNSUBSCRIBE_SLOT: url, IMPRINT_SLOT: "\n".join(lines),
        })
        self.footer_missing = [name for name, ok in (("briefing.html", html_ok), ("briefing.txt", text_ok)) if not ok]
        return html_body, text_body

    def _build_base(self, token: str) -> bytes:
        edition = self.edition
        html_body, text_body = self._footer(
            _decode(edition.html, "briefing.html"), _decode(edition.txt, "briefing.txt"), token
        )
        msg = EmailMessage(policy=_POLICY)
        msg["From"] = self.sender
        msg["Subject"] = self.subject
        msg["Date"] = format_datetime(datetime.fromisoformat(edition.frozen_at))
        msg["List-Id"] = self.list_id
        if self.unsubscribe_url.startswith("https://"):
            # RFC 8058 one-click: only meaningful with an HTTPS URI.
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        msg["Precedence"] = "bulk"
        msg.set_content(text_body, cte="quoted-printable")
        msg.add_alternative(html_body, subtype="html", cte="quoted-printable")
        msg.add_attachment(edition.pdf, maintype="application", subtype="pdf", filename=attachment_name(self.day))
        # Fixed boundaries: "=_" never occurs in quoted-printable or base64 text,
        # and the same edition gives the same bytes on every run.
        for i, part in enumerate(p for p in msg.walk() if p.is_multipart()):
            part.set_boundary(f"=_briefing_{edition.sha256[:16]}_{i}")
        return msg.as_bytes(policy=_POLICY)

    # -- once per subscriber

    def build(self, sub: Subscriber) -> Outgoing:
        """The message for ``sub`` with its deterministic Message-ID."""
        return self._personal(sub.email, sub.name, sub.token, message_id(self.day, sub.email, self.domain))

    def build_test(self, email: str, token: str, nonce: str) -> Outgoing:
        """A test copy (``--to``): its own Message-ID so it never shadows the real one."""
        mid = f"<briefing.{self.day.isoformat()}.test.{nonce}@{self.domain}>"
        return self._personal(email, None, token, mid)

    def _personal(self, email: str, name: str | None, token: str, mid: str) -> Outgoing:
        if not is_plain_address(email):  # stored addresses were validated; a hand-edited row is not
            raise DeliverError(f"subscriber address {email!r} is not valid; remove it with `briefing subscribers`")
        lines = [_to_header(email, clean_text(name)), f"Message-ID: {mid}\r\n", self._list_unsubscribe(token)]
        head = "".join(lines).encode("ascii")
        if len(token) == TOKEN_LENGTH:
            slots, stuffed = self._slots, self._stuffed_slots
        else:  # a test copy's "test" token, or a token of another length: encode this one body anew
            body = self._build_base(token)
            slots, stuffed = _TokenSlots(body, self._placeholder), _TokenSlots(dot_stuff(body), self._placeholder)
        return Outgoing(self.sender.addr_spec, email, mid, head, token.encode("ascii"), slots, stuffed)

    def _list_unsubscribe(self, token: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9_\-]+", token):
            raise DeliverError("a subscriber token has unexpected characters; the database was edited by hand?")
        entries = [f"<{self.unsubscribe_link(token)}>"]
        if self.unsubscribe_mailto:
            entries.append(f"<mailto:{self.unsubscribe_mailto}?subject=unsubscribe-{token}>")
        return "List-Unsubscribe: " + ",\r\n ".join(entries) + "\r\n"


def _to_header(address: str, name: str | None) -> str:
    """``To:`` with the display name RFC 2047-encoded where needed, on one line.

    ``formataddr`` quotes specials and encodes non-ASCII names; it is about
    ten times cheaper than the header registry, which is kept for names too
    long for one 78-character line.
    """
    line = f"To: {formataddr((name, address), charset='utf-8') if name else address}\r\n"
    if len(line) <= MAX_HEADER_LINE:
        return line
    return _POLICY.fold("To", _POLICY.header_factory("To", str(Address(display_name=name or "", addr_spec=address))))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DeliverError(f"{name} is not UTF-8 text: {e}") from None


def _parse_from(from_addr: str) -> Address:
    value = clean_text(from_addr, 300) or ""
    try:
        header = _POLICY.header_factory("From", value)
        addresses = header.addresses
    except (ValueError, IndexError, AttributeError) as e:
        raise DeliverError(f"from_addr {from_addr!r} is not an address: {e}") from None
    if len(addresses) != 1 or header.defects:
        raise DeliverError(f"from_addr {from_addr!r} must be one address like 'Name <briefing@example.org>'")
    addr = addresses[0]
    try:
        normalize_email(addr.addr_spec, single_label_domain=True)
    except DeliverError as e:
        raise DeliverError(f"from_addr: {e}") from None
    return Address(display_name=addr.display_name, addr_spec=addr.addr_spec)


def _check_url_template(url: str) -> str:
    if "{token}" not in url or not _URL_RE.fullmatch(url):
        raise DeliverError(
            f"unsubscribe_url {url!r} must be an http(s) URL containing {{token}}, "
            "e.g. https://example.org/unsubscribe/{token}"
        )
    return url


def _mailto(value: str) -> str:
    try:
        return normalize_email(value.removeprefix("mailto:"), single_label_domain=True)
    except DeliverError as e:
        raise DeliverError(f"unsubscribe_mailto: {e}") from None
