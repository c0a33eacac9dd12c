"""Who said it: German attribution patterns, on sentences written for these tests.

Each case names the quotation (a fragment of it) and the words the speaker mention must
contain; a speaker from elsewhere in the text is the mistake each case guards against.
"""

from __future__ import annotations

import re

import pytest

from briefing.extract.sentences import split_sentences
from tests.quote_helpers import quotes_of


def _quotes(text: str):
    return quotes_of(text)


def _speaker_of(text: str, fragment: str) -> str | None:
    hits = [q for q in _quotes(text) if fragment in q.text]
    assert hits, f"no quotation containing {fragment!r}"
    return hits[0].speaker_text


PASSIVE_AGENT = [
    # The agent of a passive speech or naming verb ("von"/"vom" + noun phrase) said it,
    # not the person of the previous sentence.
    (
        "Bürgermeisterin Anna Kolbe eröffnete die Brücke am Morgen. Das Bauwerk wird von Fachleuten "
        "als „Wahrzeichen der neuen Stadt“ bezeichnet.",
        "Wahrzeichen",
        "Fachleuten",
    ),
    (
        "Minister Paul Brandt besuchte das Gebiet. Die Lage wurde vom Katastrophenschutz als "
        "„äußerst angespannt“ eingestuft.",
        "angespannt",
        "Katastrophenschutz",
    ),
    (
        "Trainer Jens Hoff war zufrieden. Die Stadt wurde vom Verband aufgefordert, die Halle "
        "bis zum Sommer zu sanieren.",
        "die Halle",
        "Verband",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), PASSIVE_AGENT)
def test_the_agent_of_a_passive_speech_verb_is_the_speaker(text: str, fragment: str, speaker: str) -> None:
    assert speaker in (_speaker_of(text, fragment) or "")


def test_a_name_particle_is_not_a_passive_agent() -> None:
    text = (
        "Die Einigung wurde von Ursula von der Leyen als „historischer Schritt“ bezeichnet, "
        "sagte ein Sprecher."
    )
    speaker = _speaker_of(text, "historischer Schritt") or ""
    assert "Leyen" in speaker


def test_an_active_naming_verb_keeps_its_subject() -> None:
    text = "Die Gewerkschaft bezeichnete das Angebot von Montag als „blanken Hohn“."
    assert "Gewerkschaft" in (_speaker_of(text, "blanken Hohn") or "")


def test_sentences_glued_without_a_space_are_two() -> None:
    # A paragraph break lost in copying: the second sentence's speaker is its own subject.
    text = (
        "„Wir halten Wort“, sagte Kanzlerin Petra Adler.Als „verpasste Chance“ bewertete der "
        "Fraktionschef der Grünen, Tim Berger, den Gipfel."
    )
    assert "Adler" in (_speaker_of(text, "Wir halten Wort") or "")
    assert "Fraktionschef" in (_speaker_of(text, "verpasste Chance") or "")
    sents = split_sentences(text)
    assert [text[b:e] for b, e in sents][0].endswith("Adler.")


def test_lowercase_after_a_period_stays_one_word() -> None:
    text = "Laut ndr.de trat ver.di gestern aus. Das sagte er bzw. sein Sprecher."
    assert len(split_sentences(text)) == 2


def _record(text: str, fragment: str):
    hits = [q for q in _quotes(text) if fragment in q.text]
    assert hits, f"no quotation containing {fragment!r}"
    return hits[0]


def test_demnach_is_the_mention_and_the_source_its_name() -> None:
    # The span points where this sentence names its source ("Demnach"); the name is the source.
    text = (
        "Das Statistische Landesamt legte am Montag seinen Jahresbericht vor. Demnach sei die Zahl "
        "der Einwohner im vergangenen Jahr um zwei Prozent gestiegen."
    )
    q = _record(text, "Zahl der Einwohner")
    assert q.speaker_text == "Demnach"
    assert text[q.speaker_start : q.speaker_end] == "Demnach"


