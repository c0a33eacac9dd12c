"""Quotation extraction: direct and indirect speech with their speakers.

Rules over the text, its sentences and German lexicons (``lexicons/de/``); no
parser is needed.  The steps, each a plain function:

1. :func:`find_pairs` pairs quotation marks of every German style („…“ "…" »…« «…» “…”),
   closes a quotation left open at a paragraph break (multi-paragraph quotes)
   and drops unbalanced marks with a warning.
2. :func:`find_cues` finds speech cues outside quotations: speech verbs (with
   separable particles: "teilte … mit"), "laut X", "X zufolge", "nach Angaben
   X", ", so X", "hieß es aus X" — each with its speaker phrase (speakers.py).
3. Direct quotations are attributed to the cue right after them („…“, sagte X),
   the cue before a colon (X sagte: „…“ / X: „…“), a cue in the same sentence,
   or a neighbouring quotation's speaker.  Short quotations (scare quotes,
   titles) are kept only inside reported speech.
4. Indirect speech: the clause after "sagte," (dass-clause, Konjunktiv, zu-infinitive),
   the clause before ", sagte X", the sentence (or subordinate clause) around
   "laut/zufolge/nach Angaben/wonach/Demnach", following sentences in Konjunktiv I
   (same speaker), and unattributed Konjunktiv I or reportative "soll … haben"
   sentences (free reported speech, speaker from the context).
5. Unattributed quotations take the nearest evidence: a titled subject or pronoun
   in their sentence, a neighbouring attributed quotation, a person named just before.
6. Speakers are linked to actors (``doc._.briefing_actors``) by overlapping
   mentions; pronouns are resolved to the preceding named speaker or person.
7. Precision first: a speaker name that names no one - a common noun ("Angaben"), a
   compound of one, an adverb or a fragment (:func:`speaker_names.names_someone`) - is
   dropped; the speaker's mention (its span) stays.

Every rule was tuned on the training split of the WikiNews quotation data
(../shared/eval/quotes/train.jsonl) and is scored on dev; nothing is specific
to a document.

``extract_quotes(text, sentences)`` works on a plain string and is what the
component, the JSONL command and the tests use.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from briefing.extract.quote_lexicon import attribution_markers, is_role, naming_verbs, speech_verbs, word_set
from briefing.extract.sentences import TEXT_KEY, split_sentences
from briefing.extract.sentences import USER_DATA_KEY as SENTENCE_SPANS_KEY
from briefing.extract.speaker_names import TextWords, names_someone
from briefing.extract.speakers import (
    Phrase,
    clause_subject,
    noun_phrases,
    person_score,
    phrase,
    read_np,
    subject_for_verb,
    tokens,
)
from briefing.lang.de import AUXILIARIES
from briefing.models import Actor, Quote

log = logging.getLogger(__name__)

# A quotation of at least this many words is speech even without a cue nearby; shorter
# ones are scare quotes, titles or names unless reported speech surrounds them.
LONG_QUOTE_WORDS = 7
# A quotation still open after this many characters without a closing mark is broken.
MAX_QUOTE_CHARS = 5000
# How many sentences back a pronoun or an unattributed quotation looks for its speaker.
SPEAKER_LOOKBACK_SENTENCES = 3
# Reported clauses shorter than this many words are not worth reporting ("sagte, ja").
MIN_INDIRECT_WORDS = 3
# A pronoun's antecedent is searched among this many preceding quotations' speakers.
PRONOUN_LOOKBACK_QUOTES = 5
# A separable particle further than this many tokens from its verb belongs to another clause.
MAX_PARTICLE_DISTANCE = 16
# A quotation this short followed by a verb without a comma is the subject (a name), not speech.
SUBJECT_QUOTE_MAX_CHARS = 30
# "„…“, hatte der Minister am Montag in Berlin gesagt": words between auxiliary and participle.
MAX_AUX_GAP_WORDS = 8
# "sagte am Montag in Berlin, …": words allowed between a speech verb and its comma clause.
MAX_SPEAKER_GAP_WORDS = 6
# Konjunktiv continuation sentences after an attributed quotation, at most.
MAX_CONTINUATION_SENTENCES = 6

_OPEN_ONLY = "„"
_DQUOTES = '„“”"»«'
_QUOTE_CHARS = re.compile(r"[„“”\"»«]")
_WORD = re.compile(r"\w+")
_SENT_FINAL = re.compile(r"[.!?…]\W*$")
_AUX = AUXILIARIES
# The 3rd person singular Konjunktiv I of -ieren verbs ("er resultiere"); no adjective or
# lowercase noun ends like this, so it needs no list.
_KONJ_I_SUFFIX = "iere"
# Shorter words ending so include the adjective "schiere"; the verbs are mostly longer ("studiere").
_KONJ_I_MIN_LEN = 8
# Whole \w+ words ending so (a match starts at the first word character it can).
_KONJ_I_WORD = re.compile(r"\w*" + _KONJ_I_SUFFIX + r"(?!\w)")
_SUBORDINATORS = word_set("subordinators.txt")
_STRONG_KONJ_EXCLUDE = frozenset(
    ["hätte", "hätten", "wäre", "wären", "würde", "würden", "könnten", "müssten", "dürften", "sollten"]
)
# Words before a capitalised short quotation that make it a quoted phrase, not a name, when
# the sentence reports speech ("sprachen von „Panikverkäufen“", "Sprüche wie „Gefälschte Demokratie“").
_PHRASE_INTRO = frozenset(["als", "ein", "eine", "einen", "einem", "einer", "vor", "wie", "zu"])
# Lowercase words after „…“, that do not start an attribution clause.
# In reported speech "warnte vor den „Lohnverzichtstheorien“", "wies auf die „Persönlichkeitsrechte“
# hin": after these prepositions an article + quoted noun is what was said, not a name.
_SPEECH_OBJECT_PREPS = frozenset(["vor", "auf", "gegen"])
# "Der Name lautet „…“": verbs that give a name to the noun before them.
_NAMING_COPULA = frozenset(["lautet", "lautete", "lauten", "lauteten", "heißt", "hieß", "ist", "war"])
_NOT_VERBS = frozenset(["sondern", "aber", "denn", "doch", "oder", "und", "heißt", "also", "bzw"])
_COPULA = frozenset(["sind", "waren", "werden", "haben", "hatten", "können", "müssen", "wollen", "sollen", "dürfen"])
# Words that open a subordinate or relative clause after a comma.
_CLAUSE_INTRO = frozenset(
    [
        "die",
        "der",
        "das",
        "dem",
        "den",
        "deren",
        "dessen",
        "welche",
        "welcher",
        "welches",
        "weil",
        "dass",
        "da",
        "wenn",
        "ob",
        "während",
        "obwohl",
        "nachdem",
        "wobei",
        "worauf",
        "womit",
        "wodurch",
        "wonach",
        "sodass",
    ]
)
# Speech acts whose content may be a zu-infinitive clause; "\w+zu\w+en" covers "anzubieten".
_INFINITIVE_VERBS = frozenset(
    [
        "vorwerfen",
        "auffordern",
        "ankündigen",
        "fordern",
        "versprechen",
        "drohen",
        "bestreiten",
        "behaupten",
        "zusichern",
        "vorschlagen",
        "appellieren",
        "warnen",
        "hoffen",
        "zusagen",
        "verlangen",
    ]
)
_ZU_INFINITIVE = re.compile(
    r"(?:\bzu [a-zäöüß]+|\b[a-zäöüß]+zu[a-zäöüß]+en)(?: (?:wollen|können|werden|haben|sein))?\W*$"
)
# Reportative "sollen" with a perfect infinitive: "Er soll das Geld genommen haben."
_REPORTATIVE_SOLL = re.compile(r"\bsoll(?:en)?\b[^.!?;:]*\b(?:haben|sein)\W*$")
# Speech verbs whose comma clause is the reported content even in the indicative.
_SAY_VERBS = frozenset(
    [
        "sagen",
        "erklären",
        "betonen",
        "mitteilen",
        "ergänzen",
        "bekräftigen",
        "berichten",
        "behaupten",
        "versichern",
        "beteuern",
        "unterstreichen",
        "schreiben",
        "antworten",
        "entgegnen",
        "erwidern",
        "hinzufügen",
        "meinen",
        "warnen",
    ]
)
# Words that open a main clause right after "sagte,": pronouns and articles.
_CLAUSE_SUBJECTS = frozenset(
    [
        "er",
        "sie",
        "es",
        "man",
        "wir",
        "ich",
        "ihr",
        "du",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "dies",
        "diese",
        "dieser",
        "dieses",
        "jeder",
        "alle",
    ]
)
_DEFINITE = frozenset(["der", "die", "das", "des", "dem", "den"])
_SO_BEFORE = frozenset({",", "“", "”", '"', "«", "»"})
_CONTINUATION_BLOCK = frozenset(["ich", "wir", "du", "ihr"])
# ...as they can be written ("Ich", "WIR"): every casing, so a set test in C finds them.
_CONTINUATION_BLOCK_CASED = frozenset(
    "".join(chars) for w in _CONTINUATION_BLOCK for chars in itertools.product(*((c, c.upper()) for c in w))
)


@dataclass(frozen=True)
class Pair:
    """A quotation in marks: ``start``/``end`` include the marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int


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
    how: str = ""  # which rule found the speaker (after, colon, sentence, neighbour, context, continuation)
    sent_end: int = -1  # last sentence of a multi-sentence quotation (free reported speech)


