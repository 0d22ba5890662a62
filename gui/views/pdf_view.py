"""The PDF original: real pages rendered lazily on the GUI thread, one page per event-loop turn
(see ``page_renderer`` for why not in a thread), continuous scroll, zoom,
translucent highlight boxes from the importer's CharBoxes, text selected by dragging as in a PDF reader.

Coordinates: CharBoxes are PDF points with a top-left origin; a page is drawn at
``scale = zoom * logicalDpi / 72`` pixels per point, pages stacked with ``PAGE_GAP`` between.
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, QSizeF, QTimer, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QAbstractScrollArea

from core.document import Document
from gui.views.highlights import Highlight
from gui.views.page_renderer import PageRenderer
from gui.views.pdf_events import PdfViewEvents
from gui.views.pdf_text_pick import PageIndex

PAGE_GAP = 12
CACHE_PAGES = 24


class PdfPagesView(PdfViewEvents, QAbstractScrollArea):
    figureClicked = Signal(int)
    textSelectionChanged = Signal(int, int)  # str offsets; (-1, -1) when cleared
    currentPageChanged = Signal(int)  # 0-based
    zoomChanged = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.viewport().setMouseTracking(True)
        self.viewport().setAutoFillBackground(True)
        pal = self.viewport().palette()
        pal.setColor(self.viewport().backgroundRole(), QColor(120, 120, 120))
        self.viewport().setPalette(pal)
        self._pdf = QPdfDocument(self)
        self._renderer = PageRenderer(self)
        self._renderer.rendered.connect(self._on_rendered)
        self._document: Document | None = None
        self._sizes: list[QSizeF] = []
        self._tops: list[float] = []
        self._zoom = 1.0
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self._requested: dict[int, int] = {}  # page -> requested pixel width
        self._boxes: dict[int, list[tuple[QRectF, Highlight]]] = {}
        self._highlights: list[Highlight] = []
        self._selected_id: int | None = None
        self._flash_id: int | None = None
        self._flash_on = False
        self._flash_ticks = 0
        self._flash_timer = QTimer(self, interval=150, timeout=self._flash_step)
        self._selection: tuple[int, int] | None = None
        self._drag_from: QPointF | None = None
        self._drag_anchor = None
        self._page_index: PageIndex | None = None  # built on the first drag
        self._current_page = -1

    # --- loading ---------------------------------------------------------------------------
    def load(self, path: str, document: Document) -> bool:
        """Open ``path``; returns False when QtPdf cannot read it."""
        self._cache.clear()
        self._requested.clear()
        self._pdf.close()
        err = self._pdf.load(path)
        self._renderer.set_path(path)
        self._document = document
        self._page_index = None
        ok = err == QPdfDocument.Error.None_
        n = self._pdf.pageCount() if ok else 0
        self._sizes = [self._pdf.pagePointSize(i) for i in range(n)]
        if not self._sizes and document.page_sizes:  # fall back to the importer's sizes
            self._sizes = [QSizeF(w, h) for w, h in document.page_sizes]
        self._selection = None
        self.fit_width()
        self._relayout()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()
        return ok

    def page_count(self) -> int:
        return len(self._sizes)

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self._highlights = list(highlights)
        self._boxes = {}
        boxes = self._document.boxes if self._document else None
        if boxes is not None:
            for h in self._highlights:
                for page, x0, top, x1, bottom in boxes.rects(h.start, h.end):
                    self._boxes.setdefault(page, []).append(
                        (QRectF(x0, top, x1 - x0, bottom - top), h))
        self.viewport().update()

    def update_highlight(self, highlight: Highlight) -> None:
        """Status change of one figure: repaint without recomputing boxes."""
        for items in self._boxes.values():
            for i, (r, h) in enumerate(items):
                if h.id == highlight.id and not h.heading:
                    items[i] = (r, highlight)
        self.viewport().update()

    # --- geometry ----------------------------------------------------------------------------
    def scale(self) -> float:
        return self._zoom * self.logicalDpiY() / 72.0

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = max(0.25, min(zoom, 5.0))
        if abs(zoom - self._zoom) < 1e-6:
            return
        vs = self.verticalScrollBar()
        ratio = (vs.value() + self.viewport().height() / 2) / max(1, self._content_height())
        self._zoom = zoom
        self._requested.clear()
        self._relayout()
        vs.setValue(int(ratio * self._content_height() - self.viewport().height() / 2))
        self.viewport().update()
        self.zoomChanged.emit(zoom)

    def fit_width(self) -> None:
        """Zoom so the widest page fills the view's width."""
        widest = max((sz.width() for sz in self._sizes), default=0)
        avail = self.viewport().width() - 2 * PAGE_GAP - 4
        if widest > 0 and avail > 100:
            self._zoom = max(0.25, min(avail / (widest * self.logicalDpiY() / 72.0), 3.0))
            self.zoomChanged.emit(self._zoom)

    def _content_height(self) -> float:
        return self._tops[-1] if self._tops else 0

    def _content_width(self) -> float:
        return max((s.width() for s in self._sizes), default=0) * self.scale() + 2 * PAGE_GAP

    def _relayout(self) -> None:
        s = self.scale()
        y = PAGE_GAP
        self._tops = []
        for size in self._sizes:
            self._tops.append(y)
            y += size.height() * s + PAGE_GAP
        self._tops.append(y)
        vp = self.viewport().size()
        self.verticalScrollBar().setRange(0, max(0, int(y - vp.height())))
        self.verticalScrollBar().setPageStep(vp.height())
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setRange(0, max(0, int(self._content_width() - vp.width())))
        self.horizontalScrollBar().setPageStep(vp.width())

    def page_rect(self, page: int) -> QRectF:
        """Where ``page`` is drawn, in viewport pixels."""
        s = self.scale()
        size = self._sizes[page]
        w = size.width() * s
        x = max(PAGE_GAP, (self.viewport().width() - w) / 2) - self.horizontalScrollBar().value()
        y = self._tops[page] - self.verticalScrollBar().value()
        return QRectF(x, y, w, size.height() * s)

    def to_view(self, page: int, rect_pt: QRectF) -> QRectF:
        """A rectangle in PDF points on ``page`` → viewport pixels."""
        pr = self.page_rect(page)
        s = self.scale()
        return QRectF(pr.x() + rect_pt.x() * s, pr.y() + rect_pt.y() * s,
                      rect_pt.width() * s, rect_pt.height() * s)

    def figure_rects(self, figure_id: int) -> list[tuple[int, QRectF]]:
        """(page, viewport-pixel rect) of each drawn box of a figure."""
        return [(p, self.to_view(p, r)) for p, items in self._boxes.items()
                for r, h in items if h.id == figure_id and not h.heading]

    def visible_pages(self) -> range:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = next((i for i in range(len(self._sizes)) if self._tops[i + 1] > top), 0)
        last = first
        while last + 1 < len(self._sizes) and self._tops[last + 1] < bottom:
            last += 1
        return range(first, last + 1) if self._sizes else range(0)

    def current_page(self) -> int:
        return max(self._current_page, 0)

    def go_to_page(self, page: int) -> None:
        if 0 <= page < len(self._sizes):
            self.verticalScrollBar().setValue(int(self._tops[page] - PAGE_GAP))

    def scroll_to_offset(self, start: int, end: int) -> bool:
        """Scroll so that text ``[start, end)`` is in the middle of the view."""
        boxes = self._document.boxes if self._document else None
        rects = boxes.rects(start, end) if boxes is not None else []
        if not rects:
            page = self._document.page_of(start) if self._document else None
            if page is None:
                return False
            self.go_to_page(page)
            return True
        page, x0, top, x1, bottom = rects[0]
        s = self.scale()
        y = self._tops[page] + (top + bottom) / 2 * s
        self.verticalScrollBar().setValue(int(y - self.viewport().height() / 2))
        pr = self.page_rect(page)
        cx = pr.x() + self.horizontalScrollBar().value() + (x0 + x1) / 2 * s
        self.horizontalScrollBar().setValue(int(cx - self.viewport().width() / 2))
        return True

    # --- selection / flash ------------------------------------------------------------------------
    def set_selected_figure(self, figure_id: int | None, flash: bool = True) -> None:
        self._selected_id = figure_id
        if flash and figure_id is not None:
            self._flash_id = figure_id
            self._flash_ticks = 8
            self._flash_on = True
            self._flash_timer.start()
        self.viewport().update()

    def flashing(self) -> int | None:
        return self._flash_id if self._flash_timer.isActive() else None

    def _flash_step(self) -> None:
        self._flash_ticks -= 1
        self._flash_on = not self._flash_on
        if self._flash_ticks <= 0:
            self._flash_timer.stop()
            self._flash_on = False
        self.viewport().update()

    def selection(self) -> tuple[int, int] | None:
        """The text selected by dragging, as ``str`` offsets ``(start, end)``."""
        return self._selection

    def set_selection(self, start: int, end: int) -> None:
        self._selection = (start, end) if end > start else None
        self.viewport().update()
        self.textSelectionChanged.emit(*(self._selection or (-1, -1)))

    def hit_test(self, pos: QPointF) -> tuple[int, QPointF] | None:
        """(page, point in PDF points) under a viewport position."""
        for p in self.visible_pages():
            pr = self.page_rect(p)
            if pr.contains(pos):
                s = self.scale()
                return p, QPointF((pos.x() - pr.x()) / s, (pos.y() - pr.y()) / s)
        return None

    def highlight_at(self, pos: QPointF) -> Highlight | None:
        hit = self.hit_test(pos)
        if hit is None:
            return None
        page, pt = hit
        for r, h in self._boxes.get(page, []):
            if not h.heading and r.adjusted(-1, -1, 1, 1).contains(pt):
                return h
        return None

    def page_index(self) -> PageIndex | None:
        if self._page_index is None and self._document is not None \
                and self._document.boxes is not None:
            self._page_index = PageIndex(self._document.boxes)
        return self._page_index

    # --- rendering ---------------------------------------------------------------------------
    def _image_for(self, page: int) -> QImage | None:
        img = self._cache.get(page)
        if img is not None:
            self._cache.move_to_end(page)
        want = int(self._sizes[page].width() * self.scale() * self.devicePixelRatioF())
        if (img is None or img.width() != want) and self._requested.get(page) != want:
            self._requested[page] = want
            h = int(self._sizes[page].height() * self.scale() * self.devicePixelRatioF())
            self._renderer.request(page, want, h)
        return img

    def _on_rendered(self, page: int, width: int, image: QImage) -> None:
        if self._requested.get(page) != width:
            return  # an old zoom level
        self._cache[page] = image
        self._cache.move_to_end(page)
        while len(self._cache) > CACHE_PAGES:
            old, _ = self._cache.popitem(last=False)
            self._requested.pop(old, None)
        self.viewport().update()

    def rendered_image(self, page: int) -> QImage | None:
        return self._cache.get(page)