def test_wonach_is_the_mention_of_the_document_before_it() -> None:
    text = (
        "Die Zeitung zitierte aus einem internen Papier der Bahn, wonach die Strecke erst im "
        "Jahr 2030 fertig werde."
    )
    q = _record(text, "Strecke")
    assert q.speaker_text == "wonach"


def test_nach_eigenen_angaben_names_the_clause_subject() -> None:
    text = "Der Autohersteller Velora hat nach eigenen Angaben im Sommer 4000 Wagen verkauft."
    q = _record(text, "4000 Wagen")
    assert q.speaker_text == "eigenen Angaben"
    assert q.speaker_name and "Velora" in q.speaker_name


def test_a_surname_with_particles_after_the_verb_is_the_speaker() -> None:
    text = (
        "Kommissionspräsidentin Ursula von der Leyen reiste nach Rom. „Wir brauchen Planungssicherheit“, "
        "sagte von der Leyen am Abend."
    )
    q = _record(text, "Planungssicherheit")
    assert q.speaker_text == "von der Leyen"
    assert q.speaker_name == "von der Leyen"


def test_a_dative_passive_agent_is_the_speaker() -> None:
    text = "Die Ministerin stellte den Plan vor. Der Plan wurde von den Grünen als „halbherzig“ bezeichnet."
    assert _speaker_of(text, "halbherzig") == "den Grünen"


def test_a_pronoun_takes_the_person_not_a_city_speaking_by_metonymy() -> None:
    text = (
        "Die Landwirtschaftsministerin Claire Dubois wies die Vorwürfe zurück. Paris halte sich an alle "
        "Absprachen, sagte Dubois. Paris verteidige nur, was vereinbart worden sei. Sie kündigte an, "
        "beim nächsten Agrarrat einen eigenen Vorschlag vorzulegen."
    )
    assert "Dubois" in (_record(text, "eigenen Vorschlag").speaker_name or "")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "Lissabon" is the subject of the sentence before the quote; "er" is the minister named before it,
        # not the earlier speaker Novak.
        (
            "Der tschechische Minister Jan Novak erklärte, Prag werde dem Plan nicht zustimmen. "
            "Portugals Finanzminister Rui Almeida enthielt sich. Lissabon hatte Einwände gegen die Fristen "
            "erhoben. „Wir brauchen mehr Zeit für die Umsetzung“, sagte er.",
            "Rui Almeida",
        ),
        # "Paris" opens its sentence and is named nowhere else: still a place, not an adverb before the subject.
        (
            "Der polnische Minister Adam Nowak erklärte, Warschau werde nicht zustimmen. Frankreichs "
            "Innenminister Louis Girard enthielt sich. Paris hatte Einwände gegen die Fristen erhoben. "
            "„Wir brauchen mehr Zeit für die Umsetzung“, sagte er.",
            "Louis Girard",
        ),
    ],
)
def test_a_pronoun_skips_a_capital_speaking_by_metonymy_to_the_person_named_before_it(text: str, name: str) -> None:
    assert _record(text, "mehr Zeit").speaker_name == name


