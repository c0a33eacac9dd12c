"""Group the day's articles into stories, one per event.

Each article becomes a TF-IDF vector of its stemmed content words (title
counted twice, hyphenated compounds also as their head) plus its named actors'
surname keys.  A term weighs by its rarity in German in general (wordfreq's
list), smoothed with the day's own document frequencies
(:func:`~briefing.assemble.text.term_weights`): on a day of three reports of one
event, the words they share are the day's most common and would weigh least
by the day's counts alone.  A small day compares every pair; on a big day
candidate pairs come from an inverted index over each article's heaviest,
reasonably rare terms, capped per article, so a 1,000-article day costs about
linear time; a candidate pair whose cosine reaches :data:`STORY_SIMILARITY` is
the same event and linked (union-find); so is one that, names of people and
countries aside, is still close and shares the event's rare words
(:func:`same_event`), or that, names aside, is still close, names the same thing in both titles and
the same organisation in both leads (:func:`same_headline_event`), or of which one's lead refers back to the
act the other reports ("Nach dem Beschluss des Bundestags zur Asylrechtsreform …": :func:`follows_up`, round
20).  A lone article is its own story.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass, field

from briefing.assemble.actors import name_key
from briefing.assemble.text import (
    UNLISTED_FREQUENCY,
    WORD_RE,
    Idf,
    compound_head,
    compound_modifiers,
    content_terms,
    cosine,
    idf_table,
    term_frequencies,
    term_weights,
    vector,
    word_frequency,
)
from briefing.lang import rows
from briefing.models import Actor, ArticleFacts

# Cosine of two articles' event vectors from which they report the same event.  Measured with
# benchmarks/story_similarity.py.  Small days with known stories (the reference day seeds/ 2025-09-04,
# tests/data/editor_day, tests/data/assemble/multi_event, tests/data/days/*): the 15 same-event pairs
# score 0.212-0.581 (lowest: two short reports of one Elbe flood that name the river only in compounds,
# "Elbe-Hochwasser", "Elbpegel"; then two reports of one EU summit quoting different people, 0.230), the
# 61 different-event pairs at most 0.174 (two fires of one night in two cities; two Regionalliga matches
# 0.118; a Danube flood the same day as the Elbe one 0.125); 0.21 lies between.  Weighed by the day's own
# IDF alone, the same pairs scored 0.155-0.381 and the others up to 0.184: no threshold separated them.
# On the 700 WikiNews articles of the quote set taken as one big day, reports of one event score
# 0.23-0.66 (Discovery's launch 0.66, the "Graf Zeppelin" wreck 0.40, Ethiopian floods 0.40, cyclone
# Nargis 0.26, Discovery's flight 0.23) and articles that merely share a topic mostly 0.14-0.21 (two fires
# 0.14-0.19, two emergency landings 0.21); football goes higher (two Bundesliga match reports or match
# days 0.18-0.31, two round-ups that list the same clubs 0.55), which no threshold separates, and a reader
# sees such neighbours as one story.  Of the 239,409 pairs written 30 or more days apart, 37 reach 0.21
# (33 before the words in front of a hyphenated compound's head counted; 48 with the day's IDF alone).
# Round 16: a person counts once, by the actor key, not again by each word of the name (see vectorise):
# reports of one event from several countries' media, each naming its own politicians, come closer (a DACH
# day on the Mercosur deal: the lowest pair 0.183 -> 0.207; a summit from Berlin, Vienna and Zurich: 0.198
# -> 0.223, so one story), while no different-event pair of the small days rises (highest 0.174) and the
# clusters of the 700-article day that join articles written 30+ days apart fall from 28 to 26.
# Round 17: a decision and its same-day follow-up (a vote and the reactions; a court ruling and an explainer)
# score 0.14-0.19; a lower threshold would link topic neighbours (far-apart pairs fill 0.14-0.21: 100 of them),
# so they are linked by what both headlines and both leads name instead (see COMPOUND_PART_CHARS).
STORY_SIMILARITY = 0.21
# Two reports of one event that quote different people fall below STORY_SIMILARITY: each article's own
# speakers are its rarest, heaviest terms (a day of EU return rules: 0.139; a strike: 0.116; a summit:
# 0.090). They are one event too when, with the names of people and countries left out, their vectors
# still reach ANCHOR_SIMILARITY and they share at least MIN_SHARED_RARE of the event's rare words (below
# RARE_FREQUENCY in general German: "Rückkehrzentren", "Abschiebehaft", "Drohnenwall", "Warnstreik"),
# which topic neighbours seldom do: two fires share "Brandursache" alone, two floods none.
# Measured with benchmarks/story_similarity.py (see its docstring for the figures).
ANCHOR_SIMILARITY = 0.14
MIN_SHARED_RARE = 2
RARE_FREQUENCY = 1e-6  # Zipf 3
# Round 17: a decision and its follow-up the same day (the Bundestag passes a law; the reactions, or what it
# means for Bavaria) score 0.14-0.19 and share one rare word or none: each quotes its own people and its
# own details.  What they do share is what news writing puts first: both headlines name the decision's
# object ("Rentenpaket", "Wehrdienst", "Wahlrechtsreform" / "Wahlrecht"), and both leads name the body that
# decided ("Der Bundestag hat ... beschlossen" / "Nach dem Beschluss des Bundestags zum ...").  Names
# aside still close (ANCHOR_SIMILARITY), the two are one event when (same_headline_event) a noun of both
# titles (not a name: a name alone is a topic) is one word or compounds sharing a part of at least
# COMPOUND_PART_CHARS letters, that word stands in one of the leads, and both leads name the same
# organisation that is not a party (a party is in every political topic).  Topic neighbours share a
# headline noun ("Notlandung", "Erdbeben") but not the acting body in the lead, or the body but not the
# headline's object: on the 700-article day the rule links no pair (measured in
# benchmarks/story_similarity.py; the figures are in docs/quotes-evaluation.md, round 17).  Round 20: the two
# titles' nouns must be one word or begin alike (same_first_part); sharing only the last part names the same
# kind of thing, as two reforms one parliament passed that day ("Asylrechtsreform", "Reform des Mutterschutzes").
COMPOUND_PART_CHARS = 6
# Round 20: a report and its same-day reactions piece ("Bundestag beschließt Asylrechtsreform" / "Kritik von
# Verbänden und Opposition") share no headline noun and little else: each quotes its own people (names aside
# 0.05-0.16 on the test days, one rare word shared or none).  What the reactions piece does is refer back to
# the act in its lead, by a definite noun of the act and the words after it ("Nach dem Beschluss des
# Bundestags zur Asylrechtsreform", "Die Ankündigung der Kerber AG, ihr Werk in Hameln zu schließen", "Auf das
# Urteil des DFB-Sportgerichts gegen …": lang/de/follow_up_references.txt).  The two are one event
# (follows_up) when among the REFERENCE_WORDS words after such a noun the lead names at least
# MIN_REFERENCE_NOUNS nouns of the report's title or lead (who acted, and on what), one of them specific:
# rarer than REFERENCE_FREQUENCY in general German ("Asylrechtsreform", a town, a club) and no organisation's,
# person's or country's name (the parliament, the court or the company acts in many events of a day); and,
# names aside, they are not unrelated (FOLLOW_UP_SIMILARITY).  One noun is not enough: "Nach dem Beschluss
# des Landtags zur Windkraft" also names the topic of a county's wind-farm vote the same day.  A court named by
# its seat names the court ("Die Entscheidung aus Karlsruhe zur Gesichtserkennung": the list's seats).  A noun
# matches as itself or as a compound sharing its first part ("asylrecht" ~ "asylrechtsreform"), never by the
# last part alone: the "Reform des Mutterschutzes" is another reform than the "Asylrechtsreform".  Measured
# with benchmarks/story_similarity.py (docs/quotes-evaluation.md, round 20): on the 700-article day no pair
# follows up another (far apart or close, at any similarity); with one noun enough, 2 far-apart pairs did
# (names aside 0.000); with the report's whole first paragraph read instead of its lead, one far-apart pair at
# 0.059.  The floor is a guard below the lowest follow-ups linked (0.051, a ruling and its reactions; 0.087, a
# wind-power vote and its reactions on a day another session wrote this round, not in the repo; 0.114, 0.161).
# The act's owner, object and an infinitive clause fit in ten words ("der Kerber AG, ihr Werk in Hameln zu
# schließen": nine).
REFERENCE_WORDS = 10
MIN_REFERENCE_NOUNS = 2
# Round 21: an international event is reported by pieces that share neither people nor much wording: the
# agency report, reactions from several capitals, a piece from another country's agency, an interview, a
# commentary (names aside 0.07-0.18 on a made-up day of a climate conference's decision).  What they do
# share is how the press names such an event once it is known: by a definite noun of the act or the meeting
# and the place where it happened ("die Einigung von Antalya", "das Ergebnis der Weltklimakonferenz in
# Antalya", "den Beschluss von Antalya": lang/de/follow_up_references.txt, acts and meetings).  Two articles
# report one event (placed_event) when both leads (title or first sentence) name an event so by the same
# place, or when one does and the other is the report from that place: its dateline names the place
# ("Antalya (dpa) –", kept as Article.dateline when the cleaner cuts it) and its title an act or a meeting
# ("Weltklimakonferenz einigt sich …"), or its title and lead both name that event's own specific noun.
# The place must be specific (rarer than REFERENCE_FREQUENCY:
# "Antalya" 3.0, "Nairobi" 3.2; not "Berlin", "Brüssel", "Wien", where many events of a day happen) and no
# country's, person's or organisation's name; names aside the two are not unrelated (FOLLOW_UP_SIMILARITY).
# Zipf 3.5: a town ("Hameln" 3.4) or a subject's compound ("Windkraftanlagen" 3.35) is specific, the body or
# the kind of thing ("Bundestag" 4.5, "Reform" 4.3, "Werk" 4.9) is not; RARE_FREQUENCY (Zipf 3) would miss both.
REFERENCE_FREQUENCY = 3.2e-6
FOLLOW_UP_SIMILARITY = 0.04
# The background counts like this many articles beside the day's own (see text.term_weights): a day of a
# few hundred articles is where its own counts start to say as much.  100 or 1,000 change no small day's
# grouping (lowest same-event 0.240 / 0.248, highest different-event 0.175 / 0.172).
PRIOR_ARTICLES = 300
# The title names the event: its words weigh like this many mentions in the body.
TITLE_WEIGHT = 2
# A named actor (folded surname key) shared by two articles is strong evidence of one event.
ACTOR_WEIGHT = 2
# Actor terms are the actor's name key after this prefix (no word starts with it).
ACTOR_PREFIX = "@"
# Vectors keep their heaviest terms only: enough to characterise an event, cheap to compare.
VECTOR_TERMS = 80
# Blocking: an article is indexed under its heaviest terms ...
BLOCKING_TERMS = 12
# ... that occur in at most this share of the day's articles (common words are no evidence) ...
BLOCKING_MAX_DF_SHARE = 0.2
# ... (in small days every term may serve) ...
BLOCKING_MIN_DF = 30
# ... and meets, per blocking term, only this many articles on either side of it in the term's posting
# list: the work per article is bounded (linear days), while the articles of a big event still link up
# in a chain through union-find ...
BLOCKING_WINDOW = 10
# ... and is compared with at most this many candidates (those sharing most blocking terms) ...
MAX_CANDIDATES = 25
# ... that share at least this many of its blocking terms: reports of one event share several of their
# heaviest rare terms (names, places, numbers), one shared term alone is coincidence.
MIN_SHARED_BLOCKING = 2
# Blocking only saves time: a day of up to this many articles compares every pair (at most ~11,000
# cosines, milliseconds), so a short preview and the outcome report of one event that share few of their
# twelve heaviest terms are still one story (tests/data/editor_day: 3 shared, cosine 0.43).
EXHAUSTIVE_MAX_ARTICLES = 150


@dataclass(frozen=True)
class ArticleVector:
    """What clustering and summarising need about one article.

    ``event`` weighs terms by their rarity in German smoothed with the day's counts (:func:`vectorise`):
    it decides which articles report one event.  ``vector`` weighs them by the day's own IDF (``idf``),
    the weights the summary, figures and outlook were measured with (their sentence vectors use the same
    table); only the articles of the stories shown need it, so it is computed when first asked for.
    """

    index: int
    terms: Counter[str]
    event: dict[str, float]
    idf: Idf = field(repr=False, compare=False)
    # ``event`` without the names of people and countries, and its words rarer than RARE_FREQUENCY.
    anchor: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    rare: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    # The nouns of the title (stemmed, compound parts too), the terms of the lead (first sentence), the
    # words of the article's actors' names, and the organisations (actor keys, parties aside) the lead names.
    heading: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    lead: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    names: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    lead_bodies: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    # The countries the title names (terms of the article's country actors' names found among the title's).
    title_countries: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    # The specific terms of the title and the lead (see REFERENCE_FREQUENCY), and the nouns the lead names after
    # a definite noun of an act, each noun as its terms (see follows_up).
    specific: frozenset[str] = field(default=frozenset(), repr=False, compare=False)
    reference: tuple[frozenset[str], ...] = field(default=(), repr=False, compare=False)
    # The events the title and the lead name by their place ("die Einigung von Antalya"): the noun's terms and
    # the place's specific terms (see placed_event).
    placed: tuple[tuple[frozenset[str], frozenset[str]], ...] = field(default=(), repr=False, compare=False)
    # The specific terms of the dateline's place, when the title names an act or a meeting (see placed_event).
    dateline: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    @functools.cached_property
    def vector(self) -> dict[str, float]:
        return vector(self.terms, self.idf, keep=VECTOR_TERMS)


def article_terms(facts: ArticleFacts) -> Counter[str]:
    """Term counts of an article: body, title (weighted) and actor surname keys."""
    counts = Counter(content_terms(facts.article.text))
    for term in content_terms(facts.article.title or ""):
        counts[term] += TITLE_WEIGHT
    for actor in facts.actors:
        key = name_key(actor)
        if key:
            counts[ACTOR_PREFIX + key] += ACTOR_WEIGHT * max(1, len(actor.mentions))
    return counts


def event_terms(counts: Counter[str], drop: Set[str] = frozenset()) -> Counter[str]:
    """``counts`` with the parts of hyphenated compounds counted too: the head (the "EU-Kommission" is a
    "Kommission") and the words before it (the "Elbe-Hochwasser" is about the "Elbe"); without the terms
    in ``drop``."""
    out = Counter(counts)
    for term, n in counts.items():
        head = compound_head(term)
        if head:
            out[head] += n
            for part in compound_modifiers(term):
                out[part] += n
    for term in drop:
        out.pop(term, None)
    return out


def person_words(facts: ArticleFacts) -> frozenset[str]:
    """The terms of the words of the article's people's names (not their actor keys), compound parts too."""
    names = Counter(
        t for a in facts.actors if a.kind == "person" for n in (a.name, *(a.aliases or ())) for t in content_terms(n)
    )
    return frozenset(event_terms(names))


def actor_frequency(actor: Actor) -> float:
    """General frequency of an actor's name: a person's surname's, else the rarest of the name's words.

    "Frankreich" is as common as the word; "Merz" is rarer; a surname no list has is rare.
    """
    words = WORD_RE.findall(actor.name)
    if actor.kind == "person":
        words = words[-1:]
    return min((word_frequency(w) or UNLISTED_FREQUENCY for w in words), default=UNLISTED_FREQUENCY)


def day_frequencies(facts: Sequence[ArticleFacts]) -> dict[str, float]:
    """General frequency of every term of the day's articles (words, numbers and actor keys)."""
    freqs = term_frequencies(t for f in facts for t in (f.article.title or "", f.article.text))
    actors: dict[str, float] = {}
    for f in facts:
        for actor in f.actors:
            key = name_key(actor)
            if key:
                actors[ACTOR_PREFIX + key] = max(actors.get(ACTOR_PREFIX + key, 0.0), actor_frequency(actor))
    freqs.update(actors)
    return freqs


