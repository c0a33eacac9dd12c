"""Headline, "Das Wichtigste in Kürze" and "Ausblick" of a story - all extractive.

Summary sentences are source sentences chosen for centrality: how strongly
other articles of the story say the same (their most similar sentence), how
close the sentence is to the story as a whole, and a small bonus for the lead
of an article (news puts the core first).  Selection is MMR: each next sentence
is central but unlike those already chosen.  A sentence's sources are every
article with a sentence saying the same.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from briefing.assemble import timeframe
from briefing.assemble.context import opens_with_pointer, plural_finite
from briefing.assemble.text import (
    balanced_quotes,
    containment,
    content_terms,
    cosine,
    fold,
    lexicon,
    sort_sources,
    source_sort_key,
    vector,
    words,
)
from briefing.extract.quotes.konjunktiv import STRONG_KONJUNKTIV_II, konjunktiv_words
from briefing.extract.quotes.lexicon import speech_verbs
from briefing.extract.quotes.resolve import description_gender
from briefing.lang.de import attribution_markers, demonym_country
from briefing.lang.frequency import COMMON_ZIPF, zipf
from briefing.models import SourcedText, Statement

# Sentences outside this length (in words) are fragments or run-ons, poor summary material.
MIN_SUMMARY_WORDS = 7
MAX_SUMMARY_WORDS = 45
# A speaker's label before an interview answer ("Behle: …") has at most this many words.
MAX_LABEL_WORDS = 3
# Only an article's first sentences are candidates: the core of a news text comes first, and the
# cap keeps big stories linear.
MAX_SENTENCES_PER_ARTICLE = 15
# Only the most central articles of a big story are read for the summary.
MAX_SUMMARY_ARTICLES = 12
# Sentences of two articles with this cosine or more say the same thing (the other counts as a source).
SAME_CLAIM = 0.4
# Sentences that give the same confirmed figure (26 Länder / 26 westliche Staaten) and are at least this
# similar make the same claim, though paraphrased: "26 Länder wollen sich an einer Sicherungstruppe für die
# Ukraine beteiligen" / "... haben sich 26 westliche Staaten darauf verständigt, ... Truppen in die Ukraine zu
# schicken" score 0.28.
SAME_FIGURE_CLAIM = 0.2
# A candidate this similar to an already chosen sentence is redundant.
REDUNDANT = 0.5
# MMR trade-off: weight of centrality against novelty.
MMR_LAMBDA = 0.7
# Bonus for an article's first sentence, decaying with position (1/(1+i)).
LEAD_BONUS = 0.15
# Bonus for a sentence that states a figure several sources confirm (the event's key facts).
CONFIRMED_FIGURE_BONUS = 0.15
# A sentence mostly inside quotation marks is a voice, not a summary statement.
MAX_QUOTED_SHARE = 0.5
SUMMARY_MIN = 3
SUMMARY_MAX = 5
# Beyond SUMMARY_MIN sentences, a sentence is added only while it scores at least this share of the best.
EXTRA_SCORE_SHARE = 0.6
# Outlook statements: merged when this similar; at most this many per story.
SAME_OUTLOOK = 0.5
MAX_OUTLOOK = 5
# An outlook statement whose words are this much inside a summary sentence is that sentence.
SAID_ALREADY = 0.8
# The speaker an outlook statement is marked with ("Orbán: Er sagte, ..."): not part of what it says.
OUTLOOK_SPEAKER = re.compile(r"^[\w .-]{1,40}: ")
# Room kept in Ausblick for what is still open, when the sources say it.
MIN_OPEN_QUESTIONS = 2
# Publisher names shorter than this ("AP") also occur as ordinary words or initials; not checked.
MIN_PUBLISHER_CHARS = 3
# Headlines longer than this are cut at a clause boundary.
MAX_HEADLINE_CHARS = 110
# Without a usable title, the first of this many lead sentences that fits MAX_HEADLINE_CHARS whole is the
# headline, before the most central one is cut.
HEADLINE_LEADS = 3
# A sentence up to this long is kept whole as a headline when no clause boundary gives a self-contained
# cut: a long headline beats one that drops what the sentence says (two lines in the email at 600 px).
MAX_WHOLE_HEADLINE_CHARS = 150
# Characters that only occur in page furniture or markup, never in a summary sentence.
MARKUP_CHARS = ("|", "[", "]", "#", "<", ">", "{", "}", "+++")
QUOTE_MARKS = "\"„“”«»‚‘’"
# A German telephone number: an area code opening with 0, then groups of digits (at least six digits after it):
# "0361 574 31 00", "089/1234-5678", "0800 123 456". Figures never open with a 0 before a group.
_PHONE_NUMBER = re.compile(r"(?<![\d.,])0\d{2,5}(?:[ /-]\d{2,5}){1,4}(?![\d.,]\d)")
_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„])")
_QUOTED_RE = re.compile(r"[\"„“”«»][^\"„“”«»]*[\"„“”«»]")


@dataclass(frozen=True)
class Candidate:
    article: int  # index in the day
    source: str
    position: int  # sentence number in the article
    relative: float  # position / number of sentences
    text: str
    vector: dict[str, float]
    frame: tuple[int, int] = (0, 0)  # signs it was written before / after the event (timeframe.evidence)
    future: bool = False  # it speaks in the future (timeframe.is_future)
    article_frame: timeframe.Frame | None = None  # the frame of the whole article


def article_sentences(text: str, sentences: Sequence[Statement]) -> list[str]:
    """The article's sentences as extraction found them (a simple split when it found none)."""
    if sentences:
        return [s.text.strip() for s in sentences if s.text.strip()]
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        out.extend(p.strip() for p in _SPLIT_RE.split(para.strip()) if p.strip())
    return out


