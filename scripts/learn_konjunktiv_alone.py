"""Learn which Konjunktiv II forms mark a sentence as reported speech on their own, with 5-fold CV on train.

Usage:
    .venv/bin/python scripts/learn_konjunktiv_alone.py ../shared/eval/quotes/train.jsonl [--write]

"hätte", "wäre", "würde", "könnten" ... are Konjunktiv II: in news German they report speech
("Die Soldaten hätten das Ehepaar mit Begeisterung empfangen") as often as they state a plain
conditional ("Ohne Regen wäre die Ernte verloren").  Konjunktiv I forms ("sei", "habe") count alone;
for each Konjunktiv II form of ``briefing.extract.quotes.konjunktiv.KONJUNKTIV_II`` this script decides
from data whether it counts alone too (in free reported speech, continuations and short quotations
inside a Konjunktiv sentence, i.e. wherever ``konjunktiv_words(..., strong=True)`` is asked).

A form is taken when adding it to the forms that count alone raises the all-types end-to-end F1
(``../shared/eval/score_quotes.py``) on the documents it is learned from; forms are tried one at a
time against the same base, so the choice needs one extraction run per form.  Document k belongs to
fold k mod 5: for each fold the forms are learned on the other four and the held-out fold is scored
with them; the pooled held-out figures are the cross-validated ones.  ``--write`` stores the forms
learned on all of train in ``briefing/lang/de/konjunktiv_alone.txt`` (the data is CC BY-NC-SA 4.0,
and so is what is learned from it).

Use it on train only: dev stays untouched.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score_quotes.py"
OUT = ROOT / "briefing" / "lang" / "de" / "konjunktiv_alone.txt"
FOLDS = 5
HEADER = """\
# Konjunktiv II forms that mark a sentence as reported speech on their own, like Konjunktiv I does.
# Learned, not written by hand: scripts/learn_konjunktiv_alone.py keeps a form when counting it
# alone raises the all-types end-to-end F1 on the WikiNews quotation train split (5-fold CV figures
# in its output). Learned from data licensed CC BY-NC-SA 4.0; this list carries that licence.
"""


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _predict(docs: list[dict[str, Any]], alone: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """``briefing quotes`` over ``docs`` with ``alone`` as the Konjunktiv II forms that count alone."""
    from briefing.extract.quotes import konjunktiv
    from briefing.extract.quotes.jsonl import quotes_jsonl

    saved = konjunktiv.konjunktiv_alone
    konjunktiv.konjunktiv_alone = lambda: frozenset(alone)  # type: ignore[assignment]
    konjunktiv.strong_forms.cache_clear()
    try:
        out = io.StringIO()
        quotes_jsonl(io.StringIO("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)), out)
    finally:
        konjunktiv.konjunktiv_alone = saved  # type: ignore[assignment]
        konjunktiv.strong_forms.cache_clear()
    return {d["id"]: d["quotes"] for d in map(json.loads, out.getvalue().splitlines())}


def _counts(sc: Any, docs: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]]) -> dict[str, tuple[int, ...]]:
    """Per document: (matched, predicted, gold, end-to-end right) over all quotation types."""
    out = {}
    for d in docs:
        r = sc.score([d], {d["id"]: pred.get(d["id"], [])})["all"]
        out[d["id"]] = (r["partial"]["tp"], r["partial"]["pred"], r["partial"]["gold"], r["e2e"]["tp"])
    return out


def _figures(counts: dict[str, tuple[int, ...]], ids: Iterable[str]) -> tuple[float, float]:
    """(partial F1, end-to-end F1) pooled over ``ids``."""
    tp = npred = ngold = e2e = 0
    for i in ids:
        a, b, c, d = counts[i]
        tp, npred, ngold, e2e = tp + a, npred + b, ngold + c, e2e + d
    f1 = 2 * tp / (npred + ngold) if npred + ngold else 0.0
    e2e_f1 = 2 * e2e / (npred + ngold) if npred + ngold else 0.0
    return f1, e2e_f1


def _learn(
    base: dict[str, tuple[int, ...]], single: dict[str, dict[str, tuple[int, ...]]], ids: list[str]
) -> list[str]:
    """The forms whose addition alone raises end-to-end F1 over ``ids``."""
    _, base_e2e = _figures(base, ids)
    return sorted(w for w, counts in single.items() if _figures(counts, ids)[1] > base_e2e)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--write", action="store_true", help=f"write the forms learned on all of train to {OUT}")
    args = ap.parse_args(argv)
    logging_off()
    from briefing.extract.quotes.konjunktiv import KONJUNKTIV_II

    sc = _scorer()
    with open(args.gold, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    ids = [d["id"] for d in docs]
    fold = {d["id"]: k % FOLDS for k, d in enumerate(docs)}
    base = _counts(sc, docs, _predict(docs, ()))
    single = {w: _counts(sc, docs, _predict(docs, (w,))) for w in sorted(KONJUNKTIV_II)}
    for w, counts in single.items():
        f1, e2e = _figures(counts, ids)
        print(f"  {w:10s} alone: train F1 {f1:.4f} e2e {e2e:.4f}")
    print(f"  {'(none)':10s}       train F1 {_figures(base, ids)[0]:.4f} e2e {_figures(base, ids)[1]:.4f}")
    held: dict[str, tuple[int, ...]] = {}
    for k in range(FOLDS):
        train_ids = [i for i in ids if fold[i] != k]
        forms = _learn(base, single, train_ids)
        test_docs = [d for d in docs if fold[d["id"]] == k]
        held.update(_counts(sc, test_docs, _predict(test_docs, forms)))
        print(f"fold {k}: learned {forms}")
    b_f1, b_e2e = _figures(base, ids)
    c_f1, c_e2e = _figures(held, ids)
    print(f"5-fold CV, all types: partial F1 {b_f1:.4f} -> {c_f1:.4f}, end-to-end F1 {b_e2e:.4f} -> {c_e2e:.4f}")
    final = _learn(base, single, ids)
    print(f"learned on all of train: {final}")
    if args.write:
        OUT.write_text(HEADER + "".join(w + "\n" for w in final), encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


def logging_off() -> None:
    """The pipeline's per-document warnings (unbalanced quotation marks) are noise here."""
    import logging

    logging.disable(logging.WARNING)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
