"""Precision-first speaker names: a quotation shows no name that names no one.

Unit tests use German (name, text) pairs written for these tests; the slow test runs the
quotation command over the train gold texts (read from ../shared, not copied here) and the
dev gold texts (tests/data/quotes, CC BY-NC-SA 4.0) and checks every speaker name against
wordfreq's German word list, independent of :func:`names_someone`'s own reasoning.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from babel import Locale
from wordfreq import zipf_frequency

from briefing.extract.quotes import extract_quotes, to_records
from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.extract.quotes.lexicon import is_role
from briefing.extract.quotes.speaker_names import TextWords, is_country, is_organisation, names_someone
from briefing.extract.sentences import split_sentences
from briefing.lang import word_set

DEV = Path(__file__).parent / "data" / "quotes" / "dev.jsonl"
TRAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "train.jsonl"


def _quotes(text: str):
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    return to_records(text, found, sents)


NO_ONE = [
    # common nouns of "laut/nach Angaben/zufolge", sentence openers, abstract nouns, fragments
    ("Angaben", "Nach Angaben sei der Zug entgleist."),
    ("Polizeiangaben", "Nach Polizeiangaben sei der Fahrer geflohen."),
    ("Medienberichten", "Medienberichten zufolge sei der Minister zurückgetreten."),
    ("Angestellten", "Nach Angaben eines Angestellten sei niemand verletzt worden."),
    ("Demgegenüber", "Demgegenüber steht die Opposition."),
    ("Kritisch", "Kritisch äußerte sich die Kammer, die Lage sei kritisch."),
    ("Zwar", "Zwar sei die Lage ernst."),
    ("Begründung", "Zur Begründung hieß es, das Gesetz sei unklar."),
    ("Prozent", "Die Steuer steigt um drei Prozent."),
    ("Handels-", "Die Handels- und Entwicklungskonferenz tagte."),
    ("sagte", "Er sagte nichts."),
]

SOMEONE = [
    ("Gall", "Innenminister Reinhold Gall widersprach. Gall sagte, es reiche nicht."),
    ("Merkel", "Bundeskanzlerin Merkel reiste ab. Merkel sagte, sie sei zufrieden."),
    ("Reuters", "Das meldete Reuters am Abend."),
    ("NATO", "Die NATO erklärte, sie sei bereit."),
    ("Frankreich", "Frankreich kündigte an, es werde helfen."),
    ("Sacharowa", "Sprecherin Maria Sacharowa sagte, Russland lehne das ab."),
    ("Hans Meier", "Hans Meier sagte, er komme."),
    ("Minister", "Der Minister sagte, er komme."),
]


@pytest.mark.parametrize(("name", "text"), NO_ONE)
def test_common_words_name_no_one(name: str, text: str) -> None:
    assert not names_someone(name, TextWords(text))


@pytest.mark.parametrize(("name", "text"), SOMEONE)
def test_names_persons_organisations_countries(name: str, text: str) -> None:
    assert names_someone(name, TextWords(text))


@pytest.mark.parametrize(
    "text",
    [
        "Nach Polizeiangaben habe der Fahrer die Kontrolle über den Wagen verloren.",
        "Zur Begründung hieß es, das neue Gesetz sei zu unklar formuliert worden.",
    ],
)
def test_reported_speech_from_a_common_noun_shows_no_name(text: str) -> None:
    qs = _quotes(text)
    assert qs, "the reported speech is still found"
    assert all(q.speaker_name is None or names_someone(q.speaker_name, TextWords(text)) for q in qs)


def test_a_nameless_speaker_keeps_its_mention_in_the_command_output() -> None:
    text = "Nach Polizeiangaben habe der Fahrer die Kontrolle über den Wagen verloren."
    out = io.StringIO()
    quotes_jsonl(io.StringIO(json.dumps({"id": "t1", "text": text}) + "\n"), out)
    (q,) = json.loads(out.getvalue())["quotes"]
    b, e = q["speaker"]["span"]
    assert text[b:e] == "Polizeiangaben" and q["speaker"]["name"] is None


def test_a_named_speaker_keeps_its_name() -> None:
    text = "„Wir werden die Gespräche fortsetzen“, sagte Außenminister Jan Weber am Abend."
    (q,) = _quotes(text)
    assert q.speaker_name == "Jan Weber"


_INDEX_TEXT = (
    "Die Ex-Kanzlerin Angela Merkel sprach mit US-Präsident Obama. Merkel lobte den Plan, abcDef Gall nicht.\n"
    "Laut Reinhold Gall ist die Lage ernst; die ernste Lage und die ernst-Lage. Minister Gall-Weber kam,\n"
    "Gall_x Gall, danach bayerisch und Bayerisch, ndr.de und Ärger ärger."
)


@pytest.mark.parametrize(
    "word",
    ["Merkel", "Gall", "Obama", "Lage", "Ernst", "Lage", "Bayerisch", "Ärger", "Weber", "Def", "Ndr", "Plan", "X"],
)
def test_text_words_answer_as_an_index_of_the_whole_text_would(word: str) -> None:
    """Each question is answered from the text around the word asked about; the answer is the one an
    index of every word of the text gives (the regular expressions below)."""
    lower = set(re.findall(r"(?<![\w-])[a-zäöüß]\w*", _INDEX_TEXT))
    before: dict[str, set[str]] = {}
    for m in re.finditer(r"([A-ZÄÖÜ][\w-]*) (?=([A-ZÄÖÜ][\w-]*))", _INDEX_TEXT):
        before.setdefault(m.group(2), set()).add(m.group(1))
    words = TextWords(_INDEX_TEXT)
    assert words.written_lowercase(word) == (word.lower() in lower)
    assert words.capitalised_before(word) == before.get(word, set())


def test_text_words_read_whole_words() -> None:
    words = TextWords("Die US-amerikanische Seite, laut ex-Minister Gall und Kanzlerin Merkel-Hahn.")
    assert not words.written_lowercase("Amerikanische")  # after a hyphen: part of a compound
    assert words.capitalised_before("Gall") == {"Minister"}  # the part of "ex-Minister" from its capital
    assert words.capitalised_before("Merkel") == set()  # "Merkel-Hahn" is another word


# ------------------------------------------------------------------ over the gold texts

_FIRST_NAMES = word_set("first_names.txt")
_UNITS = word_set("units.txt")
_COUNTRIES = {n.lower() for n in Locale("de").territories.values()}


def _named_in_full(word: str, text: str) -> bool:
    """The text writes ``word`` after a first name, a role title or a rare capitalised word
    somewhere ("Olaf Scholz", "Kanzlerin Merkel", "Wladimir Putin")."""
    for m in re.finditer(r"([A-ZÄÖÜ][\w-]*) " + re.escape(word) + r"(?!\w)", text):
        before = m.group(1)
        if before.lower() in _FIRST_NAMES or is_role(before) or zipf_frequency(before, "de") < 3.0:
            return True
    return False


def _common_word_problem(name: str, text: str) -> str | None:
    """Why ``name`` is no speaker (a common noun, adverb, adjective, unit or fragment), or None."""
    if not name[:1].isupper():
        return "starts lowercase (adverb, adjective, verb or article)"
    if name.endswith("-"):
        return "fragment of a split compound"
    words = name.split()
    if len(words) > 1:
        return None
    word = words[0].strip(".,;:")
    if word.lower() in _UNITS:
        return "unit"
    if sum(ch.isupper() for ch in word) >= 2 or word.lower() in _FIRST_NAMES or is_role(word):
        return None
    if word.lower() in _COUNTRIES or word.lower().removesuffix("s") in _COUNTRIES:
        return None  # a country (CLDR)
    if is_organisation(word) or is_country(word):
        return None  # an organisation or country of the lexicons
    if zipf_frequency(word, "de") >= 4.0 and not _named_in_full(word, text):
        return f"common German word (zipf {zipf_frequency(word, 'de'):.1f})"
    return None


def test_the_check_finds_common_words() -> None:
    text = "Nach Angaben der Polizei sei der Zug entgleist."
    assert _common_word_problem("Angaben", text) and _common_word_problem("Handels-", text)
    assert _common_word_problem("Merz", text) is None and _common_word_problem("Olaf Scholz", text) is None


@pytest.mark.slow
@pytest.mark.parametrize("path", [TRAIN, DEV], ids=["train", "dev"])
def test_no_speaker_name_is_a_common_word(path: Path) -> None:
    if not path.is_file():
        pytest.skip(f"{path} is absent (train is read from ../shared beside the repo)")
    texts = {}
    inp = io.StringIO()
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        texts[doc["id"]] = doc["text"]
        inp.write(json.dumps({"id": doc["id"], "text": doc["text"]}, ensure_ascii=False) + "\n")
    inp.seek(0)
    out = io.StringIO()
    quotes_jsonl(inp, out)
    problems, named = [], 0
    for line in out.getvalue().splitlines():
        res = json.loads(line)
        for q in res["quotes"]:
            name = q["speaker"]["name"]
            if name:
                named += 1
                why = _common_word_problem(name, texts[res["id"]])
                if why:
                    problems.append(f"{res['id']}: {name!r}: {why}")
    assert named, "speakers are still named"
    assert problems == []
