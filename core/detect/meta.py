"""Report metadata: reporting body, year covered, signing/publication date, 发文字号, title.

* title: the title line(s) near the top (关于…的报告, …年度报告, …情况报告); two lines are joined when
  the title is broken after 关于….
* org: the reporting body as written. Candidates: a 版头 line that is an organisation name, the body
  named in the title (蓟州区民政局2022年…), the 来源 line of a web copy, the signature at the end, the
  subject of the opening sentence (2023年，清城区民政局坚持…). When one candidate is a fuller form of
  another (天津市蓟州区民政局 / 蓟州区民政局) the fuller one wins. A body written without its place
  (区民政局) is completed with a place the text names unambiguously next to the same body name
  (重庆市九龙坡区民政局行政调解委员会 -> 九龙坡区民政局).
* year: the work year: from the title, else the opening sentence (2023年，…), else the first heading,
  else the year before the signing date.
* published: the 成文日期 on its own line near the end (after the signature), ISO; else a 发布时间/发布日期
  line (web copies; the publication date). Digits run together (2023314) are not read as a date.
* doc_number: a 发文字号 (兰民字〔2024〕8号) in the head of the document, before the title/body; numbers
  cited in the body are references to other documents and are ignored.
"""
from __future__ import annotations

import re
from datetime import date

from core.extraction import Meta, Section
from core.detect.meta_org import CHROME as _CHROME
from core.detect.meta_org import ORG_LINE as _ORG_LINE
from core.detect.meta_org import org_candidates, pick_org
from core.numerals import cn_to_int
from core.detect.text_norm import LINE_SPACE, fold_width, lines_with_offsets


_WS = LINE_SPACE
_TITLE_RX = re.compile(r"(报告|总结|情况)$|^关于")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_DATE_CN = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_DATE_CN_NUM = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                          r"\s*([一二三四五六七八九十]{1,3})\s*日")
_DATE_ISO = re.compile(r"((?:19|20)[0-9]{2})\s*[-./]\s*([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})(?![0-9])")
_PUBLISHED_LINE = re.compile(r"(发布|发文|印发|公开)(时间|日期)\s*[:：]?\s*")
_DOC_NO = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*((?:19|20)[0-9]{2})\s*"
                     r"[〕\]］】)）]\s*[0-9]{1,4}\s*号)")


def _iso(y, m, d) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


def _clean_lines(text: str) -> list[tuple[int, str]]:
    out = []
    for off, line in lines_with_offsets(text):
        lead = len(line) - len(line.lstrip(_WS))
        s = line.strip(_WS)
        if s:
            out.append((off + lead, s))
    return out


def _find_title(lines: list[tuple[int, str]], first_heading: int) -> tuple[str | None, int]:
    """(title, index of its last line) among the lines before the body; (None, -1) when absent."""
    title, idx = _find_title_lines(lines, first_heading)
    named = _NAME_LINE.search(title) if title else None
    if named:
        return named.group(1).strip(), idx
    if title is None:
        for _, s in lines[:40] + lines[-40:]:  # a web copy's 名称 field (the page lost the title line)
            m = _NAME_LINE.search(s)
            if m:
                return m.group(1).strip(), -1
    return title, idx


def _find_title_lines(lines: list[tuple[int, str]], first_heading: int) -> tuple[str | None, int]:
    for i, (off, s) in enumerate(lines[:30]):
        if off >= first_heading or (len(s) > 60 and "。" in s):
            break
        folded = fold_width(s)
        if len(s) > 60 or "。" in s or _CHROME.match(s):
            continue
        if s.startswith("关于") and not re.search(r"(报告|总结|情况|通知)$", s) and i + 1 < len(lines):
            nxt = lines[i + 1][1]
            if len(nxt) <= 30 and re.search(r"(报告|总结|情况)$", nxt) and "。" not in nxt:
                return s + nxt, i + 1
        if _TITLE_RX.search(s) and ("法治" in folded or "报告" in folded or "依法行政" in folded):
            return s, i
    return None, -1


_SIGNED_LINE = re.compile(r"成文(?:日期|时间)\s*[:：]?\s*")
_WEB_DATE_LINE = re.compile(r"(?:^|\s)(?:(?:发布|发文|印发|公开|更新)(?:时间|日期)|时间|日期)\s*[:：]\s*")


def _date_after(f: str, m: re.Match) -> str | None:
    rest = f[m.end():]
    d = _DATE_ISO.match(rest) or _DATE_CN.match(rest)
    return _iso(*d.groups()) if d else None


def _find_published(lines) -> str | None:
    """The report's own date: 成文日期 (web copies state it), else the date under the signature, else
    a date in brackets under the title, else the web page's 发布/更新 date (the publication date)."""
    for _, s in lines[:40] + lines[-40:]:
        if "成文" not in s:
            continue  # the cheap test first: folding every line is most of this function's time
        f = fold_width(s)
        m = _SIGNED_LINE.search(f)
        if m and _date_after(f, m):
            return _date_after(f, m)
    # signature date: a date alone on one of the last lines
    for _, s in reversed(lines[-15:]):
        f = fold_width(re.sub(r"\s+", "", s))
        if ("时间" in s or "日期" in s) and (_PUBLISHED_LINE.search(f) or _WEB_DATE_LINE.search(fold_width(s))):
            continue
        m = _DATE_CN.search(f)
        if m and m.end() == len(f) and (m.start() == 0 or _ORG_LINE.match(f[:m.start()])):
            iso = _iso(*m.groups())
            if iso:
                return iso
        m = _DATE_CN_NUM.fullmatch(f)
        if m:
            iso = _iso(cn_to_int(m.group(1)), cn_to_int(m.group(2)), cn_to_int(m.group(3)))
            if iso:
                return iso
    # a date in brackets under the title: （2024年2月2日）
    for _, s in lines[:8]:
        f = fold_width(re.sub(r"\s+", "", s))
        m = re.fullmatch(r"[(（]" + _DATE_CN.pattern + r"[)）]", f)
        if m:
            iso = _iso(*m.groups())
            if iso:
                return iso
    # web copy: 发布时间/发布日期/更新时间/时间/日期 (publication date)
    for _, s in lines[:15] + lines[-10:]:
        if "时间" not in s and "日期" not in s:
            continue
        f = fold_width(s)
        for rx in (_PUBLISHED_LINE, _WEB_DATE_LINE):
            m = rx.search(f)
            if m and _date_after(f, m):
                return _date_after(f, m)
    return None


