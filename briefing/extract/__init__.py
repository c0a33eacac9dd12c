"""Article -> ArticleFacts: the spaCy pipeline, its components and German lexicons."""

from __future__ import annotations

from typing import Any

from briefing.extract.compiled import use_current_code

use_current_code()  # before any compiled module loads: stale compiled code is never run (compiled.py)

from briefing.extract.nlp import Extractor, load_pipeline, make_nlp  # noqa: E402


def quotes_jsonl(infile: Any, outfile: Any, model: str = "blank") -> None:
    """``briefing quotes``: JSONL documents in, one JSONL line of quotes per document out."""
    from briefing.extract.quotes.jsonl import quotes_jsonl as run

    run(infile, outfile, model=model)


__all__ = ["Extractor", "load_pipeline", "make_nlp", "quotes_jsonl"]
