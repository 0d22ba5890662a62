"""Report list: every report in the database with body, year, file, review state, pending count."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from gui.models.headers import HeadersMixin
from core.store.records import ReportSummary

COL_ORG, COL_YEAR, COL_FILE, COL_STATE, COL_PENDING, COL_TOTAL = range(6)
REPORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the ReportSummary
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ReportListModel(HeadersMixin, QAbstractTableModel):
    HEADERS = ("单位", "年度", "文件", "审核状态", "待审数字", "数字总数")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ReportSummary] = []

    def set_reports(self, reports: list[ReportSummary]) -> None:
        self.beginResetModel()
        self._rows = list(reports)
        self.endResetModel()

    def update_report(self, summary: ReportSummary) -> None:
        """Replace one row (narrow dataChanged) or append it (a newly imported report)."""
        for i, r in enumerate(self._rows):
            if r.id == summary.id:
                self._rows[i] = summary
                self.dataChanged.emit(self.index(i, 0), self.index(i, COL_TOTAL))
                return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(summary)
        self.endInsertRows()

    def reports(self) -> list[ReportSummary]:
        return list(self._rows)

    def row_of(self, report_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == report_id), -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == REPORT_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_ORG:
                return r.org or self.tr("（未识别）")
            if col == COL_YEAR:
                return r.year if role == Qt.ItemDataRole.EditRole else (str(r.year) if r.year else "—")
            if col == COL_FILE:
                return r.file_name
            if col == COL_STATE:
                return self.tr(r.review_state)
            if col == COL_PENDING:
                return r.pending
            if col == COL_TOTAL:
                return r.total
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_FILE:
            return r.file_name
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_YEAR, COL_PENDING, COL_TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReportFilterProxy(QSortFilterProxyModel):
    """Case-insensitive substring filter over body, year and file name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(Qt.ItemDataRole.EditRole)
