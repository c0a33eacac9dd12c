"""The language-data package: one loader, one definition of particles, auxiliaries and clause ends,
one "same person?" matcher."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest

from briefing import lang
from briefing.lang import de
from briefing.lang.names import same_person, split_name, surname_key, surnames_match


def test_entries_skip_comments_and_blank_lines() -> None:
    entries = lang.entries("auxiliaries.txt")
    assert entries and not any(e.startswith("#") or not e for e in entries)


def test_rows_split_fields_and_word_set_lowercases_the_first() -> None:
    assert ("hatte", "haben", "past") in lang.rows("auxiliaries.txt")
    assert "hatte" in lang.word_set("auxiliaries.txt")
    assert all(w == w.lower() for w in lang.word_set("roles.txt"))


def test_list_spanning_languages() -> None:
    assert any(e.startswith("de ") for e in lang.entries("function_words.txt", lang=None))


def test_missing_file_is_a_clear_error() -> None:
    with pytest.raises(lang.LanguageDataError, match="reinstall briefing"):
        lang.entries("no_such_list.txt")


def test_every_list_is_package_data() -> None:
    """pyproject.toml ships lang/*.txt and lang/de/*.txt: no list may sit elsewhere in the package."""
    from importlib import resources

    root = resources.files("briefing")
    stray = [
        p.name
        for stage in ("extract", "assemble")
        for p in root.joinpath(stage).iterdir()
        if p.name in ("lexicons", "data")
    ]
    assert stray == []


def test_particles_one_definition() -> None:
    assert de.GERMAN_PARTICLES <= de.NAME_PARTICLES and de.OPENING_PARTICLES <= de.NAME_PARTICLES
    assert {"von", "der", "zu"} <= de.GERMAN_PARTICLES
    assert "von" in de.OPENING_PARTICLES and "der" not in de.OPENING_PARTICLES and "zu" not in de.OPENING_PARTICLES


def test_future_auxiliaries_come_from_the_auxiliary_list() -> None:
    assert de.auxiliary_forms("werden", ("present", "konj1")) == {"wird", "werden", "werde", "wirst", "werdet"}
    assert "wurde" in de.AUXILIARIES and "wurde" not in de.auxiliary_forms("werden", ("present",))


def test_clause_ends() -> None:
    assert de.CLAUSE_PUNCT <= de.CLAUSE_END and de.COORDINATORS <= de.CLAUSE_END and "." in de.CLAUSE_END


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Wolodymyr Selenskyj", "Selenskij", True),
        ("Wolodymyr Selenskyj", "Wolodmyr Selenskyj", True),
        ("Ursula von der Leyen", "von der Leyen", True),
        ("Marija Sacharowa", "Maria Sacharowa", True),
        ("W. Selenskyj", "Wolodymyr Selenskyj", True),
        ("Emmanuel Macron", "Brigitte Macron", False),
        ("Friedrich Merz", "Friedrich März", False),
        ("Heribert Rech", "Recht", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_split_name_keeps_particles_with_the_surname() -> None:
    assert split_name("Ursula von der Leyen") == ("Ursula", "von der Leyen")
    assert split_name("Jaap de Hoop Scheffer") == ("Jaap de Hoop", "Scheffer")
    assert surname_key("Ursula von der Leyen") == "leien"
    assert not surnames_match("rech", "recht")  # short names may not differ by an edit


@pytest.mark.parametrize("word", ["Angaben", "außen", "Außenminister", "sicherheits", "Merz", "garantien", "xqzv"])
def test_word_frequencies_match_wordfreq_without_importing_it(word: str) -> None:
    """Our reader of wordfreq's small German list gives wordfreq's own Zipf value (casefolded: ß as ss)."""
    from wordfreq import zipf_frequency

    from briefing.lang.frequency import zipf

    assert zipf(word) == zipf_frequency(word, "de", wordlist="small")


def test_reading_word_frequencies_does_not_import_wordfreq() -> None:
    code = ("import sys; from briefing.lang.frequency import zipf; assert zipf('Angaben') > 4; "
            "assert 'wordfreq' not in sys.modules and 'ftfy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- word alternations


_SOURCE_WORDS = ["angabe", "angaben", "analyse", "analysen", "ansicht", "bericht", "berichten", "worten", "ort"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("nach Angaben der Polizei", ["Angaben"]),
        ("nach Polizeiangaben", ["angaben"]),
        ("nach eigener Ansicht und Analyse", ["Ansicht", "Analyse"]),
        ("laut Berichten aus Ort und Stelle", ["Berichten", "Ort"]),
        ("mit anderen Worten: keine", ["Worten"]),
        ("Angabex", []),
    ],
)
def test_word_alternation_finds_the_longest_word_ending_a_word(text: str, found: list[str]) -> None:
    from briefing.lang.patterns import word_alternation

    pattern = re.compile("(?:" + word_alternation(_SOURCE_WORDS) + r")(?!\w)", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer(text)] == found


def test_word_alternation_matches_what_a_longest_first_alternation_matches() -> None:
    """Same matches (positions and text) as the plain alternation, on random words and texts."""
    from briefing.lang.patterns import word_alternation

    rnd = random.Random(7)
    for _ in range(300):
        words = {"".join(rnd.choice("abcß.") for _ in range(rnd.randint(1, 5))) for _ in range(rnd.randint(1, 12))}
        plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))), re.IGNORECASE)
        trie = re.compile(word_alternation(words), re.IGNORECASE)
        text = "".join(rnd.choice("abcßABC. ") for _ in range(60))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert re.fullmatch(word_alternation([]), "") is None  # no words: never matches


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Franzose", "Frankreich"),  # listed
        ("Slowake", "Slowakei"),  # the regular pattern: "slowak-isch"
        ("Italienerin", "Italien"),
        ("Spanier", "Spanien"),
        ("Ungar", "Ungarn"),
        ("Minister", None),
        ("Berliner", None),  # a city's people: no country adjective "berlinisch" is listed
        ("Kaiser", None),
    ],
)
def test_demonym_country(word: str, country: str | None) -> None:
    from briefing.lang.de import demonym_country

    assert demonym_country(word) == country


def test_a_bare_demonym_nobody_is_linked_to_is_no_name_to_show() -> None:
    from briefing.extract.quotes import extract_quotes, to_records
    from briefing.extract.sentences import split_sentences

    text = "Der Kommissar verteidigte die Zölle. „Wir schützen keine Industrie vor Wettbewerb“, sagte der Slowake."
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    (q,) = [q for q in to_records(text, found, sents) if "Wettbewerb" in q.text]
    assert q.speaker_text == "der Slowake" and q.speaker_name is None
