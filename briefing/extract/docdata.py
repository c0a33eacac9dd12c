"""Our ``doc._`` extension values, read and written where spaCy keeps them: ``doc.user_data``.

Every ``doc._`` builds an accessor object, and each attribute read or write through it looks the
extension up and builds its key again (~1.2-1.7 us each; a document's components made ~6 accessors,
~5 writes and ~8 reads: a few per cent of the fixed cost of a one-sentence article). spaCy stores a
plain extension's value (one with a default, no getter, setter or method) in ``doc.user_data`` under
``("._.", name, None, None)`` and reads it from there, so these keys give the same reads and writes
without the accessor: ``ext_data(doc)[QUOTES] = quotes`` is ``doc._.briefing_quotes = quotes``, and
``ext_data(doc).get(QUOTES)`` its read (every default is None).  Only for the default-only extensions
``nlp.py`` registers (tested against ``doc._`` for each of them).
"""

from __future__ import annotations

from typing import Any, cast

from spacy.tokens import Doc


def ext_key(name: str) -> tuple[str, str, None, None]:
    """The ``doc.user_data`` key under which spaCy keeps the value of ``doc._.<name>``."""
    return ("._.", name, None, None)


ACTORS = ext_key("briefing_actors")
QUOTES = ext_key("briefing_quotes")
FIGURES = ext_key("briefing_figures")
POSITIONS = ext_key("briefing_positions")
OUTLOOK = ext_key("briefing_outlook")


def ext_data(doc: Doc) -> dict[Any, Any]:
    """``doc.user_data``, typed for these tuple keys (spaCy's stubs declare str keys; spaCy itself uses tuples)."""
    return cast("dict[Any, Any]", doc.user_data)