# ------------------------------------------------------------------ quotation marks


def find_pairs(text: str) -> tuple[list[Pair], list[str]]:
    """Pair the double quotation marks of ``text``.

    Returns:
        The pairs in text order and warnings for marks that could not be paired.
    """
    pairs: list[Pair] = []
    warnings: list[str] = []
    open_at: int | None = None
    n = len(text)
    for m in _QUOTE_CHARS.finditer(text):
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        opener_shape = (prev.isspace() or prev in "([/–-—:") and not nxt.isspace()
        closer_shape = not prev.isspace()
        if open_at is not None:
            if "\n" in text[open_at:i] and (c == _OPEN_ONLY or (opener_shape and not closer_shape)):
                # A new paragraph opens a quotation while the last one is open: German
                # convention for a quotation running over paragraphs. Close at the break.
                brk = text.index("\n", open_at)
                pairs.append(Pair(open_at, brk, open_at + 1, brk))
                open_at = i
                continue
            if c == _OPEN_ONLY or (opener_shape and not closer_shape and c in '"»«'):
                warnings.append(f"unbalanced quotation mark at {open_at}: dropped")
                open_at = i
                continue
            if i - open_at > MAX_QUOTE_CHARS:
                warnings.append(f"quotation at {open_at} runs over {MAX_QUOTE_CHARS} characters: dropped")
                open_at = i if opener_shape else None
                continue
            pairs.append(Pair(open_at, i + 1, open_at + 1, i))
            open_at = None
            continue
        if c == _OPEN_ONLY or (opener_shape and c in '"“»«”'):
            open_at = i
        elif closer_shape:
            warnings.append(f"closing quotation mark at {i} without an opening one: ignored")
    if open_at is not None:
        # A quotation still open at the end is never guessed: its extent is unknown.
        warnings.append(f"unbalanced quotation mark at {open_at}: dropped")
    return pairs, warnings


# ------------------------------------------------------------------ cues


@lru_cache(maxsize=1)
def _konjunktiv() -> frozenset[str]:
    """Konjunktiv forms (lowercase: a capitalised word is a noun or starts a sentence)."""
    return frozenset(w for w in word_set("konjunktiv.txt") if w[:1].islower())


def konjunktiv_words(text: str, start: int, end: int, *, strong: bool = False, words: list[str] | None = None) -> int:
    """Number of Konjunktiv verb forms in ``text[start:end]`` (strong: Konjunktiv I only).

    ``words`` are the ``\\w+`` words of that range when the caller has them already.  Counting is
    set membership mapped in C; only words ending in "iere" need a look of their own.
    """
    if words is None:
        words = _WORD.findall(text, start, end)
    forms = _konjunktiv_strong() if strong else _konjunktiv()
    count = sum(map(forms.__contains__, words))
    if text.find(_KONJ_I_SUFFIX, start, end) >= 0:
        # "resultiere", "existiere": an -ieren verb's Konjunktiv I, never an adjective
        count += sum(
            1
            for w in _KONJ_I_WORD.findall(text, start, end)
            if len(w) >= _KONJ_I_MIN_LEN and w[0].islower() and w not in forms
        )
    return count


@lru_cache(maxsize=1)
def _konjunktiv_strong() -> frozenset[str]:
    return _konjunktiv() - _STRONG_KONJ_EXCLUDE


def _mask_quotes(text: str, pairs: list[Pair]) -> str:
    """The text with quotation interiors replaced by underscores (offsets kept)."""
    if not pairs:
        return text
    parts = []
    last = 0
    for p in pairs:
        parts.append(text[last : p.inner_start])
        parts.append("_" * (p.inner_end - p.inner_start))
        last = p.inner_end
    parts.append(text[last:])
    return "".join(parts)


def find_cues(
    masked: str,
    sents: list[tuple[int, int]],
    pair_ends: list[int],
    text: str | None = None,
    sent_words: list[list[str]] | None = None,
) -> list[Cue]:
    """Speech cues in every sentence of the masked text, with their speakers.

    ``text`` is the unmasked text (for speakers that are quoted names); defaults to ``masked``.
    ``sent_words`` are the ``\\w+`` words of each masked sentence when the caller has them.
    """
    text = masked if text is None else text
    if sent_words is None:
        sent_words = [_WORD.findall(masked, sb, se) for sb, se in sents]
    verbs = speech_verbs()
    naming = naming_verbs()
    markers = attribution_markers()
    preps = markers.get("prep", frozenset())
    postps = markers.get("postp", frozenset())
    nouns = markers.get("noun", frozenset())
    adverbs = markers.get("adverb", frozenset())
    cues: list[Cue] = []
    triggers = _trigger_words()
    starters = _cue_starters()
    for si, (sb, se) in enumerate(sents):
        # Cheap pre-checks: most sentences contain no cue word at all, and many only words that
        # need more than themselves ("nach" a source noun, "teilte" its particle "mit").
        hits = triggers.intersection(sent_words[si])
        if not hits or not _may_cue(hits, sent_words[si], masked, sb, se):
            continue
        toks = tokens(masked, sb, se)
        for t, (tb, te, tok) in enumerate(toks):
            low = tok.lower()
            if low not in starters:
                continue  # no branch below can fire
            if low in verbs and tok[:1].islower():
                vf = verbs[low]
                if not vf.bare and not _has_particle(toks, t + 1, vf.particles):
                    continue
                if vf.lemma == "heißen":
                    cue = _heissen_cue(masked, toks, t, si, sb, se)
                    if cue:
                        cues.append(cue)
                    continue
                clause_start = _clause_start(masked, toks, t, sb, pair_ends)
                clause_end = _clause_end(toks, t, se)
                sp = None
                if vf.lemma == "zitieren":
                    sp = _quoted_person(masked, toks, t, clause_start) or _cited_object(masked, toks, t)
                if sp is None:
                    sp = subject_for_verb(masked, clause_start, tb, te, clause_end)
                if sp is None and t > 1 and toks[t - 1][2] == "und":
                    # "biss der Randalierer den Fluggast und rief: „…“": the first conjunct's subject.
                    prev_start = _clause_start(masked, toks, t - 2, sb, pair_ends)
                    sp = clause_subject(masked, prev_start, toks[t - 1][0])
                    comma = next(
                        (k for k in range(t - 2, 0, -1) if toks[k][2] == "," and toks[k][0] >= prev_start), None
                    )
                    if sp is None and comma is not None:
                        # "Als ein Fluggast …, biss der Randalierer …": the main clause after the fronted one.
                        sp = clause_subject(masked, toks[comma][1], toks[t - 1][0])
                cues.append(Cue("verb", tb, te, si, tok, sp, clause_start, te, vf.lemma, vf.participle))
            elif low in naming and tok[:1].islower():
                nf = naming[low]
                if not nf.bare and not _has_particle(toks, t + 1, nf.particles):
                    continue
                clause_start = _clause_start(masked, toks, t, sb, pair_ends)
                sp = subject_for_verb(masked, clause_start, tb, te, _clause_end(toks, t, se))
                cues.append(Cue("name", tb, te, si, tok, sp, clause_start, te, nf.lemma, nf.participle))
            elif low in preps and t + 1 < len(toks):
                j = read_np(toks, t + 1)
                quoted = _quoted_name_at(text, toks, t + 1)
                if j > t + 1:
                    sp = phrase(masked, toks, t + 1, j)
                    cues.append(Cue("marker", tb, te, si, tok, sp, tb, toks[j - 1][1]))
                elif quoted is not None:  # "laut „Welt“"
                    cues.append(Cue("marker", tb, te, si, tok, quoted, tb, quoted.end))
            elif low in postps and t > 0:
                i = _np_ending_at(toks, t)
                quoted = _quoted_name_before(text, toks, t)
                if i is not None:
                    sp = phrase(masked, toks, i, t)
                    cues.append(Cue("marker", tb, te, si, tok, sp, toks[i][0], te))
                elif quoted is not None:  # "dem „Figaro“ zufolge"
                    cues.append(Cue("marker", tb, te, si, tok, quoted, quoted.start, te))
            elif low == "wonach" and t > 1 and toks[t - 1][2] == ",":
                # "…, ein Bericht, wonach …": the clause is what the named document says.
                i = _np_ending_at(toks, t - 1)
                sp = phrase(masked, toks, i, t - 1) if i is not None else None
                cues.append(Cue("marker", tb, te, si, tok, sp, tb, te))
            elif t == 0 and low in adverbs:
                # "Demnach …": the source was named before; the speaker comes from the context.
                cues.append(Cue("marker", tb, te, si, tok, None, tb, te))
            elif tok == "Für" and t == 0:
                cue = _fuer_cue(masked, toks, si)
                if cue:
                    cues.append(cue)
            elif low == "nach" and t + 1 < len(toks):
                cue = _nach_cue(masked, toks, t, si, nouns)
                if cue:
                    cues.append(cue)
            elif low == "so" and t > 0 and toks[t - 1][2] in _SO_BEFORE and t + 1 < len(toks):
                j = read_np(toks, t + 1)
                k = j
                while k < len(toks) and k < j + 2 and toks[k][2].islower():
                    k += 1  # ", so Guttenberg wörtlich." / ", so der Minister weiter."
                # ", so Vereinschef Littmann zu den Beweggründen.": a trailing prepositional phrase.
                trailing_pp = j < len(toks) and toks[j][2] in word_set("prepositions.txt")
                if j > t + 1 and (k == len(toks) or not toks[k][2][:1].isalnum() or trailing_pp):
                    sp = phrase(masked, toks, t + 1, j)
                    cues.append(Cue("so", tb, te, si, tok, sp, toks[t - 1][0], toks[j - 1][1]))
    return cues


