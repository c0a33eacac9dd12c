"""The scored quotation gold set with pinned minimums (trafilatura-style evaluation gate).

Runs ``quotes_jsonl`` on tests/data/quotes/dev.jsonl (150 German WikiNews articles,
CC BY-NC-SA 4.0, see tests/data/quotes/README.md) and fails when a score drops below
tests/data/quotes/floors.json.  The scoring is written here from the definitions in
the eval README (it agrees with the shared scorer; checked by hand):

* a predicted and a gold quotation match when their character overlap is at least half
  of the longer span (gold span = cover of its parts); pairs are chosen greedily by
  overlap, one-to-one, within a document;
* "direct" compares gold type Direct with predicted kind direct, "all" everything;
* a speaker is right when the predicted speaker span overlaps a gold speaker span, or
  the predicted name (else the span's text) shares a capitalised word of 3+ letters
  with the gold speaker text; gold quotations without speaker never count as right;
* end-to-end: matched AND speaker right;
* shown-speaker precision (issue 10): of the direct quotations shown with a speaker name (confidence at or
  above the shipped display threshold), the share that are matched to a gold direct quotation with the
  speaker right; an unmatched one counts as wrong, one matched to a gold quotation without a speaker is
  left out (nothing to be right about, as speaker accuracy leaves it out). A relay record (``"relay":
  true``, the medium of a relayed quotation) is not shown: the briefing shows the quotation once, with its
  speaker and "zitiert nach" the medium; words the annotation gives twice (person and medium) are right
  when the speaker is either, as the scorer pairs the two records of each side in list order.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.lang import quote_display_threshold

DATA = Path(__file__).parent / "data" / "quotes"
_CAPS = re.compile(r"\b[A-ZÄÖÜ][\wäöüß\-]{2,}")


def _overlap(a: list[int], b: list[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _caps(s: str | None) -> set[str]:
    return {w.lower() for w in _CAPS.findall(s or "")}


def _speaker_right(text: str, gold: dict, pred: dict) -> bool:
    sp = pred.get("speaker") or {}
    span = sp.get("span")
    if span and any(_overlap(span, g) > 0 for g in gold["speaker"]["spans"]):
        return True
    name = sp.get("name") or (text[span[0] : span[1]] if span else "")
    return bool(_caps(name) & _caps(gold["speaker"]["text"]))


def _pairs(golds: list[tuple[list[int], dict]], preds: list[tuple[list[int], dict]]) -> list[tuple[dict, dict]]:
    cands = []
    for gi, (gs, _) in enumerate(golds):
        for pi, (ps, _) in enumerate(preds):
            ov = _overlap(gs, ps)
            longer = max(gs[1] - gs[0], ps[1] - ps[0])
            if longer and 2 * ov >= longer:
                cands.append((ov, gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _ov, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((golds[gi][1], preds[pi][1]))
    return out


def _f1(tp: int, npred: int, ngold: int) -> float:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold_docs: list[dict], pred: dict[str, list[dict]]) -> dict[str, float]:
    """Partial-match F1 and end-to-end F1 for the direct and all tracks."""
    out = {}
    for track in ("direct", "all"):
        tp = e2e = ngold = npred = 0
        for doc in gold_docs:
            golds = []
            for q in doc["quotes"]:
                if track == "direct" and q["type"] != "Direct":
                    continue
                spans = [s for s in q["quote"]["spans"] if s[1] > s[0]]
                if spans:
                    golds.append(([min(s[0] for s in spans), max(s[1] for s in spans)], q))
            preds = [
                (list(q["span"]), q)
                for q in pred.get(doc["id"], [])
                if (track == "all" or q["kind"] == "direct") and q["span"][1] > q["span"][0]
            ]
            ngold += len(golds)
            npred += len(preds)
            for g, p in _pairs(golds, preds):
                tp += 1
                if g["speaker"]["spans"] and _speaker_right(doc["text"], g, p):
                    e2e += 1
        out[f"{track}_partial_f1"] = _f1(tp, npred, ngold)
        out[f"{track}_e2e_f1"] = _f1(e2e, npred, ngold)
    out["direct_shown_precision"] = shown_precision(gold_docs, pred, quote_display_threshold())
    return out


def shown_precision(gold_docs: list[dict], pred: dict[str, list[dict]], threshold: float) -> float:
    """Of the direct quotations shown with a speaker name, the share right end to end (see the module doc)."""
    shown = right = 0
    for doc in gold_docs:
        golds = []
        for q in doc["quotes"]:
            spans = [s for s in q["quote"]["spans"] if s[1] > s[0]]
            if q["type"] == "Direct" and spans:
                golds.append(([min(s[0] for s in spans), max(s[1] for s in spans)], q))
        preds = [(list(q["span"]), q) for q in pred.get(doc["id"], []) if q["kind"] == "direct"]
        matched = {id(p): (span, g) for (span, g), p in _pairs_with_spans(golds, preds)}
        for _, p in preds:
            confidence = p.get("confidence")
            if p.get("relay") or not p["speaker"]["name"] or (confidence is not None and confidence < threshold):
                continue  # shown without a speaker; or a relay record, which the briefing shows as "zitiert nach"
            span, g = matched.get(id(p), (None, None))
            if g is not None and not g["speaker"]["spans"]:
                continue
            shown += 1
            # Words the annotation gives twice (a relayed quotation: the person and the medium) are right when
            # the speaker is either: the scorer pairs the two records of each side in list order.
            twins = [q for s, q in golds if s == span] if g is not None else []
            right += any(_speaker_right(doc["text"], q, p) for q in twins)
    return right / shown if shown else 0.0


def _pairs_with_spans(golds: list, preds: list) -> list:
    """:func:`_pairs`, with each gold quotation's span kept."""
    by_id = {id(q): (span, q) for span, q in golds}
    return [(by_id[id(g)], p) for g, p in _pairs(golds, preds)]


