"""Whom a definite description of a speaker refers to: "der Ökonom", "die 31-Jährige", "der Rathauschef".

German news names a person once with a role, an age or a country ("Der Ökonom Martin Werding",
"Henrike Albers, Ökonomin an der Universität Mannheim", "Miriam Ostwald (31)", "der 44 Jahre alte Stefan
Lindner") and then refers back by a definite description: the role noun ("sagte der Ökonom"), the age ("die
31-Jährige") or an epithet that fits them ("der Teenager", "die Seniorin", "der Manager"). This module reads
those introductions from the text before the mention and tells whom the description stands for.

Precision first: a description that fits two persons introduced before, or none, resolves to no one (the
caller shows the mention as written); nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter

from briefing.extract.quotes.lexicon import is_role
from briefing.extract.quotes.speaker_names import may_name_people
from briefing.lang import rows, word_set
from briefing.lang.de import country_adjective, country_name, epithet_titles, office_epithets
from briefing.lang.frequency import COMMON_ZIPF, compound_of_common_word, zipf

# A word of a person's name, and a name of one to three such words, particles allowed ("Ursula von der
# Leyen"); what the pattern takes too much is checked by :func:`_clean_name`.
_NAME_WORD = r"[A-ZÄÖÜ][\w'’]*(?:-[A-ZÄÖÜ][\w'’]*)?"
_PARTICLE = r"(?:von|van|de|der|den|del|di|da|du|la|le|zu|ten|ter|al|el|bin|ben)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,2}}"
# A capitalised word: a role title may be a hyphenated compound ("CDU-Generalsekretärin").
_CAP_WORD = re.compile(r"\b[A-ZÄÖÜ][\w-]*\w")
# "Lars Brenneke (SPD)", "Miriam Ostwald (31)": a bracket after a name.
_BRACKET = r"(?:\s*\([^()\n]{1,40}\))?"
# After a role title: the name directly ("Verteidiger Jochen Malz"), or after an attribute and a comma
# ("Der Oberbürgermeister von Bamberg, Thomas Greul,": the name closed by a comma or bracket).
_TITLE_THEN_NAME = re.compile(rf"[ \t]+({_NAME})")
_TITLE_ATTRIBUTE_THEN_NAME = re.compile(rf"(?:[ \t]+[^\s,.;:!?„“”\"]+){{1,5}}?,[ \t]+({_NAME}){_BRACKET}\s*[,(]")
# Before a role title: the name and a comma, then at most three lowercase words ("Henrike Albers, Ökonomin
# an der …", "Stieglitz, früherer Nationalstürmer, …").
_NAME_THEN_TITLE = re.compile(rf"({_NAME}){_BRACKET},[ \t]+(?:[a-zäöüß][\w-]*[ \t]+){{0,3}}\Z")
# "… arbeitet als Ökonom", "als früherer Nationalstürmer": the role the sentence gives its subject.
_AS_TITLE = re.compile(r"\bals[ \t]+(?:[a-zäöüß][\w-]*[ \t]+){0,2}\Z")
# Ages: "Miriam Ostwald (31)", "Stefan Lindner, 44,", "die 31-jährige Miriam Ostwald", "der 44 Jahre alte
# Stefan Lindner".
_NAME_AGE = re.compile(rf"({_NAME})\s*(?:\((\d{{1,3}})\)|,\s*(\d{{1,3}}),)")
# What :data:`_NAME_AGE` needs besides the name, looked for first (a plain search is far cheaper than the name's).
_AGE_MARK = re.compile(r"\(\d{1,3}\)|,\s*\d{1,3},")
_AGE_NAME = re.compile(
    rf"\b(\d{{1,3}})(?:-[Jj]ährige[nr]?|[ \t]+Jahre[ \t]+alte[nr]?)[ \t]+(?:[A-ZÄÖÜ][\w-]*(?:in|er|e)[ \t]+)?({_NAME})"
)
# After a place's adjective, a capitalised word and a capitalised name ("Kölner Hausärztin Katrin …").
_TITLE_BEFORE_NAME = re.compile(r"[ \t]+([A-ZÄÖÜ][\w-]*\w)[ \t]+[A-ZÄÖÜ]")
# A description's age: "die 31-Jährige", "des 44-Jährigen".
_AGE_HEAD = re.compile(r"(\d{1,3})-[Jj]ährige[nr]?")
# The sentence ends before a name an apposition or "als" reads back to.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÄÖÜ„\"])|\n")
# Words of dates that follow a title as capitalised words do: "der Minister Anfang Mai".
_DATE_WORD = re.compile(
    r"Anfang|Ende|Mitte|(?:Mon|Diens|Donners|Frei|Sams|Sonn)tag|Mittwoch|Januar|Februar|März|April|Mai|Juni|Juli"
    r"|August|September|Oktober|November|Dezember"
)
# A capitalised word this common (Zipf) is a function word or an everyday noun, not a first name ("Paul" is 4.8).
_VERY_COMMON_ZIPF = 5.0
# Endings of masculine agent and person nouns: "Stürmer", "Ökonom", "Diplomat", "Aktivist", "Regisseur".
_MASCULINE_AGENT = re.compile(r"(?:er|or|ist|ant|ent|nom|eur|är|ling|at|et|ot|ekt|ier|oge|aph)\Z")
# Case endings a role title takes in an introduction ("des Ökonomen Paul Stieglitz", "dem Vizekanzler").
_ROLE_ENDINGS = ("", "s", "es", "n", "en", "r")


@dataclass(frozen=True)
class Intro:
    """A person introduced in the text: their name, the role title or age they were introduced with, where."""

    name: str
    role: str | None
    age: int | None
    gender: str | None
    end: int

    def __init__(self, name: str, role: str | None, age: int | None, gender: str | None, end: int) -> None:
        # (written out so that mypyc compiles it: the __init__ @dataclass makes is interpreted, ~10x as dear)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "age", age)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "end", end)


@cache
def _epithets() -> dict[str, tuple[str, int, int]]:
    """Generic epithets of a person (epithets.txt): word -> (gender, youngest, oldest age they fit)."""
    out = {}
    for r in rows("epithets.txt"):
        low, hi = (int(x) for x in r[2].split("-")) if len(r) > 2 and r[2] else (0, 200)
        out[r[0].lower()] = (r[1], low, hi)
    return out


def person_noun(word: str) -> bool:
    """Is ``word`` a noun for a person by age ("der 56-Jährige") or a generic epithet ("die Rentnerin",
    epithets.txt)?"""
    return bool(_AGE_HEAD.fullmatch(word)) or word.lower() in _epithets()


def description(words: str) -> tuple[str, str] | None:
    """The head noun and gender of a definite description of one person, else None: "der frühere
    Nationalstürmer" -> ("Nationalstürmer", "m"), "die Ökonomin" -> ("Ökonomin", "f"), "die 31-Jährige" ->
    ("31-Jährige", "f"). An article in the nominative singular, lowercase attributes, one capitalised head
    that may name a person; "die" with a head that is feminine by its form ("-in", an adjectival noun in
    "-e"), since "die Ökonomen" are many."""
    toks = words.split()
    if len(toks) < 2 or toks[0] not in ("der", "die", "Der", "Die") or not all(t.islower() for t in toks[1:-1]):
        return None
    head = toks[-1]
    if not head[:1].isupper() and not head[:1].isdigit():
        return None
    low = head.lower()
    if any(t.endswith("en") for t in toks[1:]) and low not in _epithets():
        return None  # "der beiden Politiker", "der Organisationen": a genitive, dative or plural, not one speaker
    gender = "m" if toks[0].lower() == "der" else "f"
    if gender == "f" and not (low.endswith(("in", "e")) or low in _epithets()):
        return None  # a plural ("die Ökonomen") or a thing
    if gender == "m" and low.endswith("in") and low[:-2] and may_name_people(head[:-2]):
        return None  # "der Ökonomin": a dative or genitive, not who speaks
    if _AGE_HEAD.fullmatch(head) or low in _epithets() or low in office_epithets() or may_name_people(head):
        return head, gender
    return None


def _clean_name(name: str) -> str | None:
    """The person's name in what :data:`_NAME` took, or None: two words at least, a role title or person noun
    in front dropped ("Leichtathletin Miriam Ostwald"), a common word at the end dropped ("Paul Stieglitz
    Ende" in "… Stieglitz Ende Mai"); no role title, date word or very common word in it ("Die Regierung")."""
    words = name.split()
    firsts = word_set("first_names.txt")
    while len(words) > 2 and (is_role(words[0]) or compound_of_common_word(words[0])) and (
        words[0].lower() not in firsts
    ):
        words.pop(0)
    while len(words) > 2 and zipf(words[-1]) >= COMMON_ZIPF and words[-1].lower() not in firsts:
        words.pop()
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) < 2 or any(is_role(w) or _DATE_WORD.fullmatch(w) for w in caps):
        return None
    if zipf(caps[0]) >= _VERY_COMMON_ZIPF and caps[0].lower() not in firsts:
        return None  # "Die Regierung …", "Am Montag …" is no one's name
    return " ".join(words)