def _quoted_person(masked: str, toks: list[tuple[int, int, str]], t: int, clause_start: int) -> Phrase | None:
    """Passive "X wird … zitiert" / "wird X zitiert": the one quoted; None for the active voice."""
    aux = next(
        (
            i
            for i in range(t)
            if toks[i][2].lower() in ("wird", "wurde", "werden", "worden") and toks[i][0] >= clause_start
        ),
        None,
    )
    if aux is None:
        return None
    j = read_np(toks, aux + 1)
    if j > aux + 1:
        return phrase(masked, toks, aux + 1, j)
    return clause_subject(masked, clause_start, toks[aux][0])


def _cited_object(masked: str, toks: list[tuple[int, int, str]], t: int) -> Phrase | None:
    """Impersonal "„…“, zitierte man Yolanda Alvarez": with "man" as subject the object is the speaker.

    With a named subject ("Der Spiegel zitiert den Prediger") the annotation is split between
    the medium and the one quoted, so the subject is kept there.
    """
    k = t + 1
    if k >= len(toks) or toks[k][2].lower() != "man":
        return None
    j = read_np(toks, k + 1)
    return phrase(masked, toks, k + 1, j) if j > k + 1 else None


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Words (as written) that can start a cue: speech verb forms and attribution markers."""
    markers = attribution_markers()
    words = set(speech_verbs()) | set(naming_verbs())
    marker_words = set(markers.get("prep", ())) | set(markers.get("postp", ())) | set(markers.get("adverb", ()))
    for w in marker_words | {"nach", "so", "wonach"}:
        words.add(w)
        words.add(w.capitalize())
    words.add("Für")  # sentence-initial only: see _fuer_cue
    return frozenset(words)


def _may_cue(hits: frozenset[str] | set[str], words: list[str], masked: str, sb: int, se: int) -> bool:
    """Can a cue word of ``hits`` become a cue in this sentence?  A necessary test only: each
    branch of :func:`find_cues` is matched by what it needs at the least, so a False is exact
    and a True leaves the decision to the branch."""
    needs = _cue_needs()
    lowered: set[str] | None = None
    for w in hits:
        need = needs.get(w)
        if need is None:  # a bare speech verb, a marker, "wonach": a cue on its own
            return True
        if isinstance(need, frozenset):  # a separable verb form: its particle must be there
            if lowered is None:
                lowered = set(map(str.lower, words))
            if not need.isdisjoint(lowered):
                return True
        elif (
            (need == "für" and masked.startswith("Für", sb))
            or (need == "nach" and _SOURCE_NOUN.search(masked, sb, se))
            or (need == "so" and _SO_AFTER_MARK.search(masked, sb, se))
        ):
            return True
    return False


@lru_cache(maxsize=1)
def _cue_needs() -> dict[str, frozenset[str] | str]:
    """What a trigger word (as written) needs besides itself to become a cue in :func:`find_cues`:
    the particles of a separable verb form, or "für" / "nach" / "so" (tested by :func:`_may_cue`).
    Words that need nothing (bare speech verbs, markers, "wonach") are not listed."""
    verbs, naming = speech_verbs(), naming_verbs()
    markers = attribution_markers()
    plain = set(markers.get("prep", ())) | set(markers.get("postp", ())) | set(markers.get("adverb", ())) | {"wonach"}
    needs: dict[str, frozenset[str] | str] = {}
    for w in _trigger_words():
        low = w.lower()
        vf = (verbs.get(low) or naming.get(low)) if w[:1].islower() else None
        if vf is not None:
            if not vf.bare:
                needs[w] = vf.particles  # a verb form without its particle is never anything else
        elif low in plain:
            continue
        elif w == "Für" or low in ("nach", "so"):
            needs[w] = "für" if w == "Für" else low
        else:
            needs[w] = frozenset()  # no rule can make it a cue
    return needs


# A source noun ending a word ("Angaben", "Polizeiangaben"): what "nach" needs to be a cue.
_SOURCE_NOUN = re.compile(
    "(?:"
    + "|".join(re.escape(n) for n in sorted(attribution_markers().get("noun", ()), key=lambda n: (-len(n), n)))
    + r")(?!\w)",
    re.IGNORECASE,
)
# ", so der Minister" / "„…“, so X": "so" after a comma or quotation mark.
_SO_AFTER_MARK = re.compile(r"[,“”\"«»]\s*so(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lowercase_speech_verbs() -> frozenset[str]:
    """Speech verb forms as a lowercase word in running text shows them (a verb, not a noun)."""
    return frozenset(w for w in speech_verbs() if w[:1].islower())


@lru_cache(maxsize=1)
def _cue_starters() -> frozenset[str]:
    """The trigger words lowercased: a token of :func:`find_cues` can only be a cue at one of these."""
    return frozenset(w.lower() for w in _trigger_words())


def _quoted_name_at(text: str, toks: list[tuple[int, int, str]], k: int) -> Phrase | None:
    """A quoted name (masked as „____“) at ``toks[k]``, after an optional article: "laut der „Welt“"."""
    if k < len(toks) and toks[k][2].lower() in _DEFINITE:
        k += 1
    if k + 2 < len(toks) and toks[k][2] in _DQUOTES and toks[k + 1][2].startswith("_") and toks[k + 2][2] in _DQUOTES:
        b, e = toks[k][0], toks[k + 2][1]
        return Phrase(b, e, text[b:e])
    return None


def _quoted_name_before(text: str, toks: list[tuple[int, int, str]], t: int) -> Phrase | None:
    """A quoted name ending right before ``toks[t]``: "dem „Figaro“ zufolge"."""
    if t >= 3 and toks[t - 1][2] in _DQUOTES and toks[t - 2][2].startswith("_") and toks[t - 3][2] in _DQUOTES:
        b = toks[t - 4][0] if t >= 4 and toks[t - 4][2].lower() in _DEFINITE else toks[t - 3][0]
        return Phrase(b, toks[t - 1][1], text[b : toks[t - 1][1]])
    return None


def _has_particle(toks: list[tuple[int, int, str]], t: int, particles: frozenset[str]) -> bool:
    """Does a separable particle follow the finite verb in its clause ("teilte … über X, Y, mit")?"""
    for _b, _e, tok in toks[t : t + MAX_PARTICLE_DISTANCE]:
        if tok.startswith("_"):
            continue  # a quoted phrase inside the clause: "wies dies als „haltlos“ zurück"
        if tok in ";:" or tok.lower() in ("dass", "ob", "und"):
            return False
        if tok.lower() in particles:
            return True
    return False


def _clause_start(masked: str, toks: list[tuple[int, int, str]], t: int, sb: int, pair_ends: list[int]) -> int:
    start = sb
    k = bisect.bisect_right(pair_ends, toks[t][0]) - 1
    if k >= 0 and pair_ends[k] > sb:
        start = pair_ends[k]
    for i in range(t - 1, 0, -1):
        if toks[i][0] < start:
            break
        if toks[i - 1][2] in ",;" and toks[i][2].lower() in _SUBORDINATORS:
            return toks[i][0]
    return start


def _clause_end(toks: list[tuple[int, int, str]], t: int, se: int) -> int:
    for b, _e, tok in toks[t + 1 :]:
        if tok in ",;:" or tok.startswith("_"):
            return b
    return se


def _np_ending_at(toks: list[tuple[int, int, str]], t: int) -> int | None:
    """Start index of the longest noun phrase ending right before ``toks[t]``."""
    for i in range(max(0, t - 8), t):
        if read_np(toks, i) == t:
            return i
    return None


def _nach_cue(masked: str, toks: list[tuple[int, int, str]], t: int, si: int, nouns: frozenset[str]) -> Cue | None:
    """ "nach Angaben der Polizei", "nach eigenen Angaben", "Nach Polizeiangaben"."""
    j = t + 1
    while j < len(toks) and toks[j][2].islower() and toks[j][2].endswith(("en", "er", "em", "e")) and j < t + 3:
        j += 1
    if j >= len(toks):
        return None
    noun = toks[j][2].lower()
    hit = noun in nouns or any(noun.endswith(n) and len(noun) > len(n) + 2 for n in nouns if len(n) > 5)
    if not hit:
        return None
    k = j + 1
    if k < len(toks) and toks[k][2].lower() in ("von", "aus", "des", "der", "eines", "einer"):
        start = k + 1 if toks[k][2].lower() in ("von", "aus") else k
        e = read_np(toks, start)
        if e > start:
            return Cue(
                "marker", toks[t][0], toks[j][1], si, "nach", phrase(masked, toks, start, e), toks[t][0], toks[e - 1][1]
            )
    if k < len(toks) and toks[k][2][:1].isupper() and read_np(toks, k) > k:
        e = read_np(toks, k)  # "nach Angaben Russlands"
        return Cue("marker", toks[t][0], toks[j][1], si, "nach", phrase(masked, toks, k, e), toks[t][0], toks[e - 1][1])
    # "nach eigenen Angaben" / "Nach Polizeiangaben": the source is the noun (or the subject).
    return Cue("marker", toks[t][0], toks[j][1], si, "nach", phrase(masked, toks, t + 1, j + 1), toks[t][0], toks[j][1])


# "Für den Minister ist/sei die Lage „alarmierend“": the verbs that make "für X" a judgement.
_FUER_COPULAS = frozenset(["ist", "sei", "war", "wäre", "sind", "seien", "waren", "wären", "bleibt", "bleibe"])


def _fuer_cue(masked: str, toks: list[tuple[int, int, str]], si: int) -> Cue | None:
    """Sentence-initial "Für <person> ist …": the person whose view the sentence reports.

    Only a person (a role title or a first name) followed directly by the copula counts:
    "Für die Kinder ist …" or "Für 2026 ist …" are no attribution.
    """
    j = read_np(toks, 1)
    if j <= 1 or j >= len(toks) or toks[j][2] not in _FUER_COPULAS:
        return None
    k = 2 if j > 2 and toks[1][2].lower() in _DEFINITE | {"einen", "einem", "seinen", "ihren"} else 1
    sp = phrase(masked, toks, k, j)
    if sp is None or person_score(sp) < 2:
        return None
    return Cue("marker", toks[0][0], toks[0][1], si, "Für", phrase(masked, toks, 1, j), toks[0][0], toks[j - 1][1])


def _heissen_cue(masked: str, toks: list[tuple[int, int, str]], t: int, si: int, sb: int, se: int) -> Cue | None:
    """ "hieß es aus dem Élysée-Palast", "In der Erklärung heißt es, …", "es hieß, …"."""
    tb, te, tok = toks[t]
    has_es = (t + 1 < len(toks) and toks[t + 1][2].lower() == "es") or (t > 0 and toks[t - 1][2].lower() == "es")
    if not has_es:
        return None
    k = t + 1
    if k < len(toks) and toks[k][2].lower() == "es":
        k += 1
    sp = None
    end = toks[k - 1][1]
    while k < len(toks) and toks[k][2].lower() in ("weiter", "dazu", "zudem", "auch", "nur", "am", "offiziell"):
        k += 1
    if k < len(toks) and toks[k][2].lower() in ("aus", "in", "bei", "von", "seitens", "im", "vom", "beim", "auf"):
        e = read_np(toks, k + 1)
        if e > k + 1:
            sp = phrase(masked, toks, k + 1, e)
            end = toks[e - 1][1]
    if sp is None and t > 0:
        # Prefield "In der Erklärung heißt es": the source follows the preposition.
        first = toks[0][2].lower()
        if first in ("in", "im", "aus", "bei", "beim", "auf") and t > 1:
            e = read_np(toks, 1)
            if e > 1:
                sp = phrase(masked, toks, 1, e)
    return Cue("verb", tb, te, si, tok, sp, sb, end, "heißen")


# ------------------------------------------------------------------ main extraction


def extract_quotes(text: str, sents: list[tuple[int, int]] | None = None) -> tuple[list[Found], list[str]]:
    """All quotations of ``text``.

    Args:
        text: the article text.
        sents: sentence spans; :func:`split_sentences` when not given.

    Returns:
        The quotations in text order and warnings (unbalanced marks and the like).
    """
    if not text or not text.strip():
        return [], []
    if sents is None:
        sents = split_sentences(text)
    if not sents:
        return [], []
    pairs, warnings = find_pairs(text)
    masked = _mask_quotes(text, pairs)
    pair_ends = [p.end for p in pairs]
    sent_starts = [b for b, _ in sents]
    sent_words = [_WORD.findall(masked, sb, se) for sb, se in sents]
    cues = find_cues(masked, sents, pair_ends, text, sent_words)
    by_sent: dict[int, list[Cue]] = {}
    for c in cues:
        by_sent.setdefault(c.sent, []).append(c)

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    found: list[Found] = []
    used_cues: set[int] = set()
    direct = _direct_quotes(text, masked, pairs, sents, by_sent, sent_of, used_cues)
    found.extend(direct)
    found.extend(_indirect_quotes(text, masked, sents, by_sent, pairs, direct, used_cues))
    found.extend(_continuations(text, masked, sents, pairs, found, sent_words))
    found.extend(_free_reported(text, masked, sents, found, sent_words))
    found.sort(key=lambda f: (f.start, f.end))
    _resolve_missing_speakers(text, masked, sents, found, sent_of)
    return found, warnings


def _direct_quotes(text, masked, pairs, sents, by_sent, sent_of, used_cues) -> list[Found]:
    out: list[Found] = []
    pair_ends = [p.end for p in pairs]
    scare = word_set("scare_cues.txt")
    for p in pairs:
        inner = text[p.inner_start : p.inner_end]
        words = _WORD.findall(inner)
        if not words:
            continue
        so, sc = sent_of(p.start), sent_of(max(p.start, p.end - 1))
        cue = _cue_after(masked, p, sc, by_sent) or _unlisted_verb_after(masked, p, sc, sents)
        how = "after"
        if cue is None:
            cue = _cue_before_colon(masked, p, so, sents, by_sent)
            how = "colon"
        colon_np = None
        if cue is None:
            colon_np = _np_before_colon(masked, p, so, sents, pair_ends)
        if cue is None and colon_np is None:
            cue = _cue_in_sentence(p, so, sc, by_sent)
            how = "sentence"
        attributed = cue is not None or colon_np is not None
        long = len(words) >= LONG_QUOTE_WORDS
        if _aside(text, p) and how not in ("after", "colon") and len(words) < LONG_QUOTE_WORDS:
            continue
        if not long:
            sb, se = sents[so]
            konj = konjunktiv_words(masked, sb, se, strong=True) > 0
            # A speech or naming verb anywhere in the sentence, even without a speaker
            # ("wurde als „Geschäft des Jahrhunderts“ bezeichnet"), makes it reported speech.
            sent_cues = [c for s in range(so, sc + 1) for c in by_sent.get(s, [])]
            if any(
                (c.speaker is not None and c.speaker.start <= p.start < c.speaker.end)
                or (
                    c.start >= p.end
                    and not masked[p.end : c.start].strip()
                    and _word_before(text, p.start).lower() in ("wie", "")
                )
                for c in sent_cues
            ):
                continue  # "Wie „heise online“ berichtet": the quotation names the speaker
            verb_cue = any(c.kind in ("verb", "name") for c in sent_cues)
            reported = konj or verb_cue
            # "sprachen von „Panikverkäufen“": "von" introduces a phrase only after "sprechen".
            speaks_of = any(c.lemma == "sprechen" and c.end <= p.start for c in sent_cues)
            if _name_like(text, p, words, reported, speaks_of):
                continue
            # A short quotation inside a Konjunktiv sentence is reported speech
            # whose speaker comes from the context.
            if not attributed and not reported:
                continue
        elif how == "sentence" and _word_before(text, p.start).lower() in scare:
            continue
        if (
            long
            and not attributed
            and p.start > sents[so][0]
            and not _has_verb(words)
            and not konjunktiv_words(masked, *sents[so])
        ):
            continue  # a long name or title ("Gesetz zur Änderung des Passgesetzes") with no cue near it
        speaker = cue.speaker if cue else colon_np
        bracketed = _bracketed_after_person(masked, p, sents[so][0])
        if bracketed is not None:
            speaker = bracketed
        if (
            speaker is not None
            and out
            and out[-1].speaker is not None
            and out[-1].sent >= so - SPEAKER_LOOKBACK_SENTENCES
            and _possessed_thing(speaker)
        ):
            speaker = out[-1].speaker  # "Seine Zuversicht gründet sich auf …: „…“": the possessor
        if cue is not None and how in ("after", "colon"):
            used_cues.add(id(cue))
        out.append(
            Found(
                "direct",
                p.start,
                p.end,
                speaker,
                cue.word if cue else None,
                so,
                attributed,
                how if cue else ("colon" if colon_np else ""),
            )
        )
    return out


_POSSESSIVES = frozenset(["sein", "seine", "seiner", "seines", "ihr", "ihre", "ihrer", "ihres"])


def _possessed_thing(sp: Phrase) -> bool:
    """ "Seine Zuversicht", "Ihre Begründung": a thing belonging to someone, not a person."""
    words = sp.text.split()
    return len(words) > 1 and words[0].lower() in _POSSESSIVES and person_score(sp) < 2


def _bracketed_after_person(masked: str, p: Pair, sb: int) -> Phrase | None:
    """ "…, Mohammed ElBaradei („Mir fällt niemand ein …“), und …": the person right before the bracket."""
    if masked[p.start - 1 : p.start] != "(" or masked[p.end : p.end + 1] != ")":
        return None
    toks = tokens(masked, sb, p.start - 1)
    if not toks:
        return None
    i = _np_ending_at(toks, len(toks))
    if i is None:
        return None
    sp = phrase(masked, toks, i, len(toks))
    return sp if sp is not None and person_score(sp) >= 1 else None


def _has_verb(words: list[str]) -> bool:
    """Is there a lowercase word that is not an article, function word or attributive adjective?"""
    skip = word_set("function_words.txt") | word_set("determiners.txt")
    for w in words[1:]:
        if not w[:1].islower() or w in skip:
            continue
        if w in _COPULA or not w.endswith(("e", "en", "er", "es", "em")):
            return True
    return False


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"(\w+)\W{0,3}$", text[max(0, pos - 40) : pos])
    return m.group(1) if m else ""


def _name_like(text: str, p: Pair, words: list[str], reported: bool, speaks_of: bool = False) -> bool:
    """A short quotation that names something (title, medium, project) or is a scare quote.

    ``reported``: the sentence reports speech (a speech verb or Konjunktiv), where
    "sei ein „Opfer des Terrorismus“" is a quoted phrase rather than a name.
    ``speaks_of``: a form of "sprechen" precedes, so "von „…“" is what was said.
    """
    prev = _word_before(text, p.start)
    low = prev.lower()
    if low in word_set("scare_cues.txt"):
        return True
    if low in _NAMING_COPULA and _word_before(text, p.start - len(prev) - 1).lower() in word_set("scare_cues.txt"):
        return True  # "Der wissenschaftliche Name lautet „Tiktaalik roseae“", "Das Motto hieß „…“"
    adjacent = text[max(0, p.start - len(prev) - 1) : p.start] == prev + " "
    # "Radiosender „Deutschlandfunk“", "Fachblatt „…“": a noun in apposition before a name.
    if (
        adjacent
        and prev[:1].isupper()
        and words[0][:1].isupper()
        and not _ends_sentence_before(text, p.start - len(prev) - 1)
    ):
        return True
    if any(ch.isdigit() for ch in "".join(words)) and len(words) <= 3:
        return True  # „c5“, „Shenzhou 6“, „documenta 12“
    said_object = (
        reported and low in _DEFINITE and _word_before(text, p.start - len(prev) - 1).lower() in _SPEECH_OBJECT_PREPS
    )
    if (
        adjacent
        and low in _DEFINITE
        and words[0][:1].isupper()
        and len(text[p.inner_start : p.inner_end]) < (SUBJECT_QUOTE_MAX_CHARS)
        and not said_object
    ):
        return True  # "die „Computerwoche“", "von der „Aktion Deutschland hilft“": a name
    if len(words) == 1 and words[0][:1].isupper() or _title_like(words):
        # „Golem“, „Berliner Zeitung“: names, unless reported speech calls something that
        # ("nannte den Bericht eine „Zeitungsente“", "sei ein „Opfer des Terrorismus“").
        return not (reported and adjacent and (low in _PHRASE_INTRO or (speaks_of and low == "von") or said_object))
    return False


def _aside(text: str, p: Pair) -> bool:
    """A quotation in parentheses or glued to a word: a translation or part of a compound
    ("(„gens du voyage“)", "(übersetzt etwa: „…“)", "„Eins zu Eins“-Begegnung")."""
    before = text[max(0, p.start - 40) : p.start]
    opened = before.rfind("(") > before.rfind(")")
    return opened or text[p.end : p.end + 1] in "-‐"


def _ends_sentence_before(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


def _title_like(words: list[str]) -> bool:
    """ "Berliner Zeitung", "Shenzhou 6", "Koalition der Willigen": a name, not speech."""
    if len(words) < 2 or words[0] in word_set("function_words.txt"):
        return False  # "auf Messers Schneide": a phrase opening with a preposition is no title
    content = [
        w
        for w in words
        if w.lower() not in word_set("function_words.txt")
        and w.lower() not in ("der", "die", "das", "des", "dem", "den")
    ]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _cue_after(masked: str, p: Pair, sc: int, by_sent: dict[int, list[Cue]]) -> Cue | None:
    """„…“, sagte X  /  „…“, so X  /  „…“, hatte X gesagt  /  „…“ sagte X."""
    for c in by_sent.get(sc, []):
        if c.start < p.end:
            continue
        between = masked[p.end : c.start]
        toks = _WORD.findall(between)
        if "_" in between or re.search(r"[.!?:;]", between):
            return None
        if not toks and "," not in between and p.inner_end - p.inner_start < SUBJECT_QUOTE_MAX_CHARS:
            return None  # "Wie „heise online“ berichtet": the quotation names the speaker
        if len(toks) <= 3 and all(t.lower() in _AUX or t.lower() in ("so", "es") for t in toks):
            return c
        # "„…“, hatte der Minister zuvor gesagt": speaker between auxiliary and participle.
        if toks and toks[0].lower() in _AUX and len(toks) <= MAX_AUX_GAP_WORDS and c.speaker is not None:
            return c
        return None
    return None


_VERB_AFTER_QUOTE = re.compile(r"[ \t]*,[ \t]*([a-zäöüß]+)\b")


def _unlisted_verb_after(masked: str, p: Pair, sc: int, sents) -> Cue | None:
    """ "„…“, strich Romney heraus": a finite verb right after the quotation's comma is an
    attribution even when the verb is not in the lexicon; its subject is the speaker."""
    m = _VERB_AFTER_QUOTE.match(masked, p.end)
    if not m:
        return None
    word = m.group(1)
    if word in word_set("function_words.txt") or word in word_set("determiners.txt") or word in _NOT_VERBS:
        return None
    se = sents[sc][1]
    clause_end = next((i for i in range(m.end(), se) if masked[i] in ',;:.!?_„“"'), se)
    sp = subject_for_verb(masked, m.start(1), m.start(1), m.end(1), clause_end)
    if sp is None or person_score(sp) < 0:
        return None
    return Cue("verb", m.start(1), m.end(1), sc, word, sp, p.end, m.end(1), word)


def _cue_before_colon(masked: str, p: Pair, so: int, sents, by_sent) -> Cue | None:
    """X sagte: „…“ — a cue in the same sentence whose clause ends in a colon before the quote."""
    sb = sents[so][0]
    before = masked[sb : p.start].rstrip()
    if not before.endswith(":"):
        return None
    cands = [c for c in by_sent.get(so, []) if c.end <= p.start]
    return cands[-1] if cands else None


def _np_before_colon(masked: str, p: Pair, so: int, sents, pair_ends: list[int]) -> Phrase | None:
    """ "Merkel: „…“", "Obama warb mit den Worten: „…“" — the subject of the clause before the colon."""
    sb = sents[so][0]
    k = bisect.bisect_right(pair_ends, p.start) - 1
    if k >= 0 and pair_ends[k] > sb:
        sb = pair_ends[k]
    before = masked[sb : p.start].rstrip()
    if not before.endswith(":"):
        return None
    sp = clause_subject(masked, sb, sb + len(before) - 1)
    # Without a speech verb only a person-like subject introduces the quotation
    # ("Merkel: „…“"); "Seine Zuversicht gründet sich auf …: „…“" leaves it to the context.
    return sp if sp is not None and person_score(sp) >= 0 else None


def _cue_in_sentence(p: Pair, so: int, sc: int, by_sent) -> Cue | None:
    """A cue elsewhere in the sentence(s) of the quotation: quotation inside reported speech."""
    cands = [c for s in range(so, sc + 1) for c in by_sent.get(s, []) if c.speaker is not None]
    if not cands:
        return None
    # Prefer the nearest cue before the quotation, else the first after it; among those, a
    # speech verb's speaker over a source named by "laut"/"nach" ("laut der Studie … sagte X").
    before = [c for c in cands if c.end <= p.start]
    ordered = list(reversed(before)) + [c for c in cands if c.end > p.start]
    verbs = [c for c in ordered if c.kind == "verb"]
    return verbs[0] if verbs else ordered[0]


def _indirect_quotes(text, masked, sents, by_sent, pairs, direct, used_cues) -> list[Found]:
    out: list[Found] = []
    direct_spans = sorted((d.start, d.end) for d in direct)
    # span -> (its Found, distance of its cue): two verbs can reach one clause ("X lehnte ab, zumal Y
    # betont hatte, Z sei …"); the nearer one is the speech verb of that clause.
    seen: dict[tuple[int, int], tuple[Found, int]] = {}
    for si, (sb, se) in enumerate(sents):
        end = _strip_final(text, sb, se)
        for c in by_sent.get(si, []):
            if id(c) in used_cues:
                continue
            span = None
            if c.kind in ("marker", "so"):
                span = _frame_complement(text, sb, end, c.frame_start, c.frame_end)
            elif c.kind == "verb":
                span = _verb_complement(text, masked, c, sb, end) or _anaphoric_complement(text, masked, c, sents, si)
            if span is None:
                continue
            b, e = span
            if len(_WORD.findall(text[b:e])) < MIN_INDIRECT_WORDS:
                continue
            sp = c.speaker
            if sp is not None and 2 * max(0, min(e, sp.end) - max(b, sp.start)) >= e - b:
                continue  # "Der Vizepräsident, Wolfgang Niersbach, sagte, …": the speaker is no report
            if _mostly_direct(b, e, direct_spans):
                continue
            distance = c.start - e if c.start >= e else max(0, b - c.end)
            if (b, e) in seen:
                earlier, d0 = seen[(b, e)]
                if distance < d0:
                    earlier.speaker, earlier.cue = c.speaker, c.word
                    seen[(b, e)] = (earlier, distance)
                continue
            found = Found("indirect", b, e, c.speaker, c.word, si)
            seen[(b, e)] = (found, distance)
            out.append(found)
    return out


# Demonstratives that point back to the statement a speech verb reports ("Dies bestätigte X").
_ANAPHORS = frozenset(["dies", "das", "dieses"])


def _anaphoric_complement(text: str, masked: str, c: Cue, sents, si: int) -> tuple[int, int] | None:
    """What a demonstrative before the speech verb points back to:
    "X trat zurück. Dies bestätigte Y." (the sentence before) or "X fiel aus, das teilte Y mit." (the
    clause before the comma)."""
    sb, _se = sents[si]
    before = tokens(masked, sb, c.start)
    if not before or before[-1][2].lower() not in _ANAPHORS:
        return None
    if len(before) == 1:
        if si == 0:
            return None
        pb, pe = sents[si - 1]
        if "\n\n" in text[pe:sb] or text[pe - 1 : pe] in ":?":
            return None  # another paragraph, a heading or a question is not what is confirmed
        return (pb, _strip_final(text, pb, pe))
    if len(before) >= 3 and before[-2][2] == ",":
        e = before[-2][0]
        b = sb
        return (b, e) if masked[b:e].strip(' ,„“"»«') else None
    return None


def _strip_final(text: str, sb: int, se: int) -> int:
    e = se
    while e > sb and text[e - 1] in " .!?…;:":
        e -= 1
    return e


def _mostly_direct(b: int, e: int, direct_spans: list[tuple[int, int]]) -> bool:
    """Is at least half of ``[b, e)`` inside direct quotations (``direct_spans`` sorted, disjoint)?"""
    k = bisect.bisect_right(direct_spans, (b, b)) - 1  # the last one starting at or before b
    covered = 0
    for db, de in direct_spans[max(0, k) :]:
        if db >= e:
            break
        covered += max(0, min(e, de) - max(b, db))
    return covered * 2 >= (e - b)


def _frame_complement(text: str, sb: int, end: int, fb: int, fe: int) -> tuple[int, int] | None:
    """The sentence without its attribution frame ("laut X", "X zufolge", ", so X")."""
    lead = text[sb:fb].strip(' ,„“"')
    tail = text[fe:end].strip(" ,")
    if not lead:
        b = fe
        while b < end and text[b] in " ,:":
            b += 1
        return (b, end) if end > b else None
    if not tail:
        e = fb
        while e > sb and text[e - 1] in " ,":
            e -= 1
        return (sb, e) if e > sb else None
    # Inside a subordinate clause ("…, die nach dessen Angaben die Bombe enthalten sollte, …")
    # the report covers that clause only.
    cb = text.rfind(",", sb, fb)
    if cb != -1:
        opener = _WORD.match(text, cb + 1 + (text[cb + 1 : cb + 2] == " "))
        if opener and opener.group().lower() in _CLAUSE_INTRO:
            ce = text.find(",", fe, end)
            return (opener.start(), ce if ce != -1 else end)
    return (sb, end)


def _verb_complement(text: str, masked: str, c: Cue, sb: int, end: int) -> tuple[int, int] | None:
    """The reported clause of a speech verb: after it ("sagte, …"), before it ("…, sagte X"),
    or the main clause around "wie X mitteilte"."""
    toks = tokens(masked, sb, end)
    t = next((i for i, tk in enumerate(toks) if tk[0] == c.start), None)
    if t is None:
        return None
    clause_word = (masked[c.frame_start : c.frame_start + 8].split() or [""])[0].lower()
    # "Wie die Polizei mitteilte, wurden …" / "…, wie die Polizei mitteilte."
    if clause_word in ("wie", "wobei") and c.frame_start > sb - 1:
        after_comma = next((i for i in range(t + 1, len(toks)) if toks[i][2] == ","), None)
        if c.frame_start <= sb + 1 and after_comma is not None:
            b = toks[after_comma][1]
            while b < end and text[b] == " ":
                b += 1
            return (b, end)
        if c.frame_start > sb + 1:
            e = c.frame_start
            while e > sb and text[e - 1] in " ,":
                e -= 1
            if after_comma is not None:
                return (sb, end)
            return (sb, e)
        return None
    # Forward: the first comma/colon after the verb that opens a dass-clause or Konjunktiv clause.
    commas = [i for i in range(t + 1, len(toks)) if toks[i][2] in ",:"][:3]
    for i in commas:
        nxt = i + 1
        if nxt >= len(toks):
            break
        first = toks[nxt][2].lower()
        b = toks[nxt][0]
        stop = next((k for k in range(nxt + 1, len(toks)) if toks[k][2] == ","), len(toks))
        clause_end = toks[stop - 1][1] if stop > nxt else end
        if first in ("dass", "ob") or (first in ("wie", "was", "warum", "wer", "wann", "wo") and toks[i][2] == ","):
            return (b, end)
        if konjunktiv_words(masked, b, clause_end) or (toks[i][2] == ":" and konjunktiv_words(masked, b, end)):
            return (b, end)
        if c.lemma in _INFINITIVE_VERBS and _ZU_INFINITIVE.search(masked, b, end):
            return (b, end)  # "warf den Rebellen vor, eine Regierung installieren zu wollen"
        if (
            i == commas[0]
            and toks[i][2] == ","
            and c.lemma in _SAY_VERBS
            and (first in _CLAUSE_SUBJECTS or toks[nxt][2][:1].isupper())
            and _only_speaker_between(toks, t, i, c)
        ):
            # "Stoiber sagte, die Union benötige …": a clause right after "sagte," (or after its
            # inverted speaker) is what was said, in whatever mood.
            return (b, end)
        if toks[i][2] == ":" and masked[b] == "_" or masked[b - 1 : b] in '„"»«':
            return None
    # Backward: "…, sagte X." / "…, hieß es aus X."
    # A bare participle after a comma is an attribute ("…, genannt „BRD-Video“"), not an attribution.
    bare_participle = c.participle and toks[t - 1][2] == ","
    if not bare_participle and (
        t >= 1 and toks[t - 1][2] == "," or (t >= 2 and toks[t - 2][2] == "," and toks[t - 1][2].lower() in _AUX)
    ):
        k = t - 1 if toks[t - 1][2] == "," else t - 2
        e = toks[k][0]
        b = c.frame_start if c.frame_start > sb else sb
        if masked[b:e].strip(' ,„“"»«') and "_" not in masked[b:e]:
            b2 = b
            while b2 < e and text[b2] in " ,":
                b2 += 1
            return (b2, e)
    # "Es hieß, …" / "In der Erklärung heißt es, …"
    if c.lemma == "heißen":
        comma = next((i for i in range(t + 1, len(toks)) if toks[i][2] in ",:"), None)
        if comma is not None and comma + 1 < len(toks):
            return (toks[comma + 1][0], end)
    return None


def _only_speaker_between(toks: list[tuple[int, int, str]], t: int, i: int, c: Cue) -> bool:
    """Between the verb ``toks[t]`` and the comma ``toks[i]`` there is at most the speaker
    and a few adverbial words ("sagte Köhler,", "sagte bei der Gelegenheit,")."""
    if i == t + 1:
        return True
    if i - t - 1 > MAX_SPEAKER_GAP_WORDS:
        return False
    sp = c.speaker
    between = toks[t + 1 : i]
    if sp is not None and between and between[0][0] >= sp.start and between[-1][1] <= sp.end:
        return True
    if between[0][2].lower() in word_set("function_words.txt"):
        return True  # a prepositional phrase: "sagte bei der Gelegenheit,"
    return all(tk[2][:1].islower() or tk[2] in _DEFINITE for tk in between)


def _continuations(text, masked, sents, pairs, found, sent_words) -> list[Found]:
    """Sentences in Konjunktiv I after an attributed quotation continue it (same speaker)."""
    out: list[Found] = []
    if not found:
        return out
    cue_words = _lowercase_speech_verbs()
    last_by_sent: dict[int, Found] = {}
    for f in found:
        if f.speaker is not None:
            last_by_sent[f.sent] = f
    covered = _covered_sentences(sents, found)
    for f in sorted(last_by_sent.values(), key=lambda x: x.sent):
        si = f.sent
        cur: Found | None = None
        for k in range(si + 1, min(len(sents), si + 1 + MAX_CONTINUATION_SENTENCES)):
            if k in covered:
                break
            sb, se = sents[k]
            if "\n\n" in text[sents[k - 1][1] : sb] and k > si + 1:
                break
            words = sent_words[k]
            if not konjunktiv_words(masked, sb, se, strong=True, words=words):
                break
            if not cue_words.isdisjoint(words) or not _CONTINUATION_BLOCK_CASED.isdisjoint(words):
                break
            end = se
            if cur is None:
                cur = Found("indirect", sb, end, f.speaker, None, k)
                out.append(cur)
            else:
                cur.end = end
            covered.add(k)
    return out


def _covered_sentences(sents: list[tuple[int, int]], found: list[Found]) -> set[int]:
    """Sentences at least half covered by a quotation found so far."""
    covered = set()
    for f in found:
        for k in range(f.sent, len(sents)):
            sb, se = sents[k]
            if sb >= f.end:
                break
            if 2 * max(0, min(se, f.end) - max(sb, f.start)) >= se - sb:
                covered.add(k)
    return covered


def _free_reported(text, masked, sents, found, sent_words) -> list[Found]:
    """Sentences in Konjunktiv I that no rule attributed: reported speech whose source is
    named nearby ("Das Robert-Koch-Institut sieht keine Gefahr. Lediglich Personen … seien …").
    Consecutive ones form one quotation; the speaker is resolved from the context."""
    # A short quoted phrase inside the sentence does not make the sentence a quotation:
    # "Der Iran müsse „vollständig … den Anreicherungsprozess“ beenden" is reported as a whole.
    covered = _covered_sentences(
        sents, [f for f in found if f.kind != "direct" or len(_WORD.findall(text, f.start, f.end)) >= LONG_QUOTE_WORDS]
    )
    cue_words = _lowercase_speech_verbs()
    out: list[Found] = []
    cur: Found | None = None
    for k, (sb, se) in enumerate(sents):
        words = sent_words[k]
        ok = (
            k not in covered
            and len(words) >= MIN_INDIRECT_WORDS
            and (
                konjunktiv_words(masked, sb, se, strong=True, words=words) > 0
                or (masked.find("soll", sb, se) >= 0 and _REPORTATIVE_SOLL.search(masked, sb, se))
            )
            and _CONTINUATION_BLOCK_CASED.isdisjoint(words)
            and cue_words.isdisjoint(words)
        )
        if not ok:
            cur = None
            continue
        if cur is not None and cur.sent_end == k - 1 and "\n\n" not in text[sents[k - 1][1] : sb]:
            cur.end = se
            cur.sent_end = k
            continue
        cur = Found("indirect", sb, se, None, None, k, attributed=False, how="free")
        cur.sent_end = k
        out.append(cur)
    return out


def _resolve_missing_speakers(text, masked, sents, found, sent_of) -> None:
    """Unattributed quotations take a speaker from their surroundings, nearest evidence first:
    an attributed quotation later in the same sentence or paragraph line, an attributed
    quotation in the same or previous sentence, a person named just before, then an
    attributed quotation further back."""
    for i, f in enumerate(found):
        if f.speaker is not None:
            continue
        nxt = prev_near = prev_far = None
        for j in range(i + 1, len(found)):
            g = found[j]
            if g.sent > f.sent + 1:
                break
            if g.speaker is not None and "\n" not in text[f.end : g.start]:
                nxt = g
                break
        for j in range(i - 1, -1, -1):
            g = found[j]
            if g.sent < f.sent - SPEAKER_LOOKBACK_SENTENCES:
                break
            if g.speaker is not None:
                if g.sent >= f.sent - 1:
                    prev_near = g
                else:
                    prev_far = g
                break
        own = _own_subject(masked, sents, f)
        if own is None and f.kind == "direct" and not (nxt is not None and nxt.sent == f.sent):
            own = _sentence_person(masked, sents, f)
        if own is not None:
            f.speaker, f.how = own, "subject"
        elif nxt is not None and nxt.sent == f.sent:
            f.speaker, f.how = nxt.speaker, "next"
        elif prev_near is not None:
            f.speaker, f.how = prev_near.speaker, "previous"
        else:
            ctx = _context_speaker(masked, sents, f)
            if ctx is not None and person_score(ctx) < 2 and prev_far is not None:
                # A bare capitalised word nearby is often a thing ("Jahre", "Irak"); a speaker
                # attributed a few sentences back is the better guess.
                f.speaker, f.how = prev_far.speaker, "previous"
            elif ctx is not None:
                f.speaker, f.how = ctx, "context"
            elif prev_far is not None:
                f.speaker, f.how = prev_far.speaker, "previous"
            elif nxt is not None:
                f.speaker, f.how = nxt.speaker, "next"
            else:
                f.how = "none"


def _own_subject(masked: str, sents, f: Found) -> Phrase | None:
    """ "Er habe „nicht den Eindruck …“": a pronoun or titled person opening the quotation's sentence."""
    sb = sents[f.sent][0]
    if f.start <= sb:
        return None
    sp = clause_subject(masked, sb, f.start)
    return sp if sp is not None and person_score(sp) >= 2 else None


