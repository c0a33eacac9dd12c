"""CPU time of the quotes component alone, over the texts of the quotation gold set.

    python3 benchmarks/bench_quotes_component.py [--data DIR] [--repeats N]

Runs ``make_nlp("blank")`` up to the quotes component once per text (sentences, actors: what the
component reads), then only ``briefing_quotes`` over all the prepared Docs, ``--repeats`` times, and
prints the best pass in CPU seconds (``time.process_time``: the CPUs are shared, and process time is
what other work on the machine disturbs least).  The first pass fills the per-word memos as a long
build has them.  For the whole extraction against the 25 % floor see ``bench_extract.py``; per
component, wall time, ``bench_extract_components.py``.  Compare two branches by running each in turn.
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
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    logging.disable(logging.WARNING)
    from briefing.extract.nlp import break_punctuation_runs, make_nlp
    from briefing.extract.sentences import TEXT_KEY

    texts = [json.loads(line)["text"] for name in ("train.jsonl", "dev.jsonl")
             for line in (args.data / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = make_nlp("blank")
    names = [name for name, _ in nlp.pipeline]
    before = [proc for _, proc in nlp.pipeline[: names.index("briefing_quotes")]]
    quotes = nlp.get_pipe("briefing_quotes")
    docs = []
    for text in texts:
        text = break_punctuation_runs(text)
        doc = nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        for proc in before:
            doc = proc(doc)
        docs.append(doc)
    passes = []
    for _ in range(args.repeats):
        start = time.process_time()
        for doc in docs:
            quotes(doc)
        passes.append(time.process_time() - start)
    print(f"{len(texts)} texts; quotes component, CPU s per pass: best {min(passes):.3f} "
          f"(all: {' '.join(f'{p:.3f}' for p in passes)})")


if __name__ == "__main__":
    main()
