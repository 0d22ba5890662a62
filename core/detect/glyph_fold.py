"""Fold look-alike glyph code points to the ideographs they stand for, for detection only.

Some Word/WPS/Mac PDF exports write Kangxi radicals (U+2F00–U+2FDF: ⼈ U+2F08 for 人, ⽣ U+2F63 for
生), CJK radicals supplement (U+2E80–U+2EFF) or CJK compatibility ideographs (U+F900–U+FAFF,
U+2F800–U+2FA1F) into the text layer. They print like the common characters but match no word,
unit or pattern, so "培训执法⼈员1200⼈次" would yield no figure.

Each of those code points folds by NFKC to exactly one character, so folding is a translate table
that keeps the length: every offset found in the folded text indexes the original text, and quoted
figure texts are taken from the original again (:func:`requote`).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
# Any code point of those ranges. The fold table (NFKC of ~1,400 code points) and the class of its
# ~1,000 characters cost several ms to build, and almost no text has such a character: they are
# built only when this cheap class finds one.
_IN_RANGES = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _RANGES) + "]")


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    table = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(cp))
            if folded != chr(cp) and len(folded) == 1:  # keep the fold length-preserving
                table[cp] = folded
    return table


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(fold_table())) + "]")


def __getattr__(name: str):
    if name == "FOLD":  # the table, for tests and benchmarks
        return fold_table()
    raise AttributeError(name)


def fold_glyphs(text: str) -> str:
    """``text`` with look-alike radicals/compatibility ideographs folded; the same object if none."""
    if not _IN_RANGES.search(text) or not _foldable().search(text):
        return text  # the common case: no copy
    return text.translate(fold_table())


def requote(extraction, original: str):
    """Point an Extraction made from folded text back at the original: its text and figure quotes."""
    extraction.text = original
    for f in extraction.figures:
        f.text = original[f.start:f.end]
    return extraction