def _without_title(name: str, before: str) -> str:
    """ "Die Leichtathletin Miriam Ostwald (31)": after an article or adjective the first capitalised word is a
    noun, the title of the name that follows (German puts no article before a bare name)."""
    words = name.split()
    prev = before.split()[-1] if before.split() else ""
    if len(words) >= 3 and (prev.lower() in word_set("determiners.txt") or prev[:1].islower()):
        return " ".join(words[1:])
    return name


def _surname(words: str, text: str) -> str | None:
    """A title's holder named by a surname alone ("Frankreichs Präsident Macron"): the full name the text
    writes, else the surname if it is no common word, no title and no date."""
    word = words.split()[0]
    if _DATE_WORD.fullmatch(word) or is_role(word) or zipf(word) >= COMMON_ZIPF or may_name_people(word):
        return None
    return _full_name(word, text) or word


def _full_name(surname: str, text: str) -> str | None:
    """ "Werding, Ökonom an der …" after "Martin Werding": a surname alone stands for the full name the text
    writes (a capitalised word before it that is no title, article or common word); None if none or two."""
    if " " in surname or is_role(surname) or may_name_people(surname):
        return None
    common = zipf(surname) >= COMMON_ZIPF  # "Brand", "Koch": a surname that is a common word needs a first name
    firsts = word_set("first_names.txt")
    full = {
        m.group(0)
        for m in _before_surname_matches(surname, text)
        if _clean_name(m.group(0)) == m.group(0)
        and not may_name_people(m.group(1))
        and (not common or m.group(1).lower() in firsts)
    }
    return full.pop() if len(full) == 1 else None


