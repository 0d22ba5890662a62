"""A stated rate against the part and the whole it is computed from, and shares over 100 %.

Rate (``应参检381家，实际参检333家，参检率87.4%``): the part is the figure in the same sentence whose
own words contain the rate's stem (参检 for 参检率), the whole another figure in the same unit that is
at least as large. The rate holds if part/whole agrees with it to the precision written (87.4% allows
±0.1 so that both rounding and truncation pass). Without such a pair the check stays silent: 整改率100%
after 发现问题12家 says nothing about how many were rectified.

Share over 100 %: a 办结率 / 覆盖率 / 占比 … of 105 % is impossible; growth (增长/同比/提高…) and
completion against a target (完成率, 超额完成) may exceed 100 % and are left alone.
"""
from __future__ import annotations

import re

from core.checks.base import (Check, decimals, fmt_num, is_percent, lead_phrase, make, qualified,
                              sentence_bounds)
from core.lazy_re import lazy

_RATE_WORD = re.compile(r"([\u4e00-\u9fff]{2,8}?)率\s*(?:为|达|达到|是|均为|均达)?\s*$")
_GROWTH_WORDS = (r"增长|增幅|增速|同比|环比|比上年|比去年|较上年|较去年|提高|提升|上升|增加|下降|降低|"
                 r"减少|压减|压缩|缩减|节约|年均|翻|为上年|较")
_GROWTH = lazy(_GROWTH_WORDS)
# against a target a figure may pass 100 % (超额完成): never a "share"
_MAY_PASS_100 = lazy(_GROWTH_WORDS + r"|超额|完成|执行|预算|目标|计划|任务")
_TARGET = re.compile(r"到\s*(?:19|20)\d\d\s*年|力争|目标|计划|预计|将达|确保")
# rates that are a part of a whole by their meaning: they cannot exceed 100 %
_SHARE = lazy(r"(?:办结|结案|覆盖|满意|出庭|应诉|参检|合格|知晓|公开|达标|上线|网办|即办|审核|备案|到位|"
              r"参与|回复|答复|受理|化解|调解成功|成功|通过|签约|持证|亮证|参保|入学|就业|准确|及时|"
              r"回访|响应|整改|销号|审查|参训|参考|参学|持有|入驻|接入|办件|好评|参加)率\s*"
              r"(?:为|达|达到|是|均为|均达)?\s*$|占比\s*(?:为|达)?\s*$|比例\s*(?:为|达)?\s*$|"
              r"占[\u4e00-\u9fff]{0,12}的?\s*$")


def _rate_word(text: str, fig) -> str | None:
    m = _RATE_WORD.search(lead_phrase(text, fig.start))
    return m.group(1) + "率" if m else None


def _overlap(a: str, b: str) -> int:
    """Longest common substring length: 出庭应诉率 is closer to 负责人出庭应诉 than to 行政应诉案件."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _holds(part: float, whole: float, rate: float, places: int) -> bool:
    """part/whole, or (whole-part)/whole for a reduction (56项精简至21项，精简率62.5%)."""
    if whole <= 0:
        return True  # nothing to compute from
    tol = 10 ** -places + 1e-9
    return (abs(part / whole * 100 - rate) <= tol
            or abs((whole - part) / whole * 100 - rate) <= tol)


def _check_rate(text: str, figures, i: int) -> Check | None:
    rate = figures[i]
    if rate.value is None or qualified(rate):
        return None
    word = _rate_word(text, rate)
    if not word or _GROWTH.search(word):
        return None
    stem = word[-3:-1]  # 参检率 -> 参检, 出庭应诉率 -> 应诉
    s0, s1 = sentence_bounds(text, rate.start)
    if _TARGET.search(text[s0:s1]):
        return None  # a target (到2020年…达88%) is not computed from this year's figures
    counts = [j for j, f in enumerate(figures)
              if s0 <= f.start < s1 and j != i and f.value is not None and not is_percent(f)
              and not qualified(f)]
    scored = [(_overlap(word[:-1], lead_phrase(text, figures[j].start)), j) for j in counts
              if stem in lead_phrase(text, figures[j].start) and "/" not in figures[j].unit]
    best = max((sc for sc, _ in scored), default=0)
    parts = [j for sc, j in scored if sc == best]
    if len(parts) == 2 and figures[parts[0]].value != figures[parts[1]].value:
        # 应参检381家，实际参检333家: both name the stem; the smaller is the part
        parts = [min(parts, key=lambda j: figures[j].value)]
    if len(parts) != 1:
        return None  # no part, or two equally good readings: unsure, so silent
    p = parts[0]
    part = figures[p]
    wholes = [j for j in counts if j != p and figures[j].unit == part.unit
              and figures[j].value >= part.value and abs(figures[j].start - part.start) < 80]
    if not wholes:
        return None
    places = decimals(rate.text)
    if any(_holds(part.value, figures[w].value, rate.value, places) for w in wholes):
        return None
    if len(wholes) != 1:
        return None
    whole = figures[wholes[0]]
    computed = part.value / whole.value * 100
    msg = (f"{word}{rate.text}与{fmt_num(part.value)}÷{fmt_num(whole.value)}="
           f"{computed:.{max(places, 1)}f}%不符（分子{part.text}，分母{whole.text}）")
    lo = min(rate.start, part.start, whole.start)
    hi = max(rate.end, part.end, whole.end)
    return make("rate", msg, text, lo, hi, [i, p, wholes[0]])


def _check_share(text: str, figures, i: int) -> Check | None:
    fig = figures[i]
    if fig.value is None or fig.value <= 100:
        return None
    lead = lead_phrase(text, fig.start, limit=16)
    m = _SHARE.search(lead)
    if not m or _MAY_PASS_100.search(lead[:m.start()][-6:] + m.group(0)):
        return None
    word = m.group(0).strip()
    word = re.sub(r"(为|达到|达|是|均为|均达)$", "", word) or "比例"
    msg = f"“{lead.strip()}{fig.text}”超过100%：{word}是部分占整体的比例，不应超过100%"
    return make("percent", msg, text, fig.start - len(lead), fig.end, [i])


def check_rates(text: str, figures) -> list[Check]:
    out = []
    for i, fig in enumerate(figures):
        if not is_percent(fig):
            continue
        found = _check_share(text, figures, i) or _check_rate(text, figures, i)
        if found:
            out.append(found)
    return out
