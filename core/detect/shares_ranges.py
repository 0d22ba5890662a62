"""Figures the left-to-right number scan cannot read alone: fractions and ranges.

* Fractions (docs/标注规则.md, "份额"): ``三分之一`` / ``2/3`` -> value rounded to 4 places, unit "";
  ``百分之九十`` -> 90 %, ``千分之三`` -> 3 ‰. A qualifier touching it (近1/4, 超过三分之一) counts.
  ``N成`` needs no code here: 成 is a unit in units.txt (三成 -> 3 成).
* Ranges (``5-8家``, ``3至5人``, ``10%-20%``, ``3-5万元``): TWO figures, the low end and the high end,
  both with qualifier ``区间``; the low end takes the unit (and magnitude) written after the high
  end, so a reviewer confirms or corrects each bound on its own and a tally sees both.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from core.numerals import ARABIC_RE, CN_DIGITS, apply_magnitudes, parse_arabic, parse_chinese, to_number
from core.detect.units import match_prefix_qualifier, match_word
from core.extraction import Figure

RANGE_QUALIFIER = "区间"
_CN = "零〇一二两三四五六七八九十百千"
FRACTION_RE = re.compile(
    rf"(?P<den>百|千|[{_CN}]+|[0-9]+)分之(?P<num>[{_CN}]+(?:点[{''.join(CN_DIGITS)}]+)?|[0-9]+(?:\.[0-9]+)?)"
    r"|(?<![0-9/.．:：\-])(?P<a>[0-9]{1,2})/(?P<b>[0-9]{1,3})(?![0-9/．.])")
RANGE_RE = re.compile(rf"(?P<low>{ARABIC_RE.pattern})(?P<pct>[%％])?\s*(?P<sep>[-~～—–]|至|到)\s*"
                      rf"(?=[0-9０-９])")
_SUFFIXES = ("以上", "左右", "以内", "以下")
_NOT_AFTER_FRACTION = set("月日号")


def _cn_decimal(s: str) -> Decimal | None:
    if "点" in s:
        whole, frac = s.split("点", 1)
        w = parse_chinese(whole) if whole else 0
        if w is None:
            return None
        return Decimal(w) + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    v = parse_chinese(s)
    return None if v is None else Decimal(v)


def _part(s: str) -> Decimal | None:
    if s[0].isdigit():
        return parse_arabic(s)
    if s in ("百", "千"):
        return Decimal(100 if s == "百" else 1000)
    return _cn_decimal(s)


def fraction_at(text: str, pos: int) -> Figure | None:
    """The fraction starting at ``pos`` (its number, not its qualifier), or None."""
    m = FRACTION_RE.match(text, pos)
    if not m:
        return None
    end = m.end()
    if m.group("den"):
        den, num = _part(m.group("den")), _part(m.group("num"))
        if not den or num is None:
            return None
        if m.group("den") == "百":
            value, unit = num, "%"
        elif m.group("den") == "千":
            value, unit = num, "‰"
        else:
            value, unit = (num / den).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), ""
    else:
        a, b = int(m.group("a")), int(m.group("b"))
        if not 0 < a < b or (end < len(text) and text[end] in _NOT_AFTER_FRACTION):
            return None  # 3/4 日 is a date; 5/3 is not a share
        value, unit = (Decimal(a) / Decimal(b)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), ""
    prefix = match_prefix_qualifier(text, pos)
    suffix = match_word(text, end, _SUFFIXES)
    start = pos - len(prefix) if prefix else pos
    end += len(suffix or "")
    return Figure(start=start, end=end, text=text[start:end], value=to_number(value), unit=unit,
                  qualifier=prefix or suffix)


def range_low(text: str, pos: int) -> tuple[str, bool, int] | None:
    """(low number, percent written, where the high number starts) when a range opens at ``pos``."""
    m = RANGE_RE.match(text, pos)
    if not m:
        return None
    if m.group("sep") in ("至", "到") and m.group("pct") is None and m.start("sep") != m.end("low"):
        return None
    low = m.group("low")
    digits = low.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
        return None  # 2019-2021年: years
    if pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in "-/.．:："):
        return None
    return low, bool(m.group("pct")), m.end()


def range_figures(text: str, pos: int, low: str, pct: bool, high: Figure, high_num_end: int) -> Figure | None:
    """The low-end figure of a range whose high end ``high`` was read; None when it is no range."""
    if not high.unit or (pct and high.unit != "%"):
        return None
    value = parse_arabic(low)
    if value is None:
        return None
    mags = ""
    k = high_num_end
    while k < len(text) and text[k] in "百千万亿" and not (text[k] == "千" and high.unit.startswith("千")):
        mags += text[k]
        k += 1
    value, _ = apply_magnitudes(value, mags, 0)
    if float(value) >= float(high.value):
        return None  # 8-5家 is not a range
    end = pos + len(low) + (1 if pct else 0)
    high.qualifier = high.qualifier or RANGE_QUALIFIER
    return Figure(start=pos, end=end, text=text[pos:end], value=to_number(value), unit=high.unit,
                  qualifier=RANGE_QUALIFIER)
