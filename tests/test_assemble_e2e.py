"""Assembly on real text through the public stages: ingest -> extract -> assemble (slow)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing.assemble import assemble

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
MULTI = HERE / "data" / "assemble" / "multi_event"
SEEDS = HERE.parent / "seeds"
# The events of the multi-event folder; every other file is an event of its own.
SAME_EVENT = [{"wikinews_7537", "wikinews_8562"}, {"wikinews_30456", "wikinews_30570"}]


@pytest.fixture(scope="module")
def extractor():
    from briefing.extract import load_pipeline

    return load_pipeline("blank")


def build(folder: Path, day: date, extractor, **kw):
    from briefing import ingest

    selection = ingest.select_day(ingest.read_folder(folder), day, undated="include")
    facts = [extractor.extract(a) for a in selection.articles]
    background = [extractor.extract(a) for a in selection.background]
    return assemble(day, facts, background=background, excluded=selection.excluded,
                    title="Test", max_stories=kw.get("max_stories", 20))


def stems(b, ids) -> set[str]:
    by_id = {s.id: s.path for s in b.sources}
    return {Path(by_id[i]).stem for i in ids}


@pytest.fixture(scope="module")
def multi(extractor):
    return build(MULTI, date(2025, 1, 15), extractor)


def test_multi_event_day_one_story_per_event(multi):
    files = {p.stem for p in MULTI.glob("*.txt")}
    expected = [*SAME_EVENT, *({f} for f in sorted(files - set().union(*SAME_EVENT)))]
    got = [stems(multi, st.sources) for st in multi.stories]
    assert sorted(map(sorted, got)) == sorted(map(sorted, expected))


def test_multi_event_pairs_lead_the_day(multi):
    assert {frozenset(stems(multi, st.sources)) for st in multi.stories[:2]} == {frozenset(s) for s in SAME_EVENT}


def test_multi_event_nothing_mixed(multi):
    """Every item of a story cites only that story's sources; actor ids are unique."""
    ids = []
    for st in multi.stories:
        own = set(st.sources)
        for section in (st.summary, st.actors, st.positions, st.figures, st.quotes, st.outlook):
            for item in section:
                assert set(item.sources) <= own
        ids += [a.id for a in st.actors]
        assert st.headline and st.summary
    assert len(ids) == len(set(ids))


def test_multi_event_deterministic(multi, extractor):
    assert build(MULTI, date(2025, 1, 15), extractor).to_json() == multi.to_json()


def test_reference_day_sources_and_background(extractor):
    b = build(SEEDS, date(2025, 9, 4), extractor)
    used = {Path(s.path).stem for s in b.sources}
    assert used == {"000_f52fc81975fd1a73", "001_b8a8f14ce05327aa", "003_696e33ab7f94c894", "004_7207ac820dfab686"}
    assert stems(b, b.stories[0].sources) == used, "the four reports of the summit are one story"
    assert [Path(e.path).stem for e in b.excluded_sources] == ["002_bbcfefe2b262d2fe"]
    names = " ".join(a.name + " " + " ".join(a.aliases) for st in b.stories for a in st.actors)
    for person in ("Scholz", "Meloni"):
        assert person not in names, "actors of a background article must not enter the briefing"
