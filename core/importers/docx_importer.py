"""DOCX import with python-docx: body paragraphs and tables in body order, Word numbers included.

Walks ``<w:body>`` directly instead of ``doc.paragraphs`` (which skips tables) and reads each
table row's own ``<w:tc>`` elements instead of ``row.cells`` (which repeats a merged cell once per
grid column). Headers and footers live in other parts and are never read. Text of a paragraph
comes from its runs, hyperlinks, fields and tracked insertions, but not from text boxes, text
moved away or deleted in tracked changes, or the
``mc:Fallback`` copy of a drawing (Word stores that content twice).

Text layout: one line per paragraph; a table row is one line with its cells separated by a tab
(a cell holding several paragraphs keeps them on separate lines); empty paragraphs are left out.
"""
from __future__ import annotations

import re
import zipfile
from collections.abc import Callable

from lxml import etree

from core.document import Block, Document
from core.errors import ReportError
from core.importers.docx_numbering import IntReader, Numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
P, TBL, SDT, TR, TC = (f"{{{W}}}{t}" for t in ("p", "tbl", "sdt", "tr", "tc"))
_T, _TAB, _BR, _CR = (f"{{{W}}}{t}" for t in ("t", "tab", "br", "cr"))
_VAL = f"{{{W}}}val"

# Text-bearing nodes of a paragraph, except those inside text boxes / fallback duplicates / nested
# paragraphs (a text box's own w:p). w:tab inside w:pPr/w:tabs is a tab stop, not a tab character.
_TEXT_NODES = etree.XPath(
    ".//w:t[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback) and not(ancestor::w:moveFrom)]"
    " | .//w:r/w:tab[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback) and not(ancestor::w:moveFrom)]"
    " | .//w:r/w:br[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback) and not(ancestor::w:moveFrom)]"
    " | .//w:r/w:cr[not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback) and not(ancestor::w:moveFrom)]",
    namespaces=NS,
)
_HEADING_TEXT = re.compile(r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[)）]|\d+[.．、](?!\d))")
_ON = {None, "1", "true", "on"}


def _para_text(p) -> tuple[str, int, int]:
    """``(text, bold_chars, all_chars)`` of a ``w:p``."""
    parts: list[str] = []
    bold = total = 0
    for node in _TEXT_NODES(p):
        tag = node.tag
        if tag == _T:
            s = node.text or ""
            rpr = node.getparent().find(f"{{{W}}}rPr")
            b = rpr.find(f"{{{W}}}b") if rpr is not None else None
            if b is not None and b.get(_VAL) in _ON:
                bold += len(s)
            total += len(s)
        elif tag == _TAB:
            s = "\t"
        else:
            s = "\n"  # w:br / w:cr: a manual line break inside the paragraph
        parts.append(s)
    return "".join(parts), bold, total


