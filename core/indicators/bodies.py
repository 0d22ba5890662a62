"""Telling reporting bodies apart across years: 重庆市渝中区民政局 (2023) and 渝中区民政局 (2024) are
one body; 区民政局 with no place is matched only when the match is unique.

A body's key is ``place|body``: the innermost place named (省/市/区/县 … with the level word
dropped, so 渝中区 and 渝中 agree) and what is left of the name (民政局, 人民政府). A reviewer's
alias (``body_aliases`` table, ``Store.set_body_alias``) overrides the key when the rule is wrong.
"""
from __future__ import annotations

import re

# Level words that end a place name. 乡/镇/街道 are left out: they occur inside body names
# (住房和城乡建设局) far more often than as the place of a reporting body.
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,7}?)(自治区|自治州|特别行政区|省|市|州|盟|新区|区|县|旗)")
_NOISE = re.compile(r"[\s\u3000（）()“”\"'·]")
_BARE_LEVEL = re.compile(r"^(?:本|我)?(?:省|市|区|县|旗)")
# Words that begin a body, not a place: 市场监督管理局 must not read as a place "市场".
_BODY_STARTS = ("市场", "区域", "县域", "市政", "市容", "城市")
_SYNONYMS = (("人民政府", "政府"), ("管理委员会", "管委会"))


def _split(name: str) -> tuple[str, str]:
    s = _NOISE.sub("", name or "")
    for long, short in _SYNONYMS:
        s = s.replace(long, short)
    place = ""
    pos = 0
    while True:
        if s.startswith(_BODY_STARTS, pos):
            break
        m = _PLACE.match(s, pos)
        if not m or (m.end() >= len(s) and place):
            break
        if m.end() == len(s):  # the whole rest is a place: a government named by its place
            place, pos = m.group(1), m.end()
            break
        place, pos = m.group(1), m.end()
    body = s[pos:]
    if not place:
        body = _BARE_LEVEL.sub("", body)
    return place, body or "政府"


def body_key(name: str | None) -> str:
    """``place|body`` for a reporting body's name; ``|body`` when no place is named."""
    if not name or not name.strip():
        return "|未识别单位"
    place, body = _split(name)
    return f"{place}|{body}"


def resolve(key: str, aliases: dict[str, str]) -> str:
    """Follow reviewer aliases (a chain of at most a few steps; a loop stops where it began)."""
    seen = {key}
    while key in aliases:
        nxt = body_key(aliases[key]) if "|" not in aliases[key] else aliases[key]
        if nxt in seen:
            break
        seen.add(nxt)
        key = nxt
    return key


def match_placeless(keys: set[str]) -> dict[str, str]:
    """``|民政局`` → ``渝中|民政局`` when exactly one body of that name has a place."""
    placed: dict[str, list[str]] = {}
    for k in keys:
        place, body = k.split("|", 1)
        if place:
            placed.setdefault(body, []).append(k)
    out = {}
    for k in keys:
        place, body = k.split("|", 1)
        if not place and len(placed.get(body, [])) == 1:
            out[k] = placed[body][0]
    return out
