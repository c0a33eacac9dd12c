"""briefing: a daily multi-perspective news briefing from German articles."""

__version__ = "0.1.0"
