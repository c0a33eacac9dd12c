"""Direct quotations: which quotations in marks are speech, and the cue or phrase that attributes each.

A quotation is attributed to the cue right after it („…“, sagte X), the cue before a colon
(X sagte: „…“ / X: „…“), a cue in the same sentence, or later (:mod:`resolve`) a neighbouring
quotation's speaker.  Short quotations (scare quotes, titles, names) are kept only inside
reported speech.  Every quotation in marks, kept or not, is shown to the learned model of
:mod:`quoted_speech` with the rules' reason, which overrules them only where it is sure.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from briefing.extract.quotes import quoted_speech
from briefing.extract.quotes.base import (
    DEFINITE,
    LONG_QUOTE_WORDS,
    SPEAKER_LOOKBACK_SENTENCES,
    WORD,
    Cue,
    Found,
    Pair,
    words_in,
)
from briefing.extract.quotes.cues import np_ending_at, possessive_source, relative_subject, relative_subject_mention
from briefing.extract.quotes.descriptions import person_noun
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.lexicon import naming_verbs, speech_act_nouns, speech_verbs, word_set
from briefing.extract.quotes.quoted_speech import RuleView, SpeechJudge, shipped_judge
from briefing.extract.quotes.resolve import name_of
from briefing.extract.quotes.speaker_names import TextWords, is_organisation, may_name_people, names_someone
from briefing.extract.quotes.speakers import (
    Phrase,
    clause_subject,
    is_date,
    person_score,
    phrase,
    quoted_name_in_phrase,
    read_np,
    subject_for_verb,
    tokens,
)
from briefing.extract.quotes.speech_acts import candidate_verbs
from briefing.lang.de import AUXILIARIES, SUBJECT_PRONOUNS

# A quotation this short followed by a verb without a comma is the subject (a name), not speech.
SUBJECT_QUOTE_MAX_CHARS = 30
# "„…“, hatte der Minister am Montag in Berlin gesagt": words between auxiliary and participle.
MAX_AUX_GAP_WORDS = 8
# Words before a capitalised short quotation that make it a quoted phrase, not a name, when
# the sentence reports speech ("sprachen von „Panikverkäufen“", "Sprüche wie „Gefälschte Demokratie“").
_PHRASE_INTRO = frozenset(["als", "ein", "eine", "einen", "einem", "einer", "vor", "wie", "zu"])
# In reported speech "warnte vor den „Lohnverzichtstheorien“", "wies auf die „Persönlichkeitsrechte“
# hin": after these prepositions an article + quoted noun is what was said, not a name.
_SPEECH_OBJECT_PREPS = frozenset(["vor", "auf", "gegen"])
# "Der Name lautet „…“": verbs that give a name to the noun before them.
_NAMING_COPULA = frozenset(["lautet", "lautete", "lauten", "lauteten", "heißt", "hieß", "ist", "war"])
# Lowercase words after „…“, that do not start an attribution clause.
_NOT_VERBS = frozenset(["sondern", "aber", "denn", "doch", "oder", "und", "heißt", "also", "bzw"])
_COPULA = frozenset(["sind", "waren", "werden", "haben", "hatten", "können", "müssen", "wollen", "sollen", "dürfen"])


def direct_quotes(
    text, masked, pairs, sents, by_sent, sent_of, used_cues, sent_words=None, judge: SpeechJudge | None = None
) -> list[Found]:
    """The quotations in marks that are direct speech, each with the cue and speaker the rules attach.

    The rules say which quotations are speech and why they leave the others out; the learned model
    of :mod:`quoted_speech` sees that verdict with the quotation's own features and overrules it
    only where it is sure (a title or scare quote the rules keep, speech they leave out).

    ``sent_words`` are the ``\\w+`` words of each masked sentence when the caller has them (the Konjunktiv
    tests read a quotation's whole sentence).  ``judge``: who judges each candidate (default: the shipped
    model, :func:`quoted_speech.shipped_judge`; scripts/learn_quoted_speech.py passes one that learns).
    """
    if judge is None:
        judge = shipped_judge()
    out: list[Found] = []
    pair_ends = [p.end for p in pairs]
    scare = word_set("scare_cues.txt")
    doc_words: TextWords | None = None  # the text, indexed for names_someone (built at the first need)
    for i, p in enumerate(pairs):
        inner = text[p.inner_start : p.inner_end]
        words = words_in(text, p.inner_start, p.inner_end)
        if not words:
            continue
        # "der Bund „National Front for Democracy“ (übersetzt etwa: „Nationale Front für Demokratie“)": a
        # translation right after a quotation says the same words again; the rules left the original out
        # as no speech, so they leave its translation out too.
        retold = i > 0 and _translation_of(text, pairs[i - 1], p) and not (out and out[-1].start == pairs[i - 1].start)
        so, sc = sent_of(p.start), sent_of(max(p.start, p.end - 1))
        cue = _marker_right_before(masked, p, so, by_sent)
        how = "sentence"
        if cue is None:
            cue = _speech_noun_owner(masked, p, so, sents[so], by_sent.get(so, []))
        if cue is None:
            cue = _words_owner(masked, p, so, sents[so])
            if cue is not None and ":" in masked[cue.frame_end : p.start]:
                how = "colon"  # "der Spruch seines Trainers: „…“": the owner stands before the colon
        if cue is None:
            cue = _cue_after(masked, p, sc, by_sent) or _unlisted_verb_after(masked, p, sc, sents)
            how = "after"
        if cue is not None and how == "after":
            inner_cue = _cue_of_fronted_clause(masked, p, so, sents, by_sent, cue)
            if inner_cue is not None:
                cue, how = inner_cue, "sentence"
        colon_np = None
        if cue is None:
            cue = _cue_before_colon(masked, p, so, sents, by_sent)
            how = "colon"
            if cue is not None and (last := _last_of_listed_speakers(masked, p, cue, sents[so][0])) is not None:
                used_cues.add(id(cue))  # the list's cue is this quotation's too: it frames no clause
                cue, colon_np = None, last
        if cue is None and colon_np is None:
            colon_np = _np_before_colon(masked, p, so, sents, pair_ends)
        if cue is None and colon_np is None:
            cue = _cue_in_sentence(masked, p, so, sc, sents, by_sent)
            how = "sentence"
        if cue is None and colon_np is None and (
            _whole_sentence(masked, p, sents[so], sents[sc]) or _refers_back_in_sentence(masked, p, sents[so][0])
        ):
            # "„Ja, es gibt Probleme“. Das musste der Minister einräumen.": a sentence of quoted words only,
            # which the next sentence refers back to with a speech verb, is that speaker's words however short.
            cue = _cue_referring_back(masked, p, sc, sents, by_sent)
            how = "after"
        attributed = cue is not None or colon_np is not None
        long = len(words) >= LONG_QUOTE_WORDS
        sb, se = sents[so]
        swords = sent_words[so] if sent_words is not None else None
        konj = konjunktiv_words(masked, sb, se, strong=True, learned=False, words=swords) > 0  # Konjunktiv I
        # A speech or naming verb anywhere in the sentence, even without a speaker
        # ("wurde als „Geschäft des Jahrhunderts“ bezeichnet"), makes it reported speech.
        sent_cues = [c for s in range(so, sc + 1) for c in by_sent.get(s, [])]
        verb_cue = any(c.kind in ("verb", "name") for c in sent_cues)
        # "sprachen von „Panikverkäufen“": "von" introduces a phrase only after "sprechen".
        speaks_of = any(c.lemma == "sprechen" and c.end <= p.start for c in sent_cues)
        # The subject of a speech, naming or attitude verb whose object the quotation is, and whether it names
        # someone who can hold the words ("Meteorologen rechnen mit „…“"; not "die Beschäftigung hält … als
        # „…“"). Read where it can matter: a short quotation, or one the rules have no speaker for.
        governor, governing_verb = None, ""
        if not long or (cue is None and colon_np is None):
            governed = _governing_subject(masked, p, sents[so])
            if governed is not None:
                governor, governing_verb = governed
        if governor is not None and doc_words is None:
            doc_words = TextWords(text)
        holder = (
            governor is not None
            and doc_words is not None
            and person_score(governor) >= 0
            and names_someone(governor.text, doc_words)
        )
        # "37 Prozent sind der Auffassung, dass die Demokratie „schlecht“ funktioniert": the complement clause of a
        # stance noun is what its holder thinks, as after a speech verb.
        stance = -1 if long else _stance_complement(masked, p, sb)
        reject = ""  # why the rules leave the quotation out (quoted_speech.REJECTIONS)
        in_report = False  # kept only as a fragment of the reported speech just before
        if retold or (_aside(text, p) and how not in ("after", "colon") and not long):
            reject = "aside"
        elif (
            _goes_by_name(masked, p, sents[so])
            or _named_by_noun(masked, p, inner, sb)
            or _legal_title(words)
            or _regarded_as(masked, p, sb)
        ):
            # "Dies nennt man einen „…“", "Der Name lautet also „…“", "ein „Gesetz zur Änderung des …“", "gilt als
            # „Störfall“": a name or class, however long
            reject = "name_like"
        elif not long:
            if any(
                (c.speaker is not None and c.speaker.start <= p.start < c.speaker.end)
                or (
                    c.start >= p.end
                    and not masked[p.end : c.start].strip()
                    and _word_before(text, p.start).lower() in ("wie", "")
                )
                for c in sent_cues
            ):
                reject = "names_speaker"  # "Wie „heise online“ berichtet": the quotation names the speaker
            elif not _said_sentence(inner, cue, how) and _name_like(
                text,
                p,
                words,
                konj or verb_cue or holder or stance >= 0,
                speaks_of,
                holder and governing_verb not in _naming_lemmas(),
            ):
                reject = "name_like"
            elif not (
                attributed
                or konj
                or verb_cue
                or stance >= 0
                or (
                    holder
                    and (_held_fragment(text, p, inner, words) or _word_before(text, p.start).lower() in _PHRASE_INTRO)
                )
            ):
                # A short quotation inside a Konjunktiv sentence is reported speech whose speaker comes from the
                # context; without one it is a term, unless a named subject holds it: a German phrase opening
                # lowercase ("Meteorologen rechnen mit „sehr ergiebigen Niederschlägen“") or a phrase after
                # "als", "ein", "wie" … ("IGEB, der die Maßnahme als „Kapitulation“ sieht").
                if _goes_on_quoting(out, masked, p, inner, words, so, sents[so], sents[sc]) or _goes_on_after_speech(
                    masked, p, inner, words, so, sents, by_sent
                ):
                    pass  # "„…“, sagte der Kommissar. „Europa wird sich wehren.“": the same voice goes on
                elif quoted_speech.lower_phrase(inner, words) and _follows_reported_speech(
                    masked, sents, so, sent_words
                ):
                    # A lowercase phrase right after a sentence in reported speech goes on quoting it ("Der Sprecher
                    # sagte, man prüfe alles. Die Beamten hätten „mit der gebotenen Vorsicht“ gehandelt."); whose
                    # words they are, the earlier speaker's or its own subject's, the text leaves open.
                    in_report = True
                else:
                    reject = "unreported"
        elif how == "sentence" and _word_before(text, p.start).lower() in scare and not _after_quotation(text, p):
            reject = "scare_word"
        elif (
            not attributed
            and p.start > sb
            and not _has_verb(words)
            and not konjunktiv_words(masked, sb, se, words=swords)
        ):
            reject = "long_name"  # a long name or title ("Gesetz zur Änderung des Passgesetzes") with no cue near it
        slogan = _after_slogan_noun(masked, p, sb)
        if slogan:
            reject = ""  # "skandierten Parolen wie „…“": the words of those who chant or carry them
        speaker = cue.speaker if cue else colon_np
        if slogan and speaker is not None and not word_set("slogan_nouns.txt").isdisjoint(speaker.text.lower().split()):
            speaker = None  # "war die Parole „…“ zu lesen": the slogan is no one; its speaker comes from the context
        if speaker is None or speaker.start < sb or speaker.end > sents[sc][1] or names_the_words(speaker):
            # "Auf dem Transparent war die Parole „…“ zu lesen", "In der Broschüre fand sich der Satz „…“": the
            # words are written on something, which the text gives as their source (not the words' own noun,
            # nor someone of another sentence; a speaker of the sentence is kept: "Das Amt hat auf seiner
            # Website geschrieben").
            speaker = _written_place(masked, sb, sents[sc][1]) or speaker
        found_how = how if cue else ("colon_np" if colon_np else "")
        before = [c.end for c in by_sent.get(so, []) if c.end <= p.start]
        view = RuleView(
            reject,
            found_how,
            cue.kind if cue else "",
            speaker,
            konj,
            bool(sent_cues),
            speaks_of,
            before[-1] if before else -1,
            -1 if governor is None else person_score(governor),
            slogan,
        )
        if not judge.could_keep(not reject):
            continue
        feats = judge.features(text, masked, p, (sb, se), view)
        keep, speech = judge.judge(feats, not reject)
        if not keep:
            continue
        if speaker is None and holder:
            # "Meteorologen rechnen mit „sehr ergiebigen Niederschlägen“": no speech cue, but the subject of the
            # stance verb whose object the quoted words are holds them.
            speaker, found_how = governor, "sentence"
        if speaker is None and stance >= 0:
            # the stance's holder: the subject of the clause with the noun ("37 Prozent sind der Auffassung, …")
            holder_np = _stance_holder(masked, sb, stance)
            if holder_np is not None:
                speaker, found_how = holder_np, "sentence"
        if speaker is None and cue is None and (back := _cue_referring_back(masked, p, sc, sents, by_sent)):
            # (only the speaker of a quotation kept anyway: the next sentence does not make it speech)
            cue, how, speaker, found_how = back, "after", back.speaker, "after"
        bracketed = _bracketed_after_person(masked, p, sb)
        if bracketed is not None:
            speaker, found_how = bracketed, "bracket"
        if (
            speaker is not None
            and out
            and out[-1].speaker is not None
            and out[-1].sent >= so - SPEAKER_LOOKBACK_SENTENCES
            and _possessed_thing(speaker)
        ):
            speaker, found_how = out[-1].speaker, "previous"  # "Seine Zuversicht gründet sich auf …: „…“"
        mention = (
            cue.mention
            if cue is not None and found_how == how and (possessive_source(cue) or relative_subject_mention(cue))
            else None
        )
        if (
            cue is not None
            and how == "after"
            and speaker is not None
            and speaker is cue.speaker
            and _description(speaker)
        ):
            # "Teamchef Jean Todt stellt sich vor ihn: „…“ wird der Franzose zitiert": the cue's description
            # is the mention, the person named before the colon the one it describes.
            named = _np_before_colon(masked, p, so, sents, pair_ends)
            if named is not None and not named.pronoun and person_score(named) >= 2 and not _description(named):
                speaker, mention = named, speaker
        if cue is not None and how in ("after", "colon"):
            used_cues.add(id(cue))
            if not _reports_main_clause(masked, cue):
                # (a cue given the main clause's subject is a copy: the verb it was made from frames no clause
                # either: "Als sie fragte, zögerte der Zeuge: „…“"; "Wie X berichtet, gab Y …" reports that clause)
                used_cues.update(id(c) for c in by_sent.get(so, []) if (c.start, c.end) == (cue.start, cue.end))
        if cue is not None and how == "colon":
            # a marker between the verb and the colon ("sagte X Teilnehmern zufolge:") frames the same words
            used_cues.update(id(c) for c in by_sent.get(so, []) if cue.end <= c.start and c.end <= p.start)
        out.append(
            Found(
                "direct",
                p.start,
                p.end,
                speaker,
                cue.word if cue else None,
                so,
                attributed,
                found_how,
                cue.kind if cue else "",
                speech=speech,
                # "Seiner Ansicht nach „…“": the possessive source is where the text names the speaker
                mention=mention,
                speakerless=in_report and speaker is None,
                # (the cue's speaker, or its description when the person is named before the colon)
                relay=cue.relay if cue is not None and cue.speaker in (speaker, mention) else None,
            )
        )
    return out


# Openers of a sentence that refer back to the words just quoted: "„…“ So äußerte sich X.", "„…“ Mit diesen
# Worten reagierte X auf …", "„…“ Das sagte X."
_BACK_REFERENCES = (("so",), ("das",), ("dies",), ("mit", "diesen", "worten"), ("mit", "diesen", "sätzen"))
# Of those, the ones that can also be a subject's article ("Das russische Ministerium erklärte …").
_DEMONSTRATIVE_OPENERS = (("das",), ("dies",))


# A dash or colon after the quotation and a clause referring back to it in the same sentence: "„…“ – mit diesen
# Worten beruhigte X die Belegschaft", "„…“ – das sagte X am Montag", "„…“: Mit diesen Worten eröffnete X die
# Sitzung" (the colon only after a quotation that opens its sentence: see _refers_back_in_sentence).
_DASH_BACK_REFERENCE = re.compile(
    r"[ \t]*([–\-:])[ \t]*(?=(?:[Mm]it diesen (?:Worten|Sätzen)|[Dd]as|[Dd]ies|[Ss]o [a-zäöüß]+ wie)\s+[A-Za-zäöü])"
)


def _refers_back_in_sentence(masked: str, p: Pair, sb: int) -> re.Match[str] | None:
    """The dash or colon after ``p`` that a clause referring back to the quotation follows ("„…“ – das sagte X",
    "„…“: Mit diesen Worten eröffnete X …"); a colon only when the quotation opens its sentence (after a clause
    of its own, "Er sagte: „…“: Das …", the colon would belong to that clause's words)."""
    m = _DASH_BACK_REFERENCE.match(masked, p.end)
    if m is None or (m.group(1) == ":" and masked[sb : p.start].strip(" \t\n(–-")):
        return None
    return m


def _whole_sentence(masked: str, p: Pair, first: tuple[int, int], last: tuple[int, int]) -> bool:
    """Does the quotation make up its sentence(s) alone (nothing but a dash or bracket before it, nothing but
    the closing punctuation after it)?"""
    return not masked[first[0] : p.start].strip(" \t\n(–-") and not masked[p.end : last[1]].strip(" .!?\n")


def _cue_referring_back(masked: str, p: Pair, sc: int, sents, by_sent: dict[int, list[Cue]]) -> Cue | None:
    """A quotation that closes its sentence, followed by a sentence that refers back to it ("So äußerte sich
    Ministerin X nach dem Urteil.", "Mit diesen Worten reagierte X auf …"): that sentence's speech verb and its
    speaker, or its subject when it names a person; None otherwise."""
    sb, se = sents[sc]
    start = next((b for b, _e in reversed(sents[: sc + 1]) if b <= p.start), sb)  # the quotation's sentence
    dash = _refers_back_in_sentence(masked, p, start)
    if dash is not None:
        nb, ne, ns = dash.end(), se, sc  # "„…“ – mit diesen Worten …": the referring clause is in the same sentence
    elif masked[p.end : se].strip(" .!?\n") or sc + 1 >= len(sents):
        return None
    else:
        nb, ne = sents[sc + 1]
        ns = sc + 1
    words = [w.lower() for w in WORD.findall(masked, nb, min(ne, nb + 40))]
    opener = next((o for o in _BACK_REFERENCES if tuple(words[: len(o)]) == o), None)
    if opener is None or len(words) <= len(opener) or not words[len(opener)].isalpha():
        return None
    # The opener must stand for the words with the finite verb right after it ("Das sagte X", "Das musste X
    # einräumen"), not be the article of the subject: "Das russische Ministerium erklärte dagegen, …" after a
    # paragraph's last quotation is a new speaker's report.
    after_opener = words[len(opener)]
    article = opener in _DEMONSTRATIVE_OPENERS and not (
        after_opener in AUXILIARIES or after_opener in word_set("modal_verbs.txt")
    )
    if opener == ("so",) and len(words) > 3 and words[2] == "wie" and words[1].isalpha():
        # "„…“: So deutlich wie SPD-Fraktionschef X hatte zuletzt niemand gesprochen": the one compared with
        # whom no one else spoke so is the speaker, not the clause's subject ("niemand", "kein Minister")
        return _compared_speaker(masked, nb, ne, ns)
    for c in by_sent.get(ns, []):
        if c.kind == "verb" and c.speaker is not None and c.frame_start <= nb + 1 and c.start >= nb:
            return None if article and after_opener != c.word.lower() else c
    if article:
        return None
    sp = clause_subject(masked, nb, ne)
    if sp is None or sp.pronoun or person_score(sp) < 2:
        return None
    verb = WORD.search(masked, nb)
    return Cue("verb", nb, verb.end() if verb else nb, ns, masked[nb : verb.end()] if verb else "", sp, nb, ne)


def _compared_speaker(masked: str, nb: int, ne: int, ns: int) -> Cue | None:
    """ "So deutlich wie X hatte zuletzt niemand gesprochen" (at ``nb``): X, the phrase after "wie", when it names
    a person; None otherwise."""
    toks = tokens(masked, nb, ne)
    k = next((i for i, tk in enumerate(toks[:4]) if tk[2].lower() == "wie"), None)
    if k is None:
        return None
    j = read_np(toks, k + 1)
    sp = phrase(masked, toks, k + 1, j) if j > k + 1 else None
    if sp is None or sp.pronoun or person_score(sp) < 2:
        return None
    return Cue("verb", toks[0][0], toks[0][1], ns, toks[0][2], sp, nb, ne)


def _goes_on_quoting(
    out: list[Found], masked: str, p: Pair, inner: str, words: list[str], so: int, first, last
) -> bool:
    """Is a short quotation a sentence of its own (closed by its own full stop, question or exclamation mark,
    with a verb) in the paragraph of a quotation in marks with a speaker, one or two sentences before it
    („Wir sind offen“, sagte der Kommissar. „Europa wird sich wehren.“; „…“, sagt Anna Koch. Die 45-Jährige
    betreibt eine Bäckerei. „Aber Angst habe ich schon.“)? German news goes on quoting the same voice: however
    short, these are words said, not a title (a title has no closing punctuation of its own)."""
    if not out or out[-1].kind != "direct" or out[-1].speaker is None or not so - 2 <= out[-1].sent < so:
        return False
    if "\n\n" in masked[out[-1].end : p.start]:
        return False  # (a new paragraph: another voice may speak)
    return _said_sentence_shape(masked, p, inner, words, first, last)


def _said_sentence_shape(masked: str, p: Pair, inner: str, words: list[str], first, last) -> bool:
    """Is the quotation a sentence of its own, closed by its own full stop, question or exclamation mark,
    with a verb (a title has no closing punctuation of its own)?"""
    if inner.rstrip()[-1:] not in (".", "!", "?", "…"):
        return False
    if not (_has_verb(words) or any(w in AUXILIARIES for w in words[1:])):
        return False  # ("habe", "wird": an auxiliary ends in -e or -en like an adjective)
    return _whole_sentence(masked, p, first, last)


def _goes_on_after_speech(masked: str, p: Pair, inner: str, words: list[str], so: int, sents, by_sent) -> bool:
    """Is a short quotation a said sentence of its own (:func:`_said_sentence_shape`) right after a sentence of
    the same paragraph in which someone speaks ("Die Sprecherin X sagte, man fühle sich vergessen. „Wir kämpfen
    bis zum Schluss.“")? The same voice goes on, as after a quotation in marks (:func:`_goes_on_quoting`)."""
    if so == 0 or "\n\n" in masked[sents[so - 1][1] : p.start]:
        return False
    if not any(c.kind == "verb" and c.speaker is not None for c in by_sent.get(so - 1, [])):
        return False
    return _said_sentence_shape(masked, p, inner, words, sents[so], sents[so])


def _follows_reported_speech(masked: str, sents, so: int, sent_words: list[list[str]] | None) -> bool:
    """Is sentence ``so`` preceded by a sentence in reported speech (a Konjunktiv I form, or a Konjunktiv II
    form learned to report speech on its own)?  German news goes on quoting in the sentences after one that
    reports what someone said, and a quoted lowercase phrase there is a fragment of those words."""
    if so == 0:
        return False
    pb, pe = sents[so - 1]
    words = sent_words[so - 1] if sent_words is not None else None
    return konjunktiv_words(masked, pb, pe, strong=True, words=words) > 0


# Verbs that give a thing its name ("nennt man „…“", "bezeichnet man als „…“", "die sich „…“ nennt").
_NAME_GIVING = frozenset(["nennen", "bezeichnen"])


@cache
def _name_giving_forms() -> dict[str, str]:
    """Lowercased form -> lemma of the speech verbs that give a name (:data:`_NAME_GIVING`)."""
    return {w: v.lemma for w, v in speech_verbs().items() if v.lemma in _NAME_GIVING}


def _goes_by_name(masked: str, p: Pair, sent: tuple[int, int]) -> bool:
    """Is the quotation the name a thing goes by, not words anyone said?  In its own clause: the impersonal
    "man" naming it ("Dies nennt man einen „Aktiensplit“", "Man bezeichnet das als „…“"), a group naming
    itself ("die sich selbst „Rat für Sicherheit und Ordnung“ nennt"), or what it is known as ("das als
    „Dschungel“ bekannte Lager").  A speaker calling something so ("nannte den Plan einen „Irrweg“") is speech."""
    sb, se = sent
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(masked, sb, p.start)), default=sb)
    nxt = _CLAUSE_BREAK.search(masked, p.end, se)
    right = nxt.start() if nxt else se
    before = [w.lower() for w in WORD.findall(masked, left, p.start)]
    after = [w.lower() for w in WORD.findall(masked, p.end, right)]
    forms = _name_giving_forms()
    if "man" in before + after and any(w in forms for w in before + after):
        return True
    first_after = after[0] if after else ""
    if "sich" in before and forms.get(first_after) == "nennen":
        return True
    return before[-1:] == ["als"] and first_after.startswith("bekannt")