def name_terms(facts: ArticleFacts) -> set[str]:
    """The terms that name the article's people and countries (their words and actor keys)."""
    out: set[str] = set()
    for actor in facts.actors:
        if actor.kind not in ("person", "country"):
            continue
        for name in (actor.name, *(actor.aliases or ())):
            out.update(content_terms(name))
        key = name_key(actor)
        if key:
            out.add(ACTOR_PREFIX + key)
    return out


def title_nouns(title: str) -> frozenset[str]:
    """The terms of the title's nouns (the capitalised words: "Bundestag beschließt neuen Wehrdienst" ->
    "bundestag", "wehrdienst"), compound parts too."""
    nouns = " ".join(w for w in WORD_RE.findall(title) if w[:1].isupper())
    return frozenset(event_terms(Counter(content_terms(nouns))))


def lead_facts(facts: ArticleFacts) -> tuple[frozenset[str], frozenset[str]]:
    """The terms of the article's lead (its first sentence), compound parts too, and the organisations it
    names (actor keys), parties left out."""
    if not facts.sentences:
        return frozenset(), frozenset()
    first = min(facts.sentences, key=lambda s: s.start)
    terms = frozenset(event_terms(Counter(content_terms(first.text))))
    bodies = frozenset(
        name_key(a)
        for a in facts.actors
        if a.kind == "organization"
        and a.org_type != "party"
        and name_key(a)
        and any(first.start <= m.start < first.end for m in a.mentions)
    )
    return terms, bodies


