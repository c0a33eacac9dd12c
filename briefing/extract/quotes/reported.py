"""Reported speech without a cue of its own: Konjunktiv I continuations of an attributed
quotation (same speaker) and free reported speech (Konjunktiv I or reportative "soll … haben"
sentences no rule attributed; their speaker comes from the context, :mod:`resolve`)."""

from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache

from briefing.extract.quotes.base import LONG_QUOTE_WORDS, MIN_INDIRECT_WORDS, WORD, Found
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.lexicon import speech_verbs, word_set
from briefing.extract.quotes.speaker_names import is_organisation
from briefing.extract.quotes.speakers import Phrase, clause_subject, person_score

# Konjunktiv continuation sentences after an attributed quotation, at most.
MAX_CONTINUATION_SENTENCES = 6
# An indicative clause of at least this many words before a colon introduces the sentence's own speaker
# ("Die Opposition sah das anders: …"); a shorter one is a label ("Fazit: …").
MIN_INTRODUCTION_WORDS = 3

# Reportative "sollen" with a perfect infinitive: "Er soll das Geld genommen haben."
_REPORTATIVE_SOLL = re.compile(r"\bsoll(?:en)?\b[^.!?;:]*\b(?:haben|sein)\W*$")
_CONTINUATION_BLOCK = frozenset(["ich", "wir", "du", "ihr"])
# ...as they can be written ("Ich", "WIR"): every casing, so a set test in C finds them.
_CONTINUATION_BLOCK_CASED = frozenset(
    "".join(chars) for w in _CONTINUATION_BLOCK for chars in itertools.product(*((c, c.upper()) for c in w))
)


@lru_cache(maxsize=1)
def _lowercase_speech_verbs() -> frozenset[str]:
    """Speech verb forms as a lowercase word in running text shows them (a verb, not a noun)."""
    return frozenset(w for w in speech_verbs() if w[:1].islower())


def continuations(text, masked, sents, pairs, found, sent_words) -> list[Found]:
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
    starts = [sb for sb, _ in sents]
    for f in sorted(last_by_sent.values(), key=lambda x: x.sent):
        # (a quotation of several sentences goes on after its last one: "„… . …“, sagte sie. Künftig solle …")
        si = max(f.sent, bisect.bisect_left(starts, f.end) - 1)
        cur: Found | None = None
        speaker = f.speaker
        for k in range(si + 1, min(len(sents), si + 1 + MAX_CONTINUATION_SENTENCES)):
            if k in covered:
                break
            sb, se = sents[k]
            if "\n\n" in text[sents[k - 1][1] : sb] and k > si + 1:
                break
            words = sent_words[k]
            if not konjunktiv_words(masked, sb, se, strong=True, words=words):
                break
            if not _CONTINUATION_BLOCK_CASED.isdisjoint(words) or (
                not cue_words.isdisjoint(words) and not _cue_closes(words, _speaking_forms(words, cue_words))
            ):
                break
            if own_introduction(masked, sb, se) or narrated_main_clause(masked, sb, se):
                break
            end = se
            holder = _holds_view(masked, sb, se)
            if holder is not None:
                # "Sein Verteidiger vertritt die Ansicht, X habe …": the sentence's own subject speaks, and goes
                # on speaking in the Konjunktiv sentences after it; they continue its report as those after a
                # cue's sentence do, a quotation of their own
                out.append(Found("indirect", sb, end, holder, None, k, how="subject"))
                cur, speaker = None, holder
            elif cur is None:
                cur = Found("indirect", sb, end, speaker, None, k, how="continuation")
                out.append(cur)
            else:
                cur.end = end
            covered.add(k)
    return out


