"""The one document model every importer produces.

``Document.text`` is what detection runs on and what every offset indexes (Python ``str`` indices).
Where each character came from in the original is kept in two compact layers:

* ``blocks``: the paragraphs / table rows / text lines of the original, each a text range with its
  origin (TXT line number, DOCX body paragraph or table cell, PDF page).
* ``boxes`` (PDF only): one box per text character, in PDF points with the origin at the page's top
  left (pdfplumber's ``x0, top, x1, bottom``). Characters the importer inserted (line ends, a joining
  space) have page ``-1``. Arrays, not objects, so a 500-page report stays small in memory and can be
  stored as bytes.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field

FORMATS = ("txt", "docx", "pdf")


@dataclass
class Block:
    """A unit of the original: a paragraph, table cell or text line, mapped to ``text[start:end]``.

    kind: ``paragraph`` | ``heading`` | ``title`` | ``cell`` | ``line``; PDF also ``masthead`` (版头),
    ``signature`` (落款) and ``colophon`` (版记/附注) — see core.importers.pdf_assemble.
    index: TXT line number (0-based) / DOCX body-element index / PDF line number on its page.
    cell: DOCX ``(table, row, column)`` for table cells, else None.
    page: PDF page (0-based), else None.
    bold: the DOCX paragraph is (mostly) bold, so the viewer can keep that look.
    """

    start: int
    end: int
    kind: str = "paragraph"
    index: int = 0
    page: int | None = None
    cell: tuple[int, int, int] | None = None
    bold: bool = False


@dataclass
class CharBoxes:
    """Per-character PDF boxes, parallel to ``Document.text``; page -1 means no box."""

    page: array = field(default_factory=lambda: array("h"))
    x0: array = field(default_factory=lambda: array("f"))
    top: array = field(default_factory=lambda: array("f"))
    x1: array = field(default_factory=lambda: array("f"))
    bottom: array = field(default_factory=lambda: array("f"))

    def append(self, page: int, x0: float, top: float, x1: float, bottom: float) -> None:
        self.page.append(page)
        self.x0.append(x0)
        self.top.append(top)
        self.x1.append(x1)
        self.bottom.append(bottom)

    def append_none(self) -> None:
        self.append(-1, 0.0, 0.0, 0.0, 0.0)

    def __len__(self) -> int:
        return len(self.page)

    def rects(self, start: int, end: int) -> list[tuple[int, float, float, float, float]]:
        """Boxes of ``text[start:end]`` merged per printed line: ``(page, x0, top, x1, bottom)``.

        Characters on one page whose vertical extents overlap are one line; the viewer draws one
        rectangle per line so a highlight that wraps shows as two boxes, never one huge one.
        """
        out: list[list[float]] = []
        for i in range(max(start, 0), min(end, len(self.page))):
            p = self.page[i]
            if p < 0:
                continue
            x0, t, x1, b = self.x0[i], self.top[i], self.x1[i], self.bottom[i]
            if out:
                last = out[-1]
                same_line = last[0] == p and t < last[4] and b > last[2]
                if same_line:
                    last[1] = min(last[1], x0)
                    last[2] = min(last[2], t)
                    last[3] = max(last[3], x1)
                    last[4] = max(last[4], b)
                    continue
            out.append([p, x0, t, x1, b])
        return [(int(r[0]), r[1], r[2], r[3], r[4]) for r in out]

    def to_bytes(self) -> bytes:
        """Serialise for storage: five arrays back to back, page first."""
        n = len(self.page)
        return n.to_bytes(8, "little") + b"".join(
            a.tobytes() for a in (self.page, self.x0, self.top, self.x1, self.bottom)
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> CharBoxes:
        n = int.from_bytes(data[:8], "little")
        boxes = cls()
        pos = 8
        for name, code in (("page", "h"), ("x0", "f"), ("top", "f"), ("x1", "f"), ("bottom", "f")):
            arr = array(code)
            size = n * arr.itemsize
            arr.frombytes(data[pos : pos + size])
            pos += size
            setattr(boxes, name, arr)
        return boxes


@dataclass
class OcrSpan:
    """Text read by OCR: ``text[start:end]`` is (part of) one recognised line on ``page``."""

    start: int
    end: int
    page: int
    confidence: float  # the recogniser's line confidence, 0-1


@dataclass
class Document:
    """An imported report: its plain text and where each character came from."""

    source: str  # path of the original file as given
    format: str  # one of FORMATS
    text: str
    blocks: list[Block] = field(default_factory=list)
    boxes: CharBoxes | None = None  # PDF only
    page_sizes: list[tuple[float, float]] = field(default_factory=list)  # PDF (width, height) in pt
    encoding: str | None = None  # TXT only: the encoding that decoded the file
    warnings: list[str] = field(default_factory=list)  # Chinese notes for the reviewer
    # PDF: 0-based pages whose text layer is missing (a scan) or unusable (unmapped glyphs,
    # mojibake). Their text is not in ``text``; an OCR step may fill them (core.importers.pdf_importer).
    ocr_pages: list[int] = field(default_factory=list)
    # Text that OCR filled in for those pages, per printed line with its confidence (core.ocr).
    ocr_lines: list[OcrSpan] = field(default_factory=list)

    def block_at(self, offset: int) -> Block | None:
        """The block holding text offset ``offset`` (binary search; blocks are in text order)."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            b = self.blocks[mid]
            if offset < b.start:
                hi = mid - 1
            elif offset >= b.end:
                lo = mid + 1
            else:
                return b
        return None

    def page_of(self, offset: int) -> int | None:
        """PDF page (0-based) of the character at ``offset``, or None when unknown / not a PDF."""
        if self.boxes is not None and 0 <= offset < len(self.boxes):
            p = self.boxes.page[offset]
            if p >= 0:
                return int(p)
        b = self.block_at(offset)
        return b.page if b else None