@functools.cache
def _follow_up_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The definite articles, the nouns of acts matched as compound ends too, and those matched whole only
    (lang/de/follow_up_references.txt)."""
    table = rows("follow_up_references.txt")

    def kind(k: str) -> frozenset[str]:
        return frozenset(r[0].lower() for r in table if len(r) > 1 and r[1] == k)

    return kind("article"), kind("act"), kind("act_word")


@functools.cache
def _event_nouns() -> frozenset[str]:
    """The nouns of meetings matched as compound ends too (lang/de/follow_up_references.txt, kind event)."""
    return frozenset(r[0].lower() for r in rows("follow_up_references.txt") if len(r) > 1 and r[1] == "event")


@functools.cache
def _court_seats() -> dict[str, frozenset[str]]:
    """City -> the terms of the names of the courts seated there (lang/de/follow_up_references.txt)."""
    table = rows("follow_up_references.txt")
    return {
        r[0].lower(): frozenset(event_terms(Counter(content_terms(r[2].replace("|", " ")))))
        for r in table
        if len(r) > 2 and r[1] == "seat"
    }


# Endings of an act noun's forms ("Beschlusses", "Entscheidungen", "Urteils").
_ACT_ENDINGS = ("", "e", "en", "es", "n", "s", "ses", "sses")


def is_act_noun(word: str) -> bool:
    """A capitalised noun naming an act as done (see lang/de/follow_up_references.txt): "Beschluss",
    "Kabinettsbeschlusses", "Urteil"; not "Vorurteil" (an act matched as the whole word only)."""
    if not word[:1].isupper():
        return False
    _, acts, whole = _follow_up_words()
    low = word.lower()
    for ending in _ACT_ENDINGS:
        if ending and not low.endswith(ending):
            continue
        base = low[: len(low) - len(ending)]
        if base in acts or base in whole or any(base.endswith(a) for a in acts):
            return True
    return False


def is_event_noun(word: str) -> bool:
    """A capitalised noun of an act (:func:`is_act_noun`) or of a meeting ("Gipfel", "Weltklimakonferenz")."""
    if is_act_noun(word):
        return True
    low = word.lower()
    return word[:1].isupper() and any(
        low.endswith(e) and low[: len(low) - len(e)].endswith(n) for n in _event_nouns() for e in _ACT_ENDINGS
    )


def _definite_before(words: Sequence[str], i: int) -> bool:
    """Does a definite article stand right before ``words[i]``, or before one adjective before it?"""
    articles = _follow_up_words()[0]
    before = [w.lower() for w in words[max(0, i - 2) : i]]
    return bool(before) and (
        before[-1] in articles or (len(before) == 2 and before[0] in articles and before[1][:1].islower())
    )


# The prepositions that name an event's place right after its noun ("die Einigung von Antalya", "der Gipfel in
# Kigali"); "in der Türkei" has an article and names a country, not the event's place.
_PLACE_PREPOSITIONS = frozenset({"von", "in"})


def placed_events(text: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Each definite noun of an act or meeting in ``text`` followed by "von"/"in" and a capitalised word, as
    (the noun's terms, the word's terms): "Man kann die Einigung von Antalya feiern." -> ({einigung},
    {antalya}); "nach einer Einigung in Antalya" (indefinite) is news, not the event's name."""
    words = WORD_RE.findall(text)
    out = []
    for i, word in enumerate(words[:-2]):
        if words[i + 1] not in _PLACE_PREPOSITIONS or not words[i + 2][:1].isupper():
            continue
        if is_event_noun(word) and _definite_before(words, i):
            noun = frozenset(event_terms(Counter(content_terms(word))))
            place = frozenset(content_terms(words[i + 2]))
            if noun and place:
                out.append((noun, place))
    return tuple(out)