def _before_surname_matches(surname: str, text: str) -> list[re.Match[str]]:
    """The matches of :func:`_before_surname` in ``text`` (a surname without a space), as its finditer gives them.

    The pattern opens with a character class, which the regex engine tries at every position of the text;
    every match holds " " + ``surname``, found by a plain search, and starts in the run of word characters
    and hyphens right before it, so the pattern is searched only there (from where the last match ended).
    """
    pattern = _before_surname(surname)
    needle = " " + surname
    out: list[re.Match[str]] = []
    done = 0  # where the last match ended: finditer goes on from there
    q = text.find(needle)
    while q != -1:
        start = q
        while start > done and _run_char(text[start - 1]):
            start -= 1
        if start < q:
            # (the window ends a character past the surname: its final \b reads that character, as in the text)
            m = pattern.search(text, start, q + len(needle) + 1)
            if m is not None:
                out.append(m)
                done = m.end()
        q = text.find(needle, max(q + 1, done))
    return out


def _run_char(ch: str) -> bool:
    """A character of :data:`_before_surname`'s capitalised word: a word character or a hyphen."""
    return ch == "-" or ch.isalnum() or ch == "_"


def possessor(name: str, text: str) -> bool:
    """ "die Anwältin Rahmani Purs": a name in the genitive after a title is whose the title is (the text
    writes the name without the "-s" too), not the title holder's name."""
    last = name.split()[-1]
    return last.endswith("s") and len(last) > 3 and _whole_word(last[:-1]).search(text) is not None


def possessed(words: str, text: str) -> bool:
    """A person noun and a name in the genitive, after or before it ("der Anwalt Webers", "Webers Anwalt", where
    the text writes "Weber"): the phrase names the one whose lawyer it is, and the one speaking is the lawyer,
    whom it does not name."""
    toks = [t for t in words.split() if t[:1].isupper() and t.lower() not in word_set("determiners.txt")]
    if len(toks) != 2:
        return False
    return any(
        _names_person(noun) and possessor(owner, text) and (
            not _names_person(owner[:-1])
            or any(_first_name(m.group(1)) for m in _before_surname(owner[:-1]).finditer(text))
        )  # (a surname with an agent noun's ending, "Weber", is written after a first name somewhere)
        for noun, owner in (toks, toks[::-1])
    )


def _names_person(word: str) -> bool:
    return person_noun(word) or _person_noun(word)


# Patterns made for a word of the text are remembered per word (compiling one costs more than a search).
_PATTERNS_KEPT = 16384


@lru_cache(maxsize=_PATTERNS_KEPT)
def _before_surname(surname: str) -> re.Pattern[str]:
    """A capitalised word right before ``surname``: "Martin Werding" for "Werding"."""
    return re.compile(rf"\b([A-ZÄÖÜ][\w-]*\w) {re.escape(surname)}\b")


@lru_cache(maxsize=_PATTERNS_KEPT)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


# _person_noun's answers (a plain dict, cleared when full: a compiled caller probes it directly, where an
# lru_cache wrapper costs it a Python-level call)
_PERSON_NOUNS: dict[str, bool] = {}
_PERSON_NOUNS_MAX = 65536


def _person_noun(word: str) -> bool:
    """A capitalised word that may be a person's title: a role or person noun, not a very common word (asked
    for every capitalised word of a text: remembered)."""
    known = _PERSON_NOUNS.get(word)
    if known is None:
        if len(_PERSON_NOUNS) >= _PERSON_NOUNS_MAX:
            _PERSON_NOUNS.clear()
        known = _PERSON_NOUNS[word] = (is_role(word) or may_name_people(word)) and zipf(word) < 5.5
    return known


def _title_position(before: str) -> bool:
    """Does a capitalised noun the lexicons do not know as a title stand where a title stands: after an
    article or adjective ("Der Ökonom …", "der frühere Nationalstürmer …"), a comma (an apposition) or
    "als"? A name opening a sentence ("Roger Keith Barrett …") does not."""
    words = before.rsplit(None, 1)  # (the last word only)
    if not words:
        return False
    prev = words[-1]
    if _place_attribute(prev):
        # "Die Frankfurter Virologin Miriam Hahn": a place's adjective in -er stands between article and title
        return _title_position(words[0]) if len(words) > 1 else True
    return prev.endswith(",") or prev[:1].islower() or prev.lower() in word_set("determiners.txt")


