"""PDF import: PDFium characters, page by page, then the layout code; one box per character.

Engine: characters and boxes come from PDFium (:mod:`core.importers.pdf_chars`, about a tenth of
pdfminer's time with the same characters and pdfminer-compatible boxes). pdfplumber is still used
where it earns its place: its table finder on pages that draw ruling lines
(:mod:`core.importers.pdf_tables`), and as the cross-check in the tests and benchmarks.

Pages that cannot be trusted are handled per page, never silently:

* a page PDFium cannot load, or whose content stream fails to decode (:mod:`pdf_health`), is
  imported as far as it goes and named in a Chinese warning; when most pages are damaged the file
  is refused (``corrupt``);
* a page without a text layer (only images: a scan) or whose text layer is garbage (unmapped
  glyphs, private-use code points, mojibake) needs OCR. Its page number goes to
  ``Document.ocr_pages`` and its text is left out. With an ``ocr`` callback (see
  :data:`OcrPage`) those pages are filled from it instead; without one, a file in which *no* page
  has usable text is refused as a scan, as before.

Encryption policy: a PDF whose *user* password is empty opens for anyone; its owner password only
sets permission bits (no copying, no printing). The reviewer is the addressee reading the report,
not redistributing it, so such files are imported and a warning is added to ``Document.warnings``.
A PDF that needs a user password is refused (``encrypted``): we never guess passwords.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from collections.abc import Callable

from core.document import Document
from core.errors import Cancelled, ReportError
from core.importers import pdf_layout as layout
from core.importers.pdf_assemble import assemble

_CORRUPT = "PDF 文件已损坏或不完整（无法读取其内部结构），无法导入。请重新下载或向发文单位索取原文件。"
_SCANNED = "该 PDF 是扫描件（页面只有图片，没有文字层），无法提取文字。请先用 OCR 软件识别为可复制文字的 PDF 或 Word 后再导入。"

# OCR hook: called with (pdfium document, page index, (width, height) in pt) for each page in
# ``ocr_pages``; returns that page's characters as (text, x0, top, x1, bottom, size) tuples in
# points from the page's top left, the same form the text layer gives. Return [] to leave it empty.
OcrPage = Callable[[object, int, tuple[float, float]], list[tuple]]


@dataclass
class PdfPages:
    """What the page pass found, before paragraphs are built."""

    lines: list[list[layout.Line]] = field(default_factory=list)
    red: list[set[int]] = field(default_factory=list)  # per page: id() of lines printed in red
    sizes: list[tuple[float, float]] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)
    ocr_reasons: dict[int, str] = field(default_factory=dict)
    damaged: list[int] = field(default_factory=list)
    ocr_failed: list[int] = field(default_factory=list)  # pages the OCR callback could not read
    warnings: list[str] = field(default_factory=list)


def _open(path: str):
    """``(pdfium document, file bytes)``, opened with the empty password; failures as ReportError.

    The file is read once into memory: the stream check needs the bytes anyway, and PDFium then
    never has to open a path itself (non-ASCII and non-UTF-8 names work the same everywhere).
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise ReportError("not_found", f"无法读取文件：{path}（{exc.strerror or exc}）", path) from exc
    try:
        return pdfium.PdfDocument(data), data
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReportError("encrypted", "该 PDF 已加密，需要密码才能打开，无法导入。请向发文单位索取未加密的版本，或用 PDF 阅读器输入密码后另存为无密码的 PDF。", path) from exc
        raise ReportError("corrupt", _CORRUPT, path) from exc
    except Exception as exc:
        raise ReportError("corrupt", _CORRUPT, path) from exc


def _close_quietly(obj) -> None:
    """Close without letting a failing close() replace the error that is already on its way."""
    with contextlib.suppress(Exception):  # the original error (or success) matters more than close()
        obj.close()


def pages_needing_ocr(document: Document) -> list[int]:
    """0-based pages of an imported PDF whose text could not be read from its text layer."""
    return list(document.ocr_pages)