# Prepositions before an act's article that put the act ahead ("vor der Abstimmung", "bis zum Urteil").
_AHEAD = frozenset({"vor", "bis"})


def event_reference(text: str) -> tuple[frozenset[str], ...]:
    """The nouns among the REFERENCE_WORDS words after each definite noun of an act in ``text``, each as its
    terms (compound parts too): "Nach dem Beschluss des Landtags zum Hochschulgesetz fordern …" ->
    {landtag}, {hochschulgesetz}; an indefinite act ("Nach einem Beschluss …") is news, and one ahead ("vor der
    Abstimmung in Brüssel …") a preview, not a reference."""
    articles = _follow_up_words()[0]
    words = WORD_RE.findall(text)
    out: dict[str, frozenset[str]] = {}
    for i, word in enumerate(words):
        if not is_act_noun(word):
            continue
        # the article right before the noun, or before one adjective before it ("dem umstrittenen Beschluss")
        before = [w.lower() for w in words[max(0, i - 2) : i]]
        if not before or not (
            before[-1] in articles or (len(before) == 2 and before[0] in articles and before[1][:1].islower())
        ):
            continue
        # "vor der Abstimmung in Brüssel", "bis zur Entscheidung": the act lies ahead, a preview refers forward
        if any(w in _AHEAD for w in before[:-1] + [w.lower() for w in words[max(0, i - 3) : max(0, i - 2)]]):
            continue
        for noun in words[i + 1 : i + 1 + REFERENCE_WORDS]:
            terms = frozenset(event_terms(Counter(content_terms(noun)))) if noun[:1].isupper() else frozenset()
            if terms:
                # a court named by its seat names the court ("aus Karlsruhe" ~ "Das Bundesverfassungsgericht")
                out.setdefault(noun, terms | _court_seats().get(noun.lower(), frozenset()))
    return tuple(out.values())


