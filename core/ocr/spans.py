"""Which parts of an imported document were read by OCR, line by line, with their confidence.

The OCR characters go through the same layout code as text-layer characters (lines, paragraphs,
running headers removed), so the text offsets of an OCR line are only known afterwards. Each OCR
character carries its line's top/bottom as its box; matching the document's character boxes back
to the recognised lines gives, per printed line, ``(start, end, page, confidence)``.
"""
from __future__ import annotations

from bisect import bisect_left

from core.document import Document, OcrSpan
from core.ocr.page import OcrPageText

_TOL = 0.3  # pt: boxes are stored as float32


def ocr_spans(document: Document, pages: dict[int, OcrPageText]) -> list[OcrSpan]:
    boxes = document.boxes
    if boxes is None or not pages:
        return []
    index = {p: _LineIndex(page) for p, page in pages.items()}
    spans: list[OcrSpan] = []
    current: tuple[int, int] | None = None  # (page, line number) of the open span
    for i in range(len(boxes)):
        p = boxes.page[i]
        found = None
        if p in index:
            k = index[p].find(boxes.top[i], (boxes.x0[i] + boxes.x1[i]) / 2)
            if k is not None:
                found = (p, k)
        if found is None:
            current = None
            continue
        if found == current and spans[-1].end == i:
            spans[-1].end = i + 1
        else:
            line = pages[found[0]].lines[found[1]]
            spans.append(OcrSpan(i, i + 1, found[0], float(line["confidence"])))
            current = found
    return spans


class _LineIndex:
    """Lines of one OCR page, searchable by a character's top and x centre."""

    def __init__(self, page: OcrPageText) -> None:
        order = sorted(range(len(page.lines)), key=lambda k: page.lines[k]["top"])
        self.tops = [page.lines[k]["top"] for k in order]
        self.lines = [(k, page.lines[k]["x0"], page.lines[k]["x1"]) for k in order]

    def find(self, top: float, x: float) -> int | None:
        j = bisect_left(self.tops, top - _TOL)
        while j < len(self.tops) and self.tops[j] <= top + _TOL:
            k, x0, x1 = self.lines[j]
            if x0 - 1 <= x <= x1 + 1:
                return k
            j += 1
        return None