def test_a_pronoun_still_falls_back_to_the_quoted_speaker_when_only_a_place_comes_between() -> None:
    text = (
        "„Das ist ein schlechter Tag für Europa“, sagte der Ministerpräsident Lars Berg. "
        "Stockholm hatte lange gezögert. „Wir tragen die Entscheidung trotzdem mit“, sagte er."
    )
    assert _record(text, "trotzdem mit").speaker_name == "Lars Berg"


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # A demonym names the person just introduced, when nothing says she is of another country.
        (
            "EU-Agrarkommissar Christophe Hansen stellte den Plan vor. „Die Bauern brauchen Planungssicherheit“, "
            "sagte der Luxemburger in Brüssel.",
            "Planungssicherheit",
            "Christophe Hansen",
        ),
        (
            "Die italienische Regierungschefin Giulia Conti wies die Kritik zurück. „Wir halten uns an jede "
            "Regel“, sagte die Italienerin.",
            "jede Regel",
            "Giulia Conti",
        ),
        # An age or a party stands for the person too.
        (
            "Bürgermeister Tobias Reiter eröffnete die Brücke. „Das war ein langer Weg“, sagte der 58-Jährige.",
            "langer Weg",
            "Tobias Reiter",
        ),
        (
            "Landrätin Petra Vogl lehnte den Antrag ab. „Dafür fehlt das Geld“, sagte die CSU-Politikerin.",
            "fehlt das Geld",
            "Petra Vogl",
        ),
        # a demonym by the regular adjective ("Estin": estnisch, Estland)
        (
            "EU-Kommissarin Liis Tamm stellte den Bericht vor. „Wir sind auf Kurs“, sagte die Estin.",
            "auf Kurs",
            "Liis Tamm",
        ),
    ],
)
def test_an_epithet_names_the_person_just_introduced(text: str, fragment: str, name: str) -> None:
    assert _record(text, fragment).speaker_name == name


@pytest.mark.parametrize(
    "text",
    [
        # The person named before is of another country than the demonym says: no guess.
        "Frankreichs Präsident Louis Martin sprach von Fortschritt. „Es reicht nicht“, sagte der Österreicher.",
        # ... or of the other gender than the article says.
        "Ministerin Clara Weiss sprach von Fortschritt. „Es reicht nicht“, sagte der 61-Jährige.",
    ],
)
def test_an_epithet_that_fits_no_one_named_before_stays_unnamed(text: str) -> None:
    assert _record(text, "reicht nicht").speaker_name is None


def test_a_pronoun_agrees_in_gender_with_its_antecedent() -> None:
    # "er" cannot be the minister named last ("Ministerin Anna Roth"): it is Peter Lang.
    text = (
        "„Wir bleiben hart“, sagte Fraktionschef Peter Lang. „Die Reform kommt“, sagte Ministerin Anna Roth. "
        "Er kündigte an, im Herbst einen eigenen Entwurf vorzulegen."
    )
    assert _record(text, "eigenen Entwurf").speaker_name == "Peter Lang"


def test_a_capitalised_adverbial_before_the_verb_is_no_speaker() -> None:
    text = "Offiziell geht die Regierung davon aus, dass der Streik bald endet."
    speaker = _speaker_of(text, "Streik bald endet") or ""
    assert "Regierung" in speaker and "Offiziell" not in speaker


def test_a_name_with_an_adjective_ending_stays_the_speaker() -> None:
    text = "Hellwig sagte, der Streik ende bald."
    assert _speaker_of(text, "Streik ende bald") == "Hellwig"


def test_a_relative_pronoun_is_the_mention_of_its_antecedent() -> None:
    q = _record("Kritik kam von Peter Huber, der behauptet, die Reform sei zu teuer.", "Reform sei zu teuer")
    assert q.speaker_text == "der" and q.speaker_name == "Peter Huber"


def test_an_article_after_a_comma_opens_no_relative_clause() -> None:
    q = _record("Er sagte am Abend, die Regierung erklärte, man werde klagen.", "man werde klagen")
    assert q.speaker_text != "die"


def _name_of_speaker(text: str, fragment: str) -> str | None:
    hits = [q for q in _quotes(text) if fragment in q.text]
    assert hits, f"no quotation containing {fragment!r}"
    return hits[0].speaker_name


def test_a_bare_title_is_the_person_named_with_it_just_before() -> None:
    text = (
        "Gesundheitsminister Yannick Neuder sagte der Zeitung, sein Land habe gelernt. "
        "„Heute rufen wir jeden an, der sich registriert hat“, sagte der Minister."
    )
    assert _name_of_speaker(text, "Heute rufen") == "Yannick Neuder"


