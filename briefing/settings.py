"""One typed settings object, layered.

shipped defaults < settings file (``--config`` or ``BRIEFING_CONFIG``) < ``BRIEFING_*``
environment variables < command-line flags.  Unknown keys in the file or the
environment are an error, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args, get_type_hints

from briefing.errors import SettingsError
from briefing.fileio import read_toml

ENV_PREFIX = "BRIEFING_"
# Environment variables that configure the loader itself, not a setting (BRIEFING_PURE_PYTHON: run the
# extraction's sources instead of their compiled modules, briefing/extract/compiled.py).
_ENV_META = {"BRIEFING_CONFIG", "BRIEFING_PURE_PYTHON"}
SECRET_KEYS = frozenset({"smtp_password"})
# A settings file is a few dozen lines; anything this large is the wrong file (or /dev/zero).
MAX_CONFIG_BYTES = 1_000_000


def _default_state() -> str:
    try:
        import platformdirs

        return str(Path(platformdirs.user_data_dir("briefing")) / "collect-state.sqlite")
    except Exception:  # platformdirs missing or no home: fall back to the working dir
        return "collect-state.sqlite"


def _default_db() -> str:
    try:
        import platformdirs

        return str(Path(platformdirs.user_data_dir("briefing")) / "briefing.db")
    except Exception:  # platformdirs missing or no home: fall back to the working dir
        return "briefing.db"


@dataclass(frozen=True)
class Settings:
    """Every knob of the tool. Field names are the keys of ``briefing.toml``."""

    # build; a "{date}" in sources stands for the day (YYYY-MM-DD): one folder per day
    sources: str = "seeds"
    out: str = "out"
    undated: Literal["include", "exclude"] = "include"
    model: str = "blank"  # "blank" = spacy.blank("de") + our components, or a pipeline name/path
    templates: str | None = None  # folder with the user's own copy of the templates
    title: str = "Europäische Perspektive"
    max_stories: int = 8
    # A quotation's speaker is shown from this confidence on (below: "ohne eindeutige Zuordnung");
    # None = the thresholds chosen by cross-validation (one per quotation kind), shipped with the weights.
    quote_threshold: float | None = None
    # collect
    feeds: str | None = None  # the feeds file (TOML): [[feed]] / [[page]] with url and publisher
    collect_state: str = dataclasses.field(default_factory=_default_state)  # ETag/Last-Modified per URL
    user_agent: str = "briefing/0.1 (news briefing; +https://example.invalid/briefing)"
    collect_delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay if longer)
    collect_timeout: float = 20.0  # seconds to connect, per read, and for a whole response
    # delivery
    db: str = dataclasses.field(default_factory=_default_db)
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = dataclasses.field(default=None, repr=False)  # secret: never printed
    smtp_security: Literal["none", "starttls", "ssl"] = "none"
    smtp_timeout: float = 30.0
    # RFC 5321 §4.5.3.2.6: wait 10 minutes for the reply to the end of DATA - the server may be
    # filtering or queueing a message it already has, and giving up early means sending it twice.
    smtp_data_timeout: float = 600.0
    # AUTH over a connection without TLS sends the password in clear: refused unless allowed
    # (a trusted relay on localhost or a private network).
    smtp_allow_plain_auth: bool = False
    # What a later run does with a message whose outcome is unknown (the connection was lost
    # after the whole message was handed over): "hold" it (report, never send twice) or "resend".
    smtp_unknown_outcome: Literal["hold", "resend"] = "hold"
    smtp_attempts: int = 4  # tries per message on 4xx / dropped connection / timeout
    smtp_backoff: float = 1.0  # seconds before the 2nd try, doubling each time
    from_addr: str = "Europäische Perspektive <briefing@localhost>"
    unsubscribe_url: str = "https://example.invalid/unsubscribe/{token}"
    unsubscribe_mailto: str | None = None
    list_id: str = "Europaeische Perspektive <briefing.localhost>"
    # The email footer's imprint (publisher, address, person responsible per § 18 MStV),
    # one line per line. A real send refuses to start without it; previews show a placeholder.
    imprint: str | None = None
    rate: float = 0.0  # messages per second, 0 = as fast as the server takes them
    log_file: str | None = None

    def sources_for(self, day: date) -> Path:
        """The sources folder of ``day``: ``sources`` with ``{date}`` replaced by YYYY-MM-DD."""
        return Path(self.sources.replace("{date}", day.isoformat()))

    def public(self) -> dict[str, Any]:
        """Settings as a dict with secrets masked, for logs and ``--help`` output."""
        d = dataclasses.asdict(self)
        for k in SECRET_KEYS:
            if d.get(k):
                d[k] = "***"
        return d


_ALIASES = {"from": "from_addr"}  # BRIEFING_FROM, `from = ...` in the file


def _coerce(name: str, tp: Any, raw: Any, origin: str) -> Any:
    """``raw`` (a TOML value or an environment string) as the field's type, or a one-line error."""
    args = get_args(tp)
    if raw is None:
        return None
    shown = _shown(name, raw)
    if args and all(isinstance(a, str) for a in args):  # Literal
        if raw not in args:
            raise SettingsError(f"{origin}: {name} must be one of {', '.join(args)}, not {shown}")
        return raw
    base = [a for a in args if a is not type(None)][0] if args else tp
    if base is bool:
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower() if isinstance(raw, str) else None
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise SettingsError(f"{origin}: {name} must be true or false, not {shown}")
    if base is int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lstrip("+-").isascii() and raw.strip().lstrip("+-").isdigit():
            try:
                return int(raw)
            except ValueError:  # more digits than Python converts (4,300): no setting is that large
                raise SettingsError(f"{origin}: {name} is out of range, not {shown}") from None
        raise SettingsError(f"{origin}: {name} must be a whole number, not {shown}")
    if base is float:
        value: float | None = None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            value = float(raw)
        elif isinstance(raw, str):
            try:
                value = float(raw)
            except ValueError:
                value = None
        if value is None:
            raise SettingsError(f"{origin}: {name} must be a number, not {shown}")
        if not math.isfinite(value):
            raise SettingsError(f"{origin}: {name} must be a finite number, not {shown}")
        return value
    if not isinstance(raw, str):  # a TOML table, list, number or date where text belongs
        raise SettingsError(f"{origin}: {name} must be a string, not {type(raw).__name__} {shown}")
    return raw


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def _shown(name: str, raw: Any) -> str:
    if name in SECRET_KEYS:
        return "the value given"
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


