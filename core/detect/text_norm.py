"""Width folding and Chinese-numeral helpers shared by the detectors.

Every helper here is *length preserving* where it maps text (one character in, one character out), so
offsets found in the folded text index the original text too.
"""
from __future__ import annotations

import re

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, ideographic space -> space.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20


_WIDE = re.compile("[\uff01-\uff5e\u3000]+")


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation to half-width; same length as the input."""
    if not _WIDE.search(text):
        return text  # the common case, and much faster than translate() on long texts
    return _WIDE.sub(lambda m: m.group(0).translate(_FOLD), text)


CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s: str) -> int | None:
    """Small Chinese numeral to int: 一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23, 一百零五 -> 105.

    Digit-by-digit forms (二〇二四 -> 2024) are read positionally. None when ``s`` is not a numeral.
    """
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in CN_DIGITS:
            cur = CN_DIGITS[c]
        elif c in CN_UNITS:
            total += (cur or 1) * CN_UNITS[c]
            cur = 0
        else:
            return None
    return total + cur


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
