"""Shared pieces of the scripts that learn quotation lexicons from the train split with k-fold CV.

Document k of the gold file belongs to fold k mod :data:`FOLDS`; predictions come from
``briefing quotes`` (:func:`briefing.extract.quotes.jsonl.quotes_jsonl`) with one lexicon function
replaced; scores come from ``../shared/eval/score_quotes.py``.
"""

from __future__ import annotations

import importlib.util
import io
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from briefing.extract.quotes.linear import LinearModel

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score_quotes.py"
FOLDS = 5
Counts = dict[str, tuple[int, int, int, int]]


def scorer(path: Path = SCORER) -> Any:
    """The shared scorer module (``_match``, ``_cover``, ``_speaker_ok``, ``score``), loaded by path."""
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def before_quotes(
    path: Path, limit: int | None = None
) -> Iterator[tuple[dict[str, Any], str, list[tuple[int, int]], list[Any]]]:
    """Each gold document of ``path`` (the first ``limit``) through the pipeline without the quotation
    component: (gold, text, sentence spans, actors), what the quotation rules start from."""
    from briefing.extract.quotes.jsonl import build_nlp
    from briefing.extract.sentences import TEXT_KEY
    from briefing.extract.sentences import USER_DATA_KEY as SENTENCE_SPANS_KEY

    nlp = build_nlp()
    golds = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    with nlp.select_pipes(disable=["briefing_quotes"]):
        for g in golds:
            d = nlp(g["text"])
            text = d.user_data.get(TEXT_KEY, d.text)
            if text != g["text"]:
                raise SystemExit(f"document {g['id']}: the pipeline changed the text")
            sents = list(d.user_data.get(SENTENCE_SPANS_KEY) or [(s.start_char, s.end_char) for s in d.sents])
            yield g, text, sents, list(getattr(d._, "briefing_actors", None) or [])


def read_docs(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def fold_of(docs: list[dict[str, Any]]) -> dict[str, int]:
    return {d["id"]: k % FOLDS for k, d in enumerate(docs)}


def predict(
    docs: list[dict[str, Any]], name: str, value: frozenset[str], cached: Callable[[], Any] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """``briefing quotes`` over ``docs`` with ``value`` in place of the learned set ``name``
    (:func:`briefing.extract.quotes.learning.replacing`).

    ``cached`` is an ``lru_cache`` function built from that set, cleared before and after.
    """
    from briefing.extract.quotes.jsonl import quotes_jsonl
    from briefing.extract.quotes.learning import replacing

    logging.disable(logging.WARNING)  # per-document warnings (unbalanced marks) are noise here
    if cached is not None:
        cached.cache_clear()  # type: ignore[attr-defined]
    try:
        with replacing(name, value):
            out = io.StringIO()
            quotes_jsonl(io.StringIO("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)), out)
    finally:
        if cached is not None:
            cached.cache_clear()  # type: ignore[attr-defined]
    return {d["id"]: d["quotes"] for d in map(json.loads, out.getvalue().splitlines())}


def counts(sc: Any, docs: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]]) -> Counts:
    """Per document: (matched, predicted, gold, end-to-end right) over all quotation types."""
    out = {}
    for d in docs:
        r = sc.score([d], {d["id"]: pred.get(d["id"], [])})["all"]
        out[d["id"]] = (r["partial"]["tp"], r["partial"]["pred"], r["partial"]["gold"], r["e2e"]["tp"])
    return out


def figures(c: Counts, ids: Iterable[str]) -> tuple[float, float]:
    """(partial F1, end-to-end F1) pooled over ``ids``."""
    tp = npred = ngold = e2e = 0
    for i in ids:
        a, b, g, d = c[i]
        tp, npred, ngold, e2e = tp + a, npred + b, ngold + g, e2e + d
    total = npred + ngold
    return (2 * tp / total, 2 * e2e / total) if total else (0.0, 0.0)


def matrix(feats: list[dict[str, float]], names: tuple[str, ...]) -> np.ndarray:
    """The design matrix over the feature ``names`` (first column the bias; other features are left out)."""
    x = np.zeros((len(feats), len(names) + 1))
    x[:, 0] = 1.0
    col = {name: k + 1 for k, name in enumerate(names)}
    for i, f in enumerate(feats):
        for name, v in f.items():
            if name in col:
                x[i, col[name]] = v
    return x


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, iters: int = 60) -> np.ndarray:
    """Logistic regression by Newton's method (first column the bias), L2 on all but the bias."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 1e-6
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def linear(w: np.ndarray, names: tuple[str, ...]) -> LinearModel:
    """The shipped form of fitted weights ``w`` over ``names`` (zero weights left out)."""
    return LinearModel(float(w[0]), {n: float(v) for n, v in zip(names, w[1:], strict=True) if v != 0.0})