# Nouns of a held view whose "dass"-clause says what the holder thinks ("ist der Meinung, dass …", "sind der
# gegenteiligen Auffassung, dass …").
_STANCE_NOUNS = frozenset(["auffassung", "meinung", "ansicht", "überzeugung", "einschätzung", "standpunkt"])
_STANCE_DASS = re.compile(r"(\w+)[ \t]*,[ \t]*dass\b")


def _stance_complement(masked: str, p: Pair, sb: int) -> int:
    """Where the stance noun starts when the quotation stands in the "dass"-clause right after it ("Sie ist der
    Ansicht, dass die Reform „zu spät“ kommt"), with no other clause opened between (``,;:`` or a dash); -1
    otherwise."""
    last = None
    for m in _STANCE_DASS.finditer(masked, sb, p.start):
        last = m
    if last is None or last.group(1).lower() not in _STANCE_NOUNS:
        return -1
    if any(ch in ",;:–()" for ch in masked[last.end() : p.start]):
        return -1
    return last.start(1)


# Nouns of a share of people that can hold a view: "37 Prozent sind der Auffassung", "Ein Drittel ist der Meinung".
_SHARE_NOUNS = frozenset(["prozent", "drittel", "viertel", "fünftel", "zehntel"])


def _stance_holder(masked: str, sb: int, stance: int) -> Phrase | None:
    """The subject of the clause whose stance noun starts at ``stance`` ("Der Beirat ist der Meinung"), or a share
    of people opening it ("37 Prozent sind der Auffassung", "Ein Drittel der Befragten ist der Ansicht")."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(masked, sb, stance)), default=sb)
    sp = clause_subject(masked, left, stance)
    if sp is not None:
        return sp
    toks = tokens(masked, left, stance)
    if (
        len(toks) < 2
        or not (toks[0][2][:1].isdigit() or toks[0][2].lower() in ("ein", "eine"))
        or toks[1][2].lower() not in _SHARE_NOUNS
    ):
        return None
    j = max(read_np(toks, 1), 2)
    return Phrase(toks[0][0], toks[j - 1][1], masked[toks[0][0] : toks[j - 1][1]])


# Forms of "gelten" ("gilt als …": is regarded as), and how many words may stand between it and "als".
_GELTEN = frozenset(["gilt", "gelten", "galt", "galten", "gelte", "gälte", "gegolten", "geltende", "geltenden"])
_GELTEN_GAP_WORDS = 4


def _regarded_as(masked: str, p: Pair, sb: int) -> bool:
    """ "gilt damit nicht als „Störfall“", "galt schon damals als „heimlicher Regierungschef“": after "als" with a
    form of "gelten" a few words before it in the same clause, the quotation is the class or reputation something
    has, which no one in the sentence says (a speaker calling it so uses "bezeichnen", "nennen")."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(masked, sb, p.start)), default=sb)
    before = [w.lower() for w in WORD.findall(masked, left, p.start)]
    if before[-1:] != ["als"]:
        return False
    return any(w in _GELTEN for w in before[-2 - _GELTEN_GAP_WORDS : -1])


