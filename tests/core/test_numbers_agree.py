"""One numeral grammar: the reviewer's value parser (core.store.values) and the figure detector agree.

Before, three parsers disagreed (三千五 -> 3500 / 3005, 一万五 -> 15000 / None / 10005, 十四五 -> 15).
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.detect.figures import find_figures
from core.numerals import parse_chinese, parse_value
from core.errors import ReportError
from core.store import values

_D = "零一二三四五六七八九"


def _below_wan(n: int, leading: bool) -> str:
    """Standard written form of 0 < n < 10000 (leading: 十二 rather than 一十二)."""
    out = ""
    zero = False
    for unit, ch in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            if zero and out:
                out += "零"
            zero = False
            out += ("" if (ch == "十" and d == 1 and not out and leading) else _D[d]) + ch
        elif out:
            zero = True
    return out


def render(n: int) -> str:
    """Canonical Chinese numeral for 0 <= n < 10**12 (一万零五, 十二, 三亿零二十万)."""
    if n == 0:
        return "零"
    parts = []
    groups = [(n // 100_000_000, "亿"), (n // 10_000 % 10_000, "万"), (n % 10_000, "")]
    need_zero = False
    for g, ch in groups:
        if g == 0:
            if parts:
                need_zero = True
            continue
        if parts and (need_zero or g < 1000):
            parts.append("零")
        parts.append(_below_wan(g, leading=not parts) + ch)
        need_zero = False
    return "".join(parts)


@given(st.integers(min_value=0, max_value=10**12 - 1))
@settings(max_examples=400, deadline=None)
def test_canonical_chinese_numerals_read_the_same_everywhere(n):
    s = render(n)
    assert parse_chinese(s) == n
    assert values.parse_value(s) == n


@given(st.integers(min_value=2, max_value=99_999))
@settings(max_examples=150, deadline=None)
def test_detector_and_reviewer_agree_on_chinese_counts(n):
    s = render(n)
    figs = find_figures(f"全年共聘请法律顾问{s}名。")
    assert [f.text for f in figs] == [f"{s}名"]
    assert figs[0].value == values.parse_value(s) == n


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2),
       st.sampled_from(["", "万", "亿", "千万", "百万"]))
@settings(max_examples=150, deadline=None)
def test_detector_and_reviewer_agree_on_arabic_with_magnitudes(d, mag):
    s = f"{d.normalize():f}{mag}"
    figs = find_figures(f"本年度共投入资金{s}元。")
    assert len(figs) == 1
    assert figs[0].value == pytest.approx(values.parse_value(s), rel=1e-12)


@pytest.mark.parametrize("s, expected", [("三千五", 3500), ("一万五", 15000), ("一万零五", 10005),
                                         ("两万三", 23000), ("一百五", 150), ("二〇二四", 2024)])
def test_colloquial_forms(s, expected):
    assert parse_value(s) == expected
    assert values.parse_value(s) == expected


def test_plan_name_is_refused_by_both():
    assert parse_value("十四五") is None
    with pytest.raises(ReportError):
        values.parse_value("十四五")
    assert find_figures("“十四五”规划实施以来，共办理案件三千五百件。")[0].value == 3500
    assert all("十四五" not in f.text for f in find_figures("“十四五”规划实施以来，共办理案件三千五百件。"))


@pytest.mark.parametrize("s, expected", [("1,234", 1234), ("-5", -5), ("１２.５", 12.5), ("3.2万", 32000),
                                         ("5千万", 50_000_000), ("三点五万", 35000), ("87.4%", 87.4),
                                         ("壹万伍仟", 15000)])
def test_reviewer_forms(s, expected):
    assert values.parse_value(s) == expected


@pytest.mark.parametrize("s", ["", "abc", "3.2.1", "1,23", "十四五", "一一"])
def test_reviewer_rejects_with_chinese_message(s):
    with pytest.raises(ReportError) as e:
        values.parse_value(s)
    assert any("\u4e00" <= c <= "\u9fff" for c in str(e.value))