@cache
def _first_names() -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows("first_names_world.txt") + rows("first_names.txt"))


def _first_name(word: str) -> bool:
    """A first name of the hand-kept or the world list ("Peter", "Katrin")."""
    return word.lower() in _first_names()


def _title_shaped(word: str) -> bool:
    """A capitalised word that reads as a person's title, not a first name: a role of the lexicon, or a noun
    with the ending of a feminine or masculine person noun ("Hausärztin", "Virologe", "Pfarrer")."""
    if _first_name(word):
        return False
    low = word.lower()
    return is_role(word) or low.endswith(("in", "e")) or _MASCULINE_AGENT.search(low) is not None


def _place_attribute(word: str) -> bool:
    """A capitalised word in "-er" that may be the undeclined adjective of a place ("Frankfurter", "Kölner",
    "Münchner"): before a title it is an attribute, not a title itself."""
    return len(word) > 4 and word.endswith("er") and word[:1].isupper() and word.isalpha()


def _role_gender(role: str, before: str) -> str | None:
    """The gender of the person a role title names, or None where it shows none or names a group: feminine
    "-in"; an adjectival noun by its article ("die Vorsitzende"); masculine a role title of the lexicon or
    an agent noun by its ending ("Ökonom", "Stürmer", "Diplomat"), not a group ("Tageszeitung", "Gruppe")."""
    low = role.lower()
    if low.endswith("in"):
        return "f"  # (the caller took the word for a person noun: "Biologin", "Ökonomin")
    if low.endswith("e"):
        last = before.rsplit(None, 1)
        article = last[-1].lower() if last else ""
        return {"die": "f", "der": "m"}.get(article)
    return "m" if is_role(role) or _MASCULINE_AGENT.search(low) else None


def person_head(head: str, article: str) -> bool:
    """Is a description's head a noun for one person ("Ökonom", "Seniorin", "Schweizer", "44-Jährige"), not
    for a body or group ("Verband", "Konzern", "Mann" aside: a generic epithet is one)?"""
    return bool(
        person_noun(head) or _role_gender(head, article + " ") is not None
    )


def introductions(text: str, upto: int) -> list[Intro]:
    """The persons introduced with a role title or an age in ``text[:upto]``, in the order of the text."""
    return _introductions_of(text).upto(upto)


@lru_cache(maxsize=4)
def _introductions_of(text: str) -> _Introductions:
    """The introductions of ``text``, read as far as asked (once per document, asked for every description)."""
    return _Introductions(text)


class _Introductions:
    """One text's introductions, read from its start as far as a caller asks (a description or pronoun is
    resolved by what stands before it: on average 60 % of a text, and most texts are never asked).

    Each title and each age pattern's match is an introduction or not by itself, so reading the titles that
    end by ``upto`` and the matches that start before it gives exactly the introductions the whole text has
    there: those ending by ``upto``.
    """

    __slots__ = ("text", "_read_titles", "_titles", "_titles_to", "_next_title", "_by_title", "_name_age", "_age_name")

    def __init__(
        self, text: str, read_titles: Callable[[str, int | None], list[tuple[int, str]]] | None = None
    ) -> None:
        """``read_titles``: reads the titles ending by a place (:func:`_titles_in`; the tests count its reads)."""
        self.text = text
        self._read_titles = _titles_in if read_titles is None else read_titles
        self._titles: list[tuple[int, str]] = []  # the titles ending by _titles_to, in text order
        self._titles_to = 0
        self._next_title = 0  # how many of them were read
        self._by_title: list[Intro] = []
        # the two age patterns' matches, each read on demand (the texts without an age never search)
        self._name_age = _Matches(_NAME_AGE, text, _name_age_intro) if _AGE_MARK.search(text) else None
        self._age_name = _Matches(_AGE_NAME, text, _age_name_intro) if "ährige" in text or "Jahre" in text else None

    def upto(self, upto: int) -> list[Intro]:
        """The introductions ending by ``upto``, ordered by their end (those of a title first, then of a
        name and age, then of an age and name where two end at one place)."""
        text = self.text
        if upto > self._titles_to:
            # (titles do not overlap: those ending by the earlier place are the first of these, already read.)
            # Read on to twice as far as before at least: a long text asked at ever later places (one mention
            # after another) is read a few times, not once per question from its start.
            to = max(upto, 2 * self._titles_to)
            self._titles, self._titles_to = self._read_titles(text, to), to
        titles = self._titles
        k = self._next_title
        while k < len(titles):
            intro = _title_intro(text, *titles[k])
            if intro is not None:
                self._by_title.append(intro)
            k += 1
        self._next_title = k
        out = [i for i in self._by_title if i.end <= upto]
        for matches in (self._name_age, self._age_name):
            if matches is not None:
                out += [i for i in matches.intros_before(upto) if i.end <= upto]
        out.sort(key=_END)
        return out


_END = attrgetter("end")


