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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quote_learning import FOLDS, ROOT, Counts, counts, figures, fold_of, predict, read_docs, scorer  # noqa: E402

OUT = ROOT / "briefing" / "lang" / "de" / "konjunktiv_alone.txt"
HEADER = """\
# Konjunktiv II forms that mark a sentence as reported speech on their own, like Konjunktiv I does.
# Learned, not written by hand: scripts/learn_konjunktiv_alone.py keeps a form when counting it
# alone raises the all-types end-to-end F1 on the WikiNews quotation train split (5-fold CV figures
# in its output). Learned from data licensed CC BY-NC-SA 4.0; this list carries that licence.
"""


def _predict(docs, alone):  # type: ignore[no-untyped-def]
    from briefing.extract.quotes import konjunktiv

    return predict(docs, "konjunktiv_alone", frozenset(alone), konjunktiv.strong_forms)


def _learn(base: Counts, single: dict[str, Counts], ids: list[str]) -> list[str]:
    """The forms whose addition alone raises end-to-end F1 over ``ids``."""
    _, base_e2e = figures(base, ids)
    return sorted(w for w, c in single.items() if figures(c, ids)[1] > base_e2e)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--write", action="store_true", help=f"write the forms learned on all of train to {OUT}")
    args = ap.parse_args(argv)
    from briefing.extract.quotes.konjunktiv import KONJUNKTIV_II

    sc = scorer()
    docs = read_docs(args.gold)
    ids = [d["id"] for d in docs]
    fold = fold_of(docs)
    base = counts(sc, docs, _predict(docs, ()))
    single = {w: counts(sc, docs, _predict(docs, (w,))) for w in sorted(KONJUNKTIV_II)}
    for w, c in single.items():
        f1, e2e = figures(c, ids)
        print(f"  {w:10s} alone: train F1 {f1:.4f} e2e {e2e:.4f}")
    print(f"  {'(none)':10s}       train F1 {figures(base, ids)[0]:.4f} e2e {figures(base, ids)[1]:.4f}")
    held: Counts = {}
    for k in range(FOLDS):
        train_ids = [i for i in ids if fold[i] != k]
        forms = _learn(base, single, train_ids)
        test_docs = [d for d in docs if fold[d["id"]] == k]
        held.update(counts(sc, test_docs, _predict(test_docs, forms)))
        print(f"fold {k}: learned {forms}")
    b_f1, b_e2e = figures(base, ids)
    c_f1, c_e2e = figures(held, ids)
    print(f"5-fold CV, all types: partial F1 {b_f1:.4f} -> {c_f1:.4f}, end-to-end F1 {b_e2e:.4f} -> {c_e2e:.4f}")
    final = _learn(base, single, ids)
    print(f"learned on all of train: {final}")
    if args.write:
        OUT.write_text(HEADER + "".join(w + "\n" for w in final), encoding="utf-8")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
