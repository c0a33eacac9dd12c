"""The MIME message: headers, parts, encodings, and no header injection from names or headlines."""

from __future__ import annotations

import email
import email.policy
import json
from dataclasses import replace
from datetime import date
from email.header import decode_header, make_header

import pytest
from deliver_helpers import DAY, pdf_bytes

from briefing.deliver.message import DotStuffed, MessageFactory, message_id, subject_line
from briefing.deliver.store import Edition, Subscriber
from briefing.errors import DeliverError

EVIL = "Eilmeldung\r\nBcc: victim@example.org\r\n\r\n<script>x</script>"


def edition(headline: str | None = "Gipfel in Paris", title: str = "Europäische Perspektive") -> Edition:
    stories = [] if headline is None else [{"id": "s1", "headline": headline}]
    data = json.dumps({"date": DAY.isoformat(), "title": title, "stories": stories}).encode()
    return Edition(
        day=DAY.isoformat(),
        frozen_at="2025-09-04T05:00:00+00:00",
        briefing_json=data,
        html="<p>Grüße</p>".encode(),
        txt="Grüße\n".encode(),
        pdf=pdf_bytes(),
        sha256="ab" * 32,
    )


def factory(ed: Edition | None = None, **overrides: str | None) -> MessageFactory:
    options: dict[str, str | None] = {
        "from_addr": "Europäische Perspektive <briefing@example.org>",
        "list_id": "Europaeische Perspektive <ep.example.org>",
        "unsubscribe_url": "https://example.org/u/{token}",
        "unsubscribe_mailto": None,
        "title": "Europäische Perspektive",
    }
    options.update(overrides)
    return MessageFactory(ed or edition(), DAY, **options)  # type: ignore[arg-type]


