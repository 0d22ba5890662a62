"""Number grammar: Arabic (full-width, thousands commas, decimals) and Chinese numerals."""
from __future__ import annotations

from decimal import Decimal

import pytest

from core.numerals import NUMBER_RE, parse_arabic, parse_chinese, parse_number, to_number


@pytest.mark.parametrize("s, expected", [
    ("0", 0), ("3818", 3818), ("87.4", Decimal("87.4")), ("1,234", 1234), ("12,345.67", Decimal("12345.67")),
    ("１２", 12), ("９４．５", Decimal("94.5")), ("007", 7),
])
def test_parse_arabic(s, expected):
    assert parse_arabic(s) == Decimal(expected)


@pytest.mark.parametrize("s", ["", "3.", ".5", "1.2.3", "abc"])
def test_parse_arabic_rejects(s):
    assert parse_arabic(s) is None


@pytest.mark.parametrize("s, expected", [
    ("一", 1), ("两", 2), ("二", 2), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21),
    ("一百零五", 105), ("一百二十", 120), ("两千", 2000), ("三千五", 3500), ("一百五", 150),
    ("一万五千", 15000), ("一万五", 15000), ("二十万", 200000), ("一亿二千万", 120_000_000),
    ("百", 100), ("千", 1000), ("万", 10000), ("零", 0), ("六百", 600),
])
def test_parse_chinese(s, expected):
    assert parse_chinese(s) == expected


@pytest.mark.parametrize("s", ["十四五", "一一", "二三", "万万", "百十"])
def test_parse_chinese_rejects_non_numbers(s):
    assert parse_chinese(s) is None


def test_to_number_int_when_integral():
    assert to_number(Decimal("1.81") * 100_000_000) == 181_000_000
    assert isinstance(to_number(Decimal("30000")), int)
    assert to_number(Decimal("87.4")) == pytest.approx(87.4)
    assert isinstance(to_number(Decimal("87.4")), float)


def test_parse_number_dispatch():
    assert parse_number("两") == 2
    assert parse_number("3.7") == Decimal("3.7")
    assert parse_number("") is None


def test_number_regex_thousands_and_plain():
    assert [m.group() for m in NUMBER_RE.finditer("共1,250家，3,818,共12370人")] == ["1,250", "3,818", "12370"]
    assert NUMBER_RE.search("约３．７万元").group() == "３．７"
