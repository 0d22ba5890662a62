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
from collections import Counter
from datetime import date

from core.extraction import Meta, Section
from core.detect.numbers import parse_chinese
from core.detect.text_norm import fold_width, lines_with_offsets


def cn_to_int(s: str) -> int | None:
    """Chinese numerals in dates: 二〇二三 (digit by digit), 十二, 三十一."""
    return parse_chinese(s.replace("○", "〇"), positional=True)

_WS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "\ufeff\u200b"
_ORG_SUFFIX = r"(?:局|委员会|委|办公室|办|人民政府|政府|厅|院|中心|署|所|站|管委会|管理委员会)"
_ORG_LINE = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,30}}?{_ORG_SUFFIX}$")
_ADMIN = "省市区县州旗盟镇乡"
_ORG_IN = re.compile(rf"[\u4e00-\u9fff]{{1,20}}?{_ORG_SUFFIX}")
_TITLE_RX = re.compile(r"(报告|总结|情况)$|^关于")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_DATE_CN = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_DATE_CN_NUM = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                          r"\s*([一二三四五六七八九十]{1,3})\s*日")
_DATE_ISO = re.compile(r"((?:19|20)[0-9]{2})\s*[-./]\s*([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})(?![0-9])")
_PUBLISHED_LINE = re.compile(r"(发布|发文|印发|公开)(时间|日期)\s*[:：]?\s*")
_DOC_NO = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*((?:19|20)[0-9]{2})\s*"
                     r"[〕\]］】)）]\s*[0-9]{1,4}\s*号)")
_CHROME = re.compile(r"^(当前位置|来源|发布|浏览|字号|打印|关闭|分享|附件|【|\[|Produced|索引号|信息来源|作者)")
_NOT_ORG_START = tuple("在按据对为向经由与和及于以把将被从")


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


def _org_from_title(title: str) -> str | None:
    t = title[2:] if title.startswith("关于") else title
    m = re.match(rf"^([\u4e00-\u9fff（）()]{{2,30}}?{_ORG_SUFFIX})(?=(关于)?[0-9０-９〇一二]{{4}}|关于|法治|推进|依法)", t)
    return m.group(1) if m else None


def _org_after(text: str) -> str | None:
    m = _ORG_IN.match(text)
    if not m:
        return None
    org = m.group(0)
    nxt = text[m.end():m.end() + 1]
    if org.startswith(_NOT_ORG_START) or nxt in ("、", "，", ",", "。", "和", "与", "及"):
        return None
    if org.startswith(("我", "本")) or not any(c in _ADMIN for c in org[:-1]):
        return None  # 我局 / a body without a place is not a name
    return org


_PLACE_STOP = frozenset(_ADMIN + "省的了和与及在对为是到至向从由经赴将把被让同跟给")


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _complete_place(org: str, text: str) -> str | None:
    """区民政局 -> 九龙坡区民政局 when the text names the place next to the same body name, unambiguously."""
    if not org or org[0] not in _ADMIN:
        return None
    places: Counter = Counter()
    for m in re.finditer(re.escape(org), text):
        i = j = m.start()
        while j > 0 and _is_cjk(text[j - 1]) and text[j - 1] not in _PLACE_STOP and i - j < 6:
            j -= 1
        place = text[j:i]
        # the place must start cleanly: text start, a bracket/punctuation, a higher division (重庆市), or a
        # function word (成立了…); a run of six characters with more before it is not a place name
        if 2 <= len(place) and (j == 0 or not _is_cjk(text[j - 1]) or text[j - 1] in _PLACE_STOP):
            places[place] += 1
    if len(places) == 1:
        return next(iter(places)) + org
    return None


