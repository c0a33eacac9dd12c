"""briefing_figures component (first version: registers the factory; extraction follows)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("briefing_figures")
def make_figures(nlp: Language, name: str) -> "_Component":
    return _Component()


class _Component:
    def __call__(self, doc: Doc) -> Doc:
        doc._.briefing_figures = []
        return doc