class _Matches:
    """The introductions of an age pattern's matches in a text, read in order as far as asked and kept."""

    __slots__ = ("_text", "_intro", "_found", "_iter", "_pending")

    def __init__(
        self, pattern: re.Pattern[str], text: str, intro: Callable[[str, re.Match[str]], Intro | None]
    ) -> None:
        self._text = text
        self._intro = intro
        self._found: list[tuple[int, Intro]] = []  # (start of the match, its introduction)
        self._iter = pattern.finditer(text)
        self._pending = next(self._iter, None)

    def intros_before(self, pos: int) -> list[Intro]:
        """The introductions of the matches that start before ``pos``, in text order (the matches do not
        overlap: the later ones start later)."""
        while (m := self._pending) is not None and m.start() < pos:
            if (intro := self._intro(self._text, m)) is not None:
                self._found.append((m.start(), intro))
            self._pending = next(self._iter, None)
        return [i for start, i in self._found if start < pos]


def _title_intro(text: str, start: int, role: str) -> Intro | None:
    """The person the title ``role`` at ``start`` introduces by name, or None."""
    end = start + len(role)
    before = text[max(0, start - 120) : start]
    if role.endswith(("ern", "innen")):
        return None  # "von den Ermittlern Demjanjuk zugeordnet": a plural names no holder
    if not is_role(role) and not _title_position(before):
        return None  # "Roger Keith Barrett": a first name, not a title, opens the text
    if _place_attribute(role) and (nxt := _TITLE_BEFORE_NAME.match(text, end)) and _title_shaped(nxt.group(1)):
        # "die Kölner Hausärztin Katrin Vogel": the next word is the title (not "der Münchner Peter Huber",
        # "der Italiener Nicola Zingaretti")
        return None
    gender = _role_gender(role, before)
    if role.lower().endswith("s") and may_name_people(role[:-1]):
        gender = None  # "ein Büro des Hamasführers Ismail Haniyya": a genitive, no one who speaks here
    after = text[end : end + 160]
    name = None
    if (t := _TITLE_THEN_NAME.match(after)) and (name := _clean_name(t.group(1)) or _surname(t.group(1), text)):
        pass  # "Verteidiger Jochen Malz"; "Präsident Macron" (a second holder of the title: no guess)
    elif (t := _TITLE_ATTRIBUTE_THEN_NAME.match(after)) and not _SENTENCE_END.search(after, 0, t.start(1)):
        name = _clean_name(t.group(1))
    if name is None and _comma_then_lowercase(before) and (b := _NAME_THEN_TITLE.search(before)):
        name = _clean_name(b.group(1)) or _full_name(b.group(1), text)
    if name is None and any(t.endswith("als") for t in before.rsplit(None, 3)[-3:]) and _AS_TITLE.search(before):
        sentence = _SENTENCE_END.split(before)[-1]
        names = [n for n in (_clean_name(x.group(0)) for x in re.finditer(_NAME, sentence)) if n]
        name = names[-1] if names else None
    if name is not None and not possessor(name, text):
        return Intro(name, role, None, gender, end)
    return None


def _name_age_intro(text: str, m: re.Match[str]) -> Intro | None:
    """ "Miriam Ostwald (31)", "Stefan Lindner, 44,": a match of :data:`_NAME_AGE`."""
    name = _clean_name(_without_title(m.group(1), text[max(0, m.start() - 20) : m.start()]))
    return Intro(name, None, int(m.group(2) or m.group(3)), None, m.end()) if name is not None else None


def _age_name_intro(text: str, m: re.Match[str]) -> Intro | None:
    """ "die 31-jährige Miriam Ostwald", "der 44 Jahre alte Stefan Lindner": a match of :data:`_AGE_NAME`."""
    name = _clean_name(m.group(2))
    if name is None:
        return None
    article = text[max(0, m.start() - 5) : m.start()].split()
    gender = {"die": "f", "der": "m"}.get(article[-1].lower()) if article else None
    return Intro(name, None, int(m.group(1)), gender, m.end())


# (:data:`_AS_TITLE` needs "als" among the last three words before the title: asked first, as the comma.)
def _comma_then_lowercase(before: str) -> bool:
    """Can :data:`_NAME_THEN_TITLE` match: does ``before`` end in a comma and at most three lowercase words?
    (A necessary test, asked first: the pattern's search tries every position of the window.)"""
    k = before.rfind(",")
    if k == -1:
        return False
    tail = before[k + 1 :].split()
    return len(tail) <= 3 and all(w[:1].islower() for w in tail)


