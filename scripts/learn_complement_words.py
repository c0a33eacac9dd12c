"""Learn the words before ", dass …" / ", … zu <verb>" that make the clause reported speech, with 5-fold CV.

Usage:
    .venv/bin/python scripts/learn_complement_words.py ../shared/eval/quotes/train.jsonl [--write]

A speech verb's dass-clause or zu-infinitive is what was said ("sagte, dass …").  German news reports
just as often through verbs of thinking, knowing and deciding and through predicates ("geht davon aus,
dass", "wurde bekannt, dass", "hält es für möglich, dass", "beschloss, … zu …", "die Forderung, … zu …"),
but not every clause does ("so schwer, dass …", "dafür, dass …").  Which words before the comma
introduce reported speech is learned here (``briefing.extract.quotes.indirect.complement_words``):

1. candidates: every word that stands before ", dass" or before a comma clause ending in a
   zu-infinitive somewhere in the documents learned from;
2. one extraction run with every candidate on; each clause found only because of a candidate is
   credited to its word, as end-to-end right or not (``../shared/eval/score_quotes.py``);
3. a word is kept when it introduced at least :data:`MIN_SUPPORT` clauses and the share of them that
   are end-to-end right exceeds half the base end-to-end F1 (adding predictions of that precision
   raises F1).

Document k belongs to fold k mod 5: for each fold the words are learned on the other four and the
held-out fold is scored with them; the pooled held-out figures are the cross-validated ones.
``--write`` stores the words learned on all of train in ``briefing/lang/de/complement_words.txt``
(the data is CC BY-NC-SA 4.0, and so is what is learned from it).

Use it on train only: dev stays untouched.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_learning import FOLDS, ROOT, Counts, counts, figures, fold_of, predict, read_docs, scorer  # noqa: E402

OUT = ROOT / "briefing" / "lang" / "de" / "complement_words.txt"
# A word must have introduced this many clauses in the documents it is learned from.
MIN_SUPPORT = 2
HEADER = """\
# Words that end a clause whose dass-clause or zu-infinitive after the comma is reported speech though
# no verb of saying introduces it ("geht davon aus, dass", "wurde bekannt, dass"). Learned, not written by
# hand: scripts/learn_complement_words.py keeps a word when the clauses it introduces raise the all-types
# end-to-end F1 on the WikiNews quotation train split (5-fold CV figures in its output). Learned from data
# licensed CC BY-NC-SA 4.0; this list carries that licence.
"""
_CANDIDATE = re.compile(r"(\w+)[ \t]*,[ \t]*(?:dass\b|[^,.;:!?]{0,200}?(?:\bzu \w+|\w+zu\w+en)[.;!?]?\s)")
_WORD_BEFORE = re.compile(r"(\w+)[ \t]*,[ \t]*$")


def _predict(docs: list[dict[str, Any]], words: frozenset[str]) -> dict[str, list[dict[str, Any]]]:
    return predict(docs, "complement_words", words)


def _credited(
    sc: Any, docs: list[dict[str, Any]], base: dict[str, list[dict[str, Any]]], full: dict[str, list[dict[str, Any]]]
) -> dict[str, list[tuple[str, bool]]]:
    """Per document: (word, end-to-end right) for each prediction of ``full`` that ``base`` lacks."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for d in docs:
        text = d["text"]
        old = {tuple(q["span"]) for q in base.get(d["id"], [])}
        golds = [dict(q, _span=sc._cover(q["quote"]["spans"])) for q in d["quotes"] if sc._cover(q["quote"]["spans"])]
        preds = [dict(q, _span=q["span"]) for q in full.get(d["id"], [])]
        right = {
            id(p) for g, p in sc._match(text, golds, preds) if g["speaker"]["spans"] and sc._speaker_ok(text, g, p)
        }
        credited = []
        for p in preds:
            if tuple(p["span"]) in old or p["kind"] != "indirect":
                continue
            m = _WORD_BEFORE.search(text, max(0, p["span"][0] - 60), p["span"][0])
            if m:
                credited.append((m.group(1).lower(), id(p) in right))
        out[d["id"]] = credited
    return out


def _learn(credited: dict[str, list[tuple[str, bool]]], base: Counts, ids: list[str], support: int) -> list[str]:
    """Words with enough clauses whose end-to-end precision exceeds half the base end-to-end F1."""
    _, base_e2e = figures(base, ids)
    n: dict[str, int] = defaultdict(int)
    ok: dict[str, int] = defaultdict(int)
    for i in ids:
        for w, right in credited[i]:
            n[w] += 1
            ok[w] += right
    return sorted(w for w in n if n[w] >= support and ok[w] / n[w] > base_e2e / 2)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--write", action="store_true", help=f"write the words learned on all of train to {OUT}")
    ap.add_argument("--min-support", type=int, default=MIN_SUPPORT, help="clauses a word must have introduced")
    args = ap.parse_args(argv)
    sc = scorer()
    docs = read_docs(args.gold)
    ids = [d["id"] for d in docs]
    fold = fold_of(docs)
    base_pred = _predict(docs, frozenset())
    base = counts(sc, docs, base_pred)
    held: Counts = {}
    for k in range(FOLDS):
        train_docs = [d for d in docs if fold[d["id"]] != k]
        candidates = frozenset(m.group(1).lower() for d in train_docs for m in _CANDIDATE.finditer(d["text"]))
        credited = _credited(sc, train_docs, base_pred, _predict(train_docs, candidates))
        words = _learn(credited, base, [d["id"] for d in train_docs], args.min_support)
        test_docs = [d for d in docs if fold[d["id"]] == k]
        held.update(counts(sc, test_docs, _predict(test_docs, frozenset(words))))
        print(f"fold {k}: {len(candidates)} candidates, learned {len(words)}: {' '.join(words)}")
    b_f1, b_e2e = figures(base, ids)
    c_f1, c_e2e = figures(held, ids)
    print(f"5-fold CV, all types: partial F1 {b_f1:.4f} -> {c_f1:.4f}, end-to-end F1 {b_e2e:.4f} -> {c_e2e:.4f}")
    candidates = frozenset(m.group(1).lower() for d in docs for m in _CANDIDATE.finditer(d["text"]))
    final = _learn(_credited(sc, docs, base_pred, _predict(docs, candidates)), base, ids, args.min_support)
    print(f"learned on all of train ({len(final)}): {' '.join(final)}")
    if args.write:
        OUT.write_text(HEADER + "".join(w + "\n" for w in final), encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
