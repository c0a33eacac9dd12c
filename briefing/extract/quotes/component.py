"""The ``briefing_quotes`` spaCy component: quotations of a Doc as records and spans."""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from briefing.extract.docdata import ACTORS, QUOTES, ext_data
from briefing.extract.quotes.confidence import with_confidence
from briefing.extract.quotes.extract import extract_quotes
from briefing.extract.quotes.records import to_records
from briefing.extract.quotes.resolve import shown_name
from briefing.extract.quotes.speaker_names import TextWords
from briefing.extract.sentences import TEXT_KEY, split_sentences
from briefing.extract.sentences import USER_DATA_KEY as SENTENCE_SPANS_KEY

log = logging.getLogger(__name__)


@Language.factory(
    "briefing_quotes",
    default_config={},
    assigns=["doc._.briefing_quotes", "doc.spans"],
    requires=["token.is_sent_start", "doc._.briefing_actors"],
)
def make_quotes(nlp: Language, name: str) -> QuoteComponent:
    return QuoteComponent()


class QuoteComponent:
    """Stores list[Quote] on ``doc._.briefing_quotes`` and spans in ``doc.spans["briefing_quotes"]``."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(TEXT_KEY)  # set by briefing_sentences (retokenising keeps the text)
        if text is None:
            text = doc.text
        sents = doc.user_data.get(SENTENCE_SPANS_KEY)
        if sents is None:
            try:
                sents = [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else []
            except ValueError:  # no sentence boundaries set by any component
                sents = split_sentences(text)
        found, warnings = extract_quotes(text, sents)
        for w in warnings:
            log.warning("quotes: %s", w)
        actors = list(ext_data(doc).get(ACTORS) or [])  # (doc._ without its accessor object: docdata)
        words = TextWords(text)  # (the records and the confidence features ask about the same names)
        records = to_records(text, found, sents, actors, words)
        quotes = [shown_name(text, q) for q in with_confidence(text, found, records, sents, actors, words=words)]
        ext_data(doc)[QUOTES] = quotes
        spans = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["briefing_quotes"] = spans
        return doc
