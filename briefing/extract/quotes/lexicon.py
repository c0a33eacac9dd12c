"""German lexicons for quotation extraction, read once from ``briefing/lang/de/``.

Every file holds one entry per line with ``#`` comments; see each file's header
for its format.  Speech verbs are written as lemmas; their inflected forms
(present, past, participle; separable verbs with and without their particle)
are generated here so the data files stay reviewable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.lang import entries, word_set
from briefing.lang.de import attribution_markers  # noqa: F401 (the quotation modules import it from here)

# Inseparable prefixes and the -ieren suffix: their participle has no "ge-".
_NO_GE_PREFIXES = ("be", "er", "ver", "ent", "zer", "ge", "emp", "miss", "hinter", "wider")


def read_lexicon(name: str) -> list[str]:
    """Non-comment, non-empty lines of ``briefing/lang/de/<name>`` (stripped)."""
    return list(entries(name))


@dataclass(frozen=True)
class VerbForm:
    """One inflected form of a speech verb (merged over the verbs that share it)."""

    lemma: str
    bare: bool  # a speech verb on its own ("sagte")
    particles: frozenset[str]  # or only with one of these particles later in the clause ("teilte ... mit")
    participle: bool
    finite: bool = False  # also a finite form of one of the verbs ("erklärt": er erklärt / hat erklärt)


def _weak_forms(lemma: str) -> list[str]:
    """Finite forms (3rd person present/past) and the participle of a weak verb."""
    if lemma.endswith(("ern", "eln")):
        stem = lemma[:-1]
        finite = [stem + "t", lemma, stem + "te", stem + "ten"]
    else:
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        e = "e" if stem.endswith(("t", "d")) or (stem.endswith(("m", "n")) and stem[-2:-1] not in "aeiouälmnrh") else ""
        finite = [stem + e + "t", lemma, stem + e + "te", stem + e + "ten"]
    participle = finite[0] if lemma.startswith(_NO_GE_PREFIXES) or lemma.endswith("ieren") else "ge" + finite[0]
    return finite + [participle]


_SPEECH_VERBS: dict[str, VerbForm] | None = None


def speech_verbs() -> dict[str, VerbForm]:
    """Lowercased form -> VerbForm for every speech verb in speech_verbs.txt (read once)."""
    global _SPEECH_VERBS
    if _SPEECH_VERBS is None:  # (a module global, not an lru_cache: asked for per token, see _ROLE_WORDS)
        _SPEECH_VERBS = verb_lexicon("speech_verbs.txt")
    return _SPEECH_VERBS


@lru_cache(maxsize=1)
def lowercase_speech_verbs() -> frozenset[str]:
    """Speech verb forms as running text writes a verb (lowercase; a capitalised one is a noun)."""
    return frozenset(w for w in speech_verbs() if w[:1].islower())


@lru_cache(maxsize=1)
def naming_verbs() -> dict[str, VerbForm]:
    """Lowercased form -> VerbForm for the naming and judging verbs in naming_verbs.txt."""
    return verb_lexicon("naming_verbs.txt")


@cache
def verb_lexicon(name: str) -> dict[str, VerbForm]:
    """Lowercased form -> VerbForm for every verb of a verb lexicon (speech_verbs.txt format)."""
    out: dict[str, VerbForm] = {}

    def add(form: str, lemma: str, particle: str, participle: bool) -> None:
        old = out.get(form)
        bare = not particle or (old is not None and old.bare)
        particles = (old.particles if old else frozenset()) | ({particle} if particle else set())
        finite = not participle or (old is not None and old.finite)
        out[form] = VerbForm(old.lemma if old else lemma, bare, frozenset(particles), participle, finite)

    for line in read_lexicon(name):
        head, _, listed = line.partition(":")
        particle, _, lemma = head.strip().rpartition("|")
        forms = listed.split() if listed.strip() else _weak_forms(lemma)
        *finite, participle = forms
        if particle:
            for f in finite:
                add(f, particle + lemma, particle, False)
                add(particle + f, particle + lemma, "", False)  # verb-final: "wie er mitteilte"
            joined = participle if participle.startswith(particle) else particle + participle
            add(joined, particle + lemma, "", True)
        else:
            for f in finite:
                add(f, lemma, "", False)
            add(participle, lemma, "", True)
    return out


@lru_cache(maxsize=1)
def speech_nouns() -> frozenset[str]:
    """Lowercased nouns that name what someone said or thinks: the source nouns of
    attribution_markers.txt and the nominalisations of every speech verb, the infinitive
    ("Bekunden", "Dafürhalten") and the -ung noun ("Äußerung", "Behauptung").

    Only for frames that make any such noun a source ("nach eigenem Bekunden", "seiner
    Ansicht nach"): a bare "nach der Erklärung" is as often a time as a source.
    """
    nouns = set(attribution_markers().get("noun", ()))
    for vf in speech_verbs().values():
        lemma = vf.lemma
        nouns.add(lemma)
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        nouns.update((stem + "ung", stem + "ungen"))
    return frozenset(nouns)


@lru_cache(maxsize=1)
def _role_endings() -> tuple[str, ...]:
    """Role titles from roles.txt (owned by the actors stage); a word ending in one is a role."""
    return tuple(sorted(word_set("roles.txt")))


# is_role's answers (a plain dict, cleared when full: a compiled caller probes it directly, where an
# lru_cache wrapper costs it a Python-level call, ~3x the time)
_ROLE_WORDS: dict[str, bool] = {}
_ROLE_WORDS_MAX = 65536


def is_role(word: str) -> bool:
    """True for role titles and their compounds ("Außenamtssprecherin", "US-Präsident") (remembered per word:
    :func:`ends_in_role`)."""
    known = _ROLE_WORDS.get(word)
    if known is None:
        if len(_ROLE_WORDS) >= _ROLE_WORDS_MAX:
            _ROLE_WORDS.clear()
        known = _ROLE_WORDS[word] = ends_in_role(word)
    return known


def ends_in_role(word: str) -> bool:
    """Does ``word`` end in a role title?

    (One ``endswith`` over the titles in C: a regex alternation anchored at the end was tried at every
    position of the word.)"""
    return word.lower().endswith(_role_endings())


def bare_role(name: str) -> bool:
    """ "Minister", "Kanzlerin": a role title with no name of its own ("sagte der Minister")."""
    toks = name.split()
    return 0 < len(toks) <= 2 and all(t[:1].isupper() and is_role(t) for t in toks)


@lru_cache(maxsize=1)
def speech_act_nouns() -> frozenset[str]:
    """Lowercased nouns that name something said and can take its content as a clause ("der Vorwurf der
    CDU, es handele sich um …"): :func:`speech_nouns` and the irregular ones of speech_act_nouns.txt."""
    return speech_nouns() | word_set("speech_act_nouns.txt")
