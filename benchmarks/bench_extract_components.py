"""Time per extraction component against bare tokenising, in one process.

    python3 benchmarks/bench_extract_components.py [--data DIR] [--repeats N]

Tokenises the 850 texts of the quotation gold set with ``spacy.blank("de")`` (the baseline), then runs
``load_pipeline("blank")`` step by step over the same texts, as ``Extractor.extract`` does: ``make_doc``
(punctuation runs broken, tokenising, the text shared with the components, so that none rebuilds
``Doc.text``), each component, and ``facts`` (the records gathered into ArticleFacts). It prints, per step,
its seconds and its cost as a multiple of tokenising (``x tok``). The best of ``--repeats`` passes counts
(the CPUs are shared). Complements ``bench_extract.py``, which measures the whole Extractor against the
25 % floor; the total here is the sum of the steps, so it compares with that ratio.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path("/work/shared/eval/quotes")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    logging.disable(logging.WARNING)
    import spacy

    from briefing.extract.nlp import facts_from_doc, load_pipeline
    from briefing.models import Article

    texts = [json.loads(line)["text"] for name in ("train.jsonl", "dev.jsonl")
             for line in (args.data / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    blank = spacy.blank("de")
    extractor = load_pipeline("blank")
    pipeline = extractor.nlp.pipeline
    articles = [Article(path=str(i), text=t) for i, t in enumerate(texts)]
    best: dict[str, float] = {}
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        for t in texts:
            blank.make_doc(t)
        times = {"tokenise": time.perf_counter() - t0, "make_doc": 0.0}
        for article in articles:
            s = time.perf_counter()
            doc = extractor.make_doc(article.text)
            times["make_doc"] += time.perf_counter() - s
            for name, proc in pipeline:
                s = time.perf_counter()
                doc = proc(doc)
                times[name] = times.get(name, 0.0) + time.perf_counter() - s
            s = time.perf_counter()
            facts_from_doc(article, doc)
            times["facts"] = times.get("facts", 0.0) + time.perf_counter() - s
        for k, v in times.items():
            best[k] = min(best.get(k, v), v)
    base = best["tokenise"]
    total = sum(v for k, v in best.items() if k != "tokenise")
    print(f"{len(texts)} texts; best of {args.repeats}")
    for k, v in best.items():
        print(f"{k:22s} {v:6.2f} s  {v / base:5.2f} x tok")
    print(f"{'pipeline total':22s} {total:6.2f} s  throughput ratio {base / total:.1%} of tokenising")


if __name__ == "__main__":
    main()
