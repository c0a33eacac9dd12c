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
from briefing.extract.quotes.speaker_names import (
    TextWords,
    is_country,
    is_organisation,
    named_in_attribute,
    names_someone,
)
from briefing.extract.sentences import split_sentences
from briefing.lang import rows, word_set

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
    # a phrase headed by an abstract or common noun: the speaker, if any, is inside it
    ("Speicherung von Gesundheitsdaten", "Die Speicherung von Gesundheitsdaten sei unzulässig, hieß es."),
    ("Verlängerung der Frist", "Eine Verlängerung der Frist komme nicht infrage, teilte die Stadt mit."),
    ("Sichtweise von Stadtrat Jonas Albers", "Die Sichtweise von Stadtrat Jonas Albers sei eine andere."),
    ("Erste Messungen", "Erste Messungen hätten ergeben, dass das Wasser sauber sei."),
    ("Vorläufige Schätzungen", "Vorläufige Schätzungen zufolge seien 300 Häuser zerstört."),
    # a rare abstract noun (by its suffix) never names anyone
    ("Verdächtigungen", "Verdächtigungen zufolge habe der Wirt das Geld genommen."),
    ("Anschuldigungen", "Den Anschuldigungen nach habe er gelogen."),
    # an adjective or adverb, capitalised only where it opens a sentence
    ("Spöttisch", "Spöttisch kommentierte die Ministerin den Plan: „Das ist ein Luftschloss.“"),
    ("Genüsslich", "Genüsslich fügte er hinzu, man werde sehen."),
    ("Kopfschüttelnd", "Kopfschüttelnd sagte der Wirt, das sei zu teuer. Niemand widersprach."),
    # a compound adjective on an organisation is not the organisation
    ("FPÖ-nahe", "FPÖ-nahe Kreise sagten, der Minister trete zurück."),
    ("CDU-geführte", "Die CDU-geführte Stadtregierung sagte, sie prüfe den Plan."),
    # a hyphenated compound is headed by its last part
    ("NATO-Erklärung", "Der NATO-Erklärung zufolge sei der Luftraum gesperrt."),
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
    # a phrase headed by a role, a person noun or a body, and proper names of adjective and noun
    ("Sprecherin der Stadtwerke", "Eine Sprecherin der Stadtwerke sagte, der Strom fließe wieder."),
    ("Unterstützer der Initiative", "Die Unterstützer der Initiative kündigten an, sie würden klagen."),
    ("Bewohner des Viertels", "Die Bewohner des Viertels sagten, sie hätten Angst."),
    ("Mehrheit der Abgeordneten", "Die Mehrheit der Abgeordneten erklärte, sie stimme zu."),
    ("Redaktion der Zeitung", "Die Redaktion der Zeitung teilte mit, der Artikel werde korrigiert."),
    ("Deutsche Welle", "Deutsche Welle: Wie die Deutsche Welle berichtete, sei der Minister zurückgetreten."),
    ("Internationale Wahlbeobachter", "Internationale Wahlbeobachter sagten, die Wahl sei frei gewesen."),
    ("Brookings Institution", "Die Brookings Institution erklärte, der Plan sei teuer."),
    ("Hans-Böckler-Stiftung", "Die Hans-Böckler-Stiftung teilte mit, die Löhne stiegen."),
    # a first name before a particle is a name, not a noun with an attribute
    ("Kurt von Heyden", "„Wir bleiben“, sagte Kurt von Heyden."),
    # a surname in the form of an adjective that the text also writes inside a sentence
    ("Wittig", "Wittig lehnte ab. „Das reicht nicht“, sagte Wittig am Montag."),
    ("Fröhlich", "„Das reicht nicht“, sagte Hans Fröhlich. Fröhlich blieb dabei."),
]


@pytest.mark.parametrize(("name", "text"), NO_ONE)
def test_common_words_name_no_one(name: str, text: str) -> None:
    assert not names_someone(name, TextWords(text))


@pytest.mark.parametrize(("name", "text"), SOMEONE)
def test_names_persons_organisations_countries(name: str, text: str) -> None:
    assert names_someone(name, TextWords(text))