def is_summary_material(sentence: str) -> bool:
    """A complete declarative news sentence - no heading, question, teaser, markup or bare quote."""
    s = sentence.strip()
    n_words = len(s.split())
    if not MIN_SUMMARY_WORDS <= n_words <= MAX_SUMMARY_WORDS or "\n" in s:
        return False
    end = s.rstrip(QUOTE_MARKS + ")")
    if not end.endswith((".", "!")) or s.endswith("?") or end.endswith("..."):
        return False
    if not (s[0].isupper() or s[0] in QUOTE_MARKS or s[0].isdigit()):
        return False
    if any(m in s for m in MARKUP_CHARS):
        return False
    if not balanced_quotes(s):
        return False  # a sentence cut inside a quotation is a fragment
    quoted = sum(len(m.group()) for m in _QUOTED_RE.finditer(s))
    if quoted > MAX_QUOTED_SHARE * len(s):
        return False
    low = fold(s)
    if any(m in low for m in _folded("teaser_markers.txt")):
        return False
    if _PHONE_NUMBER.search(s):
        return False  # "Die Polizei bittet um Hinweise unter 0361 574 31 00": service for readers, not news
    if unattributed_report(s):
        return False
    label, marked, rest = s.partition(": ")
    if marked and len(label.split()) <= MAX_LABEL_WORDS and needs_context(rest):
        return False  # an interview's answer named for its speaker ("Behle: Das hängt vom Angebot ab.") points back
    return not needs_context(s)


def unattributed_report(sentence: str) -> bool:
    """Is the sentence someone's words in Konjunktiv I (or a strong verb's Konjunktiv II in its place: "stünden")
    with no speaker in it ("Das Geld sei für den Umbau bestimmt.", the minister named a sentence before)? Read
    alone it passes a claim off as fact."""
    ws = {w.lower() for w in re.findall(r"\w+", sentence)}
    if not konjunktiv_words(sentence, 0, len(sentence), strong=True, learned=False) and ws.isdisjoint(
            STRONG_KONJUNKTIV_II):
        return False
    markers = attribution_markers()
    return ws.isdisjoint(speech_verbs()) and not any(ws & m for m in markers.values()) and "so" not in ws


@functools.cache
def _folded(name: str) -> frozenset[str]:
    return frozenset(fold(entry) for entry in lexicon(name))


# The attribution closing a sentence: its last comma-separated stretch, a few words long.
_LAST_CLAUSE = re.compile(r",\s*([^,]{1,60}?)[.!?]?\s*$")
_PERSONAL = frozenset(["er", "sie"])
# The closing clause after a quotation's end or the last comma, at any length.
_LONG_LAST_CLAUSE = re.compile(r"[,“”\"]\s*,?\s*([^,“”\"]{1,300}?)[.!?]?\s*$")