def _speaking_forms(words: list[str], cue_words: frozenset[str]) -> frozenset[str]:
    """The speech-verb forms of the sentence that speak in it: a form of a separable verb only with one of its
    particles in the sentence ("hält … fest"; "Er könne die Beschäftigten halten" holds them, says nothing), and
    no infinitive after a finite "sollen" or "müssen" ("Der Vorstand müsse endlich sagen, welche …" demands
    a speech act: the sentence goes on reporting the speaker before)."""
    verbs = speech_verbs()
    present = frozenset(words)
    modals = word_set("obligation_modals.txt")
    return frozenset(
        w
        for i, w in enumerate(words)
        if w in cue_words
        and (verbs[w].bare or not verbs[w].particles.isdisjoint(present))
        and not (w == verbs[w].lemma and not modals.isdisjoint(words[:i]))
    )


def _cue_closes(words: list[str], cue_words: frozenset[str]) -> bool:
    """Is the sentence's only speech-verb form its last word, closing the clause as a participle or
    infinitive ("Die Gewerkschaft habe das Angebot abgelehnt")?  Then it reports an act, and introduces no
    speech of its own (nor does a sentence with no speech-verb form that speaks)."""
    return not cue_words or (words[-1] in cue_words and cue_words.isdisjoint(words[:-1]))


def own_introduction(masked: str, sb: int, se: int) -> bool:
    """Does the sentence introduce its Konjunktiv with a clause of its own in the indicative before a colon
    ("Die Opposition sah das anders: Das Angebot liege …")?  Then someone else speaks: the sentence does
    not go on with the report before it."""
    colon = masked.find(":", sb, se)
    if colon < 0 or len(WORD.findall(masked, sb, colon)) < MIN_INTRODUCTION_WORDS:
        return False
    return not konjunktiv_words(masked, sb, colon, strong=True)


# Subordinators that open a clause put before its main clause: "Ob sie das Gesetz ändern wolle, ließ sie offen."
_FRONT_SUBORDINATORS = frozenset(["ob", "dass", "wenn", "falls", "weil", "obwohl", "sofern"])


def narrated_main_clause(masked: str, sb: int, se: int) -> bool:
    """Does the sentence hold its Konjunktiv only in a subordinate clause put first ("Ob sie das Gesetz ändern
    wolle, ließ sie offen.", "Ob er antrete, sagte er nicht.") and go on, after that clause's comma, with a main
    clause in the indicative?  Then the writer reports what was (not) said: the sentence is no report of its
    own ("Ob er antrete, wisse er noch nicht." goes on in the Konjunktiv and is one)."""
    first = WORD.search(masked, sb, se)
    if first is None or first.group().lower() not in _FRONT_SUBORDINATORS:
        return False
    comma = masked.find(",", first.end(), se)
    if comma < 0:
        return False
    verb = WORD.search(masked, comma, se)
    return (
        verb is not None
        and verb.group()[:1].islower()
        and not konjunktiv_words(masked, comma, se, strong=True)
        and not konjunktiv_words(masked, comma, se)
    )


def _holds_view(masked: str, sb: int, se: int) -> Phrase | None:
    """Does the sentence open with an indicative main clause whose subject, named first, holds the view the
    Konjunktiv clause after its comma reports ("Die Schutzvereinigung ist der Ansicht, dass das Gesetz … führe",
    "Sein Verteidiger vertritt die Ansicht, Clarkson habe …")?  Then that subject speaks, not the speaker of the
    report before: the subject, else None."""
    from briefing.extract.quotes.resolve import may_speak  # (resolve reads this module's results)

    comma = masked.find(",", sb, se)
    if comma < 0 or len(WORD.findall(masked, sb, comma)) < MIN_INTRODUCTION_WORDS:
        return None
    if konjunktiv_words(masked, sb, comma, strong=True):
        return None
    sp = clause_subject(masked, sb, comma)
    if sp is None or sp.pronoun or masked[sb : sp.start].strip():
        return None  # the subject opens the sentence (not "Nach Angaben der Polizei, …")
    rest = masked[sp.end : comma].split()
    return sp if rest and rest[0][:1].islower() and may_speak(masked, sp, sb, comma) else None


