"""Which phrase of the quotation's own sentence is its speaker: German word orders, on sentences
written for these tests.

Each case names the quotation (a fragment of it), the words the speaker mention must contain
and, where the mistake is a known one, the words it must not contain: another phrase of the same
sentence (an object, a date, a subheading, a quoted name cut off) is what each case guards against.
"""

from __future__ import annotations

import pytest

from briefing.extract.quotes import extract_quotes, to_records
from briefing.extract.quotes.speakers import Phrase, person_score
from briefing.extract.sentences import split_sentences
from tests.quote_helpers import quote_containing


def _speaker_of(text: str, fragment: str) -> str:
    # the quotation in marks, where there is one
    return quote_containing(text, fragment, direct_first=True).speaker_text or ""


AUXILIARY_IS_THE_VERB = [
    # An auxiliary ends like an adjective ("hatte", "habe") but is the finite verb: the subject
    # after it is the speaker, not the adverbial or the glued subheading before it.
    (
        "Die Bewerbung läuft. Rückhalt aus Berlin Bereits im Dezember hatte Bundeskanzlerin Angela Merkel "
        "in einer Rede verkündet: „Wir unterstützen die Bewerbung des Verbands mit aller Kraft.“",
        "Wir unterstützen",
        "Angela Merkel",
        "Rückhalt",
    ),
    (
        "Die Verhandlungen stocken. Schon am Morgen hatte der Verhandlungsführer Tom Berger im Radio "
        "erklärt: „Ohne neue Zahlen gibt es keine Einigung in dieser Woche.“",
        "Ohne neue Zahlen",
        "Tom Berger",
        None,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker", "not_speaker"), AUXILIARY_IS_THE_VERB)
def test_the_subject_after_an_auxiliary_is_the_speaker(
    text: str, fragment: str, speaker: str, not_speaker: str | None
) -> None:
    got = _speaker_of(text, fragment)
    assert speaker in got
    assert not_speaker is None or not_speaker not in got


@pytest.mark.parametrize(
    "words",
    [["Anfang", "Juli"], ["letzten", "September"], ["Ende", "Januar"], ["Montag"], ["am", "Freitag"]],
)
def test_a_date_is_no_speaker(words: list[str]) -> None:
    text = " ".join(words)
    assert person_score(Phrase(0, len(text), text)) < 0


@pytest.mark.parametrize("words", [["Ministerin", "Eva", "Juli"], ["Die", "Zeitung", "vom", "Montag"]])
def test_a_phrase_that_only_mentions_a_date_is_not_one(words: list[str]) -> None:
    text = " ".join(words)
    assert person_score(Phrase(0, len(text), text)) >= 0


def test_a_date_after_the_auxiliary_does_not_beat_the_subject() -> None:
    text = (
        "Der Streit dauert an. Der arabische Fernsehsender Al Arabija hatte Anfang Juli berichtet, "
        "die Gespräche seien „endgültig gescheitert“ und würden nicht fortgesetzt."
    )
    got = _speaker_of(text, "gescheitert")
    assert "Al Arabija" in got
    assert "Juli" not in got


QUOTED_NAMES = [
    # A short quoted name inside the speaker's noun phrase belongs to it: after an article, in
    # apposition after its noun, or as the inverted subject right after the verb.
    (
        "Die Partei streitet. Selbst die linke Wochenzeitung „Neue Stimme“ hatte im Frühjahr kritisiert, "
        "dass sie „für ihre Nähe zu radikalen Gruppen“ bekannt sei.",
        "radikalen Gruppen",
        "Neue Stimme",
    ),
    (
        "Die Firma wächst. Ein Sprecher der „Solar Nord AG“ bezeichnet den Kauf der Anteile als "
        "„strategisch wichtig“ und verweist auf das neue Werk.",
        "strategisch",
        "Sprecher der „Solar Nord AG“",
    ),
    (
        # the medium quotes; the one it quotes spoke
        "„Das wird die größte Neuerung seit Jahren“, zitiert die „Technikwoche“ den Entwickler in einem Bericht.",
        "größte Neuerung",
        "den Entwickler",
    ),
    (
        "„Sie war die leiseste Stimme und die klügste im ganzen Saal“, schrieb „Die Woche“ in einem Nachruf.",
        "leiseste Stimme",
        "„Die Woche“",
    ),
    (
        "Die Bewerbung steht. Ende Januar verkündete der „Deutsche Hockey-Bund“ dann offiziell: "
        "„Wir bewerben uns um die Weltmeisterschaft des Jahres 2030.“",
        "Wir bewerben",
        "Deutsche Hockey-Bund",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), QUOTED_NAMES)
def test_a_quoted_name_in_the_speaker_phrase_is_kept(text: str, fragment: str, speaker: str) -> None:
    assert speaker in _speaker_of(text, fragment)


def test_a_quoted_name_in_a_passive_keeps_the_one_quoted() -> None:
    # "X wird von der „Zeitung“ zitiert": the majority of the annotation names the person quoted.
    text = (
        "Der Fraktionschef der Grünen, Paul Weber, wird von der „Abendpost“ mit den Worten zitiert: "
        "„Der Bürgermeister ist angeschlagen. Das wird ihm lange nachhängen.“"
    )
    assert "Paul Weber" in _speaker_of(text, "angeschlagen")


def test_a_quoted_judgement_after_an_object_ends_its_clause() -> None:
    # "nannte seinen Platzverweis „überzogen“, Y bezeichnete …": the quotation is no name of the
    # object, and the second clause has its own subject.
    text = (
        "Der Stürmer Tim Graf nannte seinen Platzverweis „überzogen“, Trainer Max Roth bezeichnete die "
        "vielen Karten in einem fairen Spiel als „übertrieben“."
    )
    assert "Max Roth" in _speaker_of(text, "übertrieben")
    assert "Tim Graf" in _speaker_of(text, "überzogen")


def test_the_speaker_text_shows_the_quoted_name_not_the_mask() -> None:
    text = "„Das wird die größte Neuerung seit Jahren“, zitiert die „Technikwoche“ den Entwickler."
    got = _speaker_of(text, "größte Neuerung")
    assert "_" not in got


def test_an_accusative_object_first_leaves_the_subject_after_the_verb() -> None:
    text = (
        "Die Kritik hält an. Den Vorwurf der Opposition wies der Verband am Abend als "
        "„völlig haltlos und politisch motiviert“ zurück."
    )
    got = _speaker_of(text, "haltlos")
    assert "Verband" in got
    assert "Vorwurf" not in got


EMBEDDED_QUOTATIONS = [
    # A quotation introduced by "als"/"von" inside the clause is no clause break: the clause's
    # subject before it is the speaker of the verb after it.
    (
        "Der Bericht ist heikel, weil die Regierung das Nachbarland im Frühjahr als "
        "„verlässlichen und mutigen Partner“ bezeichnet hat.",
        "verlässlichen",
        "die Regierung",
    ),
    (
        "Die Landesregierung hatte den Bericht der Zeitung am Abend als „falsch“ zurückgewiesen.",
        "falsch",
        "Die Landesregierung",
    ),
    (
        "Die Angreifer hinterließen auf der Seite eine Botschaft, welche die Techniker der Universität "
        "als „einen Haufen von Anfängern“ bezeichnete.",
        "Anfängern",
        "eine Botschaft",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), EMBEDDED_QUOTATIONS)
def test_a_quotation_inside_the_clause_keeps_the_clause_subject(text: str, fragment: str, speaker: str) -> None:
    assert _speaker_of(text, fragment).startswith(speaker)


def test_the_subject_of_a_passive_is_not_the_speaker_of_its_quotation() -> None:
    # "werden die Vorkehrungen als „extrem“ bezeichnet": what the quotation names, not who said it.
    text = (
        "In einem Bericht des Senders werden die Vorkehrungen anlässlich des Gipfeltreffens als "
        "„extrem“ bezeichnet. Tausende Beamte sind im Einsatz."
    )
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    hits = [q for q in to_records(text, found, sents) if "extrem" in q.text]
    assert all("Vorkehrungen" not in (q.speaker_text or "") for q in hits)


def test_the_list_member_before_the_colon_said_it() -> None:
    text = (
        "Viele Staatschefs gratulierten, so der französische Präsident Paul Martin, die Leiterin der "
        "Weltbank, Ana Costa, und der finnische Ministerpräsident Mikko Lahti: „Der Preis kommt genau "
        "zur rechten Zeit und ist verdient.“"
    )
    got = _speaker_of(text, "rechten Zeit")
    assert "Mikko Lahti" in got
    assert "Paul Martin" not in got


def test_a_plain_object_list_before_the_colon_does_not_take_the_quotation() -> None:
    text = (
        "Kanzlerin Eva Brandt sagte am Montag vor Journalisten und Parteifreunden: „Wir werden die "
        "Reform noch in diesem Jahr beschließen.“"
    )
    assert "Eva Brandt" in _speaker_of(text, "Reform")


def test_the_speech_verb_before_a_marker_names_the_speaker() -> None:
    # "sagte die Kanzlerin Teilnehmern zufolge: „…“": the marker names who passed the words on.
    text = (
        "In der Fraktion sagte die Ministerin einigen Teilnehmern zufolge: „Er war ein Stabilisator. "
        "Er stand für die Vernunft in seiner Partei.“"
    )
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    quotes = to_records(text, found, sents)
    direct = [q for q in quotes if "Stabilisator" in q.text]
    assert direct and "Ministerin" in (direct[0].speaker_text or "")
    assert not [q for q in quotes if q.kind == "indirect" and "Teilnehmern zufolge" in q.text]


def test_words_quoted_inside_a_dass_clause_are_its_subjects() -> None:
    text = (
        "Der Sender will erfahren haben, dass Trainer Karl Mohr die Spielerin gefragt habe, was sie „am Abend vorhabe“."
    )
    got = _speaker_of(text, "am Abend vorhabe")
    assert "Karl Mohr" in got
    assert "Sender" not in got


def test_a_compound_with_a_lowercase_first_part_is_a_noun() -> None:
    # "documenta-Homepage", "taz-Reporter": a German compound takes the case of its last part.
    text = (
        "Das Festival hat ein neues Zeichen. Auf der kunstmesse-Homepage heißt es zur Begründung, warum man "
        "es gewählt hat: „Die Striche stehen für die zwölf Tage der Ausstellung im Sommer.“"
    )
    assert "kunstmesse-Homepage" in _speaker_of(text, "zwölf Tage")


def test_a_quoted_name_between_quotation_and_passive_cue_is_no_break() -> None:
    # "„…“ wird der Franzose im Fachblatt „…“ zitiert": the medium's quoted name sits inside the clause.
    text = (
        "Der Teamchef stellte sich vor seine Fahrer: „Er ist immer noch der Meister, den wir alle "
        "schätzen gelernt haben“ wird der Italiener im spanischen Fachblatt „El Motor Diario“ zitiert."
    )
    assert "der Italiener" in _speaker_of(text, "Meister")


def test_laut_right_before_the_quotation_names_its_speaker() -> None:
    text = (
        "Seit man laut Chefärztin Dr. Maria Lenz „heute Paaren helfen kann, deren Behandlung früher "
        "undenkbar war“, suchen die Forscher nach neuen Wegen."
    )
    got = _speaker_of(text, "Paaren helfen")
    assert "Maria Lenz" in got
    assert "Forscher" not in got


def test_a_verb_in_a_closed_relative_clause_does_not_take_the_quotation() -> None:
    text = (
        "Laut Münchner Polizei ist die Kundgebung, zu der ein Bündnis von vierzig Vereinen aufgerufen "
        "hatte, „weitgehend friedlich“ verlaufen."
    )
    got = _speaker_of(text, "friedlich")
    assert "Polizei" in got
    assert "Kundgebung" not in got


def test_a_relative_clause_of_the_previous_sentence_does_not_hide_the_cue() -> None:
    text = (
        "Es gebe viele Kranke, die keinen Zugang zu Ärzten hätten. Der Sender Radio Nord zitiert aus "
        "einem Bericht, wonach der Präsident den Industrieländern die Schuld gibt, deren „völlig "
        "entfesselte Industrie“ die Erde zerstöre."
    )
    assert "Radio Nord" in _speaker_of(text, "entfesselte Industrie")


def test_a_subject_with_appositions_before_the_verb_is_not_a_fronted_clause() -> None:
    # The comma before the verb closes an apposition, not a fronted clause: the object after the
    # verb is not the speaker.
    text = (
        "Heinz Brand lebte zuletzt in Stuttgart. Die Vorsitzende der Gewerkschaft ver.di, Nachfolgerin der "
        "alten Gewerkschaft, Petra Sommer, würdigte Brand heute als „eine große Persönlichkeit und einen "
        "mutigen Gewerkschafter“."
    )
    got = _speaker_of(text, "große Persönlichkeit")
    assert "Petra Sommer" in got
    assert "Brand" not in got.replace("Petra Sommer", "")


def test_an_adverb_before_the_adjective_stays_in_the_speaker_phrase() -> None:
    text = (
        "Die Firma wächst. Ein nicht genannter Vertreter der Firma bezeichnet ihre Beteiligung von fünf "
        "Prozent als „strategisch“ und verweist auf das neue Werk."
    )
    got = _speaker_of(text, "strategisch")
    assert "Vertreter der Firma" in got
    assert "Beteiligung" not in got


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Der Minister sei am Morgen zurückgetreten, meldete die Nachrichtenagentur am Abend.",
            "zurückgetreten",
            "Nachrichtenagentur",
        ),
        (
            "Die Ministerin, die seit Jahren im Amt ist, sei zurückgetreten, berichtete die Zeitung.",
            "zurückgetreten",
            "Zeitung",
        ),
    ],
)
def test_a_fronted_reported_clause_leaves_the_subject_after_the_verb(text: str, fragment: str, speaker: str) -> None:
    # Unlike a subject with appositions, a fronted clause ends in its verb: the speaker follows the cue.
    assert speaker in _speaker_of(text, fragment)


