"""Reported speech without Konjunktiv: "Die Gewerkschaft fordert höhere Löhne."

News reports much of what people say without quoting them and without the Konjunktiv:
a speech-act verb whose subject is the speaker and whose object or complement is what was
said ("X kündigte Neuwahlen an", "X bezeichnete die Entscheidung als Fehler", "X warnt vor
einer Eskalation"). The quotation data (Petersen-Frey & Biemann 2024) calls these sentences
*reported speech*: the quotation is the whole sentence, speaker included.

The rule: a sentence that no other rule made a quotation and that holds no quotation marks
(a sentence with a partial quotation is annotated as that quotation), whose main clause has a
finite form of a reported-speech verb (or its participle after a perfect auxiliary) and a
subject that can be a speaker. The candidate verbs are the speech, naming and attitude verbs
of the lexicons; which of them make reported speech often enough to be shown is learned on
the training split by ``scripts/learn_reported_verbs.py`` and stored in
``lang/de/reported_verbs.txt`` (so that file carries the data's licence, CC BY-NC-SA 4.0).
The rule itself knows no word.

A separable verb is told by the particle closing its clause: "sprach von einem Erfolg"
(sprechen) is reported speech far more often than "sprach sich für X aus" (aussprechen).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.extract.quotes.base import Found
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.lexicon import VerbForm, naming_verbs, speech_verbs, verb_lexicon
from briefing.extract.quotes.speakers import (
    Phrase,
    passive_agent,
    person_score,
    phrase,
    read_np,
    subject_for_verb,
    tokens,
)
from briefing.lang import rows, word_set

# Sentences shorter than this many words say too little to be shown as a statement ("Er warnte.").
MIN_REPORTED_WORDS = 4
# The perfect auxiliaries that make a participle the predicate of the report ("hat … angekündigt").
_PERFECT = frozenset(["hat", "haben", "hatte", "hatten"])
# Finite modals and the future auxiliary: a verb spelled as its lemma after them is an infinitive.
_MODALS = frozenset(
    ["soll", "sollen", "sollte", "sollten", "will", "wollen", "wollte", "wollten", "kann", "können", "konnte"]
    + ["konnten", "muss", "müssen", "musste", "mussten", "darf", "dürfen", "durfte", "durften", "möchte"]
    + ["möchten", "wird", "werden", "würde", "würden"]
)
# Passive auxiliaries: "wurde angekündigt" names no speaker in its clause.
_PASSIVE = frozenset(["wird", "werden", "wurde", "wurden", "worden"])
# Conjunctions and question words that open a subordinate clause, also at the start of a sentence
# ("Weil X warnte, …"); with the relative pronouns, the words after a comma that do. A verb in such
# a clause is not the sentence's report ("…, die eine Untersuchung forderte, …").
SUBORDINATING = word_set("subordinators.txt") | frozenset(
    ["dass", "ob", "damit", "weshalb", "weswegen", "wo", "wogegen", "worauf", "wofür", "wonach", "um"]
    + ["was", "wer", "wen", "wem", "warum", "wann", "wieso", "inwieweit", "inwiefern"]
)
CLAUSE_OPENERS = SUBORDINATING | frozenset(
    ["der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches", "welchen", "welchem"]
)
# Subjects that name no speaker: expletive "es", impersonal "man", demonstratives.
_NOT_SPEAKERS = frozenset(["es", "man", "das", "dies", "dieses", "was"])
# A demonstrative right before the verb points back to what was reported ("Dies bestätigte X"):
# the report is the sentence before, which the indirect-speech rules handle.
_ANAPHORS = frozenset(["das", "dies", "dieses"])
_PREPOSITIONS = word_set("prepositions.txt") | {"seit", "während"}
# Words between a verb and its inverted subject ("fordert seit Jahren der Staat", "wirft nun X …").
_AFTER_VERB_SKIP = frozenset(["nun", "jetzt", "auch", "bereits", "dagegen", "jedoch", "daher", "zudem"])
# Nominative determiners that open a subject after the verb ("fordert der Staat", "sagte ein Sprecher").
_SUBJECT_DETERMINERS = frozenset(["der", "die", "das", "ein", "eine", "kein", "keine", "er", "sie"])
_WORD = re.compile(r"\w+")
# A zu-infinitive closing a clause ("…, ihre Häuser zu verlassen", "…, Stellen abzubauen"), as indirect.py reads it.
_ZU_INFINITIVE = re.compile(
    r"(?:\bzu [a-zäöüß]+|\b[a-zäöüß]+zu[a-zäöüß]+en)(?: (?:wollen|können|werden|haben|sein))?\W*$"
)
# Separable particles and predicatives that, closing the clause of a finite verb, make it another verb than the
# bare one: "Das Gericht sprach ihn schuldig" (schuldig sprechen), "sprachen ihn frei" (freisprechen), "sagte
# das Konzert ab" (absagen). A verb's own particles ("sprach sich … aus") are told by its lexicon entry first.
_OTHER_VERB_PARTICLES = frozenset(
    ["ab", "an", "auf", "aus", "bei", "ein", "fest", "frei", "los", "nach", "vor", "weg", "zu", "zurück"]
    + ["schuldig", "heilig"]
)
# Quotation marks: a sentence holding one is annotated as that quotation, not as a report.
_QUOTE_MARKS = frozenset('„“”"»«')


@dataclass(frozen=True)
class Report:
    """One reported-speech sentence: its span (speaker included), the verb and the speaker."""

    start: int
    end: int
    sent: int
    verb_start: int
    verb: str
    lemma: str
    speaker: Phrase

    def __init__(
        self, start: int, end: int, sent: int, verb_start: int, verb: str, lemma: str, speaker: Phrase,
    ) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "sent", sent)
        object.__setattr__(self, "verb_start", verb_start)
        object.__setattr__(self, "verb", verb)
        object.__setattr__(self, "lemma", lemma)
        object.__setattr__(self, "speaker", speaker)


@lru_cache(maxsize=1)
def candidate_verbs() -> dict[str, VerbForm]:
    """Lowercased form -> VerbForm of every verb that may report speech: the speech verbs,
    the naming and judging verbs, and the verbs of attitude and intention (attitude_verbs.txt).
    A form shared by several verbs ("sprach": sprechen, aussprechen) keeps all their particles."""
    out: dict[str, VerbForm] = {}
    for lexicon in (speech_verbs(), naming_verbs(), verb_lexicon("attitude_verbs.txt")):
        for form, vf in lexicon.items():
            old = out.get(form)
            if old is None:
                out[form] = vf
            else:
                out[form] = VerbForm(
                    old.lemma,
                    old.bare or vf.bare,
                    old.particles | vf.particles,
                    old.participle or vf.participle,
                    old.finite or vf.finite,
                )
    return out


@lru_cache(maxsize=1)
def candidate_lemmas() -> frozenset[str]:
    """Every lemma :func:`find_reports` can tell, separable verbs with and without their particle."""
    lemmas: set[str] = set()
    for vf in candidate_verbs().values():
        base = _base(vf)
        lemmas.add(base)
        lemmas.update(p + base for p in vf.particles)
    return frozenset(lemmas)


@lru_cache(maxsize=1)
def reported_lemmas() -> frozenset[str]:
    """The verbs learned to report speech (``reported_verbs.txt``, written by the learning script)."""
    return frozenset(r[0] for r in rows("reported_verbs.txt"))


@lru_cache(maxsize=4)
def _trigger_forms(wanted: frozenset[str]) -> frozenset[str]:
    """The verb forms (as running text writes a verb: lowercase) that can yield a lemma of ``wanted``."""
    out = set()
    for form, vf in candidate_verbs().items():
        base = _base(vf)
        if vf.lemma in wanted or base in wanted or any(p + base in wanted for p in vf.particles):
            out.add(form)
    return frozenset(out)


def _base(vf: VerbForm) -> str:
    """The lemma without a separable particle ("ankündigen" -> "kündigen")."""
    return next(
        (vf.lemma[len(p) :] for p in sorted(vf.particles, key=len, reverse=True) if vf.lemma.startswith(p)), vf.lemma
    )


def _closing_particle(lowered: list[str], t: int, particles: frozenset[str]) -> str:
    """The separable particle that closes the clause of the finite verb ``lowered[t]``, or ""."""
    for k in range(t + 1, len(lowered)):
        w = lowered[k]
        if w in particles and (k + 1 == len(lowered) or not lowered[k + 1][:1].isalnum()):
            return w
        if w in (";", ":") or (w == "," and k + 1 < len(lowered) and lowered[k + 1] in CLAUSE_OPENERS):
            break
    return ""


def _report_verb(toks: list[tuple[int, int, str]], forms: dict[str, VerbForm]) -> tuple[int, str, bool] | None:
    """Index and lemma of the first verb of ``forms`` that can be a report's predicate: a finite
    form outside parentheses, or a participle after a perfect auxiliary in the active voice; and whether it
    is the participle of a passive (its speaker is the agent, if the clause names one: the caller asks).
    A passive participle is taken only when no verb of the active voice is."""
    lowered = [tk[2].lower() for tk in toks]
    depth = 0
    passive_hit: tuple[int, str, bool] | None = None
    for t, (_b, _e, tok) in enumerate(toks):
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        if depth or not tok[:1].islower():
            continue  # "(Wikinews berichtete)": an aside, not the sentence's report
        vf = forms.get(lowered[t])
        if vf is None or (t > 0 and lowered[t - 1] == "zu"):
            continue  # "was zu erwarten ist": an infinitive is no one's report
        if lowered[t] == vf.lemma and not _MODALS.isdisjoint(lowered[:t]):
            continue  # "Es soll die Piloten warnen": the infinitive of a modal, not a finite verb
        if vf.participle:
            passive = not _PASSIVE.isdisjoint(lowered)
            if not _PERFECT.isdisjoint(lowered[:t]) and not passive:
                return t, vf.lemma, False
            if passive and passive_hit is None:
                passive_hit = (t, vf.lemma, True)  # "Von der Opposition wurde … kritisiert"
            if passive or not vf.finite:
                continue  # "wurde angekündigt" names no speaker in its clause (unless its agent: the caller)
        base = _base(vf)
        particle = _closing_particle(lowered, t, vf.particles) if vf.particles else ""
        if particle:
            return t, particle + base, False
        if vf.bare and not _closing_particle(lowered, t, _OTHER_VERB_PARTICLES - vf.particles):
            return t, base, False
    return passive_hit


def _in_subordinate_clause(toks: list[tuple[int, int, str]], t: int) -> bool:
    """Is ``toks[t]`` inside a subordinate or relative clause ("…, die X forderte")?"""
    for i in range(t - 1, -1, -1):
        if toks[i][2] in ",;:(–":
            return i + 1 < t and toks[i + 1][2].lower() in CLAUSE_OPENERS
    # "Weil X warnte, …": a fronted subordinate clause ends at the comma after its verb.
    return t > 0 and toks[0][2].lower() in SUBORDINATING and t + 1 < len(toks) and toks[t + 1][2] == ","


def _subject(
    masked: str, toks: list[tuple[int, int, str]], t: int, clause_start: int, clause_end: int
) -> Phrase | None:
    """The subject of the report verb ``toks[t]``: :func:`subject_for_verb`, unless what it finds
    before the verb is the object of a fronted preposition ("Seit Jahren fordert der Staat …");
    then the noun phrase right after the verb, when there is one."""
    sp = subject_for_verb(masked, clause_start, toks[t][0], toks[t][1], clause_end)
    if sp is None or sp.pronoun or sp.start >= toks[t][0]:
        return sp
    i = next((k for k, tk in enumerate(toks) if tk[0] == sp.start), None)
    if i is None or i == 0 or toks[i - 1][2].lower() not in _PREPOSITIONS:
        return sp
    after = tokens(masked, toks[t][1], clause_end)
    k = 0
    while k < len(after) and after[k][2].lower() in _AFTER_VERB_SKIP:
        k += 1
    j = read_np(after, k)
    if j > k and (after[k][2][:1].isupper() or after[k][2].lower() in _SUBJECT_DETERMINERS):
        return phrase(masked, after, k, j)
    return None


def _negated(toks: list[tuple[int, int, str]], t: int, particles: frozenset[str]) -> bool:
    """Does a negation (``negations.txt``, and "nichts") close the clause of the verb ``toks[t]``, before
    its comma or the sentence end, the verb's own separable particle aside ("Eine Zahl nannte er nicht",
    "lehnte das nicht ab")?  Then no speech act took place; "forderte nicht nur X" and "kündigte an, nicht
    zurückzutreten" are reports (the negation does not close the verb's clause)."""
    end = next((i for i in range(t + 1, len(toks)) if toks[i][2] in ",;:.!?"), len(toks))
    words = [toks[i][2].lower() for i in range(t + 1, end)]
    if words and words[-1] in particles:
        words.pop()
    return bool(words) and (words[-1] in word_set("negations.txt") or words[-1] == "nichts")