@pytest.mark.parametrize(
    ("name", "text", "inside"),
    [
        (
            "Einschätzung von Bürgermeisterin Petra Lang",
            "Nach Einschätzung von Bürgermeisterin Petra Lang halte die Brücke.",
            "Bürgermeisterin Petra Lang",
        ),
        ("Mitteilung der OSZE", "In einer Mitteilung der OSZE hieß es, die Wahl sei frei gewesen.", "OSZE"),
        ("Zerstörung der Infrastruktur", "Laut Zerstörung der Infrastruktur sei die Lage ernst.", None),
        ("Speicherung von Gesundheitsdaten", "Die Speicherung von Gesundheitsdaten sei unzulässig.", None),
        ("Bericht des Fachmagazins", "Nach einem Bericht des Fachmagazins sei der Motor zu laut.", None),
        ("Sprecher der Polizei", "Ein Sprecher der Polizei sagte, niemand sei verletzt.", None),
        # a name and the next phrase's noun read as one
        ("Kettlau Bestellungen", "Demnach habe Kettlau Bestellungen über 40 Züge erhalten.", "Kettlau"),
        ("Brookings Institution", "Die Brookings Institution erklärte, der Plan sei teuer.", None),
    ],
)
def test_a_phrase_headed_by_no_one_names_whom_its_attribute_names(name: str, text: str, inside: str | None) -> None:
    assert named_in_attribute(name, TextWords(text)) == inside


def test_the_speaker_of_an_abstract_phrase_is_the_person_in_its_attribute() -> None:
    text = "„Die Brücke hält“, lautet die Einschätzung von Bürgermeisterin Petra Lang."
    (q,) = _quotes(text)
    assert q.speaker_name == "Petra Lang"


def test_an_anaphors_antecedent_is_judged_by_the_word_lists_only() -> None:
    """ "Verdächtigungen zufolge ... Demnach ...": a report referred back to keeps its name (the annotation
    names it as the source); the form rules judge only names the text gives at the quotation."""
    words = TextWords("Verdächtigungen zufolge habe der Wirt das Geld genommen. Demnach sei es weg.")
    assert not names_someone("Verdächtigungen", words)
    assert names_someone("Verdächtigungen", words, by_form=False)
    assert not names_someone("Angaben", words, by_form=False)  # a common word stays no one
    assert _common_word_problem("Verdächtigungen", words.text, "Demnach") is None
    assert _common_word_problem("Verdächtigungen", words.text, "Verdächtigungen")


def test_an_adjective_opening_the_sentence_is_no_speaker() -> None:
    text = "Spöttisch kommentierte die Ministerin den Plan: „Das ist ein Luftschloss.“"
    assert all(q.speaker_name != "Spöttisch" for q in _quotes(text))


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


def test_an_institution_with_its_owner_keeps_its_name() -> None:
    """ "Das norwegische Finanzministerium erklärte, ...": the actors stage knows whose ministry it is; its
    name alone is a common noun (no name in the quotes output), but the quote stays linked to it, so the
    briefing names it with its country and files its statement under Norwegen. A ministry nobody owns in the
    text ("Das Ministerium erklärte") is linked to no one."""
    from briefing.extract.nlp import make_nlp

    nlp = make_nlp("blank", components=("briefing_actors", "briefing_quotes"))
    doc = nlp("Das norwegische Finanzministerium erklärte, die Preise seien zu hoch.")
    actors = {a.id: a for a in doc._.briefing_actors}
    (q,) = doc._.briefing_quotes
    assert q.speaker_name is None
    assert actors[q.speaker].name == "Finanzministerium" and actors[q.speaker].affiliation == "Norwegen"
    (bare,) = nlp("Das Ministerium erklärte, die Preise seien zu hoch.")._.briefing_quotes
    assert bare.speaker_name is None and bare.speaker is None


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


# German morphology, written out here independently of speaker_names: derivational suffixes of adjectives
# and adverbs (with an inflection ending), of abstract nouns (with plural and genitive endings), and a
# compound adjective on a name (its last part lowercase: "CDU-nahe", "US-amerikanische").
_ADJECTIVE = re.compile(
    r"\w+(?:artig|weise|lich|ig|isch|bar|sam|los|haft|mäßig|end|elnd|ernd|iert|nah|treu|kritisch|feindlich|freundlich)"
    r"(?:e|en|er|es|em)?"
)


