"""The name a reader sees: whom the quotation rules name as the speaker, against train's gold speaker spans.

    .venv/bin/python scripts/name_eval.py                       # train: run the rules, print the name figures
    .venv/bin/python scripts/name_eval.py --pred OUT.jsonl       # ... scoring ``briefing quotes`` output instead
    .venv/bin/python scripts/name_eval.py --dump FILE            # ... and write the wrong names to FILE, to read

The shared scorer accepts a speaker when the predicted span overlaps the gold speaker span, so "sagte er"
counts right whoever "er" was resolved to; the briefing shows the resolved name.  The challenge set's gold
carries that name (scripts/challenge_eval.py's "resolved-name accuracy"); train's gold carries only the
speaker span, which names the person when the annotators marked a mention with a name ("Präsident Kennedy",
"Die ersten Worte Armstrongs", "Merkel") and not when they marked a pronoun or a description ("er", "der
Minister", "die 45-Jährige", "Die Polizei").  So the quotations matched to a gold quotation with a speaker
(direct ones among the gold direct quotations, the others among all, as scripts/quote_cv.py labels them)
fall in two classes:

* **gold named**: the gold span has a *name word*: a capitalised word that is no article or function word
  and no role, person or body noun (``is_role``, ``may_name_people``, ``person_noun``) nor a noun of
  something said (the gold marks "seiner Meinung", "Angaben des Ministeriums") - or is a first name.
  The name shown is right when it shares a name word with the gold span (the challenge's test with the
  nouns left out: "Sprecher" shared by "der Sprecher" and "Sprecher Tom Weber" proves nothing).  Resolved-name
  accuracy (no name shown counts wrong) and shown-name precision (of those given a name).
* **gold unnamed** (a pronoun or a description): the gold does not say whom it stands for.  Counted: how
  many are given a name, and how many of those name no one who speaks by name in the gold of the same
  document (*suspect*: the name belongs to no annotated speaker; a lower bound on wrong names, read by hand
  with ``--dump``).

"wrong names the scorer counts right": the shown name is wrong while the scorer's span test accepts the
speaker - the errors its speaker accuracy hides.

The rules learn nothing about names (the speaker ranker's margin is null: it overrides no pick), so these
figures are out of fold as they stand; "shown" asks the confidence the shipped model gives (learned in
sample) to reach the display threshold.  Dev is never read.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

from briefing.extract.quotes.descriptions import person_noun
from briefing.extract.quotes.jsonl import quotes_jsonl
from briefing.extract.quotes.lexicon import is_role
from briefing.extract.quotes.resolve import is_first_name
from briefing.extract.quotes.speaker_names import _statement_noun, may_name_people
from briefing.lang import quote_display_threshold, word_set

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_learning import scorer as load_scorer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = ROOT.parent / "shared" / "eval" / "quotes" / "train.jsonl"
# The scorer's capitalised word (``score_quotes._caps``), kept with its case to judge it.
_CAP = re.compile(r"\b[A-ZÄÖÜ][\wäöüß\-]{2,}")


def name_words(text: str, doc: str = "") -> set[str]:
    """The capitalised words of ``text`` that name someone: no article, pronoun or function word, no noun for a
    role, a person or a body ("Minister", "Sprecher", "45-Jährige", "Polizei") nor for something said
    ("Meinung", "Angaben"), unless a first name, written after a first name in ``doc``, or - not after a
    lowercase word here - never after an article in ``doc`` (a surname with an agent noun's ending: "Edmund
    Stoiber", "sagte Stoiber", "Richter Seidling"; not "der italienische Innenminister")."""
    small = word_set("determiners.txt") | word_set("function_words.txt") | word_set("personal_pronouns.txt")
    out = set()
    for m in _CAP.finditer(text or ""):
        w = m.group()
        low = w.lower()
        if low in small:
            continue
        prev = text[: m.start()].split()[-1:]
        headed = bool(prev) and prev[0][:1].islower()
        if is_first_name(w) or _surname(w, doc, headed) or not (
            is_role(w) or may_name_people(w) or person_noun(w) or _statement_noun(w)
        ):
            out.add(low)
    return out


def _surname(word: str, doc: str, headed: bool) -> bool:
    before = [m.group(1) for m in re.finditer(rf"(\w+)\W+{re.escape(word)}\b", doc)]
    if any(is_first_name(w) for w in before):
        return True
    dets = word_set("determiners.txt")
    return not headed and bool(before) and not any(w.lower() in dets for w in before)


def _cover(q: dict[str, Any]) -> list[int]:
    spans = q["quote"]["spans"]
    return [min(s[0] for s in spans), max(s[1] for s in spans)]


def predict(path: Path) -> dict[str, list[dict[str, Any]]]:
    out = io.StringIO()
    with path.open(encoding="utf-8") as f:
        quotes_jsonl(f, out)
    return {d["id"]: d["quotes"] for d in map(json.loads, out.getvalue().splitlines())}


def name_errors(
    sc: Any, gold: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]], direct: bool, t: float
) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """Counts (see the module docstring) and the cases to read: wrong names of gold named speakers and
    suspect names of unnamed ones."""
    c = dict.fromkeys(
        ("matched", "named", "named_right", "named_shown", "named_shown_right", "named_seen", "named_seen_right",
         "named_hidden", "unnamed", "unnamed_given", "unnamed_suspect", "unnamed_seen", "unnamed_seen_suspect"),
        0,
    )
    cases = []
    for doc in gold:
        golds = [dict(q, _span=_cover(q)) for q in doc["quotes"] if not direct or q["type"] == "Direct"]
        preds = [dict(p, _span=p["span"]) for p in pred.get(doc["id"], []) if not direct or p["kind"] == "direct"]
        speakers = [name_words(q["speaker"]["text"], doc["text"]) for q in doc["quotes"] if q["speaker"]["spans"]]
        for g, p in sc._match(doc["text"], golds, preds):
            if not g["speaker"]["spans"] or p.get("relay"):
                continue
            c["matched"] += 1
            shown = p["speaker"]["name"] or ""
            seen = bool(shown) and p.get("confidence", 1.0) >= t
            gwords = name_words(g["speaker"]["text"], doc["text"])
            mine = name_words(shown, doc["text"]) or {w.lower() for w in _CAP.findall(shown)}
            if gwords:
                right = bool(mine & gwords)
                c["named"] += 1
                c["named_right"] += right
                c["named_shown"] += bool(shown)
                c["named_shown_right"] += bool(shown) and right
                c["named_seen"] += seen
                c["named_seen_right"] += seen and right
                wrong = bool(shown) and not right
                c["named_hidden"] += wrong and sc._speaker_ok(doc["text"], g, p)
            else:
                c["unnamed"] += 1
                c["unnamed_given"] += bool(shown)
                wrong = bool(shown) and not any(mine & s for s in speakers)
                c["unnamed_suspect"] += wrong
                c["unnamed_seen"] += seen
                c["unnamed_seen_suspect"] += seen and wrong
            if wrong:
                b, e = p["speaker"]["span"] or p["span"]
                cases.append({
                    "id": doc["id"], "class": "named" if gwords else "unnamed", "shown": shown, "seen": seen,
                    "scorer_ok": bool(sc._speaker_ok(doc["text"], g, p)), "gold": g["speaker"]["text"],
                    "mention": doc["text"][b:e],
                    "context": doc["text"][max(0, min(b, p["span"][0]) - 400) : max(e, p["span"][1]) + 60],
                })
    return c, cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--pred", type=Path, help="``briefing quotes`` output to score (default: run the rules)")
    ap.add_argument("--dump", type=Path, help="write the wrong and suspect names here, one JSON object a line")
    args = ap.parse_args(argv)
    sc = load_scorer()
    gold = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    if args.pred:
        pred = {d["id"]: d["quotes"] for d in map(json.loads, args.pred.open(encoding="utf-8"))}
    else:
        pred = predict(args.gold)
    t = quote_display_threshold()
    dump = []
    for track in ("direct", "all"):
        c, cases = name_errors(sc, gold, pred, track == "direct", t)
        dump += [dict(case, track=track) for case in cases]
        print(
            f"{track:6s} matched with a gold speaker {c['matched']}; gold named {c['named']}: resolved-name accuracy "
            f"{c['named_right'] / max(c['named'], 1):.3f}, shown-name precision {c['named_shown_right']}/"
            f"{c['named_shown']} = {c['named_shown_right'] / max(c['named_shown'], 1):.3f}, at the display threshold "
            f"{c['named_seen_right']}/{c['named_seen']} = {c['named_seen_right'] / max(c['named_seen'], 1):.3f}"
        )
        print(
            f"{'':6s} gold unnamed {c['unnamed']}: given a name {c['unnamed_given']}, naming no gold speaker of the "
            f"document {c['unnamed_suspect']}; at the display threshold {c['unnamed_seen_suspect']} of "
            f"{c['unnamed_seen']}"
        )
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for case in dump:
                f.write(json.dumps(case, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
