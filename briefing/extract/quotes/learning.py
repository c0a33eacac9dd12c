"""Learned word sets that a learning script replaces while it tries other values.

``scripts/learn_complement_words.py`` and ``scripts/learn_konjunktiv_alone.py`` run the extraction with
candidate word sets in place of the shipped ones.  The functions that return those sets
(:func:`briefing.extract.quotes.indirect.complement_words`,
:func:`briefing.extract.quotes.konjunktiv.konjunktiv_alone`) ask :func:`replaced` first: an injection point
that holds whether or not their modules are compiled (a compiled caller would not see a function swapped on
its module).  This module itself is never compiled (it holds no hot code).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# The learned sets a script has replaced: name -> the set used instead (empty outside the learning scripts).
_REPLACED: dict[str, frozenset[str]] = {}


def replaced(name: str) -> frozenset[str] | None:
    """The set that replaces the learned set ``name`` now (None: the shipped one is used)."""
    return _REPLACED.get(name)


@contextmanager
def replacing(name: str, value: frozenset[str]) -> Iterator[None]:
    """Use ``value`` as the learned set ``name`` inside the ``with`` block (the shipped one after it)."""
    if name in _REPLACED:
        raise RuntimeError(f"the learned set {name} is replaced already")
    _REPLACED[name] = value
    try:
        yield
    finally:
        del _REPLACED[name]
