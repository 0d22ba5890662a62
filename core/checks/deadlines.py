"""Deadlines and form: 成文日期 by 3月1日 and publication by 4月1日 of the year after the report year;
a title, a reporting body, a body of text, and a 发文字号 where the 版头 shows one is expected.

The dates are read here with their spans (``core.detect.meta`` gives only one date, without a span):
the 成文日期 is a date alone on one of the last lines (after the signature), the publication date a
``发布时间/发布日期`` line of a web copy. No date found: silent — many web copies drop the 成文日期.
"""
from __future__ import annotations

import re
from datetime import date

from core.checks.base import Check, make
from core.detect.text_norm import cn_to_int, fold_width, lines_with_offsets
from core.lazy_re import lazy

_DATE = re.compile(r"((?:19|20)\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./]\s*(\d{1,2})\s*[-./]\s*"
                   r"(\d{1,2})(?!\d))")
# 成文日期 in Chinese numerals, as GB/T 9704 documents often write it: 二〇二四年三月五日
_DATE_CN = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*"
                      r"([一二三四五六七八九十]{1,3})\s*日")
_PUBLISHED = re.compile(r"(?:发布|公开|发表)(?:时间|日期)\s*[:：]?\s*")
_ORG_PREFIX = lazy(r"^[\u4e00-\u9fff（）()]{0,30}$")
# signs of a document sent upward with a 版头, where a 发文字号 belongs
_LETTERHEAD = re.compile(r"签发人|^[\u4e00-\u9fff]{2,20}文件$|^[\u4e00-\u9fff]{2,20}(?:请示|报告)$")
MIN_BODY = 300
SUBMIT_BY = (3, 1)
PUBLISH_BY = (4, 1)


def _head_lines(text: str, n: int) -> list[tuple[int, str]]:
    """The first ``n`` non-blank lines with their offsets (without splitting the whole text)."""
    out = []
    for off, line in lines_with_offsets(text):
        if line.strip():
            out.append((off, line))
            if len(out) == n:
                break
    return out


def _tail_lines(text: str, n: int, window: int = 4000) -> list[tuple[int, str]]:
    """The last ``n`` non-blank lines with their offsets, read from the end of the text."""
    base = max(0, len(text) - window)
    if base:
        base = text.find("\n", base) + 1 or base  # start on a line boundary
    lines = [(base + off, line) for off, line in lines_with_offsets(text[base:]) if line.strip()]
    return lines[-n:]


def _to_date(m: re.Match) -> date | None:
    try:
        if m.re is _DATE_CN:
            y, mo, d = (cn_to_int(g) for g in m.groups())
            return None if y is None or mo is None or d is None else date(y, mo, d)
        y, m1, d1, m2, d2 = m.groups()
        return date(int(y), int(m1 or m2), int(d1 or d2))
    except (TypeError, ValueError):
        return None


def _signing_date(line: str) -> re.Match | None:
    """A date that ends the line, after nothing or a body's name (区司法局 2024年2月2日)."""
    for rx in (_DATE, _DATE_CN):
        for m in rx.finditer(line):
            if line[m.end():].strip() == "" and _ORG_PREFIX.match(line[:m.start()].strip()):
                return m
    return None


def find_dates(text: str) -> dict[str, tuple[date, int, int]]:
    """{"signed": (date, start, end), "published": (...)} for what the text states."""
    head, tail = _head_lines(text, 15), _tail_lines(text, 12)
    found: dict[str, tuple[date, int, int]] = {}
    for off, line in head + tail:
        f = fold_width(line)
        p = _PUBLISHED.search(f)
        if p:
            m = _DATE.match(f, p.end())
            d = _to_date(m) if m else None
            if m and d and "published" not in found:
                found["published"] = (d, off + m.start(), off + m.end())
    for off, line in reversed(tail):
        f = fold_width(line)
        if _PUBLISHED.search(f) or len(f.strip()) > 40:
            continue
        m = _signing_date(f)
        d = _to_date(m) if m else None
        if m and d:
            found["signed"] = (d, off + m.start(), off + m.end())
            break
    if "signed" not in found:  # a date in brackets under the title: （2024年2月2日）
        for off, line in head[:8]:
            f = fold_width(line).strip()
            m = re.fullmatch(r"[(（]\s*(.+?)\s*[)）]", f)
            inner = m and (_DATE.fullmatch(m.group(1)) or _DATE_CN.fullmatch(m.group(1)))
            d = _to_date(inner) if inner else None
            if m and d:
                start = off + fold_width(line).find(m.group(1))
                found["signed"] = (d, start, start + len(m.group(1)))
                break
    return found


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def check_deadlines(text: str, year: int | None) -> list[Check]:
    if not year:
        return []
    dates = find_dates(text)
    out = []
    submit_by = date(year + 1, *SUBMIT_BY)
    publish_by = date(year + 1, *PUBLISH_BY)
    if "signed" in dates:
        d, s, e = dates["signed"]
        if d > submit_by:
            out.append(make("deadline", f"成文日期{_cn(d)}晚于报送截止日期{_cn(submit_by)}"
                            f"（{year}年度报告应于次年3月1日前报送）", text, s, e))
        elif d.year < year:
            out.append(make("deadline", f"成文日期{_cn(d)}早于所报告的{year}年度，请核实报告年度或日期",
                            text, s, e, certain=False))
    if "published" in dates:
        d, s, e = dates["published"]
        if d > publish_by:
            out.append(make("deadline", f"发布日期{_cn(d)}晚于公开截止日期{_cn(publish_by)}"
                            f"（{year}年度报告应于次年4月1日前向社会公开）", text, s, e))
    return out


def check_form(text: str, meta) -> list[Check]:
    body = "".join(text.split())  # C-speed whitespace removal
    if not body:
        return [make("form", "报告没有正文（导入的文件中没有文字）", text, 0, 0)]
    out = []
    if len(body) < MIN_BODY:
        out.append(make("form", f"正文过短（仅{len(body)}字），可能导入不完整或只有标题", text, 0, 0))
    if not meta.title:
        out.append(make("form", "未找到报告标题（如“关于××年法治政府建设情况的报告”）", text, 0, 0,
                        certain=False))
    if not meta.org:
        out.append(make("form", "未找到报告单位（标题、版头和落款中都没有单位名称）", text, 0, 0,
                        certain=False))
    if not meta.doc_number:
        for off, line in _head_lines(text, 15):
            stripped = fold_width(line).strip()
            m = _LETTERHEAD.search(stripped)
            if m:
                start = off + line.find(stripped[:4]) if stripped else off
                msg = f"版头有“{stripped[:20]}”，但未找到发文字号（如“×民字〔2024〕8号”）"
                out.append(make("form", msg, text, start, start + len(stripped)))
                break
    return out