def _sentence_person(masked: str, sents, f: Found) -> Phrase | None:
    """A titled or first-named person before the quotation in its own sentence.

    "Günter Metzges … ist der Meinung, dass die Klage „…“": a person named in the quotation's
    own sentence is nearer evidence than a speaker attributed in an earlier sentence.
    """
    sb = sents[f.sent][0]
    if f.start <= sb:
        return None
    return next(
        (np for np in reversed(noun_phrases(masked, sb, f.start)) if not np.pronoun and person_score(np) >= 2),
        None,
    )


def _context_speaker(masked: str, sents, f: Found) -> Phrase | None:
    """A speaker named before the quotation in its sentence, else in the sentence before."""
    sb = sents[f.sent][0]
    spans = []
    if f.start > sb:
        spans.append((sb, f.start))
    if f.sent > 0:
        spans.append(sents[f.sent - 1])
    for b, e in spans:
        if f.kind == "direct":
            # A quotation's speaker is a person: the most person-like phrase.
            best = None
            for np in noun_phrases(masked, b, e):
                score = person_score(np)
                if score >= 1 and (best is None or score > best[0]):
                    best = (score, np)
            if best is not None:
                return best[1]
            continue
        # Reported speech also comes from institutions and media: a titled person or
        # pronoun, else the sentence's subject ("Die Deutsche Welle berichtet …. Dort sei man …").
        titled = next((np for np in noun_phrases(masked, b, e) if person_score(np) >= 2), None)
        if titled is not None:
            return titled
        subject = clause_subject(masked, b, e)
        if subject is not None and person_score(subject) >= 0:
            return subject
    return None


