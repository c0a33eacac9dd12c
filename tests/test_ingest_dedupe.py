"""Duplicates: identical files, the same text under other furniture, near-copies; distinct texts stay."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from briefing.ingest import read_folder
from briefing.ingest.dedupe import NEAR_DUPLICATE, dedupe, shingles
from briefing.models import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _reasons(result):
    return {Path(e.path).name: e.reason for e in result.excluded}


def test_seeds_are_not_duplicates_of_each_other():
    # five reports of one event, partly from the same agency material: all distinct
    assert not any("Duplikat" in e.reason for e in read_folder(SEEDS).excluded)


def test_identical_file(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEEDS / "001_b8a8f14ce05327aa.txt", tmp_path / name)
    result = read_folder(tmp_path)
    assert [Path(a.path).name for a in result.articles] == ["a.txt"]
    assert _reasons(result) == {"b.txt": "Duplikat von a.txt (identische Datei)"}


def test_same_text_with_other_furniture(tmp_path):
    body = (SEEDS / "001_b8a8f14ce05327aa.txt").read_text(encoding="utf-8").replace(" date 2025-09-04 ", "")
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Vorlesen 0:00 0:00 News folgen Artikel teilen\n\n" + body + "\n\nBildrechte: dpa\n", encoding="utf-8"
    )
    result = read_folder(tmp_path)
    assert len(result.articles) == 1
    ((name, reason),) = _reasons(result).items()
    assert reason.startswith("Duplikat von ") and "(100 % gleich)" in reason


def test_near_duplicate_names_the_kept_file_and_similarity(tmp_path):
    text = (SEEDS / "003_696e33ab7f94c894.txt").read_text(encoding="utf-8")
    # another site ran the same text without its last paragraph and with one word changed
    paragraphs = text.split("\n")
    shortened = "\n".join(paragraphs[:-4]).replace("anderthalb Stunden", "90 Minuten")
    (tmp_path / "x_full.txt").write_text(text, encoding="utf-8")
    (tmp_path / "y_short.txt").write_text(shortened, encoding="utf-8")
    result = read_folder(tmp_path)
    assert [Path(a.path).name for a in result.articles] == ["x_full.txt"]
    reason = _reasons(result)["y_short.txt"]
    assert reason.startswith("Duplikat von x_full.txt (")
    pct = int(reason.split("(")[1].split(" ")[0])
    assert NEAR_DUPLICATE * 100 <= pct < 100


def test_copy_with_metadata_is_kept(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(SEEDS / "001_b8a8f14ce05327aa.txt", tmp_path / name)
    (tmp_path / "sources.toml").write_text(
        '["b.txt"]\npublisher = "dpa"\nurl = "https://example.org/b"\n', encoding="utf-8"
    )
    result = read_folder(tmp_path)
    assert [Path(a.path).name for a in result.articles] == ["b.txt"]
    assert _reasons(result)["a.txt"].startswith("Duplikat von b.txt")


def _article(path: str, text: str, checksum: str = "") -> Article:
    return Article(path=path, text=text, checksum=checksum or path)


def _random_text(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)) + "."


def test_many_articles_with_planted_copies():
    rng = random.Random(7)
    vocab = [f"wort{i}" for i in range(3000)] + ["der", "die", "das", "und", "Ukraine", "Paris"]
    originals = [_article(f"a{i:03d}.txt", _random_text(rng, vocab, 300)) for i in range(200)]
    copies = []
    for i in range(0, 200, 20):  # every 20th article appears again, slightly edited
        words = originals[i].text.split()
        words[5] = "geändert"
        copies.append(_article(f"b{i:03d}.txt", " ".join(words[:280])))
    kept, dups = dedupe(originals + copies)
    assert len(kept) == 200
    assert sorted(d.article.path for d in dups) == sorted(c.path for c in copies)
    for d in dups:
        assert d.kept.path == "a" + d.article.path[1:]
        assert d.similarity >= NEAR_DUPLICATE


def test_dedupe_is_order_independent():
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(500)]
    arts = [_article(f"p{i}.txt", _random_text(rng, vocab, 120)) for i in range(30)]
    arts.append(_article("z.txt", arts[4].text))
    kept1, dups1 = dedupe(arts)
    kept2, dups2 = dedupe(list(reversed(arts)))
    assert sorted(a.path for a in kept1) == sorted(a.path for a in kept2)
    assert [(d.article.path, d.kept.path) for d in dups1] == [(d.article.path, d.kept.path) for d in dups2]


def test_shingles_fold_case_and_punctuation():
    assert shingles("Die Koalition, der Willigen trifft sich.") == shingles("die koalition der willigen trifft sich")
    assert shingles("") == frozenset()