# Ranges checked once all layers are applied: (test, what the value must be).
_PORT = (lambda v: 1 <= v <= 65535, "a port between 1 and 65535")
_POSITIVE = (lambda v: v > 0, "greater than 0")
# The longest wait any setting may ask for: a daily run never needs to wait longer, and the
# operating system's timers overflow on values like 1e308 (time.sleep, socket timeouts).
MAX_WAIT_SECONDS = 86_400.0
# Tries per message; with the doubling backoff, more would only hold the run for hours.
MAX_ATTEMPTS = 100
_AT_MOST_A_DAY = (lambda v: v <= MAX_WAIT_SECONDS, f"at most {MAX_WAIT_SECONDS:.0f} (seconds, one day)")
_RATE = (lambda v: v == 0 or 1.0 / v <= MAX_WAIT_SECONDS,
         f"0 (no limit) or at least one message per day ({1 / MAX_WAIT_SECONDS:.3g} per second)")
_AT_MOST_ATTEMPTS = (lambda v: v <= MAX_ATTEMPTS, f"at most {MAX_ATTEMPTS}")
_NOT_NEGATIVE = (lambda v: v >= 0, "0 or more")
_PROBABILITY = (lambda v: 0 <= v <= 1, "between 0 and 1")
_AT_LEAST_ONE = (lambda v: v >= 1, "1 or more")
_NOT_EMPTY = (lambda v: bool(v.strip()), "a non-empty string")
_SINGLE_LINE = (lambda v: "\n" not in v and "\r" not in v, "a single line")
_ASCII = (lambda v: v.isascii(), "ASCII only (SMTP AUTH PLAIN/LOGIN as smtplib sends them take no other characters)")
_RULES: dict[str, tuple[tuple[Any, str], ...]] = {
    "sources": (_NOT_EMPTY,),
    "out": (_NOT_EMPTY,),
    "model": (_NOT_EMPTY,),
    "templates": (_NOT_EMPTY,),
    "db": (_NOT_EMPTY,),
    "title": (_NOT_EMPTY, _SINGLE_LINE),
    "from_addr": (_NOT_EMPTY, _SINGLE_LINE),
    "list_id": (_NOT_EMPTY, _SINGLE_LINE),
    "unsubscribe_url": (_NOT_EMPTY, _SINGLE_LINE),
    "unsubscribe_mailto": (_NOT_EMPTY, _SINGLE_LINE),
    "max_stories": (_AT_LEAST_ONE,),
    "quote_threshold": (_PROBABILITY,),
    "smtp_host": (_NOT_EMPTY, _SINGLE_LINE),
    "smtp_port": (_PORT,),
    "smtp_user": (_NOT_EMPTY, _SINGLE_LINE, _ASCII),
    "smtp_password": (_SINGLE_LINE, _ASCII),
    "smtp_timeout": (_POSITIVE, _AT_MOST_A_DAY),
    "smtp_data_timeout": (_POSITIVE, _AT_MOST_A_DAY),
    "smtp_attempts": (_AT_LEAST_ONE, _AT_MOST_ATTEMPTS),
    "smtp_backoff": (_NOT_NEGATIVE, _AT_MOST_A_DAY),
    "rate": (_NOT_NEGATIVE, _RATE),
    "log_file": (_NOT_EMPTY,),
}


