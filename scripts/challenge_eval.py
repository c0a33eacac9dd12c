"""Score ``briefing quotes`` on the held-out challenge set (tests/data/challenge/, see its README).

    .venv/bin/python scripts/challenge_eval.py [--kinds] [--part 1-2|3|4|...|22]

Prints the shared scorer's figures (direct and all types: partial P/R/F1, speaker accuracy, end-to-end
F1), the precision of the direct speakers a reader is shown (confidence at or above the shipped display
threshold, as tests/test_quote_eval.py counts it), and the resolved-name accuracy: of the matched quotations
whose gold speaker has a name, the share whose predicted name shares a capitalised word with it (stricter
than the scorer's speaker accuracy, which accepts a pronoun or description span without asking whom it was
resolved to; a person the article never names is right only without a name), the precision of the names
shown (of the matched quotations given a name, the share naming the right person; of the wrong ones, how many
are a description of a person the article never names, "Sprecher der Feuerwehr": no wrong person), each part
apart. ``--kinds`` adds the error-kind table of issue 10 (scripts/quote_cv.py's classification).
The set is for measuring, not for tuning: see the README.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.lang import quote_display_threshold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_learning import scorer as load_scorer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHALLENGE = ROOT / "tests" / "data" / "challenge" / "challenge.jsonl"


def predict(path: Path) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The gold documents and ``briefing quotes``' output for them, by document id."""
    with path.open(encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
        f.seek(0)
        out = io.StringIO()
        quotes_jsonl(f, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    return gold, {d["id"]: d["quotes"] for d in lines}


def _cover(q: dict[str, Any]) -> list[int]:
    spans = q["quote"]["spans"]
    return [min(s[0] for s in spans), max(s[1] for s in spans)]


def shown_precision(
    sc: Any, gold: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]], t: float
) -> tuple[int, int]:
    """(shown, right): direct quotations shown with a speaker name at confidence >= ``t``; unmatched ones count
    as wrong, ones matched to a gold quotation without speaker are left out, relay records are not shown
    (the same definition as tests/test_quote_eval.py)."""
    shown = right = 0
    for doc in gold:
        golds = [dict(q, _span=_cover(q)) for q in doc["quotes"] if q["type"] == "Direct"]
        preds = [dict(p, _span=p["span"]) for p in pred.get(doc["id"], []) if p["kind"] == "direct"]
        matched = {id(p): g for g, p in sc._match(doc["text"], golds, preds)}
        for p in preds:
            if p.get("relay") or not p["speaker"]["name"] or p.get("confidence", 1.0) < t:
                continue  # (a relay record is shown as "zitiert nach" with its quotation, not on its own)
            g = matched.get(id(p))
            if g is not None and not g["speaker"]["spans"]:
                continue
            shown += 1
            # words annotated twice (person and medium of a relayed quotation) are right when either speaks
            twins = [q for q in golds if q["_span"] == g["_span"]] if g is not None else []
            right += any(sc._speaker_ok(doc["text"], q, p) for q in twins)
    return shown, right


def name_right(sc: Any, gold_name: str | None, pred_name: str | None) -> bool:
    """Whether the shown name names the gold speaker: it shares a capitalised word with the gold ``name``; for
    a person the article never names (gold name null) only showing no name is right."""
    if gold_name is None:
        return not pred_name
    return bool(sc._caps(pred_name or "") & sc._caps(gold_name))


def describes_unnamed(sc: Any, gold_speaker: dict[str, Any], pred_name: str | None) -> bool:
    """Whether a name shown for a person the article never names (gold ``name`` null) is a description of that
    person taken from the gold mention ("Sprecher der Feuerwehr" for "ein Sprecher der Feuerwehr"): counted
    wrong by :func:`name_right`, but no wrong person."""
    return gold_speaker.get("name") is None and bool(pred_name) and bool(
        sc._caps(pred_name or "") & sc._caps(gold_speaker.get("text") or "")
    )


def name_accuracy(
    sc: Any, gold: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]], direct: bool
) -> tuple[int, int, int, int, int]:
    """(matched with a gold speaker, right by name, shown with a name, of those right, of the wrong ones a
    description of an unnamed speaker): whom a pronoun or description was resolved to, and the precision of
    the names a reader sees (a wrong name is worse than none)."""
    n = ok = named = named_ok = described = 0
    for doc in gold:
        golds = [dict(q, _span=_cover(q)) for q in doc["quotes"] if not direct or q["type"] == "Direct"]
        preds = [dict(p, _span=p["span"]) for p in pred.get(doc["id"], []) if not direct or p["kind"] == "direct"]
        for g, p in sc._match(doc["text"], golds, preds):
            if g["speaker"]["spans"]:
                n += 1
                right = name_right(sc, g["speaker"].get("name"), p["speaker"]["name"])
                ok += right
                if p["speaker"]["name"]:
                    named += 1
                    named_ok += right
                    described += not right and describes_unnamed(sc, g["speaker"], p["speaker"]["name"])
    return n, ok, named, named_ok, described