def _titles_in(text: str, upto: int | None = None) -> list[tuple[int, str]]:
    """(start, word) of the capitalised words of ``text`` that may be a person's title (:func:`_person_noun`),
    in text order, as the matches of :data:`_CAP_WORD` give them: the few distinct candidates are found among
    the text's words first, and only their places are visited (a text has hundreds of capitalised words and
    a handful of titles). With ``upto``, those ending by ``upto``: each is a match of :data:`_CAP_WORD` that
    ends there, found by the pattern's matches in ``text[:upto]`` as in the whole text (the last of which may
    be cut short: its places are tested in the whole text as every word's are)."""
    out = []
    words = _CAP_WORD.findall(text) if upto is None else _CAP_WORD.findall(text, 0, upto)
    for word in filter(_person_noun, set(words)):  # (each distinct word asked once)
        start = text.find(word)
        while start != -1:
            end = start + len(word)
            if upto is not None and end > upto:
                break  # (the later places end later)
            if (
                not (start and _word_char(text[start - 1]))  # a word start ...
                and not _run_goes_on(text, end)  # ... up to the run's last letter ...
                and not (start and text[start - 1] == "-" and _inside_capitalised_run(text, start))
            ):  # ... and not the tail of a compound _CAP_WORD reads whole ("CDU-Generalsekretärin")
                out.append((start, word))
            start = text.find(word, end)
    out.sort()
    return out


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _run_goes_on(text: str, end: int) -> bool:
    """Does the run of word characters and hyphens at ``end`` hold another word character ("Präsident-in",
    "Präsidentin")? Then the capitalised word does not end at ``end``."""
    k = end
    while k < len(text) and (text[k] == "-" or _word_char(text[k])):
        if _word_char(text[k]):
            return True
        k += 1
    return False


def _inside_capitalised_run(text: str, pos: int) -> bool:
    """Does a capitalised word start before ``pos`` in the run of word characters and hyphens ``pos`` is in
    ("CDU-Generalsekretärin"; not "31-Jährige", whose run starts with a digit)?"""
    k = pos
    while k > 0 and (_word_char(text[k - 1]) or text[k - 1] == "-"):
        k -= 1
    return any(text[i] in _UPPER and (i == k or not _word_char(text[i - 1])) for i in range(k, pos))


_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")


def _same_person(a: str, b: str) -> bool:
    return a.split()[-1] == b.split()[-1]


def _one(names: list[str]) -> str | None:
    """The one person among ``names`` (the longest spelling), or None for none or several."""
    if not names or any(not _same_person(n, names[0]) for n in names):
        return None
    return max(names, key=len)


def _fits_role(intro_role: str, head: str) -> bool:
    """Is a title an introduction used ("Chefökonomin", "Ökonomen") the description's head ("Ökonomin")? A
    compound ends in it, inflection aside; "Ökonomin" is not "Ökonom"."""
    low = intro_role.lower()
    return any(low.endswith(head + e) for e in _ROLE_ENDINGS)


def resolve_description(
    text: str, start: int, words: str, persons: Callable[[], list[tuple[str, str | None]]]
) -> str | None:
    """The name of the person the definite description ``words`` at ``start`` stands for, or None.

    A role title stands for the one person introduced with that title (or an office's title for its
    epithet: "der Rathauschef" for the "Oberbürgermeister"); an age for the one person introduced with that
    age; a generic epithet ("der Teenager", "die Seniorin", "der Manager") for the one person of its gender
    (and age, where the text gives ages) among ``persons()`` - (name, gender) of those named in reach before,
    asked only for an epithet - and the persons introduced in reach.
    """
    desc = description(words)
    if desc is None:
        return None
    head, gender = desc
    low = head.lower()
    intros = introductions(text, start)
    age = _AGE_HEAD.fullmatch(head)
    if age is not None:
        n = int(age.group(1))
        return _one([i.name for i in intros if i.age == n and i.gender in (gender, None)])
    if low in _epithets():
        g, youngest, oldest = _epithets()[low]
        want = gender if g == "-" else g
        # introduced persons of its gender (a title that shows none may name a group: "des Konzerns X"), and
        # persons named with a first name in reach whose gender the name may not show
        cands: list[tuple[str, str | None]] = [
            (i.name, i.gender) for i in intros if i.end >= start - 600 and i.gender == want
        ]
        cands += [(n, gi) for n, gi in persons() if gi in (want, None)]
        aged = {i.name.split()[-1]: i.age for i in intros if i.age is not None}
        if (youngest, oldest) != (0, 200) and aged:
            cands = [(n, gi) for n, gi in cands if youngest <= aged.get(n.split()[-1], -1) <= oldest]
        return _one([n for n, _ in cands])
    heads = epithet_titles(low) or (low,)
    titled = [i for i in intros if i.role and any(_fits_role(i.role, h) for h in heads)]
    if not titled and "-" in head:
        # "die SPD-Politikerin" after "Die SPD-Abgeordnete Ute Kramer": a member of the same party or body
        prefix = head[: head.index("-") + 1].lower()
        titled = [i for i in intros if i.role and i.role.lower().startswith(prefix) and i.gender == gender]
    country = phrase_country(words)
    if country is not None:
        # "der polnische Außenminister" is not the "Bundesaußenminister" introduced before: only a holder the
        # text introduced as of that country ("der polnische Außenminister X", "Polens Außenminister X")
        titled = [i for i in titled if holder_country(_intro_words(text, i)) == country]
    return _one([i.name for i in titled])