# Legal instruments whose official titles are the noun and a preposition naming their matter ("Gesetz zur
# Änderung des Passgesetzes", "Verordnung über …", "Abkommen zwischen …"), and the prepositions.
_LEGAL_INSTRUMENTS = (
    "gesetz",
    "verordnung",
    "richtlinie",
    "abkommen",
    "übereinkommen",
    "vertrag",
    "staatsvertrag",
    "konvention",
    "satzung",
)
_LEGAL_ENDINGS = ("", "s", "es", "e", "en")
_TITLE_PREPOSITIONS = frozenset(["zur", "zum", "über", "für", "gegen", "zwischen", "vom", "von"])


def _legal_title(words: list[str]) -> bool:
    """Is the quotation the title of a law, decree, treaty or statute ("„Gesetz zur Änderung des Passgesetzes“",
    "Teile des „Gesetzes über den Verfassungsschutz“", "das „Abkommen über den Luftverkehr“")?  Its first word is
    such a noun (capitalised, inflected or not), its second a preposition naming the matter, and no verb
    follows (a sentence opening so, "„Gesetz über Gesetz wird beschlossen“", is words someone said)."""
    if len(words) < 3 or not words[0][:1].isupper() or words[1] not in _TITLE_PREPOSITIONS:
        return False
    low = words[0].lower()
    if not any(low == n + e for n in _LEGAL_INSTRUMENTS for e in _LEGAL_ENDINGS):
        return False
    return not quoted_speech.has_finite_verb(words[2:])


