"""Required parts found by heading or, where no heading names them, by a paragraph that covers them.

``core.detect.parts`` classifies headings only, so a report that writes its 第一责任人 duty in a
paragraph under （一） gets a false "missing". Here every part gets evidence a reviewer can check:

* by heading: the heading that carries the part (its kind, or its words: 存在的问题及下一步打算 names two);
* by content: the first paragraph whose words cover the part (patterns below, strong ones only — a
  stray 仍需加强 is not a shortcomings part), with the words that matched and the heading it sits under.

A required part with neither is a ``part`` check. The fifth part (其他需要报告的情况) is optional: it is
listed when present and never reported as missing.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass

from core.checks.base import Check, make
from core.detect.parts import kinds_named, top_level
from core.detect.text_norm import fold_width, lines_with_offsets
from core.extraction import PART_KINDS, PART_LABELS

OPTIONAL = "other"
LABELS = {**PART_LABELS, OPTIONAL: "其他需要报告的情况"}

# Words that cover a part in running text. Each is specific to the part: they name the part's topic,
# not just any judgement (仍需/有待 alone appear in measures paragraphs too).
_CONTENT = {
    "leader_duty": re.compile(r"第一责任人|党政主要负责人|主要负责人[^。；]{0,16}(?:履行|落实|切实)[^。；]{0,16}"
                              r"(?:职责|责任)|一把手[^。；]{0,12}(?:法治|责任)"),
    "shortcomings": re.compile(r"(?:存在|仍有|还有|也有|面临)[^。；]{0,16}(?:问题|不足|短板|差距|薄弱环节|困难)|"
                               r"不足之处|短板弱项|薄弱环节|差距和不足|问题和不足"),
    "plan": re.compile(r"下一步|下一年度|下步工作|明年|工作打算|工作思路|工作计划|重点工作安排|主要安排"),
    "measures": re.compile(r"主要举措|主要做法|工作成效|取得[^。；]{0,8}成效|开展[^。；]{0,20}工作|"
                           r"一是[^。；]{2,}二是"),
}
_OTHER_HEADING = re.compile(r"其他需要报告|其他情况|其他事项")
_MIN_PARAGRAPH = 20  # a title or heading line is not a paragraph


@dataclass
class PartEvidence:
    kind: str
    label: str
    present: bool
    how: str | None  # "heading" | "content" | None
    start: int | None = None  # span of the heading or of the matched words in the paragraph
    end: int | None = None
    why: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def _heading_evidence(text: str, sections, kind: str) -> PartEvidence | None:
    top = top_level(sections)
    for s in sections:
        named = kinds_named(s.title) if s.level == top else set()
        if s.kind == kind or kind in named:
            heading = f"{s.marker}{s.title}".strip()
            return PartEvidence(kind, LABELS[kind], True, "heading", s.start, s.end,
                                f"标题“{heading}”写明了{LABELS[kind]}")
    if kind == OPTIONAL:
        for s in sections:
            if s.level == top and _OTHER_HEADING.search(fold_width(s.title)):
                return PartEvidence(kind, LABELS[kind], True, "heading", s.start, s.end,
                                    f"标题“{s.marker}{s.title}”写明了其他需要报告的情况")
    return None


def _paragraphs(text: str, sections) -> list[tuple[int, str]]:
    """(start, width-folded line) of body lines that are not headings."""
    heading_starts = {s.start for s in sections}
    out = []
    for off, line in lines_with_offsets(fold_width(text)):  # folding keeps offsets
        stripped = line.strip()
        if len(stripped) < _MIN_PARAGRAPH:
            continue
        lead = off + len(line) - len(line.lstrip())
        if lead in heading_starts and len(stripped) < 60:
            continue  # a heading line (long headings that run into the body still count as body)
        out.append((off, line))
    return out


def _under(sections, pos: int) -> str:
    starts = [s.start for s in sections]
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return "正文开头"
    s = sections[i]
    return f"“{s.marker}{s.title[:24]}”之下"


def _plan_pattern(year: int | None) -> re.Pattern:
    if not year:
        return _CONTENT["plan"]
    nxt = year + 1
    return re.compile(_CONTENT["plan"].pattern + rf"|{nxt}\s*年[^。；]{{0,8}}(?:将|要|继续|重点|计划|力争)")


def _content_evidence(text: str, paragraphs, sections, kind: str,
                      year: int | None) -> PartEvidence | None:
    pattern = _plan_pattern(year) if kind == "plan" else _CONTENT[kind]
    for off, line in paragraphs:
        m = pattern.search(line)
        if m:
            start, end = off + m.start(), off + m.end()
            snippet = text[off + max(0, m.start() - 8):off + min(len(line), m.end() + 12)].strip()
            why = (f"没有标题写明{LABELS[kind]}，但{_under(sections, off)}的段落写到“{snippet}”"
                   f"（关键词“{text[start:end]}”），涵盖这一部分")
            return PartEvidence(kind, LABELS[kind], True, "content", start, end, why)
    return None


def find_parts(text: str, sections, year: int | None = None) -> list[PartEvidence]:
    """Evidence for each of the five parts (four required, in PART_KINDS order, then the optional)."""
    out = []
    paragraphs = None
    for kind in (*PART_KINDS, OPTIONAL):
        ev = _heading_evidence(text, sections, kind)
        if ev is None and kind != OPTIONAL:
            paragraphs = _paragraphs(text, sections) if paragraphs is None else paragraphs
            ev = _content_evidence(text, paragraphs, sections, kind, year)
        out.append(ev or PartEvidence(kind, LABELS[kind], False, None, None, None,
                                      "标题和正文中都没有找到" if kind != OPTIONAL else "未写（可选）"))
    return out


def check_parts(text: str, sections, year: int | None = None,
                evidence: list[PartEvidence] | None = None) -> list[Check]:
    if not text.strip():
        return []  # an empty report is a form problem, not five missing parts
    evidence = evidence if evidence is not None else find_parts(text, sections, year)
    out = []
    for ev in evidence:
        if ev.present or ev.kind == OPTIONAL:
            continue
        msg = f"缺少必备部分：{ev.label}（标题和正文段落中都没有找到相关内容）"
        chk = make("part", msg, text, 0, 0, detail={"part": ev.kind})
        out.append(chk)
    return out
