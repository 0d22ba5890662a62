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

# Every character below U+3001 for which str.isspace() holds, written out (computing it loops over
# 12,289 code points at every start; a test checks the list), plus BOM and zero-width space: what
# the detectors strip from a line.
LINE_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b")


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
