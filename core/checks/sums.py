"""A total against the sum of its listed parts.

Three shapes real reports use, from surest to least sure:

* ``26件（主办件15件，协办件11件）`` — a total followed by a bracket listing its parts. The bracket is
  a breakdown, so the parts must add up exactly (``28宗（民办非企业单位27家，社会团体1家，养老机构2家）``
  does not: 27+1+2 = 30).
* ``A10件、B5件，合计15件`` — parts, then a total opened by 合计/共计/总计.
* ``受理30件，其中A20件，B15件`` — ``其中`` often lists only some parts (and they may overlap), so only
  parts that add up to *more* than the total are reported, and the message says it is unsure.

Anything approximate (余/约/近/以上), percentages, and brackets that compare (同比/增长/较…) or
enumerate per item (分别) are left alone: they cannot prove the arithmetic wrong.
"""
from __future__ import annotations

import re

from core.checks.base import (Check, fmt_num, is_percent, lead_phrase, make, qualified,
                              sentence_bounds)

# counters of the same kind of thing: a total in 宗 (cases) may list its parts in 家 (bodies)
_ITEM_UNITS = set("件宗个家项起户所间条份单批处座")
_NOT_A_BREAKDOWN = re.compile(r"同比|比上年|比去年|较上年|较去年|增长|下降|减少|增加|提高|分别|占|平均|人均|每")
_TOTAL_WORD = re.compile(r"(?:合计|共计|总计)[^，,。；;、（()）]{0,12}$")
_GAP_BEFORE_BRACKET = re.compile(r"[^，,。；;：:、（()）\n]{0,12}?[（(]")


def _units_agree(total_unit: str, part_units: set[str]) -> bool:
    if len(part_units) != 1:
        return False
    (part_unit,) = part_units
    if part_unit == total_unit:
        return True
    return (len(part_unit) == 1 and len(total_unit) == 1 and part_unit in _ITEM_UNITS
            and total_unit in _ITEM_UNITS)


def _close_bracket(text: str, open_pos: int, limit: int = 160) -> int | None:
    depth = 0
    for i in range(open_pos, min(len(text), open_pos + limit)):
        c = text[i]
        if c in "（(":
            depth += 1
        elif c in "）)":
            depth -= 1
            if depth == 0:
                return i
        elif c in "。\n":
            return None
    return None


def _equal(total: float, parts_sum: float) -> bool:
    if float(total).is_integer() and float(parts_sum).is_integer():
        return int(total) == int(parts_sum)
    return abs(total - parts_sum) <= 0.005 * max(abs(total), 1e-9)  # written-out money rounds


def _sum_text(values) -> str:
    return "+".join(fmt_num(v) for v in values)


def _usable(fig) -> bool:
    return fig.value is not None and not is_percent(fig) and not qualified(fig)


def _bracketed(text: str, figures, i: int) -> Check | None:
    total = figures[i]
    m = _GAP_BEFORE_BRACKET.match(text, total.end)
    if not m:
        return None
    open_pos = m.end() - 1
    close = _close_bracket(text, open_pos)
    if close is None:
        return None
    inner = text[open_pos + 1:close]
    if _NOT_A_BREAKDOWN.search(inner) or "其中" in inner[2:]:
        return None
    idx = [j for j in range(i + 1, len(figures))
           if figures[j].start > open_pos and figures[j].end <= close]
    if any(not _usable(figures[j]) and not is_percent(figures[j]) for j in idx):
        return None  # an approximate part: the sum proves nothing
    parts = [j for j in idx if not is_percent(figures[j])]
    if len(parts) < 2 or not _units_agree(total.unit, {figures[j].unit for j in parts}):
        return None
    values = [figures[j].value for j in parts]
    parts_sum = sum(values)
    if _equal(total.value, parts_sum):
        return None
    msg = (f"合计{total.text}与分项之和{fmt_num(parts_sum)}{total.unit}（{_sum_text(values)}）不符")
    return make("sum", msg, text, total.start, close + 1, [i, *parts])


def _before_total_word(text: str, figures, i: int) -> Check | None:
    total = figures[i]
    if not _TOTAL_WORD.search(text[max(0, total.start - 16):total.start]):
        return None  # cheap test first: most figures are no total
    s0, _ = sentence_bounds(text, total.start)
    if not _TOTAL_WORD.search(text[max(s0, total.start - 16):total.start]):
        return None
    parts: list[int] = []  # indices into ``figures``
    j = i - 1
    while j >= 0 and figures[j].start >= s0:
        fig = figures[j]
        if not _usable(fig) or fig.unit != total.unit:
            break
        parts.insert(0, j)
        j -= 1
    if j >= 0 and figures[j].start >= s0:
        return None  # something else is counted in this sentence too: the list is not clean
    if len(parts) < 2:
        return None
    between = text[figures[parts[0]].start:total.start]
    if _NOT_A_BREAKDOWN.search(between) or "其中" in between:
        return None
    values = [figures[j].value for j in parts]
    parts_sum = sum(values)
    if _equal(total.value, parts_sum):
        return None
    msg = f"合计{total.text}与前列分项之和{fmt_num(parts_sum)}{total.unit}（{_sum_text(values)}）不符"
    return make("sum", msg, text, figures[parts[0]].start, total.end, [*parts, i])


def _of_which(text: str, figures, i: int) -> Check | None:
    total = figures[i]
    after = text[total.end:total.end + 12]
    m = re.match(r"[^。；;（(）)，,、0-9]{0,8}?[，,]\s*其中", after)
    if not m or _NOT_A_BREAKDOWN.search(lead_phrase(text, total.start)):
        return None  # 比上年增加1500亿元，其中…: the parts belong to another total
    _, s1 = sentence_bounds(text, total.start)
    parts = []
    for j in range(i + 1, len(figures)):
        fig = figures[j]
        if fig.start >= s1:
            break
        if is_percent(fig) or fig.unit != total.unit:
            break
        if not _usable(fig) or fig.value > total.value:
            return None  # a "part" larger than the total counts something else (停车位573个)
        parts.append(j)
    if len(parts) < 2:
        return None
    span_text = text[total.end:figures[parts[-1]].end]
    if _NOT_A_BREAKDOWN.search(span_text):
        return None
    values = [figures[j].value for j in parts]
    parts_sum = sum(values)
    if parts_sum <= total.value or _equal(total.value, parts_sum):
        return None
    msg = (f"{total.text}之下“其中”所列分项之和{fmt_num(parts_sum)}{total.unit}（{_sum_text(values)}）"
           f"超过总数，请核实（分项之间也可能有交叉）")
    return make("sum", msg, text, total.start, figures[parts[-1]].end, [i, *parts], certain=False)


def check_sums(text: str, figures) -> list[Check]:
    out: list[Check] = []
    covered_until = -1
    for i, fig in enumerate(figures):
        if fig.start < covered_until or not _usable(fig):
            continue
        found = _bracketed(text, figures, i) or _before_total_word(text, figures, i) \
            or _of_which(text, figures, i)
        if found:
            out.append(found)
            covered_until = found.end
    return out
