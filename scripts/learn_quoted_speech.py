"""Learn which quotations in marks are speech (vs titles, names, scare quotes) from the training split.

    .venv/bin/python scripts/learn_quoted_speech.py            # 5-fold CV: features, cuts, figures
    .venv/bin/python scripts/learn_quoted_speech.py --write    # ... and retrain on all of train, write the weights

Every quotation in marks the direct-quotation rules look at (:func:`briefing.extract.quotes.direct.
direct_quotes`) is a training example, whether the rules keep it or not: its features are those of
:mod:`briefing.extract.quotes.quoted_speech` (the rules' verdict and why, the cue, the words around the
marks, the quotation's own shape), its label whether it matches a gold direct quotation (the shared
scorer's matching: overlap of at least half the longer span).  A logistic regression (numpy, Newton's
method, L2 chosen by out-of-fold log loss) is trained on four folds and predicts the fifth (document k
in fold k mod 5).  The two cuts at which the model overrules the rules - drop a quotation the rules
keep below ``drop_below``, keep one they leave out from ``keep_from`` on - are chosen on the pooled
out-of-fold probabilities, running the whole quotation extraction again for each candidate cut (the
speakers a dropped quotation lent its neighbours go with it), to maximise direct partial F1 plus direct
end-to-end F1, and are taken only when they do not lower the all-types end-to-end F1 and gain in most
folds.  Dev is never read.

The weights are learned from data licensed CC BY-NC-SA 4.0 (Petersen-Frey & Biemann, LREC-COLING 2024)
and carry that licence.  Retrain whenever the direct-quotation rules change.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from briefing.extract.quotes import extract_quotes, quoted_speech, to_records
from briefing.extract.quotes.base import Pair
from briefing.extract.quotes.confidence import with_confidence
from briefing.extract.quotes.jsonl import quote_to_json

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_cv import Doc as CvDoc  # noqa: E402
from quote_cv import error_kinds  # noqa: E402
from quote_cv import labels as e2e_labels  # noqa: E402
from quote_learning import (  # noqa: E402
    FOLDS,  # noqa: E402
    before_quotes,
    fit_logistic,
    linear,
    matrix,
)
from quote_learning import scorer as load_scorer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = ROOT.parent / "shared" / "eval" / "quotes" / "train.jsonl"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score_quotes.py"
WEIGHTS = ROOT / "briefing" / "lang" / quoted_speech.QUOTED_SPEECH
# The features each regression reads: a few, chosen for what they say about German (a few hundred
# quotations, 38 of those the rules keep not speech, overfit a model of all of quoted_speech.FEATURES:
# out of fold its log loss on the kept ones was 0.190 against 0.177 with these).  Shape of the quotation
# (short, one word, lowercase start, final punctuation, a finite verb, English or French words, title
# case), the word before it (an article, a noun, "sogenannte"/"Titel"), whether it closes its sentence,
# what the rules attach (a cue right after or a colon before, a person, a thing, no speaker) and whether
# it sits in reported speech (Konjunktiv, a subordinate clause after a cue).
CORE_FEATURES = (
    "short",
    "one_word",
    "starts_lower",
    "ends_with_punct",
    "finite_verb",
    "closes_sentence",
    "foreign_share",
    "foreign_phrase",
    "title_case",
    "before_definite",
    "before_scare_word",
    "before_noun",
    "speaker_attached",
    "speaker_person",
    "speaker_thing",
    "how_after",
    "how_colon",
    "konjunktiv",
    "subordinate_before",
    "governed",
    "governed_by_person",
    "lower_phrase",
    "slogan",
)
# ... and for the quotations the rules leave out, also why they do.
GROUP_FEATURES = {
    "kept": CORE_FEATURES,
    "left_out": CORE_FEATURES + tuple(f"rejected_{r}" for r in quoted_speech.REJECTIONS),
}
# L2 penalties tried on the weights (not the bias); the one with the lowest out-of-fold log loss is taken.
L2_GRID = (0.1, 0.3, 1.0, 3.0)
# Cuts tried: a quotation the rules keep is dropped below DROP_GRID[i] (0: never) ...
DROP_GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
# ... and one they leave out is kept from KEEP_GRID[j] on (NEVER: never).
NEVER = 2.0
KEEP_GRID = (NEVER, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5)
# A cut is taken when it gains (direct partial + e2e F1) in more of the five folds than it loses in:
# folds it does not change count neither way (with a few hundred direct quotations, a fold often holds
# no quotation a cut touches; requiring three gains outright refused a cut that gained in two folds,
# lost 0.001 in one and changed nothing in two).
LICENCE = (
    "Weights learned from the German WikiNews quotation data of Petersen-Frey & Biemann (LREC-COLING 2024), "
    "licence CC BY-NC-SA 4.0; these weights carry that licence."
)
Key = tuple[str, int]  # (document id, start of the opening mark)


@dataclass
class Doc:
    """One gold document and what the pipeline knows of it before the quotation rules run."""

    gold: dict[str, Any]
    sents: list[tuple[int, int]]
    actors: list[Any]


def prepare(path: Path, limit: int | None) -> list[Doc]:
    """Sentences and actors of every gold document (the pipeline without the quotation component)."""
    return [Doc(g, sents, actors) for g, _text, sents, actors in before_quotes(path, limit)]


def run(
    docs: list[Doc], decide: Callable[[Key, dict[str, float], bool], bool] | None
) -> tuple[dict[str, list[dict[str, Any]]], dict[Key, tuple[Pair, dict[str, float], bool]]]:
    """The quotation extraction over ``docs`` with ``decide(key, features, rules_keep)`` as the judge
    (None: the rules' verdict).  Returns the predictions in the public JSON and every candidate seen."""
    seen: dict[Key, tuple[Pair, dict[str, float], bool]] = {}
    current: list[Any] = [None, None]  # (document id, pair) of the features computed last

    class Learning:
        """A judge (:class:`quoted_speech.SpeechJudge`) that records every candidate with all its features."""

        def could_keep(self, rules_keep: bool) -> bool:
            return True  # every candidate is learned from

        def features(self, text: str, masked: str, p: Pair, sent: tuple[int, int], view: Any) -> dict[str, float]:
            current[1] = p
            return quoted_speech.features(text, masked, p, sent, view)  # every feature (not only the shipped model's)

        def judge(self, feats: dict[str, float], rules_keep: bool) -> tuple[bool, float]:
            key = (current[0], current[1].start)
            seen[key] = (current[1], feats, rules_keep)
            return (decide(key, feats, rules_keep) if decide else rules_keep), 0.5

    judge = Learning()
    preds: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        current[0] = d.gold["id"]
        text = d.gold["text"]
        found, _ = extract_quotes(text, d.sents, judge=judge)
        records = with_confidence(text, found, to_records(text, found, d.sents, d.actors), d.sents, d.actors)
        preds[d.gold["id"]] = [quote_to_json(q) for q in records]
    return preds, seen


def candidate_labels(docs: list[Doc], seen: dict[Key, tuple[Pair, dict[str, float], bool]], sc: Any) -> dict[Key, int]:
    """1 for a candidate that matches a gold direct quotation (the scorer's one-to-one matching), else 0."""
    out: dict[Key, int] = {}
    for d in docs:
        i = d.gold["id"]
        golds = [dict(q, _span=sc._cover(q["quote"]["spans"])) for q in d.gold["quotes"] if q["type"] == "Direct"]
        golds = [g for g in golds if g["_span"]]
        cands = [{"_span": [p.start, p.end], "_key": k} for k, (p, _, _) in seen.items() if k[0] == i]
        matched = {p["_key"] for _, p in sc._match(d.gold["text"], golds, cands)}
        for c in cands:
            out[c["_key"]] = int(c["_key"] in matched)
    return out


# ------------------------------------------------------------------ the model




def out_of_fold(keys: list[Key], x: np.ndarray, y: np.ndarray, fold: dict[str, int], l2: float) -> np.ndarray:
    """Every candidate's probability from the model trained on the other folds."""
    folds = np.array([fold[k[0]] for k in keys])
    prob = np.zeros(len(keys))
    for i in range(FOLDS):
        test = folds == i
        w = fit_logistic(x[~test], y[~test], l2)
        prob[test] = 1.0 / (1.0 + np.exp(-np.clip(x[test] @ w, -30, 30)))
    return prob


def log_loss(y: np.ndarray, p: np.ndarray) -> float:
    eps = 1e-9
    return float(-np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))


