"""Synthetic reports (Document + Extraction) for store tests, crash workers and benches.

They do not depend on the importers or the detector, so the store can be tested on its own.
"""
from __future__ import annotations

from pathlib import Path

from core.document import Block, CharBoxes, Document
from core.extraction import Extraction, Figure, Meta, Section

_PARTS = [
    ("一、", "主要举措和成效", "measures"),
    ("二、", "存在的不足和原因", "shortcomings"),
    ("三、", "党政主要负责人履行推进法治建设第一责任人职责情况", "leader_duty"),
    ("四、", "下一年度主要安排", "plan"),
]
_SENTENCES = [
    ("全年审核规范性文件{n}件，", "规范性文件审核", "件"),
    ("组织学法活动{n}次，", "学法活动", "次"),
    ("培训执法人员{n}人次，", "培训执法人员", "人次"),
    ("办理行政复议案件{n}件。", "行政复议案件", "件"),
]


def sample_report(seed: int = 0, figures_per_part: int = 4, pdf: bool = False,
                  source: str = "sample.txt") -> tuple[Document, Extraction]:
    """A four-part report; ``seed`` makes the text (hence the SHA-256) unique."""
    text = ""
    sections: list[Section] = []
    figures: list[Figure] = []
    blocks: list[Block] = []

    def add_line(line: str, kind: str = "paragraph") -> int:
        nonlocal text
        start = len(text)
        text += line + "\n"
        blocks.append(Block(start, start + len(line), kind, len(blocks), 0 if pdf else None))
        return start

    add_line(f"某区司法局2024年法治政府建设年度报告（样本{seed}）", "title")
    for marker, title, kind in _PARTS:
        start = add_line(marker + title, "heading")
        sections.append(Section(1, marker, title, start, start + len(marker + title), kind))
        sub_marker, sub_title = "（一）", "重点工作"
        start = add_line(sub_marker + sub_title, "heading")
        sections.append(Section(2, sub_marker, sub_title, start,
                                start + len(sub_marker + sub_title)))
        line = ""
        line_start = len(text)
        for i in range(figures_per_part):
            template, subject, unit = _SENTENCES[i % len(_SENTENCES)]
            number = str(seed * 100 + len(figures) + 1)
            before, after = template.split("{n}")
            f_start = line_start + len(line) + len(before)
            line += before + number + after
            figures.append(Figure(f_start, f_start + len(number) + len(unit), number + unit,
                                  int(number), unit, None, subject, len(sections) - 1))
        add_line(line)
    boxes = None
    if pdf:
        boxes = CharBoxes()
        for i, ch in enumerate(text):
            if ch == "\n":
                boxes.append_none()
            else:
                boxes.append(i // 500, float(i % 40) * 10, float(i // 40) * 12, float(i % 40) * 10 + 9,
                             float(i // 40) * 12 + 11)
    doc = Document(source=source, format="pdf" if pdf else "txt", text=text, blocks=blocks,
                   boxes=boxes, page_sizes=[(595.0, 842.0)] if pdf else [])
    ext = Extraction(source=source, format=doc.format, text=text,
                     meta=Meta(org="某区司法局", year=2024, title="2024年法治政府建设年度报告"),
                     sections=sections, missing_parts=[], figures=figures)
    return doc, ext


def write_sample(folder: Path, seed: int, **kw) -> tuple[Path, Document, Extraction]:
    """Write the sample's text as a file (so it has a SHA-256 and an original to copy)."""
    path = folder / f"sample_{seed:04d}.txt"
    doc, ext = sample_report(seed, source=str(path), **kw)
    path.write_text(doc.text, encoding="utf-8")
    return path, doc, ext