def parse(data: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(data, policy=email.policy.default)  # type: ignore[return-value]


def header_block(data: bytes) -> list[bytes]:
    """Raw top-level header names, one per (unfolded) header."""
    head = data.split(b"\r\n\r\n", 1)[0]
    return [line.split(b":", 1)[0] for line in head.split(b"\r\n") if line and line[:1] not in (b" ", b"\t")]


SUB = Subscriber(1, "anna@example.org", "Anna Schmidt", "tok_EN-1")


@pytest.mark.parametrize(
    ("title", "day", "headline", "expected"),
    [
        ("Europäische Perspektive", date(2025, 9, 4), "Gipfel", "Europäische Perspektive, 4.9.: Gipfel"),
        ("Europäische Perspektive", date(2025, 3, 1), None, "Europäische Perspektive, 1.3."),
        ("", date(2025, 12, 24), "  A\n B ", "Europäische Perspektive, 24.12.: A B"),
        ("EP", date(2025, 9, 4), EVIL, "EP, 4.9.: Eilmeldung Bcc: victim@example.org <script>x</script>"),
        # the reference day's lead headline (132 characters): cut at a word, never inside one
        ("Europäische Perspektive", date(2025, 9, 4),
         "In Paris haben sich 26 westliche Staaten darauf verständigt, nach einem möglichen Waffenstillstand "
         "Truppen in die Ukraine zu schicken",
         "Europäische Perspektive, 4.9.: In Paris haben sich 26 westliche Staaten darauf …"),
        ("Europäische Perspektive", date(2025, 9, 4), "Sicherheitsgarantien" * 5,
         "Europäische Perspektive, 4.9.: " + ("Sicherheitsgarantien" * 5)[:48] + "…"),
    ],
)
def test_subject_line(title: str, day: date, headline: str | None, expected: str) -> None:
    subject = subject_line(title, day, headline)
    assert subject == expected
    assert len(subject) <= 80


def test_subject_is_at_most_80_characters_for_any_headline() -> None:
    words = ["Bundesverteidigungsministerium", "Waffenstillstand", "in", "der", "Ukraine", "und",
             "Sicherheitsgarantien", "für"]
    for n in range(1, 40):
        headline = " ".join(words[i % len(words)] for i in range(n))
        subject = subject_line("Europäische Perspektive", date(2025, 9, 4), headline)
        assert len(subject) <= 80, subject
        assert subject.startswith("Europäische Perspektive, 4.9.: ")
        body = subject.removeprefix("Europäische Perspektive, 4.9.: ").removesuffix(" …")
        assert headline.startswith(body)  # a prefix of the headline, cut at a word


def test_headers_parts_and_one_click_unsubscribe() -> None:
    out = factory(unsubscribe_mailto="abmelden@example.org").build(SUB)
    msg = parse(out.data)
    assert out.envelope_from == "briefing@example.org" and out.recipient == "anna@example.org"
    assert str(msg["Subject"]) == "Europäische Perspektive, 4.9.: Gipfel in Paris"
    assert str(msg["To"]) == "Anna Schmidt <anna@example.org>"
    assert msg["Date"] == "Thu, 04 Sep 2025 05:00:00 +0000"
    assert msg["Message-ID"] == out.message_id == message_id(DAY, "anna@example.org", "example.org")
    assert str(msg["List-Unsubscribe"]) == (
        "<https://example.org/u/tok_EN-1>, <mailto:abmelden@example.org?subject=unsubscribe-tok_EN-1>"
    )
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["MIME-Version"] == "1.0"
    alternative, attachment = msg.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    assert attachment.get_filename() == "Europaeische-Perspektive-2025-09-04.pdf"
    assert attachment.get_content() == pdf_bytes()
    assert out.data.isascii()
    assert all(len(line) <= 998 for line in out.data.split(b"\r\n"))
    # Every header exactly once.
    names = [n.lower() for n in header_block(out.data)]
    assert len(names) == len(set(names))


def test_http_unsubscribe_url_gets_no_one_click_header() -> None:
    msg = parse(factory(unsubscribe_url="http://example.org/u?t={token}").build(SUB).data)
    assert msg["List-Unsubscribe"] == "<http://example.org/u?t=tok_EN-1>"
    assert msg["List-Unsubscribe-Post"] is None


@pytest.mark.parametrize("name", [EVIL, "Anna\nBcc: victim@example.org", "Anna\x00\x1b\u2028Bcc: x@y.org"])
def test_name_and_headline_cannot_inject_headers(name: str) -> None:
    # The name as it might sit in a hand-edited database, bypassing add_subscriber.
    out = factory(edition(headline=EVIL)).build(Subscriber(1, "anna@example.org", name, "tok"))
    msg = parse(out.data)
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert len(msg.get_all("To")) == 1 and msg["To"].addresses[0].addr_spec == "anna@example.org"
    assert len(msg["To"].addresses) == 1
    assert "\n" not in str(msg["Subject"]) and "\n" not in str(msg["To"])
    assert {n.lower() for n in header_block(out.data)} == {
        b"to",
        b"message-id",
        b"list-unsubscribe",
        b"from",
        b"subject",
        b"date",
        b"list-id",
        b"list-unsubscribe-post",
        b"precedence",
        b"content-type",
        b"mime-version",
    }


@pytest.mark.parametrize(
    "name", ["Jürgen Müller, Dr.", 'Anna "die Große" (Brüssel) <x>', "Ä" * 120, "plain ascii name " * 7]
)
def test_non_ascii_names_and_subjects_are_rfc2047_encoded(name: str) -> None:
    ed = edition(headline="Selenskyj: „Wir brauchen Schutz“")
    out = factory(ed).build(Subscriber(1, "j@example.org", name, "tok"))
    head = out.data.split(b"\r\n\r\n", 1)[0]
    assert head.isascii() and b"=?utf-8?" in head
    assert all(len(line) <= 998 for line in head.split(b"\r\n"))
    msg = parse(out.data)
    assert not msg["To"].defects and msg["To"].addresses[0].addr_spec == "j@example.org"
    # RFC 2047 decoding of the raw header (the legacy API ignores the folding
    # whitespace between encoded words, as mail clients do; the new address
    # parser of Python wrongly keeps a space there for long names).
    raw_to = email.message_from_bytes(out.data)["To"].replace("\r\n", "")  # unfold
    assert name.strip() in str(make_header(decode_header(raw_to)))
    if len(name) < 60:
        assert msg["To"].addresses[0].display_name == name.strip()
    assert str(msg["Subject"]).endswith("Selenskyj: „Wir brauchen Schutz“")


def test_copies_differ_only_in_personal_headers_and_are_reproducible() -> None:
    f = factory()
    a = f.build(SUB)
    b = f.build(Subscriber(2, "bob@example.org", None, "other"))
    assert a.data.split(b"\r\nFrom: ", 1)[1] == b.data.split(b"\r\nFrom: ", 1)[1]
    assert a.message_id != b.message_id
    assert factory().build(SUB).data == a.data


def test_test_copy_has_its_own_message_id() -> None:
    f = factory()
    copy = f.build_test("anna@example.org", "tok", "cafe")
    assert copy.message_id == "<briefing.2025-09-04.test.cafe@example.org>"
    assert copy.message_id != f.build(SUB).message_id


def test_lead_headline_skips_background_stories() -> None:
    data = json.dumps(
        {"title": "EP", "stories": [{"headline": "Hintergrund", "background": True}, {"headline": "Aktuell"}]}
    ).encode()
    ed = Edition(DAY.isoformat(), "2025-09-04T05:00:00+00:00", data, b"<p></p>", b"", b"%PDF", "0" * 64)
    assert str(parse(factory(ed).build(SUB).data)["Subject"]) == "EP, 4.9.: Aktuell"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("from_addr", "kein absender", "from_addr"),
        ("from_addr", "EP <briefing@exa mple.org>", "from_addr"),
        ("from_addr", "EP <briefing@-localhost>", "from_addr: .* not a valid email address"),
        ("from_addr", "a@example.org, b@example.org", "must be one address"),
        ("unsubscribe_url", "https://example.org/u", "containing {token}"),
        ("unsubscribe_url", "javascript:alert(1)//{token}", "containing {token}"),
        ("unsubscribe_url", "https://example.org/u/{token}\r\nBcc: x@y.org", "containing {token}"),
        ("unsubscribe_mailto", "not an address", "not a valid email address"),
        ("list_id", "Grüße <x.example.org>", "list_id"),
    ],
)
def test_bad_settings_are_clear_errors(option: str, value: str, message: str) -> None:
    with pytest.raises(DeliverError, match=message):
        factory(**{option: value})


