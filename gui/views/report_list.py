"""The report list pane: every report with body, year, progress, review state and file.

A click on a row opens that report; moving with the arrow keys opens the row where the reviewer
stops (after a short pause). So the right side always shows the selected report; the open one is
also marked in the list (bold, ▶). Selection changes the reviewer did not make (the filter hid
the row, a report was added) open nothing.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QVBoxLayout, QWidget

from gui.models.report_list_model import (COL_ORG, COL_PROBLEMS, COL_PROGRESS, COL_YEAR, ID_ROLE,
                                          REPORT_ROLE, ReportFilterProxy,
                                          ReportListModel)
from core.store.records import ReportSummary


OPEN_DELAY_MS = 150


class ReportListPane(QWidget):
    openRequested = Signal(int)  # report id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ReportListModel(self)
        self.proxy = ReportFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("筛选报告（单位、年度、文件名）"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_ORG, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setColumnWidth(COL_ORG, 128)  # 单位, 年度, 进度 and 问题 fit the default width
        self.table.setColumnWidth(COL_YEAR, 44)
        self.table.setColumnWidth(COL_PROGRESS, 84)
        self.table.setColumnWidth(COL_PROBLEMS, 40)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.activated.connect(self._on_double_click)
        self.table.clicked.connect(self._on_clicked)
        # arrowing through the list opens only where the reviewer stops
        self._pending_open: int | None = None
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self._open_selected)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.table, 1)

    def set_reports(self, reports: list[ReportSummary]) -> None:
        self.model.set_reports(reports)

    def _on_clicked(self, index) -> None:
        self._open_timer.stop()
        rid = index.data(ID_ROLE) if index.isValid() else None
        if rid is not None and rid != self.model.open_id():
            self.openRequested.emit(rid)

    def _on_current_row(self, current, _previous) -> None:
        rid = current.data(ID_ROLE) if current.isValid() else None
        if not self.table.hasFocus() or rid is None or rid == self.model.open_id():
            self._open_timer.stop()
            return
        self._pending_open = rid
        self._open_timer.start()

    def _open_selected(self) -> None:
        if self._pending_open is not None and self._pending_open != self.model.open_id():
            self.openRequested.emit(self._pending_open)

    def _on_double_click(self, index) -> None:
        if index.isValid():
            self.openRequested.emit(index.data(ID_ROLE))

    def rows_in_view_order(self) -> list[ReportSummary]:
        """The reports as the list shows them (filter and sort applied)."""
        return [self.proxy.index(r, 0).data(REPORT_ROLE) for r in range(self.proxy.rowCount())]

    def mark_current(self, report_id: int | None) -> None:
        """``report_id`` is the report shown on the right: marked in the list and selected."""
        self.model.set_open(report_id)
        if report_id is None:  # nothing open: nothing selected either
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            return
        row = self.model.row_of(report_id)
        if row >= 0:
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.setCurrentIndex(idx)
