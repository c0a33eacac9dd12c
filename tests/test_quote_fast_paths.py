"""The quotation steps' fast paths give the answers of the plain computations they stand in for.

Each fast path (a per-sentence index, a per-word memo, a search by a range's periods) is compared with
the straightforward computation on German sentences of our own, including the edge cases the fast path
must hand back to the plain one (a range that cuts a word, a range across sentences).
"""

from __future__ import annotations

import math
import random
import re

import pytest

from briefing.extract.quotes import cues, quoted_speech, speakers
from briefing.extract.quotes.base import WORD
from briefing.extract.quotes.indirect import complement_quotes
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.linear import LinearModel
from briefing.extract.quotes.marks import find_pairs, mask_quotes
from briefing.extract.sentences import abbreviations, split_sentences

TEXTS = [
    "Bundeskanzler Friedrich Merz sagte am Montag in Berlin, die Lage sei ernst. CDU-Chef Jens Spahn widersprach.",
    "Nach Angaben der Polizei wurden drei Menschen verletzt. Nach Polizeiangaben war die Straße gesperrt.",
    "Die Ministerin Anna Roth und Außenamtssprecherin Maria Sacharowa trafen sich. Nach dem Spiel ging es weiter.",
    "Dr. Peter Huber, Prof. Eva Klein u. a. sprachen mit ver.di-Chef Frank Werneke in der U.S.A.-Botschaft.",
    "„Wir sind bereit“, sagte Kanzlerin Merkel.Als Nächstes sprach der Präsident. Das war es. Ende.",
    "Nach seiner Ansicht ist der Vorschlag gut. Seiner Meinung nach irrt der Minister Karl Lauterbach.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_source_noun_words_match_the_sentence_search(text: str) -> None:
    for sb, se in split_sentences(text):
        words = WORD.findall(text, sb, se)
        assert any(map(cues.ends_in_source_noun, words)) == bool(cues._SOURCE_NOUN.search(text, sb, se))


def test_source_noun_ends_a_compound_only_at_its_end() -> None:
    assert cues.ends_in_source_noun("Polizeiangaben")
    assert cues.ends_in_source_noun("ANGABEN")
    assert not cues.ends_in_source_noun("Angabenliste")


def _tokenise_plain(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for m in speakers.TOKEN.finditer(text, start, end):
        b, e, tok = m.start(), m.end(), m.group()
        if tok.endswith(".") and len(tok) > 2 and tok[:-1] not in abbreviations():
            e, tok = e - 1, tok[:-1]
        out.append((b, e, tok))
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_tokenise_gives_every_word_its_period_as_the_plain_reading(text: str) -> None:
    for start in range(0, len(text), 5):
        if start and not text[start - 1].isspace():
            continue  # blocks start after whitespace
        starts, toks = speakers._tokenise(text, start, len(text))
        assert toks == _tokenise_plain(text, start, len(text))
        assert starts == [b for b, _, _ in toks]



def _tokenise_whole_range(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The block tokeniser's reading as one findall over the whole range (its pieces carry the whitespace before
    them), with the period rule of :func:`_tokenise_plain`."""
    out, e = [], start
    for piece in speakers._SPACED_TOKEN.findall(text, start, end):
        e += len(piece)
        tok = piece.lstrip()
        b = e - len(tok)
        if tok.endswith(".") and len(tok) > 2 and tok[:-1] not in abbreviations():
            out.append((b, e - 1, tok[:-1]))
        else:
            out.append((b, e, tok))
    return out


PIECE_TEXTS = [
    "Um 20:15 Uhr stand es 2:0-Führung, sagte Dr. Huber: „Das war's.“ Dann (gegen 21 Uhr) kam ver.di.",
    "Die Quote stieg auf 3,5 Prozent; z.B. bei snake_case-Namen und/oder d’Alembert… Fertig!?",
    "Merkel.Als Nächstes:\tder U.S.A.-Besuch\u00a0am 3.10. in St. Gallen — «Ja», sagte sie. ½ oder ²?",
    "Ende.   ",
    "",
]


@pytest.mark.parametrize("text", PIECE_TEXTS)
def test_tokenise_piecewise_reads_as_one_findall_over_the_range(text: str) -> None:
    for start in range(len(text) + 1):
        if start and not text[start - 1].isspace():
            continue  # blocks start after whitespace ...
        for end in range(start, len(text) + 1):
            if end < len(text) and not text[end - 1 : end].isspace():
                continue  # ... and end after whitespace or with the text
            starts, toks = speakers._tokenise(text, start, end)
            assert toks == _tokenise_whole_range(text, start, end), (start, end)
            assert starts == [b for b, _, _ in toks]


def test_tokenise_piecewise_reads_mixed_characters_as_one_findall() -> None:
    alphabet = "aZäß09_ .,;:-’'/„“()!?\t\n\u00a0\u2009²½ǅ東"
    rng = random.Random(18)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        starts, toks = speakers._tokenise(text, 0, len(text))
        assert toks == _tokenise_whole_range(text, 0, len(text)), text
        assert starts == [b for b, _, _ in toks]


COMPLEMENT_TEXTS = [
    "Die Regierung geht davon aus, dass die Preise weiter steigen werden. Am Abend war es ruhig.",
    "Es wurde bekannt, dass der Minister zurücktreten will. Der Verband hält es für möglich, die Frist zu verlängern.",
    "Nach dem Spiel, das lange dauerte, gingen alle nach Hause. „Ein Titel“, hieß es, sei zu kurz.",
]


@pytest.mark.parametrize("text", COMPLEMENT_TEXTS)
def test_complement_quotes_pass_over_sentences_by_their_words_alone(text: str) -> None:
    pairs, _ = find_pairs(text)
    masked = mask_quotes(text, pairs)
    sents = split_sentences(text)
    words = [WORD.findall(masked, sb, se) for sb, se in sents]
    assert complement_quotes(text, masked, sents, [], words) == complement_quotes(text, masked, sents, [])


def test_a_complement_word_makes_a_quotation() -> None:
    text = COMPLEMENT_TEXTS[0]
    sents = split_sentences(text)
    found = complement_quotes(text, text, sents, [], [WORD.findall(text, sb, se) for sb, se in sents])
    assert [text[f.start : f.end] for f in found] == ["dass die Preise weiter steigen werden"]


def test_linear_model_sums_the_weights_in_the_features_order() -> None:
    model = LinearModel(0.3, {"a": 0.1, "b": -2.7, "c": 1e-9, "d": 3.3})
    feats = {"c": 0.7, "x": 1.0, "a": 0.123456789, "d": 1.0, "b": 0.5}
    z = model.bias + sum(model.weights.get(k, 0.0) * v for k, v in feats.items())
    assert model.probability(feats) == 1.0 / (1.0 + math.exp(-z))


VERB_SENTENCES = [
    "„Wir sind bereit“, sagte Außenamtssprecherin Maria Sacharowa am Montag.",
    "Der Minister, der gestern ankam, warnte die CDU vor einem Streit.",
    "Seine Werke werden von Kritikern als „Meilensteine“ bezeichnet, heißt es.",
    "Am Montag erklärte der Sprecher des Ministeriums, die Lage sei ernst.",
    "Die Vorsitzende der Gewerkschaft, Petra Sommer, würdigte den Plan als „mutig“.",
]


@pytest.mark.parametrize("text", VERB_SENTENCES)
def test_subject_for_verb_reads_the_same_from_the_sentence_tokens(text: str) -> None:
    pairs, _ = find_pairs(text)
    masked = mask_quotes(text, pairs)
    sb, se = 0, len(masked)
    toks = speakers.tokens(masked, sb, se)
    for t, (tb, te, _word) in enumerate(toks):
        for clause_start in {sb, toks[max(0, t - 2)][0], tb}:
            for clause_end in {te, se, toks[min(len(toks) - 1, t + 3)][0]}:
                if clause_end < te:
                    continue
                plain = speakers.subject_for_verb(masked, clause_start, tb, te, clause_end, sb)
                fast = speakers.subject_for_verb(masked, clause_start, tb, te, clause_end, sb, (sb, se, toks))
                assert fast == plain, (text, t, clause_start, clause_end)


def test_tokens_of_a_known_range_are_its_slice() -> None:
    text = "Dr. Peter Huber sagte, die U.S.A. seien ein Partner. Danach ging er."
    whole = speakers.tokens(text, 0, len(text))
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert speakers._tokens_in(text, start, end, (0, len(text), whole)) == speakers.tokens(text, start, end)


def test_the_word_before_a_quotation_as_a_search_of_the_window_finds_it() -> None:
    search = re.compile(r"(\w+)\W{0,3}$")
    text = "Der Radiosender „Deutschlandfunk“ sagte ... „A“\nund dann: – „B“ (so) … x\n\n„C“ Wort.\nEnde  ...  \n"
    for pos in range(len(text) + 1):
        m = search.search(text, max(0, pos - quoted_speech.LOOK_BEHIND_CHARS), pos)
        assert quoted_speech._word_before(text, pos) == ((m.group(1), m.start(1)) if m else ("", -1)), pos


IERE_TEXT = (
    "Er sagte, das resultiere aus Fehlern; man studiere die Papiere. Die schiere Menge existiere nicht, "
    "kritisierte sie.Die Partei formuliere, iere-iere, Wörter_iere und Regiere!"
)


def test_konjunktiv_iere_words_from_the_words_are_the_search_from_each_letter() -> None:
    # konjunktiv_words reads the -iere forms from a range's \w+ words; the search it replaces found a
    # \w*iere(?!\w) match at the first word character it could: the same whole words, for every range
    search = re.compile(r"\w*iere(?!\w)")
    text = IERE_TEXT
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 3):
            words = WORD.findall(text, start, end)
            assert [w for w in words if w.endswith("iere")] == search.findall(text, start, end), (start, end)
    # resultiere, studiere, existiere, formuliere; not Papiere, Regiere (capitalised) or schiere (too short)
    assert konjunktiv_words(text, 0, len(text)) == 4
