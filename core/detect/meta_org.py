"""The reporting body (报告单位) of a report: candidates from every place a body is named, then one pick.

Candidates, in order of trust: a 版头 line that is an organisation name; the body named in the title
(蓟州区民政局2022年…); the 来源/发布机构 line of a web copy; the signature at the end; the opening
sentence (2023年，清城区民政局坚持… / 在区委的坚强领导下，区司法局…); "我代表宝安区人民政府向大会…";
and, when the text names no body at all, the file name (深圳市光明区人民政府关于…的报告.docx).
A fuller form of the same body wins (天津市蓟州区民政局 over 蓟州区民政局), and a body written with
its own place only (宝安区人民政府, 区民政局) is completed with a higher place the text or the file
name writes right before it, when that is unambiguous. 法治政府 is a subject of the report, never
a body; 街道办事处, 镇/乡人民政府 are bodies.
"""
from __future__ import annotations

import re
from collections import Counter

from core.detect.text_norm import fold_width
from core.lazy_re import lazy

ORG_SUFFIX = (r"(?:局|委员会|委|办公室|街道办事处|办事处|街道办|办|人民政府|政府|厅|院|中心|署|所|站|管委会|管理委员会"
              r"|街道|镇|乡)")
ORG_LINE = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,30}}?{ORG_SUFFIX}$")
ADMIN = "省市区县州旗盟镇乡"
_ORG_IN = lazy(rf"[\u4e00-\u9fff]{{1,20}}?{ORG_SUFFIX}(?![\u4e00-\u9fff]{{0,2}}(?:建设|工作|领导))")
_NOT_ORG_START = tuple("在按据对为向经由与和及于以把将被从")
_NEVER_ORG = ("法治政府", "法治", "依法治")
CHROME = re.compile(r"^(当前位置|来源|发布|浏览|字号|打印|关闭|分享|附件|【|\[|Produced|索引号|信息来源|作者)")
_LEADERSHIP = re.compile(r"^在[^，,。]{2,40}?(?:的)?(?:坚强|正确|有力)?(?:领导|指导|关心|支持)下[,，]\s*")
_I_REPRESENT = re.compile(r"我代表(国务院|[\u4e00-\u9fff]{2,30}?(?:人民政府|政府|管委会|管理委员会|委员会|局|办事处))")
_OPENING = re.compile(r"^(?:(?:19|20)[0-9]{2}\s*年度?|今年|一年来|过去一年)(?:以来)?[,，]?\s*")
_SOURCE_LINE = re.compile(r"(?:^|\s)(?:(?:信息)?来源|发布机构|发文机关)\s*[:：]\s*([\u4e00-\u9fff（）()]{2,30}?"
                          + ORG_SUFFIX + ")")
_DATE_LINE = re.compile(r"^(?:(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日|[〇○零一二]{4}年.{1,3}月.{1,3}日)$")
_FILE_YEAR = re.compile(r"(?:19|20)[0-9]{2}年度?|[_-](?:19|20)[0-9]{2}$|[（(](?:19|20)[0-9]{2}[)）]")


def is_body(org: str) -> bool:
    return bool(org) and not any(w in org for w in _NEVER_ORG) and not org.startswith(("我", "本", "各"))


def org_from_title(title: str) -> str | None:
    t = title[2:] if title.startswith("关于") else title
    m = re.match(rf"^([\u4e00-\u9fff（）()]{{2,30}}?{ORG_SUFFIX})(?=(关于)?[0-9０-９〇一二]{{4}}|关于|法治|推进|依法)", t)
    return m.group(1) if m and is_body(m.group(1)) else None


def org_after(text: str) -> str | None:
    """A body named at the start of ``text`` (the subject of an opening sentence)."""
    m = _ORG_IN.match(text)
    if not m:
        return None
    org = m.group(0)
    nxt = text[m.end():m.end() + 1]
    if org.startswith(_NOT_ORG_START) or nxt in ("、", "，", ",", "。", "和", "与", "及"):
        return None
    if not is_body(org) or not any(c in ADMIN for c in org[:-1]):
        return None  # 我局 / a body without a place is not a name
    return org


