"""German hyphenation for the PDF: soft hyphens at points a German reader accepts.

WeasyPrint's own ``hyphens: auto`` uses pyphen's bundled ``de_DE`` patterns, and
pyphen reads Debian's ``hyph_de_DE.dic`` (LibreOffice) as if it had one level of
patterns.  That dictionary has two (``NEXTLEVEL``): first compound boundaries
("deutsch1land"), then syllables.  Merged into one level they produce
"Deut-sch-land".  We do what libhyphen does: find the compound boundaries with
the first level, then hyphenate each part with the second, and insert U+00AD
soft hyphens ourselves (the PDF CSS keeps ``hyphens: manual``).

Both levels ship, parsed, as ``templates/hyphenation/hyph_de_DE.json`` (reading
the 69,000 patterns of the ``.dic`` costs a second per process; the JSON
about 0.1 s), compiled from Debian's hyphen-de (MPL 2.0, see COPYING there) with::

    python -m briefing.render.hyphenate /usr/share/hyphen/hyph_de_DE.dic templates/hyphenation/hyph_de_DE.json

Hyphenation points are found with Liang's algorithm, as in libhyphen and pyphen.

Compounds break at their joints, not inside a part: "Sicherheits-garantien", never
"Sicherheitsga-rantien".  The patterns know few joints (their compound level has
"deutsch1land" but not "sicherheits|garantien"), so :class:`CompoundSplitter`
finds them: it splits a word at the patterns' own syllable points into parts that
are common German words by wordfreq's frequency list (shipped in its wheel), with
a linking "s"/"es"/"n"/"en"/"e"/"er" allowed after a non-final part (or its "e"
dropped: "Grenz-kontrollen"), and takes the
segmentation whose parts are most frequent on average (Koehn & Knight 2003, the
geometric mean of the parts' frequencies).  A compound gets soft hyphens only at
its joints; any other word keeps the patterns' points.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from pathlib import Path

from briefing.lang.frequency import zipf

SOFT_HYPHEN = "\u00ad"
# COMPOUNDLEFTHYPHENMIN/COMPOUNDRIGHTHYPHENMIN of the dictionary, and the usual
# German minimum: never leave a single letter on a line ("a-ber").
MIN_PART = 2
# Shorter words fit on any line; hyphenating them only adds noise.
MIN_WORD = 7
# Only runs of letters; words with digits, capitals inside (NATO, McDonald) or
# hyphens are left whole or split at their own hyphens by the line breaker.
_WORD = re.compile(rf"\b[^\W\d_][^\W\d_A-ZÄÖÜ]{{{MIN_WORD - 1},}}\b")
_LEVELS = ("compounds", "syllables")
DICT_NAME = "hyph_de_DE"
# A compound part is a word readers know: at least this Zipf frequency in wordfreq's
# German list (3.3 = about twice per million words: "Garantien", "Truppe", "Abzug").
# Lower lets suffixes and syllables pass as words ("heits", "frie").
MIN_PART_ZIPF = 3.3
# ... but not a function word: parts more frequent than this ("den", "nach", "und")
# are grammar, not a noun of a compound ("Staatsschul-den", "Nach-richten").
MAX_PART_ZIPF = 6.0
# Letters of a part before the last, and of the last part ("-rat", "-amt", "-tag").
# Three-letter first parts are mostly prefixes or syllables ("bun-des", "ver-").
MIN_FIRST_PARTS, MIN_LAST_PART = 4, 3
# Linking elements (Fugen) between parts: "Sicherheit-s-garantien", "Frauen-quote".
LINKS = ("s", "es", "n", "en", "e", "er")


# letters -> [offset, digits]: the JSON as stored, used without conversion
# (converting 60,000 entries would cost more than reading them).
Patterns = dict[str, list]


def _positions(patterns: Patterns, maxlen: int, word: str) -> list[int]:
    """Liang's algorithm: offsets in ``word`` with an odd value (a hyphenation point)."""
    dotted = f".{word.lower()}."
    values = ["0"] * (len(dotted) + 1)  # single digits compare correctly as characters
    for i in range(len(dotted) - 1):
        for j in range(i + 1, min(i + maxlen, len(dotted)) + 1):
            found = patterns.get(dotted[i:j])
            if found:
                offset, digits = found
                for k, v in enumerate(digits, start=i + offset):
                    if v > values[k]:
                        values[k] = v
    # values[k] sits before dotted[k]; dotted[k] is word[k - 1]
    return [k - 1 for k in range(2, len(word) + 1) if values[k] in "13579"]


