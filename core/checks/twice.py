"""The same quantity stated twice with different values.

Two figures count the same thing when the words right before them (back to the previous comma) are
the same once the filler is taken out (共/累计/全年/我局…), the unit is the same, and their sentences
name the same years. Comparisons (比上年/同比/由…到), plans (力争/计划) and approximate figures are
left alone, and so are percentages: a 满意率 of 信访 and one of 网民留言 share their words but not
their meaning. A short shared phrase (under 8 characters) is reported as unsure.
"""
from __future__ import annotations

import re
from collections import defaultdict

from core.checks.base import Check, is_percent, lead_phrase, make, qualified, sentence_bounds
from core.lazy_re import lazy

_FILLER = re.compile(r"^(?:[一二三四五六七八九十]是|其中|同时|另外|此外|目前|截至目前|今年|本年|全年|年内|"
                     r"我局|我区|我市|我委|我办|全区|全市|全局|本局|已经|已|共计|累计|合计|共|总计|先后|"
                     r"全年共|依法|有效|成功|积极|认真|组织|及时)+")
_TAIL = re.compile(r"(?:为|达|达到|共|共计|约|近|超过|逾|了|累计)+$")
_COMPARE = re.compile(r"比上年|比去年|较上年|较去年|同比|环比|增长|下降|减少|增加|提高|由|从|到|至|"
                      r"力争|计划|预计|目标|确保|将|拟|上年|去年|上一年|以来|年均|分别|每|人均|平均|较|比")
# a multi-year summary and the year's own figure share their words: 五年来新增病床4671张 / 新增病床1791张
_SCOPE = lazy(r"过去[一二三四五六七八九十两\d]+年|[一二三四五六七八九十两\d]+年来|五年|以来|累计|历年|"
              r"十[一二三四五]五|本届|届内|时期|连续\s*[一二三四五六七八九十两\d]+\s*年")
_YEARS = re.compile(r"(?:19|20)\d\d")
_RATIO_UNITS = {"倍", "成", ""}
MIN_KEY = 5
SURE_KEY = 8


def _key(text: str, fig) -> str | None:
    lead = lead_phrase(text, fig.start)
    if _COMPARE.search(lead) or re.search(r"\d", lead):
        return None
    if lead.endswith("的"):
        return None  # 对需修订的15个文件: the counted noun comes after the number, not in the lead
    key = _TAIL.sub("", _FILLER.sub("", lead))
    han = "".join(c for c in key if "\u4e00" <= c <= "\u9fff")  # a CJK class costs ~1 ms to compile
    return han if len(han) >= MIN_KEY else None


def _around(text: str, fig) -> str:
    """The figure's clause and the next one (10件，比上年增加2件): where a comparison would be."""
    m = re.compile(r"[，,。；;\n]").search(text, fig.end)
    end = m.end() if m else len(text)
    m2 = re.compile(r"[，,。；;\n]").search(text, end)
    return text[fig.start:(m2.start() if m2 else len(text))]


def _paragraph(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _looks_ahead(sections, i: int | None) -> bool:
    return i is not None and sections[i].kind in ("plan", "shortcomings")


def _in_breakdown(figures, fig, bounds) -> bool:
    """Part of a list of three or more figures in one unit within its sentence."""
    s0, s1 = bounds
    return sum(1 for f in figures if s0 <= f.start < s1 and f.unit == fig.unit) >= 3


def _part_of(figures, sections, fig) -> int | None:
    """Index of the top-level section (part) holding a figure: a 2023 review and a 2024 plan may
    both say 新增停车位, with different numbers and no year in either sentence."""
    if fig.section is None or not sections:
        return None
    top = min(s.level for s in sections)
    i = fig.section
    while i > 0 and sections[i].level != top:
        i -= 1
    return i


def check_twice(text: str, figures, sections=()) -> list[Check]:
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, fig in enumerate(figures):
        if fig.value is None or is_percent(fig) or qualified(fig) or fig.unit in _RATIO_UNITS:
            continue
        key = _key(text, fig)
        if key:
            groups[(key, fig.unit)].append(i)
    out: list[Check] = []
    for (key, _unit), idx in groups.items():
        if len(idx) < 2:
            continue
        a = idx[0]
        for b in idx[1:]:
            fa, fb = figures[a], figures[b]
            if fa.value == fb.value:
                continue
            part_a, part_b = _part_of(figures, sections, fa), _part_of(figures, sections, fb)
            if part_a != part_b or _looks_ahead(sections, part_a):
                continue  # a plan restates last year's words with next year's numbers
            sa, sb = sentence_bounds(text, fa.start), sentence_bounds(text, fb.start)
            if sa == sb:
                continue  # two figures in one sentence with the same words: a list, not a restatement
            if any(_COMPARE.search(_around(text, f)) for f in (fa, fb)):
                continue
            if _in_breakdown(figures, fa, sa) or _in_breakdown(figures, fb, sb):
                continue  # 其他行政权力15项 in one list, 3项 in another: categories of two totals
            if any(_SCOPE.search(_paragraph(text, f.start)) for f in (fa, fb)):
                continue
            if set(_YEARS.findall(text[sa[0]:sa[1]])) != set(_YEARS.findall(text[sb[0]:sb[1]])):
                continue
            certain = len(key) >= SURE_KEY
            msg = (f"同一数量前后不一致：“{key}{fa.text}”与后文“{key}{fb.text}”"
                   + ("" if certain else "，请核实是否指同一事项"))
            # the span is the first statement (a whole-report span would be useless to highlight);
            # the second one travels in ``detail``
            lead_a = len(lead_phrase(text, fa.start))
            lead_b = len(lead_phrase(text, fb.start))
            out.append(make("twice", msg, text, fa.start - lead_a, fa.end, [a, b], certain=certain,
                            detail={"second_start": fb.start - lead_b, "second_end": fb.end}))
            break  # one finding per quantity is enough to send the reviewer there
    return out