# ------------------------------------------------------------------ speakers, actors


def resolve_name(text: str, sp: Phrase, found: list[Found], upto: int, sents, sent_of) -> str | None:
    """The speaker's name: a pronoun's antecedent, or the phrase without its article.

    ``found[:upto]`` are the quotations before the one whose speaker is ``sp``.
    """
    if sp.pronoun:
        quoted = None
        for k in range(upto - 1, max(-1, upto - 1 - PRONOUN_LOOKBACK_QUOTES), -1):
            f = found[k]
            if f.speaker is not None and not f.speaker.pronoun and f.speaker.start < sp.start:
                quoted = f.speaker
                break
        # The nearest preceding person-like subject, or a titled person after a fronted adverb
        # ("Unterdessen verteidigte der Vorsitzende …, Sebastian Edathy, den Entwurf. Er …").
        named = None
        si = sent_of(sp.start)
        for k in range(si, max(-1, si - SPEAKER_LOOKBACK_SENTENCES), -1):
            sb, se = sents[k]
            if quoted is not None and se <= quoted.start:
                break  # the quoted speaker is nearer
            np = clause_subject(text, sb, min(se, sp.start))
            if np is None or np.pronoun or person_score(np) < 1:
                np = next(
                    (n for n in noun_phrases(text, sb, min(se, sp.start)) if not n.pronoun and person_score(n) >= 2),
                    None,
                )
            if np is not None:
                named = np
                break
        # A person named after the last quoted speaker is the nearer antecedent.
        best = named if named is not None and (quoted is None or named.start > quoted.end) else quoted
        if best is None:
            return None
        appo = _APPOSITION_NAME.match(text, best.end)
        return appo.group(1) if appo else _name_of(best.text)
    return _name_of(sp.text)


