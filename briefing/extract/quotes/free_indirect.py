"""Free indirect speech in the indicative: "sollen" continuing a speaker's report.

After a sentence that reports someone ("Die Ministerin kündigte eine Reform an."), news goes on
with what that person plans or claims without a new cue and without the Konjunktiv, in a clause
built on "sollen": "Die Beiträge sollen im nächsten Jahr sinken." The quotation data calls such
sentences free indirect speech, with the speaker of the report before. Konjunktiv continuations
are :func:`reported.continuations`; this module adds the "sollen" ones.

Only right after an attributed quotation in the same paragraph: "sollen" on its own is as often
the writer's own account of a plan or a rumour. On the training split, taking every "sollen"
sentence no rule had taken added 200 predictions and lowered the all-types end-to-end F1 from
0.572 to 0.558 (their speakers come from the context and are mostly wrong); taken only after an
attributed quotation, 28 sentences of which 18 are quotations, 16 with that speaker (0.590 -> 0.593,
four of five folds up).
"""

from __future__ import annotations

import bisect

from briefing.extract.quotes.base import Found
from briefing.extract.quotes.reported import own_introduction
from briefing.extract.quotes.speakers import tokens
from briefing.extract.quotes.speech_acts import CLAUSE_OPENERS, SUBORDINATING, sentences_with_quotes

# Finite forms of "sollen" in the 3rd person, indicative and Konjunktiv II.
_SOLLEN = frozenset(["soll", "sollen", "sollte", "sollten"])
# First and second person ("ihr" is left out: mostly the possessive): a sentence in them is the
# writer talking (or a quotation), not a report.
_PERSONAL = frozenset(["ich", "wir", "du", "mir", "mich", "uns", "euch"])


def _main_clause_sollen(toks: list[tuple[int, int, str]]) -> bool:
    """Does a finite "sollen" stand in the sentence's main clause?  Not in a clause after
    ", die …" / ", dass …", not in a fronted "Weil …" clause, not first ("Soll …?", "Sollte …, ")."""
    for i, (_b, _e, tok) in enumerate(toks):
        if tok.lower() not in _SOLLEN or i == 0:
            continue
        punct = next((k for k in range(i - 1, -1, -1) if toks[k][2] in ",;:(–"), None)
        if punct is None:
            if toks[0][2].lower() not in SUBORDINATING:
                return True
        elif toks[punct + 1][2].lower() not in CLAUSE_OPENERS:
            return True
    return False


def sollen_continuations(text: str, masked: str, sents: list[tuple[int, int]], found: list[Found]) -> list[Found]:
    """Sentences built on "sollen" right after an attributed quotation in the same paragraph:
    quotations of that quotation's speaker."""
    starts = [b for b, _ in sents]
    last_in: dict[int, Found] = {}  # sentence -> the last attributed quotation ending in it
    for f in sorted((f for f in found if f.speaker is not None), key=lambda f: f.end):
        last_in[max(0, bisect.bisect_right(starts, f.end - 1) - 1)] = f
    taken = sentences_with_quotes(sents, found)
    out: list[Found] = []
    for k in range(1, len(sents)):
        prev = last_in.get(k - 1)
        sb, se = sents[k]
        if prev is None or k in taken or "\n" in masked[sents[k - 1][1] : sb] or "soll" not in masked[sb:se]:
            continue  # no report just before, a quotation of its own, a new paragraph, or no "sollen"
        toks = tokens(masked, sb, se)
        if toks[-1][2] == "?" or not _PERSONAL.isdisjoint(tk[2].lower() for tk in toks):
            continue
        if not _main_clause_sollen(toks) or own_introduction(masked, sb, se):
            continue
        end = se
        while end > sb and masked[end - 1] in " .!;:\n":
            end -= 1
        f = Found("indirect", sb, end, prev.speaker, None, k, how="continuation")
        out.append(f)
        last_in[k] = f
    return out