def _pronoun_attribution(sentence: str) -> bool:
    """ "…, sagte er.", "…, so sie am Montag.", "…, wie er betonte.": the speaker is only a pronoun,
    named in a sentence the reader does not see. A closing clause that opens with the verb and the pronoun
    says so however long it runs on ("…“, sagte er nach der Annahme des Textes unter dem Beifall der Delegierten.")."""
    long = _LONG_LAST_CLAUSE.search(sentence)
    if long:
        opening = [w.lower() for w in re.findall(r"\w+", long.group(1))[:2]]
        if len(opening) == 2 and opening[1] in _PERSONAL and (opening[0] == "so" or opening[0] in speech_verbs()):
            return True
    m = _LAST_CLAUSE.search(sentence)
    if not m:
        return False
    words = [w.lower() for w in re.findall(r"\w+", m.group(1))]
    if not 2 <= len(words) <= 6 or _PERSONAL.isdisjoint(words):
        return False
    return words[0] == "so" or any(w in speech_verbs() for w in words)


def _description_attribution(sentence: str) -> bool:
    """ "…, schrieb der rechtsextreme Politiker auf X.", "…, sagte die 54-Jährige.": the speaker is a
    definite description with no name or attribute (a common noun, a nationality, an age or a party), a
    person named in a sentence the reader does not see."""
    m = _LAST_CLAUSE.search(sentence)
    if not m:
        return False
    words = re.findall(r"[\w-]+", m.group(1))
    verb = next((k for k, w in enumerate(words) if w.lower() in speech_verbs()), None)
    if verb is None or verb + 1 >= len(words) or words[verb + 1].lower() not in ("der", "die"):
        return False
    phrase = words[verb + 2 :]
    head = next((k for k, w in enumerate(phrase) if w[:1].isupper() or w[:1].isdigit()), None)
    if head is None:
        return False
    rest = phrase[head + 1 :]
    if rest and rest[0].lower() in _ATTRIBUTE_LINKS:
        return False  # "der Sprecher der Polizei", "die Chefin des Verbands": the attribute says who
    if rest and rest[0][:1].isupper() and not demonym_country(rest[0]):
        return False  # "der Finanzminister Bezalel Smotrich": a name follows
    noun = phrase[head]
    return description_gender(f"{words[verb + 1]} {noun}") is not None or zipf(noun) >= COMMON_ZIPF


_ATTRIBUTE_LINKS = frozenset({"der", "des", "von", "vom"})


def needs_context(sentence: str) -> bool:
    """True when the sentence opens by pointing back ("Das erklärte ...", "Dabei gehe es ...")."""
    ws = sentence.lstrip(QUOTE_MARKS + " ").split()
    if not ws:
        return False
    first = fold(ws[0]).strip(",:;")
    two = f"{first} {fold(ws[1]).strip(',:;.')}" if len(ws) > 1 else ""
    if first in _folded("anaphoric_adverbs.txt") or two in _folded("anaphoric_adverbs.txt"):
        return True
    if _pronoun_attribution(sentence) or _description_attribution(sentence):
        return True
    verb = ws[2].strip(",:;.") if len(ws) > 2 else ""
    plural = first == "die" and plural_finite(verb.lower())
    if first in ("der", "die") and len(ws) > 2 and ws[2][:1].islower() and not plural and (
            demonym_country(ws[1].strip(",:;.")) or description_gender(" ".join(ws[:2]).strip(",:;."))):
        return True  # "Der Ungar kritisierte zugleich ...", "Der 61-Jährige habe ...": a person named before
        # ("Die Europäer müssen ...", with a plural verb, are a people, not someone named before)
    if any(not m.group(1).startswith(_time_nouns()) for m in _DEMONSTRATIVE_NOUN.finditer(sentence)):
        return True  # "Fico schloss sich dieser Haltung an": whose? (but "in dieser Woche")
    # ("Ihr Vorsitzender ... kritisierte", "Das kündigte die Sprecherin an")
    return opens_with_pointer(first, " ".join(ws[1:]))


# A demonstrative determiner and its noun, an adjective allowed between ("dieser Haltung", "diesen neuen Plan").
_DEMONSTRATIVE_NOUN = re.compile(
    r"\b(?:[Dd]ies(?:e[rsmn]?)?|[Jj]ene[rsmn]?)\s+(?:[a-zäöüß]+e[nrsm]?\s+)?([A-ZÄÖÜ][\w-]*)"
)


@functools.cache
def _time_nouns() -> tuple[str, ...]:
    return tuple(lexicon("time_nouns.txt"))


