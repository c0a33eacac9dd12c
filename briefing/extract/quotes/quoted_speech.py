"""Is a quotation in marks speech, or a title, a name or a scare quote?  A small learned model.

German news puts quotation marks around much that nobody said: titles of films, shows, CDs and
laws („Gesetz zur Änderung des Passgesetzes“), names of organisations and alliances, terms after
"als … bezeichnet", "namens", "so genannte", and scare quotes („Störfall“).  Yet short quoted
phrases are speech too ("warfen der Regierung „Wortbruch“ vor", "hält X für „böse und gefährlich“").
The rules of :mod:`direct` decide first; this model sees their verdict (and why they left a
quotation out) together with cheap, general features of the quotation - its length, whether it has
a finite verb or sentence punctuation, its share of capitalised and foreign words, the word before
the opening mark (an article, "als", "namens", a noun such as "Film" or "Gesetz"), what follows the
closing mark, whether a speech cue and speaker are attached and how the rules found them, whether a
speech verb or Konjunktiv surrounds it - and gives the probability that the annotation calls it a
direct quotation.  Only where it is sure does it overrule the rules: a quotation the rules keep is
dropped below :attr:`SpeechModel.drop_below`, one they leave out is kept from
:attr:`SpeechModel.keep_from` on (both chosen by 5-fold cross-validation on the training split); one
regression is learned for each of the two groups.

The weights of the two logistic regressions are learned by ``scripts/learn_quoted_speech.py --write``
(numpy, offline) and shipped as ``briefing/lang/quoted_speech.json``, read here in pure Python with no
network.  They are learned from data licensed CC BY-NC-SA 4.0 and carry that licence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from briefing.extract.quotes.base import DEFINITE, LONG_QUOTE_WORDS, WORD, Pair, words_in
from briefing.extract.quotes.linear import LinearModel
from briefing.extract.quotes.speakers import Phrase, person_score
from briefing.lang import LanguageDataError, learned, word_set
from briefing.lang.frequency import COMMON_ZIPF, zipf

# Package data (``briefing/lang/``) with the learned weights and cuts.
QUOTED_SPEECH = "quoted_speech.json"
# Why the rules of :mod:`direct` leave a quotation out (``""``: they keep it); one indicator each.
REJECTIONS = (
    "aside",  # in parentheses or glued to a word: a translation or part of a compound
    "names_speaker",  # "Wie „heise online“ berichtet": the quotation is the speaker
    "name_like",  # a title, a name or a scare quote by its shape and the word before it
    "unreported",  # short, no cue and no reported speech around it
    "scare_word",  # long, but after a word such as "Titel", "Motto", "sogenannte"
    "long_name",  # long, no cue, no verb, not at the sentence start: a long title
)
HOWS = ("after", "colon", "colon_np", "sentence")
CUE_KINDS = ("verb", "marker", "so", "name")
# A quotation of 60 words is as long as any (log scale to [0, 1]).
LOG_QUOTE_WORDS = math.log1p(60)
# Words below this Zipf frequency in German are rare, names or foreign ("Helsing", "dimap").
RARE_ZIPF = 2.0
# A word at least this much more frequent (Zipf) in English or French than in German is foreign ("Jacket",
# "Full", "pour"); news in German quotes names and titles from these two languages most.
FOREIGN_MARGIN = 1.0
FOREIGN_LANGS = ("en", "fr")
# At least this share of foreign words and no sentence punctuation: a foreign name or title.
FOREIGN_PHRASE_SHARE = 0.5
# A lowercase quotation of at least this many words is a phrase, not a scare-quoted word ("„nur“", "„gut“").
LOWER_PHRASE_WORDS = 3
# How far before the opening mark the words before it are read.
LOOK_BEHIND_CHARS = 60

FEATURES: tuple[str, ...] = (
    ("rules_keep",)
    + tuple(f"rejected_{r}" for r in REJECTIONS)
    + tuple(f"how_{h}" for h in HOWS)
    + tuple(f"cue_{k}" for k in CUE_KINDS)
    + (
        "speaker_attached",
        "speaker_person",
        "speaker_pronoun",
        "speaker_object",
        "speaker_thing",
        "no_person_speaker",
        "words",
        "one_word",
        "two_three_words",
        "short",
        "finite_verb",
        "sentence_punct_inside",
        "ends_with_punct",
        "comma_inside",
        "starts_lower",
        "capitalised_share",
        "all_capitalised",
        "title_case",
        "foreign_phrase",
        "rare_share",
        "foreign_share",
        "digit_inside",
        "before_scare_word",
        "before_als",
        "before_definite",
        "before_indefinite",
        "before_preposition",
        "before_von",
        "before_wie",
        "before_noun",
        "before_article_noun",
        "before_colon",
        "before_comma",
        "opens_sentence",
        "opens_paragraph",
        "after_comma_lower",
        "after_comma",
        "after_sentence_end",
        "after_colon",
        "after_bracket",
        "after_capitalised",
        "after_lower",
        "closes_sentence",
        "whole_sentence",
        "position_in_sentence",
        "konjunktiv",
        "speech_cue_in_sentence",
        "naming_verb_in_sentence",
        "speaks_of",
        "subordinate_before",
        "governed",
        "governed_by_person",
        "lower_phrase",
        "slogan",
    )
)

# The last word before up to three non-word characters (r"(\w+)\W{0,3}$" searched in the window), matched on
# the reversed window: one attempt anchored at its end instead of one from every position.
_WORD_BEFORE_REVERSED = re.compile(r"\W{0,3}(\w+)")
_WORD_AFTER = re.compile(r"\W{0,3}?(\w+)")
_INDEFINITE = frozenset(["ein", "eine", "einen", "einem", "einer", "eines"])
# "sagte, dass …", "erklärte, ob …", "…, die …": a subordinate clause opened before the quotation.
_SUBORDINATORS = frozenset(["dass", "ob", "weil", "da", "wenn", "damit", "wobei"])


@dataclass(frozen=True)
class RuleView:
    """What the rules of :mod:`direct` know about one quotation in marks."""

    reject: str  # why they leave it out (one of REJECTIONS), "" when they keep it
    how: str  # how its cue was found (one of HOWS), "" without one
    cue_kind: str  # the cue's kind (verb, marker, so, name), "" without a cue
    speaker: Phrase | None  # the speaker phrase the rules attach
    konjunktiv: bool  # its sentence has a Konjunktiv I form
    speech_cue: bool  # a speech or naming cue in its sentence(s)
    speaks_of: bool  # a form of "sprechen" before it ("sprach von „…“")
    cue_before: int  # end of the last speech cue before it in its sentence, -1 without one
    # person_score of the subject of a speech, naming or attitude verb in the quotation's own clause
    # ("warfen der Regierung „Wortbruch“ vor"), -1 without one
    governor: int = -1
    slogan: bool = False  # after a slogan noun ("skandierten Parolen wie „…“", "mit der Aufschrift „…“")

    def __init__(
        self, reject: str, how: str, cue_kind: str, speaker: Phrase | None, konjunktiv: bool, speech_cue: bool,
        speaks_of: bool, cue_before: int, governor: int = -1, slogan: bool = False,
    ) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        object.__setattr__(self, "reject", reject)
        object.__setattr__(self, "how", how)
        object.__setattr__(self, "cue_kind", cue_kind)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "konjunktiv", konjunktiv)
        object.__setattr__(self, "speech_cue", speech_cue)
        object.__setattr__(self, "speaks_of", speaks_of)
        object.__setattr__(self, "cue_before", cue_before)
        object.__setattr__(self, "governor", governor)
        object.__setattr__(self, "slogan", slogan)


@dataclass(frozen=True)
class SpeechModel:
    """Two logistic regressions over :data:`FEATURES` - one for the quotations the rules keep, one for
    those they leave out (the cues that matter differ) - and the cuts at which they overrule the rules."""

    kept: LinearModel
    left_out: LinearModel
    drop_below: float  # a quotation the rules keep is dropped when less likely than this
    keep_from: float  # a quotation the rules leave out is kept when at least this likely

    def probability(self, feats: dict[str, float], rules_keep: bool) -> float:
        """The probability that the quotation is direct speech as the annotation calls it."""
        return (self.kept if rules_keep else self.left_out).probability(feats)

    # The features either regression weighs (the others need not be computed). Set once by __post_init__
    # (not a cached_property: mypyc's compiled class has no instance __dict__ to keep it in).
    read_features: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "read_features",
            frozenset(k for m in (self.kept, self.left_out) for k, v in m.weights.items() if v))

    def keeps(self, probability: float, rules_keep: bool) -> bool:
        """The final verdict: the rules', unless the model is sure of the opposite."""
        return probability >= self.drop_below if rules_keep else probability >= self.keep_from


