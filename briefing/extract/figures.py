"""Key figures: numbers with what they count ("rund 40 Milliarden Euro", "vier Brigaden").

Numbers are found by one compiled regular expression over the text (German
format: "2.500", "1,3") and by number words from the lexicon; the unit is the
currency, "Prozent" or the counted noun after the number, skipping adjectives
("26 westliche Staaten"). Dates, times, years, ratios ("40-mal") and references
("Seite 3") are not figures. The component stores ``list[Figure]`` on
``doc._.briefing_figures``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from briefing.extract.actors import DETERMINERS, token_table
from briefing.extract.docdata import FIGURES, ext_data
from briefing.lang import rows, word_set
from briefing.lang.de import RATE_WORDS
from briefing.models import Figure

# German digits: thousands with ".", decimals with ","; a digit, dot or comma right before or a
# dot/comma + digit right after means we are inside a date, time or other number ("10.00", "04.09.2025").
NUMBER_RE = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![.,]?\d)")
# (A figure's number opens its token, and NUMBER_RE's lookbehind fails inside a run of digits, dots and
# commas: it is tried at the tokens that open with a digit, not found by a scan of the text. A regular
# expression opening with \d tests every character of the text by a Unicode table lookup, 1.4 % of a pass.)
# Adjectives allowed between a number and its noun ("vier mechanisierte ukrainische Brigaden").
MAX_ADJECTIVES = 3
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Shorter lowercase words ending like adjectives are articles or pronouns ("der", "den", "ihre" is 4).
MIN_ADJECTIVE_CHARS = 4
# Words after "N Jahre" that make the number an age, not a figure.
AGE_WORDS = frozenset({"alt", "alte", "alter", "alten", "jung", "junge", "jungen", "älter"})
# How far back in its clause a verb whose "über" names a topic may stand ("stimmen die Bürger am 15. März über").
TOPIC_VERB_LOOKBACK = 8
# Four-digit numbers in this range without a currency/percent unit are years.
YEAR_RANGE = (1900, 2100)


@dataclass(frozen=True)
class FigureLexicon:
    currency: dict[str, str]
    percent: dict[str, str]
    scale: dict[str, float]
    nouns: dict[str, str]
    skip_units: frozenset[str]
    number_words: dict[str, float]
    qualifiers: tuple[tuple[str, ...], ...]  # longest first, lowercase words
    amount_nouns: tuple[str, ...]  # nouns whose "über" names their amount (amount_nouns.txt)
    topic_verbs: tuple[str, ...]  # verb stems whose "über" names a topic (topic_governors.txt)
    topic_nouns: tuple[str, ...]  # nouns whose "über" names a topic (topic_governors.txt)
    exclusions: frozenset[str]
    dative_before: frozenset[str]  # dative_cues.txt
    dative_after: frozenset[str]


@functools.cache
def _prepositions() -> frozenset[str]:
    """Prepositions before "über N" that leave "über" its "more than" ("von über 100", "mit über 50", "aus über
    20 Ländern"): prepositions.txt and "aus"."""
    return word_set("prepositions.txt") | {"aus"}


@functools.lru_cache(maxsize=1)
def figure_lexicon() -> FigureLexicon:
    """Load the unit, number-word, qualifier and exclusion lexicons once."""
    currency, percent, scale, nouns, skip = {}, {}, {}, {}, set()
    for row in rows("units.txt"):
        form, kind = row[0], row[1]
        value = row[2] if len(row) > 2 else ""
        if kind == "currency":
            currency[form] = value
        elif kind == "percent":
            percent[form] = value
        elif kind == "scale":
            scale[form] = float(value)
        elif kind == "noun":
            nouns[form] = value
        elif kind == "skip":
            skip.add(form)
    number_words = {r[0]: float(r[1]) for r in rows("number_words.txt")}
    quals = sorted((tuple(r[0].lower().split()) for r in rows("qualifiers.txt")), key=len, reverse=True)
    dative = rows("dative_cues.txt")
    governors = rows("topic_governors.txt")
    return FigureLexicon(
        currency=currency,
        percent=percent,
        scale=scale,
        nouns=nouns,
        skip_units=frozenset(skip),
        number_words=number_words,
        qualifiers=tuple(quals),
        amount_nouns=tuple(sorted(r[0].lower() for r in rows("amount_nouns.txt"))),
        topic_verbs=tuple(sorted(r[1] for r in governors if r[0] == "verb")),
        topic_nouns=tuple(sorted(r[1] for r in governors if r[0] == "noun")),
        exclusions=frozenset(r[0] for r in rows("figure_exclusions.txt")),
        dative_before=frozenset(r[0] for r in dative if r[1] == "before"),
        dative_after=frozenset(r[0] for r in dative if r[1] == "after"),
    )


def parse_number(integer: str, decimals: str | None) -> float:
    """German digits to float: "2.500" -> 2500, ("1", "3") -> 1.3."""
    value = float(integer.replace(".", ""))
    if decimals:
        value += float("0." + decimals)
    return value


def normalise_noun(noun: str, lex: FigureLexicon, dative: bool = True) -> str:
    """Counted noun in the nominative plural: "Ländern" -> "Länder" (dative -n of -er/-el nouns).

    Only where the number stands in the dative (``dative``: "in 26 Ländern", "von den rund 30 Ländern"):
    elsewhere the -n is the plural of a feminine noun ("12 weitere Geiseln", "drei neue Regeln")."""
    if noun in lex.nouns:
        return lex.nouns[noun]
    if dative and noun.endswith(("ern", "eln")) and len(noun) > 4:
        return noun[:-1]
    return noun


# How many words before the number are looked at for a dative cue (a qualifier of up to three words between).
DATIVE_LOOKBACK = 4


# "14 der 27 Mitgliedstaaten", "zwei von drei Befragten": a part of a whole, the part is the figure.
PARTITIVE_WORDS = frozenset({"der", "von"})


class FigureFinder:
    """Finds the figures of one Doc."""

    def __init__(self, doc: Doc, lex: FigureLexicon) -> None:
        self.doc = doc
        self.lex = lex
        table = token_table(doc)
        self.text, self.words, self.lowers, self.space = table.text, table.words, table.lowers, table.space
        self.starts = table.idx
        self.sents = [table.char_span(a, b) for a, b in table.sents] or [(0, len(self.text))]
        self.sent_starts = [s[0] for s in self.sents]
        # A qualifier ("mehr als", "rund") stands right before its number, so the word before a qualified
        # number ends one of them (None: an empty qualifier, which would fit before any number).
        quals = lex.qualifiers
        self.qualifier_ends = frozenset(words[-1] for words in quals) if all(quals) else None

    def token_at(self, char: int) -> int:
        return bisect.bisect_right(self.starts, char) - 1

    def sentence(self, char: int) -> tuple[int, int]:
        return self.sents[max(0, bisect.bisect_right(self.sent_starts, char) - 1)]

    def run(self) -> list[Figure]:
        found: list[Figure] = []
        text = self.text
        starts = self.starts
        # the tokens opening with a decimal digit (\d: str.isdecimal), a compiled loop: ord(w[0]) reads the code
        # point natively, where comparing w[:1] with "0" and "9" cost a slice and two generic comparisons a token
        for i in [k for k, w in enumerate(self.words)
                  if w and (48 <= ord(w[0]) <= 57 or (ord(w[0]) > 127 and w[0].isdecimal()))]:
            m = NUMBER_RE.match(text, starts[i])
            if m is None:
                continue
            # a number glued to more text in one token ("40-mal", "30-jährige", "2][Maria") is no figure
            word = self.words[i]
            if word not in (m.group(0), m.group(1)) and not word.startswith(m.group(0) + "%"):
                continue
            fig = self.figure(i, parse_number(m.group(1), m.group(2)), is_digit=True, raw=m.group(0))
            if fig:
                found.append(fig)
        number_words = self.lex.number_words
        # lowercase only: "vier", not "Vier"
        # (a compiled loop: compress over a range made an int object per token)
        for i in [k for k, w in enumerate(self.words) if w in number_words]:
            fig = self.figure(i, number_words[self.words[i]], is_digit=False, raw=self.words[i])
            if fig:
                found.append(fig)
        found.sort(key=lambda f: (f.start, f.end))
        return found

    def _partitive_whole(self, j: int) -> int | None:
        """The token of the whole when a part's number is followed at ``j`` by "der"/"von", at most one
        adverb and a number ("der 27", "der einst 85.000", "von drei"), else None."""
        n = len(self.words)
        if j >= n or self.lowers[j] not in PARTITIVE_WORDS:
            return None
        k = j + 1
        if k < n and self.words[k].islower() and self.words[k].isalpha() and not self._number(k):
            k += 1  # "der einst 85.000", "der rund 30"
        return k if k + 1 < n and self._number(k) else None

    def _whole_of_part(self, i: int) -> bool:
        """Is the number at ``i`` the whole of a part named before it ("14 der 27", "20.000 der einst 85.000")?"""
        for k in (i - 1, i - 2):
            if k > 0 and self.lowers[k] in PARTITIVE_WORDS and self._number(k - 1) and self._partitive_whole(k) == i:
                return True
        return False

    def _value(self, k: int) -> float | None:
        """The value of the number at token ``k`` (digits or a number word), None if it is none."""
        w = self.words[k]
        m = NUMBER_RE.fullmatch(w)
        if m is not None:
            return parse_number(m.group(1), m.group(2))
        return self.lex.number_words.get(w.lower())

    def _number(self, k: int) -> bool:
        """Is token ``k`` a number written in digits or a lowercase number word?"""
        w = self.words[k]
        return (w.replace(".", "").replace(",", "").isdigit() and w[:1].isdigit()) or w.lower() in self.lex.number_words

    def figure(self, i: int, value: float, is_digit: bool, raw: str) -> Figure | None:
        lex = self.lex
        n = len(self.words)
        if i > 0 and (self.words[i - 1] in lex.exclusions or (
                i > 1 and self.lowers[i - 1] == "von" and self.words[i - 2] in lex.exclusions)):
            return None
        if self._whole_of_part(i):
            return None  # the whole of a part ("14 der 27 Mitgliedstaaten"): the part is the figure
        j = i + 1
        if j < n and self.words[j] == "." and is_digit:  # ordinal or date: "4. September"
            return None
        partitive = None
        whole_value = None
        whole = self._partitive_whole(j)
        if whole is not None:
            partitive = self.lowers[j]
            whole_value = self._value(whole)
            j = whole + 1  # "14 der 27 Mitgliedstaaten", "zwei von drei Befragten": the part, in the whole's noun
        if j < n and self.words[j] in lex.scale:
            value *= lex.scale[self.words[j]]
            j += 1
        if j >= n:
            return None
        unit_i = j
        text = self.words[j]
        if text in lex.currency or text in lex.percent:
            unit = lex.currency[text] if text in lex.currency else lex.percent[text]
            per = self._per(j + 1)
            if per is not None:  # "3 Euro pro Liter", "2 Prozent pro Jahr": a rate, not an amount
                unit = f"{unit} {self.words[j + 1]} {self.words[per]}"
                unit_i = per
        else:
            if is_digit and raw.isdigit() and len(raw) == 4 and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
                return None
            k, adjectives = j, 0
            while k < n and adjectives <= MAX_ADJECTIVES:
                w = self.words[k]
                if self.space[k] and "\n\n" in w:
                    return None  # a paragraph break ends the phrase: "bei 19" + "Die Regierung ..." is no figure
                if self.space[k] or w == "|":  # line breaks and layout residue inside the phrase
                    k += 1
                elif w.islower() and w.isalpha() and w.endswith(ADJECTIVE_ENDINGS) and (
                        len(w) >= MIN_ADJECTIVE_CHARS and w not in lex.number_words and w not in DETERMINERS
                        and adjectives < MAX_ADJECTIVES):
                    adjectives += 1
                    k += 1
                else:
                    break
            if k >= n:
                return None
            noun = self.words[k]
            if not noun[:1].isupper() or not noun.replace("-", "").isalpha() or noun in lex.skip_units:
                return None
            if noun.isupper() and len(noun) > 1 and noun not in lex.currency:
                return None  # acronyms after numbers are mostly names ("G7", "F-16")
            unit_i = k
            adjective = next((w for w in reversed(self.lowers[j:k]) if w.isalpha()), None) if adjectives else None
            if adjective is not None:
                # After a bare number an adjective ends in -en in the dative plural only ("neun maßgeblichen
                # Anführern"; "12 weitere Geiseln", "auf 26 westliche Staaten")
                dative = adjective.endswith("en")
            else:
                after = self.lowers[k + 1] if k + 1 < n else ""
                dative = self._dative_cue_before(i) or after in lex.dative_after or partitive == "von"
            unit = normalise_noun(noun, lex, dative=dative)
            if k + 1 < n and self.lowers[k + 1] in AGE_WORDS:
                return None  # "45 Jahre alt": an age
            per = self._per(k + 1)
            if per is not None:  # "140 Kilometer pro Stunde", "480 Fahrzeuge pro Jahr": a rate, not an amount
                unit = f"{unit} {self.words[k + 1]} {self.words[per]}"
                unit_i = per
        start = self.starts[i]
        qualifier = None
        ends = self.qualifier_ends
        for words in lex.qualifiers if ends is None or (i and self.lowers[i - 1] in ends) else ():
            m = len(words)
            if i - m >= 0 and tuple(self.lowers[i - m:i]) == words:
                if words == ("über",) and i > 1 and self.lowers[i - 2].endswith(lex.amount_nouns) and (
                        self.words[i - 2][:1].isupper()):
                    break  # "ein Kredit über 90 Milliarden Euro": the credit's amount, not more than it
                if words == ("über",) and self._topic_uber(i - 1):
                    break  # "stimmen über fünf Windräder ab", "verfügt über 300 Betten": five, 300
                qualifier = " ".join(self.words[i - m:i])
                start = self.starts[i - m]
                break
        if qualifier is None:
            lower = self._range_start(i)
            if lower is not None:  # "zwischen 230 und 280 Abgeordnete": 280 is the upper bound, not the figure
                low = self.words[lower]
                low = low if low[:1].isdigit() else f"{self.lex.number_words[low.lower()]:g}"
                qualifier = f"{self.words[lower - 1]} {low} {self.words[i - 1]}" if self.lowers[i - 1] == "und" else (
                    f"{low} {self.words[i - 1]}")
                start = self.starts[lower - 1] if self.lowers[i - 1] == "und" else self.starts[lower]
        end = self.starts[unit_i] + len(self.words[unit_i])
        s_start, s_end = self.sentence(self.starts[i])
        return Figure(
            value=value,
            unit=unit,
            text=self.text[start:end],
            context=self.text[s_start:s_end].strip(),
            start=start,
            end=end,
            qualifier=qualifier,
            whole=whole_value,
        )


    def _range_start(self, i: int) -> int | None:
        """The token of a range's lower bound when the number at ``i`` is its upper one: "230 bis 280",
        "zwei bis drei Millionen", "zwischen 20 und 30 Millionen Euro" ("und" only after "zwischen": "drei
        Kinder und 280 Abgeordnete" is no range), else None."""
        if i < 2 or not self._number(i - 2):
            return None
        if self.lowers[i - 1] == "bis":
            return i - 2
        if self.lowers[i - 1] == "und" and i >= 3 and self.lowers[i - 3] == "zwischen":
            return i - 2
        return None

    def _per(self, k: int) -> int | None:
        """The token of the noun after "pro"/"je" at ``k`` that makes a counted noun a rate ("pro Stunde",
        "je Einwohner"), or None."""
        n = len(self.words)
        if k + 1 >= n or self.lowers[k] not in RATE_WORDS or self.space[k + 1]:
            return None
        noun = self.words[k + 1]
        return k + 1 if noun[:1].isupper() and noun.replace("-", "").isalpha() else None

    def _topic_uber(self, u: int) -> bool:
        """Is the "über" at ``u`` the preposition of a verb or noun it names the topic of
        (topic_governors.txt): the noun right before it ("die Abstimmung über drei Anträge"), or a verb form
        earlier in its clause ("Die Bürger stimmen am Sonntag über fünf Windräder ab")? Not after another
        preposition ("berichtete von über 100 Festnahmen": more than 100)."""
        lex = self.lex
        if u < 1 or self.lowers[u - 1] in lex.dative_before or self.lowers[u - 1] in _prepositions():
            return False
        if self.words[u - 1][:1].isupper() and self.lowers[u - 1].endswith(lex.topic_nouns):
            return True
        for k in range(u - 1, max(-1, u - 1 - TOPIC_VERB_LOOKBACK), -1):
            w = self.words[k]
            if not w[:1].isalnum():
                return False  # a comma or a sentence mark: another clause
            if w.islower() and self.lowers[k].startswith(lex.topic_verbs):
                return True
        return False

    def _dative_cue_before(self, i: int) -> bool:
        """Does a word that takes the dative govern the number at ``i`` ("in 26 Ländern", "mit rund 30
        Staaten", "von den rund 30 Ländern")? Only across lowercase words and numbers (qualifiers,
        articles, "in zwei bis 3 Ländern"): a noun
        between them is the cue's own object ("in Jammu sieben Geiseln": Jammu is in the dative, the
        hostages are not)."""
        for k in range(i - 1, max(-1, i - 1 - DATIVE_LOOKBACK), -1):
            if self.lowers[k] in self.lex.dative_before:
                return True
            if not (self.words[k].islower() or self.words[k][:1].isdigit()):
                return False
        return False


class FigureComponent:
    """spaCy component: ``doc._.briefing_figures = list[Figure]``."""

    def __init__(self) -> None:
        self.lex = figure_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        ext_data(doc)[FIGURES] = FigureFinder(doc, self.lex).run() if len(doc) else []  # doc._.briefing_figures
        return doc


@Language.factory(
    "briefing_figures", default_config={}, assigns=["doc._.briefing_figures"], requires=["token.is_sent_start"]
)
def make_figures(nlp: Language, name: str) -> FigureComponent:
    return FigureComponent()
