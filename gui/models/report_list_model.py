"""Report list: every report in the database with body, year, progress (已审 12/45), review
state, file and counts. The first column carries the review state's colour and marks the report
that is open on the right (bold, ▶), so the list never leaves it in doubt."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from gui.models.headers import HeadersMixin
from core.store.records import ReportSummary

# 进度 and 问题 come early: the list pane is narrow and they are what a reviewer scans for
COL_ORG, COL_YEAR, COL_PROGRESS, COL_PROBLEMS, COL_STATE, COL_FILE, COL_PENDING, COL_TOTAL = range(8)
REPORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the ReportSummary
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ReportListModel(HeadersMixin, QAbstractTableModel):
    HEADERS = ("单位", "年度", "进度", "问题", "审核状态", "文件", "待审数字", "数字总数")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ReportSummary] = []
        self._keys: list[str] = []  # per row, lower-cased text the filter searches (see filter_key)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._problems: dict[int, dict[str, int]] = {}  # Store.check_counts(): id -> decision -> n
        self._open_id: int | None = None
        self._duplicates: dict[int, list[int]] = {}

    def set_duplicates(self, duplicates: dict[int, list[int]]) -> None:
        """report id → other reports with the same text: their 文件 cell is marked."""
        self._duplicates = dict(duplicates)
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_ORG), self.index(len(self._rows) - 1, COL_FILE))

    def duplicates_of(self, report_id: int) -> list[int]:
        return self._duplicates.get(report_id, [])

    def file_name(self, report_id: int) -> str:
        row = self.row_of(report_id)
        return self._rows[row].file_name if row >= 0 else str(report_id)

    def set_problem_counts(self, counts: dict[int, dict[str, int]]) -> None:
        self._problems = dict(counts)
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_PROBLEMS),
                                  self.index(len(self._rows) - 1, COL_PROBLEMS))

    def set_problem_count(self, report_id: int, counts: dict[str, int]) -> None:
        self._problems[report_id] = dict(counts)
        row = self.row_of(report_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, COL_PROBLEMS), self.index(row, COL_PROBLEMS))

    def set_open(self, report_id: int | None) -> None:
        """The report shown on the right: its row is bold with a ▶ in the first column."""
        rows = [self.row_of(r) for r in (self._open_id, report_id) if r is not None]
        self._open_id = report_id
        for row in rows:
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, COL_TOTAL))

    def open_id(self) -> int | None:
        return self._open_id

    def remove_report(self, report_id: int) -> None:
        row = self.row_of(report_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            del self._keys[row]
            self.endRemoveRows()

    def set_reports(self, reports: list[ReportSummary]) -> None:
        self.beginResetModel()
        self._rows = list(reports)
        if self._sort is not None:
            self._rows.sort(key=self._sort_key(self._sort[0]),
                            reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        self._keys = [filter_key(r) for r in self._rows]
        self.endResetModel()

    def update_report(self, summary: ReportSummary) -> None:
        """Replace one row (narrow dataChanged) or append it (a newly imported report)."""
        for i, r in enumerate(self._rows):
            if r.id == summary.id:
                self._rows[i] = summary
                self._keys[i] = filter_key(summary)
                self.dataChanged.emit(self.index(i, 0), self.index(i, COL_TOTAL))
                return
        at = self._insertion_row(summary)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, summary)
        self._keys.insert(at, filter_key(summary))
        self.endInsertRows()

    def _insertion_row(self, summary: ReportSummary) -> int:
        """Where a new report goes in the current sort order (the end when unsorted)."""
        if self._sort is None:
            return len(self._rows)
        key = self._sort_key(self._sort[0])
        k = key(summary)
        descending = self._sort[1] == Qt.SortOrder.DescendingOrder
        for i, r in enumerate(self._rows):
            if (key(r) < k) if descending else (k < key(r)):
                return i
        return len(self._rows)

    def matches(self, row: int, needle: str) -> bool:
        """``needle`` (lower case) occurs in the row's body, year, file name or review state."""
        return needle in self._keys[row]

    # Sorting happens here, in one Python list sort, and not in the filter proxy: the proxy sorts
    # by calling data() from C++ for every comparison, and re-sorts on every filter keystroke
    # (5,000 reports: ~190 ms a keystroke, growing with the archive).
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_ids = [r.id for r in self._rows]
        self._rows.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        new_row = {r.id: i for i, r in enumerate(self._rows)}
        self._keys = [filter_key(r) for r in self._rows]
        for old in self.persistentIndexList():
            row = new_row[old_ids[old.row()]]
            self.changePersistentIndex(old, self.index(row, old.column()))
        self.layoutChanged.emit()

    def _sort_key(self, column: int):
        edit = Qt.ItemDataRole.EditRole
        if column in (COL_ORG, COL_FILE, COL_STATE):
            return lambda r: str(self._value(r, column, edit) or "")
        # numbers; a report without a year sorts first
        return lambda r: self._value(r, column, edit) or 0

    def reports(self) -> list[ReportSummary]:
        return list(self._rows)

    def row_of(self, report_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == report_id), -1)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self._value(self._rows[index.row()], index.column(), role)

    def _value(self, r: ReportSummary, col: int, role):
        if role == REPORT_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_ORG:
                name = r.org or self.tr("（未识别）")
                if role != Qt.ItemDataRole.DisplayRole:
                    return name
                if r.id in self._duplicates:  # visible even in a narrow list
                    name = self.tr("【重复】") + name
                return "▶ " + name if r.id == self._open_id else name
            if col == COL_PROGRESS:
                done = r.total - r.pending
                if role == Qt.ItemDataRole.EditRole:  # sorts by share reviewed
                    return done / r.total if r.total else 1.0
                return progress_text(r)
            if col == COL_YEAR:
                return r.year if role == Qt.ItemDataRole.EditRole else (str(r.year) if r.year else "—")
            if col == COL_FILE:
                if r.id in self._duplicates and role == Qt.ItemDataRole.DisplayRole:
                    return self.tr("【重复】") + r.file_name
                return r.file_name
            if col == COL_STATE:
                return self.tr(r.review_state)
            if col == COL_PENDING:
                return r.pending
            if col == COL_TOTAL:
                return r.total
            if col == COL_PROBLEMS:  # still to look at: 待核实 + 确认问题
                n = self._problems.get(r.id, {})
                return n.get("待核实", 0) + n.get("确认问题", 0)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_ORG:
            return QColor(*STATE_RGB.get(r.review_state, STATE_RGB["未审"]))
        if role == Qt.ItemDataRole.FontRole and r.id == self._open_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PROBLEMS:
            n = self._problems.get(r.id, {})
            return self.tr("待核实 {0}，确认问题 {1}，核实无误 {2}").format(
                n.get("待核实", 0), n.get("确认问题", 0), n.get("核实无误", 0))
        if role == Qt.ItemDataRole.ToolTipRole and r.id in self._duplicates:
            others = "、".join(self.file_name(o) for o in self._duplicates[r.id])
            return self.tr("与“{0}”正文相同（同一报告的不同格式？）").format(others)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}\n{1} {2}  {3}").format(r.file_name, r.org or "", r.year or "",
                                                        progress_text(r))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_YEAR, COL_PENDING, COL_TOTAL,
                                                                 COL_PROBLEMS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# review state → colour of the mark in the first column (grey: not started, amber: under way,
# green: marked reviewed)
STATE_RGB = {"未审": (160, 160, 160), "审核中": (255, 176, 0), "已审核": (46, 170, 80)}


def filter_key(r: ReportSummary) -> str:
    """What the list filter searches, lower-cased once per row (not per keystroke)."""
    return f"{r.org or ''}\t{r.year or ''}\t{r.file_name}\t{r.review_state}".lower()


def progress_text(r: ReportSummary) -> str:
    """已审 12/45: figures decided (confirmed, modified, added) of those that stand."""
    return f"已审 {r.total - r.pending}/{r.total}"


class ReportFilterProxy(QSortFilterProxyModel):
    """Case-insensitive substring filter over body, year, file name and review state.

    One Python call per row against a key the model lower-cased once (``filter_key``); sorting is
    forwarded to the model (see ``ReportListModel.sort``), so a keystroke never sorts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""

    def setFilterFixedString(self, text: str) -> None:  # noqa: N802 - Qt override
        self.beginFilterChange()
        self._needle = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt override
        return not self._needle or self.sourceModel().matches(source_row, self._needle)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)