def organisation_words(facts: ArticleFacts) -> frozenset[str]:
    """The terms of the words of the article's organisations' names, compound parts too."""
    orgs = (a for a in facts.actors if a.kind == "organization")
    words = Counter(t for a in orgs for n in (a.name, *(a.aliases or ())) for t in content_terms(n))
    return frozenset(event_terms(words))


def lead_reference(facts: ArticleFacts) -> tuple[frozenset[str], ...]:
    """What the article's lead (its first sentence) refers back to (:func:`event_reference`)."""
    if not facts.sentences:
        return ()
    return event_reference(min(facts.sentences, key=lambda s: s.start).text)


def lead_places(
    facts: ArticleFacts, names: Set[str], frequencies: dict[str, float]
) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The events the article's title and lead (first sentence) name by their place (:func:`placed_events`),
    the place kept only when specific: rarer than REFERENCE_FREQUENCY and no name in ``names`` (the article's
    people, countries and organisations)."""
    texts = [facts.article.title or ""]
    if facts.sentences:
        texts.append(min(facts.sentences, key=lambda s: s.start).text)
    out = []
    for text in texts:
        for noun, place in placed_events(text):
            where = frozenset(
                t for t in place if t not in names and frequencies.get(t, UNLISTED_FREQUENCY) < REFERENCE_FREQUENCY
            )
            if where:
                out.append((noun, where))
    return tuple(out)


def dateline_place(facts: ArticleFacts, names: Set[str], frequencies: dict[str, float]) -> frozenset[str]:
    """The specific terms of the place of the article's dateline ("Mombasa (dpa) –"), when its title names an act
    or a meeting ("UN-Ozeankonferenz beschließt …"): the report of the event the place names."""
    title = facts.article.title or ""
    if not facts.article.dateline or not any(is_event_noun(w) for w in WORD_RE.findall(title)):
        return frozenset()
    return frozenset(
        t
        for t in content_terms(facts.article.dateline)
        if t not in names and frequencies.get(t, UNLISTED_FREQUENCY) < REFERENCE_FREQUENCY
    )


def country_terms(facts: ArticleFacts) -> frozenset[str]:
    """The terms of the names of the article's countries."""
    return frozenset(
        t for a in facts.actors if a.kind == "country" for n in (a.name, *(a.aliases or ())) for t in content_terms(n)
    )


