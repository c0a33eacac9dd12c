"""German word frequencies: wordfreq's "small" list, read without importing wordfreq.

wordfreq ships its lists inside the package as cBpack files (gzipped msgpack: a header, then one
bucket of words per centibel of frequency; see ``wordfreq.read_cBpack``). Importing the package
pulls in ftfy, langcodes and regex, about 0.1 s of every build, while the speaker-name check and
the PDF's compound splitter need only lookups. The "small" list holds every word from Zipf 3 up;
lookups casefold like wordfreq's own tokeniser ("außen" is stored as "aussen"), which gives the same
value as ``wordfreq.zipf_frequency(word, "de", wordlist="small")`` for single words.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import math
from pathlib import Path

from briefing.lang import LanguageDataError


@functools.cache
def frequencies(lang: str = "de") -> dict[str, float]:
    """Casefolded word -> frequency (a probability) of wordfreq's small list for ``lang``."""
    import msgpack  # a dependency of wordfreq

    spec = importlib.util.find_spec("wordfreq")  # finds the package without running it
    folders = list(spec.submodule_search_locations or []) if spec else []
    if not folders:
        raise LanguageDataError("word frequencies: the wordfreq package is not installed; reinstall briefing")
    path = Path(folders[0]) / "data" / f"small_{lang}.msgpack.gz"
    try:
        with gzip.open(path, "rb") as f:
            data = msgpack.load(f, raw=False)
    except (OSError, ValueError) as e:
        raise LanguageDataError(f"word frequencies: {path} cannot be read ({e}); reinstall briefing") from None
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise LanguageDataError(f"word frequencies: {path} is not a cBpack version 1 file")
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        freq = 10 ** (-index / 100)  # bucket i holds the words of -i centibels
        for word in bucket:
            freqs[word] = freq
    return freqs


# Words asked about repeatedly (the speaker-name check tries every tail of a compound) are kept.
_ZIPF_CACHE_SIZE = 65536


@functools.lru_cache(maxsize=_ZIPF_CACHE_SIZE)
def zipf(word: str, lang: str = "de") -> float:
    """``word``'s frequency on the Zipf scale (log10 per billion words), 0 for a word below Zipf 3."""
    freq = frequencies(lang).get(word.casefold())
    return round(math.log10(freq) + 9.0, 2) if freq else 0.0


# A common German word on the Zipf scale (4 is a common noun: "Angaben" 4.9).
COMMON_ZIPF = 4.0
# The shortest common word taken as the head of a compound (shorter tails match inside names:
# "Steinmeier" ends in "eier", "Hartmann" in "mann").
MIN_COMPOUND_TAIL = 5


@functools.lru_cache(maxsize=_ZIPF_CACHE_SIZE)
def compound_of_common_word(word: str) -> bool:
    """Whether ``word`` ends in a common German word of at least :data:`MIN_COMPOUND_TAIL`
    letters: "Polizeiangaben" (-angaben), "Demgegenüber" (-gegenüber).  (Asked again for the same words:
    remembered.)"""
    low = word.lower()
    return any(zipf(low[k:]) >= COMMON_ZIPF for k in range(2, len(low) - MIN_COMPOUND_TAIL + 1))


# A word at least this frequent in German (Zipf) and at least this much more frequent there than in English
# and French is a common German word, not a name: names travel between languages ("Siemens", "Verdi",
# "Merkel" are frequent in all three), German nouns do not ("Verluste", "Fußball", "Mitglied").
GERMAN_WORD_ZIPF = 3.5
GERMAN_WORD_MARGIN = 2.2


def common_german_word(word: str) -> bool:
    """Is ``word`` a common German word rather than a name (by its frequency in German, English, French)?"""
    de = zipf(word)
    return de >= GERMAN_WORD_ZIPF and de - max(zipf(word, "en"), zipf(word, "fr")) >= GERMAN_WORD_MARGIN
