"""What the quotation steps share: the records they pass on and the constants more than one uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract.quotes.speakers import Phrase

# A quotation of at least this many words is speech even without a cue nearby; shorter
# ones are scare quotes, titles or names unless reported speech surrounds them.
LONG_QUOTE_WORDS = 7
# How many sentences back a pronoun or an unattributed quotation looks for its speaker.
SPEAKER_LOOKBACK_SENTENCES = 3
# Reported clauses shorter than this many words are not worth reporting ("sagte, ja").
MIN_INDIRECT_WORDS = 3

DQUOTES = '„“”"»«'
# "letztere", "Erstere", "der Letztgenannte": the last or first of the persons named just before.
ORDINAL_ANAPHOR = re.compile(r"(?:(?:der|die|das) )?(letzt|erst)(?:ere[rsmn]?|genannte[rnms]?)", re.IGNORECASE)
WORD = re.compile(r"\w+")
# Characters that are never part of a ``\w`` word, stripped from the ends of a whitespace-separated piece by
# :func:`words_in` (tests/test_words_in.py checks that none is a word character).
WORD_EDGES = ".,;:!?\"'()[]«»„“”‚‘’–—-/…*%&+=<>|"
DEFINITE = frozenset(["der", "die", "das", "des", "dem", "den"])


@dataclass(frozen=True)
class Pair:
    """A quotation in marks: ``start``/``end`` include the marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int

    def __init__(self, start: int, end: int, inner_start: int, inner_end: int) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "inner_start", inner_start)
        object.__setattr__(self, "inner_end", inner_end)


@dataclass
class Cue:
    """A speech cue: the verb or marker, the frame it spans and its speaker."""

    kind: str  # verb, marker, so, name (a naming/judging verb: partial quotations only)
    start: int
    end: int
    sent: int
    word: str
    speaker: Phrase | None
    frame_start: int = 0
    frame_end: int = 0
    lemma: str = ""
    participle: bool = False
    # The words of the cue's own sentence that stand for a source named elsewhere ("Demnach",
    # "…, wonach", "nach eigenen Angaben"): the speaker's mention there; the name comes from
    # ``speaker`` or, when that is None, from the context.
    mention: Phrase | None = None
    # "zitiert die Zeitung den Minister", "wird von der Zeitung zitiert": the medium that relays the words
    # of ``speaker`` (who said them).
    relay: Phrase | None = None

    def __init__(
        self, kind: str, start: int, end: int, sent: int, word: str, speaker: Phrase | None,
        frame_start: int = 0, frame_end: int = 0, lemma: str = "", participle: bool = False,
        mention: Phrase | None = None, relay: Phrase | None = None,
    ) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        self.kind = kind
        self.start = start
        self.end = end
        self.sent = sent
        self.word = word
        self.speaker = speaker
        self.frame_start = frame_start
        self.frame_end = frame_end
        self.lemma = lemma
        self.participle = participle
        self.mention = mention
        self.relay = relay


# How the rules find a speaker (``Found.how``): "after" (a cue after the quotation), "colon" (a cue before
# its colon), "colon_np" (a subject before the colon), "bracket", "sentence", "cue" (an indirect clause of
# a speech cue), "continuation" (a Konjunktiv sentence continuing an attributed quotation), "subject",
# "next", "previous", "context", "free", "reported" (a speech-act sentence without Konjunktiv,
# speech_acts.py), "complement" (a clause after a learned complement word, indirect.complement_quotes).
HOWS = (
    "after",
    "colon",
    "colon_np",
    "bracket",
    "sentence",
    "cue",
    "continuation",
    "subject",
    "next",
    "previous",
    "context",
    "free",
    "reported",
    "complement",
)


@dataclass
class Found:
    """A quotation found in the text (internal, before actor linking)."""

    kind: str
    start: int
    end: int
    speaker: Phrase | None
    cue: str | None
    sent: int = 0
    attributed: bool = field(default=True)
    # Which rule found the speaker (one of :data:`HOWS`, or "" / "none").  The confidence model and the
    # speaker ranker read it (quotes/confidence.py, quotes/ranker.py).
    how: str = ""
    cue_kind: str = ""  # the cue's kind (verb, marker, so, name); "" without a cue
    sent_end: int = -1  # last sentence of a multi-sentence quotation (free reported speech)
    mention: Phrase | None = None  # an anaphoric mention in the quotation's sentence (see Cue.mention)
    # A direct quotation's probability of being speech rather than a title, name or scare quote
    # (quotes/quoted_speech.py); None for the other kinds.
    speech: float | None = None
    # The speaker ranker's view (quotes/ranker.py): its probability that the chosen mention spoke, how far
    # that stands above the best rival naming someone else, and whether it overrode the rules' pick.
    rank_p: float | None = None
    rank_margin: float | None = None
    ranked: bool = False
    # Where the ranker overrode the rules' pick: that pick, the mention it was shown at, and the ranker's view of
    # it (probability, lead): the records put it back when the ranker's choice names no one (records.to_records).
    rules_pick: tuple[Phrase | None, Phrase | None, float, float] | None = None
    # Left without a speaker on purpose (resolve.resolve_missing_speakers lends it none): a quoted fragment
    # kept only because the sentence before reports speech, whose words it may be or its own subject's.
    speakerless: bool = False
    # The medium that relays the speaker's words (Cue.relay), kept while the cue's speaker is the speaker.
    relay: Phrase | None = None

    def __init__(
        self, kind: str, start: int, end: int, speaker: Phrase | None, cue: str | None, sent: int = 0,
        attributed: bool = True, how: str = "", cue_kind: str = "", sent_end: int = -1,
        mention: Phrase | None = None, speech: float | None = None, rank_p: float | None = None,
        rank_margin: float | None = None, ranked: bool = False, speakerless: bool = False,
        relay: Phrase | None = None, rules_pick: tuple[Phrase | None, Phrase | None, float, float] | None = None,
    ) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        self.kind = kind
        self.start = start
        self.end = end
        self.speaker = speaker
        self.cue = cue
        self.sent = sent
        self.attributed = attributed
        self.how = how
        self.cue_kind = cue_kind
        self.sent_end = sent_end
        self.mention = mention
        self.speech = speech
        self.rank_p = rank_p
        self.rank_margin = rank_margin
        self.ranked = ranked
        self.speakerless = speakerless
        self.relay = relay
        self.rules_pick = rules_pick


def words_in(text: str, start: int, end: int) -> list[str]:
    """The ``\\w+`` words of ``text[start:end]``: ``WORD.findall(text, start, end)``, faster.

    The range is split at whitespace (never a word character) and each piece stripped of
    :data:`WORD_EDGES` (never word characters); a piece left with alphanumeric characters only
    (``str.isalnum``, the test ``\\w`` makes, which also takes "_") is one word, the rest ("CDU-Chef",
    "3,5") are read by ``WORD``.  Most pieces of a German sentence are words with a comma or period at most: the regex
    engine's per-character category test and its scan for a word's start are left out for them.
    """
    out: list[str] = []
    edges = WORD_EDGES
    # (findall takes a negative position as 0, where a slice counts it from the end)
    for piece in text[max(start, 0) : max(end, 0)].split():
        core = piece.strip(edges)
        if core.isalnum():
            out.append(core)
        elif core:
            out.extend(WORD.findall(core))
    return out