def parse_model(data: dict) -> SpeechModel:
    """The model from its JSON form (see :func:`model_to_json`).

    Raises:
        ValueError: a key is missing or a value is not a number.
    """

    try:
        return SpeechModel(
            LinearModel.from_json(data["kept"]),
            LinearModel.from_json(data["left_out"]),
            float(data["drop_below"]),
            float(data["keep_from"]),
        )
    except (KeyError, TypeError, AttributeError) as e:
        raise ValueError(f"missing or malformed key {e}") from None


def model_to_json(model: SpeechModel, meta: dict) -> dict:
    """The JSON form of ``model`` with ``meta`` (licence, how it was trained) beside it."""

    return {
        **meta,
        "drop_below": round(model.drop_below, 4),
        "keep_from": round(model.keep_from, 4),
        "kept": model.kept.to_json(),
        "left_out": model.left_out.to_json(),
    }


@cache
def load_model() -> SpeechModel:
    """The shipped model (package data ``briefing/lang/quoted_speech.json``, read once; never fetched).

    Raises:
        LanguageDataError: the file is missing or broken (a broken installation).
    """
    try:
        return parse_model(learned(QUOTED_SPEECH))
    except ValueError as e:
        raise LanguageDataError(
            f"data file {QUOTED_SPEECH} of briefing.lang is broken ({e}); reinstall briefing"
        ) from None


