"""The review area of one report: original (left) beside metadata, outline and figures (right),
linked both ways: figure row ↔ highlight, outline node → heading (and optional section filter).

The pane holds no report data of its own: it shows ``gui.session.Session``'s open report and
follows its signals (a changed figure updates one table row and one highlight; changed headings
rebuild the outline and the heading frames, never the document).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTreeView, QVBoxLayout, QWidget

from core.extraction import PART_LABELS
from core.review.session import ReportSession
from core.store.records import FigureRecord
from gui.models.figures_model import format_value
from gui.models.outline_model import SECTION_INDEX_ROLE, SECTION_ROLE, OutlineModel
from gui.session import Session
from gui.views.empty_state import EmptyState
from gui.views.figures_panel import FiguresPanel
from gui.views.highlights import Highlight, status_label
from gui.views.meta_bar import MetaBar
from gui.views.original_pane import OriginalPane


def figure_tooltip(item: FigureRecord) -> str:
    qual = f"（{item.qualifier}）" if item.qualifier else ""
    return (f"{item.subject or ''}\n{format_value(item.value)} {item.unit or ''}{qual}\n"
            f"状态：{status_label(item.status)}").strip()


def figure_highlight(item: FigureRecord) -> Highlight:
    return Highlight(item.id, item.start, item.end, item.status, figure_tooltip(item))


class ReviewPane(QWidget):
    currentFigureChanged = Signal(object)  # FigureRecord or None

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.original = OriginalPane(self)
        self.meta_bar = MetaBar(self)
        self.outline_model = OutlineModel(self)
        self.outline = QTreeView(self)
        self.outline.setModel(self.outline_model)
        self.outline.setUniformRowHeights(True)
        self.outline.header().resizeSection(0, 300)
        self.figures = FiguresPanel(self, editable=True)
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
        self.empty = EmptyState(self)  # shown while no report is open
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)
        self._from_original = False
        self.figures.currentFigureChanged.connect(self._on_figure_row)
        self.original.figureClicked.connect(self._on_highlight_clicked)
        self.outline.selectionModel().currentChanged.connect(self._on_outline)
        self.figures.sectionLimitToggled.connect(self._apply_section_limit)
        session.opened.connect(self.show_report)
        session.closed.connect(self.show_empty)
        session.figuresChanged.connect(self._on_figures_changed)
        session.figuresAdded.connect(self._on_figures_added)
        session.sectionsChanged.connect(self._on_sections_changed)
        session.reportChanged.connect(self._show_meta)  # a corrected 单位, 年度 …

    @property
    def report(self) -> ReportSession | None:
        return self.session.report

    # --- content ----------------------------------------------------------------------------
    def show_empty(self) -> None:
        self.figures.model.set_report(None)
        self.outline_model.set_sections([])
        self.stack.setCurrentWidget(self.empty)

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def show_report(self, report: ReportSession) -> None:
        self.stack.setCurrentWidget(self.splitter)
        doc = report.document
        self._show_meta(report)
        self.outline_model.set_sections(report.sections)
        self.outline.expandAll()
        self.figures.model.set_report(report)
        self.original.set_document(doc, report.original_path)
        self.original.set_highlights(self._highlights())

    def _show_meta(self, report: ReportSession) -> None:
        self.meta_bar.set_report(report.record, report.missing_parts,
                                 f"{report.file_name}（{report.document.format.upper()}）")

    def _highlights(self) -> list[Highlight]:
        report = self.report
        hs = [Highlight(-1 - i, s.start, s.end, heading=True,
                        tooltip=PART_LABELS.get(s.kind or "", ""))
              for i, s in enumerate(report.sections)]
        return hs + [figure_highlight(f) for f in report.figures]

    def _on_figures_changed(self, ids: list[int]) -> None:
        self.figures.model.update_figures(ids)
        for fid in ids:
            self.original.update_highlight(figure_highlight(self.report.figure(fid)))
        current = self.figures.current_figure()
        if current is not None and current.id in ids:
            self.currentFigureChanged.emit(current)  # the same row, new values

    def _on_figures_added(self, ids: list[int]) -> None:
        self.figures.model.insert_figures(ids)
        self.original.set_highlights(self._highlights())

    def _on_sections_changed(self) -> None:
        current = self.outline.currentIndex()
        sec = current.data(SECTION_ROLE) if current.isValid() else None
        self._show_meta(self.report)
        self.outline_model.set_sections(self.report.sections)
        self.outline.expandAll()
        self.figures.model.sections_changed()
        self.original.set_highlights(self._highlights())
        if sec is not None:  # keep the reviewer's place in the outline
            for i, s in enumerate(self.report.sections):
                if s.id == sec.id:
                    self.select_section(i)
        self._apply_section_limit(self.figures.section_only.isChecked())  # indices moved

    # --- what the review workflow asks of the pane ---------------------------------------
    def text_selection(self) -> tuple[int, int] | None:
        """The text selected in the visible original, as ``str`` offsets."""
        return self.original.selection() if self.report is not None else None

    def set_text_selection(self, start: int, end: int) -> None:
        self.original.current_view().set_selection(start, end)

    def outline_section(self, focused_only: bool = False):
        """The outline's current heading (``focused_only``: only while the outline has focus)."""
        if focused_only and not self.outline.hasFocus():
            return None
        idx = self.outline.currentIndex()
        return idx.data(SECTION_ROLE) if idx.isValid() else None

    def focus_figures(self) -> None:
        self.figures.table.setFocus()

    def focus_original(self) -> None:
        self.original.current_view().setFocus()

    def focus_outline(self) -> None:
        self.outline.setFocus()

    # --- linking ----------------------------------------------------------------------------
    def _on_figure_row(self, item: FigureRecord | None) -> None:
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