def find_reports(
    masked: str,
    sents: list[tuple[int, int]],
    skip: set[int],
    lemmas: frozenset[str] | None = None,
    sent_words: list[list[str]] | None = None,
) -> list[Report]:
    """Reported-speech sentences outside the sentences of ``skip``.

    Args:
        masked: the article text with quoted words masked (a quoted word is never the verb).
        sents: sentence spans.
        skip: indices of sentences that hold a quotation found by another rule.
        lemmas: the verbs to report (default: :func:`reported_lemmas`; the learning script
            passes :func:`candidate_lemmas`).
        sent_words: the words of each sentence of ``masked``, when the caller has them already.

    Returns:
        One :class:`Report` per sentence, in text order.
    """
    wanted = reported_lemmas() if lemmas is None else lemmas
    forms = candidate_verbs()
    triggers = _trigger_forms(wanted)
    out: list[Report] = []
    for k, (sb, se) in enumerate(sents):
        words = sent_words[k] if sent_words is not None else _WORD.findall(masked, sb, se)
        if k in skip or triggers.isdisjoint(words):
            continue  # taken, or no form of a wanted verb (a necessary test: the rule needs one)
        sentence = masked[sb:se]
        if sentence.rstrip().endswith("?") or not _QUOTE_MARKS.isdisjoint(sentence):
            continue  # a question reports nothing; a quotation in the sentence is what was said
        toks = tokens(masked, sb, se)
        if sum(1 for tk in toks if tk[2][:1].isalnum()) < MIN_REPORTED_WORDS:
            continue
        hit = _report_verb(toks, forms)
        if hit is None or hit[1] not in wanted:
            continue
        t, lemma, passive = hit
        if _in_subordinate_clause(toks, t):
            continue
        if t > 0 and toks[t - 1][2].lower() in _ANAPHORS and (t == 1 or toks[t - 2][2] == ","):
            continue  # "Das berichtete die dpa."
        clause_start = next((toks[i][1] for i in range(t - 1, -1, -1) if toks[i][2] in ";:"), sb)
        clause_end = next((b for b, _e, tok in toks[t + 1 :] if tok in ";:"), se)
        if _negated(toks, t, forms[toks[t][2].lower()].particles):
            continue  # "Eine Zahl nannte er nicht": no speech act took place
        if passive:
            # "Von Unionspolitikern wurde der Besuch als unangemessen kritisiert": the agent speaks, when it names
            # people (person_score 1 or more: "von einer hohen Waldbrandgefahr ausgegangen" is the verb's
            # object); a passive without an agent names no speaker
            sp = passive_agent(masked, clause_start, toks[t][0], toks[t][1], clause_end)
            if sp is not None and person_score(sp) < 1:
                continue
        else:
            sp = _subject(masked, toks, t, clause_start, clause_end)
        if sp is None or sp.text.lower() in _NOT_SPEAKERS or person_score(sp) < 0:
            continue
        end = se
        while end > sb and masked[end - 1] in " .!;:\n":
            end -= 1
        start = _complement_start(masked, toks, t, min(end, clause_end))
        if start is not None:
            end = min(end, clause_end)
            while end > start and masked[end - 1] in " .!;:,\n":
                end -= 1
        out.append(Report(sb if start is None else start, end, k, toks[t][0], toks[t][2], lemma, sp))
    return out