def test_a_bare_title_with_two_holders_in_reach_stays_a_title() -> None:
    # Two ministers just before: "der Minister" could be either, so no name is guessed.
    text = (
        "Gesundheitsminister Karl Brandt traf Umweltminister Paul Weber in Berlin. "
        "„Wir arbeiten eng zusammen“, sagte der Minister."
    )
    assert _name_of_speaker(text, "eng zusammen") == "Minister"


def test_a_title_of_the_other_gender_is_not_its_holder() -> None:
    text = (
        "Gesundheitsministerin Anna Kolbe eröffnete die Klinik. "
        "„Das ist ein guter Tag“, sagte der Minister."
    )
    assert _name_of_speaker(text, "guter Tag") == "Minister"


# ------------------------------------------------------------------ word helpers, against their plain patterns


@pytest.mark.parametrize(
    "text",
    [
        "Der Film heißt",
        "Sie nannte das ... ",
        "so genannte (…) ",
        "Er rief: „",
        "Zeile eins, Ende.\n",
        "Ende ...\n",
        "Ende ....\n",
        "Ende\n\n",
        "„",
        "",
        "ein_wort!? ",
        "Ein sehr langer Satz, der weit mehr als vierzig Zeichen vor dem Wort hat",
    ],
)
def test_word_before_is_what_the_search_from_every_position_found(text: str) -> None:
    from briefing.extract.quotes.direct import _word_before

    for pos in range(-1, len(text) + 2):
        m = re.search(r"(\w+)\W{0,3}$", text[max(0, pos - 40) : pos])
        assert _word_before(text, pos) == (m.group(1) if m else ""), (text, pos)


@pytest.mark.parametrize(
    "tok", ["Merkel", "merkel", "el-Baradei", "al-Sadr", "ai-Bericht", "ndr.de", "spiegel.de", "ver.di", "2-jährig",
            "x-beliebig", "abcd-Efg", "-", ".", "z.B.", "1.", "Ärger", "ärger"]
)
def test_is_cap_is_the_test_of_all_its_patterns(tok: str) -> None:
    from briefing.extract.quotes import speakers

    plain = (
        tok[:1].isupper()
        or (tok[:1].isdigit() and "-" in tok)
        or bool(speakers._PARTICLE_NAME.match(tok))
        or bool(speakers._DOMAIN.match(tok))
        or tok.rpartition("-")[2][:1].isupper()
    )
    assert speakers._is_cap(tok) == plain


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nach NATO-Angaben sind rund 300 Soldaten im Einsatz.", "NATO"),
        ("Nach UNHCR-Informationen sind rund 2000 Menschen geflohen.", "UNHCR"),
        ("Nach Polizeiangaben wurden drei Menschen verletzt.", None),
    ],
)
def test_a_source_noun_compound_names_its_prefix_or_no_one(text: str, name: str | None) -> None:
    assert _quotes(text)[0].speaker_name == name


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # an age epithet right before the quotation is the pronoun's antecedent, not the body quoted earlier
        ("Der Dirigent Kent Nagano erhält den Musikpreis. Das teilte der Deutsche Musikrat mit, Nagano habe "
         "die Oper geprägt, hieß es. Der 75-Jährige zeigte sich überrascht. „Das freut mich sehr“, sagte er.",
         "freut mich", "Kent Nagano"),
        ("Die Schauspielerin Iris Berben wird ausgezeichnet. Das gab die Filmakademie bekannt, Berben habe das "
         "Kino geprägt. Die 76-Jährige zeigte sich gerührt. „Ich bin dankbar“, sagte sie.", "dankbar",
         "Iris Berben"),
    ],
)
def test_a_pronoun_after_an_age_epithet_is_the_person_it_describes(text: str, fragment: str, name: str) -> None:
    assert _record(text, fragment).speaker_name == name