# ------------------------------------------------------------------ cuts and figures


def summary(res: dict[str, Any]) -> str:
    d, a = res["direct"], res["all"]
    return (
        f"direct P/R/F1 {d['partial']['p']:.3f}/{d['partial']['r']:.3f}/{d['partial']['f1']:.3f} "
        f"spk {d['speaker_acc']:.3f} e2e {d['e2e']['f1']:.3f} | "
        f"all P/R/F1 {a['partial']['p']:.3f}/{a['partial']['r']:.3f}/{a['partial']['f1']:.3f} e2e {a['e2e']['f1']:.3f}"
    )


def objective(res: dict[str, Any]) -> float:
    """Direct partial F1 plus direct end-to-end F1: what the cuts are chosen for."""
    return res["direct"]["partial"]["f1"] + res["direct"]["e2e"]["f1"]


def kind1(docs: list[Doc], preds: dict[str, list[dict[str, Any]]], sc: Any) -> int:
    """Issue 10's kind 1 (a predicted direct quotation matching no gold quotation), as quote_cv.py counts it."""
    cv_docs = [
        CvDoc(d.gold, d.sents, preds[d.gold["id"]], [], e2e_labels(d.gold, preds[d.gold["id"]], sc)) for d in docs
    ]
    return error_kinds(cv_docs, sc)["all"]["1 not speech taken as direct quote"]


