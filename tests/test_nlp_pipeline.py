"""The pipeline's order comes from what each factory declares it assigns and requires."""

from __future__ import annotations

from spacy.language import Language

from briefing.extract.nlp import COMPONENTS, make_nlp, pipeline_order


def test_every_factory_declares_what_it_assigns() -> None:
    pipeline_order(COMPONENTS)  # registers the factories
    for name in (*COMPONENTS, "briefing_sentences"):
        meta = Language.get_factory_meta(name)
        assert meta.assigns, name
        assert isinstance(meta.default_config, dict), name


def test_analyze_pipes_finds_no_problem() -> None:
    nlp = make_nlp()
    assert nlp.pipe_names[0] == "briefing_sentences"
    assert all(not problems for problems in nlp.analyze_pipes()["problems"].values())


def test_order_follows_the_declarations_not_the_listing() -> None:
    order = pipeline_order(tuple(reversed(COMPONENTS)))
    assert order.index("briefing_actors") < order.index("briefing_quotes") < order.index("briefing_positions")
    assert sorted(order) == sorted(COMPONENTS)


def test_a_requirement_no_listed_component_assigns_is_left_to_the_pipeline() -> None:
    assert pipeline_order(("briefing_quotes",)) == ("briefing_quotes",)


def test_actor_config_reaches_the_component() -> None:
    nlp = make_nlp(components=("briefing_actors",))
    assert nlp.get_pipe("briefing_actors").max_persons == nlp.config["components"]["briefing_actors"]["max_persons"]


def test_tokens_around_any_whitespace_are_those_of_the_stock_tokenizer() -> None:
    """The whitespace special cases left out (see nlp._speed_up_tokenizer) changed no token: every run of up
    to three whitespace or punctuation characters, alone and between words, tokenises as spacy.blank does."""
    from itertools import product

    import spacy
    from spacy.attrs import IDX, IS_SPACE, LENGTH, NORM, ORTH, SPACY

    nlp, stock = make_nlp(components=()), spacy.blank("de")
    assert "\n" in stock.tokenizer.rules and "\n" not in nlp.tokenizer.rules
    attrs = [ORTH, IDX, IS_SPACE, NORM, SPACY, LENGTH]
    pieces = [" ", "\n", "\t", "\xa0", "\r", "\u2009", "\u2028", ".", "„", "(", "-", "Dr.", ":)"]
    for n in (1, 2, 3):
        for combo in product(pieces, repeat=n):
            run = "".join(combo)
            for text in (run, f"Wort{run}", f"{run}Wort", f"Sie sagte{run}„Nein.“{run}Dann"):
                ours, theirs = nlp.make_doc(text), stock.make_doc(text)
                assert ours.to_array(attrs).tolist() == theirs.to_array(attrs).tolist(), repr(text)
                assert [t.norm_ for t in ours] == [t.norm_ for t in theirs], repr(text)


def test_docdata_keys_are_where_spacy_keeps_each_extension() -> None:
    """The components write and facts_from_doc reads ``doc.user_data`` under docdata's keys instead of
    through ``doc._``: each key must be the one ``doc._`` reads and writes, for every extension."""
    from spacy.tokens import Doc

    from briefing.extract import docdata
    from briefing.extract.nlp import EXTENSIONS, load_pipeline

    keys = {"briefing_actors": docdata.ACTORS, "briefing_quotes": docdata.QUOTES,
            "briefing_figures": docdata.FIGURES, "briefing_positions": docdata.POSITIONS,
            "briefing_outlook": docdata.OUTLOOK}
    assert set(keys) == set(EXTENSIONS)
    nlp = load_pipeline("blank").nlp
    for name, key in keys.items():
        assert Doc.get_extension(name)[0] is None  # a plain extension with default None, no getter or method
        doc = nlp.make_doc("Ein Satz.")
        assert doc.user_data.get(key) is None and getattr(doc._, name) is None
        value = [name]
        setattr(doc._, name, value)
        assert doc.user_data[key] is value
        doc2 = nlp.make_doc("Ein Satz.")
        doc2.user_data[key] = value
        assert getattr(doc2._, name) is value
    # the pipeline's results are visible through doc._ as before
    doc = load_pipeline("blank").doc("„Wir bleiben“, sagte Bundeskanzler Friedrich Merz am Montag in Berlin.")
    assert doc._.briefing_quotes and doc._.briefing_actors
    assert doc._.briefing_quotes is doc.user_data[docdata.QUOTES]