class SpeechJudge(Protocol):
    """Judges each direct-quotation candidate of :func:`~briefing.extract.quotes.direct.direct_quotes`: the
    shipped model (:class:`ModelJudge`), or one that learns (scripts/learn_quoted_speech.py) or that a test
    brings.  A protocol: a judge need not subclass it (this module is compiled, and a Python class cannot
    subclass a compiled one)."""

    def could_keep(self, rules_keep: bool) -> bool:
        """Can the judge keep a quotation the rules judged so?  (False: its features are not computed.)"""
        ...

    def features(self, text: str, masked: str, p: Pair, sent: tuple[int, int], view: RuleView) -> dict[str, float]:
        """The features the judge reads of the quotation in marks ``p`` (see :func:`features`)."""
        ...

    def judge(self, feats: dict[str, float], rules_keep: bool) -> tuple[bool, float]:
        """(keep it?, probability that it is a direct quotation)."""
        ...


class ModelJudge:
    """The verdict of a :class:`SpeechModel` (the shipped one: :func:`shipped_judge`)."""

    def __init__(self, model: SpeechModel) -> None:
        self.model = model

    def could_keep(self, rules_keep: bool) -> bool:
        """When the model cannot overrule the rules' "no" (``keep_from`` above 1), the features of a left-out
        quotation need not be computed."""
        return rules_keep or self.model.keep_from <= 1.0

    def features(self, text: str, masked: str, p: Pair, sent: tuple[int, int], view: RuleView) -> dict[str, float]:
        """Only the features the model weighs."""
        return features(text, masked, p, sent, view, wanted=self.model.read_features)

    def judge(self, feats: dict[str, float], rules_keep: bool) -> tuple[bool, float]:
        prob = self.model.probability(feats, rules_keep)
        return self.model.keeps(prob, rules_keep), prob


@cache
def shipped_judge() -> ModelJudge:
    """The judge of the shipped model (:func:`load_model`)."""
    return ModelJudge(load_model())


# ------------------------------------------------------------------ features