def _adjective(word: str) -> bool:
    """An adjective by its derivational suffix, or an inflected one whose stem is a German word ("Erste")."""
    low = word.lower()
    if _ADJECTIVE.fullmatch(low):
        return True
    stem = re.sub(r"(?:e|en|er|es|em)\Z", "", low)
    return stem != low and len(stem) >= 3 and zipf_frequency(stem, "de") >= 3.0
_ABSTRACT = re.compile(r"\w{3,}(?:ung|heit|keit|tion|ismus|ität)(?:en|s)?|\w{4,}nis(?:se|sen|ses)?")
_HYPHEN_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][\w-]*-[a-zäöü]{3,}(?:e|en|er|es|em|isch|lich|ig)")
# Heads of bodies that speak as one though the form is abstract ("die Regierung", "die Opposition"): the
# project's lexicons of institution heads and speaking nouns.
_BODIES = tuple(
    w.lower() for w in [*word_set("speaking_nouns.txt"), *(r[0] for r in rows("institutions.txt"))]
)
_OPENER = re.compile(r"(?:\A|[.!?:\n])[\s„“”\"»«'(]*\Z")


def _body(low: str) -> bool:
    """A body's head noun, in any number and case ("Regierungen", "Führungen")."""
    return any(low.removesuffix(ending).endswith(_BODIES) for ending in ("", "en", "n", "s", "es"))


def _only_opening_sentences(word: str, text: str) -> bool:
    """The text writes ``word`` capitalised, and only where a sentence opens."""
    at = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)]
    return bool(at) and all(_OPENER.search(text[max(0, p - 8) : p]) for p in at)


def _phrase_problem(name: str, text: str) -> str | None:
    """Why a phrase names no one by its head, or None: German puts a noun phrase's head first among its
    capitalised words, after adjectives; an abstract noun ("Speicherung von ...") or a common noun that
    the text writes after an article there ("die Sichtweise von ...") names no one - unless it is a role,
    a body or the text's name for someone."""
    toks = re.sub(r"\s*\([^)]*\)", "", name).split()
    caps = [t for t in toks if t[:1].isupper()]
    if len(toks) >= 2 and toks[1] in ("der", "des", "von", "vom") and not is_role(toks[0]):
        head = toks[0]
    elif len(caps) == len(toks) == 2 and (_HYPHEN_ADJECTIVE.fullmatch(toks[0]) or _only_opening_sentences(
        f"{toks[0]} {toks[1]}", text
    ) and _adjective(toks[0])):
        head = toks[1]  # "Erste Tests", "SPÖ-nahe Gruppen": an adjective opening a sentence, then the head
    else:
        return None
    low = head.lower()
    if is_role(head) or is_organisation(head) or is_country(head) or _body(low):
        return None
    if _ABSTRACT.fullmatch(low):
        return f"phrase headed by an abstract noun ({head})"
    return None


_ANAPHORS = word_set("pronouns.txt") | word_set("anaphoric_adverbs.txt") | word_set("relative_pronouns.txt")


def _anaphor(mention: str | None) -> bool:
    """A mention that refers back ("er", "Demnach", "wonach", "die"): one word, a pronoun or lowercase."""
    return bool(mention) and " " not in mention.strip() and (mention.lower() in _ANAPHORS or mention[:1].islower())