def phrase_country(words: str) -> str | None:
    """The country a person phrase names: "Frankreichs Präsident …", "der französische Minister …"."""
    for w in words.split():
        country = country_name(w) if w[:1].isupper() else None
        if country:
            return country
        if w[:1].islower():
            for ending in ("e", "en", "er", "es", "em"):
                country = country_adjective(w.removesuffix(ending)) if w.endswith(ending) else None
                if country:
                    return country
    return None


def holder_country(words: str) -> str | None:
    """The country a named person's phrase gives them: a country's name or adjective in it ("Frankreichs
    Präsident …", "der polnische Außenminister …"), or the country a title implies ("Bundesaußenminister",
    "US-Präsident")."""
    country = phrase_country(words)
    if country is not None:
        return country
    from briefing.extract.actors import lexicon

    lex = lexicon()
    for w in words.split():
        if w[:1].isupper() and (info := lex.role(w)) is not None and info.affiliation:
            return info.affiliation
    return None


def _intro_words(text: str, intro: Intro) -> str:
    """An introduction's title with the word before it ("polnische Außenminister", "Polens Außenminister")."""
    role = intro.role or ""
    before = text[max(0, intro.end - len(role) - 40) : intro.end - len(role)].split()
    return " ".join([*before[-1:], role])


# Heads of a medium a speaker talks to: "sagte die CDU-Politikerin der Zeitung „Nordkurier“", "sagte ein Sprecher
# des Ministeriums der Nachrichtenagentur dpa" (a dative: the phrase reads it as a genitive attribute).
_MEDIUM_HEADS = ("zeitung", "nachrichtenagentur", "presseagentur", "presse-agentur", "zeitschrift", "illustrierte",
                 "magazin", "nachrichtenmagazin", "sender", "fernsehsender", "radiosender", "portal", "blatt")
# Staff of a medium: their genitive names it ("ein Sprecher der Zeitung", "der Chefredakteur der Zeitung").
_MEDIUM_STAFF = ("sprecher", "redakteur", "korrespondent", "journalist", "reporter", "herausgeber", "mitarbeiter",
                 "chef", "leiter", "verleger", "kolumnist", "autor", "intendant")
# (a medium's name may stand in quotation marks: "sagte der Internist der „Mitteldeutschen Zeitung“")
_ADDRESSEE = re.compile(r"\s(?:der|dem)\s+[„\"»]?(?:[A-ZÄÖÜ][\w-]*e[nr]?\s+)?([A-ZÄÖÜ][\w-]*)")


def without_addressee(words: str) -> str:
    """A speaker phrase without the medium it spoke to: "die CDU-Politikerin der Zeitung" -> "die
    CDU-Politikerin", "ein Sprecher des Außenministeriums der Nachrichtenagentur" -> "ein Sprecher des
    Außenministeriums"; "ein Sprecher der Zeitung" (the medium's own staff) stays. A name never holds the
    addressee."""
    for m in _ADDRESSEE.finditer(words):
        medium = m.group(1).lower()
        if not medium.endswith(_MEDIUM_HEADS):
            continue
        before = words[: m.start()].split()
        heads = [w for w in before if w[:1].isupper() and w.lower() not in word_set("determiners.txt")]
        if not heads or not (is_role(heads[0]) or may_name_people(heads[0])):
            return words  # "einem Artikel der Nachrichtenagentur Reuters": the medium's own text
        chained = any(w in ("des", "der", "dem", "von", "vom") for w in before)
        staff = before[-1].lower().removesuffix("in").endswith(_MEDIUM_STAFF)
        if chained or not staff:
            return words[: m.start()]
    return words


# ------------------------------------------------------------------ organisations referred back to


@cache
def _collective_heads() -> dict[str, str]:
    """Nouns for a kind of company or party -> its type: the company and party heads of institutions.txt
    ("das Unternehmen", "der Konzern", "die Partei": any one of that type) and the kinds of org_kinds.txt
    ("der Hersteller": one the text introduced as such)."""
    heads = {r[0].lower(): r[1] for r in rows("org_kinds.txt") if len(r) > 1 and r[1] in _COLLECTIVE_TYPES}
    heads.update({r[0].lower(): r[1] for r in rows("institutions.txt") if len(r) > 1 and r[1] in _COLLECTIVE_TYPES})
    return heads


# The types of organisation a bare kind noun refers back to: "das Ministerium", "die Behörde" or "die
# Organisation" may be one of several named, and mostly is one not named.
_COLLECTIVE_TYPES = ("company", "party")
# A company named with its legal form: "Hollweg AG", "Brenner Technik GmbH".
_LEGAL_NAME = re.compile(
    rf"\b({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+(AG|GmbH|SE|KG|KGaA|Holding|Inc\.|Ltd\.|plc)\b"
)


