"""Quantitative figures in report text: number + magnitude + qualifier + unit, with a subject.

Grammar (see core/numerals.py / units.py): [prefix qualifier] NUMBER [万|亿|千|百]* [余|多] [万|亿]* [UNIT]
[suffix qualifier].  Arabic numbers with a unit, or with a percent sign, are figures; a bare Arabic
number (离婚登记3818，) is a figure with unit "" when it closes a clause right after Chinese text.
Chinese numerals are figures only with a counting unit (一名, 两个, 二次, 近百轮) and never inside
short quotes, after 第/周, or before a slogan noun (三项制度).  Dates, document numbers, ordinals,
titles and fixed terms are excluded by exclusions.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from core.detect import shares_ranges
from core.detect import subject as _subject
from core.detect import subject_topic as _topic
from core.detect.exclusions import Exclusions, context_words
from core.numerals import MAGNITUDE, NUMBER_RE, apply_magnitudes, is_chinese, parse_number, to_number
from core.detect.units import lexicon, match_prefix_qualifier, match_unit, match_word
from core.extraction import Figure

# after a number, these end a clause: a bare number before them can be a quantity
_CLAUSE_END = set("，,。；;、）)！!？?\n\r") | {"（", "("}
_SEPARATORS = set("-/:：~～—–·・.．_#＃×*+＋")
_NOT_BEFORE_CN = set("第周其之统唯万初逐期每星")
_BARE_MAG_QUALIFIERS = {"近", "上", "约", "超", "超过", "逾", "将近", "接近", "大约"}
_YEAR_NOT_AFTER = set("以度底初末月前后级代份")
_BIG_MAG = "百千万亿"


@lru_cache(maxsize=1)
def _long_suffixes() -> tuple[str, ...]:
    return tuple(w for w in lexicon().suffix if len(w) > 1)  # 以上, 左右 (余/多 are infixes)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_latin(ch: str) -> bool:
    return (ch.isascii() and ch.isalpha()) or "Ａ" <= ch <= "Ｚ" or "ａ" <= ch <= "ｚ"


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "０" <= ch <= "９"


def _ends_clause(text: str, pos: int) -> bool:
    return pos >= len(text) or text[pos] in _CLAUSE_END


@dataclass
class _Quantity:
    """What follows a number: its end, value after magnitudes, unit and infix/suffix qualifier."""
    end: int
    value: Decimal
    written: str = ""          # the unit as written (件/年 for a rate)
    canon: str = ""            # the unit's canonical form
    infix: str | None = None   # 余, 多 (between number and unit)
    suffix: str | None = None  # 以上, 左右
    mag_start: int = 0         # where magnitude characters (万, 亿) would start


def _candidate(text: str, s0: int, num: str, ex: Exclusions,
               range_high: bool = False) -> tuple[Figure | None, int]:
    """Figure for the number ``num`` at ``s0`` (or None) and the position to resume scanning.

    Three phases: the context around the number may rule it out (``_context_rules_out``); what
    follows it is read as magnitudes, unit and qualifiers (``_read_quantity``); then Chinese
    numerals and unit-less Arabic numbers must pass their own tests (``_chinese_ok``,
    ``_unitless_ok``). ``range_high``: the number closes a range (5-8家), so the separator
    before it is expected.
    """
    chinese = is_chinese(num)
    e = s0 + len(num)
    value = parse_number(num)
    # resume after any magnitude characters so 3万 never restarts as a Chinese numeral 万
    resume = e
    while resume < len(text) and text[resume] in _BIG_MAG:
        resume += 1
    if value is None or ex.covers(s0):
        return None, resume
    latin_word = _after_latin_abbreviation(text, s0)
    if _context_rules_out(text, s0, e, chinese, ex, range_high, latin_word):
        return None, resume
    q = _read_quantity(text, e, value, chinese)
    if q is None:
        return None, resume
    prefix = match_prefix_qualifier(text, s0)
    if prefix == "上" and not (chinese and num[0] in _BIG_MAG):
        prefix = None
    if chinese:
        if not _chinese_ok(text, num, q, prefix):
            return None, resume
    elif not q.written and not _unitless_ok(text, s0, num, q, prefix, latin_word):
        return None, resume
    e = q.end
    if e + 1 < len(text) and text[e] in _SEPARATORS and _is_digit(text[e + 1]):
        return None, resume  # a range: 3-5人, 10%-20%
    start = s0 - len(prefix) if prefix else s0
    if _opens_quoted_name(text, start, e):
        return None, resume  # “15分钟生活圈”, “500米为民服务圈”: a name, not a count
    fig = Figure(start=start, end=e, text=text[start:e], value=to_number(q.value), unit=q.canon,
                 qualifier=prefix or q.infix or q.suffix)
    return fig, max(e, resume)


def _after_latin_abbreviation(text: str, s0: int) -> bool:
    """GDP19亿元: an abbreviation of two or more capitals right before the number."""
    return s0 >= 2 and _is_latin(text[s0 - 1]) and _is_latin(text[s0 - 2]) and text[s0 - 2:s0].isupper()


def _context_rules_out(text: str, s0: int, e: int, chinese: bool, ex: Exclusions,
                       range_high: bool, latin_word: bool) -> bool:
    """Phase 1: the characters around the number say it is a code, a date part, a rank or a name."""
    n = len(text)
    prev = text[s0 - 1] if s0 > 0 else ""
    if not chinese:
        nxt = text[e] if e < n else ""
        if _is_latin(nxt):  # 4A级, 5G
            return True
        # GDP19亿元 is a figure (checked for a unit later); V2, G4 and PM2.5 are names
        if _is_latin(prev) and not latin_word:
            return True
        if (prev in _SEPARATORS and s0 >= 2 and (_is_digit(text[s0 - 2]) or text[s0 - 2] in "%％")
                and not range_high):
            return True  # 2024-02-02, 1-11月, 12·4
        if nxt in _SEPARATORS and e + 1 < n and _is_digit(text[e + 1]):
            return True
    elif prev in _NOT_BEFORE_CN or ex.in_short_quote(s0):
        return True
    # ranks and periods: 前10%, 前三季度 (but 提前3天, 6月底前90个 count)
    return prev == "前" and (s0 < 2 or text[s0 - 2] not in "提之目当此以空底年月日号节")


def _read_quantity(text: str, e: int, value: Decimal, chinese: bool) -> _Quantity | None:
    """Phase 2: magnitudes, an infix (余/多), the unit (or a rate 件/年) and a suffix (以上).

    None when the unit word shows the number is part of a name or an age (40周年, 15部门)."""
    n = len(text)
    # magnitudes, unless a unit itself starts with one (5千克, 3千米)
    unit = match_unit(text, e, chinese)
    mag_start = e
    if not (unit and unit[0][0] in MAGNITUDE):
        unit = None
        while e < n and text[e] in _BIG_MAG and not chinese:
            if e > mag_start and text[e] == "千" and match_unit(text, e):
                break  # 2.5万千瓦: 千瓦 is the unit, not a magnitude
            value, e = apply_magnitudes(value, text, e, text[e])
    infix = None
    if unit is None:
        infix = match_word(text, e, lexicon().infix)
        if infix:
            mag_e = e + len(infix)
            v2 = value
            while mag_e < n and text[mag_e] in "万亿":
                v2 *= MAGNITUDE[text[mag_e]]
                mag_e += 1
            if match_unit(text, mag_e, chinese) or (_ends_clause(text, mag_e) and not chinese):
                e, value = mag_e, v2
            else:
                infix = None
        unit = match_unit(text, e, chinese)
    if unit and match_word(text, e, context_words().get("unitword", ())) and not text.startswith("家长者", e):
        return None  # 40周年, 15部门, 两位数 (but 14家长者饭堂 is 14家)
    q = _Quantity(end=e, value=value, infix=infix, mag_start=mag_start)
    if unit:
        written, canon = unit
        if written == "年" and (chinese or value != int(value) or not 0 < value <= 20 or infix
                               or (e + 1 < n and text[e + 1] in _YEAR_NOT_AFTER)):
            return None
        e += len(written)
        if e + 1 < n and text[e] in "/／" and written not in ("%", "％", "‰"):
            per = match_unit(text, e + 1) or ((text[e + 1],) * 2 if text[e + 1] in "年月日周人" else None)
            if per:  # rates: 17.5件/年, 600元/人
                written = canon = written + text[e] + per[0]
                e += 1 + len(per[0])
        q.written, q.canon, q.end = written, canon, e
    if not infix:
        q.suffix = match_word(text, q.end, _long_suffixes())
        if q.suffix:
            q.end += len(q.suffix)
    return q


def _chinese_ok(text: str, num: str, q: _Quantity, prefix: str | None) -> bool:
    """Phase 3 for Chinese numerals: only with a counting unit, and not in slogans or set phrases."""
    n, k = len(text), q.end
    if not q.written or num[0] in "零〇":
        return False  # 零部件, 零距离
    if k < n and text[k] in "一二两三四五六七八九十" and k + 1 < n and _is_han(text[k + 1]) \
            and text[k + 1] not in "是":
        return False  # numeral slogans: 五部两办, 三上三清
    if num[0] in _BIG_MAG and prefix not in _BARE_MAG_QUALIFIERS:
        return False  # 进万家, 千万家庭
    if q.value == 1 and not (prefix or q.infix or q.suffix) and not _ends_clause(text, k):
        return False  # 一次性, 一批, 建设一支队伍
    return not match_word(text, k, context_words().get("slogannoun", ()))  # 三项制度, 两个维护


def _unitless_ok(text: str, s0: int, num: str, q: _Quantity, prefix: str | None,
                 latin_word: bool) -> bool:
    """Phase 3 for an Arabic number with no unit: a day count, an amount before its noun, or a
    bare number closing a clause (``_bare_ok``). May set the unit 日 on ``q``."""
    e, n = q.end, len(text)
    if latin_word:
        return False  # PM2.5, COVID19: names without a unit
    if e < n and text[e] == "日" and _duration_day(text, s0, e):
        q.written = q.canon = "日"
        q.end += 1
        return True
    if e - q.mag_start and text[e - 1] in "万亿" and e < n and _is_han(text[e]) and text[e] not in "的之":
        return True  # 90.6万贫困人口: an amount with its noun and no measure word
    return _bare_ok(text, s0, num, e, q.value, prefix)


_OPEN_QUOTES = "“\"「『‘"
_CLOSE_QUOTES = "”\"」』’"


def _opens_quoted_name(text: str, start: int, end: int) -> bool:
    """The figure opens a short quoted phrase and the phrase goes on after it."""
    if start == 0 or text[start - 1] not in _OPEN_QUOTES:
        return False
    close = -1
    for k in range(end, min(len(text), end + 16)):
        if text[k] in _CLOSE_QUOTES:
            close = k
            break
        if text[k] in "。；;\n":
            break
    if close == end:  # “15分钟”服务圈: the quoted figure names the noun after it
        return close + 1 < len(text) and _is_han(text[close + 1])
    return close > end


def _duration_day(text: str, s0: int, e: int) -> bool:
    """N日 is a duration (为期3日, 3日内), not a day of the month (于3日召开)."""
    before = text[max(0, s0 - 2):s0]
    return before in ("为期", "历时", "连续", "用时", "提前", "缩短", "压缩") or text.startswith(("日内", "日以内"), e)


def _bare_ok(text: str, s0: int, num: str, e: int, value, prefix: str | None) -> bool:
    """A number without unit is a figure only when it closes a clause after Chinese text."""
    if not _ends_clause(text, e):
        return False
    if s0 == 0 or not _is_han(text[s0 - 1]):
        return False
    digits = num.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
        return False  # a year
    if digits.endswith(".0") or text[s0 - 1] in "前第":
        return False  # version 2.0, rank 前30
    if e < len(text) and text[e] == "、" and e + 1 < len(text) and _is_digit(text[e + 1]):
        return False  # enumerated names: 地铁12、13号线
    if digits.isdigit() and ((len(digits) == 5 and digits[:2] in ("12", "96")) or len(digits) >= 7):
        return False  # hotline 12345, phone numbers, squeezed dates
    words = context_words()
    for w in words.get("before", ()):
        if text.startswith(w, s0 - len(w)):
            return False  # short list; only bare numbers get here
    if match_word(text, e, words.get("hotline", ())):
        return False
    return True


def _special(text: str, s0: int, num: str, ex: Exclusions) -> list[Figure]:
    """A fraction (三分之一, 2/3) or a range (5-8家: two figures) starting at ``s0``, else []."""
    frac = shares_ranges.fraction_at(text, s0)
    if frac is not None:
        return [frac]
    if is_chinese(num):
        return []
    opened = shares_ranges.range_low(text, s0)
    if opened is None:
        return []
    low, pct, hs = opened
    m = NUMBER_RE.match(text, hs)
    if not m or ex.covers(hs):
        return []
    high, _ = _candidate(text, hs, m.group(), ex, range_high=True)
    if high is None:
        return []
    low_fig = shares_ranges.range_figures(text, s0, low, pct, high, m.end())
    return [low_fig, high] if low_fig else []


def find_figures(text: str) -> list[Figure]:
    """All figures in ``text``, sorted and non-overlapping, ``section`` left None."""
    if not text:
        return []
    ex = Exclusions(text)
    figures: list[Figure] = []
    pos = 0
    while True:
        m = NUMBER_RE.search(text, pos)
        if not m:
            break
        s0 = m.start()
        if not ex.covers(s0):
            special = _special(text, s0, m.group(), ex)
            if special:
                for f in special:
                    if not figures or f.start >= figures[-1].end:
                        figures.append(f)
                pos = max(special[-1].end, m.end())
                continue
        fig, resume = _candidate(text, s0, m.group(), ex)
        if (fig is not None and (not figures or fig.start >= figures[-1].end) and not fig.unit
                and match_word(text, fig.end, context_words().get("hotline", ()))):
            fig = None
        if fig is not None and (not figures or fig.start >= figures[-1].end):
            figures.append(fig)
        pos = max(resume, m.end())
    _assign_subjects(text, figures)
    return figures


_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_ENUM_HEAD = re.compile(r"\s*[，,（(：:]?\s*其中")


class _LazyTopic:
    """The previous figure's topic, computed on first use (most figures never need it)."""

    __slots__ = ("subject", "fallback", "value")

    def __init__(self, subject: str, fallback) -> None:
        self.subject, self.fallback = subject, fallback
        self.value: str | None = None

    def __str__(self) -> str:
        if self.value is None:
            self.value = _topic.topic_of(self.subject) or str(self.fallback or "")
        return self.value

    def __bool__(self) -> bool:
        return bool(str(self))


