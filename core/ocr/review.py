"""Notes for the reviewer about OCR'd text, and figures read from weak OCR lines.

The notes go to the document's / extraction's warnings, which the store keeps with the report,
so a flag survives reopening without a schema change.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from core.document import Document

if TYPE_CHECKING:
    from core.extraction import Extraction
    from core.ocr.reader import PdfOcr

# Lines of clean print come back at 0.97-1.0; garbled lines (a seal, a smudge, a fold) at 0.5-0.9.
LOW_CONFIDENCE = 0.90
_MAX_LISTED = 12


def _pages(pages: list[int]) -> str:
    shown = "、".join(str(i + 1) for i in pages[:10])
    return f"第 {shown}{' 等' if len(pages) > 10 else ''} 页"


def ocr_warnings(document: Document, reader: PdfOcr) -> list[str]:
    notes = []
    read = sorted(reader.pages)
    if read:
        confs = [ln["confidence"] for p in read for ln in reader.pages[p].lines]
        mean = sum(confs) / len(confs) if confs else 0.0
        notes.append(f"{_pages(read)}没有可用的文字层，文字由本机文字识别（OCR）得到（平均置信度 {mean:.2f}），"
                     "个别字词和数字可能有误，请对照原件核对。")
        seals = sum(reader.pages[p].seals for p in read)
        if seals:
            notes.append(f"识别前已去除 {seals} 处红色印章（印章下的文字照常识别），印章内的文字未识别。")
    if reader.failed:
        notes.append(f"{_pages(sorted(reader.failed))}文字识别失败，这些页的内容未能导入，请对照原件。")
    if reader.unavailable:
        notes.append("本机无法加载文字识别（OCR）组件，扫描页的内容未能导入。请重新安装本程序，或先用其他 OCR 软件识别后再导入。")
    return notes


def flag_weak_figures(document: Document, extraction: Extraction) -> list[str]:
    """Warnings naming the figures that sit on an OCR line below ``LOW_CONFIDENCE``."""
    spans = [s for s in getattr(document, "ocr_lines", []) if s.confidence < LOW_CONFIDENCE]
    if not spans:
        return []
    weak = []
    for fig in extraction.figures:
        for s in spans:
            if s.start < fig.end and fig.start < s.end:
                weak.append((s.page, fig.text, s.confidence))
                break
    if not weak:
        return []
    listed = "；".join(f"第 {p + 1} 页“{text}”（置信度 {c:.2f}）" for p, text, c in weak[:_MAX_LISTED])
    more = f" 等 {len(weak)} 处" if len(weak) > _MAX_LISTED else ""
    return [f"以下数字所在行的文字识别（OCR）置信度偏低，请对照原件重点核对：{listed}{more}。"]