def test_an_adverb_inside_a_participle_attribute_stays_in_the_source() -> None:
    text = (
        "„Nach der heftigen Kritik bitte ich um die Rücknahme meiner Ernennung“, heißt es in einer gestern "
        "verbreiteten Erklärung des Bischofs."
    )
    assert "Erklärung" in _speaker_of(text, "Rücknahme")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a plural object first and a singular verb: the prefield cannot be the subject
        ("Die Äußerungen der Richter bezeichnete Meier als „Knaller aus Karlsruhe“ und ging.", "Meier"),
        # a plural subject agrees with a plural verb
        ("Die Grünen bezeichneten Meier als „Knaller aus Karlsruhe“ und gingen.", "Die Grünen"),
    ],
)
def test_the_verb_agrees_with_its_subject(text: str, speaker: str) -> None:
    assert _speaker_of("Das Urteil fiel am Montag. " + text, "Knaller").startswith(speaker)


def test_a_semicolon_starts_a_new_clause_with_its_own_subject() -> None:
    text = (
        "Vor Wochen hatte es Angriffe auf die Botschaft gegeben; die Nachrichtenseite Global Report berichtete "
        "daraufhin, dass die Angriffe von Milizen „gezielt geplant“ worden seien."
    )
    got = _speaker_of(text, "gezielt geplant")
    assert "Global Report" in got
    assert "Angriffe" not in got


