"""Renders PDF pages lazily, one page per event-loop turn, so the GUI never waits long.

Why not a thread: ``QPdfPageRenderer.requestPage`` crashes PySide6 6.12 (a refcount bug), and
``QPdfDocument.render`` keeps the Python GIL while PDFium draws, so a render thread blocked the
GUI thread for 100–500 ms (measured). One page at screen zoom takes 15–30 ms, so rendering the
queue from a zero-timer keeps every GUI stall under the 100 ms budget; requests for pages that
scrolled away are dropped. Results: ``rendered(page, width, QImage)``.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QSize, QTimer, Signal
from PySide6.QtPdf import QPdfDocument


class PageRenderer(QObject):
    rendered = Signal(int, int, object)  # page, pixel width, QImage

    def __init__(self, parent=None):
        super().__init__(parent)
        self._doc = QPdfDocument(self)
        self._path = ""
        self._queue: dict[int, tuple[int, int]] = {}  # page -> (width, height), in order
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_next)

    def set_path(self, path: str) -> None:
        self._queue.clear()
        self._path = path
        self._doc.close()
        self._doc.load(path)

    def request(self, page: int, width: int, height: int) -> None:
        self._queue[page] = (width, height)
        if not self._timer.isActive():
            self._timer.start()

    def cancel_except(self, pages) -> list[int]:
        """Drop requests for pages no longer wanted (scrolled away); returns the dropped pages."""
        keep = set(pages)
        dropped = [p for p in self._queue if p not in keep]
        for p in dropped:
            del self._queue[p]
        return dropped

    def pending(self) -> int:
        return len(self._queue)

    def _render_next(self) -> None:
        if not self._queue:
            return
        page = next(iter(self._queue))
        width, height = self._queue.pop(page)
        image = self._doc.render(page, QSize(width, height))
        if not image.isNull():
            self.rendered.emit(page, width, image)
        if self._queue:
            self._timer.start()