def actor_words(facts: ArticleFacts) -> frozenset[str]:
    """The terms of the words of all the article's actors' names, compound parts too."""
    words = Counter(t for a in facts.actors for n in (a.name, *(a.aliases or ())) for t in content_terms(n))
    return frozenset(event_terms(words))


def vectorise(facts: Sequence[ArticleFacts]) -> tuple[list[ArticleVector], dict[str, float]]:
    """The day's article vectors (see :class:`ArticleVector`), and the day's IDF table."""
    counts = [article_terms(f) for f in facts]
    idf = idf_table(c.keys() for c in counts)
    # An organisation named by one article only is no evidence of a shared event; as a term of its own it
    # would only push that article away from its event's other reports (its name's words still count).
    groups = {ACTOR_PREFIX + name_key(a) for f in facts for a in f.actors if a.kind != "person"}
    named = Counter(t for c in counts for t in c if t in groups)
    # A person counts once, by the actor key: the words of the name in the body would count the same
    # evidence again, once per word of the name ("Meinl-Reisinger": the compound and both of its parts), and
    # push reports of one event by different countries' media, each naming its own politicians, apart.
    events = [
        event_terms(Counter({t: n for t, n in c.items() if named[t] != 1}), drop=person_words(f))
        for f, c in zip(facts, counts, strict=True)
    ]
    frequencies = day_frequencies(facts)
    weights = term_weights((e.keys() for e in events), frequencies, PRIOR_ARTICLES)
    out = []
    for i, (f, c, e) in enumerate(zip(facts, counts, events, strict=True)):
        names = name_terms(f)
        anchor = vector({t: n for t, n in e.items() if t not in names}, weights, keep=VECTOR_TERMS)
        rare = frozenset(
            t for t in anchor if not t.startswith("#") and frequencies.get(t, UNLISTED_FREQUENCY) < RARE_FREQUENCY
        )
        lead, bodies = lead_facts(f)
        heading = title_nouns(f.article.title or "")
        specific = frozenset(
            t
            for t in (heading | lead) - names - organisation_words(f)
            if not t.startswith("#") and frequencies.get(t, UNLISTED_FREQUENCY) < REFERENCE_FREQUENCY
        )
        out.append(
            ArticleVector(
                i,
                c,
                vector(e, weights, keep=VECTOR_TERMS),
                idf,
                anchor,
                rare,
                heading=heading,
                lead=lead,
                names=actor_words(f),
                lead_bodies=bodies,
                title_countries=heading & country_terms(f),
                specific=specific,
                reference=lead_reference(f),
                placed=lead_places(f, names | organisation_words(f), frequencies),
                dateline=dateline_place(f, names | organisation_words(f), frequencies),
            )
        )
    return out, idf


