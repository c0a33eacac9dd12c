"""--model path: a real trained spaCy pipeline is loaded and our components use its entities.

Trains a tiny German NER (blank "de" + "ner", a few dozen sentences, seconds), saves it with
``nlp.to_disk``, loads it through ``briefing.extract.load_pipeline`` and checks that a person our
blank heuristics cannot find (a bare surname: no first name from the lexicon, no role title) becomes
an actor because the model tags it PER, and that ORG entities become organisations.
"""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

from briefing.errors import ExtractError
from briefing.extract import load_pipeline

SURNAMES = ["Kowalczyk", "Nowakowski", "Brzezinski", "Wieczorek", "Zielinska", "Grabowski", "Pawlak", "Sikorska"]
ORGS = ["Volkswagen", "Siemens", "Bosch", "Lufthansa"]
TEMPLATES = [
    "{p} sagte am Montag, die Lage sei ernst.",
    "Nach dem Treffen erklärte {p}, man sei zufrieden.",
    "Das Unternehmen {o} kündigte an, Stellen abzubauen, sagte {p}.",
    "{p} kritisierte die Pläne von {o} scharf.",
    "Am Abend traf {p} Vertreter von {o}.",
]
# Enough passes over ~40 sentences for the tiny model to learn them; measured: ~3 s on one core.
EPOCHS = 30


def _examples(nlp):
    out = []
    for k, template in enumerate(TEMPLATES):
        for j, p in enumerate(SURNAMES):
            o = ORGS[(j + k) % len(ORGS)]
            text = template.format(p=p, o=o)
            ents = [(text.index(p), text.index(p) + len(p), "PER")]
            if "{o}" in template:
                ents.append((text.index(o), text.index(o) + len(o), "ORG"))
            out.append(Example.from_dict(nlp.make_doc(text), {"entities": sorted(ents)}))
    return out


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("de")
    ner = nlp.add_pipe("ner")
    for label in ("PER", "ORG"):
        ner.add_label(label)
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(EPOCHS):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.1)
    path = tmp_path_factory.mktemp("model") / "tiny_de_ner"
    nlp.to_disk(path)
    return path


# No first name, no title, no verb of saying next to "Kowalczyk": only the model can know it is a name.
TEXT = ("Am Abend traf Kowalczyk Vertreter von Volkswagen. Brzezinski kritisierte die Pläne von Siemens scharf. "
        "Kowalczyk schwieg danach.")


def test_blank_pipeline_misses_bare_surname():
    doc = load_pipeline("blank").doc(TEXT)
    assert not [a for a in doc._.briefing_actors if "Kowalczyk" in a.name]


def test_model_entities_become_actors(model_dir):
    extractor = load_pipeline(str(model_dir))
    assert "ner" in extractor.nlp.pipe_names
    assert extractor.nlp.pipe_names[-5:] == ["briefing_actors", "briefing_quotes", "briefing_figures",
                                              "briefing_positions", "briefing_outlook"]
    doc = extractor.doc(TEXT)
    assert any(e.label_ == "PER" and e.text == "Kowalczyk" for e in doc.ents), doc.ents
    people = {a.name: a for a in doc._.briefing_actors if a.kind == "person"}
    assert sorted(people) == ["Brzezinski", "Kowalczyk"]
    # the later mention is linked by name memory even where the model does not tag it
    assert [m.text for m in people["Kowalczyk"].mentions] == ["Kowalczyk", "Kowalczyk"]
    orgs = [a.name for a in doc._.briefing_actors if a.kind == "organization"]
    assert orgs == ["Volkswagen", "Siemens"]
    positions = doc._.briefing_positions
    assert any(p.actor == people["Brzezinski"].id and p.stance == "rejects" for p in positions), positions


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ExtractError, match="cannot load spaCy pipeline"):
        load_pipeline(str(tmp_path / "nope"))
