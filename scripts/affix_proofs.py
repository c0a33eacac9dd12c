"""Write briefing/lang/affix_proofs.json: the affix-regex proofs of spaCy's stock German tokenizer.

    python3 scripts/affix_proofs.py [--write]

``briefing.extract.affixes`` proves, from the parsed patterns, which of the tokenizer's regexes a word
of letters cannot match and how far from its end a suffix can start.  Parsing German's large patterns
costs about 0.08 s in every process that loads the pipeline; the answers for the stock patterns are
stored here once (keyed by each pattern's SHA-256) and a pattern the file does not know is analysed at
load.  Run after a spaCy upgrade; tests/test_affixes.py checks the file against the analyses.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the file (else print it)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    import spacy

    from briefing.extract.affixes import PROOFS_FILE, proof_table

    table = json.dumps(proof_table(spacy.blank("de").tokenizer), indent=1, sort_keys=True) + "\n"
    if args.write:
        path = ROOT / "briefing" / "lang" / PROOFS_FILE
        path.write_text(table, encoding="utf-8")
        print(f"wrote {path}")
    else:
        print(table, end="")


if __name__ == "__main__":
    main()
