"""Headings of the report's outline (GB/T 9704 numbering: 一、 → （一） → 1. → （1）).

A heading starts a line (after any indentation). Its title is the rest of the line, or, when the
heading runs inline into the body, the text before the first 。. ``start``/``end`` span marker+title.
``一是/二是`` enumerations are not headings (the numeral must be followed by a marker punctuation).

Level-1 headings whose marker is broken (``、存在问题``) or missing (a bare line
``2023年推进法治政府建设的主要安排``) are found by meaning: a short line without sentence punctuation
whose words name a required part (core.detect.parts.part_kind), in a document that otherwise has
numbered level-1 headings, after the first of them, and naming a part no numbered level-1 heading
already carries. A document with no level-1 numbering at all (bold unnumbered part headings) gets its
level-1 outline from such lines when they name at least two different parts. Title lines (关于…的报告)
are never headings.
"""
from __future__ import annotations

import re

from core.extraction import Section
from core.detect.text_norm import LINE_SPACE, lines_with_offsets

_CN = "一二三四五六七八九十"
_WS = LINE_SPACE

# (level, regex) tried in order on the line after its indentation; group "m" is the marker.
_PATTERNS = [
    (1, re.compile(rf"(?P<m>第[{_CN}]{{1,3}}部分[、，,.．:：]?\s*)")),
    (1, re.compile(rf"(?P<m>[{_CN}]{{1,3}}\s*[、，,.．](?![{_CN}]是)\s*)")),
    (2, re.compile(rf"(?P<m>[（(]\s*[{_CN}]{{1,3}}\s*[）)][、，,.．]?\s*)")),
    (4, re.compile(r"(?P<m>[（(]\s*[0-9０-９]{1,2}\s*[）)][、，,.．]?\s*)")),
    (3, re.compile(r"(?P<m>[0-9０-９]{1,3}\s*(?:[、]|[.．](?![0-9０-９])))")),
    (4, re.compile(r"(?P<m>[0-9０-９]{1,2}[)）]\s*)")),
    (4, re.compile(r"(?P<m>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*)")),
]
_BROKEN = re.compile(r"(?P<m>[、，,.．]\s*)")
_SENTENCE_PUNCT = set("。；;！!？?：:")
_TITLE_LINE = re.compile(r"^(关于.*|.*(报告|情况|总结))$")
MAX_BARE_LEN = 40
_PARAGRAPH_END = set("。！!？?：:；;”』」）)")


def _title_span(line: str, pos: int) -> tuple[int, int]:
    """Title within ``line`` from ``pos``: up to the first 。 or the line end, trailing spaces dropped."""
    stop = line.find("。", pos)
    end = len(line) if stop < 0 else stop
    while end > pos and line[end - 1] in _WS:
        end -= 1
    return pos, end


_MARKER_START = frozenset(_CN + "第（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")


def _numbered(offset: int, line: str) -> Section | None:
    lead = len(line) - len(line.lstrip(_WS))
    body = line[lead:]
    if not body or body[0] not in _MARKER_START:
        return None
    for level, rx in _PATTERNS:
        m = rx.match(body)
        if not m:
            continue
        marker = m.group("m").rstrip(_WS)
        t0, t1 = _title_span(line, lead + m.end())
        if t1 <= t0:
            return None  # a bare marker with no title is not a heading
        return Section(level=level, marker=marker, title=line[t0:t1], start=offset + lead,
                       end=offset + t1)
    return None


def _bare_candidate(offset: int, line: str, report_year: int | None) -> tuple[Section, str] | None:
    from core.detect.parts import may_name_a_part, part_kind

    if len(line) > MAX_BARE_LEN + 40 or not may_name_a_part(line):
        return None
    lead = len(line) - len(line.lstrip(_WS))
    body = line[lead:].rstrip(_WS)
    if not body or len(body) > MAX_BARE_LEN:
        return None
    m = _BROKEN.match(body)
    marker = m.group("m").rstrip(_WS) if m else ""
    title = body[m.end():] if m else body
    if len(title) < 2 or any(c in _SENTENCE_PUNCT or c in "，," for c in title) or title.startswith(("我", "今年")):
        return None
    if (_TITLE_LINE.match(title) and "报告" in title) or title.startswith("关于"):
        return None
    if not "\u4e00" <= title[0] <= "\u9fff" and not title[0].isdigit():
        return None
    kind = part_kind(title, report_year)
    if kind is None:
        return None
    start = offset + lead
    title_start = start + (m.end() if m else 0)
    return Section(level=1, marker=marker, title=title, start=start, end=title_start + len(title)), kind


def find_sections(text: str, report_year: int | None = None) -> list[Section]:
    """All headings in document order (kinds are set later by core.detect.parts)."""
    sections: list[Section] = []
    bare: list[tuple[Section, str]] = []
    # a bare candidate must open a paragraph: not the continuation of a wrapped line (PDF text)
    opens = True
    seen_text = False
    for offset, line in lines_with_offsets(text or ""):
        stripped = line.strip(_WS)
        s = _numbered(offset, line)
        if s is not None:
            sections.append(s)
        elif opens and stripped and seen_text:  # the first line is the title or the issuing body
            c = _bare_candidate(offset, line, report_year)
            if c is not None:
                bare.append(c)
        if stripped:
            seen_text = True
            opens = s is not None or stripped[-1] in _PARAGRAPH_END or len(stripped) < 20
        else:
            opens = True
    numbered_l1 = [s for s in sections if s.level == 1]
    if bare and not numbered_l1 and not any(c[0].marker for c in bare):
        # no 一、 at all (bold unnumbered part headings in Word): standalone lines that name at least two
        # different parts are the level-1 outline
        if len({kind for _, kind in bare}) >= 2:
            taken: set[str] = set()
            for s, kind in bare:
                if kind not in taken:
                    taken.add(kind)
                    sections.append(s)
            sections.sort(key=lambda s: s.start)
        return sections
    if bare and (numbered_l1 or any(c[0].marker for c in bare)):
        from core.detect.parts import classify_title

        taken = {classify_title(s.title, report_year) for s in numbered_l1}
        first = min([s.start for s in numbered_l1] + [c[0].start for c in bare if c[0].marker])
        for s, kind in bare:
            if s.start < first or kind in taken:
                continue
            if not s.marker and not numbered_l1:
                continue
            taken.add(kind)
            sections.append(s)
        sections.sort(key=lambda s: s.start)
    return sections