# _foreign's answers (a plain dict, cleared when full: a compiled caller probes it directly, where an
# lru_cache wrapper costs it a Python-level call)
_FOREIGN_WORDS: dict[str, bool] = {}
_FOREIGN_WORDS_MAX = 16384


def _foreign(word: str) -> bool:
    """Is ``word`` clearly more frequent in English or French than in German (wordfreq)?  (Asked for every
    word of every quotation: remembered per word.)"""
    known = _FOREIGN_WORDS.get(word)
    if known is None:
        if len(_FOREIGN_WORDS) >= _FOREIGN_WORDS_MAX:
            _FOREIGN_WORDS.clear()
        known = _FOREIGN_WORDS[word] = _more_frequent_abroad(word)
    return known


def _more_frequent_abroad(word: str) -> bool:
    if word.isdigit():
        return False
    german = zipf(word)
    return any(zipf(word, lang) - german >= FOREIGN_MARGIN for lang in FOREIGN_LANGS)


def lower_phrase(inner: str, words: list[str]) -> bool:
    """ "„sehr ergiebigen Niederschlägen“", "„unter bestimmten Umständen“", "„schütze sie Gott“": a German phrase
    of at least :data:`LOWER_PHRASE_WORDS` words (by spaces) opening with a lowercase word is a fragment of
    what someone said.  Titles and names of German open capitalised, a scare-quoted word („nur“, „gut“) or a
    compound („iTunes-Musik-Handy“) is shorter, and a phrase of mostly English or French words is a term
    („space recovery experiment“)."""
    if len(inner.split()) < LOWER_PHRASE_WORDS or not inner.lstrip()[:1].islower() or not words:
        return False
    return sum(map(_foreign, words)) / len(words) < FOREIGN_PHRASE_SHARE


def _word_before(text: str, pos: int) -> tuple[str, int]:
    """The word ending right before ``pos`` (up to 3 non-word characters between) and where it starts."""
    # (matched on the reversed window: one attempt anchored at its end instead of a search from every
    # position; "$" also matches before a final line break, hence the second attempt without it)
    window = text[max(0, pos - LOOK_BEHIND_CHARS) : pos]
    m = _WORD_BEFORE_REVERSED.match(window[::-1])
    end = pos
    if m is None and window.endswith("\n"):
        m = _WORD_BEFORE_REVERSED.match(window[-2::-1])
        end = pos - 1
    return (m.group(1)[::-1], end - m.end(1)) if m else ("", -1)


def _title_case(words: list[str]) -> bool:
    """ "Gesetz zur Änderung des Passgesetzes", "Full Metal Jacket": at least two words, every one that is
    not a function word capitalised, and the first no function word (a phrase, "auf Messers Schneide")."""
    fw = word_set("function_words.txt")
    if len(words) < 2 or words[0].lower() in fw:
        return False
    content = [w for w in words if w.lower() not in fw and w.lower() not in DEFINITE]
    return len(content) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def thing(sp: Phrase) -> bool:
    """Is the speaker phrase headed by a common German noun that is no role, first name, organisation or
    country ("Der Kurzfilm", "Teile des Kraftwerks", "Namen der Fernsehsendung")?"""
    from briefing.extract.quotes.lexicon import is_role
    from briefing.extract.quotes.speaker_names import is_country, is_organisation

    caps = [w.strip(",") for w in sp.text.split() if w[:1].isupper()]
    if not caps:
        return False
    head = caps[0]
    return (
        zipf(head) >= COMMON_ZIPF
        and not is_role(head)
        and head.lower() not in word_set("first_names.txt")
        and not is_organisation(head)
        and not is_country(head)
    )


@cache
def _not_verbs() -> frozenset[str]:
    """Function words and articles: lowercase words that are no verb."""
    return word_set("function_words.txt") | word_set("determiners.txt")


def has_finite_verb(words: list[str]) -> bool:
    """A lowercase word after the first that is no function word, article or attributive adjective."""
    skip = _not_verbs()
    return any(
        w[:1].islower() and w not in skip and not w.endswith(("e", "en", "er", "es", "em")) for w in words[1:]
    ) or any(w in word_set("auxiliaries.txt") for w in words)


