"""Quotation extraction: direct and indirect speech with their speakers.

Rules over the text, its sentences and German lexicons (``briefing/lang/de/``); no
parser is needed.  The steps, each a plain function in a module of its own, run in
this order by :func:`extract.extract_quotes`:

1. :mod:`marks`: :func:`find_pairs` pairs quotation marks of every German style
   („…“ "…" »…« «…» “…”), closes a quotation left open at a paragraph break
   (multi-paragraph quotes) and drops unbalanced marks with a warning;
   :func:`mask_quotes` hides what they enclose from the rules that read around them.
2. :mod:`cues`: :func:`find_cues` finds speech cues outside quotations: speech verbs (with
   separable particles: "teilte … mit"), "laut X", "X zufolge", "nach Angaben
   X", ", so X", "hieß es aus X" — each with its speaker phrase (:mod:`speakers`).
3. :mod:`direct`: direct quotations are attributed to the cue right after them („…“, sagte X),
   the cue before a colon (X sagte: „…“ / X: „…“), a cue in the same sentence,
   or a neighbouring quotation's speaker.  Short quotations (scare quotes,
   titles) are kept only inside reported speech; :mod:`quoted_speech`, a model learned
   on train, may overrule that verdict where it is sure (cuts chosen by cross-validation).
4. :mod:`indirect`: the clause after "sagte," (dass-clause, Konjunktiv, zu-infinitive),
   the clause before ", sagte X", the sentence (or subordinate clause) around
   "laut/zufolge/nach Angaben/wonach/Demnach"; :mod:`reported`: following sentences in
   Konjunktiv I (same speaker), and unattributed Konjunktiv I or reportative "soll … haben"
   sentences (free reported speech, speaker from the context).  :mod:`konjunktiv` tells the mood.
5. :mod:`resolve`: unattributed quotations take the nearest evidence: a titled subject or
   pronoun in their sentence, a neighbouring attributed quotation, a person named just before.
6. :mod:`records`: speakers are linked to actors (``doc._.briefing_actors``) by overlapping
   mentions; pronouns are resolved to the preceding named speaker or person.
7. Precision first: a speaker name that names no one - a common noun ("Angaben"), a
   compound of one, an adverb or a fragment (:func:`speaker_names.names_someone`) - is
   dropped; the speaker's mention (its span) stays.  So is a name whose head cannot speak
   (:func:`speaker_names.head_kind`: a thing or a statement, "Dieses Kriterium", "Teil der
   Bevölkerung", an anaphor for "Spekulationen"), or it shows whom its attribute names; the
   confidence model reads whether a mention's head is such a thing (``sp_head_thing``).

:mod:`base` holds the records the steps pass on (:class:`Pair`, :class:`Cue`, :class:`Found`)
and the constants more than one step uses; :mod:`lexicon` reads the speech-verb and marker
lexicons; :mod:`component` is the ``briefing_quotes`` spaCy factory; :mod:`jsonl` is
``briefing quotes``.

Every rule was tuned on the training split of the WikiNews quotation data
(../shared/eval/quotes/train.jsonl) and is scored on dev; nothing is specific
to a document.

``extract_quotes(text, sentences)`` works on a plain string and is what the
component, the JSONL command and the tests use.
"""

from __future__ import annotations

from briefing.extract.quotes.base import Cue, Found, Pair
from briefing.extract.quotes.component import QuoteComponent, make_quotes
from briefing.extract.quotes.cues import find_cues
from briefing.extract.quotes.extract import extract_quotes
from briefing.extract.quotes.konjunktiv import konjunktiv_words
from briefing.extract.quotes.marks import find_pairs, mask_quotes
from briefing.extract.quotes.records import to_records
from briefing.extract.quotes.resolve import person_name, resolve_name

__all__ = [
    "Cue",
    "Found",
    "Pair",
    "QuoteComponent",
    "extract_quotes",
    "find_cues",
    "find_pairs",
    "konjunktiv_words",
    "make_quotes",
    "mask_quotes",
    "person_name",
    "resolve_name",
    "to_records",
]
