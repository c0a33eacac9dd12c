"""briefing_positions component (first version: registers the factory; extraction follows)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("briefing_positions")
def make_positions(nlp: Language, name: str) -> "_Component":
    return _Component()


class _Component:
    def __call__(self, doc: Doc) -> Doc:
        doc._.briefing_positions = []
        return doc