def _common_word_problem(name: str, text: str, mention: str | None = None) -> str | None:
    """Why ``name`` is no speaker (a common noun, adverb, adjective, unit or fragment), or None.

    The name of an anaphor's antecedent (``mention`` "er", "Demnach") is checked against wordfreq only:
    a report referred back to is the source the annotation names (speaker_names' form rules skip it)."""
    if not name[:1].isupper():
        return "starts lowercase (adverb, adjective, verb or article)"
    if name.endswith("-"):
        return "fragment of a split compound"
    by_form = not _anaphor(mention)
    words = name.split()
    if len(words) > 1:
        return _phrase_problem(name, text) if by_form else None
    word = words[0].strip(".,;:")
    if by_form and _HYPHEN_ADJECTIVE.fullmatch(word):
        return "adjective on a name (lowercase last part)"
    if (
        by_form
        and _ADJECTIVE.fullmatch(word.lower())
        and _only_opening_sentences(word, text)
        and not _named_in_full(word, text)
    ):
        return "adjective or adverb opening a sentence"
    if word.lower() in _UNITS:
        return "unit"
    head = word.rsplit("-", 1)[-1]
    if by_form and head != word and _ABSTRACT.fullmatch(head.lower()) and not _body(word.lower()):
        return "compound headed by an abstract noun"
    if sum(ch.isupper() for ch in word) >= 2 or word.lower() in _FIRST_NAMES or is_role(word):
        return None
    if word.lower() in _COUNTRIES or word.lower().removesuffix("s") in _COUNTRIES:
        return None  # a country (CLDR)
    if is_organisation(word) or is_country(word):
        return None  # an organisation or country of the lexicons
    if zipf_frequency(word, "de") >= 4.0 and not _named_in_full(word, text):
        return f"common German word (zipf {zipf_frequency(word, 'de'):.1f})"
    if by_form and _ABSTRACT.fullmatch(word.lower()) and not _body(word.lower()) and not _named_in_full(word, text):
        return "abstract noun"
    return None


def test_the_check_finds_common_words() -> None:
    text = "Nach Angaben der Polizei sei der Zug entgleist."
    assert _common_word_problem("Angaben", text) and _common_word_problem("Handels-", text)
    assert _common_word_problem("Merz", text) is None and _common_word_problem("Olaf Scholz", text) is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Speicherung von Gesundheitsdaten", "Die Speicherung von Gesundheitsdaten sei unzulässig."),
        ("Erste Messungen", "Erste Messungen hätten ergeben, dass das Wasser sauber sei."),
        ("Verdächtigungen", "Verdächtigungen zufolge habe der Wirt das Geld genommen."),
        ("Genüsslich", "Genüsslich fügte er hinzu, man werde sehen."),
        ("FPÖ-nahe", "FPÖ-nahe Kreise sagten, der Minister trete zurück."),
        ("NATO-Erklärung", "Der NATO-Erklärung zufolge sei der Luftraum gesperrt."),
    ],
)
def test_the_check_finds_phrases_adjectives_and_abstract_nouns(name: str, text: str) -> None:
    assert _common_word_problem(name, text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Sprecherin der Stadtwerke", "Eine Sprecherin der Stadtwerke sagte, der Strom fließe wieder."),
        ("Regierungen von Deutschland und Frankreich", "Die Regierungen von Deutschland und Frankreich erklärten, ..."),
        ("Deutsche Welle", "Wie die Deutsche Welle berichtete, sei er zurückgetreten."),
        ("Wittig", "Wittig lehnte ab. „Das reicht nicht“, sagte Wittig am Montag."),
        ("SPD-Fraktion", "Die SPD-Fraktion lehnte ab."),
        ("SPD-Führung", "Die SPD-Führung lehnte ab."),
    ],
)
def test_the_check_passes_names_roles_and_bodies(name: str, text: str) -> None:
    assert _common_word_problem(name, text) is None


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
                span = q["speaker"]["span"]
                mention = texts[res["id"]][span[0] : span[1]] if span else None
                why = _common_word_problem(name, texts[res["id"]], mention)
                if why:
                    problems.append(f"{res['id']}: {name!r}: {why}")
    assert named, "speakers are still named"
    assert problems == []


@pytest.mark.parametrize(
    ("name", "text", "someone"),
    [
        # a German noun the text writes after its article is no name, however rare (wordfreq under 4)
        ("Sozialist", "Sánchez sprach. „Wir helfen“, sagte der Sozialist.", False),
        ("Gremium", "Das Gremium tagte. „Wir prüfen das“, teilte das Gremium mit.", False),
        ("Prediger", "„Kehrt um“, rief der Prediger.", False),
        # names are written without one ("der" of "von der" is a particle)
        ("Sánchez", "„Wir helfen“, sagte Sánchez.", True),
        ("Leyen", "„Wir helfen“, sagte Ursula von der Leyen. Von der Leyen blieb.", True),
        ("Reuters", "Das meldete Reuters am Abend.", True),
    ],
)
def test_a_noun_after_its_article_names_no_one(name: str, text: str, someone: bool) -> None:
    assert names_someone(name, TextWords(text)) is someone
