"""The original pane: the PDF pages or the formatted text, a switch to the plain extracted
text, zoom and page box. One API for whichever view is showing; offsets are ``str`` offsets."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)

from core.document import Document
from gui.views.highlights import Highlight
from gui.views.pdf_view import PdfPagesView
from gui.views.text_view import PlainReportView, ReportTextView


class OriginalPane(QWidget):
    figureClicked = Signal(int)
    textSelectionChanged = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pdf_view = PdfPagesView(self)
        self.rich_view = ReportTextView(plain=False, parent=self)
        self.plain_view = PlainReportView(parent=self)
        self._stack = QStackedWidget(self)
        for v in (self.pdf_view, self.rich_view, self.plain_view):
            self._stack.addWidget(v)
            v.figureClicked.connect(self.figureClicked)
            v.textSelectionChanged.connect(self._relay_selection)
        self._document: Document | None = None
        self._pdf_ok = False
        self._plain_built = False
        self._highlights: list[Highlight] = []

        bar = QHBoxLayout()
        bar.setContentsMargins(2, 2, 2, 2)
        self.original_button = QPushButton(self.tr("原件"), self)
        self.plain_button = QPushButton(self.tr("纯文本"), self)
        group = QButtonGroup(self)
        for b in (self.original_button, self.plain_button):
            b.setCheckable(True)
            group.addButton(b)
            bar.addWidget(b)
        self.original_button.setChecked(True)
        self.original_button.setToolTip(self.tr("显示原件版式"))
        self.plain_button.setToolTip(self.tr("显示识别所用的纯文本"))
        group.buttonClicked.connect(lambda _b: self._show_current())
        bar.addStretch(1)
        self.zoom_out = QToolButton(self, text="−", toolTip=self.tr("缩小"))
        self.zoom_label = QLabel("100%", self)
        self.zoom_in = QToolButton(self, text="+", toolTip=self.tr("放大"))
        self.page_box = QSpinBox(self, toolTip=self.tr("页码"))
        self.page_box.setMinimum(1)
        self.page_total = QLabel("/ 0", self)
        page_label = QLabel(self.tr("页："), self)
        for w in (self.zoom_out, self.zoom_label, self.zoom_in, page_label, self.page_box,
                  self.page_total):
            bar.addWidget(w)
        self._pdf_controls = (self.zoom_out, self.zoom_label, self.zoom_in, page_label,
                              self.page_box, self.page_total)
        self.zoom_in.clicked.connect(lambda: self.pdf_view.set_zoom(self.pdf_view.zoom() * 1.2))
        self.zoom_out.clicked.connect(lambda: self.pdf_view.set_zoom(self.pdf_view.zoom() / 1.2))
        self.pdf_view.zoomChanged.connect(lambda z: self.zoom_label.setText(f"{round(z * 100)}%"))
        self.pdf_view.currentPageChanged.connect(self._on_page_changed)
        self.page_box.editingFinished.connect(
            lambda: self.pdf_view.go_to_page(self.page_box.value() - 1))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self._stack, 1)

    def set_document(self, document: Document, original_path: str | None = None) -> None:
        """Show ``document``; ``original_path`` is the PDF file to render (PDF only)."""
        self._document = document
        self._pdf_ok = False
        if document.format == "pdf":
            self._pdf_ok = self.pdf_view.load(original_path or document.source, document)
            self.page_box.setMaximum(max(1, self.pdf_view.page_count()))
            self.page_total.setText(f"/ {self.pdf_view.page_count()}")
            self.rich_view.clear()
        elif document.format == "txt":  # a TXT original is its plain text: one view serves both
            self.rich_view.clear()
        else:
            self.rich_view.set_document(document)
        self._plain_built = False  # the plain view is built when first shown
        self._highlights: list[Highlight] = []
        self._show_current()

    def set_highlights(self, highlights: list[Highlight]) -> None:
        self._highlights = list(highlights)
        for v in self.views():
            v.set_highlights(highlights)

    def update_highlight(self, highlight: Highlight) -> None:
        for v in self.views():
            v.update_highlight(highlight)

    def views(self):
        """The views showing the current report (the plain one once it was built)."""
        main = self._original_view()
        views = [main]
        if self._plain_built and main is not self.plain_view:
            views.append(self.plain_view)
        return views

    def _original_view(self):
        """The view of the 原件 button: PDF pages, DOCX formatting, or a TXT's own text."""
        fmt = self._document.format if self._document is not None else "txt"
        return {"pdf": self.pdf_view, "docx": self.rich_view}.get(fmt, self.plain_view)

    def _show_current(self) -> None:
        is_pdf = self._document is not None and self._document.format == "pdf" and self._pdf_ok
        original = self._original_view()
        pdf_failed = original is self.pdf_view and not is_pdf  # show its extracted text instead
        if (self.plain_button.isChecked() or self._document is None
                or original is self.plain_view or pdf_failed):
            view = self.plain_view
            if self._document is not None and not self._plain_built:
                self.plain_view.set_document(self._document)
                self.plain_view.set_highlights(self._highlights)
                self._plain_built = True
        else:
            view = self.pdf_view if is_pdf else self.rich_view
        self._stack.setCurrentWidget(view)
        for w in self._pdf_controls:
            w.setVisible(view is self.pdf_view)

    def set_plain(self, plain: bool) -> None:
        (self.plain_button if plain else self.original_button).setChecked(True)
        self._show_current()

    def current_view(self):
        """The visible view (PdfPagesView or ReportTextView)."""
        return self._stack.currentWidget()

    def show_span(self, start: int, end: int, figure_id: int | None = None) -> None:
        """Scroll the visible view to ``[start, end)`` and flash the figure (if any)."""
        view = self.current_view()
        view.scroll_to_offset(start, end)
        for v in self.views():
            v.set_selected_figure(figure_id, flash=v is view)

    def selection(self) -> tuple[int, int] | None:
        """The current text selection in the visible view, as ``str`` offsets."""
        return self.current_view().selection()

    def _relay_selection(self, start: int, end: int) -> None:
        if self.sender() is self.current_view():
            self.textSelectionChanged.emit(start, end)

    def _on_page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
