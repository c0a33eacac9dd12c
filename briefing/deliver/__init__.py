"""Delivery: subscribers, the send ledger and SMTP (``briefing send``, ``briefing subscribers``).

``send_day`` is imported lazily so ``briefing subscribers list`` loads neither
the email package's MIME machinery nor Babel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.deliver.send import SendReport, send_day

__all__ = ["SendReport", "send_day"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from briefing.deliver import send

        return getattr(send, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