# Marks that end the clause before a quotation for :func:`_named_by_noun` (a colon does not: "Den Namen gab
# der Sender bekannt: „…“").
_NOUN_CLAUSE_BREAK = re.compile(r"[,;()–]")
# Endings of compounds of a name noun ("Codename", "Spitznamen", "Buchtitel").
_NAME_NOUN_ENDINGS = ("name", "namen", "titel")


def _named_by_noun(masked: str, p: Pair, inner: str, sb: int) -> bool:
    """Is the quotation given as a name or title by a noun in its clause before it (``name_nouns.txt``: "Der
    Name lautet also „…“", "Den Namen der Sendung gab der Sender bekannt: „…“")?  Not a quotation closed by its
    own full stop, question or exclamation mark (a sentence someone said or wrote), nor "im Namen" (on behalf
    of someone)."""
    if inner.rstrip()[-1:] in (".", "!", "?", "…"):
        return False
    left = max((m.end() for m in _NOUN_CLAUSE_BREAK.finditer(masked, sb, p.start)), default=sb)
    nouns = word_set("name_nouns.txt")
    prev = ""
    for w in WORD.findall(masked, left, p.start):
        low = w.lower()
        if w[:1].isupper() and prev != "im" and (low in nouns or low.endswith(_NAME_NOUN_ENDINGS)):
            return True
        prev = low
    return False


# Marks that end the clause around a quotation (the masked text hides the quotation's own punctuation).
_CLAUSE_BREAK = re.compile(r"[,;:()–]")


def _governing_subject(masked: str, p: Pair, sent: tuple[int, int]) -> tuple[Phrase, str] | None:
    """The subject of a speech, naming or attitude verb whose own clause holds the quotation: the quoted
    words are its object or complement ("warfen der Regierung „Wortbruch“ vor", "hält X für „böse“",
    "der die Maßnahme als „Kapitulation“ sieht", "rechnen mit „ergiebigen Niederschlägen“"), with the verb's
    lemma.  None when the clause has no such verb or no subject for it.  The clause is the stretch between the nearest
    comma, colon, semicolon, bracket or dash on either side within the sentence."""
    sb, se = sent
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(masked, sb, p.start)), default=sb)
    nxt = _CLAUSE_BREAK.search(masked, p.end, se)
    right = nxt.start() if nxt else se
    verbs = candidate_verbs()
    if verbs.keys().isdisjoint(WORD.findall(masked, left, right)):
        return None  # no verb form in the clause (most titles and names): no tokenising
    toks = tokens(masked, left, right)
    for t, (tb, te, tok) in enumerate(toks):
        vf = verbs.get(tok) if tok[:1].islower() else None
        if vf is None or (not vf.bare and not any(w.lower() in vf.particles for _, _, w in toks[t + 1 :])):
            continue
        sp = subject_for_verb(masked, left, tb, te, right, sb)
        if sp is None:
            # "…, der die Maßnahme als „Kapitulation“ sieht": a relative clause's verb, its antecedent the subject
            stoks = tokens(masked, sb, se)
            k = next((i for i, tok in enumerate(stoks) if tok[0] == tb), None)
            rel = relative_subject(masked, stoks, k) if k is not None else None
            sp = rel[0] if rel is not None else None
        if sp is not None and not (sp.start <= p.start < sp.end):
            return sp, vf.lemma
    return None


@cache
def _naming_lemmas() -> frozenset[str]:
    """The verbs that give something a name ("nennt die Modelle „Touareg“", "bezeichnet", "tituliert"): a
    bare quoted noun as their object is a name, not words someone said."""
    return frozenset(vf.lemma for vf in naming_verbs().values()) | {
        vf.lemma for vf in speech_verbs().values() if vf.lemma in ("nennen", "bezeichnen")
    }


def _said_sentence(inner: str, cue: Cue | None, how: str) -> bool:
    """ "Er sagte: „Nein.“", "„Niemals!“, rief sie": a sentence of its own (closed by its own full stop, question
    or exclamation mark) at a speech cue right before its colon or right after it is speech, however short;
    a name or title closes with no punctuation of its own."""
    return cue is not None and how in ("after", "colon") and inner.rstrip()[-1:] in (".", "!", "?", "…")


def _description(sp: Phrase) -> bool:
    """ "der Franzose", "die Ministerin": a definite article and one noun, a person described, not named."""
    words = sp.text.split()
    return len(words) == 2 and words[0].lower() in ("der", "die") and words[1][:1].isupper()


_POSSESSIVES = frozenset(["sein", "seine", "seiner", "seines", "ihr", "ihre", "ihrer", "ihres"])


def _possessed_thing(sp: Phrase) -> bool:
    """ "Seine Zuversicht", "Ihre Begründung": a thing belonging to someone, not a person ("ihr Mann", "seine
    Tochter": a relative is a person, relatives.txt)."""
    words = sp.text.split()
    return (
        len(words) > 1
        and words[0].lower() in _POSSESSIVES
        and person_score(sp) < 2
        and not _named_after_noun(words)
        and words[-1].lower() not in word_set("relatives.txt")
    )


def _named_after_noun(words: list[str]) -> bool:
    """ "Sein Kollege Felix Haberland", "Ihre Nachfolgerin Lea Brandt von der Stadtbank": the noun after the
    possessive has a name of two capitalised words right behind it: a person apposed to their relation, not a
    thing of the one named before."""
    return len(words) >= 4 and all(w[:1].isupper() and w.isalpha() for w in words[2:4])


def _bracketed_after_person(masked: str, p: Pair, sb: int) -> Phrase | None:
    """ "…, Mohammed ElBaradei („Mir fällt niemand ein …“), und …": the person right before the bracket."""
    if masked[p.start - 1 : p.start] != "(" or masked[p.end : p.end + 1] != ")":
        return None
    toks = tokens(masked, sb, p.start - 1)
    if not toks:
        return None
    i = np_ending_at(toks, len(toks))
    if i is None:
        return None
    sp = phrase(masked, toks, i, len(toks))
    return sp if sp is not None and person_score(sp) >= 1 else None


def _has_verb(words: list[str]) -> bool:
    """Is there a lowercase word that is not an article, function word or attributive adjective?"""
    skip = word_set("function_words.txt") | word_set("determiners.txt")
    if len(words) > 1 and words[0].lower() in SUBJECT_PRONOUNS and words[1][:1].islower() and words[1] not in skip:
        return True  # "Wir kämpfen …", "Ich bleibe …": the word after a pronoun subject is the finite verb
    for w in words[1:]:
        if not w[:1].islower() or w in skip:
            continue
        if w in _COPULA or not w.endswith(("e", "en", "er", "es", "em")):
            return True
    return False


# The last word before up to three non-word characters, matched on the reversed window: anchored at its
# start, one attempt instead of a search from every position of the window.
_WORD_BEFORE_REVERSED = re.compile(r"\W{0,3}(\w+)")


def _word_before(text: str, pos: int) -> str:
    """The word that ends at most three non-word characters before ``pos`` (within 40 characters), else ""."""
    window = text[max(0, pos - 40) : pos]
    m = _WORD_BEFORE_REVERSED.match(window[::-1])
    if m is None and window.endswith("\n"):  # "$" also matched before a final line break
        m = _WORD_BEFORE_REVERSED.match(window[-2::-1])
    return m.group(1)[::-1] if m else ""


# A capital after a small letter inside one word ("YouTube", "iPod"), and the German gender-neutral capital I
# ("LehrerInnen"), which is no name.
_CAMEL_CASE = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
_BINNEN_I = re.compile(r"[a-zäöüß]In(?:nen)?$")


def _name_like(
    text: str, p: Pair, words: list[str], reported: bool, speaks_of: bool = False, held: bool = False
) -> bool:
    """A short quotation that names something (title, medium, project) or is a scare quote.

    ``reported``: the sentence reports speech (a speech verb or Konjunktiv), where
    "sei ein „Opfer des Terrorismus“" is a quoted phrase rather than a name.
    ``speaks_of``: a form of "sprechen" precedes, so "von „…“" is what was said.
    ``held``: the quotation is the object of a speech, naming or attitude verb whose subject names someone,
    so a bare noun after no article ("warfen der Regierung unter anderem „Wortbruch“ vor") is what was said.
    """
    if len(words) == 1 and _CAMEL_CASE.search(words[0]) and not _BINNEN_I.search(words[0]):
        return True  # „YouTube“, „iPod“, „SpaceShipTwo“: a capital inside a word marks a brand or product
    prev = _word_before(text, p.start)
    if prev and any(ch in ".!?" for ch in text[max(0, p.start - 3) : p.start]):
        prev = ""  # "… für das Projekt. „Wir brauchen …“": the word before ends the sentence before
    low = prev.lower()
    # (not "nannte das Stück „anstrengend und zu lang“": a title opens with a capital; a lowercase judgement in a
    # sentence that reports speech is what was said about the work)
    judged = reported and prev[:1].isupper() and bool(words) and words[0][:1].islower()
    if low in word_set("scare_cues.txt") and not _after_quotation(text, p) and not judged:
        return True
    if low in _NAMING_COPULA and _word_before(text, p.start - len(prev) - 1).lower() in word_set("scare_cues.txt"):
        return True  # "Der wissenschaftliche Name lautet „Tiktaalik roseae“", "Das Motto hieß „…“"
    adjacent = text[max(0, p.start - len(prev) - 1) : p.start] == prev + " "
    # "Radiosender „Deutschlandfunk“", "Fachblatt „…“": a noun in apposition before a name.
    if (
        adjacent
        and prev[:1].isupper()
        and words[0][:1].isupper()
        and not _ends_sentence_before(text, p.start - len(prev) - 1)
    ):
        return True
    if any(ch.isdigit() for ch in "".join(words)) and len(words) <= 3:
        return True  # „c5“, „Shenzhou 6“, „documenta 12“
    said_object = (
        reported and low in DEFINITE and _word_before(text, p.start - len(prev) - 1).lower() in _SPEECH_OBJECT_PREPS
    )
    if (
        adjacent
        and low in DEFINITE
        and words[0][:1].isupper()
        and len(text[p.inner_start : p.inner_end]) < (SUBJECT_QUOTE_MAX_CHARS)
        and not said_object
    ):
        return True  # "die „Computerwoche“", "von der „Aktion Deutschland hilft“": a name
    if len(words) == 1 and words[0][:1].isupper() or _title_like(words):
        # „Golem“, „Berliner Zeitung“: names, unless reported speech calls something that
        # ("nannte den Bericht eine „Zeitungsente“", "sei ein „Opfer des Terrorismus“").
        # "warfen der Regierung unter anderem „Wortbruch“ vor": a bare noun (no article or preposition before it)
        # as the object of a verb whose subject names someone.
        bare_object = (
            held
            and prev[:1].islower()
            and low not in word_set("determiners.txt")
            and low not in word_set("prepositions.txt")
        )
        phrase_intro = low in _PHRASE_INTRO or (speaks_of and low == "von") or said_object or bare_object
        return not (reported and adjacent and phrase_intro)
    return False