# The floors the project promised (issue): ours must never be set below them.
ISSUE_FLOORS = {
    "direct_partial_f1": 0.90,
    "direct_e2e_f1": 0.75,
    "all_partial_f1": 0.60,
    "all_e2e_f1": 0.45,
}
# What issue 10 asks: of the direct quotes shown with a speaker, 95 % right. The threshold is chosen on
# train cross-validation with margin (a lower confidence bound, docs/quotes-evaluation.md: 0.953 out of
# fold in round 5); on dev it gave 0.946 in round 4 and 0.973 in round 5, when the floor was raised to it.
ISSUE_TARGETS = {"direct_shown_precision": 0.95}


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, float]:
    with open(DATA / "dev.jsonl", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
        f.seek(0)
        out = io.StringIO()
        quotes_jsonl(f, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [d["id"] for d in lines] == [d["id"] for d in gold]  # one line per document, in order
    return score(gold, {d["id"]: d["quotes"] for d in lines})


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(ISSUE_FLOORS))
def test_dev_score_above_pinned_floor(dev_scores: dict[str, float], metric: str) -> None:
    floors = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
    assert dev_scores[metric] >= floors[metric], f"{metric} {dev_scores[metric]:.4f} < floor {floors[metric]}"


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(ISSUE_TARGETS))
def test_dev_shown_floor(dev_scores: dict[str, float], metric: str) -> None:
    floors = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
    assert dev_scores[metric] >= floors[metric], f"{metric} {dev_scores[metric]:.4f} < floor {floors[metric]}"


@pytest.mark.parametrize("metric", sorted(ISSUE_TARGETS))
def test_pinned_shown_floor_is_the_issue_target(metric: str) -> None:
    floors = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
    assert floors[metric] >= ISSUE_TARGETS[metric], f"pinned {metric} {floors[metric]} < issue target"


@pytest.mark.parametrize("metric", sorted(ISSUE_FLOORS))
def test_pinned_floor_not_below_issue_floor(metric: str) -> None:
    floors = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
    assert floors[metric] >= ISSUE_FLOORS[metric], f"pinned {metric} {floors[metric]} < issue floor"


def test_scorer_on_hand_made_example() -> None:
    text = "„Wir kommen“, sagte Macron. Er sagte, die Lage sei ernst."
    gold = [
        {
            "id": "x",
            "text": text,
            "quotes": [
                {"type": "Direct", "quote": {"spans": [[0, 12]]}, "speaker": {"spans": [[20, 26]], "text": "Macron"}},
                {"type": "Indirect", "quote": {"spans": [[38, 57]]}, "speaker": {"spans": [[28, 30]], "text": "Er"}},
            ],
        }
    ]
    pred = {
        "x": [
            {"kind": "direct", "span": [0, 12], "speaker": {"span": [20, 26], "name": "Macron"}},
            {"kind": "indirect", "span": [40, 57], "speaker": {"span": None, "name": "Emmanuel Macron"}},
            {"kind": "direct", "span": [13, 19], "speaker": {"span": None, "name": None}},
        ]
    }
    s = score(gold, pred)
    assert s["direct_partial_f1"] == pytest.approx(2 / 3)  # P 1/2, R 1/1
    assert s["all_partial_f1"] == pytest.approx(0.8)  # P 2/3, R 2/2
    assert s["all_e2e_f1"] == pytest.approx(0.4)  # only the direct one has the right speaker: P 1/3, R 1/2