def candidates(
    members: Sequence[tuple[int, str, str, Sequence[Statement], str | None]],
    idf: dict[str, float],
    published: dict[int, date | None] | None = None,
) -> list[Candidate]:
    """Summary candidates of the story's articles ``(index, source id, text, sentences, publisher)``.

    A sentence naming its own publisher ("BR24 ordnet ein, ...") speaks about the medium, not the news.
    Each candidate carries its time frame and its article's (``published``: article index -> date).
    """
    out = []
    for index, sid, text, sentences, publisher in members:
        sents = article_sentences(text, sentences)
        day = (published or {}).get(index)
        whole = timeframe.article_frame(timeframe.frame(s, day, tense=False) for s in sents)
        own = fold(publisher or "").strip()
        for pos, s in enumerate(sents[:MAX_SENTENCES_PER_ARTICLE]):
            if len(own) >= MIN_PUBLISHER_CHARS and re.search(rf"\b{re.escape(own)}\b", fold(s)):
                continue
            if is_summary_material(s):
                vec = vector(Counter(content_terms(s)), idf)
                if vec:
                    out.append(Candidate(
                        index, sid, pos, pos / max(1, len(sents)), s, vec,
                        frame=timeframe.evidence(s, day, tense=False), article_frame=whole,
                        future=timeframe.is_future(s),
                    ))
    return out


def summarise(
    cands: Sequence[Candidate],
    story_vector: dict[str, float],
    confirmed: frozenset[str] = frozenset(),
    follow_ups: frozenset[int] = frozenset(),
) -> tuple[list[SourcedText], list[str]]:
    """Choose 3-5 central, non-redundant sentences and give each all sources that say the same.

    News writing tells what happened before how others took it: when some articles of the story refer back
    to the event another reports (``follow_ups``: the reactions, an interview about it), the first
    SUMMARY_MIN sentences come from the event's own reports where they have them, and the summary reads the
    reports' sentences before the follow-ups'.

    Args:
        cands: the candidate sentences (:func:`candidates`).
        story_vector: the story's centroid.
        confirmed: number terms ("#26") of figures that several sources give.
        follow_ups: article indices whose lead refers back to the event (stories.follow_ups).

    Returns:
        The summary in reading order, and the chosen sentences most central first (for the headline).
    """
    if not cands:
        return [], []
    # When the story has an outcome, the lead states it: previews it overtakes are left out.
    has_outcome = any(c.article_frame == "outcome" for c in cands)
    current = [c for c in cands if not timeframe.overtaken(*c.frame, c.future, c.article_frame, has_outcome)]
    cands = current or list(cands)
    articles = sorted({c.article for c in cands})
    n_other = max(1, len(articles) - 1)
    figures = [frozenset(t for t in c.vector if t in confirmed) for c in cands]

    def same_claim(i: int, j: int, sim: float) -> bool:
        # Paraphrases share few words; the same confirmed figure on the same topic marks one claim.
        return sim >= SAME_CLAIM or (bool(figures[i] & figures[j]) and sim >= SAME_FIGURE_CLAIM)

    best: list[dict[int, float]] = []  # per candidate: article -> best similarity with that article
    support: list[set[int]] = []  # per candidate: other articles with a sentence saying the same
    for i, c in enumerate(cands):
        per: dict[int, float] = {}
        said: set[int] = set()
        for j, o in enumerate(cands):
            if o.article != c.article:
                sim = cosine(c.vector, o.vector)
                if sim > per.get(o.article, 0.0):
                    per[o.article] = sim
                if same_claim(i, j, sim):
                    said.add(o.article)
        best.append(per)
        support.append(said)
    score = [
        sum(best[i].values()) / n_other
        + cosine(c.vector, story_vector)
        + LEAD_BONUS / (1 + c.position)
        + (CONFIRMED_FIGURE_BONUS if figures[i] else 0.0)
        for i, c in enumerate(cands)
    ]

    # The event's own reports are ranked among themselves: a reactions piece repeats the words of the act it
    # reacts to ("Gesetz", "Kommunen"), not the report's facts (the vote count, the date it takes effect).
    reports = [a for a in articles if a not in follow_ups]
    own_score = [
        sum(x for a, x in best[i].items() if a not in follow_ups) / max(1, len(reports) - 1)
        + cosine(c.vector, story_vector)
        + LEAD_BONUS / (1 + c.position)
        + (CONFIRMED_FIGURE_BONUS if figures[i] else 0.0)
        for i, c in enumerate(cands)
    ]

    def redundant(i: int, j: int) -> bool:
        sim = cosine(cands[i].vector, cands[j].vector)
        return sim >= REDUNDANT or (cands[i].article != cands[j].article and same_claim(i, j, sim))

    chosen: list[int] = []
    pool = sorted(range(len(cands)), key=lambda i: (-score[i], source_sort_key(cands[i].source), cands[i].position))
    rank = {i: r for r, i in enumerate(pool)}
    while pool and len(chosen) < SUMMARY_MAX:
        pool = [i for i in pool if not any(redundant(i, j) for j in chosen)]
        if not pool:
            break

        own = [i for i in pool if cands[i].article not in follow_ups]
        leading = bool(follow_ups) and bool(own) and len(chosen) < SUMMARY_MIN
        weight = own_score if leading else score

        def mmr(i: int, weight: list[float] = weight) -> tuple[float, int]:
            red = max((cosine(cands[i].vector, cands[j].vector) for j in chosen), default=0.0)
            return (MMR_LAMBDA * weight[i] - (1 - MMR_LAMBDA) * red, -rank[i])

        pick = max(own if leading else pool, key=mmr)
        if len(chosen) >= SUMMARY_MIN and score[pick] < EXTRA_SCORE_SHARE * score[chosen[0]]:
            break
        chosen.append(pick)
        pool.remove(pick)
    leads = [cands[i].text for i in chosen]
    chosen.sort(key=lambda i: (
        cands[i].article in follow_ups, cands[i].relative, cands[i].position, source_sort_key(cands[i].source)
    ))
    source_of = {c.article: c.source for c in cands}
    out = []
    for i in chosen:
        c = cands[i]
        sids = {c.source} | {source_of[a] for a in support[i]}
        out.append(SourcedText(c.text, sort_sources(sids)))
    return out, leads


