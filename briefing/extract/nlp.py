"""The spaCy pipeline and the Extractor that turns an Article into ArticleFacts.

Default: ``spacy.blank("de")`` plus our components.  With ``model`` set to an
installed pipeline name or path, that pipeline is loaded and our components run
on top of it (they use its entities, parser or sentence boundaries where present).

Each component is registered with ``@Language.factory`` in its own module and
stores plain records (``briefing.models``) with character offsets on the Doc:

    doc._.briefing_actors     list[Actor]      (briefing_actors,    extract/actors.py)
    doc._.briefing_quotes     list[Quote]      (briefing_quotes,    extract/quotes/)
    doc._.briefing_figures    list[Figure]     (briefing_figures,   extract/figures.py)
    doc._.briefing_positions  list[Position]   (briefing_positions, extract/positions.py)
    doc._.briefing_outlook    list[Statement]  (briefing_outlook,   extract/outlook.py)

Sentence boundaries come from ``briefing_sentences`` (extract/sentences.py) unless
the loaded pipeline already sets them.  Doc, Span and Token never leave ``extract/``.

Each factory declares its ``default_config`` and the attributes it ``assigns`` and
``requires`` (quotes require the actors, to name speakers; positions require quotes
and actors); :func:`pipeline_order` adds the components in an order that satisfies
those declarations, and ``make_nlp().analyze_pipes(pretty=True)`` prints it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from briefing.errors import ExtractError
from briefing.extract.affixes import letter_word_wrappers
from briefing.extract.docdata import ACTORS, FIGURES, OUTLOOK, POSITIONS, QUOTES, ext_data
from briefing.extract.lexeme_attrs import speed_up_lexeme_attrs
from briefing.extract.sentences import TEXT_KEY, USER_DATA_KEY
from briefing.models import Article, ArticleFacts, Quote, Statement

log = logging.getLogger(__name__)

EXTENSIONS = ("briefing_actors", "briefing_quotes", "briefing_figures", "briefing_positions", "briefing_outlook")
# The components of a build; their order comes from what each factory requires and assigns.
COMPONENTS = ("briefing_actors", "briefing_quotes", "briefing_figures", "briefing_positions", "briefing_outlook")
# spaCy refuses longer texts by default; a 5 MB article is bad input we still survive.
MAX_TEXT_CHARS = 6_000_000
# spaCy's tokenizer splits a run of punctuation ("((((", "====", „„„„) one character per pass over
# the rest of the run: time quadratic in its length (4,000 "=" took 5 s; 100 KB of "[" did not
# finish in 120 s and held the build). Real text has no run this long without a space (separator
# lines aside), so every MAX_PUNCT_RUN-th character of a longer run becomes a space: one for one,
# so the length and every character offset stay the same.
MAX_PUNCT_RUN = 32
_PUNCT_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_PUNCT_RUN + 1},}}")  # \w has "_", which splits the same way


# ASCII whitespace (what str.split() splits at below 128) -> b" ", every other byte -> b"x"
_CHUNK_BYTES = bytes(32 if chr(b).isspace() else 120 for b in range(128)) + b"x" * 128
_LONG_CHUNK = b"x" * (MAX_PUNCT_RUN + 1)


def break_punctuation_runs(text: str) -> str:
    """``text`` with a space for every :data:`MAX_PUNCT_RUN`-th character of a longer punctuation run."""
    # A run lies inside one whitespace-free chunk: when no chunk is that long (nearly every article),
    # there is none. The chunks are measured in the UTF-8 bytes with the ASCII whitespace marked: a character
    # is one byte or more and other whitespace counts as no space, so no such run of bytes means no such chunk
    # (and a longer one is left to the regex). Three passes in C and no string per word: splitting the text at
    # whitespace (a string per word) cost ~5x as much, the regex's scan ~10x.
    if _LONG_CHUNK not in text.encode("utf-8", "surrogatepass").translate(_CHUNK_BYTES):
        return text

    def broken(m: re.Match[str]) -> str:
        run = m.group()
        return "".join(" " if i % MAX_PUNCT_RUN == MAX_PUNCT_RUN - 1 else c for i, c in enumerate(run))

    return _PUNCT_RUN.sub(broken, text)

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _register_components() -> None:
    """Import the modules whose import registers the factories."""
    from briefing.extract import actors, figures, outlook, positions, quotes, sentences  # noqa: F401


def pipeline_order(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` ordered so that each component comes after those among them assigning what it requires.

    Declared with each factory (``@Language.factory(..., assigns=..., requires=...)``); a requirement
    no listed component assigns (quotes without actors) is left to the pipeline.  Otherwise the
    given order is kept.

    Raises:
        ExtractError: the declarations form a cycle.
    """
    _register_components()
    metas = {n: Language.get_factory_meta(n) for n in names}
    remaining, ordered = list(names), []
    while remaining:
        for n in remaining:
            needs = set(metas[n].requires)
            if not any(needs & set(metas[m].assigns) for m in remaining if m != n):
                break
        else:
            raise ExtractError(f"components {', '.join(remaining)} require each other's results")
        ordered.append(n)
        remaining.remove(n)
    return tuple(ordered)


