"""Domain exceptions. Only ``cli.py`` turns them into click errors."""


class BriefingError(Exception):
    """Base class: the message is one line a user can act on."""


class SettingsError(BriefingError):
    """A settings file, environment variable or flag is wrong."""


class IngestError(BriefingError):
    """The sources cannot be read as a whole (missing folder, no article for the day)."""


class ExtractError(BriefingError):
    """The NLP pipeline cannot be loaded or run."""


class AssembleError(BriefingError):
    """The briefing cannot be assembled."""


class RenderError(BriefingError):
    """Templates, HTML or PDF cannot be produced or written."""


class DeliverError(BriefingError):
    """Subscribers, the ledger or SMTP failed."""


class CollectError(BriefingError):
    """The feeds file or the day's sources folder cannot be used (one failing feed is not this)."""
