"""Sentence boundaries for German news text on a blank pipeline.

A first version: spaCy's rule-based Sentencizer plus a boundary at every blank
line (paragraphs, headings).  The quotes engineer owns and refines this module.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc


@Language.factory("briefing_sentences")
def make_sentences(nlp: Language, name: str) -> "ParagraphSentencizer":
    return ParagraphSentencizer()


class ParagraphSentencizer:
    def __init__(self) -> None:
        self._inner = Sentencizer()

    def __call__(self, doc: Doc) -> Doc:
        doc = self._inner(doc)
        for i, tok in enumerate(doc[:-1]):
            if "\n" in tok.text_with_ws[len(tok.text):] or (tok.is_space and "\n" in tok.text):
                doc[i + 1].is_sent_start = True
        return doc