def read_pages(path: str, progress: Callable[[int, int], None] | None = None,
               ocr: OcrPage | None = None) -> PdfPages:
    """Characters -> lines for every page, with per-page health. Raises ReportError (no text at all)."""
    import pypdfium2 as pdfium_mod
    import pypdfium2.raw as pdfium_c

    from core.importers.pdf_chars import FontCache, read_page
    from core.importers.pdf_health import damaged_pages, garbage_reason
    from core.importers.pdf_tables import table_lines

    pdf, data = _open(path)
    out = PdfPages()
    held: list = []  # the page read last, closed once the next one has been read
    try:
        encrypted = pdfium_c.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1
        if encrypted:
            out.warnings.append("该 PDF 设有权限密码（禁止复制等），但无需密码即可阅读；已按审阅需要导入全文，请勿对外转载。")
        total = len(pdf)
        if total == 0:
            raise ReportError("empty", "PDF 中没有任何页面，没有可导入的内容。", path)
        damaged = set(damaged_pages(data, encrypted))
        if progress:
            progress(0, total)
        fonts = FontCache()  # font widths kept across pages: see FontCache for why a page stays open
        # Red print only marks the 版头 (masthead) on the first page with text (pdf_assemble), so
        # colours are read until a page has a line that is sure to stay (not a running header).
        colours = True
        for i in range(total):
            lines: list[layout.Line] = []
            red: set[int] = set()
            size = out.sizes[-1] if out.sizes else (595.0, 842.0)
            try:
                page = pdf[i]
            except pdfium_mod.PdfiumError:
                damaged.add(i)
                page = None
                fonts.forget()
            if page is not None:
                try:
                    width, height = page.get_size()
                    size = (float(width), float(height))
                    got = read_page(page, fonts, colours)
                    fonts.next_page()
                    reason = garbage_reason("".join([c[0] for c in got.chars])) if got.chars else None
                    if not got.chars and got.has_image:
                        reason = "页面只有图片，没有文字层"
                    if reason:
                        out.ocr_pages.append(i)
                        out.ocr_reasons[i] = reason
                        chars, flags = _ocr_page(ocr, pdf, i, size, out), []
                    else:
                        chars, flags = got.chars, got.red
                    lines, red = _page_lines(i, page, chars, flags, got.rules, table_lines)
                    colours = colours and not layout.outlasts_running(lines, size[1])
                except (Cancelled, ReportError):
                    raise
                except Exception:  # noqa: BLE001 - one unreadable page must not cost the others
                    damaged.add(i)
                    fonts.forget()
            while held:  # the page before: its fonts are not in the cache any more
                _close_quietly(held.pop())
            if page is not None:
                held.append(page)
            out.sizes.append(size)
            out.lines.append(lines)
            out.red.append(red)
            if progress:
                progress(i + 1, total)
    finally:
        for page in held:
            _close_quietly(page)
        _close_quietly(pdf)
    out.damaged = sorted(damaged)
    _health_warnings(path, out, total, ocr is not None)
    return out


def _ocr_page(ocr: OcrPage | None, pdf, i: int, size, out: PdfPages) -> list[tuple]:
    """The OCR callback's characters for page ``i``; a failing OCR leaves the page empty, named."""
    if ocr is None:
        return []
    try:
        return list(ocr(pdf, i, size))
    except Cancelled:
        raise
    except Exception:  # noqa: BLE001 - one page the OCR cannot read must not cost the whole report
        out.ocr_failed.append(i)
        return []


def _page_lines(i, page, chars, flags, rules, table_lines):
    """Lines of one page; text inside a ruled table keeps its cells (one line per cell)."""
    red_ids = {id(c) for c, r in zip(chars, flags, strict=False) if r}
    cells = table_lines(page, i, rules, chars) if chars else None
    if cells is not None:
        inside, lines = cells
        rest = [c for c in chars if id(c) not in inside]
        lines = sorted(lines + layout.group_lines(i, rest), key=lambda ln: (ln.top, ln.x0))
    else:
        lines = layout.group_lines(i, chars)
    lines = layout.reading_order(lines, float(page.get_width()))
    red = {id(ln) for ln in lines if ln.chars and sum(id(c) in red_ids for c in ln.chars) * 2 > len(ln.chars)} if red_ids else set()
    return lines, red