class CompoundSplitter:
    """Joints of a German compound from word frequencies (see the module docstring)."""

    def __init__(self) -> None:
        # wordfreq's "small" list holds every word from Zipf 3 up (above MIN_PART_ZIPF), loads in a
        # fraction of the "large" list's second, and gives the same parts.
        self._zipf = functools.lru_cache(maxsize=50_000)(zipf)

    def _part(self, part: str, last: bool) -> float:
        """How well ``part`` stands as a word of its own (its Zipf frequency), 0 if not at all."""
        if len(part) < (MIN_LAST_PART if last else MIN_FIRST_PARTS):
            return 0.0
        score = self._zipf(part)
        if not last:  # "sicherheits" is "Sicherheit" + linking "s"; "grenz" is "Grenze" without its "e"
            score = max(score, self._zipf(part + "e"))
            for link in LINKS:
                stem = part[: -len(link)]
                if part.endswith(link) and len(stem) >= MIN_FIRST_PARTS:
                    score = max(score, self._zipf(stem))
        return score if MIN_PART_ZIPF <= score <= MAX_PART_ZIPF else 0.0

    def joints(self, word: str, candidates: tuple[int, ...]) -> tuple[int, ...]:
        """The offsets in ``word`` where its parts meet, chosen among ``candidates``; () if no compound.

        Among all segmentations at ``candidates`` into two or more parts that are all
        known words, the one with the highest mean Zipf frequency wins (fewest parts on
        a tie).
        """
        lower = word.lower()
        points = [0, *(c for c in candidates if MIN_FIRST_PARTS <= c <= len(word) - MIN_LAST_PART), len(word)]
        # best[i]: (sum of part scores, number of parts, joints) for the rest of the word from points[i]
        best: list[tuple[float, int, tuple[int, ...]] | None] = [None] * len(points)
        best[-1] = (0.0, 0, ())
        for i in range(len(points) - 2, -1, -1):
            # The whole word as one part is no segmentation: a frequent compound
            # ("Asylbewerber") still has its joint.
            for j in range(i + 1, len(points) - (1 if i == 0 else 0)):
                rest = best[j]
                score = self._part(lower[points[i] : points[j]], j == len(points) - 1) if rest else 0.0
                if not score or rest is None:
                    continue
                joints = rest[2] if j == len(points) - 1 else (points[j], *rest[2])
                candidate = (score + rest[0], rest[1] + 1, joints)
                current = best[i]
                if current is None or _mean(candidate) > _mean(current):
                    best[i] = candidate
        found = best[0]
        return found[2] if found and found[1] > 1 else ()


def _mean(segmentation: tuple[float, int, tuple[int, ...]]) -> float:
    return segmentation[0] / segmentation[1]


