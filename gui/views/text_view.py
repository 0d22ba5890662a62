"""Read-only text view of a report: paragraphs, DOCX tables and bold headings, or the plain
extracted text; the same highlights as the PDF view.

Qt positions are UTF-16; everything this view emits or accepts is ``str`` offsets into
``Document.text``. A segment table maps each document block to where its text starts in the
QTextDocument, so tables and inserted paragraph breaks never shift offsets.
"""
from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtGui import (QBrush, QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument, QTextTableFormat)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QToolTip

from core.document import Document
from gui.text_offsets import Utf16Index
from gui.views.highlights import HEADING_OUTLINE, Highlight, figure_at, fill_color
from gui.views.text_highlighter import SpanHighlighter


class _TextViewLogic:
    """What both text views share; mixed into a QTextEdit or a QPlainTextEdit below."""

    def _setup(self, plain: bool) -> None:
        self._plain = plain
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.viewport().setMouseTracking(True)
        self._text = ""
        self._u16 = Utf16Index("")
        self._seg_start: list[int] = []  # document offset of each segment
        self._seg_end: list[int] = []
        self._seg_view: list[int] = []  # QTextDocument position of each segment
        self._highlights: list[Highlight] = []
        self._span_index: dict[int, int] = {}  # figure id -> index in the highlighter's spans
        self._refresh_pending = False
        self._hl: SpanHighlighter | None = None
        self._selected_id: int | None = None
        self._flash_id: int | None = None
        self._flash_ticks = 0
        self._flash_timer = QTimer(self, interval=150, timeout=self._flash_step)
        self.selectionChanged.connect(self._emit_selection)

    # --- building ---------------------------------------------------------------------------
    def set_document(self, document: Document) -> None:
        self._text = document.text
        self._u16 = Utf16Index(document.text)
        doc = self._new_document()
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 11))
        doc.setDefaultFont(font)
        doc.setUndoRedoEnabled(False)
        if self._plain or not document.blocks:
            doc.setPlainText(document.text)
            self._set_segments([(0, len(document.text), 0)])
        else:
            self._set_segments(self._build_rich(doc, document))
        self._highlights = []
        self._span_index = {}
        self.setDocument(doc)  # Qt deletes the previous document: it is this view's child
        self._hl = SpanHighlighter(doc, self._format_for)

    def _new_document(self) -> QTextDocument:
        return QTextDocument(self)

    def _set_segments(self, segs: list[tuple[int, int, int]]) -> None:
        segs.sort()
        self._seg_start = [s for s, _, _ in segs]
        self._seg_end = [e for _, e, _ in segs]
        self._seg_view = [v for _, _, v in segs]

    def _build_rich(self, doc: QTextDocument, document: Document) -> list[tuple[int, int, int]]:
        text = document.text
        cur = QTextCursor(doc)
        segs: list[tuple[int, int, int]] = []
        plain_fmt = QTextCharFormat()
        bold_fmt = QTextCharFormat()
        bold_fmt.setFontWeight(QFont.Weight.Bold)
        body = QTextBlockFormat()
        body.setBottomMargin(6)
        title = QTextBlockFormat(body)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        first = True
        blocks = document.blocks
        i = 0
        while i < len(blocks):
            b = blocks[i]
            if b.cell is not None:  # a run of cells of one table
                j = i
                while j < len(blocks) and blocks[j].cell and blocks[j].cell[0] == b.cell[0]:
                    j += 1
                cells = blocks[i:j]
                if not first:
                    cur.insertBlock(body)
                rows = max(c.cell[1] for c in cells) + 1
                cols = max(c.cell[2] for c in cells) + 1
                tf = QTextTableFormat()
                tf.setCellPadding(4)
                tf.setBorder(0.8)
                tf.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
                table = cur.insertTable(rows, cols, tf)
                for c in cells:
                    cc = table.cellAt(c.cell[1], c.cell[2]).lastCursorPosition()
                    if cc.position() != table.cellAt(c.cell[1], c.cell[2]).firstPosition():
                        cc.insertText(" ")
                    segs.append((c.start, c.end, cc.position()))
                    cc.insertText(text[c.start:c.end], bold_fmt if c.bold else plain_fmt)
                cur.movePosition(QTextCursor.MoveOperation.End)
                first = False
                i = j
                continue
            if not first:
                cur.insertBlock(title if b.kind == "title" else body)
            elif b.kind == "title":
                cur.setBlockFormat(title)
            first = False
            segs.append((b.start, b.end, cur.position()))
            # whole-paragraph bold only for titles and short bold lines (run-in headings are
            # marked by the heading highlight, not by bolding the paragraph they start)
            heading = b.kind == "title" or (b.bold and b.end - b.start <= 60)
            cur.insertText(text[b.start:b.end].replace("\n", " "),
                           bold_fmt if heading else plain_fmt)
            i += 1
        return segs

    # --- offsets ----------------------------------------------------------------------------
    def view_pos(self, offset: int) -> int:
        """QTextDocument position of ``str`` offset ``offset``."""
        k = bisect_right(self._seg_start, offset) - 1
        if k < 0:
            return 0
        offset = min(offset, self._seg_end[k])
        return self._seg_view[k] + self._u16.to_utf16(offset) - self._u16.to_utf16(self._seg_start[k])

    def doc_offset(self, pos: int) -> int:
        """``str`` offset of QTextDocument position ``pos``."""
        k = bisect_right(self._seg_view, pos) - 1
        if k < 0:
            return 0
        base16 = self._u16.to_utf16(self._seg_start[k])
        off = self._u16.from_utf16(base16 + pos - self._seg_view[k])
        return min(off, self._seg_end[k])

    def selection(self) -> tuple[int, int] | None:
        """The selected text as ``str`` offsets ``(start, end)``, or None."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        a, b = self.doc_offset(c.selectionStart()), self.doc_offset(c.selectionEnd())
        return (a, b) if b > a else None

    def set_selection(self, start: int, end: int) -> None:
        c = QTextCursor(self.document())
        c.setPosition(self.view_pos(start))
        c.setPosition(self.view_pos(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)

    def _emit_selection(self) -> None:
        self.textSelectionChanged.emit(*(self.selection() or (-1, -1)))

    # --- highlights -------------------------------------------------------------------------
    def set_highlights(self, highlights: list[Highlight]) -> None:
        self._highlights = list(highlights)
        # painted a moment later (15 ms, so input and timers get a turn in between): building a
        # large report's view and painting its formats are then two short blocks of the GUI
        # thread instead of one long one
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(15, self._refresh)

    def update_highlight(self, highlight: Highlight) -> None:
        self._highlights = [highlight if (h.id == highlight.id and not h.heading) else h
                            for h in self._highlights]
        i = self._span_index.get(highlight.id)
        if i is None or self._hl is None or self._refresh_pending:
            self._refresh()  # a new figure (its place in the order changes) or a pending refresh
            return
        self._hl.replace_span(i, (self.view_pos(highlight.start), self.view_pos(highlight.end),
                                  highlight))

    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    def _refresh(self) -> None:
        """Hand all highlights to the highlighter (highlights changed)."""
        self._refresh_pending = False
        if self._hl is None:
            return
        spans = [(self.view_pos(h.start), self.view_pos(h.end), h) for h in self._highlights]
        self._hl.set_spans(spans)
        self._span_index = {item.id: i for i, (_, _, item) in enumerate(self._hl.spans())
                            if not item.heading}

    def _format_for(self, h: Highlight) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if h.heading:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(HEADING_OUTLINE)
            return fmt
        flashing = h.id == self._flash_id and self._flash_ticks % 2 == 1
        fmt.setBackground(QBrush(fill_color(h.status, flashing)))
        if h.id == self._selected_id:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(0, 0, 0))
        return fmt

    def _restyle(self, figure_id: int | None) -> None:
        """Re-colour one figure only (flashing, selected mark)."""
        i = self._span_index.get(figure_id) if figure_id is not None else None
        if i is None or self._hl is None or self._refresh_pending:
            return  # a pending full refresh paints the current state anyway
        s, e, _ = self._hl.spans()[i]
        self._hl.repaint_range(s, e)

    def set_selected_figure(self, figure_id: int | None, flash: bool = True) -> None:
        old, self._selected_id = self._selected_id, figure_id
        self._restyle(old)
        if flash and figure_id is not None:
            old_flash, self._flash_id = self._flash_id, figure_id
            self._flash_ticks = 7
            self._restyle(old_flash)
            self._flash_timer.start()
        self._restyle(figure_id)

    def flashing(self) -> int | None:
        return self._flash_id if self._flash_timer.isActive() else None

    def _flash_step(self) -> None:
        self._flash_ticks -= 1
        if self._flash_ticks <= 0:
            self._flash_timer.stop()
        self._restyle(self._flash_id)

    def scroll_to_offset(self, start: int, end: int) -> bool:
        c = QTextCursor(self.document())
        c.setPosition(self.view_pos(start))
        rect = self.cursorRect(c)
        vs = self.verticalScrollBar()
        vs.setValue(vs.value() + rect.center().y() - self.viewport().height() // 2)
        return True

    def figure_at_pos(self, pos) -> Highlight | None:
        c = self.cursorForPosition(pos)
        return figure_at(self._highlights, self.doc_offset(c.position()))

    # --- events -----------------------------------------------------------------------------
    def mouseMoveEvent(self, event):  # noqa: N802
        super().mouseMoveEvent(event)
        if event.buttons():
            return
        h = self.figure_at_pos(event.position().toPoint())
        if h is not None and h.tooltip:
            QToolTip.showText(event.globalPosition().toPoint(), h.tooltip, self.viewport())
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event):  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            h = self.figure_at_pos(event.position().toPoint())
            if h is not None:
                self.figureClicked.emit(h.id)


class ReportTextView(_TextViewLogic, QTextEdit):
    """The formatted text of a DOCX: paragraphs, tables, bold headings (``plain``: one block per
    line, as the detector saw it)."""

    figureClicked = Signal(int)
    textSelectionChanged = Signal(int, int)  # str offsets; (-1, -1) when nothing is selected

    def __init__(self, plain: bool = False, parent=None):
        QTextEdit.__init__(self, parent)
        self._setup(plain)


class PlainReportView(_TextViewLogic, QPlainTextEdit):
    """The plain text: TXT originals and the 纯文本 switch.

    QPlainTextEdit lays out only the lines it shows; QTextEdit lays out the whole document.
    Measured on a 90k-character report: setDocument + first paint 6 + 12 ms here against
    64 + 30 ms in a QTextEdit, which held the GUI thread over 100 ms.
    """

    figureClicked = Signal(int)
    textSelectionChanged = Signal(int, int)

    def __init__(self, parent=None):
        QPlainTextEdit.__init__(self, parent)
        self._setup(True)

    def _new_document(self) -> QTextDocument:
        doc = QTextDocument(self)
        doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
        return doc

    def scroll_to_offset(self, start: int, end: int) -> bool:
        """Centre ``start`` in the view. QPlainTextEdit's scroll bar counts lines, not pixels,
        so the caret moves there and is centred (as a find would do)."""
        c = QTextCursor(self.document())
        c.setPosition(self.view_pos(start))
        self.setTextCursor(c)
        self.centerCursor()
        return True