def _covered_sentences(sents: list[tuple[int, int]], found: list[Found]) -> set[int]:
    """Sentences at least half covered by a quotation found so far, and those whose reported clause a cue
    of their own frames ("Die Lage sei ernst, so die Ministerin.": a short clause, the rest its frame)."""
    covered = set()
    for f in found:
        if f.kind != "direct" and f.cue is not None:
            covered.add(f.sent)
        for k in range(f.sent, len(sents)):
            sb, se = sents[k]
            if sb >= f.end:
                break
            if 2 * max(0, min(se, f.end) - max(sb, f.start)) >= se - sb:
                covered.add(k)
    return covered


def _long_quote(text: str, f: Found) -> bool:
    """Has the quotation :data:`LONG_QUOTE_WORDS` words or more?  (Counted up to there.)"""
    return sum(1 for _ in itertools.islice(WORD.finditer(text, f.start, f.end), LONG_QUOTE_WORDS)) >= LONG_QUOTE_WORDS


def free_reported(text, masked, sents, found, sent_words) -> list[Found]:
    """Sentences in Konjunktiv I that no rule attributed: reported speech whose source is
    named nearby ("Das Robert-Koch-Institut sieht keine Gefahr. Lediglich Personen … seien …").
    Consecutive ones form one quotation; the speaker is resolved from the context."""
    # A short quoted phrase inside the sentence does not make the sentence a quotation:
    # "Der Iran müsse „vollständig … den Anreicherungsprozess“ beenden" is reported as a whole.
    covered = _covered_sentences(sents, [f for f in found if f.kind != "direct" or _long_quote(text, f)])
    cue_words = _lowercase_speech_verbs()
    out: list[Found] = []
    cur: Found | None = None
    for k, (sb, se) in enumerate(sents):
        words = sent_words[k]
        ok = (
            k not in covered
            and len(words) >= MIN_INDIRECT_WORDS
            # (the word tests first: they are cheaper than the Konjunktiv's and every test is pure)
            and _CONTINUATION_BLOCK_CASED.isdisjoint(words)
            and cue_words.isdisjoint(words)
            and (
                konjunktiv_words(masked, sb, se, strong=True, words=words) > 0
                or (masked.find("soll", sb, se) >= 0 and _REPORTATIVE_SOLL.search(masked, sb, se))
            )
        )
        if not ok or narrated_main_clause(masked, sb, se):
            cur = None
            continue
        intro = own_introduction(masked, sb, se)
        if intro:
            # "Die Opposition sah das anders: Das Angebot liege …": the words after the colon are those of the
            # clause's own subject, never of a speaker of the sentences around
            colon = masked.find(":", sb, se)
            start = colon + 1 + len(masked[colon + 1 : se]) - len(masked[colon + 1 : se].lstrip())
            subject = clause_subject(masked, sb, colon)
            if subject is not None and (person_score(subject) >= 2 or is_organisation(subject.text)):
                found_here = Found("indirect", start, se, subject, None, k, how="subject")
                found_here.sent_end = k
                out.append(found_here)
            # a subject that names no one ("Das neue Triebwerk hat einen Vorteil: …") makes it the writer's
            # own account: no quotation, and none borrowed from the speaker before
            cur = None
            continue
        if cur is not None and cur.sent_end == k - 1 and "\n\n" not in text[sents[k - 1][1] : sb]:
            cur.end = se
            cur.sent_end = k
            continue
        cur = Found("indirect", sb, se, None, None, k, attributed=False, how="free")
        cur.sent_end = k
        out.append(cur)
        if _holds_view(masked, sb, se) is not None:
            # "Der Anwalt vertritt die Ansicht, sein Mandant habe …": a report framed in its own sentence; the
            # Konjunktiv sentences after it continue it as a quotation of their own
            cur = None
    return out