def features(
    text: str, masked: str, p: Pair, sent: tuple[int, int], view: RuleView, wanted: frozenset[str] | None = None
) -> dict[str, float]:
    """The features of the quotation in marks ``p`` in sentence ``sent`` (sparse: only non-zero values).

    ``masked`` is the text with every quotation's interior hidden (:func:`marks.mask_quotes`): the
    sentence around the quotation is read there.  ``wanted``: the features the model weighs
    (:attr:`SpeechModel.read_features`); the costlier others are then left out (None: all, for learning).
    """

    def want(name: str) -> bool:
        return wanted is None or name in wanted

    out: dict[str, float] = {}
    if not view.reject:
        out["rules_keep"] = 1.0
    else:
        out[f"rejected_{view.reject}"] = 1.0
    if view.how:
        out[f"how_{view.how}"] = 1.0
    if view.cue_kind in CUE_KINDS:
        out[f"cue_{view.cue_kind}"] = 1.0
    if view.speaker is not None:
        out["speaker_attached"] = 1.0
        score = person_score(view.speaker)
        if view.speaker.pronoun:
            out["speaker_pronoun"] = 1.0
        elif score >= 1:
            out["speaker_person"] = 1.0  # a role title, a first name or a bare name
        elif score < 0:
            out["speaker_object"] = 1.0  # an accusative or dative phrase: no speaker at all
        if not view.speaker.pronoun and thing(view.speaker):
            out["speaker_thing"] = 1.0  # "der Kurzfilm", "Teile des Kraftwerks": a thing, not a source
    if "speaker_person" not in out and "speaker_pronoun" not in out:
        out["no_person_speaker"] = 1.0
    inner = text[p.inner_start : p.inner_end]
    words = words_in(text, p.inner_start, p.inner_end)
    n = len(words)
    out["words"] = min(1.0, math.log1p(n) / LOG_QUOTE_WORDS)
    if n == 1:
        out["one_word"] = 1.0
    elif n <= 3:
        out["two_three_words"] = 1.0
    if n < LONG_QUOTE_WORDS:
        out["short"] = 1.0
    if has_finite_verb(words):
        out["finite_verb"] = 1.0
    stripped = inner.rstrip()
    if re.search(r"[.!?] ", stripped):
        out["sentence_punct_inside"] = 1.0
    if stripped.endswith((".", "!", "?", ",", "…")):
        out["ends_with_punct"] = 1.0
    if "," in inner:
        out["comma_inside"] = 1.0
    if inner.lstrip()[:1].islower():
        out["starts_lower"] = 1.0
    if words:
        if want("capitalised_share") or want("all_capitalised"):
            caps = sum(1 for w in words if w[:1].isupper())
            out["capitalised_share"] = caps / n
            if caps == n:
                out["all_capitalised"] = 1.0
        if _title_case(words):
            out["title_case"] = 1.0
        if want("rare_share"):
            out["rare_share"] = sum(1 for w in words if not w.isdigit() and zipf(w) < RARE_ZIPF) / n
        foreign = sum(map(_foreign, words)) / n
        out["foreign_share"] = foreign
        if foreign >= FOREIGN_PHRASE_SHARE and "sentence_punct_inside" not in out and "ends_with_punct" not in out:
            # "„Have a nice day“", "„L'Alliance pour la Planète“": a name or title in another language;
            # speech quoted in English or French comes as sentences ("„The Eagle has landed.“").
            out["foreign_phrase"] = 1.0
        if want("lower_phrase") and lower_phrase(inner, words):
            out["lower_phrase"] = 1.0  # a fragment of what someone said
        if want("digit_inside") and any(ch.isdigit() for ch in inner):
            out["digit_inside"] = 1.0
    _before(text, p, sent, out)
    _after(text, p, sent, out)
    sb, se = sent
    span = max(1, se - sb)
    out["position_in_sentence"] = min(1.0, max(0.0, (p.start - sb) / span))
    if view.konjunktiv:
        out["konjunktiv"] = 1.0
    if view.speech_cue:
        out["speech_cue_in_sentence"] = 1.0
    if want("naming_verb_in_sentence") and (
        view.cue_kind == "name" or any(w.lower() in _naming_forms() for w in words_in(masked, sb, se))
    ):
        out["naming_verb_in_sentence"] = 1.0
    if view.speaks_of:
        out["speaks_of"] = 1.0
    if view.cue_before >= 0 and any(
        w.lower() in _SUBORDINATORS for w in WORD.findall(masked, view.cue_before, p.start)
    ):
        out["subordinate_before"] = 1.0  # "erklärte, dass die „drastischen“ …": inside reported speech
    if view.governor >= 0:
        out["governed"] = 1.0  # the object or complement of a speech or stance verb with a subject
        if view.governor >= 1:
            out["governed_by_person"] = 1.0  # ... a subject that names someone (a name, role or pronoun)
    if view.slogan:
        out["slogan"] = 1.0
    if wanted is None:
        return {k: v for k, v in out.items() if v}
    return {k: v for k, v in out.items() if v and k in wanted}