def same_event(a: ArticleVector, b: ArticleVector, threshold: float = STORY_SIMILARITY) -> bool:
    """Do two articles report one event? Their vectors are close, or, names aside, they still are and
    share the event's rare words (see ANCHOR_SIMILARITY) or its headline and acting body
    (:func:`same_headline_event`)."""
    if cosine(a.event, b.event) >= threshold:
        return True
    anchor = cosine(a.anchor, b.anchor)
    if anchor >= ANCHOR_SIMILARITY and (len(a.rare & b.rare) >= MIN_SHARED_RARE or same_headline_event(a, b)):
        return True
    return anchor >= FOLLOW_UP_SIMILARITY and (
        follows_up(a, b) or follows_up(b, a) or placed_event(a, b) or placed_event(b, a)
    )


def same_word(a: str, b: str) -> bool:
    """One word, or compounds of one part: the shorter term (at least COMPOUND_PART_CHARS letters) begins
    or ends the longer ("wahlrecht" ~ "wahlrechtsreform", "gesetz" ~ "wehrdienstgesetz")."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= COMPOUND_PART_CHARS and (long.startswith(short) or long.endswith(short))


def same_first_part(a: str, b: str) -> bool:
    """One word, or compounds that begin alike: the shorter term (at least COMPOUND_PART_CHARS letters) begins
    the longer ("asylrecht" ~ "asylrechtsreform"); a shared last part names only a kind ("reform")."""
    if a == b:
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= COMPOUND_PART_CHARS and long.startswith(short)


def follows_up(report: ArticleVector, other: ArticleVector) -> bool:
    """Does ``other``'s lead refer back to the act ``report`` reports? After a definite noun of an act it
    names at least MIN_REFERENCE_NOUNS things of the report's title or lead, one of them specific (see
    REFERENCE_WORDS): "Nach dem Beschluss des Landtags zum Hochschulgesetz" after "Der Landtag hat das
    Hochschulgesetz beschlossen"."""
    told = report.heading | report.lead
    named = [terms for terms in other.reference if any(same_first_part(t, x) for t in terms for x in told)]
    return len(named) >= MIN_REFERENCE_NOUNS and any(
        same_first_part(t, x) for terms in named for t in terms for x in report.specific
    )


def placed_event(a: ArticleVector, b: ArticleVector) -> bool:
    """Does ``a``'s title or lead name an event by its place ("die Einigung von Antalya") that ``b`` names too:
    by the same place in its own title or lead ("das Ergebnis der Weltklimakonferenz in Antalya"), by its
    dateline under a title that names an act or a meeting ("Antalya (dpa) –" under "Weltklimakonferenz einigt
    sich …"), or by the event's specific noun in both its title and its lead?"""
    for noun, place in a.placed:
        if any(place & other for _, other in b.placed) or place & b.dateline:
            return True
        own = noun & a.specific
        if own and all(any(same_first_part(t, x) for t in own for x in told) for told in (b.heading, b.lead)):
            return True
    return False