_DOC_NO_LINE = re.compile(r"(?:^|\s)文号\s*[:：]\s*(\S[^\t]*?)\s*(?:\t|$|\s{2,})")
_BRACKETS = str.maketrans("[［【(（]］】)）", "〔〔〔〔〔〕〕〕〕〕")


def _normalise_doc_number(s: str) -> str:
    """兰民字[2024]8号 / 兰民字（2024）8号 -> 兰民字〔2024〕8号 (GB/T 9704 form)."""
    return re.sub(r"\s+", "", s).translate(_BRACKETS)


def _find_doc_number(lines, body_off: int) -> str | None:
    for off, s in lines[:30]:
        if off >= body_off:
            break
        m = _DOC_NO.search(s)
        if m:
            return _normalise_doc_number(m.group(1))
    for _, s in lines[:40] + lines[-40:]:  # a web copy's 文号 field
        m = _DOC_NO_LINE.search(s)
        if m:
            d = _DOC_NO.search(m.group(1))
            if d:
                return _normalise_doc_number(d.group(1))
    return None


_REVIEW = re.compile(r"^((?:19|20)[0-9]{2})\s*年\s*(?:主要)?工作回顾")
_GOV_WORK_REPORT = re.compile(r"政府工作报告|管委会工作报告|管理委员会工作报告|(?:管委会|政府)\d{0,4}年?工作报告")
_NAME_LINE = re.compile(r"(?:^|\s)(?:名称|标题)\s*[:：]\s*(\S.*?(?:报告|总结))\s*$")


def _gov_work_report(name: str) -> bool:
    """A 政府工作报告 is named for the congress that hears it and reviews the year before."""
    return bool(_GOV_WORK_REPORT.search(name)) and "法治" not in name


def _year_of_name(name: str) -> int | None:
    """Work year from a title or file name: 2023年…法治政府建设报告 -> 2023; 2021年…政府工作报告 -> 2020."""
    f = fold_width((name or "").replace("\\", "/").rsplit("/", 1)[-1])  # the file name, not its folders
    ys = _YEAR.findall(f) or re.findall(r"[_(（]((?:19|20)[0-9]{2})[)）]?(?:\.[A-Za-z0-9]+)?$", f)
    if not ys:
        return None
    y = int(ys[0])
    return y - 1 if _gov_work_report(f) else y


def _find_year(title, lines, title_idx, sections, published, source: str = "") -> int | None:
    for _, s in lines:
        if len(s) > 20 or "回顾" not in s:
            continue
        m = _REVIEW.match(fold_width(s))
        if m:
            return int(m.group(1))  # "2016年工作回顾": the year a 政府工作报告 reviews
    if title:
        y = _year_of_name(title)
        if y:
            return y
        m = re.search(r"([〇○零一二三四五六七八九]{4})\s*年", title)
        if m:
            return cn_to_int(m.group(1))
    body_start = title_idx + 1 if title_idx >= 0 else 0
    for _, s in lines[body_start:body_start + 8]:
        f = fold_width(s)
        m = re.match(r"^((?:19|20)[0-9]{2})\s*年(?!\s*[0-9]{1,2}\s*月)", f)
        if m:
            return int(m.group(1))
        if "。" in s:
            break  # only the opening paragraph
    for s in sections:
        if s.level == 1:
            ys = _YEAR.findall(fold_width(s.title))
            if ys:
                from core.detect.parts import part_kind

                y = int(ys[0])
                return y - 1 if part_kind(s.title) == "plan" else y
    if source and _year_of_name(source):
        return _year_of_name(source)
    if published:
        return int(published[:4]) - 1
    return None


def find_meta(text: str, sections: list[Section] | None = None, source: str = "") -> tuple[Meta, int]:
    """Metadata of the report and the offset where the body starts (after title/head lines)."""
    text = text or ""
    sections = sections or []
    lines = _clean_lines(text)
    first_heading = sections[0].start if sections else len(text) + 1
    title, title_idx = _find_title(lines, first_heading)
    meta = Meta()
    meta.title = title
    meta.org = pick_org(org_candidates(lines, title_idx, title, source), text, source)
    meta.published = _find_published(lines)
    head_end = next((off for off, s in lines if len(re.sub(r"\s+", "", s)) > 40 or "。" in s), len(text) + 1)
    meta.doc_number = _find_doc_number(lines, min(head_end, first_heading))
    meta.year = _find_year(title, lines, title_idx, sections, meta.published, source)
    return meta, (lines[title_idx][0] + len(lines[title_idx][1]) if title_idx >= 0 else 0)