def make_nlp(model: str = "blank", components: tuple[str, ...] = COMPONENTS) -> Language:
    """Build the spaCy pipeline: blank German or ``model``, plus our components."""
    import spacy

    _register_components()
    if model in ("", "blank", None):
        nlp = spacy.blank("de")
    else:
        try:
            nlp = spacy.load(model)
        except (OSError, ImportError, ValueError) as e:
            raise ExtractError(f"cannot load spaCy pipeline {model!r}: {str(e).splitlines()[0]}") from None
    nlp.max_length = MAX_TEXT_CHARS
    nlp.tokenizer = _speed_up_tokenizer(nlp.tokenizer)
    speed_up_lexeme_attrs(nlp.vocab)
    has_sents = any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer"))
    if not has_sents:
        nlp.add_pipe("briefing_sentences", first=True)
    for name in pipeline_order(components):
        if not nlp.has_pipe(name):
            nlp.add_pipe(name)
    return nlp


def _speed_up_tokenizer(tokenizer: Any) -> Any:
    """A faster spaCy ``tokenizer`` that makes the same tokens (tested against the stock one).

    Its special cases for a bare line break, tab and space, which make that whitespace one token with
    nothing but its own text (as whitespace always is), go: every special case is also a pattern of a
    matcher run over each Doc, and each of its hits (every paragraph break) was retokenised through
    Python-level Span objects; and once a special case has been hit in a text, spaCy caches none of the
    text's later chunks (so a text's first line break ended its caching).  A custom tokenizer without
    these rules is left alone.  (spaCy's chunk cache keeps its default size: a larger one only paid in
    benchmarks that tokenise the same texts again, not in one pass over a day.)

    And a word of letters only no longer runs the affix and URL regexes that provably cannot match it
    (:func:`briefing.extract.affixes.letter_word_wrappers`).

    spaCy's own Tokenizer is built anew with all of this at once: each assignment to the old one would
    reload its 2,000 special cases (~0.02 s each, five times per process).  Another tokenizer class is
    changed in place.
    """
    from spacy.tokenizer import Tokenizer

    rules = getattr(tokenizer, "rules", None)
    kept = {k: v for k, v in rules.items() if not (k.isspace() and v == [{ORTH: k}])} if isinstance(
        rules, dict) else None
    wrappers = letter_word_wrappers(tokenizer)
    if type(tokenizer) is Tokenizer:
        return Tokenizer(
            tokenizer.vocab,
            rules=kept if kept is not None else rules,
            prefix_search=wrappers.get("prefix_search", tokenizer.prefix_search),
            suffix_search=wrappers.get("suffix_search", tokenizer.suffix_search),
            infix_finditer=wrappers.get("infix_finditer", tokenizer.infix_finditer),
            token_match=tokenizer.token_match,
            url_match=wrappers.get("url_match", tokenizer.url_match),
            faster_heuristics=tokenizer.faster_heuristics,
        )
    if kept is not None and rules is not None and len(kept) < len(rules):
        tokenizer.rules = kept
    for name, wrapper in wrappers.items():
        setattr(tokenizer, name, wrapper)
    return tokenizer


@dataclass
class Extractor:
    """Runs the pipeline over articles; one instance per build (loading costs ~1 s).

    The pipeline is fixed once the Extractor is made: its components are taken from
    ``nlp.pipeline`` once (that property builds a new list on every read, ~0.5 % of extraction).
    """

    nlp: Language
    _procs: tuple[Any, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._procs = tuple(proc for _, proc in self.nlp.pipeline)

    def make_doc(self, text: str) -> Doc:
        """The tokenised Doc the components run on, with its text shared (``Doc.text`` rebuilds it per token).

        Raises:
            ExtractError: the text is longer than the pipeline's ``max_length``.
        """
        if len(text) > self.nlp.max_length:
            raise ExtractError(f"text of {len(text):,} characters is longer than the limit of {self.nlp.max_length:,}")
        text = break_punctuation_runs(text)
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        return doc

    def doc(self, text: str) -> Doc:
        """Run the pipeline over ``text`` (see :meth:`make_doc`)."""
        doc = self.make_doc(text)
        for proc in self._procs:
            doc = proc(doc)
        return doc

    def extract(self, article: Article) -> ArticleFacts:
        doc = self.doc(article.text)
        return facts_from_doc(article, doc)

    def quotes(self, text: str) -> list[Quote]:
        return list(self.doc(text)._.briefing_quotes or [])


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences, from our sentencizer's record when it ran.

    Iterating ``doc.sents`` builds a Token object per token; on a blank pipeline that was
    the most expensive step of the whole extraction, so the sentencizer's spans are reused.
    """
    spans = doc.user_data.get(USER_DATA_KEY)
    if spans is not None:
        return list(spans)
    return [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else []


def facts_from_doc(article: Article, doc: Doc) -> ArticleFacts:
    data = ext_data(doc)  # (doc._ without its accessor object: docdata)

    def get(key: tuple[str, str, None, None]) -> tuple[Any, ...]:
        return tuple(data.get(key) or ())

    text = doc.user_data.get(TEXT_KEY) or doc.text

    sentences = tuple(Statement(text[b:e], b, e) for b, e in sentence_spans(doc))
    return ArticleFacts(
        article=article,
        actors=get(ACTORS),
        quotes=get(QUOTES),
        figures=get(FIGURES),
        positions=get(POSITIONS),
        outlook=get(OUTLOOK),
        sentences=sentences,
    )


def load_pipeline(model: str = "blank") -> Extractor:
    """The extractor for ``model`` ("blank" = spacy.blank("de") + our components)."""
    return Extractor(make_nlp(model))