def follow_ups(members: Sequence[int], vectors: Sequence[ArticleVector]) -> frozenset[int]:
    """The members of a story whose lead refers back to the event another member reports: a reactions piece
    (:func:`follows_up`), or a piece naming the event by its place (:func:`placed_event`) where the report
    names it by its own noun, and the pieces that name the same event by the same place.  Empty when every
    member refers back (no member reports the event itself)."""
    out = {
        o
        for o in members
        for r in members
        if r != o
        and (
            follows_up(vectors[r], vectors[o])
            or (vectors[o].placed and not vectors[r].placed and placed_event(vectors[o], vectors[r]))
        )
    }
    places = [p for o in out for _, p in vectors[o].placed]
    out.update(o for o in members if any(p & q for _, p in vectors[o].placed for q in places))
    return frozenset(out) if len(out) < len(members) else frozenset()


def same_headline_event(a: ArticleVector, b: ArticleVector) -> bool:
    """Both titles name one thing (a noun that is no actor's name), one of the leads names it too, and both
    leads name the same organisation (not a party), or both titles the same country: what happened, and the
    body that decided or the country where it happened (see COMPOUND_PART_CHARS)."""
    if not (a.lead_bodies & b.lead_bodies or a.title_countries & b.title_countries):
        return False
    names = a.names | b.names
    lead = a.lead | b.lead
    for t in a.heading - names:
        for u in b.heading - names:
            if same_first_part(t, u) and any(same_word(t, x) or same_word(u, x) for x in lead):
                return True
    return False


def _candidates(vectors: Sequence[ArticleVector]) -> list[list[int]]:
    if len(vectors) <= EXHAUSTIVE_MAX_ARTICLES:
        return [[j for j in range(len(vectors)) if j != i] for i in range(len(vectors))]
    max_df = max(BLOCKING_MIN_DF, int(len(vectors) * BLOCKING_MAX_DF_SHARE))
    df: Counter[str] = Counter()
    for v in vectors:
        df.update(v.event.keys())
    keys: list[list[tuple[str, int]]] = []  # (term, position of the article in the term's posting list)
    index: dict[str, list[int]] = defaultdict(list)
    for v in vectors:
        usable = [(w, t) for t, w in v.event.items() if df[t] <= max_df]
        top = [t for _, t in sorted(usable, key=lambda wt: (-wt[0], wt[1]))[:BLOCKING_TERMS]]
        keys.append([(t, len(index[t])) for t in top])
        for t in top:
            index[t].append(v.index)
    out = []
    for v in vectors:
        shared: Counter[int] = Counter()
        for t, pos in keys[v.index]:
            postings = index[t]
            for j in postings[max(0, pos - BLOCKING_WINDOW) : pos + BLOCKING_WINDOW + 1]:
                if j != v.index:
                    shared[j] += 1
        ranked = sorted(((j, c) for j, c in shared.items() if c >= MIN_SHARED_BLOCKING), key=lambda jc: (-jc[1], jc[0]))
        out.append([j for j, _ in ranked[:MAX_CANDIDATES]])
    return out


def cluster(vectors: Sequence[ArticleVector], threshold: float = STORY_SIMILARITY) -> list[list[int]]:
    """Group article indices into stories.

    Returns:
        Clusters of indices, each sorted, clusters ordered by their first index.
    """
    parent = list(range(len(vectors)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, cands in enumerate(_candidates(vectors)):
        for j in cands:
            if j > i and find(i) != find(j) and same_event(vectors[i], vectors[j], threshold):
                ri, rj = find(i), find(j)
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(vectors)):
        groups[find(i)].append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def centrality(members: Sequence[int], vectors: Sequence[ArticleVector]) -> dict[int, float]:
    """Cosine of each member with the story's centroid (1.0 for a lone article)."""
    if len(members) == 1:
        return {members[0]: 1.0}
    centroid: dict[str, float] = defaultdict(float)
    for i in members:
        for t, x in vectors[i].vector.items():
            centroid[t] += x
    norm = sum(x * x for x in centroid.values()) ** 0.5 or 1.0
    c = {t: x / norm for t, x in centroid.items()}
    return {i: cosine(vectors[i].vector, c) for i in members}