def headline(titles: Sequence[str | None], leads: Sequence[str]) -> str:
    """The story's headline, extractive.

    Args:
        titles: the story's article titles, most central article first.
        leads: the story's summary sentences, most central first (fallback).

    Returns:
        For a one-article story, its own title as written (a question included) when it is whole (not cut
        off, no markup). Otherwise the first title that is a statement; else the first of the central
        sentences short enough to stand whole; else the most central sentence that can be shortened at a
        clause boundary; else the most central one cut.
    """
    if len(titles) == 1:
        own = " ".join((titles[0] or "").split())
        if own and len(own) <= 2 * MAX_HEADLINE_CHARS and not any(m in own for m in MARKUP_CHARS) and not (
                own.rstrip(QUOTE_MARKS).endswith(("…", "..."))):
            return own
    # A title made of someone's words ("Bauernverband: „Wir werden weiter protestieren“") or an explainer's
    # ("Wahlrecht: Was das Urteil bedeutet") is one report's angle on the event: the title of a report that
    # says what happened comes first.
    for t in sorted(titles, key=lambda t: (quotes_someone(t), explains(t))):
        t = (t or "").strip()
        if (
            t
            and len(t) <= 2 * MAX_HEADLINE_CHARS
            and not any(m in t for m in MARKUP_CHARS)
            and not t.rstrip(QUOTE_MARKS).endswith(("…", "...", "?"))
        ):
            return shorten(t)
    # No title: a lead sentence short enough to be a headline whole (the lead's first sentences are all
    # central; a short one says the outcome without being cut) ...
    for lead in leads[:HEADLINE_LEADS]:
        whole = " ".join(lead.split()).rstrip(".! ")
        if len(whole) <= MAX_HEADLINE_CHARS:
            return whole
    # ... else the most central one, shortened at a clause boundary.
    cut = [shorten(lead.rstrip(".! ")) for lead in leads]
    for h in cut:
        if not h.endswith("…"):
            return h
    if cut:
        return cut[0]
    return next((shorten(t) for t in titles if t and t.strip()), "Meldung")


# A quotation of a few words or more in a title; one quoted word ("Streit über den „Drohnenwall“") names a thing.
_TITLE_QUOTATION = re.compile(r"[„\"»]([^„“”\"»«]+)[“”\"«]")
TITLE_QUOTATION_WORDS = 3


def quotes_someone(title: str | None) -> bool:
    """Does ``title`` quote someone's words (a quotation of :data:`TITLE_QUOTATION_WORDS` words or more)?"""
    return any(len(m.group(1).split()) >= TITLE_QUOTATION_WORDS for m in _TITLE_QUOTATION.finditer(title or ""))


# The words that open an indirect question: an explainer's title ("Was Fahrgäste jetzt wissen müssen").
_INTERROGATIVES = frozenset({"was", "wie", "warum", "weshalb", "wieso", "wer", "wem", "wen", "wo", "wohin", "woher",
                             "wann", "welche", "welcher", "welches", "welchen", "wofür", "worum", "wozu"})


