"""Renders PDF pages off the GUI thread with the one worker abstraction (``Task``).

QPdfPageRenderer is not used: its ``requestPage`` crashes PySide6 6.12 (a refcount bug). Each
render thread opens its own ``QPdfDocument`` of the file (QtPdf serialises PDFium calls), so the
GUI thread's document is only used for page sizes. Results: ``rendered(page, width, QImage)``.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QSize, QThreadPool, Signal
from PySide6.QtPdf import QPdfDocument

from gui.workers.task import Task, TaskContext

_local = threading.local()


def _document(path: str) -> QPdfDocument:
    docs = getattr(_local, "docs", None)
    if docs is None:
        docs = _local.docs = {}
    doc = docs.get(path)
    if doc is None:
        if len(docs) > 4:
            for old in docs.values():
                old.close()
            docs.clear()
        doc = QPdfDocument()
        doc.load(path)
        docs[path] = doc
    return doc


def _render(ctx: TaskContext, path: str, page: int, width: int, height: int):
    ctx.check_cancelled()
    image = _document(path).render(page, QSize(width, height))
    return page, width, image


class PageRenderer(QObject):
    rendered = Signal(int, int, object)  # page, pixel width, QImage

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._path = ""
        self._tasks: dict[int, Task] = {}

    def set_path(self, path: str) -> None:
        self.cancel_all()
        self._path = path

    def request(self, page: int, width: int, height: int) -> None:
        old = self._tasks.pop(page, None)
        if old is not None:
            old.cancel()
        task = Task(_render, self._path, page, width, height)
        task.result.connect(self._on_result)
        task.finished.connect(lambda p=page, t=task: self._done(p, t))
        self._tasks[page] = task
        task.start(self._pool)

    def cancel_except(self, pages) -> None:
        """Cancel requests for pages no longer wanted (scrolled away)."""
        keep = set(pages)
        for p, t in list(self._tasks.items()):
            if p not in keep:
                t.cancel()

    def cancel_all(self) -> None:
        for t in self._tasks.values():
            t.cancel()

    def pending(self) -> int:
        return len(self._tasks)

    def _on_result(self, value) -> None:
        page, width, image = value
        if self.sender() is not None and not image.isNull():
            self.rendered.emit(page, width, image)

    def _done(self, page: int, task: Task) -> None:
        if self._tasks.get(page) is task:
            del self._tasks[page]

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)
