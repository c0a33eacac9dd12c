"""Positions: what an actor (country, organisation or person) wants, rejects, demands ...

A sentence states a position when it holds a stance predicate from the lexicon
("lehnt ... ab", "setzt auf", "forderte", "hält sich ... zurück", "zufrieden")
and an actor mention in subject position. Without a parser, the subject is the
first actor mention of the sentence that is not governed by a preposition
("mit Trump"), not a dative/genitive country ("der Ukraine") and not a genitive
in front of a title ("Frankreichs Präsident Macron" -> Macron). A further
country opening a clause after a comma also gets the position (gapping:
"Frankreich setzt auf X, Deutschland auf Y"). With a parser, the ``sb``/``nsubj``
dependency decides. Quotes with a resolved speaker (``doc._.briefing_quotes``)
are positions of that speaker. The component stores ``list[Position]`` on
``doc._.briefing_positions``.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass
from itertools import compress
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from briefing.extract.actors import (
    DETERMINERS,
    in_regions,
    lexicon,
    quote_regions,
    regions_overlap,
    token_table,
)
from briefing.extract.docdata import ACTORS, POSITIONS, QUOTES, ext_data
from briefing.extract.quotes.extract import in_heading
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.lang import rows
from briefing.lang.patterns import word_alternation
from briefing.models import Actor, Position, Quote

Stance = Literal[
    "wants", "rejects", "demands", "promises", "holds_back", "supports", "conditional", "open", "states"
]

STANCE_ORDER: tuple[Stance, ...] = (
    "rejects", "holds_back", "demands", "promises", "wants", "supports", "conditional", "open", "states"
)
# Firm stances a qualifier in the sentence turns into "conditional" or "open" (stance_qualifiers.txt):
# "supports" only where the text says so without a hedge.
QUALIFIABLE = frozenset({"wants", "supports", "promises"})
# A reported statement continued over several sentences ("Man werde ... Die Koalition wolle ...") is one
# position, up to this many sentences.
MAX_POSITION_SENTENCES = 3
# Separators after which a sentence's main clause may start; what precedes the last one before the subject
# is narration ("In Paris trifft sich ...: Macron forderte ...").
NARRATION_SEPARATORS = frozenset({":", ";"})
# "wants"/"supports" with a negation this close after the verb reject instead.
NEGATABLE = frozenset({"wants", "supports"})
NEGATION_REACH = 4
# A verb of saying whose clause ends in one of these, at most this many words after it, says nothing: "Der Kreml
# äußerte sich zunächst nicht", "Ein Sprecher wollte das auf Anfrage nicht kommentieren" ("sprach von keinem
# Durchbruch" does say something: the negation is not the clause's last word).
CLAUSE_FINAL_NEGATIONS = frozenset({"nicht", "nie", "niemals"})
STATES_NOTHING_REACH = 6
# Adverbs by which a sentence only points to a statement before it: "Ähnlich äußerte sich X."
COMPARING_ADVERBS = frozenset({"ähnlich", "ebenso", "genauso", "gleichlautend"})
SUBJECT_DEPS = frozenset({"sb", "nsubj", "nsubj:pass", "sbp"})
# Clause openers after which a country starts a new (possibly verbless, gapped) clause.
CLAUSE_OPENERS = frozenset({",", ";", "und", "aber", "während", "doch", "sondern"})
CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", "–", "-", "\"", "“", "”", ")", "und", "oder", "aber", "sondern"})
# A sentence opening with a pronoun or an article has its subject there: a country or organisation
# later in the sentence is an object ("Man werde die Ukraine ...", "Die Koalition wolle die Ukraine ..."),
# unless only the rest of that first noun phrase stands between ("Die ukrainische Regierung").
PRONOUN_OPENERS = frozenset({"man", "wir", "ich", "es", "er", "sie"})
ARTICLE_OPENERS = frozenset({"die", "der", "das", "diese", "dieser", "dieses"})
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Cases a country is in after these articles: never the subject (dative/genitive).
OBLIQUE_ARTICLES = frozenset({"der", "dem", "des"})
# Finite auxiliaries and modals: a mention right after one, behind a leading subordinate clause, is the
# subject of the main clause ("Wenn es so weit ist, hat Frankreich ... zugesagt").
FINITE_AUXILIARIES = frozenset({
    "hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "wird", "werden", "wurde", "wurden",
    "soll", "sollen", "kann", "können", "muss", "müssen", "will", "wollen", "möchte", "dürfte",
})
# Articles that are never nominative: a person after them ("des Airbus-Chefs Streiff") is no subject.
GENITIVE_DATIVE_ARTICLES = frozenset({"des", "dem"})
# Verbs of intention: with an infinitive of a body's business closing their clause (agenda_verbs.txt: "will sich
# im Januar mit der Reform befassen") they state a plan, which outlook reads, not a stance.
INTENTION_VERBS = frozenset({
    "will", "wollen", "wollte", "wollten", "plant", "planen", "plante", "planten", "möchte", "möchten",
})


@dataclass(frozen=True)
class StanceLexicon:
    single: dict[str, str]  # token form -> stance
    adjacent: dict[str, list[tuple[str, str]]]  # first token -> [(next token, stance)]
    particle: dict[str, list[tuple[str, str]]]  # finite form -> [(clause-final particle, stance)]
    issues: re.Pattern[str]
    issue_of: dict[str, str]
    triggers: frozenset[str]  # every first word of an entry: a sentence without one states no position
    negations: frozenset[str]
    masculine: frozenset[str]
    qualifiers: dict[str, str]  # one word -> conditional/open
    qualifier_pairs: dict[str, list[tuple[str, str]]]  # first word -> [(next word, qualifier)]
    agenda: frozenset[str] = frozenset()  # infinitives of a body's business (agenda_verbs.txt)


# An entry of position_verbs.txt whose stance is "-": the pair states no position although its first word
# alone does ("spricht über" beside "spricht von").
NO_STANCE = "-"


# A participle: "ge" opens it, after a separable particle or not ("abgelehnt", "zugesagt", "angekündigt").
_PARTICIPLE = re.compile(r"^(?:ab|an|auf|aus|bei|ein|fest|mit|nach|vor|zu|zurück)?ge")


def past_plural(form: str) -> str | None:
    """The third person plural past of a weak verb's finite third person singular form ("mahnte", "mahnt" ->
    "mahnten"), None for a participle or a form that is no such verb form. A strong verb's form gives a
    word that does not exist ("spricht" -> "sprichten"), which never matches."""
    if _PARTICIPLE.match(form) or not form.isalpha():
        return None
    if form.endswith("te"):
        return form + "n"
    if form.endswith("t") and not form.endswith("st") and len(form) > 3:
        return form + "en"
    return None


@functools.lru_cache(maxsize=1)
def stance_lexicon() -> StanceLexicon:
    """Load position verbs and issue triggers once."""
    single: dict[str, str] = {}
    adjacent: dict[str, list[tuple[str, str]]] = {}
    particle: dict[str, list[tuple[str, str]]] = {}
    entries = [(row[0].lower().split(), row[1]) for row in rows("position_verbs.txt")]
    # The plural of a listed finite form where the list has none: parties and countries act in the plural
    # ("Die Grünen mahnten Tempo an", "Litauen und Polen drängten").
    entries += [([plural, *words[1:]], stance) for words, stance in list(entries)
                if (plural := past_plural(words[0])) is not None]
    for words, stance in entries:
        if len(words) == 1:
            single.setdefault(words[0], stance)
        elif "…" in words:
            if (words[-1], stance) not in particle.get(words[0], []):
                particle.setdefault(words[0], []).append((words[-1], stance))
        elif (words[1], stance) not in adjacent.get(words[0], []):
            adjacent.setdefault(words[0], []).append((words[1], stance))
    issue_rows = rows("issues.txt")
    pattern = re.compile(word_alternation(r[0].lower() for r in issue_rows))  # longest first, as a trie
    triggers = frozenset(single) | frozenset(adjacent) | frozenset(particle)
    qualifiers: dict[str, str] = {}
    qualifier_pairs: dict[str, list[tuple[str, str]]] = {}
    for row in rows("stance_qualifiers.txt"):
        words = row[0].lower().split()
        if len(words) == 1:
            qualifiers.setdefault(words[0], row[1])
        else:
            qualifier_pairs.setdefault(words[0], []).append((" ".join(words[1:]), row[1]))
    return StanceLexicon(
        single, adjacent, particle, pattern, {r[0].lower(): r[1] for r in issue_rows}, triggers,
        negations=frozenset(r[0] for r in rows("negations.txt")),
        masculine=frozenset(r[0] for r in rows("masculine_actors.txt")),
        qualifiers=qualifiers,
        qualifier_pairs=qualifier_pairs,
        agenda=frozenset(r[0].lower() for r in rows("agenda_verbs.txt")),
    )


def qualify(stance: Stance, tokens: list[str], lex: StanceLexicon) -> Stance:
    """A firm stance ("wants", "supports", "promises") made "conditional" or "open" when the sentence's
    lowercase ``tokens`` (quotes included) hold a condition or a hedge; a condition wins over a hedge."""
    if stance not in QUALIFIABLE:
        return stance
    found = set()
    n = len(tokens)
    for k, low in enumerate(tokens):
        q = lex.qualifiers.get(low)
        if q:
            found.add(q)
        for rest, q2 in lex.qualifier_pairs.get(low, ()):
            parts = rest.split()
            if tokens[k + 1:k + 1 + len(parts)] == parts and k + len(parts) < n + 1:
                found.add(q2)
    if "conditional" in found:
        return "conditional"
    if "open" in found:
        return "open"
    return stance


def stance_of(tokens: list[str], lex: StanceLexicon) -> Stance | None:
    """The strongest stance among lowercase tokens of one sentence (STANCE_ORDER), or None."""
    found: set[str] = set()
    n = len(tokens)
    last_final: dict[str, int] | None = None
    # only the words of the lexicon can add a stance: find them first (one compiled loop), then look at each
    triggers = lex.triggers
    for k in [j for j, low in enumerate(tokens) if low in triggers]:
        low = tokens[k]
        stance = lex.single.get(low)
        if stance and any(st == NO_STANCE and k + 1 < n and tokens[k + 1] == nxt
                          for nxt, st in lex.adjacent.get(low, ())):
            stance = None  # "spricht über neue Ziele", "sprach mit Vertretern": a topic or a meeting, no stance
        if stance in NEGATABLE and not lex.negations.isdisjoint(tokens[k + 1:k + 1 + NEGATION_REACH]):
            stance = "rejects"  # "will keine Soldaten schicken", "unterstützt das nicht"
        if stance == "states" and _states_nothing(tokens, k, lex):
            stance = None
        if stance == "wants" and low in INTENTION_VERBS and _on_the_agenda(tokens, k, lex):
            stance = None
        if stance:
            found.add(stance)
        for nxt, st in lex.adjacent.get(low, ()):
            if st != NO_STANCE and k + 1 < n and tokens[k + 1] == nxt:
                found.add(st)
        for part, st in lex.particle.get(low, ()):
            if last_final is None:
                # last clause-final position of every word, so that "sagte ... zu" is one lookup, not a scan
                last_final = {w: m for m, w in enumerate(tokens) if m + 1 == n or tokens[m + 1] in CLAUSE_END}
            if last_final.get(part, -1) > k:
                found.add(st)
    for stance in STANCE_ORDER:
        if stance in found:
            return stance
    return None


def _states_nothing(tokens: list[str], k: int, lex: StanceLexicon) -> bool:
    """Does the verb of saying at ``k`` say nothing of its own? Its clause ends in a negation ("Die Kommission
    äußerte sich zunächst nicht", "Dazu sagte er nicht, ob ..."), or the sentence only points to the statement
    before ("Ähnlich äußerte sich die SPD-Chefin."): the verb right after a comparing adverb, and nothing after
    its subject (no clause, no colon before a quotation)."""
    n = len(tokens)
    end = k + 1
    while end < n and tokens[end] not in CLAUSE_END:
        end += 1
    if end - k - 1 <= STATES_NOTHING_REACH and end > k + 1 and tokens[end - 1] in CLAUSE_FINAL_NEGATIONS:
        return True
    return k == 1 and tokens[0] in COMPARING_ADVERBS and end >= n - 1 and not (
        end < n and tokens[end] in NARRATION_SEPARATORS)


def _on_the_agenda(tokens: list[str], k: int, lex: StanceLexicon) -> bool:
    """Does the clause of the intention at ``k`` close with an infinitive of a body's business ("will sich im
    Januar mit der Reform befassen", "plant, im Dezember darüber zu entscheiden")? A plan for what comes next,
    not a view ("will die Reform stoppen" is one)."""
    n = len(tokens)
    end = k + 1
    while end < n and tokens[end] not in CLAUSE_END:
        end += 1
    if end == k + 1 and end < n and tokens[end] == ",":
        end += 1  # "plant, im Dezember darüber zu entscheiden": the infinitive clause after the comma
        while end < n and tokens[end] not in CLAUSE_END:
            end += 1
    return end > k + 1 and tokens[end - 1] in lex.agenda


def issue_of(text: str, after: int, lex: StanceLexicon) -> str | None:
    """Issue named in text: the first trigger at or after offset ``after``, else the first at all."""
    low = text.lower()
    first = None
    for m in lex.issues.finditer(low):
        issue = lex.issue_of[m.group(0)]
        if m.start() >= after:
            return issue
        first = first or issue
    return first


class PositionFinder:
    def __init__(self, doc: Doc, actors: list[Actor], quotes: list[Quote], lex: StanceLexicon) -> None:
        self.doc = doc
        self.actors = {a.id: a for a in actors}
        self.quotes = quotes
        self.lex = lex
        self.alex = lexicon()
        table = self.table = token_table(doc)
        self.text, self.words, self.lowers, self.space = table.text, table.words, table.lowers, table.space
        self.starts = table.idx
        # token index -> (actor id, mention end token)
        self.mention_at: dict[int, tuple[str, int]] = {}
        for a in actors:
            for m in a.mentions:
                i = self.token_at(m.start)
                if i >= 0:
                    self.mention_at.setdefault(i, (a.id, self.token_at(max(m.start, m.end - 1)) + 1))
        self.regions = quote_regions(self.text)
        self.sent_bounds = table.sents
        self.sent_firsts = [b[0] for b in self.sent_bounds]
        # (asked on first need, by the sentences with a stance trigger: spaCy's has_annotation reads every token)
        self._has_dep: bool | None = None

    def has_dep(self) -> bool:
        """Does the Doc carry a parser's dependency labels?"""
        if self._has_dep is None:
            self._has_dep = bool(self.doc.has_annotation("DEP"))
        return self._has_dep

    def token_at(self, char: int) -> int:
        return bisect.bisect_right(self.starts, char) - 1

    def sentences(self) -> list[tuple[int, int]]:
        return self.sent_bounds

    def heading(self, s: int, e: int) -> bool:
        """Is the sentence ``[s, e)`` (part of) a heading inside the article (:func:`quotes.extract.in_heading`)? A
        heading is the newsroom's shorthand for the paragraphs under it: it states no one's position."""
        while e > s and self.space[e - 1]:
            e -= 1  # (the blank line after a paragraph is a token of its last sentence)
        return e > s and in_heading(self.text, self.starts[s], self.starts[e - 1] + len(self.words[e - 1]))

    def sentence_of(self, i: int) -> tuple[int, int]:
        return self.sent_bounds[max(0, bisect.bisect_right(self.sent_firsts, i) - 1)]

    def oblique(self, i: int, actor: Actor, s: int) -> bool:
        """Is the mention at token i an object/oblique (preposition, dative/genitive) or a genitive attribute?"""
        preps = self.alex.prepositions.get("obj", frozenset())
        end = self.mention_at[i][1]
        if actor.kind != "person":
            if end < len(self.words) and self.words[end - 1].endswith("s") and (
                    self.alex.role(self.words[end]) or end in self.mention_at):
                return True  # "Frankreichs Präsident Macron": the person is the subject
            if i > s and self.lowers[i - 1] in OBLIQUE_ARTICLES and not (
                    self.lowers[i - 1] == "der" and self.words[i] in self.lex.masculine):
                return True
            surface = self.words[end - 1]
            if i > s and surface.endswith("s") and surface != actor.name and self.words[i - 1][:1].isupper() and (
                    i - 1 not in self.mention_at):
                return True  # genitive attribute of a noun: "die Behörde Ugandas", "die Kritik Venezuelas"
        k = i - 1
        while k >= s and k >= i - 5:
            low, w = self.lowers[k], self.words[k]
            if low in preps or low in GENITIVE_DATIVE_ARTICLES:
                return True
            if self.space[k] or low in DETERMINERS or self.alex.role(w) or (
                    w.islower() and self.alex.adjective(w)) or w in ("|", "["):
                k -= 1
                continue
            if k in self.mention_at or (w.endswith("s") and w[:1].isupper()):
                k -= 1
                continue
            break
        return False

    def after_other_subject(self, s: int, i: int) -> bool:
        """Does the sentence open with a pronoun or a noun phrase other than the mention at i?"""
        first = self.lowers[s]
        if first in PRONOUN_OPENERS:
            return True
        if first not in ARTICLE_OPENERS:
            return False
        for k in range(s + 1, i):
            w = self.words[k]
            if self.space[k] or self.lowers[k] in DETERMINERS or self.alex.role(w) or (
                    w.islower() and w.endswith(ADJECTIVE_ENDINGS)):
                continue
            return True
        return False

    def main_clause(self, s: int, i: int) -> bool:
        """Is the mention at i in the main clause: before the sentence's first comma (outside quotations),
        or right after a finite verb that follows it ("..., sagte Macron", "Wenn ..., will Berlin ...")?"""
        regions = self.regions
        if not any(self.words[k] == "," and not (regions and in_regions(self.starts[k], regions))
                   for k in range(s, i)):
            return True
        end = self.mention_at[i][1]
        if end + 1 < len(self.words) and self.words[end] == "," and self.is_finite(self.lowers[end + 1]):
            return True  # apposition to the subject: "Der Nachfolger ..., Louis Gallois, hat angekündigt"
        k = i - 1
        while k >= s and (self.space[k] or self.lowers[k] in DETERMINERS or self.alex.role(self.words[k]) or (
                self.words[k].islower() and self.words[k].endswith(ADJECTIVE_ENDINGS) and len(self.words[k]) > 3
                and self.lowers[k] not in self.lex.single)):
            k -= 1
        if k < s:
            return False
        return self.is_finite(self.lowers[k])

    def is_finite(self, low: str) -> bool:
        """Is ``low`` a finite auxiliary or a stance/speech verb form from the lexicon?"""
        lex = self.lex
        return low in FINITE_AUXILIARIES or low in lex.single or low in lex.particle or low in lex.adjacent

    def subjects(self, s: int, e: int) -> list[tuple[int, str]]:
        """Actor mentions in subject position in sentence tokens [s, e): (token, actor id)."""
        doc = self.doc  # only for the parser's dependency labels
        cands = []
        for i in range(s, e):
            hit = self.mention_at.get(i)
            if hit is None or in_regions(self.starts[i], self.regions):
                continue
            actor = self.actors[hit[0]]
            if self.has_dep():
                end = hit[1]
                if any(doc[k].dep_.lower() in SUBJECT_DEPS for k in range(i, end)):
                    cands.append((i, hit[0]))
                continue
            if actor.kind != "person" and i > s and self.after_other_subject(s, i):
                continue
            if not self.oblique(i, actor, s):
                cands.append((i, hit[0]))
        main = [c for c in cands if self.main_clause(s, c[0])]
        if not main:
            return []
        chosen = [main[0]]
        preps = self.alex.prepositions.get("obj", frozenset())
        for i, aid in cands:
            if i <= chosen[0][0]:
                continue
            if self.actors[aid].kind == "person" and aid not in {c[1] for c in chosen} and self.coordinated(
                    self.mention_at[chosen[-1][0]][1], i):
                chosen.append((i, aid))  # "Macron und der britische Premierminister Starmer ... betonten"
                continue
            opener = self.lowers[i - 1] if i > s else ""
            after = self.lowers[self.mention_at[i][1]] if self.mention_at[i][1] < e else ""
            # a new clause with this country as subject: "..., Deutschland auf eine Stärkung" (verb gapped)
            # or "..., und Russland lehnt ... ab" (its own verb); a mere list "Brasilien und die USA" is not
            opens_clause = after in preps or after in self.lex.single or after in self.lex.particle or (
                after in self.lex.adjacent)
            if self.actors[aid].kind == "country" and opener in CLAUSE_OPENERS and opens_clause and (
                    aid not in {c[1] for c in chosen}):
                chosen.append((i, aid))
        return chosen

    def coordinated(self, end: int, i: int) -> bool:
        """Is the mention at token i joined by "und" to a mention ending at ``end``, with only its own
        article, adjectives and role between ("Macron und der britische Premierminister Keir Starmer")?"""
        k = end
        while k < i and self.space[k]:
            k += 1
        if k >= i or self.lowers[k] != "und":
            return False
        for m in range(k + 1, i):
            w = self.words[m]
            if not (self.space[m] or self.lowers[m] in DETERMINERS or self.alex.role(w) or (
                    w.islower() and w.endswith(ADJECTIVE_ENDINGS)) or (w[:1].isupper() and w.endswith("s"))):
                return False
        return True

    def co_speakers(self, first: int) -> list[str]:
        """Persons coordinated with the mention at token ``first``, in order ("A und B und C")."""
        out = []
        hit = self.mention_at.get(first)
        while hit is not None:
            end = hit[1]
            nxt = next((j for j in range(end, min(end + 8, len(self.words))) if j in self.mention_at), None)
            if nxt is None or self.actors[self.mention_at[nxt][0]].kind != "person" or not self.coordinated(end, nxt):
                break
            out.append(self.mention_at[nxt][0])
            hit = self.mention_at[nxt]
        return out

    def narration_cut(self, s: int, i: int) -> int:
        """The token where the clause of the mention at i starts: after the last colon or semicolon before it
        (outside quotations); what comes before is narration, not the actor's position."""
        regions = self.regions
        for k in range(i - 1, s - 1, -1):
            if self.words[k] in NARRATION_SEPARATORS and not (regions and in_regions(self.starts[k], regions)):
                return k + 1
        return s

    def reporters_in(self, s: int, e: int) -> set[str | None]:
        """Speakers of the quotations that overlap sentence tokens ``[s, e)`` and are named inside it
        (None for a speaker linked to no actor: "sagte ein Sprecher").  Reported speech carried on from a
        speaker named before ("…, sagte ein Bahnsprecher. Die EVG habe das Angebot abgelehnt.") is left to
        its subject: a medium's report of a government's plan ("Berlin wolle … ausrüsten", after "Über
        die Pläne hatte zuerst der Spiegel berichtet") is that government's position, and nothing in the
        sentence tells the two apart."""
        first, last = self.starts[s], self.starts[e - 1] + len(self.words[e - 1])
        return {q.speaker for q in self.quotes
                if q.start < last and first < q.end and q.speaker_start is not None and first <= q.speaker_start < last}

    def carried_by_person(self, s: int, e: int) -> set[str]:
        """Persons whose indirect quotation carries on into sentence tokens ``[s, e)`` from a sentence before
        it ("Umweltsprecherin X warf der Ministerin vor, … Österreich habe sich hinter Polen versteckt.").
        Their Konjunktiv is their claim about the subject, often against it, never the subject's own word;
        a medium's report ("Über die Pläne hatte zuerst der Spiegel berichtet. Berlin wolle …") is no
        person's and stays with its subject (:meth:`reporters_in`)."""
        first, last = self.starts[s], self.starts[e - 1] + len(self.words[e - 1])
        out: set[str] = set()
        for q in self.quotes:
            if (q.kind == "indirect" and q.speaker and q.start < last and first < q.end
                    and q.speaker_start is not None and q.speaker_start < first):
                actor = self.actors.get(q.speaker)
                if actor is not None and actor.kind == "person":
                    out.add(q.speaker)
        return out

    def reported_main_clause(self, s: int, e: int) -> bool:
        """Is the sentence's main clause (up to its first comma, colon or semicolon outside quotations) in
        the Konjunktiv I: someone else's report of its subject ("Die EVG habe das Angebot abgelehnt", after
        "…, sagte ein Bahnsprecher")?  Its subject's position it is not; the quotation's speaker gets it."""
        regions = self.regions
        end = next((k for k in range(s, e) if self.words[k] in (",", ":", ";")
                    and not (regions and in_regions(self.starts[k], regions))), e)
        if end <= s:
            return False
        return konjunktiv_words(self.text, self.starts[s], self.starts[end - 1] + len(self.words[end - 1]),
                                strong=True) > 0

    def stance_clause_subjects(self, s: int, e: int) -> list[tuple[int, str]]:
        """Subjects of the first clause of a sentence that holds a stance on its own, where a colon or
        semicolon (outside quotations) splits the sentence into clauses: "Unterstützung erhielt er aus
        Bratislava: Regierungschef Fico erklärte, …" is Fico's statement, not that of the "er" before the
        colon.  Empty when the sentence is one clause, or when that clause names no subject of its own
        ("Merz zu den Plänen: Wir unterstützen das" is Merz's: the caller falls back to the sentence)."""
        regions = self.regions
        cuts = [k for k in range(s, e) if self.words[k] in NARRATION_SEPARATORS
                and not (regions and in_regions(self.starts[k], regions))]
        if not cuts:
            return []
        for cs, ce in zip([s] + [k + 1 for k in cuts], cuts + [e], strict=True):
            outside = [self.lowers[k] for k in range(cs, ce)
                       if not self.space[k] and not (regions and in_regions(self.starts[k], regions))]
            if stance_of(outside, self.lex) is not None:
                return self.subjects(cs, ce) if cs > s else []
        return []

    def own_clauses(self, s: int, e: int, subjects: list[tuple[int, str]]) -> list[tuple[int, str, int, int]]:
        """Each subject's own clause, when every subject after the first opens a main clause of its own with
        its own verb ("Berlin will verhandeln, Paris will zurückschlagen, Rom will abwarten"): (token, actor,
        clause start, clause end).  Empty when a subject shares the verb of another ("Macron und Starmer
        betonten", "..., Deutschland auf eine Stärkung": gapped), or when there is one subject."""
        if len(subjects) < 2:
            return []
        starts: list[tuple[int, int]] = []
        for i, _ in subjects[1:]:
            end = self.mention_at[i][1]
            after = self.lowers[end] if end < e else ""
            if not (i > s and self.lowers[i - 1] in CLAUSE_OPENERS and (
                    after in self.lex.single or after in self.lex.particle or after in self.lex.adjacent)):
                return []
            k = i - 1  # the clause before ends before its opener (", und": before the comma too)
            while k > s and (self.space[k - 1] or self.lowers[k - 1] in CLAUSE_OPENERS):
                k -= 1
            before = starts[-1][0] if starts else subjects[0][0]
            if "," not in self.lowers[k:i] or not any(self.is_finite(w) for w in self.lowers[before:k]):
                return []  # "Spanien und Portugal fordern ...": no clause of its own before the subject
            starts.append((i, k))
        bounds = [self.narration_cut(s, subjects[0][0])] + [i for i, _ in starts]
        ends = [k for _, k in starts] + [e]
        return [(i, aid, cs, ce) for (i, aid), cs, ce in zip(subjects, bounds, ends, strict=True)]

    def lowers_between(self, s: int, e: int) -> list[str]:
        """Lowercase words of tokens ``[s, e)``, whitespace tokens left out."""
        return list(compress(self.lowers[s:e], map(operator.not_, self.space[s:e])))

    def span_text(self, s: int, e: int) -> tuple[str, int]:
        """Stripped text of tokens [s, e) and its start offset."""
        first, last = self.table.char_span(s, e)
        raw = self.text[first:last]
        text = raw.strip()
        return text, self.starts[s] + (len(raw) - len(raw.lstrip()))

    def run(self) -> list[Position]:
        out: dict[tuple[str, int], Position] = {}
        regions = self.regions
        for s, e in self.sentences():
            if e <= s:
                continue
            if self.lex.triggers.isdisjoint(self.lowers[s:e]):
                continue
            if self.heading(s, e):
                continue
            quoted = regions_overlap(regions, self.starts[s], self.starts[e - 1] + 1)
            if quoted:
                outside = [self.lowers[k] for k in range(s, e)
                           if not self.space[k] and not in_regions(self.starts[k], regions)]
            else:
                outside = self.lowers_between(s, e)
            stance = stance_of(outside, self.lex)
            if stance is None:
                continue
            subjects = self.stance_clause_subjects(s, e) or self.subjects(s, e)
            if not subjects:
                continue
            if self.reported_main_clause(s, e):
                # "In Bayern habe Söder bessere Chancen, sagte der Politologe": the sentence names who reports
                # its subject; the subject's position it is not (the reporter's quotation gives that one's)
                others = self.reporters_in(s, e) | self.carried_by_person(s, e)
                subjects = [x for x in subjects if not (others - {x[1]})]
                if not subjects:
                    continue
            own = self.own_clauses(s, e, subjects)
            if own:
                # "Berlin will verhandeln, Paris will zurückschlagen": each subject says its own clause
                for i, aid, cs, ce in own:
                    text, start = self.span_text(cs, ce)
                    text = text.rstrip(" ,;")
                    tokens = self.lowers_between(cs, ce)
                    clause_stance = qualify(stance_of(tokens, self.lex) or stance, tokens, self.lex)
                    if text:
                        issue = issue_of(text, self.starts[i] - start, self.lex)
                        out.setdefault((aid, start), Position(aid, text, start, start + len(text), clause_stance,
                                                              issue))
                continue
            stance = qualify(stance, self.lowers_between(s, e), self.lex)
            # Every subject gets the whole clause: a gapped one ("..., Deutschland auf Y.") is no sentence.
            text, start = self.span_text(self.narration_cut(s, subjects[0][0]), e)
            if not text:
                continue
            for i, aid in subjects:
                issue = issue_of(text, self.starts[i] - start, self.lex)
                out.setdefault((aid, start), Position(aid, text, start, start + len(text), stance, issue))
        for q in self.quotes:
            if not q.speaker or q.speaker not in self.actors:
                continue
            i, j = self.token_at(q.start), self.token_at(max(q.start, q.end - 1))
            if i < 0:
                continue
            s = self.sentence_of(i)[0]
            e = self.sentence_of(j)[1]
            if self.heading(s, e):
                continue  # a heading's report ("16.20 Uhr: X fordert mehr Hilfe") is the newsroom's shorthand
            named = q.speaker_start is not None and self.starts[s] <= q.speaker_start < (
                self.starts[e - 1] + len(self.words[e - 1]))
            if not named and q.kind == "direct":
                # a quotation whose speaker is named elsewhere belongs to that sentence's position; a short one
                # whose speaker the sentence names is: "X nannte die Zölle „wirtschaftlichen Selbstmord“"
                continue
            first_sentence = bisect.bisect_right(self.sent_firsts, i) - 1
            last_sentence = bisect.bisect_right(self.sent_firsts, j) - 1
            if last_sentence - first_sentence >= MAX_POSITION_SENTENCES:
                e = self.sent_bounds[first_sentence + MAX_POSITION_SENTENCES - 1][1]
            speaker_tok = self.token_at(q.speaker_start) if named and q.speaker_start is not None else -1
            cut = self.narration_cut(s, speaker_tok) if speaker_tok >= s else s
            text, start = self.span_text(cut, e)
            if not text:
                continue
            tokens = self.lowers_between(s, e)
            stance = qualify(stance_of(tokens, self.lex) or "states", tokens, self.lex)
            issue = issue_of(q.text, 0, self.lex)
            speakers = [q.speaker] + (self.co_speakers(speaker_tok) if speaker_tok >= 0 else [])
            for aid in speakers:
                known = out.get((aid, start))
                if known is None:
                    out[(aid, start)] = Position(aid, text, start, start + len(text), stance, issue)
                elif known.end < start + len(text):
                    # the quotation runs on past the sentence ("hielt dagegen: „Warum ...? Die Ukraine ...“"):
                    # the position is the whole of it, with the stance found first
                    out[(aid, start)] = Position(aid, text, start, start + len(text), known.stance,
                                                 known.issue or issue)
        return sorted(out.values(), key=lambda p: (p.start, p.actor))


class PositionComponent:
    """spaCy component: ``doc._.briefing_positions = list[Position]``."""

    def __init__(self) -> None:
        self.lex = stance_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        data = ext_data(doc)  # (doc._ without its accessor object: docdata)
        actors = list(data.get(ACTORS) or [])
        quotes = list(data.get(QUOTES) or [])
        data[POSITIONS] = PositionFinder(doc, actors, quotes, self.lex).run() if len(doc) and actors else []
        return doc


@Language.factory(
    "briefing_positions",
    default_config={},
    assigns=["doc._.briefing_positions"],
    requires=["token.is_sent_start", "doc._.briefing_actors", "doc._.briefing_quotes"],
)
def make_positions(nlp: Language, name: str) -> PositionComponent:
    return PositionComponent()