def test_a_colon_before_the_verb_starts_a_new_clause_with_its_own_subject() -> None:
    text = (
        "Die Ministerin lehnte den Plan ab. Rückendeckung bekam sie aus Wien: Kanzler Karl Huber erklärte, "
        "jedes Land müsse „selbst bezahlen“."
    )
    got = _speaker_of(text, "selbst bezahlen")
    assert "Karl Huber" in got


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "not_in"),
    [
        # The object comes first; its genitive attribute names a person, its head does not.
        (
            "Die Kritik der Ministerin wies EU-Kommissar Paul Lenz am Montag zurück: „Niemand will die Bauern "
            "ruinieren.“",
            "Niemand will",
            "Paul Lenz",
            "Kritik",
        ),
        (
            "Den Vorschlag des Kanzlers lehnte die Gewerkschaftschefin Eva Brandt ab: „Das ist nicht verhandelbar.“",
            "nicht verhandelbar",
            "Eva Brandt",
            "Vorschlag",
        ),
    ],
)
def test_an_object_first_whose_attribute_names_a_person_leaves_the_subject_after_the_verb(
    text: str, fragment: str, speaker: str, not_in: str
) -> None:
    said_by = _speaker_of(text, fragment)
    assert speaker in said_by and not_in not in said_by


def test_a_dative_after_a_persons_name_is_the_addressee_not_a_genitive() -> None:
    text = ("„Wir werden keinen Kürzungen zustimmen“, sagte Frankreichs Landwirtschaftsministerin Annie Genevard "
            "der Zeitung „Le Monde“.")
    assert _speaker_of(text, "keinen Kürzungen").endswith("Annie Genevard")
    # a genitive after a role title stays: the spokesman of the ministry
    text = "„Wir prüfen den Fall“, sagte ein Sprecher des Ministeriums am Montag."
    assert _speaker_of(text, "prüfen den Fall") == "ein Sprecher des Ministeriums"