def collective(words: str) -> tuple[str, str] | None:
    """The kind noun and type of organisation a definite description refers back to, else None: "das
    Unternehmen" -> ("unternehmen", "company"), "die Partei" -> ("partei", "party"), "der Hersteller" (the bare
    noun, no compound: "der Energiekonzern" names a kind, and the article's own "Energiekonzern RWE" is found
    by name)."""
    toks = words.split()
    if len(toks) < 2 or toks[0].lower() not in ("der", "die", "das") or not all(t.islower() for t in toks[1:-1]):
        return None
    head = toks[-1].lower()
    kind = _collective_heads().get(head)
    return (head, kind) if kind else None


def generic_kind(head: str) -> bool:
    """A noun for any organisation of its type ("Unternehmen", "Partei"), not for a kind of one ("Hersteller",
    "Sender": only one the text introduced so)."""
    return head in {r[0].lower() for r in rows("institutions.txt")}


def introduced_as(text: str, name: str, head: str) -> bool:
    """Does the text introduce the organisation ``name`` with the kind ``head`` ("des Softwareherstellers
    Microsoft", "der Autobauer BMW")?"""
    return re.search(rf"{re.escape(head)}\w{{0,2}}\s+{re.escape(name)}\b", text, re.IGNORECASE) is not None


def named_companies(text: str, upto: int) -> list[tuple[str, int]]:
    """(name, end) of the companies ``text[:upto]`` names with their legal form ("der Maschinenbauer Hollweg
    AG"), in the order of the text."""
    out = []
    for m in _LEGAL_NAME.finditer(text, 0, upto):
        words = m.group(1).split()
        if words[0].lower() in word_set("determiners.txt"):
            words = words[1:]  # "Die Brenner AG"
            if len(words) >= 2 and may_name_people(words[0]):
                words = words[1:]  # "Der Maschinenbauer Hollweg AG": the kind noun after the article is no name
        while words and (zipf(words[0]) >= COMMON_ZIPF or words[0].lower().endswith(tuple(_collective_heads()))):
            words.pop(0)
        before = text[max(0, m.start() - 30) : m.start()].split()
        if len(words) >= 2 and before and before[-1] in word_set("determiners.txt") and may_name_people(words[0]):
            words = words[1:]  # "der Maschinenbauer Hollweg AG": a noun after the article; "die Hollweg AG" stays
        if words:
            out.append((" ".join(words + [m.group(2)]), m.end()))
    return out


# The rest of a coordinated compound whose first half ends a speaker phrase: "der Deutsche Hotel" + "- und
# Gaststättenverband", "die Industrie" + "- und Handelskammer".
_SPLIT_COMPOUND = re.compile(r"-(?:,[ \t]+[A-ZÄÖÜ][\w]*-)*[ \t]+(?:und|oder|sowie)[ \t]+[A-ZÄÖÜ][\w-]*\w")


def compound_rest(text: str, end: int) -> int:
    """Where a speaker phrase ending at ``end`` in the first half of a coordinated compound ends in full
    ("Hotel- und Gaststättenverband"); ``end`` when it does not: half a compound is no name."""
    m = _SPLIT_COMPOUND.match(text, end)
    if m is None:
        return end
    end = m.end()
    for _ in range(2):  # the body's own name after it: "Industrie- und Handelskammer Schwaben"
        w = _NAME_AFTER.match(text, end)
        if w is None or zipf(w.group(1)) >= _VERY_COMMON_ZIPF or _DATE_WORD.fullmatch(w.group(1)):
            break
        end = w.end()
    return end


_NAME_AFTER = re.compile(r"[ \t]+([A-ZÄÖÜ][\w-]*\w)")


# ------------------------------------------------------------------ public bodies referred back to


@cache
def _body_heads() -> tuple[str, ...]:
    """Heads of institutions and agencies (institutions.txt): "das Gericht", "die Polizei", "die
    Staatsanwaltschaft" refer back to the one such body the article named ("Landgericht München I")."""
    return tuple(r[0].lower() for r in rows("institutions.txt") if len(r) > 1 and r[1] in ("institution", "agency"))


def body_head(words: str) -> str | None:
    """The institution head of a definite description of a public body ("das Gericht" -> "gericht"), else None."""
    toks = words.split()
    if len(toks) < 2 or toks[0].lower() not in ("der", "die", "das") or not all(t.islower() for t in toks[1:-1]):
        return None
    head = toks[-1].lower()
    return head if head in _body_heads() else None


def named_bodies(text: str, upto: int, head: str) -> set[str]:
    """The bodies of that head ``text[:upto]`` names by a name after it ("Polizei Hamburg", "des Landgerichts
    Coburg", "Staatsanwaltschaft Augsburg"), in the nominative; a bare head or compound names no one body."""
    out = set()
    pattern = re.compile(rf"\b([A-ZÄÖÜ][\w-]*?{head}|{head.capitalize()})(e?s)?((?:[ \t]+[A-ZÄÖÜ][\w-]*\w){{1,2}})")
    for m in pattern.finditer(text, 0, upto):
        names = []
        for w in m.group(3).split():
            if zipf(w) >= _VERY_COMMON_ZIPF or _DATE_WORD.fullmatch(w) or is_role(w) or may_name_people(w):
                break
            names.append(w)
        if names:
            out.add(" ".join([m.group(1), *names]))
    return out
