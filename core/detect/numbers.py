"""Number grammar for Chinese report text: Arabic and Chinese numerals, parsed to int/float.

Arabic: ASCII or full-width digits, ASCII thousands commas (``12,345``), decimals (``.``/``．``).
Chinese: 零〇一二两三四五六七八九十百千万亿, e.g. 二十一, 一百零五, 两千, 一万五千, 三千五 (=3500).
Magnitude suffixes after a number (``3万``, ``1.81亿``, ``5千``) multiply the value.
Values are exact (``Decimal``) until the end: integral results are ``int``, others ``float``.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

CN_NUM_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL) + "".join(CN_BIG)

# Arabic: a thousands-grouped integer or a plain run of digits, optional decimal part.
_D = "0-9０-９"
ARABIC_RE = re.compile(
    rf"[{_D}]{{1,3}}(?:,[0-9]{{3}})+(?![{_D}])(?:[.．][{_D}]+)?"
    rf"|[{_D}]+(?:[.．][{_D}]+)?"
)
CHINESE_RE = re.compile(f"[{CN_NUM_CHARS}]+")
NUMBER_RE = re.compile(f"{ARABIC_RE.pattern}|{CHINESE_RE.pattern}")


def to_number(value: Decimal) -> int | float:
    """int when integral, else float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_arabic(s: str) -> Decimal | None:
    """``"1,234.5"`` / ``"１２"`` -> Decimal; None when not a number."""
    t = s.translate(FULLWIDTH).replace(",", "")
    if not t or t.count(".") > 1 or t.startswith(".") or t.endswith("."):
        return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def _parse_below_wan(s: str) -> int | None:
    """Chinese numeral below 10,000 (十百千 and 零); None when malformed (十四五, 一一)."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    zero_seen = False
    for ch in s:
        if ch in CN_DIGITS:
            d = CN_DIGITS[ch]
            if d == 0:
                if digit is not None:
                    return None
                zero_seen = True
                continue
            if digit is not None:
                return None
            digit = d
        elif ch in CN_SMALL:
            unit = CN_SMALL[ch]
            if unit >= last_unit:
                return None
            if digit is None:
                if unit == 10 and total == 0 and not zero_seen:
                    digit = 1  # 十二 = 一十二
                else:
                    return None
            total += digit * unit
            last_unit = unit
            digit = None
            zero_seen = False
        else:
            return None
    if digit is not None:
        if not zero_seen and last_unit in (100, 1000):
            total += digit * last_unit // 10  # 三千五 = 3500, 一百五 = 150
        else:
            total += digit
    return total


def parse_chinese(s: str) -> int | None:
    """``"二十一"`` -> 21, ``"一万五千"`` -> 15000, ``"百"`` -> 100, ``"两"`` -> 2; None if malformed."""
    if not s or any(ch not in CN_NUM_CHARS for ch in s):
        return None
    if s[0] in CN_SMALL and s[0] != "十" or s[0] in CN_BIG:
        s = "一" + s  # bare magnitude: 百 -> 一百, 万 -> 一万
    total = 0
    rest = s
    for big_ch in ("亿", "万"):
        if big_ch in rest:
            head, _, rest = rest.partition(big_ch)
            if big_ch in rest:
                return None
            if not head:
                return None
            # 一万五 -> 15000 (colloquial trailing digit after a big unit)
            part = parse_chinese(head) if any(c in CN_BIG for c in head) else _parse_below_wan(head)
            if part is None:
                return None
            total += part * CN_BIG[big_ch]
            if len(rest) == 1 and rest in CN_DIGITS and CN_DIGITS[rest]:
                return total + CN_DIGITS[rest] * CN_BIG[big_ch] // 10
    below = _parse_below_wan(rest)
    if below is None:
        return None
    return total + below


def parse_number(s: str) -> Decimal | None:
    """Arabic or Chinese numeral string -> Decimal (None when not parseable)."""
    if not s:
        return None
    if s[0] in CN_NUM_CHARS:
        v = parse_chinese(s)
        return None if v is None else Decimal(v)
    return parse_arabic(s)


def is_chinese(s: str) -> bool:
    return bool(s) and s[0] in CN_NUM_CHARS
