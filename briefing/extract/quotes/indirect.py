"""Indirect speech: the clause a speech cue reports.

The clause after "sagte," (dass-clause, Konjunktiv, zu-infinitive), the clause before
", sagte X", the sentence (or subordinate clause) around "laut/zufolge/nach Angaben/wonach/Demnach",
and what a demonstrative before the verb points back to ("Dies bestätigte X").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter

from briefing.extract.quotes.base import DEFINITE, MIN_INDIRECT_WORDS, WORD, Cue, Found
from briefing.extract.quotes.cues import clause_start_across_quotes, points_back_only
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.learning import replaced
from briefing.extract.quotes.lexicon import is_role, lowercase_speech_verbs, speech_verbs, word_set
from briefing.extract.quotes.speaker_names import may_name_people
from briefing.extract.quotes.speakers import clause_subject, tokens
from briefing.lang.de import AUXILIARIES, OPENING_PARTICLES

_START = itemgetter(0)  # a token's start

# Conjunctions that open a subordinate clause ("wenn", "obwohl", "nachdem").
_SUBORDINATORS = word_set("subordinators.txt")
# "sagte am Montag in Berlin, …": words allowed between a speech verb and its comma clause.
MAX_SPEAKER_GAP_WORDS = 6
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
# The content of a speech act as a zu-infinitive clause ("forderte, die Steuern zu senken",
# "kündigte an, Stellen abzubauen"); "\w+zu\w+en" covers "abzubauen".
# "um/ohne/statt … zu": an adverbial infinitive (purpose, manner), never what was said.
_ADVERBIAL_INFINITIVE = frozenset(["um", "ohne", "statt", "anstatt", "außer"])
_ZU_INFINITIVE = re.compile(
    r"(?:\bzu [a-zäöüß]+|\b[a-zäöüß]+zu[a-zäöüß]+en)(?: (?:wollen|können|werden|haben|sein))?\W*$"
)
# A relative clause after a comma on the noun before it: "…, der die Stadt durchquert", "…, wo die Grundsicherung
# garantiert werde"; and one on the whole clause before it: "…, was nicht bestätigt wurde", "…, wobei …".
_RELATIVE_AFTER_COMMA = re.compile(
    r",\s*(?:(der|die|das|dem|den|denen|deren|dessen|welche[rsmn]?|wo)|was|wobei|womit|worauf|wodurch)\s"
)


def zu_infinitive_end(masked: str, b: int, end: int) -> int | None:
    """Where the zu-infinitive clause at ``b`` ends: at ``end`` when it closes there; before a relative clause on
    the whole clause ("forderte, Informationen zu sammeln, wobei …"); after one that says more of its last noun
    ("schlug vor, die Gebühr für den Verkehr zu erheben, der die Stadt durchquert"); None if it is none."""
    if _ZU_INFINITIVE.search(masked, b, end):
        return end
    m = _RELATIVE_AFTER_COMMA.search(masked, b, end)
    if m is None or masked.find(",", b, m.start()) != -1 or _ZU_INFINITIVE.search(masked, b, m.start()) is None:
        return None
    return end if m.group(1) else m.start()


# The forms of "nennen" that name someone in a wie-clause ("wie sich die Junta nennt", "wie er genannt wird").
_NAMING_FORM = re.compile(r"\b(?:nennt|nannte|nannten|nennen|genannt)\b")


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


def indirect_quotes(text, masked, sents, by_sent, pairs, used_cues) -> list[Found]:
    # A direct quotation inside the reported clause ("er sagte, es müsse Schluss sein mit „…“") does not
    # make the clause a direct quotation: both are reported, the clause as indirect speech around it.
    out: list[Found] = []
    # span -> (its Found, distance of its cue): two verbs can reach one clause ("X lehnte ab, zumal Y
    # betont hatte, Z sei …"); the nearer one is the speech verb of that clause.
    seen: dict[tuple[int, int], tuple[Found, int]] = {}
    for si, (sb, se) in enumerate(sents):
        end = _strip_final(text, sb, se)
        for c in by_sent.get(si, []):
            span = None
            if id(c) in used_cues:
                # The verb after a quotation that ends a Konjunktiv clause of its own words ("Die Stadt müsse
                # „endlich handeln“, sagte X") speaks that quotation and reports the clause around it.
                span = _quoted_report_before(text, masked, c, sb, end)
                if span is None:
                    continue
            elif points_back_only(c):
                continue  # postposed "seiner Meinung nach" only points back: the clause is its verb's, if any
            elif c.kind in ("marker", "so"):
                if c.word == "Für" and not konjunktiv_words(masked, sb, end, strong=True):
                    # "Für den Chef ist es der schwerste Tag seiner Amtszeit": an indicative judgement is the
                    # writer's framing (train's gold never counts one); the cue still attributes quotations
                    continue
                span = _frame_complement(text, sb, end, c.frame_start, c.frame_end)
            elif c.kind == "verb":
                if _stative_appeal(masked, c, sb) or _wie_inside_report(masked, c, by_sent.get(si, []), sb):
                    continue
                if c.lemma == "nennen" and masked[c.end : c.end + 6] == " sich ":
                    continue  # "das nennt sich Prinzip Hoffnung", "Die Gruppe nennt sich …": a name, no speech
                if c.lemma == "nennen" and (masked[c.frame_start : c.frame_start + 4] or "").lower() == "wie ":
                    continue  # "„Uncle Ted“, wie der Senator genannt wurde, …", "wie er sich nannte": a name
                if _reported_inside_later_frame(masked, c, by_sent.get(si, []), sb):
                    continue
                span = _verb_complement(text, masked, c, sb, end) or _anaphoric_complement(text, masked, c, sents, si)
            if span is None:
                continue
            b, e = span
            if b >= c.end:
                e = _before_next_frame(masked, c, by_sent.get(si, []), b, e)
            if len(WORD.findall(text, b, e)) < MIN_INDIRECT_WORDS:
                continue
            if c.kind == "verb" and _negated_question(masked, c, b, e, end):
                continue  # "Wieso die Maschine umkehrte, gab die Flugsicherung nicht bekannt": nothing was said
            sp = c.speaker
            if sp is not None and 2 * max(0, min(e, sp.end) - max(b, sp.start)) >= e - b:
                continue  # "Der Vizepräsident, Wolfgang Niersbach, sagte, …": the speaker is no report
            # Reported speech, but not the words of the cue's subject: a relative clause with its own source
            # ("…, denen zufolge …") or the claim a rejecting verb names ("wies die Darstellung zurück, …").
            nobody = c.kind == "verb" and (
                _relative_source(masked, b) or _rejected_claim(masked, c, b) or _unconfirmed(masked, c, b)
            )
            distance = c.start - e if c.start >= e else max(0, b - c.end)
            if (b, e) in seen:
                earlier, d0 = seen[(b, e)]
                if nobody or earlier.speakerless:
                    earlier.speaker, earlier.mention, earlier.relay, earlier.speakerless = None, None, None, True
                elif distance < d0:
                    earlier.speaker, earlier.cue, earlier.mention = c.speaker, c.word, c.mention
                    earlier.cue_kind = c.kind
                    seen[(b, e)] = (earlier, distance)
                continue
            if nobody:
                found = Found("indirect", b, e, None, c.word, si, how="none", cue_kind=c.kind, speakerless=True)
            else:
                found = Found(
                    "indirect", b, e, c.speaker, c.word, si, how="cue", cue_kind=c.kind, mention=c.mention,
                    relay=c.relay,
                )
            seen[(b, e)] = (found, distance)
            out.append(found)
    return out


# "…, denen zufolge …", "…, laut dessen …": a relative clause whose source is its antecedent (a rule, a report),
# not the subject of the sentence's speech verb.
_RELATIVE_SOURCE = re.compile(r"(?:denen|dem|der|dessen|deren) zufolge\b|(?:laut|gemäß) (?:denen|dessen|deren)\b")
# Verbs that reject a claim, and the nouns that name one: "wies die Darstellung zurück, die Ausländer seien
# ausgewiesen worden", "bestritt den Vorwurf, er habe …": the clause is the claim rejected, the opposite of what
# the subject says.
_REJECTING_VERBS = frozenset(["zurückweisen", "dementieren", "bestreiten", "widersprechen", "abstreiten"])
_CLAIM_NOUNS = frozenset(
    [
        "Darstellung",
        "Darstellungen",
        "Behauptung",
        "Behauptungen",
        "Vorwurf",
        "Vorwurfs",
        "Vorwürfe",
        "Vorwürfen",
        "Anschuldigung",
        "Anschuldigungen",
        "Meldung",
        "Meldungen",
        "Bericht",
        "Berichte",
        "Berichten",
        "Gerücht",
        "Gerüchte",
        "Gerüchten",
        "Spekulation",
        "Spekulationen",
        "Unterstellung",
        "Unterstellungen",
        "Annahme",
        "Vermutung",
    ]
)

_COORDINATORS = frozenset(["und", "oder", "aber", "sondern", "sowie"])


def _unconfirmed(masked: str, c: Cue, b: int) -> bool:
    """Is the clause at ``b`` what the cue's subject would not confirm: "wollte nicht bestätigen, dass …",
    "bestätigte nicht, dass …" (the subject leaves it open; it is not the subject's statement)?"""
    if c.lemma != "bestätigen" or b <= c.end:
        return False
    before = masked[max(0, c.start - 12) : c.start].split()
    between = re.findall(r"\w+", masked[c.end : b])
    if before and before[-1] in word_set("negations.txt"):
        return True
    # ("bestätigte das nicht, der Vorstand werde aber beraten": a Konjunktiv clause after it is the subject's)
    return bool(between and between[-1] in word_set("negations.txt")) and masked.startswith(("dass ", "ob "), b)


# Words that open an indirect question: what a negated verb of saying leaves unsaid ("sagte nicht, wann …").
_QUESTION_WORDS = frozenset(
    ["ob", "wie", "was", "warum", "wieso", "weshalb", "weswegen", "wann", "wo", "wohin", "woher", "wer", "wen", "wem"]
)
# Words before a verb of saying that its negation may stand among ("wollte sich dazu nicht äußern, ob …").
_NEGATION_REACH = 4


def _negated_question(masked: str, c: Cue, b: int, e: int, end: int) -> bool:
    """Is ``[b, e)`` an indirect question ("ob …", "wann …", "Wieso …") whose verb of saying is negated: "sagte
    nicht, wann …", "wollte nicht sagen, ob …", "Wieso …, gab die Behörde nicht bekannt"?  Then the clause is what
    was left unsaid, no one's statement.  A dass-clause or a Konjunktiv clause after a negation is said ("sagte
    nicht nur, dass …" is left to the verb's own rules)."""
    first = (WORD.findall(masked, b, min(e, b + 12)) or [""])[0].lower()
    if first not in _QUESTION_WORDS:
        return False
    negations = word_set("negations.txt")
    if b >= c.end:
        window = masked[max(0, c.start - 40) : c.start]
        clause = re.split(r"[,.;:!?]", window)[-1]  # (the verb's own clause: "Er kam nicht, sagte aber, ob …")
        before = WORD.findall(clause)[-_NEGATION_REACH:]
        between = WORD.findall(masked, c.end, b)
        words = before + between
    else:
        stop = masked.find(",", c.end, end)
        words = WORD.findall(masked, c.start, stop if stop != -1 else end)
    return not negations.isdisjoint(w.lower() for w in words) and "nur" not in words


def _relative_source(masked: str, b: int) -> bool:
    """Does the clause at ``b`` open with a relative source after a comma ("…, denen zufolge …")?"""
    return masked[max(0, b - 2) : b].strip() == "," and _RELATIVE_SOURCE.match(masked, b) is not None


def _rejected_claim(masked: str, c: Cue, b: int) -> bool:
    """Is the clause at ``b`` the content of a claim the cue rejects: a claim noun between the rejecting verb
    and the clause ("wies die Darstellung zurück, …", "widersprach Berichten, …")?"""
    if c.lemma not in _REJECTING_VERBS or b <= c.end or masked[max(0, b - 2) : b].strip() != ",":
        return False  # ("wies Vorwürfe zurück: Der Senat habe …": after a colon, the subject's own account)
    words = re.findall(r"\w+", masked[c.end : b])
    if any(w in _COORDINATORS for w in words):
        return False  # "bestreitet den Vorwurf und sieht, …": the clause belongs to another verb
    return any(w in _CLAIM_NOUNS for w in words)


# Participles of appeal verbs whose "sein" passive states a duty, not an act of speech: "Die Bürger sind
# aufgerufen, …" (the subject is who is called upon; nobody speaks in the sentence).
_APPEAL_PARTICIPLES = frozenset(["aufgerufen", "aufgefordert", "gebeten", "angehalten", "ermahnt", "verpflichtet"])
_SEIN_FORMS = frozenset(["ist", "sind", "war", "waren", "sei", "seien", "wäre", "wären"])


def _wie_inside_report(masked: str, c: Cue, cues: list[Cue], sb: int) -> bool:
    """ "Er sagte, die Regierung habe, wie der Minister betonte, keine andere Wahl": a wie-clause inside the report
    of a speech verb before it (the verb and its comma precede the clause) frames no sentence of its own; the
    report is the earlier verb's, the wie-clause part of it."""
    clause_word = (masked[c.frame_start : c.frame_start + 8].split() or [""])[0].lower()
    if clause_word not in ("wie", "wobei") or c.frame_start <= sb + 1:
        return False
    return any(
        o is not c and o.kind == "verb" and o.end <= c.frame_start and masked[o.end : c.frame_start].lstrip()[:1] == ","
        for o in cues
    )


def _reported_inside_later_frame(masked: str, c: Cue, cues: list[Cue], sb: int) -> bool:
    """ "Die Mannschaft habe gezeigt, dass sie gewinnen könne, sagte der Trainer": a speech verb in the
    Konjunktiv (its own clause reported: "habe gezeigt", "habe erklärt") before the frame of a later verb that
    follows a comma (", sagte der Trainer") is part of that verb's report, not a report of its own; what it
    says would be hearsay inside the trainer's words, and its subject no speaker of the article."""
    if not konjunktiv_words(masked, sb, c.start, strong=True) and not konjunktiv_words(
        masked, c.start, c.end, strong=True
    ):
        return False
    return any(
        o is not c
        and o.kind == "verb"
        and o.speaker is not None
        and o.start > c.end
        and masked[max(sb, o.start - 3) : o.start].rstrip().endswith(",")
        for o in cues
    )


def _stative_appeal(masked: str, c: Cue, sb: int) -> bool:
    """ "Rund 150.000 Menschen waren aufgerufen, … zu wählen": an appeal verb's participle after a form of
    "sein" (and no "worden") in its clause."""
    if c.word.lower() not in _APPEAL_PARTICIPLES:
        return False
    words = [w.lower() for w in WORD.findall(masked, max(sb, c.frame_start), c.start)]
    return "worden" not in words and not _SEIN_FORMS.isdisjoint(words)


def _before_next_frame(masked: str, c: Cue, cues: list[Cue], b: int, e: int) -> int:
    """Where the clause ``[b, e)`` reported after the verb of ``c`` ends when another speaker's frame follows
    in the same sentence ("Die Ministerin sagte, das Land zahle mehr, und der Kämmerer entgegnete, …"): before
    the comma and conjunction that open that frame; else ``e``."""
    for c2 in cues:
        sp = c2.speaker
        if c2 is c or c2.kind != "verb" or sp is None or not b < sp.start < c2.start < e:
            continue  # (the other speaker named before its verb, both inside the clause)
        if c.speaker is not None and sp.text == c.speaker.text:
            continue
        # the last ", und" / ", während" before the other speaker
        cut = max((m.start() for m in _JOINER.finditer(masked, b, sp.start + 1)), default=-1)
        if cut == -1:
            continue
        end = cut
        while end > b and masked[end - 1] in " ,":
            end -= 1
        if end > b:
            e = min(e, end)
    return e


# What joins a second speaker's frame to a clause reported before it: "…, und der Kämmerer entgegnete, …",
# "…, während die Opposition betonte, …".
_JOINER = re.compile(r",\s+(?:und|aber|doch|sondern|während|wohingegen)\s")


# "…geht davon aus, dass …", "…wurde bekannt, dass …": the word before the comma of a dass-clause or
# zu-infinitive clause, and the clause.


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches


def _words_before_commas(masked: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """Each word right before a comma in ``masked[start:end]`` with a word after it (``word , word``, only
    spaces or tabs around the comma): (word start, word end, start of the word after the comma).

    Found from the commas (str.find) backwards: a regex search for the word tried every word of the
    sentence, and a sentence has far fewer commas than words.  The word is cut at ``start``.
    """
    p = masked.find(",", start, end)
    while p != -1:
        we = p
        while we > start and masked[we - 1] in " \t":
            we -= 1
        ws = we
        while ws > start and _is_word_char(masked[ws - 1]):
            ws -= 1
        after = p + 1
        while after < end and masked[after] in " \t":
            after += 1
        if ws < we and after < end and _is_word_char(masked[after]):
            yield ws, we, after
        p = masked.find(",", p + 1, end)


def complement_words() -> frozenset[str]:
    """Words that end a clause whose dass-clause or zu-infinitive after the comma is reported speech
    though no verb of saying introduces it ("geht davon aus", "wurde bekannt", "hält es für möglich",
    "beschloss"): learned from train (complement_words.txt, scripts/learn_complement_words.py, which
    tries other sets through :func:`~briefing.extract.quotes.learning.replacing`)."""
    words = replaced("complement_words")
    return _shipped_complement_words() if words is None else words


@lru_cache(maxsize=1)
def _shipped_complement_words() -> frozenset[str]:
    return word_set("complement_words.txt")


def complement_quotes(
    text: str, masked: str, sents, found: list[Found], sent_words: list[list[str]] | None = None
) -> list[Found]:
    """dass-clauses and zu-infinitives after a :func:`complement_words` word that no speech cue reported.

    The speaker is the subject of the clause before the comma ("Die Regierung geht davon aus, dass …").
    ``sent_words``: the ``\\w+`` words of each masked sentence when the caller has them (a word before a
    comma is one of them: a sentence without a complement word is passed over).
    """
    words = complement_words()
    taken = [(f.start, f.end) for f in found if f.kind == "indirect"]
    out: list[Found] = []
    for si, (sb, se) in enumerate(sents):
        end = _strip_final(text, sb, se)
        if masked.find(",", sb, end) == -1:
            continue
        if sent_words is not None and words.isdisjoint(map(str.lower, sent_words[si])):
            continue
        for ws, we, b in _words_before_commas(masked, sb, end):
            word = masked[ws:we]
            if word.lower() not in words:
                continue
            opener = WORD.match(masked, b)
            if opener is not None and opener.group() == "dass":
                e = _reported_end(masked, b, end)
            elif (opener is None or opener.group() not in _ADVERBIAL_INFINITIVE) and _ZU_INFINITIVE.search(
                masked, b, end
            ):
                e = end
            else:
                continue
            if any(tb < e and b < te for tb, te in taken) or len(WORD.findall(text, b, e)) < MIN_INDIRECT_WORDS:
                continue
            cs = max(sb, masked.rfind(",", sb, ws) + 1, masked.rfind(":", sb, ws) + 1)
            sp = clause_subject(masked, cs, we)
            f = Found("indirect", b, e, sp, word, si, how="complement")
            taken.append((b, e))
            out.append(f)
    return out


def trim_to_konjunktiv_clause(text: str, masked: str, sents, found: list[Found]) -> list[Found]:
    """Start sentence-long reported speech (``cue`` None: continuations, free reported speech) at the
    clause that carries its Konjunktiv when the main clause before it has none.

    "Die Alliierten hatten Einspruch erhoben, weil Berlin einen Sonderstatus habe": the report is the
    weil-clause; "Damals dachte niemand, dass es so lange Bestand haben würde": the dass-clause.
    Returns the quotations trimmed.
    """
    trimmed: list[Found] = []
    for f in found:
        if f.kind != "indirect" or f.cue is not None:
            continue
        sb, se = sents[f.sent]
        if f.start > sb:
            continue
        b = f.start
        end = min(se, f.end)
        comma = masked.find(",", b, end)
        if comma == -1 or konjunktiv_words(masked, b, comma):
            continue
        while comma != -1:
            nxt = masked.find(",", comma + 1, end)
            if konjunktiv_words(masked, comma + 1, nxt if nxt != -1 else end):
                start = comma + 1
                while start < end and text[start] in " \t":
                    start += 1
                first = WORD.match(masked, start)
                if (
                    first is not None
                    and konjunktiv_words(masked, first.start(), first.end())
                    and (WORD.findall(masked, b, comma) or [""])[0].lower() not in _SUBORDINATORS
                ):
                    # The Konjunktiv verb right after the comma: what stands before it is the fronted
                    # part of the same clause ("Die Opfer, vor allem Zivilisten, seien …"), no main
                    # clause; a fronted adverbial clause ("Obwohl …, sei man …") is the narrator's.
                    break
                f.start = start
                if nxt != -1 and _main_clause_resumes(masked, nxt, end):
                    # "Hieß es zunächst, dass die Fahrgäste schuld seien, wird nun investiert": the clause is put
                    # before the narrator's main clause, which goes on after its comma with the finite verb
                    f.end = nxt
                trimmed.append(f)
                break
            comma = nxt
    return trimmed


def _main_clause_resumes(masked: str, comma: int, end: int) -> bool:
    """Does the main clause go on after ``comma`` with its finite verb (an auxiliary or modal, lowercase) and no
    Konjunktiv up to ``end``?"""
    m = WORD.search(masked, comma + 1, end)
    if m is None or masked[comma + 1 : m.start()].strip():
        return False
    w = m.group()
    return (w in AUXILIARIES or w in _MODAL_FINITE) and not konjunktiv_words(masked, comma + 1, end)


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
        if "_" in masked[pb:pe] and not lowercase_speech_verbs().isdisjoint(WORD.findall(masked, pb, pe)):
            # "Weiter sagte Larson: „…“ Dies sagte der Präsident …": the sentence before is a quotation with a frame
            # of its own, attributed already; the demonstrative names who that speaker is, it reports nothing new
            return None
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


# A frame that follows its report: ", so X" (the frame starts at the comma).
_POSTPOSED_SO = re.compile(r",\s*so\s")


def _frame_complement(text: str, sb: int, end: int, fb: int, fe: int) -> tuple[int, int] | None:
    """The sentence without its attribution frame ("laut X", "X zufolge", ", so X")."""
    lead = text[sb:fb].strip(' ,„“"')
    tail = text[fe:end].strip(" ,")
    if tail and "," not in text[fe:end] and _POSTPOSED_SO.match(text, fb, fe):
        # ", so X im Fernsehen.": the words after the speaker belong to the frame, not the report (a frame
        # closed by a comma stands inside its report: "Die Lage, so X, sei ernst")
        tail = ""
    if not lead:
        b = fe
        while b < end and text[b] in " ,:":
            b += 1
        if text[fe:b].strip() == ",":
            b = _after_source_relative(text, b, end)
        return (b, end) if end > b else None
    if not tail:
        e = fb
        while e > sb and text[e - 1] in " ,":
            e -= 1
        return (sb, e) if e > sb else None
    # A colon or semicolon before the frame closes a clause of its own ("Die Favoriten scheinen klar:
    # Nach Meinung der Experten werden …"): the report is what follows it.
    cut = max(text.rfind(":", sb, fb), text.rfind(";", sb, fb))
    if cut != -1:
        return _frame_complement(text, cut + 1, end, fb, fe)
    # Inside a subordinate clause ("…, die nach dessen Angaben die Bombe enthalten sollte, …")
    # the report covers that clause only.
    cb = text.rfind(",", sb, fb)
    if cb != -1:
        opener = WORD.match(text, cb + 1 + (text[cb + 1 : cb + 2] == " "))
        if opener and (opener.group().lower() in _CLAUSE_INTRO or _prepositional_relative(text, opener, fb)):
            ce = text.find(",", fe, end)
            return (opener.start(), ce if ce != -1 else end)
    return (sb, end)


# Words at most in the relative clause or apposition of a frame's source before the report (see below).
_MAX_SOURCE_RELATIVE_WORDS = 20
_MAX_SOURCE_APPOSITION_WORDS = 8


def _after_source_relative(text: str, b: int, end: int) -> int:
    """Where the report starts when the frame's source is followed by its relative clause ("Nach Angaben eines
    Experten, der vom Sender befragt wurde, würde dies …", "Nach offiziellen Angaben, die nicht überprüft werden
    können, waren …") or its apposition ("Nach Angaben von Jan Falk, dem Leiter der Behörde, hatten …"): after
    the comma closing it.  ``b`` is the first word after the frame's comma; a clause that is neither, or one
    that runs to the end, leaves ``b``."""
    opener = WORD.match(text, b)
    if opener is None:
        return b
    nxt = WORD.match(text, opener.end() + 1) if text[opener.end() : opener.end() + 1] == " " else None
    if nxt is None:
        return b
    most = _MAX_SOURCE_RELATIVE_WORDS
    if opener.group() in word_set("relative_pronouns.txt"):
        # a relative pronoun, then no noun ("der vom Sender befragt wurde"); an article and a role title is
        # the source's apposition ("Nach Angaben von Jan Falk, dem Leiter der Behörde, hatten …")
        if nxt.group()[:1].isupper():
            if not is_role(nxt.group()):
                return b
            most = _MAX_SOURCE_APPOSITION_WORDS
    elif not _prepositional_relative(text, opener, end):
        return b
    comma = text.find(",", opener.end(), end)
    if comma == -1 or len(WORD.findall(text, b, comma)) > most:
        return b  # (no comma closes it, or one far on: a comma missing, the clause read on into the report)
    nb = comma + 1
    while nb < end and text[nb] == " ":
        nb += 1
    return nb


def _prepositional_relative(text: str, opener: re.Match[str], fb: int) -> bool:
    """Is the clause's first word a preposition and a relative pronoun next ("…, unter denen sich nach
    Angaben der Polizei der Täter befand, …")? Then the clause is a relative clause."""
    if opener.group().lower() not in word_set("prepositions.txt"):
        return False
    b = opener.end()
    nxt = WORD.match(text, b + 1) if text[b : b + 1] == " " else None
    return nxt is not None and nxt.end() <= fb and nxt.group() in word_set("relative_pronouns.txt")


def _verb_complement(text: str, masked: str, c: Cue, sb: int, end: int) -> tuple[int, int] | None:
    """The reported clause of a speech verb: after it ("sagte, …"), before it ("…, sagte X"),
    or the main clause around "wie X mitteilte"."""
    toks = tokens(masked, sb, end)
    t = bisect.bisect_left(toks, c.start, key=_START)  # (tokens are sorted by their starts)
    if t == len(toks) or toks[t][0] != c.start:
        return None
    clause_word = (masked[c.frame_start : c.frame_start + 8].split() or [""])[0].lower()
    # "Wie die Polizei mitteilte, wurden …" / "…, wie die Polizei mitteilte."
    if clause_word in ("wie", "wobei") and c.frame_start > sb - 1:
        if clause_word == "wie" and _comparative_object(masked, c.frame_start):
            return None  # "Einen Fonds, wie ihn die Länder fordern, lehnte sie ab": the noun's kind, no source
        after_wie = masked[c.frame_start : c.frame_start + 30].split() + ["", ""]
        if clause_word == "wie" and after_wie[1] in _EXAMPLE_WORDS:
            return None  # "Von einigen Ministern, wie etwa von denen Polens, wurde betont …": examples, no source
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
    apposed = -1  # the comma that opens the speaker's apposition ("sagte X, Sprecher der Stadt, …")
    closes_clause = _closes_subordinate_clause(toks, t, commas)
    for i in commas:
        nxt = i + 1
        if nxt >= len(toks):
            break
        first = toks[nxt][2].lower()
        b = toks[nxt][0]
        stop = next((k for k in range(nxt + 1, len(toks)) if toks[k][2] == ","), len(toks))
        clause_end = toks[stop - 1][1] if stop > nxt else end
        if closes_clause and toks[i][2] == "," and _finite_first(masked, toks, nxt):
            # "Die Stadt forderte, alle Anträge, die wegen Lärm gemeldet wurden, sollten geprüft werden": the verb
            # closes a relative or subordinate clause, and the clause after its comma that opens with a finite verb
            # is the outer clause going on, not the verb's report (nor is what stands between: "Schulen, denen
            # vorgeworfen wurde, Geld zu verschwenden, würden geprüft" is the outer report; whose accusation the
            # passive does not say)
            return None
        if toks[i][2] == "," and i > t + 1 and toks[i - 1][2][:1].isupper() and _named_apposition(toks, nxt, stop):
            continue  # "sagte ein Sprecher des Unternehmens, Thomas Reuter, am Montag": the speaker's name
        if toks[i][2] == "," and i > t + 1 and _role_apposition(masked, toks, nxt, stop, clause_end):
            apposed = i
            continue  # "sagte Jan Keller, der Sprecher der Feuerwehr.": who the speaker is, not what was said
        if toks[i][2] == "," and _relative_not_report(masked, toks, nxt, stop):
            continue  # "berichteten von Explosionen in zwei Zügen, die am Bahnhof standen": what the noun is
        if first in ("dass", "ob"):
            return (b, _reported_end(masked, b, end))
        if first in ("wie", "was", "warum", "wer", "wann", "wo") and toks[i][2] == ",":
            if first == "wie" and stop < len(toks) and _NAMING_FORM.search(masked, b, clause_end):
                continue  # "erklärte der Rat, wie sich die Junta nennt, die Lage sei …": the speaker's name
            if not _only_speaker_between(toks, t, i, c):
                # "kritisierte die Rolle der Partei, was eine Reaktion zur Folge hatte": after the verb's object the
                # clause is a relative one on what came before, not the question the verb reports ("sagte nicht,
                # was …", "erklärte am Montag, wie …"); a report may follow it ("erklärte der „Rat“, wie sich die
                # Junta nennt, die Lage sei …")
                continue
            return (b, _reported_end(masked, b, end))
        if (
            konjunktiv_words(masked, b, clause_end)
            or (toks[i][2] == ":" and konjunktiv_words(masked, b, end))
            or _quoted_konjunktiv(text, masked, b, clause_end)
        ):
            if (
                toks[i][2] == ","
                and stop < len(toks)
                and _finite_first(masked, toks, nxt)
                and not _finite_first(masked, toks, stop + 1)
            ):
                # "bezeichnete die Worte, sollten sie gefallen sein, als „inakzeptabel“": a conditional with its
                # verb first, put in the verb's own clause; as the front of a report a verb follows it ("sagte,
                # sollte es scheitern, werde er gehen")
                continue
            first_comma = commas[0]
            if (
                i != first_comma
                and toks[first_comma][2] == ","
                and first_comma + 1 < len(toks)
                and toks[first_comma + 1][2].lower() in _ADVERBIAL_INFINITIVE
                and not _finite_first(masked, toks, nxt)
            ):
                # "hat nicht geantwortet, um Streit zu vermeiden, nicht weil sie nicht könnten": the purpose of the
                # verb's own act, and no report's verb after it ("erklärte, um X zu sichern, müsse man …" is one)
                continue
            if (
                i != first_comma
                and first_comma != apposed
                and toks[first_comma][2] == ","
                and first_comma + 1 < len(toks)
                and toks[first_comma + 1][2].lower() not in _SUBORDINATORS
                and _only_speaker_between(toks, t, first_comma, c)
                and not _relative_not_report(masked, toks, first_comma + 1, commas[1] if len(commas) > 1 else len(toks))
            ):
                # "erklärte, über den Versuch, X zu verhindern, sei er enttäuscht": the report starts at
                # the verb's comma; a clause put in front of its Konjunktiv belongs to it.
                b = toks[first_comma + 1][0]
            return (b, _reported_end(masked, b, end))
        if first not in _ADVERBIAL_INFINITIVE and (zu_end := zu_infinitive_end(masked, b, end)) is not None:
            # Any verb of saying takes its content as a zu-infinitive ("warf den Rebellen vor, eine
            # Regierung installieren zu wollen", "mahnte die Regierung, die Kliniken nicht warten zu lassen").
            return (b, _reported_end(masked, b, zu_end))
        if (
            i == commas[0]
            and toks[i][2] == ":"
            and c.lemma in _SAY_VERBS
            and toks[nxt][2][:1].isupper()
            and masked[b] != "_"
            and masked[b - 1 : b] not in '„"»«'
            and _only_speaker_between(toks, t, i, c)
        ):
            # "Reiter sagte: Wir können nicht länger zusehen, wie …": words after the colon without
            # quotation marks are what was said, to the end of the sentence.
            return (b, end)
        if (
            i == commas[0]
            and toks[i][2] == ","
            and c.lemma in _SAY_VERBS
            and (first in _CLAUSE_SUBJECTS or toks[nxt][2][:1].isupper())
            and _only_speaker_between(toks, t, i, c)
            and not _apposition_after_backward_report(masked, toks, t, sb, b, clause_end)
            and not _anaphoric_object_first(toks, t)
            and not _speaker_relative(toks, nxt, c, toks[i][0])
        ):
            # "Stoiber sagte, die Union benötige …": a clause right after "sagte," (or after its
            # inverted speaker) is what was said, in whatever mood.
            return (b, _reported_end(masked, b, end))
        if toks[i][2] == ":" and masked[b] == "_" or masked[b - 1 : b] in '„"»«':
            return None
    # Backward: "…, sagte X." / "…, hieß es aus X."
    # A bare participle after a comma is an attribute ("…, genannt „BRD-Video“"), not an attribution.
    bare_participle = c.participle and toks[t - 1][2] == "," and not _finite_with_subject(toks, t)
    inverted_aux = _inverted_auxiliary(toks, t) if c.participle else None
    if not bare_participle and (
        t >= 1 and toks[t - 1][2] == ","
        or (t >= 2 and toks[t - 2][2] == "," and toks[t - 1][2].lower() in AUXILIARIES)
        or inverted_aux is not None
    ):
        if toks[t - 1][2] == ",":
            k = t - 1
        elif toks[t - 2][2] == "," or inverted_aux is None:
            k = t - 2
        else:
            k = inverted_aux - 1
        e = toks[k][0]
        b = c.frame_start if c.frame_start > sb else sb
        if inverted_aux is not None and k == inverted_aux - 1 and b > e:
            b = sb  # (the frame is the inverted clause from the auxiliary on: the report is all before it)
        quoted_from = _quoted_clause_start(masked, toks, t, sb, b, e)
        if quoted_from is not None:
            return (quoted_from, e)
        if masked[b:e].strip(' ,„“"»«') and "_" not in masked[b:e]:
            b2 = b
            while b2 < e and text[b2] in " ,":
                b2 += 1
            if not konjunktiv_words(masked, b2, e) and (
                _not_reported_before(masked, b2, e, c) or k == (inverted_aux or 0) - 1 or _prefield_only(masked, b2, e)
            ):
                return None  # (an inverted perfect frame, "…, hatte X gesagt", reports a Konjunktiv clause only)
            return (b2, e)
    # "Es hieß, …" / "In der Erklärung heißt es, …"
    if c.lemma == "heißen":
        comma = next((i for i in range(t + 1, len(toks)) if toks[i][2] in ",:"), None)
        if comma is not None and comma + 1 < len(toks):
            return (toks[comma + 1][0], end)
    return None


def _closes_subordinate_clause(toks: list[tuple[int, int, str]], t: int, commas: list[int]) -> bool:
    """Does the speech verb ``toks[t]`` close a subordinate clause, its finite auxiliary or modal after it and
    then the first comma ("…, die wegen Lärm gemeldet wurden, …", "…, denen vorgeworfen wurde, …")?  In a main
    clause the finite verb stands second and the participle last ("hat gefordert, …")."""
    return (
        bool(commas)
        and commas[0] == t + 2
        and toks[commas[0]][2] == ","
        and (toks[t + 1][2] in AUXILIARIES or toks[t + 1][2] in _MODAL_FINITE)
    )


# Words that take up what was said before as the object of the verb after them ("Das sagte X", "Dies berichtet X").
_ANAPHORIC_OBJECTS = frozenset(["das", "dies", "dieses"])


def _anaphoric_object_first(toks: list[tuple[int, int, str]], t: int) -> bool:
    """Does the sentence open with "Das" or "Dies" right before the verb ``toks[t]`` ("Dies berichtet das Institut,
    …", "Das sagte der Bürgermeister, …")?  Then the verb's object is what was said before, and the indicative
    words after the speaker's comma say who spoke (a relative clause or apposition), not a second report."""
    return t == 1 and toks[0][2].lower() in _ANAPHORIC_OBJECTS


# Forms that open only a relative clause, never a main clause's subject.
_RELATIVE_ONLY = frozenset(["dessen", "deren", "denen", "welcher", "welche", "welches", "welchem", "welchen"])
_RELATIVE_PRONOUNS = frozenset(["der", "die", "das", "dem", "den"]) | _RELATIVE_ONLY


def _speaker_relative(toks: list[tuple[int, int, str]], i: int, c: Cue, comma: int) -> bool:
    """Does the indicative clause at ``toks[i]``, right after the speaker and its comma, open a relative clause on
    the speaker ("sagte der Bürgermeister, der seit 2010 im Amt ist", "berichtet das Institut, das seit Jahren
    …")?  A relative pronoun that agrees with the speaker's article (or stands after a name) and is followed by
    no noun, or a form that only opens relative clauses ("deren", "dessen").  A report opens with an article and
    its noun ("sagte der Sprecher, der Plan ist gescheitert")."""
    sp = c.speaker
    word = toks[i][2].lower()
    if sp is None or word not in _RELATIVE_PRONOUNS or i + 1 >= len(toks):
        return False
    if comma - sp.end > 1:
        return False  # the speaker does not stand right before the comma
    if word in _RELATIVE_ONLY:
        return True
    nxt = toks[i + 1][2]
    if not nxt[:1].isalpha() or nxt[:1].isupper():
        return False
    article = sp.text.split()[0].lower() if sp.text.split() else ""
    if article in ("der", "die", "das"):
        return article == word
    return sp.text[:1].isupper() and article not in ("er", "sie", "es")


def _relative_not_report(masked: str, toks: list[tuple[int, int, str]], i: int, stop: int) -> bool:
    """Do ``toks[i:stop]`` (after a comma that follows a speech verb) form an indicative relative clause on a noun
    before the comma: a relative pronoun, no finite verb after it, the clause ending in its verb, and no noun phrase
    opened by the pronoun as an article ("…, die am Bahnhof standen", "…, das die Grundlage schaffen soll")?  A
    report that opens with an article reads "der seit Jahren geplante Neubau kommt": an adjective before its noun
    with no article of its own."""
    if stop - i < 3 or toks[i][2].lower() not in _RELATIVE_PRONOUNS:
        return False
    words = [tk[2] for tk in toks[i:stop] if tk[2] not in ".!?"]
    if len(words) < 3 or not words[-1][:1].islower() or not words[1][:1].islower():
        return False
    if words[1] in AUXILIARIES or words[1] in _MODAL_FINITE or konjunktiv_words(masked, toks[i][0], toks[stop - 1][1]):
        return False
    if words[-2] == "zu" or "zu" in words[-1][2:-2]:
        return False  # "kündigte an, das Gymnasium zu reformieren": a zu-infinitive, the verb's content
    for n in range(2, len(words)):
        adj, before = words[n - 1], words[n - 2]
        if (
            words[n][:1].isupper()
            and adj[:1].islower()
            and adj.endswith(_ADJECTIVE_ENDINGS)
            and adj not in _PHRASE_WORDS
            and (n == 2 or before.lower() not in _PHRASE_WORDS)
        ):
            return False  # "der seit Jahren geplante Neubau", "das neue Gesetz": the pronoun is an article
    return True


# Object pronouns after "wie" that take up the noun before ("ein Fonds, wie ihn die Länder fordern", "eine Reform,
# wie sie der Verband verlangt"): the clause says what kind of thing it is; "wie es X sagte" takes up the words.
_COMPARATIVE_OBJECTS = frozenset(["ihn", "ihm", "ihnen", "sie"])
_OBJECT_FOLLOWERS = frozenset(["der", "die", "das", "ein", "eine", "auch", "etwa", "schon", "bereits"])


# Words after "wie" that open examples of the noun before it ("wie etwa", "wie zum Beispiel", "wie beispielsweise").
_EXAMPLE_WORDS = frozenset(["etwa", "zum", "beispielsweise", "insbesondere", "vor"])


def _comparative_object(masked: str, wie: int) -> bool:
    """Does the "wie" at ``wie`` open a comparative clause whose object pronoun takes up the noun before it, with
    the clause's subject after the pronoun ("…, wie ihn die Länder fordern, …")?  Its speech verb names what kind
    of thing the noun is, not the source of the sentence ("wie die Polizei mitteilte", "wie sie mitteilte")."""
    words = masked[wie : wie + 40].split()
    if len(words) < 3:
        return False
    pronoun, after = words[1].lower(), words[2]
    if pronoun not in _COMPARATIVE_OBJECTS:
        return False
    return pronoun != "sie" or after.lower() in _OBJECT_FOLLOWERS or after[:1].isupper()


def _apposition_after_backward_report(
    masked: str, toks: list[tuple[int, int, str]], t: int, sb: int, b: int, clause_end: int
) -> bool:
    """Is the verb at ``toks[t]`` the frame of a Konjunktiv report before it ("Die Stadt habe die Kosten zu
    niedrig angesetzt, sagte X, …") and the indicative words after the speaker's comma an apposition of the
    speaker ("…, sagte Martin Krause, Professor an der Hochschule Coburg."), not a second report?  The report
    before the verb is what was said; the words after the speaker say who spoke."""
    return (
        t >= 1
        and toks[t - 1][2] == ","
        and bool(konjunktiv_words(masked, sb, toks[t - 1][0]))
        and not konjunktiv_words(masked, b, clause_end)
    )


def _quoted_report_before(text: str, masked: str, c: Cue, sb: int, end: int) -> tuple[int, int] | None:
    """The Konjunktiv clause before ", <verb> X" that holds a quotation the verb also speaks (a direct
    quotation took the verb): the clause when it opens with a word of its own (:func:`_quoted_clause_start`),
    else None."""
    if c.kind != "verb" or c.start <= sb:
        return None
    span = _verb_complement(text, masked, c, sb, end)
    if span is None or span[1] > c.start or "_" not in masked[span[0] : span[1]]:
        return None
    return span


def _quoted_clause_start(masked: str, toks: list[tuple[int, int, str]], t: int, sb: int, b: int, e: int) -> int | None:
    """Before ", <verb> X", does the reported clause hold a partial quotation or a quoted name, so that the
    clause the cue's quotation boundary leaves (``[b, e)``, after the last quotation) is only its tail, or is
    refused for its quotation?  "Sie sei „tief erschüttert“ über den Unfall, sagte die Bürgermeisterin", "Nach
    dem Spiel sei die Stimmung „eher gedrückt“ gewesen, berichtete X": the whole Konjunktiv clause is reported,
    as after the verb ("sagte, sie sei „tief erschüttert“ über den Unfall").  Only when the clause opens with a
    word of its own (not "„…“, sagte X": a direct quotation) and has its Konjunktiv outside the quotation
    marks (the mask hides the quoted words).  The clause's start, else None."""
    start = min(b, clause_start_across_quotes(masked, toks, t, sb))
    if "_" not in masked[start:e]:
        return None
    while start < e and masked[start] in " ,":
        start += 1
    if start >= e or not masked[start].isalpha() or ":" in masked[start:e]:
        return None
    return start if konjunktiv_words(masked, start, e) else None


# Tokens at most between the auxiliary of an inverted frame and its participle ("hatte die Angeklagte damals").
# (A form of "sein" or "werden" makes a passive or a state: "…, wurde bekannt gegeben" names no speaker.)
_NOT_PERFECT = frozenset(["ist", "war", "wird", "wurde"])
_MAX_INVERTED_SUBJECT = 8


# Finite forms that open a clause with the verb first (a conditional: "sollte es scheitern, …"), besides the
# auxiliaries and the Konjunktiv forms: the modals' past and Konjunktiv II, which the Konjunktiv list leaves out.
_MODAL_FINITE = frozenset(
    ["sollte", "sollten", "könnte", "könnten", "müsste", "müssten", "dürfte", "dürften", "wollte", "wollten"]
)


def _finite_first(masked: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Does the clause at token ``i`` open with its finite verb (lowercase: "sollten sie …", "werde er …")?"""
    if i >= len(toks):
        return False
    w = toks[i][2]
    if not w[:1].islower():
        return False
    return w in AUXILIARIES or w in _MODAL_FINITE or konjunktiv_words(masked, toks[i][0], toks[i][1]) > 0


def _inverted_auxiliary(toks: list[tuple[int, int, str]], t: int) -> int | None:
    """ "…, hatte die Angeklagte damals gesagt.": the index of the auxiliary right after the comma when the
    participle ``toks[t]`` ends its clause and only its subject and adverbs stand between them; else None."""
    if t + 1 < len(toks) and toks[t + 1][2] not in ".!?;":
        return None
    for a in range(t - 2, max(0, t - 2 - _MAX_INVERTED_SUBJECT), -1):
        word = toks[a][2]
        if word in ",;:()" or word.startswith("_"):
            return None
        if toks[a - 1][2] == "," and word.lower() in AUXILIARIES and word.lower() not in _NOT_PERFECT:
            return a
    return None


def _named_apposition(toks: list[tuple[int, int, str]], i: int, stop: int) -> bool:
    """Are ``toks[i:stop]`` (up to the next comma or the sentence's end) a name alone - two to four capitalised
    words, particles allowed - the apposition of the speaker before the comma ("sagte ein Sprecher der Stadt,
    Jan Keller.")? A reported clause has a verb."""
    words = [tk[2] for tk in toks[i:stop] if tk[2] not in ".!?"]
    caps = [w for w in words if w[:1].isupper()]
    return 2 <= len(caps) <= 4 and all(w[:1].isupper() or w in OPENING_PARTICLES for w in words)


def _role_apposition(masked: str, toks: list[tuple[int, int, str]], i: int, stop: int, clause_end: int) -> bool:
    """Do ``toks[i:stop]`` open with a definite article and a role title ("der Sprecher der Stadt", "die
    Vorsitzende des Vereins"), or with a role title and its complement ("Kommandant des Marine-Corps"), with no
    Konjunktiv up to ``clause_end``: the apposition of the speaker named before the comma, not a clause reporting
    what the role holder did ("der Sprecher habe …")?"""
    if stop - i >= 2 and toks[i][2] in ("der", "die") and is_role(toks[i + 1][2]):
        return not konjunktiv_words(masked, toks[i][0], clause_end)
    head = toks[i][2]
    if not head[:1].isupper():
        return False
    alone = i + 1 == stop and is_role(head)
    if alone or (i + 1 < stop and toks[i + 1][2] in _ROLE_COMPLEMENTS and may_name_people(head)):
        # with no article: a role alone, or a person noun with its complement, whether or not a role list holds it
        # ("sagte General X, Kommandant des Marine-Corps, …", "sagte Y, Ministerin für Bildung, …", "sagte Z,
        # Gründer der Initiative, …"); an abstract noun opens a clause ("sagte X, Ziel der Reform sei …")
        return not konjunktiv_words(masked, toks[i][0], clause_end)
    return False


# Words that open the complement of a role title in an apposition without article ("Sprecherin der Stadt").
_ROLE_COMPLEMENTS = frozenset(["des", "der", "von", "vom", "für", "im", "am", "beim"])


def _finite_with_subject(toks: list[tuple[int, int, str]], t: int) -> bool:
    """Is the participle-like form at ``t`` a finite verb with its subject after it ("…, kommentiert das
    Blatt", "…, kritisiert die Opposition")? A form that is also finite, followed by an article or a
    capitalised word, is: a participle attribute is followed by what it names ("…, genannt „X“")."""
    form = speech_verbs().get(toks[t][2].lower())
    if form is None or not form.finite or t + 1 >= len(toks):
        return False
    nxt = toks[t + 1][2]
    return nxt.lower() in _SUBJECT_ARTICLES or (nxt[:1].isupper() and nxt[:1].isalpha())


# Articles and pronouns that open a subject right after a finite verb.
_SUBJECT_ARTICLES = frozenset(["der", "die", "das", "ein", "eine", "er", "sie", "man"])


# "…, Europa brauche X und fügte hinzu: …": a conjunction and the next verb of the same subject.
_NEXT_VERB = re.compile(r"(?:,\s*|\s+)(?:und|sondern|aber)\s+([a-zäöüß]+)\b")
# "…, er habe zu wenig geprüft, jedoch stets beteuert, …": a conjunction, at most two adverbs and the participle
# of a second speech verb whose auxiliary the main clause lends it ("hatte angegeben, …, jedoch beteuert, …").
_NEXT_PARTICIPLE = re.compile(r",\s*(?:und|aber|jedoch|doch|sondern)\s+(?:[a-zäöüß]+\s+){0,2}([a-zäöüß]+)\s*,")
# "… und die Fraktion der Grünen forderte …": a conjunction and an article opening another subject.
_NEXT_SUBJECT = re.compile(r"(?:,\s*|\s+)(?:und|sondern|aber)\s+(?=(?:der|die|das|ein|eine)\s)")
# Lowercase words that may stand inside a subject before its verb: "die Fraktion der Grünen im Landtag".
_INSIDE_SUBJECT = frozenset(
    ["der", "die", "das", "des", "dem", "den", "ein", "eine", "eines", "einer", "im", "in", "von", "vom", "für", "am"]
)
_MAX_SUBJECT_WORDS = 10


def _speech_verb_after_subject(masked: str, b: int, e: int, verbs: frozenset[str]) -> bool:
    """Does a noun phrase at ``b`` end in a finite speech verb of the indicative ("die Fraktion der Grünen im
    Landtag forderte"): the first lowercase word after its capitalised words and articles?"""
    for n, m in enumerate(WORD.finditer(masked, b, e)):
        w = m.group()
        if n >= _MAX_SUBJECT_WORDS:
            return False
        if w[:1].isupper() or w in _INSIDE_SUBJECT:
            continue
        return w in verbs and not konjunktiv_words(masked, m.start(), m.end())
    return False


def _quoted_konjunktiv(text: str, masked: str, b: int, e: int) -> bool:
    """Does the clause ``[b, e)`` after a speech verb's comma open with words of its own and carry its
    Konjunktiv I inside a quotation it holds ("äußerte sich dahingehend, das Gespräch „sei freundlich
    verlaufen“")?  The mask hides the quoted words from the mood test; the clause is reported speech with a
    partial quotation in it."""
    if masked[b : b + 1] in ("_", "„", "“", '"', "»", "«") or masked.find("_", b, e) == -1:
        return False
    return konjunktiv_words(text, b, e, strong=True) > konjunktiv_words(masked, b, e, strong=True)


def _reported_end(masked: str, b: int, end: int) -> int:
    """Where a clause reported after its speech verb ends: at a colon that opens what comes next, or
    before a second speech act of the same speaker ("Er sagte, die Stadt brauche Wohnungen und fügte
    hinzu: „…“"); else at ``end``."""
    e = end
    colon = masked.find(":", b, e)
    if colon != -1:
        e = colon
    semicolon = masked.find(";", b, e)
    if semicolon != -1 and not konjunktiv_words(masked, semicolon + 1, e):
        e = semicolon  # "…, dass X sie geschlagen hatte; es wird geprüft, ob …": the writer's clause after it
    verbs = lowercase_speech_verbs()
    for m in _NEXT_VERB.finditer(masked, b, e):
        if m.group(1) in verbs:
            e = m.start()
            break
    forms = speech_verbs()
    for m in _NEXT_PARTICIPLE.finditer(masked, b, e):
        if (form := forms.get(m.group(1))) is not None and form.participle:
            e = m.start()
            break
    for m in _NEXT_SUBJECT.finditer(masked, b, e):
        if _speech_verb_after_subject(masked, m.end(), e, verbs):
            e = m.start()  # "…, A habe … und die Fraktion forderte …": another subject's speech act
            break
    while e > b and masked[e - 1] in " ,":
        e -= 1
    return e if e > b else end


def _not_reported_before(masked: str, b: int, e: int, c: Cue) -> bool:
    """Is the indicative clause ``[b, e)`` before ", <verb>" something other than what the verb reports?

    An adverbial clause ("Wenn der Vertrag scheitert, droht dem Verein der Abstieg", "Obwohl …,
    kritisierte der Verband …") frames the main clause; and when the verb's subject stands in that
    clause ("Der Sprecher, Jan Keller, kritisierte …") the clause is the subject, not the report.
    In Konjunktiv the clause is reported speech either way ("Wenn …, drohe der Abstieg, sagte er").
    """
    words = WORD.findall(masked, b, min(e, b + 30))
    first = (words or [""])[0].lower()
    if first in _FOCUS_PARTICLES and len(words) > 1:
        first = words[1].lower()  # "Selbst wenn …, droht …", "Auch wenn …, kritisierte …"
    if first in _SUBORDINATORS:
        return True
    return c.speaker is not None and (c.speaker.start < b or _apposed_subject(masked, b, e, c))


# Lowercase words a phrase without a verb holds: articles, determiners, prepositions, particles.
_PHRASE_WORDS = word_set("function_words.txt") | word_set("determiners.txt")
_PREPOSITIONS = word_set("case_prepositions.txt")
# Endings of an adjective before its noun ("die tibetischen Mönche", "in einem großen Saal").
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _verbless(masked: str, b: int, e: int) -> bool:
    """Does ``[b, e)`` hold words and no finite verb: only capitalised words, numbers, articles, determiners,
    prepositions and particles, and adjectives before their noun ("Von einigen Rednern auf der Sitzung", "Die
    tibetischen Mönche")?  A lowercase word after a capitalised one is read as a verb ("Die Regierung plant
    Kürzungen"), as is an auxiliary anywhere."""
    words = WORD.findall(masked, b, e)
    if not words or konjunktiv_words(masked, b, e):
        return False
    prev = ""
    for n, w in enumerate(words):
        if w[:1].isupper() or w[:1].isdigit():
            prev = w
            continue
        nxt = words[n + 1] if n + 1 < len(words) else ""
        if w in AUXILIARIES or w in _MODAL_FINITE:
            return False
        after_noun = prev[:1].isupper() and prev.lower() not in _PHRASE_WORDS
        if w not in _PHRASE_WORDS and not (w.endswith(_ADJECTIVE_ENDINGS) and nxt[:1].isupper() and not after_noun):
            return False
        prev = w
    return True


def _relative_clause(masked: str, b: int, e: int) -> bool:
    """Does ``[b, e)`` (after a comma) open a relative clause, its pronoun first or after a preposition, and end in
    its verb ("das am Sonntag stattfand", "auf die im Bericht verwiesen wird")?"""
    words = WORD.findall(masked, b, e)
    if len(words) < 3 or not words[-1][:1].islower():
        return False
    first = words[0]
    if first in _RELATIVE_PRONOUNS:
        return True
    return first in _PHRASE_WORDS and words[1] in _RELATIVE_PRONOUNS


def _prefield_only(masked: str, b: int, e: int) -> bool:
    """Is ``[b, e)``, before ", <verb> X", no clause but the front of the verb's own sentence: a phrase without a
    verb, then only relative clauses and appositions after its commas ("In einem Referendum, das im Mai
    stattfand, sprach sich die Mehrheit … aus", "Die Mönche, die daran teilgenommen hatten, beschrieb die Agentur
    als …")?  A report before the verb has a verb of its own outside them ("Die Lage, die sich zuspitzt, ist
    ernst, sagte X"); a phrase alone may be an elliptic report ("Kein Kommentar, sagte er") and stays."""
    commas = [m.start() for m in re.finditer(",", masked[b:e])]
    if not _verbless(masked, b, b + commas[0] if commas else e):
        return False
    if not commas:
        first = (WORD.findall(masked, b, e) or [""])[0].lower()
        return first in _PREPOSITIONS  # "Von einigen Rednern auf dem Gipfel, wie …, wurde betont": its front
    bounds = [b + k for k in commas] + [e]
    pairs = zip(bounds, bounds[1:], strict=False)
    return all(_relative_clause(masked, s + 1, t) or _verbless(masked, s + 1, t) for s, t in pairs)


def _apposed_subject(masked: str, b: int, e: int, c: Cue) -> bool:
    """Is the clause ``[b, e)`` before ", <verb>" the verb's subject with its apposition or relative clause:
    the subject followed by a comma ("Elon Musk, der Chef der Firma, kündigte … an", "Der Trainer, der …
    verantwortlich ist, wies …") or standing last as the apposition ("Die Politikerin der Grünen, Anja Hajduk,
    kritisierte …")?  A clause of its own goes on after its subject ("Er starb am Samstag, teilte … mit")."""
    sp = c.speaker
    if sp is None or not b <= sp.start < e:
        return False
    after = masked[sp.end : e].lstrip(" ")
    return after == "" or after.startswith(",")


# Particles that may stand before a subordinator opening an adverbial clause ("selbst wenn", "auch wenn").
_FOCUS_PARTICLES = frozenset(["selbst", "auch", "nur", "gerade", "sogar", "schon", "erst", "noch"])


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
    if sp is not None and sp.end <= toks[t][0] and _dative_addressee(toks, t + 1, i):
        return True  # "Er sagte der „Frankfurter Rundschau“, …": the speaker before the verb, then whom he told
    return all(tk[2][:1].islower() or tk[2] in DEFINITE for tk in between)


def _dative_addressee(toks: list[tuple[int, int, str]], b: int, e: int) -> bool:
    """Are ``toks[b:e]`` one phrase in the dative ("der Deutschen Presse-Agentur", "dem Sender", "der
    „Frankfurter Rundschau“", "einer Zeitung"): an article of the dative, then capitalised words or a quoted name?"""
    if e - b < 2 or toks[b][2].lower() not in _DATIVE_ARTICLES:
        return False
    return all(tk[2][:1].isupper() or tk[2].startswith("_") or tk[2] in "„“\"»«-" for tk in toks[b + 1 : e])


# Articles that open a phrase in the dative (feminine "der" too: "sagte der Zeitung").
_DATIVE_ARTICLES = frozenset(["dem", "der", "einem", "einer"])
