"""Files -> Article: reading, encodings, page furniture, dates, publishers, duplicates.

Public interface (called by :func:`briefing.pipeline.build_day`):

* :func:`read_folder` -- every article file of a folder as cleaned :class:`Article` records,
  plus the files that cannot be used, each with a reason;
* :func:`select_day` -- the articles of one day, background articles of earlier days and
  everything excluded (:class:`DaySelection`).

The modules: ``read`` (files, encodings, metadata sidecars), ``html`` (web pages as a reader
sees them: dateline, furniture in the markup, plain-text blocks, interview turns), ``clean``
(furniture, paragraphs, the map back to the file), ``dates``, ``infer`` (dates of undated
articles from the folder's other articles), ``publishers``, ``language``, ``dedupe``,
``select``; their language knowledge lives in ``data/``.
"""

from briefing.ingest.read import read_article, read_folder
from briefing.ingest.select import DaySelection, select_day

__all__ = ["DaySelection", "read_article", "read_folder", "select_day"]
