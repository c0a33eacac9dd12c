"""Feeds and pages -> the day's sources folder (HTML pages with metadata sidecars).

Public interface (called by ``briefing collect``): :func:`collect_day`, which reads the feeds
file (:mod:`briefing.collect.feeds`), fetches politely (:mod:`briefing.collect.fetch`) and
writes the pages and their sidecars (:mod:`briefing.collect.store`) for ``ingest`` to read.
"""

from briefing.collect.run import CollectReport, collect_day

__all__ = ["CollectReport", "collect_day"]