# Parts by article number (the README): 37-46 written in round 10, 47-56 (discovery) and 57-63 (held out)
# in round 11, 64-73 (discovery) and 74-80 (held out) in round 12, 81-91 (discovery) in round 13, 92-100 (held
# out) and 101-108 (discovery) in round 14, 109-116 (held out) and 117-124 (discovery) in round 15, 125-132 (held
# out) and 133-140 (discovery) in round 16, 141-148 (held out) and 149-156 (discovery) in round 17, 157-162 and
# 163-168 in round 18, 169-174 (held out) and 175-180 (discovery) in round 19, 181-190 (held out) and 191-200
# (discovery) in round 20, each before the tool ran on them.
PARTS = (
    ("parts 1-2", 1, 36),
    ("part 3", 37, 46),
    ("part 4", 47, 56),
    ("part 5", 57, 63),
    ("part 6", 64, 73),
    ("part 7", 74, 80),
    ("part 8", 81, 91),
    ("part 9", 92, 100),
    ("part 10", 101, 108),
    ("part 11", 109, 116),
    ("part 12", 117, 124),
    ("part 13", 125, 132),
    ("part 14", 133, 140),
    ("part 15", 141, 148),
    ("part 16", 149, 156),
    ("part 17", 157, 162),
    ("part 18", 163, 168),
    ("part 19", 169, 174),
    ("part 20", 175, 180),
    ("part 21", 181, 190),
    ("part 22", 191, 200),
)


def _part(doc: dict[str, Any]) -> str:
    number = int(doc["id"].split("-")[1])
    return next(name for name, first, last in PARTS if first <= number <= last)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=CHALLENGE)
    ap.add_argument("--kinds", action="store_true", help="also print the error kinds of issue 10")
    ap.add_argument(
        "--part",
        help="score these parts only, together (one, or several comma-separated: '5,9,11,13,15,17', the held-out "
        "parts round 19 validated on)",
    )
    args = ap.parse_args(argv)
    if args.part:
        names = {name.split()[-1] for name, _, _ in PARTS}
        wanted = set(args.part.split(","))
        if not wanted <= names:
            ap.error(f"--part: unknown part(s) {', '.join(sorted(wanted - names))}")
        lines = args.gold.read_text(encoding="utf-8").splitlines()
        keep = [line for line in lines if line.strip() and _part(json.loads(line)).split()[-1] in wanted]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tmp:
            tmp.write("\n".join(keep) + "\n")
        args.gold = Path(tmp.name)
    sc = load_scorer()
    gold, pred = predict(args.gold)
    res = sc.score(gold, pred)
    for track in ("direct", "all"):
        r = res[track]
        print(
            f"{track:7s} partial P/R/F1 {r['partial']['p']:.3f}/{r['partial']['r']:.3f}/{r['partial']['f1']:.3f}"
            f"  speaker acc {r['speaker_acc']:.3f}  end-to-end P/R/F1 {r['e2e']['p']:.3f}/{r['e2e']['r']:.3f}/"
            f"{r['e2e']['f1']:.3f}  (gold {r['partial']['gold']}, pred {r['partial']['pred']}, "
            f"right e2e {r['e2e']['tp']})"
        )
    t = quote_display_threshold()
    n, right = shown_precision(sc, gold, pred, t)
    print(f"direct speakers shown (confidence >= {t:.3f}): {n}, right {right} ({right / max(n, 1):.3f})")
    for part in (*(name for name, _, _ in PARTS), "all parts"):
        docs = [d for d in gold if part in ("all parts", _part(d))]
        if not docs:
            continue
        for track in ("direct", "all"):
            n, ok, named, named_ok, described = name_accuracy(sc, docs, pred, track == "direct")
            print(
                f"{part:9s} {track:6s} resolved-name accuracy {ok}/{n} = {ok / max(n, 1):.3f}"
                f"  shown-name precision {named_ok}/{named} = {named_ok / max(named, 1):.3f}"
                f"  (wrong: {named - named_ok}, of them a description of an unnamed speaker {described})"
            )
    if args.kinds:
        from quote_cv import error_kinds, prepare, print_kinds

        print("Error kinds (the rules' output, before the confidence drops doubtful indirect quotations):")
        print_kinds(error_kinds(prepare(args.gold, sc, None), sc))
    if args.part:
        args.gold.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