# ", Sebastian Kranz," right after a role phrase: the person's name in apposition.
_APPOSITION_NAME = re.compile(r", ([A-ZÄÖÜ][\w-]+(?: [A-ZÄÖÜ][\w-]+)+)(?= ?[,(])")


def _name_of(words: str) -> str:
    toks = words.split()
    dets = word_set("determiners.txt")
    while toks and (toks[0].lower() in dets or toks[0].islower()):
        toks = toks[1:]
    return " ".join(toks) if toks else words


def person_name(name: str) -> str:
    """ "Außenamtssprecherin Maria Sacharowa" -> "Maria Sacharowa" (role titles dropped)."""
    segments = [seg.strip() for seg in name.split(",") if seg.strip()]
    if len(segments) > 1:
        # Apposition: "die Sprecherin des Außenministeriums, Marija Sacharowa" -> the bare name.
        bare = [seg for seg in segments if all(w[:1].isupper() for w in seg.split())]
        name = bare[-1] if bare else segments[0]
    toks = name.split()
    k = 0
    while k < len(toks) - 1 and (is_role(toks[k]) or toks[k].endswith(("s", "'")) and k + 1 < len(toks) - 1):
        k += 1
    rest = toks[k:]
    if len(rest) >= 1 and rest[0][:1].isupper() and not any(t.islower() for t in rest):
        return " ".join(rest)
    return name