class Hyphenator:
    """Two-level German hyphenation (compounds first, then syllables), joints before syllables."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self._levels: list[tuple[Patterns, int]] = []
        for level in _LEVELS:
            patterns = data[level]
            self._levels.append((patterns, max(map(len, patterns))))
        self.splitter = CompoundSplitter()

    @functools.lru_cache(maxsize=20_000)  # noqa: B019 - one instance per process, words repeat
    def positions(self, word: str) -> tuple[int, ...]:
        """Offsets in ``word`` where a hyphen may go, in order.

        A compound of known words may break only at its joints; any other word as the
        two-level patterns say.
        """
        (compounds, cmax), (syllables, smax) = self._levels
        level1 = [p for p in _positions(compounds, cmax, word) if MIN_PART <= p <= len(word) - MIN_PART]
        joints = self.splitter.joints(word, tuple(sorted({*level1, *_positions(syllables, smax, word)})))
        if joints:
            return joints
        # Not a compound of known words: the patterns' compound points (they also mark
        # prefixes: "Ost-deutsch-land", "ver-") and the syllables inside each part.
        cuts = [0]
        for point in level1:  # no part shorter than MIN_PART between two compound points
            if point - cuts[-1] >= MIN_PART:
                cuts.append(point)
        cuts.append(len(word))
        found: list[int] = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            if start:
                found.append(start)
            part = word[start:end]
            found.extend(start + p for p in _positions(syllables, smax, part) if MIN_PART <= p <= len(part) - MIN_PART)
        kept: list[int] = []
        for p in sorted(set(found)):  # never a piece shorter than MIN_PART between two hyphens ("rie-b-ri")
            if MIN_PART <= p <= len(word) - MIN_PART and p - (kept[-1] if kept else 0) >= MIN_PART:
                kept.append(p)
        return tuple(kept)

    def word(self, word: str) -> str:
        """``word`` with soft hyphens at every allowed point."""
        out, last = [], 0
        for pos in self.positions(word):
            out.append(word[last:pos])
            last = pos
        out.append(word[last:])
        return SOFT_HYPHEN.join(out)

    def text(self, text: str) -> str:
        """Every long lowercase-bodied word of ``text`` hyphenated; the rest unchanged."""
        return _WORD.sub(lambda m: self.word(m.group(0)), text)


@functools.lru_cache(maxsize=4)
def load(folder: Path) -> Hyphenator:
    """The hyphenator for the dictionary in ``folder`` (cached per folder)."""
    return Hyphenator(folder / f"{DICT_NAME}.json")


def _parse_pattern(pattern: str) -> tuple[str, int, str] | None:
    letters, values = [], ["0"]
    for ch in pattern:
        if ch.isdigit():
            values[-1] = ch
        else:
            letters.append(ch)
            values.append("0")
    digits = "".join(values)
    if not digits.strip("0"):
        return None
    offset = len(digits) - len(digits.lstrip("0"))
    return "".join(letters), offset, digits.strip("0")


def compile_dictionary(source: Path) -> dict[str, dict[str, list[int | str]]]:
    """Parse a two-level libhyphen ``.dic`` into ``{"compounds": ..., "syllables": ...}``."""
    raw = source.read_bytes()
    encoding = raw.split(b"\n", 1)[0].decode("ascii").strip()
    lines = [line.strip() for line in raw.decode(encoding).split("\n")[1:]]
    try:
        cut = lines.index("NEXTLEVEL")
    except ValueError:
        raise ValueError(f"{source} has no NEXTLEVEL: it is a one-level dictionary") from None
    result: dict[str, dict[str, list[int | str]]] = {}
    for level, body in zip(_LEVELS, (lines[:cut], lines[cut + 1 :]), strict=True):
        patterns: dict[str, list[int | str]] = {}
        for line in body:
            # comments, keywords (LEFTHYPHENMIN 2, NOHYPHEN ...) and nonstandard "/" rules are not patterns
            if not line or line[0] in "#%" or line.split()[0].isupper() or "/" in line:
                continue
            parsed = _parse_pattern(line.split()[0].lower())
            if parsed:
                letters, offset, digits = parsed
                patterns[letters] = [offset, digits]
        result[level] = dict(sorted(patterns.items()))
    return result


if __name__ == "__main__":  # pragma: no cover - maintenance command, see module docstring
    target = Path(sys.argv[2])
    target.write_text(json.dumps(compile_dictionary(Path(sys.argv[1])), ensure_ascii=False, separators=(",", ":")),
                      encoding="utf-8")
    print(target)