def _around(text: str, b: int, e: int, width: int = 220) -> str:
    """The text from ``width`` characters before ``[b, e)`` to ``width`` after, the span in [[ ]]."""
    s, t = max(0, b - width), min(len(text), e + width)
    return (text[s:b] + "[[" + text[b:e] + "]]" + text[e:t]).replace("\n", " \u00b6 ")


def dump_detection(
    path: Path,
    docs: list[Doc],
    preds: dict[str, list[dict[str, Any]]],
    seen: dict[Key, tuple[Pair, dict[str, float], bool]],
    p_of: dict[Key, float],
    sc: Any,
) -> None:
    """Write, for reading by hand, the direct-detection errors of ``preds`` (out of fold): (1) gold direct
    quotations no direct prediction matches, with the quotation in marks the rules saw there (their verdict,
    why they left it out, the model's probability) and any other prediction overlapping it; (2) direct
    predictions matching no gold direct quotation, with the gold quotations of other types they overlap;
    (3) matched pairs whose boundaries differ once marks and punctuation are stripped."""
    missed: list[str] = []
    false: list[str] = []
    spans: list[str] = []
    for d in docs:
        i, text = d.gold["id"], d.gold["text"]
        golds = [dict(q, _span=sc._cover(q["quote"]["spans"])) for q in d.gold["quotes"] if q["type"] == "Direct"]
        golds = [g for g in golds if g["_span"]]
        allp = preds.get(i, [])
        ps = [dict(p, _span=p["span"]) for p in allp if p["kind"] == "direct"]
        pairs = sc._match(text, golds, ps)
        mg = {id(g) for g, _ in pairs}
        mp = {id(p) for _, p in pairs}
        cands = [(k, v) for k, v in seen.items() if k[0] == i]
        for g in golds:
            if id(g) in mg:
                continue
            b, e = g["_span"]
            saw = [
                f"rules {'keep' if rk else 'leave out'}"
                + "".join(f" {n[9:]}" for n, v in f.items() if n.startswith("rejected_") and v)
                + f" p={p_of.get(k, -1):.2f} [{text[pr.start : pr.end][:60]!r}]"
                for k, (pr, f, rk) in cands
                if sc._overlap([pr.start, pr.end], [b, e]) > 0
            ]
            other = [
                f"{p['kind']} {text[p['span'][0] : p['span'][1]][:60]!r}"
                for p in allp
                if sc._overlap(p["span"], [b, e]) > 0
            ]
            missed.append(
                f"[{i} @{b}] gold by {g['speaker']['text']!r}\n  marks: {'; '.join(saw) or 'none'}\n"
                f"  overlapping predictions: {'; '.join(other) or 'none'}\n  | {_around(text, b, e)}\n"
            )
        for p in ps:
            if id(p) in mp:
                continue
            b, e = p["_span"]
            over = [
                f"{q['type']} {text[c[0] : c[1]][:60]!r}"
                for q in d.gold["quotes"]
                if (c := sc._cover(q["quote"]["spans"])) and sc._overlap(c, [b, e]) > 0
            ]
            false.append(f"[{i} @{b}] gold here: {'; '.join(over) or 'none'}\n  | {_around(text, b, e)}\n")
        for g, p in pairs:
            if sc._norm_bounds(text, *g["_span"]) != sc._norm_bounds(text, *p["_span"]):
                gb, ge = g["_span"]
                pb, pe = p["_span"]
                spans.append(f"[{i}] gold {text[gb:ge]!r}\n  ours {text[pb:pe]!r}\n")
    out = [f"# Gold direct quotations missed: {len(missed)}\n", *missed]
    out += [f"# Direct predictions matching no gold direct quotation: {len(false)}\n", *false]
    out += [f"# Matched, boundaries differ: {len(spans)}\n", *spans]
    path.write_text("\n".join(out), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents (a quick look)")
    ap.add_argument("--write", action="store_true", help=f"retrain on all of train and write {WEIGHTS.name}")
    ap.add_argument("--show", type=int, default=0, help="print the N surest overrulings out of fold")
    ap.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="write every gold direct quotation missed and every direct prediction matching none, out of fold at "
        "the chosen cuts, and the matched ones whose boundaries differ, each with the sentences around it",
    )
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    sc = load_scorer(args.scorer)
    docs = prepare(args.train, args.limit)
    fold = {d.gold["id"]: k % FOLDS for k, d in enumerate(docs)}
    folds = [[d for d in docs if fold[d.gold["id"]] == i] for i in range(FOLDS)]
    gold_of = [d.gold for d in docs]
    base_preds, seen = run(docs, None)
    lab = candidate_labels(docs, seen, sc)
    keys = sorted(seen, key=lambda k: (fold[k[0]], k))
    xs = {group: matrix([seen[k][1] for k in keys], names) for group, names in GROUP_FEATURES.items()}
    y = np.array([lab[k] for k in keys], dtype=float)
    rules = np.array([seen[k][2] for k in keys])
    print(
        f"{len(docs)} documents, {len(keys)} quotations in marks: {int(rules.sum())} kept by the rules "
        f"({int(y[rules].sum())} gold direct), {int((~rules).sum())} left out ({int(y[~rules].sum())} gold direct) "
        f"({time.perf_counter() - t0:.1f} s)"
    )
    prob = np.zeros(len(keys))
    l2s: dict[str, float] = {}
    for group, mask in (("kept", rules), ("left_out", ~rules)):
        gk = [k for k, m in zip(keys, mask, strict=True) if m]
        x = xs[group]
        losses = {l2: log_loss(y[mask], out_of_fold(gk, x[mask], y[mask], fold, l2)) for l2 in L2_GRID}
        l2s[group] = min(L2_GRID, key=lambda v: losses[v])
        prob[mask] = out_of_fold(gk, x[mask], y[mask], fold, l2s[group])
        rate = float(y[mask].mean())
        print(
            f"Out-of-fold log loss, {group} by the rules, by L2: "
            + " ".join(f"{v}: {loss:.4f}" for v, loss in losses.items())
            + f"; chosen {l2s[group]} (a constant: {log_loss(y[mask], np.full(int(mask.sum()), rate)):.4f})"
        )
    p_of = {k: float(v) for k, v in zip(keys, prob, strict=True)}

    def decider(drop: float, keep: float) -> Callable[[Key, dict[str, float], bool], bool]:
        return lambda key, _f, rk: p_of.get(key, 1.0 if rk else 0.0) >= (drop if rk else keep)

    base = sc.score(gold_of, base_preds)
    print(f"Rules alone      : {summary(base)}")
    results: dict[tuple[float, float], dict[str, Any]] = {(0.0, NEVER): base}
    preds_at: dict[tuple[float, float], dict[str, list[dict[str, Any]]]] = {(0.0, NEVER): base_preds}

    def evaluate(drop: float, keep: float) -> dict[str, Any]:
        if (drop, keep) not in results:
            preds_at[(drop, keep)] = run(docs, decider(drop, keep))[0]
            results[(drop, keep)] = sc.score(gold_of, preds_at[(drop, keep)])
        return results[(drop, keep)]

    print("Dropping what the rules keep (out of fold):")
    for t in DROP_GRID[1:]:
        n = int(((prob < t) & rules).sum())
        right = int(((prob < t) & rules & (y == 1)).sum())
        print(f"  below {t:.2f}: drop {n} ({right} of them gold direct): {summary(evaluate(t, NEVER))}")
    drop = max(DROP_GRID, key=lambda t: (round(objective(results[(t, NEVER)]), 4), -t))
    print("Keeping what the rules leave out (out of fold, dropping below the best cut):")
    for t in KEEP_GRID[1:]:
        n = int(((prob >= t) & ~rules).sum())
        right = int(((prob >= t) & ~rules & (y == 1)).sum())
        print(f"  from {t:.2f}: keep {n} ({right} of them gold direct): {summary(evaluate(drop, t))}")
    keep = max(KEEP_GRID, key=lambda t: (round(objective(results[(drop, t)]), 4), t))
    chosen = evaluate(drop, keep)
    all_ok = chosen["all"]["e2e"]["f1"] >= base["all"]["e2e"]["f1"]
    print(f"Best cuts: drop below {drop:.2f}, keep from {'never' if keep == NEVER else f'{keep:.2f}'}")
    print("Per fold, rules -> with the model (out of fold):")
    gains = losses = 0
    for i, f in enumerate(folds):
        ids = [d.gold for d in f]
        before = sc.score(ids, base_preds)
        after = sc.score(ids, preds_at[(drop, keep)])
        gains += round(objective(after), 4) > round(objective(before), 4)
        losses += round(objective(after), 4) < round(objective(before), 4)
        print(f"  fold {i}: {summary(before)}")
        print(f"       -> {summary(after)}")
    print(f"  the cuts gain in {gains} folds and lose in {losses}")
    if not all_ok or gains <= losses:
        print(f"  (all-types e2e kept: {all_ok}): not taken")
        drop, keep = 0.0, NEVER
        chosen = base
    print(f"Pooled, rules    : {summary(base)}  kind 1: {kind1(docs, base_preds, sc)}")
    print(f"Pooled, chosen   : {summary(chosen)}  kind 1: {kind1(docs, preds_at[(drop, keep)], sc)}")
    if args.show:
        over = (
            sorted(
                (k for k in keys if (p_of[k] < drop) if seen[k][2]),
                key=lambda k: p_of[k],
            )[: args.show]
            + sorted((k for k in keys if p_of[k] >= keep and not seen[k][2]), key=lambda k: -p_of[k])[: args.show]
        )
        texts = {d.gold["id"]: d.gold["text"] for d in docs}
        for k in over:
            p = seen[k][0]
            t = texts[k[0]]
            ctx = t[max(0, p.start - 60) : p.end + 30].replace("\n", " ")
            verdict = "drop" if seen[k][2] else "keep"
            print(f"  {verdict} p={p_of[k]:.2f} gold={lab[k]} {k[0]}: {ctx}")

    if args.dump:
        dump_detection(args.dump, docs, preds_at[(drop, keep)], seen, p_of, sc)
        print(f"wrote {args.dump}")
    if args.write:
        kept = linear(fit_logistic(xs["kept"][rules], y[rules], l2s["kept"]), GROUP_FEATURES["kept"])
        left_out = linear(fit_logistic(xs["left_out"][~rules], y[~rules], l2s["left_out"]), GROUP_FEATURES["left_out"])
        meta = {
            "licence": LICENCE,
            "trained_by": "scripts/learn_quoted_speech.py --write",
            "documents": len(docs),
            "candidates": len(keys),
            "l2": l2s,
            "features": {group: list(names) for group, names in GROUP_FEATURES.items()},
        }
        model = quoted_speech.SpeechModel(kept, left_out, drop, keep)
        WEIGHTS.write_text(
            json.dumps(quoted_speech.model_to_json(model, meta), indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    print(f"({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