def _org_candidates(lines, title_idx, title, text) -> list[str]:
    cands: list[str] = []
    head = lines[:title_idx] if title_idx >= 0 else lines[:3]
    for _, s in head:
        s2 = re.sub(r"\s+", "", s)
        s2 = re.sub(r"(文件|函|简报)$", "", s2)  # 版头 "XX局文件"
        if _ORG_LINE.match(s2) and not _CHROME.match(s2):
            cands.append(s2)
    if title:
        o = _org_from_title(title)
        if o:
            cands.append(o)
    for _, s in lines[:30]:
        m = re.match(r"^(?:(?:信息)?来源|发布机构|发文机关)\s*[:：]\s*([\u4e00-\u9fff（）()]{2,30}?" + _ORG_SUFFIX + ")", s)
        if m:
            cands.append(m.group(1))
    # signature: an organisation line among the last lines, usually just before the date
    for _, s in lines[-12:]:
        s2 = re.sub(r"\s+", "", s)
        if _ORG_LINE.match(s2) and not _CHROME.match(s2) and len(s2) <= 30:
            cands.append(s2)
    # opening sentence: 2023年，清城区民政局坚持……
    body_start = title_idx + 1 if title_idx >= 0 else 0
    for _, s in lines[body_start:body_start + 8]:
        m = re.match(r"^(?:(?:19|20)[0-9]{2}\s*年度?|今年|一年来|过去一年)(?:以来)?[,，]?\s*", fold_width(s))
        if m:
            o = _org_after(s[m.end():])
            if o:
                cands.append(o)
            break
        if "。" in s:
            break  # only the opening paragraph
    return cands


def _pick_org(cands: list[str], text: str) -> str | None:
    if not cands:
        return None
    best = cands[0]
    for c in cands[1:]:
        if c != best and c.endswith(best):
            best = c  # fuller form of the same body
    if best[0] in _ADMIN:
        fuller = next((c for c in cands if c.endswith(best) and c != best), None)
        best = fuller or _complete_place(best, text) or best
    return best


def _find_published(lines) -> str | None:
    # 成文日期: a date alone on one of the last lines
    for _, s in reversed(lines[-15:]):
        f = fold_width(re.sub(r"\s+", "", s))
        if _PUBLISHED_LINE.search(f):
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
    # web copy: 发布时间/发布日期 (publication date)
    for _, s in lines[:15] + lines[-10:]:
        f = fold_width(s)
        m = _PUBLISHED_LINE.search(f)
        if m:
            rest = f[m.end():]
            d = _DATE_ISO.match(rest) or _DATE_CN.match(rest)
            if d:
                iso = _iso(*d.groups())
                if iso:
                    return iso
    return None


def _find_doc_number(lines, body_off: int) -> str | None:
    for off, s in lines[:30]:
        if off >= body_off:
            break
        m = _DOC_NO.search(s)
        if m:
            return re.sub(r"\s+", "", m.group(1))
    return None


def _find_year(title, lines, title_idx, sections, published) -> int | None:
    if title:
        ys = _YEAR.findall(fold_width(title))
        if ys:
            return int(ys[0])
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
    if published:
        return int(published[:4]) - 1
    return None


def find_meta(text: str, sections: list[Section] | None = None) -> tuple[Meta, int]:
    """Metadata of the report and the offset where the body starts (after title/head lines)."""
    text = text or ""
    sections = sections or []
    lines = _clean_lines(text)
    first_heading = sections[0].start if sections else len(text) + 1
    title, title_idx = _find_title(lines, first_heading)
    meta = Meta()
    meta.title = title
    meta.org = _pick_org(_org_candidates(lines, title_idx, title, text), text)
    meta.published = _find_published(lines)
    head_end = next((off for off, s in lines if len(re.sub(r"\s+", "", s)) > 40 or "。" in s), len(text) + 1)
    meta.doc_number = _find_doc_number(lines, min(head_end, first_heading))
    meta.year = _find_year(title, lines, title_idx, sections, meta.published)
    return meta, (lines[title_idx][0] + len(lines[title_idx][1]) if title_idx >= 0 else 0)
