"""Generic non-figure rules: spans of text where a number is never a quantity.

Dates and times, document numbers (〔2024〕8号), ordinals (第十一届), congresses and plan names
(二十大, 十四五), quoted day names (“9.5”), titles in 《》, and fixed terms and slogans from
``resources/dictionaries/fixed_terms.txt``.  Context rules that need the candidate figure itself
(Latin-adjacent ratings like 4A级, hotline numbers, list markers) live in ``figures.py``.
"""
from __future__ import annotations

import bisect
import re
import threading
from functools import lru_cache

from core import paths

_D = "0-9０-９"
_CN = "零〇○一二两三四五六七八九十"

_PATTERNS = [
    # ISO-like dates and times: 2024-02-02, 2023/3/1, 2023.03.13, 15:05
    rf"[{_D}]{{2,4}}\s*[-/.．年]\s*[{_D}]{{1,2}}\s*[-/.．月]\s*[{_D}]{{1,2}}\s*[日号]?",
    rf"[{_D}]{{1,2}}\s*[:：]\s*[{_D}]{{2}}(?:\s*[:：]\s*[{_D}]{{2}})?",
    # year (+ month (+ day)) in Arabic digits: 2023年, 2023年5月, 2023年度, 19年以来
    rf"[{_D}]{{4}}\s*年(?:度|底|初|末|以来)?(?:\s*[{_D}]{{1,2}}\s*月(?:\s*[{_D}]{{1,2}}\s*[日号])?)?",
    rf"[{_D}]{{2}}年(?:以来|度|底|初|末)",
    # month-day: 6月1日, 5月和11月, 1-11月, 6月到7月
    rf"[{_D}]{{1,2}}\s*月(?:\s*[{_D}]{{1,2}}\s*[日号])?",
    rf"[{_D}]{{1,2}}\s*[日号]\s*[起至到前后]",
    # Chinese dates: 二〇二三年, 十二月三十一日
    rf"[{_CN}]{{4}}年",
    rf"[{_CN}]{{1,3}}月(?:[{_CN}]{{1,3}}[日号])?",
    rf"[{_CN}]{{1,3}}[日号](?=[，,。；;、\s）)]|$)",
    # document numbers: 兰民字〔2024〕8号, [2021]54号, (2020)116号
    rf"[〔\[［【(（]\s*[{_D}]{{4}}\s*[〕\]］】)）]\s*第?\s*[{_D}]+\s*号",
    # ordinals: 第一, 第3次, 第十一届
    rf"第\s*(?:[{_D}]+|[{_CN}百千]+)",
    # weekdays
    r"(?:周|星期|礼拜)[一二三四五六日天]",
    # sessions (before the congress rule, which would stop at 届): 区六届人大三次会议,
    # 市委六届十一次全会, 省委十三届三次、四次全会
    # The look-behind lets a numeral run match only from its first character and the possessive
    # ``++`` never gives characters back (届/次/大 are not numerals): without both, every position
    # of a 200,000-digit line re-scanned the rest of the run -- quadratic time.
    rf"(?<![{_CN}{_D}])[{_CN}{_D}]++届[\u4e00-\u9fff]{{0,4}}?[{_CN}{_D}]++次(?:[、和及与][{_CN}{_D}]++次)*",
    # congresses, plenums, five-year plans: 二十大, 十九届四中全会, 十四五
    rf"(?<![{_CN}])[{_CN}]++(?:大(?![{_CN}])|届|中全会)",
    r"十[一二三四五六七八九]五",
    # quoted day names and bare numeric names: “9.5”, “12·4”, “5.12”
    rf"[“\"「『‘]\s*[{_D}]{{1,2}}\s*[.．·・]\s*[{_D}]{{1,2}}\s*[”\"」』’]",
    rf"[{_D}]{{1,2}}\s*[.．·・]\s*[{_D}]{{1,2}}(?![个天日年月])(?=\s*(?:[\u4e00-\u9fff]{{0,4}}(?:日|节)))",
    # ranks: 前10名, 排名第3
    rf"前\s*(?:[{_D}]+|[{_CN}]+)\s*[名位强]",
]


# every pattern above starts with one of these characters
_FIRST_CHARS = "0123456789０１２３４５６７８９" + _CN + "〔[［【(（“\"「『‘第周星礼前"


def _load_lines(name: str) -> list[str]:
    out = []
    with open(paths.resource("dictionaries", name), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _compiled() -> re.Pattern:
    with _lock:
        terms = sorted(set(_load_lines("fixed_terms.txt")), key=len, reverse=True)
        alts = _PATTERNS + [re.escape(t) for t in terms]
        # a one-character look-ahead lets the engine skip most positions quickly
        first = set(_FIRST_CHARS) | {t[0] for t in terms}
        head = "".join(re.escape(c) for c in sorted(first))
        return re.compile(f"(?=[{head}])(?:" + "|".join(f"(?:{p})" for p in alts) + ")")


@lru_cache(maxsize=1)
def context_words() -> dict[str, tuple[str, ...]]:
    """KIND -> words from exclusion_words.txt (before / hotline / slogannoun)."""
    kinds: dict[str, list[str]] = {}
    for line in _load_lines("exclusion_words.txt"):
        kind, _, word = line.partition(" ")
        kinds.setdefault(kind, []).append(word.strip())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in kinds.items()}


_TITLE_RE = re.compile(r"《[^《》\n]{0,80}》")
_QUOTE_RE = re.compile(r"[“\"「『][^“”\"「」『』\n]{1,12}[”\"」』]")


class Exclusions:
    """Sorted, merged spans; ``covers(pos)`` tells whether a number starting at pos is excluded."""

    def __init__(self, text: str):
        spans = [m.span() for m in _compiled().finditer(text) if m.end() > m.start()]
        spans += [m.span() for m in _TITLE_RE.finditer(text)]
        spans.sort()
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]
        # short quoted phrases (“三项制度”, “两个维护”): Chinese numerals inside are names, not counts
        self.quotes = [m.span() for m in _QUOTE_RE.finditer(text)]
        self.quote_starts = [s for s, _ in self.quotes]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def in_short_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quotes[i][0] < pos < self.quotes[i][1]
