"""Painting and input handling of ``PdfPagesView`` (a mixin, kept apart to keep modules small)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from gui.views.pdf_text_pick import span_between
from gui.views.highlights import HEADING_OUTLINE, SELECTED_OUTLINE, fill_color, status_color

SELECTION_FILL = QColor(0, 120, 215, 70)


class PdfViewEvents:
    def paintEvent(self, event):  # noqa: N802
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        pages = self.visible_pages()
        page = pages.start if len(pages) else -1
        # current page = the page under the middle of the view
        mid = self.viewport().height() / 2
        for p in pages:
            pr = self.page_rect(p)
            if pr.top() <= mid <= pr.bottom() + 12:
                page = p
        if page != self._current_page and page >= 0:
            self._current_page = page
            self.currentPageChanged.emit(page)
        for dropped in self._renderer.cancel_except(pages):
            self._requested.pop(dropped, None)
        for p in pages:
            pr = self.page_rect(p)
            img = self._image_for(p)
            painter.fillRect(pr, Qt.GlobalColor.white)
            if img is not None:
                painter.drawImage(pr, img)
            self._paint_overlays(painter, p)
        painter.end()

    def _paint_overlays(self, painter: QPainter, page: int) -> None:
        for rect_pt, h in self._boxes.get(page, []):
            r = self.to_view(page, rect_pt).adjusted(-1, -1, 1, 1)
            if h.heading:
                painter.setPen(QPen(HEADING_OUTLINE, 1.2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(r.adjusted(-1, -1, 1, 1))
                continue
            flashing = h.id == self._flash_id and self._flash_on
            # the fill is multiplied onto the page like a highlighter pen: white paper takes the
            # colour, the printed characters stay black and readable (a plain translucent box
            # over them greyed the text, worst under the purple of 人工新增)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
            painter.fillRect(r, fill_color(h.status, flashing))
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if h.id == self._selected_id:
                painter.setPen(QPen(SELECTED_OUTLINE, 2.5))
                painter.drawRect(r.adjusted(-1, -1, 1, 1))
            else:
                painter.setPen(QPen(status_color(h.status), 0.8))
                painter.drawRect(r)
        if self._selection and self._document and self._document.boxes is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SELECTION_FILL)
            for p, x0, top, x1, bottom in self._document.boxes.rects(*self._selection):
                if p == page:
                    painter.drawRect(self.to_view(p, QRectF(x0, top, x1 - x0, bottom - top)))

    def resizeEvent(self, event):  # noqa: N802
        self._relayout()
        super().resizeEvent(event)

    def scrollContentsBy(self, dx, dy):  # noqa: N802
        self.viewport().update()

    def wheelEvent(self, event):  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.set_zoom(self._zoom * step)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        vs = self.verticalScrollBar()
        if key == Qt.Key.Key_PageDown:
            vs.setValue(vs.value() + vs.pageStep())
        elif key == Qt.Key.Key_PageUp:
            vs.setValue(vs.value() - vs.pageStep())
        elif key == Qt.Key.Key_Home:
            vs.setValue(0)
        elif key == Qt.Key.Key_End:
            vs.setValue(vs.maximum())
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event):  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        h = self.highlight_at(pos)
        if h is not None:  # a click selects the figure; a drag from it still selects text
            self.figureClicked.emit(h.id)
        self._drag_from = pos
        self._drag_anchor = self._pick(pos)

    def mouseMoveEvent(self, event):  # noqa: N802
        pos = event.position()
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._update_drag_selection(pos)
            return
        h = self.highlight_at(pos)
        if h is not None and h.tooltip:
            QToolTip.showText(event.globalPosition().toPoint(), h.tooltip, self.viewport())
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            QToolTip.hideText()
            self.viewport().setCursor(Qt.CursorShape.IBeamCursor)

    def mouseReleaseEvent(self, event):  # noqa: N802
        if self._drag_from is not None:
            if (event.position() - self._drag_from).manhattanLength() < 3:
                self.set_selection(0, 0)  # a plain click clears the selection
            self._drag_from = None

    def leaveEvent(self, event):  # noqa: N802
        QToolTip.hideText()
        super().leaveEvent(event)

    def _pick(self, pos: QPointF):
        """(offset, past its middle) of the character nearest to ``pos`` on the page under it."""
        hit = self.hit_test(pos)
        index = self.page_index()
        if hit is None or index is None:
            return None
        page, pt = hit
        return index.char_at(page, pt.x(), pt.y())

    def _update_drag_selection(self, pos: QPointF) -> None:
        """A drag selects the text from the press point to the pointer in reading order, as a
        PDF reader does (along a line, across lines, never an empty rubber band)."""
        if getattr(self, "_drag_anchor", None) is None:
            self._drag_anchor = self._pick(self._drag_from)
        here = self._pick(pos)
        if self._drag_anchor is None or here is None:
            return
        span = span_between(self._drag_anchor, here)
        if span:
            self.set_selection(*span)
