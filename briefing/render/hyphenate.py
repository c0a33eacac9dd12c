"""German hyphenation for the PDF: soft hyphens at points a German reader accepts.

WeasyPrint's own ``hyphens: auto`` uses pyphen's bundled ``de_DE`` patterns, and
pyphen reads Debian's ``hyph_de_DE.dic`` (LibreOffice) as if it had one level of
patterns.  That dictionary has two (``NEXTLEVEL``): first compound boundaries
("deutsch1land"), then syllables.  Merged into one level they produce
"Deut-sch-land".  We do what libhyphen does: find the compound boundaries with
the first level, then hyphenate each part with the second, and insert U+00AD
soft hyphens ourselves (the PDF CSS keeps ``hyphens: manual``).

The two levels ship as ``templates/hyphenation/hyph_de_DE.{compounds,syllables}.dic``,
split from Debian's hyphen-de with::

    python -m briefing.render.hyphenate /usr/share/hyphen/hyph_de_DE.dic templates/hyphenation
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

SOFT_HYPHEN = "\u00ad"
# COMPOUNDLEFTHYPHENMIN/COMPOUNDRIGHTHYPHENMIN of the dictionary, and the usual
# German minimum: never leave a single letter on a line ("a-ber").
MIN_PART = 2
# Shorter words fit on any line; hyphenating them only adds noise.
MIN_WORD = 7
# Only runs of letters; words with digits, capitals inside (NATO, McDonald) or
# hyphens are left whole or split at their own hyphens by the line breaker.
_WORD = re.compile(r"\b[^\W\d_][^\W\d_A-ZÄÖÜ]{%d,}\b" % (MIN_WORD - 1))
_LEVELS = ("compounds", "syllables")
DICT_NAME = "hyph_de_DE"


class Hyphenator:
    """Two-level German hyphenation (compounds first, then syllables)."""

    def __init__(self, folder: Path) -> None:
        import pyphen

        compounds, syllables = (folder / f"{DICT_NAME}.{level}.dic" for level in _LEVELS)
        self._compounds = pyphen.Pyphen(filename=str(compounds), left=MIN_PART, right=MIN_PART)
        self._syllables = pyphen.Pyphen(filename=str(syllables), left=MIN_PART, right=MIN_PART)

    @functools.lru_cache(maxsize=20_000)  # noqa: B019 - one instance per process, words repeat
    def positions(self, word: str) -> tuple[int, ...]:
        """Offsets in ``word`` where a hyphen may go, in order."""
        cuts = [0, *self._compounds.positions(word), len(word)]
        found: list[int] = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            if start:
                found.append(start)
            found.extend(start + p for p in self._syllables.positions(word[start:end]))
        return tuple(p for p in found if MIN_PART <= p <= len(word) - MIN_PART)

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
    """The hyphenator for the dictionaries in ``folder`` (cached per folder)."""
    return Hyphenator(folder)


def split_levels(source: Path, folder: Path) -> tuple[Path, Path]:
    """Split a two-level libhyphen dictionary into one pyphen file per level."""
    raw = source.read_bytes()
    encoding = raw.split(b"\n", 1)[0].decode("ascii").strip()
    lines = raw.decode(encoding).split("\n")
    try:
        cut = next(i for i, line in enumerate(lines) if line.strip() == "NEXTLEVEL")
    except StopIteration:
        raise ValueError(f"{source} has no NEXTLEVEL: it is a one-level dictionary") from None
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for level, body in zip(_LEVELS, (lines[1:cut], lines[cut + 1 :]), strict=True):
        path = folder / f"{DICT_NAME}.{level}.dic"
        path.write_bytes("\n".join([encoding, *body]).encode(encoding))
        paths.append(path)
    return paths[0], paths[1]


if __name__ == "__main__":  # pragma: no cover - maintenance command, see module docstring
    for p in split_levels(Path(sys.argv[1]), Path(sys.argv[2])):
        print(p)
