"""The report list pane: every report with body, year, file, review state and pending count."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QVBoxLayout, QWidget

from gui.models.report_list_model import (COL_ORG, ID_ROLE, REPORT_ROLE, ReportFilterProxy,
                                          ReportListModel)
from core.store.records import ReportSummary


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
        self.table.setColumnWidth(COL_ORG, 160)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.activated.connect(self._on_double_click)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.table, 1)

    def set_reports(self, reports: list[ReportSummary]) -> None:
        self.model.set_reports(reports)

    def _on_double_click(self, index) -> None:
        if index.isValid():
            self.openRequested.emit(index.data(ID_ROLE))

    def rows_in_view_order(self) -> list[ReportSummary]:
        """The reports as the list shows them (filter and sort applied)."""
        return [self.proxy.index(r, 0).data(REPORT_ROLE) for r in range(self.proxy.rowCount())]

    def mark_current(self, report_id: int) -> None:
        row = self.model.row_of(report_id)
        if row >= 0:
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.setCurrentIndex(idx)