def test_a_countrys_side_speaks_for_the_country() -> None:
    from briefing.lang.de import side_country

    text = "Von pakistanischer Seite wurde erklärt, indische Soldaten hätten zuerst gefeuert."
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    (quote,) = [q for q in to_records(text, found, sents) if "gefeuert" in q.text]
    assert quote.speaker_name == "Pakistan"
    assert side_country("die russische Seite") == "Russland"
    assert side_country("von offizieller Seite") is None and side_country("der anderen Seite") is None


def test_a_party_epithet_after_a_named_person_is_that_person() -> None:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    text = ("Finanzminister Albert Füracker verteidigte die Pläne. Man müsse jetzt handeln, um künftige "
            "Generationen nicht zu belasten, sagte der CSU-Politiker.")
    facts = load_pipeline("blank").extract(Article(path="a.txt", title="T", text=text))
    (quote,) = [q for q in facts.quotes if "handeln" in q.text]
    assert quote.speaker_name == "Albert Füracker" and quote.speaker_text == "der CSU-Politiker"


def test_a_spokesman_of_an_institution_speaks_for_it_a_named_president_does_not_become_it() -> None:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    text = "Ein Sprecher des Auswärtigen Amts sagte am Dienstag, die Bundesregierung nehme die Kritik ernst."
    facts = load_pipeline("blank").extract(Article(path="a.txt", title="T", text=text))
    (quote,) = facts.quotes
    actor = next(a for a in facts.actors if a.id == quote.speaker)
    assert actor.name == "Auswärtiges Amt" and quote.speaker_name == "Auswärtiges Amt"
    text = ("Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes, sagte, der Antrag sei keine "
            "Vorentscheidung. Das Bundesverfassungsgericht hatte im März entschieden.")
    facts = load_pipeline("blank").extract(Article(path="a.txt", title="T", text=text))
    quote = facts.quotes[0]
    assert quote.speaker_name != "Bundesverfassungsgericht"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the institution's name in the genitive of a noun ("-s", "-es"), its owner by adjective or seat
        ("Ein Sprecher des russischen Außenministeriums sagte, man werde reagieren.", "Außenministerium",
         "Russland"),
        ("Frankreich bleibt hart. Ein Sprecher des Innenministeriums in Paris sagte, das Recht erlaube das.",
         "Innenministerium", "Frankreich"),
    ],
)
def test_a_spokesman_of_an_owned_institution_in_the_genitive_speaks_for_it(text: str, name: str, country: str) -> None:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    facts = load_pipeline("blank").extract(Article(path="a.txt", title="T", text=text))
    (quote,) = facts.quotes
    actor = next(a for a in facts.actors if a.id == quote.speaker)
    assert (actor.name, actor.affiliation) == (name, country)
    assert [p.actor for p in facts.positions] == [actor.id]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a form that is participle and present tense alike ("kommentiert", "kritisiert") with its subject
        # after it is the finite verb of the attribution
        ("Die Sanktionen kämen zu spät und seien zu schwach, kommentiert das Blatt.", "kämen zu spät", "das Blatt"),
        ("Die Regierung habe versagt, kritisiert die Opposition im Landtag.", "habe versagt", "die Opposition"),
    ],
)
def test_a_present_tense_that_looks_like_a_participle_attributes_the_clause_before(
    text: str, fragment: str, speaker: str
) -> None:
    assert _speaker_of(text, fragment) == speaker


