"""Number grammar for Chinese report text: Arabic and Chinese numerals, parsed to int/float.

The project's one numeral grammar: detection (core/detect) and the store's value parser both use it.

Arabic: ASCII or full-width digits, ASCII thousands commas (``12,345``), decimals (``.``/``．``).
Chinese: 零〇一二两三四五六七八九十百千万亿, e.g. 二十一, 一百零五, 两千, 一万五千, 三千五 (=3500).
Magnitude suffixes after a number (``3万``, ``1.81亿``, ``5千``) multiply the value.
Values are exact (``Decimal``) until the end: integral results are ``int``, others ``float``.

This is the project's only numeral grammar: the figure detector reads report text with
``parse_number`` + ``apply_magnitudes``, the reviewer's typed value goes through ``parse_value``
(same grammar plus a sign, 点 decimals, capital numerals 壹贰叁 and digit-by-digit 二〇二四), and
dates in the metadata use ``parse_chinese(..., positional=True)``. Strings that are not numbers —
plan names such as 十四五, 一一 — are refused (None), never read as something else.
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


def parse_chinese(s: str, positional: bool = False) -> int | None:
    """``"二十一"`` -> 21, ``"一万五千"`` -> 15000, ``"百"`` -> 100, ``"两"`` -> 2; None if malformed.

    ``positional``: a run of three or more plain digits, or one with a zero (二〇二四, 二〇), is read
    digit by digit, as in dates; a pair like 一一 stays refused (一一对应 is not eleven).
    """
    if not s or any(ch not in CN_NUM_CHARS for ch in s):
        return None
    if (positional and len(s) > 1 and all(ch in CN_DIGITS for ch in s) and "两" not in s
            and (len(s) >= 3 or "零" in s or "〇" in s)):
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    if (s[0] in CN_SMALL and s[0] != "十") or s[0] in CN_BIG:
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


def cn_to_int(s: str) -> int | None:
    """Chinese numerals in dates: 二〇二三 / 二○二三 (digit by digit), 十二, 三十一."""
    return parse_chinese(s.replace("○", "〇"), positional=True)


def apply_magnitudes(value: Decimal, text: str, pos: int, chars: str = "十百千万亿") -> tuple[Decimal, int]:
    """Multiply ``value`` by the magnitude characters written from ``pos`` (3万, 5千万); new value and end."""
    n = len(text)
    while pos < n and text[pos] in chars:
        value *= MAGNITUDE[text[pos]]
        pos += 1
    return value, pos


# what a reviewer may type beyond report text: capital numerals, 点 decimals, a sign, a trailing %
_CAPITALS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟○", "一二三四五六七八九十百千〇")
_REVIEW_FOLD = str.maketrans("０１２３４５６７８９．－＋，％", "0123456789.-+,%")
_SIGNED_ARABIC = re.compile(r"([+-]?)([0-9][0-9,]*(?:\.[0-9]+)?)([十百千万亿]*)")
_CN_DECIMAL = re.compile(f"([{CN_NUM_CHARS}]*)点([{''.join(CN_DIGITS)}]+)([万亿]*)")


def parse_value(text: str) -> Decimal | None:
    """A typed value: ``1,234`` ``-5`` ``１２.５`` ``3.2万`` ``5千万`` ``两千三百`` ``三点五万`` ``87.4%``.

    Same grammar as report text (so a reviewer's value and the detector's agree), None when it is
    not a number (十四五, 3.2.1, abc).
    """
    s = "".join(str(text).split()).translate(_REVIEW_FOLD).translate(_CAPITALS)
    if s.endswith("%"):
        s = s[:-1]
    if not s:
        return None
    m = _SIGNED_ARABIC.fullmatch(s)
    if m:
        body = m.group(2)
        if "," in body and not re.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?", body):
            return None  # 1,23 is a typo, not 123
        value = parse_arabic(body)
        if value is None:
            return None
        value, _ = apply_magnitudes(value, m.group(3), 0)
        return -value if m.group(1) == "-" else value
    sign = 1
    if s[0] in "+-":
        sign, s = (-1 if s[0] == "-" else 1), s[1:]
    m = _CN_DECIMAL.fullmatch(s)
    if m:
        whole = parse_chinese(m.group(1)) if m.group(1) else 0
        if whole is None:
            return None
        frac = Decimal("0." + "".join(str(CN_DIGITS[c]) for c in m.group(2)))
        value, _ = apply_magnitudes(Decimal(whole) + frac, m.group(3), 0)
        return sign * value
    v = parse_chinese(s, positional=True)
    return None if v is None else Decimal(sign * v)
