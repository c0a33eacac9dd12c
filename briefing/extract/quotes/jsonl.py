"""``briefing quotes IN.jsonl > OUT.jsonl``: quotations of JSONL documents.

Each input line is ``{"id", "text", ...}``; each output line is
``{"id", "quotes": [{"kind", "span": [b, e], "speaker": {"span": [b, e] | null, "name"}, "confidence"}]}``
(a relayed quotation also as a second record with ``"relay": true``, see :func:`quote_records`) with
offsets into the input ``text`` exactly as given (no cleaning).  A line that is
not valid JSON, or has no text, is reported on stderr with its line number and
skipped (or answered with an empty result when its id is known).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import IO, Any

from spacy.language import Language

from briefing.models import Quote

log = logging.getLogger(__name__)

# The components the quotation command needs; actors link speakers to full names.
QUOTE_COMPONENTS = ("briefing_actors", "briefing_quotes")


def build_nlp(model: str = "blank") -> Language:
    """The pipeline for quotations: sentences, actors (to name speakers) and quotes."""
    from briefing.extract.nlp import make_nlp

    return make_nlp(model, components=QUOTE_COMPONENTS)


def _lines(infile: IO[str]) -> Iterator[tuple[int, str | None]]:
    """Numbered lines; a line that is not UTF-8 comes as None instead of ending the run."""
    raw = getattr(infile, "buffer", None)
    if raw is None:
        yield from enumerate(infile, 1)
        return
    for lineno, data in enumerate(raw, 1):
        try:
            yield lineno, data.decode("utf-8")
        except UnicodeDecodeError:
            yield lineno, None


def _quotes_only(model: str) -> Language:
    from briefing.extract.nlp import make_nlp

    return make_nlp(model, components=("briefing_quotes",))


def quote_to_json(q: Quote) -> dict[str, Any]:
    """The public JSON of one quotation (eval contract, README §1)."""
    span = [q.speaker_start, q.speaker_end] if q.speaker_start is not None else None
    return {
        "kind": q.kind,
        "span": [q.start, q.end],
        "speaker": {"span": span, "name": q.speaker_name},
        "confidence": q.confidence,
    }


def quote_records(q: Quote) -> list[dict[str, Any]]:
    """The public JSON records of one quotation: itself, and for words a medium relays ("zitiert die
    Zeitung den Minister") a second record of the same words with the medium as the speaker and
    ``"relay": true``, as the benchmark annotates a relayed quotation twice (README §1).  A consumer
    that wants each quotation once skips the relay records."""
    rec = quote_to_json(q)
    if q.relay_start is None or q.relay_end is None:
        return [rec]
    relay = dict(rec, speaker={"span": [q.relay_start, q.relay_end], "name": q.relay_name}, relay=True)
    return [rec, relay]


def quotes_jsonl(infile: IO[str], outfile: IO[str], model: str = "blank") -> None:
    """Read JSONL documents from ``infile`` and write one line of quotations per document.

    Args:
        infile: text stream of JSON lines with at least "id" and "text".
        outfile: text stream for the result lines.
        model: "blank" or an installed spaCy pipeline.
    """
    from briefing.extract.nlp import break_punctuation_runs

    nlp = build_nlp(model)
    fallback: Language | None = None  # quotes without actor linking, if another component fails
    max_len = nlp.max_length
    for lineno, line in _lines(infile):
        if line is None:
            log.warning("line %d: not UTF-8 text: skipped", lineno)
            continue
        if not line.strip():
            continue
        try:
            doc_in = json.loads(line)
        except json.JSONDecodeError as e:
            log.warning("line %d: not valid JSON (%s): skipped", lineno, e.msg)
            continue
        except (RecursionError, ValueError):  # nested too deeply; an integer of over 4,300 digits
            log.warning("line %d: not valid JSON (nested too deeply or a number too long): skipped", lineno)
            continue
        if not isinstance(doc_in, dict) or "id" not in doc_in:
            log.warning('line %d: no "id": skipped', lineno)
            continue
        text = doc_in.get("text")
        quotes: list[dict[str, Any]] = []
        if not isinstance(text, str):
            log.warning('line %d (id %s): no "text" string: no quotations', lineno, doc_in["id"])
        elif len(text) > max_len:
            log.warning("line %d (id %s): text longer than %d characters: no quotations", lineno, doc_in["id"], max_len)
        else:
            text = break_punctuation_runs(text)  # one for one: the quotes' offsets are the input's
            try:
                doc = nlp(text)
            except Exception as e:  # noqa: BLE001 - another stage's component must not cost us the document
                log.warning(
                    "line %d (id %s): pipeline failed (%s: %s); quotations without actor linking",
                    lineno,
                    doc_in["id"],
                    type(e).__name__,
                    e,
                )
                if fallback is None:
                    fallback = _quotes_only(model)
                try:
                    doc = fallback(text)
                except Exception as e2:  # noqa: BLE001 - one bad document must not end the run
                    log.warning("line %d (id %s): no quotations (%s: %s)", lineno, doc_in["id"], type(e2).__name__, e2)
                    doc = None
            quotes = [r for q in (doc._.briefing_quotes or []) for r in quote_records(q)] if doc is not None else []
        outfile.write(json.dumps({"id": doc_in["id"], "quotes": quotes}, ensure_ascii=False) + "\n")