# Words between a slogan noun and its slogan: "Parolen wie zum Beispiel „…“", "die Aufschrift „…“", and the
# slogans after the first ("Parolen wie „…“ oder „…“"; a masked quotation reads as underscores).
_SLOGAN_FILLERS = frozenset(["wie", "zum", "beispiel", "etwa", "beispielsweise", "und", "oder", "sowie"]) | DEFINITE


def _after_slogan_noun(masked: str, p: Pair, sb: int) -> bool:
    """Is the quotation a slogan after a noun such as "Parolen", "Sprechchöre", "Aufschrift"
    (``slogan_nouns.txt``), with only "wie (zum Beispiel)", an article or earlier slogans between?"""
    before: list[str] = WORD.findall(masked, max(sb, p.start - 80), p.start)  # (typed: mypyc reverses a list)
    for w in reversed(before):
        low = w.lower()
        if low in _SLOGAN_FILLERS or not w.strip("_"):
            continue
        return low in word_set("slogan_nouns.txt")
    return False


def _held_fragment(text: str, p: Pair, inner: str, words: list[str]) -> bool:
    """A lowercase German phrase (:func:`quoted_speech.lower_phrase`) that no noun right before it names
    ("des Stamms „al-Abdullah bin Dahha“" is a name in apposition, "rechnen mit „sehr ergiebigen …“" is not)."""
    prev = _word_before(text, p.start)
    apposition = prev[:1].isupper() and text[max(0, p.start - len(prev) - 1) : p.start] == prev + " "
    return not apposition and quoted_speech.lower_phrase(inner, words)


def _after_quotation(text: str, p: Pair) -> bool:
    """ "… sind ein „geflügeltes Wort“: „That's one small step …“": the word right before the opening mark ends
    another quotation, so it does not name this one (a title or scare word marks only what follows it)."""
    return any(ch in '“”"»«' for ch in text[max(0, p.start - 3) : p.start])


# What stands between a quotation and its translation in brackets: "(übersetzt etwa: „…“)", "(deutsch: „…“)",
# "(zu Deutsch „…“)".
_TRANSLATION_GAP = re.compile(
    r"\s*\(\s*(?:(?:zu|auf)\s+)?(?:übersetzt|[Dd]eutsch|dt\.)(?:\s+(?:etwa|in\s+etwa|sinngemäß|wörtlich))?\s*:?\s*"
)


def _translation_of(text: str, before: Pair, p: Pair) -> bool:
    """Is the quotation ``p`` the translation, in brackets, of the quotation ``before`` right before it?"""
    return before.end <= p.start and _TRANSLATION_GAP.fullmatch(text, before.end, p.start) is not None


def _aside(text: str, p: Pair) -> bool:
    """A quotation in parentheses or glued to a word: a translation or part of a compound
    ("(„gens du voyage“)", "(übersetzt etwa: „…“)", "„Eins zu Eins“-Begegnung")."""
    before = text[max(0, p.start - 40) : p.start]
    opened = before.rfind("(") > before.rfind(")")
    return opened or text[p.end : p.end + 1] in ("-", "‐")  # (not "" at the text's end: "" is in every string)