def _pages_text(pages: list[int]) -> str:
    shown = "、".join(str(i + 1) for i in pages[:10])
    return f"第 {shown}{' 等' if len(pages) > 10 else ''} 页"


def _health_warnings(path: str, out: PdfPages, total: int, has_ocr: bool) -> None:
    if out.damaged:
        if len(out.damaged) * 2 > total:
            raise ReportError("corrupt", f"PDF 共 {total} 页，其中 {len(out.damaged)} 页已损坏（{_pages_text(out.damaged)}），无法可靠导入。" + "请重新下载或向发文单位索取原文件。", path)
        out.warnings.append(f"PDF {_pages_text(out.damaged)}已损坏（内容数据无法完整解码），这些页的文字可能不全，请对照原件核对。")
    if out.ocr_failed:
        if not any(out.lines):
            raise ReportError("scanned", "该 PDF 没有可用的文字层，文字识别（OCR）也未能识别出内容，无法导入。", path)
        out.warnings.append(f"{_pages_text(out.ocr_failed)}需要文字识别（OCR），但识别失败，这些页的内容未能导入，请对照原件核对。")
    if not any(out.lines):
        if out.ocr_pages and not has_ocr:
            if all(out.ocr_reasons.get(i) == "页面只有图片，没有文字层" for i in out.ocr_pages):
                raise ReportError("scanned", _SCANNED, path)
            raise ReportError("scanned", "该 PDF 的文字层无法识别（字体缺少文字编码或为乱码），无法提取文字。请先用 OCR 软件识别后再导入。", path)
        raise ReportError("empty", "PDF 中没有任何文字，没有可导入的内容。", path)
    if out.ocr_pages and not has_ocr:
        scans = [i for i in out.ocr_pages if out.ocr_reasons[i] == "页面只有图片，没有文字层"]
        junk = [i for i in out.ocr_pages if i not in scans]
        if scans:
            out.warnings.append(f"{_pages_text(scans)}只有图片、没有文字层（可能是扫描页），这些页的内容未能导入，需要文字识别（OCR）。")
        if junk:
            out.warnings.append(f"{_pages_text(junk)}的文字层无法识别（{out.ocr_reasons[junk[0]]}），为免显示乱码未导入这些页的文字，需要文字识别（OCR）。")


AUTO = "auto"  # load_pdf's default: OCR the pages that need it when OCR is installed (core.ocr)


def load_pdf(path: str, progress: Callable[[int, int], None] | None = None,
             ocr: OcrPage | str | None = AUTO) -> Document:
    """Import a PDF; pages without a usable text layer are read by OCR (``ocr=None``: left out).

    Raises ReportError for encrypted, broken and (without OCR) scanned files.
    """
    reader = None
    page_ocr: OcrPage | None
    if isinstance(ocr, str):  # AUTO
        from core.ocr import pdf_reader

        page_ocr = reader = pdf_reader(path)
    else:
        page_ocr = ocr
    try:
        pages = read_pages(path, progress, page_ocr)
    except ReportError as exc:
        if reader is not None and reader.unavailable and exc.code == "empty":
            raise ReportError("scanned", "该 PDF 是扫描件，但本机无法加载文字识别（OCR）组件，无法提取文字。"
                              "请重新安装本程序，或先用其他 OCR 软件识别后再导入。", path) from exc
        raise
    layout.remove_running(pages.lines, [h for _, h in pages.sizes])
    doc = assemble(path, pages.lines, pages.red, pages.sizes, pages.warnings)
    doc.ocr_pages = list(pages.ocr_pages)
    if reader is not None:
        reader.finish(doc)
    return doc
