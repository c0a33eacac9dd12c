"""Files -> Article: reading, encodings, page furniture, dates, publishers, duplicates.

Public interface (called by :func:`briefing.pipeline.build_day`):

* :func:`read_folder` -- every article file of a folder as cleaned :class:`Article` records,
  plus the files that cannot be used, each with a reason;
* :func:`select_day` -- the articles of one day, background articles of earlier days and
  everything excluded (:class:`DaySelection`).

The modules: ``read`` (files, encodings, metadata sidecars, HTML), ``clean`` (furniture,
paragraphs, the map back to the file), ``dates``, ``publishers``, ``language``, ``dedupe``,
``select``; their language knowledge lives in ``data/``.
"""

from briefing.ingest.read import read_article, read_folder
from briefing.ingest.select import DaySelection, select_day

__all__ = ["DaySelection", "read_article", "read_folder", "select_day"]