def test_shipped_default_sender_works() -> None:
    from briefing.settings import Settings

    defaults = Settings()
    f = factory(from_addr=defaults.from_addr, list_id=defaults.list_id, unsubscribe_url=defaults.unsubscribe_url)
    assert f.build(SUB).envelope_from == "briefing@localhost"


def test_broken_briefing_json_is_a_clear_error() -> None:
    ed = Edition(DAY.isoformat(), "2025-09-04T05:00:00+00:00", b"{not json", b"", b"", b"", "0" * 64)
    with pytest.raises(DeliverError, match="briefing.json is not valid JSON"):
        factory(ed)


# Lines starting with dots, a lone dot (it would end DATA if sent unstuffed), dots at line ends.
DOTTED_TXT = ".Punkt am Zeilenanfang\n.\n..zwei\n...\nEnde.\n"


@pytest.mark.parametrize("name", [None, "Anna Schmidt", "Ä" * 120])
def test_smtp_data_is_the_message_dot_stuffed_with_the_end_of_data_line(name: str | None) -> None:
    ed = replace(edition(), txt=DOTTED_TXT.encode(), html=b"<p>\n.x</p>\n")
    out = factory(ed).build(Subscriber(1, "anna@example.org", name, "tok"))
    lines = out.data.split(b"\r\n")
    assert lines[-1] == b"" and not any(b"\r" in line or b"\n" in line for line in lines)  # CRLF only
    assert sum(line.startswith(b".") for line in lines) == 5  # the dotted text and HTML lines
    # RFC 5321 4.5.2, spelled out line by line.
    expected = b"\r\n".join(b"." + line if line.startswith(b".") else line for line in lines) + b".\r\n"
    assert isinstance(out.smtp_data, DotStuffed) and out.smtp_data == expected
