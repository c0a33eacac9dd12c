"""Speech cues outside quotations and their speakers.

Speech verbs (with separable particles: "teilte … mit"), naming verbs, "laut X", "X zufolge",
"nach Angaben X", ", so X", "hieß es aus X", "Für X ist …", each with its speaker phrase
(:mod:`speakers`), and the clause bounds around a verb.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from operator import itemgetter

from briefing.extract.quotes.base import DEFINITE, DQUOTES, ORDINAL_ANAPHOR, WORD, Cue, words_in
from briefing.extract.quotes.documents import document_noun, is_document
from briefing.extract.quotes.lexicon import (
    VerbForm,
    attribution_markers,
    naming_verbs,
    speech_nouns,
    speech_verbs,
    word_set,
)
from briefing.extract.quotes.speakers import (
    AFTER_VERB_SKIP,
    PASSIVE_AUX,
    Phrase,
    after_prepositional_relative,
    clause_subject,
    person_score,
    phrase,
    quoted_name_end,
    quoted_name_in_phrase,
    read_np,
    subject_for_verb,
    tokens,
    unmasked,
)
from briefing.lang.de import AUXILIARIES
from briefing.lang.patterns import word_alternation

# A separable particle further than this many tokens from its verb belongs to another clause.
MAX_PARTICLE_DISTANCE = 16

_SUBORDINATORS = word_set("subordinators.txt")
_TOKEN_START = itemgetter(0)  # a token's start
_SO_BEFORE = frozenset({",", "“", "”", '"', "«", "»"})
# "sagte er laut Übersetzung", "nach Angaben der Dolmetscherin": the one who translated the words, or the
# translation, passes them on from the speaker and is not their source.
_TRANSLATION_HEAD = re.compile(r"\w*(?:übersetz|dolmetsch)\w*")


def _translation_phrase(np_toks: list[tuple[int, int, str]]) -> bool:
    """Is the noun phrase ``np_toks`` a translation or its translator: its last word, or its head noun (the first
    capitalised word) before a genitive ("laut einer Übersetzung des Präsidialamts", "nach Angaben der
    Dolmetscherin der Delegation")?"""
    heads = [np_toks[-1][2]] + [w for _, _, w in np_toks if w[:1].isupper()][:1]
    return any(_TRANSLATION_HEAD.fullmatch(w.lower()) for w in heads)


def find_cues(
    masked: str,
    sents: list[tuple[int, int]],
    pair_ends: list[int],
    text: str | None = None,
    sent_words: list[list[str]] | None = None,
    precheck: bool = True,
) -> list[Cue]:
    """Speech cues in every sentence of the masked text, with their speakers.

    ``text`` is the unmasked text (for speakers that are quoted names); defaults to ``masked``.
    ``sent_words`` are the ``\\w+`` words of each masked sentence when the caller has them.
    ``precheck``: pass over the sentences :func:`_may_cue` rules out (False: read every sentence with a
    cue word; the cues found must be the same, which the tests check).
    """
    text = masked if text is None else text
    if sent_words is None:
        sent_words = [words_in(masked, sb, se) for sb, se in sents]
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
        if triggers.isdisjoint(sent_words[si]):
            continue  # (most sentences: told without building the set of hits)
        hits = triggers.intersection(sent_words[si])
        if precheck and not _may_cue(hits, sent_words[si], masked, sb, se):
            continue
        toks = tokens(masked, sb, se)
        lows = [tok[2].lower() for tok in toks]
        # Only at a starter can a branch below fire: the others are passed over (one compiled loop; compress
        # over a range made an int object per token).
        for t in [k for k, low in enumerate(lows) if low in starters]:
            tb, te, tok = toks[t]
            low = lows[t]
            if low in verbs and tok[:1].islower():
                vf = verbs[low]
                if not vf.bare and not _has_particle(toks, t + 1, vf.particles) and not _particle_before(toks, t, vf):
                    continue
                if _attributive_participle(toks, t):
                    continue  # "nicht näher bezeichnete „technische Probleme“": an adjective, no speech act
                if low == vf.lemma and _after_obligation_modal(masked, toks, t, sb, pair_ends):
                    continue  # "Die SPD solle lieber erklären, wie …": a speech act demanded, none reported
                if vf.lemma in _REFLEXIVE_OTHER_SENSE and t + 1 < len(toks) and toks[t + 1][2] == "sich":
                    continue  # "Davon verspricht sich der Konzern Gewinne": expects, says nothing
                if vf.lemma in ("heißen", "verlauten"):
                    cue = _heissen_cue(masked, toks, t, si, sb, se, vf.lemma)
                    if cue:
                        cues.append(cue)
                    continue
                clause_start = _clause_start(masked, toks, t, sb, pair_ends)
                clause_end = _clause_end(masked, toks, t, sb, se)
                sp = relay = None
                if vf.lemma == "zitieren":
                    sp, relay = _cited(text, masked, toks, t, clause_start, clause_end)
                mention = None
                if sp is None and (rel := relative_subject(masked, toks, t)) is not None:
                    sp, mention = rel  # "Peter Huber, der behauptet, …": the antecedent, the pronoun its mention
                if sp is None:
                    sp = subject_for_verb(masked, clause_start, tb, te, clause_end, sb, (sb, se, toks))
                if sp is None and (wie := _wie_quoted_subject(text, toks, t)) is not None:
                    # "Wie „heise online“ berichtet, …": the quoted name is the wie-clause's subject, the clause
                    # starts at "wie" (not after the quotation)
                    sp, clause_start = wie
                if sp is None and (medium := _quoted_name_at(text, toks, t + 1)) is not None:
                    # "„…“, schrieb „Die Zeit“": a quoted medium (not the first part of "„Spiegel“-Chef X").
                    sp = None if text[medium.end : medium.end + 1] in ("-", "‐") else medium
                if sp is None:
                    # "In einem Bericht von ndr.de werden die Maßnahmen als „…“ bezeichnet": no one is the
                    # subject, the document the words are in is the source.
                    sp = _document_source(masked, toks, clause_start, clause_end)
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
                cues.append(
                    Cue(
                        "verb", tb, te, si, tok, sp, clause_start, te, vf.lemma, vf.participle, mention=mention,
                        relay=relay,
                    )
                )
            elif low in naming and tok[:1].islower():
                nf = naming[low]
                if not nf.bare and not _has_particle(toks, t + 1, nf.particles):
                    continue
                clause_start = _clause_start(masked, toks, t, sb, pair_ends)
                clause_end = _clause_end(masked, toks, t, sb, se)
                sp = subject_for_verb(masked, clause_start, tb, te, clause_end, sb, (sb, se, toks))
                if sp is None:
                    sp = _document_source(masked, toks, clause_start, clause_end)
                cues.append(Cue("name", tb, te, si, tok, sp, clause_start, te, nf.lemma, nf.participle))
            elif low in _STEHEN and tok[:1].islower():
                # "In dem Jahresbericht steht, dass …", "steht in dem Entwurf der Passus: „…“": what a text says.
                clause_start = _clause_start(masked, toks, t, sb, pair_ends)
                clause_end = _clause_end(masked, toks, t, sb, se)
                sp = _document_source(masked, toks, clause_start, clause_end)
                if sp is not None:
                    cues.append(Cue("verb", tb, te, si, tok, sp, clause_start, te, "stehen"))
            elif low in preps and t + 1 < len(toks):
                j = read_np(toks, t + 1)
                quoted = _quoted_name_at(text, toks, t + 1)
                if j > t + 1 and _translation_phrase(toks[t + 1 : j]):
                    continue  # "laut Übersetzung": the speaker's words translated, no source of their own
                if j > t + 1:
                    sp = phrase(masked, toks, t + 1, j)
                    if sp is not None and toks[t + 1][2].lower().startswith("eigen"):
                        # "laut eigener Aussage": as "nach eigenen Angaben", the words are the mention and the
                        # clause's subject (or the context) the speaker
                        src = _own_source(masked, toks, tb, toks[j - 1][1])
                        cues.append(Cue("marker", tb, te, si, tok, src, tb, toks[j - 1][1], mention=sp))
                    else:
                        cues.append(Cue("marker", tb, te, si, tok, sp, tb, toks[j - 1][1]))
                elif quoted is not None:  # "laut „Welt“"
                    cues.append(Cue("marker", tb, te, si, tok, quoted, tb, quoted.end))
            elif low in postps and t > 0:
                i = np_ending_at(toks, t)
                quoted = _quoted_name_before(text, toks, t)
                if i is not None:
                    sp = phrase(masked, toks, i, t)
                    cues.append(Cue("marker", tb, te, si, tok, sp, toks[i][0], te))
                elif quoted is not None:  # "dem „Figaro“ zufolge"
                    cues.append(Cue("marker", tb, te, si, tok, quoted, quoted.start, te))
            elif low == "wonach" and t > 1 and toks[t - 1][2] == ",":
                # "…, ein Bericht, wonach …": the clause is what the named document says.
                i = np_ending_at(toks, t - 1)
                sp = phrase(masked, toks, i, t - 1) if i is not None else None
                cues.append(Cue("marker", tb, te, si, tok, sp, tb, te, mention=Phrase(tb, te, tok, pronoun=True)))
            elif low in adverbs and (t == 0 or (tok[:1].islower() and _in_main_clause(toks, t))):
                # "Demnach …", "… erreichte demnach …": the source was named before; the speaker comes from the
                # context.
                cues.append(Cue("marker", tb, te, si, tok, None, tb, te, mention=Phrase(tb, te, tok, pronoun=True)))
            elif tok == "Für" and t == 0:
                cue = _fuer_cue(masked, toks, si)
                if cue:
                    cues.append(cue)
            elif low == "nach":
                cue = _nach_cue(masked, toks, t, si, nouns)
                if cue:
                    cues.append(cue)
            elif low == "so" and t > 0 and toks[t - 1][2] in _SO_BEFORE and t + 1 < len(toks):
                n = t + 1
                if _so_verb(toks, n):
                    n += 1  # ", so schätzen die Forscher, …", ", so bestätigt das Gericht."
                j = read_np(toks, n)
                if j == n and ORDINAL_ANAPHOR.fullmatch(toks[n][2]):
                    j = n + 1  # ", so letztere": lowercase, yet the speaker's mention
                k = j
                while k < len(toks) and k < j + 2 and toks[k][2].islower():
                    k += 1  # ", so Guttenberg wörtlich." / ", so der Minister weiter."
                # ", so Vereinschef Littmann zu den Beweggründen.": a trailing prepositional phrase.
                trailing_pp = j < len(toks) and toks[j][2] in word_set("prepositions.txt")
                if j > n and (k == len(toks) or not toks[k][2][:1].isalnum() or trailing_pp):
                    sp = phrase(masked, toks, n, j)
                    cues.append(Cue("so", tb, te, si, tok, sp, toks[t - 1][0], toks[j - 1][1]))
    return [c for c in cues if not (c.kind == "marker" and _attribute_source(masked, c))]


# Words before a source marker that put it inside a noun phrase, before the figure it qualifies ("von laut Polizei
# 5000 Demonstranten", "darunter laut UNO-Angaben 62 Zivilisten").
_FIGURE_OPENERS = frozenset(["von", "mit", "bei", "auf", "unter", "darunter", "insgesamt"])
_FIGURE = re.compile(r"\d[\d.,]*")
_FIGURE_START = re.compile(r"\s*(?:(?:rund|etwa|ungefähr|knapp|fast|über|mindestens|bis zu|mehr als)\s+)?(\w+)")
# Articles and possessives: right after one the marker stands inside its noun phrase.  (Not the demonstratives and
# quantifiers, which stand alone as well: "worauf dieser nach Aussagen Gordons …", "so sollen diese laut …".)
# The definite forms that are also relative pronouns count only where no comma, or a comma and a preposition,
# stands before them.
_DEFINITE_ARTICLES = frozenset(["der", "die", "das", "dem", "den"])
_NOUN_PHRASE_OPENERS = _DEFINITE_ARTICLES | frozenset(
    ["des", "ein", "eine", "einer", "eines", "einem", "einen", "sein", "seine", "seinen", "seinem", "seiner"]
    + ["seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "unser", "unsere", "unseren", "unserem"]
    + ["unserer", "unseres"]
)
_RELATIVE_BEFORE = re.compile(r",\s*(?:\w+\s+)?$")


def _attribute_source(masked: str, c: Cue) -> bool:
    """Does the source marker ``c`` qualify only an attribute or figure inside a noun phrase ("die Führung des – nach
    Angaben der Zeitung – hoch verschuldeten Vereins", "mit seinen laut Gutachtern geringen Spuren", "246 der nach
    Behördenangaben 350 Passagiere"), or a second figure ("dauert acht, nach anderen Angaben neun Stunden")?  It
    stands right after an article or possessive (not a relative pronoun after a comma: "Demonstranten, die laut
    Polizei Steine warfen" reports the relative clause), or after a preposition or another figure before a
    number: the sentence is the writer's, one of its attributes is sourced, nothing is reported."""
    before = masked[max(0, c.start - 60) : c.start].rstrip(" –-")
    words = WORD.findall(before)
    if not words:
        return False
    last = words[-1].lower()
    # ("Demonstranten, die laut Polizei …", "ein Mann, von dem laut Polizei …": a relative clause)
    if (
        before.endswith(words[-1])
        and last in _NOUN_PHRASE_OPENERS
        and (last not in _DEFINITE_ARTICLES or not _RELATIVE_BEFORE.search(before[: -len(last)]))
    ):
        return True
    after = _FIGURE_START.match(masked, c.frame_end)
    if after is None or not _is_figure(after.group(1)):
        return False
    if last in _FIGURE_OPENERS:
        return True
    return masked[: c.start].rstrip().endswith(",") and _is_figure(words[-1])


def _is_figure(word: str) -> bool:
    """A number in digits or a number word ("350", "neun")."""
    return _FIGURE.fullmatch(word) is not None or word.lower() in word_set("number_words.txt")


# Speech verbs that mean something else with "sich" right after them: "sich versprechen" is to expect.
_REFLEXIVE_OTHER_SENSE = frozenset(["versprechen"])
# Endings of a participle used as an attributive adjective ("bezeichnete", "genannten", "geforderte").
_ATTRIBUTIVE_ENDINGS = ("te", "ten", "tem", "ter", "tes", "ene", "enen", "ener", "enes")
# Personal pronouns a finite verb can follow directly ("Er sagte „Nein“").
_SUBJECT_PRONOUNS = frozenset(["er", "sie", "es", "man", "ich", "wir", "ihr", "du"])


def _attributive_participle(toks: list[tuple[int, int, str]], t: int) -> bool:
    """Is the speech verb form ``toks[t]`` a participle used as an adjective before a quotation: right before
    the opening mark, with an inflected ending, after a lowercase word that is no subject pronoun ("die
    nicht näher bezeichnete „Reform“", "die so genannten „Experten“"), not a finite verb after its subject
    ("Die Menge skandierte „…“", "Er sagte „Nein“")?"""
    if t == 0 or t + 1 >= len(toks) or toks[t + 1][2] not in ("„", "»", '"'):
        return False
    prev = toks[t - 1][2]
    return (
        toks[t][2].endswith(_ATTRIBUTIVE_ENDINGS)
        and prev.isalpha()
        and prev.islower()
        and prev not in _SUBJECT_PRONOUNS
        and prev not in AUXILIARIES
    )


def _after_obligation_modal(
    masked: str, toks: list[tuple[int, int, str]], t: int, sb: int, pair_ends: list[int]
) -> bool:
    """Is the speech verb at ``toks[t]``, spelled as its infinitive, governed by a finite "sollen" or "müssen"
    earlier in its clause ("Die SPD solle lieber erklären, wie …", "Er müsse sagen, was er wolle")?  Then it
    names a speech act demanded or due, not one that took place: no cue.  A modal behind a comma is another
    clause's ("Die Kontrolle müsse Teil des Programms werden, fordern die Forscher": the plural verb reports
    it)."""
    start = _clause_start(masked, toks, t, sb, pair_ends)
    modals = word_set("obligation_modals.txt")
    for k in range(t - 1, -1, -1):
        if toks[k][0] < start or toks[k][2] in ",;:()–":
            return False
        if toks[k][2] in modals:
            return True
    return False


def _so_verb(toks: list[tuple[int, int, str]], n: int) -> bool:
    """Is ``toks[n]`` the finite verb of a parenthetical "so <verb> <subject>" ("so schätzen die Forscher")?

    A lowercase word that is no function word, followed by the subject's noun phrase.  No auxiliary: "…, so
    wurde sein Werk gelobt" is the correlative "so" opening a main clause after a fronted clause.
    """
    if n + 1 >= len(toks):
        return False
    word = toks[n][2]
    return (
        word.isalpha()
        and word.islower()
        and word not in AUXILIARIES
        and word not in word_set("function_words.txt")
        and read_np(toks, n + 1) > n + 1
    )


# "wird X im Fachblatt „…“ zitiert": at most this many tokens between the auxiliary and the participle,
# and a quoted name inside them masks at most this many characters.
_MAX_PASSIVE_GAP = 12
_MAX_NAME_MASK = 40


def _cited(
    text: str,
    masked: str,
    toks: list[tuple[int, int, str]],
    t: int,
    clause_start: int,
    clause_end: int,
) -> tuple[Phrase | None, Phrase | None]:
    """The one quoted by the "zitieren" at ``toks[t]`` (who spoke) and the medium that quotes them.

    A medium that quotes someone relays words it did not say: the speaker is the one quoted ("zitiert die
    „Computerwoche“ Lynch", "Ratzmann wird von der „Netzeitung“ zitiert"), and the medium is kept beside
    them as the relay (None when the clause names none: "zitierte man X", "wird Panetta zitiert").
    """
    quoted = _quoted_person(masked, toks, t, clause_start)
    if quoted is not None:
        return quoted, _citing_medium(text, masked, toks, t, clause_start, clause_end, quoted)
    cited = _cited_object(masked, toks, t)
    if cited is not None:
        return cited, None  # "zitierte man X": no medium named
    if _verb_after_reported_clause(toks, t, clause_start):
        clause_start = toks[t][0]  # "Die Lage sei ernst, zitierte die Agentur einen Sprecher": the verb first
    cited = _cited_person(masked, toks, t, clause_start)
    if cited is None:
        return None, None
    # The subject of the active "zitieren" is the medium: the prefield when it is one noun phrase ("Die
    # Agentur X zitiert Y"), else, with the verb first ("„…“, zitiert die Zeitung den Minister"), the phrase
    # right after it.
    first = next((i for i in range(t) if toks[i][0] >= clause_start and toks[i][2][:1].isalnum()), None)
    if first is not None:
        j = read_np(toks, first)
        medium = phrase(masked, toks, first, j) if j == t else None
    else:
        j = read_np(toks, t + 1)
        medium = phrase(masked, toks, t + 1, j) if j > t + 1 else None
    if medium is None or medium.pronoun or (medium.start < cited.end and cited.start < medium.end):
        return cited, None
    return cited, unmasked(medium, text)


def _citing_medium(
    text: str,
    masked: str,
    toks: list[tuple[int, int, str]],
    t: int,
    clause_start: int,
    clause_end: int,
    quoted: Phrase,
) -> Phrase | None:
    """The medium of a passive "zitieren": its agent ("wird von der „Netzeitung“ zitiert", "wie Hoyzer von
    Spiegel-Online zitiert wird") or the medium or document the words appear in ("wird der Franzose im
    Fachblatt „…“ zitiert", "In der Meldung auf der Seite wird Musk wie folgt zitiert")."""
    tb = toks[t][0]
    # (a quoted name before the participle starts a new clause for the cue finder: "von der „Zeitung“ zitiert")
    start = min(clause_start, quoted.start)
    for k in range(len(toks) - 1):
        b, _e, word = toks[k]
        if b < start or b >= clause_end:
            continue
        low = word.lower()
        # The agent: "von"/"vom" right after the auxiliary or the one quoted ("wird von der Zeitung zitiert",
        # "wird die Managerin von der Zeitung zitiert"), not after another noun ("auf der Seite von X").
        agent = (
            low in ("von", "vom")
            and k > 0
            and (toks[k - 1][1] == quoted.end or toks[k - 1][2].lower() in PASSIVE_AUX)
            and b < tb
        )
        if not agent and low not in _IN_MEDIUM:
            continue
        j = read_np(toks, k + 1)
        if j == k + 1 and k + 2 < len(toks) and toks[k + 1][2].lower() in DEFINITE:
            j = k + 2  # an article before a quoted name too long for a phrase: "von der „…“"
        if j + 2 < len(toks) and toks[j][2] in DQUOTES and toks[j + 1][2].startswith("_") and toks[j + 2][2] in DQUOTES:
            j += 3  # the medium's quoted name: "im Fachblatt „…“", "von der „…“"
        if j == k + 1 or toks[j - 1][1] > clause_end:
            continue
        np = phrase(masked, toks, k + 1, j)
        if np is None or (np.start < quoted.end and quoted.start < np.end):
            continue
        if agent or "_" in np.text or is_document(np.text) or _media_head(np.text):
            return unmasked(np, text)
    return None


# Prepositions that place relayed words in a medium or document: "im Fachblatt", "auf der Website".
_IN_MEDIUM = frozenset(["in", "im", "auf"])


def _media_head(words: str) -> bool:
    """Does the phrase's last capitalised word name a news medium (:func:`media_noun`)?"""
    caps = [w for w in WORD.findall(words) if w[:1].isupper()]
    return bool(caps) and media_noun(caps[-1])


def media_noun(word: str) -> bool:
    """Is ``word`` a news medium's noun or a compound ending in one (media_nouns.txt: "Zeitung",
    "Fachblatts", "Nachrichtenagentur")?"""
    low = word.lower()
    return any(low.endswith((n, n + "s", n + "es")) for n in word_set("media_nouns.txt"))


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
        # "„…“ wird der Franzose im Fachblatt „Sport“ zitiert": a quoted name cut the clause short;
        # the auxiliary is the nearest one before the participle with no clause break between.
        for i in range(t - 1, max(-1, t - 1 - _MAX_PASSIVE_GAP), -1):
            word = toks[i][2]
            if word in ",;:" or (word.startswith("_") and len(word) > _MAX_NAME_MASK):
                break
            if word.lower() in ("wird", "wurde", "werden", "worden"):
                aux = i
                break
    if aux is None:
        return None
    j = read_np(toks, aux + 1)
    if j > aux + 1:
        return phrase(masked, toks, aux + 1, j)
    return clause_subject(masked, clause_start, toks[aux][0])


def _verb_after_reported_clause(toks: list[tuple[int, int, str]], t: int, clause_start: int) -> bool:
    """Does the verb at ``toks[t]`` follow a comma that closes the clause it reports ("Die Lage sei ernst,
    zitierte die Agentur einen Sprecher")?  Then it opens its own clause with the verb first, as after a
    quotation.  Not when the comma closes a relative or subordinate clause inside the prefield ("Die Agentur,
    die dem Kreml nahesteht, zitierte …")."""
    if t == 0 or toks[t - 1][2] != ",":
        return False
    before = [k for k in range(t - 1) if toks[k][0] >= clause_start]
    commas = [k for k in before if toks[k][2] == ","]
    if not commas:
        return bool(before)  # one clause before the comma: a noun phrase alone is never followed by one
    opener = commas[-1] + 1
    return toks[opener][2].lower() not in _RELATIVE_OPENERS and toks[opener][2].lower() not in _SUBORDINATORS


# Relative pronouns that open a clause inside a prefield ("Die Agentur, die dem Kreml nahesteht, zitierte …").
_RELATIVE_OPENERS = word_set("relative_pronouns.txt")
# Articles of an accusative or dative object: "zitiert die Zeitung den Minister / einen Sprecher".
_OBJECT_ARTICLES = frozenset(["den", "dem", "einen", "einem"])


def _cited_object(masked: str, toks: list[tuple[int, int, str]], t: int) -> Phrase | None:
    """Impersonal "„…“, zitierte man Yolanda Alvarez": with "man" as subject the object is the speaker
    (with a named subject see :func:`_cited_person`)."""
    k = t + 1
    if k >= len(toks) or toks[k][2].lower() != "man":
        return None
    j = read_np(toks, k + 1)
    return phrase(masked, toks, k + 1, j) if j > k + 1 else None


def _cited_person(masked: str, toks: list[tuple[int, int, str]], t: int, clause_start: int) -> Phrase | None:
    """Active "zitieren" with a named subject: the one quoted is its object, and that one spoke.

    The medium only reports the words: shown as their speaker it would credit them to someone who did not
    say them.  (The training annotation often marks the quotation twice, once for each; the scorer matches
    one of the two, mostly the medium's, so on train this costs two direct speakers of 604.)

    "Die Agentur RIA Novosti zitiert dazu Néstor Kirchner mit folgenden Worten: „…“" (subject before the
    verb: the first noun phrase after it), "„…“, zitiert die Zeitung den Minister" (the verb first: the
    second noun phrase after it).  None when no object that can be a person follows.
    """
    n = len(toks)
    fronted = any(toks[i][0] >= clause_start and toks[i][2][:1].isalnum() for i in range(t))
    k = t + 1
    if not fronted:
        j = read_np(toks, k)
        if j == k:
            return None
        k = j
        if k < n and (q := quoted_name_end(toks, k)):
            k = q  # the medium's title after its noun: "zitiert die Zeitung „Der Standard“ den Minister"
    while k < n and toks[k][2].lower() in AFTER_VERB_SKIP:
        k += 1
    j = read_np(toks, k)
    if j == k:
        return None
    obj = phrase(masked, toks, k, j)
    if obj is None:
        return None
    # the object's article ("den Minister", "einen Bahnsprecher") marks it as an object, which is what is
    # wanted here; the rest is judged as a person
    head = phrase(masked, toks, k + 1, j) if j > k + 1 and toks[k][2].lower() in _OBJECT_ARTICLES else obj
    return obj if head is not None and person_score(head) >= 1 else None


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
    words.update(_STEHEN)  # with a document only: see _document_source
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
            or (
                need == "nach"
                and (_has_source_noun(words, masked, sb, se) or _has_speech_noun(words) or _has_document_noun(words))
            )
            or (need == "so" and _SO_AFTER_MARK.search(masked, sb, se))
            or (need == "document" and _has_document_noun(words))
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
        elif w in _STEHEN:
            needs[w] = "document"
        else:
            needs[w] = frozenset()  # no rule can make it a cue
    return needs


# A source noun ending a word ("Angaben", "Polizeiangaben"): what "nach" needs to be a cue.
# (A trie of the nouns: the plain alternation tried all fifty at every position, ~1.5 % of extraction.)
_SOURCE_NOUN = re.compile("(?:" + word_alternation(attribution_markers().get("noun", ())) + r")(?!\w)", re.IGNORECASE)
# ", so der Minister" / "„…“, so X": "so" after a comma or quotation mark.
_SO_AFTER_MARK = re.compile(r"[,“”\"«»]\s*so(?!\w)", re.IGNORECASE)


# Whether every source noun is word characters only (then a sentence's words tell whether it holds one).
_SOURCE_NOUNS_ARE_WORDS = all(re.fullmatch(r"\w+", n) for n in attribution_markers().get("noun", ()))


def _has_source_noun(words: list[str], masked: str, sb: int, se: int) -> bool:
    """Does the sentence ``masked[sb:se]`` (its ``\\w+`` words: ``words``) hold a source noun (:data:`_SOURCE_NOUN`)?"""
    if _SOURCE_NOUNS_ARE_WORDS:
        return any(map(ends_in_source_noun, words))
    return _SOURCE_NOUN.search(masked, sb, se) is not None


# ends_in_source_noun's answers (a plain dict, cleared when full: a compiled caller probes it directly, where
# an lru_cache wrapper costs it a Python-level call)
_SOURCE_NOUN_WORDS: dict[str, bool] = {}
_SOURCE_NOUN_WORDS_MAX = 16384


def ends_in_source_noun(word: str) -> bool:
    """Does the ``\\w+`` word end in a source noun ("Angaben", "Polizeiangaben")?  The nouns are word
    characters only, so a sentence holds one (:data:`_SOURCE_NOUN`) exactly when one of its words ends in
    one; asked per word, the answers are remembered (most sentences have "nach" in another sense)."""
    known = _SOURCE_NOUN_WORDS.get(word)
    if known is None:
        if len(_SOURCE_NOUN_WORDS) >= _SOURCE_NOUN_WORDS_MAX:
            _SOURCE_NOUN_WORDS.clear()
        known = _SOURCE_NOUN_WORDS[word] = _SOURCE_NOUN.search(word) is not None
    return known


def _has_document_noun(words: list[str]) -> bool:
    """Does the sentence name a document ("Nach dem Artikel 65 des Grundgesetzes", "In dem Bericht steht";
    :func:`documents.document_noun`)?"""
    return any(map(document_noun, words))


def _has_speech_noun(words: list[str]) -> bool:
    """Does a capitalised word of the sentence belong to the speech-noun family ("nach eigenem Bekunden")?"""
    nouns = speech_nouns()
    return any(w[:1].isupper() and w.lower() in nouns for w in words)


@lru_cache(maxsize=1)
def _cue_starters() -> frozenset[str]:
    """The trigger words lowercased: a token of :func:`find_cues` can only be a cue at one of these."""
    return frozenset(w.lower() for w in _trigger_words())


def _quoted_name_at(text: str, toks: list[tuple[int, int, str]], k: int) -> Phrase | None:
    """A quoted name (masked as „____“) at ``toks[k]``, after an optional article: "laut der „Welt“"."""
    if k < len(toks) and toks[k][2].lower() in DEFINITE:
        k += 1
    if k + 2 < len(toks) and toks[k][2] in DQUOTES and toks[k + 1][2].startswith("_") and toks[k + 2][2] in DQUOTES:
        b, e = toks[k][0], toks[k + 2][1]
        return Phrase(b, e, text[b:e])
    return None


def _wie_quoted_subject(text: str, toks: list[tuple[int, int, str]], t: int) -> tuple[Phrase, int] | None:
    """ "Wie „heise online“ berichtet, …": the quoted name (with its article) standing alone between "wie" and
    the verb ``toks[t]`` that ends the clause, and where "wie" starts; else None."""
    name = _quoted_name_before(text, toks, t)
    if name is None or t + 1 >= len(toks) or toks[t + 1][2] != ",":
        return None
    k = bisect.bisect_left(toks, name.start, key=_TOKEN_START)
    return (name, toks[k - 1][0]) if k > 0 and toks[k - 1][2].lower() == "wie" else None


def _quoted_name_before(text: str, toks: list[tuple[int, int, str]], t: int) -> Phrase | None:
    """A quoted name ending right before ``toks[t]``: "dem „Figaro“ zufolge"."""
    if t >= 3 and toks[t - 1][2] in DQUOTES and toks[t - 2][2].startswith("_") and toks[t - 3][2] in DQUOTES:
        b = toks[t - 4][0] if t >= 4 and toks[t - 4][2].lower() in DEFINITE else toks[t - 3][0]
        return Phrase(b, toks[t - 1][1], text[b : toks[t - 1][1]])
    return None


def _in_main_clause(toks: list[tuple[int, int, str]], t: int) -> bool:
    """Is ``toks[t]`` in the sentence's main clause: no punctuation before it in the sentence, the sentence
    not opened by a subordinating word ("Wenn …")?"""
    return all(tk[2][:1].isalnum() for tk in toks[:t]) and toks[0][2].lower() not in word_set("subordinators.txt")


def _particle_before(toks: list[tuple[int, int, str]], t: int, vf: VerbForm) -> bool:
    """Does the separable particle stand right before the verb ``toks[t]`` that ends its clause, written apart
    ("Wie die Polizei bekannt gab, …", "wie die Stadt bekannt gegeben hatte, …")?  Only at the clause's end (a
    comma, the sentence's end, or an auxiliary before them follows): a verb-final clause."""
    if t == 0 or toks[t - 1][2].lower() not in vf.particles:
        return False
    k = t + 1
    if k < len(toks) and toks[k][2].lower() in AUXILIARIES and vf.participle:
        k += 1
    return k == len(toks) or toks[k][2] in ",.;:!?"


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


# Finite forms of "stehen": "In dem Bericht steht, dass …" (a cue only with a document, :func:`_document_source`).
_STEHEN = frozenset(["steht", "stand", "stehe", "stünde", "stehen", "standen"])
# Prepositions that place words in a document: "in dem Bericht", "im Entwurf", "auf der Homepage", "Aus dem
# Bericht geht hervor, dass …".
_IN_DOCUMENT = frozenset(["in", "im", "auf", "aus"])


def _document_source(
    masked: str, toks: list[tuple[int, int, str]], clause_start: int, clause_end: int
) -> Phrase | None:
    """A document the clause ``[clause_start, clause_end)`` places its words in ("In einem Bericht von ndr.de
    werden …", "steht in dem Gesetzentwurf …", "Aus dem Bericht geht hervor"): the phrase after "in"/"im"/"auf"/
    "aus", when it is a document (:func:`documents.is_document`); None otherwise."""
    for k in range(len(toks) - 1):
        if toks[k][0] < clause_start or toks[k][1] > clause_end:
            continue
        if toks[k][2].lower() not in _IN_DOCUMENT:
            continue
        e = read_np(toks, k + 1)
        if e > k + 1 and toks[e - 1][1] <= clause_end:
            sp = phrase(masked, toks, k + 1, e)
            if sp is not None and is_document(sp.text):
                return sp
    return None


# Relative pronouns that are the subject of their clause (nominative).
_RELATIVE_SUBJECTS = frozenset(["der", "die", "welcher", "welche"])
# Punctuation that ends the relative clause looking back from its verb.
_CLAUSE_BREAKS = frozenset([",", ";", ":", "(", ")", "„", "“", "”", '"'])
# A relative clause before its verb holds at most this many words ("der am Montag in Berlin sagte").
MAX_RELATIVE_WORDS = 8


def relative_subject(masked: str, toks: list[tuple[int, int, str]], t: int) -> tuple[Phrase, Phrase] | None:
    """The speaker of a speech verb ending a relative clause: "Kritik kam von Peter Huber, der behauptet,
    …" -> (Peter Huber, der).  The verb must close the clause (verb-final: a comma, colon or the end
    follows), the pronoun follow a comma and not be an article ("…, die Regierung erklärte, …": a
    capitalised noun right after it)."""
    if t + 1 < len(toks) and toks[t + 1][2] not in ",:;.":
        return None
    k = t
    for _ in range(MAX_RELATIVE_WORDS):
        k -= 1
        if k <= 0:
            return None
        word = toks[k][2]
        if k >= 3 and toks[k - 1][2].startswith("_") and toks[k - 3][2] in _EMBEDDING_WORDS:
            k -= 2  # "…, welche die Techniker als „Schulkinder“ bezeichnete": a quotation inside the clause
            continue
        if word in _CLAUSE_BREAKS:
            return None
        if word.lower() in _RELATIVE_SUBJECTS and toks[k - 1][2] == ",":
            nxt = toks[k + 1][2]
            if nxt[:1].isupper() and nxt.lower() not in DEFINITE and k + 1 != t:
                return None  # an article: ", die Regierung erklärte, …"
            end = k - 1
            i = np_ending_at(toks, end)
            if i is None and k >= 3 and _closes_bracket(toks[k - 2][2]):
                # "wurde ein Prediger aus London zugeschaltet, der …": the clause follows the verb's participle
                end = k - 2
                i = np_ending_at(toks, end)
            if i is None:
                return None
            antecedent = phrase(masked, toks, i, end)
            if antecedent is None or person_score(antecedent) < 0:
                return None
            return antecedent, Phrase(toks[k][0], toks[k][1], word, pronoun=True)
    return None


def _closes_bracket(word: str) -> bool:
    """A lowercase word that can close a verb bracket before a relative clause ("zugeschaltet", "anwesend"):
    no function word, article or pronoun."""
    return word.isalpha() and word.islower() and word not in word_set("function_words.txt") and word not in DEFINITE


def _clause_start(masked: str, toks: list[tuple[int, int, str]], t: int, sb: int, pair_ends: list[int]) -> int:
    start = sb
    k = bisect.bisect_right(pair_ends, toks[t][0]) - 1
    # A clause starts after the last quotation before its verb, unless that quotation is a name
    # inside a noun phrase ("Die Wochenzeitung „Jungle World“ hatte kritisiert").
    while k >= 0 and pair_ends[k] > sb and (
        quoted_name_in_phrase(masked, pair_ends[k], sb) or _embedded_quote(masked, pair_ends[k], toks[t][0], sb)
    ):
        k -= 1
    if k >= 0 and pair_ends[k] > sb:
        start = pair_ends[k]
    # A verb right after a comma ("…, weil der Träger nichts zahlte, sagte sie") is the main clause's, put
    # behind what it reports: a subordinate clause before that comma is part of the report, not its frame.
    # (A verb that ends its clause, "…, wie X, Chef der Firma, mitteilte.", is the subordinate clause's own.)
    inverted = t >= 1 and toks[t - 1][2] == "," and t + 1 < len(toks) and toks[t + 1][2] not in ",.;:!?"
    for i in range(t - 1, 0, -1):
        if toks[i][0] < start:
            break
        if toks[i - 1][2] in ",;" and toks[i][2].lower() in _SUBORDINATORS and not inverted:
            return toks[i][0]
        if toks[i - 1][2] == "," and _prepositional_relative_at(toks, i) and _verb_final(toks, t):
            # "…, in dessen Folge das Gericht festgestellt hatte, …": a relative clause opened by a
            # preposition has its own subject after the pronoun's phrase (not the antecedent, not the main clause's)
            return toks[i][0]
        closes = t + 1 == len(toks) or toks[t + 1][2] in ".!?;"  # (the participle ends the sentence)
        if toks[i - 1][2] == "," and toks[i][2].lower() in _PERFECT_AUXILIARIES and closes:
            # "Sie habe den Überblick verloren, hatte die Angeklagte damals gesagt": the auxiliary after the
            # report opens the inverted main clause; its subject follows it, the participle ends it
            return toks[i][0]
        if toks[i - 1][2] in ";:":
            # A semicolon joins two main clauses ("X hatte gebeten; damals hatte Y abgelehnt"), and so does a
            # colon before the verb ("Unterstützung erhielt er aus Bratislava: Regierungschef Fico erklärte, …").
            return toks[i][0]
        if toks[i - 1][2].lower() in _CLAUSE_CONJUNCTIONS and _coordinated_subject(toks, i, t, start):
            return toks[i][0]
    return start


def clause_start_across_quotes(masked: str, toks: list[tuple[int, int, str]], t: int, sb: int) -> int:
    """Where the clause of the verb ``toks[t]`` starts when no quotation before it ends a clause: the start
    of a reported clause that holds a partial quotation ("Sie sei „tief erschüttert“ über den Unfall, sagte …")."""
    return _clause_start(masked, toks, t, sb, [])


def _prepositional_relative_at(toks: list[tuple[int, int, str]], i: int) -> bool:
    """Does ``toks[i]`` open a relative clause with a preposition and a relative pronoun whose subject is a
    noun phrase after it ("in dessen Folge das Gericht", "bei der die Polizei"; not "in dem er": a pronoun
    there is left to the rules that read the sentence as before)?"""
    k = after_prepositional_relative(toks, i)
    return k is not None and toks[k][2] in _SUBJECT_ARTICLES


def _verb_final(toks: list[tuple[int, int, str]], t: int) -> bool:
    """Does the verb ``toks[t]`` (with a finite auxiliary after it) close its clause: "festgestellt hatte,"?"""
    k = t + 1
    if k < len(toks) and toks[k][2] in AUXILIARIES:
        k += 1
    return k == len(toks) or toks[k][2] in ",.;:!?"


# Finite perfect auxiliaries of a participle cue: "…, hatte X gesagt", "…, hat X erklärt".
_PERFECT_AUXILIARIES = frozenset(["hat", "hatte", "haben", "hatten", "hätte", "hätten"])
# Conjunctions that join two main clauses: "Die Menge skandierte … und der Unternehmer rief aus: „…“".
_CLAUSE_CONJUNCTIONS = frozenset(["und", "aber", "doch", "sondern", "oder"])
# Articles that open the subject of a coordinated main clause (nominative or both).
_SUBJECT_ARTICLES = frozenset(["der", "die", "das", "ein", "eine"])


def _coordinated_subject(toks: list[tuple[int, int, str]], i: int, t: int, start: int) -> bool:
    """Does ``toks[i:t]`` after a conjunction open a main clause of its own with the verb ``toks[t]``: a subject
    with an article, or a name or title, and nothing else up to the verb, after a first conjunct that has its
    own finite verb ("Die Menge skandierte Parolen und der Unternehmer Peter Huber rief aus", "X sagte, Y sei
    tot, doch Sprecher Paul Lenz erklärte", not "Die Menge und der Unternehmer riefen" nor "sprach mit X und
    der Ministerin, sagte dann")?"""
    if any(not w[:1].isalnum() for _b, _e, w in toks[i:t]):
        return False
    if toks[i][2].lower() not in _SUBJECT_ARTICLES and not (
        i >= 2 and toks[i - 2][2] == "," and toks[i][2][:1].isupper() and read_np(toks, i) == t
    ):
        # A subject without an article is a name or title up to the verb, after a comma and the conjunction
        # (", doch Sprecher X erklärte"); without the comma it continues a phrase ("der Fraktions- und
        # Parteivorsitzenden betont").
        return False
    verbs = speech_verbs()
    if any(
        toks[k][0] >= start and (w[:1].islower() and (w in verbs or w in AUXILIARIES))
        for k, (_b, _e, w) in enumerate(toks[: i - 1])
    ):
        return True
    # A first conjunct in verb-second order: its subject, then a finite verb ("Der Vorstand tagte bis spät
    # und der Vorsitzende X sagte danach: „…“").
    first = next((k for k in range(i - 1) if toks[k][0] >= start), None)
    if first is None:
        return False
    j = read_np(toks, first)
    while first < j < i - 2 and toks[j][2] in ("und", "sowie", "oder") and read_np(toks, j + 1) > j + 1:
        j = read_np(toks, j + 1)  # "Die Gewerkschaft und die Arbeitgeber trafen sich, doch X sagte"
    while first < j < i - 2 and toks[j][2] in word_set("case_prepositions.txt") and read_np(toks, j + 1) > j + 1:
        j = read_np(toks, j + 1)  # "Der Rat für Menschenrechte stufte … ein, und X rief": a subject with its attribute
    if not first < j < i - 1:
        return False
    verb = toks[j][2]
    return verb.isalpha() and verb.islower() and verb not in word_set("function_words.txt") and verb not in DEFINITE


# Words that embed a quotation in the clause of a verb after it: "als „…“ bezeichnet", "von „…“ gesprochen".
_EMBEDDING_WORDS = frozenset(["als", "von", "vor", "zu", "für"])


def _embedded_quote(masked: str, end: int, verb_start: int, sb: int) -> bool:
    """Is the quotation ending at ``end`` part of the clause of the verb at ``verb_start``: introduced by
    "als"/"von"/… and followed by the verb without a clause break ("weil die Regierung das Land als
    „junge Demokratie“ bezeichnet hat")?"""
    if re.search(r"[,;:.!?(\[–]", masked[end:verb_start]):
        return False
    opening = masked.rfind(" ", sb, end) + 1
    before = WORD.findall(masked, sb, opening)
    return bool(before) and before[-1] in _EMBEDDING_WORDS


def _clause_end(masked: str, toks: list[tuple[int, int, str]], t: int, sb: int, se: int) -> int:
    """Where the clause of the verb ``toks[t]`` ends: at a comma, colon or semicolon, or at a
    quotation that is not a name inside a noun phrase ("verkündete der „Fußball-Bund“")."""
    for b, e, tok in toks[t + 1 :]:
        if tok in ",;:" or (tok.startswith("_") and not quoted_name_in_phrase(masked, e + 1, sb)):
            return b
    return se


def np_ending_at(toks: list[tuple[int, int, str]], t: int) -> int | None:
    """Start index of the longest noun phrase ending right before ``toks[t]``."""
    for i in range(max(0, t - 8), t):
        if read_np(toks, i) == t:
            return i
    return None


# Possessives that make "nach" + source noun (or a postposed "… nach") point back to a source named
# before: "nach seiner Auffassung", "Ihrer Meinung nach".
_POSSESSIVE_SOURCES = frozenset(["seiner", "seinen", "seinem", "ihrer", "ihren", "ihrem", "dessen", "deren"])


def possessive_source(c: Cue) -> bool:
    """A source named by a possessive ("nach seiner Auffassung", "ihrer Meinung nach"): it points back
    to a person named before."""
    return c.kind == "marker" and c.mention is not None and c.mention.text.split()[0].lower() in _POSSESSIVE_SOURCES


def relative_subject_mention(c: Cue) -> bool:
    """A speech verb whose subject is a relative pronoun ("Peter Huber, der sagte: „…“"): the pronoun is the
    cue's mention, the antecedent its speaker (:func:`relative_subject`)."""
    return c.kind == "verb" and c.mention is not None and c.mention.text.lower() in _RELATIVE_SUBJECTS


def points_back_only(c: Cue) -> bool:
    """A postposed possessive source ("Seiner Ansicht nach …"): it names whose view a clause is, the
    person named before, but frames no clause of its own (the clause is its verb's, if any)."""
    return possessive_source(c) and c.mention is not None and c.mention.start == c.start


def _own_source(masked: str, toks: list[tuple[int, int, str]], b: int, e: int, possessive: str = "") -> Phrase | None:
    """The subject of the clause holding the marker ``[b, e)`` when it can be the one whose account the
    marker names ("Die Firma hat nach eigenen Angaben …"); None leaves it to the context.

    "eigen-" refers to the subject; a ``possessive`` ("seiner", "ihrer") only to a titled person of its
    gender ("Der Minister hat nach seiner Aussage …"), never to a subject that is what the view is about
    ("Nach seiner Meinung hat die Regierung versagt": the person named before).
    """
    # the clause holding the marker when it has a subject of its own: "Die Polizei teilte mit, der Fahrer habe
    # nach eigenen Angaben …" (not after an apposition's comma: "Der Bruder des Papstes, Georg R., war nach …")
    start = max((tk[1] for tk in toks if tk[2] in ",;:" and tk[1] <= b), default=toks[0][0])
    subject = clause_subject(masked, start, toks[-1][1]) if start > toks[0][0] else None
    if subject is None or subject.start >= b:
        subject = clause_subject(masked, toks[0][0], toks[-1][1])
    if subject is None or person_score(subject) < 0 or (subject.start < e and b < subject.end):
        return None
    if possessive:
        if subject.pronoun or person_score(subject) < 2:
            return None
        first = subject.text.split()[0].lower()
        feminine = first in ("die", "eine") or subject.text.split()[-1].endswith("in")
        if feminine != possessive.startswith(("ihr", "deren")):
            return None
    return subject


def _nach_cue(masked: str, toks: list[tuple[int, int, str]], t: int, si: int, nouns: frozenset[str]) -> Cue | None:
    """ "nach Angaben der Polizei", "nach eigenen Angaben", "Nach Polizeiangaben", "seiner Ansicht nach"."""
    if (
        t >= 2
        and toks[t - 1][2].lower() in nouns
        and toks[t - 1][2][:1].isupper()
        and toks[t - 2][2].lower() in _POSSESSIVE_SOURCES
        and not (t + 1 < len(toks) and (toks[t + 1][2].lower() in DEFINITE or toks[t + 1][2][:1].isupper()))
    ):
        # (Not "ihrer Forderung nach Neuwahlen": there "nach" takes an object.)
        # Postposed "Seiner Ansicht nach …": the possessive phrase is the mention, its owner the speaker.
        own_view = Phrase(toks[t - 2][0], toks[t - 1][1], masked[toks[t - 2][0] : toks[t - 1][1]])
        return Cue(
            "marker",
            toks[t - 2][0],
            toks[t][1],
            si,
            "nach",
            _own_source(masked, toks, toks[t - 2][0], toks[t][1], toks[t - 2][2].lower()),
            toks[t - 2][0],
            toks[t][1],
            mention=own_view,
        )
    if t + 1 >= len(toks):
        return None
    if _saxon_genitive_source(toks, t, nouns):
        # "Nach Grupps Meinung werden …", "Nach Meyers Worten sei …": the name in the genitive before the source noun
        b, e, name = toks[t + 1]
        owner = Phrase(b, e - 1, name[:-1])  # the name without its genitive "-s" ("Grupps" -> "Grupp")
        return Cue("marker", toks[t][0], toks[t + 2][1], si, "nach", owner, toks[t][0], toks[t + 2][1])
    j = t + 1
    while j < len(toks) and toks[j][2].islower() and toks[j][2].endswith(("en", "er", "em", "e")) and j < t + 3:
        j += 1
    if j >= len(toks):
        return None
    noun = toks[j][2].lower()
    own = toks[t + 1][2].lower().startswith("eigen")
    hit = noun in nouns or any(noun.endswith(n) and len(noun) > len(n) + 2 for n in nouns if len(n) > 5)
    # "Nach dem Artikel 65 des Grundgesetzes", "Nach einer norwegischen Studie": a text cited.  An act
    # ("Urteil", "Veröffentlichung") is cited with the indefinite article only ("Nach einer Veröffentlichung
    # im Magazin „Nature“"): "nach dem Urteil", "nach der Veröffentlichung" mostly tell when.
    kind = document_noun(toks[j][2])
    hit = hit or kind == "text" or (kind == "event" and toks[t + 1][2].lower().startswith("ein"))
    if not hit and not (own and noun in speech_nouns()):
        return None
    k = j + 1
    while k < len(toks) and toks[k][2].isdigit() and kind is not None:
        k += 1  # "nach dem Artikel 65 des Grundgesetzes": the number is part of the noun
    if own or toks[t + 1][2].lower() in _POSSESSIVE_SOURCES:
        k = len(toks)  # "nach eigenem Bekunden von Anfang an": the source is already named, no "von X" follows
    if k < len(toks) and toks[k][2].lower() in ("von", "aus", "des", "der", "eines", "einer"):
        start = k + 1 if toks[k][2].lower() in ("von", "aus") else k
        e = read_np(toks, start)
        if e > start:
            # "nach Angaben der Polizei": the owner speaks; "nach einem Bericht der BBC": the text is the
            # mention, its owner the name (records.py).
            first = t + 1 if kind is not None else start
            sp = phrase(masked, toks, first, e)
            return Cue("marker", toks[t][0], toks[j][1], si, "nach", sp, toks[t][0], toks[e - 1][1])
    if kind is not None and k < len(toks) and toks[k][2].lower() in _IN_DOCUMENT and read_np(toks, k + 1) > k + 1:
        e = read_np(toks, k + 1)  # "nach einer Veröffentlichung im Magazin „Nature“": where it appeared
        if e + 2 < len(toks) and toks[e][2] in DQUOTES and toks[e + 1][2].startswith("_") and toks[e + 2][2] in DQUOTES:
            e += 3  # the medium's quoted name
        sp = phrase(masked, toks, t + 1, e)
        return Cue("marker", toks[t][0], toks[j][1], si, "nach", sp, toks[t][0], toks[e - 1][1])
    if k < len(toks) and toks[k][2][:1].isupper() and read_np(toks, k) > k:
        e = read_np(toks, k)  # "nach Angaben Russlands"
        return Cue("marker", toks[t][0], toks[j][1], si, "nach", phrase(masked, toks, k, e), toks[t][0], toks[e - 1][1])
    source = phrase(masked, toks, t + 1, j + 1)
    if own or toks[t + 1][2].lower() in _POSSESSIVE_SOURCES:
        # "Die Firma hat nach eigenen Angaben …", "Nach seiner Auffassung …": the text's mention is
        # "eigenen Angaben", the speaker the clause's subject (from the context when it has none that
        # names someone).
        return Cue(
            "marker",
            toks[t][0],
            toks[j][1],
            si,
            "nach",
            _own_source(masked, toks, toks[t][0], toks[j][1], "" if own else toks[t + 1][2].lower()),
            toks[t][0],
            toks[j][1],
            mention=source,
        )
    if kind is None and noun in nouns and j == t + 2 and toks[t + 1][2].lower() in DEFINITE:
        # "sagte sie nach der Vorstellung", "Nach der Nachricht vom Rücktritt …": a source noun behind the
        # definite article and owned by no one tells when (or what was imagined), it names no source.
        # ("nach den Polizeiangaben" keeps its source inside the compound, "nach den bisherigen Ermittlungen"
        # is marked as a source by its adjective.)
        return None
    # "Nach Polizeiangaben": the source is the noun.
    return Cue("marker", toks[t][0], toks[j][1], si, "nach", phrase(masked, toks, t + 1, j + 1), toks[t][0], toks[j][1])


def _saxon_genitive_source(toks: list[tuple[int, int, str]], t: int, nouns: frozenset[str]) -> bool:
    """Is "nach" at ``t`` followed by a name in the genitive and a source noun ("nach Meyers Angaben", "nach Grupps
    Meinung")?  A capitalised word ending in "s" that is no source noun itself, then a capitalised source noun."""
    if t + 2 >= len(toks):
        return False
    name, noun = toks[t + 1][2], toks[t + 2][2]
    return (
        name[:1].isupper()
        and name.endswith("s")
        and len(name) > 2
        and name.lower() not in nouns
        and noun[:1].isupper()
        and noun.lower() in nouns
    )


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
    k = 2 if j > 2 and toks[1][2].lower() in DEFINITE | {"einen", "einem", "seinen", "ihren"} else 1
    sp = phrase(masked, toks, k, j)
    if sp is None or person_score(sp) < 2:
        return None
    return Cue("marker", toks[0][0], toks[0][1], si, "Für", phrase(masked, toks, 1, j), toks[0][0], toks[j - 1][1])


# "von Seiten des Ministeriums": the source follows "Seiten".
_SEITEN_AFTER_VON = 1


def _von_seiten(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Is ``toks[k]`` the "von" of "von Seiten" (the source follows "Seiten")?"""
    return toks[k][2].lower() == "von" and k + 1 < len(toks) and toks[k + 1][2] in ("Seiten", "seiten")


def _heissen_cue(
    masked: str, toks: list[tuple[int, int, str]], t: int, si: int, sb: int, se: int, lemma: str = "heißen"
) -> Cue | None:
    """ "hieß es aus dem Élysée-Palast", "In der Erklärung heißt es, …", "es hieß, …"; and "verlauten", whose
    source stands after "aus" as well, with or without "es" ("Aus Teilnehmerkreisen verlautete, …", "verlautete
    es aus dem Ministerium")."""
    tb, te, tok = toks[t]
    es_before = _es_before(toks, t)
    has_es = (t + 1 < len(toks) and toks[t + 1][2].lower() == "es") or es_before is not None
    if not has_es and lemma != "verlauten":
        return None
    k = t + 1
    if k < len(toks) and toks[k][2].lower() == "es":
        k += 1
    sp = None
    end = toks[k - 1][1]
    while k < len(toks):
        if toks[k][2].lower() in ("am", "zum") and k + 1 < len(toks) and _TIME_WORD.match(toks[k + 1][2]):
            k += 2  # "hieß es am Donnerstag aus Branchenkreisen", "hieß es am Abend aus dem Rathaus"
        elif toks[k][2].lower() in _HEISSEN_ADVERBS:
            k += 1
        else:
            break
    if k < len(toks) and toks[k][2].lower() in ("aus", "in", "bei", "von", "seitens", "vonseiten", "im", "vom", "beim",
                                                 "auf"):
        k += _SEITEN_AFTER_VON if _von_seiten(toks, k) else 0
        e = read_np(toks, k + 1)
        if e <= k + 1:
            e = _extended_attribute_end(toks, k + 1) or e  # "hieß es in einer am Montag veröffentlichten Erklärung"
        if e > k + 1:
            sp = phrase(masked, toks, k + 1, e)
            end = toks[e - 1][1]
    if sp is None and es_before is not None and es_before + 1 < t:
        # "wie es in der Erklärung heißt": the source between "es" and the verb.
        sp = _heissen_source(masked, toks, es_before + 1, t)
    if sp is None and es_before is not None and es_before >= 3:
        rel, prep, comma = toks[es_before - 1][2].lower(), toks[es_before - 2][2].lower(), toks[es_before - 3][2]
        if rel in _DATIVE_RELATIVES and prep in ("in", "auf") and comma == ",":
            # "…, ein Schreiben an den Vorstand, in dem es heißt: „…“": the document the relative pronoun
            # stands for (the last one named before the comma) is the source and its mention.
            sp = _last_document_before(masked, toks, es_before - 3)
    if sp is None and t > 0:
        # Prefield "In der Erklärung heißt es": the source follows the preposition ("Seitens der
        # Regierung hieß es", "Von Seiten des Ministeriums hieß es": after "Seiten").
        first = toks[0][2].lower()
        if first in ("in", "im", "aus", "bei", "beim", "auf", "seitens", "vonseiten", "von", "vom") and t > 1:
            j = 1 + (_SEITEN_AFTER_VON if _von_seiten(toks, 0) else 0)
            e = read_np(toks, j)
            if e > j:
                sp = phrase(masked, toks, j, e)
            if sp is not None and first in ("von", "vom") and j == 1 and (e != t or person_score(sp) < 0):
                # "Von Betriebsratschefin X hieß es", "Vom Betriebsrat hieß es": only the agent right before the
                # verb, no time ("Von Anfang an hieß es")
                sp = None
    return Cue("verb", tb, te, si, tok, sp, sb, end, lemma)


# Adverbs that may stand between "hieß es" and its source ("hieß es zunächst aus dem Ministerium").
_HEISSEN_ADVERBS = frozenset(
    [
        "weiter",
        "dazu",
        "zudem",
        "auch",
        "nur",
        "am",
        "offiziell",
        "zunächst",
        "später",
        "gestern",
        "heute",
        "bereits",
        "dagegen",
        "hingegen",
        "jedoch",
        "lediglich",
        "zuletzt",
        "inzwischen",
        "nun",
        "wiederum",
    ]
)
# A day or time of day after "am" ("am Donnerstag", "am Donnerstagabend", "am Abend", "am Wochenende").
_TIME_WORD = re.compile(
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Wochenende|Morgen|Vormittag|Mittag"
    r"|Nachmittag|Abend)\w*$"
)
# Dative relative pronouns after "in"/"auf": "ein Schreiben, in dem es heißt", "die Erklärung, in der es heißt".
_DATIVE_RELATIVES = frozenset(["dem", "der", "denen", "welchem", "welcher"])
# Words that may stand between "es" and "heißt" in one clause ("wie es unter anderem in dem Bericht heißt").
_MAX_ES_GAP = 8
_HEISSEN_PREPOSITIONS = ("aus", "in", "bei", "von", "seitens", "im", "vom", "beim", "auf")


# Articles that open a noun phrase whose noun may come after an extended attribute.
_ATTRIBUTE_ARTICLES = frozenset(["ein", "eine", "einer", "einem", "eines", "der", "die", "das", "dem", "den", "des"])
# Endings of a participle or adjective used as an attribute ("veröffentlichten", "verbreitete", "folgenden").
_ATTRIBUTE_ENDINGS = ("te", "ten", "ene", "enen", "ende", "enden")


def _extended_attribute_end(toks: list[tuple[int, int, str]], i: int) -> int | None:
    """ "einer am Montag veröffentlichten Stellungnahme", "der vom Vorstand verbreiteten Mitteilung": an article,
    an extended attribute (a phrase in front of its participle) and the noun. The end of the whole noun phrase
    (with a genitive after it), or None when ``toks[i]`` opens no such phrase."""
    if i >= len(toks) or toks[i][2].lower() not in _ATTRIBUTE_ARTICLES:
        return None
    for j in range(i + 2, min(len(toks), i + 7)):
        word = toks[j][2]
        if word in _CLAUSE_BREAKS or word.startswith("_") or word in ",;:.!?":
            return None
        if word.islower() and word.endswith(_ATTRIBUTE_ENDINGS) and j + 1 < len(toks) and toks[j + 1][2][:1].isupper():
            e = read_np(toks, j)
            return e if e > j + 1 else None
    return None


def _es_before(toks: list[tuple[int, int, str]], t: int) -> int | None:
    """Index of the "es" of "heißen" before it in its clause ("es hieß", "wie es in X heißt", "in dem es
    unter anderem heißt"); None when a clause break or quotation comes first."""
    for k in range(t - 1, max(-1, t - 1 - _MAX_ES_GAP), -1):
        word = toks[k][2]
        if word.lower() == "es":
            return k
        if word in _CLAUSE_BREAKS or word.startswith("_"):
            return None
    return None


def _last_document_before(masked: str, toks: list[tuple[int, int, str]], end: int) -> Phrase | None:
    """The last noun phrase before ``toks[end]`` (in its sentence) that is a document ("ein Schreiben an den
    Vorstand" -> "ein Schreiben"), None when there is none."""
    for i in range(end - 1, -1, -1):
        j = read_np(toks, i)
        if j > i and j <= end:
            first = np_ending_at(toks, j)  # the whole phrase: "ein Schreiben", not "Schreiben"
            sp = phrase(masked, toks, i if first is None else first, j)
            if sp is not None and is_document(sp.text):
                return sp
    return None


def _heissen_source(masked: str, toks: list[tuple[int, int, str]], b: int, e: int) -> Phrase | None:
    """The source named by a preposition inside ``toks[b:e]`` ("in der Erklärung", "aus dem Ministerium")."""
    for k in range(b, e - 1):
        if toks[k][2].lower() in _HEISSEN_PREPOSITIONS:
            end = read_np(toks, k + 1)
            if k + 1 < end <= e:
                return phrase(masked, toks, k + 1, end)
    return None
