"""Indirect speech errors on the TRAIN split, sorted into patterns of German grammar.

Usage:
    .venv/bin/python scripts/indirect_errors.py ../shared/eval/quotes/train.jsonl [--show PATTERN] [--n N]

Runs the quotation pipeline over the gold file, pairs predictions with gold quotations the way
``../shared/eval/score_quotes.py`` does (all types; overlap at least half the longer span), and sorts

- every predicted indirect quotation that matches no gold quotation (false indirect),
- every gold Indirect / IndirectFreeIndirect quotation that no prediction matches (missed),
- every matched indirect quotation whose speaker is wrong,

into patterns by the rule that produced the prediction and the grammar around the span.  Prints the
count of each pattern; ``--show PATTERN`` prints that pattern's cases with context.

Use it on train only: dev stays untouched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_learning import scorer  # noqa: E402

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score_quotes.py"

_WORD = re.compile(r"\w+")
_MY_TYPES = ("Indirect", "IndirectFreeIndirect")




def _run(docs: list[dict[str, Any]]) -> dict[str, list[tuple[Any, Any]]]:
    """Per document: (Found, Quote) pairs of the pipeline, Found carrying the rule that fired."""
    from briefing.extract.nlp import break_punctuation_runs
    from briefing.extract.quotes.jsonl import build_nlp

    nlp = build_nlp()
    comp = nlp.get_pipe("briefing_quotes")
    glb = type(comp).__call__.__globals__
    real_extract = glb["extract_quotes"]
    captured: list[Any] = []

    def spy(text: str, sents: Any = None) -> Any:
        found, warnings = real_extract(text, sents)
        captured[:] = found
        return found, warnings

    # The rules' raw output: the confidence's drop (quote_confidence.json "drop_below") is switched off,
    # so every Found keeps its Quote (as in scripts/quote_cv.py).
    real_conf = glb["with_confidence"]
    from dataclasses import replace

    from briefing.extract.quotes.confidence import load_model

    def keep_all(*args: Any, **kwargs: Any) -> Any:
        return real_conf(*args, **{**kwargs, "model": lambda: replace(load_model(), drop_below=0.0)})

    glb["extract_quotes"] = spy
    glb["with_confidence"] = keep_all
    out: dict[str, list[tuple[Any, Any]]] = {}
    try:
        for d in docs:
            doc = nlp(break_punctuation_runs(d["text"]))
            quotes = doc._.briefing_quotes or []
            out[d["id"]] = list(zip(list(captured), quotes, strict=True))
    finally:
        glb["extract_quotes"] = real_extract
        glb["with_confidence"] = real_conf
    return out


def _rule(f: Any, text: str) -> str:
    """Which rule produced an indirect Found."""
    from briefing.extract.quotes.lexicon import attribution_markers

    if f.cue is None:
        # _resolve_missing_speakers overwrites ``how``; free reported speech is the unattributed kind.
        return "continuation" if f.attributed else "free-konj"
    cue = f.cue.lower()
    markers = attribution_markers()
    if cue == "so":
        return "so-X"
    if cue in markers.get("prep", ()) or cue in markers.get("postp", ()) or cue == "nach":
        return f"marker:{cue}"
    if cue in markers.get("adverb", ()) or cue == "wonach" or cue == "für":
        return f"marker:{cue}"
    first = (_WORD.findall(text[f.start : f.start + 30]) or [""])[0].lower()
    cpos = text.find(f.cue, max(0, f.start - 400), min(len(text), f.end + 400))
    if first in ("dass", "ob"):
        return f"verb-{first}"
    if first in ("wie", "was", "warum", "wer", "wann", "wo"):
        return "verb-w"
    if cpos >= f.end:
        return "verb-backward"
    return "verb-forward"


def _konj(text: str, b: int, e: int) -> int:
    from briefing.extract.quotes import konjunktiv_words

    return konjunktiv_words(text, b, e)


def _ctx(text: str, b: int, e: int, extra: list[tuple[int, int, str]] = ()) -> str:
    """Context with the span marked ⟦…⟧ and extra marks (speaker spans) as {…}."""
    lo, hi = max(0, b - 160), min(len(text), e + 80)
    marks = [(b, "⟦"), (e, "⟧")]
    for sb, se, lab in extra:
        if lo <= sb <= hi and lo <= se <= hi:
            marks += [(sb, "〔" if lab == "pred" else "{"), (se, "〕" if lab == "pred" else "}")]
    s = text[lo:hi]
    for pos, m in sorted(marks, reverse=True):
        s = s[: pos - lo] + m + s[pos - lo :]
    return s.replace("\n", " ¶ ")


_SUBORD = [
    "als",
    "bevor",
    "bis",
    "da",
    "damit",
    "nachdem",
    "ob",
    "obwohl",
    "obgleich",
    "seit",
    "seitdem",
    "sobald",
    "solange",
    "sodass",
    "während",
    "weil",
    "wenn",
    "wobei",
    "wodurch",
    "womit",
    "indem",
    "falls",
    "sofern",
    "zumal",
]
_REL = ["der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches", "wo"]


def _false_pattern(rule: str, text: str, f: Any) -> str:
    """Grammar of a false indirect prediction (no gold quotation overlaps it)."""
    span = text[f.start : f.end]
    words = _WORD.findall(span)
    first = words[0].lower() if words else ""
    before = text[max(0, f.start - 3) : f.start]
    konj = _konj(text, f.start, f.end)
    if rule in ("free-konj", "continuation"):
        strong = _konj_strong(text, f.start, f.end)
        if not strong:
            return f"{rule}: reportative soll / no Konj I"
        kw = _konj_words(text, f.start, f.end)
        if all(w in _K2_COND for w in kw):
            return f"{rule}: Konj II/modal only ({','.join(sorted(set(kw)))[:40]})"
        return f"{rule}: Konj I sentence, not speech"
    if "," in before and first in _SUBORD:
        return f"{rule}: adverbial clause ({first})"
    if "," in before and first in _REL:
        return f"{rule}: relative clause"
    if rule.startswith("verb-") and not konj and first not in ("dass", "ob"):
        return f"{rule}: indicative, no dass"
    return f"{rule}: other"


_K2_COND = frozenset(
    [
        "hätte",
        "hätten",
        "wäre",
        "wären",
        "würde",
        "würden",
        "könnte",
        "könnten",
        "müsste",
        "müssten",
        "dürfte",
        "dürften",
        "sollte",
        "sollten",
        "möchte",
        "möchten",
        "wollte",
        "wollten",
    ]
)


def _konj_words(text: str, b: int, e: int) -> list[str]:
    from briefing.extract.quotes.konjunktiv import _konjunktiv

    forms = _konjunktiv()
    return [w for w in _WORD.findall(text[b:e]) if w in forms]


def _konj_strong(text: str, b: int, e: int) -> int:
    from briefing.extract.quotes import konjunktiv_words

    return konjunktiv_words(text, b, e, strong=True)


def _missed_pattern(g: dict[str, Any], text: str, preds: list[Any], sc: Any) -> str:
    """Grammar of a missed gold quotation."""
    b, e = g["_span"]
    over = [p for p in preds if p["kind"] == "indirect" and sc._overlap(p["_span"], g["_span"]) > 0]
    if over:
        p = max(over, key=lambda p: sc._overlap(p["_span"], g["_span"]))
        pb, pe = p["_span"]
        more = "multi-sentence gold" if re.search(r"[.!?]\W*\s+\W*[A-ZÄÖÜ]", text[b:e]) else "one sentence"
        if pb <= b and pe >= e:
            return f"{g['type']} boundary: prediction too long"
        if pb >= b and pe <= e:
            return f"{g['type']} boundary: prediction too short ({more})"
        return f"{g['type']} boundary: shifted"
    cue = (g.get("cue") or {}).get("text", "").lower()
    span = text[b:e]
    words = _WORD.findall(span)
    first = words[0].lower() if words else ""
    cue_spans = (g.get("cue") or {}).get("spans") or []
    konj = _konj(text, b, e)
    t = g["type"]
    if not cue_spans:
        return f"{t} no cue: " + ("konj" if konj else "indicative")
    cue_b = min(s[0] for s in cue_spans)
    where = "cue-before" if cue_b < b else "cue-after"
    if first == "dass":
        return f"{t} dass-clause {where}"
    if first == "ob" or first in ("wie", "was", "warum", "wer", "wann", "wo", "welche"):
        return f"{t} w/ob-clause {where}"
    if re.search(r"\bzu\s+\w+\s*$|\w+zu\w+en\s*$", span):
        return f"{t} zu-infinitive {where}"
    cueword = cue.split()[0] if cue else ""
    if cueword in ("laut", "zufolge", "nach", "so", "demnach", "wonach", "angaben"):
        return f"{t} marker {cueword}"
    if text[max(0, b - 2) : b].strip() == ":":
        return f"{t} after colon " + ("konj" if konj else "indicative")
    return f"{t} {where} " + ("konj" if konj else "indicative")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--show", action="append", default=[], help="print the cases of patterns starting so")
    ap.add_argument("--n", type=int, default=40, help="cases to print per pattern")
    args = ap.parse_args(argv)
    sc = scorer(SCORER)
    with open(args.gold, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    run = _run(docs)
    cases: dict[str, list[str]] = defaultdict(list)
    counts: Counter[str] = Counter()
    for d in docs:
        text = d["text"]
        golds = [dict(q, _span=sc._cover(q["quote"]["spans"])) for q in d["quotes"] if sc._cover(q["quote"]["spans"])]
        preds = []
        for f, q in run[d["id"]]:
            sp = [q.speaker_start, q.speaker_end] if q.speaker_start is not None else None
            preds.append(
                {"_span": [q.start, q.end], "kind": q.kind, "speaker": {"span": sp, "name": q.speaker_name}, "_f": f}
            )
        pairs = sc._match(text, golds, preds)
        matched_p = {id(p) for _g, p in pairs}
        matched_g = {id(g) for g, _p in pairs}
        for p in preds:
            if p["kind"] != "indirect":
                continue
            f = p["_f"]
            rule = _rule(f, text)
            counts[f"pred {rule}"] += 1
            if id(p) in matched_p:
                continue
            if any(sc._overlap(g["_span"], p["_span"]) > 0 for g in golds):
                key = f"FALSE-boundary {rule}"
            else:
                key = "FALSE " + _false_pattern(rule, text, f)
            counts[key] += 1
            cases[key].append(f"{d['id']}  {_ctx(text, *p['_span'])}")
        for g in golds:
            if g["type"] not in _MY_TYPES or id(g) in matched_g:
                continue
            key = "MISSED " + _missed_pattern(g, text, preds, sc)
            counts[key] += 1
            cue = (g.get("cue") or {}).get("text", "")
            extra = [(s[0], s[1], "sp") for s in g["speaker"]["spans"]]
            for p in preds:
                if p["kind"] == "indirect" and sc._overlap(p["_span"], g["_span"]) > 0:
                    extra.append((p["_span"][0], p["_span"][1], "pred"))
            cases[key].append(f"{d['id']} cue={cue!r} {_ctx(text, *g['_span'], extra)}")
        for g, p in pairs:
            if p["kind"] != "indirect" or not g["speaker"]["spans"] or sc._speaker_ok(text, g, p):
                continue
            rule = _rule(p["_f"], text)
            psp = p["speaker"]
            kind = "none" if not psp["span"] and not psp["name"] else "wrong"
            key = f"SPEAKER {kind} {rule}"
            counts[key] += 1
            ptxt = text[psp["span"][0] : psp["span"][1]] if psp["span"] else None
            cases[key].append(
                f"{d['id']} gold={g['speaker']['text']!r} pred={ptxt!r}/{psp['name']!r}  "
                f"{_ctx(text, *g['_span'], [(s[0], s[1], 'sp') for s in g['speaker']['spans']])}"
            )
    for section in ("pred", "FALSE", "MISSED", "SPEAKER"):
        tot = sum(c for k, c in counts.items() if k.startswith(section + " ") or k.startswith(section + "-"))
        print(f"== {section} ({tot})")
        for k, c in sorted(counts.items(), key=lambda kv: -kv[1]):
            if k.startswith(section + " ") or k.startswith(section + "-"):
                print(f"{c:5d}  {k}")
    for pat in args.show:
        for k in sorted(cases):
            if k.startswith(pat):
                print(f"\n### {k} ({len(cases[k])})")
                for line in cases[k][: args.n]:
                    print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