def validate(settings: Settings) -> Settings:
    """Check every range rule of :data:`_RULES`; return ``settings`` or raise a one-line SettingsError."""
    for name, rules in _RULES.items():
        value = getattr(settings, name)
        if value is None:
            continue
        for test, what in rules:
            if not test(value):
                raise SettingsError(f"{name} must be {what}, not {_shown(name, value)}")
    return settings


def _known() -> dict[str, Any]:
    hints = get_type_hints(Settings)
    return {f.name: hints[f.name] for f in fields(Settings)}


def _apply(values: dict[str, Any], layer: dict[str, Any], origin: str) -> None:
    known = _known()
    for key, raw in layer.items():
        name = _ALIASES.get(key, key)
        if name not in known:
            raise SettingsError(f"{origin}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        values[name] = _coerce(name, known[name], raw, origin)


def read_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a ``briefing.toml``; a ``[briefing]`` table or top-level keys."""
    p = Path(path)
    try:
        data = read_toml(p, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise SettingsError(f"config file {p} does not exist") from None
    except OSError as e:
        raise SettingsError(f"config file {p} cannot be read: {e.strerror or e}") from None
    except ValueError as e:
        raise SettingsError(f"config file {p} {e}") from None
    if isinstance(data.get("briefing"), dict):
        extra = [k for k in data if k != "briefing"]
        if extra:
            raise SettingsError(f"config file {p}: unknown table or key {extra[0]!r}")
        data = data["briefing"]
    return data


def load(
    config: str | None = None,
    env: dict[str, str] | None = None,
    flags: dict[str, Any] | None = None,
) -> Settings:
    """Build the settings from all layers. ``flags`` with value None are ignored."""
    env = dict(os.environ if env is None else env)
    values: dict[str, Any] = {}
    config = config or env.get("BRIEFING_CONFIG")
    if config:
        _apply(values, read_file(config), f"config file {config}")
    env_layer = {
        k[len(ENV_PREFIX) :].lower(): v
        for k, v in env.items()
        if k.startswith(ENV_PREFIX) and k not in _ENV_META
    }
    _apply(values, env_layer, "environment")
    _apply(values, {k: v for k, v in (flags or {}).items() if v is not None}, "command line")
    return validate(Settings(**values))