def test_a_participle_attribute_after_a_comma_attributes_nothing() -> None:
    text = "Das Video, genannt „BRD-Video“, zeigte die Täter am Bahnhof."
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    assert not [q for q in to_records(text, found, sents) if q.kind == "indirect"]


def test_a_medium_named_in_quotation_marks_is_shown_by_its_name() -> None:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    ex = load_pipeline("blank")
    text = "Die französische Zeitung „Le Monde“ schrieb, der Kompromiss sei ein Sieg der Vernunft."
    (quote,) = ex.extract(Article(path="a.txt", title="T", text=text)).quotes
    assert quote.speaker_name == "Le Monde"
    text = "Die Online-Ausgabe des „Spiegel“ berichtete, der Minister sei zurückgetreten."
    (quote,) = ex.extract(Article(path="a.txt", title="T", text=text)).quotes
    assert quote.speaker_name != "Online-Ausgabe des „Spiegel"  # no broken name with half its marks


def test_words_after_a_colon_without_quotation_marks_are_what_was_said() -> None:
    text = "Reiter sagte: Wir können nicht länger zusehen, wie Familien aus der Stadt gedrängt werden."
    sents = split_sentences(text)
    found, _ = extract_quotes(text, sents)
    (quote,) = to_records(text, found, sents)
    assert quote.text.startswith("Wir können nicht länger zusehen") and quote.speaker_text == "Reiter"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("Die Agentur Reuters zitiert dazu Ministerin Anna Berg mit folgenden Worten: „Diese Banken haben ihre "
         "Aufgabe verloren.“", "Diese Banken", "Anna Berg"),
        ("„Wir werden die Gespräche fortsetzen und nicht aufgeben“, zitiert die Zeitung den Minister.",
         "Wir werden", "den Minister"),
        ("Ein Fernsehsender zitierte Premier Jan Novak mit den Worten: „Wenn ich das Problem bin, gehe ich.“",
         "Wenn ich", "Jan Novak"),
    ],
)
def test_the_one_a_medium_quotes_is_the_speaker(text: str, fragment: str, speaker: str) -> None:
    assert speaker in _speaker_of(text, fragment)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("„Wir fühlen uns abgehängt“, sagte die Sprecherin der Bürgerinitiative, Monika Wutz.", "Monika Wutz"),
        ("„Das reicht nicht“, sagte der Verhandlungsführer der Allianz der Inselstaaten, Cedric Schuster aus Samoa.",
         "Cedric Schuster"),
        ("„Wir streiken“, sagte der Vorsitzende des Betriebsrats, Stefan Sporn, am Montag.", "Stefan Sporn"),
    ],
)
def test_the_person_apposed_to_a_role_phrase_is_the_speaker(text: str, name: str) -> None:
    """ "sagte ROLLE der ORGANISATION, NAME.": the named person speaks, not the organisation of the title."""
    from briefing.extract import load_pipeline
    from briefing.models import Article

    facts = load_pipeline("blank").extract(Article(path="a.txt", title="T", text=text))
    (quote,) = facts.quotes
    actor = next(a for a in facts.actors if a.id == quote.speaker)
    assert actor.name == name and quote.speaker_name == name


def test_a_name_opening_the_next_clause_is_no_apposition() -> None:
    from briefing.extract import load_pipeline
    from briefing.models import Article

    text = ("Bundeskanzler Friedrich Merz reiste ab. Nach der Sitzung sagte der Sprecher des Ministeriums, Merz habe "
            "das Treffen verlassen.")
    facts = load_pipeline("blank").extract(Article(path="a.txt", title="T", text=text))
    assert all(q.speaker_name != "Friedrich Merz" for q in facts.quotes)
