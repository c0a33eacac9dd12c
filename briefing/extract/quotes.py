"""Quotation extraction (direct and indirect speech) with speaker attribution.

Work in progress: registers the ``briefing_quotes`` factory so that
``make_nlp()`` works; the rules follow.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("briefing_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteComponent:
    return QuoteComponent()


class QuoteComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.briefing_quotes = []
        return doc