def org_from_file_name(name: str) -> str | None:
    """深圳市光明区人民政府关于2021年度…的报告_2022.txt -> 深圳市光明区人民政府;
    大鹏新区2023年管理委员会工作报告 -> 大鹏新区管理委员会 (the year dropped)."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name.replace("\\", "/").rsplit("/", 1)[-1])
    stem = _FILE_YEAR.sub("", stem)
    stem = re.sub(r"^[0-9０-９_\-\s]+", "", stem)
    m = re.match(rf"([\u4e00-\u9fff]{{2,30}}?{ORG_SUFFIX})(?=关于|法治|年度|工作报告|政府工作|依法|在|[\u4e00-\u9fff]{{0,3}}(?:长|主任))",
                 stem)
    if m and is_body(m.group(1)) and any(c in ADMIN + "新" for c in m.group(1)[:-1]):
        return m.group(1)
    return None


_PLACE_STOP = frozenset(ADMIN + "省的了和与及在对为是到至向从由经赴将把被让同跟给我代表村委各")
_LEADING_FUNCTION = "在于向对和与及我村的是"


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def complete_place(org: str, text: str) -> str | None:
    """区民政局 -> 九龙坡区民政局 when the text names the place next to the same body name, unambiguously."""
    if not org or org[0] not in ADMIN:
        return None
    places: Counter = Counter()
    for m in re.finditer(re.escape(org), text):
        i = j = m.start()
        while j > 0 and _is_cjk(text[j - 1]) and text[j - 1] not in _PLACE_STOP and i - j < 6:
            j -= 1
        place = text[j:i]
        # the place must start cleanly: text start, a bracket/punctuation, a higher division (重庆市), or a
        # function word (成立了…); a run of six characters with more before it is not a place name
        if len(place) >= 2 and (j == 0 or not _is_cjk(text[j - 1]) or text[j - 1] in _PLACE_STOP):
            places[place] += 1
    if len(places) == 1:
        return next(iter(places)) + org
    return None


def _higher_place(org: str, text: str) -> str | None:
    """宝安区人民政府 -> 深圳市宝安区人民政府 when ``text`` writes 深圳市宝安区… and no other city."""
    m = re.match(r"^([\u4e00-\u9fff]{2,4}?[区县旗])", org)
    if not m or org[0] in ADMIN:
        return None
    cities = {c.lstrip(_LEADING_FUNCTION) for c in
              re.findall(rf"([\u4e00-\u9fff]{{2,3}}[市省州盟])(?={re.escape(m.group(1))})", text)}
    cities = {c for c in cities if len(c) >= 3}
    return next(iter(cities)) + org if len(cities) == 1 else None


def _place_from_file(org: str, from_file: str | None) -> str | None:
    """省人民政府 + file 广东省政府工作报告 -> 广东省人民政府; 区人民政府 + 坪山区政府… -> 坪山区人民政府."""
    if not from_file or org[0] not in from_file[:-1]:
        return None
    place = from_file[: from_file.rindex(org[0], 0, len(from_file) - 1) + 1]
    return place[:-1] + org if len(place) >= 3 else None


def org_candidates(lines, title_idx: int, title: str | None, source: str = "") -> list[str]:
    cands: list[str] = []
    head = lines[:title_idx] if title_idx >= 0 else lines[:3]
    for _, s in head:
        s2 = re.sub(r"\s+", "", s)
        s2 = re.sub(r"(文件|函|简报)$", "", s2)  # 版头 "XX局文件"
        if ORG_LINE.match(s2) and not CHROME.match(s2) and is_body(s2):
            cands.append(s2)
    if title:
        o = org_from_title(title)
        if o:
            cands.append(o)
    for _, s in lines[:30] + lines[-30:]:
        m = _SOURCE_LINE.search(s)
        if m and is_body(m.group(1)):
            cands.append(m.group(1))
    # signature: an organisation line at the very end or just above a date line (a task table's
    # last cell, 团区委 or 文体局, is not a signature)
    tail = lines[-12:]
    for k, (_, s) in enumerate(tail):
        s2 = re.sub(r"\s+", "", s)
        nxt = re.sub(r"\s+", "", tail[k + 1][1]) if k + 1 < len(tail) else ""
        signed = k >= len(tail) - 3 or _DATE_LINE.match(nxt)
        if ORG_LINE.match(s2) and not CHROME.match(s2) and len(s2) <= 30 and is_body(s2) and signed:
            cands.append(s2)
    # opening sentence: 2023年，清城区民政局坚持…… / 在区委的坚强领导下，区司法局……
    body_start = title_idx + 1 if title_idx >= 0 else 0
    for _, s in lines[body_start:body_start + 8]:
        f = fold_width(s)
        m = _OPENING.match(f)
        rest = f[m.end():] if m else f
        lead = _LEADERSHIP.match(rest)
        if lead:
            rest = rest[lead.end():]
        if m or lead:
            o = org_after(rest)
            if o:
                cands.append(o)
            break
        if "。" in s:
            break  # only the opening paragraph
    # "我代表宝安区人民政府向大会作工作报告"
    for _, s in lines[:8]:
        m = _I_REPRESENT.search(s)
        if m and is_body(m.group(1)):
            cands.append(m.group(1))
            break
    return cands


def pick_org(cands: list[str], text: str, source: str = "") -> str | None:
    from_file = org_from_file_name(source) if source else None
    if not cands:
        return from_file
    best = cands[0]
    for c in cands[1:]:
        if c != best and c.endswith(best):
            best = c  # fuller form of the same body
    if from_file and from_file != best and from_file.endswith(best):
        best = from_file
    if best[0] in ADMIN:
        fuller = next((c for c in cands if c.endswith(best) and c != best), None)
        best = fuller or complete_place(best, text) or _place_from_file(best, from_file) or best
    else:
        best = _higher_place(best, text + "\n" + (source or "")) or best
    return best