def _assign_subjects(text: str, figures: list[Figure]) -> None:
    """Subjects left to right; the sentence's topic carries over to weak subjects (增长8.8%)."""
    prev_end = 0
    prev_subject = ""
    topic: str | _LazyTopic = ""
    head = ""
    i = 0
    while i < len(figures):
        f = figures[i]
        if _SENTENCE_END.search(text, prev_end, f.start):
            topic = head = ""
        elif head:
            topic = head  # inside "…44项，其中行政许可12项，行政给付1项": the items share the head
        pair = (f.qualifier == shares_ranges.RANGE_QUALIFIER and i + 1 < len(figures)
                and figures[i + 1].qualifier == shares_ranges.RANGE_QUALIFIER and figures[i + 1].start - f.end <= 2)
        last = figures[i + 1] if pair else f
        subject = _subject.subject_for(text, f.start, last.end, prev_end, topic, head)
        if not subject and f.start - prev_end <= 2:
            subject = prev_subject  # 1.2万户、2.3万人: same subject
        for g in (f, last):
            g.subject = subject
        topic = _LazyTopic(subject, topic)  # read only when a later figure needs it (saves the tagger)
        if _ENUM_HEAD.match(text, last.end):
            head = str(topic)  # the figure that opens an enumeration names what its items count
        prev_end, prev_subject = last.end, subject
        i += 2 if pair else 1


def warm_up() -> None:
    """Load lexicons and jieba (for a worker thread at GUI start-up)."""
    find_figures("共开展培训3次，参加人员50人次。")
    _subject.warm_up()