def explains(title: str | None) -> bool:
    """Is ``title`` an explainer's: its statement (after a kicker's colon, if any) an indirect question
    ("Mercosur: Was das Abkommen für Deutschland bedeutet", "Wie es nach dem Urteil weitergeht")?  A
    question with its question mark is not (it asks; see :func:`headline`)."""
    t = (title or "").strip()
    if not t or t.endswith("?"):
        return False
    statement = t.split(": ", 1)[1] if ": " in t else t
    first = statement.split(maxsplit=1)[0].strip("„“\"»«").lower() if statement.split() else ""
    return first in _INTERROGATIVES


@functools.cache
def _cataphoric() -> frozenset[str]:
    return frozenset(lexicon("cataphoric_words.txt"))


def _self_contained(clause: str) -> bool:
    """False when the clause announces what follows ("darauf verständigt", "es heißt")."""
    words = {fold(w.strip(".,;:!?\"„“”")) for w in clause.split()}
    return not (words & _cataphoric())


def shorten(text: str, limit: int = MAX_HEADLINE_CHARS) -> str:
    """Cut ``text`` at the last self-contained clause boundary before ``limit``.

    A sentence that has no such boundary is kept whole up to ``MAX_WHOLE_HEADLINE_CHARS``; beyond that
    it is cut at a word with an ellipsis.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[:limit]
    for sep in (": ", " – ", " - ", "; ", ", "):
        cut = head.rfind(sep)
        if cut >= limit // 3 and _self_contained(head[:cut]):
            return head[:cut].rstrip(" ,;:–-")
    if len(text) <= MAX_WHOLE_HEADLINE_CHARS:
        return text
    cut = head.rfind(" ")
    return (head[:cut] if cut > 0 else head).rstrip(" ,;:") + " …"


def merge_outlook(
    refs: Sequence[tuple[str, Statement]], idf: dict[str, float], said: Sequence[str] = (),
    stated: Sequence[str] = (),
) -> list[SourcedText]:
    """Merge outlook statements ``(source id, Statement)`` that say the same.

    Ausblick says what happens next and what is still open: next steps first, then open questions
    (``open_markers.txt``), each most confirmed first, with room for both.  A statement the story already
    makes in ``said`` (its summary) is said once, there.  One that is someone's stated position
    (``stated``: "Er sagte, Ungarn werde keinen Blankoscheck unterschreiben") comes after the plans and
    dates that are no one's view ("Im Dezember soll der Rat entscheiden"): Positionen already shows it.
    """
    shown = [set(words(t)) for t in said]
    positions = [set(words(t)) for t in stated]
    entries: list[dict] = []
    for sid, st in refs:
        text = st.text.strip()
        if not text or any(m in text for m in MARKUP_CHARS):
            continue
        ws = set(words(text))
        if any(containment(ws, w) >= SAID_ALREADY for w in shown):
            continue
        vec = vector(Counter(content_terms(text)), idf)
        hit = next((e for e in entries if cosine(e["vector"], vec) >= SAME_OUTLOOK), None)
        if hit is None:
            own = set(words(text.split(": ", 1)[1] if OUTLOOK_SPEAKER.match(text) else text))
            entries.append({"text": text, "vector": vec, "sources": {sid}, "order": (source_sort_key(sid), st.start),
                            "open": is_open_question(text),
                            "stated": any(containment(own, w) >= SAID_ALREADY for w in positions)})
        else:
            hit["sources"].add(sid)
    entries.sort(key=lambda e: (e["stated"], -len(e["sources"]), e["order"]))
    nxt = [e for e in entries if not e["open"]]
    still_open = [e for e in entries if e["open"]]
    n_open = min(len(still_open), max(MIN_OPEN_QUESTIONS, MAX_OUTLOOK - len(nxt)))
    chosen = nxt[: MAX_OUTLOOK - n_open] + still_open[:n_open]
    return [SourcedText(e["text"], sort_sources(e["sources"])) for e in chosen]


@functools.cache
def _open_re() -> re.Pattern[str]:
    phrases = sorted(_folded("open_markers.txt"), key=lambda p: (-len(p), p))
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def is_open_question(text: str) -> bool:
    """Does the statement say something is still open ("ist noch offen", "Ob ..., bleibt abzuwarten")?"""
    return bool(_open_re().search(fold(text)))
