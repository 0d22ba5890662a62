"""Turning what a reviewer types into a figure's value: ``1,234``, ``１２.５``, ``3.2万``, ``两千三百``.

The figure detector owns the real number parser (``core.detect.numbers``); when it is present and
exposes one of the names in ``_DETECTOR_PARSERS`` it is used, so the reviewer's input is read
exactly as detection reads the report. This module's own parser is the fallback and the spec.
"""
from __future__ import annotations

import re
from decimal import Decimal

from core.errors import ReportError

_DETECTOR_PARSERS = ("parse_value", "parse_number")
_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3,
           "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
           "八": 8, "捌": 8, "九": 9, "玖": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_ARABIC = re.compile(r"^([+-]?\d+(?:\.\d+)?)((?:万|亿)*)$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋，", "0123456789.-+,")


def _tidy(number: float) -> float | int:
    """Whole numbers come back as int so 3.2万 == 32000 prints without '.0'."""
    rounded = round(number, 6)
    return int(rounded) if rounded == int(rounded) else rounded


def _chinese_integer(s: str) -> int:
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _DIGITS:
            if digit is not None and section == 0 and total == 0:
                digit = digit * 10 + _DIGITS[ch]  # 二〇二四 read digit by digit
            else:
                digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        elif ch in _BIG_UNITS:
            section += digit or 0
            total = (total + section) * _BIG_UNITS[ch] if ch == "亿" else total + section * 10_000
            section, digit = 0, None
        else:
            raise ValueError(ch)
    return total + section + (digit or 0)


def _chinese(s: str) -> float | int:
    if "点" in s:
        whole, frac = s.split("点", 1)
        multiplier = 1
        while frac and frac[-1] in _BIG_UNITS:  # 三点五万
            multiplier *= _BIG_UNITS[frac[-1]]
            frac = frac[:-1]
        digits = "".join(str(_DIGITS[c]) for c in frac)
        return _tidy((_chinese_integer(whole or "零") + float("0." + (digits or "0"))) * multiplier)
    return _chinese_integer(s)


def parse_value_text(text: str) -> float | int:
    """Parse a reviewer-typed value; raise ``ReportError('value')`` with a Chinese message."""
    s = text.strip().translate(_FULLWIDTH).replace(",", "").replace(" ", "")
    s = s.rstrip("%％")
    if not s:
        raise ReportError("value", "数值不能为空。")
    m = _ARABIC.match(s)
    try:
        if m:
            number = float(m.group(1))
            for ch in m.group(2):
                number *= _BIG_UNITS[ch]
            return _tidy(number)
        # 3千 / 1.5千 are not usual in reports, but 5千万 is: mixed arabic + chinese
        m2 = re.match(r"^(\d+(?:\.\d+)?)([十百千万亿]+)$", s)
        if m2:
            number = float(m2.group(1))
            for ch in m2.group(2):
                number *= (_SMALL_UNITS | _BIG_UNITS)[ch]
            return _tidy(number)
        return _chinese(s)
    except (ValueError, KeyError):
        raise ReportError("value", f"“{text}”不是有效的数值（可写 1234、12.5、3.2万、两千三百）。")


def parse_value(value: str | float | int) -> float | int:
    """A number as given, or a string parsed by the detector's parser / the fallback above."""
    if isinstance(value, bool):
        raise ReportError("value", "数值不能是真假值。")
    if isinstance(value, (int, float)):
        return _tidy(float(value)) if isinstance(value, float) else value
    try:
        from core.detect import numbers as detector_numbers  # written by the figure engineer
    except ImportError:
        detector_numbers = None
    for name in _DETECTOR_PARSERS:
        parser = getattr(detector_numbers, name, None)
        if callable(parser):
            try:
                result = parser(value)
            except Exception:  # their parser rejects it: let ours try, then report ours
                break
            if isinstance(result, (int, float, Decimal)) and not isinstance(result, bool):
                return _tidy(float(result))
            break  # None: not a plain numeral (e.g. '3.2万'); the fallback knows magnitudes
    return parse_value_text(value)
