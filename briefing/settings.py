"""One typed settings object, layered.

shipped defaults < settings file (``--config`` or ``BRIEFING_CONFIG``) < ``BRIEFING_*``
environment variables < command-line flags.  Unknown keys in the file or the
environment are an error, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal, get_args, get_type_hints

from briefing.errors import SettingsError

ENV_PREFIX = "BRIEFING_"
# Environment variables that configure the loader itself, not a setting.
_ENV_META = {"BRIEFING_CONFIG"}
SECRET_KEYS = frozenset({"smtp_password"})


def _default_db() -> str:
    try:
        import platformdirs

        return str(Path(platformdirs.user_data_dir("briefing")) / "briefing.db")
    except Exception:  # platformdirs missing or no home: fall back to the working dir
        return "briefing.db"


@dataclass(frozen=True)
class Settings:
    """Every knob of the tool. Field names are the keys of ``briefing.toml``."""

    # build
    sources: str = "seeds"
    out: str = "out"
    undated: Literal["include", "exclude"] = "include"
    model: str = "blank"  # "blank" = spacy.blank("de") + our components, or a pipeline name/path
    templates: str | None = None  # folder with the user's own copy of the templates
    title: str = "Europäische Perspektive"
    max_stories: int = 8
    # delivery
    db: str = dataclasses.field(default_factory=_default_db)
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = dataclasses.field(default=None, repr=False)  # secret: never printed
    smtp_security: Literal["none", "starttls", "ssl"] = "none"
    smtp_timeout: float = 30.0
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

    def public(self) -> dict[str, Any]:
        """Settings as a dict with secrets masked, for logs and ``--help`` output."""
        d = dataclasses.asdict(self)
        for k in SECRET_KEYS:
            if d.get(k):
                d[k] = "***"
        return d


_ALIASES = {"from": "from_addr"}  # BRIEFING_FROM, `from = ...` in the file


def _coerce(name: str, tp: Any, raw: Any, origin: str) -> Any:
    args = get_args(tp)
    if raw is None:
        return None
    if args and all(isinstance(a, str) for a in args):  # Literal
        if raw not in args:
            raise SettingsError(f"{origin}: {name} must be one of {', '.join(args)}, not {raw!r}")
        return raw
    base = [a for a in args if a is not type(None)][0] if args else tp
    try:
        if base is int:
            return int(raw)
        if base is float:
            return float(raw)
        if base is bool:
            if isinstance(raw, bool):
                return raw
            return str(raw).lower() in {"1", "true", "yes", "on"}
        return str(raw)
    except (TypeError, ValueError):
        raise SettingsError(f"{origin}: {name} must be a {base.__name__}, not {raw!r}") from None


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
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"config file {p} does not exist") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SettingsError(f"config file {p} cannot be read: {e}") from None
    except tomllib.TOMLDecodeError as e:
        raise SettingsError(f"config file {p} is not valid TOML: {e}") from None
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
    return Settings(**values)