@cache
def _naming_forms() -> frozenset[str]:
    """Every form of the naming verbs and of "bezeichnen"/"nennen"-like naming ("als … bezeichnet")."""
    from briefing.extract.quotes.lexicon import naming_verbs, speech_verbs

    forms = set(naming_verbs())
    forms.update(w for w, v in speech_verbs().items() if v.lemma in ("bezeichnen", "nennen"))
    return frozenset(f.lower() for f in forms)


def _before(text: str, p: Pair, sent: tuple[int, int], out: dict[str, float]) -> None:
    sb = sent[0]
    lead = text[sb : p.start]
    if not lead.strip(" \t\n(–-"):
        out["opens_sentence"] = 1.0
    if p.start == 0 or not text[text.rfind("\n", 0, p.start) + 1 : p.start].strip():
        out["opens_paragraph"] = 1.0
    tail = lead.rstrip()
    if tail.endswith(":"):
        out["before_colon"] = 1.0
    elif tail.endswith(","):
        out["before_comma"] = 1.0
    prev, at = _word_before(text, p.start)
    if at < sb:
        return
    low = prev.lower()
    if low in word_set("scare_cues.txt"):
        out["before_scare_word"] = 1.0
    if low == "als":
        out["before_als"] = 1.0
    elif low == "von":
        out["before_von"] = 1.0
    elif low == "wie":
        out["before_wie"] = 1.0
    if low in DEFINITE:
        out["before_definite"] = 1.0
    elif low in _INDEFINITE:
        out["before_indefinite"] = 1.0
    elif low in word_set("prepositions.txt"):
        out["before_preposition"] = 1.0
    elif prev[:1].isupper() and text[at + len(prev) : p.start] == " ":
        out["before_noun"] = 1.0  # "den Film „…“", "Radiosender „…“": a noun right before the name
        prev2, at2 = _word_before(text, at)
        if at2 >= sb and prev2.lower() in word_set("determiners.txt"):
            out["before_article_noun"] = 1.0


def _after(text: str, p: Pair, sent: tuple[int, int], out: dict[str, float]) -> None:
    se = sent[1]
    rest = text[p.end : min(len(text), p.end + 40)]
    nxt = rest.lstrip(" \t")
    if not text[p.end : se].strip(" \t\n.!?"):
        out["closes_sentence"] = 1.0
        if "opens_sentence" in out:
            out["whole_sentence"] = 1.0
    if not nxt or nxt[:1] in ".!?\n":
        out["after_sentence_end"] = 1.0
    elif nxt[:1] == ",":
        out["after_comma"] = 1.0
        m = _WORD_AFTER.match(nxt, 1)
        if m and m.group(1)[:1].islower():
            out["after_comma_lower"] = 1.0  # "„…“, sagte sie" / "„…“, strich er heraus"
    elif nxt[:1] == ":":
        out["after_colon"] = 1.0
    elif nxt[:1] in ")]":
        out["after_bracket"] = 1.0
    elif nxt[:1].isupper():
        out["after_capitalised"] = 1.0
    elif nxt[:1].islower():
        out["after_lower"] = 1.0
