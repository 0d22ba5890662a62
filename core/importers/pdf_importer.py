"""PDF import with pdfplumber: page by page, one box per character, headers/footers removed.

Speed: ``page.chars`` is parsed once per page (the same layout pass ``extract_text`` needs) and
grouped here in plain Python, so the import costs about what ``extract_text`` costs. Each page is
closed after use so a 500-page report does not keep every parsed page in memory.

Encryption policy: a PDF whose *user* password is empty opens for anyone; its owner password only
sets permission bits (no copying, no printing). The reviewer is the addressee reading the report,
not redistributing it, so such files are imported and a warning is added to ``Document.warnings``.
A PDF that needs a user password is refused (``encrypted``): we never guess passwords.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable

from core.document import Block, CharBoxes, Document
from core.errors import Cancelled, ReportError
from core.importers import pdf_layout as layout

_CORRUPT = "PDF 文件已损坏或不完整（无法读取其内部结构），无法导入。请重新下载或向发文单位索取原文件。"


def _open(path: str):
    """Open with the empty password; map pdfminer's failures to ReportError."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(path, password="")
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if isinstance(inner, PDFPasswordIncorrect) or "password" in type(inner).__name__.lower():
            raise ReportError("encrypted", "该 PDF 已加密，需要密码才能打开，无法导入。请向发文单位索取未加密的版本，或用 PDF 阅读器输入密码后另存为无密码的 PDF。", path) from exc
        raise ReportError("corrupt", _CORRUPT, path) from exc
    except Exception as exc:  # pdfminer raises many unrelated types (PSEOF, PDFSyntaxError, ...) on bad input
        raise ReportError("corrupt", _CORRUPT, path) from exc


def _page_chars(page) -> tuple[list[layout.Char], bool]:
    """The page's characters as plain tuples, and whether it has images (for scan detection)."""
    chars = []
    for c in page.chars:
        text = c["text"]
        if text.startswith("(cid:"):
            text = "\ufffd"  # a glyph without a Unicode mapping: keep a visible placeholder
        chars.append((text, c["x0"], c["top"], c["x1"], c["bottom"], c["size"]))
    return chars, bool(page.objects.get("image"))


def load_pdf(path: str, progress: Callable[[int, int], None] | None = None) -> Document:
    """Import a text PDF. Raises ReportError for encrypted, scanned (no text layer) and broken files."""
    pdf = _open(path)
    warnings: list[str] = []
    pages: list[list[layout.Line]] = []
    sizes: list[tuple[float, float]] = []
    image_only: list[int] = []
    try:
        if getattr(pdf.doc, "encryption", None):
            warnings.append("该 PDF 设有权限密码（禁止复制等），但无需密码即可阅读；已按审阅需要导入全文，请勿对外转载。")
        try:
            total = len(pdf.pages)
        except Cancelled:
            raise
        except Exception as exc:  # pdfminer raises many types on a broken page tree
            raise ReportError("corrupt", _CORRUPT, path) from exc
        if total == 0:
            raise ReportError("empty", "PDF 中没有任何页面，没有可导入的内容。", path)
        if progress:
            progress(0, total)
        for i in range(total):
            try:
                page = pdf.pages[i]
                sizes.append((float(page.width), float(page.height)))
                chars, has_image = _page_chars(page)
                page.close()  # drop this page's parsed objects: 500 pages must not pile up
            except Cancelled:
                raise
            except ReportError:
                raise
            except Exception as exc:
                raise ReportError("corrupt", f"PDF 第 {i + 1} 页已损坏，无法读取。" + _CORRUPT, path) from exc
            if not chars and has_image:
                image_only.append(i)
            pages.append(layout.group_lines(i, chars))
            if progress:
                progress(i + 1, total)
    finally:
        pdf.close()
    if not any(pages):
        if image_only:
            raise ReportError("scanned", "该 PDF 是扫描件（页面只有图片，没有文字层），无法提取文字。请先用 OCR 软件识别为可复制文字的 PDF 或 Word 后再导入。", path)
        raise ReportError("empty", "PDF 中没有任何文字，没有可导入的内容。", path)
    if image_only:
        shown = "、".join(str(i + 1) for i in image_only[:10]) + ("等" if len(image_only) > 10 else "")
        warnings.append(f"第 {shown} 页只有图片、没有文字层（可能是扫描页），这些页的内容未能导入。")
    layout.remove_running(pages, [h for _, h in sizes])
    return _assemble(path, layout.paragraphs(pages), sizes, warnings)


def _assemble(path: str, paras: list[list[layout.Line]], sizes, warnings: list[str]) -> Document:
    """Build text, per-character boxes and one block per paragraph."""
    parts: list[str] = []
    boxes = CharBoxes()
    blocks: list[Block] = []
    pos = 0
    line_no: dict[int, int] = {}
    body_size = _body_size(paras)
    seen_heading = False
    for para in paras:
        if parts:
            parts.append("\n")
            boxes.append_none()
            pos += 1
        start = pos
        first = para[0]
        for k, ln in enumerate(para):
            if k and layout.needs_space(para[k - 1].text, ln.text):
                parts.append(" ")
                boxes.append_none()
                pos += 1
            for ch, c in layout.split_tabs(ln):
                parts.append(ch)
                if c is None:
                    boxes.append_none()
                else:
                    boxes.append(ln.page, c[1], c[2], c[3], c[4])
                pos += 1
        kind = "paragraph"
        if layout.HEADING.match(first.text):
            kind = "heading"
            seen_heading = True
        elif not seen_heading and first.size >= body_size + 2:
            kind = "title"  # large type before the first heading: 发文机关标志 / title lines
        index = line_no.get(first.page, 0)
        blocks.append(Block(start=start, end=pos, kind=kind, index=index, page=first.page))
        for ln in para:
            line_no[ln.page] = line_no.get(ln.page, 0) + 1
    text = "".join(parts)
    unknown = text.count("\ufffd")
    if unknown:
        warnings.append(f"有 {unknown} 个字符在 PDF 中没有文字编码（字体缺少映射），已显示为“\ufffd”，请对照原文核对。")
    return Document(source=path, format="pdf", text=text, blocks=blocks, boxes=boxes,
                    page_sizes=list(sizes), warnings=warnings)


def _body_size(paras: list[list[layout.Line]]) -> float:
    """The most common type size (by characters): body text, against which titles stand out."""
    counts: Counter[float] = Counter()
    for para in paras:
        for ln in para:
            counts[ln.size] += len(ln.chars)
    return counts.most_common(1)[0][0] if counts else 0.0