def _shares_word(a: str, b: str) -> bool:
    wa = {w.lower() for w in _WORD.findall(a) if len(w) > 2}
    return bool(wa & {w.lower() for w in _WORD.findall(b) if len(w) > 2})


class _MentionIndex:
    """The actors' mentions sorted by start, to find the actor mentioned at a speaker's span without
    scanning every mention for every quotation (quadratic on a long document)."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.spans = sorted((m.start, m.end, k) for k, a in enumerate(actors) for m in a.mentions)
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def actor_at(self, b: int, e: int) -> Actor | None:
        """The first actor (in the list's order) with a mention overlapping ``[b, e)``; a person before an
        organisation or country the phrase also names ("Der Leiter ... der WHO, Klaus Stöhr")."""
        lo = bisect.bisect_left(self.starts, b - self.longest)
        hi = bisect.bisect_left(self.starts, e)
        hits = [k for s, end, k in self.spans[lo:hi] if s < e and b < end]
        return self.actors[min(hits, key=lambda k: (self.actors[k].kind != "person", k))] if hits else None


def to_records(text: str, found: list[Found], sents, actors: list[Actor] | None = None) -> list[Quote]:
    """Found quotations -> models.Quote, speakers linked to actors where a mention overlaps."""
    sent_starts = [b for b, _ in sents]
    mentions = _MentionIndex(actors or [])
    text_words = TextWords(text)

    def sent_of(pos: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, pos) - 1)

    out: list[Quote] = []
    for i, f in enumerate(found):
        b, e = f.start, f.end
        qtext = text[b:e]
        if f.kind == "direct":
            qtext = qtext.strip(_DQUOTES)
        sp = f.speaker
        speaker_id = name = None
        actor = None
        if sp is not None:
            actor = mentions.actor_at(sp.start, sp.end)
            if actor is not None and not sp.pronoun and not _shares_word(actor.name, sp.text):
                actor = None  # a mention that overlaps but names someone else: keep our reading
            if actor is not None:
                speaker_id = actor.id
                own = person_name(resolve_name(text, sp, found, i, sents, sent_of) or "")
                # The actor's name unless it is a fragment of what the text says here.
                name = own if own and actor.name in own and len(own) > len(actor.name) else actor.name
            else:
                name = resolve_name(text, sp, found, i, sents, sent_of)
                if name:
                    name = person_name(name)
            if name:
                name = name.strip(_DQUOTES + " ") or None
            if name and (actor is None or actor.kind != "country") and not names_someone(name, text_words):
                # Precision first: the mention stays (it is where the attribution is), but a
                # common noun, adverb or fragment is no one to show as the speaker.
                name = speaker_id = None
        out.append(
            Quote(
                kind="direct" if f.kind == "direct" else "indirect",
                text=qtext,
                start=b,
                end=e,
                speaker=speaker_id,
                speaker_text=sp.text if sp else None,
                speaker_start=sp.start if sp else None,
                speaker_end=sp.end if sp else None,
                speaker_name=name,
                cue=f.cue,
            )
        )
    return out


# ------------------------------------------------------------------ spaCy component


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
        actors = list(getattr(doc._, "briefing_actors", None) or [])
        quotes = to_records(text, found, sents, actors)
        doc._.briefing_quotes = quotes
        spans = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["briefing_quotes"] = spans
        return doc