def _ends_sentence_before(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


def _title_like(words: list[str]) -> bool:
    """ "Berliner Zeitung", "Shenzhou 6", "Koalition der Willigen": a name, not speech."""
    if len(words) < 2 or words[0] in word_set("function_words.txt"):
        return False  # "auf Messers Schneide": a phrase opening with a preposition is no title
    content = [
        w
        for w in words
        if w.lower() not in word_set("function_words.txt")
        and w.lower() not in ("der", "die", "das", "des", "dem", "den")
    ]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _marker_right_before(masked: str, p: Pair, so: int, by_sent: dict[int, list[Cue]]) -> Cue | None:
    """ "laut Klinikdirektor X „…“": a marker whose source ends right before the quotation frames it,
    whatever verb follows."""
    for c in by_sent.get(so, []):
        adjacent = c.start < p.start and not masked[c.frame_end : p.start].strip()
        if adjacent and c.kind == "marker" and c.speaker is not None:
            return c
    return None


_RELATIVE_PRONOUNS = frozenset(
    ["der", "die", "das", "dem", "den", "denen", "deren", "dessen", "welcher", "welche", "welches", "welchem"]
    + ["welchen"]
)


def _closed_relative_clause(masked: str, c: Cue, p: Pair, sb: int) -> bool:
    """Is the verb cue ``c`` in a relative clause (", (zu) der …") that a comma closes before the quotation?
    (``sb``: where the cue's sentence starts.)"""
    if c.kind != "verb" or c.end > p.start or "," not in masked[c.end : p.start]:
        return False
    comma = masked.rfind(",", sb, c.start)
    if comma < 0:
        return False
    words = WORD.findall(masked, comma, c.start)[:2]
    if words and words[0] in word_set("prepositions.txt"):
        words = words[1:]
    return bool(words) and words[0] in _RELATIVE_PRONOUNS


# A masked quotation inside a stretch of the masked text.
_MASKED_QUOTE = re.compile(r"[„“»\"]_+[“”«\"]")


def _cue_after(masked: str, p: Pair, sc: int, by_sent: dict[int, list[Cue]]) -> Cue | None:
    """„…“, sagte X  /  „…“, so X  /  „…“, hatte X gesagt  /  „…“ sagte X."""
    for c in by_sent.get(sc, []):
        if c.start < p.end:
            continue
        between = masked[p.end : c.start]
        toks = WORD.findall(between)
        names = list(_MASKED_QUOTE.finditer(between))
        if any(not quoted_name_in_phrase(masked, p.end + m.end(), p.end) for m in names):
            return None  # another quotation between, unless a name inside a phrase ("im Fachblatt „…“")
        if re.search(r"[.!?:;]", between):
            return None
        if not toks and "," not in between and p.inner_end - p.inner_start < SUBJECT_QUOTE_MAX_CHARS:
            return None  # "Wie „heise online“ berichtet": the quotation names the speaker
        if len(toks) <= 3 and all(t.lower() in AUXILIARIES or t.lower() in ("so", "es") for t in toks):
            return c
        # "„…“, hatte der Minister zuvor gesagt": speaker between auxiliary and participle.
        if toks and toks[0].lower() in AUXILIARIES and len(toks) <= MAX_AUX_GAP_WORDS and c.speaker is not None:
            return c
        return None
    return None


_VERB_AFTER_QUOTE = re.compile(r"[ \t]*,[ \t]*([a-zäöüß]+)\b")


def _unlisted_verb_after(masked: str, p: Pair, sc: int, sents) -> Cue | None:
    """ "„…“, strich Romney heraus": a finite verb right after the quotation's comma is an
    attribution even when the verb is not in the lexicon; its subject is the speaker."""
    m = _VERB_AFTER_QUOTE.match(masked, p.end)
    if not m:
        return None
    word = m.group(1)
    if word in word_set("function_words.txt") or word in word_set("determiners.txt") or word in _NOT_VERBS:
        return None
    se = sents[sc][1]
    clause_end = next((i for i in range(m.end(), se) if masked[i] in ',;:.!?_„“"'), se)
    sp = subject_for_verb(masked, m.start(1), m.start(1), m.end(1), clause_end)
    if sp is None or person_score(sp) < 0:
        return None
    return Cue("verb", m.start(1), m.end(1), sc, word, sp, p.end, m.end(1), word)


def _cue_of_fronted_clause(masked: str, p: Pair, so: int, sents, by_sent, after: Cue) -> Cue | None:
    """ "Während Shakira erklärte, aufgeregt zu sein, „größer wird es nicht“, räumte Lopez ein, …": a
    quotation closing a fronted subordinate clause (the sentence opens with a subordinator and the
    main clause's verb follows the quotation's comma) belongs to the speech verb inside that clause."""
    sb = sents[so][0]
    first = WORD.match(masked, sb)
    if first is None or first.group(0).lower() not in word_set("subordinators.txt"):
        return None
    if not masked[p.end : after.start].strip().startswith(",") or WORD.search(masked, p.end, after.start):
        return None  # the verb right after the comma opens the main clause
    inner = [
        c
        for c in by_sent.get(so, [])
        if c.kind == "verb" and c.speaker is not None and first.end() <= c.start and c.end <= p.start
    ]
    return inner[-1] if inner else None


# Conjunctions that join the last member of a list of speakers.
_LIST_AND = frozenset(["und", "sowie"])


def _last_of_listed_speakers(masked: str, p: Pair, cue: Cue, sb: int) -> Phrase | None:
    """ "Es gratulierten Obama, so Ministerpräsident A, der Leiter B und der Premier C: „…“": the colon
    closes the last member of the list of speakers, a titled person after "und", not the cue's first."""
    if cue.speaker is None:
        return None
    colon = masked.rfind(":", sb, p.start)
    toks = tokens(masked, max(sb, cue.speaker.end), colon)
    if len(toks) < 2 or not (toks[0][2] == "," or toks[0][2].lower() in _LIST_AND):
        return None  # the cue's speaker opens the list: "so A, B und C:", not "A sagte zu B und C:"
    preps = word_set("prepositions.txt")
    if any(
        toks[k][2].lower() in preps
        for k in range(1, len(toks))
        if toks[k - 1][2] == "," or toks[k - 1][2].lower() in _LIST_AND
    ):
        return None  # a member governed by a preposition is no speaker ("…, zu den Journalisten und …")
    i = np_ending_at(toks, len(toks))
    if i is None or i == 0 or toks[i - 1][2].lower() not in _LIST_AND:
        return None
    sp = phrase(masked, toks, i, len(toks))
    return sp if sp is not None and person_score(sp) >= 2 else None


def _cue_before_colon(
    masked: str, p: Pair, so: int, sents: list[tuple[int, int]], by_sent: dict[int, list[Cue]]
) -> Cue | None:
    """X sagte: „…“ — a cue in the same sentence whose clause ends in a colon before the quote."""
    sb = sents[so][0]
    before = masked[sb : p.start].rstrip()
    if not before.endswith(":"):
        return None
    # "Sie wandte sich gegen die ihrer Meinung nach verbreiteten Illusionen: „…“": a possessive source
    # inside the clause is no cue of the colon; the clause's speech verb or its subject is.
    cands = [c for c in by_sent.get(so, []) if c.end <= p.start and not possessive_source(c)]
    if not cands:
        return None
    last = cands[-1]
    if last.kind == "marker":
        # "sagte die Kanzlerin einigen Teilnehmern zufolge: „…“": the marker names who reported the
        # words, the speech verb of the same clause who said them.
        for c in reversed(cands[:-1]):
            if c.kind == "verb" and c.speaker is not None and not re.search(r"[,;:]", masked[c.end : last.start]):
                return c
    if last.kind == "verb" and (own := _main_clause_after_wie(masked, last, p)) is not None:
        return replace(last, speaker=own)
    if last.kind == "verb" and (own := _conjunct_subject_before_colon(masked, last, sb + len(before) - 1)) is not None:
        return replace(last, speaker=own)
    return last


# Conjunctions that join a second main clause with a subject of its own ("…, und Y hatte erwidert: „…“").
_CLAUSE_CONJUNCTIONS = re.compile(r",\s*(?:und|aber|doch|sondern|während)\s+")


def _conjunct_subject_before_colon(masked: str, c: Cue, colon: int) -> Phrase | None:
    """ "X hatte Y vorgeworfen, Absprachen zu brechen, und Z hatte erwidert: „…“": a second main clause after the
    speech verb ``c``, joined by a conjunction and ending in the colon, with a subject of its own: that subject
    speaks the words, whether or not its verb is a listed speech verb; ``c``'s subject spoke its own clause."""
    joins = list(_CLAUSE_CONJUNCTIONS.finditer(masked, c.end, colon))
    if not joins or re.search(r"[,;:.!?]", masked[joins[-1].end() : colon]):
        return None
    start = joins[-1].end()
    sp = clause_subject(masked, start, colon)
    if sp is None or sp.start != start or person_score(sp) < 1:
        return None  # "…, und dann sagte er: …" has its subject after the verb; "und" + an object is no clause
    return sp


def _main_clause_after_wie(masked: str, c: Cue, p: Pair) -> Phrase | None:
    """ "Wie der Sender berichtet, gab der Sprecher eine Erklärung ab: „…“", "Als Beck nach dem Geld fragte,
    zögerte Lind: „…“": the speech verb ``c`` frames a fronted subordinate clause only; the main clause that runs
    on to the colon has its own subject, and that one speaks.  None when the cue's clause is no fronted
    subordinate clause or the main clause names no one (then the reporter of the fronted clause is all the text
    gives)."""
    first = WORD.match(masked, c.frame_start)
    if first is None or first.group(0).lower() not in _FRONTED_OPENERS | word_set("subordinators.txt"):
        return None
    colon = masked.rfind(":", c.end, p.start)
    comma = _main_clause_comma(masked, c.end, colon, first_ends=True) if colon >= 0 else None
    if colon < 0 or comma is None:
        return None
    sp = _subject_after_verb(masked, comma + 1, colon)
    return sp if sp is not None and not sp.pronoun and _may_speak(sp) else None


def _reports_main_clause(masked: str, c: Cue) -> bool:
    """Does the cue's clause open with "wie", a report of the main clause after it ("Wie der Sender berichtet, gab
    der Sprecher …": the train split annotates that clause as the sender's indirect quotation)?"""
    first = WORD.match(masked, c.frame_start)
    return first is not None and first.group(0).lower() == "wie"


def _main_clause_comma(masked: str, start: int, colon: int, *, first_ends: bool = False) -> int | None:
    """The comma after which the main clause ending in ``colon`` opens with its finite verb, after a fronted
    clause from ``start``: the first comma, or, when the fronted clause has a complement clause of its own ("Als
    der Richter fragte, ob er ihn wiedererkenne, nickte der Zeuge: „…“"), the last one when a finite verb (a
    lower-case word, no function word or preposition) follows it. With ``first_ends`` a main clause may go on
    past commas of its own ("Wie X berichtet, gab Y eine Stellungnahme, die …:"): the first comma unless a
    complement clause follows it. None without a comma, or when the commas leave no such main clause."""
    comma = masked.find(",", start, colon)
    if comma < 0:
        return None
    if "," not in masked[comma + 1 : colon]:
        return comma
    last = masked.rfind(",", comma + 1, colon)
    if _COMPLEMENT.match(masked, comma) is None:
        # (the later commas are no dass/ob clause of the fronted one: the main clause's own, a list, an apposition)
        return comma if first_ends else None
    m = WORD.search(masked, last + 1, colon)
    verb = m.group(0) if m is not None and not masked[last + 1 : m.start()].strip() else ""
    if not (
        verb.isalpha()
        and verb.islower()
        and verb not in word_set("function_words.txt")
        and verb not in word_set("prepositions.txt")
    ):
        return None
    return last


def _may_speak(sp: Phrase) -> bool:
    """Is ``sp``, the subject of the main clause after a fronted one, someone who may speak: a name or role
    (:func:`person_score`), or a phrase whose head noun names people ("der Rentner", "der Zeuge", "die
    Schülerin", "der 71-Jährige"; "die Stimmung", "der Saal" do not)."""
    if person_score(sp) >= 1:
        return True
    if sp.pronoun:
        return False
    head = sp.text.split()[-1] if sp.text.split() else ""
    return bool(head) and head[:1].isupper() and (person_noun(head) or may_name_people(head))


def _subject_after_verb(masked: str, start: int, end: int) -> Phrase | None:
    """The subject of a main clause that opens with its finite verb after a fronted clause (", zögerte Lind
    kurz", ", gab der Sprecher … ab"): the noun phrase right after the verb, else the clause's subject."""
    toks = tokens(masked, start, end)
    first = toks[0][2] if toks else ""
    if (
        len(toks) > 1
        and first.isalpha()
        and first.islower()
        and first not in word_set("function_words.txt")
        and first not in word_set("prepositions.txt")
    ):
        # (", zum Urteil:" after "wie von der Verteidigung ausgeführt" is the frame's phrase, no verb and subject)
        j = read_np(toks, 1)
        if j > 1:
            return phrase(masked, toks, 1, j)
    return clause_subject(masked, start, end)


# ", dass …" / ", ob …": a complement clause, with its own subject before its verb.
_COMPLEMENT = re.compile(r",\s+((?:dass|ob)\s)")


def _complement_start(masked: str, sb: int, pos: int) -> int | None:
    """Where the dass/ob clause holding ``pos`` starts (its "dass"), or None when ``pos`` is in no such clause."""
    starts = [m.start(1) for m in _COMPLEMENT.finditer(masked, sb, pos)]
    return starts[-1] if starts else None


def _np_before_colon(masked: str, p: Pair, so: int, sents, pair_ends: list[int]) -> Phrase | None:
    """ "Merkel: „…“", "Obama warb mit den Worten: „…“" — the subject of the clause before the colon."""
    sb = sents[so][0]
    k = bisect.bisect_right(pair_ends, p.start) - 1
    if k >= 0 and pair_ends[k] > sb:
        sb = pair_ends[k]
    before = masked[sb : p.start].rstrip()
    if not before.endswith(":"):
        return None
    source = _written_place(masked, sb, sb + len(before) - 1) or _reaction_source(masked, sb, sb + len(before) - 1)
    if source is not None:
        return source
    sp = _main_clause_subject(masked, sb, sb + len(before) - 1) or clause_subject(masked, sb, sb + len(before) - 1)
    # Without a speech verb only a person-like subject introduces the quotation
    # ("Merkel: „…“"); "Seine Zuversicht gründet sich auf …: „…“" leaves it to the context.
    if sp is None or person_score(sp) < 0:
        return None
    if (
        not sp.pronoun
        and konjunktiv_words(masked, sb, sb + len(before), strong=True)
        and not names_someone(name_of(sp.text), TextWords(masked))
    ):
        # "Die Pflichten der Union seien im Vertrag festgelegt: „…“": reported speech going on, its subject is
        # what is reported on; the speaker is the one reporting, the previous sentence's subject when that is
        # someone ("Figeľ bekräftigte …"), else whoever the context gives.
        return _previous_subject(masked, sents, so)
    return sp


# Words that open a fronted subordinate clause: "Ob er weitermache, ließ X offen: „…“".
_FRONTED_OPENERS = frozenset(["ob", "wann", "warum", "wieso", "weshalb", "wie", "wo", "wer", "was", "dass"])


def _main_clause_subject(masked: str, start: int, colon: int) -> Phrase | None:
    """ "Ob er die Koalition fortsetzen wolle, ließ Ohlsen offen: „…“": after a fronted subordinate clause, the
    subject of the main clause that ends in the colon (its verb comes first, its subject after it), not the
    pronoun of the fronted clause; None when the clause before the colon opens otherwise."""
    first = WORD.search(masked, start, colon)
    if first is None or first.group(0).lower() not in _FRONTED_OPENERS | word_set("subordinators.txt"):
        return None
    comma = _main_clause_comma(masked, first.end(), colon)
    if comma is None:
        return None
    sp = _subject_after_verb(masked, comma + 1, colon)
    return sp if sp is not None and _may_speak(sp) else None


# Words that say a text is written somewhere and read there: "war … zu lesen", "ist … zu finden", "fand sich"
# (and "stand geschrieben", "stand: „…“", see :func:`_written_place`): the place is the source of the words (the
# training data annotates the sign, the paper or the claim as the speaker: 6 of 6 direct quotations in train with
# such a clause and a place; 1 of 2 with carriers, "Transparente, auf denen Sprüche wie „…“ standen", annotates
# those who carry them).
_READ_THERE = (
    ("zu", "lesen"),
    ("zu", "finden"),
    ("fand", "sich"),
    ("findet", "sich"),
    ("fanden", "sich"),
    ("finden", "sich"),
)
_READ_THERE_FIRST = frozenset(w[0] for w in _READ_THERE)
# Finite "stehen" says it only of a surface and with the words as its subject: "Auf dem Schild stand: „…“" ("in
# dem Bericht steht" is a document's cue, cues._document_source).
_STANDS = frozenset(["steht", "stand", "stehen", "standen"])
# Prepositions of the place words are written on or in.
_PLACE_PREPS = frozenset(["auf", "an", "in", "im", "am"])
_SURFACE_PREPS = frozenset(["auf", "an", "am"])
# Relative pronouns after such a preposition: "ein Schild, auf dem geschrieben stand".
_PLACE_RELATIVES = frozenset(["dem", "der", "denen"])


def _written_place(masked: str, start: int, end: int) -> Phrase | None:
    """The thing a clause of ``[start, end)`` says words are written on or in, when it says they are read there
    (:data:`_READ_THERE`; finite "stehen" with a surface, "auf"/"an"): the noun phrase after "auf"/"an"/"in"
    ("Auf dem Transparent war … zu lesen", "in der Behauptung zu finden"), or the antecedent of a relative
    clause opened by such a preposition ("ein Zettel, auf dem geschrieben stand").  None when the clause says no
    such thing, names no place, or the place is a time ("am Montag war zu lesen") or someone."""
    toks = tokens(masked, start, end)
    lows = [t[2].lower() for t in toks]
    surface_only = False
    written = any(
        low == "geschrieben" and (_STANDS.intersection(lows[k - 1 : k]) or _STANDS.intersection(lows[k + 1 : k + 2]))
        for k, low in enumerate(lows)
    )  # "stand geschrieben", "auf dem geschrieben steht" (not "hat … geschrieben": someone wrote)
    if not written and not any(
        tuple(lows[k : k + len(w)]) == w for k, low in enumerate(lows) if low in _READ_THERE_FIRST for w in _READ_THERE
    ):  # (only where one of the phrases can start: a slice per token and phrase was ~1 % of a pass)
        # "stehen" only with the words as its subject, right after it: "Auf dem Schild stand: „…“", not "Auf
        # dem Podium stand Roth: „…“"
        if not any(low in _STANDS and (k + 1 == len(toks) or toks[k + 1][2] in ":„“\"") for k, low in enumerate(lows)):
            return None
        surface_only = True
    preps = _SURFACE_PREPS if surface_only else _PLACE_PREPS
    # A relative clause opened by the preposition first: it is the clause that says the words stand there
    # ("An jeder Tür hing ein Zettel, auf dem stand: …": the note, not the door).
    relative = [
        k
        for k in range(1, len(toks) - 1)
        if lows[k] in preps and lows[k + 1] in _PLACE_RELATIVES and toks[k - 1][2] == ","
    ]
    for k in relative + [k for k in range(len(toks) - 1) if lows[k] in preps and k not in relative]:
        if k in relative:
            end = k - 1
            if np_ending_at(toks, end) is None and k >= 2 and toks[k - 2][2].isalpha() and toks[k - 2][2].islower():
                end = k - 2  # "ein Zettel kleben, auf dem …": the clause follows the verb that closes the bracket
            i = np_ending_at(toks, end)
            if i is None:
                return None  # the relative clause says the words stand on something this reading cannot tell
            place = phrase(masked, toks, i, end)
        else:
            j = read_np(toks, k + 1)
            place = phrase(masked, toks, k + 1, j) if j > k + 1 else None
        if place is None or place.pronoun or "_" in place.text or person_score(place) >= 1:
            continue  # (no phrase, a quoted name, someone: "an den Minister")
        if not place.text.split()[-1][:1].isupper() or _is_time(place.text):
            continue
        return place
    return None


# Nouns that name the words themselves ("der Satz „…“", "die Worte: „…“"), besides the speech nouns (der Hinweis,
# die Feststellung) and the slogan nouns (die Parole): never the source of the words they name.
_WORDS_NOUNS = frozenset(["satz", "sätze", "wort", "worte", "zeile", "zeilen", "text", "zitat", "zitate"])


def names_the_words(sp: Phrase) -> bool:
    """Is ``sp`` a noun phrase naming the quoted words themselves ("der Satz", "die Parole", "der Hinweis")?"""
    if sp.pronoun:
        return False
    caps = [w for w in WORD.findall(sp.text) if w[:1].isupper()]
    if not caps:
        return False
    head = caps[-1].lower()
    return head in _WORDS_NOUNS or head in speech_act_nouns() or head in word_set("slogan_nouns.txt")


def _is_time(words: str) -> bool:
    """Is the phrase a time ("am Montag", "im Mai", "in der Nacht")?"""
    head = words.split()[-1].lower()
    return is_date(words.split()) or any(
        head == n or head in (n + "s", n + "es", n + "e", n + "en", n + "n") for n in word_set("time_nouns.txt")
    )


# Prepositions that name where a reaction came from: "Kritik kam von der Opposition", "Lob aus Brüssel".
_SOURCE_PREPS = frozenset(["von", "vom", "aus"])


def _reaction_source(masked: str, start: int, end: int) -> Phrase | None:
    """The source of a speech act the clause opens with ("Kritik kam auch von Tom Weber: „…“", "Unterstützung
    bekam die Ministerin von ihrem Vorgänger: „…“"): the clause's first noun phrase is a speech noun
    (:func:`lexicon.speech_act_nouns`: "Kritik", "Lob", "Widerspruch") and "von"/"vom"/"aus" names who made it;
    None otherwise."""
    toks = tokens(masked, start, end)
    if not toks or not toks[0][2][:1].isupper() or toks[0][2].lower() not in speech_act_nouns():
        return None
    for k in range(1, len(toks) - 1):
        if toks[k][2].lower() in _SOURCE_PREPS:
            e = read_np(toks, k + 1)
            if e == len(toks):
                sp = phrase(masked, toks, k + 1, e)
                return sp if sp is not None and person_score(sp) >= 0 else None
    return None


def _previous_subject(masked: str, sents, so: int) -> Phrase | None:
    """The subject of the sentence before ``sents[so]`` when it names someone (a pronoun, a titled person or a
    name), else None."""
    if so == 0:
        return None
    sp = clause_subject(masked, *sents[so - 1])
    if sp is None or person_score(sp) < 1:
        return None
    return sp if sp.pronoun or names_someone(name_of(sp.text), TextWords(masked)) else None


def _gives_way(masked: str, c: Cue, p: Pair) -> bool:
    """Does the verb cue ``c`` give way to another speech verb of the quotation's sentence: its speaker is an
    object or a date (person_score < 0), or it frames a "wie" clause closed by a comma before the quotation
    (a parenthesis inside another clause)?"""
    if c.speaker is not None and not c.speaker.pronoun and person_score(c.speaker) < 0:
        return True
    first = WORD.match(masked, c.frame_start)
    return (
        c.end <= p.start
        and first is not None
        and first.group(0).lower() == "wie"
        and "," in masked[c.end : p.start]
        and masked[max(0, c.frame_start - 2) : c.frame_start].strip() == ","
    )


def _sourcing_marker(c: Cue) -> bool:
    """A sourcing adverbial that names its source ("laut X", "X zufolge", "nach Angaben von X"), not one
    that points back to a speaker named elsewhere ("nach eigenen Angaben", "seiner Ansicht nach", "Demnach")."""
    if c.kind != "marker" or c.speaker is None or c.mention is not None:
        return False
    first = c.speaker.text.split()[0].lower()
    return not first.startswith("eigen") and first not in _POSSESSIVES  # "laut eigener Aussage" points back


# Words that open the genitive or "von" owner of a speech noun ("der Vorwurf der CDU", "die Forderung von X").
_OWNER_LINKS = frozenset(["der", "des", "eines", "einer", "von", "vom"])


def _speech_noun_owner(masked: str, p: Pair, so: int, sent: tuple[int, int], cands: list[Cue]) -> Cue | None:
    """ "Auf den Vorwurf der CDU, es handele sich um einen „sozialistischen Antrag“, entgegnete …": a quotation
    in the content clause of a speech noun (after its comma: "dass"/"ob", a Konjunktiv clause or a
    zu-infinitive) is the words of the noun's owner (a genitive or "von" after it, a genitive name before it:
    "Roths Forderung, die Steuern „…“ zu senken"), not of the verb the sentence goes on with.  Returned as a
    marker cue whose speaker is the owner; None when the quotation is in no such clause, or a speech verb
    stands between."""
    sb, se = sent
    if masked.find(",", sb, p.start) == -1:
        return None  # (no comma before the quotation: no content clause after an owner; most quotations)
    toks = tokens(masked, sb, p.start)
    nouns = speech_act_nouns()
    for k in range(len(toks) - 2, -1, -1):
        word = toks[k][2]
        if not (word[:1].isupper() and word.lower() in nouns):
            continue
        owner_span = _noun_owner(toks, k)
        if owner_span is None:
            continue
        b, e, comma = owner_span
        owner = phrase(masked, toks, b, e)
        if owner is None or person_score(owner) < 0 or re.search(r"[;:]", masked[toks[comma][1] : p.start]):
            return None
        if comma + 1 >= len(toks):
            return None
        opener = toks[comma + 1][2].lower()
        clause_start = toks[comma][1]
        # a relative pronoun, not an article: no noun follows it ("…, die Regierung betreibe …" has one)
        relative = opener in _RELATIVE_PRONOUNS and not (comma + 2 < len(toks) and toks[comma + 2][2][:1].isupper())
        if (
            relative
            or opener in word_set("prepositions.txt")
            or (opener in word_set("subordinators.txt") and opener not in ("dass", "ob"))
        ):
            return None  # "der Bericht des Ausschusses, der …", "die Untersuchung des Vorfalls, bei dem …"
        clause_end = masked.find(",", p.end, se)
        infinitive = _ZU_INFINITIVE_END.search(masked, p.end, clause_end if clause_end != -1 else se)
        if opener not in ("dass", "ob") and not konjunktiv_words(masked, clause_start, p.start) and not infinitive:
            return None
        if any(c.kind == "verb" and clause_start <= c.start < p.start for c in cands):
            return None  # "die Kritik der CDU, der Minister habe gesagt, …": the verb's subject speaks
        return Cue("marker", toks[k][0], toks[k][1], so, word, owner, toks[k][0], toks[comma][0])
    return None


# Nouns that name the quoted words themselves, inflected, whose genitive or "von" attribute names who said them ("der
# Satz einer Ärztin", "die Worte seines Vaters", "ein Spruch des Trainers"); speech-act nouns ("die Frage des
# Reporters", "der Vorwurf der CDU") are left out: the words after them are as often the reply to them.
_OWNED_WORDS_NOUNS = frozenset(
    ["satz", "satzes", "sätze", "wort", "wortes", "worte", "worten", "zitat", "zitats", "zitates", "spruch", "spruchs",
     "spruches", "sprüche", "ausspruch", "ausspruchs", "aussprüche"]
)
# Words that open the owner of such a noun: the genitive or "von" links, and genitive possessives ("die Worte
# ihres Vaters").
_WORDS_OWNER_LINKS = _OWNER_LINKS | frozenset(
    ["seines", "seiner", "ihres", "ihrer", "meines", "meiner", "unseres", "unserer", "deines", "deiner", "eures",
     "eurer"]
)


def _words_owner(masked: str, p: Pair, so: int, sent: tuple[int, int]) -> Cue | None:
    """ "Sie erinnerte an den Satz eines alten Hausarztes, „Wer nicht fragt, heilt nicht“": quoted words standing
    right after a noun that names words ("Satz", "Worte", "Spruch", "Zitat") with its owner (a genitive or "von"
    phrase) are the owner's words, in apposition to the noun - not those of the clause's subject, who only
    recalls or quotes them.  Returned as a marker cue whose speaker is the owner; None when no such phrase ends
    right before the quotation (a comma or colon between at most), when the owner can name no one ("der Satz des
    Abends"), or when the noun is what someone replies to ("antwortete auf die Worte des Kanzlers: „…“")."""
    sb = sent[0]
    toks = tokens(masked, sb, p.start)
    if toks and toks[-1][2] in (",", ":"):
        toks = toks[:-1]
    n = len(toks)
    for k in range(n - 2, max(-1, n - 12), -1):
        word = toks[k][2]
        if not (word[:1].isupper() and word.lower() in _OWNED_WORDS_NOUNS):
            continue
        link = toks[k + 1][2].lower()
        if link not in _WORDS_OWNER_LINKS:
            return None
        first = k + 2 if link in ("von", "vom") else k + 1
        if read_np(toks, first) != n:
            return None
        owner = phrase(masked, toks, first, n)
        if owner is None or owner.pronoun or not _may_speak_as_owner(owner):
            return None
        if any(t[2].lower() == "auf" for t in toks[max(0, k - 3) : k]):
            return None  # "reagierte auf die Worte des Kanzlers: „…“": the reply, not the words replied to
        return Cue("marker", toks[k][0], toks[k][1], so, word, owner, toks[k][0], toks[n - 1][1])
    return None


def _may_speak_as_owner(owner: Phrase) -> bool:
    """Can the owner of quoted words have said them: a titled or named person, or a phrase with a capitalised
    word that may name people or an organisation ("eines alten Hausarztes", "der Gewerkschaft"), not a time or
    a work ("des Abends", "des Liedes")?"""
    if person_score(owner) < 0:
        return False
    if person_score(owner) >= 1:
        return True
    return any(w[:1].isupper() and (may_name_people(w) or is_organisation(w)) for w in owner.text.split())


# A zu-infinitive closing a clause: "…, die Steuern „sofort“ zu senken," / "… zu haben."
_ZU_INFINITIVE_END = re.compile(r"\bzu [a-zäöü]+n\s*(?=[,.;:!?]|$)")


def _noun_owner(toks: list[tuple[int, int, str]], k: int) -> tuple[int, int, int] | None:
    """The owner of the speech noun ``toks[k]`` and the comma that opens its content clause, as token indices
    (owner start, owner end, comma): a genitive or "von" phrase right after the noun ("der Vorwurf der CDU,",
    "die Forderung von Anna Roth,") or a genitive name right before it ("Roths Forderung,")."""
    n = len(toks)
    if k + 1 < n and toks[k + 1][2].lower() in _OWNER_LINKS:
        first = k + 2 if toks[k + 1][2].lower() in ("von", "vom") else k + 1
        e = read_np(toks, first)
        if first < e < n and toks[e][2] == ",":
            return first, e, e
        return None
    if k >= 1 and k + 1 < n and toks[k + 1][2] == ",":
        name = toks[k - 1][2]
        genitive = name[:1].isupper() and name.endswith("s") and name.lower() not in _OWNER_LINKS
        if genitive and not _is_noun_before(toks, k - 1):
            b = k - 2 if k >= 2 and toks[k - 2][2][:1].isupper() and toks[k - 2][2].lower() not in DEFINITE else k - 1
            return b, k, k + 1
    return None


def _is_noun_before(toks: list[tuple[int, int, str]], i: int) -> bool:
    """Is ``toks[i]`` inside a noun phrase opened by an article before it ("des Landes Forderung" is no
    prenominal name: "des Landes" is an attribute of what precedes)?"""
    return i >= 1 and toks[i - 1][2].lower() in DEFINITE


# Conjunctions opening a subordinate clause whose speech verb frames none of the words outside it (not "wie" and
# "als": "„…“, wie der Minister sagte" is the quotation's frame).
_SUBORDINATE_OPENERS = frozenset(
    ["dass", "ob", "falls", "sofern", "wenn", "weil", "obwohl", "obgleich", "wenngleich", "solange", "nachdem", "bevor",
     "damit", "zumal", "sodass", "indem", "sobald"]
)


def _in_subordinate_clause_after(masked: str, c: Cue, p: Pair) -> bool:
    """Does the verb cue ``c`` stand after the quotation in a clause opened by a subordinating conjunction after a
    comma or dash ("…, dass der Kanzler die Reform für gescheitert erklären sollte")?"""
    if c.start < p.end:
        return False
    cut = max(masked.rfind(",", p.end, c.start), masked.rfind("–", p.end, c.start), masked.rfind(" - ", p.end, c.start))
    if cut == -1:
        return False
    first = WORD.search(masked, cut, c.start)
    return first is not None and first.group(0).lower() in _SUBORDINATE_OPENERS


def _cue_in_sentence(
    masked: str, p: Pair, so: int, sc: int, sents: list[tuple[int, int]], by_sent: dict[int, list[Cue]]
) -> Cue | None:
    """A cue elsewhere in the sentence(s) of the quotation: quotation inside reported speech."""
    cands = [c for s in range(so, sc + 1) for c in by_sent.get(s, []) if c.speaker is not None or c.mention is not None]
    # A verb in a relative clause closed before the quotation speaks of something else: "Laut Polizei
    # ist die Demonstration, zu der ein Bündnis aufgerufen hatte, „störungsfrei“ verlaufen".
    cands = [c for c in cands if not _closed_relative_clause(masked, c, p, sents[c.sent][0])] or cands
    if not cands:
        return None
    # Prefer the nearest cue before the quotation, else the first after it; among those, a
    # speech verb's speaker over a source named by "laut"/"nach" ("laut der Studie … sagte X").
    before = [c for c in cands if c.end <= p.start]
    if (
        before
        and before[-1].word == "nach"
        and before[-1].mention is not None
        and not re.search(r"[,;:]", masked[before[-1].end : p.start])
    ):
        # "…, bei dem es sich seiner Meinung nach um einen „…“ handle": a source pointing back from
        # the quotation's own clause is nearer than the main clause's verb.
        return before[-1]
    cands = [c for c in cands if c.speaker is not None]
    if not cands:
        return None
    before = [c for c in cands if c.end <= p.start]
    closing_verb = any(
        c.kind == "verb" and c.start >= p.end and not re.search(r"[,;:]", masked[p.end : c.start]) for c in cands
    )
    verb_before = next((c for c in reversed(before) if c.kind == "verb"), None)
    if (
        before
        and _sourcing_marker(before[-1])
        and not closing_verb
        and not re.search(r"[;:]", masked[before[-1].end : p.start])
        and (verb_before is None or "," in masked[verb_before.end : before[-1].start])
    ):
        # "Die Firma teilte mit, die Arbeiten seien nach Angaben der Behörde „weitgehend“ beendet": a sourcing
        # adverbial in a clause after the speech verb's, before the quotation, names whose words the
        # quotation's clause holds (not in the verb's own clause: "Die Opposition sprach nach Angaben der
        # Zeitung von einem „Skandal“" is the opposition's; nor when a speech verb closes the quotation's
        # clause: "laut X hat Y es „…“ genannt" is Y's).
        return before[-1]
    ordered = list(reversed(before)) + [c for c in cands if c.end > p.start]
    verbs = [c for c in ordered if c.kind == "verb"]
    # A verb whose speaker is an object ("Dem Mann wird vorgeworfen, …, sagte ein Sprecher") or which frames a
    # parenthetical "wie" clause ("Der Minister nannte die Pläne, wie die Zeitung berichtet, „…“") gives way
    # to another speech verb of the sentence.
    verbs = [c for c in verbs if not _gives_way(masked, c, p)] or verbs
    # "Einen „Plan B“ – für den Fall, dass das Gericht das Gesetz für nichtig erklären sollte – gebe es nicht, sagte
    # die Ministerin": a speech verb in a subordinate clause after the quotation is content or condition; the
    # main clause's verb frames the quotation.
    verbs = [c for c in verbs if not _in_subordinate_clause_after(masked, c, p)] or verbs
    cue = verbs[0] if verbs else ordered[0]
    comp = _complement_start(masked, sents[so][0], cue.start) if cue.kind == "verb" and cue.end <= p.start else None
    if comp is not None:
        # "Der Sender will wissen, dass X das Mädchen gefragt habe, was sie „anhabe“": the words
        # quoted inside the dass clause are its subject's, though the cue names the reporter.
        own = subject_for_verb(masked, comp, cue.start, cue.end, cue.end)
        if own is not None and person_score(own) >= 1:
            return replace(cue, speaker=own)
    return cue
