"""The review area of one report: original (left) beside metadata, outline and figures (right),
linked both ways: figure row ↔ highlight, outline node → heading (and optional section filter).

``update_figure(item)`` is the one entry point for row-by-row changes (status, value…): it updates
the table row (narrow dataChanged) and the highlight colour.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTreeView, QVBoxLayout, QWidget

from core.extraction import PART_LABELS
from gui.models.figures_model import format_value
from gui.models.outline_model import SECTION_INDEX_ROLE, SECTION_ROLE, OutlineModel
from gui.report_source import FigureItem, LoadedReport
from gui.views.figures_panel import FiguresPanel
from gui.views.highlights import Highlight, status_label
from gui.views.meta_bar import MetaBar
from gui.views.original_pane import OriginalPane


def figure_tooltip(item: FigureItem) -> str:
    qual = f"（{item.qualifier}）" if item.qualifier else ""
    return (f"{item.subject}\n{format_value(item.value)} {item.unit}{qual}\n"
            f"状态：{status_label(item.status)}").strip()


def figure_highlight(item: FigureItem) -> Highlight:
    return Highlight(item.id, item.start, item.end, item.status, figure_tooltip(item))


class ReviewPane(QWidget):
    reportShown = Signal(int)
    currentFigureChanged = Signal(object)  # FigureItem or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: LoadedReport | None = None
        self.original = OriginalPane(self)
        self.meta_bar = MetaBar(self)
        self.outline_model = OutlineModel(self)
        self.outline = QTreeView(self)
        self.outline.setModel(self.outline_model)
        self.outline.setUniformRowHeights(True)
        self.outline.header().resizeSection(0, 300)
        self.figures = FiguresPanel(self)
        self.data_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.data_splitter.setObjectName("dataSplitter")
        self.data_splitter.addWidget(self.meta_bar)
        self.data_splitter.addWidget(self.outline)
        self.data_splitter.addWidget(self.figures)
        self.data_splitter.setStretchFactor(1, 1)
        self.data_splitter.setStretchFactor(2, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.addWidget(self.original)
        self.splitter.addWidget(self.data_splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.splitter)
        self._from_original = False
        self.figures.currentFigureChanged.connect(self._on_figure_row)
        self.original.figureClicked.connect(self._on_highlight_clicked)
        self.outline.selectionModel().currentChanged.connect(self._on_outline)
        self.figures.sectionLimitToggled.connect(self._apply_section_limit)

    # --- content ----------------------------------------------------------------------------
    def show_report(self, report: LoadedReport) -> None:
        self.report = report
        doc = report.document
        self.meta_bar.set_report(report.meta, report.missing_parts,
                                 f"{report.file_name}（{doc.format.upper()}）")
        self.outline_model.set_sections(report.sections)
        self.outline.expandAll()
        self.figures.model.set_figures(report.figures, report.sections)
        self.original.set_document(doc, report.original_path)
        self.original.set_highlights(self._highlights())
        self.reportShown.emit(report.id)

    def _highlights(self) -> list[Highlight]:
        hs = [Highlight(-1 - i, s.start, s.end, heading=True,
                        tooltip=PART_LABELS.get(s.kind or "", ""))
              for i, s in enumerate(self.report.sections)]
        return hs + [figure_highlight(f) for f in self.report.figures]

    def update_figure(self, item: FigureItem) -> None:
        """Apply a changed figure (same id) to the table row and its highlight."""
        self.figures.model.update_item(item)
        if self.report is not None:
            self.report.figures = self.figures.model.items()
        self.original.update_highlight(figure_highlight(item))

    def add_figure(self, item: FigureItem) -> None:
        """A new figure (added by the reviewer): a row in text order and a highlight."""
        model = self.figures.model
        row = sum(1 for f in model.items() if (f.start, f.id) < (item.start, item.id))
        model.insert_item(item, row)
        if self.report is not None:
            self.report.figures = model.items()
            self.original.set_highlights(self._highlights())

    # --- linking ----------------------------------------------------------------------------
    def _on_figure_row(self, item: FigureItem | None) -> None:
        self.currentFigureChanged.emit(item)
        if item is None or self._from_original:
            return
        self.original.show_span(item.start, item.end, item.id)

    def _on_highlight_clicked(self, figure_id: int) -> None:
        self._from_original = True
        try:
            self.figures.select_figure(figure_id)
        finally:
            self._from_original = False
        for v in self.original.views():  # mark without scrolling
            v.set_selected_figure(figure_id, flash=False)

    def _on_outline(self, current, _previous) -> None:
        section = current.data(SECTION_ROLE) if current.isValid() else None
        if section is None:
            return
        self.original.show_span(section.start, section.end)
        self._apply_section_limit(self.figures.section_only.isChecked())

    def _apply_section_limit(self, on: bool) -> None:
        idx = self.outline.currentIndex()
        if on and idx.isValid():
            self.figures.proxy.set_sections(
                self.outline_model.descendants(idx.data(SECTION_INDEX_ROLE)))
        else:
            self.figures.proxy.set_sections(None)

    def select_section(self, section_index: int) -> None:
        idx = self.outline_model.index_of_section(section_index)
        self.outline.setCurrentIndex(idx)
