"""Width folding and line helpers shared by the detectors (numerals: ``core.numerals``).

Every helper here is *length preserving* where it maps text (one character in, one character out), so
offsets found in the folded text index the original text too.
"""
from __future__ import annotations

import re

from core.numerals import cn_to_int  # noqa: F401  (dates elsewhere read numerals through here)

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, ideographic space -> space.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20


_WIDE = re.compile("[\uff01-\uff5e\u3000]+")


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation to half-width; same length as the input."""
    if not _WIDE.search(text):
        return text  # the common case, and much faster than translate() on long texts
    return _WIDE.sub(lambda m: m.group(0).translate(_FOLD), text)


def lines_with_offsets(text: str):
    """Yield ``(start, line)`` for every line; the line excludes its ``\\n`` (and a trailing ``\\r``)."""
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        if line.endswith("\r"):
            line = line[:-1]
        yield pos, line
        if nl < 0:
            break
        pos = nl + 1