def test_shown_precision_on_hand_made_example() -> None:
    text = "„Wir kommen“, sagte Macron. „Wir gehen“, sagte Merz. „Wir bleiben“, sagte Scholz. „Wir warten“, so Rutte."
    spans = [[text.index(w) - 1, text.index(w) + len(w) + 1] for w in ("Wir kommen", "Wir gehen", "Wir bleiben")]
    gold = [
        {
            "id": "x",
            "text": text,
            "quotes": [
                {"type": "Direct", "quote": {"spans": [spans[0]]}, "speaker": {"spans": [[20, 26]], "text": "Macron"}},
                {"type": "Direct", "quote": {"spans": [spans[1]]}, "speaker": {"spans": [[46, 50]], "text": "Merz"}},
                {"type": "Direct", "quote": {"spans": [spans[2]]}, "speaker": {"spans": [], "text": ""}},
            ],
        }
    ]

    def pred(span: list[int], name: str, confidence: float) -> dict:
        return {"kind": "direct", "span": span, "speaker": {"span": None, "name": name}, "confidence": confidence}

    rutte = [text.index("Wir warten") - 1, text.index("Wir warten") + 11]
    preds = {
        "x": [
            pred(spans[0], "Emmanuel Macron", 0.9),  # right
            pred(spans[1], "Olaf Scholz", 0.9),  # wrong speaker
            pred(spans[2], "Olaf Scholz", 0.9),  # gold without speaker: left out
            pred(rutte, "Mark Rutte", 0.9),  # no such gold quotation: wrong
        ]
    }
    assert shown_precision(gold, preds, 0.5) == pytest.approx(1 / 3)
    preds["x"][1]["confidence"] = preds["x"][3]["confidence"] = 0.4  # below the threshold: shown without speaker
    assert shown_precision(gold, preds, 0.5) == 1.0


def test_malformed_lines_are_skipped(caplog) -> None:
    src = io.StringIO(
        '{"id": "a", "text": "„Wir sind bereit für einen dauerhaften Frieden“, sagte Macron."}\n'
        "not json\n"
        '{"id": "b"}\n'
        '{"text": "kein id"}\n'
        '{"id": "c", "text": ""}\n'
    )
    out = io.StringIO()
    quotes_jsonl(src, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [d["id"] for d in lines] == ["a", "b", "c"]
    assert lines[0]["quotes"][0]["speaker"]["name"] == "Macron"
    assert lines[1]["quotes"] == [] and lines[2]["quotes"] == []
    assert any("line 2" in r.getMessage() for r in caplog.records)


def test_non_utf8_line_is_skipped_with_its_number(caplog, tmp_path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "Er sagte, die Lage sei ernst."}\n\xff\xfe kaputt\n{"id": "b", "text": ""}\n'
    )
    out = io.StringIO()
    with open(path, encoding="utf-8") as f:
        quotes_jsonl(f, out)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["a", "b"]
    assert any("line 2" in r.getMessage() and "UTF-8" in r.getMessage() for r in caplog.records)


def test_shown_precision_counts_a_relayed_quotation_once() -> None:
    """The person and the medium of "zitiert die Zeitung den Minister" are both annotated; the briefing shows
    the minister's words once, "zitiert nach" the paper: one shown quotation, right in either order."""
    text = "„Wir helfen“, zitiert die Zeitung den Minister Hans Ott."
    words, minister, paper = [0, 13], [40, 56], [14, 35]
    for first, second in ((minister, paper), (paper, minister)):
        gold = [{"id": "x", "text": text, "quotes": [
            {"type": "Direct", "quote": {"spans": [words]}, "speaker": {"spans": [who], "text": text[slice(*who)]}}
            for who in (first, second)
        ]}]
        preds = {"x": [
            {"kind": "direct", "span": words, "speaker": {"span": minister, "name": "Hans Ott"}, "confidence": 0.99},
            {"kind": "direct", "span": words, "speaker": {"span": paper, "name": "Zeitung"}, "confidence": 0.99,
             "relay": True},
        ]}
        assert shown_precision(gold, preds, 0.5) == 1.0
    preds["x"][0]["speaker"] = {"span": [0, 4], "name": "Anna Berg"}  # a wrong speaker stays wrong
    assert shown_precision(gold, preds, 0.5) == 0.0