def _complement_start(masked: str, toks: list[tuple[int, int, str]], t: int, end: int) -> int | None:
    """Where the clause the report verb ``toks[t]`` takes as its content starts, when one follows its comma:
    a dass- or ob-clause ("Die Befürworter halten es für wichtiger, dass …"), a zu-infinitive closing the
    clause ("Die Behörden haben die Einwohner aufgefordert, ihre Häuser zu verlassen") or a Konjunktiv clause
    ("Er gab an, er habe nichts gesehen"): then what was said is that clause, not the whole sentence.  The first
    comma after the verb only; None when there is none or another clause follows it."""
    i = next((k for k in range(t + 1, len(toks)) if toks[k][2] in ",;:" and toks[k][0] < end), None)
    if i is None or toks[i][2] != "," or i + 1 >= len(toks) or toks[i + 1][0] >= end:
        return None
    b = toks[i + 1][0]
    first = toks[i + 1][2].lower()
    if first in ("dass", "ob"):
        return b
    if first in SUBORDINATING or first in CLAUSE_OPENERS:
        return None
    if _ZU_INFINITIVE.search(masked, b, end):
        return b
    if konjunktiv_words(masked, b, end, strong=True):
        return b
    return None


def sentences_with_quotes(sents: list[tuple[int, int]], found: list[Found]) -> set[int]:
    """Indices of the sentences that share at least one character with a quotation of ``found``."""
    starts = [b for b, _ in sents]
    hit: set[int] = set()
    for f in found:
        k = max(0, bisect.bisect_right(starts, f.start) - 1)
        while k < len(sents) and sents[k][0] < f.end:
            if sents[k][1] > f.start:
                hit.add(k)
            k += 1
    return hit


def reported_speech(
    masked: str,
    sents: list[tuple[int, int]],
    found: list[Found],
    lemmas: frozenset[str] | None = None,
    sent_words: list[list[str]] | None = None,
) -> list[Found]:
    """The reports of :func:`find_reports` in sentences without a quotation of ``found``, as
    indirect quotations whose speaker is the verb's subject."""
    skip = sentences_with_quotes(sents, found)
    return [
        Found("indirect", r.start, r.end, r.speaker, r.verb, r.sent, how="reported")
        for r in find_reports(masked, sents, skip, lemmas, sent_words)
    ]