class _Builder:
    def __init__(self, doc) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.read_int = IntReader()  # counts attribute values that are not integers
        self.numbering = Numbering(doc, self.read_int)
        self.style_names: dict[str, str] = {}
        for st in doc.styles.element.findall(f"{{{W}}}style"):
            name = st.find(f"{{{W}}}name")
            self.style_names[st.get(f"{{{W}}}styleId")] = (name.get(_VAL) if name is not None else "") or ""
        self.tables = 0
        self.seen_heading = False

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def paragraph_text(self, p) -> tuple[str, bool, str]:
        text, bold, total = _para_text(p)
        label = self.numbering.label(p)
        ppr = p.find(f"{{{W}}}pPr")
        style = ""
        if ppr is not None:
            ps = ppr.find(f"{{{W}}}pStyle")
            style = self.style_names.get(ps.get(_VAL), "") if ps is not None else ""
        return label + text, total > 0 and bold * 2 >= total, style

    def _kind(self, p, text: str, style: str) -> str:
        low = style.lower()
        if low in ("title", "标题") and not self.seen_heading:
            return "title"
        if low.startswith(("heading", "标题")) or _HEADING_TEXT.match(text):
            self.seen_heading = True
            return "heading"
        if not self.seen_heading:
            # 公文 titles: centred, large (>= 18 pt) type before the first heading
            ppr = p.find(f"{{{W}}}pPr")
            jc = ppr.find(f"{{{W}}}jc") if ppr is not None else None
            sizes = [self.read_int(s.get(_VAL), 0) for s in p.iterfind(f".//{{{W}}}rPr/{{{W}}}sz")]
            if jc is not None and jc.get(_VAL) == "center" and sizes and max(sizes) >= 36:
                return "title"
        return "paragraph"

    def paragraph(self, p, index: int) -> None:
        text, bold, style = self.paragraph_text(p)
        if not text.strip():
            return
        if self.parts:
            self.add("\n")
        start, end = self.add(text)
        kind = self._kind(p, text, style)
        self.blocks.append(Block(start=start, end=end, kind=kind, index=index, bold=bold))

    def _cell_text(self, tc) -> str:
        lines: list[str] = []
        for child in tc:
            if child.tag == P:
                text = self.paragraph_text(child)[0]
                if text.strip():
                    lines.append(text)
            elif child.tag == TBL:  # nested table: its rows become lines of this cell
                for tr in child.iter(TR):
                    lines.append("\t".join(self._cell_text(c) for c in tr.findall(TC)))
        return "\n".join(lines)

    def table(self, tbl, index: int) -> None:
        t = self.tables
        self.tables += 1
        for r, tr in enumerate(tbl.findall(TR)):
            cells: list[tuple[int, str]] = []
            col = 0
            for tc in tr.findall(TC):
                tcpr = tc.find(f"{{{W}}}tcPr")
                span, continued = 1, False
                if tcpr is not None:
                    gs = tcpr.find(f"{{{W}}}gridSpan")
                    span = self.read_int(gs.get(_VAL), 1, 1, 64) if gs is not None else 1
                    vm = tcpr.find(f"{{{W}}}vMerge")
                    continued = vm is not None and vm.get(_VAL) in (None, "continue")
                if not continued:  # a vertically merged cell's text lives in its first row only
                    cells.append((col, self._cell_text(tc)))
                col += span
            if not any(text.strip() for _, text in cells):
                continue
            if self.parts:
                self.add("\n")
            for k, (c, text) in enumerate(cells):
                if k:
                    self.add("\t")
                start, end = self.add(text)
                if end > start:  # an empty cell (e.g. one holding only a picture) has no text to map
                    self.blocks.append(Block(start=start, end=end, kind="cell", index=index, cell=(t, r, c)))

    def body(self, container, counter: list[int]) -> None:
        for child in container:
            i = counter[0]
            counter[0] += 1
            if child.tag == P:
                self.paragraph(child, i)
            elif child.tag == TBL:
                self.table(child, i)
            elif child.tag == SDT:  # block-level content control: its content is ordinary body
                content = child.find(f"{{{W}}}sdtContent")
                if content is not None:
                    self.body(content, counter)


def load_docx(path: str, progress: Callable[[int, int], None] | None = None) -> Document:
    """Import a .docx report (python-docx for the package, lxml for the body walk)."""
    import docx  # python-docx; imported here so TXT/PDF imports don't load it
    from docx.opc.exceptions import PackageNotFoundError

    if progress:
        progress(0, 1)
    try:
        d = docx.Document(path)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, etree.XMLSyntaxError, ValueError, EOFError,
            NotImplementedError, AttributeError, IndexError) as exc:  # every way a damaged package fails
        raise ReportError("corrupt", "Word 文档已损坏（文件不完整或内部结构无效），无法打开。请重新获取原文件或在 Word 中打开后另存。", path) from exc
    b = _Builder(d)
    b.body(d.element.body, [0])
    text = "".join(b.parts)
    if not text.strip():
        raise ReportError("empty", "Word 文档正文中没有任何文字，没有可导入的内容。", path)
    warnings = []
    if b.read_int.invalid:
        warnings.append(f"Word 文档中有 {b.read_int.invalid} 处格式数值无效（如合并单元格跨度、编号级别），"
                        "已按默认值处理；表格列位置或自动编号可能与原文不同，请对照原件核对。")
    if progress:
        progress(1, 1)
    return Document(source=path, format="docx", text=text, blocks=b.blocks, warnings=warnings)
