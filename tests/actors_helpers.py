"""Small pipelines for the extraction unit tests (blank German + the components under test)."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language


@functools.cache
def pipeline(*components: str) -> Language:
    """spacy.blank("de") + our sentence splitter + ``components`` (cached per combination)."""
    from briefing.extract import actors, figures, outlook, positions, sentences  # noqa: F401
    from briefing.extract.nlp import MAX_TEXT_CHARS

    nlp = spacy.blank("de")
    nlp.max_length = MAX_TEXT_CHARS
    nlp.add_pipe("briefing_sentences")
    for name in components:
        nlp.add_pipe(name)
    return nlp


def actors_of(text: str) -> list:
    return list(pipeline("briefing_actors")(text)._.briefing_actors)


def person(text: str, surname: str):
    """The person actor whose name or alias contains ``surname`` (None if absent)."""
    for a in actors_of(text):
        if a.kind == "person" and any(surname in n for n in (a.name, *a.aliases)):
            return a
    return None
